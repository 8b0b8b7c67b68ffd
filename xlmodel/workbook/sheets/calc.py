"""The Calc sheet: the model's rows as native formulas, one row per line item under group titles,
one column per month (yearly rows: year 0, the signature, in column D, then one column per year;
single values in column C), the same formula across each row.

Nothing here defines model arithmetic: each row is :mod:`xlmodel.model`'s formula rendered once by
:meth:`xlmodel.model.language.Formula.excel`, its references resolved through the plan, and its
period columns substituted.
"""

from __future__ import annotations

from ...model import Row, RowRef, StaffRef
from ...model.language import MonthlyRow, Template, YearlyRow
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
        template = formula(plan, c, row)
        if row.scalar:
            first, count = 3, 1  # column C
        elif row.yearly:
            first, count = FIRST_MONTH_COL - 1, lay.years + 1  # year 0 in column D
        else:
            first, count = FIRST_MONTH_COL, c.months
        for column in range(first, first + count):  # by index: some 25 000 cells on a 5-year case
            text = template.at() if row.scalar else template.at(col(column), col(column - 1))
            styles.number_format(ws.cell(row=r, column=column, value="=" + text), fmt)
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
        return c.t["group_finance"].format(label=c.label(c.model.scenario(group[1])))
    if kind == "vendor":
        return c.t["group_vendor"].format(name=c.case.vendors[group[1]].name)
    if kind == "scenario":
        return c.label(next(sc for sc in c.model.scenarios if sc.id == group[1]))
    return group[1]


def formula(plan: Plan, c: Content, row: Row) -> Template:
    """The Excel formula of ``row``, rendered once with its period columns left open."""
    calc = plan.calc

    def locate(name: str) -> str | MonthlyRow | YearlyRow:
        ref = row.bind[name]
        if isinstance(ref, RowRef):
            target, target_row = c.model.row(ref.key), calc.rows[ref.key]
            if target.scalar:
                return f"$C${target_row}"
            return YearlyRow("", target_row) if target.yearly else MonthlyRow("", target_row)
        if isinstance(ref, StaffRef):
            return MonthlyRow("Staffing!", plan.staffing.rows[ref.key])
        return plan.refs[ref]

    on_error = None if row.on_error is None else c.t[row.on_error]
    period = None if row.scalar else "year" if row.yearly else "month"
    return row.formula.excel(locate, calc.timeline(), on_error, period)
