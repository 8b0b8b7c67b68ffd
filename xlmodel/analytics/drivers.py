"""The uncertain drivers shared by the tornado and the Monte Carlo: what each moves, and by how much.

A driver is one lever of the model, applied to one or more inputs at once:

- a *relative* driver multiplies its inputs by ``1 + x`` (``x = 0.10`` is +10 %);
- a *points* driver adds ``x`` to a rate (``x = 0.01`` is +1 point).

Each driver's range ``[low, high]`` (``low <= 0 <= high``) comes from the case's ``[risk]`` table
(defaults in :data:`xlmodel.schema.RISK_RANGES`, listed in docs/analytics.md); the mode is always 0,
the case's own value.  A moved input is clipped to the bounds the case format accepts for it
(attrition never below 0, governance rate never below 0...).  :func:`driver_refs` says which
inputs each driver moves.

**Every numeric input that reaches a cost is a driver, or is excluded with its reason**
(:data:`NOT_DRIVERS`; tests/test_like_for_like.py walks the model from every scenario's costs back
to its inputs and checks it).  Four drivers are in the tornado but not in the Monte Carlo
(:data:`NOT_IN_MONTE_CARLO`): the vendor price (a quoted, contractual figure: the tornado and the
break-even show where it matters), the discount rate (a policy choice, not an uncertainty) and the
committed service level (contractual, it decides whether a quote is comparable: the Monte Carlo
draws instead the service delivered below it, whose gap to a target costs lost customers).
The callers' patience is a tornado driver only too: it moves the Erlang A sizing, which the Monte
Carlo's square-root staffing does not follow.  Drivers are drawn independently of each other; one draw moves every channel (or every vendor) by
the same relative amount.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..case import Case
from ..model import CaseRef, ChannelInput, Input, VendorInput
from ..schema import RISK, RISK_RANGES


@dataclass(frozen=True)
class Driver:
    """One lever: its id (``volume``), labels, how it moves its inputs, whether the Monte Carlo draws it."""

    id: str
    label_en: str
    label_fr: str
    kind: str  # "rel" (x 1 + change) or "pts" (+ change)
    monte_carlo: bool

    def label(self, lang: str = "en") -> str:
        return getattr(self, f"label_{lang}")


def _labels():
    out = {}
    for f in RISK.fields:
        if f.name.endswith("_low"):
            out[f.name[:-4]] = (f.label_en[:-len(": low")], f.label_fr[:-len(" : bas")])
    return out


_KINDS = {name: kind for name, kind, *_ in RISK_RANGES}
#: Drivers of the tornado that the Monte Carlo does not draw, and why.
NOT_IN_MONTE_CARLO = {
    "vendor_price": "a quoted, contractual figure: the tornado and the break-even price show where it matters",
    "discount_rate": "a policy choice of the finance team, not an uncertainty",
    "committed_service_level": "a contractual figure fixed at signature, which decides whether a quote is "
                               "comparable: the tornado shows what a lower commitment does; the Monte Carlo draws "
                               "the service delivered against it (service_shortfall)",
    "patience": "its square-root staffing is fitted to the engine's agents at the case's own patience and does "
                "not follow it: the tornado re-sizes Erlang A exactly at both ends",
}
_NOT_IN_MONTE_CARLO = set(NOT_IN_MONTE_CARLO)
DRIVERS: tuple[Driver, ...] = tuple(
    Driver(name, en, fr, _KINDS[name], name not in _NOT_IN_MONTE_CARLO) for name, (en, fr) in _labels().items())
DRIVER_IDS = tuple(d.id for d in DRIVERS)
_BY_ID = {d.id: d for d in DRIVERS}


def driver(driver_id: str) -> Driver:
    return _BY_ID[driver_id]


def driver_range(case: Case, driver_id: str) -> tuple[float, float]:
    """``(low, high)`` change of a driver, from the case's ``[risk]`` table."""
    return (float(getattr(case.risk, f"{driver_id}_low")), float(getattr(case.risk, f"{driver_id}_high")))


InputRef = Input | ChannelInput | VendorInput


def driver_refs(case: Case, driver_id: str) -> list[InputRef]:
    """The references (:mod:`xlmodel.model.refs`) to the inputs a driver moves."""
    channels, vendors = range(len(case.channels)), range(len(case.vendors))
    inhouse, transition = (lambda *names: [Input("inhouse", n) for n in names]), (
        lambda *names: [Input("transition", n) for n in names])

    def quotes(*names):
        return [VendorInput(v, name) for v in vendors for name in names]
    return {
        "volume": [ChannelInput(i, "annual_volume") for i in channels],
        "aht": [ChannelInput(i, "aht_seconds") for i in channels],
        "salary": inhouse("gross_salary", "supervisor_salary", "support_salary"),
        "employer_charges": inhouse("employer_charge_rate", "management_charge_rate"),
        "attrition": inhouse("attrition_rate"),
        "vendor_price": quotes("price"),
        "indexation": quotes("indexation_rate"),
        "governance": transition("governance_rate"),
        "ramp_up": quotes("ramp_up_months", "ramp_up_aht_premium"),
        "discount_rate": [Input("finance", "discount_rate")],
        "vendor_aht": quotes("aht_factor"),
        "growth": [Input("demand", "growth_rate")],
        "shrinkage": inhouse("shrinkage"),
        "inhouse_flex": inhouse("seasonal_flex"),
        "wage_inflation": inhouse("wage_inflation"),
        "cost_inflation": inhouse("cost_inflation"),
        "hiring_cost": inhouse("cost_per_hire", "training_cost_per_hire"),
        "payroll_extras": inhouse("payroll_extras"),
        "vendor_hours": quotes("hours_per_fte_month"),
        "vendor_shrinkage": quotes("shrinkage"),
        "vendor_flex": quotes("seasonal_flex"),
        "vendor_occupancy": quotes("occupancy_billed"),
        "vendor_fcr": quotes("first_contact_resolution"),
        "bonus_malus": quotes("bonus_malus"),
        "committed_service_level": quotes("committed_service_level"),
        "service_shortfall": quotes("service_shortfall"),
        "out_of_hours": [Input("demand", "out_of_hours_share")],
        "governance_floor": transition("governance_floor"),
        "severance": transition("severance_per_agent"),
        "redeployment": transition("redeployment_rate"),
        "transition": transition("knowledge_transfer", "it_integration", "exit_provision", "parallel_run_months"),
        "lost_customer_value": [Input("customer", "value_per_lost_customer")],
        "scheduling": [Input("demand", "scheduling_efficiency")],
        # A channel without a patience (0) keeps none: x (1 + change) leaves it at 0.
        "patience": [ChannelInput(i, "patience_seconds") for i in channels],
    }[driver_id]


_CHOICE = "a choice of the finance team, not an uncertainty: compare another value as a case of its own"
_FACT = "a fact the client knows (its payroll, accounts or operations), not an uncertainty"
_QUOTED = "quoted, contractual: fixed at signature (the break-even price shows the room a quote leaves)"
_TARGET = "the service target, a policy decided by the client: every scenario is sized to it"
_HYBRID = "the design of the hybrid scenario, a choice (the break-even searches the best share)"
#: Numeric inputs that reach a cost but are no driver, by ``section.field`` (``channels.``,
#: ``vendors.`` for every channel or quote), each with the reason.  (The horizon and the start year
#: shape the timeline rather than reach a row: a horizon is a choice, compared as a case of its own.)
NOT_DRIVERS = {
    "finance.vat_rate": "the law's rate (20 % standard rate in France), not an estimate",
    "finance.vat_recovery": "the client's VAT deduction ratio, read from its VAT returns: " + _FACT,
    "demand.opening_hours_per_week": "the service offered, decided by the client: " + _CHOICE,
    "channels.service_level": _TARGET,
    "channels.answer_seconds": _TARGET,
    "channels.max_occupancy": "a policy cap the client sets for both parties (burn-out above 85-90 %)",
    "channels.concurrency": "how many chats an agent handles at once: a setting of today's operations, "
                            "the same for both parties",
    "channels.late_abandon_share": "the service gap's cost is its product with churn_share and "
                                   "value_per_lost_customer: the lost_customer_value driver moves it",
    "customer.churn_share": "the service gap's cost is its product with late_abandon_share and "
                            "value_per_lost_customer: the lost_customer_value driver moves it",
    "inhouse.current_fte": _FACT,
    "inhouse.paid_hours_per_fte": "contractual working time (law and collective agreement): " + _FACT,
    "inhouse.training_weeks": "the client's training plan: " + _CHOICE,
    "inhouse.supervision_span": "the organisation the client runs: " + _FACT,
    "inhouse.support_ratio": "the organisation the client runs: " + _FACT,
    "inhouse.seat_cost": "from the client's accounts: " + _FACT,
    "inhouse.it_cost_per_agent": "from the client's accounts: " + _FACT,
    "inhouse.overhead_rate": "from the client's accounts: " + _FACT,
    "inhouse.first_contact_resolution": "measured today; the vendor's, relative to it, is the vendor_fcr driver",
    "vendors.setup_fee": _QUOTED,
    "vendors.minimum_monthly": _QUOTED,
    "vendors.indexation_fixed_share": _QUOTED,
    "vendors.fte_proposed": _QUOTED,
    "vendors.transfer_uplift": _QUOTED,
    "hybrid.share": _HYBRID,
    "hybrid.vendor_hours_per_week": _HYBRID,
    "hybrid.overflow_threshold": _HYBRID,
}


def field_key(ref: InputRef) -> str:
    """``section.field`` of an input reference: ``inhouse.shrinkage``, ``channels.aht_seconds``,
    ``vendors.price`` (every channel or quote alike)."""
    if isinstance(ref, ChannelInput):
        return f"channels.{ref.field}"
    if isinstance(ref, VendorInput):
        return f"vendors.{ref.field}"
    return f"{ref.section}.{ref.field}"


def input_value(case: Case, ref: CaseRef) -> float:
    """The case's value of a numeric input."""
    return float(ref.value_in(case))


def moved(case: Case, ref: InputRef, driver_id: str, change):
    """The value of input ``ref`` when ``driver_id`` moves by ``change`` (a number or an array)."""
    base = input_value(case, ref)
    value = base * (1 + np.asarray(change, dtype=float)) if _BY_ID[driver_id].kind == "rel" \
        else base + np.asarray(change, dtype=float)
    f = ref.schema_field
    lo = -np.inf if f.minimum is None else f.minimum
    hi = np.inf if f.maximum is None else f.maximum
    if f.exclusive_min:
        lo = np.nextafter(lo, np.inf)
    if f.exclusive_max:
        hi = np.nextafter(hi, -np.inf)
    return np.clip(value, lo, hi)


def overrides(case: Case, changes: dict[str, np.ndarray]) -> dict[InputRef, np.ndarray]:
    """Input reference -> moved values, for drivers moved by arrays of changes (one per draw)."""
    out: dict[InputRef, np.ndarray] = {}
    for driver_id, change in changes.items():
        for ref in driver_refs(case, driver_id):
            current = out.get(ref)
            if current is not None:  # two drivers on one input: compose the moves
                raise ValueError(f"{ref} is moved by two drivers")
            out[ref] = moved(case, ref, driver_id, change)
    return out


def apply(case: Case, changes: dict[str, float]) -> Case:
    """A copy of the case with drivers moved by the given changes (for the exact engine)."""
    values = overrides(case, {k: float(v) for k, v in changes.items()})
    return with_inputs(case, {ref: float(v) for ref, v in values.items()})


def with_inputs(case: Case, values: dict[InputRef, float]) -> Case:
    """A copy of the case with some inputs (by reference) set to new values."""
    sections: dict[str, dict] = {}
    channels = [dict() for _ in case.channels]
    vendors = [dict() for _ in case.vendors]
    for ref, value in values.items():
        if isinstance(ref, Input):
            sections.setdefault(ref.section, {})[ref.field] = value
        elif isinstance(ref, ChannelInput):
            channels[ref.channel][ref.field] = value
        elif isinstance(ref, VendorInput):
            vendors[ref.vendor][ref.field] = value
        else:
            raise TypeError(f"{ref} is not an input a driver can move")
    new = {name: replace(getattr(case, name), **changes) for name, changes in sections.items()}
    if any(channels):
        demand = new.get("demand", case.demand)
        new["demand"] = replace(demand, channels=tuple(replace(c, **ch) for c, ch in zip(case.channels, channels)))
    if any(vendors):
        new["vendors"] = tuple(replace(v, **vd) for v, vd in zip(case.vendors, vendors))
    return case.replace(**new)
