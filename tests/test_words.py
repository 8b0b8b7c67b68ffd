"""Issue 16, the words and the figures: what a person reads in the workbook shows what the model
uses, in the language of the workbook."""

from __future__ import annotations

import re

import openpyxl
import pytest
from workbook_helpers import PARITY_CASES

BOOKS = [(name, "en") for name in PARITY_CASES] + [("example", "fr")]
_LITERAL = re.compile(r'"[^"]*"|\[[^\]]*\]')


def displayed(value: float, number_format: str) -> str:
    """The text a spreadsheet shows for ``value`` through ``number_format`` (English locale), for the
    formats the builder writes: ``0``, ``#,##0``, decimals, ``%``, quoted literals, a negative section."""
    sections = number_format.split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    shown = -value if value < 0 and len(sections) > 1 else value
    literals = "".join(m.strip('"') for m in _LITERAL.findall(section) if m.startswith('"'))
    body = _LITERAL.sub("", section).strip()
    percent = body.endswith("%")
    body = body.rstrip("%").strip()
    sign = "-" if body.startswith("-") else ""
    body = body.lstrip("-")
    decimals = len(body.split(".")[1]) if "." in body else 0
    number = shown * 100 if percent else shown
    text = f"{number:,.{decimals}f}" if "," in body else f"{number:.{decimals}f}"
    return f"{sign}{text}{'%' if percent else ''}{' ' + literals.strip() if literals.strip() else ''}"


def typed_back(text: str) -> float:
    """The number a person reads in ``text`` (the inverse of :func:`displayed`)."""
    number = re.sub(r"[^0-9.\-]", "", text)
    return float(number) / (100 if "%" in text else 1)


def test_the_displayed_text_of_a_format_is_what_a_spreadsheet_shows():
    money = '#,##0.000 "€";[Red]-#,##0.000 "€"'
    assert displayed(0.42, money) == "0.420 €"
    assert displayed(-1234.5, money) == "-1,234.500 €"
    assert displayed(0.258, "0.0%") == "25.8%"
    assert displayed(2027, "0") == "2027"
    assert displayed(700000, "#,##0") == "700,000"
    assert displayed(1.15, "#,##0.0") == "1.1"  # what the old format showed: not 1.15


@pytest.mark.parametrize("name, lang", BOOKS)
def test_every_input_cell_shows_the_value_typed(built_book, name, lang):
    built = built_book(name, lang)
    wb = openpyxl.load_workbook(built.path)
    checked = 0
    for sheet, ref in sorted(built.plan.input_cells):
        cell = wb[sheet][ref]
        if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
            continue
        text = displayed(cell.value, cell.number_format)
        assert typed_back(text) == pytest.approx(cell.value, rel=1e-12, abs=1e-12), (
            f"{sheet}!{ref} holds {cell.value!r} but shows {text!r} ({cell.number_format})")
        checked += 1
    assert checked > 100


def test_input_formats_follow_the_declared_precision(built_book):
    """The formats the brief names, on the example book."""
    built = built_book("example")
    wb = openpyxl.load_workbook(built.path)
    inputs, vendors = built.plan.inputs, built.plan.vendors
    by_name = {wb["Vendors"][f"A{vendors.row(v)}"].value: vendors.row(v) for v in range(3)}
    price = vendors.columns["price"]

    def shown(sheet, ref):
        cell = wb[sheet][ref]
        return displayed(cell.value, cell.number_format)

    assert shown("Vendors", f"{price}{by_name['Océan Indien Services']}") == "0.420 €"  # per minute
    assert shown("Vendors", f"{price}{by_name['Atlantique Relation Client']}") == "31.50 €"  # per hour
    assert shown("Vendors", f"{vendors.columns['aht_factor']}{by_name['Casablanca Contact']}") == "1.08"
    assert shown("Inputs", f"B{inputs.seasonality.first}") == "1.15"
    assert shown("Inputs", f"B{inputs.fields[('finance', 'start_year')]}") == "2027"
    assert shown("Inputs", f"B{inputs.fields[('risk', 'seed')]}") == "20270101"
    assert shown("Inputs", f"B{inputs.fields[('demand', 'open_days_per_week')]}") == "6"
    assert shown("Inputs", f"{inputs.channel_columns['annual_volume']}{inputs.channel_row(0)}") == "700,000"
