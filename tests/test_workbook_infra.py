"""Workbook infrastructure: deterministic atomic saves, the house style, and LibreOffice standing in
for Excel (forced recalculation, rendering), as README ("The workbook") and xlmodel/workbook/libreoffice.py describe them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from xlmodel.workbook import files, libreoffice, styles
from xlmodel.workbook.files import FileLockedError, lock_file, save_deterministic, workbook_bytes
from xlmodel.workbook.libreoffice import LibreOfficeError, read_values, recalculate, render, render_png

ROOT = Path(__file__).resolve().parent.parent
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Builds a workbook with every part that could carry volatile bytes: comments (VML shapes), data
# validations and conditional formats (cell ranges kept in sets), a defined name and a chart.
RICH_BOOK = textwrap.dedent('''
    import sys
    import openpyxl
    from openpyxl.chart import BarChart, Reference
    from openpyxl.workbook.defined_name import DefinedName
    from xlmodel.workbook import styles
    from xlmodel.workbook.files import workbook_bytes

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Inputs"
    for r in range(1, 30):
        styles.write_input(ws, f"C{r}", r * 1.5, number_format=styles.money_format("EUR"),
                           validation={"type": "decimal", "minimum": 0, "maximum": 10 ** r,
                                       "unit": "EUR"}, note=f"Cost {r}, EUR. Source: test")
        ws[f"D{r}"] = f"=C{r}*2"
    styles.check_format(ws, "E1:E29")
    wb.defined_names["first_cost"] = DefinedName("first_cost", attr_text="Inputs!$C$1")
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=29))
    ws.add_chart(chart, "G2")
    styles.protect(ws)
    sys.stdout.buffer.write(workbook_bytes(wb))
''')


def small_workbook(value: float = 2.0) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = value
    ws["A2"] = "=A1*3"
    styles.write_input(ws, "B1", 0.25, number_format=styles.PERCENT,
                       validation={"type": "decimal", "minimum": 0, "maximum": 1, "unit": "share"},
                       note="Share of contacts. Source: test")
    return wb


# ---------------------------------------------------------------- deterministic, atomic saves

class TestDeterministicSave:
    def test_two_saves_of_the_same_workbook_are_byte_identical(self, tmp_path):
        wb = small_workbook()
        save_deterministic(wb, tmp_path / "one.xlsx")
        time.sleep(1.1)  # openpyxl stamps "modified" to the second: a second later it would differ
        save_deterministic(wb, tmp_path / "two.xlsx")
        assert (tmp_path / "one.xlsx").read_bytes() == (tmp_path / "two.xlsx").read_bytes()

    def test_builds_in_separate_processes_with_different_hash_seeds_are_byte_identical(self):
        outputs = []
        for seed in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
            done = subprocess.run([sys.executable, "-c", RICH_BOOK], env=env, capture_output=True,
                                  check=True, timeout=120)
            outputs.append(done.stdout)
        assert len(outputs[0]) > 5000
        assert outputs[0] == outputs[1]

    def test_document_properties_and_zip_entries_are_fixed(self):
        data = workbook_bytes(small_workbook())
        with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
            core = z.read("docProps/core.xml").decode()
            infos = z.infolist()
        assert "<dc:creator>xlmodel</dc:creator>" in core
        assert "<cp:lastModifiedBy>xlmodel</cp:lastModifiedBy>" in core
        assert core.count("2026-01-01T00:00:00Z") == 2  # created and modified
        assert {i.date_time for i in infos} == {(2026, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        names = [i.filename for i in infos]
        assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])

    def test_relationship_targets_are_relative_and_resolve_to_parts(self, example_book):
        """openpyxl writes absolute targets (/xl/comments/...) that IronCalc and calamine cannot follow."""
        import posixpath
        import re
        with zipfile.ZipFile(example_book) as z:
            names = set(z.namelist())
            rels = {n: z.read(n).decode() for n in names if n.endswith(".rels")}
        followed = 0
        for name, text in rels.items():
            folder = posixpath.dirname(posixpath.dirname(name))
            for target in re.findall(r'Target="([^"]*)"', text):
                assert not target.startswith("/"), (name, target)
                assert posixpath.normpath(posixpath.join(folder, target)) in names, (name, target)
                followed += 1
        assert followed > 20 and any("comments" in t for t in rels.values())

    def test_a_change_of_content_changes_the_bytes(self):
        assert workbook_bytes(small_workbook(2.0)) != workbook_bytes(small_workbook(2.5))


class TestAtomicWrite:
    @pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
    def test_failure_midway_leaves_the_previous_file_and_no_temporary_file(self, tmp_path, monkeypatch, failure):
        target = tmp_path / "book.xlsx"
        save_deterministic(small_workbook(1.0), target)
        before = target.read_bytes()

        def fail_after_writing(fd):  # the temporary file holds the new bytes, not yet moved
            raise failure

        monkeypatch.setattr(files.os, "fsync", fail_after_writing)
        with pytest.raises(type(failure)):
            save_deterministic(small_workbook(99.0), target)
        monkeypatch.undo()
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]

    def test_failure_while_serialising_leaves_the_previous_file(self, tmp_path, monkeypatch):
        target = tmp_path / "book.xlsx"
        save_deterministic(small_workbook(1.0), target)
        before = target.read_bytes()
        wb = small_workbook(99.0)
        monkeypatch.setattr(wb, "save", lambda _: (_ for _ in ()).throw(RuntimeError("writer broke")))
        with pytest.raises(RuntimeError, match="writer broke"):
            save_deterministic(wb, target)
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]

    def test_excel_lock_file_refuses_and_writes_nothing(self, tmp_path):
        target = tmp_path / "book.xlsx"
        save_deterministic(small_workbook(1.0), target)
        before = target.read_bytes()
        lock_file(target).write_bytes(b"owner")
        with pytest.raises(FileLockedError, match=r"open in Excel.*~\$book\.xlsx.*nothing was written"):
            save_deterministic(small_workbook(99.0), target)
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx", "~$book.xlsx"]

    def test_lock_file_of_a_new_target_refuses_without_creating_it(self, tmp_path):
        target = tmp_path / "new.xlsx"
        lock_file(target).touch()
        with pytest.raises(FileLockedError):
            save_deterministic(small_workbook(), target)
        assert not target.exists()

    def test_new_file_gets_ordinary_permissions_and_a_replaced_file_keeps_its_own(self, tmp_path):
        umask = os.umask(0o022)
        try:
            target = tmp_path / "book.xlsx"
            save_deterministic(small_workbook(), target)
            assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
            target.chmod(0o640)
            save_deterministic(small_workbook(5.0), target)
            assert target.stat().st_mode & 0o777 == 0o640
        finally:
            os.umask(umask)


# ---------------------------------------------------------------- house style

class TestStyles:
    @pytest.mark.parametrize("currency, expected", [
        ("EUR", '#,##0 "€";[Red]-#,##0 "€"'),
        ("GBP", '#,##0 "£";[Red]-#,##0 "£"'),
        ("USD", '#,##0 "$";[Red]-#,##0 "$"'),
        ("CHF", '#,##0 "CHF";[Red]-#,##0 "CHF"'),
        ("SEK", '#,##0 "SEK";[Red]-#,##0 "SEK"'),
    ])
    def test_money_format_puts_the_currency_symbol_in_file_syntax(self, currency, expected):
        assert styles.money_format(currency) == expected

    def test_money_format_with_decimals(self):
        assert styles.money_format("EUR", decimals=2) == '#,##0.00 "€";[Red]-#,##0.00 "€"'

    def test_input_cell_is_blue_on_yellow_unlocked_validated_and_annotated(self):
        wb = openpyxl.Workbook()
        ws = wb.active
        styles.write_input(ws, "C4", 0.8, number_format=styles.PERCENT,
                           validation={"type": "decimal", "minimum": 0, "maximum": 1, "unit": "share"},
                           note="Service level target, share of calls. Source: COPC")
        cell = ws["C4"]
        assert cell.value == 0.8 and cell.number_format == "0.0%"
        assert cell.font.color.rgb == "FF0000FF" and cell.fill.fgColor.rgb == "FFFFF2CC"
        assert cell.protection.locked is False
        assert cell.comment.text == "Service level target, share of calls. Source: COPC"
        (dv,) = ws.data_validations.dataValidation
        assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("decimal", "between", "0", "1")
        assert "share" in dv.prompt and "share" in dv.error
        assert dv.showInputMessage and dv.showErrorMessage and dv.errorStyle == "stop"

    def test_cells_with_the_same_rule_share_one_validation(self):
        wb = openpyxl.Workbook()
        ws = wb.active
        share = {"type": "decimal", "minimum": 0, "maximum": 1, "unit": "share"}
        count = {"type": "whole", "minimum": 1, "maximum": 1000, "unit": "agents"}
        for r in range(1, 51):
            styles.write_input(ws, f"C{r}", 0.5, number_format=styles.PERCENT, validation=share, note="n")
        styles.write_input(ws, "D1", 10, number_format=styles.INTEGER, validation=count, note="n")
        by_type = {dv.type: dv for dv in ws.data_validations.dataValidation}
        assert len(ws.data_validations.dataValidation) == 2
        assert str(by_type["decimal"].sqref) == "C1:C50" or len(by_type["decimal"].sqref.ranges) == 50
        assert "C50" in by_type["decimal"].sqref and "D1" not in by_type["decimal"].sqref

    @pytest.mark.parametrize("rule, operator, formula1", [
        ({"type": "decimal", "minimum": 0, "maximum": None, "exclusive_min": True, "unit": "EUR"},
         "greaterThan", "0"),
        ({"type": "decimal", "minimum": 0.5, "maximum": None, "unit": "h"}, "greaterThanOrEqual", "0.5"),
        ({"type": "whole", "minimum": None, "maximum": 60, "unit": "months"}, "lessThanOrEqual", "60"),
    ])
    def test_one_sided_bounds_use_the_matching_operator(self, rule, operator, formula1):
        dv = styles.make_validation(rule)
        assert (dv.operator, dv.formula1, dv.formula2) == (operator, formula1, None)
        assert rule["unit"] in dv.prompt

    def test_list_validation_and_the_limits_excel_imposes(self):
        dv = styles.make_validation({"type": "list", "choices": ["per_contact", "per_hour"]})
        assert dv.formula1 == '"per_contact,per_hour"'
        with pytest.raises(ValueError, match="commas"):
            styles.make_validation({"type": "list", "choices": ["a,b", "c"]})
        with pytest.raises(ValueError, match="255"):
            styles.make_validation({"type": "list", "choices": [f"choice_{i:03d}" for i in range(40)]})
        long_unit = styles.make_validation({"type": "decimal", "minimum": 0, "maximum": 1, "unit": "u" * 400})
        assert len(long_unit.prompt) <= 255 and len(long_unit.error) <= 255

    def test_protection_locks_cells_but_allows_formatting_columns_rows_and_selecting(self):
        ws = openpyxl.Workbook().active
        styles.protect(ws)
        p = ws.protection
        assert p.sheet and not p.password
        assert (p.formatColumns, p.formatRows, p.selectLockedCells, p.selectUnlockedCells) == (False,) * 4
        assert p.formatCells and p.insertRows and p.deleteRows  # still protected

    def test_print_setup_one_landscape_a4_page(self):
        ws = openpyxl.Workbook().active
        styles.set_print_landscape_one_page(ws, "A1:H40")
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_area == "'Sheet'!$A$1:$H$40"

    def test_check_cells_green_for_1_red_for_0_and_errors(self):
        ws = openpyxl.Workbook().active
        styles.check_format(ws, "B4:B9")
        (rules,) = [r.rules for r in ws.conditional_formatting]
        green, red = rules
        assert green.operator == "equal" and green.formula == ["1"]
        assert green.dxf.fill.fgColor.rgb == "FFC6EFCE"
        assert red.formula == ['IFERROR(AND(B4<>"",B4<>1),TRUE)'] and red.dxf.fill.fgColor.rgb == "FFFFC7CE"


# ---------------------------------------------------------------- LibreOffice

def test_missing_soffice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("XLMODEL_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert libreoffice.find_soffice() is None
    book = tmp_path / "book.xlsx"
    save_deterministic(small_workbook(), book)
    with pytest.raises(LibreOfficeError, match="LibreOffice is not installed.*libreoffice-calc-nogui"):
        recalculate(book, tmp_path / "out")


def write_with_cached_value(path: Path, formula: str, cached: str):
    """An xlsx whose A3 holds ``formula`` with a deliberately wrong cached ``cached`` value."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"] = 2, 3, formula
    data = workbook_bytes(wb)
    src = zipfile.ZipFile(__import__("io").BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                old = f"<f>{formula.lstrip('=')}</f><v />".encode()
                assert old in part, part
                part = part.replace(old, f"<f>{formula.lstrip('=')}</f><v>{cached}</v>".encode())
            dst.writestr(info, part)


FORMULAS = {
    "A1": ('=SUMIF(Data!A1:A4,"north",Data!B1:B4)', 15),
    "A2": ('=SUMIF(Data!B1:B4,">=7.5")', 37.5),
    "A3": ('=INDEX(Data!B1:B4,MATCH("east",Data!A1:A4,0))', 7.5),
    "A4": ('=IFERROR(INDEX(Data!B1:B4,MATCH("west",Data!A1:A4,0)),-1)', -1),
    "A5": ("=MAX(Data!B1:B4)", 20),
    "A6": ("=ROUND(2.5,0)+ROUND(-2.5,0)+ROUND(1/3,4)", 0.3333),  # half away from zero
    "A7": ("=SUMPRODUCT(Data!B1:B4,Data!C1:C4)", 1750),
    "A8": ("=NPV(0.1,Data!C2:C4)+Data!C1", -21.036814425244),  # t=0 flow outside NPV
    "A9": ("=IRR(Data!C1:C4)", 0.088963394693),
    "A10": ("=IFERROR(1/0,0)", 0),
    "A11": ("=NA()", "#N/A"),
}
"""The formulas the workbook uses, on a small Data sheet, with the values Excel gives."""


def formulas_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for r, (region, volume, cash) in enumerate(
            [("north", 10, -1000), ("south", 20, 300), ("north", 5, 400), ("east", 7.5, 500)], start=1):
        ws.cell(r, 1, region), ws.cell(r, 2, volume), ws.cell(r, 3, cash)
    other = wb.create_sheet("Out")
    for cell, (formula, _) in FORMULAS.items():
        other[cell] = formula
    save_deterministic(wb, path)
    return path


@pytest.fixture(scope="class")
def recalculated(soffice, tmp_path_factory):
    """Two workbooks recalculated in one start of LibreOffice, its profile made in a scratch
    folder: (folder, scratch, the copies' paths)."""
    folder = tmp_path_factory.mktemp("recalc")
    scratch = folder / "scratch"
    scratch.mkdir()
    cached = folder / "cached.xlsx"
    write_with_cached_value(cached, "=A1*A2", "99")
    assert openpyxl.load_workbook(cached, data_only=True).active["A3"].value == 99  # the trap
    books = [cached, formulas_workbook(folder / "formulas.xlsx")]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tempfile, "tempdir", str(scratch))  # where the profile is created
        copies = recalculate(books, folder / "out")
    return folder, scratch, copies


def value_kinds_workbook(path: Path) -> Path:
    """Every kind of value a recalculated cell may hold, in two sheets, with empty rows and columns
    between them: texts that look like numbers, booleans, formulas or dates; percentages; dates;
    booleans; errors; an empty text; numbers large, small and negative."""
    import datetime
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kinds"
    ws["A1"] = 'a text, with a comma, "quotes"\nand a second line'
    ws["B1"], ws["C1"] = 0.45, "=B1*2/3"
    ws["B1"].number_format, ws["C1"].number_format = "0%", "0.00%"
    ws["D3"] = datetime.datetime(2027, 1, 1)
    ws["E3"] = "=DATE(2031,5,1)"
    ws["E3"].number_format = "mmm yyyy"
    ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "=1/0", "=NA()", "=SQRT(-1)", '=VALUE("x")'
    ws["E5"], ws["F5"], ws["G5"] = "=1>0", "=AND(1>0,1<0)", '=IF(1>0,"","x")'
    for cell, text in (("H6", "10%"), ("I6", "=1+1"), ("J6", "TRUE"), ("K6", "12"), ("L6", "01/02/2027"),
                       ("M6", "#N/A"), ("N6", " padded ")):
        ws[cell] = text
        ws[cell].data_type, ws[cell].quotePrefix = "s", True
    ws["K8"], ws["L8"], ws["M8"], ws["N8"], ws["O8"] = 1234567.891234567, -3, 1e-7, 1.5e19, "=2^0.5"
    ws["P8"] = "=ROUND(-2.5,0)"
    other = wb.create_sheet("Tableau de bord")
    other["C4"], other["D4"] = "=Kinds!B1", '="total: "&TEXT(Kinds!K8,"0.00")'
    save_deterministic(wb, path)
    return path


@pytest.mark.libreoffice
def test_recalculated_values_are_the_xlsx_copys_values_as_openpyxl_reads_them(soffice, tmp_path):
    """LibreOffice's CSV export read back (the parity tests' reader, half LibreOffice's time) gives
    every cell the value, and the type, that its xlsx copy read with openpyxl data_only=True gives."""
    from xlmodel.workbook.libreoffice import recalculated_values
    books = [value_kinds_workbook(tmp_path / "kinds.xlsx"), formulas_workbook(tmp_path / "formulas.xlsx")]
    copies = recalculate(books, tmp_path / "xlsx")
    values = recalculated_values(books, tmp_path / "csv")
    compared = 0
    for copy, wb in zip(copies, values):
        expected = openpyxl.load_workbook(copy, data_only=True)
        assert wb.sheetnames == expected.sheetnames
        for ws in expected.worksheets:
            want = {key: c.value for key, c in ws._cells.items() if c.value is not None}
            got = {key: c.value for key, c in wb[ws.title]._cells.items()}
            assert got.keys() == want.keys(), (ws.title, sorted(set(got) ^ set(want)))
            for key, value in want.items():
                if isinstance(got[key], str) and got[key].startswith("#Err:"):  # LibreOffice's own error code
                    assert value in ("#VALUE!", "#NUM!", "#NAME?", "#REF!", "#NULL!", "#N/A"), (ws.title, key, value)
                    continue
                assert type(got[key]) is type(value), (ws.title, key, got[key], value)
                assert got[key] == (pytest.approx(value, rel=1e-15) if isinstance(value, float) else value), \
                    (ws.title, key)
                compared += 1
    assert compared >= 40


@pytest.mark.libreoffice
class TestLibreOffice:
    def test_several_workbooks_recalculate_in_one_start_each_to_its_copy(self, recalculated):
        folder, _, copies = recalculated
        assert copies == [(folder / "out" / "cached.xlsx").resolve(), (folder / "out" / "formulas.xlsx").resolve()]

    def test_a_wrong_cached_value_is_recalculated(self, recalculated):
        _, _, (cached, _) = recalculated
        assert read_values(cached)["Sheet"]["A3"] == 6

    def test_the_formulas_the_workbook_uses_give_the_expected_numbers(self, recalculated):
        _, _, (_, formulas) = recalculated
        values = read_values(formulas)["Out"]
        for cell, (formula, expected) in FORMULAS.items():
            if isinstance(expected, str):
                assert values[cell] == expected, formula
            else:
                assert values[cell] == pytest.approx(expected, rel=1e-9, abs=1e-9), formula

    def test_the_profile_is_thrown_away(self, recalculated):
        folder, scratch, _ = recalculated
        assert list(scratch.iterdir()) == []
        assert sorted(p.name for p in folder.iterdir()) == ["cached.xlsx", "formulas.xlsx", "out", "scratch"]

    def test_two_workbooks_of_one_name_are_refused_before_any_work(self, soffice, tmp_path):
        for sub in ("a", "b"):
            (tmp_path / sub).mkdir()
            save_deterministic(small_workbook(), tmp_path / sub / "book.xlsx")
        with pytest.raises(LibreOfficeError, match="two workbooks named book"):
            recalculate([tmp_path / "a" / "book.xlsx", tmp_path / "b" / "book.xlsx"], tmp_path / "out")
        assert not (tmp_path / "out").exists()

    def test_output_folder_must_differ_and_a_failed_load_is_an_error(self, soffice, tmp_path):
        book = tmp_path / "book.xlsx"
        save_deterministic(small_workbook(), book)
        with pytest.raises(LibreOfficeError, match="output folder other than"):
            recalculate(book, tmp_path)
        bad = tmp_path / "bad" / "book.xlsx"
        bad.parent.mkdir()
        bad.write_bytes(b"PK\x03\x04 not really a zip")
        out = tmp_path / "out"
        out.mkdir()
        (out / "book.xlsx").write_bytes(b"stale copy of an earlier run")
        # LibreOffice exits 0 when it cannot load a file: the stale copy must not pass for output.
        with pytest.raises(LibreOfficeError, match="could not convert"):
            recalculate(bad, out)

    def test_render_gives_png_pages_and_can_print_a_subset_of_sheets(self, soffice, tmp_path):
        if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
            pytest.skip("poppler-utils (pdftoppm, pdftotext) is not installed")
        wb = openpyxl.Workbook()
        first = wb.active
        first.title = "Dashboard"
        first["A1"] = "Dashboard page"
        for r in range(2, 7):
            first[f"A{r}"], first[f"B{r}"] = f"line {r}", r * 100
        chart = BarChart()
        chart.add_data(Reference(first, min_col=2, min_row=2, max_row=6))
        first.add_chart(chart, "D2")
        styles.set_print_landscape_one_page(first, "A1:L20")
        second = wb.create_sheet("Compare")
        second["A1"] = "Compare page"
        second["A2"] = "=SUM(Dashboard!B2:B6)"
        book = tmp_path / "book.xlsx"
        save_deterministic(wb, book)

        pdf, *pages = render(book, tmp_path / "all")
        assert pdf.suffix == ".pdf" and len(pages) == 2
        sizes = []
        for page in pages:
            data = page.read_bytes()
            assert data[:8] == PNG_SIGNATURE
            sizes.append((int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")))
        # A4 at 110 dpi is about 1287 x 910 pixels: landscape where the print setup says so only.
        assert sizes == [(1287, 910), (910, 1287)]
        assert pages[0].stat().st_size > 10_000  # text and a chart, not a blank page

        pdf, *pages = render(book, tmp_path / "subset", sheets=["Compare"])
        assert len(pages) == 1
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Compare page" in text and "Dashboard page" not in text
        assert "2000" in text  # recalculated before printing
        with pytest.raises(ValueError, match="no sheet named Missing"):
            render(book, tmp_path / "x", sheets=["Missing"])

    def test_render_png_drops_the_pages_of_an_earlier_longer_render(self, soffice, tmp_path):
        if shutil.which("pdftoppm") is None:
            pytest.skip("poppler-utils (pdftoppm) is not installed")
        book = tmp_path / "book.xlsx"
        wb = small_workbook()
        wb.create_sheet("Second")["A1"] = "second"
        save_deterministic(wb, book)
        pdf = libreoffice.render_pdf(book, tmp_path / "out")
        assert len(render_png(pdf, tmp_path / "out")) == 2
        assert [p.name for p in render_png(pdf, tmp_path / "out", first_page=2, last_page=2)] == ["book-2.png"]


# -- one writer at a time, and backups nobody can hijack (issue 13, holes 2, 5, 13, 14) --------------

ROOT_DIR = Path(__file__).resolve().parent.parent

# A writer as import-quotes is one: read the book, change it, replace it, all under the book's lock.
_APPEND = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from xlmodel.workbook.files import book_lock, write_atomic
    book, name = Path(sys.argv[1]), sys.argv[2]
    with book_lock(book):
        names = json.loads(book.read_text())
        time.sleep(0.05)  # long enough for the other writer to read the same version, were it allowed to
        write_atomic(book, json.dumps(names + [name]).encode())
    print("Wrote", book)
""")


def test_two_concurrent_writers_of_one_book_never_lose_a_write_ten_rounds(tmp_path):
    """The attack: two concurrent import-quotes both printed "Wrote book.xlsx" and one quote was gone,
    every time. Ten rounds of two real processes writing one book: both writes are there."""
    book = tmp_path / "book.json"
    for round_ in range(10):
        book.write_text("[]")
        procs = [subprocess.Popen([sys.executable, "-c", _APPEND, str(book), f"v{round_}{k}"], cwd=ROOT_DIR,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in "ab"]
        results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
        assert all(code == 0 and "Wrote" in out for out, err, code in results), results
        assert sorted(__import__("json").loads(book.read_text())) == [f"v{round_}a", f"v{round_}b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.json"]  # no lock file left behind


def test_a_writer_held_too_long_is_refused_in_one_line(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"old")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        from xlmodel.workbook.files import book_lock
        with book_lock(sys.argv[1]):
            print("held", flush=True)
            time.sleep(30)
    """), str(book)], cwd=ROOT_DIR, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(files.BookBusyError, match=r"being written by another xlmodel command.*nothing was written"):
            with files.book_lock(book, timeout=0.2):
                pass
        assert book.read_bytes() == b"old"
    finally:
        holder.kill()
        holder.wait()
    with files.book_lock(book, timeout=5):  # the lock died with its holder
        pass


def test_two_backups_in_one_second_are_both_kept(tmp_path):
    book = tmp_path / "book.xlsx"
    now = __import__("datetime").datetime(2026, 11, 23, 9, 30, 0)
    book.write_bytes(b"first")
    first = files.keep_backup(book, now)
    book.write_bytes(b"second")
    second = files.keep_backup(book, now)
    assert (first.name, second.name) == ("book.2026-11-23T093000.xlsx", "book.2026-11-23T093000-2.xlsx")
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


def test_a_symlink_planted_at_every_backup_name_of_the_next_seconds_is_never_followed(tmp_path):
    """The attack: backups at predictable names followed a planted link (shutil.copy2 onto it) and
    overwrote a file elsewhere, from build and from import-quotes."""
    from datetime import datetime, timedelta
    from xlmodel.case import example_case
    from xlmodel.workbook.build import build_file
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    book = tmp_path / "book.xlsx"
    book.write_bytes(SMALL_BOOK_BYTES())
    start = datetime.now()
    planted = []
    for s in range(-2, 90):
        stamp = (start + timedelta(seconds=s)).strftime("%Y-%m-%dT%H%M%S")
        for suffix in ("", "-2"):
            link = tmp_path / f"book.{stamp}{suffix}.xlsx"
            if not link.exists():
                link.symlink_to(victim)
                planted.append(link)
    report = build_file(example_case(), book, backup=True, parallel=False, force=True)
    assert victim.read_text() == "precious"
    assert report.backup is not None and not report.backup.is_symlink() and report.backup.read_bytes() == SMALL_BOOK_BYTES()
    assert all(link.is_symlink() for link in planted)


def SMALL_BOOK_BYTES() -> bytes:  # noqa: N802 - a constant, computed once
    global _SMALL
    if "_SMALL" not in globals():
        import io
        buf = io.BytesIO()
        small_workbook(1.0).save(buf)
        _SMALL = buf.getvalue()
    return _SMALL


def test_a_full_disk_never_leaves_a_truncated_backup_under_a_backup_name(tmp_path, monkeypatch):
    """The attack: on a full disk the copy stopped midway and a truncated file kept the backup's name."""
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"x" * 100_000)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(files.WriteError, match="No space left on device.*nothing was replaced"):
        files.keep_backup(book)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]
    assert book.read_bytes() == b"x" * 100_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc (Linux)")
def test_a_sigkilled_build_takes_its_break_even_worker_with_it(tmp_path):
    """The attack: SIGKILL on a build left its forked worker blocked on a pipe forever (88 MB each)."""
    import signal
    build = subprocess.Popen([sys.executable, "cli.py", "build", "-o", str(tmp_path / "book.xlsx")], cwd=ROOT_DIR,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = Path(f"/proc/{build.pid}/task/{build.pid}/children")
    worker = None
    deadline = time.monotonic() + 60
    while worker is None and time.monotonic() < deadline and build.poll() is None:
        found = children.read_text().split() if children.exists() else []
        worker = int(found[0]) if found else None
        time.sleep(0.01)
    assert worker is not None, "the build forked no worker"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and Path(f"/proc/{worker}").exists() and \
                "Z" not in Path(f"/proc/{worker}/stat").read_text().split(")")[-1].split()[:1]:
            time.sleep(0.05)
        state = Path(f"/proc/{worker}/stat").read_text().split(")")[-1].split()[0] if Path(f"/proc/{worker}").exists() else "gone"
        assert state in ("gone", "Z"), f"worker {worker} still alive, state {state}"
    finally:
        try:
            os.kill(worker, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_the_text_a_formula_shows_reads_each_repeated_cell_as_often_as_it_appears():
    """Text fitting reads the words a formula may show: the longest of its quoted words and of the
    texts of the cells it refers to, or all of them joined (quoted words first) when it joins them
    with ``&``. Each cell a
    formula repeats (the Staffing sizing formulas name a few cells 173 times) is looked at once, and
    the answer is the one of reading every occurrence."""
    from xlmodel.workbook.printing import ShownText
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calc"
    short, long = "Salaries", "Seats and IT equipment"
    ws["A1"], ws["A2"] = short, long
    ws["B1"] = '=IF(A1="","none",IF(' + "+".join(["LEN(A1)"] * 200) + '>0,A2,A1))'
    ws["B2"] = '=A1&" / "&A1&" / "&A2'
    ws["B3"] = '=IF(B2="","-",Calc!$B$2)'
    ws["B4"] = "=A1"
    shown = ShownText(wb)
    assert shown(ws, ws["B1"]) == max(["", "none", "", short, long], key=len) == long
    joined = "".join([" / ", " / ", short, short, long])  # its quoted words, then its cells, in order
    assert shown(ws, ws["B2"]) == joined
    assert shown(ws, ws["B3"]) == max(["", "-", joined, joined], key=len) == joined  # one formula further
    assert shown(ws, ws["B4"]) == short
