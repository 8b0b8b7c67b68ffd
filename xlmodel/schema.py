"""The case format declared as data: every input field with its unit, bounds, default and source.

One declaration serves three faces: the TOML reader validates against it, the workbook builder
lays out the Inputs, Vendors and Hybrid sheets from it (label, unit, data validation, note), and the
docs list it.  A field's ``kind`` is one of:

- ``money``: an amount in the case currency (``unit`` says per what);
- ``rate``: a fraction (0.45 for 45 %), shown as a percentage;
- ``number`` / ``int``: a plain quantity in ``unit``;
- ``choice``: one of ``choices``;
- ``text``: free text;
- ``list``: handled by the reader (seasonality weights, hybrid channels).

Over 400 lines: one declaration of every input, read top to bottom; splitting it would scatter the
case format that docs/case_format.md prints in this order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import MAX_HORIZON_YEARS

PRICING_MODELS = ("per_hour", "per_fte_month", "per_minute", "per_contact", "fixed_monthly")
MINUTE_UNITS = ("agent", "contact")  # what a per-minute price counts: agent minutes or contact minutes
LOCATIONS = ("onshore", "nearshore", "offshore")
CHANNEL_KINDS = ("live", "deferred")
SIZING_MODELS = ("erlang_c", "erlang_a")
HYBRID_MODES = ("share", "extended_hours", "overflow", "channel")
CURRENCIES = ("EUR", "GBP", "USD", "CHF")
LANGUAGES = ("en", "fr")
# Decimals an input shows unless its field says otherwise: whole amounts of money, rates as 12.5 %.
KIND_DECIMALS = {"money": 0, "rate": 1, "number": 1, "int": 0}
# A quoted price shows the decimals of its trade: per-minute prices to the tenth of a cent.
PRICE_DECIMALS = {"per_hour": 2, "per_fte_month": 0, "per_minute": 3, "per_contact": 2, "fixed_monthly": 0}


@dataclass(frozen=True)
class Field:
    """One input: where it lives, what it means, and what values it accepts."""

    name: str
    kind: str  # money | rate | number | int | choice | text | list
    default: object
    unit: str
    label_en: str
    label_fr: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    source: str = ""
    # Strict bounds: the value must be strictly above minimum / below maximum.
    exclusive_min: bool = False
    exclusive_max: bool = False
    required: bool = False
    fr_unit: str = ""
    # How the cell shows it: ``decimals`` after the mark (of the percentage for a rate; None: the
    # kind's own, see :data:`KIND_DECIMALS`), and ``grouped`` with a thousands separator (not a year).
    decimals: int | None = None
    grouped: bool = True

    @property
    def shown_decimals(self) -> int:
        """Decimals the input cell shows at least (a typed value with more widens its format)."""
        return KIND_DECIMALS.get(self.kind, 0) if self.decimals is None else self.decimals

    def bounds_text(self) -> str:
        """The accepted range in words, e.g. ``between 0 and 1`` or ``> 0``."""
        if self.kind == "choice":
            return "one of " + ", ".join(repr(c) for c in self.choices)
        lo = ">" if self.exclusive_min else ">="
        hi = "<" if self.exclusive_max else "<="
        if self.minimum is not None and self.maximum is not None:
            return f"{lo} {_fmt(self.minimum)} and {hi} {_fmt(self.maximum)}"
        if self.minimum is not None:
            return f"{lo} {_fmt(self.minimum)}"
        if self.maximum is not None:
            return f"{hi} {_fmt(self.maximum)}"
        return "any value"


def _fmt(x: float) -> str:
    if abs(x) >= 10000:
        return f"{x:,.0f}".replace(",", " ")
    return f"{x:g}"


@dataclass(frozen=True)
class Section:
    """A TOML table (or array of tables when ``repeated``) and its fields."""

    name: str
    fields: tuple[Field, ...]
    repeated: bool = False
    title_en: str = ""
    title_fr: str = ""
    by_name: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


F = Field

CASE = Section("case", (
    F("name", "text", "Example case", "", "Case name", "Nom du cas"),
    F("currency", "choice", "EUR", "", "Currency", "Devise", choices=CURRENCIES),
    F("language", "choice", "en", "", "Workbook language", "Langue du classeur", choices=LANGUAGES),
), title_en="Case", title_fr="Cas")

FINANCE = Section("finance", (
    F("horizon_years", "int", 5, "years", "Horizon", "Horizon", 1, MAX_HORIZON_YEARS, fr_unit="ans"),
    F("discount_rate", "rate", 0.08, "per year", "Discount rate", "Taux d'actualisation", -0.5, 0.5,
      exclusive_min=True, fr_unit="par an",
      source="Typical corporate WACC for a French mid-cap, 7-9%; use your own."),
    F("start_year", "int", 2027, "calendar year", "First year", "Première année", 2000, 2100,
      fr_unit="année civile", grouped=False),
    F("vat_rate", "rate", 0.20, "of vendor invoice", "VAT rate on vendor invoices",
      "Taux de TVA sur les factures prestataire", 0, 0.5, fr_unit="de la facture prestataire",
      source="20%: the French standard rate (Code général des impôts, art. 278). A vendor abroad (nearshore, "
             "offshore) invoices without VAT and the client self-assesses it at this rate (reverse charge, "
             "CGI art. 283-2): the same VAT either way. Salaries bear none."),
    F("vat_recovery", "rate", 1.0, "of the VAT", "Share of the VAT the client recovers",
      "Part de la TVA récupérée (coefficient de déduction)", 0, 1, fr_unit="de la TVA",
      source="1: a taxable company (an energy retailer, an industrial group) recovers all of it and VAT costs "
             "nothing. A bank, an insurer, a hospital or a public body recovers little or none: type its "
             "deduction ratio (coefficient de déduction, CGI art. 206 of annex II), read from its VAT returns. "
             "The VAT not recovered on vendor invoices and the set-up fee is a cost; the in-house costs are "
             "typed as the client bears them."),
    F("corporation_tax_rate", "rate", 0.258, "of taxable profit", "Corporation tax rate (after-tax view)",
      "Taux d'impôt sur les sociétés (vue après impôt)", 0, 0.6, fr_unit="du bénéfice imposable",
      source="France 2026: 25% (CGI art. 219) plus the 3.3% social contribution on the tax above 763,000 EUR "
             "(CGI art. 235 ter ZC), 25% x 1.033 = 25.8% for a large company; add the exceptional contribution of "
             "the largest groups if it applies to you. Every cost is deducted in the year it is paid, by a "
             "profitable company; the after-tax NPVs stand beside the pre-tax ones, which rank the scenarios."),
    F("one_off_tax_year", "int", 0, "year (0: signature)", "Year the one-off costs are deducted",
      "Année de déduction des coûts ponctuels", 0, MAX_HORIZON_YEARS, fr_unit="année (0 : signature)",
      source="0: deducted when paid, at signature. Type a later year where they are deducted later (a provision "
             "reversed, a cost spread by the tax rules): the after-tax NPV then discounts their tax saving to it. "
             "At most the horizon.", grouped=False),
), title_en="Finance", title_fr="Finance")

DEMAND = Section("demand", (
    F("growth_rate", "rate", 0.02, "per year", "Volume growth", "Croissance des volumes", -0.5, 1.0,
      fr_unit="par an"),
    F("opening_hours_per_week", "number", 60.0, "hours/week", "Opening hours", "Heures d'ouverture",
      1, 168, exclusive_min=False, fr_unit="heures/semaine", decimals=0),
    F("open_days_per_week", "number", 6.0, "days/week", "Open days", "Jours d'ouverture", 1, 7,
      fr_unit="jours/semaine", decimals=0),
    F("out_of_hours_share", "rate", 0.12, "of contacts", "Demand arriving outside opening hours",
      "Demande hors heures d'ouverture", 0, 0.9, fr_unit="des contacts",
      source="Share of contacts first attempted in the evening or at weekends; read it from "
             "the telephony logs (IVR attempts when closed)."),
    F("scheduling_efficiency", "rate", 1.0, "of scheduled time", "Scheduling efficiency (scheduled agent time "
      "that matches the arrival curve)", "Efficacité de planification (temps planifié en phase avec les arrivées)",
      0.5, 1, fr_unit="du temps planifié",
      source="The agents on duty are sized on an average half-hour; contacts peak (mid-morning, Mondays) while "
             "agents work whole shifts, so covering every half-hour of the week needs more scheduled time than the "
             "average: agents on duty x service hours / this efficiency (in-house FTE, and the logged hours of "
             "per-hour and per-FTE quotes; per-contact and per-minute prices absorb it). 1: no loss, today's "
             "figures. Workforce-management practice commonly reports 85-95% (required over scheduled agent "
             "time, from the WFM tool); sizing the example's half-hours over a week and covering them with shifts "
             "adds about 4-5% to its FTE, about 0.95. Read it from your own schedules."),
    # Issue 15, real schedules: an optional weekly arrival profile (xlmodel.profile), blank for an even one.
    F("arrival_days", "text", "", "weights", "Arrival profile: weight of each open day, in order (blank: even)",
      "Profil d'arrivée : poids de chaque jour ouvert, dans l'ordre (vide : uniforme)", fr_unit="poids",
      source="Relative weights, one per open day (e.g. 130; 110; 100; 100; 95; 65 for Monday to Saturday), separated by "
             "spaces or semicolons, from the telephony logs (contacts per weekday over a few months). With the "
             "slot weights below, each slot's arrivals are its share of the week; each slot of each open day is "
             "sized on its own (Erlang C or A) and the agents on duty are the average over the slots (equal "
             "slots). Blank: every day alike."),
    F("arrival_slots", "text", "", "weights", "Arrival profile: weight of each slot of an open day, in order "
      "(blank: even)", "Profil d'arrivée : poids de chaque tranche d'un jour ouvert, dans l'ordre (vide : uniforme)",
      fr_unit="poids",
      source="Relative weights of the equal slots an open day's opening hours are cut into (20 half-hours for "
             "8:00-18:00, at most 48), separated by spaces or semicolons, from the telephony logs (contacts per "
             "half-hour). A peaked day needs more agents than its average half-hour: the agents on duty become "
             "the average of each slot's own sizing (live channels; deferred work is smoothed over its response "
             "time). It applies to in-house and vendor teams alike, so a per-hour or per-FTE quote's logged hours "
             "follow it. Blank: arrivals even over the day, today's figures."),
    F("min_shift_hours", "number", 4.0, "hours", "Arrival profile: shortest shift", "Profil d'arrivée : vacation "
      "la plus courte", 0.5, 12, fr_unit="heures", decimals=1,
      source="With an arrival profile, the agents needed by each slot are worked as shifts: a peak shorter than "
             "this still costs a shift this long (at most the open day). 4 h, a half-day: a part-time contract "
             "has at least 24 h a week (Code du travail, art. L3123-27), so that shorter days are rare; read it "
             "from your planning rules. Unused without a profile."),
), title_en="Demand", title_fr="Demande")

CHANNEL = Section("channels", (
    F("name", "text", "", "", "Channel", "Canal", required=True),
    F("kind", "choice", "live", "", "Kind", "Type", choices=CHANNEL_KINDS),
    F("annual_volume", "number", None, "contacts/year", "Annual volume", "Volume annuel", 0, 1e9,
      required=True, fr_unit="contacts/an", decimals=0),
    F("aht_seconds", "number", None, "seconds", "Average handling time", "Durée moyenne de traitement",
      0, 7200, exclusive_min=True, required=True, fr_unit="secondes", decimals=0),
    F("service_level", "rate", 0.8, "of contacts", "Service target: share answered", "Objectif : part répondue",
      0, 1, exclusive_min=True, exclusive_max=True, fr_unit="des contacts",
      source="80/20 (80% answered within 20 s) is the usual phone target; NF 345 / ISO 18295 ask "
             "for a stated target, not a given one."),
    F("answer_seconds", "number", 20.0, "seconds", "... within", "... en moins de", 0, 3600,
      exclusive_min=True, fr_unit="secondes", decimals=0),
    F("response_hours", "number", 24.0, "hours", "Response time (deferred)", "Délai de réponse (différé)",
      0, 720, exclusive_min=True, fr_unit="heures", decimals=0),
    F("max_occupancy", "rate", 0.85, "of logged time", "Maximum occupancy", "Occupation maximale",
      0.3, 1, fr_unit="du temps connecté",
      source="Above 85-90% sustained occupancy, burn-out and attrition rise (industry rule of thumb)."),
    F("concurrency", "number", 1.0, "contacts at once", "Concurrency (chat)", "Simultanéité (chat)", 1, 6,
      fr_unit="contacts simultanés", decimals=0),
    F("patience_seconds", "number", 0.0, "seconds", "Average patience before hanging up (0: not known)",
      "Patience moyenne avant abandon (0 : inconnue)", 0, 3600, fr_unit="secondes",
      source="Read it from the telephony logs (mean time to abandon of abandoned calls, corrected "
             "for censoring); when given, lost contacts at target service come from Erlang A.", decimals=0),
    F("late_abandon_share", "rate", 0.15, "of contacts answered late", "Late contacts who hang up",
      "Contacts en attente longue qui raccrochent", 0, 1, fr_unit="des contacts répondus en retard",
      source="Used when the patience is not known: lost share = (1 - service level) x this share. "
             "At 80/20 sizing abandonment is typically 2-5% of calls, i.e. 10-25% of the 20% answered late."),
    F("sizing", "choice", "erlang_c", "", "Sizing model (live)", "Modèle de dimensionnement (direct)",
      choices=SIZING_MODELS,
      source="Erlang C: nobody hangs up (the usual, prudent sizing). Erlang A: callers hang up after the mean "
             "patience above (needs it > 0, at most 50 handling times); the service level counts an abandon as "
             "a failure (answered within the time over all contacts) and the occupancy cap applies to the "
             "handled traffic. Needs fewer agents when callers are impatient."),
), repeated=True, title_en="Channels", title_fr="Canaux")

INHOUSE = Section("inhouse", (
    F("current_fte", "number", None, "FTE", "Agents today", "Conseillers aujourd'hui", 0, 100000,
      exclusive_min=True, required=True, fr_unit="ETP"),
    F("gross_salary", "money", 24000.0, "per FTE per year", "Gross salary", "Salaire brut", 0, 500000,
      exclusive_min=True, fr_unit="par ETP et par an",
      source="French customer-service agent, about 1.1 x SMIC (SMIC 2026 about 21,900 EUR a year)."),
    F("employer_charge_rate", "rate", 0.30, "of gross salary", "Employer charges", "Charges patronales",
      0, 0.8, fr_unit="du brut",
      source="Not a flat 42-45% near the minimum wage: the 2026 RGDU relief lowers it; type the rate of "
             "your own payroll (from its payslips)."),
    F("paid_hours_per_fte", "number", 1607.0, "hours/year", "Worked hours per FTE (paid leave and public "
      "holidays excluded)", "Heures travaillées par ETP (hors congés payés et jours fériés)", 500, 2500,
      fr_unit="heures/an",
      source="1,607 h: French legal annual working time (Code du travail, art. L3121-41), 35 h a week over "
             "the year once the five weeks of paid leave and the public holidays are taken. Leave is already "
             "out of these hours: shrinkage must not take it off again.", decimals=0),
    F("shrinkage", "rate", 0.22, "of worked time", "Shrinkage (worked hours off contacts)",
      "Taux d'indisponibilité (heures travaillées hors contacts)", 0, 0.7, exclusive_max=True,
      fr_unit="du temps travaillé",
      source="Within the worked hours: sickness 6-8% (French contact centres, above the 5% national "
             "average), breaks about 6%, training and coaching 3-4%, meetings 2%, off-phone work 3%, "
             "so 20-24%. Not paid leave nor public holidays, already out of the worked hours: the usual 30-35% "
             "benchmarks include them."),
    F("attrition_rate", "rate", 0.25, "per year", "Attrition", "Turnover", 0, 2, fr_unit="par an",
      source="French contact-centre turnover often 20-30% a year."),
    F("cost_per_hire", "money", 3000.0, "per hire", "Cost to recruit an agent (training apart)",
      "Coût de recrutement d'un conseiller (hors formation)", 0, 200000, fr_unit="par embauche",
      source="Advertising, selection and onboarding of one agent: 2,000-4,000 EUR in France. Training is "
             "counted apart (trainer cost, and the trainee's paid weeks): the common 10,000 EUR for a departure "
             "adds the weeks a new agent is slower, which the model does not count."),
    F("training_cost_per_hire", "money", 1000.0, "per hire", "Trainer and materials per new agent",
      "Formateur et supports par nouveau conseiller", 0, 100000, fr_unit="par embauche",
      source="A trainer (about 40 kEUR gross) for a class of 10-12 over the initial training, with materials "
             "and systems: about 1,000 EUR per trainee. The trainee's own paid weeks are counted apart, once."),
    F("training_weeks", "number", 4.0, "weeks", "Initial training", "Formation initiale", 0, 52,
      fr_unit="semaines",
      source="New hires are paid but off the phones while training; the model adds that time "
             "to the FTE needed.", decimals=0),
    F("supervision_span", "number", 15.0, "agents per team leader", "Span of supervision",
      "Conseillers par superviseur", 1, 100, fr_unit="conseillers par superviseur",
      source="12-18 agents per team leader is usual.", decimals=0),
    F("supervisor_salary", "money", 38000.0, "per year", "Team-leader gross salary",
      "Salaire brut superviseur", 0, 500000, fr_unit="par an"),
    F("management_charge_rate", "rate", 0.42, "of gross salary", "Employer charges, team leaders and support staff",
      "Charges patronales, superviseurs et fonctions support", 0, 0.8, fr_unit="du brut",
      source="At 1.6-1.8 x SMIC (38-40 kEUR) the 2026 RGDU relief, which fades out at 3 x SMIC, is small: about "
             "42% of gross salary, against 30% near the minimum wage of the agents."),
    F("support_ratio", "rate", 0.06, "support FTE per agent FTE", "Support staff ratio (WFM, quality, training)",
      "Ratio fonctions support (planification, qualité, formation)", 0, 1,
      fr_unit="ETP support par ETP conseiller"),
    F("support_salary", "money", 40000.0, "per year", "Support staff gross salary", "Salaire brut support",
      0, 500000, fr_unit="par an"),
    F("seat_cost", "money", 3500.0, "per agent FTE per year", "Workstation (rent, furniture, energy)",
      "Poste de travail (loyer, mobilier, énergie)", 0, 100000, fr_unit="par ETP et par an"),
    F("it_cost_per_agent", "money", 1800.0, "per agent FTE per year", "IT and telephony licences",
      "Informatique et téléphonie", 0, 100000, fr_unit="par ETP et par an"),
    F("payroll_extras", "money", 1700.0, "per employee per year", "Payroll extras (health cover, meal vouchers, "
      "transport)", "Avantages sociaux (mutuelle, titres-restaurant, transport)", 0, 50000,
      fr_unit="par salarié et par an",
      source="Employer's share per employee: health cover (mutuelle, at least 50%) about 400 EUR, meal vouchers "
             "(about 55% of a 9 EUR voucher, 210 days) about 1,000 EUR, transport (50% of a public-transport "
             "pass) 300-500 EUR, so about 1,700 EUR, 7% of an agent's gross salary. For agents, team leaders and "
             "support staff alike."),
    F("overhead_rate", "rate", 0.08, "of payroll", "Overheads (HR, finance, management)",
      "Frais de structure (RH, finance, direction)", 0, 1, fr_unit="de la masse salariale"),
    F("wage_inflation", "rate", 0.025, "per year", "Wage inflation", "Inflation salariale", -0.1, 0.3,
      fr_unit="par an"),
    F("cost_inflation", "rate", 0.02, "per year", "Inflation of other costs (seats, IT, recruitment, training)",
      "Inflation des autres coûts (postes, informatique, recrutement, formation)", -0.1, 0.3, fr_unit="par an",
      source="The ECB's 2% medium-term target; use your leases' and contracts' own indexation."),
    F("seasonal_flex", "rate", 0.5, "of the seasonal swing", "Seasonal flexibility",
      "Flexibilité saisonnière", 0, 1, fr_unit="de l'écart saisonnier",
      source="0: headcount held at each year's peak month; 1: headcount follows every month "
             "(temps, overtime, annualised hours)."),
    F("first_contact_resolution", "rate", 0.75, "of contacts", "First-contact resolution",
      "Résolution au premier contact", 0.1, 1, fr_unit="des contacts"),
    F("lost_contacts_per_day", "number", 0.0, "contacts/open day", "Contacts lost today",
      "Contacts perdus aujourd'hui", 0, 1e7, fr_unit="contacts/jour ouvré", decimals=0),
), title_en="In-house", title_fr="Interne")

VENDOR = Section("vendors", (
    F("name", "text", "", "", "Vendor", "Prestataire", required=True),
    F("location", "choice", "onshore", "", "Location", "Localisation", choices=LOCATIONS),
    F("pricing_model", "choice", None, "", "Pricing model", "Modèle de prix", choices=PRICING_MODELS,
      required=True),
    F("price", "money", None, "per pricing unit", "Price", "Prix", 0, 1e9, exclusive_min=True,
      required=True, fr_unit="par unité de prix"),
    F("minute_unit", "choice", "agent", "", "Minute billed (per_minute contracts)",
      "Minute facturée (contrats à la minute)", choices=MINUTE_UNITS,
      source="agent: the minutes agents spend on contacts (a chat handled two at a time bills half its "
             "length, as the staffing counts it); contact: each contact's own length, whatever the "
             "concurrency. Ask the vendor which one its price counts."),
    F("setup_fee", "money", 0.0, "one-off", "Set-up fee", "Frais de mise en place", 0, 1e9,
      fr_unit="ponctuel"),
    F("minimum_monthly", "money", 0.0, "per month", "Minimum monthly invoice", "Facture mensuelle minimale",
      0, 1e9, fr_unit="par mois"),
    F("staff_transfer", "choice", "no", "", "Today's agents transfer to the vendor (Code du travail L1224-1)",
      "Reprise des conseillers par le prestataire (Code du travail L1224-1)", choices=("yes", "no"),
      source="yes: the activity is handed over as an autonomous economic entity and the agents' contracts "
             "transfer to the vendor (Code du travail, art. L1224-1), so no severance and no parallel run of leavers "
             "(they work on, as the vendor's staff), at the price this quote states with the transfer. It needs "
             "an onshore site; quote the same vendor without the transfer as another quote to compare both."),
    F("transfer_uplift", "rate", 0.0, "of invoice", "Price uplift for the transferred agents (transfer quotes)",
      "Majoration de prix pour les conseillers repris (offres avec reprise)", 0, 1, fr_unit="de la facture",
      source="What the quote adds to its price to take the agents over with their pay, seniority and collective "
             "agreement (dearer than its own hires), as a share of the invoice, for the whole horizon; 0 when its "
             "price already includes them."),
    F("indexation_rate", "rate", 0.02, "per year", "Price indexation", "Indexation des prix", -0.1, 0.3,
      fr_unit="par an"),
    F("indexation_fixed_share", "rate", 0.15, "of price", "Fixed (non-indexed) share", "Part fixe non indexée",
      0, 1, fr_unit="du prix",
      source="Syntec-style revision clause P = P0 x (fixed + (1 - fixed) x index ratio); 15% fixed is usual."),
    F("aht_factor", "number", 1.0, "x in-house AHT", "Vendor AHT at steady state", "DMT prestataire en régime",
      0.3, 3, exclusive_min=False, fr_unit="x DMT interne", decimals=2),
    F("ramp_up_months", "int", 3, "months", "Ramp-up", "Montée en charge", 0, 36, fr_unit="mois"),
    F("ramp_up_aht_premium", "rate", 0.20, "extra AHT in month 1", "AHT premium at start",
      "Surcroît de DMT au démarrage", 0, 2, fr_unit="de DMT en plus le 1er mois"),
    F("occupancy_billed", "rate", 0.85, "of logged time", "Occupancy billed (per-hour contracts)",
      "Occupation facturée (contrats horaires)", 0.3, 1, fr_unit="du temps connecté"),
    F("hours_per_fte_month", "number", 133.9, "worked hours", "Worked hours per billed FTE-month",
      "Heures travaillées par ETP-mois facturé", 20, 250, fr_unit="heures travaillées",
      source="The vendor's contractual working time per FTE, after paid leave and public holidays: "
             "1,607 h / 12 = 133.9 h in France; about 170 h in Morocco (44-hour week, 2,288 h a year, less "
             "about 31 days of leave and holidays). Its productive hours are these x (1 - its shrinkage)."),
    F("shrinkage", "rate", 0.22, "of worked time", "Vendor shrinkage", "Taux d'indisponibilité du prestataire",
      0, 0.7, exclusive_max=True, fr_unit="du temps travaillé",
      source="The vendor's sickness, training, meetings, coaching and breaks, on the in-house basis (paid "
             "leave is already out of the worked hours); the in-house default unless the vendor shows its "
             "own figures."),
    F("seasonal_flex", "rate", 0.5, "of the seasonal swing", "Seasonal flexibility (per-hour and per-FTE contracts)",
      "Flexibilité saisonnière (contrats horaires et à l'ETP)", 0, 1, fr_unit="de l'écart saisonnier",
      source="The same rule as in-house: each month the vendor bills its year's peak less this share of the gap "
             "between the peak and the month's need (0: billed at the peak all year; 1: every month's hours). "
             "Read it from the contract (forecast tolerance, minimum billed hours); 0.5, the in-house default, "
             "lets neither party flex more unless a contract or a plan says so."),
    F("fte_proposed", "number", 0.0, "FTE", "FTE proposed (per-FTE contracts)", "ETP proposés (contrats à l'ETP)",
      0, 100000, fr_unit="ETP"),
    F("first_contact_resolution", "rate", 0.75, "of contacts", "First-contact resolution",
      "Résolution au premier contact", 0.1, 1, fr_unit="des contacts"),
    F("bonus_malus", "rate", 0.0, "of invoice", "Expected bonus (+) / malus (-)", "Bonus (+) / malus (-) attendu",
      -0.5, 0.5, fr_unit="de la facture"),
    F("committed_service_level", "rate", 0.8, "of contacts", "Service level committed (with penalties)",
      "Niveau de service contractuel (avec pénalités)", 0, 1, fr_unit="des contacts",
      source="Share of contacts answered within each live channel's target time the contract commits to. "
             "Below a channel's target the quote is not comparable (never recommended) and carries the cost "
             "of its service gap."),
    F("service_shortfall", "rate", 0.0, "of contacts", "Expected shortfall of the service delivered below "
      "the commitment", "Écart attendu du service rendu sous l'engagement", 0, 0.5, fr_unit="des contacts",
      source="0: the vendor delivers what it commits to. Read it from its references' service reports; "
             "whatever the delivered level loses below a target costs the service gap (the Monte Carlo draws it)."),
    # Tender scoring (xlmodel.analytics.scoring): what a purchasing team reads from a bid.
    F("quality_rating", "number", 3.0, "score 1-5", "Quality (site visit, references, pilot)",
      "Qualité (visite, références, pilote)", 1, 5, fr_unit="note 1-5"),
    F("certified_nf345_iso18295", "choice", "no", "", "Certified NF 345 or ISO 18295 (customer contact)",
      "Certifié NF 345 ou ISO 18295 (relation client)", choices=("yes", "no")),
    F("certified_iso27001", "choice", "no", "", "Certified ISO 27001 (information security)",
      "Certifié ISO 27001 (sécurité de l'information)", choices=("yes", "no")),
    F("certified_pci_dss", "choice", "no", "", "PCI DSS compliant (card payments)",
      "Conforme PCI DSS (paiement par carte)", choices=("yes", "no")),
    F("security_rating", "number", 3.0, "score 1-5", "Security and GDPR compliance",
      "Sécurité et conformité RGPD", 1, 5, fr_unit="note 1-5",
      source="Data location, GDPR processing agreement, audit results, access control."),
    F("financial_solidity", "number", 3.0, "score 1-5", "Financial solidity", "Solidité financière", 1, 5,
      fr_unit="note 1-5", source="Credit rating (Banque de France, Ellisphere, D&B) mapped to 1-5."),
    F("location_rating", "number", 3.0, "score 1-5", "Location, time zone and languages fit",
      "Localisation, fuseau horaire et langues", 1, 5, fr_unit="note 1-5"),
    F("languages", "text", "", "codes", "Languages served (e.g. fr, en)", "Langues servies (ex. fr, en)",
      fr_unit="codes"),
    F("coverage_24_7", "choice", "no", "", "Can serve 24/7", "Peut servir 24 h/24, 7 j/7",
      choices=("yes", "no")),
    F("minimum_term_months", "int", 36, "months", "Minimum contract term", "Durée minimale d'engagement",
      0, 120, fr_unit="mois"),
    F("exit_notice_months", "int", 6, "months", "Exit notice", "Préavis de sortie", 0, 36, fr_unit="mois"),
), repeated=True, title_en="Vendors", title_fr="Prestataires")

TRANSITION = Section("transition", (
    F("governance_rate", "rate", 0.07, "of vendor invoice", "Vendor governance", "Pilotage du prestataire",
      0, 0.5, fr_unit="de la facture prestataire",
      source="Managing a vendor costs 5-10% of the contract (contract management, quality, reporting)."),
    F("governance_floor", "money", 60000.0, "per year", "Vendor governance, at least", "Pilotage du prestataire, au minimum",
      0, 1e8, fr_unit="par an",
      source="However small the contract, someone manages the vendor: one vendor manager, about 42 kEUR gross "
             "x 1.42 charges = 60 kEUR a year (indexed on wages), whenever a vendor is invoiced."),
    F("knowledge_transfer", "money", 60000.0, "one-off", "Knowledge transfer", "Transfert de connaissances",
      0, 1e9, fr_unit="ponctuel"),
    F("parallel_run_months", "int", 2, "months", "Parallel run", "Double fonctionnement", 0, 24, fr_unit="mois"),
    F("severance_per_agent", "money", 30000.0, "per agent leaving", "Severance per agent not redeployed",
      "Indemnité par conseiller non reclassé", 0, 1e6, fr_unit="par départ",
      source="Legal indemnity (1/4 month per year of service) plus the negotiated part of a "
             "job-protection plan (PSE); 20-40 kEUR per agent is common in France."),
    F("redeployment_rate", "rate", 0.3, "of agents leaving", "Agents redeployed", "Conseillers reclassés",
      0, 1, fr_unit="des sortants"),
    F("it_integration", "money", 80000.0, "one-off", "IT integration", "Intégration informatique", 0, 1e9,
      fr_unit="ponctuel"),
    F("exit_provision", "money", 50000.0, "one-off", "Exit / reversibility provision",
      "Provision de réversibilité", 0, 1e9, fr_unit="ponctuel"),
), title_en="Transition and governance", title_fr="Transition et pilotage")

HYBRID = Section("hybrid", (
    F("mode", "choice", "extended_hours", "", "Hybrid mode", "Mode hybride", choices=HYBRID_MODES),
    F("share", "rate", 0.3, "of volume", "Share to vendor (share mode)", "Part confiée (mode part)", 0, 1,
      fr_unit="du volume"),
    F("vendor_hours_per_week", "number", 30.0, "hours/week",
      "Hours the vendor adds (extended_hours mode)", "Heures ajoutées par le prestataire (mode horaires étendus)",
      0, 168, exclusive_min=True, fr_unit="heures/semaine", decimals=0),
    F("overflow_threshold", "number", 1.0, "x average month", "In-house sized up to (overflow mode)",
      "Interne dimensionné jusqu'à (mode débordement)", 0.1, 3, fr_unit="x mois moyen", decimals=2),
), title_en="Hybrid", title_fr="Hybride")

CUSTOMER = Section("customer", (
    F("value_per_lost_customer", "money", 300.0, "per customer", "Value of a lost customer",
      "Valeur d'un client perdu", 0, 1e9, fr_unit="par client"),
    F("churn_share", "rate", 0.1, "of lost contacts", "Lost contacts that cost a customer",
      "Contacts perdus qui coûtent un client", 0, 1, fr_unit="des contacts perdus"),
), title_en="Customer", title_fr="Clients")

# Issue 14 (continuity, re-internalisation): what one vendor's failure costs in a portfolio, and what
# coming back in-house in a chosen year costs against staying outsourced (docs/method.md).
CONTINUITY = Section("continuity", (
    F("failure_weeks", "number", 2.0, "weeks", "Vendor failure: weeks without service",
      "Défaillance d'un prestataire : semaines sans service", 0, 52, fr_unit="semaines", decimals=1,
      source="A site that stops (power cut, flood, strike, cyber-attack) is typically restored or moved to "
             "another site in one to three weeks; 2 weeks is a planning assumption, not a statistic. Type the "
             "maximum tolerable period of your continuity plan (ISO 22301 asks you to state one)."),
    F("surge_premium", "rate", 0.25, "over the backup's price", "Backup vendor: surge premium",
      "Prestataire de secours : majoration d'urgence", 0, 3, fr_unit="sur le prix du secours",
      source="Capacity bought at a few days' notice costs more than contracted capacity (overtime, short-notice "
             "staffing and training): 25% over the backup's own price is a mid-point of the 20-50% premiums "
             "quoted for surge work; type the rate your backup vendor quotes for taking over a flow."),
), title_en="Continuity (portfolios)", title_fr="Continuité (portefeuilles)")

REINTERNALISATION = Section("reinternalisation", (
    F("year", "int", 0, "year (0: none)", "Back in-house in year", "Réinternalisation l'année", 0,
      MAX_HORIZON_YEARS, fr_unit="année (0 : aucune)", grouped=False,
      source="0: no re-internalisation scenario. A year N from 2 to the horizon adds one: the cheapest outsourced "
             "quote at target service (lowest NPV of cost) until the end of year N - 1, then the in-house team "
             "at target service from the first month of year N."),
    F("termination_share", "rate", 0.25, "of the invoices of the term left", "Early termination fee",
      "Indemnité de résiliation anticipée", 0, 1, fr_unit="des factures de la durée restante",
      source="Leaving before the quote's minimum term owes a break fee on the months of that term left, often a "
             "quarter to a half of their invoices (the vendor's margin and its set-up not yet recovered): read "
             "your contract's termination clause. Nothing is owed once the minimum term is served."),
    F("knowledge_transfer_back", "money", 60000.0, "one-off", "Knowledge transfer back in-house",
      "Transfert de connaissances vers l'interne", 0, 1e9, fr_unit="ponctuel",
      source="The vendor's know-how handed back under the reversibility plan: as much as the knowledge transfer "
             "out (its default, 60 kEUR), paid in the month of the return."),
    F("it_reintegration", "money", 80000.0, "one-off", "IT brought back in-house", "Réintégration informatique",
      0, 1e9, fr_unit="ponctuel",
      source="Telephony, CRM access and reporting brought back: as much as the IT integration out (its "
             "default, 80 kEUR), paid in the month of the return."),
), title_en="Re-internalisation", title_fr="Réinternalisation")

SCALAR_SECTIONS = (CASE, FINANCE, DEMAND, INHOUSE, TRANSITION, HYBRID, CUSTOMER, CONTINUITY, REINTERNALISATION)
ALL_SECTIONS = SCALAR_SECTIONS + (CHANNEL, VENDOR)


# Decision analytics (optional top-level tables, read by xlmodel.case, used by xlmodel.analytics).
SCORING = Section("scoring", (
    F("weight_price", "rate", 0.40, "of the score", "Weight: price (NPV of cost)", "Poids : prix (VAN des coûts)",
      0, 1, fr_unit="de la note"),
    F("weight_quality", "rate", 0.20, "of the score", "Weight: quality", "Poids : qualité", 0, 1,
      fr_unit="de la note"),
    F("weight_certifications", "rate", 0.05, "of the score", "Weight: certifications", "Poids : certifications",
      0, 1, fr_unit="de la note"),
    F("weight_security", "rate", 0.10, "of the score", "Weight: security and compliance",
      "Poids : sécurité et conformité", 0, 1, fr_unit="de la note"),
    F("weight_financial", "rate", 0.05, "of the score", "Weight: financial solidity", "Poids : solidité financière",
      0, 1, fr_unit="de la note"),
    F("weight_location", "rate", 0.05, "of the score", "Weight: location and languages",
      "Poids : localisation et langues", 0, 1, fr_unit="de la note"),
    F("weight_coverage", "rate", 0.05, "of the score", "Weight: coverage (hours)", "Poids : couverture horaire",
      0, 1, fr_unit="de la note"),
    F("weight_flexibility", "rate", 0.10, "of the score", "Weight: contractual flexibility",
      "Poids : souplesse contractuelle", 0, 1, fr_unit="de la note"),
    F("min_quality", "number", 2.0, "score 1-5", "Knock-out: minimum quality score", "Éliminatoire : qualité minimale",
      1, 5, fr_unit="note 1-5"),
    F("min_security", "number", 2.0, "score 1-5", "Knock-out: minimum security score",
      "Éliminatoire : sécurité minimale", 1, 5, fr_unit="note 1-5"),
    F("min_financial_solidity", "number", 2.0, "score 1-5", "Knock-out: minimum financial solidity",
      "Éliminatoire : solidité financière minimale", 1, 5, fr_unit="note 1-5"),
    F("require_nf345_iso18295", "choice", "no", "", "Knock-out: NF 345 or ISO 18295 required",
      "Éliminatoire : NF 345 ou ISO 18295 exigée", choices=("yes", "no")),
    F("require_iso27001", "choice", "no", "", "Knock-out: ISO 27001 required", "Éliminatoire : ISO 27001 exigée",
      choices=("yes", "no")),
    F("require_pci_dss", "choice", "no", "", "Knock-out: PCI DSS required", "Éliminatoire : PCI DSS exigée",
      choices=("yes", "no")),
    F("require_24_7", "choice", "no", "", "Knock-out: 24/7 coverage required", "Éliminatoire : couverture 24/7 exigée",
      choices=("yes", "no")),
    F("required_languages", "text", "", "codes", "Knock-out: languages required (e.g. fr, en)",
      "Éliminatoire : langues exigées (ex. fr, en)", fr_unit="codes"),
), title_en="Vendor scoring", title_fr="Notation des prestataires")

# Each driver's range: a relative change (``_rel``, 0.10 = +10 %) or a change in points of a rate
# (``_pts``, 0.01 = +1 point); low <= 0 <= high, the mode is the case's own value.
RISK_RANGES = (
    ("volume", "rel", -0.15, 0.15, "Volume (all channels)", "Volumes (tous canaux)"),
    ("aht", "rel", -0.10, 0.10, "Handling time (all channels)", "Durée de traitement (tous canaux)"),
    ("salary", "rel", -0.03, 0.08, "Salaries (agents, team leaders, support)", "Salaires (conseillers, encadrement, support)"),
    ("employer_charges", "pts", -0.03, 0.05, "Employer charge rate", "Taux de charges patronales"),
    ("attrition", "pts", -0.08, 0.10, "Attrition rate", "Taux de turnover"),
    ("vendor_price", "rel", -0.10, 0.10, "Vendor prices", "Prix des prestataires"),
    ("indexation", "pts", -0.01, 0.015, "Vendor price indexation", "Indexation des prix prestataires"),
    ("governance", "pts", -0.02, 0.03, "Governance rate", "Taux de pilotage"),
    ("ramp_up", "rel", -0.50, 1.00, "Vendor ramp-up (months and AHT premium)", "Montée en charge prestataire (durée et surcroît de DMT)"),
    ("discount_rate", "pts", -0.02, 0.02, "Discount rate", "Taux d'actualisation"),
    ("vendor_aht", "rel", -0.05, 0.15, "Vendor AHT factor", "Facteur de DMT prestataire"),
    # Appended, so that the drivers above keep their random streams (analytics.montecarlo).
    ("growth", "pts", -0.02, 0.02, "Volume growth", "Croissance des volumes"),
    ("shrinkage", "pts", -0.03, 0.05, "In-house shrinkage", "Indisponibilité interne"),
    ("inhouse_flex", "pts", -0.25, 0.25, "In-house seasonal flexibility", "Flexibilité saisonnière interne"),
    ("wage_inflation", "pts", -0.01, 0.015, "Wage inflation", "Inflation salariale"),
    ("cost_inflation", "pts", -0.01, 0.015, "Inflation of other costs", "Inflation des autres coûts"),
    ("hiring_cost", "rel", -0.30, 0.50, "Cost of a hire (recruitment and trainer)",
     "Coût d'une embauche (recrutement et formateur)"),
    ("payroll_extras", "rel", -0.25, 0.25, "Payroll extras", "Avantages sociaux"),
    ("vendor_hours", "rel", -0.10, 0.05, "Vendor worked hours per FTE-month", "Heures travaillées par ETP prestataire"),
    ("vendor_shrinkage", "pts", -0.03, 0.05, "Vendor shrinkage", "Indisponibilité prestataire"),
    ("vendor_flex", "pts", -0.25, 0.25, "Vendor seasonal flexibility", "Flexibilité saisonnière prestataire"),
    ("vendor_occupancy", "pts", -0.05, 0.03, "Vendor occupancy billed", "Occupation facturée prestataire"),
    ("vendor_fcr", "pts", -0.05, 0.03, "Vendor first-contact resolution", "Résolution au premier contact prestataire"),
    ("bonus_malus", "pts", -0.02, 0.01, "Vendor bonus / malus", "Bonus / malus prestataire"),
    ("committed_service_level", "pts", -0.05, 0.05, "Vendor committed service level",
     "Niveau de service contractuel prestataire"),
    ("service_shortfall", "pts", 0.0, 0.05, "Vendor service delivered below its commitment",
     "Service rendu par le prestataire sous son engagement"),
    ("out_of_hours", "pts", -0.04, 0.04, "Demand outside opening hours", "Demande hors heures d'ouverture"),
    ("governance_floor", "rel", -0.25, 0.50, "Governance floor", "Plancher de pilotage"),
    ("severance", "rel", -0.25, 0.50, "Severance per agent", "Indemnité par conseiller"),
    ("redeployment", "pts", -0.20, 0.20, "Agents redeployed", "Conseillers reclassés"),
    ("transition", "rel", -0.25, 1.00, "Transition (knowledge transfer, IT, exit, parallel run)",
     "Transition (transfert, informatique, réversibilité, double fonctionnement)"),
    ("lost_customer_value", "rel", -0.50, 1.00, "Value of a lost customer", "Valeur d'un client perdu"),
    # Issue 15: appended, as above (a case at 1, no loss, can only lose: the high end is clipped at 1).
    ("scheduling", "pts", -0.05, 0.03, "Scheduling efficiency", "Efficacité de planification"),
    # Issue 15, patience: appended, as above.  -30 % / +30 % of the mean patience of every channel that
    # states one: it is estimated from censored abandon times (only the callers who hang up show theirs), and
    # an estimate from a few weeks of logs moves by about this much between months and estimators.
    ("patience", "rel", -0.30, 0.30, "Callers' mean patience (channels that state one)",
     "Patience moyenne des appelants (canaux qui en indiquent une)"),
)


def _risk_fields():
    out = [F("distribution", "choice", "pert", "", "Distribution of each driver", "Loi de chaque facteur",
             choices=("pert", "triangular"),
             source="PERT: Beta(1 + 4 (mode - low) / (high - low), 1 + 4 (high - mode) / (high - low)) "
                    "scaled to [low, high]; triangular: the triangular distribution (low, mode, high)."),
           F("draws", "int", 10000, "draws", "Monte Carlo draws", "Tirages Monte Carlo", 1, 10_000_000,
             fr_unit="tirages"),
           F("seed", "int", 20270101, "", "Random seed", "Graine aléatoire", 0, 2**63 - 1, grouped=False)]
    for name, kind, low, high, en, fr in RISK_RANGES:
        unit, fr_unit = ("relative change", "variation relative") if kind == "rel" else (
            "points of rate", "points de taux")
        out.append(F(f"{name}_low", "rate", low, unit, f"{en}: low", f"{fr} : bas", -0.9, 0, fr_unit=fr_unit))
        out.append(F(f"{name}_high", "rate", high, unit, f"{en}: high", f"{fr} : haut", 0, 5, fr_unit=fr_unit))
    return tuple(out)


RISK = Section("risk", _risk_fields(), title_en="Risk ranges", title_fr="Plages de risque")

#: Optional top-level tables outside the Inputs sheet (defaults apply when absent).
ANALYTICS_SECTIONS = (SCORING, RISK)
