"""The suite's own shared fixtures (tests/conftest.py) give what they stand for: a workbook loaded
once per run (``loaded_book``) is, copy by copy, the workbook ``openpyxl.load_workbook`` returns."""

from __future__ import annotations

import re
import zipfile
from copy import copy

from openpyxl import load_workbook

from xlmodel.workbook.sheetnames import sheet


def _normalised(part: bytes) -> bytes:
    """A saved part as two saves of one workbook may differ: a cell's style index (openpyxl may list
    a style twice in a fresh load's styles.xml; the styles are compared cell by cell), and the order
    of merged ranges and of a validation's ranges (openpyxl keeps them in sets)."""
    part = re.sub(rb' s="\d+"', b"", part)
    part = re.sub(rb"(<mergeCells[^>]*>)(.*?)(</mergeCells>)",
                  lambda m: m[1] + b"".join(sorted(re.findall(rb"<mergeCell [^>]*/>", m[2]))) + m[3], part)
    return re.sub(rb'sqref="([^"]*)"', lambda m: b'sqref="' + b" ".join(sorted(m[1].split())) + b'"', part)


def _cells(wb):
    """Every cell of every sheet: its value, type and style, as openpyxl gives them."""
    return {(ws.title, key): (c.value, c.data_type, copy(c.font), copy(c.fill), copy(c.border), c.number_format,
                              copy(c.protection), copy(c.alignment), c.quotePrefix,
                              c.comment.text if c.comment else None)
            for ws in wb.worksheets for key, c in ws._cells.items()}


def test_a_loaded_copy_is_the_workbook_openpyxl_loads_and_saves_the_same_parts(built_book, loaded_book, tmp_path):
    path = built_book("hybrid_overflow_one_year").path
    fresh, copied = load_workbook(path), loaded_book(path)
    assert copied.sheetnames == fresh.sheetnames
    assert _cells(copied) == _cells(fresh)
    assert dict(copied.defined_names.items()).keys() == dict(fresh.defined_names.items()).keys()
    for a, b in zip(copied.worksheets, fresh.worksheets):
        assert {n: t.ref for n, t in dict.items(a.tables)} == {n: t.ref for n, t in dict.items(b.tables)}
        assert [str(v.sqref) for v in a.data_validations.dataValidation] == \
            [str(v.sqref) for v in b.data_validations.dataValidation]
    assert sum(len(ws.tables) for ws in fresh.worksheets) > 0  # pickle would lose tables if unhandled
    fresh.save(tmp_path / "fresh.xlsx")
    copied.save(tmp_path / "copied.xlsx")
    with zipfile.ZipFile(tmp_path / "fresh.xlsx") as f, zipfile.ZipFile(tmp_path / "copied.xlsx") as c:
        assert f.namelist() == c.namelist()
        for name in f.namelist():
            if name not in ("docProps/core.xml", "xl/styles.xml"):  # the time of the save; see _normalised
                assert _normalised(f.read(name)) == _normalised(c.read(name)), name
    # The saved copy's styles, read back (values only: the formulas are the parts compared above).
    assert _cells(load_workbook(tmp_path / "copied.xlsx", data_only=True)) == \
        _cells(load_workbook(tmp_path / "fresh.xlsx", data_only=True))


def test_each_loaded_copy_is_the_tests_own(built_book, loaded_book):
    path = built_book("hybrid_overflow_one_year").path
    first, second = loaded_book(path), loaded_book(path)
    sheet(first, "Inputs")["A1"] = "changed here"
    assert sheet(second, "Inputs")["A1"].value != "changed here"
    assert sheet(loaded_book(path), "Inputs")["A1"].value == sheet(second, "Inputs")["A1"].value
