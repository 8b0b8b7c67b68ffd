"""The Dashboard: the recommendation in words (a native formula, live), the best scenario's figures,
the scenario table, the charts, and the sentences computed in Python with the Risk sheet."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font

from ...text.numbers import tenths_formula
from ...text.sentences import (ChannelCells, RecommendationCells, native, recommendation_formula,
                               service_targets_formula)
from .. import styles
from ..content import Content, define_name
from ..layout import Plan, col
from ..printing import DASHBOARD_COLUMNS
from .charts import DASHBOARD_SHARES, cash_chart, cost_chart, place, tornado_chart


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.dashboard
    styles.title(ws, "A1", t["dashboard_title"])
    ws["A2"] = "=case_name"
    ws["A3"] = t["checks_status"]
    ws["B3"] = f'=IF(master_check=1,"{t["all_ok"]}","{t["not_ok"]}")'
    styles.check_format(ws, "B3", text=True)
    ws.merge_cells("B3:D3")  # its colour under the whole sentence ("A CHECK FAILS: see the Checks sheet")
    _recommendation(ws, plan, c)
    _scenario_table(ws, plan, c)
    place(ws, [cost_chart(ws.parent["Compare"], plan, c), cash_chart(ws.parent["Compare"], plan, c),
               tornado_chart(ws.parent["Risk"], plan, c)], lay.chart_row, lay.sentence_row - 2, DASHBOARD_COLUMNS,
          DASHBOARD_SHARES)
    _analytics(ws, plan, c)


def _analytics(ws, plan: Plan, c: Content):
    """The analytics computed in Python, in words, from the Risk sheet while they match the inputs;
    once an input changes, one sentence saying they are out of date and how to refresh them instead
    (the live recommendation of A4 stays the one headline)."""
    lay, risk = plan.dashboard, plan.risk
    current = risk.current_ref
    sentence, *lines = risk.sentences.rows
    stale = c.t["analytics_stale"].replace('"', '""')
    ws[lay.sentence_cell] = f'=IF({current}=1,Risk!$A${sentence},"{stale}")'
    ws[lay.sentence_cell].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"A{lay.sentence_row}:{col(DASHBOARD_COLUMNS)}{lay.sentence_row + 2}")
    if len(lines) != len(lay.decisions):
        raise RuntimeError(f"the Dashboard was planned with {len(lay.decisions)} decision lines, not {len(lines)}")
    for cell, r in zip(lay.decision_cells, lines):
        ws[cell] = f'=IF({current}=1,Risk!$A${r},"")'


def _recommendation(ws, plan: Plan, c: Content):
    """The eligible scenario with the lowest NPV of cost, natively, and the sentence that says it
    (the template of :func:`xlmodel.text.sentences.recommendation`, rendered as a live formula)."""
    t, lay = c.t, plan.compare
    span = lay.row_span
    best = f"MATCH(MIN({span(lay.eligible_npv)}),{span(lay.eligible_npv)},0)"
    define_name(ws, "best_scenario", "Dashboard!$B$6")
    styles.section(ws, "A5", t["recommendation"])
    # The recommended scenario's id: what the sentence of A4 and the readers test, never read by a
    # person (its row is hidden; B9 says the scenario's name).
    ws["A6"] = t["scenario_key"]
    ws["B6"] = f"=INDEX({span(lay.ids)},{best})"
    ws.row_dimensions[6].hidden = True
    ws["A7"] = t["npv_savings"]
    ws["B7"] = f"=INDEX({span(lay.npv_savings)},{best})"
    ws["B7"].number_format = c.money
    ws["A8"] = t["payback"]
    ws["B8"] = f"=INDEX({span(lay.payback)},{best})"
    ws["A9"] = t["scenario"]
    ws["B9"] = f"=INDEX({span(lay.head)},{best})"
    define_name(ws, "best_npv_savings", "Dashboard!$B$7")
    define_name(ws, "best_payback_month", "Dashboard!$B$8")
    ws["A10"] = t["service_targets"]
    ws["B10"] = "=" + service_targets_formula(_channel_cells(plan), c.lang)
    alternative = lay.alternative_span
    match = f"MATCH(MIN({alternative(lay.npv_cost)}),{alternative(lay.npv_cost)},0)"  # as sentences.recommendation
    cells = RecommendationCells(best_id="B6", label="B9", saving="B7", payback="B8", targets="B10",
                                alternative_label=f"INDEX({alternative(lay.head)},{match})",
                                alternative_saving=f"INDEX({alternative(lay.npv_savings)},{match})")
    ws["A4"] = recommendation_formula(cells, c.lang, c.cur)
    ws["A4"].font = Font(name=styles.FONT, bold=True, size=12)
    ws["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"A4:{col(DASHBOARD_COLUMNS)}4")
    ws.row_dimensions[4].height = 36


def _notes(ws, r: int, c: Content):
    """Under the scenario table: what its FTE count, and the tax basis of every figure (live: the
    VAT recovered and the corporation tax rate are inputs)."""
    t = c.t
    ws[f"A{r}"] = t["fte_note"]
    def percent(rate: str) -> str:  # a rate in percentage points, to the tenth (25.8, 20); no 100 typed
        return tenths_formula(f"{rate}/1%")
    ws[f"A{r + 1}"] = "=" + native(t["tax_basis"], tax=percent("finance_corporation_tax_rate"),
                                   recovery=percent("finance_vat_recovery"), vat=percent("finance_vat_rate"))
    for row in (r, r + 1):
        ws[f"A{row}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(f"A{row}:{col(DASHBOARD_COLUMNS)}{row}")
        ws.row_dimensions[row].height = 30


def _channel_cells(plan: Plan) -> list[ChannelCells]:
    """Each channel's name and service target on the Channels sheet."""
    lay = plan.channels
    return [ChannelCells(*(lay.cell(i, name) for name in ("name", "kind", "service_level", "answer_seconds",
                                                           "response_hours")))
            for i in range(lay.count)]


def _scenario_table(ws, plan: Plan, c: Content):
    """One row per scenario: its NPVs, ROI, payback, IRR, year-1 cost per contact and FTE, economic NPV."""
    t, lay, compare = c.t, plan.dashboard, plan.compare
    r = lay.table_header
    heads = [t["scenario"], t["npv_cost"], t["npv_savings"], t["roi"], t["payback"], t["irr"],
             f"{t['cost_per_contact']} ({t['year'].lower()} 1)", t["fte_paid_year1"],
             t["economic_npv_cost"]]
    styles.header_row(ws, r, heads)
    ws.row_dimensions[r].height = 44  # three lines of a wrapped header
    for rr, s in zip(lay.scenarios.rows, c.model.scenarios):
        x = compare.columns[s.id]
        ws[f"A{rr}"] = f"=Compare!{x}{compare.head}"
        for k, (row, fmt) in enumerate(((compare.npv_cost, c.money), (compare.npv_savings, c.money),
                                        (compare.roi, styles.PERCENT), (compare.payback, styles.INTEGER),
                                        (compare.irr, styles.PERCENT))):
            ws.cell(row=rr, column=2 + k, value=f"=Compare!{x}{row}").number_format = fmt
        ws.cell(row=rr, column=7, value=f"=Compare!{x}{compare.cost_per_contact.first}").number_format = c.money_2
        ws.cell(row=rr, column=8, value=f"=Compare!{x}{compare.fte.first}").number_format = styles.DECIMAL
        for j in range(2, 10):  # a word (n/a, reference, not reached) sits where the numbers do
            ws.cell(row=rr, column=j).alignment = Alignment(horizontal="right")
        if s.id in plan.risk.economic:
            ws.cell(row=rr, column=9, value=f"=Risk!C{plan.risk.economic[s.id]}").number_format = c.money
    _notes(ws, lay.scenarios.last + 1, c)
    ws.column_dimensions["A"].width = 54  # "Hybride (horaires étendus) : Atlantique Relation Client" on one line
    for j in range(2, 10):
        ws.column_dimensions[col(j)].width = 16
