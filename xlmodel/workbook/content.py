"""What a workbook shows: one case, its comparison and its analytics, in one language.

The sheet writers read it (and the plan) and never change it; the small verbs they share to write
an input cell or a name live here too, so that every input cell is written the same way.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Callable

from openpyxl.workbook.defined_name import DefinedName

from ..case import Case
from ..engine import Comparison
from ..model import Model
from ..schema import Field
from ..text import choice_label, currency_text, label, words
from ..text.fields import field_note, field_unit
from . import styles

RISK_DRAWS = 2000  # Monte Carlo draws written by the builder and the refresh macro (python cli.py risk for more)


class Content:
    """The case, its comparison and (lazily) its decision analytics, in ``lang``.

    ``analysis`` is the :class:`xlmodel.analytics.summary.Analysis`, or a function that finishes it
    (the build starts the slow part on a second core), or None to compute it on first use.
    """

    def __init__(self, case: Case, lang: str, result: Comparison, analysis=None):
        self.case = case
        self.lang = lang
        self.t = words(lang)
        self.result = result
        self.ev = result.evaluation
        self.model: Model = self.ev.model
        self.months = case.months
        self.years = case.finance.horizon_years
        self.cur = case.case.currency
        self.cur_text = currency_text(self.cur, lang)  # as the words write it: EUR in English, € in French
        self.money = styles.money_format(self.cur)
        self.money_2 = styles.money_format(self.cur, decimals=2)
        self._analysis: object | Callable | None = analysis

    @cached_property
    def analysis(self):
        """The decision analytics: given, given as a function that finishes them, or computed here."""
        if self._analysis is None:
            from ..analytics.summary import analyse
            return analyse(self.result, draws=RISK_DRAWS)
        if callable(self._analysis):
            return self._analysis()
        return self._analysis

    def label(self, obj, attr="label") -> str:
        return label(obj, self.lang, attr)

    def unit_of(self, f: Field) -> str:
        return field_unit(f, self.lang, self.cur)

    def number_format(self, f: Field, value=None, decimals: int | None = None) -> str:
        """The format of an input cell of ``f`` holding ``value`` (see :func:`styles.field_format`)."""
        return styles.field_format(f, self.cur, value, decimals)

    def note_for(self, f: Field) -> str:
        return field_note(f, self.lang, self.cur, self.label(f))

    def input_cell(self, ws, cell: str, f: Field, value, decimals: int | None = None):
        """An input cell of field ``f``: its number format (``decimals`` at least, when given, instead
        of the field's own), validation rule and note. A choice shows its label in the book's
        language, chosen from a list of those labels (the reader maps a label back to its value)."""
        validation = {**styles.field_validation(f), "lang": self.lang}  # messages in the book's language
        if "unit" in validation:
            validation["unit"] = self.unit_of(f)
        if f.kind == "choice":
            value = choice_label(value, self.lang)
            validation = {**validation, "choices": tuple(choice_label(v, self.lang) for v in f.choices)}
        styles.write_input(ws, cell, value, number_format=self.number_format(f, value, decimals),
                           validation=validation, note=self.note_for(f))


def define_name(ws, name: str, ref: str):
    """A workbook-level name (``finance_discount_rate`` -> ``Inputs!$B$12``)."""
    ws.parent.defined_names[name] = DefinedName(name, attr_text=ref)


def naming(template: str, cell: str, **cells: str) -> str:
    """A label ``Invoice: {vendor}`` as a formula joining its words and the vendor's name in ``cell``
    (and any other ``{placeholder}`` of the template with the cell given for it in ``cells``)."""
    cells = {"vendor": cell, **cells}
    quoted = lambda text: '"' + text.replace('"', '""') + '"'  # noqa: E731
    parts = re.split(r"\{(\w+)\}", template)  # words, placeholder, words, ...
    terms = [cells[part] if k % 2 else quoted(part) for k, part in enumerate(parts) if part]
    return "=" + "&".join(terms)
