"""The plan and the sheet writers: the layout is decided before any cell is written, each cell is
written once, and the sheets may be written in any order."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from openpyxl.cell.cell import Cell

from xlmodel.analytics.summary import analyse
from xlmodel.engine import compare
from xlmodel.model import RowRef, StaffRef
from xlmodel.workbook import book
from xlmodel.workbook.plan import make_plan

from workbook_helpers import parity_case


@pytest.fixture(scope="module", params=["example", "hybrid_channel_ten_years"])
def analysed(request):
    """(case, comparison, analysis) with a small Monte Carlo: the analytics are not under test here."""
    case = parity_case(request.param)
    result = compare(case)
    return case, result, analyse(result, draws=200)


def _writes(monkeypatch) -> Counter:
    """Count every assignment of a cell's value, by (sheet, cell)."""
    counts: Counter = Counter()
    value = Cell.value

    def counting(cell, new):
        counts[(cell.parent.title, cell.coordinate)] += 1
        value.fset(cell, new)

    monkeypatch.setattr(Cell, "value", property(value.fget, counting))
    return counts


@pytest.fixture(scope="module")
def written(analysed):
    """The workbook written in the sheets' order, each cell assignment counted by (sheet, cell)."""
    case, result, analysis = analysed
    with pytest.MonkeyPatch.context() as mp:
        counts = _writes(mp)
        wb, _ = book.build_workbook(case, "fr", result, analysis)
    return wb, counts


def test_no_cell_is_written_twice(written):
    _, counts = written
    assert len(counts) > 5_000  # a formula across a row's months is written once, filled across at save
    twice = sorted(key for key, n in counts.items() if n > 1)
    assert not twice, twice[:10]


def test_rows_filled_across_at_save_hold_only_their_first_formula(written):
    from xlmodel.workbook.parts import shared_rows
    wb, _ = written
    filled = 0
    for ws in wb.worksheets:
        for row, first, last in shared_rows(ws):
            assert ws._cells[(row, first)].data_type == "f", (ws.title, row)
            assert not any((row, column) in ws._cells for column in range(first + 1, last + 1)), (ws.title, row)
            filled += 1
    assert filled > 300


def _cells(wb) -> dict:
    """Everything a writer puts in a cell, by (sheet, cell)."""
    out = {}
    seen: dict[tuple, tuple] = {}  # a cell's style indices -> its style, spelt out once per workbook

    def style(cell) -> tuple:
        key = tuple(cell._style) if cell.has_style else ()
        if key not in seen:
            styles = (cell.font, cell.fill, cell.border, cell.alignment, cell.protection)
            seen[key] = (cell.number_format, *map(repr, styles), cell.quotePrefix)
        return seen[key]

    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                out[(ws.title, cell.coordinate)] = (cell.value, *style(cell),
                                                    cell.comment.text if cell.comment else None)
        out[(ws.title, "merged")] = sorted(str(r) for r in ws.merged_cells.ranges)
        out[(ws.title, "validations")] = sorted((dv.type, str(dv.sqref), dv.formula1)
                                                for dv in ws.data_validations.dataValidation)
        out[(ws.title, "charts")] = len(ws._charts)
    out["names"] = {name: d.attr_text for name, d in wb.defined_names.items()}
    return out


def test_sheets_written_in_reverse_order_hold_the_same_cells(analysed, written, monkeypatch):
    case, result, analysis = analysed
    forward, _ = written
    monkeypatch.setattr(book, "WRITERS", tuple(reversed(book.WRITERS)))
    backward, _ = book.build_workbook(case, "fr", result, analysis)
    a, b = _cells(forward), _cells(backward)
    assert a.keys() == b.keys()
    assert [key for key in a if a[key] != b[key]] == []


def test_the_plan_depends_on_the_structure_of_the_case_not_its_values(analysed):
    case, result, _ = analysed
    channels = tuple(replace(c, annual_volume=c.annual_volume * 2) for c in case.channels)
    edited = case.replace(demand=replace(case.demand, channels=channels),
                          finance=replace(case.finance, discount_rate=0.15))
    assert make_plan(edited, compare(edited).evaluation.model) == make_plan(case, result.evaluation.model)


def test_every_reference_of_the_model_is_placed(analysed):
    case, result, _ = analysed
    model = result.evaluation.model
    plan = make_plan(case, model)
    for row in model.rows:
        for ref in row.bind.values():
            placed = {RowRef: plan.calc.rows, StaffRef: plan.staffing.rows}.get(type(ref))
            assert (ref.key in placed) if placed is not None else (ref in plan.refs), (row.key, ref)


def test_an_analysis_that_does_not_fit_the_plan_is_refused(analysed):
    case, result, analysis = analysed
    short = replace(analysis, tornado=replace(analysis.tornado, bars=analysis.tornado.bars[:-1]))
    with pytest.raises(RuntimeError, match="tornado bars"):
        book.build_workbook(case, "en", result, short)
