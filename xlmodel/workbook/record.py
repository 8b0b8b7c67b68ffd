"""The record of what the build wrote where a user can type, kept in the workbook for its next rebuild.

A rebuild refuses to drop what the user added to the input sheets (:mod:`xlmodel.workbook.additions`),
so it must tell the program's labels, notes and units from text typed by hand. Comparing them with
the new workbook's texts fails as soon as a new version of the program words a label differently:
the old label appears nowhere in the new book and was taken for the user's. So the build records,
for each value it writes on an input sheet outside the input cells, a fingerprint of that value,
keyed by tab and cell; at the rebuild a value the record has on its tab is the program's, whatever
the new version writes, and any other value is the user's, unless the new workbook writes it on
that sheet again (the rule is stated in :mod:`xlmodel.workbook.additions`).

Where it is kept: a worksheet, :data:`RECORD_SHEET`, "very hidden" (Excel lists it nowhere, not even
in Unhide) and protected. openpyxl reads and writes it like any sheet, Excel keeps it on save, and
LibreOffice keeps it with its content and protection, only as a plain hidden sheet (it knows no
"very hidden"; the next rebuild writes it very hidden again). A custom XML part, the alternative,
would be invisible everywhere but is dropped by openpyxl when it saves a loaded book.

Its layout, small and plain: ``A1`` holds :data:`HEADER`, ``B1`` the format's version; then one row
per tab recorded (more for a tab of over :data:`PER_CELL` values), its tab in ``A`` and, in ``B``,
its cells as ``C7=1f3a9b20`` separated by spaces: the cell and the first 8 hex digits of the
SHA-256 of the value's canonical text (:func:`fingerprint`). A tab with nothing recorded still
has its row, so a record says which tabs it covers. The example's record: 541 cells in 5 rows, a
part of 8.5 KB, 4.0 KB compressed, in a file of 620 KB (0.7 %).

The workbook comes from outside (:mod:`xlmodel.workbook.untrusted` has checked the file): the
record is read row by row and stops at :data:`~xlmodel.limits.MAX_RECORDED_CELLS` cells or
:data:`~xlmodel.limits.MAX_RECORD_ROWS` rows; anything not of this layout makes :func:`read_record`
return None, and the rebuild falls back on its rule for a book built before the record existed.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import date, datetime, time

from openpyxl.utils.cell import column_index_from_string

from ..limits import MAX_COLUMNS, MAX_RECORD_ROWS, MAX_RECORDED_CELLS, MAX_ROWS

RECORD_SHEET = "xlmodel.record"
"""The record's tab: a technical name in either language, like the add-in's ``xlwings.conf``."""
HEADER = "xlmodel record"
VERSION = 1
PER_CELL = 1000
"""Cells recorded in one cell of the record: 1 000 x at most 20 characters (``XFD1048576=``, 8 hex
digits, a space) stays under Excel's 32 767 characters in a cell."""
MAX_TEXT = 32_767  # Excel's limit for a cell's text: a longer one is not a record we wrote

_ENTRY = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})=([0-9a-f]{8})")


def fingerprint(value) -> str:
    """The first 8 hex digits of the SHA-256 of ``value``'s canonical text: a text with its runs of
    white space made one space and its ends trimmed (what a save may rewrite: line ends, a trailing
    space), a number to 12 significant digits (LibreOffice writes 15, openpyxl reads an int or a
    float), a truth value, a date."""
    if isinstance(value, str):
        canonical = "t:" + " ".join(value.split())
    elif isinstance(value, bool):
        canonical = f"b:{int(value)}"
    elif isinstance(value, (int, float)):
        number = float(value)
        canonical = "n:" + (format(number + 0.0, ".12g") if math.isfinite(number) else repr(number))
    elif isinstance(value, (datetime, date, time)):
        canonical = "d:" + value.isoformat()
    else:
        canonical = "o:" + str(value)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def recorded_cells(ws):
    """The cells of ``ws`` the record keeps: a value written outside the input cells (locked), not a
    formula nor an empty text (saved as an empty cell); in row then column order."""
    cells = [cell for cell in ws._cells.values()
             if cell.value is not None and cell.value != "" and cell.data_type != "f" and cell.protection.locked]
    return sorted(cells, key=lambda cell: (cell.row, cell.column))


def write_record(wb, tabs) -> None:
    """Add the record of the sheets ``tabs`` (their tabs in ``wb``, in this order) to ``wb``, as
    its last sheet, very hidden and protected."""
    from .styles import protect
    ws = wb.create_sheet(RECORD_SHEET)
    ws["A1"], ws["B1"] = HEADER, VERSION
    row = 2
    for tab in tabs:
        entries = [f"{cell.coordinate}={fingerprint(cell.value)}" for cell in recorded_cells(wb[tab])]
        for start in range(0, max(len(entries), 1), PER_CELL):
            ws.cell(row=row, column=1, value=tab)
            if entries:
                ws.cell(row=row, column=2, value=" ".join(entries[start:start + PER_CELL]))
            row += 1
    ws.sheet_state = "veryHidden"
    protect(ws)


class Record:
    """A workbook's record, read back: the fingerprint of each recorded cell, by tab."""

    def __init__(self, cells: dict[str, dict[tuple[int, int], str]]):
        self.cells = cells
        self._anywhere = {tab: set(found.values()) for tab, found in cells.items()}

    def covers(self, tab: str) -> bool:
        return tab in self.cells

    def programs(self, tab: str, row: int, column: int, value) -> bool:
        """Whether ``value``, now at (``row``, ``column``) of ``tab``, is what the program wrote:
        its fingerprint is the one recorded there, or one recorded elsewhere on the tab (the
        user inserted rows or columns above it, or moved the label; a user's text that is the
        very text of one of the program's cells on the tab is taken for it)."""
        found = fingerprint(value)
        return self.cells[tab].get((row, column)) == found or found in self._anywhere[tab]


def read_record(rows) -> Record | None:
    """The record whose rows (tuples of values, as openpyxl's ``iter_rows(values_only=True)``
    yields them) are ``rows``, or None when it is not one this module wrote: another header or
    version, a row not of the layout, more than the limits. Stops reading at the first fault."""
    rows = iter(rows)
    first = _trimmed(next(rows, None))
    if first is None or len(first) != 2 or first[0] != HEADER or first[1] != VERSION or isinstance(first[1], bool):
        return None
    cells: dict[str, dict[tuple[int, int], str]] = {}
    count = 0
    for number, row in enumerate(rows, start=2):
        values = _trimmed(row)
        if number > MAX_RECORD_ROWS + 1 or values is None or not values or len(values) > 2:
            return None
        tab, entries = values[0], values[1] if len(values) == 2 else ""
        if not isinstance(tab, str) or not tab or not isinstance(entries, str) or len(entries) > MAX_TEXT:
            return None
        found = cells.setdefault(tab, {})
        for entry in entries.split():
            match = _ENTRY.fullmatch(entry)
            count += 1
            if match is None or count > MAX_RECORDED_CELLS:
                return None
            column, line = column_index_from_string(match.group(1)), int(match.group(2))
            if column > MAX_COLUMNS or line > MAX_ROWS:
                return None
            found[(line, column)] = match.group(3)
    return Record(cells)


def _trimmed(row):
    """A row's values without its trailing empty cells (None for no row)."""
    if row is None:
        return None
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return values
