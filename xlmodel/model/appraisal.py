"""How each scenario pays back against in-house at target service (docs/method.md, "Money: timing,
NPV, ROI, payback, IRR"), as rows like every other figure: the payback month (monthly rows), then,
by year, each scenario's costs, its saving and net cash flow against in-house, the NPV of its cost
and of its savings, its ROI and its IRR.  The Compare sheet only links to these rows.

Yearly rows hold year 0 (the signature, when the one-off costs are paid, undiscounted) first, then
each year, discounted at its end: NPV of cost = one-off + sum_y cost_y / (1 + r)^y.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .constants import COST_LINES
from .refs import Input, RowKey, RowRef
from .rows import Scenario

if TYPE_CHECKING:
    from .declare import Context

#: The names of each scenario's appraisal rows (the workbook groups them on the Calc sheet).
APPRAISAL_NAMES = frozenset({f"cost_{line}" for line, _, _ in COST_LINES} | {
    "annual_cost", "npv_cost", "saving", "flow", "cumulative_flow", "npv_savings", "roi", "sign_change",
    "sign_changes", "irr", "npv_vat", "npv_cost_after_tax", "npv_savings_after_tax"})


@dataclass(frozen=True)
class Years:
    """References to the yearly timeline rows."""

    number: RowRef  # 0 for the signature, then 1, 2...
    signature: RowRef  # 1 in year 0
    discount: RowRef  # 1 / (1 + r)^y, end of year y
    deduction: RowRef  # 1 in the year the one-off costs are deducted from taxable profit


def payback(ctx: Context, sc: Scenario) -> None:
    """Payback (docs/method.md) against in-house: each year's saving spread evenly over its months;
    the first month whose cumulative saving reaches the one-off cost; 0 when there is no one-off cost."""
    (inhouse_total, _), (total, one_off) = ctx.totals["inhouse"], ctx.totals[sc.id]
    spread = ctx.add(sc.key("saving_spread"), f"{sc.head_en}: saving vs in-house, spread over the year",
                     f"{sc.head_fr} : économie vs interne, répartie sur l'année", "money",
                     "(annual(inhouse_total) - annual(total)) / 12", scenario=sc.id,
                     inhouse_total=inhouse_total, total=total)
    cum = ctx.add(sc.key("cum_saving"), f"{sc.head_en}: cumulative saving (undiscounted)",
                  f"{sc.head_fr} : économie cumulée (non actualisée)", "money", "prev(cum) + spread",
                  scenario=sc.id, cum=RowRef(sc.key("cum_saving")), spread=spread)
    reached = ctx.add(sc.key("payback_reached"), f"{sc.head_en}: one-off cost recovered",
                      f"{sc.head_fr} : coûts ponctuels récupérés", "flag",
                      "((cum >= upfront) + (upfront == 0) > 0) * 1", scenario=sc.id, cum=cum,
                      upfront=one_off)
    ctx.reached[sc.id] = reached
    ctx.add(sc.key("payback"), f"{sc.head_en}: payback month", f"{sc.head_fr} : délai de récupération (mois)",
            "number",
            "(upfront > 0) * firstmonth(reached)", scalar=True, scenario=sc.id, on_error="not_reached",
            upfront=one_off, reached=reached)


def years(ctx: Context) -> Years:
    """Year numbers (0 = the signature), the signature's flag and the end-of-year discount factors."""
    def add(name, *args, **kwargs):
        return ctx.add(RowKey("year", name), *args, yearly=True, **kwargs)

    count = add("count", "Period count (signature = 1)", "Compteur de périodes (signature = 1)", "number",
                "prev(count) + 1", count=RowRef(RowKey("year", "count")))
    number = add("number", "Year (0 = signature)", "Année (0 = signature)", "number", "count - 1", count=count)
    signature = add("signature", "Signature flag (year 0)", "Indicateur signature (année 0)", "flag",
                    "(year == 0) * 1", year=number)
    discount = add("discount_factor", "Discount factor (end of year)", "Facteur d'actualisation (fin d'année)",
                   "index", "1 / (1 + rate) ** year", rate=Input("finance", "discount_rate"), year=number)
    deduction = add("one_off_deduction", "One-off costs deducted (1: that year)",
                    "Coûts ponctuels déduits (1 : cette année-là)", "flag", "(year == tax_year) * 1", year=number,
                    tax_year=Input("finance", "one_off_tax_year"))
    return Years(number, signature, discount, deduction)


def appraisal(ctx: Context, sc: Scenario, years: Years) -> None:
    """A scenario's costs by year (per cost line, then in all) and the NPV of its cost, then its
    saving, net cash flow and cumulative flow against in-house, the NPV of its savings and, but for
    in-house itself, its ROI and IRR.  In-house comes first: the others refer to its annual cost."""
    def add(name, *args, **kwargs):
        return ctx.add(sc.key(name), *args, scenario=sc.id, **kwargs)

    lines = []
    for line, en, fr in COST_LINES:
        parts = [RowRef(r.key) for r in ctx.rows if r.scenario == sc.id and r.line == line]
        if parts:
            lines.append(add(f"cost_{line}", f"{en}, by year", f"{fr}, par an", "money",
                             " + ".join(f"yearly(x{i})" for i in range(len(parts))), yearly=True,
                             **{f"x{i}": part for i, part in enumerate(parts)}))
    cost = add("annual_cost", "Annual cost", "Coût annuel", "money", " + ".join(f"x{i}" for i in range(len(lines))),
               yearly=True, **{f"x{i}": line for i, line in enumerate(lines)})
    ctx.annual_costs[sc.id] = cost
    _, upfront = ctx.totals[sc.id]
    add("npv_cost", "NPV of cost", "VAN des coûts", "money", "upfront + sumproduct(cost, discount)", scalar=True,
        upfront=upfront, cost=cost, discount=years.discount)
    _taxes(ctx, sc, years, cost, upfront)
    saving = add("saving", "Saving vs in-house", "Économie vs interne", "money", "inhouse - cost", yearly=True,
                 inhouse=ctx.annual_costs["inhouse"], cost=cost)
    flow = add("flow", "Net cash flow vs in-house (year 0: one-off costs)",
               "Flux net vs interne (année 0 : coûts ponctuels)", "money", "saving - signature * upfront",
               yearly=True, saving=saving, signature=years.signature, upfront=upfront)
    add("cumulative_flow", "Cumulative net cash flow vs in-house", "Flux net cumulé vs interne", "money",
        "prev(cumulative) + flow", yearly=True, cumulative=RowRef(sc.key("cumulative_flow")), flow=flow)
    npv_savings = add("npv_savings", "NPV of savings vs in-house", "VAN des économies vs interne", "money",
                      "sumproduct(saving, discount) - upfront", scalar=True, saving=saving,
                      discount=years.discount, upfront=upfront)
    if sc.kind == "inhouse":
        return
    add("roi", "ROI (NPV of savings / one-off costs)", "ROI (VAN des économies / coûts ponctuels)", "rate",
        "when(upfront > 0, npv_savings / upfront)", scalar=True, on_error="na", npv_savings=npv_savings,
        upfront=upfront)
    # A flow that changes sign more than once may have several rates that zero its NPV (Excel's
    # IRR() and numpy-financial then return different ones): no single IRR describes it.
    change = add("sign_change", "Net cash flow changes sign (1)", "Le flux net change de signe (1)", "flag",
                 "(flow * prev(flow) < 0) * 1", yearly=True, flow=flow)
    changes = add("sign_changes", "Sign changes of the net cash flow", "Changements de signe du flux net",
                  "number", "total(change)", scalar=True, change=change)
    # A negative IRR says no more than "never pays back", and spreadsheets fail to converge on it:
    # the IRR is given when the one-off cost is recovered within the horizon.
    add("irr", "IRR of the net cash flow", "TRI du flux net", "rate",
        "when((upfront > 0) * (firstmonth(reached) > 0) * (changes <= 1), irr(flow))", scalar=True,
        on_error="na", upfront=upfront, reached=ctx.reached[sc.id], changes=changes, flow=flow)


def _taxes(ctx: Context, sc: Scenario, years: Years, cost: RowRef, upfront: RowRef) -> None:
    """The NPV of the VAT the client does not recover (inside the NPV of cost), and the after-tax
    view: the NPVs of cost and of savings after corporation tax (docs/method.md)."""
    def add(name, *args, **kwargs):
        return ctx.add(sc.key(name), *args, scenario=sc.id, **kwargs)

    vat = [RowRef(r.key) for r in ctx.rows if r.scenario == sc.id and r.line == "setup_fee_vat"]
    if vat:  # a scenario with a vendor: its VAT not recovered, one-off and yearly, discounted as its costs
        add("npv_vat", "NPV of VAT not recovered (in the NPV of cost)", "VAN de la TVA non récupérée (dans la VAN "
            "des coûts)", "money", "upfront_vat + sumproduct(vat, discount)", scalar=True, upfront_vat=vat[0],
            vat=RowRef(sc.key("cost_vat")), discount=years.discount)
    # The after-tax view (beside the pre-tax figures, never instead): each year's cost is deducted in
    # that year, the one-off costs in the year stated.
    after_tax = add("npv_cost_after_tax", "NPV of cost after corporation tax", "VAN des coûts après impôt sur les "
                    "sociétés", "money", "upfront * (1 - tax * sumproduct(deduction, discount))"
                    " + (1 - tax) * sumproduct(cost, discount)", scalar=True, upfront=upfront,
                    tax=Input("finance", "corporation_tax_rate"), deduction=years.deduction, discount=years.discount,
                    cost=cost)
    ctx.after_tax[sc.id] = after_tax
    add("npv_savings_after_tax", "NPV of savings vs in-house after corporation tax",
        "VAN des économies vs interne après impôt sur les sociétés", "money", "inhouse - alternative", scalar=True,
        inhouse=ctx.after_tax["inhouse"], alternative=after_tax)
