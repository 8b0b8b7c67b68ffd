"""The words of an input cell: its unit and its note (label, unit, accepted values, source).

Used by the workbook's input sheets and by the quote form, so that a field reads the same in both.
"""

from __future__ import annotations

import re

from ..schema import ALL_SECTIONS, ANALYTICS_SECTIONS, Field
from . import choice_label, currency_text, pick, words
from .numbers import typed
from .sources_fr import SOURCES

_FRENCH_SOURCES = {f: SOURCES[(s.name, f.name)] for s in ALL_SECTIONS + ANALYTICS_SECTIONS for f in s.fields
                   if (s.name, f.name) in SOURCES}

_UNIT_ATTRIBUTE = {"en": "unit", "fr": "fr_unit"}  # a field without a French unit uses its English one


def field_unit(f: Field, lang: str, currency: str) -> str:
    """An input's unit in ``lang``; amounts name the currency (``EUR per FTE per year``, ``€ par ETP et
    par an``)."""
    unit = getattr(f, _UNIT_ATTRIBUTE[lang]) or f.unit
    return f"{currency_text(currency, lang)} {unit}".strip() if f.kind == "money" else unit


def field_note(f: Field, lang: str, currency: str, label: str, unit: str | None = None) -> str:
    """The note of an input cell: label and unit, accepted values (with how to type a rate), source."""
    t = words(lang)
    unit = field_unit(f, lang, currency) if unit is None else unit
    parts = [f"{label} ({unit})" if unit else label]
    if f.kind == "choice":
        parts.append(", ".join(choice_label(v, lang) for v in f.choices))
    elif f.kind != "text":
        bounds = f.bounds_text()
        for english, translated in t["bounds_words"].items():
            bounds = bounds.replace(english, translated)
        limits = iter([b for b in (f.minimum, f.maximum) if b is not None])  # the numbers of the text, in order
        bounds = _BOUND.sub(lambda m: typed(next(limits), lang, f.grouped), bounds)  # 1,000,000 and 0.5; 1 000 000 and 0,5
        parts.append(bounds + (f" ({t['rate_hint']})" if f.kind == "rate" else ""))
    if f.source:
        parts.append(field_source(f, lang))
    return "\n".join(parts)


_BOUND = re.compile(r"-?\d{1,3}(?:[ ,]\d{3})+(?!\d)|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")  # a bound of Field.bounds_text()


def field_source(f: Field, lang: str) -> str:
    """An input's note and source in ``lang`` (the schema's English text, or its French one)."""
    return pick(lang, f.source, _FRENCH_SOURCES.get(f, f.source)) if f.source else ""
