"""The scenarios of a case, the rows each kind declares in order, and their totals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .constants import COST_LINE_IDS
from .refs import RowRef
from .rows import Scenario
from .team import inhouse_costs, inhouse_team
from .vendor import comparable, one_offs, vendor_shares, vendor_side

if TYPE_CHECKING:
    from .declare import Context, Shape


def scenario_list(shape: Shape) -> tuple[Scenario, ...]:
    """Status quo, in-house at target service, one outsourced scenario per quote, then one hybrid per
    vendor chosen for it."""
    scenarios = [Scenario("status_quo", "status_quo", None, "Status quo (today's team)",
                          "Statu quo (équipe actuelle)", "sq"),
                 Scenario("inhouse", "inhouse", None, "In-house at target service",
                          "Interne au niveau de service cible", "inh")]
    for v, vendor in enumerate(shape.vendors):
        scenarios.append(Scenario(f"outsourced:{vendor}", "outsourced", v, f"Outsourced: {vendor}",
                                  f"Externalisé : {vendor}", f"out{v}"))
    for v, vendor in enumerate(shape.vendors):
        if vendor in shape.hybrid_vendors:
            scenarios.append(Scenario(f"hybrid:{vendor}", "hybrid", v, f"Hybrid ({shape.hybrid_mode}): {vendor}",
                                      f"Hybride ({shape.hybrid_mode}) : {vendor}", f"hyb{v}"))
    return tuple(scenarios)


def status_quo(ctx: Context, sc: Scenario) -> None:
    """Today's team at today's cost; its cost per agent prices the parallel run of the others."""
    inh = ctx.inh
    fte = ctx.add(sc.key("fte"), "Agents employed (FTE)", "Conseillers employés (ETP)", "fte", "current_fte",
                  scenario=sc.id, current_fte=inh["current_fte"])
    inhouse_costs(ctx, sc, fte, recruit=False)
    comparable(ctx, sc, "0")  # today's service, with its lost contacts
    total, _ = totals(ctx, sc)
    ctx.cost_per_fte_today = ctx.add(
        sc.key("cost_per_fte"), "Cost per agent today (FTE-month)", "Coût par conseiller aujourd'hui (ETP-mois)",
        "money", "total / current_fte", scenario=sc.id, total=total, current_fte=inh["current_fte"])


def inhouse(ctx: Context, sc: Scenario) -> None:
    """The reference: a team sized by Erlang C to the target service, hired to that size."""
    fte = inhouse_team(ctx, sc, None)
    inhouse_costs(ctx, sc, fte, recruit=True)
    comparable(ctx, sc, "1")  # sized by Erlang C to the target
    totals(ctx, sc)


def outsourced(ctx: Context, sc: Scenario) -> None:
    """The vendor takes every contact; today's agents all leave."""
    leavers = ctx.add(sc.key("leavers"), "Agents leaving", "Conseillers sortants", "fte", "current_fte",
                      scalar=True, scenario=sc.id, current_fte=ctx.inh["current_fte"])
    vendor_side(ctx, sc, None, leavers)
    one_offs(ctx, sc, leavers)
    totals(ctx, sc)


def hybrid(ctx: Context, sc: Scenario) -> None:
    """The vendor takes the part the hybrid mode sends it; an in-house team sized for the rest."""
    shares = vendor_shares(ctx, sc)
    fte = inhouse_team(ctx, sc, shares)
    inhouse_costs(ctx, sc, fte, recruit=True)
    leavers = ctx.add(sc.key("leavers"), "Agents leaving", "Conseillers sortants", "fte",
                      "max(0, current_fte - first(fte))", scalar=True, scenario=sc.id,
                      current_fte=ctx.inh["current_fte"], fte=fte)
    vendor_side(ctx, sc, shares, leavers)
    one_offs(ctx, sc, leavers)
    totals(ctx, sc)


#: The rows of each kind of scenario, declared by one function each.
SCENARIO_ROWS = {"status_quo": status_quo, "inhouse": inhouse, "outsourced": outsourced, "hybrid": hybrid}


def totals(ctx: Context, sc: Scenario) -> tuple[RowRef, RowRef]:
    """The scenario's total monthly cost (its cost-line rows so far) and its one-off total, also
    kept in ``ctx.totals[sc.id]``."""
    cost_rows = [r for r in ctx.rows if r.scenario == sc.id and r.line in COST_LINE_IDS]
    total = ctx.add(sc.key("total"), "Total monthly cost", "Coût mensuel total", "money",
                    " + ".join(f"x{i}" for i in range(len(cost_rows))), scenario=sc.id,
                    **{f"x{i}": RowRef(r.key) for i, r in enumerate(cost_rows)})
    offs = [r for r in ctx.rows if r.scenario == sc.id and r.one_off]
    one_off = ctx.add(sc.key("one_off"), "One-off costs at signature", "Coûts ponctuels à la signature", "money",
                      " + ".join(f"x{i}" for i in range(len(offs))) if offs else "0", scalar=True,
                      scenario=sc.id, **{f"x{i}": RowRef(r.key) for i, r in enumerate(offs)})
    ctx.totals[sc.id] = total, one_off
    return total, one_off
