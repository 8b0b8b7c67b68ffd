"""The model evaluated for many draws at once: rows as arrays shaped ``(draws, months)``.

The exact engine (:class:`xlmodel.engine.Evaluation`) evaluates one case, sizing every team by
Erlang C month by month: about 10-20 ms, far too slow for 100 000 Monte Carlo draws.  This module
evaluates the *same rows* (:mod:`xlmodel.model`, parsed by :func:`xlmodel.model.language.parse`) for a
block of draws at once:

- inputs moved by a driver are arrays shaped ``(draws, 1)``; a row that depends on none of them
  keeps the engine's exact base value (shape ``(months,)``); a row that does is an array shaped
  ``(draws, months)`` (scalar rows ``(draws, 1)``).  ``prev``, ``first``, ``annual`` and
  ``firstmonth`` act along the last (month) axis; :func:`xlmodel.model.language.evaluate` is untouched.
- staffing uses the **square-root staffing rule** instead of Erlang C:
  ``N = max(A + beta * sqrt(A), A / max_occupancy)`` for live channels, where ``A`` is the
  traffic in erlangs and ``beta`` is fitted per staffing row and month so that the rule gives the
  engine's exact Erlang C sizing at the base case (``beta = (N0 - A0) / sqrt(A0)``).  Deferred
  channels are sized exactly (workload over occupancy).  This is an approximation: it reproduces
  the engine at the base draw (to rounding) and stays within 1.5 agents (or 3 %) of exact Erlang C
  for volumes moved by +-20 % (tests/test_analytics_vector.py); the sizing is continuous rather than
  whole agents, which is what a Monte Carlo of averages wants.

Only the rows that the scenario totals and one-off costs need are evaluated (the payback rows are
not), and each draw-dependent row is released after its last use, so the memory held is about
``live rows x chunk x months x 8`` bytes (see :meth:`ArrayModel.peak_bytes`).
"""

from __future__ import annotations

import ast
import contextlib
import ctypes
import functools
import sys
from dataclasses import dataclass

import numpy as np

from ..case import Case
from ..engine import Evaluation
from ..model.language import FormulaError, parse
from ..model import CONSTANTS

_INTERVAL = float(CONSTANTS["INTERVAL_SECONDS"][0])


@dataclass
class ArrayResult:
    """Costs of every scenario for a block of draws (scenario order of the model)."""

    scenario_ids: list[str]
    npv_cost: np.ndarray      # (draws, scenarios)
    annual_cost: np.ndarray   # (draws, scenarios, years)
    one_off_cost: np.ndarray  # (draws, scenarios)


def _prev(x):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    out[..., 0] = 0.0
    out[..., 1:] = x[..., :-1]
    return out


def _first(x):
    x = np.asarray(x)
    return x[..., :1] if x.ndim == 2 else float(x.flat[0])


def _annual(x):
    x = np.asarray(x, dtype=float)
    totals = x.reshape(*x.shape[:-1], -1, 12).sum(axis=-1)
    return np.repeat(totals, 12, axis=-1)


def _firstmonth(flags):
    hit = np.asarray(flags) == 1
    found = hit.any(axis=-1, keepdims=hit.ndim == 2)
    first = np.argmax(hit, axis=-1)
    if hit.ndim == 2:
        first = first[:, None]
    return np.where(found, first + 1.0, np.nan)


def _compile(tree: ast.expr, name_fn, rank_fn):
    """A closure ``f(env) -> value`` for a parsed expression.

    ``name_fn(name)`` compiles a name; ``rank_fn(name)`` tells its shape: 0 a base scalar, 1 a base
    monthly row ``(months,)``, 2 a per-draw scalar ``(draws, 1)``, 3 a per-draw monthly row
    ``(draws, months)``.  Sub-expressions without per-draw names are computed once, here; products
    are regrouped so that small factors are multiplied together before the big arrays (fewer
    passes over ``(draws, months)`` arrays; the result differs from the engine's only by rounding).
    """
    if _rank(tree, rank_fn) <= 1:
        value = _compile_plain(tree, name_fn, rank_fn)(None)
        return lambda env: value
    if isinstance(tree, ast.BinOp) and isinstance(tree.op, (ast.Mult, ast.Div)):
        return _compile_product(tree, name_fn, rank_fn)
    return _compile_plain(tree, name_fn, rank_fn)


def _rank(tree, rank_fn) -> int:
    ranks = [rank_fn(n.id) for n in ast.walk(tree) if isinstance(n, ast.Name)
             and not any(isinstance(c, ast.Call) and c.func is n for c in ast.walk(tree))]
    return max(ranks, default=0)


def _factors(tree, out, divide=False):
    if isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Mult):
        _factors(tree.left, out, divide)
        _factors(tree.right, out, divide)
    elif isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Div) and not divide:
        _factors(tree.left, out, divide)
        _factors(tree.right, out, True)
    else:
        out.append((tree, divide))
    return out


def _compile_product(tree, name_fn, rank_fn):
    factors = _factors(tree, [])
    small_num, small_den, big = [], [], []
    for node, divide in factors:
        r = _rank(node, rank_fn)
        fn = _compile(node, name_fn, rank_fn)
        if r <= 2:
            (small_den if divide else small_num).append((r, fn))
        else:
            big.append((divide, fn))
    scalar_num = [fn for r, fn in small_num if r != 1]
    scalar_den = [fn for r, fn in small_den if r != 1]
    month_num = [fn for r, fn in small_num if r == 1]
    month_den = [fn for r, fn in small_den if r == 1]

    def combine(num, den, env):
        value = None
        for fn in num:
            value = fn(env) if value is None else value * fn(env)
        if den:
            d = None
            for fn in den:
                d = fn(env) if d is None else d * fn(env)
            value = 1.0 / d if value is None else value / d
        return value

    def product(env):
        # (draws, 1) factors together, (months,) factors together, then one pass per big factor.
        value = combine(scalar_num, scalar_den, env)
        monthly = combine(month_num, month_den, env)
        if monthly is not None:
            value = monthly if value is None else value * monthly
        for divide, fn in big:
            if divide:
                value = (1.0 / fn(env)) if value is None else value / fn(env)
            else:
                value = fn(env) if value is None else fn(env) * value
        return value
    return product


def _compile_plain(tree: ast.expr, name_fn, rank_fn):
    if isinstance(tree, ast.Constant):
        value = tree.value
        return lambda env: value
    if isinstance(tree, ast.Name):
        return name_fn(tree.id)
    sub = lambda node: _compile(node, name_fn, rank_fn)  # noqa: E731
    if isinstance(tree, ast.BinOp):
        a, b = sub(tree.left), sub(tree.right)
        op = type(tree.op)
        if op is ast.Add:
            return lambda env: a(env) + b(env)
        if op is ast.Sub:
            return lambda env: a(env) - b(env)
        if op is ast.Mult:
            return lambda env: a(env) * b(env)
        if op is ast.Div:
            return lambda env: a(env) / b(env)
        return lambda env: np.power(a(env), b(env))
    if isinstance(tree, ast.UnaryOp):
        inner = sub(tree.operand)
        return (lambda env: -inner(env)) if isinstance(tree.op, ast.USub) else inner
    if isinstance(tree, ast.Compare):
        a, b = sub(tree.left), sub(tree.comparators[0])
        op = {ast.Lt: np.less, ast.LtE: np.less_equal, ast.Gt: np.greater, ast.GtE: np.greater_equal,
              ast.Eq: np.equal, ast.NotEq: np.not_equal}[type(tree.ops[0])]

        def compare(env):
            x, y = a(env), b(env)
            if isinstance(x, str) or isinstance(y, str):
                return float(op(str(x).lower(), str(y).lower()))
            return np.asarray(op(x, y), dtype=float)
        return compare
    if isinstance(tree, ast.Call):
        fn = tree.func.id
        args = [sub(arg) for arg in tree.args]
        if fn in ("max", "min"):
            reduce = np.maximum if fn == "max" else np.minimum
            return lambda env: functools.reduce(reduce, [f(env) for f in args])
        if fn == "roundup":
            return lambda env: np.ceil(args[0](env) - 1e-9)
        if fn == "index":
            return lambda env: np.asarray(args[0](env))[..., np.asarray(args[1](env), dtype=int) - 1]
        single = {"prev": _prev, "first": _first, "annual": _annual, "firstmonth": _firstmonth}[fn]
        return lambda env: single(args[0](env))
    raise FormulaError(f"cannot evaluate {ast.dump(tree)}")


class ArrayModel:
    """A case's model prepared for evaluation over many draws of the inputs in ``varying``.

    Parameters
    ----------
    case : the validated case (its values are the base draw).
    varying : reference keys (``ch:0.annual_volume``, ``in:inhouse.attrition_rate``...) that
        :meth:`evaluate` will receive as arrays, one value per draw.
    evaluation : the engine's exact evaluation of ``case`` (computed when not given).
    """

    def __init__(self, case: Case, varying, evaluation: Evaluation | None = None):
        self.case = case
        self.ev = ev = evaluation or Evaluation(case)
        self.model = ev.model
        self.months = case.months
        self.years = case.finance.horizon_years
        self.varying = set(varying)
        self.scenarios = [sc for sc in self.model.scenarios]
        self.scenario_ids = [sc.id for sc in self.scenarios]
        rows = {r.key: r for r in self.model.rows}
        staff = {s.key: s for s in self.model.staff}

        # Rows the totals need, in model order.
        needed: set[str] = set()
        stack = [f"{sc.prefix}.total" for sc in self.scenarios] + [f"{sc.prefix}.one_off" for sc in self.scenarios]

        def visit_ref(ref):
            kind, _, rest = ref.partition(":")
            if kind == "row" and rest not in needed:
                stack.append(rest)
            elif kind == "st" and ("st:" + rest) not in needed:
                needed.add("st:" + rest)
                s = staff[rest]
                for k in s.peak_of:
                    visit_ref(f"st:{k}")
                for r in (s.contacts, s.aht, s.hours):
                    if r:
                        visit_ref(r)
        while stack:
            key = stack.pop()
            if key in needed:
                continue
            needed.add(key)
            for ref in rows[key].bind.values():
                visit_ref(ref)

        # Which rows and staffing rows depend on the draws.
        dependent: set[str] = set()

        def depends(ref: str) -> bool:
            if ref in self.varying:
                return True
            kind, _, rest = ref.partition(":")
            if kind == "row":
                return rest in dependent
            if kind == "st":
                return ("st:" + rest) in dependent
            return False

        self._steps = []  # (kind, key, payload) in evaluation order
        order = []
        for row in self.model.rows:
            if row.key not in needed:
                continue
            # Staffing rows a row refers to are evaluated just before their first use.
            for ref in row.bind.values():
                if ref.startswith("st:"):
                    self._schedule_staff(ref[3:], staff, needed, dependent, depends, order)
            if any(depends(ref) for ref in row.bind.values()):
                if f"row:{row.key}" in row.bind.values():
                    raise FormulaError(f"row {row.key}: accumulators are not needed by the totals")
                dependent.add(row.key)
                order.append(("row", row.key, row))
        self._dependent = dependent
        # Last use of each dependent value, so that it can be released.
        last_use: dict[str, int] = {}
        for i, (kind, key, payload) in enumerate(order):
            refs = payload.bind.values() if kind == "row" else payload["refs"]
            for ref in refs:
                k = ref[4:] if ref.startswith("row:") else ref if ref.startswith("st:") else None
                if k is not None and (k in dependent):
                    last_use[k] = i
        keep = {f"{sc.prefix}.total" for sc in self.scenarios} | {f"{sc.prefix}.one_off" for sc in self.scenarios}
        self._release = [[] for _ in order]
        for k, i in last_use.items():
            if k not in keep:
                self._release[i].append(k)
        self._order = [self._compile_step(kind, key, payload) for kind, key, payload in order]

    # -- preparation -----------------------------------------------------------------------------
    def _schedule_staff(self, key, staff, needed, dependent, depends, order):
        tag = "st:" + key
        if tag in dependent or any(entry[1] == tag for entry in order):
            return
        s = staff[key]
        for k in s.peak_of:
            self._schedule_staff(k, staff, needed, dependent, depends, order)
        refs = [f"st:{k}" for k in s.peak_of] if s.peak_of else [s.contacts, s.aht, s.hours]
        if any(depends(r) for r in refs):
            dependent.add(tag)
            order.append(("staff", tag, {"row": s, "refs": refs}))

    def _base(self, ref: str):
        kind, _, rest = ref.partition(":")
        if kind == "row":
            return self.ev.values[rest]
        if kind == "st":
            return self.ev.resolve(ref)
        return self.ev.resolve(ref)

    def _name_fn(self, bind):
        def compile_name(name):
            ref = bind[name]
            kind, _, rest = ref.partition(":")
            if ref in self.varying:
                return lambda env: env[ref]
            if kind == "row" and rest in self._dependent:
                return lambda env: env[rest]
            if kind == "st" and ref in self._dependent:
                return lambda env: env[ref]
            value = self._base(ref)
            return lambda env: value
        return compile_name

    def _rank_fn(self, bind):
        def rank(name):
            ref = bind[name]
            kind, _, rest = ref.partition(":")
            if ref in self.varying:
                return 2
            if kind == "row" and rest in self._dependent:
                return 2 if self.model.row(rest).scalar else 3
            if kind == "st" and ref in self._dependent:
                return 3
            value = self._base(ref)
            return 1 if isinstance(value, np.ndarray) else 0
        return rank

    def _compile_step(self, kind, key, payload):
        if kind == "row":
            row = payload
            fn = _compile(parse(row.expr), self._name_fn(row.bind), self._rank_fn(row.bind))
            return (key, fn, row.scalar)
        s = payload["row"]
        if s.peak_of:
            parts = [f"st:{k}" for k in s.peak_of]
            getters = [self._name_fn({p: p})(p) for p in parts]

            def peak(env):
                total = functools.reduce(np.add, [g(env) for g in getters])
                total = np.broadcast_to(total, np.broadcast_shapes(np.shape(total), (1, self.months)))
                by_year = total.reshape(total.shape[0], -1, 12).max(axis=-1)
                return np.repeat(by_year, 12, axis=-1)
            return (key, peak, False)
        channel = self.case.channels[s.channel]
        get = {name: self._name_fn({name: ref})(name) for name, ref in
               (("contacts", s.contacts), ("aht", s.aht), ("hours", s.hours))}

        def traffic(contacts, aht, hours):
            intervals = np.asarray(hours) * 3600.0 / _INTERVAL
            return contacts / intervals * (np.asarray(aht, dtype=float) / channel.concurrency) / _INTERVAL

        def traffic_fn():
            # Erlangs = contacts x aht x scale; the non-drawn factors are folded once.
            names = {"contacts": s.contacts, "aht": s.aht, "hours": s.hours}
            ranks = {n: self._rank_fn(names)(n) for n in names}
            if ranks["hours"] <= 1:
                scale = 1.0 / (np.asarray(self._base(s.hours)) * 3600.0 / _INTERVAL * channel.concurrency * _INTERVAL)
                if ranks["aht"] <= 1:
                    factor = np.asarray(self._base(s.aht), dtype=float) * scale
                    return lambda env: get["contacts"](env) * factor
                if ranks["contacts"] <= 1:
                    factor = np.asarray(self._base(s.contacts), dtype=float) * scale
                    return lambda env: get["aht"](env) * factor
                return lambda env: get["contacts"](env) * get["aht"](env) * scale
            return lambda env: traffic(get["contacts"](env), get["aht"](env), get["hours"](env))

        erlangs = traffic_fn()
        if channel.kind == "deferred":
            inverse = 1.0 / channel.max_occupancy
            return (key, lambda env: erlangs(env) * inverse, False)
        a0 = np.broadcast_to(traffic(self._base(s.contacts), self._base(s.aht), self._base(s.hours)),
                             (self.months,)).astype(float)
        n0 = np.asarray(self.ev.resolve(key), dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            beta = np.where(a0 > 0, (n0 - a0) / np.sqrt(np.where(a0 > 0, a0, 1.0)), 0.0)
        cap = 1.0 / channel.max_occupancy

        def sized(env):
            a = erlangs(env)
            return np.maximum(a + beta * np.sqrt(a), a * cap)
        return (key, sized, False)

    # -- evaluation ------------------------------------------------------------------------------
    def evaluate(self, inputs: dict[str, np.ndarray]) -> ArrayResult:
        """Scenario costs for draws of the varying inputs (each an array of one value per draw)."""
        draws = len(next(iter(inputs.values()))) if inputs else 1
        env = self._inputs(inputs, draws)
        months = self.months
        for (key, fn, scalar), release in zip(self._order, self._release):
            value = fn(env)
            if scalar:
                value = np.broadcast_to(np.asarray(value, dtype=float), (draws, 1))
            else:
                value = np.broadcast_to(np.asarray(value, dtype=float), (draws, months))
            env[key] = value
            for k in release:
                del env[k]
        rate = env.get("in:finance.discount_rate", self.case.finance.discount_rate)
        discount = (1.0 + np.asarray(rate, dtype=float)) ** -np.arange(1, self.years + 1)
        discount = np.broadcast_to(discount, (draws, self.years))
        annual = np.empty((draws, len(self.scenarios), self.years))
        one_off = np.empty((draws, len(self.scenarios)))
        for j, sc in enumerate(self.scenarios):
            total = env.get(f"{sc.prefix}.total", self.ev.values[f"{sc.prefix}.total"])
            total = np.broadcast_to(total, (draws, months))
            annual[:, j, :] = total.reshape(draws, self.years, 12).sum(axis=-1)
            one_off[:, j] = np.broadcast_to(
                np.asarray(env.get(f"{sc.prefix}.one_off", self.ev.values[f"{sc.prefix}.one_off"]),
                           dtype=float).reshape(-1), (draws,))
        npv = one_off + np.einsum("dsy,dy->ds", annual, discount)
        return ArrayResult(self.scenario_ids, npv, annual, one_off)

    def _inputs(self, inputs: dict[str, np.ndarray], draws: int) -> dict[str, object]:
        """Varying inputs as ``(draws, 1)`` arrays; those not given keep the case's value."""
        env: dict[str, object] = {ref: np.asarray(v, dtype=float).reshape(draws, 1) for ref, v in inputs.items()}
        for ref in self.varying - env.keys():
            env[ref] = np.full((draws, 1), float(self.ev.resolve(ref)))
        return env

    def staffing(self, inputs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Agents on duty of every draw-dependent staffing row (``(draws, months)``), for checks."""
        draws = len(next(iter(inputs.values()))) if inputs else 1
        env = self._inputs(inputs, draws)
        for key, fn, scalar in self._order:
            env[key] = np.broadcast_to(np.asarray(fn(env), dtype=float), (draws, 1) if scalar else (draws, self.months))
        return {key[3:]: env[key] for key, _, _ in self._order if key.startswith("st:")}

    def dependent_rows(self) -> int:
        """How many rows and staffing rows are re-evaluated per block of draws."""
        return len(self._order)

    def peak_values(self) -> int:
        """The most draw-dependent monthly arrays alive at once during :meth:`evaluate`."""
        alive, peak = 0, 0
        for release in self._release:
            alive += 1
            peak = max(peak, alive)
            alive -= len(release)
        return peak

    def peak_bytes(self, chunk: int) -> int:
        """An upper bound of the bytes held by the arrays of one block of ``chunk`` draws."""
        return self.peak_values() * chunk * self.months * 8


@contextlib.contextmanager
def large_array_allocator():
    """Keep freed memory in the process while many large temporary arrays come and go (glibc only).

    Each row of a block of draws is a fresh array of about a megabyte; with glibc's default settings
    every one is mapped from and returned to the system, and the page faults double the run time.
    Inside this context the allocator keeps up to 256 MiB of freed memory for reuse; on exit the
    default thresholds are set back and the memory is returned (``malloc_trim``).  A process-wide
    setting, so it is confined to the Monte Carlo run; elsewhere (macOS, Windows, musl) it does
    nothing.
    """
    libc = _glibc()
    if libc is None:
        yield
        return
    M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3
    libc.mallopt(M_MMAP_THRESHOLD, 256 << 20)
    libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)
    libc.mallopt(M_TOP_PAD, 64 << 20)
    try:
        yield
    finally:
        libc.mallopt(M_TOP_PAD, 0)
        libc.mallopt(M_TRIM_THRESHOLD, 128 << 10)
        libc.mallopt(M_MMAP_THRESHOLD, 128 << 10)
        libc.malloc_trim(0)


@functools.lru_cache(maxsize=1)
def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt, libc.malloc_trim  # noqa: B018 - both must exist (glibc)
        return libc
    except (OSError, AttributeError):
        return None
