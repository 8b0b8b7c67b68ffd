"""The engine: evaluate every row of the model for a case, then the finance of each scenario.

>>> from xlmodel.case import example_case
>>> result = compare(example_case())
>>> [s.kind for s in result.scenarios][:3]
['status_quo', 'inhouse', 'outsourced']
>>> result.scenario("inhouse").npv_savings
0.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .case import Case
from .errors import InputError, Problem, Words
from .model import (CONSTANTS, COST_LINE_IDS, ONE_OFF_LINES, Model, ProfileUplift, Ref, RowKey, RowRef, Scenario,
                    StaffRef, StaffRow, build_model)
from .model.constants import STAFFING_MAX_ERLANGS
from .profile import case_grid, covered, shift_slots
from .profile import summary as profile_summary
from .model.continuity import continuity_json
from .model.reinternal import reinternalisation_json
from .staffing import SEARCH_WINDOW, BeyondStaffingReach, agents_on_duty, erlang_a_reach, yearly_peak


class Evaluation:
    """Every row's values for one case: monthly rows are arrays of ``12 x horizon`` months."""

    def __init__(self, case: Case, model: Model | None = None):
        self.case = case
        self.model = model or build_model(case)
        self.months = case.months
        self.years = case.finance.horizon_years
        self.values: dict[RowKey, np.ndarray | float | str] = {}
        self.staff: dict[RowKey, np.ndarray] = {}
        # The weekly arrival profile's distinct slot ratios and their counts (None: arrivals even), and
        # each profiled staffing row's agents on the average slot (what the workbook's native search finds).
        self.profile = case_grid(case.demand)
        self.flat_staff: dict[RowKey, np.ndarray] = {}
        self._staff_rows = {s.key: s for s in self.model.staff}
        for row in self.model.rows:
            self._evaluate_row(row)

    # -- references ------------------------------------------------------------------------------
    def resolve(self, ref: Ref):
        """The value of a reference (see :mod:`xlmodel.model.refs`)."""
        kind = type(ref)
        if kind is RowRef:
            return self.values[ref.key]
        if kind is StaffRef:
            return self.staffing(ref.key)
        if kind is ProfileUplift:  # what the arrival profile's shifts add to the average slot's agents
            return self.staffing(ref.key) - self.flat_staff[ref.key]
        return ref.value_in(self.case)

    def staffing(self, key: RowKey) -> np.ndarray:
        """Agents on duty of staffing row ``key``, month by month (sized on first use)."""
        if key not in self.staff:
            self.staff[key] = self._size(self._staff_rows[key])
        return self.staff[key]

    def _evaluate_row(self, row):
        periods = self.years + 1 if row.yearly else self.months
        value = row.formula.evaluate({name: self.resolve(row.bind[name]) for name in row.formula.inputs}, periods)
        if row.scalar:
            self.values[row.key] = value if isinstance(value, str) else float(value)
        else:
            self.values[row.key] = np.array(np.broadcast_to(value, (periods,)), dtype=float)

    def _size(self, s: StaffRow) -> np.ndarray:
        if s.peak_of:
            return yearly_peak(sum(self.staffing(k) for k in s.peak_of))
        channel = self.case.channels[s.channel]
        contacts, aht, hours = (self.resolve(r) for r in (s.contacts, s.aht, s.hours))

        def sized(ratios=None):
            """Agents of the average interval, or (months, ratios) of intervals with these traffic ratios."""
            if ratios is None:
                return agents_on_duty(contacts, aht, hours, **rules)
            grid = (len(np.atleast_1d(contacts)), len(ratios))
            spread = [np.broadcast_to(np.asarray(x, dtype=float).reshape(-1, 1), grid) for x in (contacts, aht, hours)]
            return agents_on_duty((spread[0] * ratios).ravel(), spread[1].ravel(), spread[2].ravel(),
                                  **rules).reshape(grid)
        rules = dict(kind=channel.kind, service_level=channel.service_level, answer_seconds=channel.answer_seconds,
                     max_occupancy=channel.max_occupancy, concurrency=channel.concurrency,
                     interval_seconds=CONSTANTS["INTERVAL_SECONDS"][0], sizing=channel.sizing,
                     patience_seconds=channel.patience_seconds)
        try:
            if self.profile is None or channel.kind != "live":
                return sized()
            # Each slot of the week sized at its own arrival rate, then worked as shifts (xlmodel.profile).
            self.flat_staff[s.key] = sized()
            ratios, where = np.unique(self.profile, return_inverse=True)
            needs = sized(ratios)[:, where.reshape(self.profile.shape)]  # (months, open days, slots of a day)
            return covered(needs, shift_slots(self.case.demand, self.profile.shape[1]))
        except BeyondStaffingReach as exc:
            # Valid inputs one by one, but together a load no contact centre has: say which channel.
            where = f"[[demand.channels]] {s.channel + 1}"
            if exc.what == "traffic":
                raise InputError(Problem.of(f"{where} .annual_volume", "beyond_traffic",
                                            ("channels", s.channel + 1, "annual_volume", channel.name),
                                            name=channel.name, limit=STAFFING_MAX_ERLANGS,
                                            row=Words(s.label_en, s.label_fr))) from None
            if exc.what == "erlang_a":
                raise InputError(Problem.of(f"{where} .sizing", "beyond_erlang_a",
                                            ("channels", s.channel + 1, "sizing", channel.name),
                                            **erlang_a_reach(channel.name), row=Words(s.label_en, s.label_fr))) from None
            raise InputError(Problem.of(f"{where} .service_level", "beyond_agents",
                                        ("channels", s.channel + 1, "service_level", channel.name), name=channel.name,
                                        limit=SEARCH_WINDOW, level=channel.service_level,
                                        seconds=channel.answer_seconds, row=Words(s.label_en, s.label_fr))) from None

    def annual(self, key: RowKey) -> np.ndarray:
        """Sum of a monthly row over each year."""
        return np.asarray(self.values[key]).reshape(-1, 12).sum(axis=1)

    def annual_mean(self, key: RowKey) -> np.ndarray:
        return np.asarray(self.values[key]).reshape(-1, 12).mean(axis=1)


@dataclass
class ScenarioResult:
    """One scenario's results: yearly figures are lists of one value per year."""

    id: str
    kind: str
    vendor: str | None
    label_en: str
    label_fr: str
    annual_cost: list[float]
    cost_lines: dict[str, list[float]]
    one_off_cost: float
    one_off_lines: dict[str, float]
    npv_cost: float
    npv_savings: float | None
    roi: float | None
    payback_months: int | None
    irr: float | None
    sign_changes: int | None  # of the net cash flow (years 0 to H); None for in-house, the reference
    contacts: list[float]
    cost_per_contact: list[float]
    fte: list[float]
    vendor_fte: list[float]
    vendor_fte_needed: list[float]  # what the work needs at the vendor's productive hours (billed: at least this)
    meets_target_service: bool
    vat_borne: float  # NPV of the VAT not recovered (one-off and yearly), inside npv_cost; 0 without a vendor
    staff_transfer: bool  # today's agents transfer to the vendor (L1224-1): no severance, no parallel run
    transfer_priced: list[float]  # by year, the part of the vendor invoice pricing the transferred agents
    npv_cost_after_tax: float  # the after-tax view: costs deducted from profit taxed at corporation_tax_rate
    npv_savings_after_tax: float
    portfolio: dict | None = None  # a portfolio's teams: each vendor's invoice, governance, FTE; the pooling loss
    reinternalisation: dict | None = None  # the way back in-house: the quote chosen, the year, the return's costs

    @property
    def irr_note(self) -> str | None:
        """``"no single IRR"`` when the net cash flow changes sign more than once (the IRR is then None)."""
        return "no single IRR" if self.sign_changes is not None and self.sign_changes > 1 else None

    def as_json(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "vendor": self.vendor, "label": self.label_en,
            "annual_cost": self.annual_cost, "one_off_cost": self.one_off_cost, "npv_cost": self.npv_cost,
            "npv_savings": self.npv_savings, "roi": self.roi, "payback_months": self.payback_months,
            "irr": self.irr, "irr_note": self.irr_note, "sign_changes": self.sign_changes,
            "cost_lines": self.cost_lines, "one_off_lines": self.one_off_lines,
            "contacts": self.contacts, "cost_per_contact": self.cost_per_contact, "fte": self.fte,
            "vendor_fte": self.vendor_fte, "vendor_fte_needed": self.vendor_fte_needed,
            "meets_target_service": self.meets_target_service, "vat_borne": self.vat_borne,
            "staff_transfer": self.staff_transfer, "transfer_priced": self.transfer_priced,
            "npv_cost_after_tax": self.npv_cost_after_tax, "npv_savings_after_tax": self.npv_savings_after_tax,
            **({"portfolio": self.portfolio} if self.portfolio is not None else {}),
            **({"reinternalisation": self.reinternalisation} if self.reinternalisation is not None else {}),
        }


@dataclass
class Comparison:
    """All scenarios of a case, with savings measured against in-house at target service."""

    case: Case
    scenarios: list[ScenarioResult]
    best: str
    evaluation: Evaluation = field(repr=False)

    def scenario(self, scenario_id: str) -> ScenarioResult:
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(scenario_id)

    def as_json(self) -> dict:
        """``compare --json``'s object: case, currency, horizon, discount rate, scenarios and best (plus
        cost lines, contacts, FTE and cost per contact)."""
        c = self.case
        return {
            "case": c.case.name, "currency": c.case.currency, "horizon_years": c.finance.horizon_years,
            "discount_rate": c.finance.discount_rate, "start_year": c.finance.start_year,
            "corporation_tax_rate": c.finance.corporation_tax_rate, "one_off_tax_year": c.finance.one_off_tax_year,
            "reference": "inhouse", "scenarios": [s.as_json() for s in self.scenarios], "best": self.best,
            "arrival_profile": profile_summary(self),
        }

    def to_frame(self):
        """A pandas DataFrame, one row per scenario and year (:func:`xlmodel.frames.scenario_frame`)."""
        from .frames import scenario_frame
        return scenario_frame(self)

    def to_frames(self) -> dict:
        """pandas DataFrames: ``scenarios``, ``cost_lines``, ``one_off_lines`` (:func:`xlmodel.frames.frames`)."""
        from .frames import frames
        return frames(self)


def compare(case: Case, evaluation: Evaluation | None = None) -> Comparison:
    """Evaluate a case and compare its scenarios over the horizon.

    Savings, ROI, payback and IRR of a scenario are measured against ``inhouse`` (in-house staffed
    to the target service level): the same service, so the comparison is fair.  The status quo
    saves money only by serving customers worse, and a vendor committing to less than a live
    channel's target carries the cost of its service gap: both are shown, never recommended (the
    model's ``comparable`` row).  Every figure is
    a row of the model (:mod:`xlmodel.model.appraisal` for the finance), read here.
    """
    ev = evaluation or Evaluation(case)
    contacts = ev.annual(RowKey("demand", "contacts"))
    scenarios = [_result(ev, sc, contacts) for sc in ev.model.scenarios]
    eligible = [s for s in scenarios if s.meets_target_service]
    best = min(eligible, key=lambda s: s.npv_cost).id
    return Comparison(case, scenarios, best, ev)


def _result(ev: Evaluation, sc: Scenario, contacts: np.ndarray) -> ScenarioResult:
    """One scenario's figures, read from its rows (yearly rows without their year 0)."""
    values = ev.values

    def by_year(name: str) -> np.ndarray:
        key = sc.key(name)
        return np.asarray(values[key])[1:] if key in values else np.zeros(ev.years)

    def number(name: str) -> float | None:  # an error value (nan) is None
        value = values[sc.key(name)]
        return None if math.isnan(value) else float(value)

    annual = by_year("annual_cost")
    reference = sc.kind == "inhouse"
    # The status quo changes nothing: it pays nothing back (no payback month, not month 0).
    payback = None if reference or sc.kind == "status_quo" else number("payback")
    fte, vendor_fte, needed = (ev.annual_mean(sc.key(k)) if sc.key(k) in values else np.zeros_like(annual)
                               for k in ("fte", "vendor_fte", "vendor_fte_needed"))
    return ScenarioResult(
        id=sc.id, kind=sc.kind, vendor=None if sc.vendor is None else ev.case.vendors[sc.vendor].name,
        label_en=sc.label_en, label_fr=sc.label_fr, annual_cost=_floats(annual),
        cost_lines={line: _floats(by_year(f"cost_{line}")) for line in COST_LINE_IDS},
        one_off_cost=float(values[sc.key("one_off")]),
        one_off_lines={line: float(values.get(sc.key(line), 0.0)) for line, _, _ in ONE_OFF_LINES},
        npv_cost=number("npv_cost"), npv_savings=number("npv_savings"),
        roi=None if reference else number("roi"), payback_months=None if payback is None else int(payback),
        irr=None if reference else number("irr"),
        sign_changes=None if reference else int(values[sc.key("sign_changes")]), contacts=_floats(contacts),
        cost_per_contact=_floats(annual / np.where(contacts > 0, contacts, np.nan)),
        fte=_floats(fte), vendor_fte=_floats(vendor_fte), vendor_fte_needed=_floats(needed),
        meets_target_service=values[sc.key("comparable")] == 1,
        vat_borne=float(values.get(sc.key("npv_vat"), 0.0)),
        staff_transfer=sc.vendor is not None and values[RowKey(f"vendor{sc.vendor}", "staff_transfer")] == 1,
        transfer_priced=_floats(ev.annual(sc.key("vendor_transfer")) if sc.key("vendor_transfer") in values
                                else np.zeros(ev.years)),
        npv_cost_after_tax=number("npv_cost_after_tax"), npv_savings_after_tax=number("npv_savings_after_tax"),
        portfolio=_portfolio(ev, sc) if sc.kind == "portfolio" else None,
        reinternalisation=reinternalisation_json(ev, sc) if sc.kind == "reinternalised" else None)


def _portfolio(ev: Evaluation, sc: Scenario) -> dict:
    """A portfolio's teams by year: the in-house FTE, each vendor's invoice, governance and FTE billed
    (its rows, :mod:`xlmodel.model.portfolio`), the vendors engaged and the pooling loss (FTE).

    A vendor is ``engaged`` if it holds a share or a mode in some phase (``engaged_by_phase`` says in
    which); ``vendors_engaged`` counts the contracts signed over the horizon, phase by phase in
    ``vendors_engaged_by_phase`` (before, only the first phase was counted: a vendor a later phase brings
    in read as not engaged)."""
    values, vendors = ev.values, []
    for v, quote in enumerate(ev.case.vendors):
        key = lambda name: RowKey(f"{sc.prefix}v{v}", name)  # noqa: E731
        if key("engaged") not in values:
            continue
        by_phase = [bool(values[key("engaged")] == 1)]
        while key(f"engaged_phase{len(by_phase) + 1}") in values:
            by_phase.append(bool(values[key(f"engaged_phase{len(by_phase) + 1}")] == 1))
        vendors.append({"vendor": quote.name, "engaged": any(by_phase), "engaged_by_phase": by_phase,
                        "invoice": _floats(ev.annual(key("vendor_invoice"))),
                        "governance": _floats(ev.annual(key("governance"))),
                        "vendor_fte": _floats(ev.annual_mean(key("vendor_fte")))})
    phases = max((len(v["engaged_by_phase"]) for v in vendors), default=1)
    return {"inhouse_fte": _floats(ev.annual_mean(sc.key("fte"))), "vendors": vendors,
            "vendors_engaged": sum(v["engaged"] for v in vendors),
            "vendors_engaged_by_phase": [sum(v["engaged_by_phase"][k] for v in vendors) for k in range(phases)],
            "pooling_loss_fte": _floats(ev.annual_mean(sc.key("pooling_loss"))),
            "continuity": continuity_json(ev, sc)}


def _floats(values) -> list[float]:
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(values, dtype=float)]
