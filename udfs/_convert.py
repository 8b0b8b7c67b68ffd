"""Converting Excel arguments, and turning bad ones into a short ``#`` text (never a traceback).

Excel, through xlwings, passes numbers as float, empty cells (and cells holding an error) as None,
text as str, a range as a list (one row or one column) or a list of lists. Each helper checks one
argument and raises :class:`BadArgument` with a sentence naming it; :func:`excel_errors` turns that,
and the ``ValueError`` of :mod:`xlmodel`, into ``#VALUE! <sentence>`` in the cell.

No model arithmetic here: only shapes, types and the rules a user can break while typing.
"""

from __future__ import annotations

import functools
import math

#: Longer than any contract or business plan; stops a typo such as 2030 from building huge arrays.
MAX_YEARS = 100


class BadArgument(ValueError):
    """An argument a user typed is not what the function needs."""


def number(name: str, value, *, minimum=None, maximum=None, exclusive_min=False, whole=False) -> float:
    """A single number in range; text, empty cells, booleans and multi-cell ranges are refused by name."""
    if isinstance(value, (list, tuple)):
        flat = _flatten(name, value)
        if len(flat) != 1:
            raise BadArgument(f"{name} must be a single number, not a range of {len(flat)} cells")
        value = flat[0]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadArgument(f"{name} is empty: type a number")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadArgument(f"{name} must be a number (found {value!r})")
    if not math.isfinite(value):
        raise BadArgument(f"{name} must be a finite number (found {value!r})")
    if whole and value != int(value):
        raise BadArgument(f"{name} must be a whole number (found {value:g})")
    if minimum is not None and (value <= minimum if exclusive_min else value < minimum):
        raise BadArgument(f"{name} must be {'>' if exclusive_min else '>='} {minimum:g} (found {value:g})")
    if maximum is not None and value > maximum:
        raise BadArgument(f"{name} must be <= {maximum:g} (found {value:g})")
    return float(value)


def optional_number(name: str, value, default, **rules) -> float:
    """An optional argument: an empty cell given explicitly means the default, as when omitted."""
    return default if value is None else number(name, value, **rules)


def count(name: str, value, *, minimum=0) -> int:
    """A whole number such as agents."""
    return int(number(name, value, minimum=minimum, whole=True))


def rate(name: str, value, *, minimum: float = -1.0, exclusive_min: bool = True, maximum: float = 1.0) -> float:
    """A rate as a fraction, 0.08 for 8 %; a value such as 8 is refused as a likely percentage."""
    x = number(name, value)
    if x > maximum and 1 < x <= 100:
        raise BadArgument(f"{name} looks like a percentage ({x:g}): type {x / 100:g}")
    return number(name, x, minimum=minimum, exclusive_min=exclusive_min, maximum=maximum)


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


def excel_errors(f):
    """The edge between Excel and Python: a bad argument becomes ``#VALUE! sentence`` in the cell.

    Only ``ValueError`` (which :class:`BadArgument` and xlmodel's checks raise) is caught: anything
    else is a bug and must not be dressed up as a user error. A result that is not a finite number
    becomes ``#NUM!`` rather than a cell Excel cannot show.
    """
    @functools.wraps(f)
    def wrapper(*args):
        try:
            result = f(*args)
        except ValueError as exc:
            return f"#VALUE! {exc}"
        if isinstance(result, float) and not math.isfinite(result):
            return f"#NUM! the result is not a finite number ({result})"
        return result
    wrapper.__xlmodel_udf__ = True
    return wrapper
