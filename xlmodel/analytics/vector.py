"""The model evaluated for many draws at once: rows as arrays shaped ``(draws, months)``.

The exact engine (:class:`xlmodel.engine.Evaluation`) evaluates one case, sizing every team by
Erlang C month by month: about 10-20 ms, far too slow for 100 000 Monte Carlo draws.  This module
evaluates the *same rows* (:mod:`xlmodel.model`) with the same evaluator and functions
(:meth:`xlmodel.model.language.Formula.compile`) for a block of draws at once:

- inputs moved by a driver are arrays shaped ``(draws, 1)``; a row that depends on none of them
  keeps the engine's exact base value (shape ``(months,)``); a row that does is an array shaped
  ``(draws, months)`` (scalar rows ``(draws, 1)``, yearly rows ``(draws, years + 1)``), whose parts
  that depend on no draw are computed once, and whose products multiply the small factors before
  the big arrays.
- staffing uses the **square-root staffing rule** instead of Erlang C:
  ``N = max(A + beta * sqrt(A), A / max_occupancy)`` for live channels, where ``A`` is the
  traffic in erlangs and ``beta`` is fitted per staffing row and month so that the rule gives the
  engine's exact Erlang C sizing at the base case (``beta = (N0 - A0) / sqrt(A0)``).  Deferred
  channels are sized exactly (workload over occupancy).  This is an approximation: it reproduces
  the engine at the base draw (to rounding) and stays within 1.5 agents (or 3 %) of exact Erlang C
  for volumes moved by +-20 % (tests/test_analytics_montecarlo.py); the sizing is continuous rather than
  whole agents, which is what a Monte Carlo of averages wants.

Only the rows that the scenario totals, one-off costs and comparability need are evaluated (the payback rows are
not), and each draw-dependent row is released after its last use, so the memory held is about
``live rows x chunk x months x 8`` bytes (see :meth:`ArrayModel.peak_bytes`).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import sys
from dataclasses import dataclass

import numpy as np

from ..case import Case
from ..engine import Evaluation
from ..erlang import offered_traffic
from ..finance import discount_factors
from ..model import CONSTANTS, Input, RowRef, StaffRef

_INTERVAL = float(CONSTANTS["INTERVAL_SECONDS"][0])


@dataclass
class ArrayResult:
    """Costs of every scenario for a block of draws (scenario order of the model)."""

    scenario_ids: list[str]
    npv_cost: np.ndarray      # (draws, scenarios)
    annual_cost: np.ndarray   # (draws, scenarios, years)
    one_off_cost: np.ndarray  # (draws, scenarios)
    comparable: np.ndarray    # (draws, scenarios): 1 where the scenario meets the target service


class ArrayModel:
    """A case's model prepared for evaluation over many draws of the inputs in ``varying``.

    Parameters
    ----------
    case : the validated case (its values are the base draw).
    varying : references to inputs (``ChannelInput(0, "annual_volume")``,
        ``Input("inhouse", "attrition_rate")``...) that :meth:`evaluate` will receive as arrays, one
        value per draw.
    evaluation : the engine's exact evaluation of ``case`` (computed when not given).
    """

    def __init__(self, case: Case, varying, evaluation: Evaluation | None = None):
        self.case = case
        self.ev = ev = evaluation or Evaluation(case)
        self.model = ev.model
        self.months = case.months
        self.years = case.finance.horizon_years
        self.varying = frozenset(varying)
        self.scenarios = [sc for sc in self.model.scenarios]
        self.scenario_ids = [sc.id for sc in self.scenarios]
        self._staff_rows = {s.key: s for s in self.model.staff}
        outputs = [RowRef(sc.key(name)) for name in ("total", "one_off", "comparable") for sc in self.scenarios]
        order = self._schedule(self._needed(outputs))
        self._dependent = {ref for ref, _ in order}
        self._release = self._releases(order, keep=set(outputs))
        self._order = [self._compile_step(ref, payload) for ref, payload in order]

    # -- preparation -----------------------------------------------------------------------------
    def _refs_of(self, ref: RowRef | StaffRef) -> list:
        """The references a row or staffing row is computed from."""
        if isinstance(ref, RowRef):
            return list(self.model.row(ref.key).bind.values())
        s = self._staff_rows[ref.key]
        return [StaffRef(k) for k in s.peak_of] if s.peak_of else [s.contacts, s.aht, s.hours]

    def _needed(self, outputs) -> set:
        """The rows and staffing rows the outputs are computed from (themselves included)."""
        needed, stack = set(), list(outputs)
        while stack:
            ref = stack.pop()
            if ref in needed:
                continue
            needed.add(ref)
            stack.extend(r for r in self._refs_of(ref) if isinstance(r, (RowRef, StaffRef)))
        return needed

    def _schedule(self, needed: set) -> list:
        """The needed rows and staffing rows that depend on the draws, as ``(ref, row)`` in evaluation
        order: model order, each staffing row just before its first use."""
        order, dependent = [], set()

        def depends(ref) -> bool:
            return ref in self.varying or ref in dependent

        def schedule_staff(ref: StaffRef):
            if ref in dependent:
                return
            s = self._staff_rows[ref.key]
            for k in s.peak_of:
                schedule_staff(StaffRef(k))
            if any(depends(r) for r in self._refs_of(ref)):
                dependent.add(ref)
                order.append((ref, s))

        for row in self.model.rows:
            ref = RowRef(row.key)
            if ref not in needed:
                continue
            for used in row.bind.values():
                if isinstance(used, StaffRef):
                    schedule_staff(used)
            if any(depends(used) for used in row.bind.values()):
                dependent.add(ref)
                order.append((ref, row))
        return order

    def _releases(self, order: list, keep: set) -> list[list]:
        """For each step, the draw-dependent values used for the last time there (released after it)."""
        dependent = {ref for ref, _ in order}
        last_use = {}
        for i, (ref, _) in enumerate(order):
            for used in self._refs_of(ref):
                if used in dependent:
                    last_use[used] = i
        release = [[] for _ in order]
        for used, i in last_use.items():
            if used not in keep:
                release[i].append(used)
        return release

    def _base(self, ref):
        """The engine's value of a reference at the base case."""
        return self.ev.resolve(ref)

    def _name_fn(self, bind):
        def compile_name(name):
            ref = bind[name]
            if ref in self.varying or ref in self._dependent:
                return lambda env: env[ref]
            value = self._base(ref)
            return lambda env: value
        return compile_name

    def _rank_fn(self, bind):
        def rank(name):
            ref = bind[name]
            if ref in self.varying:
                return 2
            if ref in self._dependent:
                return 2 if isinstance(ref, RowRef) and self.model.row(ref.key).scalar else 3
            return 1 if isinstance(self._base(ref), np.ndarray) else 0
        return rank

    def _compile_step(self, ref, row):
        if isinstance(ref, RowRef):
            # A yearly row (the NPV of cost a re-internalisation ranks its quotes by) has years 0 to H.
            periods = 1 if row.scalar else self.years + 1 if row.yearly else self.months
            evaluate = row.formula.compile(self._name_fn(row.bind), self._rank_fn(row.bind))
            return (ref, lambda env: evaluate(env, periods), periods)
        s = row
        if s.peak_of:
            getters = [self._name_fn({"part": StaffRef(k)})("part") for k in s.peak_of]

            def peak(env):
                total = functools.reduce(np.add, [g(env) for g in getters])
                total = np.broadcast_to(total, np.broadcast_shapes(np.shape(total), (1, self.months)))
                by_year = total.reshape(total.shape[0], -1, 12).max(axis=-1)
                return np.repeat(by_year, 12, axis=-1)
            return (ref, peak, self.months)
        channel = self.case.channels[s.channel]
        get = {name: self._name_fn({name: ref})(name) for name, ref in
               (("contacts", s.contacts), ("aht", s.aht), ("hours", s.hours))}

        def traffic(contacts, aht, hours):
            return offered_traffic(contacts, np.asarray(aht, dtype=float), _INTERVAL, service_hours=np.asarray(hours),
                                   concurrency=channel.concurrency)

        def traffic_fn():
            # Erlangs are proportional to the contacts and to the AHT: the factors that no draw
            # moves are folded once (the traffic of one contact, or of one second of AHT).
            names = {"contacts": s.contacts, "aht": s.aht, "hours": s.hours}
            ranks = {n: self._rank_fn(names)(n) for n in names}
            if ranks["hours"] <= 1:
                hours = self._base(s.hours)
                if ranks["aht"] <= 1:
                    factor = traffic(1.0, self._base(s.aht), hours)
                    return lambda env: get["contacts"](env) * factor
                if ranks["contacts"] <= 1:
                    factor = traffic(np.asarray(self._base(s.contacts), dtype=float), 1.0, hours)
                    return lambda env: get["aht"](env) * factor
                scale = traffic(1.0, 1.0, hours)
                return lambda env: get["contacts"](env) * get["aht"](env) * scale
            return lambda env: traffic(get["contacts"](env), get["aht"](env), get["hours"](env))

        erlangs = traffic_fn()
        if channel.kind == "deferred":
            inverse = 1.0 / channel.max_occupancy
            return (ref, lambda env: erlangs(env) * inverse, self.months)
        a0 = np.broadcast_to(traffic(self._base(s.contacts), self._base(s.aht), self._base(s.hours)),
                             (self.months,)).astype(float)
        n0 = np.asarray(self.ev.resolve(ref), dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            beta = np.where(a0 > 0, (n0 - a0) / np.sqrt(np.where(a0 > 0, a0, 1.0)), 0.0)
        cap = 1.0 / channel.max_occupancy

        def sized(env):
            a = erlangs(env)
            return np.maximum(a + beta * np.sqrt(a), a * cap)
        return (ref, sized, self.months)

    # -- evaluation ------------------------------------------------------------------------------
    def evaluate(self, inputs: dict) -> ArrayResult:
        """Scenario costs for draws of the varying inputs (each an array of one value per draw)."""
        draws = len(next(iter(inputs.values()))) if inputs else 1
        env = self._inputs(inputs, draws)
        months = self.months
        for (ref, fn, periods), release in zip(self._order, self._release):
            env[ref] = np.broadcast_to(np.asarray(fn(env), dtype=float), (draws, periods))
            for used in release:
                del env[used]
        rate = env.get(Input("finance", "discount_rate"), self.case.finance.discount_rate)
        discount = np.broadcast_to(discount_factors(rate, self.years), (draws, self.years))
        annual = np.empty((draws, len(self.scenarios), self.years))
        one_off = np.empty((draws, len(self.scenarios)))
        comparable = np.empty((draws, len(self.scenarios)))
        for j, sc in enumerate(self.scenarios):
            comparable[:, j] = np.broadcast_to(
                np.asarray(env.get(RowRef(sc.key("comparable")), self.ev.values[sc.key("comparable")]),
                           dtype=float).reshape(-1), (draws,))
            total = env.get(RowRef(sc.key("total")), self.ev.values[sc.key("total")])
            total = np.broadcast_to(total, (draws, months))
            annual[:, j, :] = total.reshape(draws, self.years, 12).sum(axis=-1)
            one_off[:, j] = np.broadcast_to(
                np.asarray(env.get(RowRef(sc.key("one_off")), self.ev.values[sc.key("one_off")]),
                           dtype=float).reshape(-1), (draws,))
        npv = one_off + np.einsum("dsy,dy->ds", annual, discount)
        return ArrayResult(self.scenario_ids, npv, annual, one_off, comparable)

    def _inputs(self, inputs: dict, draws: int) -> dict:
        """Varying inputs as ``(draws, 1)`` arrays; those not given keep the case's value."""
        env: dict = {ref: np.asarray(v, dtype=float).reshape(draws, 1) for ref, v in inputs.items()}
        for ref in self.varying - env.keys():
            env[ref] = np.full((draws, 1), float(self.ev.resolve(ref)))
        return env

    def staffing(self, inputs: dict) -> dict:
        """Agents on duty of every draw-dependent staffing row (``(draws, months)``) by its key, for checks."""
        draws = len(next(iter(inputs.values()))) if inputs else 1
        env = self._inputs(inputs, draws)
        for ref, fn, periods in self._order:
            env[ref] = np.broadcast_to(np.asarray(fn(env), dtype=float), (draws, periods))
        return {ref.key: env[ref] for ref, _, _ in self._order if isinstance(ref, StaffRef)}

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
