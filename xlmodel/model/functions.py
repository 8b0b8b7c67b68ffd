"""The one table of the formula language: each function and operator with its numpy
implementation (along the last, month, axis, for values shaped ``(months,)`` or ``(draws, months)``)
and its Excel rendering.  See :mod:`xlmodel.model.language`."""

from __future__ import annotations

import ast
import functools
import operator
from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np


class FormulaError(ValueError):
    """A line-item expression the formula language does not support (a model bug)."""


def _max(*args):
    return functools.reduce(np.maximum, args) if _any_array(args) else float(max(args))


def _min(*args):
    return functools.reduce(np.minimum, args) if _any_array(args) else float(min(args))


def _roundup(x, digits=0):
    value = np.ceil(x - 1e-9)  # a whole number computed as 2.0000000001 stays 2
    return value if isinstance(value, np.ndarray) else float(value)


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


def _any_array(args) -> bool:
    return any(isinstance(a, np.ndarray) for a in args)


class MonthlyRow(NamedTuple):
    """Where a monthly row is laid out: its sheet prefix (``""`` or ``"Staffing!"``) and its row."""

    sheet: str
    row: int


class Timeline(NamedTuple):
    """Where the months are laid out: first and last month columns, and the row of year numbers."""

    first: str
    last: str
    year_row: int


THIS, PREV = "\x00", "\x01"  # the month's column and the previous month's, left open in a template


def _span(at: MonthlyRow, grid: Timeline) -> str:
    return f"{at.sheet}${grid.first}${at.row}:${grid.last}${at.row}"


def _sumif_year(at: MonthlyRow, grid: Timeline) -> str:
    years = f"${grid.first}${grid.year_row}:${grid.last}${grid.year_row}"
    return f"SUMIF({years},{THIS}${grid.year_row},{_span(at, grid)})"


@dataclass(frozen=True)
class Function:
    """A function of the language: its numpy implementation and how Excel writes it.

    A *time operator* takes one row name and is rendered from where that row is laid out
    (``excel(at, grid)``); any other function is rendered from its rendered arguments
    (``excel(args)``).
    """

    name: str
    arity: tuple[int, int | None]  # fewest and most arguments
    numpy: Callable
    excel: Callable[..., str]
    time_operator: bool = False


FUNCTIONS = {f.name: f for f in (
    Function("max", (2, None), _max, lambda args: f"MAX({','.join(args)})"),
    Function("min", (2, None), _min, lambda args: f"MIN({','.join(args)})"),
    Function("roundup", (2, 2), _roundup, lambda args: f"ROUNDUP({','.join(args)})"),
    Function("index", (2, 2), _index, lambda args: f"INDEX({','.join(args)})"),
    Function("prev", (1, 1), _prev, lambda at, grid: f"{at.sheet}{PREV}{at.row}", True),
    Function("first", (1, 1), _first, lambda at, grid: f"{at.sheet}${grid.first}${at.row}", True),
    Function("annual", (1, 1), _annual, _sumif_year, True),
    Function("firstmonth", (1, 1), _firstmonth, lambda at, grid: f"MATCH(1,{_span(at, grid)},0)", True),
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
             ast.Div: (operator.truediv, "/", 3), ast.Pow: (operator.pow, "^", 5)}
