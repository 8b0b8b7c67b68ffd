"""Monte Carlo: how sure we are.  Draws the uncertain drivers and costs every scenario per draw.

Each driver of :mod:`xlmodel.analytics.drivers` marked for the Monte Carlo is drawn independently
from its ``[risk]`` range ``[low, high]`` with mode 0 (the case's own value):

- ``pert`` (default): ``low + (high - low) * Beta(a, b)`` with ``a = 1 + 4 (0 - low) / (high - low)``
  and ``b = 1 + 4 (high - 0) / (high - low)`` (the classic PERT, lambda = 4);
- ``triangular``: ``numpy.random.Generator.triangular(low, 0, high)``.

Each driver has its own random stream (``numpy.random.SeedSequence(seed).spawn``), so a seeded
run is reproducible, and changing one driver's range (or a vendor's price, which is never drawn)
leaves the other draws unchanged: common random numbers, so that two runs compare like with like.

Every draw is costed by :class:`xlmodel.analytics.vector.ArrayModel` (the model's rows over arrays
of draws, square-root staffing fitted to the engine's Erlang C sizing), in blocks of ``chunk`` draws
on up to two threads.  ``npv_savings = (npv_cost[inhouse] - one_off[inhouse]) - npv_cost[scenario]``,
as :func:`xlmodel.engine.compare`.  ``p_cheapest`` is the share of draws in which a scenario has the
lowest NPV of cost among the scenarios meeting the target service in that draw (the model's
``comparable`` row: never the status quo, nor a vendor whose drawn commitment falls below a live
channel's target; ties go to the first in scenario order).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from ..case import Case
from ..engine import Comparison, compare
from . import drivers as drv
from .vector import ArrayModel, ArrayResult, large_array_allocator

DEFAULT_CHUNK = 2000
PERCENTILES = (10, 50, 90)


@dataclass
class ScenarioRisk:
    """One scenario's distribution over the draws (money in the case currency)."""

    id: str
    kind: str
    label_en: str
    label_fr: str
    npv_cost_p10: float
    npv_cost_p50: float
    npv_cost_p90: float
    npv_cost_mean: float
    npv_savings_p10: float
    npv_savings_p50: float
    npv_savings_p90: float
    npv_savings_mean: float
    p_savings_positive: float
    p_cheapest: float
    meets_target_service: bool

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class RiskResult:
    """The Monte Carlo of a case: per-scenario percentiles and the probability of being cheapest."""

    draws: int
    seed: int
    distribution: str
    drivers: list[dict]
    scenarios: list[ScenarioRisk]
    most_often_cheapest: str
    seconds: float
    chunk: int
    peak_bytes: int
    npv_cost: np.ndarray = field(repr=False)      # (draws, scenarios)
    npv_savings: np.ndarray = field(repr=False)   # (draws, scenarios)

    def scenario(self, scenario_id: str) -> ScenarioRisk:
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(scenario_id)

    def histogram(self, scenario_id: str, bins: int = 20, what: str = "npv_savings") -> dict:
        """Counts and bin edges of a scenario's NPV of savings (or ``npv_cost``), for a chart."""
        j = [s.id for s in self.scenarios].index(scenario_id)
        values = (self.npv_savings if what == "npv_savings" else self.npv_cost)[:, j]
        counts, edges = np.histogram(values, bins=bins)
        return {"scenario": scenario_id, "what": what, "counts": counts.tolist(), "edges": edges.tolist()}

    def as_json(self) -> dict:
        """The result as plain data; its run time (``seconds``) is left out, so that a seeded run
        always gives the same JSON."""
        return {"draws": self.draws, "seed": self.seed, "distribution": self.distribution,
                "drivers": self.drivers, "most_often_cheapest": self.most_often_cheapest,
                "chunk": self.chunk, "peak_bytes": self.peak_bytes,
                "scenarios": [s.as_json() for s in self.scenarios]}


def monte_carlo_drivers(case: Case) -> list[str]:
    """The drivers the Monte Carlo draws (those with a non-empty range)."""
    return [d.id for d in drv.DRIVERS if d.monte_carlo and drv.driver_range(case, d.id) != (0.0, 0.0)]


def sample_changes(case: Case, draws: int, seed: int) -> dict[str, np.ndarray]:
    """Driver id -> ``draws`` changes (relative or in points), reproducible for a given seed."""
    streams = np.random.SeedSequence(seed).spawn(len(drv.DRIVERS))
    wanted = set(monte_carlo_drivers(case))
    out = {}
    for d, stream in zip(drv.DRIVERS, streams):
        if d.id not in wanted:
            continue
        low, high = drv.driver_range(case, d.id)
        rng = np.random.default_rng(stream)
        if case.risk.distribution == "triangular":
            out[d.id] = rng.triangular(low, 0.0, high, size=draws)
        else:
            a = 1 + 4 * (0.0 - low) / (high - low)
            b = 1 + 4 * (high - 0.0) / (high - low)
            out[d.id] = low + (high - low) * rng.beta(a, b, size=draws)
    return out


def array_model(case: Case, comparison: Comparison | None = None, driver_ids=None) -> ArrayModel:
    """The vectorised model of a case, ready for draws of ``driver_ids`` (default: the MC drivers)."""
    comparison = comparison or compare(case)
    ids = monte_carlo_drivers(case) if driver_ids is None else list(driver_ids)
    refs = [ref for d in ids for ref in drv.driver_refs(case, d)]
    return ArrayModel(case, refs, comparison.evaluation)


def evaluate_changes(model: ArrayModel, changes: dict[str, np.ndarray], chunk: int = DEFAULT_CHUNK,
                     workers: int | None = None) -> ArrayResult:
    """Cost every draw of the driver changes, in blocks of ``chunk`` draws on ``workers`` threads."""
    case = model.case
    draws = len(next(iter(changes.values()))) if changes else 1
    blocks = [(start, min(draws, start + chunk)) for start in range(0, draws, chunk)]
    workers = workers or min(2, os.cpu_count() or 1)

    def run(block):
        start, stop = block
        return model.evaluate(drv.overrides(case, {k: v[start:stop] for k, v in changes.items()})
                              if changes else {})
    with large_array_allocator():
        if workers > 1 and len(blocks) > 1:
            with ThreadPoolExecutor(workers) as pool:
                parts = list(pool.map(run, blocks))
        else:
            parts = [run(b) for b in blocks]
    return ArrayResult(model.scenario_ids, *(np.concatenate([getattr(p, name) for p in parts])
                                             for name in ("npv_cost", "annual_cost", "one_off_cost", "comparable")))


def run_risk(case: Case, draws: int | None = None, seed: int | None = None, *,
             comparison: Comparison | None = None, chunk: int = DEFAULT_CHUNK,
             workers: int | None = None) -> RiskResult:
    """The Monte Carlo of a case (``draws`` and ``seed`` default to the case's ``[risk]`` table).

    >>> from xlmodel.case import example_case
    >>> risk = run_risk(example_case(), draws=200, seed=1)
    >>> round(sum(s.p_cheapest for s in risk.scenarios), 6)
    1.0
    """
    started = time.perf_counter()
    draws = int(case.risk.draws if draws is None else draws)
    seed = int(case.risk.seed if seed is None else seed)
    if draws < 1:
        raise ValueError("draws must be >= 1")
    comparison = comparison or compare(case)
    model = array_model(case, comparison)
    changes = sample_changes(case, draws, seed)
    result = evaluate_changes(model, changes, chunk=chunk, workers=workers)
    scen = comparison.scenarios
    ids = [s.id for s in scen]
    inh = ids.index("inhouse")
    npv = result.npv_cost
    savings = (npv[:, [inh]] - result.one_off_cost[:, [inh]]) - npv
    masked = np.where(result.comparable == 1, npv, np.inf)  # per draw: a drawn commitment may miss the target
    cheapest = np.bincount(np.argmin(masked, axis=1), minlength=len(ids)) / draws
    cost_q = np.percentile(npv, PERCENTILES, axis=0)
    save_q = np.percentile(savings, PERCENTILES, axis=0)
    out = []
    for j, s in enumerate(scen):
        out.append(ScenarioRisk(
            id=s.id, kind=s.kind, label_en=s.label_en, label_fr=s.label_fr,
            npv_cost_p10=float(cost_q[0, j]), npv_cost_p50=float(cost_q[1, j]), npv_cost_p90=float(cost_q[2, j]),
            npv_cost_mean=float(npv[:, j].mean()),
            npv_savings_p10=float(save_q[0, j]), npv_savings_p50=float(save_q[1, j]),
            npv_savings_p90=float(save_q[2, j]), npv_savings_mean=float(savings[:, j].mean()),
            p_savings_positive=float((savings[:, j] > 0).mean()), p_cheapest=float(cheapest[j]),
            meets_target_service=s.meets_target_service))
    driver_info = []
    for d in drv.DRIVERS:
        low, high = drv.driver_range(case, d.id)
        driver_info.append({"id": d.id, "label": d.label_en, "kind": d.kind, "low": low, "mode": 0.0,
                            "high": high, "drawn": d.id in changes})
    return RiskResult(
        draws=draws, seed=seed, distribution=case.risk.distribution, drivers=driver_info, scenarios=out,
        most_often_cheapest=ids[int(np.argmax(cheapest))], seconds=time.perf_counter() - started,
        chunk=chunk, peak_bytes=model.peak_bytes(min(chunk, draws)) * (workers or min(2, os.cpu_count() or 1)),
        npv_cost=npv, npv_savings=savings)


def loop_npv_costs(case: Case, changes: dict[str, np.ndarray], draws: int) -> np.ndarray:
    """The straightforward way, for comparison: one exact engine run per draw.  ``(draws, scenarios)``."""
    out = []
    for k in range(draws):
        moved = drv.apply(case, {d: float(v[k]) for d, v in changes.items()})
        out.append([s.npv_cost for s in compare(moved).scenarios])
    return np.array(out)
