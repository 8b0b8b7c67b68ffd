"""The text layer: every word, sentence and terminal table the program writes, in English and French.

Code elsewhere asks this layer for words in a language and never tests the language itself; the
numbers never depend on it. The words live in one module per language (:mod:`xlmodel.text.en`,
:mod:`xlmodel.text.fr`, with the same names and keys); the modules beside them compose sentences:

- :mod:`xlmodel.text.choices`: the sheet tabs and the labels of the choice values;
- :mod:`xlmodel.text.fields`: the unit and the note of an input cell;
- :mod:`xlmodel.text.method`: the Method sheet's lines;
- :mod:`xlmodel.text.sentences`: the recommendation and the other sentences of a comparison;
- :mod:`xlmodel.text.tables`: what ``compare`` and ``risk`` print in the terminal;
- :mod:`xlmodel.text.numbers`: numbers and percentages written as text, in each language's style;
- :mod:`xlmodel.text.problems`: the validation problems (:class:`xlmodel.errors.Problem`), located in
  the user's terms.

Layer: above the engine and the analytics (it reads their results), below the workbook, the tender
and the command line (they write its words).
"""

from __future__ import annotations

import functools
import re
from types import ModuleType

from ..schema import HYBRID_MODES, LANGUAGES
from . import choices, en, fr
from ..model.rows import NAME_DASH

_BY_LANGUAGE: dict[str, ModuleType] = {"en": en, "fr": fr}
assert tuple(_BY_LANGUAGE) == LANGUAGES


def _language(lang: str) -> ModuleType:
    try:
        return _BY_LANGUAGE[lang]
    except KeyError:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (found {lang!r})") from None


def words(lang: str) -> dict:
    """The workbook's words in ``lang`` (keys such as ``"inputs_title"``; see :data:`xlmodel.text.en.WORKBOOK`)."""
    return _language(lang).WORKBOOK


def units(lang: str) -> dict[str, str]:
    """Unit names of the model's rows in ``lang`` (``{cur}`` stands for the currency)."""
    return _language(lang).UNITS


def method_conventions(lang: str) -> list[tuple[str, str]]:
    """The Method sheet's conventions in ``lang``: ``("h", heading)`` or ``("p", paragraph)``."""
    return _language(lang).METHOD


def form_words(lang: str) -> dict:
    """The quote form's words in ``lang`` (see :data:`xlmodel.text.en.FORM`)."""
    return _language(lang).FORM


def guidance(lang: str) -> dict[str, str]:
    """What each row of the quote form asks, by field name, in ``lang``."""
    return _language(lang).GUIDANCE


def price_units(lang: str) -> dict[str, str]:
    """The unit of a quoted price, by pricing model, in ``lang`` (``per handled minute``)."""
    return _language(lang).PRICE_UNITS


def label(obj, lang: str, attr: str = "label") -> str:
    """The ``lang`` variant of a bilingual attribute: ``label(field, "fr")`` is ``field.label_fr``,
    ``label(section, "fr", "title")`` is ``section.title_fr``; a hybrid scenario's names its mode by
    the mode's label (``Hybride (horaires étendus) : Acme``)."""
    _language(lang)
    text = getattr(obj, f"{attr}_{lang}")
    return _choices_named(text, lang) if isinstance(text, str) else text


@functools.lru_cache(maxsize=4096)
def _choices_named(text: str, lang: str) -> str:
    """A label that names a choice value by its value (the model's ``Hybride (extended_hours) : Acme``,
    ``prix per_hour``) with the value's label instead: ``Hybride (horaires étendus) : Acme``
    (remembered: a workbook asks for the same few hundred labels thousands of times)."""
    for value, shown in choice_labels(lang).items():
        if "_" in value:
            text = re.sub(rf"\b{value}\b", shown, text)
        elif value in HYBRID_MODES:
            text = text.replace(f"({value})", f"({shown})").replace(f"= {value}", f"= {shown}")
    return text


# NAME_DASH (xlmodel.model.rows) is what a scenario's label puts between its kind and its name when a colon of
# the sentence comes before it: "Recommandation : Externalisé – Océan Indien Services", never
# "Recommandation : Externalisé : Océan...".


def after_colon(text: str, lang: str) -> str:
    """A scenario's label (``Outsourced: Acme``) where it follows a colon of the sentence that names it:
    its own colon becomes a dash (``Recommended: Outsourced – Acme``)."""
    return text.replace(words(lang)["colon"], NAME_DASH, 1)


def after_colon_formula(expression: str, lang: str) -> str:
    """:func:`after_colon` of a label a formula reads from a cell (``expression``), as an Excel expression."""
    return f'SUBSTITUTE({expression},"{words(lang)["colon"]}","{NAME_DASH}",1)'


@functools.lru_cache(maxsize=None)
def _elisions(lang: str) -> dict[str, str]:
    """The words of ``lang`` that elide before a vowel or a mute h, and their elided forms (``de`` -> ``d'``)."""
    return dict(pair.split(":") for pair in words(lang)["elisions"].split())


@functools.lru_cache(maxsize=None)
def _elision(lang: str) -> re.Pattern | None:
    """:func:`_elisions` followed by a vowel or a mute h, as one pattern."""
    elided = _elisions(lang)
    if not elided:
        return None
    before = words(lang)["elision_before"]
    return re.compile(rf"(?<![\w'’-])({'|'.join(elided)}) (?=(?:{before}))", re.IGNORECASE)


def elide(text: str, lang: str) -> str:
    """``text`` with each word that elides before a vowel or a mute h elided, where a name or a
    phrase was put after it (``de Externalisé`` -> ``d'Externalisé``, ``que il`` -> ``qu'il``)."""
    pattern = _elision(lang)
    if pattern is None:
        return text

    def short(m: re.Match) -> str:
        word = m.group(1)
        shorter = _elisions(lang)[word.lower()]
        return shorter[0].upper() + shorter[1:] if word[0].isupper() else shorter
    return pattern.sub(short, text)


def pick(lang: str, en: str, fr: str) -> str:
    """One of two words given side by side (the model's ``(line, en, fr)`` tables)."""
    _language(lang)
    return dict(zip(LANGUAGES, (en, fr)))[lang]


def _table(rows, lang: str) -> dict[str, str]:
    column = 1 + LANGUAGES.index(_language(lang).__name__.rsplit(".", 1)[-1])
    return {row[0]: row[column] for row in rows}


def sheet_titles(lang: str) -> dict[str, str]:
    """The tab of every sheet in ``lang``, by its key (``{"Inputs": "Hypothèses", ...}`` in French)."""
    return _table(choices.SHEETS, lang)


def choice_labels(lang: str) -> dict[str, str]:
    """The label of every choice value in ``lang`` (``{"extended_hours": "horaires étendus", ...}``)."""
    return _table(choices.CHOICES, lang)


def choice_label(value, lang: str):
    """What a choice cell shows for ``value`` in ``lang``; anything else (a currency code) as it is."""
    return choice_labels(lang).get(value, value) if isinstance(value, str) else value


def currency_text(currency: str, lang: str) -> str:
    """The case currency as ``lang`` writes it after an amount and in a unit: ``EUR`` in English; ``€``
    in French (``k€``), other currencies by their code (see :data:`xlmodel.text.choices.CHOICES`)."""
    return choice_label(currency, lang)


def choice_value(shown, allowed) -> object:
    """The choice value a cell's text stands for: a label in either language or the value itself,
    ignoring case and surrounding spaces, among ``allowed``; anything else as it was (validation
    then refuses it with its cell)."""
    if not isinstance(shown, str):
        return shown
    wanted = shown.strip().lower()
    for value in allowed:
        if wanted == value.lower() or any(wanted == row[i].lower() for row in choices.CHOICES if row[0] == value
                                          for i in (1, 2)):
            return value
    return shown


def terminal_words(lang: str) -> dict:
    """What ``compare`` and ``risk`` print, in ``lang`` (see :data:`xlmodel.text.terminal.TERMINAL`)."""
    from .terminal import TERMINAL
    _language(lang)
    return TERMINAL[lang]


def plural(count: int, word: str) -> str:
    """``1 channel``, ``3 channels``: an English count and its noun (the command line's messages)."""
    return f"{count} {word}" + ("" if count == 1 else "s")


from . import problems as _problems  # noqa: E402,F401 - installs the renderer of xlmodel.errors' problems
