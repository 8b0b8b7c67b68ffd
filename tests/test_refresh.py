"""The macros' plain-data logic: refresh recomputes the Python blocks, freeze keeps only values.

The Python twin's staleness is exercised for real: an input that feeds the Erlang sizing is typed
into the built book and IronCalc recalculates it in process: the native agents follow the edit, the twin says in words
that it was verified at build, and no check fails; the refresh plan is applied, and after a new
recalculation the twin is current again and agrees with the native agents.
"""

from __future__ import annotations

import pytest
from openpyxl.utils import column_index_from_string

from xlmodel.case import example_case
from xlmodel.engine import Evaluation
from xlmodel.workbook.plan import make_plan
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


def test_changed_input_turns_the_check_red_and_refresh_turns_it_back(built_book):
    """The phone volume typed into the example book, recalculated in process (IronCalc, as a user's
    Excel would); then the refresh macro's work: the Python blocks of the case the book now holds,
    written into it, and a new recalculation."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from live_book import LiveBook
    from xlmodel.workbook.reader import read_book_case
    example = built_book("example")
    live = LiveBook(example.path, "en")
    layout = example.plan
    volume = layout.channels.row(0), column_index_from_string(layout.channels.columns["annual_volume"])
    assert live.value("Channels", *volume) == 700000
    live.edit("Channels", *volume, 800000)
    live.evaluate()
    case = read_book_case(live)  # what the refresh macro reads
    assert case.channels[0].annual_volume == 800000
    ev = Evaluation(case)
    staffing, first = layout.staffing, ev.model.staff[0].key
    edited = ev.staff[first][0]
    verified = dict(layout.checks.rows)["staffing_verified"]

    def state():
        book = live.recalculated
        return {"agents": book.value("Staffing", f"E{staffing.rows[first]}"),
                "current": book.value("Staffing", f"B{staffing.current_row}"),
                "agree": book.value("Staffing", f"B{staffing.agree_row}"),
                "words": book.value("Staffing", f"A{staffing.verified_row}"),
                "verified": book.value("Checks", f"B{verified}"),
                "checks": book.value("Checks", f"B{layout.checks.master_row}")}

    stale = state()
    for (sheet, coordinate), value in python_blocks(case).items():
        live.edit(sheet, *coordinate_to_tuple(coordinate), value)
    live.evaluate()
    fresh = state()
    for book in (stale, fresh):  # the native agents follow the edit at once; verified at build is no failure
        assert book["agents"] == pytest.approx(edited)
        assert book["verified"] == 1 and book["checks"] == 1
    assert stale["current"] == 0 and "verified at build" in stale["words"]
    assert fresh["current"] == 1 and fresh["agree"] == 1 and "agrees" in fresh["words"]


def test_freeze_plan_keeps_native_formulas_and_freezes_python_calls():
    cells = [
        ("Compare", "C90", '=IFERROR(OUTSOURCE_ROI(D7:D11,C7:C11,C61,finance_horizon_years,0.1),"x")', 1.5),
        ("Compare", "C91", "=SUMPRODUCT(C7:C11,$C$64:$C$68)", 2.5),
        ("Compare", "C92", "=agents_required(1,2)", 14),
        ("Inputs", "B5", 700000, 700000),
    ]
    plan = freeze_plan(cells, {"OUTSOURCE_ROI", "AGENTS_REQUIRED"})
    assert plan == {("Compare", "C90"): 1.5, ("Compare", "C92"): 14}
