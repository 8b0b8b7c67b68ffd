"""A rebuild over a book of an earlier version (issue 16): the build records what it wrote on the input
sheets (xlmodel.workbook.record), so a rebuild tells the program's labels from the user's typing by
that record, not by whether the new version happens to write the same words.

Before, a label, unit or note the program words differently since the book was built appeared
nowhere in the new workbook and was listed as typed by the user: the rebuild of every book of the
previous version was refused until ``--force``, which a user then learns to type every time. And a
program label typed over with a text the new workbook has elsewhere (a vendor's name) was let
through, and dropped.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from xml.sax.saxutils import escape

import pytest

from xlmodel.limits import MAX_RECORD_ROWS, MAX_RECORDED_CELLS
from xlmodel.workbook.record import HEADER, RECORD_SHEET, VERSION, fingerprint, read_record

from test_bad_input_matrix import named_cell
from workbook_helpers import run_cli

# What an earlier version of the program wrote on Inputs, where this one writes other words: the
# label and the unit of the gross salary, and the sheet's title.
EARLIER = {"label": "Gross salary of an agent (earlier wording)", "unit": "EUR per agent and year (earlier)",
           "title": "Inputs: the yellow cells are yours (earlier wording)"}


def record_of(path):
    """The record of the book at ``path`` as the rebuild reads it: {tab: {(row, column): fingerprint}},
    or None."""
    from xlmodel.workbook.additions import PreviousBook
    from xlmodel.workbook.untrusted import open_untrusted
    opened = open_untrusted(path, read_only=True)
    opened.wb.close()
    record = PreviousBook(path, opened).record()
    return None if record is None else record.cells


def rewrite_entry(wb, cell, value) -> None:
    """Write ``value`` into ``cell`` and into its entry of the book's record, as a version of the
    program that wrote ``value`` there would have recorded it."""
    cell.value = value
    entry = f"{cell.coordinate}={fingerprint(value)}"
    for tab, cells in wb[RECORD_SHEET].iter_rows(min_row=2, max_col=2):
        if tab.value == cell.parent.title and cells.value:
            replaced = re.sub(rf"(?<!\S){cell.coordinate}=[0-9a-f]{{8}}(?!\S)", entry, cells.value)
            if replaced != cells.value:
                cells.value = replaced
                return
    raise AssertionError(f"{cell.parent.title}!{cell.coordinate} is not in the record")


@pytest.fixture(scope="module")
def books(example_book, loaded_book, tmp_path_factory):
    """The example's book as an earlier version wrote it (its words and its record), the same book
    without a record (built before it existed), and a book the user typed into, each saved by openpyxl."""
    folder = tmp_path_factory.mktemp("record")
    wb = loaded_book(example_book)
    salary = named_cell(wb, "inhouse_gross_salary")
    label, unit = (salary.parent.cell(row=salary.row, column=c) for c in (1, 3))
    found = {"label": f"{label.parent.title}!{label.coordinate}", "unit": f"{unit.parent.title}!{unit.coordinate}",
             "title": f"{label.parent.title}!A1"}
    assert isinstance(label.value, str) and isinstance(unit.value, str) and label.value != EARLIER["label"]
    for cell, value in ((label, EARLIER["label"]), (unit, EARLIER["unit"]), (label.parent["A1"], EARLIER["title"])):
        rewrite_entry(wb, cell, value)
    wb.save(folder / "earlier.xlsx")
    del wb[RECORD_SHEET]
    wb.save(folder / "older.xlsx")

    wb = loaded_book(example_book)
    vendor = wb["Vendors"]["A5"].value  # the first quote's vendor, which the new workbook names on Compare
    salary = named_cell(wb, "inhouse_gross_salary")
    over = salary.parent.cell(row=salary.row, column=1)  # the program's label, typed over
    over.value = vendor
    note = salary.parent.cell(row=salary.row, column=salary.column + 4, value="from HR, March payroll")
    wb.save(folder / "typed.xlsx")
    return {"folder": folder, "where": found, "vendor": vendor, "over": f"{over.parent.title}!{over.coordinate}",
            "note": f"{note.parent.title}!{note.coordinate}", "example": example_book}


def rebuilt(books, name, tmp_path, capsys, source=None):
    """Rebuild a copy of one of ``books`` (or of ``source``) without --force: (status, stderr)."""
    book = tmp_path / "book.xlsx"
    shutil.copyfile(source or books["folder"] / f"{name}.xlsx", book)
    code, _, stderr = run_cli(["build", "-o", book], capsys)
    assert "Traceback" not in stderr
    return code, stderr


def test_a_book_of_an_earlier_version_rebuilds_without_force(books, tmp_path, capsys):
    """(1) Its label, unit and title, reworded since, are what its record says the program wrote:
    the rebuild goes through, and the new book has this version's words. Refused before (the three
    texts appear nowhere in the new workbook)."""
    code, stderr = rebuilt(books, "earlier", tmp_path, capsys)
    assert code == 0, stderr
    from openpyxl import load_workbook
    values = {cell.value for row in load_workbook(tmp_path / "book.xlsx", read_only=True)["Inputs"].iter_rows()
              for cell in row}
    assert not values & set(EARLIER.values())


def test_without_a_record_the_rebuild_compares_texts_as_before(books, tmp_path, capsys):
    """A book built before the record existed keeps the old rule: a text the new workbook has
    nowhere is listed (here the earlier wording, which is why the record exists)."""
    code, stderr = rebuilt(books, "older", tmp_path, capsys)
    assert code == 2
    for key, where in books["where"].items():
        assert f"error: {where}: holds '{EARLIER[key][:37]}" in stderr, stderr


def test_a_program_label_typed_over_and_a_note_in_an_empty_cell_are_refused_and_listed(books, tmp_path, capsys):
    """(2) The user typed a vendor's name over the program's label: the record says the program wrote
    something else there, and the new Inputs sheet does not have it, so it is the user's, though the
    new workbook has that name on other sheets (Vendors, Compare), which let it through before.
    (3) A note typed in a cell the program left empty: refused, as before."""
    from openpyxl import load_workbook
    example = load_workbook(books["example"], read_only=True)
    sheets = {ws.title: {cell.value for row in ws.iter_rows() for cell in row} for ws in example.worksheets}
    assert books["vendor"] in sheets["Vendors"] | sheets["Compare"]  # the old rule found it there
    assert books["vendor"] not in sheets["Inputs"]  # not on the sheet it was typed on
    recorded = read_record(example[RECORD_SHEET].iter_rows(values_only=True))
    assert fingerprint(books["vendor"]) not in set(recorded.cells["Inputs"].values())  # nor the record
    code, stderr = rebuilt(books, "typed", tmp_path, capsys)
    assert code == 2
    assert f"error: {books['over']}: holds '{books['vendor']}'" in stderr, stderr
    assert f"error: {books['note']}: holds 'from HR, March payroll'" in stderr, stderr
    assert "rebuild with --force" in stderr


# -- a damaged record is ignored ---------------------------------------------------------------------

def _record_part(zf: zipfile.ZipFile) -> str:
    """The name of the record sheet's part in the archive."""
    book = zf.read("xl/workbook.xml").decode()
    rid = re.search(r'<sheet [^>]*name="' + re.escape(RECORD_SHEET) + r'"[^>]*r:id="([^"]+)"', book).group(1)
    rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(r'<Relationship [^>]*Id="' + rid + r'"[^>]*Target="([^"]+)"', rels)
    target = target or re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="' + rid + '"', rels)
    return target.group(1).lstrip("/") if target.group(1).startswith("/") else "xl/" + target.group(1)


def _cell_xml(ref: str, value) -> str:
    if isinstance(value, str) and value.startswith("<c "):
        return value  # raw XML: a cell openpyxl cannot read
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}" t="n"><v>{value}</v></c>'


def with_record(source, target, rows) -> None:
    """A copy of the book ``source`` whose record sheet holds ``rows`` (lists of values) instead."""
    from openpyxl.utils import get_column_letter
    body = "".join(f'<row r="{r}">' + "".join(_cell_xml(f"{get_column_letter(c)}{r}", v)
                                              for c, v in enumerate(values, start=1) if v is not None) + "</row>"
                   for r, values in enumerate(rows, start=1))
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           f"{body}</sheetData></worksheet>")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        part = _record_part(zin)
        for info in zin.infolist():
            zout.writestr(info, xml if info.filename == part else zin.read(info.filename))


def _entries(count: int) -> list[str]:
    """``count`` distinct, well-formed entries (distinct cells, varied fingerprints)."""
    return [f"{'ABCDEFGHIJ'[n % 10]}{n // 10 + 1}={fingerprint(n)}" for n in range(count)]


def _damaged(rows: list[list], how: str) -> list[list]:
    header, body = rows[0], [list(row) for row in rows[1:]]
    if how == "another version":
        return [[HEADER, VERSION + 1], *body]
    if how == "a damaged entry":
        body[0][1] = body[0][1].replace("=", "=zz", 1)
        return [header, *body]
    if how == "a number for the cells":
        body[0][1] = 12345
        return [header, *body]
    if how == "a third column":
        body[0].append("A1=00000000")
        return [header, *body]
    if how == "a cell openpyxl cannot read":
        body[0][1] = '<c r="B2" t="n"><v>not a number</v></c>'
        return [header, *body]
    if how == "more cells than the limit":
        entries = _entries(MAX_RECORDED_CELLS + 1)
        return [header, *body, *(["Inputs", " ".join(entries[i:i + 1000])] for i in range(0, len(entries), 1000))]
    assert how == "more rows than the limit"
    return [header, *body, *(["Vendors", ""] for _ in range(MAX_RECORD_ROWS))]


DAMAGES = ("another version", "a damaged entry", "a number for the cells", "a third column",
           "a cell openpyxl cannot read", "more cells than the limit", "more rows than the limit")


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_or_oversized_record_is_ignored_and_the_rebuild_compares_texts(how, books, tmp_path, capsys):
    """(4) The book is untrusted: a record not of the layout the build writes, or beyond the limits,
    is ignored without a traceback, and the rebuild falls back on the old rule, which lists the
    earlier wording (the record would have vouched for it)."""
    from openpyxl import load_workbook
    source = books["folder"] / "earlier.xlsx"
    ws = load_workbook(source, read_only=True)[RECORD_SHEET]
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    damaged = tmp_path / "damaged.xlsx"
    with_record(source, damaged, _damaged(rows, how))
    assert record_of(damaged) is None
    code, stderr = rebuilt(books, "", tmp_path, capsys, source=damaged)
    assert code == 2
    for key, where in books["where"].items():
        assert f"error: {where}: holds '{EARLIER[key][:37]}" in stderr, stderr


def test_the_largest_record_the_limits_allow_is_read(books, tmp_path):
    """The limits refuse only what is beyond them: a record at exactly the limits is read."""
    from openpyxl import load_workbook
    source = books["folder"] / "earlier.xlsx"
    rows = [list(row) for row in load_workbook(source, read_only=True)[RECORD_SHEET].iter_rows(values_only=True)]
    recorded = sum(len(row[1].split()) for row in rows[1:] if len(row) > 1 and row[1])
    entries = _entries(MAX_RECORDED_CELLS - recorded)
    extra = [["Vendors", " ".join(entries[i:i + 1000])] for i in range(0, len(entries), 1000)]
    extra += [["Hybrid", ""] for _ in range(MAX_RECORD_ROWS - len(rows) + 1 - len(extra))]
    with_record(source, tmp_path / "full.xlsx", rows + extra)
    assert sum(len(cells) for cells in record_of(tmp_path / "full.xlsx").values()) > MAX_RECORDED_CELLS // 2


# -- where the record lives ----------------------------------------------------------------------------

def test_the_record_is_very_hidden_protected_small_and_lists_every_label_of_the_input_sheets(example_book):
    """What the build writes: a very hidden, protected sheet, whose entries are the fingerprints of
    the values outside the input cells of each input sheet, cell by cell."""
    from openpyxl import load_workbook

    from xlmodel.workbook.additions import INPUT_SHEETS
    from xlmodel.workbook.sheetnames import titles_in
    wb = load_workbook(example_book)
    ws = wb[RECORD_SHEET]
    assert ws.sheet_state == "veryHidden" and ws.protection.sheet and wb.sheetnames[-1] == RECORD_SHEET
    record = record_of(example_book)
    tabs = titles_in(wb.sheetnames)
    assert set(record) == {tabs[key] for key in INPUT_SHEETS if key in tabs}
    for tab, cells in record.items():
        expected = {(c.row, c.column): fingerprint(c.value) for c in wb[tab]._cells.values()
                    if c.value is not None and c.data_type != "f" and c.protection.locked}
        assert cells == expected and len(cells) > 10, tab
        assert not {(c.row, c.column) for c in wb[tab]._cells.values() if not c.protection.locked} & set(cells)
    with zipfile.ZipFile(example_book) as zf:
        assert zf.getinfo(_record_part(zf)).compress_size < 8_000  # 4.1 KB on the example


def test_the_record_survives_an_openpyxl_save_and_a_libreoffice_save(books, soffice, tmp_path, capsys):
    """(5) The earlier book was saved by openpyxl (the fixture); LibreOffice then recalculates and
    saves it: the record reads back the same (a plain hidden sheet there, still protected), and the
    rebuild over LibreOffice's copy goes through on it."""
    from openpyxl import load_workbook

    from xlmodel.workbook.libreoffice import recalculate
    source = books["folder"] / "earlier.xlsx"
    built = record_of(books["example"])
    saved = record_of(source)
    assert saved is not None and saved.keys() == built.keys()
    changed = {(tab, at) for tab in built for at in built[tab] if built[tab][at] != saved[tab].get(at)}
    assert len(changed) == 3 and all(saved[tab].keys() == built[tab].keys() for tab in built)
    copy = recalculate(source, tmp_path / "libreoffice")
    assert record_of(copy) == saved
    values = load_workbook(copy, read_only=True)
    for tab, cells in saved.items():  # each value as LibreOffice wrote it still has its fingerprint
        ws = values[tab]
        ws.reset_dimensions()
        found = {(c.row, c.column): fingerprint(c.value) for row in ws.iter_rows() for c in row
                 if getattr(c, "value", None) is not None}
        assert {at: found.get(at) for at in cells} == cells, tab
    ws = load_workbook(copy, read_only=True)[RECORD_SHEET]
    assert ws.sheet_state == "hidden"
    assert load_workbook(copy)[RECORD_SHEET].protection.sheet
    code, stderr = rebuilt(books, "", tmp_path, capsys, source=copy)
    assert code == 0, stderr


# -- the record, cell by cell ---------------------------------------------------------------------------

def test_a_fingerprint_ignores_what_a_save_may_rewrite_and_nothing_else():
    assert fingerprint("Gross salary\r\n per agent ") == fingerprint("Gross salary per agent")
    assert fingerprint(2027) == fingerprint(2027.0) == fingerprint(2027.0000000000002)
    assert len({fingerprint(v) for v in ("2027", 2027, True, 1, "Gross salary", "Gross salaries")}) == 6
    assert re.fullmatch(r"[0-9a-f]{8}", fingerprint("Hypothèses"))


def test_a_program_value_moved_by_inserted_rows_is_the_programs():
    """A row inserted above a label moves it: its text is still one the program recorded on the tab."""
    record = read_record([(HEADER, VERSION), ("Inputs", f"A5={fingerprint('Horizon')} C5={fingerprint('years')}"),
                          ("Vendors",)])
    assert record.covers("Inputs") and record.covers("Vendors") and not record.covers("Hybrid")
    assert record.programs("Inputs", 5, 1, "Horizon") and record.programs("Inputs", 7, 1, "Horizon")
    assert not record.programs("Inputs", 5, 1, "Horizon (checked)")
    assert not record.programs("Vendors", 5, 1, "Horizon")
