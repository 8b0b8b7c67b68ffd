"""The parts of a workbook's xlsx file, as the builder writes them: deterministic bytes, readable by
every reader.

- Deterministic: the same workbook gives the same bytes (fixed document properties and zip entry
  dates, entries in sorted order, one compression setting), so two builds of the same case are
  byte-identical and a diff of two builds means a real change.
- Readable by every reader: relationship targets are relative to the part that holds them
  (openpyxl writes absolute ``/xl/comments/...`` targets, which IronCalc and calamine-based readers
  cannot follow), and every formula cell can carry its stored value (:func:`store_values`), so
  previews, Protected View and Python readers show the numbers without recalculating.
- Quick to write and to open: a row with one formula across its months is written once, in its
  first cell, and saved as one shared formula filled across its other cells (:func:`share_row`), as
  Excel saves a formula filled across: openpyxl serialises one cell instead of sixty, and readers
  parse the formula once per row, not once per month (IronCalc loads the example in a tenth of the
  time).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from datetime import datetime
from typing import Callable, Mapping
from xml.sax.saxutils import escape

FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
"""Creation and modification time written into every workbook (UTC)."""

AUTHOR = "xlmodel"
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_CONTENT_TYPES = "[Content_Types].xml"


def share_row(ws, row: int, first: int, last: int) -> None:
    """Fill the formula of cell (``row``, ``first``) of ``ws`` across to column ``last`` (1-based)
    when the workbook is saved (:func:`workbook_parts`): one shared formula, whose cells after the
    first hold that formula with its relative references moved by the column, in the first cell's
    style. The cells after the first must stay empty in ``ws`` (the model's rows are rendered once
    and written so)."""
    if last > first:
        ws.__dict__.setdefault("_xlmodel_shared", []).append((row, first, last))


def shared_rows(ws) -> list[tuple[int, int, int]]:
    """The rows of ``ws`` filled across at save, as (row, first column, last column)."""
    return list(ws.__dict__.get("_xlmodel_shared", ()))


def workbook_parts(wb) -> dict[str, bytes]:
    """The parts of the workbook's xlsx file by name, identical for identical content.

    Sets the document properties (creator, last modified by, created, modified) to fixed values:
    a built workbook records what it is, not when or by whom it was built. Relationship targets
    are made relative (:func:`relative_targets`); rows marked by :func:`share_row` are saved as
    shared formulas.
    """
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    raw.seek(0)
    parts = {}
    with zipfile.ZipFile(raw) as src:
        for name in src.namelist():
            data = src.read(name)
            if name == "docProps/core.xml":
                # openpyxl stamps "modified" with the current time whatever the property says.
                data = _STAMP.sub(rb"\g<1>2026-01-01T00:00:00Z\g<3>", data)
            elif name.endswith(".rels"):
                data = relative_targets(name, data)
            parts[name] = data
    sheets = sheet_parts(parts)
    for ws in wb.worksheets:
        rows = ws.__dict__.get("_xlmodel_shared")
        if rows:
            parts[sheets[ws.title]] = _shared_formulas(parts[sheets[ws.title]], rows)
    return parts


def zip_parts(parts: Mapping[str, bytes], compresslevel: int = 6) -> bytes:
    """The xlsx bytes of ``parts``: entries sorted, ``[Content_Types].xml`` first as Office writes
    it (the order no longer depends on the order in which openpyxl happens to emit parts), fixed
    dates and host. ``compresslevel`` 0 stores the parts uncompressed (a file read back at once)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(parts, key=lambda n: (n != _CONTENT_TYPES, n)):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED if compresslevel else zipfile.ZIP_STORED
            info.create_system = 0  # as if written on Windows: the host OS is not in the bytes
            info.external_attr = 0
            dst.writestr(info, parts[name], compresslevel=compresslevel or None)
    return out.getvalue()


def workbook_bytes(wb) -> bytes:
    """The workbook as xlsx bytes, identical for identical content (:func:`workbook_parts`)."""
    return zip_parts(workbook_parts(wb))


_TARGET = re.compile(rb'(<Relationship\b[^>]*?\bTarget=")(/[^"]*)(")')


def relative_targets(name: str, data: bytes) -> bytes:
    """The relationship part ``name`` (``xl/worksheets/_rels/sheet2.xml.rels``) with its absolute
    targets (``/xl/comments/comment1.xml``) written relative to the folder of the part it describes
    (``../comments/comment1.xml``). External targets (``TargetMode="External"``) are URLs, left alone.

    >>> relative_targets("xl/worksheets/_rels/sheet2.xml.rels", b'<Relationship Target="/xl/comments/c1.xml"/>')
    b'<Relationship Target="../comments/c1.xml"/>'
    """
    source_folder = "/" + posixpath.dirname(posixpath.dirname(name))  # "xl/worksheets/_rels/x" -> "/xl/worksheets"

    def relative(m: re.Match) -> bytes:
        if b'TargetMode="External"' in m.group(0):
            return m.group(0)
        return m.group(1) + posixpath.relpath(m.group(2).decode(), source_folder).encode() + m.group(3)
    return _TARGET.sub(relative, data)


_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def sheet_parts(parts: Mapping[str, bytes]) -> dict[str, str]:
    """Each worksheet's name -> the name of its part (``Calc`` -> ``xl/worksheets/sheet5.xml``),
    read from ``xl/workbook.xml`` and its relationships."""
    targets = {rid.decode(): target.decode() for target, rid in _REL.findall(parts["xl/_rels/workbook.xml.rels"])}
    out = {}
    for name, rid in _SHEET.findall(parts["xl/workbook.xml"]):
        target = targets[rid.decode()]
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out[_unescape(name.decode())] = part
    return out


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


# A formula cell as openpyxl writes it (no type, the formula, an empty value), or once shared.
_OPENPYXL_FORMULA_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"((?: s="[0-9]+")?)><f>(.*?)</f><v ?/></c>', re.S)
_FORMULA_CELL = re.compile(r'<c r="([A-Z]{1,3})([0-9]+)"((?: s="[0-9]+")?)>(<f(?: [^>/]*)?(?:/>|>.*?</f>))<v ?/>',
                           re.S)


def _shared_formulas(xml: bytes, rows) -> bytes:
    """The sheet ``xml`` with each of ``rows`` ((row, first, last column)) filled across: its first
    cell's formula becomes a shared one (``t="shared" ref=... si=...``) and the cells after it,
    absent until now, refer to it."""
    from openpyxl.utils import get_column_letter
    groups = {}
    for si, (row, first, last) in enumerate(rows):
        groups[f"{get_column_letter(first)}{row}".encode()] = (si, row, first, last)

    def cell(m: re.Match) -> bytes:
        found = groups.pop(m.group(1) + m.group(2), None)
        if found is None:
            return m.group(0)
        si, row, first, last = found
        tag = str(si).encode()
        ref = f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}".encode()
        style = m.group(3)
        out = [b'<c r="', m.group(1), m.group(2), b'"', style, b'><f t="shared" ref="', ref, b'" si="', tag, b'">',
               m.group(4), b"</f><v /></c>"]
        for column in range(first + 1, last + 1):
            out += [b'<c r="', get_column_letter(column).encode(), m.group(2), b'"', style, b'><f t="shared" si="',
                    tag, b'"/><v /></c>']
        return b"".join(out)
    xml = _OPENPYXL_FORMULA_CELL.sub(cell, xml)
    if groups:
        raise ValueError(f"rows to fill across whose first cell holds no formula: {sorted(groups)[:3]}")
    return xml


StoredValue = float | int | bool | str | None
"""A formula cell's value: a number, a boolean, a text, or an error (a text starting with ``#``
that :func:`store_values` is told is an error)."""


def store_values(parts: Mapping[str, bytes],
                 value_of: Callable[[str, str, int], tuple[str, StoredValue]]) -> dict[str, bytes]:
    """``parts`` with every formula cell's stored value written in (``fullCalcOnLoad`` stays set:
    Excel recalculates on opening; readers that do not recalculate show these values).

    ``value_of(sheet, column, row)`` gives ``(kind, value)``: kind ``"n"`` (a number), ``"b"`` (a
    boolean), ``"str"`` (a text), ``"e"`` (an error such as ``#N/A``) or ``""`` (no value: the cell
    stays as it was). Numbers are written in their shortest exact form, so the same values give the
    same bytes.
    """
    out = dict(parts)
    for sheet, part in sheet_parts(parts).items():
        def cell(m: re.Match, sheet=sheet) -> str:
            column, row, style, formula = m.groups()
            kind, value = value_of(sheet, column, int(row))
            if not kind:
                return m.group(0)
            if kind == "n":
                return f'<c r="{column}{row}"{style}>{formula}<v>{_number(value)}</v>'
            text = ("1" if value else "0") if kind == "b" else escape(str(value))
            return f'<c r="{column}{row}"{style} t="{kind}">{formula}<v>{text}</v>'
        out[part] = _FORMULA_CELL.sub(cell, parts[part].decode("utf-8")).encode("utf-8")
    return out


def _number(value) -> str:
    """A number as Excel writes it: ``5`` for a whole number, else the shortest exact form."""
    value = float(value)
    return str(int(value)) if value.is_integer() and -1e15 < value < 1e15 else repr(value)
