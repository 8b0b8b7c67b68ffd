"""A workbook file seen as the reader's :class:`~xlmodel.workbook.reader.BookView`, through openpyxl:
a whole workbook, or a read-only one whose sheets are parsed once each and whose tables are found
in the file's bytes (:func:`workbook_tables`)."""

from __future__ import annotations

from typing import Any


class OpenpyxlBook:
    """A :class:`BookView` over an openpyxl workbook (cached values of formulas, ``data_only``), with
    the formulas :func:`~xlmodel.workbook.untrusted.open_untrusted` found when ``opened`` is given.

    A read-only workbook (:func:`read_workbook` opens one unless told ``whole``: it parses only the
    sheets read, about 0.03 s instead of 0.5 s for the whole example workbook) has no tables: give
    them as ``tables``, ``{sheet: {table name: "A4:R7"}}`` (:func:`workbook_tables`); its sheets are
    read once each.
    """

    def __init__(self, wb, opened=None, tables: dict[str, dict[str, str]] | None = None):
        self.wb = wb
        self.opened = opened
        self._tables = tables
        self._values: dict[str, dict[tuple[int, int], Any]] = {}

    def formula(self, sheet, row, column):
        return None if self.opened is None else self.opened.formula(sheet, row, column)

    def max_row(self, sheet):
        """The last row holding a value (read-only) or a cell (a whole workbook)."""
        if self._tables is None:
            return self.wb[sheet].max_row
        self.load([sheet])
        return max((r for r, _ in self._values[sheet]), default=1)

    def sheetnames(self):
        return self.wb.sheetnames

    def name_target(self, name):
        defined = self.wb.defined_names.get(name)
        if defined is None:
            return None
        for sheet, ref in defined.destinations:
            return sheet, ref.replace("$", "")
        return None

    def table_ref(self, sheet, table):
        if self._tables is not None:
            return self._tables.get(sheet, {}).get(table)
        tables = getattr(self.wb[sheet], "tables", {})  # a chart sheet has none
        return tables[table].ref if table in tables else None

    def load(self, sheets) -> None:
        """Read the values of these sheets of a read-only workbook now (each is parsed once)."""
        for sheet in sheets:
            if sheet in self.wb.sheetnames and sheet not in self._values:
                ws = self.wb[sheet]
                ws.reset_dimensions()  # read every row, whatever size the file declares
                self._values[sheet] = {(c.row, c.column): c.value for cells in ws.iter_rows() for c in cells
                                       if c.value is not None}

    def value(self, sheet, row, column):
        if self._tables is None:
            # Looked up, never created: ws.cell() would add a cell for every empty one asked about.
            cell = self.wb[sheet]._cells.get((row, column))
            return None if cell is None else cell.value
        self.load([sheet])
        return self._values[sheet].get((row, column))


def _sheet_dependents(data: bytes, rel_type: str):
    """Each sheet of an xlsx file's bytes with its parts of one relationship type, found as openpyxl finds
    them when it loads a workbook (the sheet's relationships), without parsing the sheets' cells: yields
    ``(archive, names in the archive, sheet name, the sheet's relationship, its dependent parts)``."""
    import zipfile
    from io import BytesIO

    from openpyxl.packaging.manifest import Manifest
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.reader.excel import _find_workbook_part
    from openpyxl.reader.workbook import WorkbookParser
    from openpyxl.xml.functions import fromstring

    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = set(archive.namelist())
        part = _find_workbook_part(Manifest.from_tree(fromstring(archive.read("[Content_Types].xml"))))
        parser = WorkbookParser(archive, part.PartName[1:])
        parser.parse()
        for sheet, rel in parser.find_sheets():
            rels = get_rels_path(rel.target)
            parts = get_dependents(archive, rels).find(rel_type) if rels in names else ()
            yield archive, names, sheet.name, rel, parts


def workbook_tables(data: bytes) -> dict[str, dict[str, str]]:
    """The Excel tables of each sheet of an xlsx file's bytes, ``{sheet: {table name: ref}}``,
    found as openpyxl finds them (the sheet's relationships to its table parts)."""
    from openpyxl.worksheet.table import Table
    from openpyxl.xml.functions import fromstring

    return {name: {t.name: t.ref for t in (Table.from_tree(fromstring(archive.read(p.target))) for p in parts)}
            for archive, _, name, _, parts in _sheet_dependents(data, Table._rel_type)}


def workbook_comments(data: bytes) -> dict[str, dict[tuple[int, int], tuple[str | None, str | None]]]:
    """The comments of each worksheet of an xlsx file's bytes, ``{sheet: {(row, column): (author,
    text)}}``, found as openpyxl finds them when it loads a workbook whole (the sheet's
    relationships to its comment parts), without parsing the sheets' cells."""
    from openpyxl.comments.comment_sheet import CommentSheet
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.xml.constants import COMMENTS_NS
    from openpyxl.xml.functions import fromstring

    found = {}
    for archive, names, name, rel, parts in _sheet_dependents(data, COMMENTS_NS):
        if rel.target not in names or "chartsheet" in rel.Type:
            continue
        comments = found.setdefault(name, {})
        for p in parts:
            for ref, comment in CommentSheet.from_tree(fromstring(archive.read(p.target))).comments:
                comments[coordinate_to_tuple(ref)] = (comment.author, comment.text)
    return found
