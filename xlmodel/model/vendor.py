"""The vendor's part of the model: each quote's terms, then per scenario the volume sent to the
vendor, its invoice and the client's costs around it, and the one-off costs at signature."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..schema import PRICING_MODELS
from .constants import ONE_OFF_LINES
from .refs import ChannelInput, Constant, Input, Inputs, RowKey, RowRef, ToVendor, VendorInput

_FINANCE = Inputs("finance")
from .rows import Scenario, StaffRow

if TYPE_CHECKING:
    from .declare import Context

_QUOTE_FIELDS = ("pricing_model", "price", "minute_unit", "minimum_monthly", "indexation_rate", "indexation_fixed_share",
                 "aht_factor", "ramp_up_months", "ramp_up_aht_premium", "occupancy_billed", "hours_per_fte_month",
                 "shrinkage", "seasonal_flex", "fte_proposed", "first_contact_resolution", "bonus_malus", "setup_fee",
                 "committed_service_level", "service_shortfall", "staff_transfer", "transfer_uplift")


@dataclass(frozen=True)
class VendorTerms:
    """References to one quote's fields and to the rows derived from them, shared by the vendor's
    outsourced and hybrid scenarios."""

    quote: dict[str, VendorInput]  # field name -> reference
    priced: dict[str, RowRef]  # pricing model -> its 0/1 flag row
    agent_minutes: RowRef  # 1 when a per-minute price counts agent minutes, 0 for contact minutes
    index: RowRef
    ramp: RowRef
    repeat: RowRef
    productive_hours: RowRef  # per billed FTE-month
    delivered: RowRef  # the service level delivered: committed less the expected shortfall
    transfer: RowRef  # 1 when today's agents transfer to the vendor (L1224-1), 0 otherwise


def vendor_terms(ctx: Context, v: int) -> VendorTerms:
    """Pricing-model flags, price index, AHT ramp-up and repeat-contact factor of vendor ``v``."""
    time, name = ctx.time, ctx.shape.vendors[v]
    vd = {field: VendorInput(v, field) for field in _QUOTE_FIELDS}

    def add(key, *args, **kwargs):
        return ctx.add(RowKey(f"vendor{v}", key), *args, **kwargs)

    priced = {model: add(f"is_{model}", f"{name}: priced {model}", f"{name} : prix {model}", "flag",
                         f'(pricing_model == "{model}") * 1', scalar=True, pricing_model=vd["pricing_model"])
              for model in PRICING_MODELS}
    agent_minutes = add("agent_minutes", f"{name}: minute billed is the agent's (1) or the contact's (0)",
                        f"{name} : minute facturée du conseiller (1) ou du contact (0)", "flag",
                        '(minute_unit == "agent") * 1', scalar=True, minute_unit=vd["minute_unit"])
    index = add("indexation", f"{name}: price index", f"{name} : indice de prix", "index",
                "fixed + (1 - fixed) * (1 + rate) ** (year - 1)",
                fixed=vd["indexation_fixed_share"], rate=vd["indexation_rate"], year=time.year)
    ramp = add("ramp", f"{name}: AHT ramp-up factor", f"{name} : montée en charge DMT", "index",
               "1 + premium * max(0, ramp_months - (month - 1)) / max(1, ramp_months)",
               premium=vd["ramp_up_aht_premium"], ramp_months=vd["ramp_up_months"], month=time.month)
    repeat = add("repeat_factor", f"{name}: contacts per in-house contact (FCR)",
                 f"{name} : contacts par contact interne (FCR)", "index", "fcr_inhouse / fcr_vendor", scalar=True,
                 fcr_inhouse=ctx.inh["first_contact_resolution"], fcr_vendor=vd["first_contact_resolution"])
    # The FTE a quote needs follow from the work and the vendor's own time: worked hours less its
    # shrinkage, on the basis of the in-house team's (never a productivity the quote merely states).
    productive = add("productive_hours", f"{name}: productive hours per billed FTE-month",
                     f"{name} : heures productives par ETP-mois facturé", "hours", "worked * (1 - shrinkage)",
                     scalar=True, worked=vd["hours_per_fte_month"], shrinkage=vd["shrinkage"])
    delivered = add("service_delivered", f"{name}: service level delivered (committed less the expected shortfall)",
                    f"{name} : niveau de service rendu (engagement moins l'écart attendu)", "rate",
                    "committed - shortfall", scalar=True, committed=vd["committed_service_level"],
                    shortfall=vd["service_shortfall"])
    transfer = add("staff_transfer", f"{name}: today's agents transfer to the vendor (1, L1224-1)",
                   f"{name} : reprise des conseillers par le prestataire (1, L1224-1)", "flag",
                   '(staff_transfer == "yes") * 1', scalar=True, staff_transfer=vd["staff_transfer"])
    return VendorTerms(vd, priced, agent_minutes, index, ramp, repeat, productive, delivered, transfer)


def vendor_shares(ctx: Context, sc: Scenario) -> list[RowRef]:
    """Each channel's share of contacts sent to the vendor in a hybrid, by the hybrid mode's flag."""
    modes = ctx.time.modes
    return [ctx.add(
        sc.key("vendor_share", i), f"Share to vendor: {channel}", f"Part confiée : {channel}", "index",
        'is_share * share + is_ext * out_of_hours + is_overflow * max(0, season - threshold) / season'
        ' + is_channel * (to_vendor == "yes")', scenario=sc.id, is_share=modes["share"],
        share=Input("hybrid", "share"), is_ext=modes["extended_hours"],
        out_of_hours=Input("demand", "out_of_hours_share"), is_overflow=modes["overflow"], season=ctx.time.season,
        threshold=Input("hybrid", "overflow_threshold"), is_channel=modes["channel"], to_vendor=ToVendor(i))
        for i, channel in enumerate(ctx.shape.channels)]


def vendor_side(ctx: Context, sc: Scenario, shares: list[RowRef] | None, leavers: RowRef | None,
                hours: list[RowRef] | None = None, segment: RowRef | None = None) -> None:
    """The vendor's contacts, handling time and billed units per channel, its invoice, governance and
    the parallel run; ``shares`` as in :func:`vendor_shares` (None: the vendor takes everything).  A
    portfolio gives each channel's service ``hours`` and pays the parallel run once (``leavers`` None);
    a phased one its phase number (``segment``: the flex rule's peak is the year's within the phase)."""
    add, t, time = ctx.add, ctx.terms[sc.vendor], ctx.time
    vd = t.quote
    hours_rows, contact_rows, minute_rows = [], [], []
    service_hours = time.open_hours if shares is None else time.vendor_hours
    for i, channel in enumerate(ctx.shape.channels):
        if hours is not None:
            service_hours = hours[i]
        label = (f"Vendor contacts: {channel}", f"Contacts prestataire : {channel}", "contacts")
        if shares is None:
            vc = add(sc.key("vendor_contacts", i), *label, "contacts * repeat", scenario=sc.id,
                     contacts=ctx.demand.contacts[i], repeat=t.repeat)
        else:
            vc = add(sc.key("vendor_contacts", i), *label, "contacts * vendor_share * repeat", scenario=sc.id,
                     contacts=ctx.demand.contacts[i], vendor_share=shares[i], repeat=t.repeat)
        aht = add(sc.key("vendor_aht", i), f"Vendor AHT: {channel}", f"DMT prestataire : {channel}", "seconds",
                  "aht * factor * ramp", scenario=sc.id, aht=ChannelInput(i, "aht_seconds"), factor=vd["aht_factor"],
                  ramp=t.ramp)
        # Agent minutes divide a chat's length by the concurrency, as the staffing does.
        minute_rows.append(add(sc.key("vendor_minutes", i), f"Vendor minutes billed: {channel}",
                               f"Minutes facturées prestataire : {channel}", "minutes",
                               "contacts * aht / seconds_per_minute / (agent * concurrency + 1 - agent)",
                               scenario=sc.id, contacts=vc, aht=aht, seconds_per_minute=Constant("SECONDS_PER_MINUTE"),
                               agent=t.agent_minutes, concurrency=ChannelInput(i, "concurrency")))
        agents = ctx.staff_row(StaffRow(
            sc.key("vendor_agents", i), f"{sc.head_en}: vendor agents on duty, {channel}",
            f"{sc.head_fr} : conseillers prestataire en poste, {channel}", sc.id, i, vc, aht, service_hours))
        hours_rows.append(add(
            sc.key("vendor_hours", i), f"Vendor logged hours needed: {channel}",
            f"Heures connectées nécessaires : {channel}", "hours",
            "max(agents * service_hours / efficiency, contacts * aht / seconds_per_hour / concurrency / occupancy)",
            scenario=sc.id, agents=agents, service_hours=service_hours,
            efficiency=Input("demand", "scheduling_efficiency"), contacts=vc, aht=aht,
            seconds_per_hour=Constant("SECONDS_PER_HOUR"), concurrency=ChannelInput(i, "concurrency"),
            occupancy=vd["occupancy_billed"]))
        contact_rows.append(vc)
    _invoice(ctx, sc, shares is None, hours_rows, contact_rows, minute_rows, segment)
    _service_gap(ctx, sc, contact_rows)
    if leavers is None:
        return
    # Agents transferred to the vendor work on as its staff: the client pays no leavers in parallel.
    add(sc.key("parallel_run"), "Parallel run (leavers still paid)", "Double fonctionnement (sortants encore payés)", "money",
        "parallel * leavers * cost_per_fte * (1 - transfer)", scenario=sc.id, line="parallel_run",
        parallel=time.parallel, leavers=leavers, cost_per_fte=ctx.cost_per_fte_today, transfer=t.transfer)


def _invoice(ctx: Context, sc: Scenario, whole_scope: bool, hours_rows, contact_rows, minute_rows,
             segment: RowRef | None = None) -> None:
    """The vendor's billed totals, its invoice (pricing model, minimum, indexation, bonus/malus) and
    the client's governance of it."""
    add, t = ctx.add, ctx.terms[sc.vendor]
    vd = t.quote
    vhours = _billed_hours(ctx, sc, _total(ctx, sc, "vendor_hours_needed", "Vendor logged hours the work needs",
                                           "Heures connectées nécessaires au travail", "hours", hours_rows),
                           segment)
    vcontacts = _total(ctx, sc, "vendor_contacts", "Vendor contacts (with repeats)",
                       "Contacts prestataire (avec rappels)", "contacts", contact_rows)
    vminutes = _total(ctx, sc, "vendor_minutes", "Vendor minutes billed", "Minutes facturées prestataire", "minutes",
                      minute_rows)
    vfte = _billed_fte(ctx, sc, whole_scope, vhours)
    # A fixed fee and a minimum are quoted for the whole scope: a hybrid pays them in proportion to
    # the share of that scope's work it gives the vendor, so that splitting the scope never raises them.
    scope = {} if whole_scope else {"scope": _scope(ctx, sc, vminutes)}
    base = add(sc.key("vendor_base"), "Vendor invoice before minimum and indexation",
               "Facture prestataire avant minimum et indexation", "money",
               "price * (per_hour * hours + per_fte * fte + per_minute * minutes + per_contact * contacts"
               " + fixed" + (" * scope)" if scope else ")"), scenario=sc.id, price=vd["price"],
               per_hour=t.priced["per_hour"], hours=vhours, per_fte=t.priced["per_fte_month"], fte=vfte,
               per_minute=t.priced["per_minute"], minutes=vminutes, per_contact=t.priced["per_contact"],
               contacts=vcontacts, fixed=t.priced["fixed_monthly"], **scope)
    minimum = vd["minimum_monthly"] if whole_scope else add(
        sc.key("vendor_minimum"), "Minimum monthly invoice for this scope", "Facture mensuelle minimale pour ce "
        "périmètre", "money", "minimum * scope", scenario=sc.id, minimum=vd["minimum_monthly"], **scope)
    if whole_scope:
        ctx.scope_minutes[sc.vendor] = _quoted_minutes(ctx, sc, minute_rows) or vminutes
    quoted = add(sc.key("vendor_quoted"), "Vendor invoice at the quoted price", "Facture prestataire au prix coté",
                 "money", "max(base, minimum) * indexation * (1 + bonus_malus)", scenario=sc.id, base=base,
                 minimum=minimum, indexation=t.index, bonus_malus=vd["bonus_malus"])
    # The agents taken over under L1224-1 keep their pay: the quote prices them as an uplift.
    transferred = add(sc.key("vendor_transfer"), "Transferred agents priced by the vendor (uplift)",
                      "Conseillers repris facturés par le prestataire (majoration)", "money",
                      "quoted * transfer * uplift", scenario=sc.id, quoted=quoted, transfer=t.transfer,
                      uplift=vd["transfer_uplift"])
    invoice = add(sc.key("vendor_invoice"), "Vendor invoice", "Facture prestataire", "money",
                  "quoted + transferred", scenario=sc.id, line="vendor", quoted=quoted, transferred=transferred)
    # VAT the client does not recover: charged by a vendor in France, self-assessed under the reverse
    # charge for one abroad, at the same rate either way; zero for a fully recovering (taxable) client.
    add(sc.key("vat"), "VAT not recovered (charged, or self-assessed when reverse-charged)",
        "TVA non récupérée (facturée, ou autoliquidée)", "money", "invoice * vat_rate * (1 - recovery)",
        scenario=sc.id, line="vat", invoice=invoice, vat_rate=_FINANCE["vat_rate"], recovery=_FINANCE["vat_recovery"])
    # A vendor manager is needed however small the contract: a floor, indexed on wages, while a vendor is invoiced.
    add(sc.key("governance"), "Vendor governance", "Pilotage du prestataire", "money",
        "max(rate * invoice, (invoice > 0) * floor * wage_index / 12)", scenario=sc.id, line="governance",
        rate=ctx.trn["governance_rate"], invoice=invoice, floor=ctx.trn["governance_floor"],
        wage_index=ctx.time.wage_index)


def _total(ctx: Context, sc: Scenario, name, en, fr, unit, parts) -> RowRef:
    return ctx.add(sc.key(name), en, fr, unit, " + ".join(f"x{i}" for i in range(len(parts))),
                   scenario=sc.id, **{f"x{i}": r for i, r in enumerate(parts)})


def _billed_hours(ctx: Context, sc: Scenario, needed: RowRef, segment: RowRef | None = None) -> RowRef:
    """The flex rule of both parties: each month, the year's peak less the party's flex share of the
    gap between the peak and the month's need (in-house: its FTE, :func:`inhouse_team`; the vendor:
    its billed logged hours)."""
    if segment is None:
        peak = ctx.add(sc.key("vendor_hours_peak"), "Vendor logged hours needed, year's peak month",
                       "Heures connectées nécessaires, mois de pointe de l'année", "hours", "peak(needed)",
                       scenario=sc.id, needed=needed)
    else:  # a phased portfolio: a pilot is not billed at the scope that follows it
        peak = ctx.add(sc.key("vendor_hours_peak"), "Vendor logged hours needed, peak month of the year within the "
                       "phase", "Heures connectées nécessaires, mois de pointe de l'année dans la phase", "hours",
                       "peakin(needed, phase)", scenario=sc.id, needed=needed, phase=segment)
    return ctx.add(sc.key("vendor_hours"), "Vendor logged hours billed", "Heures connectées facturées", "hours",
                   "peak_hours - flex * (peak_hours - needed)", scenario=sc.id, peak_hours=peak,
                   flex=ctx.terms[sc.vendor].quote["seasonal_flex"], needed=needed)


def _billed_fte(ctx: Context, sc: Scenario, whole_scope: bool, hours: RowRef) -> RowRef:
    """The FTE the work needs at the vendor's productive hours, and those billed.  A per-FTE quote's
    proposed headcount covers the whole scope: it is a floor when the vendor takes everything (the
    work may need more: the quote is checked against it), and does not apply to a hybrid's part."""
    t = ctx.terms[sc.vendor]
    needed = ctx.add(sc.key("vendor_fte_needed"), "Vendor FTE the work needs", "ETP prestataire nécessaires", "fte",
                     "hours / productive_hours", scenario=sc.id, hours=hours, productive_hours=t.productive_hours)
    if whole_scope:
        return ctx.add(sc.key("vendor_fte"), "Vendor FTE billed", "ETP prestataire facturés", "fte",
                       "max(proposed, needed)", scenario=sc.id, proposed=t.quote["fte_proposed"], needed=needed)
    return ctx.add(sc.key("vendor_fte"), "Vendor FTE billed", "ETP prestataire facturés", "fte", "needed",
                   scenario=sc.id, needed=needed)


def _quoted_minutes(ctx: Context, sc: Scenario, minute_rows) -> RowRef | None:
    """The minutes of the channels a quote covers, when it covers only some (its minimum's scope)."""
    scope = ctx.shape.scopes[sc.vendor] if ctx.shape.scopes else ()
    quoted = [i for i, channel in enumerate(ctx.shape.channels) if channel in scope]
    if not scope or len(quoted) == len(ctx.shape.channels):
        return None
    return ctx.add(sc.key("vendor_quoted_minutes"), "Vendor minutes billed on the channels it quotes for",
                   "Minutes facturées prestataire sur les canaux de son offre", "minutes",
                   " + ".join(f"m{i}" for i in quoted), scenario=sc.id, **{f"m{i}": minute_rows[i] for i in quoted})


def _scope(ctx: Context, sc: Scenario, minutes: RowRef) -> RowRef:
    """A hybrid's share of the quoted (whole) scope's work: its minutes billed over the outsourced
    scenario's (0 when there is no work at all)."""
    full = ctx.scope_minutes[sc.vendor]  # the outsourced scenario's, declared before the hybrids
    return ctx.add(sc.key("vendor_scope"), "Vendor's share of the quoted scope (minutes billed)",
                   "Part du périmètre coté confiée au prestataire (minutes facturées)", "index",
                   "minutes / (full + (full == 0))", scenario=sc.id, minutes=minutes, full=full)


def _service_gap(ctx: Context, sc: Scenario, contact_rows) -> None:
    """What a service below a live channel's target costs, and whether the scenario is comparable.

    The vendor's contacts answered later than the target beyond its share (contacts x the points the
    service delivered, its commitment less the expected shortfall, falls short of the target) hang
    up at the channel's late-abandon share and a share of those leaves (churn, value of a lost
    customer): a cost line, so that a lower commitment or a larger shortfall never lowers the
    scenario's cost.  A scenario whose *commitment* is below a live target it serves is not
    comparable: never recommended."""
    t, customer, n = ctx.terms[sc.vendor], Inputs("customer"), len(contact_rows)
    per_channel = {**{f"kind{i}": ChannelInput(i, "kind") for i in range(n)},
                   **{f"c{i}": r for i, r in enumerate(contact_rows)},
                   **{f"target{i}": ChannelInput(i, "service_level") for i in range(n)}}
    late = " + ".join(f'(kind{i} == "live") * c{i} * (target{i} - delivered) * (target{i} - delivered > tolerance)'
                      f" * abandon{i}" for i in range(n))
    ctx.add(sc.key("service_gap"), "Service gap below target (customers lost)",
            "Écart de service sous la cible (clients perdus)", "money", f"({late}) * churn * value",
            scenario=sc.id, line="service_gap", delivered=t.delivered, tolerance=Constant("SERVICE_LEVEL_TOLERANCE"),
            churn=customer["churn_share"], value=customer["value_per_lost_customer"], **per_channel,
            **{f"abandon{i}": ChannelInput(i, "late_abandon_share") for i in range(n)})
    short = ctx.add(sc.key("committed_short"), "Vendor contacts of live channels whose target the commitment misses",
                    "Contacts prestataire des canaux en temps réel dont l'engagement manque l'objectif", "contacts",
                    " + ".join(f'(kind{i} == "live") * c{i} * (target{i} - committed > tolerance)' for i in range(n)),
                    scenario=sc.id, committed=t.quote["committed_service_level"],
                    tolerance=Constant("SERVICE_LEVEL_TOLERANCE"), **per_channel)
    scope = ctx.shape.scopes[sc.vendor] if ctx.shape.scopes else ()
    unquoted = [i for i, channel in enumerate(ctx.shape.channels) if scope and channel not in scope]
    if not unquoted:
        comparable(ctx, sc, "(total(short) == 0) * 1", short=short)
        return
    # A quote for some channels only prices them: a scenario sending it others is not comparable.
    outside = ctx.add(sc.key("unquoted"), "Vendor contacts of channels its quote does not cover",
                      "Contacts prestataire des canaux hors de son offre", "contacts",
                      " + ".join(f"c{i}" for i in unquoted), scenario=sc.id, **{f"c{i}": contact_rows[i] for i in unquoted})
    comparable(ctx, sc, "(total(short) + total(outside) == 0) * 1", short=short, outside=outside)


def comparable(ctx: Context, sc: Scenario, expr: str, **bind) -> RowRef:
    """The scenario's 0/1 row 'meets the target service': only those may be recommended."""
    return ctx.add(sc.key("comparable"), "Meets the target service (1): may be recommended",
                   "Atteint le service cible (1) : peut être recommandé", "flag", expr, scalar=True,
                   scenario=sc.id, **bind)


def one_offs(ctx: Context, sc: Scenario, leavers: RowRef) -> None:
    """The one-off costs at signature (t = 0), one row per line of :data:`ONE_OFF_LINES`."""
    trn, vd = ctx.trn, ctx.terms[sc.vendor].quote
    formulas = {
        "setup_fee": ("fee", {"fee": vd["setup_fee"]}),
        "setup_fee_vat": ("fee * vat_rate * (1 - recovery)",
                          {"fee": vd["setup_fee"], "vat_rate": _FINANCE["vat_rate"], "recovery": _FINANCE["vat_recovery"]}),
        "knowledge_transfer": ("amount", {"amount": trn["knowledge_transfer"]}),
        "it_integration": ("amount", {"amount": trn["it_integration"]}),
        "severance": ("leavers * (1 - redeployed) * severance * (1 - transfer)",
                      {"leavers": leavers, "redeployed": trn["redeployment_rate"],
                       "severance": trn["severance_per_agent"], "transfer": ctx.terms[sc.vendor].transfer}),
        "exit_provision": ("amount", {"amount": trn["exit_provision"]}),
    }
    for line, en, fr in ONE_OFF_LINES:
        expr, bind = formulas[line]
        ctx.add(sc.key(line), en, fr, "money", expr, scalar=True, scenario=sc.id, line=line, one_off=True,
                **bind)
