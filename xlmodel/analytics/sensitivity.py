"""Tornado: the NPV of savings of the recommended scenario, each driver moved alone to its range ends.

The scenario is ``compare``'s best; when the best is in-house at target service (whose saving is 0
by definition), the cheapest other option at target service, so that the chart answers "how far
is it from paying off".  Each driver of :mod:`xlmodel.analytics.drivers` is moved to the low and
the high end of its ``[risk]`` range, all others at their case values, and the case is re-run
through the exact engine (:func:`xlmodel.engine.compare`): two runs per driver.  The base value is
``compare``'s own ``npv_savings``.  Bars are sorted by swing ``|high - low|``, largest first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..case import Case
from ..engine import Comparison, compare
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

    def flip_drivers(self, count: int = 2) -> list[TornadoBar]:
        """The drivers that could flip the recommendation: those whose adverse end changes the best
        option first, then those that bring the saving lowest."""
        def key(bar: TornadoBar):
            flips = bar.best_at_low != self.scenario_id or bar.best_at_high != self.scenario_id
            return (not flips, bar.worst)
        return sorted(self.bars, key=key)[:count]


def tornado_scenario(result: Comparison) -> str:
    """The scenario the tornado is about (see the module)."""
    if result.best != "inhouse":
        return result.best
    others = [s for s in result.scenarios if s.meets_target_service and s.kind != "inhouse"]
    return min(others, key=lambda s: s.npv_cost).id if others else "inhouse"


def tornado(case: Case, comparison: Comparison | None = None, driver_ids=None) -> Tornado:
    """The tornado of a case (default: every driver, 2 exact engine runs each).

    >>> from xlmodel.case import example_case
    >>> t = tornado(example_case(), driver_ids=["volume"])
    >>> t.bars[0].npv_savings_low < t.base_npv_savings < t.bars[0].npv_savings_high
    True
    """
    started = time.perf_counter()
    comparison = comparison or compare(case)
    target = tornado_scenario(comparison)
    base = comparison.scenario(target).npv_savings
    bars = []
    runs = 0
    for driver_id in (driver_ids or drv.DRIVER_IDS):
        d = drv.driver(driver_id)
        low, high = drv.driver_range(case, driver_id)
        ends = []
        for change in (low, high):
            if change == 0:
                ends.append((base, comparison.best))
                continue
            moved = compare(drv.apply(case, {driver_id: change}))
            runs += 1
            ends.append((moved.scenario(target).npv_savings, moved.best))
        (v_low, b_low), (v_high, b_high) = ends
        bars.append(TornadoBar(driver_id, d.label_en, d.label_fr, d.kind, low, high, float(v_low), float(v_high),
                               float(abs(v_high - v_low)), b_low, b_high))
    bars.sort(key=lambda b: -b.swing)
    return Tornado(target, float(base), bars, runs, time.perf_counter() - started)
