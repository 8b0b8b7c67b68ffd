"""Break-even: where the answer flips.  All figures from the exact engine (:func:`xlmodel.engine.compare`).

- **Break-even price**, per vendor: the price, in the vendor's own pricing unit, at which its
  outsourced scenario has the NPV of cost of in-house at target service (``npv_savings = 0``).  The
  NPV of savings falls as the price rises (the model is linear in the price, except that the
  minimum monthly invoice is a floor, a kink), so a bracketing root finder (Brent) over the engine
  finds it to well within 1 currency unit (the price moves no staffing, so the search runs on the
  vectorised rows, exact here); the result is checked by one exact engine run.  When
  even a price near 0 does not pay back (one-off costs, minimum invoice, governance), there is no
  break-even: ``price`` is ``None`` with the reason.  ``minimum_binds`` tells whether the minimum
  invoice is the floor in some month at the break-even price.
- **Break-even volume**, per vendor: every channel's annual volume scaled by one factor, searched
  over ``VOLUME_FACTORS`` (x 0.25 to x 4, a geometric grid, then Brent on each sign change); the
  crossing nearest today's volume is reported as the year-1 annual volume (all channels).  Erlang
  staffing moves in whole agents, so the saving is a step function of volume: the crossing is
  exact to within a few contacts' worth of steps, not to 1 currency unit.  None when the sign does
  not change within the range (said so in ``volume_note``).
- **Hybrid share**: with ``[hybrid] mode = "share"`` (whatever the case's mode), the share of volume
  sent to each vendor that minimises the hybrid scenario's NPV of cost: a scan of
  ``SHARE_GRID`` then a bounded scalar search (``scipy.optimize.minimize_scalar``) around the best
  grid point.

Cost: linear in the number of vendors. A vendor's scenarios and the in-house reference do not
depend on the other vendors, so each per-vendor search runs on the case with that vendor alone
(:func:`vendor_alone`) and the grids run once on the whole case; searching on the whole case
would re-cost every vendor at each step of every vendor's search (quadratic: 24 vendors took 12 s).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from ..case import Case
from ..engine import Comparison, compare
from ..model import ChannelInput, VendorInput
from . import drivers as drv
from .vector import ArrayModel

VOLUME_FACTORS = (0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0)
SHARE_GRID = tuple(np.round(np.linspace(0.0, 1.0, 11), 10))


@dataclass
class VendorBreakEven:
    vendor: str
    scenario_id: str
    pricing_model: str
    price: float
    break_even_price: float | None
    price_headroom: float | None      # break-even / quoted price - 1
    npv_savings_at_break_even: float | None
    minimum_binds: bool
    price_note: str
    break_even_volume: float | None   # contacts per year, all channels, year 1
    volume_factor: float | None       # x today's volume
    volume_note: str

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class HybridShare:
    vendor: str
    scenario_id: str
    best_share: float
    npv_cost_at_best: float
    npv_cost_by_share: dict[float, float]

    def as_json(self) -> dict:
        d = dict(self.__dict__)
        d["npv_cost_by_share"] = {f"{k:g}": v for k, v in self.npv_cost_by_share.items()}
        return d


@dataclass
class BreakEven:
    vendors: list[VendorBreakEven]
    hybrid_share: list[HybridShare]
    annual_volume: float
    evaluations: int

    def as_json(self) -> dict:
        return {"annual_volume": self.annual_volume, "evaluations": self.evaluations,
                "vendors": [v.as_json() for v in self.vendors],
                "hybrid_share": [h.as_json() for h in self.hybrid_share]}


class _Counter:
    def __init__(self):
        self.runs = 0

    def compare(self, case: Case) -> Comparison:
        self.runs += 1
        return compare(case)


def vendor_alone(case: Case, vendor_index: int) -> Case:
    """The case with one vendor only (then at index 0), hybrid scenario included if it has one.

    Its in-house, outsourced and hybrid scenarios are those of the whole case, computed the same
    way, at a cost that does not grow with the number of vendors.
    """
    v = case.vendors[vendor_index]
    if len(case.vendors) == 1:
        return case
    return case.replace(vendors=(v,), portfolios=(), hybrid=replace(case.hybrid, vendors=tuple(
        name for name in case.hybrid.vendors if name == v.name)))


def break_even_price(case: Case, vendor_index: int, runs: _Counter | None = None,
                     comparison: Comparison | None = None) -> tuple:
    """``(price or None, npv_savings there, minimum_binds, note)`` for one vendor's outsourced scenario.

    The price moves no staffing, so the search runs on :class:`~xlmodel.analytics.vector.ArrayModel`
    with the price as its only varying input (exact here: every staffing row keeps the engine's
    Erlang C sizing), and the root is then checked by one exact engine run; both on the case with
    this vendor alone (``comparison``, when given, must be that case's).
    """
    from scipy.optimize import brentq  # here: unpickling a result in the build's parent needs no scipy

    runs = runs or _Counter()
    if len(case.vendors) > 1:
        case, vendor_index, comparison = vendor_alone(case, vendor_index), 0, None
    comparison = comparison or runs.compare(case)
    v = case.vendors[vendor_index]
    sid = f"outsourced:{v.name}"
    ref = VendorInput(vendor_index, "price")
    model = ArrayModel(case, [ref], comparison.evaluation)
    j, inh = model.scenario_ids.index(sid), model.scenario_ids.index("inhouse")

    def savings(price: float) -> float:
        npv = model.evaluate({ref: np.array([price])}).npv_cost[0]
        return float(npv[inh] - npv[j])

    low = v.price * 1e-9
    s_low = savings(low)
    if s_low < 0:
        return None, None, False, (f"no break-even: even at a price near 0 outsourcing costs "
                                   f"{-s_low:,.0f} more in NPV (one-off costs, minimum invoice, governance)")
    high = v.price
    s_high = savings(high)
    while s_high > 0:
        high *= 2
        s_high = savings(high)
        if high > v.price * 2 ** 40:
            return None, None, False, "no break-even: the saving does not fall with the price"
    price = brentq(savings, low, high, xtol=1e-12, rtol=4 * np.finfo(float).eps, maxiter=200)
    moved = runs.compare(drv.with_inputs(case, {ref: price}))
    at = moved.scenario(sid).npv_savings
    ev = moved.evaluation
    base = np.asarray(ev.values[ev.model.scenario(sid).key("vendor_base")])
    binds = bool(np.any(base < v.minimum_monthly))
    note = "the minimum monthly invoice is the floor in some months at this price" if binds else ""
    return float(price), float(at), binds, note


def break_even_volumes(case: Case, runs: _Counter | None = None) -> dict[str, tuple]:
    """Vendor name -> ``(factor or None, note)``: the volume factor where outsourcing and in-house cross."""
    from scipy.optimize import brentq

    runs = runs or _Counter()
    names = [v.name for v in case.vendors]

    def scaled(factor: float, of: Case = case) -> Case:
        return drv.with_inputs(of, {ChannelInput(i, "annual_volume"): c.annual_volume * factor
                                    for i, c in enumerate(of.channels)})

    grid = {f: runs.compare(scaled(f)) for f in VOLUME_FACTORS}
    out = {}
    for i, name in enumerate(names):
        sid = f"outsourced:{name}"
        values = [grid[f].scenario(sid).npv_savings for f in VOLUME_FACTORS]
        crossings = []
        alone = vendor_alone(case, i)
        for (f0, v0), (f1, v1) in zip(zip(VOLUME_FACTORS, values), zip(VOLUME_FACTORS[1:], values[1:])):
            if v0 == 0:
                crossings.append(f0)
            elif (v0 < 0) != (v1 < 0):
                crossings.append(brentq(lambda f: runs.compare(scaled(f, alone)).scenario(sid).npv_savings,
                                        f0, f1, xtol=1e-3))
        if not crossings:
            sign = "saves" if values[0] > 0 else "costs more"
            out[name] = (None, f"no crossing between x{VOLUME_FACTORS[0]:g} and x{VOLUME_FACTORS[-1]:g} of "
                               f"today's volume: outsourcing {sign} throughout")
        else:
            nearest = min(crossings, key=lambda f: abs(math.log(f)))
            more = "" if len(crossings) == 1 else f" ({len(crossings)} crossings in range; nearest shown)"
            direction = "saves above this volume" if values[-1] > 0 else "saves below this volume"
            out[name] = (float(nearest), f"outsourcing {direction}{more}")
    return out


def best_hybrid_shares(case: Case, runs: _Counter | None = None) -> list[HybridShare]:
    """Per hybrid vendor, the share of volume sent to it that minimises the NPV of cost (share mode)."""
    from scipy.optimize import minimize_scalar

    runs = runs or _Counter()
    if not case.hybrid.vendors:
        return []
    base = case.replace(hybrid=replace(case.hybrid, mode="share"))

    def at(share: float, of: Case = base) -> Comparison:
        return runs.compare(of.replace(hybrid=replace(of.hybrid, share=float(share))))

    grid = {float(s): at(s) for s in SHARE_GRID}
    index = {v.name: i for i, v in enumerate(case.vendors)}
    out = []
    for name in case.hybrid.vendors:
        sid = f"hybrid:{name}"
        costs = {s: r.scenario(sid).npv_cost for s, r in grid.items()}
        best = min(costs, key=costs.get)
        share, cost = best, costs[best]
        if 0.0 < best < 1.0:  # refine an interior minimum; at an end the grid already says it
            alone = vendor_alone(base, index[name])
            found = minimize_scalar(lambda s: at(s, alone).scenario(sid).npv_cost, bounds=(best - 0.1, best + 0.1),
                                    method="bounded", options={"xatol": 0.01})
            if found.fun < cost:
                share, cost = float(found.x), float(found.fun)
        out.append(HybridShare(name, sid, share, cost, costs))
    return out


def break_even(case: Case, comparison: Comparison | None = None) -> BreakEven:
    """Break-even price and volume per vendor, and the cost-minimising hybrid share (see module)."""
    comparison = comparison or compare(case)
    runs = _Counter()
    volumes = break_even_volumes(case, runs)
    total = float(sum(c.annual_volume for c in case.channels))
    vendors = []
    for i, v in enumerate(case.vendors):
        price, at, binds, note = break_even_price(case, i, runs, comparison)
        factor, vnote = volumes[v.name]
        vendors.append(VendorBreakEven(
            vendor=v.name, scenario_id=f"outsourced:{v.name}", pricing_model=v.pricing_model, price=v.price,
            break_even_price=price, price_headroom=None if price is None else price / v.price - 1,
            npv_savings_at_break_even=at, minimum_binds=binds, price_note=note,
            break_even_volume=None if factor is None else factor * total, volume_factor=factor, volume_note=vnote))
    shares = best_hybrid_shares(case, runs)
    return BreakEven(vendors, shares, total, runs.runs)
