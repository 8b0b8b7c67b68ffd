"""The one table of the formula language: each function and operator with its numpy
implementation (along the last, month, axis, for values shaped ``(months,)`` or ``(draws, months)``)
and its Excel rendering.  See :mod:`xlmodel.model.language`."""

from __future__ import annotations

import ast
import functools
import operator
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

from .. import finance
from .erlang_a import erlang_a_met_excel, erlang_a_meets


class FormulaError(ValueError):
    """A line-item expression the formula language does not support (a model bug)."""


def _max(*args):
    return functools.reduce(np.maximum, args) if _any_array(args) else float(max(args))


def _min(*args):
    return functools.reduce(np.minimum, args) if _any_array(args) else float(min(args))


def _roundup(x, digits=0):
    value = np.ceil(x - 1e-9)  # a whole number computed as 2.0000000001 stays 2
    return value if isinstance(value, np.ndarray) else float(value)


def _rounddown(x, digits=0):
    value = np.floor(x + 1e-9)  # the same guard as roundup: 2.9999999999 computed for 3 stays 3
    return value if isinstance(value, np.ndarray) else float(value)


def _ln(x):
    value = np.log(x)
    return value if isinstance(value, np.ndarray) else float(value)


def _exp(x):
    with np.errstate(over="ignore", invalid="ignore"):
        value = np.exp(x)
    return value if isinstance(value, np.ndarray) else float(value)


def _where(condition, a, b):
    if _any_array((condition, a, b)):
        return np.where(np.asarray(condition) != 0, a, b).astype(float)
    return a if condition else b


def _erlang_sl(agents, traffic, answer_seconds, handling_seconds):
    """Erlang C service level with ``agents`` (> traffic) for ``traffic`` Erlangs: the share of
    contacts answered within ``answer_seconds``, handling ``handling_seconds`` each; Erlang B as the
    ratio of two Poisson terms, the workbook's own formula (1 where there is no traffic)."""
    from scipy.stats import poisson  # only the tests evaluate the native search in numpy
    n, a = np.asarray(agents, dtype=float), np.asarray(traffic, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p, q = poisson.pmf(n, a), poisson.cdf(n, a)
        sl = 1 - n * p / ((n - a) * q + a * p) * np.exp(-(n - a) * answer_seconds / handling_seconds)
    sl = np.where(a > 0, sl, 1.0)
    return sl if sl.ndim else float(sl)


def _index(vector, position):
    return np.asarray(vector)[..., np.asarray(position, dtype=int) - 1]


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
        return np.where(found, first[:, None] + 1.0, np.nan)
    return float(first + 1) if found else float("nan")


def _yearly(x):
    x = np.asarray(x, dtype=float)
    totals = x.reshape(*x.shape[:-1], -1, 12).sum(axis=-1)
    return np.concatenate((np.zeros(totals.shape[:-1] + (1,)), totals), axis=-1)


def _sumproduct(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.ndim <= 1 and b.ndim <= 1:
        return float(a @ b)
    return np.einsum("...i,...i->...", *np.broadcast_arrays(a, b))[..., None]


def _irr(flows):
    flows = np.asarray(flows, dtype=float)
    if flows.ndim == 2:
        return np.array([[_irr(row)] for row in flows])
    rate = finance.irr(-flows[0], flows[1:])  # flows: year 0 (the one-off costs, negative), then each year
    return float("nan") if rate is None else rate


def _peak(x):
    x = np.asarray(x, dtype=float)
    peaks = np.maximum(x.reshape(*x.shape[:-1], -1, 12).max(axis=-1), 0.0)  # as Excel's masked MAX: at least 0
    return np.repeat(peaks, 12, axis=-1)


def _peakin(x, group):
    """The peak of ``x`` over the months of the same year with the same ``group`` (a phase number)."""
    x = np.asarray(x, dtype=float)
    g = np.broadcast_to(np.asarray(group, dtype=float), x.shape)
    out = np.zeros_like(x)
    for value in np.unique(g):
        mask = g == value
        peaks = np.where(mask, x, -np.inf).reshape(*x.shape[:-1], -1, 12).max(axis=-1)
        out = np.where(mask, np.repeat(np.maximum(peaks, 0.0), 12, axis=-1), out)
    return out


def _total(x):
    x = np.asarray(x, dtype=float)
    return x.sum(axis=-1, keepdims=True) if x.ndim == 2 else float(x.sum())


def _when(condition, value):
    if isinstance(condition, np.ndarray) or isinstance(value, np.ndarray):
        return np.where(np.asarray(condition) != 0, value, np.nan)
    return float(value) if condition else float("nan")


def _divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:  # numbers, not arrays: an error value, as Excel's #DIV/0!
        return float("nan")


def _any_array(args) -> bool:
    return any(isinstance(a, np.ndarray) for a in args)


class MonthlyRow(NamedTuple):
    """Where a monthly row is laid out: its sheet prefix (``""`` or ``"Staffing!"``) and its row."""

    sheet: str
    row: int


class YearlyRow(NamedTuple):
    """Where a yearly row is laid out: its sheet prefix and its row (year 0 first, then each year)."""

    sheet: str
    row: int


class Timeline(NamedTuple):
    """Where the periods are laid out: the first and last month columns and the row of each month's
    year number; the columns of year 0 and of the last year, and the row of each year's number."""

    first: str
    last: str
    year_row: int
    year_first: str = ""
    year_last: str = ""
    year_number_row: int = 0


THIS, PREV = "\x00", "\x01"  # the period's column and the previous one's, left open in a template


def _span(at: MonthlyRow | YearlyRow, grid: Timeline) -> str:
    first, last = (grid.first, grid.last) if isinstance(at, MonthlyRow) else (grid.year_first, grid.year_last)
    return f"{at.sheet}${first}${at.row}:${last}${at.row}"


def _sumif_year(ats, grid: Timeline, criterion_row: int) -> str:
    years = f"${grid.first}${grid.year_row}:${grid.last}${grid.year_row}"
    return f"SUMIF({years},{THIS}${criterion_row},{_span(ats[0], grid)})"


def _peak_of_year(ats, grid: Timeline) -> str:
    # Excel 2010 has no MAXIFS and IronCalc no INDEX(...):INDEX(...) range: SUMPRODUCT evaluates the
    # masked row as an array in every engine (the mask's zeros make the result at least 0).
    years = f"${grid.first}${grid.year_row}:${grid.last}${grid.year_row}"
    return f"SUMPRODUCT(MAX(({years}={THIS}${grid.year_row})*{_span(ats[0], grid)}))"


def _peak_of_group(ats, grid: Timeline) -> str:
    years = f"${grid.first}${grid.year_row}:${grid.last}${grid.year_row}"
    group = ats[1]
    return (f"SUMPRODUCT(MAX(({years}={THIS}${grid.year_row})*({_span(group, grid)}={group.sheet}{THIS}${group.row})"
            f"*{_span(ats[0], grid)}))")


def _call(name: str):
    return lambda args: f"{name}({','.join(args)})"


_ATOM = re.compile(r"[$A-Za-z0-9_.!\x00\x01]+")  # a reference, its period column maybe left open


def _atom(text: str) -> str:
    """A rendered argument, parenthesised unless it is a single reference or number."""
    return text if _ATOM.fullmatch(text) else f"({text})"


def _erlang_sl_excel(args) -> str:
    """``1 - n P / ((n - A) Q + A P) x EXP(-(n - A) t / h)`` with P = POISSON(n, A, FALSE) and
    Q = POISSON(n, A, TRUE): Erlang C is n B / (n - A (1 - B)) with Erlang B = P / Q, multiplied out
    so that B never divides (P underflows to 0 far above the traffic; C is then 0, not an error)."""
    n, a, t, h = (_atom(x) for x in args)
    p, q = f"POISSON({args[0]},{args[1]},FALSE)", f"POISSON({args[0]},{args[1]},TRUE)"
    return f"(1-{n}*{p}/(({n}-{a})*{q}+{a}*{p})*EXP(-({n}-{a})*{t}/{h}))"


@dataclass(frozen=True)
class Function:
    """A function of the language: its numpy implementation and how Excel writes it.

    A function of *rows* (``rows`` is ``"month"``, ``"year"``, ``"same"``, the period of the row
    being written, or ``"any"``) takes row names of that period and is rendered from where those rows are laid
    out (``excel(locations, grid)``); any other function is rendered from its rendered arguments
    (``excel(args)``).
    """

    name: str
    arity: tuple[int, int | None]  # fewest and most arguments
    numpy: Callable
    excel: Callable[..., str]
    rows: str | None = None


FUNCTIONS = {f.name: f for f in (
    Function("max", (2, None), _max, _call("MAX")),
    Function("min", (2, None), _min, _call("MIN")),
    Function("roundup", (2, 2), _roundup, _call("ROUNDUP")),
    Function("rounddown", (2, 2), _rounddown, _call("ROUNDDOWN")),
    Function("ln", (1, 1), _ln, _call("LN")),
    Function("exp", (1, 1), _exp, _call("EXP")),
    Function("where", (3, 3), _where, _call("IF")),
    Function("erlang_sl", (4, 4), _erlang_sl, _erlang_sl_excel),
    Function("erlang_a_met", (8, 8), erlang_a_meets, erlang_a_met_excel),
    Function("index", (2, 2), _index, _call("INDEX")),
    Function("when", (2, 2), _when, lambda args: f"IF({args[0]},{args[1]},NA())"),
    Function("prev", (1, 1), _prev, lambda ats, grid: f"{ats[0].sheet}{PREV}{ats[0].row}", "same"),
    Function("first", (1, 1), _first, lambda ats, grid: f"{ats[0].sheet}${grid.first}${ats[0].row}", "month"),
    Function("annual", (1, 1), _annual, lambda ats, grid: _sumif_year(ats, grid, grid.year_row), "month"),
    Function("firstmonth", (1, 1), _firstmonth, lambda ats, grid: f"MATCH(1,{_span(ats[0], grid)},0)", "month"),
    Function("yearly", (1, 1), _yearly, lambda ats, grid: _sumif_year(ats, grid, grid.year_number_row), "month"),
    Function("sumproduct", (2, 2), _sumproduct,
             lambda ats, grid: f"SUMPRODUCT({_span(ats[0], grid)},{_span(ats[1], grid)})", "year"),
    Function("irr", (1, 1), _irr, lambda ats, grid: f"IRR({_span(ats[0], grid)})", "year"),
    Function("peak", (1, 1), _peak, _peak_of_year, "month"),
    Function("peakin", (2, 2), _peakin, _peak_of_group, "month"),
    Function("total", (1, 1), _total, lambda ats, grid: f"SUM({_span(ats[0], grid)})", "any"),
)}


def _comparison(python, ufunc):
    def compare(a, b):
        if isinstance(a, str) or isinstance(b, str):  # Excel compares text without case
            return float(python(str(a).lower(), str(b).lower()))
        if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
            return ufunc(a, b).astype(float)
        return float(python(a, b))
    return compare


#: Comparison operators: how numpy evaluates each (1.0 or 0.0) and its Excel symbol.
COMPARISONS = {
    ast.Lt: (_comparison(operator.lt, np.less), "<"), ast.LtE: (_comparison(operator.le, np.less_equal), "<="),
    ast.Gt: (_comparison(operator.gt, np.greater), ">"), ast.GtE: (_comparison(operator.ge, np.greater_equal), ">="),
    ast.Eq: (_comparison(operator.eq, np.equal), "="), ast.NotEq: (_comparison(operator.ne, np.not_equal), "<>"),
}
#: Arithmetic operators: numpy, Excel symbol, Excel precedence.
OPERATORS = {ast.Add: (operator.add, "+", 2), ast.Sub: (operator.sub, "-", 2), ast.Mult: (operator.mul, "*", 3),
             ast.Div: (_divide, "/", 3), ast.Pow: (operator.pow, "^", 5)}
