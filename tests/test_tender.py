"""The tender: the quote form a vendor fills in, and importing returned forms into a workbook."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import replace

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string

from xlmodel import tender
from xlmodel.case import example_case
from xlmodel.cli import main
from xlmodel.schema import VENDOR
from xlmodel.text import form_words, terminal_words
from xlmodel.workbook.reader import read_workbook_case

from workbook_helpers import run_cli as run

GOOD = {
    "name": "Acme Contact", "location": "nearshore", "production_sites": "Tunis, Sousse",
    "production_countries": "Tunisia", "annual_revenue": 120e6, "years_in_business": 22,
    "agent_headcount": 4200, "contact_name": "Jeanne Martin", "contact_email": "jeanne.martin@acme.example",
    "pricing_model": "per_hour", "price": 24.5, "setup_fee": 35000, "minimum_monthly": 10000,
    "indexation_rate": 0.025, "indexation_fixed_share": 0.15, "bonus_malus": -0.01, "aht_factor": 1.05,
    "ramp_up_months": 4, "ramp_up_aht_premium": 0.2, "occupancy_billed": 0.82,
    "first_contact_resolution": 0.74, "committed_service_level": 0.8, "languages": "fr, ar",
    "coverage_24_7": "yes", "certified_nf345_iso18295": "yes", "certified_iso27001": "no",
    "minimum_term_months": 24, "exit_notice_months": 6, "quote_validity_months": 6,
    "reference_1": "Energie Sud, energy, 150 agents, since 2019",
}




def key_rows(ws) -> dict[str, int]:
    """Field name -> row, read from the form's hidden key column."""
    col = column_index_from_string(tender.KEY_COLUMN)
    return {c.value: c.row for (c,) in ws.iter_rows(min_col=col, max_col=col) if isinstance(c.value, str)}


@pytest.fixture(scope="module")
def blank_form(tmp_path_factory):
    path = tmp_path_factory.mktemp("form") / "quote_form.xlsx"
    tender.write_quote_form(path)
    return path


@pytest.fixture
def book(example_book, tmp_path):
    path = tmp_path / "BOOK.xlsx"
    shutil.copy(example_book, path)
    return path


def make_form(blank_form, path, lang="en", **changes):
    """A returned form with GOOD's answers and the changes (None blanks a cell), as Excel saves it."""
    wb = load_workbook(blank_form)
    ws = wb[form_words(lang)["quote"]]
    rows = key_rows(ws)
    for key, value in {**GOOD, **changes}.items():
        cell = ws[f"{tender.VALUE_COLUMN}{rows[key]}"]
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # what Excel stores for typed text, even text starting with "="
    wb.save(path)
    return path


@pytest.fixture
def fill(blank_form, tmp_path):
    """fill(file_name, **changes): a returned form in the test's folder."""
    def fill(file_name="quote_acme.xlsx", **changes):
        return make_form(blank_form, tmp_path / file_name, **changes)
    return fill


INJECTED_NAME = '=HYPERLINK("http://x","click")'


@pytest.fixture(scope="module")
def batch(blank_form, example_book, tmp_path_factory):
    """One import of three forms (one rebuild, for speed): a plain new vendor, a vendor whose text
    looks like formulas, and a macro-enabled form."""
    folder = tmp_path_factory.mktemp("batch")
    book = folder / "BOOK.xlsx"
    shutil.copy(example_book, book)
    plain = make_form(blank_form, folder / "quote_acme.xlsx")
    injected = make_form(blank_form, folder / "quote_inject.xlsx", name=INJECTED_NAME, languages="@SUM(1)",
                         production_sites="+33 1 23 45 67 89", contact_name="-Bob")
    xlsm = folder / "quote_macro.xlsm"
    source = make_form(blank_form, folder / "quote_macro_plain.xlsx", name="Macro Services",
                       pricing_model="per_minute", price=0.45)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/vbaProject.bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            dst.writestr(item, data)
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info, redirect_stdout(out), redirect_stderr(err):
        main(["import-quotes", str(plain), str(injected), str(xlsm), "--into", str(book)])
    return {"code": exit_info.value.code, "stdout": out.getvalue(), "stderr": err.getvalue(), "book": book,
            "plain": plain, "injected": injected, "xlsm": xlsm}


def cell_of(form, key) -> str:
    ws = load_workbook(form)[form_words("en")["quote"]]
    return f"{ws.title}!{tender.VALUE_COLUMN}{key_rows(ws)[key]}"


# -- the template --------------------------------------------------------------------------------

def test_form_asks_every_vendor_field_except_the_client_scores():
    on_form = {f.name for f in tender.form_fields() if f.name in VENDOR.by_name}
    assert on_form.isdisjoint(tender.CLIENT_ASSESSED)
    assert on_form | set(tender.CLIENT_ASSESSED) == set(VENDOR.by_name)
    names = [f.name for f in tender.form_fields()]
    assert len(names) == len(set(names))
    assert {"production_sites", "annual_revenue", "contact_email", "reference_3", "quote_validity_months"} <= set(names)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_template_has_every_field_as_a_validated_unlocked_input(tmp_path, capsys, lang):
    path = tmp_path / "quote_form.xlsx"
    code, stdout, stderr = run(["rfp-template", "-o", path, "--lang", lang], capsys)
    assert code == 0, stderr
    assert f"{len(tender.form_fields())} {terminal_words(lang)['field_many']}" in stdout  # in the form's language
    wb = load_workbook(path)
    words = form_words(lang)
    assert wb.sheetnames == [words["instructions"], words["quote"]]
    assert wb.security.lockStructure
    ws = wb[words["quote"]]
    assert ws.protection.sheet and wb[words["instructions"]].protection.sheet
    assert ws.column_dimensions[tender.KEY_COLUMN].hidden
    assert ws[f"{tender.KEY_COLUMN}1"].value == tender.FORM_MARKER
    rows = key_rows(ws)
    assert [k for k in rows if not k.startswith(("__", tender.FORM_MARKER_PREFIX))] == [
        f.name for f in tender.form_fields()]
    for f in tender.form_fields():
        r = rows[f.name]
        cell = ws[f"{tender.VALUE_COLUMN}{r}"]
        label = tender.form_label(f, lang)
        assert ws[f"A{r}"].value.startswith(label)
        assert cell.protection.locked is False and ws[f"A{r}"].protection.locked is not False
        assert any(cell.coordinate in dv.sqref for dv in ws.data_validations.dataValidation), f.name
        unit = tender.form_unit(f, lang, "EUR")
        assert cell.comment is not None and label in cell.comment.text
        assert unit in cell.comment.text and (f.kind == "choice" or unit in (ws[f"C{r}"].value or ""))
        if f.kind == "rate":
            assert cell.number_format == "0.0%"
    instructions = " ".join(str(c.value) for c in wb[words["instructions"]]["A"] if c.value)
    for word in (("rated by us, the client", "xlsx", "%", "0.45") if lang == "en" else ("nos soins", "xlsx", "%", "0,45")):
        assert word in instructions


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_form_offers_choices_by_their_labels_and_reads_them_back_as_values(tmp_path, lang):
    """Issue 16: a choice's list, its unit column and its default show labels in the form's language
    (``à l'heure``, ``oui``), never the stored value (``per_hour``); a form answered with those labels
    reads back as the stable values the case file and the engine use."""
    from xlmodel.text import choice_label
    blank = tender.write_quote_form(tmp_path / "blank.xlsx", lang=lang)
    ws = load_workbook(blank)[form_words(lang)["quote"]]
    rows = key_rows(ws)
    choice_fields = [f for f in tender.form_fields() if f.kind == "choice"]
    assert len(choice_fields) >= 7
    for f in choice_fields:
        labels = [choice_label(v, lang) for v in f.choices]
        cell = f"{tender.VALUE_COLUMN}{rows[f.name]}"
        listed = [dv.formula1.strip('"').split(",") for dv in ws.data_validations.dataValidation
                  if dv.type == "list" and cell in dv.sqref]
        assert listed == [labels], f.name
        assert ws[f"C{rows[f.name]}"].value == " / ".join(labels)
        shown = " ".join(str(ws[f"{c}{rows[f.name]}"].value) for c in "ACD")
        assert not [v for v in f.choices if "_" in v and v in shown], (f.name, shown)
        if f.default:
            assert f"{choice_label(f.default, lang)}." in ws[f"D{rows[f.name]}"].value
        if f.name in ("pricing_model", "minute_unit", "location"):  # the guidance names each choice as listed
            assert all(x.lower() in ws[f"D{rows[f.name]}"].value.lower() for x in labels), f.name
    # Each choice answered with a label that differs from its default, as the vendor picks it from the list.
    picked = {f.name: next(v for v in reversed(f.choices) if v != f.default) for f in choice_fields}
    picked.update(pricing_model="per_minute", staff_transfer="no", location="offshore")
    answered = make_form(blank, tmp_path / "answered.xlsx", lang,
                         **{name: choice_label(value, lang) for name, value in picked.items()})
    ws = load_workbook(answered)[form_words(lang)["quote"]]
    assert ws[f"B{rows['pricing_model']}"].value == choice_label("per_minute", lang) != "per_minute"
    vendor = tender.read_quote_form(answered).vendor
    assert {name: vendor[name] for name in picked} == picked


def test_template_bytes_are_deterministic(tmp_path):
    tender.write_quote_form(tmp_path / "a.xlsx", lang="fr")
    tender.write_quote_form(tmp_path / "b.xlsx", lang="fr")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


# -- importing ---------------------------------------------------------------------------------

def test_filled_forms_import_as_new_vendors(batch):
    assert batch["code"] == 0, batch["stderr"]
    case = read_workbook_case(batch["book"])
    assert [v.name for v in case.vendors] == [v.name for v in example_case().vendors] + [
        "Acme Contact", INJECTED_NAME, "Macro Services"]
    acme = case.vendors[3]
    for key in VENDOR.by_name:
        if key in GOOD:
            assert getattr(acme, key) == GOOD[key], key
        elif key in tender.CLIENT_ASSESSED:
            assert getattr(acme, key) == VENDOR.by_name[key].default
    assert acme.hours_per_fte_month == VENDOR.by_name["hours_per_fte_month"].default  # left blank
    assert {"Acme Contact", INJECTED_NAME, "Macro Services"} <= set(case.hybrid.vendors)
    assert case.vendors[:3] == example_case().vendors


SCORES = {"quality_rating": 4.5, "security_rating": 2.0, "financial_solidity": 4.0, "location_rating": 5.0}


@pytest.fixture(scope="module")
def updates(blank_form, example_book, loaded_book, tmp_path_factory):
    """One import (one rebuild, for speed) of two forms for vendors the book has: a full form for the
    first quote, which the client scored and took out of the hybrid scenarios in the workbook, and
    a form answering only the price for the second."""
    folder = tmp_path_factory.mktemp("updates")
    book = folder / "BOOK.xlsx"
    wb = loaded_book(example_book)
    ws = wb["Vendors"]
    column = {c.value: c.column_letter for c in ws[4] if c.value}
    for key, value in SCORES.items():
        ws[f"{column[VENDOR.by_name[key].label_en]}5"] = value
    ws[f"{column['Hybrid scenario']}5"] = "no"
    wb.save(book)
    before = read_workbook_case(book)
    full = make_form(blank_form, folder / "quote_atlantique.xlsx", name="  ATLANTIQUE relation client ", price=29.9,
                     location="onshore")
    partial = make_form(blank_form, folder / "quote_casablanca.xlsx",
                        **only(name="Casablanca Contact", pricing_model="per_fte_month", price=3100))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info, redirect_stdout(out), redirect_stderr(err):
        main(["import-quotes", str(full), str(partial), "--into", str(book)])
    return {"code": exit_info.value.code, "stdout": out.getvalue(), "stderr": err.getvalue(), "before": before,
            "after": read_workbook_case(book), "full": full, "partial": partial}


def test_update_keeps_client_scores_hybrid_flag_and_name(updates):
    # The client scores the first quote and takes it out of the hybrid scenarios, in the workbook.
    assert updates["code"] == 0, updates["stderr"]
    before, after = updates["before"], updates["after"]
    assert f"{updates['full']}: updated vendor 'Atlantique Relation Client' (per hour, 29.9 EUR" in updates["stdout"]
    assert len(after.vendors) == 3
    v = after.vendors[0]
    assert v.name == "Atlantique Relation Client" and v.price == 29.9 and v.aht_factor == GOOD["aht_factor"]
    assert {key: getattr(v, key) for key in SCORES} == SCORES
    assert "Atlantique Relation Client" not in after.hybrid.vendors
    assert after.vendors[2:] == before.vendors[2:] and after.hybrid == before.hybrid


@pytest.mark.parametrize("changes, key, message", [
    ({"price": -3}, "price", "must be > 0 and <= 1 000 000 000 per pricing unit (found -3)"),
    ({"pricing_model": "per_call"}, "pricing_model", "must be one of 'per_hour'"),
    ({"occupancy_billed": 45}, "occupancy_billed", "rates are fractions, write 0.45 for 45 %"),
    ({"name": None}, "name", "is required"),
    ({"name": "   "}, "name", "is required"),
    ({"setup_fee": "thirty thousand"}, "setup_fee", "expected a number"),
    ({"contact_email": "jeanne at acme"}, "contact_email", "must be an e-mail address"),
    ({"ramp_up_months": 2.5}, "ramp_up_months", "must be a whole number of months"),
    ({"fte_proposed": 40}, "fte_proposed", "applies only to pricing_model 'per_fte_month'"),
])
def test_bad_form_is_located_by_form_and_cell_and_nothing_is_written(fill, book, capsys, changes, key, message):
    form = fill(**changes)
    before = book.read_bytes()
    code, stdout, stderr = run(["import-quotes", form, "--into", book], capsys)
    assert code == 2
    assert f"error: {form}: {cell_of(form, key)}: " in stderr
    assert message in stderr
    assert "Traceback" not in stderr and stdout == ""
    assert book.read_bytes() == before


def test_not_a_workbook_and_a_workbook_without_the_marker_are_refused(book, tmp_path, capsys):
    text = tmp_path / "quote_text.xlsx"
    text.write_text("name;price\nAcme;24.5\n", encoding="utf-8")
    other = tmp_path / "quote_other.xlsx"
    wb = Workbook()
    wb.active.append(["Vendor", "Price"])
    wb.active.append(["Acme", 24.5])
    wb.save(other)
    before = book.read_bytes()
    code, _, stderr = run(["import-quotes", text, other, "--into", book], capsys)
    assert code == 2
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {text}: ") and "not a workbook" in lines[0]
    assert lines[1].startswith(f"error: {other}: ") and "is not an xlmodel quote form" in lines[1]
    assert book.read_bytes() == before


def test_one_bad_form_in_a_batch_imports_nothing(fill, book, capsys):
    good = fill("quote_good.xlsx", name="Good One")
    bad = fill("quote_bad.xlsx", name="Bad One", price=-3, indexation_rate=3)
    other = fill("quote_other.xlsx", name="Other One")
    before = book.read_bytes()
    code, stdout, stderr = run(["import-quotes", good, bad, other, "--into", book], capsys)
    assert code == 2 and stdout == ""
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {bad}: {cell_of(bad, 'price')}: must be > 0 and <= 1 000 000 000 per "
                      "pricing unit (found -3)",
                      f"error: {bad}: {cell_of(bad, 'indexation_rate')}: must be >= -0.1 and <= 0.3 per year "
                      "(found 3): rates are fractions, write 0.03 for 3 %"]
    assert book.read_bytes() == before


def test_two_forms_for_the_same_vendor_in_one_batch_are_an_error(fill, book, capsys):
    first = fill("quote_a.xlsx")
    second = fill("quote_b.xlsx", name=" acme CONTACT", price=23)
    before = book.read_bytes()
    code, _, stderr = run(["import-quotes", first, second, "--into", book], capsys)
    assert code == 2
    assert f"error: {second}: {cell_of(second, 'name')}: vendor 'acme CONTACT' is also quoted by {first}" in stderr
    assert book.read_bytes() == before


def test_book_open_in_excel_is_refused_and_nothing_is_written(fill, book, capsys):
    form = fill()
    (book.parent / f"~${book.name}").write_bytes(b"")
    before = book.read_bytes()
    code, stdout, stderr = run(["import-quotes", form, "--into", book], capsys)
    assert code == 1
    assert "is open in Excel" in stderr and "Traceback" not in stderr
    assert book.read_bytes() == before
    assert sorted(p.name for p in book.parent.iterdir()) == sorted([book.name, f"~${book.name}", form.name])


def test_vendor_text_lands_in_the_book_as_text_never_a_formula(batch, capsys):
    assert batch["code"] == 0
    ws = load_workbook(batch["book"], read_only=True)["Vendors"]  # its cells' values and types
    found = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value in (INJECTED_NAME, "@SUM(1)")}
    assert found == {INJECTED_NAME: "s", "@SUM(1)": "s"}
    code, stdout, stderr = run(["compare", batch["book"], "--json", "--no-analytics"], capsys)
    assert code == 0, stderr
    assert INJECTED_NAME in [s["vendor"] for s in json.loads(stdout)["scenarios"]]


def test_macro_enabled_form_imports_with_a_notice(batch):
    assert batch["code"] == 0
    lines = batch["stdout"].splitlines()
    added = lines.index(f"{batch['xlsm']}: added vendor 'Macro Services' (per minute, 0.45 EUR per handled minute)")
    assert lines[added + 1].startswith("  notice: macros (xl/vbaProject.bin) found and ignored")
    assert lines[0] == f"{batch['plain']}: added vendor 'Acme Contact' (per hour, 24.5 EUR per logged agent hour)"
    assert f"Wrote {batch['book']}: 6 vendor quotes." in lines


def _filled_gbp_form(tmp_path):
    """A quote form priced in GBP with the required answers filled in."""
    form = tmp_path / "quote_gbp.xlsx"
    tender.write_quote_form(form, currency="GBP")
    wb = load_workbook(form)
    ws = wb["Quote"]
    rows = key_rows(ws)
    for key in ("name", "pricing_model", "price", "contact_name", "contact_email"):
        ws[f"B{rows[key]}"] = GOOD[key]
    wb.save(form)
    return form


def test_form_in_another_currency_is_refused(blank_form, book, tmp_path, capsys):
    form = _filled_gbp_form(tmp_path)
    code, _, stderr = run(["import-quotes", form, "--into", book], capsys)
    assert code == 2
    assert f"{form}: Quote!B3: the form is priced in GBP but BOOK.xlsx is in EUR" in stderr


def test_french_form_with_an_inserted_row_is_read_by_its_keys(tmp_path):
    form = tmp_path / "offre.xlsx"
    tender.write_quote_form(form, lang="fr")
    wb = load_workbook(form)
    ws = wb["Offre"]
    ws.protection.sheet = False
    ws.insert_rows(1, amount=2)  # a vendor's letterhead above the form
    ws["A1"] = "Acme Contact SAS - réponse à l'appel d'offres"
    rows = key_rows(ws)
    for key in ("name", "pricing_model", "price", "indexation_rate", "contact_name", "contact_email"):
        ws[f"B{rows[key]}"] = GOOD[key]
    wb.save(form)
    quote = tender.read_quote_form(form)
    assert quote.vendor["name"] == "Acme Contact" and quote.vendor["price"] == 24.5
    assert quote.vendor["indexation_rate"] == 0.025 and quote.info["contact_email"] == GOOD["contact_email"]
    assert quote.vendor["setup_fee"] == 0.0  # blank: the schema default
    assert quote.cells["price"] == f"Offre!B{rows['price']}" and rows["price"] == 20
    assert quote.currency == "EUR" and quote.notices == ()


# -- issue 13 and 16: an update keeps what the form leaves blank, and says what it changes ------------

def only(**answers):
    """A form answering only the required rows and ``answers``: every other row of GOOD left blank."""
    return {**{key: None for key in GOOD}, "contact_name": "Jeanne Martin",
            "contact_email": "jeanne@rival.example", **answers}


def test_a_form_for_an_existing_vendor_keeps_its_blank_fields_and_says_what_changes_before_writing(updates):
    """The attacks: a form with blanks reset the set-up fee 60 000 -> 0, the minimum 60 000 -> 0...; a form
    using a rival's name replaced the rival's quote with only "updated vendor" said."""
    assert updates["code"] == 0, updates["stderr"]
    before, after = updates["before"].vendors[1], updates["after"].vendors[1]
    assert after.price == 3100 and after.setup_fee == before.setup_fee == 60000
    assert after.minimum_monthly == before.minimum_monthly and after.location == before.location
    assert after == replace(before, price=3100)  # the one answer given changed, nothing else
    stdout = updates["stdout"]
    lines = stdout.splitlines()
    first = lines.index(f"{updates['partial']}: updated vendor 'Casablanca Contact' (per FTE-month, 3,100 EUR per "
                        "billed FTE per month)")
    assert lines[first + 1] == "  Price: 2,900 -> 3,100"
    assert lines[first + 2].startswith("  blank on the form, kept from the book: Location, ") and "Set-up fee" in lines[first + 2]
    assert stdout.index("Price: 2,900 -> 3,100") < stdout.index("Wrote ")


def test_replace_gives_blank_fields_their_defaults_as_before(fill, book, capsys):
    form = fill(**only(name="Casablanca Contact", pricing_model="per_fte_month", price=3100))
    code, stdout, _ = run(["import-quotes", form, "--into", book, "--replace"], capsys)
    assert code == 0 and "  Set-up fee: 60,000 -> 0" in stdout
    assert read_workbook_case(book).vendors[1].setup_fee == 0


def test_a_dry_run_says_what_would_change_and_writes_nothing(fill, book, capsys):
    before = book.read_bytes()
    form = fill(**only(name="Casablanca Contact", pricing_model="per_fte_month", price=3100))
    code, stdout, _ = run(["import-quotes", form, "--into", book, "--dry-run"], capsys)
    assert code == 0 and "Price: 2,900 -> 3,100" in stdout and "Dry run: nothing was written" in stdout
    assert book.read_bytes() == before and sorted(p.name for p in book.parent.iterdir()) == sorted([form.name, book.name])


@pytest.mark.parametrize("name, odd", [("Аtlantique Relation Client", "U+0410 CYRILLIC CAPITAL LETTER A"),
                                       ("Casablanca Cοntact", "U+03BF GREEK SMALL LETTER OMICRON"),
                                       ("Ocean Indien Services", "spacing or case"),
                                       ("Ｃasablanca Contact", "U+FF23 FULLWIDTH LATIN CAPITAL LETTER C")])
def test_a_look_alike_name_is_refused_instead_of_adding_a_second_vendor(fill, book, capsys, name, odd):
    """The attack: a name spelt with a Cyrillic "А" added a second "Atlantique" silently."""
    before = book.read_bytes()
    form = fill(name=name)
    code, _, stderr = run(["import-quotes", form, "--into", book], capsys)
    assert code == 2 and f"{form}: {cell_of(form, 'name')}: vendor {name!r} looks like" in stderr
    assert odd in stderr and "type the name exactly as in BOOK.xlsx" in stderr
    assert book.read_bytes() == before


def test_two_concurrent_imports_into_one_book_keep_both_vendors(fill, built_book, tmp_path):
    """The attack: two import-quotes run at once both printed "Wrote book.xlsx"; one quote was lost.
    One round here with real processes (ten rounds: benchmarks/bench_concurrency.py), into the
    smallest parity book (a one-year horizon: each process rebuilds the book it imports into)."""
    import subprocess
    import sys
    from workbook_helpers import ROOT
    book = tmp_path / "BOOK.xlsx"
    shutil.copy(built_book("hybrid_overflow_one_year").path, book)
    forms = [fill("quote_one.xlsx", name="First Bidder"), fill("quote_two.xlsx", name="Second Bidder")]
    procs = [subprocess.Popen([sys.executable, "cli.py", "import-quotes", str(form), "--into", str(book)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for form in forms]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    names = {v.name for v in read_workbook_case(book).vendors}
    for (out, err, code), name in zip(results, ("First Bidder", "Second Bidder")):
        assert (code == 0 and name in names) or (code == 1 and len(err.strip().splitlines()) == 1), (out, err, names)
    assert {"First Bidder", "Second Bidder"} <= names


# -- issue 16: import-quotes speaks the book's language (its refusals too), or its --lang ------------------

@pytest.fixture
def french_book(built_book, tmp_path):
    path = tmp_path / "CLASSEUR.xlsx"
    shutil.copy(built_book("example", "fr").path, path)
    return path


def test_a_french_book_refuses_a_bad_form_in_french_and_in_english_when_told(fill, french_book, capsys):
    """The attack: the form's problems, found before the book is read, were said in English to a French
    book's user ("error: ...: expected a number"), and import-quotes had no --lang."""
    form = fill(setup_fee="thirty thousand")
    before = french_book.read_bytes()
    code, stdout, stderr = run(["import-quotes", form, "--into", french_book], capsys)
    assert code == 2 and stdout == "" and french_book.read_bytes() == before
    assert stderr.startswith("erreur : ") and "nombre attendu" in stderr, stderr
    assert "rien n'a été calculé ni écrit" in stderr and "error" not in stderr, stderr
    code, stdout, stderr = run(["import-quotes", form, "--into", french_book, "--lang", "en"], capsys)
    assert code == 2 and stdout == "" and french_book.read_bytes() == before
    assert stderr.startswith("error: ") and "expected a number" in stderr and "erreur" not in stderr, stderr


def test_a_french_book_refuses_a_form_in_another_currency_in_french(french_book, tmp_path, capsys):
    form = _filled_gbp_form(tmp_path)
    code, _, stderr = run(["import-quotes", form, "--into", french_book], capsys)
    assert code == 2 and stderr.startswith("erreur : ") and "CLASSEUR.xlsx" in stderr, stderr
    assert "the form is priced" not in stderr and "invalid input" not in stderr, stderr


def test_the_field_by_field_diff_follows_the_books_language_or_lang_and_its_number_style(fill, french_book,
                                                                                          capsys):
    """French: "Prix : 2 900 -> 3 100" and a French summary; --lang en: the same in English ("2,900"), the
    book written in French all the same."""
    form = fill(**only(name="Casablanca Contact", pricing_model="per_fte_month", price=3100))
    code, stdout, _ = run(["import-quotes", form, "--into", french_book, "--dry-run"], capsys)
    assert code == 0 and "\n  Prix : 2 900 -> 3 100\n" in stdout, stdout
    assert "Simulation : rien n'a été écrit" in stdout and "mis à jour" in stdout, stdout
    code, stdout, _ = run(["import-quotes", form, "--into", french_book, "--lang", "en"], capsys)
    assert code == 0 and "\n  Price: 2,900 -> 3,100\n" in stdout and "updated vendor" in stdout, stdout
    assert "Prix" not in stdout and f"Wrote {french_book}: 3 vendor quotes." in stdout, stdout
    wb = load_workbook(french_book, read_only=True)
    assert "Hypothèses" in wb.sheetnames and "Inputs" not in wb.sheetnames  # the book keeps its language
    assert read_workbook_case(french_book).vendors[1].price == 3100
