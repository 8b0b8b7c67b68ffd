"""Issue 16, words a board reads: no internal identifier on a sheet a person reads, the Method sheet
written as an analyst writes a formula, units that compare (FTE kinds, price units, the status quo's
payback, the tax basis) and a terminal that fits 100 columns, in English and in French."""

from __future__ import annotations

from xlmodel.workbook.sheetnames import sheet
from xlmodel.workbook.sheetnames import sheet as by_key  # where a parameter is named sheet

import functools
import json
import math
import re
import zipfile

import pytest
from openpyxl import load_workbook

from xlmodel.case import case_from_mapping, case_to_mapping, example_case
from xlmodel.engine import compare
from xlmodel.model import build_model
from xlmodel.text import terminal_words, words
from xlmodel.text.formula_words import Words
from xlmodel.text.method import method_lines
from xlmodel.text.tables import WIDTH, analysis_text, comparison_table, risk_text
from xlmodel.workbook.sheets.method import METHOD_WIDTH, text_height
from workbook_helpers import run_cli

# What a program names and a person should never read: scenario keys, module paths, constant and
# field names, the formula language's operators, the repository's documents and the case file's sections.
INTERNAL = re.compile(r"\b(?:outsourced|hybrid|portfolio):\S|\binhouse\b|\bstatus_quo\b|xlmodel\.|\w\.py\b"
                      r"|\b[A-Z]+_[A-Z_]+\b(?!\()|==|\*\*|\b[a-z]+_[a-z_]+\b"  # OUTSOURCE_NPV() is a function users type
                      r"|\b\w+/\w+\.md\b|\[[a-z]+\]")  # a file of the repository; a section of the case file


@functools.lru_cache(maxsize=None)
def _book(path, values: bool = True):
    """The built book read-only (a whole load parses Calc and Staffing: seconds; this, a tenth)."""
    return load_workbook(path, data_only=values, read_only=True)


@functools.lru_cache(maxsize=None)
def _rows(path, sheet: str) -> dict[int, dict[str, str]]:
    """Each row's attributes (``hidden``, ``ht``) as the sheet's XML states them."""
    with zipfile.ZipFile(path) as z:
        xml = z.read(by_key(_book(path), sheet)._worksheet_path).decode("utf-8")
    return {int(m.group(1)): dict(re.findall(r'(\w+)="([^"]*)"', m.group(0)))
            for m in re.finditer(r'<row r="(\d+)"[^>]*>', xml)}


def _hidden_rows(path, sheet: str) -> set[int]:
    return {r for r, attrs in _rows(path, sheet).items() if attrs.get("hidden") in ("1", "true")}


def _visible_texts(path, sheets):
    """(sheet, cell, text) of every text a person reads on ``sheets`` (no column of theirs is hidden):
    visible rows; a formula cell's stored value."""
    for sheet in sheets:
        hidden = _hidden_rows(path, sheet)
        for row in by_key(_book(path), sheet).iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.row not in hidden:
                    yield sheet, cell.coordinate, cell.value


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_internal_identifier_on_a_visible_sheet(built_book, lang):
    """The scenario keys the formulas match stay in hidden rows (Dashboard, Compare); the Risk sheet
    names its scenario; the Method sheet says its formulas in words, a choice by its label; the input
    sheets show choices by their labels (the stored value is read back from either); the Staffing
    sheet names a constant by its label (it showed INTERVAL_SECONDS). Every visible sheet is scanned."""
    path = built_book("example", lang).path
    from xlmodel.workbook.sheetnames import titles_in
    book = _book(path)
    keys = [key for key, tab in titles_in(book.sheetnames).items() if book[tab].sheet_state == "visible"]
    assert {"Dashboard", "Inputs", "Vendors", "Staffing", "Method"} <= set(keys)
    found = []
    for sheet, cell, text in _visible_texts(path, keys):
        hits = {m.group() for m in INTERNAL.finditer(text)}
        if hits:
            found.append((sheet, cell, sorted(hits), text[:90]))
    assert not found, found[:10]


def test_the_scenario_keys_are_kept_hidden_where_the_formulas_read_them(built_book):
    built = built_book("example", "en")
    wb = _book(built.path)
    assert 6 in _hidden_rows(built.path, "Dashboard") and sheet(wb, "Dashboard")["B6"].value.startswith("outsourced:")
    assert built.plan.compare.ids in _hidden_rows(built.path, "Compare")
    assert sheet(wb, "Dashboard")["B9"].value == sheet(wb, "Risk")["B5"].value  # the name, as the Dashboard says it


def _render(expr: str, lang: str = "en", **names) -> str:
    return Words(lang, names.__getitem__, channels=("phone", "email")).render(expr)


@pytest.mark.parametrize("expr, names, said", [
    ("a * (1 + b) / 12", {"a": "Salary", "b": "Charges"}, "Salary × (1 + Charges) / 12"),
    ("a - (b - c)", {"a": "A", "b": "B", "c": "C"}, "A − (B − C)"),
    ("(a ** (y - 1))", {"a": "Index", "y": "Year"}, "Index ^ (Year − 1)"),
    ('(mode == "share") * 1', {"mode": "Hybrid mode"}, '1 if Hybrid mode = "share", else 0'),
    ('(m == "per_hour") * 1', {"m": "Pricing model"}, '1 if Pricing model = "per hour", else 0'),  # its label
    ("(x > 0) * f * w / 12", {"x": "Invoice", "f": "Floor", "w": "Wage index"},
     "(Floor × Wage index if Invoice > 0, else 0) / 12"),
    ("when((u > 0) * (n <= 1), r)", {"u": "One-off", "n": "Sign changes", "r": "IRR"},
     "IRR if One-off > 0 and Sign changes ≤ 1, else n/a"),
    ("((c >= u) + (u == 0) > 0) * 1", {"c": "Cumulative", "u": "One-off"},
     "1 if Cumulative ≥ One-off or One-off = 0, else 0"),
    ("max(0, a - b)", {"a": "A", "b": "B"}, "the greater of 0 and A − B"),
    ("roundup(m / 12, 0)", {"m": "Month"}, "(Month / 12) rounded up"),
    ("p + e", {"p": "Hours: phone", "e": "Hours: email"}, "Hours: phone + the same for email"),
])
def test_a_formula_reads_in_words_and_symbols(expr, names, said):
    assert _render(expr, **names) == said


def test_a_running_sum_and_french_words():
    w = Words("fr", {"c": "Cumul", "s": "Économie"}.__getitem__, itself="c")
    assert w.render("prev(c) + s") == "cumul d'Économie"  # elided before a vowel (xlmodel.text.elide)
    assert _render("when(u > 0, r)", "fr", u="Coûts ponctuels", r="ROI") == "ROI si Coûts ponctuels > 0, sinon s.o."
    assert _render('(m == "per_hour") * 1', "fr", m="Modèle de prix") == "1 si Modèle de prix = « à l'heure », sinon 0"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_method_sheet_has_no_pseudo_code_and_says_whose_figure_each_operand_is(lang):
    case = example_case()
    lines = [text for kind, text in method_lines(case, build_model(case), lang) if kind == "f"]
    assert len(lines) > 80 and all(" = " in line for line in lines)
    code = [line for line in lines if INTERNAL.search(line)]  # a choice by its label, never per_hour
    assert not code, code[:5]
    fcr = next(line for line in lines if "(FCR)" in line.split(" = ")[0])
    vendor = case.vendors[0].name
    # In-house's and the vendor's first-contact resolution read alike: each says whose it is.
    assert f"({vendor})" in fcr.split(" = ")[1] and fcr.split(" = ")[1].count("(") >= 2
    saving = next(line for line in lines if line.split(" = ")[0] in ("Saving vs in-house", "Économie vs interne"))
    assert saving.split(" = ")[1].count("(") == 2  # in-house's annual cost and the scenario's


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_method_sheet_fits_the_page_and_no_line_prints_over_the_next(built_book, lang):
    path = built_book("example", lang).path
    with zipfile.ZipFile(path) as z:
        xml = z.read(sheet(_book(path), "Method")._worksheet_path).decode("utf-8")
    assert f'width="{METHOD_WIDTH}"' in xml and METHOD_WIDTH <= 100  # column A, a printed page wide
    rows, tall = _rows(path, "Method"), 0
    for row in sheet(_book(path), "Method").iter_rows(min_row=3, max_col=1):
        cell = row[0]
        if isinstance(cell.value, str) and cell.alignment.wrap_text:
            # A 96-wide column holds at most 130 characters a line (LibreOffice's PDF of the example: up to 127).
            lines = math.ceil(len(cell.value) / 130)
            assert float(rows[cell.row]["ht"]) == text_height(cell.value) >= 15 * lines, cell.coordinate
            tall += lines > 1
    assert tall > 20  # long formulas wrap onto rows made tall enough


@pytest.mark.parametrize("lang, na", [("en", "n/a"), ("fr", "s.o.")])
def test_the_status_quo_has_no_payback_in_the_book_the_json_and_the_terminal(built_book, lang, na):
    built = built_book("example", lang)
    wb = _book(built.path)
    lay = built.plan.compare
    assert sheet(wb, "Compare")[f"{lay.columns['status_quo']}{lay.payback}"].value == na
    sq = next(s for s in compare(example_case()).scenarios if s.kind == "status_quo")
    assert sq.payback_months is None and json.loads(json.dumps(sq.as_json()))["payback_months"] is None
    row = next(line for line in comparison_table(compare(example_case()), lang).splitlines()
               if line.strip().startswith(sq.label_en if lang == "en" else sq.label_fr))
    assert row.split()[-1] == na


def test_the_tax_basis_is_stated_on_the_dashboard_and_follows_the_inputs(built_book):
    from live_book import LiveBook
    built = built_book("example", "en")
    row = built.plan.dashboard.scenarios.last + 2
    basis = sheet(_book(built.path), "Dashboard")[f"A{row}"].value
    f = example_case().finance
    assert basis.startswith("Tax basis: costs and savings before corporation tax")
    assert f"{f.corporation_tax_rate * 100:g}%" in basis and f"{f.vat_recovery * 100:g}% of the {f.vat_rate * 100:g}% VAT" in basis
    live = LiveBook(built.path, "en")
    live.edit("Inputs", built.plan.inputs.fields[("finance", "vat_recovery")], 2, 0.5)
    live.evaluate()
    assert "(50% of the 20% VAT" in live.value("Dashboard", row, 1)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fte_kinds_are_named_in_the_workbook(built_book, lang):
    built = built_book("example", lang)
    ws = sheet(_book(built.path), "Compare")
    t = words(lang)
    assert ws[f"A{built.plan.compare.fte.first}"].value.startswith(t["fte_paid"])
    assert ws[f"A{built.plan.compare.vendor_fte.first}"].value.startswith(t["fte_billed"])
    dashboard = sheet(_book(built.path), "Dashboard")
    assert dashboard.cell(built.plan.dashboard.table_header, 8).value == t["fte_paid_year1"]
    assert dashboard[f"A{built.plan.dashboard.scenarios.last + 1}"].value == t["fte_note"]


def _three_vendors():
    """The example with its three quotes renamed at long names and one channel: long labels in every
    table, and the singular of 'channel'."""
    data = case_to_mapping(example_case())
    names = ("Atlantique Relation Client Groupe International", "Casablanca Contact Centre Services Maroc",
             "Océan Indien Services Clients et Relation à Distance")
    text = json.dumps(data, ensure_ascii=False)
    for vendor, name in zip(data["vendors"], names):
        text = text.replace(f'"{vendor["name"]}"', json.dumps(name, ensure_ascii=False))
    data = json.loads(text)
    data["demand"]["channels"] = data["demand"]["channels"][:1]
    data.pop("portfolios", None)  # the example's portfolios name the channels left out
    data["hybrid"]["channels"] = [data["demand"]["channels"][0]["name"]]
    data["risk"]["draws"] = 200  # the widths, not the percentiles, are under test
    return case_from_mapping(data)


@pytest.fixture(scope="module")
def printed():
    """compare's and risk's text of the example and of a 3-vendor case, in both languages (one analysis each)."""
    from xlmodel.analytics.summary import analyse
    out = {}
    for name, case in (("example", example_case()), ("three_vendors", _three_vendors())):
        result = compare(case)
        analysis = analyse(result)
        for lang in ("en", "fr"):
            out[name, lang] = "\n".join((comparison_table(result, lang), analysis_text(result, analysis, lang),
                                         risk_text(result, analysis.risk, analysis.tornado, lang)))
    return out


@pytest.mark.parametrize("name", ["example", "three_vendors"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_terminal_line_fits_100_characters(printed, name, lang):
    long = [line for line in printed[name, lang].splitlines() if len(line) > WIDTH]
    assert not long, long[:3]


# A French decimal may show three digits after its comma (0,420 EUR a minute): a foreign thousands
# group starts with a non-zero digit.
@pytest.mark.parametrize("lang, foreign", [("en", r"\d \d{3}\b"), ("fr", r"\b[1-9]\d{0,2},\d{3}\b")])
def test_one_thousands_separator_per_language(printed, lang, foreign):
    """English groups thousands with a comma (7,841), French with a space (7 841): never the other."""
    text = printed["example", lang]
    mine = r"\d,\d{3}\b" if lang == "en" else r"\d \d{3}\b"
    assert re.search(mine, text) and not re.search(foreign, text), re.findall(rf".{{20}}{foreign}.{{5}}", text)[:3]


def test_counts_are_singular_or_plural(printed):
    first = {lang: " ".join(" ".join(printed["three_vendors", lang].split("\n")[:2]).split()) for lang in ("en", "fr")}
    assert "(1 channel, 3 vendor quotes)" in first["en"]
    assert "(1 canal, 3 offres prestataires)" in first["fr"]
    assert terminal_words("fr")["year_one"] == "an"


def test_break_even_prices_carry_their_unit(printed, built_book):
    text = printed["example", "en"]
    assert "EUR per handled minute" in text and "0.420" in text and "EUR per billed FTE per month" in text
    ws = _book(built_book("example", "en").path)["Dashboard"]
    lines = [row[0] for row in ws.iter_rows(max_col=1, values_only=True)
             if isinstance(row[0], str) and row[0].startswith("Break-even price")]
    assert lines and "EUR per logged agent hour" in lines[0] and "0.420" in lines[0]


def test_compare_takes_a_language(capsys):
    code, out, err = run_cli(["compare", "--lang", "fr", "--no-analytics"], capsys)
    assert code == 0 and "Recommandation" in out and "VAN des coûts" in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH
