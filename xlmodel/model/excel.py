"""The Excel renderer of the formula language: an expression written as an Excel formula, with each
name's cells supplied by the caller (see :meth:`Formula.excel <xlmodel.model.language.Formula.excel>`)."""

from __future__ import annotations

import ast

from .functions import COMPARISONS, FUNCTIONS, OPERATORS, THIS, FormulaError, MonthlyRow, Timeline


def _precedence(tree: ast.expr) -> int:
    if isinstance(tree, ast.Compare):
        return 1
    if isinstance(tree, ast.BinOp):
        return OPERATORS[type(tree.op)][2]
    if isinstance(tree, ast.UnaryOp):
        return 4
    return 9


def _render_operand(tree, locate, grid, prec: int, right: bool, symbol: str = "+") -> str:
    """An operand of a binary operator of precedence ``prec``, parenthesised where Excel needs it:
    Excel evaluates ``-2^2`` as 4 and ``2^3^2`` as 64, so powers and negations are parenthesised
    whenever their operand is compound."""
    text = render(tree, locate, grid)
    p = _precedence(tree)
    if right:
        needs = p < prec or (p == prec and symbol in "-/^")
    else:
        needs = p < prec or (symbol == "^" and p <= prec)
    return f"({text})" if needs else text


def render(tree: ast.expr, locate, grid: Timeline) -> str:
    """The Excel formula of ``tree``, the current month's column left open (see :class:`Template
    <xlmodel.model.language.Template>`); ``locate(name)`` is a fixed reference or a :class:`MonthlyRow`."""
    if isinstance(tree, ast.Constant):
        if isinstance(tree.value, str):
            return '"' + tree.value.replace('"', '""') + '"'
        value = tree.value
        return str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(tree, ast.Name):
        at = locate(tree.id)
        return f"{at.sheet}{THIS}{at.row}" if isinstance(at, MonthlyRow) else at
    if isinstance(tree, ast.BinOp):
        _, symbol, prec = OPERATORS[type(tree.op)]
        left = _render_operand(tree.left, locate, grid, prec, False, symbol)
        right = _render_operand(tree.right, locate, grid, prec, True, symbol)
        return f"{left}{symbol}{right}"
    if isinstance(tree, ast.UnaryOp):
        inner = render(tree.operand, locate, grid)
        if _precedence(tree.operand) < 9:
            inner = f"({inner})"
        return f"(-{inner})" if isinstance(tree.op, ast.USub) else inner
    if isinstance(tree, ast.Compare):
        symbol = COMPARISONS[type(tree.ops[0])][1]
        return f"({render(tree.left, locate, grid)}{symbol}{render(tree.comparators[0], locate, grid)})"
    fn = FUNCTIONS[tree.func.id]
    if fn.time_operator:
        at = locate(tree.args[0].id)
        if not isinstance(at, MonthlyRow):
            raise FormulaError(f"{fn.name}() takes a monthly row")
        return fn.excel(at, grid)
    return fn.excel([render(arg, locate, grid) for arg in tree.args])
