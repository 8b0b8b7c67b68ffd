"""The macros' plain-data logic: refresh recomputes the Python blocks, freeze keeps only values.

The Python twin's staleness is exercised for real: an input that feeds the Erlang sizing is changed
in the file and LibreOffice recalculates: the native agents follow the edit, the twin says in words
that it was verified at build, and no check fails; the refresh plan is applied, and after a new
recalculation the twin is current again and agrees with the native agents.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from xlmodel.case import example_case
from xlmodel.engine import Evaluation
from xlmodel.workbook.plan import make_plan
from xlmodel.workbook.reader import read_workbook_case
from xlmodel.workbook.refresh import freeze_plan, python_blocks


def test_refresh_plan_is_the_builders_staffing_twin():
    case = example_case()
    plan = python_blocks(case)
    ev = Evaluation(case)
    layout = make_plan(case, ev.model)
    first_staff = ev.model.staff[0].key
    r = layout.staffing.twin_rows[first_staff]
    assert plan[("Staffing", f"E{r}")] == pytest.approx(ev.staff[first_staff][0])
    assert ("Staffing", f"E{layout.staffing.rows[first_staff]}") not in plan  # the native agents stay formulas
    assert len([k for k in plan if k[1].startswith("B")]) > 20  # the recorded inputs


@pytest.mark.libreoffice
def test_changed_input_turns_the_check_red_and_refresh_turns_it_back(soffice, example_book, tmp_path):
    from xlmodel.workbook.libreoffice import recalculate
    stale_book, fresh_book = tmp_path / "stale.xlsx", tmp_path / "fresh.xlsx"
    wb = load_workbook(example_book)
    phone_volume = None
    ws = wb["Inputs"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == 700000:
                phone_volume = cell
    assert phone_volume is not None
    phone_volume.value = 800000
    wb.save(stale_book)
    # The refresh macro's work on the edited book: the Python blocks of the case it now holds.
    case = read_workbook_case(stale_book)
    assert case.channels[0].annual_volume == 800000
    wb = load_workbook(stale_book)
    for (sheet, coordinate), value in python_blocks(case).items():
        wb[sheet][coordinate] = value
    wb.save(fresh_book)
    stale, fresh = (load_workbook(copy, data_only=True)
                    for copy in recalculate([stale_book, fresh_book], tmp_path / "recalculated"))
    ev = Evaluation(case)
    layout = make_plan(case, ev.model)
    staffing, first = layout.staffing, ev.model.staff[0].key
    edited = ev.staff[first][0]
    for book in (stale, fresh):  # the native agents follow the edit at once
        assert book["Staffing"][f"E{staffing.rows[first]}"].value == pytest.approx(edited)
    assert stale["Staffing"][f"B{staffing.current_row}"].value == 0
    assert "verified at build" in stale["Staffing"][f"A{staffing.verified_row}"].value
    assert fresh["Staffing"][f"B{staffing.current_row}"].value == 1
    assert fresh["Staffing"][f"B{staffing.agree_row}"].value == 1
    assert "agrees" in fresh["Staffing"][f"A{staffing.verified_row}"].value
    verified = dict(layout.checks.rows)["staffing_verified"]
    for book in (stale, fresh):  # verified at build is no failure of the model
        assert book["Checks"][f"B{verified}"].value == 1
        assert book["Checks"][f"B{layout.checks.master_row}"].value == 1


def test_freeze_plan_keeps_native_formulas_and_freezes_python_calls():
    cells = [
        ("Compare", "C90", '=IFERROR(OUTSOURCE_ROI(D7:D11,C7:C11,C61,finance_horizon_years,0.1),"x")', 1.5),
        ("Compare", "C91", "=SUMPRODUCT(C7:C11,$C$64:$C$68)", 2.5),
        ("Compare", "C92", "=agents_required(1,2)", 14),
        ("Inputs", "B5", 700000, 700000),
    ]
    plan = freeze_plan(cells, {"OUTSOURCE_ROI", "AGENTS_REQUIRED"})
    assert plan == {("Compare", "C90"): 1.5, ("Compare", "C92"): 14}
