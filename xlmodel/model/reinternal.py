"""Re-internalisation (issue 14): the scenario "outsourced, then back in-house in year N", against staying
outsourced (``[reinternalisation] year``; 0: no such scenario).

- **Which quote**: the cheapest outsourced quote at target service, the lowest NPV of cost among the
  outsourced scenarios that meet the target (the first of equals; with none meeting it, the cheapest
  of all, and the scenario is not comparable either).  A flag per quote selects it: the choice is live.
- **Months 1 to 12 (N - 1)**: that outsourced scenario's cost lines, month by month; its one-off costs
  at signature but its exit provision (the return's costs below are paid when they fall instead).
- **From the first month of year N**: the in-house scenario at target service's cost lines (the team
  at target, its payroll, workplace, attrition...), plus the **costs of the return**, on a cost line
  of their own (re-internalisation):

  - the team hired again in the month of the return: in-house FTE at target x the cost of a hire that
    grows a team (recruitment, trainer and the trainee's paid weeks);
  - the early termination fee: the months of the quote's ``minimum_term_months`` left at the return
    x its invoice of the month before x ``termination_share``;
  - the parallel run again: the vendor's invoice goes on for ``[transition] parallel_run_months``
    beside the new team;
  - the knowledge transfer back and the IT brought back, in the month of the return.

Its NPV, payback and IRR follow natively, against in-house at target service like every scenario;
"staying outsourced" is the selected outsourced scenario, shown beside it.

**Break-even return cost** (the question a DAF asks of a way back: how much may coming back cost
before staying outsourced is cheaper?): the NPV of the return's costs at which the way back's NPV of
cost equals staying outsourced's, ``NPV(return costs) + NPV(cost staying) - NPV(cost of the way
back)``.  The return's costs enter the way back's NPV once and linearly, and choose no quote, so the
figure is exact.  Below 0, even a free return costs more than staying (in-house runs dearer than the
quote).  Model rows, live in the workbook like every other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .constants import COST_LINE_IDS, ONE_OFF_LINES
from .refs import Input, RowKey, RowRef, VendorInput
from .rows import Scenario
from .vendor import comparable

if TYPE_CHECKING:
    from .declare import Context

SCENARIO_ID = "reinternalised"
RETURN_LINE = "reinternalisation"


def reinternal_scenarios(shape) -> tuple[Scenario, ...]:
    """The re-internalisation scenario when the case asks for one (its year > 0), last."""
    if not shape.reinternal:
        return ()
    return (Scenario(SCENARIO_ID, SCENARIO_ID, None, "Outsourced, then back in-house",
                     "Externalisé puis réinternalisé", "ri"),)


def reinternalised(ctx: Context, sc: Scenario) -> None:
    """The rows of the re-internalisation scenario (see the module); declared after every other
    scenario's appraisal, whose NPV of cost selects the quote."""
    from .scenarios import totals

    vendors = range(len(ctx.shape.vendors))
    out = [f"out{v}" for v in vendors]
    time, year = ctx.time, Input("reinternalisation", "year")

    def add(name, en, fr, unit, expr, **kwargs):
        return ctx.add(sc.key(name), en, fr, unit, expr, scenario=sc.id, **kwargs)

    chosen = _chosen(ctx, add)
    pick = {f"s{v}": chosen[v] for v in vendors}
    back_month = add("ri_month", "Month of the return in-house", "Mois du retour en interne", "number",
                     "12 * (year - 1) + 1", scalar=True, year=year)
    back = add("ri_back", "Back in-house (1)", "Retour en interne (1)", "flag", "(month >= back) * (year > 0)",
               month=time.month, back=back_month, year=year)
    returning = add("ri_return", "Month of the return (1)", "Mois du retour (1)", "flag",
                    "(month == back) * (year > 0)", month=time.month, back=back_month, year=year)
    run_on = add("ri_run_on", "Vendor still running beside the new team (1)",
                 "Prestataire encore en service à côté de la nouvelle équipe (1)", "flag",
                 "back * (month < start + parallel)", back=back, month=time.month, start=back_month,
                 parallel=ctx.trn["parallel_run_months"])
    _cost_lines(ctx, add, chosen, back)
    _return_costs(ctx, sc, add, chosen, returning, run_on, back_month)
    comparable(ctx, sc, " + ".join(f"s{v} * c{v}" for v in vendors), **pick,
               **{f"c{v}": RowRef(RowKey(out[v], "comparable")) for v in vendors})
    add("fte", "Agents employed (FTE)", "Conseillers employés (ETP)", "fte", "back * fte", back=back,
        fte=RowRef(RowKey("inh", "fte")))
    for name, en, fr in (("vendor_fte", "Vendor FTE billed", "ETP prestataire facturés"),
                         ("vendor_fte_needed", "Vendor FTE the work needs", "ETP prestataire nécessaires")):
        add(name, en, fr, "fte", "(1 - back) * (" + " + ".join(f"s{v} * x{v}" for v in vendors) + ")", back=back,
            **pick, **{f"x{v}": RowRef(RowKey(out[v], name)) for v in vendors})
    for line, en, fr in ONE_OFF_LINES:  # the chosen quote's one-off costs at signature, but its exit provision
        if line == "exit_provision":
            add(line, f"{en} (the return's costs are paid when they fall)",
                f"{fr} (les coûts du retour sont payés à leur date)", "money", "0", scalar=True, line=line,
                one_off=True)
            continue
        add(line, en, fr, "money", " + ".join(f"s{v} * x{v}" for v in vendors), scalar=True, line=line,
            one_off=True, **pick, **{f"x{v}": RowRef(RowKey(out[v], line)) for v in vendors})
    totals(ctx, sc)


def break_even_return(ctx: Context, sc: Scenario, years) -> None:
    """The break-even return cost and its headroom (see the module); after the scenario's appraisal."""
    vendors = range(len(ctx.shape.vendors))

    def add(name, en, fr, unit, expr, **kwargs):
        return ctx.add(sc.key(name), en, fr, unit, expr, scenario=sc.id, scalar=True, **kwargs)

    staying = add("ri_staying_npv", "Staying outsourced with the quote chosen: NPV of cost",
                  "Rester externalisé avec l'offre retenue : VAN des coûts", "money",
                  " + ".join(f"s{v} * n{v}" for v in vendors),
                  **{f"s{v}": RowRef(sc.key(f"ri_chosen{v}")) for v in vendors},
                  **{f"n{v}": RowRef(RowKey(f"out{v}", "npv_cost")) for v in vendors})
    gain = add("ri_gain", "Coming back against staying: NPV of cost saved",
               "Revenir plutôt que rester : VAN des coûts économisée", "money", "staying - back", staying=staying,
               back=RowRef(sc.key("npv_cost")))
    cost = add("ri_return_npv", "The return's costs: NPV", "Coûts du retour : VAN", "money",
               "sumproduct(cost, discount)", cost=RowRef(sc.key(f"cost_{RETURN_LINE}")), discount=years.discount)
    add("ri_break_even", "Break-even return cost (NPV): coming back costs as much as staying",
               "Coût du retour à l'équilibre (VAN) : revenir coûte autant que rester", "money", "cost + gain",
               cost=cost, gain=gain)


def _chosen(ctx: Context, add) -> list[RowRef]:
    """One 0/1 flag per quote: the outsourced scenario at target service with the lowest NPV of cost
    (the first of equals); a scenario below target ranks above every other."""
    vendors = range(len(ctx.shape.vendors))
    npv = {f"n{v}": RowRef(RowKey(f"out{v}", "npv_cost")) for v in vendors}
    top = add("ri_top", "Highest NPV of cost of the outsourced scenarios", "VAN des coûts externalisés la plus "
              "haute", "money", f"max({', '.join(npv)})" if len(npv) > 1 else "n0", scalar=True, **npv)
    ranked = [add(f"ri_rank{v}", f"{name}: NPV of cost if at target service (else above all)",
                  f"{name} : VAN des coûts si au service cible (sinon au-dessus de toutes)", "money",
                  "where(meets == 1, npv, top + 1)", scalar=True, top=top, npv=npv[f"n{v}"],
                  meets=RowRef(RowKey(f"out{v}", "comparable")))
              for v, name in enumerate(ctx.shape.vendors)]
    best = add("ri_best", "Lowest of them", "La plus basse", "money",
               f"min({', '.join(f'r{v}' for v in vendors)})" if len(ranked) > 1 else "r0", scalar=True,
               **{f"r{v}": ranked[v] for v in vendors})
    chosen: list[RowRef] = []
    for v, name in enumerate(ctx.shape.vendors):
        earlier = " + ".join(f"s{u}" for u in range(v)) or "0"
        chosen.append(add(f"ri_chosen{v}", f"{name}: the quote chosen (1)", f"{name} : l'offre retenue (1)", "flag",
                          f"(rank == best) * (1 - ({earlier}))", scalar=True, rank=ranked[v], best=best,
                          **{f"s{u}": chosen[u] for u in range(v)}))
    return chosen


def _cost_lines(ctx: Context, add, chosen, back) -> None:
    """Each cost line: the chosen outsourced scenario's before the return, in-house's after it."""
    vendors = range(len(ctx.shape.vendors))
    ids = [f"outsourced:{name}" for name in ctx.shape.vendors]
    for line in COST_LINE_IDS:
        before = {v: [RowRef(r.key) for r in ctx.rows if r.scenario == ids[v] and r.line == line and not r.one_off]
                  for v in vendors}
        after = [RowRef(r.key) for r in ctx.rows if r.scenario == "inhouse" and r.line == line and not r.one_off]
        if not after and not any(before.values()):
            continue
        bind, outside = {"back": back}, []
        for v in vendors:
            if before[v]:
                bind[f"s{v}"] = chosen[v]
                bind.update({f"o{v}_{k}": ref for k, ref in enumerate(before[v])})
                outside.append(f"s{v} * (" + " + ".join(f"o{v}_{k}" for k in range(len(before[v]))) + ")")
        bind.update({f"i{k}": ref for k, ref in enumerate(after)})
        inside = [f"i{k}" for k in range(len(after))]
        expr = " + ".join(([f"(1 - back) * ({' + '.join(outside)})"] if outside else [])
                          + ([f"back * ({' + '.join(inside)})"] if inside else []))
        label = next((r.label_en, r.label_fr) for r in ctx.rows
                     if r.scenario in (*ids, "inhouse") and r.line == line and not r.one_off)
        add(f"line_{line}", f"{label[0]} (before the return: the quote chosen; after: in-house)",
            f"{label[1]} (avant le retour : l'offre retenue ; après : l'interne)", "money", expr, line=line, **bind)


def _return_costs(ctx: Context, sc: Scenario, add, chosen, returning, run_on, back_month) -> None:
    """The costs of coming back, on the re-internalisation cost line (see the module)."""
    vendors = range(len(ctx.shape.vendors))
    pick = {f"s{v}": chosen[v] for v in vendors}
    invoices = {f"v{v}": RowRef(RowKey(f"out{v}", "vendor_invoice")) for v in vendors}
    rri = Input("reinternalisation", "termination_share")
    add("ri_rehire", "Return: the team hired again (FTE at target x cost of a hire)",
        "Retour : l'équipe réembauchée (ETP à la cible x coût d'une embauche)", "money",
        "returning * fte * hire", line=RETURN_LINE, returning=returning, fte=RowRef(RowKey("inh", "fte")),
        hire=ctx.time.new_hire_cost)
    left = add("ri_term_left", "Months of the minimum term left at the return, quote chosen",
               "Mois de durée minimale restants au retour, offre retenue", "number",
               "max(0, " + " + ".join(f"s{v} * t{v}" for v in vendors) + " - (start - 1))", scalar=True,
               start=back_month, **pick, **{f"t{v}": VendorInput(v, "minimum_term_months") for v in vendors})
    add("ri_termination", "Return: early termination fee (months left x last invoice x share)",
        "Retour : indemnité de résiliation (mois restants x dernière facture x part)", "money",
        "returning * left * share * (" + " + ".join(f"s{v} * prev(v{v})" for v in vendors) + ")",
        line=RETURN_LINE, returning=returning, left=left, share=rri, **pick, **invoices)
    add("ri_run_on_invoice", "Return: the vendor's invoice during the parallel run again",
        "Retour : la facture du prestataire pendant le nouveau double fonctionnement", "money",
        "run_on * (" + " + ".join(f"s{v} * v{v}" for v in vendors) + ")", line=RETURN_LINE, run_on=run_on, **pick,
        **invoices)
    add("ri_transfer_it", "Return: knowledge transfer back and IT brought back",
        "Retour : transfert de connaissances et réintégration informatique", "money",
        "returning * (transfer + it)", line=RETURN_LINE, returning=returning,
        transfer=Input("reinternalisation", "knowledge_transfer_back"),
        it=Input("reinternalisation", "it_reintegration"))


def reinternalisation_json(ev, sc: Scenario) -> dict:
    """The re-internalisation scenario's own figures (``compare --json``): the year, the quote chosen,
    the scenario of staying outsourced with it, and the return's costs by year (case currency)."""
    values, case = ev.values, ev.case
    chosen = next((v for v in range(len(case.vendors)) if values[sc.key(f"ri_chosen{v}")] == 1), 0)
    costs = {name: [float(x) for x in ev.annual(sc.key(name))]
             for name in ("ri_rehire", "ri_termination", "ri_run_on_invoice", "ri_transfer_it")}
    return {"year": case.reinternalisation.year, "vendor": case.vendors[chosen].name,
            "staying": f"outsourced:{case.vendors[chosen].name}",
            "return_costs": {"rehiring": costs["ri_rehire"], "termination": costs["ri_termination"],
                             "parallel_run": costs["ri_run_on_invoice"], "transfer_and_it": costs["ri_transfer_it"]},
            "return_cost": float(sum(sum(x) for x in costs.values())),
            "return_cost_npv": float(values[sc.key("ri_return_npv")]),
            "npv_gain_vs_staying": float(values[sc.key("ri_gain")]),
            "break_even_return_cost_npv": float(values[sc.key("ri_break_even")])}
