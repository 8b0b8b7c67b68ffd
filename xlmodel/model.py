"""The model declared as data: every line item of the monthly timeline, for every scenario.

Each :class:`Row` is a label, a unit, a formula (see :mod:`xlmodel.formula`) and the binding of
the formula's local names to reference keys.  The engine evaluates the rows in order with numpy;
the workbook builder writes the same rows as native Excel formulas on the Calc sheet.  Nothing else
defines the arithmetic of the cost model.

Reference keys:

- ``in:SECTION.FIELD``: a single input (a named range in the workbook);
- ``in:demand.seasonality``: the 12 monthly weights;
- ``const:NAME``: a physical constant (seconds per hour...), on the Inputs sheet, locked;
- ``ch:I.FIELD`` / ``vd:I.FIELD``: a field of channel or vendor number I (0-based);
- ``hc:I``: whether channel I goes to the vendor in hybrid ``channel`` mode ("yes"/"no");
- ``row:KEY``: another row of this model;
- ``st:KEY``: a staffing row computed in Python by Erlang C (:mod:`xlmodel.staffing`).

Scenarios: ``status_quo`` (today's agents and service), ``inhouse`` (agents sized by Erlang C to
the target service: the reference for savings), ``outsourced:VENDOR`` and ``hybrid:VENDOR``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .case import Case

CONSTANTS = {
    "SECONDS_PER_HOUR": (3600, "seconds", "Seconds per hour", "Secondes par heure"),
    "SECONDS_PER_MINUTE": (60, "seconds", "Seconds per minute", "Secondes par minute"),
    "WEEKS_PER_YEAR": (52, "weeks", "Weeks per year", "Semaines par an"),
    "INTERVAL_SECONDS": (1800, "seconds", "Staffing interval", "Intervalle de dimensionnement"),
    # Tolerances of the workbook's checks (kept here so that no number is typed in a formula).
    "SEASONALITY_TOLERANCE": (0.001, "", "Tolerance: seasonality average", "Tolérance : moyenne saisonnière"),
    "CHECK_TOLERANCE": (0.000001, "relative", "Tolerance: Python vs native", "Tolérance : Python vs natif"),
}

#: Cost lines, in the order of reports and of the stacked chart: (id, English, French).
COST_LINES = (
    ("payroll", "Agent payroll", "Masse salariale conseillers"),
    ("management", "Supervision and support", "Encadrement et support"),
    ("workplace", "Workplace and IT", "Poste de travail et informatique"),
    ("attrition", "Attrition, hiring and downsizing", "Turnover, recrutements et départs"),
    ("overhead", "Overheads", "Frais de structure"),
    ("vendor", "Vendor invoice", "Facture prestataire"),
    ("governance", "Governance", "Pilotage"),
    ("parallel_run", "Parallel run", "Double run"),
)
COST_LINE_IDS = tuple(line for line, _, _ in COST_LINES)

#: One-off costs at signature (t = 0), in report order.
ONE_OFF_LINES = (
    ("setup_fee", "Vendor set-up fee", "Frais de mise en place"),
    ("knowledge_transfer", "Knowledge transfer", "Transfert de connaissances"),
    ("it_integration", "IT integration", "Intégration informatique"),
    ("severance", "Severance", "Indemnités de départ"),
    ("exit_provision", "Exit provision", "Provision de réversibilité"),
)


@dataclass(frozen=True)
class Row:
    """One line item: a formula over named references, monthly (a timeline row) or a single value."""

    key: str
    label_en: str
    label_fr: str
    unit: str  # money | fte | contacts | hours | minutes | seconds | agents | flag | index | number
    expr: str
    bind: dict = field(default_factory=dict, hash=False, compare=False)
    scalar: bool = False
    scenario: str | None = None
    line: str | None = None  # a COST_LINES id, or a ONE_OFF_LINES id for one-off rows
    one_off: bool = False
    on_error: str | None = None  # text shown instead of an error value (the engine gives None)


@dataclass(frozen=True)
class StaffRow:
    """Agents on duty, sized in Python by Erlang C (live) or workload (deferred), month by month.

    ``contacts`` and ``aht`` are reference keys of rows (or inputs) evaluated before it;
    ``hours`` the service hours per month over which the contacts arrive.
    """

    key: str
    label_en: str
    label_fr: str
    scenario: str
    channel: int
    contacts: str
    aht: str
    hours: str
    peak_of: tuple = ()  # when set: each year's peak of the sum of these staff rows


@dataclass(frozen=True)
class Scenario:
    id: str
    kind: str  # status_quo | inhouse | outsourced | hybrid
    vendor: int | None
    label_en: str
    label_fr: str
    prefix: str  # row-key prefix


@dataclass
class Model:
    """All rows, staffing rows and scenarios of one case, in evaluation order."""

    rows: list[Row]
    staff: list[StaffRow]
    scenarios: list[Scenario]

    def row(self, key: str) -> Row:
        return self._by_key[key]

    def __post_init__(self):
        self._by_key = {r.key: r for r in self.rows}


class _Builder:
    def __init__(self):
        self.rows: list[Row] = []
        self.staff: list[StaffRow] = []
        self.keys: set[str] = set()

    def add(self, key, en, fr, unit, expr, scalar=False, scenario=None, line=None, one_off=False,
            on_error=None, **bind):
        for name, ref in bind.items():
            if ref.startswith("row:") and ref[4:] not in self.keys and ref[4:] != key:
                raise ValueError(f"row {key}: {name} refers to {ref}, not defined before it")
        self.rows.append(Row(key, en, fr, unit, expr, dict(bind), scalar, scenario, line, one_off, on_error))
        self.keys.add(key)
        return f"row:{key}"


def _inp(section_field: str) -> str:
    return f"in:{section_field}"


def build_model(case: Case) -> Model:
    """Declare every row of the model for this case (channels and vendors set the row count)."""
    b = _Builder()
    n_channels = len(case.channels)
    inh = {name: _inp(f"inhouse.{name}") for name in (
        "current_fte", "gross_salary", "employer_charge_rate", "paid_hours_per_fte", "shrinkage",
        "attrition_rate", "cost_per_hire", "training_weeks", "supervision_span", "supervisor_salary",
        "support_ratio", "support_salary", "seat_cost", "it_cost_per_agent", "overhead_rate",
        "wage_inflation", "seasonal_flex", "first_contact_resolution")}
    trn = {name: _inp(f"transition.{name}") for name in (
        "governance_rate", "knowledge_transfer", "parallel_run_months", "severance_per_agent",
        "redeployment_rate", "it_integration", "exit_provision")}

    # --- Timeline and flags -------------------------------------------------------------------
    month = b.add("time.month", "Month number", "Numéro de mois", "number", "prev(month) + 1", month="row:time.month")
    year = b.add("time.year", "Year number", "Numéro d'année", "number", "roundup(month / 12, 0)", month=month)
    moy = b.add("time.month_of_year", "Month of year", "Mois de l'année", "number", "month - 12 * (year - 1)",
                month=month, year=year)
    season = b.add("time.season", "Seasonality weight", "Coefficient saisonnier", "index",
                   "index(weights, month_of_year)", weights=_inp("demand.seasonality"), month_of_year=moy)
    growth = b.add("time.growth_index", "Volume index", "Indice de volume", "index", "(1 + growth) ** (year - 1)",
                   growth=_inp("demand.growth_rate"), year=year)
    wage = b.add("time.wage_index", "Wage index", "Indice salarial", "index", "(1 + inflation) ** (year - 1)",
                 inflation=inh["wage_inflation"], year=year)
    first = b.add("time.first_month", "First-month flag", "Indicateur premier mois", "flag", "(month == 1) * 1",
                  month=month)
    parallel = b.add("time.parallel_flag", "Parallel-run flag", "Indicateur double run", "flag",
                     "(month <= parallel_months) * 1", month=month, parallel_months=trn["parallel_run_months"])
    open_hours = b.add("time.open_hours_month", "Opening hours per month", "Heures d'ouverture par mois", "hours",
                       "hours_per_week * weeks / 12", scalar=True,
                       hours_per_week=_inp("demand.opening_hours_per_week"), weeks="const:WEEKS_PER_YEAR")
    productive = b.add("time.productive_hours", "Productive hours per in-house FTE-month",
                       "Heures productives par ETP interne et par mois", "hours",
                       "paid_hours / 12 * (1 - shrinkage) * (1 - attrition * training_weeks / weeks)", scalar=True,
                       paid_hours=inh["paid_hours_per_fte"], shrinkage=inh["shrinkage"],
                       attrition=inh["attrition_rate"], training_weeks=inh["training_weeks"],
                       weeks="const:WEEKS_PER_YEAR")
    loaded = b.add("time.charges_factor", "Salary-to-cost factor", "Coefficient de chargement", "index",
                   "1 + charges", scalar=True, charges=inh["employer_charge_rate"])
    fcr_in = inh["first_contact_resolution"]
    modes = {}
    for mode in ("share", "extended_hours", "overflow", "channel"):
        modes[mode] = b.add(f"time.mode_{mode}", f"Hybrid mode is {mode}", f"Mode hybride = {mode}", "flag",
                            f'(mode == "{mode}") * 1', scalar=True, mode=_inp("hybrid.mode"))
    vendor_hours = b.add("time.vendor_hours_month", "Vendor service hours per month (hybrid)",
                         "Heures de service prestataire par mois (hybride)", "hours",
                         "ext * hours_per_week * weeks / 12 + (1 - ext) * open_hours", scalar=True,
                         ext=modes["extended_hours"], hours_per_week=_inp("hybrid.vendor_hours_per_week"),
                         weeks="const:WEEKS_PER_YEAR", open_hours=open_hours)

    # --- Demand --------------------------------------------------------------------------------
    contacts = []
    for i, ch in enumerate(case.channels):
        contacts.append(b.add(f"demand.contacts.{i}", f"Contacts: {ch.name}", f"Contacts : {ch.name}", "contacts",
                              "annual_volume * growth * season / 12", annual_volume=f"ch:{i}.annual_volume",
                              growth=growth, season=season))
    total_contacts = b.add("demand.contacts", "Contacts: all channels", "Contacts : tous canaux", "contacts",
                           " + ".join(f"c{i}" for i in range(n_channels)),
                           **{f"c{i}": contacts[i] for i in range(n_channels)})

    # --- Vendor terms (shared by the outsourced and hybrid scenarios of a vendor) ---------------
    terms = []
    for v, vendor in enumerate(case.vendors):
        p = f"vendor{v}"
        vd = {name: f"vd:{v}.{name}" for name in (
            "pricing_model", "price", "minimum_monthly", "indexation_rate", "indexation_fixed_share",
            "aht_factor", "ramp_up_months", "ramp_up_aht_premium", "occupancy_billed", "hours_per_fte_month",
            "fte_proposed", "first_contact_resolution", "bonus_malus", "setup_fee")}
        t = {"vd": vd}
        for model_id in ("per_hour", "per_fte_month", "per_minute", "per_contact", "fixed_monthly"):
            t[model_id] = b.add(f"{p}.is_{model_id}", f"{vendor.name}: priced {model_id}",
                                f"{vendor.name} : prix {model_id}", "flag", f'(pricing_model == "{model_id}") * 1',
                                scalar=True, pricing_model=vd["pricing_model"])
        t["index"] = b.add(f"{p}.indexation", f"{vendor.name}: price index", f"{vendor.name} : indice de prix",
                           "index", "fixed + (1 - fixed) * (1 + rate) ** (year - 1)",
                           fixed=vd["indexation_fixed_share"], rate=vd["indexation_rate"], year=year)
        t["ramp"] = b.add(f"{p}.ramp", f"{vendor.name}: AHT ramp-up factor", f"{vendor.name} : montée en charge DMT",
                          "index", "1 + premium * max(0, ramp_months - (month - 1)) / max(1, ramp_months)",
                          premium=vd["ramp_up_aht_premium"], ramp_months=vd["ramp_up_months"], month=month)
        t["repeat"] = b.add(f"{p}.repeat_factor", f"{vendor.name}: contacts per in-house contact (FCR)",
                            f"{vendor.name} : contacts par contact interne (FCR)", "index",
                            "fcr_inhouse / fcr_vendor", scalar=True, fcr_inhouse=fcr_in,
                            fcr_vendor=vd["first_contact_resolution"])
        terms.append(t)

    scenarios = [Scenario("status_quo", "status_quo", None, "Status quo (today's team)",
                          "Statu quo (équipe actuelle)", "sq"),
                 Scenario("inhouse", "inhouse", None, "In-house at target service",
                          "Interne au niveau de service cible", "inh")]
    for v, vendor in enumerate(case.vendors):
        scenarios.append(Scenario(f"outsourced:{vendor.name}", "outsourced", v, f"Outsourced: {vendor.name}",
                                  f"Externalisé : {vendor.name}", f"out{v}"))
    for v, vendor in enumerate(case.vendors):
        if vendor.name in case.hybrid.vendors:
            scenarios.append(Scenario(f"hybrid:{vendor.name}", "hybrid", v, f"Hybrid ({case.hybrid.mode}): {vendor.name}",
                                      f"Hybride ({case.hybrid.mode}) : {vendor.name}", f"hyb{v}"))

    def inhouse_costs(sc: Scenario, fte: str, recruit: bool):
        """Cost lines of an in-house team of ``fte`` agents (FTE) in scenario ``sc``."""
        p, s = sc.prefix, sc.id
        common = dict(fte=fte, wage_index=wage, loaded=loaded)
        pay = b.add(f"{p}.payroll", "Agent payroll", "Masse salariale conseillers", "money",
                    "fte * salary * loaded * wage_index / 12", scenario=s, line="payroll",
                    salary=inh["gross_salary"], **common)
        sup = b.add(f"{p}.supervision", "Team leaders", "Superviseurs", "money",
                    "fte / span * salary * loaded * wage_index / 12", scenario=s, line="management",
                    span=inh["supervision_span"], salary=inh["supervisor_salary"], **common)
        sp = b.add(f"{p}.support", "Support staff (WFM, quality, training)", "Fonctions support", "money",
                   "fte * ratio * salary * loaded * wage_index / 12", scenario=s, line="management",
                   ratio=inh["support_ratio"], salary=inh["support_salary"], **common)
        b.add(f"{p}.workplace", "Workplace and IT", "Poste de travail et informatique", "money",
              "fte * (seat + it) / 12", scenario=s, line="workplace", fte=fte, seat=inh["seat_cost"],
              it=inh["it_cost_per_agent"])
        b.add(f"{p}.attrition", "Attrition (replacing leavers)", "Turnover (remplacement des départs)", "money",
              "fte * attrition * cost_per_hire / 12", scenario=s, line="attrition", fte=fte,
              attrition=inh["attrition_rate"], cost_per_hire=inh["cost_per_hire"])
        if recruit:
            b.add(f"{p}.recruitment", "Hiring to reach the target", "Recrutements pour atteindre la cible", "money",
                  "first_month * max(0, fte - current_fte) * cost_per_hire", scenario=s, line="attrition",
                  first_month=first, fte=fte, current_fte=inh["current_fte"], cost_per_hire=inh["cost_per_hire"])
        if recruit and sc.kind == "inhouse":
            # The reference shrinks to its target like any other scenario: the agents it no longer
            # needs and cannot redeploy are paid severance (hybrids count them as leavers).
            b.add(f"{p}.downsizing", "Severance to reach the target", "Indemnités pour atteindre la cible", "money",
                  "first_month * max(0, current_fte - fte) * (1 - redeployed) * severance", scenario=s,
                  line="attrition", first_month=first, fte=fte, current_fte=inh["current_fte"],
                  redeployed=trn["redeployment_rate"], severance=trn["severance_per_agent"])
        b.add(f"{p}.overhead", "Overheads", "Frais de structure", "money",
              "rate * (payroll + supervision + support)", scenario=s, line="overhead",
              rate=inh["overhead_rate"], payroll=pay, supervision=sup, support=sp)

    def inhouse_team(sc: Scenario, share_rows: list[str] | None):
        """An in-house team sized by Erlang C for its contacts (all, or the non-vendor part)."""
        p = sc.prefix
        staff_keys = []
        for i, ch in enumerate(case.channels):
            if share_rows is None:
                part = contacts[i]
            else:
                part = b.add(f"{p}.inhouse_contacts.{i}", f"In-house contacts: {ch.name}",
                             f"Contacts internes : {ch.name}", "contacts", "contacts * (1 - vendor_share)",
                             scenario=sc.id, contacts=contacts[i], vendor_share=share_rows[i])
            key = f"{p}.agents.{i}"
            b.staff.append(StaffRow(key, f"{sc.label_en}: agents on duty, {ch.name}",
                                    f"{sc.label_fr} : conseillers en poste, {ch.name}", sc.id, i, part,
                                    f"ch:{i}.aht_seconds", open_hours))
            staff_keys.append(key)
        peak_key = f"{p}.agents_peak"
        b.staff.append(StaffRow(peak_key, f"{sc.label_en}: agents on duty, year's peak month",
                                f"{sc.label_fr} : conseillers en poste, mois de pointe de l'année", sc.id, -1,
                                "", "", open_hours, peak_of=tuple(staff_keys)))
        agents = b.add(f"{p}.agents", "Agents on duty (average over opening hours)",
                       "Conseillers en poste (moyenne sur l'ouverture)", "agents",
                       " + ".join(f"a{i}" for i in range(n_channels)), scenario=sc.id,
                       **{f"a{i}": f"st:{k}" for i, k in enumerate(staff_keys)})
        fte = b.add(f"{p}.fte", "Agents employed (FTE)", "Conseillers employés (ETP)", "fte",
                    "(peak - flex * (peak - agents)) * open_hours / productive_hours", scenario=sc.id,
                    peak=f"st:{peak_key}", flex=inh["seasonal_flex"], agents=agents, open_hours=open_hours,
                    productive_hours=productive)
        return fte

    def vendor_side(sc: Scenario, share_rows: list[str] | None, leavers: str):
        p, v, t = sc.prefix, sc.vendor, terms[sc.vendor]
        vd = t["vd"]
        hours_rows, contact_rows, minute_rows = [], [], []
        service_hours = open_hours if share_rows is None else vendor_hours
        for i, ch in enumerate(case.channels):
            if share_rows is None:
                vc = b.add(f"{p}.vendor_contacts.{i}", f"Vendor contacts: {ch.name}", f"Contacts prestataire : {ch.name}",
                           "contacts", "contacts * repeat", scenario=sc.id, contacts=contacts[i], repeat=t["repeat"])
            else:
                vc = b.add(f"{p}.vendor_contacts.{i}", f"Vendor contacts: {ch.name}", f"Contacts prestataire : {ch.name}",
                           "contacts", "contacts * vendor_share * repeat", scenario=sc.id, contacts=contacts[i],
                           vendor_share=share_rows[i], repeat=t["repeat"])
            aht = b.add(f"{p}.vendor_aht.{i}", f"Vendor AHT: {ch.name}", f"DMT prestataire : {ch.name}", "seconds",
                        "aht * factor * ramp", scenario=sc.id, aht=f"ch:{i}.aht_seconds", factor=vd["aht_factor"],
                        ramp=t["ramp"])
            minutes = b.add(f"{p}.vendor_minutes.{i}", f"Vendor handled minutes: {ch.name}",
                            f"Minutes traitées prestataire : {ch.name}", "minutes",
                            "contacts * aht / seconds_per_minute", scenario=sc.id, contacts=vc, aht=aht,
                            seconds_per_minute="const:SECONDS_PER_MINUTE")
            key = f"{p}.vendor_agents.{i}"
            b.staff.append(StaffRow(key, f"{sc.label_en}: vendor agents on duty, {ch.name}",
                                    f"{sc.label_fr} : conseillers prestataire en poste, {ch.name}", sc.id, i,
                                    vc, aht, service_hours))
            hours = b.add(f"{p}.vendor_hours.{i}", f"Vendor logged hours billed: {ch.name}",
                          f"Heures connectées facturées : {ch.name}", "hours",
                          "max(agents * service_hours, contacts * aht / seconds_per_hour / concurrency / occupancy)",
                          scenario=sc.id, agents=f"st:{key}", service_hours=service_hours, contacts=vc, aht=aht,
                          seconds_per_hour="const:SECONDS_PER_HOUR", concurrency=f"ch:{i}.concurrency",
                          occupancy=vd["occupancy_billed"])
            hours_rows.append(hours)
            contact_rows.append(vc)
            minute_rows.append(minutes)

        def total(name, en, fr, unit, parts):
            return b.add(f"{p}.{name}", en, fr, unit, " + ".join(f"x{i}" for i in range(n_channels)),
                         scenario=sc.id, **{f"x{i}": r for i, r in enumerate(parts)})

        vhours = total("vendor_hours", "Vendor logged hours billed", "Heures connectées facturées", "hours", hours_rows)
        vcontacts = total("vendor_contacts", "Vendor contacts (with repeats)", "Contacts prestataire (avec rappels)",
                          "contacts", contact_rows)
        vminutes = total("vendor_minutes", "Vendor handled minutes", "Minutes traitées prestataire", "minutes",
                         minute_rows)
        # A per-FTE quote's proposed headcount covers the whole scope: it is a floor when the vendor
        # takes everything, and does not apply to the part it takes in a hybrid.
        floor = {"floor": vd["fte_proposed"]} if share_rows is None else {}
        vfte = b.add(f"{p}.vendor_fte", "Vendor FTE billed", "ETP prestataire facturés", "fte",
                     "max(floor, hours / hours_per_fte)" if floor else "hours / hours_per_fte", scenario=sc.id,
                     hours=vhours, hours_per_fte=vd["hours_per_fte_month"], **floor)
        base = b.add(f"{p}.vendor_base", "Vendor invoice before minimum and indexation",
                     "Facture prestataire avant minimum et indexation", "money",
                     "price * (per_hour * hours + per_fte * fte + per_minute * minutes + per_contact * contacts"
                     " + fixed)", scenario=sc.id, price=vd["price"], per_hour=t["per_hour"], hours=vhours,
                     per_fte=t["per_fte_month"], fte=vfte, per_minute=t["per_minute"], minutes=vminutes,
                     per_contact=t["per_contact"], contacts=vcontacts, fixed=t["fixed_monthly"])
        invoice = b.add(f"{p}.vendor_invoice", "Vendor invoice", "Facture prestataire", "money",
                        "max(base, minimum) * indexation * (1 + bonus_malus)", scenario=sc.id, line="vendor",
                        base=base, minimum=vd["minimum_monthly"], indexation=t["index"],
                        bonus_malus=vd["bonus_malus"])
        b.add(f"{p}.governance", "Vendor governance", "Pilotage du prestataire", "money", "rate * invoice",
              scenario=sc.id, line="governance", rate=trn["governance_rate"], invoice=invoice)
        b.add(f"{p}.parallel_run", "Parallel run (leavers still paid)", "Double run (sortants encore payés)", "money",
              "parallel * leavers * cost_per_fte", scenario=sc.id, line="parallel_run", parallel=parallel,
              leavers=leavers, cost_per_fte="row:sq.cost_per_fte")
        one_offs = {
            "setup_fee": ("fee", {"fee": vd["setup_fee"]}),
            "knowledge_transfer": ("amount", {"amount": trn["knowledge_transfer"]}),
            "it_integration": ("amount", {"amount": trn["it_integration"]}),
            "severance": ("leavers * (1 - redeployed) * severance",
                          {"leavers": leavers, "redeployed": trn["redeployment_rate"],
                           "severance": trn["severance_per_agent"]}),
            "exit_provision": ("amount", {"amount": trn["exit_provision"]}),
        }
        for line, en, fr in ONE_OFF_LINES:
            expr, bind = one_offs[line]
            b.add(f"{p}.{line}", en, fr, "money", expr, scalar=True, scenario=sc.id, line=line, one_off=True, **bind)

    def scenario_totals(sc: Scenario):
        p = sc.prefix
        cost_rows = [r for r in b.rows if r.scenario == sc.id and r.line in COST_LINE_IDS]
        b.add(f"{p}.total", "Total monthly cost", "Coût mensuel total", "money",
              " + ".join(f"x{i}" for i in range(len(cost_rows))), scenario=sc.id,
              **{f"x{i}": f"row:{r.key}" for i, r in enumerate(cost_rows)})
        offs = [r for r in b.rows if r.scenario == sc.id and r.one_off]
        b.add(f"{p}.one_off", "One-off costs at signature", "Coûts ponctuels à la signature", "money",
                        " + ".join(f"x{i}" for i in range(len(offs))) if offs else "0", scalar=True,
                        scenario=sc.id, **{f"x{i}": f"row:{r.key}" for i, r in enumerate(offs)})


    for sc in scenarios:
        p = sc.prefix
        if sc.kind == "status_quo":
            fte = b.add("sq.fte", "Agents employed (FTE)", "Conseillers employés (ETP)", "fte", "current_fte",
                        scenario=sc.id, current_fte=inh["current_fte"])
            inhouse_costs(sc, fte, recruit=False)
            scenario_totals(sc)
            b.add("sq.cost_per_fte", "Cost per agent today (FTE-month)", "Coût par conseiller aujourd'hui (ETP-mois)",
                  "money", "total / current_fte", scenario=sc.id, total="row:sq.total", current_fte=inh["current_fte"])
        elif sc.kind == "inhouse":
            fte = inhouse_team(sc, None)
            inhouse_costs(sc, fte, recruit=True)
            scenario_totals(sc)
        elif sc.kind == "outsourced":
            leavers = b.add(f"{p}.leavers", "Agents leaving", "Conseillers sortants", "fte", "current_fte",
                            scalar=True, scenario=sc.id, current_fte=inh["current_fte"])
            vendor_side(sc, None, leavers)
            scenario_totals(sc)
        else:
            shares = []
            for i, ch in enumerate(case.channels):
                shares.append(b.add(
                    f"{p}.vendor_share.{i}", f"Share to vendor: {ch.name}", f"Part confiée : {ch.name}", "index",
                    'is_share * share + is_ext * out_of_hours + is_overflow * max(0, season - threshold) / season'
                    ' + is_channel * (to_vendor == "yes")', scenario=sc.id, is_share=modes["share"],
                    share=_inp("hybrid.share"), is_ext=modes["extended_hours"],
                    out_of_hours=_inp("demand.out_of_hours_share"), is_overflow=modes["overflow"], season=season,
                    threshold=_inp("hybrid.overflow_threshold"), is_channel=modes["channel"], to_vendor=f"hc:{i}"))
            fte = inhouse_team(sc, shares)
            inhouse_costs(sc, fte, recruit=True)
            leavers = b.add(f"{p}.leavers", "Agents leaving", "Conseillers sortants", "fte",
                            "max(0, current_fte - first(fte))", scalar=True, scenario=sc.id,
                            current_fte=inh["current_fte"], fte=fte)
            vendor_side(sc, shares, leavers)
            scenario_totals(sc)

    # Payback (docs/method.md, "Money: timing, NPV, ROI, payback, IRR"), after every scenario so that all can refer to in-house: each
    # year's saving against in-house spread evenly over its months; the first month whose
    # cumulative saving reaches the one-off cost; 0 when there is no one-off cost.
    for sc in scenarios:
        if sc.kind == "inhouse":
            continue
        p = sc.prefix
        spread = b.add(f"{p}.saving_spread", f"{sc.label_en}: saving vs in-house, spread over the year",
                       f"{sc.label_fr} : économie vs interne, répartie sur l'année", "money",
                       "(annual(inhouse_total) - annual(total)) / 12", scenario=sc.id,
                       inhouse_total="row:inh.total", total=f"row:{p}.total")
        cum = b.add(f"{p}.cum_saving", f"{sc.label_en}: cumulative saving (undiscounted)",
                    f"{sc.label_fr} : économie cumulée (non actualisée)", "money", "prev(cum) + spread",
                    scenario=sc.id, cum=f"row:{p}.cum_saving", spread=spread)
        reached = b.add(f"{p}.payback_reached", f"{sc.label_en}: one-off cost recovered",
                        f"{sc.label_fr} : coûts ponctuels récupérés", "flag",
                        "((cum >= upfront) + (upfront == 0) > 0) * 1", scenario=sc.id, cum=cum,
                        upfront=f"row:{p}.one_off")
        b.add(f"{p}.payback", f"{sc.label_en}: payback month", f"{sc.label_fr} : mois de retour", "number",
              "(upfront > 0) * firstmonth(reached)", scalar=True, scenario=sc.id, on_error="not reached",
              upfront=f"row:{p}.one_off", reached=reached)

    return Model(b.rows, b.staff, scenarios)
