"""A tiny formula language: one line-item definition, evaluated by numpy and rendered to Excel.

Line items are written as Python-syntax expressions over short local names, e.g.
``"fte * salary * (1 + charges) * wage_index / 12"``.  Each name is bound to a *reference key*
(an input, another row of the timeline, a Python-computed staffing row, a constant) when the model
is built.  The engine evaluates the expression with numpy arrays (one element per month); the
workbook builder renders the very same expression as an Excel formula, mapping each reference key
to a cell or a named range.  Parity between the two faces therefore holds by construction, and the
LibreOffice recalculation test checks it.

Supported: numbers, strings, ``+ - * / **``, comparisons (``< <= > >= == !=``; a comparison is
0/1 once multiplied), unary minus, and the functions

========================  =============================================  ======================
function                  meaning (numpy)                                Excel
========================  =============================================  ======================
``max(a, b, ...)``        element-wise maximum                           ``MAX(a,b,...)``
``min(a, b, ...)``        element-wise minimum                           ``MIN(a,b,...)``
``roundup(x, 0)``         ceiling                                        ``ROUNDUP(x,0)``
``index(vector, i)``      ``vector[i - 1]`` (1-based)                    ``INDEX(range,i)``
``prev(row)``             the row shifted one month right, 0 first       the cell to the left
``first(row)``            the first month's value (a scalar)             ``$E$n``
``annual(row)``           each month gets its year's total               ``SUMIF(years,year,row)``
``firstmonth(flags)``     first month (1-based) whose flag is 1, or nan  ``MATCH(1,row,0)``
========================  =============================================  ======================

>>> expr = parse("max(0, a - b) * 2")
>>> evaluate(expr, {"a": 5.0, "b": 3.0}.__getitem__)
4.0
>>> render(expr, {"a": "Inputs!$C$4", "b": "Inputs!$C$5"}.__getitem__)
'MAX(0,Inputs!$C$4-Inputs!$C$5)*2'
"""

from __future__ import annotations

import ast
import functools
from typing import Callable

import numpy as np

_BINOPS = {ast.Add: ("+", 2), ast.Sub: ("-", 2), ast.Mult: ("*", 3), ast.Div: ("/", 3), ast.Pow: ("^", 5)}
_CMPOPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "=", ast.NotEq: "<>"}
_FUNCTIONS = {"max", "min", "roundup", "index", "prev", "first", "annual", "firstmonth"}


class FormulaError(ValueError):
    """A line-item expression uses syntax the formula language does not support (a model bug)."""


@functools.lru_cache(maxsize=None)
def parse(text: str) -> ast.expr:
    """Parse and check an expression; cached, since the same templates serve every scenario."""
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"cannot parse {text!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS or node.keywords:
                raise FormulaError(f"unsupported call in {text!r}")
        elif isinstance(node, ast.Compare) and len(node.ops) != 1:
            raise FormulaError(f"chained comparison in {text!r}")
        elif not isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.Call, ast.Name, ast.Constant,
                                   ast.Load, ast.USub, ast.UAdd, *_BINOPS, *_CMPOPS)):
            raise FormulaError(f"unsupported syntax {type(node).__name__} in {text!r}")
    return tree


@functools.lru_cache(maxsize=None)
def names(text: str) -> frozenset[str]:
    """The local names an expression uses (function names excluded)."""
    tree = parse(text)
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return frozenset({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - called)


class _Names(dict):
    """The local names of a compiled expression, fetched on demand through ``lookup``."""

    __slots__ = ("lookup",)

    def __init__(self, lookup):
        super().__init__()
        self.lookup = lookup

    def __missing__(self, name):
        return self.lookup(name)


def _compare(op: str, a, b):
    if isinstance(a, str) or isinstance(b, str):  # Excel compares text without case
        a, b = str(a).lower(), str(b).lower()
    result = {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b, "!=": a != b}[op] \
        if not isinstance(a, np.ndarray) and not isinstance(b, np.ndarray) else _array_compare(op, a, b)
    return result.astype(float) if isinstance(result, np.ndarray) else float(result)


def _array_compare(op, a, b):
    return {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal, "==": np.equal,
            "!=": np.not_equal}[op](a, b)


_CMP_SOURCE = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


class _ToPython(ast.NodeTransformer):
    """Rewrite calls and comparisons to the helpers below, so that Python's own evaluator runs them."""

    def visit_Call(self, node):
        self.generic_visit(node)
        node.func = ast.Name(id=f"_fn_{node.func.id}", ctx=ast.Load())
        return node

    def visit_Compare(self, node):
        self.generic_visit(node)
        return ast.Call(func=ast.Name(id="_compare", ctx=ast.Load()),
                        args=[ast.Constant(_CMP_SOURCE[type(node.ops[0])]), node.left, node.comparators[0]],
                        keywords=[])


@functools.lru_cache(maxsize=None)
def compiled(text: str):
    """The expression compiled to Python bytecode once; evaluating it is then a single ``eval``."""
    parse(text)  # checks the syntax is the formula language's
    tree = _ToPython().visit(ast.Expression(body=ast.parse(text, mode="eval").body))
    return compile(ast.fix_missing_locations(tree), f"<formula {text}>", "eval")


def fast_evaluate(text: str, lookup: Callable[[str], object]):
    """Evaluate expression ``text`` like :func:`evaluate`, from its compiled form (same results)."""
    return eval(compiled(text), _GLOBALS, _Names(lookup))  # noqa: S307 - our own checked expressions


def evaluate(tree: ast.expr, lookup: Callable[[str], object]):
    """Evaluate a parsed expression; ``lookup(name)`` gives a float, a str or a numpy array."""
    if isinstance(tree, ast.Constant):
        return tree.value
    if isinstance(tree, ast.Name):
        return lookup(tree.id)
    if isinstance(tree, ast.BinOp):
        a, b = evaluate(tree.left, lookup), evaluate(tree.right, lookup)
        op = type(tree.op)
        if op is ast.Add:
            return a + b
        if op is ast.Sub:
            return a - b
        if op is ast.Mult:
            return a * b
        if op is ast.Div:
            return a / b
        return np.power(a, b) if isinstance(a, np.ndarray) or isinstance(b, np.ndarray) else a ** b
    if isinstance(tree, ast.UnaryOp):
        value = evaluate(tree.operand, lookup)
        return -value if isinstance(tree.op, ast.USub) else value
    if isinstance(tree, ast.Compare):
        a, b = evaluate(tree.left, lookup), evaluate(tree.comparators[0], lookup)
        op = type(tree.ops[0])
        if isinstance(a, str) or isinstance(b, str):  # Excel compares text without case
            a, b = str(a).lower(), str(b).lower()
        result = {ast.Lt: lambda: a < b, ast.LtE: lambda: a <= b, ast.Gt: lambda: a > b,
                  ast.GtE: lambda: a >= b, ast.Eq: lambda: a == b, ast.NotEq: lambda: a != b}[op]()
        return result.astype(float) if isinstance(result, np.ndarray) else float(result)
    if isinstance(tree, ast.Call):
        return _call(tree.func.id, [evaluate(arg, lookup) for arg in tree.args])
    raise FormulaError(f"cannot evaluate {ast.dump(tree)}")


def _any_array(args) -> bool:
    return any(isinstance(a, np.ndarray) for a in args)


def _precedence(tree: ast.expr) -> int:
    if isinstance(tree, ast.Compare):
        return 1
    if isinstance(tree, ast.BinOp):
        return _BINOPS[type(tree.op)][1]
    if isinstance(tree, ast.UnaryOp):
        return 4
    return 9


def render(tree: ast.expr, ref: Callable[..., str]) -> str:
    """Render a parsed expression as an Excel formula body (without the leading ``=``).

    ``ref(name)`` returns the cell reference or defined name for a local name;
    ``ref(name, "prev")`` the previous month's cell, ``ref(name, "first")`` the first month's,
    ``ref(name, "annual")`` the year's total and ``ref(name, "firstmonth")`` the first month flagged
    1, which only monthly rows support.  Excel evaluates ``-2^2`` as 4 and ``2^3^2`` as 64, so powers
    and negations are parenthesised whenever their operand is compound.
    """
    if isinstance(tree, ast.Constant):
        if isinstance(tree.value, str):
            return '"' + tree.value.replace('"', '""') + '"'
        value = tree.value
        return str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(tree, ast.Name):
        return ref(tree.id)
    if isinstance(tree, ast.BinOp):
        symbol, prec = _BINOPS[type(tree.op)]
        left, right = render(tree.left, ref), render(tree.right, ref)
        if _precedence(tree.left) < prec or (symbol == "^" and _precedence(tree.left) <= prec):
            left = f"({left})"
        if _precedence(tree.right) < prec or (_precedence(tree.right) == prec and symbol in "-/^"):
            right = f"({right})"
        return f"{left}{symbol}{right}"
    if isinstance(tree, ast.UnaryOp):
        inner = render(tree.operand, ref)
        if _precedence(tree.operand) < 9:
            inner = f"({inner})"
        return f"(-{inner})" if isinstance(tree.op, ast.USub) else inner
    if isinstance(tree, ast.Compare):
        return f"({render(tree.left, ref)}{_CMPOPS[type(tree.ops[0])]}{render(tree.comparators[0], ref)})"
    if isinstance(tree, ast.Call):
        fn = tree.func.id
        if fn in ("prev", "first", "annual", "firstmonth"):
            (arg,) = tree.args
            if not isinstance(arg, ast.Name):
                raise FormulaError(f"{fn}() takes a row name")
            return ref(arg.id, fn)
        args = ",".join(render(arg, ref) for arg in tree.args)
        return f"{fn.upper()}({args})"
    raise FormulaError(f"cannot render {ast.dump(tree)}")


def _direct(fn):
    def call(*args):
        return _call(fn, list(args))
    return call


def _call(fn: str, args: list):
    if fn == "max":
        return functools.reduce(np.maximum, args) if _any_array(args) else float(max(args))
    if fn == "min":
        return functools.reduce(np.minimum, args) if _any_array(args) else float(min(args))
    if fn == "roundup":
        return np.ceil(args[0] - 1e-9) if isinstance(args[0], np.ndarray) else float(np.ceil(args[0] - 1e-9))
    if fn == "index":
        vector, position = np.asarray(args[0]), args[1]
        return vector[np.asarray(position, dtype=int) - 1]
    if fn == "prev":
        row = np.asarray(args[0], dtype=float)
        return np.concatenate(([0.0], row[:-1]))
    if fn == "first":
        return float(np.asarray(args[0]).flat[0])
    if fn == "annual":
        return np.repeat(np.asarray(args[0], dtype=float).reshape(-1, 12).sum(axis=1), 12)
    if fn == "firstmonth":
        hits = np.flatnonzero(np.asarray(args[0]) == 1)
        return float(hits[0] + 1) if hits.size else float("nan")
    raise FormulaError(f"unknown function {fn}")


_GLOBALS = {"__builtins__": {}, "_compare": _compare, "np": np,
            **{f"_fn_{name}": _direct(name) for name in _FUNCTIONS}}
