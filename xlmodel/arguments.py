"""Checking one number argument: the one rule book of the engine's functions and the Excel functions.

:mod:`xlmodel.finance`, :mod:`xlmodel.erlang` and :mod:`xlmodel.unit_costs` check their arguments
here, and :mod:`udfs` shows the same sentences in a cell as ``#VALUE! <sentence>``. A bad argument
raises :class:`BadArgument`, a ``ValueError`` whose message names the argument, the rule and what
was found::

    discount_rate must be > -1 (found -1.5)
    target_sl looks like a percentage (80): type 0.8

Case files are checked elsewhere (:mod:`xlmodel.case`, which collects every problem of a file with
its location); this module checks one value passed to one function, and holds the two rules of a
single value that case files and workbooks share: what a yes/no answer may be (:func:`yes_no`)
and how a value is quoted in a message (:func:`shown_value`).

Examples
--------
>>> number("aht_seconds", 180, above=0)
180.0
>>> number("agents", 14.5, minimum=0, whole=True)
Traceback (most recent call last):
...
xlmodel.arguments.BadArgument: agents must be a whole number (found 14.5)
>>> rate("shrinkage", 30, minimum=0, below=1)
Traceback (most recent call last):
...
xlmodel.arguments.BadArgument: shrinkage looks like a percentage (30): type 0.3
"""

from __future__ import annotations

import math
import numbers
from typing import Any


class BadArgument(ValueError):
    """An argument is not what the function needs; the message says which rule it breaks."""


def shown(value: float) -> str:
    """A number as a message shows it: whole numbers in full (1000000, not 1e+06), others with 6 digits.

    >>> shown(1_000_000), shown(0.08), shown(-1.0), shown(1e300), shown(float("inf"))
    ('1000000', '0.08', '-1', '1e+300', 'inf')
    """
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}"


def number(name: str, value, *, above: float | None = None, minimum: float | None = None,
           maximum: float | None = None, below: float | None = None, whole: bool = False) -> float:
    """``value`` as a float, once it is a finite number within the bounds given.

    Parameters
    ----------
    name : str
        The argument's name, as the user typed it (``discount_rate``).
    value
        Any real number (int, float, numpy scalar); booleans and text are refused.
    above, minimum, maximum, below : float, optional
        value > above, value >= minimum, value <= maximum, value < below.
    whole : bool, default False
        value must be a whole number (an agent count, a number of years).

    Returns
    -------
    float
        The value as a float.

    Notes
    -----
    The rules are checked in this order, and the first broken one is reported: a number, finite,
    whole (:func:`rate`: not a percentage), then the lower bound, then the upper bound.
    """
    return _checked(name, value, above, minimum, maximum, below, whole, False)


def rate(name: str, value, *, above: float | None = None, minimum: float | None = None,
         maximum: float | None = None, below: float | None = None) -> float:
    """A rate as a fraction (0.08 for 8 %): :func:`number`, and a value over the upper bound
    between 1 and 100 is refused as a likely percentage (``type 0.08``).

    >>> rate("discount_rate", 0.08, above=-1, maximum=1)
    0.08
    """
    return _checked(name, value, above, minimum, maximum, below, False, True)


def _checked(name, value, above, minimum, maximum, below, whole, percent) -> float:
    if type(value) is not float and type(value) is not int:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise BadArgument(f"{name} must be a number (found {value!r})")
        value = float(value)
    if not math.isfinite(value):
        raise BadArgument(f"{name} must be a finite number (found {value!r})")
    if whole and value != int(value):
        raise BadArgument(f"{name} must be a whole number (found {shown(value)})")
    if percent and 1 < value <= 100 and (maximum is not None and value > maximum
                                         or below is not None and value >= below):
        raise BadArgument(f"{name} looks like a percentage ({shown(value)}): type {value / 100:g}")
    if above is not None and value <= above:
        raise BadArgument(f"{name} must be > {shown(above)} (found {shown(value)})")
    if minimum is not None and value < minimum:
        raise BadArgument(f"{name} must be >= {shown(minimum)} (found {shown(value)})")
    if maximum is not None and value > maximum:
        raise BadArgument(f"{name} must be <= {shown(maximum)} (found {shown(value)})")
    if below is not None and value >= below:
        raise BadArgument(f"{name} must be < {shown(below)} (found {shown(value)})")
    return float(value)


def whole_number(name: str, value, **bounds) -> int:
    """A whole number (agents, years) as an int: :func:`number` with ``whole=True`` and the same bounds.

    >>> whole_number("agents", 14.0, minimum=0)
    14
    """
    return int(number(name, value, whole=True, **bounds))


#: What a yes/no input accepts, whatever the case: a word in English or French, a boolean, 1 or 0.
YES_WORDS = ("y", "yes", "o", "oui", "true", "1")
NO_WORDS = ("n", "no", "non", "false", "0")


def yes_no(value: Any) -> str | None:
    """``"yes"`` or ``"no"`` for any accepted spelling (``Y``, ``Oui``, ``TRUE``, ``1``...), else None.

    >>> yes_no("Y"), yes_no(" non "), yes_no(True), yes_no(0), yes_no("maybe")
    ('yes', 'no', 'yes', 'no', None)
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)) and value in (0, 1):
        return "yes" if value == 1 else "no"
    word = value.strip().lower() if isinstance(value, str) else None
    return "yes" if word in YES_WORDS else "no" if word in NO_WORDS else None


def shown_value(value: Any) -> str:
    """A value as a message quotes it: repr, cut to 60 characters (a 1 000 000-character name is not echoed)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
