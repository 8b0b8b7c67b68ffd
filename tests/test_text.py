"""The text layer: both languages say the same things, and no code outside it tests the language."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from xlmodel import text
from xlmodel.text import en, fr

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("WORKBOOK", "UNITS", "METHOD", "FORM", "GUIDANCE", "PRICE_UNITS")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _same_shape(a, b, where: str):
    assert type(a) is type(b), where
    if isinstance(a, dict):
        assert a.keys() == b.keys(), f"{where}: keys {sorted(a.keys() ^ b.keys())}"
        for key in a:
            _same_shape(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same_shape(x, y, f"{where}[{i}]")
    elif isinstance(a, str):
        assert _fields(a) == _fields(b), f"{where}: fields {_fields(a)} vs {_fields(b)}"


@pytest.mark.parametrize("table", TABLES)
def test_english_and_french_have_the_same_keys_and_template_fields(table):
    _same_shape(getattr(en, table), getattr(fr, table), table)


def test_method_headings_fall_at_the_same_places():
    assert [kind for kind, _ in en.METHOD] == [kind for kind, _ in fr.METHOD]


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, fr"):
        text.words("de")
