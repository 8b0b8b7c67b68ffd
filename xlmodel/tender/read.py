"""Reading a returned quote form, whatever its language and wherever its rows: the hidden key column
names each row's field, the values go through the case format's validation, and every problem is
reported with the form and the cell (``quote_acme.xlsx: Quote!B9: must be > 0 ...``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string

from ..case import _read_section
from ..errors import InputError, Problem, Words
from ..schema import CURRENCIES, VENDOR
from ..text import choice_value
from .fields import CURRENCY_KEY, FORM_MARKER, FORM_MARKER_PREFIX, INFO, KEY_COLUMN, VALUE_COLUMN, form_fields

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


@dataclass(frozen=True)
class Quote:
    """A returned form, validated: the vendor fields (client scores at their defaults), the
    information fields, and the cell each field was read from (``{"price": "Quote!B9"}``)."""

    path: Path
    vendor: dict[str, Any]
    info: dict[str, Any]
    cells: dict[str, str]
    currency: str
    notices: tuple[str, ...] = ()
    typed: frozenset = frozenset()  # the vendor fields answered on the form (not left blank)

    @property
    def name(self) -> str:
        return self.vendor["name"]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _column_cells(ws, column: int) -> list:
    """The cells of one column that exist, top to bottom (asking openpyxl for every row would create
    one cell per empty row, as many as the sheet's last row says)."""
    return [cell for (_, c), cell in sorted(ws._cells.items()) if c == column]


def _find_form_sheet(wb):
    """The sheet whose key column holds the form marker, with the marker's value; (None, None) if none."""
    for ws in wb.worksheets:
        if not hasattr(ws, "iter_rows"):
            continue
        for cell in _column_cells(ws, column_index_from_string(KEY_COLUMN)):
            if isinstance(cell.value, str) and cell.value.strip().lower().startswith(FORM_MARKER_PREFIX):
                return ws, cell.value.strip()
    return None, None


def _key_rows(ws, where_file: str, problems: list[Problem]) -> dict[str, int]:
    """Field name -> row, from the hidden key column; a key seen twice is a problem."""
    key_col = column_index_from_string(KEY_COLUMN)
    rows: dict[str, int] = {}
    for cell in _column_cells(ws, key_col):
        key = cell.value.strip() if isinstance(cell.value, str) else None
        if not key or key.lower().startswith(FORM_MARKER_PREFIX):
            continue
        if key in rows:
            problems.append(Problem.of(f"{where_file}: {ws.title}!{KEY_COLUMN}{cell.row}", "form_field_twice",
                                       name=key, row=rows[key]))
            continue
        rows[key] = cell.row
    return rows


def _answers(ws, rows: dict[str, int], where_file: str, problems: list[Problem], opened=None):
    """The vendor's answers (blank cells left out), split into vendor and information fields, and
    the cell of each field by its case-format location (to locate the validation's problems)."""
    value_col = column_index_from_string(VALUE_COLUMN)
    vendor_item: dict[str, Any] = {}
    info_item: dict[str, Any] = {}
    where: dict[str, str] = {}
    for f in form_fields():
        target, location = ((vendor_item, f"[[vendors]] 1 .{f.name}") if f.name in VENDOR.by_name
                            else (info_item, f"[{INFO.name}] .{f.name}"))
        if f.name not in rows:
            problems.append(Problem.of(f"{where_file}: {ws.title}!", "form_row_missing",
                                       label=Words(repr(f.label_en), f"« {f.label_fr} »"), key=f.name))
            where[location] = f"{ws.title}!"
            continue
        where[location] = f"{ws.title}!{VALUE_COLUMN}{rows[f.name]}"
        value = ws.cell(row=rows[f.name], column=value_col).value
        formula = None if opened is None else opened.formula(ws.title, rows[f.name], value_col)
        if formula is not None:
            problems.append(Problem.of(f"{where_file}: {where[location]}", "form_formula", formula=formula))
        elif not _blank(value):  # a choice's label in either language (à l'heure, per hour) reads as its value
            target[f.name] = choice_value(value, f.choices) if f.kind == "choice" else value
    return vendor_item, info_item, where


def read_quote_form(path: str | Path) -> Quote:
    """Read and validate one returned quote form.

    The form is opened as untrusted (macros and external links ignored, reported as notices).

    Raises
    ------
    InputError
        Every problem of the form, each located as ``FORM: Quote!B9``.
    """
    from ..workbook.untrusted import open_untrusted
    path = Path(path)
    opened = open_untrusted(path)
    where_file = str(path)
    ws, marker = _find_form_sheet(opened.wb)
    if ws is None:
        raise InputError(Problem.of(where_file, "not_a_form", column=KEY_COLUMN))
    if marker.lower() != FORM_MARKER:
        raise InputError(Problem.of(where_file, "form_version", found=marker, version=repr(FORM_MARKER)))
    problems: list[Problem] = []
    rows = _key_rows(ws, where_file, problems)

    def located(field_name: str) -> str:
        return f"{ws.title}!{VALUE_COLUMN}{rows[field_name]}"

    value_col = column_index_from_string(VALUE_COLUMN)
    currency = None
    if CURRENCY_KEY in rows:
        currency = choice_value(ws.cell(row=rows[CURRENCY_KEY], column=value_col).value, CURRENCIES)  # € or EUR
    if currency not in CURRENCIES:
        cell = located(CURRENCY_KEY) if CURRENCY_KEY in rows else f"{ws.title}!"
        problems.append(Problem.of(f"{where_file}: {cell}", "form_currency", names=list(CURRENCIES), found=currency))
    vendor_item, info_item, where = _answers(ws, rows, where_file, problems, opened)
    section_problems: list[Problem] = []
    vendor = _read_section(VENDOR, vendor_item, 1, section_problems)
    info = _read_section(INFO, info_item, None, section_problems)
    email = info.get("contact_email")
    if email and not _EMAIL.match(email):
        section_problems.append(Problem.of(f"[{INFO.name}] .contact_email", "form_email", found=email))
    located_problems = [(where.get(p.location, ws.title + "!"), p) for p in section_problems]
    located_problems.sort(key=lambda item: int(re.sub(r"\D", "", item[0].rpartition("!")[2]) or 0))
    problems += [p.moved(f"{where_file}: {cell}") for cell, p in located_problems]
    if problems:
        raise InputError(problems)
    cells = {name: located(name) for name in rows}
    return Quote(path, vendor, info, cells, currency, tuple(opened.notices), frozenset(vendor_item))
