"""Workbook macros: thin xlwings wrappers over plain-data functions in xlmodel.

- ``refresh``: recompute the Python-computed blocks (Staffing sizing) from the workbook's current
  inputs and write them back, which clears the staleness check on the Checks sheet.
- ``freeze_values``: save a copy of the workbook in which every cell calling a Python function is
  replaced by its value, for people without Python.

The logic lives in :mod:`xlmodel.workbook.refresh` and :mod:`xlmodel.workbook.reader`; this module
only reads and writes ranges.
"""

from __future__ import annotations

from pathlib import Path

import xlwings as xw


class XlwingsBook:
    """A :class:`xlmodel.workbook.reader.BookView` over a live xlwings Book."""

    def __init__(self, book):
        self.book = book

    def sheetnames(self):
        return [s.name for s in self.book.sheets]

    def name_target(self, name):
        for n in self.book.names:
            if n.name == name:
                target = n.refers_to_range
                return target.sheet.name, target.address.replace("$", "")
        return None

    def table_ref(self, sheet, table):
        tables = self.book.sheets[sheet].tables
        for t in tables:
            if t.name == table:
                return t.range.address.replace("$", "")
        return None

    def value(self, sheet, row, column):
        return self.book.sheets[sheet].range((row, column)).value


def _write(book, cells) -> int:
    for (sheet, coordinate), value in cells.items():
        book.sheets[sheet].range(coordinate).value = as_excel_value(value)
    return len(cells)


def as_excel_value(value):
    """What to assign to a live range so that text stays text: Excel reads an assigned string
    starting with = + - @ as a formula, unless it carries the quote prefix (a vendor's name is data).

    >>> print(as_excel_value("=1+1"), as_excel_value("Acme"), as_excel_value(3.5))
    '=1+1 Acme 3.5
    """
    from xlmodel.workbook.styles import FORMULA_TRIGGERS
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


@xw.script
def refresh(book: xw.Book):
    """Recompute the Staffing block from the current inputs (and clear its staleness check)."""
    from xlmodel.errors import InputError
    from xlmodel.text.problems import problem_line
    from xlmodel.workbook.reader import read_book_case
    from xlmodel.workbook.refresh import python_blocks
    from xlmodel.workbook.sheetnames import book_language
    lang = book_language(s.name for s in book.sheets)  # the tabs tell the language
    try:
        case = read_book_case(XlwingsBook(book), book.name)
    except InputError as exc:  # each problem in the book's language
        _status(book, "refresh: " + "; ".join(problem_line(p, lang) for p in exc.problems[:5]))
        return
    written = _write(book, python_blocks(case, lang))
    _status(book, f"refresh: {written} cells recomputed")


@xw.script
def freeze_values(book: xw.Book):
    """Save ``NAME (values).xlsx`` beside the workbook: Python-function cells become values."""
    from udfs import UDF_NAMES
    from xlmodel.workbook.refresh import freeze_plan
    cells = []
    for sheet in book.sheets:
        used = sheet.used_range
        formulas, values = used.formula, used.value
        if not isinstance(formulas, (list, tuple)):
            formulas, values = [[formulas]], [[values]]
        elif formulas and not isinstance(formulas[0], (list, tuple)):
            formulas, values = [formulas], [values]
        for i, row in enumerate(formulas):
            for j, formula in enumerate(row):
                cell = used[i, j]
                cells.append((sheet.name, cell.address.replace("$", ""), formula, values[i][j]))
    plan = freeze_plan(cells, set(UDF_NAMES))
    target = Path(book.fullname).with_name(Path(book.fullname).stem + " (values).xlsx")
    book.save(str(target))
    frozen = xw.Book(str(target))
    _write(frozen, plan)
    frozen.save()
    _status(book, f"freeze_values: {len(plan)} cells frozen in {target.name}")


def _status(book, message: str):
    try:
        book.app.status_bar = message
    except Exception:  # noqa: BLE001 - the status bar is a courtesy, not a requirement
        pass


@xw.sub
def refresh_active():
    """For the classic add-in (RunPython): refresh the calling workbook."""
    refresh(xw.Book.caller())


@xw.sub
def freeze_values_active():
    """For the classic add-in (RunPython): freeze the calling workbook."""
    freeze_values(xw.Book.caller())
