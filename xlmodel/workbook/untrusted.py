"""Opening a workbook we did not build (a vendor's quote form, a finance user's file) safely.

An ``.xlsx`` file is a zip archive of XML parts, and both layers can be turned against the reader:
a zip "bomb" unpacks a few kilobytes into gigabytes, an XML part may declare entities that expand
exponentially ("billion laughs") or pull in a local file (XXE), and a workbook may carry macros or
links to other files.  :func:`open_untrusted` reads the file once, checks the archive and every XML
part *before* openpyxl sees it, then loads it from those same bytes with macros and external
links dropped.  Every refusal is an :class:`~xlmodel.errors.InputError` with one sentence saying
what the file is and what to do; whatever is found and ignored comes back as a notice.

Longer than the house's 400 lines on purpose: it is one sequence of checks read top to bottom
(the file, the zip archive, the XML parts, what is ignored), each limit stated next to the check
that applies it; split, a reader would have to follow one refusal across modules.
"""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

import defusedxml
import defusedxml.ElementTree
import openpyxl
from defusedxml import expatreader

from ..errors import Fixed, InputError, Notice, Problem

from ..limits import (MAX_CELLS, MAX_COLUMNS, MAX_DIRECTORY_BYTES, MAX_ELEMENTS, MAX_FILE_BYTES,  # noqa: F401
                      MAX_MEMBERS, MAX_RATIO, MAX_ROWS, MAX_SHEETS, MAX_STYLES, MAX_UNCOMPRESSED_BYTES,
                      RATIO_CHECKED_ABOVE, MiB)

# The limits (file, archive, XML, sheets, rows, columns, cells) are stated and explained in
# xlmodel/limits.py, the one place for every limit of the program.
# Parts are read by chunks of this size, counting real bytes rather than trusting the declared ones.
READ_CHUNK = 1 * MiB

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
_ARCHIVES = {  # first bytes -> the key of the archive's name (xlmodel.text's PROBLEMS)
    b"\x1f\x8b": "wb_gzip",
    b"7z\xbc\xaf\x27\x1c": "wb_7z",
    b"Rar!\x1a\x07": "wb_rar",
}
_STRICT_XML_SUFFIXES = (".xml", ".rels")  # must be well-formed XML


@dataclass(frozen=True)
class OpenedWorkbook:
    """A workbook loaded from an untrusted file, and what was found in it and ignored."""

    wb: openpyxl.Workbook  # loaded with data_only=True (cached values), keep_vba=False, keep_links=False
    notices: tuple[Notice, ...]  # things found and ignored, one sentence each (a str, in English)
    data: bytes = field(default=b"", repr=False)  # the checked bytes it was loaded from (read them, not the file)
    # The formula of each formula cell, by sheet title: {"Inputs": {(row, column): "=20000+5000"}}
    # (cut to 200 characters, at most 5 000 per sheet); openpyxl's cached values do not show them.
    formulas: dict = field(default_factory=dict)
    parts: tuple[str, ...] = ()  # the zip's part names (pictures, charts...)
    protected: frozenset[str] = frozenset()  # the titles of the sheets whose protection is on

    def reopened(self, path: str | Path) -> openpyxl.Workbook:
        """A new read-only workbook of the checked bytes (close it after use): the sheets it is
        asked for are parsed then, each about a hundredth of a second for an input sheet."""
        return _load(Path(path), self.data, read_only=True)

    def formula(self, sheet: str, row: int, column: int) -> str | None:
        """The formula of a cell (``"=B7*2"``), or None for a typed value or an empty cell."""
        return self.formulas.get(sheet, {}).get((row, column))


def open_untrusted(path: str | Path, *, read_only: bool = False) -> OpenedWorkbook:
    """Open an ``.xlsx`` file we did not build, refusing anything unsafe or not a workbook.

    Raises xlmodel.errors.InputError(Problem(str(path), message)) for every refusal.
    """
    path = Path(path)
    data, zf, infos = _checked_archive(path)
    bounds = _check_parts(path, zf, infos)
    notices = _notices(zf, infos)
    wb = _load(path, data, read_only)
    parts = _sheet_parts(zf)
    return OpenedWorkbook(wb, tuple(notices), data,
                          {title: bounds.formulas.get(part, {}) for title, part in parts.items()},
                          tuple(info.filename for info in infos),
                          frozenset(title for title, part in parts.items() if part in bounds.protected))


def tab_titles(path: str | Path) -> tuple[str, ...]:
    """The tabs of a workbook file, from its xl/workbook.xml alone, after the checks of the file and its zip
    archive that :func:`open_untrusted` makes first (the same refusals): what a command needs to speak the
    book's language before it reads the book."""
    return tuple(_sheet_parts(_checked_archive(Path(path))[1]))


def _checked_archive(path: Path):
    """The file's bytes, its zip archive and the archive's members, once the file, the archive and its
    members are checked and the archive is known to be a workbook: the first checks of
    :func:`open_untrusted` and :func:`tab_titles`."""
    data = _read_file(path)
    _refuse_unless_zip(path, data)
    zf = _open_zip(path, data)
    infos = _check_members(path, zf)
    _check_is_workbook(path, zf, infos)
    return data, zf, infos


def _load(path: Path, data: bytes, read_only: bool) -> openpyxl.Workbook:
    """openpyxl's workbook of ``data``, bytes already checked by :func:`open_untrusted`."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops when reading (data validation extensions,
            # missing default style...): irrelevant to the values we read, noise for the user.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            return openpyxl.load_workbook(BytesIO(data), read_only=read_only, data_only=True,
                                          keep_vba=False, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on is the file's fault
        raise unreadable(path, exc) from None


def unreadable(path: str | Path, exc: BaseException) -> InputError:
    """The refusal of a file openpyxl trips on (when loading it, or reading a read-only one's sheets)."""
    return InputError(Problem.of(str(path), "wb_unreadable", detail=_reason(exc)))


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> its part (``xl/worksheets/sheet2.xml``), from xl/workbook.xml and its relationships
    (both checked above: present, bounded, safe XML)."""
    try:
        book = defusedxml.ElementTree.fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
        rels = defusedxml.ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    except Exception:  # noqa: BLE001 - no relationships: openpyxl has read what it could
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    out = {}
    for element in book.iter():
        if element.tag.rpartition("}")[2] == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.rpartition("}")[2] == "id"), None)
            target = targets.get(rid, "")
            out[element.get("name", "")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return out


def _refuse(path: Path, key: str, **slots) -> NoReturn:
    """Refuse ``path`` with the sentence ``key`` (``wb_...``, in xlmodel.text's PROBLEMS) and its values."""
    raise InputError(Problem.of(str(path), key, **slots))


def _reason(exc: BaseException) -> tuple:
    """What Python said of the damage, as a sub-sentence: ``BadZipFile: File is not a zip file`` in
    English; the error's name alone in French (Python's text is English)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = text if len(text) <= 120 else text[:117] + "..."
    kind = type(exc).__name__
    return ("wb_reason", {"kind": kind, "text": text}) if text else ("wb_reason_bare", {"kind": kind})


# --- the file ----------------------------------------------------------------------------------

def _read_file(path: Path) -> bytes:
    if not path.exists():
        _refuse(path, "wb_file_not_found")
    if path.is_dir():
        _refuse(path, "wb_folder")
    if not path.is_file():
        _refuse(path, "wb_not_regular")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            _too_big(path, size)
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        _refuse(path, "wb_cannot_open", detail=("os_detail", {"text": exc.strerror or type(exc).__name__}))
    if not data:
        _refuse(path, "wb_empty")
    if len(data) > MAX_FILE_BYTES:
        _too_big(path, len(data))
    return data


def _too_big(path: Path, size: int) -> NoReturn:
    _refuse(path, "wb_too_big", limit=MAX_FILE_BYTES // MiB, size=Fixed(size / MiB, 1, grouped=True))


def _refuse_unless_zip(path: Path, data: bytes) -> None:
    """An xlsx file is a zip archive: anything else is named by its first bytes."""
    if data.startswith(_ZIP_STARTS):
        return
    if data.startswith(_OLE2):
        _refuse(path, "wb_xls")
    if data.startswith(b"%PDF"):
        _refuse(path, "wb_pdf")
    for magic, what in _ARCHIVES.items():
        if data.startswith(magic):
            _refuse(path, "wb_archive", what=(what, {}))
    text = _as_text(data[:8192])
    if text is not None:
        head = text.lstrip().lower()
        if head.startswith(("<!doctype html", "<html")) or "<html" in head[:1024]:
            _refuse(path, "wb_html")
        if "urn:schemas-microsoft-com:office:spreadsheet" in head:
            _refuse(path, "wb_xml2003")
        if head.startswith("<"):
            _refuse(path, "wb_xml")
        if head.startswith("{\\rtf"):
            _refuse(path, "wb_rtf")
        _refuse(path, "wb_csv")
    _refuse(path, "wb_unknown")


def _as_text(head: bytes) -> str | None:
    """The beginning of the file as text if it looks like text (UTF-8, UTF-16 or a Windows code page)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut by the 8 KB window
            return head[: exc.start].decode("utf-8")
    controls = sum(1 for b in head if b < 32 and b not in b"\t\r\n\f")
    return head.decode("cp1252", errors="replace") if controls <= len(head) // 100 else None


# --- the zip archive ---------------------------------------------------------------------------

def _directory_declared(data: bytes) -> tuple[int, int] | None:
    """(entries, bytes) of the zip directory as the end record declares them, ZIP64 included.

    Read before :mod:`zipfile` parses the directory, whose size bounds its work and memory.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        return None
    count, size = struct.unpack("<HL", data[end + 10:end + 16])
    locator = end - 20
    if locator >= 56 and data[locator:locator + 4] == b"PK\x06\x07":  # zipfile believes ZIP64 records
        record = data[locator - 56:locator]
        if record[:4] == b"PK\x06\x06":
            count64, size64 = struct.unpack("<QQ", record[32:48])
            count, size = max(count, count64), max(size, size64)
    return count, size


def _open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    declared = _directory_declared(data)
    if declared is not None:
        count, size = declared
        if count > MAX_MEMBERS:
            _too_many(path, count)
        if size > MAX_DIRECTORY_BYTES:
            _refuse(path, "wb_directory", size=Fixed(size / 1024, 0, grouped=True))
    try:
        return zipfile.ZipFile(BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - BadZipFile, but also struct/value errors on garbage
        _refuse(path, "wb_truncated", detail=_reason(exc))


def _too_many(path: Path, count: int) -> NoReturn:
    _refuse(path, "wb_too_many_parts", count=count, most=MAX_MEMBERS)


def _check_members(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Refuse by what the zip directory declares, before anything is unpacked."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        _too_many(path, len(infos))
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            _refuse(path, "wb_part_twice", part=info.filename)
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            _refuse(path, "wb_encrypted_parts")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        _bomb(path, "wb_unpack_total", size=Fixed(total / MiB, 0, grouped=True), limit=MAX_UNCOMPRESSED_BYTES // MiB)
    for info in infos:
        if info.file_size > RATIO_CHECKED_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            _bomb(path, "wb_unpack_ratio", part=info.filename, ratio=Fixed(ratio, 0, grouped=True))
    return infos


def _bomb(path: Path, what: str, **slots) -> NoReturn:
    """Refuse a "zip bomb": ``what`` is the key of what it would unpack to, with its values."""
    _refuse(path, "wb_bomb", what=(what, slots))


def _check_is_workbook(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    names = {info.filename for info in infos}
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return
    if "mimetype" in names and _read_bounded(path, zf, zf.getinfo("mimetype"), limit=256).startswith(
            b"application/vnd.oasis.opendocument.spreadsheet"):
        _refuse(path, "wb_ods")
    if "mimetype" in names:
        _refuse(path, "wb_odf")
    if "word/document.xml" in names:
        _refuse(path, "wb_docx")
    if "ppt/presentation.xml" in names:
        _refuse(path, "wb_pptx")
    inner = sorted(n for n in names if n.lower().endswith((".xlsx", ".xlsm")))
    if inner:
        _refuse(path, "wb_zip_holding", part=inner[0])
    _refuse(path, "wb_zip_not_book")


def _read_bounded(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A small part, read by chunks and never past ``limit`` whatever its declared size."""
    out = bytearray()
    try:
        with zf.open(info) as f:
            while len(out) <= limit and (chunk := f.read(min(READ_CHUNK, limit + 1 - len(out)))):
                out += chunk
    except Exception as exc:  # noqa: BLE001 - a corrupt part
        _damaged_part(path, info, exc)
    return bytes(out[:limit])


def _damaged_part(path: Path, info: zipfile.ZipInfo, exc: BaseException) -> NoReturn:
    _refuse(path, "wb_part_damaged", part=info.filename, detail=_reason(exc))


# --- the XML parts -----------------------------------------------------------------------------

class _Beyond(Exception):
    """A part goes beyond one of the limits: ``sentence`` is the key of the words saying which and their values."""

    def __init__(self, key: str, **slots):
        super().__init__(key)
        self.sentence = (key, slots)


_REF = re.compile(r"^\$?([A-Za-z]{1,3})?\$?(\d{1,9})?$")
_STYLE_RECORDS = frozenset(("xf", "font", "fill", "border", "numFmt", "dxf", "cellStyle"))
# Elements that carry a sqref list of ranges (each becomes an object in openpyxl).
_SQREF = frozenset(("dataValidation", "conditionalFormatting", "selection", "protectedRange", "ignoredError"))
# The commonest elements, which need nothing from the bounds check (values, strings, formats).
_PLAIN = frozenset(("v", "t", "r", "rPr", "sz", "color", "name", "family", "scheme", "b", "i", "alignment",
                    "protection", "is", "pt", "idx"))
_NOTHING_AT_END = _PLAIN | {"f", "row"}  # elements whose end changes nothing (unprefixed)


# What a part goes beyond, by the key of its words (the limits are said in each language's style).
_TOO_MANY = {"cells": ("wb_many_cells", MAX_CELLS), "elements": ("wb_many_elements", MAX_ELEMENTS),
             "sheets": ("wb_many_sheets", MAX_SHEETS), "styles": ("wb_many_styles", MAX_STYLES)}


def _corner(ref: str) -> tuple[int, int] | None:
    """(column, row) of ``A1``, ``$B$7``; a missing part (``A``, ``7``) reads as the sheet's far edge."""
    m = _REF.match(ref.strip())
    if not m or not (m.group(1) or m.group(2)):
        return None
    column = 0
    for letter in (m.group(1) or "XFD").upper():
        column = column * 26 + ord(letter) - 64
    return column, int(m.group(2) or 1_048_576)


class _Bounds:
    """Counts, while a part streams through the parser, what openpyxl would create from it.

    Every cell reference (cells, rows, merged ranges, hyperlinks, comments, tables, dimensions)
    must stay within MAX_ROWS x MAX_COLUMNS; cells, rows, merged and hyperlinked cells, comments,
    shared strings and validation/format ranges add up to at most MAX_CELLS over the workbook;
    sheets, style records and elements have their own caps. Refuses (raises :class:`_Beyond`) at
    the first element beyond a limit, so a crafted part costs no more than the limit to refuse.
    Also notes the formulas of each sheet's cells (up to a few thousand per part), which the
    cached values openpyxl returns do not show, and which sheets are protected (a read-only
    workbook does not say).
    """

    FORMULAS_KEPT = 5_000

    def __init__(self, totals: dict[str, int]):
        super().__init__()
        self.totals = totals
        self.elements = 0
        self.part = ""
        self.formulas: dict[str, dict[tuple[int, int], str]] = {}
        self.protected: set[str] = set()  # the parts whose sheet protection is on

    def start_part(self, name: str) -> None:
        self.part = name
        self.in_data = False
        self.in_sheets = False
        self.row = self.column = 0
        self.cell: tuple[int, int] | None = None
        self.formula: list[str] | None = None

    def _count(self, what: str, n: int, limit: int) -> None:
        total = self.totals[what] = self.totals.get(what, 0) + n
        if total > limit:
            key, most = _TOO_MANY[what]
            raise _Beyond(key, most=most)

    def _cells(self, n: int) -> None:
        self._count("cells", n, MAX_CELLS)

    def _within(self, column: int, row: int, what: str, ref) -> None:
        """Refuse beyond the last row or column: ``what`` is the key of the element's name (``wb_a_cell``),
        ``ref`` its reference (text, or a row number)."""
        if row > MAX_ROWS or column > MAX_COLUMNS:
            raise _Beyond("wb_reaching", what=(what, {}), ref=ref if isinstance(ref, str) else ("wb_row_n", {"row": ref}),
                          part=self.part, rows=MAX_ROWS, columns=MAX_COLUMNS)

    def _area(self, ref: str, what: str) -> int:
        """Cells of a range ``A1:B2`` (or ``A1``) once checked within the bounds."""
        first, _, last = ref.partition(":")
        corners = [_corner(first), _corner(last or first)]
        if None in corners:
            raise _Beyond("wb_bad_reference", found=ref[:40], part=self.part)
        (c1, r1), (c2, r2) = corners
        for column, row in corners:
            self._within(column, row, what, ref[:40])
        return (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1)

    def startElement(self, name, attrs):  # noqa: N802 - expat's handler (called once per element: kept lean)
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _Beyond("wb_many_elements", most=MAX_ELEMENTS)
        if name in _PLAIN:  # values, text, formats...: most elements, unprefixed as Excel writes them
            return
        local = name.rpartition(":")[2] if ":" in name else name
        if local in _PLAIN:
            return
        if self.in_data:  # the cells, then the rows: nine elements in ten of a sheet
            if local == "c":
                r = attrs.get("r")
                corner = _corner(r) if r else (self.column + 1, self.row)
                if corner is None:
                    raise _Beyond("wb_bad_reference", found=r[:40], part=self.part)
                self.column, row = corner
                self._within(self.column, row, "wb_a_cell", r or row)
                self._cells(1)
                self.cell = (row, self.column)
                return
            if local == "f":
                if self.cell is not None:
                    self.formula = []
                return
            if local == "row":
                r = attrs.get("r")
                self.row = int(r) if r and r.isdigit() else self.row + 1
                self.column = 0
                self._within(1, self.row, "wb_a_row", str(self.row))
                self._cells(1)
                return
        if local == "sheetData":
            self.in_data, self.row = True, 0
        elif local in ("mergeCell", "hyperlink", "comment") and attrs.get("ref"):
            self._cells(self._area(attrs["ref"], {"mergeCell": "wb_a_merged_range", "hyperlink": "wb_a_hyperlink",
                                                  "comment": "wb_a_comment"}[local]))
        elif local in ("dimension", "table") and attrs.get("ref"):
            self._area(attrs["ref"], "wb_a_table" if local == "table" else "wb_a_used_range")
        elif local == "si":
            self._cells(1)
        elif local == "sheetProtection" and attrs.get("sheet", "") not in ("", "0", "false", "f"):
            self.protected.add(self.part)  # as openpyxl reads the flag
        elif local == "sheets":
            self.in_sheets = True
        elif local == "sheet" and self.in_sheets:
            self._count("sheets", 1, MAX_SHEETS)
        elif local in _STYLE_RECORDS:
            self._count("styles", 1, MAX_STYLES)
        if local in _SQREF and "sqref" in attrs:
            self._cells(len(attrs["sqref"].split()))

    def characters(self, content):
        if self.formula is not None and sum(map(len, self.formula)) < 200:
            self.formula.append(content)

    def endElement(self, name):  # noqa: N802 - expat's handler
        if name in _NOTHING_AT_END:
            return
        local = name.rpartition(":")[2] if ":" in name else name
        if local == "c" and self.cell is not None:
            if self.formula is not None:
                kept = self.formulas.setdefault(self.part, {})
                if len(kept) < self.FORMULAS_KEPT:
                    kept[self.cell] = "=" + "".join(self.formula).strip()
            self.cell, self.formula = None, None
        elif local == "sheetData":
            self.in_data = False
        elif local == "sheets":
            self.in_sheets = False


def _check_parts(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> dict:
    """Unpack every part by chunks, counting real bytes, and parse each as XML with DTDs forbidden.

    No part may hold a DTD: xlsx parts never need one, and a DTD is what entity expansion
    ("billion laughs") and external entities (reading a local file, XXE) need.  Every part goes
    through the parser from its first byte to its last, whatever its name (openpyxl follows
    relationships, not names, and a DTD may follow any amount of white space); the parts named
    ``.xml``/``.rels`` must also be well-formed, the others stop being parsed at their first
    syntax error (a picture at its first byte, Excel's VML where it is not well-formed): no parser
    goes past one, so no DTD can come into play after it.  Meanwhile :class:`_Bounds` counts
    what openpyxl would build and refuses beyond the limits of :mod:`xlmodel.limits`.

    Returns the bounds, which hold the formulas found, by part name (``{part: {(row, column):
    "=..."}}``), and the parts of the protected sheets.
    """
    unpacked = 0
    bounds = _Bounds({})
    for info in infos:
        if info.is_dir():
            continue
        strict = info.filename.lower().endswith(_STRICT_XML_SUFFIXES)
        bounds.start_part(info.filename)
        parser = _parser(bounds)
        try:
            with zf.open(info) as f:
                read = 0
                while chunk := f.read(READ_CHUNK):
                    read += len(chunk)
                    unpacked += len(chunk)
                    if read > info.file_size or unpacked > MAX_UNCOMPRESSED_BYTES:
                        _bomb(path, "wb_unpack_more", part=info.filename)
                    if parser is not None and not _feed(parser, chunk, strict):
                        parser = None
            if parser is not None:
                _feed(parser, None, strict)
        except InputError:
            raise
        except _Beyond as exc:
            _refuse(path, "wb_beyond", what=exc.sentence)
        except defusedxml.DefusedXmlException:
            _refuse(path, "wb_dtd", part=info.filename)
        except Exception as exc:  # noqa: BLE001 - malformed XML, bad CRC, unknown compression...
            _damaged_part(path, info, exc)
    return bounds


def _parser(bounds: _Bounds):
    """An expat parser with defusedxml's guards (a DTD, an entity declaration, an external
    reference: each raises) calling the bounds' handlers directly: the SAX layer between them
    (one Python call and one attributes object more per element) cost a third of the check."""
    guard = expatreader.DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = guard.defused_start_doctype_decl
    parser.EntityDeclHandler = guard.defused_entity_decl
    parser.UnparsedEntityDeclHandler = guard.defused_unparsed_entity_decl
    parser.ExternalEntityRefHandler = guard.defused_external_entity_ref_handler
    parser.buffer_text = True  # a formula's text in one call, not one per line or entity
    parser.StartElementHandler = bounds.startElement
    parser.EndElementHandler = bounds.endElement
    parser.CharacterDataHandler = bounds.characters
    return parser


def _feed(parser, chunk: bytes | None, strict: bool) -> bool:
    """Feed a chunk (``None``: the end) to the parser; False once a lenient part proves malformed."""
    try:
        parser.Parse(chunk or b"", chunk is None)
    except expat.ExpatError:
        if strict:
            raise
        return False  # no parser goes past a syntax error, so no DTD can come into play after it
    return True


# --- what is ignored ---------------------------------------------------------------------------

def _few(names: list[str]) -> tuple:
    """The first three names, then how many more: a sub-sentence of a notice."""
    if len(names) > 3:
        return "wb_few_more", {"list": ", ".join(names[:3]), "count": len(names) - 3}
    return "wb_few", {"list": ", ".join(names)}


def _notices(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[Notice]:
    names = [info.filename for info in infos if not info.is_dir()]
    lower = {n: n.lower() for n in names}
    notices: list[Notice] = []

    vba = [n for n in names if lower[n].endswith("vbaproject.bin")]
    if vba:
        notices.append(Notice("", "wb_macros", parts=_few(vba)))
    else:
        types = zf.read("[Content_Types].xml")  # checked above: present, bounded, safe XML
        if b"macroenabled" in types.lower():
            notices.append(Notice("", "wb_xlsm_no_macros"))
    macro_sheets = [n for n in names if lower[n].startswith(("xl/macrosheets/", "xl/dialogsheets/"))
                    and lower[n].endswith(".xml")]
    if macro_sheets:
        notices.append(Notice("", "wb_macro_sheets", parts=_few(macro_sheets)))

    for name in names:
        if lower[name].startswith("xl/externallinks/") and lower[name].endswith(".xml"):
            target = _external_target(zf, name)
            what = ("wb_link_to", {"found": target[:200]}) if target else ("wb_link", {})
            notices.append(Notice("", "wb_external_link", what=what, part=name))

    for folder, what in (("xl/embeddings/", "wb_embedded"), ("xl/activex/", "wb_activex")):
        found = [n for n in names if lower[n].startswith(folder)]
        if found:
            notices.append(Notice("", "wb_objects", what=(what, {}), parts=_few(found)))
    if "xl/connections.xml" in names:
        notices.append(Notice("", "wb_connections"))
    return notices


def _external_target(zf: zipfile.ZipFile, name: str) -> str | None:
    """The file an external link part points to, from its relationships, if they say."""
    folder, _, base = name.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels"
    try:
        root = defusedxml.ElementTree.fromstring(zf.read(rels), forbid_dtd=True)
    except Exception:  # noqa: BLE001 - no relationships part: the notice just names the part
        return None
    for rel in root:
        if rel.get("TargetMode") == "External" and rel.get("Target"):
            return rel.get("Target")
    return None
