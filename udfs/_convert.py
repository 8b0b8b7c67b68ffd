"""Converting Excel arguments, and turning bad ones into a short ``#`` text (never a traceback).

Excel, through xlwings, passes numbers as float, empty cells (and cells holding an error) as None,
text as str, a range as a list (one row or one column) or a list of lists. Each helper turns one
argument into what :mod:`xlmodel` takes and raises :class:`BadArgument` with a sentence naming it;
:func:`excel_errors` turns that, and the ``ValueError`` of :mod:`xlmodel`, into
``#VALUE! <sentence>`` in the cell.

The rules of a number (bounds, whole, a rate typed as a percentage) are :mod:`xlmodel.arguments`,
the one rule book of the engine and of these functions: a bound xlmodel checks is not repeated
here. The defaults of the optional arguments are the functions' signatures, read once by
:func:`excel_errors` (an empty cell means the default) and by the wizard's help texts.

No model arithmetic here: only shapes, types and the rules a user can break while typing.
"""

from __future__ import annotations

import functools
import inspect
import math

from xlmodel import arguments
from xlmodel.arguments import BadArgument

#: Longer than any contract or business plan; stops a typo such as 2030 from building huge arrays.
MAX_YEARS = 100

__all__ = ["BadArgument", "choice", "costs", "defaults", "excel_errors", "number", "rate", "years"]


def _one_cell(name: str, value):
    """A number typed or one cell: a one-cell range is its value; an empty cell is refused by name."""
    if isinstance(value, (list, tuple)):
        flat = _flatten(name, value)
        if len(flat) != 1:
            raise BadArgument(f"{name} must be a single number, not a range of {len(flat)} cells")
        value = flat[0]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadArgument(f"{name} is empty: type a number")
    return value


def number(name: str, value, **rules) -> float:
    """A single number (:func:`xlmodel.arguments.number` and its ``rules``); text, empty cells,
    booleans and multi-cell ranges are refused by name."""
    return arguments.number(name, _one_cell(name, value), **rules)


def rate(name: str, value, **rules) -> float:
    """A rate as a fraction, 0.08 for 8 % (:func:`xlmodel.arguments.rate`): 8 is refused as a
    likely percentage."""
    return arguments.rate(name, _one_cell(name, value), **rules)


def costs(name: str, value):
    """A cost: one number (the year-1 annual cost), or a row or column of yearly costs (a list)."""
    if isinstance(value, (list, tuple)):
        flat = _flatten(name, value)
        if not flat:
            raise BadArgument(f"{name} is an empty range")
        if len(flat) == 1:  # a one-cell range is a number to Excel users
            return number(name, flat[0])
        return [number(f"{name} (year {i})", v) for i, v in enumerate(flat, start=1)]
    return number(name, value)


def years(value) -> int | None:
    """``years``: a whole number from 1 to MAX_YEARS, or None (omitted or empty) to let xlmodel decide."""
    if value is None:
        return None
    return int(number("years", value, minimum=1, maximum=MAX_YEARS, whole=True))


def choice(name: str, value, choices: tuple[str, ...]) -> str:
    """One of a few words (case and surrounding spaces ignored)."""
    word = value.strip().lower() if isinstance(value, str) else None
    if word not in choices:
        raise BadArgument(f"{name} must be one of {', '.join(choices)} (found {value!r})")
    return word


def _flatten(name: str, value) -> list:
    if value and isinstance(value[0], (list, tuple)):
        rows, cols = len(value), len(value[0])
        if rows > 1 and cols > 1:
            raise BadArgument(f"{name} must be a single row or column, not {rows} x {cols} cells")
        return [v for row in value for v in row]
    return list(value)


def defaults(f) -> dict:
    """The optional arguments of ``f`` and their defaults, from its signature (the one place they are typed).

    >>> defaults(lambda contacts, aht_seconds, answer_seconds=20, years=None: 0)
    {'answer_seconds': 20, 'years': None}
    """
    return {p.name: p.default for p in inspect.signature(f).parameters.values()
            if p.default is not inspect.Parameter.empty}


def excel_errors(f):
    """The edge between Excel and Python: a bad argument becomes ``#VALUE! sentence`` in the cell.

    An empty cell given for an optional argument means its default, as when it is omitted (Excel
    passes None for an empty cell, the signature's default for an omitted argument).

    Only ``ValueError`` (which :class:`BadArgument` and xlmodel's checks raise) is caught: anything
    else is a bug and must not be dressed up as a user error. A result that is not a finite number
    becomes ``#NUM!`` rather than a cell Excel cannot show.
    """
    empty = inspect.Parameter.empty
    fallback = tuple(p.default for p in inspect.signature(f).parameters.values())

    @functools.wraps(f)
    def wrapper(*args):
        args = tuple(fallback[i] if value is None and i < len(fallback) and fallback[i] is not empty else value
                     for i, value in enumerate(args))
        try:
            result = f(*args)
        except ValueError as exc:
            return f"#VALUE! {exc}"
        if isinstance(result, float) and not math.isfinite(result):
            return f"#NUM! the result is not a finite number ({result})"
        return result
    wrapper.__xlmodel_udf__ = True
    return wrapper
