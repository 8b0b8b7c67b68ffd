"""The Vendors sheet: one row per quote in an Excel table with drop-down lists, units above the
header, and whether each vendor gets a hybrid scenario."""

from __future__ import annotations

from ...schema import PRICE_DECIMALS, VENDOR, Field
from .. import styles
from ..content import Content
from ..glyphs import one_line_width
from ..layout import VENDOR_TABLE, Plan, col


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.vendors
    styles.title(ws, "A1", t["vendors_title"])
    ws["A2"] = t["vendors_help"]
    for j, f in enumerate(VENDOR.fields, start=1):
        ws.cell(row=lay.units_row, column=j, value=c.unit_of(f))
        ws.cell(row=lay.header, column=j, value=c.label(f))
        for v, vendor in enumerate(c.case.vendors):
            decimals = PRICE_DECIMALS.get(vendor.pricing_model) if f.name == "price" else None
            c.input_cell(ws, f"{lay.columns[f.name]}{lay.row(v)}", f, getattr(vendor, f.name), decimals)
        ws.column_dimensions[col(j)].width = _width(ws, j, lay)
    # Which vendors get a hybrid scenario: a per-vendor choice, so it lives in the quotes table.
    yes_no = Field("hybrid", "choice", "yes", "", t["hybrid_scenario"], t["hybrid_scenario"],
                   choices=("yes", "no"))
    ws[f"{lay.hybrid_column}{lay.header}"] = t["hybrid_scenario"]
    for v, vendor in enumerate(c.case.vendors):
        c.input_cell(ws, f"{lay.hybrid_column}{lay.row(v)}", yes_no,
                     "yes" if vendor.name in c.case.hybrid.vendors else "no")
    ws.column_dimensions[lay.hybrid_column].width = 16
    ws.column_dimensions["A"].width = 28
    styles.header_row(ws, lay.header, None)
    styles.add_table(ws, VENDOR_TABLE, f"A{lay.header}:{lay.hybrid_column}{lay.last_row}")
    ws.freeze_panes = f"B{lay.header + 1}"


def _width(ws, column: int, lay) -> float:
    """16 units, or the width of the column's longest text on one line, with its margins and the
    indent of a text after a figure: "minutes conseiller" (14.8 units) took two lines of a 16-unit
    column, every row of the French quotes twice its height."""
    texts = [cell.value for row in ws.iter_rows(min_row=lay.row(0), max_row=lay.last_row, min_col=column,
                                                max_col=column) for cell in row if isinstance(cell.value, str)]
    return max(16, one_line_width(texts, spare=1))
