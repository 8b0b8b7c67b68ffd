"""The workbook's structure, read with openpyxl: FAST rules, protection, validation, determinism."""

from __future__ import annotations

import pytest

from xlmodel.model import build_model
from xlmodel.workbook.build import build_file
from xlmodel.workbook.layout import FIRST_MONTH_COL, SHEETS
from xlmodel.workbook.record import RECORD_SHEET

from workbook_helpers import (ALLOWED_LITERALS, EXCEL_2010_FUNCTIONS, all_formulas, functions_in, numbers_in,
                              parity_case, relative_pattern)


@pytest.fixture(scope="module")
def built(built_book, loaded_book):
    """The example workbook as written to disk and read back, with the plan of its layout."""
    book = built_book("example")
    return loaded_book(book.path), book.plan, parity_case("example")


def test_sheets_in_the_designed_order_with_conf_hidden(built):
    wb, _, _ = built
    # The Sourcing sheet (portfolios, issue 14) comes after the Hybrid sheet: the example has portfolios.
    # Last, the rebuild's record of what the build wrote (xlmodel.workbook.record), very hidden.
    at = SHEETS.index("Hybrid") + 1
    assert tuple(wb.sheetnames) == SHEETS[:at] + ("Sourcing",) + SHEETS[at:] + (RECORD_SHEET,)
    assert wb.sheetnames.index("Channels") == wb.sheetnames.index("Inputs") + 1
    assert wb["xlwings.conf"].sheet_state == "hidden" and wb[RECORD_SHEET].sheet_state == "veryHidden"
    assert wb["xlwings.conf"]["A1"].value == "UDF Modules" and wb["xlwings.conf"]["B1"].value


def test_every_calc_row_has_one_formula_pattern_across_the_months_or_the_years(built):
    """A monthly row from the first month to the last; a yearly row from year 0 (the signature, the
    column before the first month) to the last year; a single value in column C."""
    wb, layout, case = built
    ws = wb["Calc"]
    model = build_model(case)
    checked = {"month": 0, "year": 0}
    for key, r in layout.calc.rows.items():
        row = model.row(key)
        if row.scalar:
            assert isinstance(ws.cell(row=r, column=3).value, str), f"{key}: no single value"
            assert all(ws.cell(row=r, column=FIRST_MONTH_COL - 1 + m).value is None for m in range(case.months + 1))
            continue
        period, first, count = ("year", FIRST_MONTH_COL - 1, case.finance.horizon_years + 1) if row.yearly else (
            "month", FIRST_MONTH_COL, case.months)
        cells = [ws.cell(row=r, column=first + m) for m in range(count)]
        assert all(isinstance(c.value, str) and c.value.startswith("=") for c in cells), f"{key}: a period empty"
        assert ws.cell(row=r, column=first + count).value is None and ws.cell(row=r, column=3).value is None, key
        patterns = {relative_pattern(c.value, c.column, c.row) for c in cells}
        assert len(patterns) == 1, f"Calc row {r} ({key}) has {len(patterns)} patterns: {sorted(patterns)[:2]}"
        checked[period] += 1
    assert checked["month"] > 100 and checked["year"] > 40


def test_no_numbers_typed_in_formulas_but_0_1_and_12(built):
    wb, _, _ = built
    offenders = [(sheet, c.coordinate, c.value) for sheet, c in all_formulas(wb)
                 if numbers_in(c.value) - ALLOWED_LITERALS]
    assert not offenders, offenders[:5]


def test_only_excel_2010_functions_and_python_ones_behind_a_plain_message(built):
    from udfs import UDF_NAMES
    wb, _, _ = built
    used = set()
    for sheet, cell in all_formulas(wb):
        functions = functions_in(cell.value)
        used |= functions
        if functions & set(UDF_NAMES):
            # Without the add-in the cell must say so in words, not show #NAME?.
            assert cell.value.startswith("=IFERROR("), f"{sheet}!{cell.coordinate}: {cell.value}"
    assert used - set(UDF_NAMES) <= EXCEL_2010_FUNCTIONS, used - set(UDF_NAMES) - EXCEL_2010_FUNCTIONS
    assert {"SUMIF", "SUMPRODUCT", "IRR", "MATCH"} <= used
    assert used & set(UDF_NAMES), "the workbook should carry the Python twins"


def _is_input(cell) -> bool:
    return (cell.font is not None and cell.font.color is not None and cell.font.color.rgb
            and str(cell.font.color.rgb).endswith("0000FF"))


def test_inputs_unlocked_validated_noted_and_everything_else_locked(built):
    wb, layout, _ = built
    inputs = set(layout.input_cells)
    assert len(inputs) > 80
    for ws in wb.worksheets:
        validated = set()
        for dv in ws.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                for row in ws.iter_rows(min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col,
                                        max_col=rng.max_col):
                    validated |= {c.coordinate for c in row}
        if ws.title != "xlwings.conf":
            assert ws.protection.sheet, f"{ws.title} is not protected"
        for row in ws.iter_rows():
            for cell in row:
                is_input = (ws.title, cell.coordinate) in inputs
                assert cell.protection.locked != is_input, f"{ws.title}!{cell.coordinate} locked={cell.protection.locked}"
                if is_input:
                    assert _is_input(cell), f"{ws.title}!{cell.coordinate} not styled as input"
                    assert cell.coordinate in validated, f"{ws.title}!{cell.coordinate} has no data validation"
                    assert cell.comment is not None and cell.comment.text, f"{ws.title}!{cell.coordinate} no note"


def test_single_inputs_and_headline_outputs_are_named(built):
    wb, _, _ = built
    names = set(wb.defined_names)
    assert {"inhouse_gross_salary", "finance_discount_rate", "hybrid_mode", "demand_seasonality",
            "master_check", "best_npv_savings", "best_payback_month"} <= names


def test_same_case_gives_the_same_bytes(tmp_path, built_book):
    """Two builds of one case, one here and one earlier in the session, in other folders."""
    again = tmp_path / "again.xlsx"
    build_file(parity_case("hybrid_share"), again)
    assert again.read_bytes() == built_book("hybrid_share").path.read_bytes()


def test_french_build_differs_only_in_words(built, built_book, loaded_book):
    """The French book: the same numbers and formulas, in other words and under French tabs (every
    reference to a sheet follows its tab)."""
    from xlmodel.text import sheet_titles
    from xlmodel.workbook.sheetnames import quoted
    wen, wfr = built[0], loaded_book(built_book("example", "fr").path)  # each read once per run
    tabs = dict(sheet_titles("fr"))  # the example has portfolios: a Sourcing sheet
    assert wfr.sheetnames == [*tabs.values(), RECORD_SHEET] and wen.sheetnames == [*tabs, RECORD_SHEET]
    assert wen["Inputs"]["A6"].value != wfr[tabs["Inputs"]]["A6"].value  # the words change...

    def in_english(formula: str) -> str:
        for key, tab in tabs.items():
            formula = formula.replace(quoted(tab) + "!", key + "!")
        return formula
    for sheet in ("Calc", "Staffing", "Compare", "Inputs", "Channels", "Vendors"):
        for row_en, row_fr in zip(wen[sheet].iter_rows(), wfr[tabs[sheet]].iter_rows()):
            for a, b in zip(row_en, row_fr):
                if isinstance(a.value, (int, float)) or isinstance(b.value, (int, float)):
                    assert a.value == b.value, f"{sheet}!{a.coordinate}: {a.value} vs {b.value}"
                elif isinstance(a.value, str) and a.value.startswith("="):
                    # ...the formulas do not, except for the texts they show and the tabs they name.
                    strip = lambda f: "".join(part for i, part in enumerate(f.split('"')) if i % 2 == 0)  # noqa
                    assert strip(a.value) == strip(in_english(b.value)), f"{sheet}!{a.coordinate}"
    assert wfr.defined_names["finance_discount_rate"].attr_text == f"{quoted(tabs['Inputs'])}!$B$12"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_inputs_holds_four_columns_and_the_channels_table_has_a_sheet_of_its_own(built, built_book, loaded_book,
                                                                                  lang):
    """The Channels table (12 columns) sat on Inputs under the single inputs (4 columns, the notes a
    wide one), so Inputs was fitted to 12 columns and printed at half size: it has its own sheet,
    right after Inputs (Canaux in French), with its table name, title, units and one row per channel."""
    from openpyxl.utils import get_column_letter
    from xlmodel.schema import CHANNEL
    from xlmodel.text import label, words
    from xlmodel.workbook.sheetnames import sheet
    wb = built[0] if lang == "en" else loaded_book(built_book("example", "fr").path)
    plan, case = built[1], built[2]
    inputs, channels = sheet(wb, "Inputs"), sheet(wb, "Channels")
    beyond = [c.coordinate for row in inputs.iter_rows(min_col=5) for c in row if c.value is not None]
    assert not beyond and inputs.max_column <= 4 and not inputs.tables, beyond[:5]
    assert channels.title == {"en": "Channels", "fr": "Canaux"}[lang]
    assert wb.sheetnames.index(channels.title) == wb.sheetnames.index(inputs.title) + 1
    lay, last = plan.channels, get_column_letter(len(CHANNEL.fields))
    assert dict(channels.tables.items()) == {"Channels": f"A{lay.header}:{last}{lay.last_row}"}  # (name, ref)
    assert channels["A1"].value == words(lang)["channels"] and channels["A2"].value == words(lang)["channels_help"]
    assert [c.value for c in channels[lay.header]] == [label(f, lang) for f in CHANNEL.fields]
    assert [c.value for c in channels[lay.units_row]][2] == {"en": "contacts/year", "fr": "contacts/an"}[lang]
    assert [channels.cell(lay.row(i), 1).value for i in range(lay.count)] == [ch.name for ch in case.channels]
    assert inputs.page_setup.orientation == "portrait" and not inputs.row_breaks.brk
    assert channels.page_setup.orientation == "landscape" and channels.page_setup.fitToWidth == 1
    # Each header's words whole in their column (bold, a unit a character and a unit of margins, as
    # tests/test_print.py estimates text): "e time (deferre" was left of "Response time (deferred)".
    for j, cell in enumerate(channels[lay.header], start=1):
        width = channels.column_dimensions[get_column_letter(j)].width
        assert cell.alignment.wrap_text and max(len(w) for w in cell.value.split()) * 1.0 + 1 <= width, cell.value


def test_staffing_twin_values_are_the_engines_and_the_native_rows_formulas(built):
    """The Python twin holds the engine's sizing as values; the rows the Calc sheet uses are native
    formulas, one pattern across the months."""
    wb, layout, case = built
    from xlmodel.engine import Evaluation
    ev = Evaluation(case)
    ws = wb["Staffing"]
    for key, r in layout.staffing.twin_rows.items():
        values = [ws.cell(row=r, column=FIRST_MONTH_COL + m).value for m in range(case.months)]
        assert values == pytest.approx(list(ev.staff[key]), rel=1e-12), key
    for key, r in layout.staffing.sizing_rows.items():
        cells = [ws.cell(row=r, column=FIRST_MONTH_COL + m) for m in range(case.months)]
        assert all(isinstance(c.value, str) and c.value.startswith("=") for c in cells), key
        assert len({relative_pattern(c.value, c.column, c.row) for c in cells}) == 1, key
    assert set(layout.staffing.rows.values()) <= set(layout.staffing.sizing_rows.values())


def test_dashboard_prints_on_one_landscape_page(built):
    wb, _, _ = built
    ws = wb["Dashboard"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area
    assert len(ws._charts) >= 2
