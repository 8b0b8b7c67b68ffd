"""Issue 16, the words and the figures: what a person reads in the workbook shows what the model
uses, in the language of the workbook."""

from __future__ import annotations

import re

import pytest
from workbook_helpers import PARITY_CASES

BOOKS = [(name, "en") for name in PARITY_CASES] + [("example", "fr")]


def typed_back(text: str) -> float:
    """The number a person reads in ``text`` ("0.420 €", "25.8%", "700,000"; English locale)."""
    number = re.sub(r"[^0-9.\-]", "", text)
    return float(number) / (100 if "%" in text else 1)


def shown_by_a_spreadsheet(built):
    """``(sheet, ref) -> (value, text shown)`` of a built book, as IronCalc formats its cells."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from xlmodel.workbook.verify import load
    book = load(built.path)
    model, index = book.model, book.sheets  # a sheet by its tab or its key (the plan's names)

    def shown(sheet, ref):
        row, column = coordinate_to_tuple(ref)
        return (model.get_cell_value(index[sheet], row, column),
                model.get_formatted_cell_value(index[sheet], row, column))
    return shown


@pytest.mark.parametrize("name, lang", BOOKS)
def test_every_input_cell_shows_the_value_typed(built_book, name, lang):
    built = built_book(name, lang)
    shown = shown_by_a_spreadsheet(built)
    checked = 0
    for sheet, ref in sorted(built.plan.input_cells):
        value, text = shown(sheet, ref)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        assert typed_back(text) == pytest.approx(value, rel=1e-12, abs=1e-12), (
            f"{sheet}!{ref} holds {value!r} but shows {text!r}")
        checked += 1
    assert checked > 100


def test_input_formats_follow_the_declared_precision(built_book):
    """The formats the brief names, on the example book."""
    built = built_book("example")
    cell = shown_by_a_spreadsheet(built)
    inputs, vendors = built.plan.inputs, built.plan.vendors
    by_name = {cell("Vendors", f"A{vendors.row(v)}")[0]: vendors.row(v) for v in range(3)}
    price = vendors.columns["price"]

    def shown(sheet, ref):
        return cell(sheet, ref)[1]

    assert shown("Vendors", f"{price}{by_name['Océan Indien Services']}") == "0.420 €"  # per minute
    assert shown("Vendors", f"{price}{by_name['Atlantique Relation Client']}") == "31.50 €"  # per hour
    assert shown("Vendors", f"{vendors.columns['aht_factor']}{by_name['Casablanca Contact']}") == "1.08"
    assert shown("Inputs", f"B{inputs.seasonality.first}") == "1.15"
    assert shown("Inputs", f"B{inputs.fields[('finance', 'start_year')]}") == "2027"
    assert shown("Inputs", f"B{inputs.fields[('risk', 'seed')]}") == "20270101"
    assert shown("Inputs", f"B{inputs.fields[('demand', 'open_days_per_week')]}") == "6"
    assert shown("Inputs", f"{inputs.channel_columns['annual_volume']}{inputs.channel_row(0)}") == "700,000"
