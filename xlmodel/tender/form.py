"""Writing the blank quote form: an Instructions sheet and a Quote sheet (one row per field, the
vendor's answer in a validated input cell with a note, the unit and guidance), both protected."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.workbook.protection import WorkbookProtection

from ..errors import InputError, Problem
from ..schema import CURRENCIES, LANGUAGES, VENDOR, Field
from ..text import choice_label, currency_text, form_words, guidance
from ..text.fields import field_note
from ..text.numbers import decimals_typed, percent, typed
from ..workbook import styles
from .fields import (CURRENCY_KEY, FORM_MARKER, GROUPS, KEY_COLUMN, VALUE_COLUMN, form_field, form_label,
                     form_unit)

def _number_format(f: Field, currency: str) -> str:
    """The field's own format (:func:`styles.field_format`); amounts to the cent, a price to the tenth
    of a cent (a per-minute quote)."""
    if f.kind == "money":
        return styles.field_format(f, currency, decimals=3 if f.name == "price" else 2)
    return styles.field_format(f, currency)  # text and choices: "@", what is typed stays text, even "=..."


def _default_text(f: Field, currency: str, lang: str) -> str:
    if f.kind == "choice":
        return choice_label(f.default, lang)  # as the list shows it
    if f.kind == "rate":  # 2.5% in English, 2,5 % in French
        return percent(f.default, decimals_typed(f.default * 100), lang)
    if f.kind == "money":
        return f"{typed(f.default, lang)} {currency_text(currency, lang)}"
    if f.kind == "number":
        return typed(f.default, lang)
    return f"{f.default}" if f.default not in ("", None) else ""


def _note(f: Field, lang: str, currency: str) -> str:
    return field_note(f, lang, currency, form_label(f, lang), form_unit(f, lang, currency))


def quote_form(lang: str = "en", currency: str = "EUR") -> Workbook:
    """The quote form as an openpyxl workbook: Instructions, then the Quote sheet (see the package)."""
    if lang not in LANGUAGES:
        raise InputError(Problem.of("--lang", "lang_choice", values=", ".join(LANGUAGES), found=lang))
    if currency not in CURRENCIES:
        raise InputError(Problem.of("--currency", "lang_choice", values=", ".join(CURRENCIES), found=currency))
    w = form_words(lang)
    fmt = {"currency": currency_text(currency, lang), "quote": w["quote"], "answer": w["answer"], "unit": w["unit"],
           "guidance": w["guidance"]}
    wb = Workbook()
    _instructions(wb.active, w, fmt)
    _quote_sheet(wb.create_sheet(w["quote"]), w, fmt, lang, currency)
    # Sheets cannot be renamed, moved or deleted (no password): the form is read automatically.
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return wb


def _instructions(info, w: dict, fmt: dict):
    """The Instructions sheet: numbered paragraphs, then the form marker in small grey type."""
    wrap = Alignment(wrap_text=True, vertical="top")
    info.title = w["instructions"]
    styles.title(info, "A1", w["title"])
    for i, paragraph in enumerate(w["paragraphs"], start=1):
        cell = info.cell(row=2 + i, column=1, value=f"{i}. " + paragraph.format(**fmt))
        cell.alignment = wrap
    info.cell(row=3 + len(w["paragraphs"]) + 1, column=1, value=FORM_MARKER).font = Font(color="FF808080", size=8)
    info.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    for row in range(3, 3 + len(w["paragraphs"])):
        info.row_dimensions[row].height = _height(info.cell(row=row, column=1).value, INSTRUCTIONS_WIDTH) + 4
    info.print_area = f"A1:A{3 + len(w['paragraphs']) + 1}"
    styles.protect(info)
    _print_portrait_fit_width(info)


def _quote_sheet(ws, w: dict, fmt: dict, lang: str, currency: str):
    """The Quote sheet: the currency, then the fields group by group, one row each."""
    styles.title(ws, "A1", w["title"])
    ws[f"{KEY_COLUMN}1"] = FORM_MARKER
    ws["A2"] = w["quote_help"].format(**fmt)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:D2")
    ws.row_dimensions[2].height = 30
    ws["A3"] = w["currency"]
    ws[f"{VALUE_COLUMN}3"] = currency_text(currency, lang)  # read back by its code or its sign
    ws[f"{VALUE_COLUMN}3"].font = Font(bold=True)
    ws[f"{KEY_COLUMN}3"] = CURRENCY_KEY
    header = 5
    styles.header_row(ws, header, [w["field"], w["answer"], w["unit"], w["guidance"]])
    r = header + 1
    for group, names in GROUPS:
        styles.section(ws, f"A{r}", w["groups"][group])
        r += 1
        for name in names:
            _field_row(ws, r, form_field(name), w, lang, currency)
            r += 1
    styles.set_column_widths(ws, QUOTE_WIDTHS)
    ws.column_dimensions[KEY_COLUMN].hidden = True
    ws.freeze_panes = f"A{header + 1}"
    ws.print_title_rows = f"{header}:{header}"
    ws.print_area = f"A1:D{r - 1}"
    styles.protect(ws)
    _print_portrait_fit_width(ws)


def _field_row(ws, r: int, f: Field, w: dict, lang: str, currency: str):
    """One field: label (``*`` when required), the answer cell, the unit or choices, the guidance
    (with the default a blank means), and the field's name in the hidden key column."""
    wrap = Alignment(wrap_text=True, vertical="top")
    ws[f"A{r}"] = form_label(f, lang) + (" *" if f.required else "")
    ws[f"A{r}"].alignment = wrap
    validation = styles.field_validation(f)
    if f.kind == "choice":  # the list offers the labels (per hour, oui); the import reads them back to values
        validation = {**validation, "choices": tuple(choice_label(v, lang) for v in f.choices)}
    styles.write_input(ws, f"{VALUE_COLUMN}{r}", None, number_format=_number_format(f, currency),
                       validation=validation, note=_note(f, lang, currency))
    ws[f"{VALUE_COLUMN}{r}"].alignment = Alignment(vertical="top")
    ws[f"C{r}"] = (" / ".join(choice_label(v, lang) for v in f.choices) if f.kind == "choice"
                   else form_unit(f, lang, currency))
    ws[f"C{r}"].alignment = wrap
    asks = guidance(lang)[f.name]
    if f.name in VENDOR.by_name and not f.required and f.default not in ("", None):
        asks += " " + w["default"].format(value=_default_text(f, currency, lang))
    ws[f"D{r}"] = asks
    ws[f"D{r}"].alignment = wrap
    ws[f"{KEY_COLUMN}{r}"] = f.name
    ws.row_dimensions[r].height = max(_height(ws[f"{c}{r}"].value, QUOTE_WIDTHS[c]) for c in "ACD")


INSTRUCTIONS_WIDTH = 80  # one column wider than the page is cut, never scaled (LibreOffice)
QUOTE_WIDTHS = {"A": 40, "B": 24, "C": 22, "D": 60, KEY_COLUMN: 24}
"""Column widths of the Quote sheet (Excel character units); column E holds the hidden keys."""
_LINE_POINTS = 15.0  # one line of 11 pt text
_CHARS_PER_WIDTH = 1.2  # prose is narrower than the digit "0" that defines a column's width


def _height(text, width: float) -> float:
    """Row height (points) that shows ``text`` wrapped in a column of ``width`` characters.

    Neither Excel nor LibreOffice fits the height of rows written by openpyxl to wrapped text when
    the file opens, so the form sets it: one line per ``width`` characters, words kept whole.
    """
    width *= _CHARS_PER_WIDTH
    lines, used = 1, 0
    for word in str(text or "").split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines * _LINE_POINTS


def _print_portrait_fit_width(ws):
    styles.set_print_fit_width(ws)
    ws.page_setup.orientation = "portrait"
    ws.page_margins.left = ws.page_margins.right = 0.5


def write_quote_form(path: str | Path, lang: str = "en", currency: str = "EUR") -> Path:
    """Write the quote form to ``path`` (same bytes for the same arguments; atomic; refuses when
    Excel holds the file open)."""
    from ..workbook.files import save_deterministic
    path = Path(path)
    save_deterministic(quote_form(lang, currency), path)
    return path
