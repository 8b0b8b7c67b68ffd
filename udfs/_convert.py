"""Converting Excel arguments and turning bad ones into a short ``#`` text (never a traceback).

Excel (through xlwings) passes numbers as float, empty cells as None, text as str, a range as a
list (one row or column) or a list of lists. These helpers check one argument each and raise
:class:`BadArgument` with a sentence naming it; :func:`excel_errors` turns that, and the
engine's ``ValueError``, into ``#VALUE! <sentence>`` in the cell.
"""

from __future__ import annotations

import functools
import math


class BadArgument(ValueError):
    """An argument a user typed is not what the function needs."""


def number(name: str, value, *, minimum=None, maximum=None, exclusive_min=False, whole=False) -> float:
    """A single number in range; text, empty cells, ranges and booleans are refused by name."""
    if isinstance(value, (list, tuple)):
        flat = _flatten(name, value)
        if len(flat) != 1:
            raise BadArgument(f"{name} must be a single number, not a range of {len(flat)} cells")
        value = flat[0]
    if value is None or value == "":
        raise BadArgument(f"{name} is empty: type a number")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadArgument(f"{name} must be a number (found {value!r})")
    if not math.isfinite(value):
        raise BadArgument(f"{name} must be a finite number")
    if whole and value != int(value):
        raise BadArgument(f"{name} must be a whole number (found {value:g})")
    if minimum is not None and (value <= minimum if exclusive_min else value < minimum):
        raise BadArgument(f"{name} must be {'>' if exclusive_min else '>='} {minimum:g} (found {value:g})")
    if maximum is not None and value > maximum:
        raise BadArgument(f"{name} must be <= {maximum:g} (found {value:g})")
    return float(value)


def rate(name: str, value, *, minimum: float = -1.0, exclusive_min: bool = True, maximum: float = 1.0) -> float:
    """A rate as a fraction: 0.08 for 8 %; a value like 8 is refused as a likely percentage."""
    x = number(name, value)
    if x > maximum and 1 < x <= 100:
        raise BadArgument(f"{name} looks like a percentage ({x:g}): type {x / 100:g}")
    return number(name, x, minimum=minimum, exclusive_min=exclusive_min, maximum=maximum)


def costs(name: str, value):
    """A cost: one number (year 1), or a row or column of yearly costs (returned as a list)."""
    if isinstance(value, (list, tuple)):
        flat = _flatten(name, value)
        if not flat:
            raise BadArgument(f"{name} is an empty range")
        return [number(f"{name} (year {i})", v) for i, v in enumerate(flat, start=1)]
    return number(name, value)


def years(value, *cost_args) -> int | None:
    """``years``: a whole number from 1 to 50; it may be omitted (None) when a cost is a range."""
    ranges = [c for c in cost_args if isinstance(c, list)]
    if value is None:
        if ranges:
            return None
        raise BadArgument("years is empty: type the number of years")
    n = int(number("years", value, minimum=1, maximum=50, whole=True))
    for name, c in zip(("inhouse_cost", "outsourced_cost"), cost_args):
        if isinstance(c, list) and len(c) != n:
            raise BadArgument(f"years ({n}) contradicts the length of {name} ({len(c)})")
    return n


def text(name: str, value, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.strip() not in choices:
        raise BadArgument(f"{name} must be one of {', '.join(choices)} (found {value!r})")
    return value.strip()


def _flatten(name: str, value) -> list:
    if value and isinstance(value[0], (list, tuple)):
        rows, cols = len(value), len(value[0])
        if rows > 1 and cols > 1:
            raise BadArgument(f"{name} must be a single row or column, not {rows} x {cols} cells")
        return [v for row in value for v in row]
    return list(value)


def excel_errors(f):
    """Return ``#VALUE! sentence`` instead of raising, for the errors a user can cause."""
    @functools.wraps(f)
    def wrapper(*args):
        try:
            return f(*args)
        except (BadArgument, ValueError, ZeroDivisionError, OverflowError) as exc:
            return f"#VALUE! {exc}"
    return wrapper
