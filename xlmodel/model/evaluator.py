"""The evaluator of the formula language: an expression compiled once to nested closures over the
functions table, used by the engine (as written) and by the vectorised Monte Carlo (with the parts
that do not vary by draw computed once and products regrouped).  See :meth:`Formula.compile
<xlmodel.model.language.Formula.compile>`."""

from __future__ import annotations

import ast

from .functions import COMPARISONS, FUNCTIONS, OPERATORS

def _leaves(tree) -> frozenset[str]:
    """The names whose values an expression reads (not the functions it calls), found once per node
    and kept on it: the compiler asks at every node of a tree, which walking each subtree again
    made quadratic in the depth of a formula."""
    found = tree.__dict__.get("_xlmodel_leaves")
    if found is None:
        if isinstance(tree, ast.Name):
            found = frozenset((tree.id,))
        else:
            func = tree.func if isinstance(tree, ast.Call) else None
            found = frozenset().union(*(_leaves(node) for node in ast.iter_child_nodes(tree) if node is not func))
        tree._xlmodel_leaves = found
    return found


def _rank(tree, rank) -> int:
    return max((rank(name) for name in _leaves(tree)), default=0)


def compile_expr(tree: ast.expr, leaf, rank):
    """A closure ``f(env) -> value`` for a parsed expression (see :meth:`Formula.compile`)."""
    if rank is None:
        return _compile_plain(tree, leaf, rank)
    if _rank(tree, rank) <= 1:
        value = _compile_plain(tree, leaf, rank)(None)
        return lambda env: value
    if isinstance(tree, ast.BinOp) and isinstance(tree.op, (ast.Mult, ast.Div)):
        return _compile_product(tree, leaf, rank)
    return _compile_plain(tree, leaf, rank)


def _compile_plain(tree: ast.expr, leaf, rank):
    if isinstance(tree, ast.Constant):
        value = tree.value
        return lambda env: value
    if isinstance(tree, ast.Name):
        return leaf(tree.id)
    sub = lambda node: compile_expr(node, leaf, rank)  # noqa: E731
    if isinstance(tree, ast.BinOp):
        a, b, op = sub(tree.left), sub(tree.right), OPERATORS[type(tree.op)][0]
        return lambda env: op(a(env), b(env))
    if isinstance(tree, ast.UnaryOp):
        inner = sub(tree.operand)
        return (lambda env: -inner(env)) if isinstance(tree.op, ast.USub) else inner
    if isinstance(tree, ast.Compare):
        a, b, compare = sub(tree.left), sub(tree.comparators[0]), COMPARISONS[type(tree.ops[0])][0]
        return lambda env: compare(a(env), b(env))
    fn, args = FUNCTIONS[tree.func.id].numpy, [sub(arg) for arg in tree.args]
    if len(args) == 1:
        (a,) = args
        return lambda env: fn(a(env))
    if len(args) == 2:
        a, b = args
        return lambda env: fn(a(env), b(env))
    return lambda env: fn(*[f(env) for f in args])


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


def _compile_product(tree, leaf, rank):
    """A product of factors: per-draw scalars together, monthly rows together, then one pass per
    ``(draws, months)`` factor."""
    small_num, small_den, big = [], [], []
    for node, divide in _factors(tree, []):
        r, fn = _rank(node, rank), compile_expr(node, leaf, rank)
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
