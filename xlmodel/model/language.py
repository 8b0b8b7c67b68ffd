"""The formula language of the model: one table of functions, one numpy evaluator, one Excel renderer.

A row's formula is a Python-syntax expression over short local names, e.g.
``"fte * salary * (1 + charges) * wage_index / 12"``; each name is bound to a reference when the
model is declared (:mod:`xlmodel.model.refs`).  A row is monthly (one value per month), yearly (one
value per year, year 0, the signature, first) or a single value.  The engine and the vectorised
Monte Carlo evaluate the expression with numpy through :meth:`Formula.compile` (values are floats,
texts, arrays of periods ``(months,)`` or ``(years + 1,)``, or arrays of draws ``(draws, periods)``:
every function works along the last axis); the workbook builder renders the very same expression
as an Excel formula with :meth:`Formula.excel`, supplying only where each name's cells are.  Parity
between the two faces therefore holds by construction, and the LibreOffice recalculation test
checks it.

Supported: numbers, strings, ``+ - * / **`` (a number divided by 0 is an error value: nan, and
``#DIV/0!`` in Excel), unary minus, comparisons (``< <= > >= == !=``, 1.0 or 0.0; texts compare
without case, as in Excel) and the functions of the one table
:data:`~xlmodel.model.functions.FUNCTIONS` (each with its numpy implementation and its Excel
rendering; :mod:`~xlmodel.model.evaluator` and :mod:`~xlmodel.model.excel` walk the expression):

========================  =============================================  ============================
function                  meaning (numpy, along the period axis)         Excel
========================  =============================================  ============================
``max(a, b, ...)``        element-wise maximum                           ``MAX(a,b,...)``
``min(a, b, ...)``        element-wise minimum                           ``MIN(a,b,...)``
``roundup(x, 0)``         ceiling (a 1e-9 guard absorbs rounding noise)  ``ROUNDUP(x,0)``
``rounddown(x, 0)``       floor (the same guard)                         ``ROUNDDOWN(x,0)``
``ln(x)``                 natural logarithm                              ``LN(x)``
``exp(x)``                exponential                                    ``EXP(x)``
``where(c, a, b)``         ``a`` where ``c`` holds, else ``b`` (numpy     ``IF(c,a,b)`` (Excel computes
                          computes both)                                 only the branch taken)
``erlang_sl(n, a, t, h)`` Erlang C service level: the share answered     ``POISSON`` twice and ``EXP``
                          within ``t`` s by ``n`` agents at ``a``        (the function's docstring)
                          Erlangs, handling ``h`` s each (``n > a``)
``erlang_a_met(n, a, r,   1 where ``n`` agents meet the target ``s`` and ``POISSON``, ``GAMMADIST``,
u, s, k, tol, floor)``    the occupancy cap ``k`` under Erlang A          ``GAMMALN`` (:mod:`~xlmodel.
                          (patience ``r`` handling times, ``u`` =        model.erlang_a`)
                          exp(-t / patience)), else 0
``index(vector, i)``      ``vector[i - 1]`` (1-based)                    ``INDEX(range,i)``
``when(condition, x)``    ``x`` where the condition holds, else an       ``IF(condition,x,NA())``
                          error value (nan)
``prev(row)``             the row one period later, 0 in the first       the cell to the left
``first(month)``          the first month's value                        ``$E$n``
``annual(month)``         each month gets its year's total               ``SUMIF(years,year,row)``
``firstmonth(flags)``     first month (1-based) flagged 1, else nan      ``MATCH(1,row,0)``
``yearly(month)``         each year's total of a monthly row (0 in year  ``SUMIF(years,year,row)``
                          0), as a yearly row
``sumproduct(a, b)``      sum over the years of two yearly rows'         ``SUMPRODUCT(a,b)``
                          products
``irr(flows)``            the rate at which a yearly row's flows have a  ``IRR(row)``
                          net present value of 0 (year 0 undiscounted;
                          :func:`xlmodel.finance.irr`), else nan
``peak(month)``           each month gets its year's highest value, at   ``SUMPRODUCT(MAX((years=
                          least 0 (hours, agents: rows >= 0)             year)*row))``
``peakin(month, group)``  each month gets the highest value of the months  ``SUMPRODUCT(MAX((years=
                          of its year with its ``group`` (a phase          year)*(groups=group)
                          number), at least 0                            *row))``
``total(row)``            the sum of a monthly or yearly row over all    ``SUM(row)``
                          its periods
========================  =============================================  ============================

``first``, ``annual``, ``firstmonth``, ``yearly``, ``peak`` and ``peakin`` take monthly rows, ``sumproduct`` and
``irr`` yearly rows, ``total`` either, ``prev`` a row of the row's own period.  A row may refer to itself only as
``prev(itself) + step``: a running sum (the cumulative sum of ``step``), rendered as the cell to the
left plus ``step``.

>>> f = formula("max(0, a - b) * 2")
>>> f.evaluate({"a": 5.0, "b": 3.0}, periods=1)
4.0
>>> f.excel({"a": "Inputs!$C$4", "b": MonthlyRow("", 9)}.__getitem__, Timeline("E", "P", 7)).at("F", "E")
'MAX(0,Inputs!$C$4-F9)*2'
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .evaluator import compile_expr
from .excel import render
from .functions import (COMPARISONS, FUNCTIONS, OPERATORS, PREV, THIS, FormulaError, MonthlyRow, Timeline,
                        YearlyRow)

__all__ = ["FUNCTIONS", "Formula", "FormulaError", "MonthlyRow", "Template", "Timeline", "YearlyRow", "formula",
           "parse"]


@functools.lru_cache(maxsize=None)
def parse(text: str) -> ast.expr:
    """Parse and check an expression; cached, since the same templates serve every scenario."""
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"cannot parse {text!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            _check_call(node, text)
        elif isinstance(node, ast.Compare) and len(node.ops) != 1:
            raise FormulaError(f"chained comparison in {text!r}")
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, (int, float, str)):
                raise FormulaError(f"unsupported constant {node.value!r} in {text!r}")
            if isinstance(node.value, str) and (THIS in node.value or PREV in node.value):
                raise FormulaError(f"control character in a text of {text!r}")
        elif not isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.Call, ast.Name, ast.Constant,
                                   ast.Load, ast.USub, ast.UAdd, *OPERATORS, *COMPARISONS)):
            raise FormulaError(f"unsupported syntax {type(node).__name__} in {text!r}")
    return tree


def _check_call(node: ast.Call, text: str) -> None:
    fn = FUNCTIONS.get(node.func.id) if isinstance(node.func, ast.Name) else None
    if fn is None or node.keywords:
        raise FormulaError(f"unsupported call in {text!r} (functions: {', '.join(FUNCTIONS)})")
    low, high = fn.arity
    if len(node.args) < low or (high is not None and len(node.args) > high):
        raise FormulaError(f"{fn.name}() takes {low}{'' if high == low else ' or more'} arguments in {text!r}")
    if fn.rows and not all(isinstance(arg, ast.Name) for arg in node.args):
        raise FormulaError(f"{fn.name}() takes row names in {text!r}")
    if fn.name in ("roundup", "rounddown") and not (isinstance(node.args[1], ast.Constant)
                                                     and node.args[1].value == 0):
        raise FormulaError(f"{fn.name}() rounds to whole numbers: {fn.name}(x, 0) in {text!r}")


def _names(tree: ast.expr) -> frozenset[str]:
    called = {n.func for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n not in called)


# -- one row's formula -------------------------------------------------------------------------------

class Formula:
    """One row's expression, parsed and checked once; use :func:`formula`.

    ``itself`` is the local name bound to the row itself, if any: the expression must then be the
    running sum ``prev(itself) + step``.
    """

    def __init__(self, text: str, itself: str | None = None):
        self.text, self.itself = text, itself
        self.tree = parse(text)
        self.names = _names(self.tree)
        self.step = None  # the step of a running sum
        if itself is not None:
            tree = self.tree
            if not (isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Add) and isinstance(tree.left, ast.Call)
                    and tree.left.func.id == "prev" and tree.left.args[0].id == itself
                    and itself not in _names(tree.right)):
                raise FormulaError(f"{text!r}: a row may refer to itself only as prev({itself}) + step")
            self.step = tree.right
        self.inputs = self.names - {itself}  # the names evaluated before the row
        self._plain = self.compile(lambda name: lambda env: env[name])

    def evaluate(self, env: dict, periods: int):
        """The value for local names ``env`` (name -> float, text or array); ``periods``, the months
        or years of the row, for a running sum."""
        return self._plain(env, periods)

    def compile(self, leaf: Callable[[str], Callable], rank: Callable[[str], int] | None = None):
        """A function ``f(env, periods)`` evaluating the expression.

        ``leaf(name)`` gives a function of ``env`` for a name.  With ``rank(name)``, the shape of
        each name's value (0 a scalar, 1 a monthly row ``(months,)``, both the same for every
        draw; 2 per draw ``(draws, 1)``; 3 per draw and month ``(draws, months)``), the parts that
        do not vary by draw are computed once, here, and products are regrouped so that the small
        factors meet before the big arrays (fewer passes over ``(draws, months)`` arrays; the
        results differ only by rounding).  Without ``rank`` the expression is evaluated as written.
        """
        if self.step is None:
            body = compile_expr(self.tree, leaf, rank)
            return lambda env, periods: body(env)
        step = compile_expr(self.step, leaf, rank)

        def running_sum(env, periods):
            value = np.asarray(step(env), dtype=float)
            return np.cumsum(np.broadcast_to(value, np.broadcast_shapes(value.shape, (periods,))), axis=-1)
        return running_sum

    def excel(self, locate: Callable[[str], str | MonthlyRow | YearlyRow], grid: Timeline,
              on_error: str | None = None, period: str | None = "month"):
        """The Excel formula (without ``=``) of a row of ``period`` (``"month"``, ``"year"`` or None
        for a single value), as a :class:`Template` whose period columns are left open.

        ``locate(name)`` gives a name's cells: a fixed reference (a defined name, ``Inputs!$B$7``,
        a single-value row's ``$C$12``), the :class:`MonthlyRow` of a monthly row or the
        :class:`YearlyRow` of a yearly row; ``grid`` where the periods are.  ``on_error``: a text
        shown instead of an error value.
        """
        text = render(self.tree, locate, grid, period)
        if on_error is not None:
            text = f'IFERROR({text},"{on_error}")'
        return Template(text)


@functools.lru_cache(maxsize=None)
def formula(text: str, itself: str | None = None) -> Formula:
    """The checked :class:`Formula` of ``text`` (cached: the same templates serve every scenario)."""
    return Formula(text, itself)


@dataclass(frozen=True)
class Template:
    """An Excel formula rendered once for a whole row, its month columns left open."""

    text: str

    @property
    def periodic(self) -> bool:
        return THIS in self.text or PREV in self.text

    def at(self, column: str | None = None, previous: str | None = None) -> str:
        """The formula in the period (month or year) of column ``column``, the previous period's in
        ``previous``."""
        if not self.periodic:
            return self.text
        if column is None or previous is None:
            raise FormulaError("a single-value row cannot refer to one period of a row")
        return self.text.replace(THIS, column).replace(PREV, previous)
