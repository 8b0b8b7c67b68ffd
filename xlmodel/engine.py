"""The engine: evaluate every row of the model for a case, then the finance of each scenario.

>>> from xlmodel.case import example_case
>>> result = compare(example_case())
>>> [s.kind for s in result.scenarios][:3]
['status_quo', 'inhouse', 'outsourced']
>>> result.scenario("inhouse").npv_savings
0.0
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field

import numpy as np

from . import finance
from .case import Case
from .erlang import MAX_TRAFFIC_ERLANGS, TrafficOutOfRange
from .errors import InputError, Problem
from .formula import fast_evaluate, parse
from .model import CONSTANTS, COST_LINE_IDS, ONE_OFF_LINES, Model, StaffRow, build_model
from .staffing import agents_on_duty, yearly_peak


class Evaluation:
    """Every row's values for one case: monthly rows are arrays of ``12 x horizon`` months."""

    def __init__(self, case: Case, model: Model | None = None):
        self.case = case
        self.model = model or build_model(case)
        self.months = case.months
        self.values: dict[str, np.ndarray | float | str] = {}
        self.staff: dict[str, np.ndarray] = {}
        self._staff_rows = {s.key: s for s in self.model.staff}
        for row in self.model.rows:
            self._evaluate_row(row)

    # -- references ------------------------------------------------------------------------------
    def resolve(self, ref: str):
        """The value of a reference key (see :mod:`xlmodel.model`)."""
        kind, _, rest = ref.partition(":")
        if kind == "row":
            return self.values[rest]
        if kind == "st":
            if rest not in self.staff:
                self.staff[rest] = self._size(self._staff_rows[rest])
            return self.staff[rest]
        if kind == "in":
            section, _, name = rest.partition(".")
            value = getattr(getattr(self.case, section), name)
            return np.asarray(value, dtype=float) if name == "seasonality" else value
        if kind == "const":
            return float(CONSTANTS[rest][0])
        if kind in ("ch", "vd"):
            index, _, name = rest.partition(".")
            items = self.case.channels if kind == "ch" else self.case.vendors
            return getattr(items[int(index)], name)
        if kind == "hc":
            return "yes" if self.case.channels[int(rest)].name in self.case.hybrid.channels else "no"
        raise KeyError(ref)

    def _evaluate_row(self, row):
        bind = row.bind
        lookup = lambda n: self.resolve(bind[n])  # noqa: E731
        if f"row:{row.key}" in bind.values():
            # An accumulator, prev(self) + step (a counter, a cumulative sum): a running sum.
            tree = parse(row.expr)
            if not (isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Add)
                    and isinstance(tree.left, ast.Call) and tree.left.func.id == "prev"
                    and bind[tree.left.args[0].id] == f"row:{row.key}"):
                raise ValueError(f"row {row.key}: a row may refer to itself only as prev(itself) + step")
            step = fast_evaluate(ast.unparse(tree.right), lookup)
            self.values[row.key] = np.cumsum(np.broadcast_to(np.asarray(step, dtype=float), (self.months,)))
            return
        value = fast_evaluate(row.expr, lookup)
        if row.scalar:
            self.values[row.key] = value if isinstance(value, str) else float(value)
        else:
            self.values[row.key] = np.array(np.broadcast_to(value, (self.months,)), dtype=float)

    def _size(self, s: StaffRow) -> np.ndarray:
        if s.peak_of:
            return yearly_peak(sum(self.resolve(f"st:{k}") for k in s.peak_of))
        channel = self.case.channels[s.channel]
        try:
            return agents_on_duty(
                self.resolve(s.contacts), self.resolve(s.aht), self.resolve(s.hours), kind=channel.kind,
                service_level=channel.service_level, answer_seconds=channel.answer_seconds,
                max_occupancy=channel.max_occupancy, concurrency=channel.concurrency,
                interval_seconds=CONSTANTS["INTERVAL_SECONDS"][0])
        except TrafficOutOfRange:
            # Valid inputs one by one, but together a load no contact centre has: say which channel.
            limit = f"{MAX_TRAFFIC_ERLANGS:,.0f}".replace(",", " ")
            raise InputError(Problem(
                f"[[demand.channels]] {s.channel + 1} .annual_volume",
                f"channel {channel.name!r} would need more than {limit} Erlangs of traffic on an average "
                f"interval ({s.label_en}), beyond what the staffing model sizes: check its annual volume, "
                "handling time and the opening hours")) from None

    def annual(self, key: str) -> np.ndarray:
        """Sum of a monthly row over each year."""
        return np.asarray(self.values[key]).reshape(-1, 12).sum(axis=1)

    def annual_mean(self, key: str) -> np.ndarray:
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
    contacts: list[float]
    cost_per_contact: list[float]
    fte: list[float]
    vendor_fte: list[float]
    meets_target_service: bool

    def as_json(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "vendor": self.vendor, "label": self.label_en,
            "annual_cost": self.annual_cost, "one_off_cost": self.one_off_cost, "npv_cost": self.npv_cost,
            "npv_savings": self.npv_savings, "roi": self.roi, "payback_months": self.payback_months,
            "irr": self.irr, "cost_lines": self.cost_lines, "one_off_lines": self.one_off_lines,
            "contacts": self.contacts, "cost_per_contact": self.cost_per_contact, "fte": self.fte,
            "vendor_fte": self.vendor_fte, "meets_target_service": self.meets_target_service,
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
            "reference": "inhouse", "scenarios": [s.as_json() for s in self.scenarios], "best": self.best,
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
    saves money only by serving customers worse; it is shown, never recommended.
    """
    ev = evaluation or Evaluation(case)
    rate = case.finance.discount_rate
    contacts = ev.annual("demand.contacts")
    results = []
    inhouse_cost = None
    for sc in ev.model.scenarios:
        p = sc.prefix
        lines = {line: np.zeros(case.finance.horizon_years) for line in COST_LINE_IDS}
        for row in ev.model.rows:
            if row.scenario == sc.id and row.line in lines:
                lines[row.line] = lines[row.line] + ev.annual(row.key)
        annual = sum(lines.values())
        one_off = float(ev.values[f"{p}.one_off"])
        one_off_lines = {line: float(ev.values.get(f"{p}.{line}", 0.0)) for line, _, _ in ONE_OFF_LINES}
        if sc.kind == "inhouse":
            inhouse_cost = annual
        fte_key, vfte_key = f"{p}.fte", f"{p}.vendor_fte"
        results.append(dict(
            sc=sc, annual=annual, lines=lines, one_off=one_off, one_off_lines=one_off_lines,
            fte=ev.annual_mean(fte_key) if fte_key in ev.values else np.zeros_like(annual),
            vendor_fte=ev.annual_mean(vfte_key) if vfte_key in ev.values else np.zeros_like(annual)))

    scenarios = []
    for r in results:
        sc, annual, one_off = r["sc"], r["annual"], r["one_off"]
        if sc.kind == "inhouse":
            npv_savings, roi, payback, irr = 0.0, None, None, None
        else:
            savings = inhouse_cost - annual
            npv_savings = finance.npv_savings(inhouse_cost, annual, one_off, rate)
            roi = finance.roi(inhouse_cost, annual, one_off, rate) if one_off > 0 else None
            payback_value = ev.values[f"{sc.prefix}.payback"]
            payback = None if math.isnan(payback_value) else int(payback_value)
            # A negative IRR says no more than "never pays back", and spreadsheets fail to converge
            # on it: the IRR is reported when the one-off cost is recovered within the horizon.
            irr = finance.irr(one_off, savings) if one_off > 0 and payback is not None else None
        scenarios.append(ScenarioResult(
            id=sc.id, kind=sc.kind, vendor=None if sc.vendor is None else case.vendors[sc.vendor].name,
            label_en=sc.label_en, label_fr=sc.label_fr, annual_cost=_floats(annual),
            cost_lines={k: _floats(v) for k, v in r["lines"].items()}, one_off_cost=one_off,
            one_off_lines=r["one_off_lines"], npv_cost=float(finance.npv_cost(annual, one_off, rate)),
            npv_savings=None if npv_savings is None else float(npv_savings),
            roi=None if roi is None else float(roi), payback_months=payback,
            irr=None if irr is None else float(irr), contacts=_floats(contacts),
            cost_per_contact=_floats(annual / np.where(contacts > 0, contacts, np.nan)),
            fte=_floats(r["fte"]), vendor_fte=_floats(r["vendor_fte"]),
            meets_target_service=sc.kind != "status_quo"))
    eligible = [s for s in scenarios if s.meets_target_service]
    best = min(eligible, key=lambda s: s.npv_cost).id
    return Comparison(case, scenarios, best, ev)


def _floats(values) -> list[float]:
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(values, dtype=float)]
