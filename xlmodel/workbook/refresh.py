"""Plain-data logic of the workbook macros: what `refresh` writes and what `freeze_values` keeps.

The xlwings layer (``udfs/macros.py``) only reads and writes ranges; everything it decides comes
from these functions, which take and return plain data and are tested without Excel.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..case import Case
from .book import build_workbook
from .layout import FIRST_MONTH_COL
from .sheetnames import title

CellValues = dict[tuple[str, str], object]  # (sheet, "E5") -> value


def python_blocks(case: Case, lang: str = "en") -> CellValues:
    """Every value cell of the Python-computed blocks: the Staffing sizing and the inputs it used,
    the Risk sheet (tornado, Monte Carlo, scoring, break-evens, economic view, and the analytics in
    words the Dashboard shows while they are current).

    The workbook's layout depends only on the case's structure (channels, vendors, horizon), so a
    refresh of a workbook whose inputs changed writes exactly the cells the builder wrote. The
    sheets are named by their tabs in ``lang`` (``Risques`` in French).
    """
    wb, _ = build_workbook(case, lang)
    cells: CellValues = {}
    risk, staffing = title("Risk", lang), title("Staffing", lang)
    for row in wb[risk].iter_rows(min_row=4):
        for cell in row:
            if cell.value is not None and cell.data_type != "f":
                cells[(risk, cell.coordinate)] = cell.value
    ws = wb[staffing]
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            value = cell.value
            if isinstance(value, (int, float, str)) and cell.data_type != "f":
                if cell.column >= FIRST_MONTH_COL or cell.column == 2:
                    if isinstance(value, str):
                        continue  # labels and units stay as built
                    cells[(staffing, cell.coordinate)] = value
    return cells


_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_.]*)\s*\(")  # Excel names are case-insensitive


def freeze_plan(cells: Iterable[tuple[str, str, str, object]], python_functions: set[str]) -> CellValues:
    """The cells to replace by their value: every formula that calls one of ``python_functions``.

    ``cells`` are (sheet, coordinate, formula, current value). Native formulas are kept, so the
    frozen copy still calculates everywhere; only what needs Python becomes a number.

    >>> freeze_plan([("Compare", "C5", "=IFERROR(OUTSOURCE_NPV(A1:A5,B1:B5,9),\\"x\\")", 12.5),
    ...              ("Compare", "C6", "=SUM(A1:A5)", 3.0)], {"OUTSOURCE_NPV"})
    {('Compare', 'C5'): 12.5}
    """
    names = {n.upper() for n in python_functions}
    frozen: CellValues = {}
    for sheet, coordinate, formula, value in cells:
        if isinstance(formula, str) and formula.startswith("="):
            called = {m.group(1).upper() for m in _CALL.finditer(formula)}
            if called & names:
                frozen[(sheet, coordinate)] = value
    return frozen
