"""The finance of an outsourcing decision: NPV, ROI, payback and IRR (DESIGN sections 4 to 6).

Timing convention: year y's flow is discounted by (1 + r)^y (end of year); one-off costs are paid
at signature, t = 0, undiscounted.

Warnings
--------
Excel's ``NPV(rate, values)`` discounts its *first* value by one period; it is right for the yearly
flows here but wrong for a one-off cost at t = 0 placed in the same range. The workbook therefore
uses explicit discount factors, and these functions never call an NPV with implicit timing.

>>> outsource_npv(1000, 800, 300, years=3, discount_rate=0.0)
300.0
>>> payback_months_for(1000, 800, 300, years=3)
18
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import numpy_financial as npf

PAYBACK_TOLERANCE = 1e-9  # an exact hit counts, whatever the floating-point noise


def _rate(discount_rate: float) -> float:
    if isinstance(discount_rate, bool) or not isinstance(discount_rate, (int, float, np.floating)):
        raise ValueError(f"discount_rate must be a number (found {discount_rate!r})")
    if not math.isfinite(discount_rate) or discount_rate <= -1:
        raise ValueError(f"discount_rate must be > -1 (found {discount_rate!r})")
    return float(discount_rate)


def yearly_costs(cost, years: int | None = None, escalation: float = 0.0) -> np.ndarray:
    """Yearly costs from one number (year 1, escalated) or a sequence (one value per year).

    A number: cost_y = cost x (1 + escalation)^(y - 1) for y = 1 .. years.
    A sequence: taken as is; its length sets the years (a different ``years`` is an error, and so is
    an escalation, which would apply twice).

    >>> yearly_costs(100, 3, 0.1).round(2).tolist()
    [100.0, 110.0, 121.0]
    """
    if np.ndim(cost) == 0:
        if years is None:
            raise ValueError("years is required when the cost is a single number")
        if isinstance(years, bool) or years != int(years) or years < 1:
            raise ValueError(f"years must be a whole number >= 1 (found {years!r})")
        if escalation <= -1:
            raise ValueError(f"escalation must be > -1 (found {escalation!r})")
        return float(cost) * (1.0 + escalation) ** np.arange(int(years))
    values = np.asarray(cost, dtype=float).ravel()
    if values.size == 0:
        raise ValueError("a cost range must hold at least one year")
    if years is not None and int(years) != values.size:
        raise ValueError(f"years ({years}) contradicts the length of the cost range ({values.size})")
    if escalation:
        raise ValueError("escalation applies to a single yearly cost, not to a range of yearly costs")
    return values


def discount_factors(discount_rate: float, years: int) -> np.ndarray:
    """1 / (1 + r)^y for y = 1 .. years (end-of-year discounting)."""
    r = _rate(discount_rate)
    return 1.0 / (1.0 + r) ** np.arange(1, int(years) + 1)


def npv_cost(annual_costs: Sequence[float], one_off_cost: float, discount_rate: float) -> float:
    """NPV of cost = one-off + sum_y cost_y / (1 + r)^y.

    >>> round(npv_cost([110, 121], 50, 0.1), 6)
    250.0
    """
    costs = np.asarray(annual_costs, dtype=float)
    return float(one_off_cost + costs @ discount_factors(discount_rate, costs.size))


def npv_savings(inhouse_annual: Sequence[float], scenario_annual: Sequence[float], one_off_cost: float,
                discount_rate: float) -> float:
    """NPV of savings = - one_off + sum_y (in-house_y - scenario_y) / (1 + r)^y."""
    inhouse = np.asarray(inhouse_annual, dtype=float)
    scenario = np.asarray(scenario_annual, dtype=float)
    if inhouse.shape != scenario.shape:
        raise ValueError(f"in-house and scenario costs have different lengths ({inhouse.size} and {scenario.size})")
    return float(-one_off_cost + (inhouse - scenario) @ discount_factors(discount_rate, inhouse.size))


def roi(inhouse_annual, scenario_annual, one_off_cost: float, discount_rate: float) -> float:
    """ROI = NPV of savings / one-off cost (the one-off cost must be > 0)."""
    if one_off_cost <= 0:
        raise ValueError(f"one_off_cost must be > 0 for a ROI (found {one_off_cost:g})")
    return npv_savings(inhouse_annual, scenario_annual, one_off_cost, discount_rate) / one_off_cost


def payback_months(annual_savings: Sequence[float], one_off_cost: float) -> int | None:
    """First whole month at which the cumulative undiscounted saving reaches the one-off cost.

    Each year's saving is spread evenly over its 12 months. 0 when there is no one-off cost; None
    when it is not reached within the years given.

    >>> payback_months([120, 120], 30), payback_months([120], 200), payback_months([-5], 0)
    (3, None, 0)
    """
    if one_off_cost <= 0:
        return 0
    cumulative = 0.0
    for year, saving in enumerate(np.asarray(annual_savings, dtype=float)):
        monthly = saving / 12.0
        for month in range(1, 13):
            cumulative += monthly
            if cumulative >= one_off_cost - PAYBACK_TOLERANCE * max(1.0, abs(one_off_cost)):
                return 12 * year + month
    return None


def irr(one_off_cost: float, annual_savings: Sequence[float]) -> float | None:
    """The rate at which the NPV of savings is 0 (flows: -one_off at t = 0, then the savings).

    None when no real rate exists (no sign change).

    >>> round(irr(100, [60, 60]), 6)
    0.130662
    """
    flows = np.concatenate(([-float(one_off_cost)], np.asarray(annual_savings, dtype=float)))
    if not (flows > 0).any() or not (flows < 0).any():
        return None
    value = npf.irr(flows)
    return None if value is None or not math.isfinite(value) else float(value)


def _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation):
    single_in, single_out = np.ndim(inhouse_cost) == 0, np.ndim(outsourced_cost) == 0
    if single_in and single_out:
        n = years
    else:
        n = (np.size(inhouse_cost) if not single_in else np.size(outsourced_cost))
        if years is not None and years != n and not (single_in and single_out):
            raise ValueError(f"years ({years}) contradicts the length of the cost range ({n})")
    inhouse = yearly_costs(inhouse_cost, n if single_in else None, inhouse_escalation)
    outsourced = yearly_costs(outsourced_cost, n if single_out else None, outsourced_escalation)
    if inhouse.size != outsourced.size:
        raise ValueError(f"inhouse_cost and outsourced_cost have different lengths ({inhouse.size} and "
                         f"{outsourced.size})")
    return inhouse, outsourced


def outsource_npv(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = 5,
                  discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                  outsourced_escalation: float = 0.0) -> float:
    """OUTSOURCE_NPV of DESIGN section 5: -one_off + sum_y (in-house_y - outsourced_y) / (1 + r)^y.

    A cost is one number (year 1, escalated each year) or one value per year, whose length then sets
    the number of years.

    >>> round(outsource_npv(1000, 800, 300, 2, 0.1), 4)
    47.1074
    """
    _rate(discount_rate)
    inhouse, outsourced = _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation)
    return npv_savings(inhouse, outsourced, one_off_cost, discount_rate)


def outsource_roi(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = 5,
                  discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                  outsourced_escalation: float = 0.0) -> float:
    """OUTSOURCE_ROI = OUTSOURCE_NPV / one_off_cost (one_off_cost must be > 0)."""
    if one_off_cost <= 0:
        raise ValueError(f"one_off_cost must be > 0 for a ROI (found {one_off_cost:g})")
    return outsource_npv(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                         outsourced_escalation) / one_off_cost


def payback_months_for(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = 5,
                       discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                       outsourced_escalation: float = 0.0) -> int | None:
    """PAYBACK_MONTHS of DESIGN section 5 (the discount rate plays no part: payback is undiscounted)."""
    inhouse, outsourced = _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation)
    return payback_months(inhouse - outsourced, one_off_cost)


def outsource_irr(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = 5,
                  discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                  outsourced_escalation: float = 0.0) -> float | None:
    """OUTSOURCE_IRR: the rate at which OUTSOURCE_NPV is 0 (None if there is none)."""
    inhouse, outsourced = _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation)
    return irr(one_off_cost, inhouse - outsourced)
