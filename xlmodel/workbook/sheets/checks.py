"""The Checks sheet: each check is 1 when true, the master check is their minimum (named
``master_check``, shown on the Dashboard)."""

from __future__ import annotations

from ...model import COST_LINES, ChannelInput, Input, VendorInput
from ...text import choice_label
from .. import styles
from ..content import Content, define_name
from ..layout import Plan, month_col


def formulas(plan: Plan, c: Content) -> dict[str, str]:
    """Each check's formula, by the check's text key."""
    lay, calc = plan.compare, plan.calc
    first, last = lay.first_col, lay.last_col
    a0, a1 = lay.annual.first, lay.annual.last
    calc_totals = "+".join(f"SUM({calc.span(s.key('total'))})" for s in c.model.scenarios)
    line_sums = "+".join(f"SUM(Compare!${first}${lay.lines[line].first}:${last}${lay.lines[line].last})"
                         for line, _, _ in COST_LINES)
    inh = lay.columns["inhouse"]
    npv_identity = "+".join(
        f"ABS(Compare!{x}{lay.npv_savings}-(Compare!{inh}{lay.npv_cost}-Compare!{x}{lay.npv_cost}))"
        for x in lay.columns.values())
    prices = plan.vendors.column_span("price")
    sourcing = {} if plan.sourcing is None or not plan.sourcing.blocks else {
        "check_sourcing": "=MIN(" + ",".join(span for b in plan.sourcing.blocks for span in plan.sourcing.valid_spans(b)) + ")"}
    # Issue 14: the year back in-house is 0 or from 2 to the horizon; a book built without that
    # scenario has no column for it (a rebuild adds it), like a horizon changed after the build.
    sourcing["check_reinternalisation"] = ("=((reinternalisation_year=0)+(reinternalisation_year>1)"
                                           "*(reinternalisation_year<=finance_horizon_years)>0)*1")
    sourcing["check_reinternalisation_none"] = "=(reinternalisation_year=0)*1"
    return {**sourcing, **_cross_field(plan, c),
        "check_seasonality": "=(ABS(AVERAGE(demand_seasonality)-1)<=SEASONALITY_TOLERANCE)*1",
        "staffing_verified": f"=Staffing!$B${plan.staffing.verified_row}",
        "staffing_covered": f"=Staffing!$B${plan.staffing.covered_row}",
        "check_annual": f"=(ROUND(SUM(Compare!${first}${a0}:${last}${a1})-({calc_totals}),0)=0)*1",
        "check_lines": f"=(ROUND(SUM(Compare!${first}${a0}:${last}${a1})-({line_sums}),0)=0)*1",
        "check_npv": f"=(ROUND({npv_identity},0)=0)*1",
        "check_prices": f"=(COUNTIF({prices},\"<=0\")=0)*1",
        "check_python": f"=MIN({lay.row_span(lay.python_agree)})",
        # The sheets have one column per month of the horizon they were built for.
        "check_horizon": f"=(MAX(Calc!${month_col(1)}${calc.month_row}:${calc.last_col}${calc.month_row})"
                         "=finance_horizon_years*12)*1",
    }


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.checks
    styles.title(ws, "A1", t["checks_title"])
    styles.header_row(ws, 3, [t["check"], t["result"]])
    formula = formulas(plan, c)
    for key, r in lay.rows:
        ws[f"A{r}"] = t[key]
        ws[f"B{r}"] = formula[key]
    first, last = lay.rows[0][1], lay.rows[-1][1]
    ws[f"A{lay.master_row}"] = t["master"]
    ws[f"B{lay.master_row}"] = f"=MIN(B{first}:B{last})"
    styles.check_format(ws, f"B{first}:B{lay.master_row}")
    for r in [*(r for _, r in lay.rows), lay.master_row]:  # a figure, 0 or 1: the row is not sized for the
        ws[f"B{r}"].number_format = styles.WHOLE  # texts of the cells its formula reads (a line too many)
    define_name(ws, "master_check", f"Checks!$B${lay.master_row}")
    ws.column_dimensions["A"].width = 92  # the longest one-line checks, French included, on one line
    ws.column_dimensions["B"].width = 12


def _cross_field(plan: Plan, c: Content) -> dict[str, str]:
    """The rules the engine checks across fields (:func:`xlmodel.case.case_from_mapping`), live: a
    combination typed into the book that the engine would refuse fails its check, and the weekly
    arrival profile is sized at the current inputs (its shifts are Python values: an edit needs a
    rebuild)."""
    refs, label = plan.refs, (lambda value: '"' + str(choice_label(value, c.lang)).replace('"', '""') + '"')

    def rule(parts: list[str]) -> str:
        return f"=AND({','.join(parts)})*1" if parts else "=1"

    def ch(i, f):
        return refs[ChannelInput(i, f)]

    def vd(v, f):
        return refs[VendorInput(v, f)]
    sizing = [f"OR({ch(i, 'kind')}<>{label('live')},{ch(i, 'sizing')}<>{label('erlang_a')},"
              f"AND({ch(i, 'patience_seconds')}>0,{ch(i, 'patience_seconds')}<=ERLANG_A_MAX_RATIO*"
              f"{ch(i, 'aht_seconds')}/{ch(i, 'concurrency')}))" for i in range(len(c.case.channels))]
    quotes = []
    for v in range(len(c.case.vendors)):
        quotes += [f"OR({vd(v, 'staff_transfer')}<>{label('yes')},{vd(v, 'location')}={label('onshore')})",
                   f"OR({vd(v, 'transfer_uplift')}=0,{vd(v, 'staff_transfer')}={label('yes')})",
                   f"OR({vd(v, 'fte_proposed')}=0,{vd(v, 'pricing_model')}={label('per_fte_month')})"]
    vat, tax_year = refs[Input("finance", "vat_recovery")], refs[Input("finance", "one_off_tax_year")]
    finance = [f"{vat}>=0", f"{vat}<=1", f"{tax_year}<={refs[Input('finance', 'horizon_years')]}"]
    days, slots = refs[Input("demand", "arrival_days")], refs[Input("demand", "arrival_slots")]
    profile = (f"=Staffing!$B${plan.staffing.current_row}" if plan.staffing.profile_title is not None
               else f'=AND(""&{days}="",""&{slots}="")*1')
    return {"check_sizing_rules": rule(sizing), "check_quote_rules": rule(quotes),
            "check_finance_rules": rule(finance), "check_profile": profile}
