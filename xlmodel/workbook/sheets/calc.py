"""The Calc sheet: the model's rows as native formulas, one row per line item under group titles,
one column per month (yearly rows: year 0, the signature, in column D, then one column per year;
single values in column C), the same formula across each row.

Nothing here defines model arithmetic: each row is :mod:`xlmodel.model`'s formula, written by
:func:`xlmodel.workbook.sheets.rows.write_row`.
"""

from __future__ import annotations

from ...text import after_colon
from .. import styles
from ..content import Content
from ..layout import Plan, month_col
from .rows import write_row


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.calc
    styles.title(ws, "A1", t["calc_title"])
    styles.header_row(ws, 2, [t["line_item"], t["unit"], t["value"], ""])
    ws["A3"] = t["month_start"]
    for group, r in lay.groups:
        styles.section(ws, f"A{r}", group_title(group, c))
    for m in range(1, c.months + 1):
        letter = month_col(m)
        ws[f"{letter}3"] = f"=DATE(finance_start_year,{letter}{lay.month_row},1)"
        ws[f"{letter}3"].number_format = "mmm yyyy"
        ws[f"{letter}2"] = None
    for row in c.model.rows:
        write_row(ws, plan, c, row, lay.rows[row.key])
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 14
    ws.column_dimensions["D"].width = 11  # empty for monthly rows, year 0 (the signature) for yearly rows
    for m in range(1, c.months + 1):
        ws.column_dimensions[month_col(m)].width = 11
    ws.freeze_panes = f"{month_col(1)}4"


def group_title(group: tuple, c: Content) -> str:
    """The title of a group of Calc rows (see :func:`xlmodel.workbook.plan.calc_group`)."""
    kind = group[0]
    if kind == "payback":
        return c.t["payback"]
    if kind in ("time", "demand", "years"):
        return c.t[f"group_{kind}"]
    if kind == "finance":
        return c.t["group_finance"].format(label=after_colon(c.label(c.model.scenario(group[1])), c.lang))
    if kind == "vendor":
        return c.t["group_vendor"].format(name=c.case.vendors[group[1]].name)
    if kind == "scenario":
        return c.label(next(sc for sc in c.model.scenarios if sc.id == group[1]))
    if kind == "continuity":
        return c.t["group_continuity"].format(label=after_colon(c.label(c.model.scenario(group[1])), c.lang))
    return group[1]
