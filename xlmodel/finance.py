"""The finance of an outsourcing decision: NPV, ROI, payback and IRR (docs/method.md, "Money").

Money is in the case currency, rates are fractions (0.08 for 8 %).

Timing convention: year y's flow is discounted by (1 + r)^y (end of year y); one-off costs are paid
at signature, t = 0, undiscounted.

Warnings
--------
Excel's ``NPV(rate, values)`` discounts its *first* value by one period. It is right for the yearly
flows here but wrong for a one-off cost at t = 0 put in the same range, and numpy-financial's
``npv`` does the opposite (its first value is at t = 0). The workbook therefore uses explicit
discount factors, and these functions never call an NPV with implicit timing.

Examples
--------
Saving 200 a year for 3 years against a one-off cost of 300, at a 0 % rate:

>>> outsource_npv(1000, 800, 300, years=3, discount_rate=0.0)
300.0
>>> outsource_payback_months(1000, 800, 300, years=3)
18
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import numpy_financial as npf

from .arguments import number, whole_number

#: An exact payback hit counts, whatever the floating-point noise (relative to the one-off cost).
PAYBACK_TOLERANCE = 1e-9
#: Years of a comparison when both costs are single numbers and ``years`` is not given.
DEFAULT_YEARS = 5


def _rate(discount_rate) -> float:
    return number("discount_rate", discount_rate, above=-1)


def _stream(name: str, values) -> np.ndarray:
    flows = np.asarray(values, dtype=float).ravel()
    if flows.size == 0:
        raise ValueError(f"{name} must hold at least one year")
    if not np.isfinite(flows).all():
        raise ValueError(f"{name} must hold finite numbers (found {flows[~np.isfinite(flows)][0]!r})")
    return flows


def yearly_costs(cost, years: int | None = None, escalation: float = 0.0, name: str = "cost") -> np.ndarray:
    """Yearly costs from one number (year 1, escalated) or a sequence (one value per year).

    Parameters
    ----------
    cost : float or sequence of float
        The year-1 annual cost, or one annual cost per year.
    years : int, optional
        Number of years; required for a single number. For a sequence, its length sets the years
        and a different ``years`` is an error.
    escalation : float, default 0
        Yearly growth of a single number, a fraction (> -1). Must be 0 for a sequence, where it
        would apply twice.
    name : str
        The argument's name in error messages.

    Returns
    -------
    numpy.ndarray
        cost_y = cost x (1 + escalation)^(y - 1) for y = 1 .. years, or the sequence as floats.

    Examples
    --------
    >>> yearly_costs(100, 3, 0.1).round(2).tolist()
    [100.0, 110.0, 121.0]
    >>> yearly_costs([100, 90], 3)
    Traceback (most recent call last):
    ...
    ValueError: years (3) contradicts the length of cost (2)
    """
    if np.ndim(cost) == 0:
        value = number(name, cost)
        if years is None:
            raise ValueError(f"years is required when {name} is a single number")
        n_years = whole_number("years", years, minimum=1)
        growth = number("escalation", escalation, above=-1)
        return value * (1.0 + growth) ** np.arange(n_years)
    values = _stream(name, cost)
    if years is not None and years != values.size:
        raise ValueError(f"years ({years:g}) contradicts the length of {name} ({values.size})")
    if escalation:
        raise ValueError(f"escalation applies to a single yearly cost, not to a range of yearly costs ({name})")
    return values


def discount_factors(rate, years: int) -> np.ndarray:
    """End-of-year discount factors 1 / (1 + r)^y for y = 1 .. years.

    ``rate`` is a number (factors of shape ``(years,)``) or an array of rates, one per Monte Carlo
    draw (factors of shape ``(draws, years)``, one row per rate): the one definition the engine,
    the economic view and the vectorised Monte Carlo share.

    Examples
    --------
    >>> discount_factors(0.25, 2).tolist()
    [0.8, 0.64]
    >>> discount_factors(np.array([0.0, 0.25]), 2).tolist()
    [[1.0, 1.0], [0.8, 0.64]]
    """
    r = _rate(rate) if np.ndim(rate) == 0 else np.asarray(rate, dtype=float).reshape(-1, 1)
    return 1.0 / (1.0 + r) ** np.arange(1, int(years) + 1)


def npv_cost(annual_costs: Sequence[float], one_off_cost: float, discount_rate: float) -> float:
    """Present value of a scenario's costs.

    NPV_cost = one_off + sum_y cost_y / (1 + r)^y, year y at its end, the one-off at t = 0.

    Examples
    --------
    One-off 50, then 110 and 121 at 10 %: 50 + 110/1.1 + 121/1.21 = 250.

    >>> round(npv_cost([110, 121], 50, 0.1), 6)
    250.0
    """
    costs = _stream("annual_costs", annual_costs)
    return float(number("one_off_cost", one_off_cost) + costs @ discount_factors(discount_rate, costs.size))


def npv_savings(inhouse_annual: Sequence[float], scenario_annual: Sequence[float], one_off_cost: float,
                discount_rate: float) -> float:
    """Present value of the savings of a scenario against in-house.

    NPV_savings = -one_off + sum_y (in-house_y - scenario_y) / (1 + r)^y.

    Examples
    --------
    Saving 200 a year for 2 years at 10 %, one-off 300: -300 + 200/1.1 + 200/1.21.

    >>> round(npv_savings([1000, 1000], [800, 800], 300, 0.1), 4)
    47.1074
    """
    inhouse = _stream("inhouse_annual", inhouse_annual)
    scenario = _stream("scenario_annual", scenario_annual)
    if inhouse.shape != scenario.shape:
        raise ValueError(f"in-house and scenario costs have different lengths ({inhouse.size} and "
                         f"{scenario.size})")
    one_off = number("one_off_cost", one_off_cost)
    return float(-one_off + (inhouse - scenario) @ discount_factors(discount_rate, inhouse.size))


def roi(inhouse_annual: Sequence[float], scenario_annual: Sequence[float], one_off_cost: float,
        discount_rate: float) -> float:
    """Return on the one-off investment: ROI = NPV_savings / one_off (the one-off must be > 0).

    Examples
    --------
    >>> roi([1000] * 3, [800] * 3, 300, 0.0)
    1.0
    """
    one_off = number("one_off_cost", one_off_cost)
    if one_off <= 0:
        raise ValueError(f"one_off_cost must be > 0 for a ROI (found {one_off:g})")
    return npv_savings(inhouse_annual, scenario_annual, one_off, discount_rate) / one_off


def payback_months(annual_savings: Sequence[float], one_off_cost: float) -> int | None:
    """First whole month at which the cumulative undiscounted saving reaches the one-off cost.

    Parameters
    ----------
    annual_savings : sequence of float
        Saving of each year (in-house cost - scenario cost), year 1 first.
    one_off_cost : float
        Paid at t = 0, >= 0.

    Returns
    -------
    int or None
        Month m (1 = end of the first month) at which sum of monthly savings >= one_off, each
        year's saving spread evenly over its 12 months; 0 when there is no one-off cost; None when
        it is not reached within the years given. Undiscounted, as finance teams quote it.

    Examples
    --------
    120 a year is 10 a month: 30 is recovered at the end of month 3.

    >>> payback_months([120, 120], 30), payback_months([120], 200), payback_months([-5], 0)
    (3, None, 0)
    """
    savings = _stream("annual_savings", annual_savings)
    one_off = number("one_off_cost", one_off_cost, minimum=0)
    if one_off == 0:
        return 0
    goal = one_off - PAYBACK_TOLERANCE * one_off
    recovered = 0.0
    for year, saving in enumerate(savings):
        monthly = saving / 12.0
        if monthly > 0 and recovered + 12 * monthly >= goal:  # reached during this year
            for month in range(1, 13):
                if recovered + month * monthly >= goal:
                    return 12 * year + month
        recovered += saving
    return None


def sign_changes(flows: Sequence[float]) -> int:
    """How many times a stream of cash flows changes sign from one period to the next.

    The rule of the model's ``sign_changes`` row: a period counts when its flow and the previous
    one have opposite signs (their product is < 0), so a period of exactly 0 counts as no change.

    Examples
    --------
    >>> sign_changes([-100, 60, 60]), sign_changes([-100, 300, -50]), sign_changes([-1, 0, 1])
    (1, 2, 0)
    """
    values = _stream("flows", flows)
    return int(np.count_nonzero(values[1:] * values[:-1] < 0))


def irr(one_off_cost: float, annual_savings: Sequence[float]) -> float | None:
    """The rate at which the NPV of savings is 0 (flows: -one_off at t = 0, then the savings).

    Returns
    -------
    float or None
        r such that -one_off + sum_y s_y / (1 + r)^y = 0 (numpy-financial's ``irr`` on
        [-one_off, s_1 .. s_n]); None when no real rate exists (the flows never change sign), when
        the flows change sign more than once (:func:`sign_changes`: there may be several rates, and
        no single one describes the investment) or when none is found.

    Warnings
    --------
    With two sign changes, numpy-financial and Excel's ``IRR()`` each return one of the roots, not
    the same one (-43 % and +726 % for one case of two roots): neither is an IRR to report.

    Examples
    --------
    >>> round(irr(100, [60, 60]), 6)
    0.130662
    >>> irr(100, [10, 10]) < 0, irr(100, [-10]) is None, irr(100, [300, -50]) is None
    (True, True, True)
    """
    flows = np.concatenate(([-number("one_off_cost", one_off_cost)], _stream("annual_savings", annual_savings)))
    if not (flows > 0).any() or not (flows < 0).any() or sign_changes(flows) > 1:
        return None
    value = npf.irr(flows)
    return None if value is None or not math.isfinite(value) else float(value)


def _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation):
    """The two yearly cost streams of the Excel functions, with the length rules checked by name."""
    ranges = {name: np.size(value) for name, value in (("inhouse_cost", inhouse_cost),
                                                       ("outsourced_cost", outsourced_cost))
              if np.ndim(value) > 0}
    if len(set(ranges.values())) > 1:
        raise ValueError(f"inhouse_cost and outsourced_cost have different lengths ({ranges['inhouse_cost']} and "
                         f"{ranges['outsourced_cost']})")
    if ranges:
        length_name, length = next(iter(ranges.items()))
        if years is not None and years != length:
            raise ValueError(f"years ({years:g}) contradicts the length of {length_name} ({length})")
        years = length
    elif years is None:
        years = DEFAULT_YEARS
    inhouse = yearly_costs(inhouse_cost, years, inhouse_escalation, "inhouse_cost")
    outsourced = yearly_costs(outsourced_cost, years, outsourced_escalation, "outsourced_cost")
    return inhouse, outsourced


def _one_off(one_off_cost) -> float:
    return number("one_off_cost", one_off_cost, minimum=0)


def outsource_npv(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = None,
                  discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                  outsourced_escalation: float = 0.0) -> float:
    """NPV of outsourcing: the Excel function OUTSOURCE_NPV.

    Parameters
    ----------
    inhouse_cost, outsourced_cost : float or sequence of float
        Annual cost: one number (year 1, escalated each year) or one value per year, whose length
        then sets the number of years (both ranges the same length).
    one_off_cost : float
        Transition cost paid at signature, t = 0 (>= 0).
    years : int, optional
        Number of years; default 5 when both costs are single numbers, the ranges' length
        otherwise (a different value is an error).
    discount_rate : float, default 0.08
        Per year, a fraction > -1.
    inhouse_escalation, outsourced_escalation : float, default 0
        Yearly growth of a single-number cost, a fraction.

    Returns
    -------
    float
        -one_off + sum_y (in-house_y - outsourced_y) / (1 + r)^y, with
        cost_y = cost x (1 + escalation)^(y - 1) for a single number.

    Warnings
    --------
    Year y is discounted by (1 + r)^y and the one-off is at t = 0: ``=NPV(r, savings) - one_off``
    in Excel, not ``=NPV(r, -one_off, savings...)``.

    Examples
    --------
    >>> round(outsource_npv(1000, 800, 300, 2, 0.1), 4)
    47.1074
    >>> round(outsource_npv([1000, 1100], [800, 800], 300, discount_rate=0.1), 4)
    129.7521
    """
    _rate(discount_rate)
    inhouse, outsourced = _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation)
    return npv_savings(inhouse, outsourced, _one_off(one_off_cost), discount_rate)


def outsource_roi(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = None,
                  discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                  outsourced_escalation: float = 0.0) -> float:
    """ROI of outsourcing = :func:`outsource_npv` / one_off_cost (one_off_cost must be > 0).

    Examples
    --------
    >>> outsource_roi(1000, 800, 300, 3, 0.0)
    1.0
    """
    one_off = _one_off(one_off_cost)
    if one_off <= 0:
        raise ValueError(f"one_off_cost must be > 0 for a ROI (found {one_off:g})")
    return outsource_npv(inhouse_cost, outsourced_cost, one_off, years, discount_rate, inhouse_escalation,
                         outsourced_escalation) / one_off


def outsource_payback_months(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = None,
                             discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                             outsourced_escalation: float = 0.0) -> int | None:
    """The Excel function PAYBACK_MONTHS: :func:`payback_months` of in-house - outsourced.

    The discount rate is checked but plays no part: payback is undiscounted. None when the
    one-off cost is not recovered within the years.

    Examples
    --------
    Saving 200 a year (16.67 a month) recovers 300 at the end of month 18.

    >>> outsource_payback_months(1000, 800, 300, 3), outsource_payback_months(1000, 990, 300, 2)
    (18, None)
    """
    _rate(discount_rate)
    inhouse, outsourced = _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation)
    return payback_months(inhouse - outsourced, _one_off(one_off_cost))


def outsource_flows(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = None,
                    discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                    outsourced_escalation: float = 0.0) -> np.ndarray:
    """The net cash flows of outsourcing: -one_off_cost at t = 0, then each year's saving.

    Examples
    --------
    >>> outsource_flows(1000, 800, 300, 2).tolist()
    [-300.0, 200.0, 200.0]
    """
    _rate(discount_rate)
    inhouse, outsourced = _pair(inhouse_cost, outsourced_cost, years, inhouse_escalation, outsourced_escalation)
    return np.concatenate(([-_one_off(one_off_cost)], inhouse - outsourced))


def outsource_irr(inhouse_cost, outsourced_cost, one_off_cost: float, years: int | None = None,
                  discount_rate: float = 0.08, inhouse_escalation: float = 0.0,
                  outsourced_escalation: float = 0.0) -> float | None:
    """OUTSOURCE_IRR: the rate at which :func:`outsource_npv` is 0 (None if there is none, or no
    single one: see :func:`irr`).

    ``discount_rate`` is checked and otherwise ignored (kept so all four share one argument list).

    Examples
    --------
    >>> round(outsource_irr(160, 100, 100, 2), 6)
    0.130662
    """
    flows = outsource_flows(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                            outsourced_escalation)
    return irr(-flows[0], flows[1:])

