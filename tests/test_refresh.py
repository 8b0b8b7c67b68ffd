"""The macros' plain-data logic: refresh recomputes the Python blocks, freeze keeps only values.

The staleness check is exercised for real: an input that feeds the Erlang sizing is changed in the
file, LibreOffice recalculates (the check drops to 0), the refresh plan is applied, and after a new
recalculation the check is back to 1 with the sizing of the new inputs.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from xlmodel.case import example_case
from xlmodel.engine import Evaluation
from xlmodel.workbook.build import build_file
from xlmodel.workbook.plan import make_plan
from xlmodel.workbook.reader import read_workbook_case
from xlmodel.workbook.refresh import freeze_plan, python_blocks


def _sizing_check(wb) -> object:
    ws = wb["Checks"]
    for r in range(4, ws.max_row + 1):
        if ws[f"A{r}"].value and "Staffing sizing" in ws[f"A{r}"].value:
            return ws[f"B{r}"].value
    raise AssertionError("no sizing check on the Checks sheet")


def test_refresh_plan_is_the_builders_staffing_block():
    case = example_case()
    plan = python_blocks(case)
    ev = Evaluation(case)
    layout = make_plan(case, ev.model)
    first_staff = ev.model.staff[0].key
    r = layout.staffing.rows[first_staff]
    assert plan[("Staffing", f"E{r}")] == pytest.approx(ev.staff[first_staff][0])
    assert len([k for k in plan if k[1].startswith("B")]) > 20  # the recorded inputs


@pytest.mark.libreoffice
def test_changed_input_turns_the_check_red_and_refresh_turns_it_back(soffice, tmp_path):
    from xlmodel.workbook.libreoffice import recalculate
    book = tmp_path / "book.xlsx"
    build_file(example_case(), book)
    wb = load_workbook(book)
    wb["Inputs"]["C60"].value  # noqa: B018 - make sure the sheet loads
    phone_volume = None
    ws = wb["Inputs"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == 700000:
                phone_volume = cell
    assert phone_volume is not None
    phone_volume.value = 800000
    wb.save(book)
    stale = load_workbook(recalculate(book, tmp_path / "stale"), data_only=True)
    assert _sizing_check(stale) == 0

    case = read_workbook_case(book)
    assert case.channels[0].annual_volume == 800000
    wb = load_workbook(book)
    for (sheet, coordinate), value in python_blocks(case).items():
        wb[sheet][coordinate] = value
    wb.save(book)
    fresh = load_workbook(recalculate(book, tmp_path / "fresh"), data_only=True)
    assert _sizing_check(fresh) == 1
    assert fresh["Checks"]["B4"].value is not None


def test_freeze_plan_keeps_native_formulas_and_freezes_python_calls():
    cells = [
        ("Compare", "C90", '=IFERROR(OUTSOURCE_ROI(D7:D11,C7:C11,C61,finance_horizon_years,0.1),"x")', 1.5),
        ("Compare", "C91", "=SUMPRODUCT(C7:C11,$C$64:$C$68)", 2.5),
        ("Compare", "C92", "=agents_required(1,2)", 14),
        ("Inputs", "B5", 700000, 700000),
    ]
    plan = freeze_plan(cells, {"OUTSOURCE_ROI", "AGENTS_REQUIRED"})
    assert plan == {("Compare", "C90"): 1.5, ("Compare", "C92"): 14}
