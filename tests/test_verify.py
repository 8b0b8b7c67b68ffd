"""Every build verifies itself (xlmodel/workbook/verify.py) and stores every formula's value: a reader
that never recalculates (pandas, openpyxl data_only, a preview) sees the engine's figures."""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from xlmodel.engine import compare
from xlmodel.model import COST_LINES
from xlmodel.text.sentences import recommendation
from xlmodel.text import sheet_titles
from xlmodel.workbook.build import build_file
from xlmodel.workbook.verify import VerificationError

from workbook_helpers import parity_case, run_cli


def close(a, b) -> bool:
    return isinstance(a, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=0.005)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_formula_cell_stores_a_value(built_book, lang):
    with zipfile.ZipFile(built_book("example", lang).path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        workbook = z.read("xl/workbook.xml").decode()
    formulas = sum(len(re.findall(r"<f[ >/]", x)) for x in sheets)
    without = sum(len(re.findall(r"<f[^>]*>(?:[^<]*</f>)?<v ?/>", x)) + len(re.findall(r"</f></c>|<f[^>]*/></c>", x))
                  for x in sheets)
    assert formulas > 30_000 and without == 0
    assert 'fullCalcOnLoad="1"' in workbook  # Excel still recalculates on opening


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_readers_that_never_recalculate_see_the_engines_figures(built_book, lang):
    """openpyxl data_only=True and pandas.read_excel on a fresh, never recalculated book: every
    Dashboard and Compare figure is compare --json's."""
    import pandas as pd
    built = built_book("example", lang)
    expected = compare(parity_case("example")).as_json()
    wb = load_workbook(built.path, data_only=True)
    frames = pd.read_excel(built.path, sheet_name=None, header=None)
    lay, dash = built.plan.compare, built.plan.dashboard
    tabs = sheet_titles(lang)  # the tabs of a book in lang
    compare_frame, dashboard_frame = frames[tabs["Compare"]], frames[tabs["Dashboard"]]

    def at(frame, cell):  # a pandas frame read without a header: row r is r - 1, column C is 2
        letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", cell).groups()
        column = sum((ord(c) - 64) * 26 ** k for k, c in enumerate(reversed(letters))) - 1
        return frame.iat[int(digits) - 1, column]

    compared = 0
    for s in expected["scenarios"]:
        x = lay.columns[s["id"]]
        cells = [(f"{x}{lay.annual.first + y}", v) for y, v in enumerate(s["annual_cost"])]
        cells += [(f"{x}{lay.lines[line].first + y}", v) for line, _, _ in COST_LINES
                  for y, v in enumerate(s["cost_lines"][line])]
        cells += [(f"{x}{lay.npv_cost}", s["npv_cost"]), (f"{x}{lay.npv_savings}", s["npv_savings"]),
                  (f"{x}{lay.one_off}", s["one_off_cost"])]
        cells += [(f"{x}{row}", s[key]) for key, row in (("roi", lay.roi), ("irr", lay.irr),
                                                          ("payback_months", lay.payback)) if s[key] is not None]
        for cell, value in cells:
            assert close(wb[tabs["Compare"]][cell].value, value), (s["id"], cell)
            assert close(float(at(compare_frame, cell)), value), (s["id"], cell)
            compared += 1
    for r, s in zip(dash.scenarios.rows, expected["scenarios"]):
        assert close(wb[tabs["Dashboard"]][f"B{r}"].value, s["npv_cost"]) and close(wb[tabs["Dashboard"]][f"C{r}"].value,
                                                                               s["npv_savings"])
        assert close(float(at(dashboard_frame, f"B{r}")), s["npv_cost"])
    assert wb[tabs["Dashboard"]]["B6"].value == expected["best"] == at(dashboard_frame, "B6")
    assert wb[tabs["Dashboard"]]["A4"].value == recommendation(compare(parity_case("example")), lang)
    assert compared > 300


def test_the_french_headline_is_stored_as_a_french_excel_shows_it(built_book):
    sentence = load_workbook(built_book("example", "fr").path, data_only=True)["Tableau de bord"]["A4"].value
    assert re.search(r"\d \d{3} \d{3} €", sentence) and not re.search(r"\d,\d{3}", sentence)


def _a_bug_in_the_workbook(monkeypatch):
    """The Excel face of max() renders MIN: the workbook now computes something else than the engine."""
    from xlmodel.model import functions
    wrong = replace(functions.FUNCTIONS["max"], excel=functions._call("MIN"))
    monkeypatch.setitem(functions.FUNCTIONS, "max", wrong)


def test_a_disagreement_names_the_cells_and_writes_nothing(monkeypatch, tmp_path, example_book):
    book = tmp_path / "book.xlsx"
    shutil.copy(example_book, book)
    before = book.read_bytes()
    _a_bug_in_the_workbook(monkeypatch)
    with pytest.raises(VerificationError) as caught:
        build_file(parity_case("example"), book)
    found = caught.value.disagreements
    assert found and all(re.fullmatch(r"(Compare|Staffing|Checks|Dashboard)![A-Z]+\d+", d.cell) for d in found)
    assert "the workbook computes" in str(caught.value) and "the engine" in str(caught.value)
    assert book.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]  # no temporary file, no backup


def test_the_build_command_exits_1_naming_the_cell(monkeypatch, tmp_path, capsys):
    _a_bug_in_the_workbook(monkeypatch)
    code, _, err = run_cli(["build", "-o", tmp_path / "book.xlsx"], capsys)
    assert code == 1
    assert re.search(r"error: the workbook disagrees with the engine in \d+ cell\(s\)", err)
    assert re.search(r"[A-Z][a-z]+![A-Z]+\d+ \(.*\): the workbook computes", err)
    assert not (tmp_path / "book.xlsx").exists()
