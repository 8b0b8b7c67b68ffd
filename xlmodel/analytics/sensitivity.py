"""Tornado: the NPV of savings of the recommended scenario, each driver moved alone to its range ends.

The scenario is ``compare``'s best; when the best is in-house at target service (whose saving is 0
by definition), the cheapest other option at target service, so that the chart answers "how far
is it from paying off".  Each driver of :mod:`xlmodel.analytics.drivers` is moved to the low and
the high end of its ``[risk]`` range, all others at their case values, and the case is re-costed:

- a driver that moves an input of the staffing (volumes, handling times, first-contact
  resolution, the hybrid's share, the callers' patience...) by the exact engine
  (:func:`xlmodel.engine.compare`: Erlang C or A sized again), one run per end;
- every other driver (salaries, rates, hours, prices, one-off costs...) leaves every staffing row
  as it is: all of their ends are costed at once by the same rows over arrays
  (:class:`xlmodel.analytics.vector.ArrayModel`), which is then exact (to rounding, 1e-12).

The base value is ``compare``'s own ``npv_savings``; at each end, the best option is the cheapest
of those meeting the target service there.  Bars are sorted by swing ``|high - low|``, largest first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..case import Case
from ..engine import Comparison, compare
from ..model import ChannelInput
from ..model.rows import SIZING_TARGETS
from . import drivers as drv


@dataclass
class TornadoBar:
    """One driver: its range and the scenario's NPV of savings at each end (case currency)."""

    driver: str
    label_en: str
    label_fr: str
    kind: str  # "rel" or "pts"
    low_change: float
    high_change: float
    npv_savings_low: float
    npv_savings_high: float
    swing: float
    best_at_low: str
    best_at_high: str

    @property
    def worst(self) -> float:
        return min(self.npv_savings_low, self.npv_savings_high)

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Tornado:
    scenario_id: str
    base_npv_savings: float
    bars: list[TornadoBar]
    evaluations: int
    seconds: float

    def as_json(self) -> dict:
        """The tornado as plain data; its run time (``seconds``) is left out, so that the same case
        always gives the same JSON."""
        return {"scenario": self.scenario_id, "base_npv_savings": self.base_npv_savings,
                "evaluations": self.evaluations, "bars": [b.as_json() for b in self.bars]}

    def flip_drivers(self, count: int = 2, best: str | None = None) -> list[TornadoBar]:
        """The drivers that could flip the recommendation ``best`` (default: the tornado's scenario,
        which is the recommendation unless that is in-house): those with an end where another option
        is best first, then those that bring the saving lowest."""
        best = best or self.scenario_id

        def key(bar: TornadoBar):
            flips = bar.best_at_low != best or bar.best_at_high != best
            return (not flips, bar.worst)
        return sorted(self.bars, key=key)[:count]


def tornado_scenario(result: Comparison) -> str:
    """The scenario the tornado is about (see the module)."""
    if result.best != "inhouse":
        return result.best
    others = [s for s in result.scenarios if s.meets_target_service and s.kind != "inhouse"]
    return min(others, key=lambda s: s.npv_cost).id if others else "inhouse"


def tornado(case: Case, comparison: Comparison | None = None, driver_ids=None,
            scenario_id: str | None = None) -> Tornado:
    """The tornado of a case (default: every driver) about ``scenario_id`` (default: see the module).

    >>> from xlmodel.case import example_case
    >>> t = tornado(example_case(), driver_ids=["volume"])
    >>> t.bars[0].npv_savings_low < t.base_npv_savings < t.bars[0].npv_savings_high
    True
    """
    started = time.perf_counter()
    comparison = comparison or compare(case)
    target = scenario_id or tornado_scenario(comparison)
    base = comparison.scenario(target).npv_savings
    ids = list(driver_ids or drv.DRIVER_IDS)
    ends = {(d, change): None for d in ids for change in drv.driver_range(case, d) if change != 0}
    staffed = _staffing_inputs(comparison)
    engine = [key for key in ends if any(ref in staffed for ref in drv.driver_refs(case, key[0]))]
    for driver_id, change in engine:
        moved = compare(drv.apply(case, {driver_id: change}))
        ends[(driver_id, change)] = (moved.scenario(target).npv_savings, moved.best)
    ends.update(_array_ends(case, comparison, target, [key for key in ends if key not in engine]))
    bars = []
    for driver_id in ids:
        d = drv.driver(driver_id)
        low, high = drv.driver_range(case, driver_id)
        (v_low, b_low), (v_high, b_high) = ((base, comparison.best) if change == 0 else ends[(driver_id, change)]
                                            for change in (low, high))
        bars.append(TornadoBar(driver_id, d.label_en, d.label_fr, d.kind, low, high, float(v_low), float(v_high),
                               float(abs(v_high - v_low)), b_low, b_high))
    bars.sort(key=lambda b: -b.swing)
    return Tornado(target, float(base), bars, len(ends), time.perf_counter() - started)


def _staffing_inputs(comparison: Comparison) -> set:
    """The inputs some staffing row depends on (its contacts, handling time and hours, back to the case,
    and the channel fields its sizing reads: a patience moves an Erlang A team)."""
    model = comparison.evaluation.model
    return model.reaching(ref for s in model.staff for ref in (s.contacts, s.aht, s.hours) if ref is not None) | {
        ChannelInput(s.channel, f) for s in model.staff if not s.peak_of for f in SIZING_TARGETS}


def _array_ends(case: Case, comparison: Comparison, target: str, keys: list) -> dict:
    """(driver, change) -> (NPV of savings of ``target``, best option), for drivers that move no
    staffing input: every end at once, one per draw, over the model's rows (exact here)."""
    if not keys:
        return {}
    from .vector import ArrayModel
    ids = list(dict.fromkeys(d for d, _ in keys))
    model = ArrayModel(case, [ref for d in ids for ref in drv.driver_refs(case, d)], comparison.evaluation)
    changes = {d: np.array([change if d == k else 0.0 for k, change in keys]) for d in ids}
    result = model.evaluate(drv.overrides(case, changes))
    scenario_ids = model.scenario_ids
    inhouse, j = scenario_ids.index("inhouse"), scenario_ids.index(target)
    npv = result.npv_cost
    savings = npv[:, inhouse] - result.one_off_cost[:, inhouse] - npv[:, j]
    best = np.argmin(np.where(result.comparable == 1, npv, np.inf), axis=1)
    return {key: (float(savings[k]), scenario_ids[best[k]]) for k, key in enumerate(keys)}
