"""The model of one case, declared block by block in the order :func:`build_model` states: each
block refers only to rows of the blocks before it (the declaration checks it)."""

from __future__ import annotations

from ..case import Case
from .rows import Declaration, Model
from .scenarios import SCENARIO_ROWS, payback, scenario_list
from .timeline import Demand, Timeline, demand, timeline
from .vendor import VendorTerms, vendor_terms

_INHOUSE_FIELDS = (
    "current_fte", "gross_salary", "employer_charge_rate", "paid_hours_per_fte", "shrinkage", "attrition_rate",
    "cost_per_hire", "training_weeks", "supervision_span", "supervisor_salary", "support_ratio", "support_salary",
    "seat_cost", "it_cost_per_agent", "overhead_rate", "wage_inflation", "seasonal_flex", "first_contact_resolution")
_TRANSITION_FIELDS = ("governance_rate", "knowledge_transfer", "parallel_run_months", "severance_per_agent",
                      "redeployment_rate", "it_integration", "exit_provision")


class Context(Declaration):
    """The declaration under way, and what the earlier blocks made for the later ones."""

    def __init__(self, case: Case):
        super().__init__()
        self.case = case
        self.inh = {name: f"in:inhouse.{name}" for name in _INHOUSE_FIELDS}
        self.trn = {name: f"in:transition.{name}" for name in _TRANSITION_FIELDS}
        self.time: Timeline | None = None
        self.demand: Demand | None = None
        self.terms: list[VendorTerms] = []
        self.cost_per_fte_today: str | None = None  # the status quo's cost per agent (parallel runs)
        self.totals: dict[str, tuple[str, str]] = {}  # scenario id -> (monthly total, one-off total)


def build_model(case: Case) -> Model:
    """Declare every row of the model for this case (channels and vendors set the row count)."""
    ctx = Context(case)
    ctx.time = timeline(ctx)  # 1. timeline and flags
    ctx.demand = demand(ctx)  # 2. contacts per channel
    ctx.terms = [vendor_terms(ctx, v) for v in range(len(case.vendors))]  # 3. each quote's terms
    scenarios = scenario_list(case)  # 4. the scenarios, status quo first: the others price their
    for sc in scenarios:  # parallel run at its cost per agent
        SCENARIO_ROWS[sc.kind](ctx, sc)  # team, vendor side, one-offs, totals
    for sc in scenarios:  # 5. payback, once every scenario can refer to in-house
        if sc.kind != "inhouse":
            payback(ctx, sc)
    return Model(ctx.rows, ctx.staff, scenarios)
