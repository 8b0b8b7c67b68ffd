"""Parity, the heart of the suite: LibreOffice recalculates the built workbook from its native
formulas, and every result must equal the engine's ``compare --json``.

Each case is built, recalculated with a forced full recalculation (:mod:`xlmodel.workbook.libreoffice`), and read back
with openpyxl ``data_only=True``.  Tolerance: 0.01 in money or 1e-9 relative (LibreOffice writes 15
significant digits).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from xlmodel.engine import compare
from xlmodel.model import COST_LINES, ONE_OFF_LINES
from xlmodel.text.sentences import recommendation, service_targets
from xlmodel.workbook.build import build_file

from workbook_helpers import PARITY_CASES, parity_case

pytestmark = pytest.mark.libreoffice


def close(a, b) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.01)


@pytest.fixture(scope="module")
def recalculated(soffice, tmp_path_factory):
    """name -> (recalculated workbook values, Compare layout, engine JSON), for every parity case."""
    from xlmodel.workbook.libreoffice import recalculate
    out = {}
    for name in PARITY_CASES:
        case = parity_case(name)
        folder = tmp_path_factory.mktemp(name)
        book = folder / f"{name}.xlsx"
        plan = build_file(case, book, lang=case.case.language).plan
        copy = recalculate(book, folder / "recalculated")
        out[name] = (load_workbook(copy, data_only=True), plan.compare, compare(case).as_json())
    return out


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_no_error_cell_anywhere(recalculated, name):
    wb, _, _ = recalculated[name]
    errors = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("#")]
    assert not errors, errors[:10]


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_every_check_is_1(recalculated, name):
    wb, _, _ = recalculated[name]
    ws = wb["Checks"]
    results = [(ws[f"A{r}"].value, ws[f"B{r}"].value) for r in range(4, ws.max_row + 1) if ws[f"A{r}"].value]
    assert len(results) >= 6
    assert all(value == 1 for _, value in results), results


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_every_output_equals_the_engine(recalculated, name):
    wb, lay, expected = recalculated[name]
    ws = wb["Compare"]
    compared = 0
    for scenario in expected["scenarios"]:
        x = lay.columns[scenario["id"]]
        for y, value in enumerate(scenario["annual_cost"]):
            assert close(ws[f"{x}{lay.annual.first + y}"].value, value), (scenario["id"], "annual", y)
            compared += 1
        for line, _, _ in COST_LINES:
            for y, value in enumerate(scenario["cost_lines"][line]):
                assert close(ws[f"{x}{lay.lines[line].first + y}"].value, value), (scenario["id"], line, y)
                compared += 1
        for line, _, _ in ONE_OFF_LINES:
            assert close(ws[f"{x}{lay.one_off_lines[line]}"].value, scenario["one_off_lines"][line])
        assert close(ws[f"{x}{lay.one_off}"].value, scenario["one_off_cost"])
        assert close(ws[f"{x}{lay.npv_cost}"].value, scenario["npv_cost"]), scenario["id"]
        assert close(ws[f"{x}{lay.npv_savings}"].value, scenario["npv_savings"]), scenario["id"]
        for key, row in (("roi", lay.roi), ("irr", lay.irr), ("payback_months", lay.payback)):
            cell = ws[f"{x}{row}"].value
            if scenario[key] is None:
                assert isinstance(cell, str), (scenario["id"], key, cell)
            else:
                assert isinstance(cell, (int, float)) and close(cell, scenario[key]), (scenario["id"], key, cell)
        for key in ("cost_per_contact", "fte", "vendor_fte"):
            k0 = getattr(lay, key).first
            for y, value in enumerate(scenario[key]):
                assert close(ws[f"{x}{k0 + y}"].value, value), (scenario["id"], key, y)
        compared += 5
    assert compared > 100


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_dashboard_recommends_the_engines_best(recalculated, name):
    wb, _, expected = recalculated[name]
    ws = wb["Dashboard"]
    assert ws["B6"].value == expected["best"]
    best = next(s for s in expected["scenarios"] if s["id"] == expected["best"])
    assert close(ws["B7"].value, best["npv_savings"])
    assert isinstance(ws["A4"].value, str) and len(ws["A4"].value) > 40


def _as_libreoffice_shows(sentence: str) -> str:
    """LibreOffice formats FIXED() in its own locale (English here): 7 841 431 shows as 7,841,431."""
    return re.sub(r"(?<=\d) (?=\d{3}\b)", ",", sentence)


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_dashboard_headline_is_the_engines_recommendation_sentence(recalculated, name):
    wb, _, _ = recalculated[name]
    case = parity_case(name)
    lang = case.case.language
    ws = wb["Dashboard"]
    assert ws["B10"].value == service_targets(case, lang)
    assert ws["A4"].value == _as_libreoffice_shows(recommendation(compare(case), lang))


def test_dashboard_headline_when_in_house_wins(soffice, tmp_path):
    from xlmodel.workbook.libreoffice import recalculate
    case = parity_case("hybrid_share")
    case = case.replace(vendors=tuple(replace(v, price=4 * v.price) for v in case.vendors))
    result = compare(case)
    assert result.best == "inhouse"
    build_file(case, tmp_path / "book.xlsx")
    wb = load_workbook(recalculate(tmp_path / "book.xlsx", tmp_path / "recalculated"), data_only=True)
    sentence = wb["Dashboard"]["A4"].value
    assert sentence == recommendation(result, "en") and "cheapest alternative" in sentence
