"""The Calc sheet: the model's rows as native formulas, one row per line item under group titles,
one column per month (single values in column C), the same formula across each row.

Nothing here defines model arithmetic: each row is :mod:`xlmodel.model`'s expression rendered by
:func:`xlmodel.formula.render`, its references resolved through the plan.
"""

from __future__ import annotations

from ...formula import parse, render
from ...model import Row
from ...text import units
from .. import styles
from ..content import Content
from ..layout import FIRST_MONTH_COL, Plan, col, month_col


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
        r = lay.rows[row.key]
        styles.write_text(ws, f"A{r}", c.label(row))
        ws[f"B{r}"] = units(c.lang)[row.unit].format(cur=c.cur)
        fmt = styles.unit_format(row.unit, c.money)
        if row.scalar:
            ws[f"C{r}"] = "=" + formula(plan, c, row, None)
            ws[f"C{r}"].number_format = fmt
        else:
            for m in range(1, c.months + 1):
                cell = ws[f"{month_col(m)}{r}"]
                cell.value = "=" + formula(plan, c, row, m)
                cell.number_format = fmt
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 14
    ws.column_dimensions["D"].width = 2
    for m in range(1, c.months + 1):
        ws.column_dimensions[month_col(m)].width = 11
    ws.freeze_panes = f"{month_col(1)}4"


def group_title(group: tuple, c: Content) -> str:
    """The title of a group of Calc rows (see :func:`xlmodel.workbook.plan.calc_group`)."""
    kind = group[0]
    if kind == "payback":
        return c.t["payback"]
    if kind in ("time", "demand"):
        return c.t[f"group_{kind}"]
    if kind == "vendor":
        return c.t["group_vendor"].format(name=c.case.vendors[group[1]].name)
    if kind == "scenario":
        return c.label(next(sc for sc in c.model.scenarios if sc.id == group[1]))
    return group[1]


def formula(plan: Plan, c: Content, row: Row, month: int | None) -> str:
    """The Excel formula of ``row`` in month ``month`` (None for a single-value row)."""
    calc, staff = plan.calc, plan.staffing
    this = month_col(month) if month else None

    def ref(name: str, mode: str | None = None) -> str:
        key = row.bind[name]
        kind, _, rest = key.partition(":")
        if kind in ("row", "st"):
            sheet = "" if kind == "row" else "Staffing!"
            target_row = calc.rows[rest] if kind == "row" else staff.rows[rest]
            target = c.model.row(rest) if kind == "row" else None
            if target is not None and target.scalar:
                return f"{sheet}$C${target_row}"
            span = f"{sheet}${month_col(1)}${target_row}:${calc.last_col}${target_row}"
            if mode == "prev":
                return f"{sheet}{col(FIRST_MONTH_COL + month - 2)}{target_row}"
            if mode == "first":
                return f"{sheet}${month_col(1)}${target_row}"
            if mode == "annual":
                years = f"${month_col(1)}${calc.year_row}:${calc.last_col}${calc.year_row}"
                return f"SUMIF({years},{this}${calc.year_row},{span})"
            if mode == "firstmonth":
                return f"MATCH(1,{span},0)"
            return f"{sheet}{this}{target_row}"
        return plan.refs[key]

    text = render(parse(row.expr), ref)
    if row.on_error:
        text = f'IFERROR({text},"{c.t["not_reached"] if row.on_error == "not reached" else row.on_error}")'
    return text
