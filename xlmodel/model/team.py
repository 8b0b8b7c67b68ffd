"""An in-house team: its agents sized by Erlang C for its contacts, and its cost lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rows import Scenario, StaffRow

if TYPE_CHECKING:
    from .declare import Context


def inhouse_team(ctx: Context, sc: Scenario, shares: list[str] | None) -> str:
    """Agents employed (FTE) by a team sized for its contacts: all of them, or those not sent to the
    vendor (``shares``: each channel's share to the vendor).  Returns the FTE row."""
    time, p, inh = ctx.time, sc.prefix, ctx.inh
    staff_keys = []
    for i, ch in enumerate(ctx.case.channels):
        if shares is None:
            part = ctx.demand.contacts[i]
        else:
            part = ctx.add(f"{p}.inhouse_contacts.{i}", f"In-house contacts: {ch.name}",
                           f"Contacts internes : {ch.name}", "contacts", "contacts * (1 - vendor_share)",
                           scenario=sc.id, contacts=ctx.demand.contacts[i], vendor_share=shares[i])
        key = f"{p}.agents.{i}"
        ctx.staff_row(StaffRow(key, f"{sc.label_en}: agents on duty, {ch.name}",
                               f"{sc.label_fr} : conseillers en poste, {ch.name}", sc.id, i, part,
                               f"ch:{i}.aht_seconds", time.open_hours))
        staff_keys.append(key)
    peak_key = f"{p}.agents_peak"
    ctx.staff_row(StaffRow(peak_key, f"{sc.label_en}: agents on duty, year's peak month",
                           f"{sc.label_fr} : conseillers en poste, mois de pointe de l'année", sc.id, -1,
                           "", "", time.open_hours, peak_of=tuple(staff_keys)))
    agents = ctx.add(f"{p}.agents", "Agents on duty (average over opening hours)",
                     "Conseillers en poste (moyenne sur l'ouverture)", "agents",
                     " + ".join(f"a{i}" for i in range(len(staff_keys))), scenario=sc.id,
                     **{f"a{i}": f"st:{k}" for i, k in enumerate(staff_keys)})
    return ctx.add(f"{p}.fte", "Agents employed (FTE)", "Conseillers employés (ETP)", "fte",
                   "(peak - flex * (peak - agents)) * open_hours / productive_hours", scenario=sc.id,
                   peak=f"st:{peak_key}", flex=inh["seasonal_flex"], agents=agents, open_hours=time.open_hours,
                   productive_hours=time.productive_hours)


def inhouse_costs(ctx: Context, sc: Scenario, fte: str, recruit: bool) -> None:
    """Cost lines of an in-house team of ``fte`` agents (FTE); ``recruit``: hired (or let go) to its
    size in the first month."""
    add, time, inh, trn = ctx.add, ctx.time, ctx.inh, ctx.trn
    p, s = sc.prefix, sc.id
    common = dict(fte=fte, wage_index=time.wage_index, loaded=time.charges_factor)
    pay = add(f"{p}.payroll", "Agent payroll", "Masse salariale conseillers", "money",
              "fte * salary * loaded * wage_index / 12", scenario=s, line="payroll",
              salary=inh["gross_salary"], **common)
    sup = add(f"{p}.supervision", "Team leaders", "Superviseurs", "money",
              "fte / span * salary * loaded * wage_index / 12", scenario=s, line="management",
              span=inh["supervision_span"], salary=inh["supervisor_salary"], **common)
    sp = add(f"{p}.support", "Support staff (WFM, quality, training)", "Fonctions support", "money",
             "fte * ratio * salary * loaded * wage_index / 12", scenario=s, line="management",
             ratio=inh["support_ratio"], salary=inh["support_salary"], **common)
    add(f"{p}.workplace", "Workplace and IT", "Poste de travail et informatique", "money",
        "fte * (seat + it) / 12", scenario=s, line="workplace", fte=fte, seat=inh["seat_cost"],
        it=inh["it_cost_per_agent"])
    add(f"{p}.attrition", "Attrition (replacing leavers)", "Turnover (remplacement des départs)", "money",
        "fte * attrition * cost_per_hire / 12", scenario=s, line="attrition", fte=fte,
        attrition=inh["attrition_rate"], cost_per_hire=inh["cost_per_hire"])
    if recruit:
        add(f"{p}.recruitment", "Hiring to reach the target", "Recrutements pour atteindre la cible", "money",
            "first_month * max(0, fte - current_fte) * cost_per_hire", scenario=s, line="attrition",
            first_month=time.first_month, fte=fte, current_fte=inh["current_fte"], cost_per_hire=inh["cost_per_hire"])
    if recruit and sc.kind == "inhouse":
        # The reference shrinks to its target like any other scenario: the agents it no longer
        # needs and cannot redeploy are paid severance (hybrids count them as leavers).
        add(f"{p}.downsizing", "Severance to reach the target", "Indemnités pour atteindre la cible", "money",
            "first_month * max(0, current_fte - fte) * (1 - redeployed) * severance", scenario=s,
            line="attrition", first_month=time.first_month, fte=fte, current_fte=inh["current_fte"],
            redeployed=trn["redeployment_rate"], severance=trn["severance_per_agent"])
    add(f"{p}.overhead", "Overheads", "Frais de structure", "money",
        "rate * (payroll + supervision + support)", scenario=s, line="overhead",
        rate=inh["overhead_rate"], payroll=pay, supervision=sup, support=sp)
