"""The bad-input matrix (issue 5): case files, workbooks and quote forms, each refused with its
located message, exit status 2 (1 for a file held by Excel), and no file changed or added.

Every row starts from good files in a scratch folder (an existing workbook that a bad build must
not touch), breaks one thing, runs the command as a user would, and checks the folder afterwards
byte for byte.
"""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from xlmodel.case import example_case_text

from workbook_helpers import run_cli as run


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}




# -- case files ---------------------------------------------------------------------------------------

def case_text(**changes):
    text = example_case_text()
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


CASE_ROWS = {
    "VAT rate typed as a percentage": (case_text(**{"vat_rate = 0.20": "vat_rate = 20"}),
                                       "[finance] .vat_rate: must be >= 0 and <= 0.5 of vendor invoice (found 20): "
                                       "rates are fractions, write 0.2 for 20 %"),
    "staff transfer to an offshore site": (
        case_text(**{'location = "offshore"': 'location = "offshore"\nstaff_transfer = "yes"'}),
        "[[vendors]] 3 .staff_transfer: a staff transfer (Code du travail L1224-1) needs an onshore site"),
    "corporation tax typed as a percentage": (
        case_text(**{"corporation_tax_rate = 0.258": "corporation_tax_rate = 25.8"}),
        "[finance] .corporation_tax_rate: must be >= 0 and <= 0.6 of taxable profit (found 25.8): rates are "
        "fractions, write 0.258 for 25.8 %"),
    "one-off costs deducted after the horizon": (
        case_text(**{"one_off_tax_year = 0": "one_off_tax_year = 7"}),
        "[finance] .one_off_tax_year: must be within the horizon, <= horizon_years (5) (found 7)"),
    "negative VAT recovery": (case_text(**{"vat_recovery = 1.0": "vat_recovery = -0.5"}),
                              "[finance] .vat_recovery: must be >= 0 and <= 1 of the VAT (found -0.5)"),
    "negative price": (case_text(**{"price = 2900": "price = -3"}),
                       "[[vendors]] 2 .price: must be > 0 and <= 1 000 000 000 per pricing unit (found -3)"),
    "rate typed as a percentage": (case_text(**{"shrinkage = 0.22": "shrinkage = 45"}),
                                   "[inhouse] .shrinkage: must be >= 0 and < 0.7 of worked time (found 45): rates are "
                                   "fractions, write 0.45 for 45 %"),
    "misspelt key": (case_text(**{"shrinkage = 0.22": "shrinkge = 0.22"}),
                     "[inhouse] .shrinkge: unknown key 'shrinkge': did you mean 'shrinkage'?"),
    "unknown pricing model": (case_text(**{'pricing_model = "per_minute"': 'pricing_model = "per_call"'}),
                              "[[vendors]] 3 .pricing_model: must be one of 'per_hour'"),
    "eleven seasonality weights": (case_text(**{"1.00, 1.05]": "1.00]"}),
                                   "[demand] .seasonality: expected 12 numbers, one weight per month"),
    "seasonality not averaging 1": (case_text(**{"[1.15,": "[2.15,"}),
                                    "[demand] .seasonality: the 12 weights must average 1"),
    "duplicate vendor": (case_text(**{'name = "Casablanca Contact"': 'name = "Atlantique Relation Client"'}),
                         "[[vendors]] 2 .name: vendor name 'Atlantique Relation Client' is already used"),
    "hybrid names an unknown vendor": (case_text(**{'vendors = ["Atlantique Relation Client",':
                                                    'vendors = ["Atlantic",'}),
                                       "[hybrid] .vendors: vendor 'Atlantic' does not exist"),
    "channel mode without channels": (case_text(**{'mode = "extended_hours"': 'mode = "channel"',
                                                   'channels = ["email"]': "channels = []"}),
                                      "[hybrid] .channels: mode 'channel' needs the list of channels"),
    "FTE proposed on a per-hour quote": (case_text(**{"price = 31.5": "price = 31.5\nfte_proposed = 12"}),
                                         "[[vendors]] 1 .fte_proposed: applies only to pricing_model"),
    "TOML syntax error": (case_text(**{"shrinkage = 0.22": "shrinkage = 0.22 0.4"}), "is not valid TOML"),
    "text in a number": (case_text(**{"price = 31.5": 'price = "cheap"'}),
                         "[[vendors]] 1 .price: expected a number (per pricing unit), found str 'cheap'"),
    "horizon of zero years": (case_text(**{"horizon_years = 5": "horizon_years = 0"}),
                              "[finance] .horizon_years: must be >= 1 and <= 10 years (found 0)"),
    "not a number (nan)": (case_text(**{"price = 0.42": "price = nan"}),
                           "[[vendors]] 3 .price: must be a finite number (found nan)"),
    "scoring weights not summing to 1": (case_text() + "\n[scoring]\nweight_price = 0.9\n",
                                         "[scoring] .weight_price: the eight weights must sum to 1"),
    # issue 13: limits stated in xlmodel/limits.py, and values that passed validation before
    "a NaN seasonality weight": (case_text(**{"[1.15, 1.10,": "[nan, 1.10,"}),
                                 "[demand] .seasonality: every monthly weight must be a finite number (found nan "
                                 "for January)"),
    "a 1 000 005-character vendor name": (case_text(**{'name = "Casablanca Contact"':
                                                       f'name = "{"C" * 1_000_005}"'}),
                                          "[[vendors]] 2 .name: must be at most 200 characters (found 1 000 005"),
    "31 vendor quotes": (case_text() + "".join(f'\n[[vendors]]\nname = "Extra {i}"\npricing_model = "per_hour"\n'
                                                 'price = 30\n' for i in range(28)),
                         "[[vendors]] 31: at most 30 vendor quotes (found 31)"),
    "11 channels": (case_text() + "".join(f'\n[[demand.channels]]\nname = "queue {i}"\nannual_volume = 1000\n'
                                          'aht_seconds = 300\n' for i in range(8)),
                    "[[demand.channels]] 11: at most 10 channels (found 11)"),
    "a yes/no answer that is neither": (case_text(**{"bonus_malus = 0.0": 'bonus_malus = 0.0\ncoverage_24_7 = "maybe"'}),
                                        "[[vendors]] 1 .coverage_24_7: must be yes or no"),
    "more Monte Carlo draws than memory holds": (case_text() + "\n[risk]\ndraws = 9000000\n",
                                                 "[risk] .draws: at most 2 000 000 draws for 10 scenarios"),
    "100 000-deep inline tables": (case_text() + "\nx = " + "{a = " * 100_000 + "1" + "}" * 100_000 + "\n",
                                   "its tables or arrays are nested too deeply"),
    "a load no staffing model sizes": (case_text(**{"annual_volume = 700000": "annual_volume = 999000000",
                                                    "aht_seconds = 330": "aht_seconds = 3000",
                                                    "opening_hours_per_week = 60": "opening_hours_per_week = 10"}),
                                       "[[demand.channels]] 1 .annual_volume: channel 'phone' would need more than"),
}


@pytest.mark.parametrize("name", list(CASE_ROWS))
def test_bad_case_file(name, tmp_path, example_book, capsys):
    text, message = CASE_ROWS[name]
    shutil.copy(example_book, tmp_path / "book.xlsx")
    (tmp_path / "case.toml").write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    code, stdout, stderr = run(["build", tmp_path / "case.toml", "-o", tmp_path / "book.xlsx"], capsys)
    assert code == 2, stderr
    assert message in stderr
    assert "Traceback" not in stderr and "nothing was computed or written" in stderr
    assert snapshot(tmp_path) == before  # no new workbook, no backup, no temporary file


@pytest.mark.parametrize("args, message", [
    (["validate", "{tmp}/missing.toml"], "missing.toml: file not found"),
    (["compare", "{tmp}/case.txt"], "case.txt: expected a case file (.toml) or a workbook (.xlsx)"),
    (["validate", "{tmp}/latin1.toml"], "latin1.toml: cannot be read as UTF-8 text"),
    (["build", "-o", "{tmp}/book.txt"], "book.txt: the workbook to write must end in .xlsx"),
    (["validate", "{tmp}/zero.toml"], "zero.toml: is not a regular file (a device or a pipe)"),
    (["validate", "{tmp}/fifo.toml"], "fifo.toml: is not a regular file (a device or a pipe)"),
    (["compare", "{tmp}/huge.toml"], "huge.toml: is over the 2 MB limit: a case file is a small text file"),
    (["build", "-o", "{tmp}/folder"], "folder is a folder: give the case files to build into it"),
], ids=["missing file", "not a case file", "not UTF-8", "target not .xlsx", "a device", "a FIFO", "a huge file",
        "-o an existing folder without case files"])
def test_bad_files_and_targets(args, message, tmp_path, capsys):
    """The attacks: /dev/zero read forever (7.5 GB), a FIFO hung, `-o existing_dir` gave
    "ValueError: max() arg is an empty sequence" with exit 1."""
    import os
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    (tmp_path / "folder").mkdir()
    with (tmp_path / "huge.toml").open("wb") as f:
        f.truncate(3 * 1024 * 1024)
    (tmp_path / "case.txt").write_text("name = 'x'")
    (tmp_path / "latin1.toml").write_bytes(case_text().encode("utf-8").replace("è".encode(), b"\xe8"))
    before = snapshot(tmp_path)
    code, _, stderr = run([a.format(tmp=tmp_path) for a in args], capsys)
    assert code == 2 and message in stderr and "Traceback" not in stderr
    assert snapshot(tmp_path) == before


# -- workbooks -----------------------------------------------------------------------------------------

def named_cell(wb, name):
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    c1, r1, _, _ = range_boundaries(ref.replace("$", ""))
    return wb[sheet].cell(row=r1, column=c1)


def vendor_cell(wb, row, header):
    ws = wb["Vendors"]
    column = next(c for c in range(1, ws.max_column + 1) if ws.cell(row=4, column=c).value == header)
    return ws.cell(row=4 + row, column=column)


def set_named(name, value):
    def edit(wb):
        cell = named_cell(wb, name)
        cell.value = value
        return f"{cell.parent.title}!{cell.coordinate}"
    return edit


def set_vendor(row, header, value):
    def edit(wb):
        cell = vendor_cell(wb, row, header)
        cell.value = value
        return f"Vendors!{cell.coordinate}"
    return edit


def set_channel(row, column, value):
    def edit(wb):
        ws = wb["Channels"]
        table = ws.tables["Channels"]
        c1, r1, _, _ = range_boundaries(table.ref)
        cell = ws.cell(row=r1 + row, column=c1 + column)
        cell.value = value
        return f"Channels!{cell.coordinate}"
    return edit


def all_hybrid_flags_no(wb):
    for row in (1, 2, 3):
        vendor_cell(wb, row, "Hybrid scenario").value = "no"
    return "Vendors!"


def unbalanced_seasonality(wb):
    sheet, ref = next(iter(wb.defined_names["demand_seasonality"].destinations))
    named_cell(wb, "demand_seasonality").value = 3.0
    return f"{sheet}!{ref.replace('$', '')}"


def quote_below_the_table_without_a_name(wb):
    """Issue 13: a quote typed two rows below the table (a blank row between) with its name left blank."""
    ws = wb["Vendors"]
    vendor_cell(wb, 1, "Price")  # the table's header row is 4: row 8 is the first row below it
    for header, value in (("Pricing model", "per_hour"), ("Price", 25)):
        column = next(c for c in range(1, ws.max_column + 1) if ws.cell(row=4, column=c).value == header)
        ws.cell(row=9, column=column, value=value)
    return "Vendors!A9"


def remove_vendors_sheet(wb):
    del wb["Vendors"]
    return "has no 'Vendors' sheet"


WORKBOOK_ROWS = {
    "negative price": (set_vendor(2, "Price", -3), "must be > 0 and <= 1 000 000 000 per pricing unit (found -3)"),
    "rate typed as a percentage": (set_named("inhouse_shrinkage", 45), "write 0.45 for 45 %"),
    "text in a number cell": (set_named("inhouse_gross_salary", "about 24k"), "expected a number"),
    "unknown pricing model": (set_vendor(1, "Pricing model", "per_call"), "must be one of 'per_hour'"),
    "vendor row without a name": (set_vendor(3, "Vendor", None), "is required (Vendor, text)"),
    "duplicate vendor name": (set_vendor(2, "Vendor", "Atlantique Relation Client"), "is already used"),
    "seasonality not averaging 1": (unbalanced_seasonality, "the 12 weights must average 1"),
    "negative channel volume": (set_channel(1, 2, -10), "must be >= 0"),
    "unknown hybrid mode": (set_named("hybrid_mode", "half"), "must be one of 'share'"),
    "no vendor kept for the hybrid scenarios": (all_hybrid_flags_no, "name at least one vendor"),
    "a sheet deleted": (remove_vendors_sheet, None),
    # issue 13
    "a formula typed in an input": (set_named("inhouse_gross_salary", "=20000+5000"),
                                    "holds a formula (=20000+5000), not a typed value"),
    "a formula in a quote cell": (set_vendor(2, "Price", "=2900*1.02"), "holds a formula (=2900*1.02)"),
    "a yes/no flag that is neither": (set_vendor(1, "Hybrid scenario", "maybe"), "must be yes or no"),
    "a quote below the table without a name": (quote_below_the_table_without_a_name, "is required (Vendor, text)"),
}


@pytest.fixture(scope="module")
def broken_books(example_book, loaded_book, tmp_path_factory):
    """``broken_books(name)``: the example workbook with row ``name``'s edit, saved once for both
    commands: (its path, where the edit is)."""
    made: dict[str, tuple] = {}
    base = loaded_book(example_book)  # one copy for every row: each edit is undone once saved
    inputs = ("Inputs", "Channels", "Vendors", "Hybrid")

    def get(name):
        if name not in made:
            edit, _ = WORKBOOK_ROWS[name]
            wb = loaded_book(example_book) if edit is remove_vendors_sheet else base
            before = {title: {key: c.value for key, c in wb[title]._cells.items()} for title in inputs}
            where = edit(wb)
            path = tmp_path_factory.mktemp("broken") / "book.xlsx"
            wb.save(path)
            if wb is base:  # the input sheets' cells as they were (openpyxl keeps them in ws._cells)
                for title, values in before.items():
                    cells = wb[title]._cells
                    for key in set(cells) - set(values):
                        del cells[key]
                    for key, value in values.items():
                        if cells[key].value != value:  # (a merged cell's part takes no value, not even None)
                            cells[key].value = value
            made[name] = (path, where)
        return made[name]
    return get


@pytest.mark.parametrize("command", ["build", "validate"])
@pytest.mark.parametrize("name", list(WORKBOOK_ROWS))
def test_bad_workbook_input(name, command, tmp_path, broken_books, capsys):
    _, message = WORKBOOK_ROWS[name]
    broken, where = broken_books(name)
    book = tmp_path / "book.xlsx"
    shutil.copy(broken, book)
    before = snapshot(tmp_path)
    args = ["build", "-o", book] if command == "build" else ["validate", book]
    code, _, stderr = run(args, capsys)
    assert code == 2, stderr
    expected = f"error: {where}: {message}" if message else where
    assert expected in stderr.replace("\n", " ") or (message and where in stderr and message in stderr), stderr
    assert "Traceback" not in stderr
    assert message is None or "\n1 invalid input(s)" in stderr, stderr  # its own edit only: no other row's
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("content, message", [
    (b"vendor;price\nAcme;31.5\n", "is a CSV or plain-text file, not a workbook"),
    (b"", "empty"),
], ids=["a CSV renamed .xlsx", "an empty file"])
def test_a_file_that_is_not_a_workbook(content, message, tmp_path, capsys):
    (tmp_path / "book.xlsx").write_bytes(content)
    before = snapshot(tmp_path)
    for args in (["build", "-o", tmp_path / "book.xlsx"], ["compare", tmp_path / "book.xlsx"]):
        code, _, stderr = run(args, capsys)
        assert code == 2 and message in stderr and "book.xlsx" in stderr, stderr
    assert snapshot(tmp_path) == before


def test_a_workbook_not_built_by_xlmodel(tmp_path, capsys):
    from openpyxl import Workbook
    Workbook().save(tmp_path / "other.xlsx")
    before = snapshot(tmp_path)
    code, _, stderr = run(["build", "-o", tmp_path / "other.xlsx"], capsys)
    assert code == 2 and "is it a workbook built by xlmodel?" in stderr
    assert snapshot(tmp_path) == before


# -- what a rebuild would drop (issue 13, hole 3; issue 16) --------------------------------------------

def add_sheet(wb):
    wb.create_sheet("My notes")["A1"] = "call Acme back about the ramp-up"
    return "My notes!", "the sheet 'My notes' (1 cells with content) is not part of the workbook"


def add_vendor_column(wb):
    ws = wb["Vendors"]
    ws.cell(row=4, column=ws.max_column + 2, value="Our remarks")
    ws.cell(row=6, column=ws.max_column, value="references checked")
    return f"Vendors!{ws.cell(row=6, column=ws.max_column).coordinate}", "holds 'references checked'"


def add_comment(wb):
    from openpyxl.comments import Comment
    wb["Dashboard"]["B3"].comment = Comment("Ask the board about the pilot", "Marie")
    return "Dashboard!B3", "has a comment by Marie ('Ask the board about the pilot') that would be dropped"


def add_note_beside_an_input(wb):
    cell = named_cell(wb, "inhouse_gross_salary")
    note = cell.parent.cell(row=cell.row, column=cell.column + 4, value="from HR, March payroll")
    return f"Inputs!{note.coordinate}", "holds 'from HR, March payroll'"


def add_note_in_an_inserted_row(wb):
    ws = wb["Inputs"]
    ws.cell(row=ws.max_row + 2, column=1, value="Board asked for a 2028 start")
    return f"Inputs!A{ws.max_row}", "holds 'Board asked for a 2028 start'"


def add_note_on_an_unprotected_sheet(wb):
    from xlmodel.workbook.sheetnames import sheet
    ws = sheet(wb, "Method")
    ws.protection.sheet = False  # the user removed the protection: the sheet takes typing anywhere
    note = ws.cell(row=ws.max_row + 2, column=1, value="Board: ask the auditors")
    return f"{ws.title}!{note.coordinate}", "holds 'Board: ask the auditors'"


ADDITION_ROWS = {"a sheet of one's own": add_sheet, "a column in Vendors": add_vendor_column,
                 "a comment on the Dashboard": add_comment, "a note beside an input": add_note_beside_an_input,
                 "a note in a row below the inputs": add_note_in_an_inserted_row,
                 "a note on a sheet whose protection was removed": add_note_on_an_unprotected_sheet}


@pytest.fixture(scope="module")
def refused_rebuild(example_book, loaded_book, tmp_path_factory):
    """One workbook holding every addition of ADDITION_ROWS, rebuilt once (a build costs 2 s)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from xlmodel.cli import main
    folder = tmp_path_factory.mktemp("additions")
    book = folder / "book.xlsx"
    wb = loaded_book(example_book)
    expected = {name: add(wb) for name, add in ADDITION_ROWS.items()}
    wb.save(book)
    before = snapshot(folder)
    err = io.StringIO()
    with pytest.raises(SystemExit) as info, redirect_stdout(io.StringIO()), redirect_stderr(err):
        main(["build", "-o", str(book)])
    return {"folder": folder, "book": book, "before": before, "code": info.value.code, "stderr": err.getvalue(),
            "expected": expected}


@pytest.mark.parametrize("name", list(ADDITION_ROWS))
def test_a_rebuild_that_would_drop_what_the_user_added_is_refused(name, refused_rebuild):
    """The attack: a rebuild over a workbook discarded what the user added outside the input cells (a sheet,
    a column in Vendors, a comment, notes typed beside the inputs or in inserted rows)."""
    where, message = refused_rebuild["expected"][name]
    stderr = refused_rebuild["stderr"]
    assert refused_rebuild["code"] == 2 and f"error: {where}: {message}" in stderr, stderr
    assert "rebuild with --force" in stderr and "Traceback" not in stderr
    assert snapshot(refused_rebuild["folder"]) == refused_rebuild["before"]


def test_the_check_reads_the_previous_book_as_a_whole_load_does(refused_rebuild):
    """The check of additions does not load the previous workbook whole (most of it is the protected
    Calc and Staffing sheets): it sees each sheet's protection, cells (value, locked flag, number format) and
    comments exactly as openpyxl's whole load of the same file does."""
    from xlmodel.workbook.additions import PreviousBook
    from xlmodel.workbook.untrusted import open_untrusted
    book = refused_rebuild["book"]
    whole = load_workbook(book, data_only=True)
    opened = open_untrusted(book, read_only=True)
    opened.wb.close()
    previous = PreviousBook(book, opened)
    assert previous.sheetnames == whole.sheetnames
    assert {ws.title for ws in whole.worksheets if ws.protection.sheet} == set(opened.protected)
    assert 0 < len(opened.protected) < len(whole.sheetnames)  # the user's sheet and the unprotected Method are not
    for ws in whole.worksheets:
        cells = {key: (cell.value, cell.protection.locked, cell.number_format) for key, cell in ws._cells.items()
                 if cell.value is not None}
        comments = {key: (cell.comment.author, cell.comment.text) for key, cell in ws._cells.items() if cell.comment}
        assert previous.cells(ws.title) == cells, ws.title
        assert previous.comments(ws.title) == comments, ws.title
    assert any(previous.comments(title) for title in previous.sheetnames)


def test_a_forced_rebuild_drops_the_additions_and_keeps_a_dated_backup(refused_rebuild, capsys):
    """And no backup was kept when a rebuild read the workbook itself: now one always is."""
    folder, book = refused_rebuild["folder"], refused_rebuild["book"]
    code, stdout, stderr = run(["build", "-o", book, "--force"], capsys)
    assert code == 0, stderr
    backups = [p for p in folder.iterdir() if p.name.startswith("book.") and p.name != "book.xlsx"]
    assert len(backups) == 1 and backups[0].read_bytes() == refused_rebuild["before"]["book.xlsx"]
    assert f"The previous workbook is kept as {backups[0]}" in stdout
    assert "My notes" not in load_workbook(book, read_only=True).sheetnames


# -- the same problems in a French terminal (issue 16) ---------------------------------------------------

def _problem_english() -> set[str]:
    """The pieces of the problems' English sentences a French line never holds (as the French book's scan
    matches the program's English texts: the longest fixed pieces of each template)."""
    import re

    from xlmodel.text import en, fr
    english = ({v for v in en.PROBLEMS.values() if isinstance(v, str)}
               - {v for v in fr.PROBLEMS.values() if isinstance(v, str)})
    pieces = {p.strip(" :;,.()'") for text in english for p in re.split(r"\{[^}]*\}", text)}
    return {p for p in pieces if len(p) >= 12 and " " in p}


# What a French line may quote as it is: the file keys ([[vendors]] 2 .price, [demand] .seasonality), a
# cell (Vendors!F7), a key or value typed in a case file, given in parentheses ((per_fte_month)), and what
# the user typed, quoted (« per_call »).
_AS_TYPED = r"\[\[?[a-z_.]+\]\]?(?: \d+)?(?: ?\.[A-Za-z_0-9.]+)?|\w+!\$?[A-Z]*\$?\d*(?::\$?[A-Z]+\$?\d+)?|" \
            r"\([a-z_0-9]+\)|« [^»]* »|'[a-z_]+'|\b[a-z]+_[a-z_0-9]+\b"


def _french_lines(stderr: str, paths) -> list[str]:
    import re

    from test_french import _terminal_english, english_in
    english = _terminal_english() | _problem_english()
    found = []
    for line in stderr.splitlines():
        text = line
        for path in sorted(map(str, paths), key=len, reverse=True):
            text = text.replace(path, " ")
        text = re.sub(_AS_TYPED, " ", text)
        hits = english_in(text, (), english)
        if hits:
            found.append(f"{sorted(set(hits))} in {line[:160]!r}")
    return found


@pytest.fixture(scope="module")
def french_refusals(tmp_path_factory):
    """Every case row and every file row of this module refused in a French terminal (no workbook is
    built: each input is refused before): {row: (status, stderr, paths to take out)}."""
    import os

    from workbook_helpers import run_cli_plain
    folder = tmp_path_factory.mktemp("french_refusals")
    out = {}
    for i, (name, (text, _)) in enumerate(CASE_ROWS.items()):
        case = folder / f"cas{i}.toml"
        case.write_text(text, encoding="utf-8")
        out[name] = (*run_cli_plain(["build", case, "-o", folder / "livre.xlsx", "--lang", "fr"])[::2], (case,))
    os.mkfifo(folder / "fifo.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    with (folder / "huge.toml").open("wb") as f:
        f.truncate(3 * 1024 * 1024)
    (folder / "case.txt").write_text("name = 'x'")
    (folder / "latin1.toml").write_bytes(case_text().encode("utf-8").replace("è".encode(), b"\xe8"))
    (folder / "vide.xlsx").write_bytes(b"")
    (folder / "texte.xlsx").write_bytes(b"vendor;price\nAcme;31.5\n")
    for args in (["validate", "missing.toml"], ["compare", "case.txt"], ["validate", "latin1.toml"],
                 ["build", "-o", "book.txt"], ["validate", "zero.toml"], ["validate", "fifo.toml"],
                 ["compare", "huge.toml"], ["validate", "vide.xlsx"], ["validate", "texte.xlsx"]):
        paths = [folder / a for a in args[1:] if "." in a]
        out[" ".join(args)] = (*run_cli_plain([args[0], *paths, "--lang", "fr"] if args[0] != "build" else
                                              [args[0], "-o", paths[0], "--lang", "fr"])[::2], (folder, *paths))
    return out


@pytest.mark.parametrize("name", [*CASE_ROWS, "validate missing.toml", "compare case.txt", "validate latin1.toml",
                                  "build -o book.txt", "validate zero.toml", "validate fifo.toml",
                                  "compare huge.toml", "validate vide.xlsx", "validate texte.xlsx"])
def test_every_refusal_is_said_in_french(name, french_refusals):
    """The attack: ``validate CASE --lang fr`` said "erreur : [[demand.channels]] 1 .aht_seconds: must be > 0
    and <= 7200 seconds (found -5)", the prefix in French and the rest in English."""
    code, stderr, paths = french_refusals[name]
    assert code == 2 and stderr.startswith("erreur : "), stderr
    found = _french_lines(stderr, paths)
    assert not found, "\n".join(found)


def test_a_french_problem_names_the_field_the_channel_and_the_key_with_french_numbers(french_refusals, tmp_path,
                                                                                       capsys):
    text = case_text(**{"aht_seconds = 330": "aht_seconds = -5"})
    (tmp_path / "cas.toml").write_text(text, encoding="utf-8")
    code, _, stderr = run(["validate", tmp_path / "cas.toml", "--lang", "fr"], capsys)
    assert code == 2
    assert ("erreur : Canal 1 « phone », durée moyenne de traitement ([[demand.channels]] 1 .aht_seconds) : "
            "doit être > 0 et <= 7 200 secondes (lu : -5)") in stderr, stderr
    price = french_refusals["rate typed as a percentage"][1]
    assert "saisissez 0,45 pour 45 %" in price and "(lu : 45)" in price, price
    assert "fichier introuvable" in french_refusals["validate missing.toml"][1]


def test_the_scan_of_a_french_refusal_sees_english(french_refusals):
    """The same refusal said in English: the scan finds it (it would pass anything otherwise)."""
    from xlmodel.errors import Problem
    from xlmodel.text.problems import problem_line
    problem = Problem.of("[[demand.channels]] 1 .aht_seconds", "out_of_bounds", ("channels", 1, "aht_seconds", "phone"),
                         found=-5, hint="")
    assert _french_lines("erreur : " + problem_line(problem, "en"), ()) and \
        not _french_lines("erreur : " + problem_line(problem, "fr"), ())


def test_what_a_rebuild_would_drop_is_said_in_french():
    from xlmodel.text.problems import problem_line
    from xlmodel.workbook.additions import refusal_problems
    found = [("Mes notes!", "added_sheet", {"name": "Mes notes", "count": 1}),
             ("Tableau de bord!B3", "added_comment", {"author": ("comment_by", {"author": "Marie"}),
                                                      "found": "Demander au conseil"}),
             ("Hypothèses!G7", "added_value", {"found": "paie de mars"})]
    lines = "\n".join(problem_line(p, "fr") for p in refusal_problems("livre.xlsx", found))
    assert "Mes notes! : la feuille « Mes notes » (1 cellule(s) remplie(s)) ne fait pas partie du classeur" in lines
    assert "porte un commentaire de Marie (« Demander au conseil ») qui serait perdu" in lines
    assert not _french_lines(lines, ("livre.xlsx",)), lines


@pytest.mark.parametrize("name", ["text in a number cell", "vendor row without a name", "duplicate vendor name",
                                  "a formula typed in an input", "a yes/no flag that is neither"])
def test_a_workbooks_problems_are_said_in_french(name, broken_books):
    """A few workbook rows (each read costs about a second): the problems the reader finds, said in French,
    name the cell and the field, with no English."""
    from xlmodel.errors import InputError
    from xlmodel.text.problems import problem_line
    from xlmodel.workbook.reader import read_workbook
    broken, where = broken_books(name)
    with pytest.raises(InputError) as info:
        read_workbook(broken)
    lines = "\n".join("erreur : " + problem_line(p, "fr") for p in info.value.problems)
    assert where in lines and not _french_lines(lines, (broken,)), lines


def test_a_french_workbooks_problems_are_said_in_french_without_lang(built_book, loaded_book, tmp_path, capsys):
    """``validate LIVRE.xlsx`` of a French book with a bad input: its problems in French, as its other lines."""
    from xlmodel.workbook.sheetnames import sheet
    wb = loaded_book(built_book("example", "fr").path)
    ws = sheet(wb, "Vendors")
    price = next(c for c in range(1, ws.max_column + 1) if ws.cell(row=4, column=c).value == "Prix")
    ws.cell(row=6, column=price, value=-3)
    wb.save(tmp_path / "livre.xlsx")
    code, _, stderr = run(["validate", tmp_path / "livre.xlsx"], capsys)
    assert code == 2
    assert (f"erreur : Offre 2 « Casablanca Contact », prix ({ws.title}!{ws.cell(row=6, column=price).coordinate}) "
            ": doit être > 0 et <= 1 000 000 000 par unité de prix (lu : -3)") in stderr, stderr
    code, _, stderr = run(["validate", tmp_path / "livre.xlsx", "--lang", "en"], capsys)
    assert code == 2 and "must be > 0 and <= 1 000 000 000 per pricing unit (found -3)" in stderr, stderr
