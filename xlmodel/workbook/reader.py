"""Reading a case back from a workbook built by xlmodel: its Inputs, Channels, Vendors and Hybrid sheets.

Single inputs are found by their defined names (``inhouse_gross_salary``), channels and vendor
quotes by their Excel tables (``Channels``, on whichever sheet holds it: Inputs in a book built before
it had its own; ``VendorQuotes``, ``HybridChannels``) whose header labels are matched in English or
French, so a user may reorder columns or add quote rows.  The values go
through the same validation as a case file; every problem is reported with its cell
(``Vendors!D6: must be > 0 ...``) and nothing is half-read.

What a file may hide is said or refused, never guessed: an input holding a formula (typed as
``=20000+5000`` or written by another tool, with or without a stored value) is refused with its
cell, since a rebuild writes values and would silently drop the formula; a quote row typed below
the Vendors table is read wherever it is (blank rows between are skipped, a row without a name is
refused with its cell); a yes/no cell accepts y/yes/oui/o/true/1 and n/no/non/false/0 and refuses
anything else; a blank optional input takes its default and says so (:attr:`WorkbookInputs.notices`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from ..arguments import yes_no
from ..case import Case, case_from_mapping
from ..errors import Fixed, InputError, Notice, Problem, Words
from ..limits import MAX_VENDORS
from ..schema import ANALYTICS_SECTIONS, CHANNEL, LANGUAGES, SCALAR_SECTIONS, VENDOR
from ..text import choice_value, label, words
from .openpyxl_book import OpenpyxlBook, workbook_tables
from .sheetnames import book_language, titles_in
from .sheets.sourcing import read_sourcing
from .untrusted import open_untrusted, unreadable

_SCALAR_SHEET_SECTIONS = SCALAR_SECTIONS + ANALYTICS_SECTIONS
_INPUT_SHEETS = ("Inputs", "Vendors", "Hybrid")
_OPTIONAL_SHEETS = ("Channels", "Sourcing")  # Channels: on Inputs before it had a sheet; Sourcing: some cases


def _labels(section) -> dict[str, str]:
    found = {}
    for f in section.fields:
        for text in (f.label_en, f.label_fr, *(label(f, lang) for lang in LANGUAGES)):  # as the sheets show them
            found[text.strip().lower()] = f.name
    return found


class BookView(Protocol):
    """What the reader needs of a workbook: a file read by openpyxl, or a live book through xlwings."""

    def sheetnames(self) -> list[str]: ...
    def name_target(self, name: str) -> tuple[str, str] | None: ...  # ("Inputs", "B7") or ("Inputs", "B20:B31")
    def table_ref(self, sheet: str, table: str) -> str | None: ...  # "A4:R7"
    def value(self, sheet: str, row: int, column: int) -> Any: ...


@dataclass
class _Reading:
    """One reading of a workbook: where each input came from, the problems and the notices."""

    book: Any
    tabs: dict[str, str]  # sheet key -> its tab in this book ("Inputs" -> "Hypothèses")
    where: dict[str, str] = field(default_factory=dict)  # case-file location -> the cell it was read from
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def typed(self, sheet: str, row: int, column: int):
        """The value of an input cell; a formula there is refused with the cell."""
        formula = getattr(self.book, "formula", lambda *cell: None)(sheet, row, column)
        if formula is not None:
            self.problems.append(Problem.of(f"{sheet}!{get_column_letter(column)}{row}", "holds_formula",
                                            formula=formula))
            return None
        return self.book.value(sheet, row, column)

    def flag(self, value, cell: str) -> bool:
        """A yes/no cell of a table: blank is no; an answer that is neither is refused with the cell."""
        if value in (None, ""):
            return False
        answer = yes_no(value)
        if answer is None:
            self.problems.append(Problem.of(cell, "yes_no", found=value))
        return answer == "yes"


def _table_rows(book: BookView, sheet: str, table_name: str, where: str, below: int = 0):
    """(header labels, list of (row number, {column letter: value})) of a table, plus rows typed below it.

    With ``below``, every non-empty row of the table's columns under the table counts, down to the
    sheet's last row and at most ``below`` of them (blank rows skipped); otherwise the rows just
    below until the first with an empty first column.
    """
    ref = book.table_ref(sheet, table_name)
    if ref is None:
        raise InputError(Problem.of(f"{sheet}!", "table_not_found", name=table_name, where=where))
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    cell = lambda r, c: book.value(sheet, r, c)  # noqa: E731
    headers = {get_column_letter(c): cell(min_row, c) for c in range(min_col, max_col + 1)}
    rows = []
    r = min_row + 1
    if below:
        last = getattr(book, "max_row", lambda _: max_row + 1000)(sheet)
        for r in range(min_row + 1, max(max_row, last) + 1):
            values = {get_column_letter(c): cell(r, c) for c in range(min_col, max_col + 1)}
            if any(v not in (None, "") for v in values.values()):
                rows.append((r, values))
                if r > max_row and len(rows) > below:
                    break
        return headers, rows
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


@dataclass(frozen=True)
class WorkbookInputs:
    """A workbook's inputs, validated: the case, what was said about them, and the workbook read."""

    case: Case
    notices: tuple[Notice, ...]  # one sentence each (a str, in English): a blank input that took its default...
    previous: Any = None  # the workbook as an additions.PreviousBook, when read with previous=True


def read_workbook_case(path: str | Path) -> Case:
    """Read and validate the inputs of a workbook built by :func:`xlmodel.workbook.build_workbook`."""
    return read_workbook(path).case


def read_workbook(path: str | Path, *, previous: bool = False) -> WorkbookInputs:
    """:func:`read_workbook_case`, with the notices. The workbook is read read-only, only its three
    input sheets parsed, after every part of the file is checked and counted
    (:func:`~xlmodel.workbook.untrusted.open_untrusted`); with ``previous``, the workbook comes back
    too, as the rebuild's check of what the user added reads it (an
    :class:`~xlmodel.workbook.additions.PreviousBook` of the same checked bytes, which parses the
    sheets it needs only when asked; otherwise None)."""
    path = Path(path)
    opened = open_untrusted(path, read_only=True)  # refuses what is not a safe xlsx, naming the file
    try:
        try:  # a read-only workbook parses its sheets (and we its tables) only now
            book = OpenpyxlBook(opened.wb, opened, workbook_tables(opened.data))
            tabs = titles_in(opened.wb.sheetnames)
            book.load([tabs[key] for key in _INPUT_SHEETS + _OPTIONAL_SHEETS if key in tabs])
        except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on is the file's fault
            raise unreadable(path, exc) from None
        case, notices = read_book(book, str(path))
    finally:
        opened.wb.close()
    if previous:
        from .additions import PreviousBook
        previous = PreviousBook(path, opened)
    return WorkbookInputs(case, tuple(n.at(path.name) for n in opened.notices) + notices,
                          previous or None)


def read_book_case(book: BookView, origin: str = "workbook") -> Case:
    """Read and validate the inputs of a workbook seen through a :class:`BookView`."""
    return read_book(book, origin)[0]


def read_book(book: BookView, origin: str = "workbook") -> tuple[Case, tuple[str, ...]]:
    """Read and validate the inputs of a workbook seen through a :class:`BookView`: (case, notices)."""
    tabs = titles_in(book.sheetnames())
    for sheet in _INPUT_SHEETS:
        if sheet not in tabs:
            raise InputError(Problem.of(origin, "no_sheet", name=sheet))
    data: dict[str, Any] = {}
    reading = _Reading(book, tabs)
    where = reading.where
    _read_single_inputs(reading, data)
    channels = _read_channels(reading)
    data["demand"]["channels"] = channels
    data["vendors"], data["hybrid"]["vendors"] = _read_vendors(reading)
    where["[hybrid] .vendors"] = f"{tabs['Vendors']}!"
    data["hybrid"]["channels"] = _read_hybrid_channels(reading, channels)
    where["[hybrid] .channels"] = f"{tabs['Hybrid']}!"
    read_sourcing(reading, data, channels)
    lang = book_language(book.sheetnames())  # the problems are said in the book's language
    if reading.problems:
        raise InputError(reading.problems, lang)
    try:
        return case_from_mapping(data), tuple(reading.notices)
    except InputError as exc:
        raise InputError([_locate(p, where) for p in exc.problems], lang) from None


def _read_single_inputs(reading: _Reading, data: dict):
    """Every single input, found by its defined name, and the seasonality weights."""
    book, where, problems = reading.book, reading.where, reading.problems
    for section in _SCALAR_SHEET_SECTIONS:
        table = data.setdefault(section.name, {})
        for f in section.fields:
            found = book.name_target(f"{section.name}_{f.name}")
            location = f"[{section.name}] .{f.name}"
            if found is None:
                problems.append(Problem.of(location, "name_not_found", (section.name, None, f.name),
                                           defined=f"{section.name}_{f.name}"))
                continue
            sheet, ref = found
            where[location] = f"{sheet}!{ref}"
            col_min, row_min, _, _ = range_boundaries(ref)
            value = reading.typed(sheet, row_min, col_min)
            if value not in (None, ""):
                table[f.name] = choice_value(value, f.choices)
            elif f.default not in (None, "") and not f.required:
                reading.notices.append(Notice(f"{sheet}!{ref}", "blank_default", label=Words(f.label_en, f.label_fr),
                                              default=f.default if f.grouped or not isinstance(f.default, int)
                                              else Fixed(f.default, 0)))
    found = book.name_target("demand_seasonality")
    if found:
        sheet, ref = found
        col_min, row_min, col_max, row_max = range_boundaries(ref)
        if (col_max - col_min + 1) * (row_max - row_min + 1) != 12:
            problems.append(Problem.of(f"{sheet}!{ref}", "seasonality_range"))
            row_max = row_min - 1
        data["demand"]["seasonality"] = [reading.typed(sheet, r, col_min) for r in range(row_min, row_max + 1)]
        where["[demand] .seasonality"] = f"{sheet}!{ref}"


def _read_channels(reading: _Reading) -> list[dict]:
    """The Channels table, one mapping per channel, columns found by their header in either language."""
    book, where = reading.book, reading.where
    channel_labels = _labels(CHANNEL)
    sheet = _holding(reading, "Channels", ("Channels", "Inputs"))
    headers, rows = _table_rows(book, sheet, "Channels", "channels")
    channels = []
    for i, (r, values) in enumerate(rows, start=1):
        item = {}
        for letter, header in headers.items():
            name = channel_labels.get(str(header or "").strip().lower())
            if name is None:
                continue
            where[f"[[demand.channels]] {i} .{name}"] = f"{sheet}!{letter}{r}"
            value = reading.typed(sheet, r, column_index_from_string(letter))
            if value not in (None, ""):
                item[name] = choice_value(value, CHANNEL.by_name[name].choices)
        channels.append(item)
    return channels


def _holding(reading: _Reading, table: str, keys: tuple[str, ...]) -> str:
    """The sheet holding ``table`` (``keys`` first, then any other), or else the first of ``keys``."""
    tabs = [reading.tabs[key] for key in keys if key in reading.tabs]
    tabs += [name for name in reading.book.sheetnames() if name not in tabs]
    return next((tab for tab in tabs if reading.book.table_ref(tab, table) is not None), tabs[0])


def _read_vendors(reading: _Reading) -> tuple[list[dict], list[str]]:
    """The vendor quotes table, one mapping per quote, and the names of the vendors marked for a
    hybrid scenario. Rows typed below the table count wherever they are (at most MAX_VENDORS)."""
    book, where = reading.book, reading.where
    vendor_labels = _labels(VENDOR)
    hybrid_headers = {words(lang)["hybrid_scenario"].lower() for lang in LANGUAGES}
    sheet = reading.tabs["Vendors"]
    headers, rows = _table_rows(book, sheet, "VendorQuotes", "vendor quotes", below=MAX_VENDORS)
    vendors, hybrid_vendors = [], []
    for i, (r, values) in enumerate(rows, start=1):
        item, defaulted = {}, []
        for letter, header in headers.items():
            label = str(header or "").strip().lower()
            if label in hybrid_headers:
                where[f"[hybrid] .vendors {i}"] = f"{sheet}!{letter}{r}"
                if reading.flag(values[letter], f"{sheet}!{letter}{r}") and values.get("A"):
                    hybrid_vendors.append(str(item.get("name") or values["A"]).strip())
                continue
            name = vendor_labels.get(label)
            if name is None:
                continue
            where[f"[[vendors]] {i} .{name}"] = f"{sheet}!{letter}{r}"
            value = reading.typed(sheet, r, column_index_from_string(letter))
            if value not in (None, ""):
                item[name] = choice_value(value, VENDOR.by_name[name].choices)
            elif VENDOR.by_name[name].default not in (None, ""):
                defaulted.append(_defaulted(f"{letter}{r}", VENDOR.by_name[name]))
        if defaulted:
            reading.notices.append(Notice("", "blank_row_defaults", sheet=sheet, row=r,
                                          vendor=str(item["name"]) if "name" in item else ("no_name", {}),
                                          defaults=Words(*(", ".join(d[k] for d in defaulted) for k in (0, 1)))))
        vendors.append(item)
    return vendors, hybrid_vendors


def _defaulted(cell: str, f) -> tuple[str, str]:
    """A blank cell of a quote and the default it takes, in English and French: ``F7 Set-up fee 0``."""
    from ..text.problems import shown_default
    return tuple(f"{cell} {label(f, lang)} {shown_default(f.default, lang, f.grouped)}" for lang in ("en", "fr"))


def _read_hybrid_channels(reading: _Reading, channels: list[dict]) -> list[str]:
    """The names of the channels marked for the vendor in the channel mode."""
    sheet = reading.tabs["Hybrid"]
    headers, rows = _table_rows(reading.book, sheet, "HybridChannels", "hybrid channels")
    letters = list(headers)
    chosen = [reading.flag(values[letters[1]], f"{sheet}!{letters[1]}{r}") for r, values in rows]
    hybrid_channels = [values[letters[0]] for (r, values), yes in zip(rows, chosen) if yes]
    # The name column is a formula showing the channel name: read names from the channel table
    # when the cached value is absent (a workbook never opened in a spreadsheet).
    if any(name is None for name in hybrid_channels) or (rows and rows[-1][1][letters[0]] is None):
        hybrid_channels = [channels[k].get("name") for k, yes in enumerate(chosen) if k < len(channels) and yes]
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
    return problem.moved(cell or problem.location)


def _rows(name: str, value) -> list[list]:
    if not isinstance(value, (list, tuple)) or not value:
        raise InputError(Problem.of(name, "expected_range"))
    if not isinstance(value[0], (list, tuple)):
        value = [value]
    return [list(row) for row in value]


def _choice(name: str, value):
    """A table cell's value, a choice label mapped to its value (vendor and channel fields)."""
    for section in (VENDOR, CHANNEL):
        if name in section.by_name and section.by_name[name].choices:
            return choice_value(value, section.by_name[name].choices)
    return value


def _table_from(name: str, value, labels: dict[str, str]) -> list[dict]:
    """Records of a table range whose first row holds the field labels (English or French)."""
    rows = _rows(name, value)
    header = [labels.get(str(h or "").strip().lower()) for h in rows[0]]
    if not any(header):
        raise InputError(Problem.of(name, "header_first"))
    records = []
    for row in rows[1:]:
        if all(v in (None, "") for v in row):
            continue
        records.append({field: _choice(field, v) for field, v in zip(header, row) if field and v not in (None, "")})
    return records


def case_from_ranges(inputs, channels, vendors, hybrid, hybrid_channels, sourcing=None) -> Case:
    """A case from the ranges of an xlmodel workbook as an Excel function receives them.

    ``inputs`` and ``hybrid`` are label/value columns (Inputs!A:B, Hybrid!A:B); ``channels``,
    ``vendors`` and ``hybrid_channels`` are the tables with their header rows; ``sourcing``, when
    given, the Sourcing sheet (:mod:`xlmodel.workbook.sourcing_range`: its portfolios). Labels may be
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
            for shown in (f.label_en, f.label_fr, *(label(f, lang) for lang in LANGUAGES)):
                value = pairs.get(shown.strip().lower())
                if value not in (None, ""):
                    table[f.name] = choice_value(value, f.choices)
                    break
    weights = []
    for lang in LANGUAGES:
        for month in words(lang)["months"]:
            # The language's colon, or ": " (a French book built before its labels read " : ").
            for colon in dict.fromkeys((words(lang)["colon"], ": ")):
                key = f"{words(lang)['seasonality']}{colon}{month}".lower()
                if key in pairs:
                    weights.append(pairs[key])
                    break
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
    if sourcing is not None:
        from .sourcing_range import sourcing_from_range
        sourcing_from_range(sourcing, data)
    return case_from_mapping(data)
