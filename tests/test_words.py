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
    channels = built.plan.channels
    assert shown("Channels", f"{channels.columns['annual_volume']}{channels.row(0)}") == "700,000"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_french_book_sets_a_no_break_space_before_every_percent_sign(built_book, lang):
    """French typography writes "15,2 %" (a no-break space before the sign), as the book's own text
    does ("80 %"); an English book keeps "15.2%". Every percent format, and a cell as shown."""
    from openpyxl import load_workbook
    built = built_book("example", lang)
    wb = load_workbook(built.path)
    percent_cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if "%" in c.number_format]
    formats = {c.number_format for c in percent_cells}
    assert len(percent_cells) > 1000, formats  # the rates of Inputs, Calc, Compare, Risk...
    spaced = '"\u00a0"%'
    for fmt in formats:
        assert fmt.count(spaced) == (fmt.count("%") if lang == "fr" else 0), fmt
    shown = shown_by_a_spreadsheet(built)
    dashboard = built.plan.dashboard
    texts = [shown("Dashboard", f"D{r}")[1] for r in dashboard.scenarios.rows]
    percents = [t for t in texts if t.endswith("%")]
    assert percents, texts
    for text in percents:
        assert re.fullmatch(r"-?[\d.,]+\u00a0%" if lang == "fr" else r"-?[\d.,]+%", text), text
