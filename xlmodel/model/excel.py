"""The Excel renderer of the formula language: an expression written as an Excel formula, with each
name's cells supplied by the caller (see :meth:`Formula.excel <xlmodel.model.language.Formula.excel>`)."""

from __future__ import annotations

import ast

from .functions import COMPARISONS, FUNCTIONS, OPERATORS, THIS, FormulaError, MonthlyRow, Timeline, YearlyRow

_PERIOD = {"month": MonthlyRow, "year": YearlyRow, None: type(None)}


def _precedence(tree: ast.expr) -> int:
    if isinstance(tree, ast.Compare):
        return 1
    if isinstance(tree, ast.BinOp):
        return OPERATORS[type(tree.op)][2]
    if isinstance(tree, ast.UnaryOp):
        return 4
    return 9


def _render_operand(tree, locate, grid, period, prec: int, right: bool, symbol: str = "+") -> str:
    """An operand of a binary operator of precedence ``prec``, parenthesised where Excel needs it:
    Excel evaluates ``-2^2`` as 4 and ``2^3^2`` as 64, so powers and negations are parenthesised
    whenever their operand is compound."""
    text = render(tree, locate, grid, period)
    p = _precedence(tree)
    if right:
        needs = p < prec or (p == prec and symbol in "-/^")
    else:
        needs = p < prec or (symbol == "^" and p <= prec)
    return f"({text})" if needs else text


def render(tree: ast.expr, locate, grid: Timeline, period: str | None) -> str:
    """The Excel formula of ``tree`` in a row of ``period`` (``"month"``, ``"year"`` or None for a
    single value), the row's own column left open (see :class:`Template
    <xlmodel.model.language.Template>`); ``locate(name)`` is a fixed reference, a
    :class:`MonthlyRow` or a :class:`YearlyRow`."""
    if isinstance(tree, ast.Constant):
        if isinstance(tree.value, str):
            return '"' + tree.value.replace('"', '""') + '"'
        value = tree.value
        return str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(tree, ast.Name):
        at = locate(tree.id)
        if isinstance(at, str):
            return at
        if not isinstance(at, _PERIOD[period]):
            raise FormulaError(f"{tree.id} is a {'monthly' if isinstance(at, MonthlyRow) else 'yearly'} row: "
                               f"a {period or 'single-value'} row uses it only through a function of rows")
        return f"{at.sheet}{THIS}{at.row}"
    if isinstance(tree, ast.BinOp):
        _, symbol, prec = OPERATORS[type(tree.op)]
        left = _render_operand(tree.left, locate, grid, period, prec, False, symbol)
        right = _render_operand(tree.right, locate, grid, period, prec, True, symbol)
        return f"{left}{symbol}{right}"
    if isinstance(tree, ast.UnaryOp):
        inner = render(tree.operand, locate, grid, period)
        if _precedence(tree.operand) < 9:
            inner = f"({inner})"
        return f"(-{inner})" if isinstance(tree.op, ast.USub) else inner
    if isinstance(tree, ast.Compare):
        symbol = COMPARISONS[type(tree.ops[0])][1]
        left, right = render(tree.left, locate, grid, period), render(tree.comparators[0], locate, grid, period)
        return f"({left}{symbol}{right})"
    fn = FUNCTIONS[tree.func.id]
    if fn.rows:
        ats = [locate(arg.id) for arg in tree.args]
        kind = period if fn.rows == "same" else fn.rows
        accepted = (MonthlyRow, YearlyRow) if kind == "any" else (_PERIOD[kind],) if kind is not None else ()
        if not accepted or not all(isinstance(at, accepted) for at in ats):
            wanted = {"month": "a monthly row", "year": "a yearly row", "any": "a monthly or yearly row",
                      None: "a row of the row's own period"}[kind]
            raise FormulaError(f"{fn.name}() takes {wanted}")
        return fn.excel(ats, grid)
    return fn.excel([render(arg, locate, grid, period) for arg in tree.args])
