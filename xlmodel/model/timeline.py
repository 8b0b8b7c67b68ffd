"""The first two blocks of the model: the timeline with its flags, then the demand of each channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..schema import HYBRID_MODES
from .refs import SEASONALITY, ChannelInput, Constant, Input, RowKey, RowRef

if TYPE_CHECKING:
    from .declare import Context


@dataclass(frozen=True)
class Timeline:
    """References to the timeline rows the later blocks use."""

    month: RowRef
    year: RowRef
    season: RowRef
    growth_index: RowRef
    wage_index: RowRef
    cost_index: RowRef
    first_month: RowRef
    parallel: RowRef
    open_hours: RowRef
    productive_hours: RowRef
    hire_cost: RowRef
    new_hire_cost: RowRef
    charges_factor: RowRef
    management_charges_factor: RowRef
    modes: dict[str, RowRef]
    vendor_hours: RowRef


@dataclass(frozen=True)
class Demand:
    """References to each channel's contacts per month, and to their total."""

    contacts: tuple[RowRef, ...]
    total: RowRef


def timeline(ctx: Context) -> Timeline:
    """Month and year numbers, calendar indices, flags and hours per month (one row each)."""
    inh, trn = ctx.inh, ctx.trn
    weeks = Constant("WEEKS_PER_YEAR")

    def add(name, *args, **kwargs):
        return ctx.add(RowKey("time", name), *args, **kwargs)

    month = add("month", "Month number", "Numéro de mois", "number", "prev(month) + 1",
                month=RowRef(RowKey("time", "month")))
    year = add("year", "Year number", "Numéro d'année", "number", "roundup(month / 12, 0)", month=month)
    moy = add("month_of_year", "Month of year", "Mois de l'année", "number", "month - 12 * (year - 1)",
              month=month, year=year)
    season = add("season", "Seasonality weight", "Coefficient saisonnier", "index",
                 "index(weights, month_of_year)", weights=SEASONALITY, month_of_year=moy)
    growth = add("growth_index", "Volume index", "Indice de volume", "index", "(1 + growth) ** (year - 1)",
                 growth=Input("demand", "growth_rate"), year=year)
    wage = add("wage_index", "Wage index", "Indice salarial", "index", "(1 + inflation) ** (year - 1)",
               inflation=inh["wage_inflation"], year=year)
    costs = add("cost_index", "Index of other costs (seats, IT, hiring)", "Indice des autres coûts (postes, SI, "
                "recrutement)", "index", "(1 + inflation) ** (year - 1)", inflation=inh["cost_inflation"], year=year)
    first = add("first_month", "First-month flag", "Indicateur premier mois", "flag", "(month == 1) * 1",
                month=month)
    parallel = add("parallel_flag", "Parallel-run flag", "Indicateur de double fonctionnement", "flag",
                   "(month <= parallel_months) * 1", month=month, parallel_months=trn["parallel_run_months"])
    open_hours = add("open_hours_month", "Opening hours per month", "Heures d'ouverture par mois", "hours",
                     "hours_per_week * weeks / 12", scalar=True,
                     hours_per_week=Input("demand", "opening_hours_per_week"), weeks=weeks)
    productive = add("productive_hours", "Productive hours per in-house FTE-month",
                     "Heures productives par ETP interne et par mois", "hours",
                     "paid_hours / 12 * (1 - shrinkage) * (1 - attrition * training_weeks / weeks)", scalar=True,
                     paid_hours=inh["paid_hours_per_fte"], shrinkage=inh["shrinkage"],
                     attrition=inh["attrition_rate"], training_weeks=inh["training_weeks"], weeks=weeks)
    loaded = add("charges_factor", "Salary-to-cost factor", "Coefficient de chargement", "index",
                 "1 + charges", scalar=True, charges=inh["employer_charge_rate"])
    # Training is paid once: a leaver's replacement trains within the FTE (productive hours allow for
    # it), so its cost is recruitment and trainer; a hire that grows the team pays its paid weeks too.
    hire = add("hire_cost", "Cost of a hire: recruitment and trainer", "Coût d'une embauche : recrutement et "
               "formateur", "money", "(recruitment + trainer) * cost_index", recruitment=inh["cost_per_hire"],
               trainer=inh["training_cost_per_hire"], cost_index=costs)
    new_hire = add("new_hire_cost", "Cost of a hire that grows a team (paid training weeks included)",
                   "Coût d'une embauche qui fait grandir une équipe (semaines de formation payées comprises)",
                   "money", "hire + training_weeks / weeks * salary * loaded * wage_index", hire=hire,
                   training_weeks=inh["training_weeks"], weeks=weeks, salary=inh["gross_salary"],
                   loaded=loaded, wage_index=wage)
    managers = add("management_charges_factor", "Salary-to-cost factor, team leaders and support",
                   "Coefficient de chargement, encadrement et support", "index", "1 + charges", scalar=True,
                   charges=inh["management_charge_rate"])
    modes = {mode: add(f"mode_{mode}", f"Hybrid mode is {mode}", f"Mode hybride = {mode}", "flag",
                       f'(mode == "{mode}") * 1', scalar=True, mode=Input("hybrid", "mode")) for mode in HYBRID_MODES}
    vendor_hours = add("vendor_hours_month", "Vendor service hours per month (hybrid)",
                       "Heures de service prestataire par mois (hybride)", "hours",
                       "ext * hours_per_week * weeks / 12 + (1 - ext) * open_hours", scalar=True,
                       ext=modes["extended_hours"], hours_per_week=Input("hybrid", "vendor_hours_per_week"),
                       weeks=weeks, open_hours=open_hours)
    return Timeline(month, year, season, growth, wage, costs, first, parallel, open_hours, productive, hire,
                    new_hire, loaded, managers, modes, vendor_hours)


def demand(ctx: Context) -> Demand:
    """Contacts per month of each channel (annual volume x growth x seasonality / 12), and their sum."""
    time = ctx.time
    contacts = tuple(
        ctx.add(RowKey("demand", "contacts", i), f"Contacts: {channel}", f"Contacts : {channel}", "contacts",
                "annual_volume * growth * season / 12", annual_volume=ChannelInput(i, "annual_volume"),
                growth=time.growth_index, season=time.season)
        for i, channel in enumerate(ctx.shape.channels))
    total = ctx.add(RowKey("demand", "contacts"), "Contacts: all channels", "Contacts : tous canaux", "contacts",
                    " + ".join(f"c{i}" for i in range(len(contacts))),
                    **{f"c{i}": ref for i, ref in enumerate(contacts)})
    return Demand(contacts, total)
