"""A row's formula as a financial analyst writes it: operands by their labels, symbols for arithmetic.

The model's formula language (:mod:`xlmodel.model.language`) names operands with short local names
(``fte * salary * loaded / 12``) bound to references; the Method sheet prints each kind of row
from that very expression, each name replaced by what it stands for in the reader's language
(``Agents employed (FTE) × Gross salary × Salary-to-cost factor / 12``), comparisons used as
numbers said as conditions (``1 if Hybrid mode = "share", else 0``) and the functions in words
(``the greater of 0 and ...``, ``running total of ...``).  Nothing here is a second description of
a row: change a formula and its line on the Method sheet follows.

>>> from xlmodel.text.formula_words import Words
>>> w = Words("en", {"a": "Salary", "b": "Charges"}.__getitem__)
>>> w.render("a * (1 + b) / 12")
'Salary × (1 + Charges) / 12'
>>> w.render("(a == \\"yes\\") * 1")
'1 if Salary = "yes", else 0'
>>> w.render("max(0, a - b)")
'the greater of 0 and Salary − Charges'
"""

from __future__ import annotations

import ast
import re
from typing import Callable

from ..model.language import parse
from . import elide

# Precedence of what a rendered piece is (higher binds tighter): a piece is parenthesised when it
# stands inside an operator that binds tighter than it.
_SUM, _PRODUCT, _UNARY, _POWER, _ATOM = 1, 2, 3, 4, 5
_CONDITIONAL = 0  # "x if c, else y": parenthesised inside any operator

_SYMBOLS = {ast.Add: ("+", _SUM), ast.Sub: ("−", _SUM), ast.Mult: ("×", _PRODUCT), ast.Div: ("/", _PRODUCT),
            ast.Pow: ("^", _POWER)}
_COMPARISONS = {ast.Lt: "<", ast.LtE: "≤", ast.Gt: ">", ast.GtE: "≥", ast.Eq: "=", ast.NotEq: "≠"}

#: The words of the formula language's functions and conditions, by language.
PHRASES = {
    "en": {
        "if": "{value} if {condition}, else {other}", "and": " and ", "or": " or ", "na": "n/a",
        "max2": "the greater of {args}", "min2": "the lesser of {args}",
        "max": "the greatest of {args}", "min": "the least of {args}", "list_and": " and ",
        "roundup": "{x} rounded up", "rounddown": "{x} rounded down", "ln": "ln({x})",
        "index": "{v} for {i}", "prev_month": "{r} of the previous month", "prev_year": "{r} of the previous year",
        "running": "running total of {x}", "same_for": "the same for {channels}", "first": "{r} in the first month",
        "annual": "{r}, total of its year", "yearly": "{r}, total of the year",
        "firstmonth": "first month in which {r} = 1", "sumproduct": "Σ over the years of {a} × {b}",
        "irr": "IRR of {r}", "peak": "{r}, highest month of its year",
        "peakin": "{r}, highest month of its year with the same {g}", "total": "{r}, sum over every period",
        "erlang_sl": "Erlang C service level of {n} agents at {a} Erlangs (answer within {t}, handling {h})",
        "quoted": '"{}"',  # a choice as its cell shows it (issue 16, board: its label, not its stored value)
    },
    "fr": {
        "if": "{value} si {condition}, sinon {other}", "and": " et ", "or": " ou ", "na": "s.o.",
        "max2": "le plus grand de {args}", "min2": "le plus petit de {args}",
        "max": "le plus grand de {args}", "min": "le plus petit de {args}", "list_and": " et ",
        "roundup": "{x} arrondi à l'entier supérieur", "rounddown": "{x} arrondi à l'entier inférieur",
        "ln": "ln({x})", "index": "{v} pour {i}", "prev_month": "{r} du mois précédent",
        "prev_year": "{r} de l'année précédente", "running": "cumul de {x}", "same_for": "de même pour {channels}",
        "first": "{r} du premier mois",
        "annual": "{r}, total de son année", "yearly": "{r}, total de l'année",
        "firstmonth": "premier mois où {r} = 1", "sumproduct": "Σ sur les années de {a} × {b}",
        "irr": "TRI de {r}", "peak": "{r}, mois le plus haut de son année",
        "peakin": "{r}, mois le plus haut de son année au même {g}",
        "total": "{r}, somme sur toutes les périodes",
        "erlang_sl": "niveau de service Erlang C de {n} conseillers pour {a} Erlangs (réponse sous {t}, "
                     "traitement {h})",
        "quoted": "« {} »",
    },
}


class Words:
    """Renders expressions of the formula language in ``lang``; ``name_of(local name)`` gives the
    words an operand stands for; ``itself`` is the local name of a running sum's own row and
    ``yearly`` whether the row runs by year (``prev`` then means the previous year)."""

    def __init__(self, lang: str, name_of: Callable[[str], str], itself: str | None = None, yearly: bool = False,
                 channels: tuple[str, ...] = ()):
        self.p, self.name_of, self.itself, self.yearly = PHRASES[lang], name_of, itself, yearly
        self.lang = lang
        self.channels = channels  # a sum of one term per channel reads "first term + the same for the others"

    def render(self, text: str) -> str:
        return elide(self._piece(parse(text))[0], self.lang)  # "le plus grand d'Externalisé : ..."

    # Each _piece returns (text, precedence).
    def _piece(self, node: ast.expr) -> tuple[str, int]:
        if isinstance(node, ast.Name):
            return self.name_of(node.id), _ATOM
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):  # a choice value: the label its input cell shows
                from . import choice_label
                return self.p["quoted"].format(choice_label(node.value, self.lang)), _ATOM
            return f"{node.value:g}", _ATOM
        if isinstance(node, ast.UnaryOp):
            inner = self._operand(node.operand, _UNARY)
            return ("−" if isinstance(node.op, ast.USub) else "+") + inner, _UNARY
        if isinstance(node, ast.Compare):  # a comparison used as a number
            return self.p["if"].format(value="1", condition=self._condition(node), other="0"), _CONDITIONAL
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.BinOp):
            return self._binop(node)
        raise ValueError(f"cannot say {ast.dump(node)} in words")  # parse() admits nothing else

    def _operand(self, node: ast.expr, level: int, right: bool = False) -> str:
        """A piece inside an operator of precedence ``level``, parenthesised when it binds looser
        (or as tightly on the right of a non-associative operator: a − (b − c), a / (b × c))."""
        text, own = self._piece(node)
        return f"({text})" if own < level or (right and own == level) else text

    def _condition(self, node: ast.expr) -> str:
        """A test in words: a comparison, ``c1 and c2`` for a product of comparisons, ``c1 or c2``
        for a sum of comparisons above 0; anything else holds when it is not 0."""
        factors = _factors(node)
        if len(factors) > 1 and all(isinstance(f, ast.Compare) or _is_one(f) for f in factors):
            return self.p["and"].join(self._condition(f) for f in factors if not _is_one(f))
        if not isinstance(node, ast.Compare):
            return self._piece(node)[0] + " ≠ 0"
        terms = _terms(node.left)
        if (isinstance(node.ops[0], ast.Gt) and _is_zero(node.comparators[0]) and len(terms) > 1
                and all(isinstance(t, ast.Compare) for t in terms)):
            return self.p["or"].join(self._condition(t) for t in terms)
        left = self._operand(node.left, _SUM)
        right = self._operand(node.comparators[0], _SUM)
        return f"{left} {_COMPARISONS[type(node.ops[0])]} {right}"

    def _binop(self, node: ast.BinOp) -> tuple[str, int]:
        if isinstance(node.op, ast.Mult):
            factors = _factors(node)
            conditions = [f for f in factors if isinstance(f, ast.Compare)]
            if conditions:  # a product with comparisons is a value under conditions
                return self._conditional(factors, conditions), _CONDITIONAL
        if isinstance(node.op, ast.Add) and self._is_running_sum(node):
            return self.p["running"].format(x=self._operand(node.right, _SUM)), _CONDITIONAL
        if isinstance(node.op, ast.Add) and (per_channel := self._per_channel(_terms(node))):
            return per_channel, _SUM
        symbol, level = _SYMBOLS[type(node.op)]
        left = self._operand(node.left, level + (level == _POWER))
        right = self._operand(node.right, level, right=not isinstance(node.op, (ast.Add, ast.Mult)))
        return f"{left} {symbol} {right}", level

    def _conditional(self, factors: list[ast.expr], conditions: list[ast.Compare]) -> str:
        rest = [f for f in factors if f not in conditions and not _is_one(f)]
        value = " × ".join(self._operand(f, _PRODUCT) for f in rest) or "1"
        condition = self.p["and"].join(self._condition(c) for c in conditions)
        return self.p["if"].format(value=value, condition=condition, other="0")

    def _per_channel(self, terms: list[ast.expr]) -> str | None:
        """``term for the first channel + the same for the others`` when the sum has one term per
        channel that differ only by the channel's name; else None."""
        if len(self.channels) < 2 or len(terms) != len(self.channels):
            return None
        texts = [self._operand(t, _SUM) for t in terms]
        shapes = {re.sub(rf"\b{re.escape(name)}\b", "\0", text) for name, text in zip(self.channels, texts)}
        if len(shapes) != 1 or "\0" not in next(iter(shapes)):
            return None
        rest = self.channels[1:]
        others = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + self.p["list_and"] + rest[-1]
        return f"{texts[0]} + {self.p['same_for'].format(channels=others)}"

    def _is_running_sum(self, node: ast.BinOp) -> bool:
        left = node.left
        return (self.itself is not None and isinstance(left, ast.Call) and left.func.id == "prev"
                and isinstance(left.args[0], ast.Name) and left.args[0].id == self.itself)

    def _call(self, node: ast.Call) -> tuple[str, int]:
        name, p = node.func.id, self.p
        args = [self._operand(a, _SUM) for a in node.args]
        plain = [self._piece(a)[0] for a in node.args]
        if name in ("max", "min"):
            key = name + ("2" if len(args) == 2 else "")
            listed = ", ".join(args[:-1]) + p["list_and"] + args[-1]
            return p[key].format(args=listed), _CONDITIONAL
        if name == "where":
            return p["if"].format(value=args[1], condition=self._condition(node.args[0]), other=args[2]), _CONDITIONAL
        if name == "when":
            return p["if"].format(value=args[1], condition=self._condition(node.args[0]), other=p["na"]), _CONDITIONAL
        if name == "prev":
            return p["prev_year" if self.yearly else "prev_month"].format(r=plain[0]), _CONDITIONAL
        if name in ("roundup", "rounddown"):
            return p[name].format(x=self._operand(node.args[0], _ATOM)), _CONDITIONAL
        if name == "ln":
            return p["ln"].format(x=plain[0]), _ATOM
        if name == "index":
            return p["index"].format(v=plain[0], i=plain[1]), _CONDITIONAL
        if name == "sumproduct":
            return p["sumproduct"].format(a=args[0], b=args[1]), _CONDITIONAL
        if name == "peakin":
            return p["peakin"].format(r=plain[0], g=plain[1]), _CONDITIONAL
        if name == "erlang_sl":
            return p["erlang_sl"].format(n=plain[0], a=plain[1], t=plain[2], h=plain[3]), _CONDITIONAL
        return p[name].format(r=plain[0]), _CONDITIONAL  # first, annual, firstmonth, yearly, irr, peak, total


def _factors(node: ast.expr) -> list[ast.expr]:
    """The factors of a chain of products, left to right."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return _factors(node.left) + _factors(node.right)
    return [node]


def _terms(node: ast.expr) -> list[ast.expr]:
    """The terms of a chain of sums, left to right."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _terms(node.left) + _terms(node.right)
    return [node]


def _is_one(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and not isinstance(node.value, str) and node.value == 1


def _is_zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and not isinstance(node.value, str) and node.value == 0
