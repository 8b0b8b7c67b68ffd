"""Validation problems said in English or French: the sentence of a :class:`xlmodel.errors.Problem`'s
key (``PROBLEMS`` in :mod:`xlmodel.text.en` and :mod:`xlmodel.text.fr`) with its values in the
language's number style, and its location in the user's terms.

A problem is found in the inputs layer with a key and values; this module, imported by every part that
says anything (the text layer's package imports it), installs itself as the renderer of
:mod:`xlmodel.errors`. The English sentences are those the house has always printed (tests pin them):
the values keep their English style there (``7200``, ``1 000 000 000``); in French they follow the
French style (``7 200``, ``0,42``, « Acme »), and the location names the field by its French label,
the channel's or the quote's name, then the file key (``Canaux n° 1 « phone », durée moyenne de
traitement ([[demand.channels]] 1 .aht_seconds)``).
"""

from __future__ import annotations

import re

from .. import errors
from ..arguments import shown_value
from ..schema import ALL_SECTIONS, ANALYTICS_SECTIONS, Field, Section
from . import _language, choice_label
from .numbers import number, percent, typed

_SECTIONS = {s.name: s for s in ALL_SECTIONS + ANALYTICS_SECTIONS}


def problem_words(lang: str) -> dict:
    """The sentences of the problems, by key, in ``lang``."""
    return _language(lang).PROBLEMS


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _english_number(value) -> str:
    """A number as the English messages have always shown it: ``7200``, ``0.42``, ``1 000 000 000``."""
    if isinstance(value, int) and abs(value) >= 10000:
        return f"{value:,}".replace(",", " ")
    if isinstance(value, float) and value.is_integer() and abs(value) >= 10000:
        return f"{value:,.0f}".replace(",", " ")
    return f"{value:g}" if isinstance(value, float) else str(value)


def shown(value, lang: str, grouped: bool = True) -> str:
    """A value a message quotes: a number in the language's style, a text quoted (``'Acme'`` in
    English, « Acme » in French), cut to 60 characters."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _english_number(value) if lang == "en" else typed(value, lang, grouped)
    if isinstance(value, str) and lang != "en":
        text = value if len(value) <= 57 else value[:54] + "..."
        return f"« {text} »"
    return shown_value(value)


def _section_of(problem) -> Section | None:
    """The section of a problem's place: given as itself or by its name (None when it has none)."""
    section = problem.place[0] if problem.place else None
    return _SECTIONS.get(section) if isinstance(section, str) else section


def _field_of(problem) -> Field | None:
    """The field of a problem's place: given as itself or by its name in its section."""
    section, f = _section_of(problem), problem.place[2] if len(problem.place) >= 3 else None
    if isinstance(f, str):
        return section.by_name.get(f) if section is not None else None
    return f


def shown_default(value, lang: str, grouped: bool = True) -> str:
    """A default value as a notice quotes it: ``'erlang_c'`` or ``0.32`` in English; in French a choice
    by its label (« Erlang C »), a number in the French style (0,32)."""
    if isinstance(value, str):
        return shown_value(value) if lang == "en" else f"« {choice_label(value, lang)} »"
    return shown(value, lang, grouped)


def _bounds(f: Field, lang: str) -> str:
    """The accepted range of ``f`` in words (``> 0 and <= 7200`` or ``> 0 et <= 7 200``)."""
    p = problem_words(lang)
    if f.kind == "choice":
        return p["one_of"].format(values=", ".join(_choice(c, lang) for c in f.choices))
    lo, hi = (">" if f.exclusive_min else ">="), ("<" if f.exclusive_max else "<=")
    write = _english_number if lang == "en" else (lambda x: typed(x, lang, f.grouped))
    if f.minimum is not None and f.maximum is not None:
        return p["between"].format(lo=lo, low=write(f.minimum), hi=hi, high=write(f.maximum))
    if f.minimum is not None:
        return f"{lo} {write(f.minimum)}"
    if f.maximum is not None:
        return f"{hi} {write(f.maximum)}"
    return p["any_value"]


def _choice(value: str, lang: str) -> str:
    """A choice value as a message names it: ``'per_hour'``; in French its label and the value typed in a
    case file (« à l'heure » (per_hour))."""
    if lang == "en":
        return repr(value)
    return f"« {choice_label(value, lang)} » ({value})" if choice_label(value, lang) != value else f"« {value} »"


def _unit(f: Field, lang: str) -> str:
    return (getattr(f, "fr_unit", "") or f.unit) if lang != "en" else f.unit


def _slot(name: str, value, lang: str, f: Field | None):
    """One value of a sentence in ``lang``: a sub-sentence ``(key, {values})``, a number, a text."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        key, slots = value
        return problem_words(lang)[key].format(**{n: _slot(n, v, lang, f) for n, v in slots.items()})
    if isinstance(value, errors.Percent):
        return percent(value.fraction, 1, lang)
    if isinstance(value, errors.Words):
        return getattr(value, lang)
    if isinstance(value, errors.Fixed):
        if lang == "en":
            return f"{value.value:{',' if value.grouped else ''}.{value.decimals}f}"
        return number(value.value, value.decimals, lang)
    if name == "type":
        return problem_words(lang)["types"].get(value, value)
    if name == "month_name":
        return _language(lang).WORKBOOK["months"][value]
    if name in ("names", "keys"):
        return ", ".join(value) if lang == "en" else ", ".join(f"« {v} »" for v in value)
    if name == "default" and isinstance(value, str):
        return shown_default(value, lang)
    if name == "value" and isinstance(value, str) and lang != "en":
        return f"« {choice_label(value, lang)} »"
    if isinstance(value, str) and name not in ("found", "name"):
        return value
    return shown(value, lang, f.grouped if f is not None else True)


def say(problem, lang: str) -> str:
    """``problem``'s sentence in ``lang``, without its location."""
    f = _field_of(problem)
    slots = {name: _slot(name, value, lang, f) for name, value in problem.slots.items()}
    if f is not None:
        label = getattr(f, f"label_{lang}")
        unit = _unit(f, lang)
        slots.setdefault("label", label)
        slots.setdefault("bounds", _bounds(f, lang))
        slots.setdefault("unit", unit)
        slots.setdefault("bounds_unit", f"{slots['bounds']} {unit}".rstrip())
        kind = problem_words(lang)["types"].get(f.kind, f.kind)
        slots.setdefault("unit_or_kind", unit or kind)
        slots.setdefault("label_unit", f"{label}, {unit or kind}".rstrip(", "))
    return problem_words(lang)[problem.key].format(**slots)


def place_text(problem, lang: str) -> str:
    """Where ``problem`` is, in the user's terms: in English the file key or the cell as it is; in
    French the field's label (and the channel's or quote's number and name), then the key or cell."""
    p, f = _language(lang).PLACES, _field_of(problem)
    if f is None or not problem.location:
        return problem.location
    section = _section_of(problem)
    index, name = problem.place[1], problem.place[3] if len(problem.place) > 3 else None
    title = getattr(section, f"title_{lang}")
    label = _lower_first(getattr(f, f"label_{lang}"))
    if index is None:
        return p["scalar"].format(section=title, label=label, key=problem.location)
    template = p["item"] if name else p["item_unnamed"]
    item = p["item_names"].get(section.name, title)
    return template.format(item=item[:1].upper() + item[1:], index=index, name=name, label=label,
                           key=problem.location)


def problem_line(problem, lang: str) -> str:
    """``location: sentence`` in ``lang`` (the sentence alone when the problem has no location)."""
    where, sentence = place_text(problem, lang), problem.said(lang)
    colon = _language(lang).WORKBOOK["colon"]
    return f"{where}{colon}{sentence}" if where else sentence


def notice_line(notice, lang: str) -> str:
    """A notice (:class:`xlmodel.errors.Notice`) in ``lang``: ``location: sentence`` as
    :func:`problem_line` says it; a plain text as it is."""
    problem = getattr(notice, "problem", None)
    return str(notice) if problem is None else problem_line(problem, lang)


def toml_position(message: str) -> dict:
    """Line and column of a TOML syntax error's message (``... (at line 5, column 12)``), if it says them."""
    found = re.search(r"line (\d+), column (\d+)", message)
    return {"line": int(found[1]), "column": int(found[2])} if found else {}


errors.install(say)
