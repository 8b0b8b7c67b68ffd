"""How a number is written as text in each language: the thousands separator, the decimal mark, the
decimals a typed value carries and the percent sign (``7,841,431`` and ``80%`` in English,
``7 841 431`` and ``80 %`` in French), in Python and in the workbook's text formulas.

The number formats of cells are not here: Excel and LibreOffice show a cell's ``0.0%`` or ``#,##0``
in the reader's own locale (a French book's percent formats carry their no-break space before the
sign: :func:`xlmodel.workbook.finish.space_percent_formats`). Only text the program writes itself (a sentence, a note, a message, a
``TEXT()`` inside a formula) takes its style from these functions.
"""

from __future__ import annotations

from . import words

MAX_TYPED_DECIMALS = 6  # a typed value with more is shown rounded (0.1234567 EUR a minute)


def number(value: float, decimals: int, lang: str) -> str:
    """A number with the language's thousands separator and decimal mark: ``3,685.97`` in English,
    ``3 685,97`` in French."""
    t = words(lang)
    exact = isinstance(value, int) and not isinstance(value, bool) and decimals == 0  # 2**63 - 1 is no float
    text = f"{value:,}" if exact else f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", t["decimal_mark"]).replace("\0", t["thousands"])


def amount(value: float, lang: str) -> str:
    """A whole amount with the language's thousands separator, as Excel's FIXED(x, 0) shows it:
    ``7,841,431`` in English, ``7 841 431`` in French."""
    return number(value, 0, lang)


def decimals_typed(value, most: int = MAX_TYPED_DECIMALS) -> int:
    """The fewest decimals (at most ``most``) that show ``value`` as typed: 2 for 1.15, 3 for 0.425,
    0 for 700000 (and 0 for what is not a number)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value:
        return 0
    for d in range(most + 1):
        if abs(round(value, d) - value) <= 1e-9 * max(1.0, abs(value)):
            return d
    return most


def typed(value: float, lang: str, grouped: bool = True) -> str:
    """A typed value as the language writes it, with the decimals it was typed with: ``7,200`` and
    ``0.42`` in English, ``7 200`` and ``0,42`` in French; not ``grouped``, a year: ``2027``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return repr(value)
    if isinstance(value, float) and (abs(value) >= 1e15 or (value and abs(value) < 10 ** -MAX_TYPED_DECIMALS)):
        return f"{value:g}".replace(".", words(lang)["decimal_mark"])
    text = number(value, decimals_typed(value), lang)
    return text if grouped else text.replace(words(lang)["thousands"], "")


def percent(fraction: float, decimals: int, lang: str) -> str:
    """A fraction as a percentage: ``80%`` in English, ``80 %`` in French (``12,5 %``)."""
    return number(100 * fraction, decimals, lang) + words(lang)["percent_sign"]


def percent_formula(expression: str, lang: str) -> str:
    """An Excel text expression showing the fraction ``expression`` as a whole percentage in the
    language's style (:func:`percent` with no decimals). ``TEXT(x,"0%")`` cannot put the French space
    before the sign; the format ``"0"`` has no decimal mark, so it reads the same in every locale of
    Excel and LibreOffice."""
    return f'TEXT({expression}/1%,"0")&"{words(lang)["percent_sign"]}"'


def tenths_formula(expression: str) -> str:
    """An Excel text expression showing the number ``expression`` to the tenth, with no decimal when
    it is whole (``25.8``, ``20``), in the reader's number style: FIXED() follows the locale of Excel
    and LibreOffice (``25,8`` in French), where a number joined to a text by ``&`` follows it in
    Excel and LibreOffice but not in the build's own recalculation (IronCalc writes ``25.8``), whose
    FIXED() is put in the book's language by :func:`xlmodel.workbook.verify.in_language_marks`."""
    tenths = f"ROUND({expression},1)"
    return f"FIXED({tenths},IF({tenths}=ROUND({expression},0),0,1))"
