"""The house style as data, and the small verbs the builder uses to write cells.

Inputs are blue on pale yellow and unlocked (FAST / ICAEW convention); values computed in Python
are green on grey so nobody mistakes them for inputs or native formulas; every other cell is
locked by sheet protection (no password: protection prevents accidents, not access).
Number formats are in file syntax, so Excel shows them in the user's locale.
"""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

INPUT_FONT = Font(color="FF0000FF")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2CC")
COMPUTED_FONT = Font(color="FF00703C", italic=True)
COMPUTED_FILL = PatternFill("solid", fgColor="FFF2F2F2")
HEADER_FONT = Font(bold=True, color="FFFFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="FF1F4E78")
SECTION_FONT = Font(bold=True, size=11, color="FF1F4E78")
TITLE_FONT = Font(bold=True, size=14, color="FF1F4E78")
THIN = Side(style="thin", color="FFBFBFBF")
UNLOCKED = Protection(locked=False)
GREEN_FILL = PatternFill("solid", fgColor="FFC6EFCE")
RED_FILL = PatternFill("solid", fgColor="FFFFC7CE")

PERCENT = "0.0%"
INTEGER = "#,##0"
DECIMAL = "#,##0.0"
FACTOR = "0.000"
CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}


def money_format(currency: str, decimals: int = 0) -> str:
    """``#,##0 "€"`` for EUR; negative amounts in red with a minus sign."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'{body} "{symbol}";[Red]-{body} "{symbol}"'


def unit_format(unit: str, money: str) -> str:
    """Number format of a model row by its unit (see :class:`xlmodel.model.Row`)."""
    return {"money": money, "fte": DECIMAL, "contacts": INTEGER, "hours": INTEGER, "minutes": INTEGER,
            "seconds": DECIMAL, "agents": DECIMAL, "flag": "0", "index": FACTOR, "number": "0"}.get(unit, DECIMAL)


def _add_validation(ws, cell: str, rule: dict):
    """One DataValidation object per distinct rule and sheet (openpyxl writes one element each),
    remembered on the sheet itself."""
    rules = ws.__dict__.setdefault("_xlmodel_validations", {})
    key = tuple(sorted((k, str(v)) for k, v in rule.items()))
    dv = rules.get(key)
    if dv is None:
        dv = _make_validation(rule)
        ws.add_data_validation(dv)
        rules[key] = dv
    dv.add(cell)


def _make_validation(rule: dict) -> DataValidation:
    kind = rule["type"]
    if kind == "list":
        dv = DataValidation(type="list", formula1='"' + ",".join(rule["choices"]) + '"', allow_blank=False)
        dv.error = "Choose one of: " + ", ".join(rule["choices"])
    elif kind == "textLength":
        dv = DataValidation(type="textLength", operator="between", formula1=str(rule["minimum"]),
                            formula2=str(rule["maximum"]), allow_blank=rule["minimum"] == 0)
        dv.error = f"Text of {rule['minimum']} to {rule['maximum']} characters"
    else:
        lo, hi = rule["minimum"], rule["maximum"]
        dv = DataValidation(type=kind, operator="between", formula1=_num(lo), formula2=_num(hi), allow_blank=False)
        # Data validation bounds are inclusive; strict bounds are checked again when the case is read.
        strict = " (strictly)" if rule.get("exclusive_min") or rule.get("exclusive_max") else ""
        dv.error = f"Enter a {'whole ' if kind == 'whole' else ''}number between {_num(lo)} and {_num(hi)}" \
                   f"{strict} ({rule.get('unit') or 'no unit'})"
    dv.errorTitle = "Invalid input"
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    return dv


def _num(x) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def write_input(ws, cell: str, value, *, number_format: str, validation: dict, note: str):
    """An input cell: value, input style, unlocked, validated, with a note giving unit and source."""
    c = ws[cell]
    c.value = value
    c.number_format = number_format
    c.font = INPUT_FONT
    c.fill = INPUT_FILL
    c.protection = UNLOCKED
    c.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    _add_validation(ws, cell, validation)
    comment = Comment(note, "xlmodel")
    comment.width, comment.height = 320, 140
    c.comment = comment


def write_computed(ws, cell: str, value, number_format: str):
    """A value computed in Python (Erlang staffing, analytics): distinct style, locked."""
    c = ws[cell]
    c.value = value
    c.number_format = number_format
    c.font = COMPUTED_FONT
    c.fill = COMPUTED_FILL


def title(ws, cell: str, text: str):
    ws[cell] = text
    ws[cell].font = TITLE_FONT


def section(ws, cell: str, text: str):
    ws[cell] = text
    ws[cell].font = SECTION_FONT


def header_row(ws, row: int, labels: list[str] | None):
    """Style a header row; with ``labels``, write them from column A."""
    if labels:
        for j, label in enumerate(labels, start=1):
            ws.cell(row=row, column=j, value=label)
    for cell in ws[row]:
        if cell.value is not None:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")


def check_format(ws, cells: str, text: bool = False):
    """Green when a check is 1 (or the status text says all pass), red when 0."""
    if text:
        ws.conditional_formatting.add(cells, FormulaRule(formula=["master_check=1"], fill=GREEN_FILL))
        ws.conditional_formatting.add(cells, FormulaRule(formula=["master_check<>1"], fill=RED_FILL))
        return
    ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=["1"], fill=GREEN_FILL))
    ws.conditional_formatting.add(cells, CellIsRule(operator="notEqual", formula=["1"], fill=RED_FILL))


def protect(ws):
    """Sheet protection without password; users may still format and resize."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False


def set_print_landscape_one_page(ws, area: str):
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
