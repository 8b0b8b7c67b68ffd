"""Issue 16, the last typographic faults (words2): the French book and terminal write the euro € (k€ in
thousands), never EUR; another currency keeps its code (CHF, kCHF); the English ones are as they were.
And a scenario's label (``Outsourced: Acme``) never follows a colon of the text naming it: "Recommended:
Outsourced: Acme" read as two labels; its own colon becomes a dash ("Recommended: Outsourced – Acme").

The currency scan reads every part of the workbook file (cells, formulas, notes, data-validation
messages, chart titles), so a text written anywhere is seen.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from openpyxl import load_workbook

from xlmodel.case import load_case
from xlmodel.engine import compare
from xlmodel.model import build_model
from xlmodel.text import after_colon, label, words
from xlmodel.text.method import method_lines

from test_bad_input_matrix import case_text
from workbook_helpers import parity_case, run_cli_plain

_CODE = re.compile(r"(?<![A-Za-zÀ-ÿ])[kM]?EUR(?![A-Za-zÀ-ÿ])")  # EUR, kEUR, MEUR as a word


def _texts_of_parts(path) -> dict[str, list[str]]:
    """Every part's text nodes and attribute values naming EUR, by part (the XML unescaped enough for a
    currency code: none of &<>" in one)."""
    found = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                text = zf.read(name).decode("utf-8", "replace")
                hits = [text[max(0, m.start() - 60):m.end() + 30] for m in _CODE.finditer(text)]
                if hits:
                    found[name] = hits[:3]
    return found


def test_the_french_book_writes_the_euro_as_a_french_finance_team_does(built_book):
    """The attack: the French book's unit column said "EUR par ETP et par an", "EUR ponctuel", the Vendors'
    unit row "EUR par unité de prix", Calc's unit column "EUR", the headline "4 913 134 EUR", the charts' axes
    "EUR"."""
    french = built_book("example", "fr").path
    assert not _texts_of_parts(french), _texts_of_parts(french)
    wb = load_workbook(french)
    inputs, calc, vendors = wb["Hypothèses"], wb["Calculs"], wb["Prestataires"]
    units = {c.value for c in inputs["C"] if isinstance(c.value, str)}
    assert {"€ par ETP et par an", "€ par embauche", "€ ponctuel"} <= units, units
    assert "€" in {c.value for c in calc["B"]}
    assert "€ par unité de prix" in {c.value for row in vendors.iter_rows(max_row=4) for c in row}
    assert wb["Hypothèses"]["B7"].value == "€"  # the currency input shows the sign, reads back as EUR
    english = built_book("example", "en").path  # the English book names the code, as it always has
    assert _texts_of_parts(english)
    units = {c.value for c in load_workbook(english)["Inputs"]["C"] if isinstance(c.value, str)}
    assert "EUR per FTE per year" in units and not any("€" in u for u in units), units


def test_the_french_terminal_writes_the_euro_and_thousands_of_euros():
    code, out, err = run_cli_plain(["compare", "--lang", "fr"])
    assert code == 0, err
    assert not _CODE.search(out + err), [line for line in (out + err).splitlines() if _CODE.search(line)]
    assert "montants en €" in out and "k€" in out and "€ par contact" in out, out
    assert re.search(r"Économie de \d \d{3} \d{3} € en VAN", out), out
    code, out, _ = run_cli_plain(["compare"])
    assert code == 0 and "money in EUR" in out and "kEUR" in out and "€" not in out.split("Recommended")[0]


def _case_in(tmp_path, currency: str, lang: str):
    path = tmp_path / f"cas_{currency}.toml"
    path.write_text(case_text(**{'currency = "EUR"': f'currency = "{currency}"', 'language = "en"':
                                 f'language = "{lang}"'}), encoding="utf-8")
    return path


def test_another_currency_keeps_its_code_in_french(tmp_path, built_book):
    """Swiss francs in a French book and terminal: CHF, kCHF (the French usage), and no euro sign in any
    unit, table or sentence the program writes (the notes' sources quote French figures in €)."""
    path = _case_in(tmp_path, "CHF", "fr")
    code, out, err = run_cli_plain(["compare", path])
    assert code == 0, err
    assert "montants en CHF" in out and "kCHF" in out and "CHF par contact" in out and "€" not in out, out
    case = load_case(path)
    wb = load_workbook(built_book("chf", "fr", case=case).path)
    units = [c.value for c in wb["Hypothèses"]["C"] if isinstance(c.value, str)]
    assert "CHF par ETP et par an" in units and not any("€" in u for u in units), units
    assert {c.value for c in wb["Calculs"]["B"]} >= {"CHF"} and "€" not in {c.value for c in wb["Calculs"]["B"]}
    assert wb["Hypothèses"]["B7"].value == "CHF"
    assert "CHF" in wb["Tableau de bord"]["A4"].value and "€" not in wb["Tableau de bord"]["A4"].value


def _after_a_colon(text: str, labels, colon: str) -> list[str]:
    """The scenario labels of ``labels`` that ``text`` names after a colon of its own."""
    mark = colon.strip()
    return [name for name in labels if name in text and mark in text[:text.index(name)]]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_scenario_label_follows_a_colon_on_the_dashboard_or_compare(built_book, lang):
    """The attack: "Recommandation : Externalisé : Océan Indien Services", "Recommended: Outsourced: ...",
    "Computed by xlmodel from these inputs (Risk sheet): Outsourced: ..." on the Dashboard."""
    result = compare(parity_case("example"))
    colon = words(lang)["colon"]
    labels = [label(s, lang) for s in result.scenarios if colon in label(s, lang)]
    assert len(labels) >= 6, labels  # outsourced, hybrid and portfolio labels carry their colon
    book = load_workbook(built_book("example", lang).path, data_only=True)  # the stored values of formulas
    found = {}
    for key in ("Dashboard", "Compare"):
        ws = book[{"en": key, "fr": {"Dashboard": "Tableau de bord", "Compare": "Comparaison"}[key]}[lang]]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and _after_a_colon(cell.value, labels, colon):
                    found[f"{ws.title}!{cell.coordinate}"] = cell.value[:90]
    assert not found, found
    headline = book.worksheets[0]["A4"].value
    assert after_colon(label(result.scenario(result.best), lang), lang) in headline, headline
    code, out, err = run_cli_plain(["compare", "--lang", lang])  # the terminal's headline and tables
    assert code == 0, err
    assert not [line for line in out.splitlines() if _after_a_colon(line, labels, colon)], out


def test_the_dash_is_the_names_own_colon_only():
    assert after_colon("Hybride (horaires étendus) : Acme : Lyon", "fr") == "Hybride (horaires étendus) – Acme : Lyon"
    assert after_colon("Outsourced: Acme", "en") == "Outsourced – Acme"
    assert after_colon("In-house at target service level", "en") == "In-house at target service level"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_in_house_headline_names_its_alternative_and_the_tornados_scenario_with_a_dash(lang):
    """In-house recommended: the cheapest alternative and the scenario the tornado measures (" of Hybrid
    (extended hours): Acme, the two drivers that could flip it: ...") are named with their dash."""
    from xlmodel.analytics.sensitivity import tornado
    from xlmodel.text.sentences import recommendation

    from test_number_style import in_house_cases
    case = in_house_cases()[0]
    result = compare(case)
    bars = tornado(case, result)
    assert result.best == "inhouse" and bars.scenario_id != result.best
    said = recommendation(result, lang, tornado=bars)
    colon = words(lang)["colon"]
    labels = [label(s, lang) for s in result.scenarios if colon in label(s, lang)]
    assert after_colon(label(result.scenario(bars.scenario_id), lang), lang) in said, said
    assert not _after_a_colon(said, labels, colon), said


# A colon in an aside (brackets, a quoted label) or in another sentence or clause is not a second separator of one
# label: "Arrival profile: weight of each open day (blank: even)", "20%: the French rate. A vendor abroad: ...".
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|«[^«»]*»|(?<!\w)'[^']*'(?!\w)")
_CLAUSE = re.compile(r"(?<=[.;?!])\s+|\s;\s")


def _two_colons(text: str, colon: str) -> bool:
    """Whether one clause of ``text`` (its asides taken out) has two colon separators (": " twice in English,
    " : " twice in French)."""
    while (bare := _ASIDE.sub("", text)) != text:  # the innermost aside first
        text = bare
    return any(clause.count(colon) >= 2 for clause in _CLAUSE.split(text))


def test_the_colon_scan_sees_a_second_separator_and_only_one():
    assert _two_colons("Outsourced: Acme: saving vs in-house", ": ")
    assert _two_colons("Plages de risque : Volumes (tous canaux) : bas", " : ")
    assert not _two_colons("Outsourced – Acme: saving vs in-house", ": ")
    assert not _two_colons("Arrival profile: weight of each open day, in order (blank: even)", ": ")
    assert not _two_colons("0: headcount held at the peak; 1: headcount follows every month.", ": ")
    assert not _two_colons("20 % : taux normal. Un prestataire établi à l'étranger : hors TVA.", " : ")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_text_of_any_visible_sheet_has_two_colon_separators(built_book, lang):
    """The attack: Calc's and Staffing's row labels read "Outsourced: Acme: saving vs in-house", "Externalisé :
    Acme : économie vs interne", a scenario's label (its own colon) then the line's; the Staffing's search rows
    "...: vendor agents on duty, phone: search end: ...", the Risk settings "Risk ranges: Volume: low", the
    Method's "Discount rate (default 0.08): ...: 7-9%". One text is one label, or sentences of one colon each.

    Left out, with the reason: the Method's formulas in words ('f' lines), which name every row they read by
    its label ("Vendor contacts: phone = Contacts: phone × Acme: contacts per in-house contact"), each label
    one separator, checked here where it is a row's label (Calc, Staffing)."""
    case = parity_case("example")
    book = load_workbook(built_book("example", lang).path, data_only=True)  # the stored values of formulas
    colon = words(lang)["colon"]
    formulas = {text for kind, text in method_lines(case, build_model(case), lang) if kind == "f"}
    assert len(formulas) > 50, len(formulas)
    found, seen = {}, 0
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value not in formulas:
                    seen += 1
                    if _two_colons(cell.value, colon):
                        found[f"{ws.title}!{cell.coordinate}"] = cell.value[:110]
    assert seen > 1000, seen
    assert not found, found
