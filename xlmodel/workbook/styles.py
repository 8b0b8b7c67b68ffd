"""The house style as data, and the small verbs the builder uses to write cells.

Inputs are blue on pale yellow and unlocked (FAST / ICAEW convention); calculations keep the
default black; values computed in Python are green italic on grey so nobody mistakes them for
inputs or native formulas; every cell but the inputs is locked by sheet protection (no password:
protection prevents accidents, not access).
Number formats are in file syntax, so Excel shows them in the user's locale.
"""

from __future__ import annotations

import copy
import weakref

from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..limits import MAX_TEXT_LENGTH
from ..text import words
from ..text.numbers import decimals_typed, typed

FONT = "Calibri"  # named in every font: a font without a name prints in LibreOffice's serif fallback
INPUT_FONT = Font(name=FONT, size=11, color="FF0000FF")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2CC")
COMPUTED_FONT = Font(name=FONT, size=11, color="FF00703C", italic=True)
COMPUTED_FILL = PatternFill("solid", fgColor="FFF2F2F2")
HEADER_FONT = Font(name=FONT, size=11, bold=True, color="FFFFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="FF1F4E78")
SECTION_FONT = Font(name=FONT, bold=True, size=11, color="FF1F4E78")
TITLE_FONT = Font(name=FONT, bold=True, size=14, color="FF1F4E78")
THIN = Side(style="thin", color="FFBFBFBF")
UNLOCKED = Protection(locked=False)
INPUT_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GREEN_FILL = PatternFill("solid", fgColor="FFC6EFCE")
RED_FILL = PatternFill("solid", fgColor="FFFFC7CE")

PERCENT = "0.0%"
INTEGER = "#,##0"
DECIMAL = "#,##0.0"
TWO_DECIMALS = "0.00"
WHOLE = "0"
FACTOR = "0.000"
CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}

# Excel's own limits: beyond them it "repairs" the file on opening and drops the validation.
_MAX_PROMPT, _MAX_TITLE, _MAX_LIST = 255, 32, 255


def currency_symbol(currency: str) -> str:
    """The symbol shown after amounts: € for EUR, £ for GBP, $ for USD, else the ISO code."""
    code = currency.strip().upper()
    return CURRENCY_SYMBOLS.get(code, code)


def money_format(currency: str, decimals: int = 0) -> str:
    """``#,##0 "€"`` for EUR; negative amounts in red with a minus sign.

    The symbol is a quoted literal in file syntax, so Excel keeps the user's thousands separator
    and decimal mark and puts the symbol after the amount in every locale.
    """
    symbol = currency_symbol(currency).replace('"', "")  # a quote would end the literal
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'{body} "{symbol}";[Red]-{body} "{symbol}"'


def field_format(f, currency: str, value=None, decimals: int | None = None) -> str:
    """The number format of an input cell of field ``f`` (:class:`xlmodel.schema.Field`) holding ``value``.

    It shows the field's declared decimals (``decimals`` overrides them: a price by its pricing
    model), or more when the typed value has more, so that the cell shows what was typed: 0.42 EUR a
    minute as 0.420 €, a seasonality weight 1.15 as 1.15, a year 2027 without separator, 700 000
    contacts without ".0". Text and choices keep the text format ``@``.
    """
    if f.kind not in ("money", "rate", "number", "int"):
        return "@"
    shown = f.shown_decimals if decimals is None else decimals
    if f.kind == "rate":
        shown = max(shown, decimals_typed(value * 100 if isinstance(value, (int, float)) else None))
        return "0" + ("." + "0" * shown if shown else "") + "%"
    shown = max(shown, decimals_typed(value))
    if f.kind == "money":
        return money_format(currency, shown)
    return ("#,##0" if f.grouped else "0") + ("." + "0" * shown if shown else "")


def unit_format(unit: str, money: str) -> str:
    """Number format of a model row by its unit (see :class:`xlmodel.model.Row`)."""
    return {"money": money, "fte": DECIMAL, "contacts": INTEGER, "hours": INTEGER, "minutes": INTEGER,
            "seconds": DECIMAL, "agents": DECIMAL, "flag": WHOLE, "index": FACTOR, "number": WHOLE,
            "rate": PERCENT}.get(unit, DECIMAL)


def _add_validation(ws, cell: str, rule: dict) -> DataValidation:
    """Put ``cell`` under the sheet's DataValidation for ``rule``, creating it on first use.

    One object per distinct rule and sheet: openpyxl writes one ``<dataValidation>`` element per
    object, so a hundred inputs with the same bounds cost one element with a hundred cells in its
    range, not a hundred elements. The objects are remembered on the sheet itself.
    """
    rules = ws.__dict__.setdefault("_xlmodel_validations", {})
    key = tuple(sorted((k, str(v)) for k, v in rule.items()))
    dv = rules.get(key)
    if dv is None:
        dv = make_validation(rule)
        ws.add_data_validation(dv)
        rules[key] = dv
    dv.add(cell)
    return dv


def make_validation(rule: dict) -> DataValidation:
    """A DataValidation from a rule such as ``{"type": "decimal", "minimum": 0, "maximum": 1,
    "unit": "share"}``, with an error message and an input prompt naming the unit.

    Rule types: ``decimal`` and ``whole`` (``minimum``/``maximum``, either may be None,
    ``exclusive_min``/``exclusive_max``, ``unit``), ``list`` (``choices``), ``textLength``
    (``minimum``/``maximum`` characters); ``lang`` (English by default) is the language of the
    messages. Raises ``ValueError`` for a list Excel cannot store.
    """
    lang = rule.get("lang", "en")
    kind, t = rule["type"], words(lang)["validation"]
    if kind == "list":
        choices = [str(c) for c in rule["choices"]]
        if any("," in c or '"' in c for c in choices):
            raise ValueError(f"list choices cannot contain commas or quotes in Excel: {choices}")
        literal = ",".join(choices)
        if len(literal) > _MAX_LIST:
            raise ValueError(f"list choices are {len(literal)} characters long; Excel allows {_MAX_LIST} "
                             "(put them in a range and validate against the range instead)")
        dv = DataValidation(type="list", formula1=f'"{literal}"', allow_blank=False)
        dv.error = t["choose"].format(choices=", ".join(choices))
        dv.prompt = dv.error
    elif kind == "textLength":
        lo, hi = int(rule["minimum"]), int(rule["maximum"])
        dv = DataValidation(type="textLength", operator="between", formula1=str(lo), formula2=str(hi),
                            allow_blank=lo == 0)
        dv.error = t["text"].format(lo=typed(lo, lang), hi=typed(hi, lang))
        dv.prompt = dv.error
    elif kind in ("decimal", "whole"):
        dv = _number_validation(kind, rule, t, lang)
    else:
        raise ValueError(f"unknown data-validation type {kind!r}: use decimal, whole, list or textLength")
    dv.errorTitle = t["error_title"]
    dv.promptTitle = t["prompt_title"]
    dv.error = _clip(dv.error, _MAX_PROMPT)
    dv.prompt = _clip(dv.prompt, _MAX_PROMPT)
    dv.showErrorMessage = True
    dv.showInputMessage = True
    dv.errorStyle = "stop"
    return dv


def _number_validation(kind: str, rule: dict, t: dict, lang: str) -> DataValidation:
    lo, hi = rule.get("minimum"), rule.get("maximum")
    lo_strict, hi_strict = bool(rule.get("exclusive_min")), bool(rule.get("exclusive_max"))
    unit = rule.get("unit") or t["no_unit"]
    what = t["whole"] if kind == "whole" else t["number"]
    shown = lambda x: typed(x, lang, rule.get("grouped", True))  # noqa: E731 - the bound as the language writes it (1 000 000 000, 0,5)
    if lo is not None and hi is not None:
        # "between" is inclusive in Excel; strict bounds are checked again when the case is read.
        dv = DataValidation(type=kind, operator="between", formula1=_num(lo), formula2=_num(hi))
        strict = t["strictly"] if lo_strict or hi_strict else ""
        bounds = t["between"].format(lo=shown(lo), hi=shown(hi)) + strict
    elif lo is not None:
        dv = DataValidation(type=kind, operator="greaterThan" if lo_strict else "greaterThanOrEqual",
                            formula1=_num(lo))
        bounds = t["above" if lo_strict else "at_least"].format(lo=shown(lo))
    elif hi is not None:
        dv = DataValidation(type=kind, operator="lessThan" if hi_strict else "lessThanOrEqual",
                            formula1=_num(hi))
        bounds = t["below" if hi_strict else "at_most"].format(hi=shown(hi))
    else:  # no bound: still refuses text in a number cell
        dv = DataValidation(type=kind, operator="between", formula1="-1E+307", formula2="1E+307")
        bounds = t["any_size"]
    dv.allow_blank = False
    dv.error = t["enter"].format(what=what, bounds=bounds, unit=unit)
    dv.prompt = t["prompt"].format(unit=unit, what=what[0].upper() + what[1:], bounds=bounds)
    return dv


def _clip(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit - 1] + "…"


def _num(x) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def write_input(ws, cell: str, value, *, number_format: str, validation: dict, note: str):
    """An input cell: value, input style, unlocked, validated, with a note giving unit and source.

    ``validation`` is a rule for :func:`make_validation`; cells with equal rules share one
    validation object. ``note`` becomes the cell's comment (author "xlmodel").
    """
    c = ws[cell]
    _set_value(c, value)
    _restyle(c, ("input", number_format), number_format=number_format, font=INPUT_FONT, fill=INPUT_FILL,
             protection=UNLOCKED, border=INPUT_BORDER)
    _add_validation(ws, cell, validation)
    comment = Comment(note, "xlmodel")
    comment.width, comment.height = 320, 140
    c.comment = comment


def field_validation(f) -> dict:
    """The data-validation rule of an input field (:class:`xlmodel.schema.Field`), for :func:`write_input`."""
    if f.kind == "choice":
        return {"type": "list", "choices": f.choices}
    if f.kind == "text":
        return {"type": "textLength", "operator": "between", "minimum": 0 if not f.required else 1,
                "maximum": MAX_TEXT_LENGTH}
    kind = "whole" if f.kind == "int" else "decimal"
    return {"type": kind, "minimum": f.minimum, "maximum": f.maximum,
            "exclusive_min": f.exclusive_min, "exclusive_max": f.exclusive_max, "unit": f.unit,
            **({} if f.grouped else {"grouped": False})}


FORMULA_TRIGGERS = ("=", "+", "-", "@")
"""First characters that make Excel (or openpyxl, for ``=``) read typed text as a formula."""


def _set_value(c, value):
    """Set a cell's value; text is always stored as text, never as a formula (formula injection).

    openpyxl turns any string starting with ``=`` into a formula, and Excel re-reads an edited
    cell starting with ``=``, ``+``, ``-`` or ``@`` as one: such text is stored as a string with
    Excel's quote prefix (the apostrophe a user types to keep ``=x`` as text).
    """
    c.value = value
    if isinstance(value, str):
        c.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            c.quotePrefix = True


def write_text(ws, cell: str, text: str):
    """Text that may come from the user (a vendor's or channel's name): stored as text, never a formula."""
    _set_value(ws[cell], text)


def write_computed(ws, cell: str, value, number_format: str):
    """A value computed in Python (Erlang staffing, analytics): distinct style, locked."""
    c = ws[cell]
    c.value = value
    _restyle(c, ("computed", number_format), number_format=number_format, font=COMPUTED_FONT, fill=COMPUTED_FILL)


def number_format(c, fmt: str):
    """Set a cell's number format (as ``c.number_format = fmt``, faster for many cells alike)."""
    _restyle(c, ("format", fmt), number_format=fmt)


# Per workbook: (a cell's style indices before, what is set) -> its style indices after.  Setting a
# font or a fill makes openpyxl hash it against the workbook's list of fonts or fills, about 0.1 ms
# a cell: thousands of cells set alike (Staffing, Risk) take the indices the first one got instead.
_RESTYLED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _restyle(c, what: tuple, **styles):
    known = _RESTYLED.setdefault(c.parent.parent, {})
    key = (tuple(c._style) if c._style else (), what)
    if key in known:
        c._style = copy.copy(known[key])
        return
    for name, value in styles.items():
        setattr(c, name, value)
    known[key] = copy.copy(c._style)


def title(ws, cell: str, text: str):
    _set_value(ws[cell], text)
    ws[cell].font = TITLE_FONT


def help_paragraph(ws, text: str, last_column: str):
    """The help under a sheet's title, in row 2, wrapped over columns A to ``last_column`` (beside no
    input): in column A alone, an input sheet's help took four to ten lines beside empty cells. Its
    row is made as tall as its lines when the sheet is finished (:func:`.printing.fit_text`)."""
    ws["A2"] = text
    ws.merge_cells(f"A2:{last_column}2")
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")


def section(ws, cell: str, text: str):
    _set_value(ws[cell], text)
    ws[cell].font = SECTION_FONT


def header_row(ws, row: int, labels: list[str] | None):
    """Style a header row; with ``labels``, write them from column A."""
    if labels:
        for j, label in enumerate(labels, start=1):
            _set_value(ws.cell(row=row, column=j), label)
    for cell in ws[row]:
        if cell.value is not None:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")


def check_format(ws, cells: str, text: bool = False):
    """Green when a check is 1 (or the status text says all pass), red otherwise.

    Red also covers an error value: a check that cannot be computed has not passed (a plain
    "not equal to 1" rule leaves an error unformatted, looking neutral). Empty cells stay plain, so
    a spacer row inside the range is not a false alarm.
    """
    if text:
        ws.conditional_formatting.add(cells, FormulaRule(formula=["master_check=1"], fill=GREEN_FILL))
        ws.conditional_formatting.add(cells, FormulaRule(formula=["master_check<>1"], fill=RED_FILL))
        return
    top_left = cells.split(":")[0].replace("$", "")  # relative: the rule moves with each cell
    ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=["1"], fill=GREEN_FILL))
    ws.conditional_formatting.add(cells, FormulaRule(formula=[f'IFERROR(AND({top_left}<>"",{top_left}<>1),TRUE)'],
                                                         fill=RED_FILL))


def protect(ws):
    """Sheet protection without password: inputs stay editable (they are unlocked), every other
    cell is locked; users may still select cells and resize or format columns and rows."""
    ws.protection.sheet = True
    # In the file these flags mean "this action is protected": False allows it.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


def set_column_widths(ws, widths: dict[str, float]):
    """Column widths by letter, in Excel character units: ``{"A": 40, "B": 24}``."""
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def set_print_landscape_one_page(ws, area: str):
    """Print ``area`` (``"A1:H40"``) on one landscape A4 page, scaled to fit."""
    ws.print_area = area
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def set_print_fit_width(ws):
    """Landscape, as many pages down as needed but one page wide (labels and values together)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def add_table(ws, name: str, ref: str):
    """An Excel table over ``ref`` (header row first): the workbook reader finds the Channels, the
    vendor quotes and the hybrid channel flags by their table names, wherever their rows are."""
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)
