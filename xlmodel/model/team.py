"""An in-house team: its agents sized by Erlang C for its contacts, and its cost lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .refs import ChannelInput, Input, RowRef
from .rows import Scenario, StaffRow

if TYPE_CHECKING:
    from .declare import Context


def inhouse_team(ctx: Context, sc: Scenario, shares: list[RowRef] | None, segment: RowRef | None = None) -> RowRef:
    """Agents employed (FTE) by a team sized for its contacts: all of them, or those not sent to the
    vendor (``shares``: each channel's share to the vendor).  Returns the FTE row.  A phased
    portfolio gives its phase number (``segment``): the peak is then the year's within the phase."""
    time, inh = ctx.time, ctx.inh
    staff = []
    for i, channel in enumerate(ctx.shape.channels):
        if shares is None:
            part = ctx.demand.contacts[i]
        else:
            part = ctx.add(sc.key("inhouse_contacts", i), f"In-house contacts: {channel}",
                           f"Contacts internes : {channel}", "contacts", "contacts * (1 - vendor_share)",
                           scenario=sc.id, contacts=ctx.demand.contacts[i], vendor_share=shares[i])
        staff.append(ctx.staff_row(StaffRow(
            sc.key("agents", i), f"{sc.head_en}: agents on duty, {channel}",
            f"{sc.head_fr} : conseillers en poste, {channel}", sc.id, i, part, ChannelInput(i, "aht_seconds"),
            time.open_hours)))
    if segment is None:
        peak = ctx.staff_row(StaffRow(sc.key("agents_peak"), f"{sc.head_en}: agents on duty, year's peak month",
                                      f"{sc.head_fr} : conseillers en poste, mois de pointe de l'année", sc.id, -1,
                                      None, None, time.open_hours, peak_of=tuple(ref.key for ref in staff)))
    agents = ctx.add(sc.key("agents"), "Agents on duty (average over opening hours)",
                     "Conseillers en poste (moyenne sur l'ouverture)", "agents",
                     " + ".join(f"a{i}" for i in range(len(staff))), scenario=sc.id,
                     **{f"a{i}": ref for i, ref in enumerate(staff)})
    if segment is not None:
        peak = ctx.add(sc.key("agents_peak"), "Agents on duty, peak month of the year within the phase",
                       "Conseillers en poste, mois de pointe de l'année dans la phase", "agents",
                       "peakin(agents, phase)", scenario=sc.id, agents=agents, phase=segment)
    return ctx.add(sc.key("fte"), "Agents employed (FTE)", "Conseillers employés (ETP)", "fte",
                   "(peak - flex * (peak - agents)) * open_hours / efficiency / productive_hours", scenario=sc.id,
                   peak=peak, flex=inh["seasonal_flex"], agents=agents, open_hours=time.open_hours,
                   efficiency=Input("demand", "scheduling_efficiency"), productive_hours=time.productive_hours)


def inhouse_costs(ctx: Context, sc: Scenario, fte: RowRef, recruit: bool, segment: RowRef | None = None) -> None:
    """Cost lines of an in-house team of ``fte`` agents (FTE); ``recruit``: hired (or let go) to its
    size in the first month, then hired as its size (the year's peak FTE) grows."""
    add, time, inh, trn = ctx.add, ctx.time, ctx.inh, ctx.trn
    s = sc.id
    common = dict(fte=fte, wage_index=time.wage_index)
    pay = add(sc.key("payroll"), "Agent payroll", "Masse salariale conseillers", "money",
              "fte * salary * loaded * wage_index / 12", scenario=s, line="payroll",
              salary=inh["gross_salary"], loaded=time.charges_factor, **common)
    # Team leaders and support staff earn more than agents: their employer charges have less relief.
    sup = add(sc.key("supervision"), "Team leaders", "Superviseurs", "money",
              "fte / span * salary * loaded * wage_index / 12", scenario=s, line="management",
              span=inh["supervision_span"], salary=inh["supervisor_salary"], loaded=time.management_charges_factor,
              **common)
    sp = add(sc.key("support"), "Support staff (WFM, quality, training)", "Fonctions support", "money",
             "fte * ratio * salary * loaded * wage_index / 12", scenario=s, line="management",
             ratio=inh["support_ratio"], salary=inh["support_salary"], loaded=time.management_charges_factor,
             **common)
    add(sc.key("payroll_extras"), "Payroll extras (health cover, meal vouchers, transport), all staff",
        "Avantages sociaux (mutuelle, titres-restaurant, transport), tout le personnel", "money",
        "fte * (1 + 1 / span + ratio) * extras * wage_index / 12", scenario=s, line="payroll",
        span=inh["supervision_span"], ratio=inh["support_ratio"], extras=inh["payroll_extras"], **common)
    add(sc.key("workplace"), "Workplace and IT", "Poste de travail et informatique", "money",
        "fte * (seat + it) * cost_index / 12", scenario=s, line="workplace", fte=fte, seat=inh["seat_cost"],
        it=inh["it_cost_per_agent"], cost_index=time.cost_index)
    # A leaver's replacement costs recruitment and trainer (its paid training is in the FTE); a hire
    # that grows the team pays its paid training weeks too (timeline: hire_cost, new_hire_cost).
    add(sc.key("attrition"), "Attrition (replacing leavers)", "Turnover (remplacement des départs)", "money",
        "fte * attrition * hire / 12", scenario=s, line="attrition", fte=fte,
        attrition=inh["attrition_rate"], hire=time.hire_cost)
    if recruit:
        # The team is sized for its year's peak month; below it, the seasonal flex (temps, overtime,
        # annualised hours) is paid when used, not hired: growth is a rise of that peak.
        if segment is None:
            size = add(sc.key("team_size"), "Team size: agents employed in the year's peak month",
                       "Taille de l'équipe : conseillers employés au mois de pointe de l'année", "fte", "peak(fte)",
                       scenario=s, fte=fte)
        else:  # a phased portfolio: the team changes size with its phase
            size = add(sc.key("team_size"), "Team size: agents employed in the peak month of the year within the "
                       "phase", "Taille de l'équipe : conseillers employés au mois de pointe de l'année dans la phase",
                       "fte", "peakin(fte, phase)", scenario=s, fte=fte, phase=segment)
        hires = add(sc.key("hires"), "Agents hired (month 1: to the target; then as the team grows)",
                    "Conseillers embauchés (mois 1 : jusqu'à la cible ; puis quand l'équipe grandit)", "fte",
                    "first_month * max(0, fte - current_fte) + (1 - first_month) * max(0, size - prev(size))",
                    scenario=s, first_month=time.first_month, fte=fte, current_fte=inh["current_fte"], size=size)
        add(sc.key("recruitment"), "Hiring to reach the target and grow", "Recrutements pour atteindre la cible et "
            "croître", "money", "hires * new_hire", scenario=s, line="attrition", hires=hires,
            new_hire=time.new_hire_cost)
    if recruit and sc.kind == "inhouse":
        # The reference shrinks to its target like any other scenario: the agents it no longer
        # needs and cannot redeploy are paid severance (hybrids count them as leavers).
        add(sc.key("downsizing"), "Severance to reach the target", "Indemnités pour atteindre la cible", "money",
            "first_month * max(0, current_fte - fte) * (1 - redeployed) * severance", scenario=s,
            line="attrition", first_month=time.first_month, fte=fte, current_fte=inh["current_fte"],
            redeployed=trn["redeployment_rate"], severance=trn["severance_per_agent"])
    add(sc.key("overhead"), "Overheads", "Frais de structure", "money",
        "rate * (payroll + supervision + support)", scenario=s, line="overhead",
        rate=inh["overhead_rate"], payroll=pay, supervision=sup, support=sp)
