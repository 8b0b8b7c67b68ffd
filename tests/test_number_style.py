"""Issue 16, the words left: numbers and percentages written as each language writes them (in Python
and in the workbook's text formulas), and the in-house recommendation right for every sign."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlmodel.case import example_case
from xlmodel.engine import compare
from xlmodel.text import after_colon, currency_text, label, words
from xlmodel.text.numbers import amount, decimals_typed, percent, percent_formula, typed
from xlmodel.text.sentences import RecommendationCells, recommendation, recommendation_formula, service_targets
from xlmodel.workbook.sheetnames import sheet

ROOT = Path(__file__).resolve().parent.parent


def _evaluate(formula: str, cells: dict[str, object]) -> str:
    """``formula`` (with its ``=``) evaluated by IronCalc over ``cells`` ({"A1": value}), as shown."""
    import ironcalc
    model = ironcalc.create("check", "en", "UTC")
    for ref, value in cells.items():
        column, row = ord(ref[0]) - ord("A") + 1, int(ref[1:])
        model.set_user_input(0, row, column, str(value))
    model.set_user_input(0, 1, 26, formula)  # Z1
    model.evaluate()
    return model.get_formatted_cell_value(0, 1, 26)


# -- percentages --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, shown", [("en", "80%"), ("fr", "80 %")])
def test_a_percentage_in_text_and_in_a_formula_reads_as_the_language_writes_it(lang, shown):
    assert percent(0.8, 0, lang) == shown
    assert percent(0.125, 1, lang) == ("12.5%" if lang == "en" else "12,5 %")
    assert _evaluate("=" + percent_formula("A1", lang), {"A1": 0.8}) == shown
    assert _evaluate("=" + percent_formula("A1", lang), {"A1": 0.855}) == shown.replace("80", "86")  # rounded


def test_the_french_service_targets_say_80_percent_with_a_space_in_python_and_on_the_dashboard(built_book):
    """The build's own check compares the Dashboard's live targets with Python's (IronCalc); the stored
    text is what the reader sees before any recalculation."""
    case = example_case()
    targets = service_targets(case, "fr")
    assert "phone 80 % en 20 s" in targets and "80%" not in targets
    assert "phone 80% in 20 s" in service_targets(case, "en")
    wb = load_workbook(built_book("example", "fr").path, data_only=True)
    assert sheet(wb, "Dashboard")["B10"].value == targets


def test_no_percentage_is_written_by_python_format_outside_the_number_style():
    """``f"{x:.0%}"`` writes 80% in every language: the text layer's :func:`percent` is the one way."""
    offenders = []
    for path in sorted((ROOT / "xlmodel").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
                spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
                if spec.endswith("%"):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    text = (ROOT / "xlmodel" / "text" / "sentences.py").read_text(encoding="utf-8")
    assert not offenders and '"0%")' not in text, offenders


BOARD_SHEETS = ("Dashboard", "Compare", "Risk", "Checks", "Method")


def test_the_english_board_sheets_write_numbers_the_english_way(built_book):
    """Issue 16 (Checks, Method and the Inputs notes, EN): "within 60 000 Erlangs", "at most 100 %",
    "1 607 h", "20 % in France", "about 21 900 EUR" in the English book, French style. The text a
    board reads on these sheets, the inputs' notes and sources among them, groups thousands with a
    comma and sets no space before %."""
    wb = load_workbook(built_book("example", "en").path, data_only=True)
    wrong = []
    for name in BOARD_SHEETS + ("Inputs", "Channels", "Vendors", "Hybrid"):
        for row in sheet(wb, name).iter_rows():
            for cell in row:
                text = cell.value
                if isinstance(text, str) and (re.search(r"\d[ \u00a0]\d{3}\b", text) or re.search(r"\d[ \u00a0]%", text)):
                    wrong.append(f"{name}!{cell.coordinate}: {text[:80]!r}")
    assert not wrong, wrong[:8]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_french_decision_lines_set_a_space_before_a_semicolon(built_book, lang):
    """French typography: "prix proposé 31,50) ; Casablanca Contact" (it read "31,50); Casablanca");
    the English line keeps "31.50); Casablanca". The break-even prices, as the Risk sheet writes them."""
    built = built_book("example", lang)
    prices = sheet(load_workbook(built.path, data_only=True), "Risk")[f"A{built.plan.risk.sentences.rows[-1]}"].value
    vendors = len(example_case().vendors)
    if lang == "fr":
        assert prices.count(" ; ") == vendors - 1 and not re.search(r"\S;", prices), prices
    else:
        assert prices.count("; ") == vendors - 1 and " ;" not in prices, prices


# -- typed values -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, decimals", [(1.15, 2), (0.425, 3), (700000, 0), (2027, 0), (0.1234567, 6),
                                             (31.5, 1), ("text", 0), (float("nan"), 0)])
def test_the_decimals_of_a_typed_value(value, decimals):
    assert decimals_typed(value) == decimals


@pytest.mark.parametrize("value, en, fr", [(7200, "7,200", "7 200"), (0.42, "0.42", "0,42"), (-5, "-5", "-5"),
                                           (2027, "2,027", "2 027"), (1e9, "1,000,000,000", "1 000 000 000"),
                                           (12.5, "12.5", "12,5")])
def test_a_typed_value_in_each_language(value, en, fr):
    assert (typed(value, "en"), typed(value, "fr")) == (en, fr)
    assert typed(value, "fr", grouped=False) == fr.replace(" ", "")  # a year: 2027


def test_the_number_style_of_a_typed_value_is_decided_in_the_text_layer_alone():
    """One function decides the decimals of a typed value (the cells' formats and the texts use it)."""
    defined = [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "xlmodel").rglob("*.py"))
               if re.search(r"^def decimals_(typed|needed)\b", path.read_text(encoding="utf-8"), re.M)]
    assert defined == ["xlmodel/text/numbers.py"]


# -- the in-house recommendation, for every sign --------------------------------------------------------

def in_house_cases():
    """In-house recommended: every quote four times dearer (each alternative costs more), and the same
    with one quote at its own price committing to half the service target (cheaper, not eligible)."""
    case = example_case()
    dear = tuple(replace(v, price=4 * v.price) for v in case.vendors)
    cheaper = dear[:2] + (replace(case.vendors[2], committed_service_level=0.5),)
    return case.replace(vendors=dear), case.replace(vendors=cheaper)


def _alternative(result):
    return min((s for s in result.scenarios if s.kind not in ("status_quo", "inhouse")), key=lambda s: s.npv_cost)


def _with_saving(result, saving: float):
    """``result`` with its cheapest alternative's NPV saving set to ``saving`` (a tie: ``0.3``)."""
    alternative = _alternative(result)
    scenarios = [replace(s, npv_savings=saving) if s is alternative else s for s in result.scenarios]
    return replace(result, scenarios=scenarios)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_in_house_sentence_says_more_less_or_the_same_as_the_figures_do(lang):
    dearer, cheaper = (compare(c) for c in in_house_cases())
    t, cur = words(lang), currency_text("EUR", lang)  # EUR, €
    for result in (dearer, cheaper):
        assert result.best == "inhouse"
    more, less = _alternative(dearer), _alternative(cheaper)
    assert more.npv_savings < 0 < less.npv_savings and not less.meets_target_service
    said_more = recommendation(dearer, lang)
    assert t["rec_alt_more"].format(extra=amount(-more.npv_savings, lang), currency=cur) in said_more
    assert after_colon(label(more, lang), lang) in said_more  # "the cheapest alternative, Hybrid (...) – Océan"
    assert "-" + amount(-more.npv_savings, lang)[0] not in said_more
    said_less = recommendation(cheaper, lang)
    assert t["rec_alt_less"].format(extra=amount(less.npv_savings, lang), currency=cur) in said_less
    assert (" less in NPV but does not meet" in said_less) == (lang == "en")
    assert ("de moins en VAN mais n'atteint pas" in said_less) == (lang == "fr")
    said_same = recommendation(_with_saving(dearer, 0.3), lang)
    assert said_same.endswith(t["rec_alt_same"] + ".")
    for said in (said_more, said_less, said_same):
        assert not re.search(r"-\d", said), said  # never "costs -635,891 EUR more"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("saving", [-635891.4, 101443.2, 0.3, -0.4])
def test_the_dashboards_in_house_formula_renders_the_same_sentence_for_every_sign(lang, saving):
    """The native sentence (IronCalc, FIXED() in English: its thousands as the engine's locale writes
    them) over cells holding the Python sentence's pieces equals the Python sentence."""
    result = _with_saving(compare(in_house_cases()[0]), saving)
    cells = {"A2": "inhouse", "A3": label(_alternative(result), lang), "A4": saving,
             "A5": service_targets(result.case, lang)}
    formula = recommendation_formula(RecommendationCells(
        best_id="A2", label="A3", saving="A9", payback="A9", targets="A5", alternative_label="A3",
        alternative_saving="A4"), lang, "EUR")
    shown = _evaluate(formula, cells)
    expected = recommendation(result, lang)
    if lang == "fr":
        expected = re.sub(r"(?<=\d) (?=\d{3}\b)", ",", expected)
    assert shown == expected


def test_the_built_dashboard_says_a_cheaper_alternative_misses_the_target(built_book):
    """The whole Dashboard wiring: the book of the cheaper, non-eligible quote, in French (its stored
    headline is IronCalc's recalculation, checked against the engine's sentence at build)."""
    case = in_house_cases()[1]
    wb = load_workbook(built_book("in_house_cheaper_misses", "fr", case=case).path, data_only=True)
    headline = sheet(wb, "Dashboard")["A4"].value
    assert headline == recommendation(compare(case), "fr") and "de moins en VAN mais n'atteint pas" in headline


def _validation_and_note_texts(path) -> list[str]:
    """Every data-validation input message and error message of the book, and every cell note's
    bounds (its line ``>= 0 and <= 100,000``; a source may cite ISO 18295)."""
    import zipfile
    from xml.sax.saxutils import unescape
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            xml = z.read(name).decode("utf-8")
            if name.startswith("xl/worksheets/sheet"):
                texts += [unescape(t, {"&quot;": '"', "&#10;": "\n"}) for tag in re.findall(r"<dataValidation\b[^>]*>", xml)
                          for t in re.findall(r'\b(?:prompt|error)="([^"]*)"', tag)]
            elif name.startswith("xl/comments"):
                texts += [line for t in re.findall(r"<t[^>]*>([^<]*)</t>", xml)
                          for line in unescape(t).splitlines() if line.startswith((">", "<"))]
    return texts


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_validation_messages_and_notes_write_numbers_in_the_books_number_style(built_book, lang):
    """Once "entre 0 et 1000000000" in French (and the notes' ">= 0 and <= 1 000 000" in English): a
    bound has the language's thousands separator and decimal mark, except a bound of a field shown
    without one (a year, a random seed: 2027, 9223372036854775807)."""
    from xlmodel.schema import ALL_SECTIONS, ANALYTICS_SECTIONS
    ungrouped = {str(int(b)) for s in (*ALL_SECTIONS, *ANALYTICS_SECTIONS) for f in s.fields if not f.grouped
                 for b in (f.minimum, f.maximum) if b is not None}
    texts = _validation_and_note_texts(built_book("example", lang).path)
    assert sum(t.startswith((">", "<")) for t in texts) > 50 < len(texts) - 50  # messages and notes, not a few
    # French: a decimal point; English: a French digit group or decimal comma.
    wrong = [r"\d\.\d"] if lang == "fr" else [r"\d \d{3}(?!\d)", r"\d,\d{1,2}(?!\d)"]
    found = [(run, t) for t in texts for run in re.findall(r"\d{5,}", t) if run not in ungrouped]
    found += [(pattern, t) for t in texts for pattern in wrong if re.search(pattern, t)]
    assert found == []
