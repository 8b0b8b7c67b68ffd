"""Reading a case back from a workbook built by xlmodel: its Inputs, Vendors and Hybrid sheets.

Single inputs are found by their defined names (``inhouse_gross_salary``), channels and vendor
quotes by their Excel tables (``Channels``, ``VendorQuotes``, ``HybridChannels``) whose header labels
are matched in English or French, so a user may reorder columns or add quote rows.  The values go
through the same validation as a case file; every problem is reported with its cell
(``Vendors!D6: must be > 0 ...``) and nothing is half-read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from openpyxl.utils.cell import get_column_letter, range_boundaries

from ..case import Case, case_from_mapping
from ..errors import InputError, Problem
from ..schema import ANALYTICS_SECTIONS, CHANNEL, LANGUAGES, SCALAR_SECTIONS, VENDOR
from ..text import words
from .untrusted import open_untrusted, unreadable

_SCALAR_SHEET_SECTIONS = SCALAR_SECTIONS + ANALYTICS_SECTIONS
_INPUT_SHEETS = ("Inputs", "Vendors", "Hybrid")


def _labels(section) -> dict[str, str]:
    found = {}
    for f in section.fields:
        found[f.label_en.strip().lower()] = f.name
        found[f.label_fr.strip().lower()] = f.name
    return found


class BookView(Protocol):
    """What the reader needs of a workbook: a file read by openpyxl, or a live book through xlwings."""

    def sheetnames(self) -> list[str]: ...
    def name_target(self, name: str) -> tuple[str, str] | None: ...  # ("Inputs", "B7") or ("Inputs", "B20:B31")
    def table_ref(self, sheet: str, table: str) -> str | None: ...  # "A4:R7"
    def value(self, sheet: str, row: int, column: int) -> Any: ...


class OpenpyxlBook:
    """A :class:`BookView` over an openpyxl workbook (cached values of formulas, ``data_only``).

    A read-only workbook (:func:`read_workbook_case` opens one: it parses only the sheets read, about
    0.03 s instead of 0.5 s for the whole example workbook) has no tables: give them as ``tables``,
    ``{sheet: {table name: "A4:R7"}}`` (:func:`workbook_tables`); its sheets are read once each.
    """

    def __init__(self, wb, tables: dict[str, dict[str, str]] | None = None):
        self.wb = wb
        self._tables = tables
        self._values: dict[str, dict[tuple[int, int], Any]] = {}

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
        tables = self.wb[sheet].tables
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
            return self.wb[sheet].cell(row=row, column=column).value
        self.load([sheet])
        return self._values[sheet].get((row, column))


def workbook_tables(data: bytes) -> dict[str, dict[str, str]]:
    """The Excel tables of each sheet of an xlsx file's bytes, ``{sheet: {table name: ref}}``,
    found as openpyxl finds them (the sheet's relationships to its table parts)."""
    import zipfile
    from io import BytesIO

    from openpyxl.packaging.manifest import Manifest
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.reader.excel import _find_workbook_part
    from openpyxl.reader.workbook import WorkbookParser
    from openpyxl.worksheet.table import Table
    from openpyxl.xml.functions import fromstring

    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = set(archive.namelist())
        part = _find_workbook_part(Manifest.from_tree(fromstring(archive.read("[Content_Types].xml"))))
        parser = WorkbookParser(archive, part.PartName[1:])
        parser.parse()
        found = {}
        for sheet, rel in parser.find_sheets():
            rels = get_rels_path(rel.target)
            parts = get_dependents(archive, rels).find(Table._rel_type) if rels in names else ()
            found[sheet.name] = {t.name: t.ref for t in (Table.from_tree(fromstring(archive.read(p.target)))
                                                         for p in parts)}
    return found


def _table_rows(book: BookView, sheet: str, table_name: str, where: str):
    """(header labels, list of (row number, {column letter: value})) of a table, plus rows typed below it."""
    ref = book.table_ref(sheet, table_name)
    if ref is None:
        raise InputError(Problem(f"{sheet}!", f"table {table_name!r} not found: is this a workbook built by "
                                              f"xlmodel? ({where})"))
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    cell = lambda r, c: book.value(sheet, r, c)  # noqa: E731
    headers = {get_column_letter(c): cell(min_row, c) for c in range(min_col, max_col + 1)}
    rows = []
    r = min_row + 1
    # Rows typed just below the table (Excel did not extend it) count too, until an empty name.
    while r <= max_row or (cell(r, min_col) not in (None, "")):
        values = {get_column_letter(c): cell(r, c) for c in range(min_col, max_col + 1)}
        if any(v not in (None, "") for v in values.values()):
            rows.append((r, values))
        elif r > max_row:
            break
        r += 1
        if r > max_row + 1000:
            break
    return headers, rows


def read_workbook_case(path: str | Path) -> Case:
    """Read and validate the inputs of a workbook built by :func:`xlmodel.workbook.build_workbook`."""
    path = Path(path)
    opened = open_untrusted(path, read_only=True)  # refuses what is not a safe xlsx, naming the file
    try:
        try:  # a read-only workbook parses its sheets (and we its tables) only now
            book = OpenpyxlBook(opened.wb, workbook_tables(opened.data))
            book.load(_INPUT_SHEETS)
        except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on is the file's fault
            raise unreadable(path, exc) from None
        return read_book_case(book, str(path))
    finally:
        opened.wb.close()


def read_book_case(book: BookView, origin: str = "workbook") -> Case:
    """Read and validate the inputs of a workbook seen through a :class:`BookView`."""
    for sheet in _INPUT_SHEETS:
        if sheet not in book.sheetnames():
            raise InputError(Problem(origin, f"has no {sheet!r} sheet: is it a workbook built by xlmodel?"))
    data: dict[str, Any] = {}
    where: dict[str, str] = {}  # case-file location -> the cell it was read from
    problems: list[Problem] = []
    _read_single_inputs(book, data, where, problems)
    channels = _read_channels(book, where)
    data["demand"]["channels"] = channels
    data["vendors"], data["hybrid"]["vendors"] = _read_vendors(book, where)
    where["[hybrid] .vendors"] = "Vendors!"
    data["hybrid"]["channels"] = _read_hybrid_channels(book, channels)
    where["[hybrid] .channels"] = "Hybrid!"
    if problems:
        raise InputError(problems)
    try:
        return case_from_mapping(data)
    except InputError as exc:
        raise InputError([_locate(p, where) for p in exc.problems]) from None


def _read_single_inputs(book: BookView, data: dict, where: dict[str, str], problems: list[Problem]):
    """Every single input, found by its defined name, and the seasonality weights."""
    for section in _SCALAR_SHEET_SECTIONS:
        table = data.setdefault(section.name, {})
        for f in section.fields:
            found = book.name_target(f"{section.name}_{f.name}")
            location = f"[{section.name}] .{f.name}"
            if found is None:
                problems.append(Problem(location, f"defined name {section.name}_{f.name} not found in the workbook"))
                continue
            sheet, ref = found
            where[location] = f"{sheet}!{ref}"
            col_min, row_min, _, _ = range_boundaries(ref)
            value = book.value(sheet, row_min, col_min)
            if value not in (None, ""):
                table[f.name] = value
    found = book.name_target("demand_seasonality")
    if found:
        sheet, ref = found
        col_min, row_min, _, row_max = range_boundaries(ref)
        data["demand"]["seasonality"] = [book.value(sheet, r, col_min) for r in range(row_min, row_max + 1)]
        where["[demand] .seasonality"] = f"{sheet}!{ref}"


def _read_channels(book: BookView, where: dict[str, str]) -> list[dict]:
    """The Channels table, one mapping per channel, columns found by their header in either language."""
    channel_labels = _labels(CHANNEL)
    headers, rows = _table_rows(book, "Inputs", "Channels", "channels")
    channels = []
    for i, (r, values) in enumerate(rows, start=1):
        item = {}
        for letter, header in headers.items():
            name = channel_labels.get(str(header or "").strip().lower())
            if name is None:
                continue
            where[f"[[demand.channels]] {i} .{name}"] = f"Inputs!{letter}{r}"
            if values[letter] not in (None, ""):
                item[name] = values[letter]
        channels.append(item)
    return channels


def _read_vendors(book: BookView, where: dict[str, str]) -> tuple[list[dict], list[str]]:
    """The vendor quotes table, one mapping per quote, and the names of the vendors marked for a
    hybrid scenario."""
    vendor_labels = _labels(VENDOR)
    hybrid_headers = {words(lang)["hybrid_scenario"].lower() for lang in LANGUAGES}
    headers, rows = _table_rows(book, "Vendors", "VendorQuotes", "vendor quotes")
    vendors, hybrid_vendors = [], []
    for i, (r, values) in enumerate(rows, start=1):
        item = {}
        for letter, header in headers.items():
            label = str(header or "").strip().lower()
            if label in hybrid_headers:
                where[f"[hybrid] .vendors {i}"] = f"Vendors!{letter}{r}"
                if str(values[letter] or "").strip().lower() in ("yes", "oui") and values.get("A"):
                    hybrid_vendors.append(str(item.get("name") or values["A"]).strip())
                continue
            name = vendor_labels.get(label)
            if name is None:
                continue
            where[f"[[vendors]] {i} .{name}"] = f"Vendors!{letter}{r}"
            if values[letter] not in (None, ""):
                item[name] = values[letter]
        vendors.append(item)
    return vendors, hybrid_vendors


def _read_hybrid_channels(book: BookView, channels: list[dict]) -> list[str]:
    """The names of the channels marked for the vendor in the channel mode."""
    headers, rows = _table_rows(book, "Hybrid", "HybridChannels", "hybrid channels")
    letters = list(headers)
    hybrid_channels = []
    for r, values in rows:
        if str(values[letters[1]] or "").strip().lower() in ("yes", "oui"):
            hybrid_channels.append(values[letters[0]])
    # The name column is a formula showing the channel name: read names from the channel table
    # when the cached value is absent (a workbook never opened in a spreadsheet).
    if any(name is None for name in hybrid_channels) or (rows and values[letters[0]] is None):
        hybrid_channels = [channels[k].get("name") for k, (r, values) in enumerate(rows)
                           if k < len(channels) and str(values[letters[1]] or "").strip().lower() in ("yes", "oui")]
    return [n for n in hybrid_channels if n]


def _locate(problem: Problem, where: dict[str, str]) -> Problem:
    """Replace a case-file location by the cell it came from."""
    cell = where.get(problem.location)
    if cell is None:
        # A table-level location such as "[[vendors]] 3": keep the sheet at least.
        for location, target in where.items():
            if problem.location and location.startswith(problem.location):
                cell = target.split("!")[0] + "!"
                break
    return Problem(cell or problem.location, problem.message)


def _rows(name: str, value) -> list[list]:
    if not isinstance(value, (list, tuple)) or not value:
        raise InputError(Problem(name, "expected a range of cells"))
    if not isinstance(value[0], (list, tuple)):
        value = [value]
    return [list(row) for row in value]


def _table_from(name: str, value, labels: dict[str, str]) -> list[dict]:
    """Records of a table range whose first row holds the field labels (English or French)."""
    rows = _rows(name, value)
    header = [labels.get(str(h or "").strip().lower()) for h in rows[0]]
    if not any(header):
        raise InputError(Problem(name, "its first row must be the table's header (field labels)"))
    records = []
    for row in rows[1:]:
        if all(v in (None, "") for v in row):
            continue
        records.append({field: v for field, v in zip(header, row) if field and v not in (None, "")})
    return records


def case_from_ranges(inputs, channels, vendors, hybrid, hybrid_channels) -> Case:
    """A case from the ranges of an xlmodel workbook as an Excel function receives them.

    ``inputs`` and ``hybrid`` are label/value columns (Inputs!A:B, Hybrid!A:B); ``channels``,
    ``vendors`` and ``hybrid_channels`` are the tables with their header rows. Labels may be
    English or French.
    """
    data: dict[str, Any] = {}
    pairs = {}
    for row in _rows("inputs", inputs) + _rows("hybrid", hybrid):
        if len(row) >= 2 and isinstance(row[0], str):
            pairs.setdefault(row[0].strip().lower(), row[1])
    for section in _SCALAR_SHEET_SECTIONS:
        table = data.setdefault(section.name, {})
        for f in section.fields:
            for label in (f.label_en, f.label_fr):
                value = pairs.get(label.strip().lower())
                if value not in (None, ""):
                    table[f.name] = value
                    break
    weights = []
    for lang in LANGUAGES:
        for month in words(lang)["months"]:
            key = f"{words(lang)['seasonality']}: {month}".lower()
            if key in pairs:
                weights.append(pairs[key])
    if weights:
        data["demand"]["seasonality"] = weights
    data["demand"]["channels"] = _table_from("channels", channels, _labels(CHANNEL))
    vendor_labels = _labels(VENDOR)
    for lang in LANGUAGES:
        vendor_labels[words(lang)["hybrid_scenario"].lower()] = "__hybrid__"
    records = _table_from("vendors", vendors, vendor_labels)
    data["hybrid"]["vendors"] = [r.get("name") for r in records
                                 if str(r.pop("__hybrid__", "no")).strip().lower() in ("yes", "oui")]
    data["vendors"] = records
    flags = _rows("hybrid_channels", hybrid_channels)[1:]
    data["hybrid"]["channels"] = [str(r[0]) for r in flags
                                  if len(r) > 1 and str(r[1] or "").strip().lower() in ("yes", "oui") and r[0]]
    return case_from_mapping(data)
