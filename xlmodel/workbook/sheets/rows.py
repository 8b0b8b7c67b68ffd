"""Model rows as native formulas, on the sheet that holds them: the model's rows on Calc, the rows of
the native staffing sizing on Staffing (:mod:`xlmodel.model.sizing`).

Nothing here defines model arithmetic: each row is :mod:`xlmodel.model`'s formula rendered once by
:meth:`xlmodel.model.language.Formula.excel`, its references resolved through the plan, and its
period columns substituted: the same formula across each row.
"""

from __future__ import annotations

import re

from ...model import Fixed, ProfileUplift, Row, RowRef, StaffRef
from ...model.language import MonthlyRow, Template, YearlyRow
from ...text import choice_labels, units
from .. import styles
from ..content import Content
from ..parts import share_row
from ..layout import FIRST_MONTH_COL, Plan, col


def formula(plan: Plan, c: Content, row: Row, sheet: str = "Calc", at: int | None = None) -> Template:
    """The Excel formula of ``row`` written on ``sheet`` (``"Calc"`` or ``"Staffing"``, at sheet row
    ``at`` for a row with a :class:`~xlmodel.model.Fixed` number), rendered once with its period
    columns left open."""
    calc, staffing = plan.calc, plan.staffing

    def prefix(where: str) -> str:
        return "" if where == sheet else f"{where}!"

    def locate(name: str) -> str | MonthlyRow | YearlyRow:
        ref = row.bind[name]
        if isinstance(ref, RowRef):
            if ref.key in staffing.sizing_rows:
                return MonthlyRow(prefix("Staffing"), staffing.sizing_rows[ref.key])
            target, target_row = c.model.row(ref.key), calc.rows[ref.key]
            if target.scalar:
                return f"{prefix('Calc')}$C${target_row}"
            return (YearlyRow if target.yearly else MonthlyRow)(prefix("Calc"), target_row)
        if isinstance(ref, StaffRef):
            return MonthlyRow(prefix("Staffing"), staffing.rows[ref.key])
        if isinstance(ref, ProfileUplift):
            return MonthlyRow(prefix("Staffing"), staffing.profile_rows[ref.key])
        if isinstance(ref, Fixed):
            return f"$C${at}"
        return plan.refs[ref]

    on_error = None if row.on_error is None else c.t[row.on_error]
    period = None if row.scalar else "year" if row.yearly else "month"
    grid = staffing.timeline(calc) if sheet == "Staffing" else calc.timeline()
    return _labelled(row.formula.excel(locate, grid, on_error, period), choice_labels(c.lang))


_TEXT = re.compile(r'"((?:[^"]|"")*)"')


def _labelled(template: Template, labels: dict[str, str]) -> Template:
    """The formula with each choice value it tests written as the label its input cell shows in the
    book's language (``(hybrid_mode="horaires étendus")*1``): the cells hold labels, chosen from a
    list, so a choice made in the spreadsheet recalculates natively."""
    def label(m: re.Match) -> str:
        text = m.group(1).replace('""', '"')
        return '"' + labels.get(text, text).replace('"', '""') + '"'
    text = _TEXT.sub(label, template.text)
    return template if text == template.text else Template(text)


def write_row(ws, plan: Plan, c: Content, row: Row, r: int, sheet: str = "Calc") -> None:
    """``row``'s label, unit and formulas on sheet row ``r``: a single value in column C, a yearly
    row from column D (year 0, the signature), a monthly row from column E, written in its first
    period and filled across at save (:func:`xlmodel.workbook.parts.share_row`); a fixed number of
    the row (a search step) as a locked value in column C."""
    styles.write_text(ws, f"A{r}", c.label(row))
    ws[f"B{r}"] = units(c.lang)[row.unit].format(cur=c.cur_text)
    fmt = styles.unit_format(row.unit, c.money)
    template = formula(plan, c, row, sheet, r)
    for ref in row.bind.values():
        if isinstance(ref, Fixed):
            styles.number_format(ws.cell(row=r, column=3, value=ref.value), styles.INTEGER)
    if row.scalar:
        first, count = 3, 1  # column C
    elif row.yearly:
        first, count = FIRST_MONTH_COL - 1, plan.calc.years + 1  # year 0 in column D
    else:
        first, count = FIRST_MONTH_COL, plan.calc.months
    if not template.periodic:  # the same formula in every period (a constant row): written in each
        for column in range(first, first + count):
            styles.number_format(ws.cell(row=r, column=column, value="=" + template.at()), fmt)
        return
    # One formula across the periods: written in the first, filled across when saved.
    text = template.at(col(first), col(first - 1))
    styles.number_format(ws.cell(row=r, column=first, value="=" + text), fmt)
    share_row(ws, r, first, first + count - 1)
