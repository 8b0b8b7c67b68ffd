"""Parity, the heart of the suite: LibreOffice recalculates the built workbook from its native
formulas, and every result must equal the engine's ``compare --json``.

Each case's workbook (built once per session) is recalculated with a forced full recalculation
(:mod:`xlmodel.workbook.libreoffice`; the cases in two starts of LibreOffice side by side), and read
back with openpyxl ``data_only=True``.  Tolerance: 0.01 in money or 1e-9 relative (LibreOffice writes 15
significant digits).
"""

from __future__ import annotations

from xlmodel.workbook.sheetnames import sheet

import math
import re
import shutil
from dataclasses import replace

import pytest

from xlmodel.engine import compare
from xlmodel.model import COST_LINES, ONE_OFF_LINES
from xlmodel.text.sentences import recommendation, service_targets

from test_like_for_like import two_roots
from test_round_trip import HOSTILE_TEXTS, hostile_case
from workbook_helpers import PARITY_CASES, parity_case, recalculated_side_by_side

pytestmark = pytest.mark.libreoffice


def close(a, b) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.01)


IN_HOUSE_WINS = "in_house_wins"  # hybrid_share with every quote four times dearer
TWO_ROOTS = "two_roots"  # tests/test_like_for_like.py: a net cash flow changing sign twice
HOSTILE = "hostile"  # tests/test_round_trip.py: names typed as formulas
PORTFOLIO, PORTFOLIO_FR = "portfolio_by_channel", "portfolio_by_channel_fr"  # issue 14, in both languages


def in_house_wins_case():
    case = parity_case("hybrid_share")
    return case.replace(vendors=tuple(replace(v, price=4 * v.price) for v in case.vendors))


@pytest.fixture(scope="module")
def recalculated(soffice, built_book, tmp_path_factory):
    """name -> (recalculated workbook values, Compare layout, engine JSON), for every parity case
    and the in-house-wins case: the session's workbooks, recalculated by two starts of LibreOffice
    side by side."""
    folder = tmp_path_factory.mktemp("parity")
    books = {name: built_book(name) for name in PARITY_CASES}
    wins = built_book(IN_HOUSE_WINS, case=in_house_wins_case()).path
    roots_book = built_book(TWO_ROOTS, case=two_roots().case)
    roots, roots_plan = roots_book.path, roots_book.plan
    hostile = built_book(HOSTILE, case=hostile_case()).path  # tests/test_round_trip.py reads it too
    french = built_book(PORTFOLIO, "fr")
    french_copy = folder / f"{PORTFOLIO_FR}.xlsx"  # its own name: LibreOffice's copies share one folder
    shutil.copy(french.path, french_copy)
    # The values as openpyxl reads LibreOffice's xlsx copies (data_only), from its CSV export.
    values = recalculated_side_by_side([*(b.path for b in books.values()), wins, roots, hostile, french_copy],
                                       folder / "recalculated")
    out = {PORTFOLIO_FR: (values.pop(), french.plan, None)}
    out |= {name: (wb, books[name].plan.compare, compare(parity_case(name)).as_json())
            for name, wb in zip(books, values)}
    out[PORTFOLIO + "_plan"] = books[PORTFOLIO].plan
    out[IN_HOUSE_WINS] = (values[-3], None, None)
    out[TWO_ROOTS] = (values[-2], roots_plan.compare, two_roots().as_json())
    out[HOSTILE] = (values[-1], None, None)
    return out


def test_user_text_that_looks_like_a_formula_shows_as_typed_and_every_check_holds(recalculated):
    """Formula injection (tests/test_round_trip.py): LibreOffice shows the names as typed."""
    wb, _, _ = recalculated[HOSTILE]
    assert sheet(wb, "Vendors")["A5"].value == HOSTILE_TEXTS["vendor_1"]
    hybrid_names = [row[0].value for row in sheet(wb, "Hybrid").iter_rows(min_row=5) if row[0].value]
    assert HOSTILE_TEXTS["channel"] in hybrid_names  # the Hybrid sheet's link to the channel's name
    errors = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("#")]
    assert not errors, errors[:10]
    checks = sheet(wb, "Checks")
    results = [checks[f"B{r}"].value for r in range(4, checks.max_row + 1) if checks[f"A{r}"].value]
    assert len(results) >= 6 and all(value == 1 for value in results), results


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_no_error_cell_anywhere(recalculated, name):
    wb, _, _ = recalculated[name]
    errors = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("#")]
    assert not errors, errors[:10]


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_every_check_is_1(recalculated, name):
    wb, _, _ = recalculated[name]
    ws = sheet(wb, "Checks")
    results = [(ws[f"A{r}"].value, ws[f"B{r}"].value) for r in range(4, ws.max_row + 1) if ws[f"A{r}"].value]
    assert len(results) >= 6
    assert all(value == 1 for _, value in results), results


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_every_output_equals_the_engine(recalculated, name):
    wb, lay, expected = recalculated[name]
    ws = sheet(wb, "Compare")
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
        for key in ("npv_cost_after_tax", "npv_savings_after_tax"):  # issue 15's after-tax view
            assert close(ws[f"{x}{getattr(lay, key)}"].value, scenario[key]), (scenario["id"], key)
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
    ws = sheet(wb, "Dashboard")
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
    ws = sheet(wb, "Dashboard")
    assert ws["B10"].value == service_targets(case, lang)
    assert ws["A4"].value == _as_libreoffice_shows(recommendation(compare(case), lang))


def test_dashboard_headline_when_in_house_wins(recalculated):
    result = compare(in_house_wins_case())
    assert result.best == "inhouse"
    wb, _, _ = recalculated[IN_HOUSE_WINS]
    sentence = sheet(wb, "Dashboard")["A4"].value
    assert sentence == recommendation(result, "en") and "cheapest alternative" in sentence


def test_irr_with_two_sign_changes_shows_no_single_irr_in_the_workbook(recalculated):
    """The workbook's native formulas find the two sign changes too, and say so in the engine's words
    (Excel's IRR() alone would give +726 % where numpy-financial gives -51 % on such a case)."""
    wb, lay, expected = recalculated[TWO_ROOTS]
    ws = sheet(wb, "Compare")
    for scenario in expected["scenarios"]:
        if scenario["kind"] == "inhouse":
            continue
        cell = ws[f"{lay.columns[scenario['id']]}{lay.irr}"].value
        if scenario["irr_note"] is not None:
            assert cell == scenario["irr_note"] == "no single IRR", scenario["id"]
        else:
            assert cell == "n/a" if scenario["irr"] is None else close(cell, scenario["irr"]), scenario["id"]
        assert close(ws[f"{lay.columns[scenario['id']]}{lay.npv_savings}"].value, scenario["npv_savings"])
    assert any(s["irr_note"] for s in expected["scenarios"])


@pytest.mark.parametrize("name", [PORTFOLIO, PORTFOLIO_FR])
def test_portfolio_sourcing_sheet_and_compare_equal_the_engine_in_both_languages(recalculated, name):
    """Issue 14: the Sourcing sheet's teams and invoices and the Compare sheet's portfolio columns,
    recalculated natively by LibreOffice, equal the engine, in English and in French."""
    wb, lay, _ = recalculated[name]
    plan = recalculated[PORTFOLIO + "_plan"] if name == PORTFOLIO else lay
    expected = compare(parity_case(PORTFOLIO)).as_json()
    ws, columns = sheet(wb, "Sourcing"), plan.compare.columns
    checked = 0
    for block, scenario in zip(plan.sourcing.blocks, [s for s in expected["scenarios"] if s["kind"] == "portfolio"]):
        teams = scenario["portfolio"]
        r = block.results + 1
        assert close(ws[f"B{r}"].value, teams["inhouse_fte"][0]) and close(ws[f"B{r + 1}"].value,
                                                                         teams["pooling_loss_fte"][0])
        for k, vendor in enumerate(teams["vendors"]):
            row = r + 2 + 3 * k
            for offset, key in enumerate(("vendor_fte", "invoice", "governance")):
                assert close(ws[f"B{row + offset}"].value, vendor[key][0]), (name, vendor["vendor"], key)
                checked += 1
        x = columns[scenario["id"]]
        assert close(sheet(wb, "Compare")[f"{x}{plan.compare.npv_cost}"].value, scenario["npv_cost"]), name
        assert close(sheet(wb, "Compare")[f"{x}{plan.compare.npv_savings}"].value, scenario["npv_savings"]), name
    assert checked == 12
    if name == PORTFOLIO_FR:
        assert sheet(wb, "Dashboard")["B6"].value == expected["best"]
        checks = sheet(wb, "Checks")
        assert all(checks[f"B{r}"].value == 1 for r in range(4, checks.max_row + 1) if checks[f"A{r}"].value)


@pytest.mark.parametrize("name", [PORTFOLIO, PORTFOLIO_FR, "reinternalisation", "reinternalisation_fr"])
def test_continuity_lines_on_the_sourcing_sheet_equal_the_engine_in_both_languages(recalculated, name):
    """Issue 14: each vendor's failure, with and without a backup, and its share of the volume,
    recalculated natively by LibreOffice, equal the engine, in English and in French."""
    from xlmodel.text import words
    from xlmodel.workbook.sheets.continuity import COLUMNS, title_row
    wb = recalculated[name][0]
    case_name = PORTFOLIO if name == PORTFOLIO_FR else name
    expected = compare(parity_case(case_name))
    keys = {"cont_dependence": "volume_share", "cont_contacts": "contacts_during_failure",
            "cont_lost": "cost_without_backup", "cont_cost_unit": "cost_per_contact",
            "cont_backup_unit": "backup_cost_per_contact", "cont_backup": "cost_with_backup"}
    ws, checked = sheet(wb, "Sourcing"), 0
    r = title_row(ws, words("fr" if name.endswith("_fr") else "en")["cont_title"]) + 3
    for s in (s for s in expected.scenarios if s.kind == "portfolio"):
        for x in s.portfolio["continuity"]:
            assert x["vendor"] in ws[f"A{r}"].value and s.id.split(":", 1)[1] in ws[f"A{r}"].value
            for k, (row_name, _) in enumerate(COLUMNS):
                assert close(ws.cell(row=r, column=2 + k).value, x[keys[row_name]]), (name, x["vendor"], row_name)
                checked += 1
            r += 1
    assert checked >= 12


@pytest.mark.parametrize("name", ["reinternalisation", "reinternalisation_fr"])
def test_way_back_break_even_on_the_risk_sheet_equals_the_engine_in_both_languages(recalculated, name):
    """Issue 14: the way back's NPV of the return's costs and its break-even return cost, native rows
    under the Risk sheet's break-evens, recalculated by LibreOffice, equal the engine, with the
    verdict of their sign (below 0 here: even a free return costs more than staying)."""
    from xlmodel.text import words
    from xlmodel.workbook.sheets.continuity import title_row
    wb = recalculated[name][0]
    t = words("fr" if name.endswith("_fr") else "en")
    ri = compare(parity_case(name)).scenario("reinternalised").reinternalisation
    ws = sheet(wb, "Risk")
    cost, even = title_row(ws, t["rb_return_npv"]), title_row(ws, t["rb_break_even"])
    assert close(ws[f"D{cost}"].value, ri["return_cost_npv"]) and close(ws[f"D{even}"].value,
                                                                         ri["break_even_return_cost_npv"])
    assert ri["break_even_return_cost_npv"] < 0 and ws[f"G{even}"].value == t["rb_never"]


_STORED_TEXT = re.compile(r'<c r="([A-Z]{1,3}[0-9]+)"(?: s="[0-9]+")? t="str">(?:<f[^>]*/>|<f[^>]*>.*?</f>)'
                          r'<v>(.*?)</v>', re.S)


def stored_texts(path) -> dict[tuple[str, str], str]:
    """Every text formula cell's stored value, ``(sheet, cell) -> text``, read from the file's XML."""
    import zipfile
    from xml.sax.saxutils import unescape

    from xlmodel.workbook.parts import sheet_parts
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    return {(name, cell): unescape(value)
            for name, part in sheet_parts(parts).items()
            for cell, value in _STORED_TEXT.findall(parts[part].decode("utf-8"))}


@pytest.fixture(scope="module")
def french_example_recalculated(soffice, built_book, tmp_path_factory):
    """The French example recalculated by LibreOffice in a French locale, as a French reader's Excel
    or LibreOffice shows it (the parity batch runs in the machine's locale, English: FIXED() there
    writes 4,913,134 in a French book too), and the book's path."""
    from openpyxl import load_workbook

    from xlmodel.workbook.libreoffice import recalculate
    path = built_book("example", "fr").path
    copy = recalculate(path, tmp_path_factory.mktemp("french_example"), locale="fr-FR")
    return load_workbook(copy, data_only=True), path


def _text_mismatches(path, recalculated_book, between_digits: str = "") -> list:
    """The text formula cells of ``path`` whose stored value differs from ``recalculated_book``'s
    (``between_digits``: the space LibreOffice puts between digit groups, read as the program's own)."""
    stored = stored_texts(path)
    assert len(stored) > 100  # every text formula of the book, not a few
    out = []
    for (name, cell), text in stored.items():
        value = recalculated_book[name][cell].value
        if value is None:  # a formula always gives a value: openpyxl reads LibreOffice's empty text so
            value = ""
        if between_digits and isinstance(value, str):
            value = re.sub(rf"(?<=\d){between_digits}(?=\d)", " ", value)
        if value != text:
            out.append((name, cell, text, value))
    return out


def test_every_stored_text_of_the_english_example_is_what_libreoffice_computes(recalculated, built_book):
    """A reader that does not recalculate (Protected View, a previewer) shows the stored values."""
    assert _text_mismatches(built_book("example").path, recalculated["example"][0]) == []


def test_every_stored_text_of_the_french_example_is_what_libreoffice_computes_in_french(french_example_recalculated):
    """Once stored as 0 577 € where the formula gives 0,577 € (a French decimal comma read as an
    English thousands separator), and 25.8 % where French shows 25,8 %. LibreOffice's fr-FR groups
    digits with a no-break space, the program's French texts with a space: the only difference let pass."""
    wb, path = french_example_recalculated
    assert _text_mismatches(path, wb, "\u00a0") == []
