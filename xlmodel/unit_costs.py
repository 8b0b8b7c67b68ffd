"""Unit costs a finance user compares quotes with: in-house cost per productive hour, and a vendor
quote normalised to cost per contact and per handled hour, whatever its pricing model.

A *handled hour* is an hour of contact handling (talk, hold and wrap-up: AHT). Agents are logged in
longer than they handle contacts: occupancy = handled time / logged time.

>>> round(inhouse_hourly_cost(24000, 0.30, 1607, 0.32), 2)
28.55
>>> vendor_cost_per_contact("per_minute", 0.42, 300)
2.1
"""

from __future__ import annotations

from .schema import PRICING_MODELS


def _positive(name, value):
    if value is None or value <= 0:
        raise ValueError(f"{name} must be > 0 (found {value!r})")


def inhouse_hourly_cost(gross_salary: float, employer_charge_rate: float, paid_hours: float, shrinkage: float,
                        other_costs_per_fte: float = 0.0) -> float:
    """Cost of one productive in-house hour.

    = (gross salary x (1 + employer charges) + other yearly costs per FTE) / (paid hours x (1 - shrinkage)).
    Money per year per FTE; paid hours per year; rates as fractions.
    """
    _positive("gross_salary", gross_salary)
    _positive("paid_hours", paid_hours)
    if not 0 <= employer_charge_rate < 1.5:
        raise ValueError(f"employer_charge_rate must be between 0 and 1.5 (found {employer_charge_rate!r})")
    if not 0 <= shrinkage < 1:
        raise ValueError(f"shrinkage must be >= 0 and < 1 (found {shrinkage!r})")
    if other_costs_per_fte < 0:
        raise ValueError(f"other_costs_per_fte must be >= 0 (found {other_costs_per_fte!r})")
    return (gross_salary * (1 + employer_charge_rate) + other_costs_per_fte) / (paid_hours * (1 - shrinkage))


def vendor_cost_per_handled_hour(pricing_model: str, price: float, aht_seconds: float,
                                 occupancy_billed: float = 0.85, hours_per_fte_month: float = 140.0,
                                 monthly_contacts: float = 0.0) -> float:
    """A quote's cost per handled hour.

    per_hour: price / occupancy (a logged hour holds ``occupancy`` handled hours);
    per_fte_month: price / hours per FTE-month / occupancy; per_minute: price x 60;
    per_contact: price x 3600 / AHT; fixed_monthly: price / (monthly contacts x AHT / 3600).

    >>> round(vendor_cost_per_handled_hour("per_hour", 30, 300, occupancy_billed=0.8), 2)
    37.5
    """
    if pricing_model not in PRICING_MODELS:
        raise ValueError(f"pricing_model must be one of {', '.join(PRICING_MODELS)} (found {pricing_model!r})")
    _positive("price", price)
    _positive("aht_seconds", aht_seconds)
    if pricing_model == "per_hour":
        _occupancy(occupancy_billed)
        return price / occupancy_billed
    if pricing_model == "per_fte_month":
        _occupancy(occupancy_billed)
        _positive("hours_per_fte_month", hours_per_fte_month)
        return price / hours_per_fte_month / occupancy_billed
    if pricing_model == "per_minute":
        return price * 60.0
    if pricing_model == "per_contact":
        return price * 3600.0 / aht_seconds
    _positive("monthly_contacts", monthly_contacts)
    return price / (monthly_contacts * aht_seconds / 3600.0)


def vendor_cost_per_contact(pricing_model: str, price: float, aht_seconds: float, occupancy_billed: float = 0.85,
                            hours_per_fte_month: float = 140.0, monthly_contacts: float = 0.0) -> float:
    """A quote's cost per contact = cost per handled hour x AHT / 3600 (per_contact: the price)."""
    if pricing_model == "per_contact":
        _positive("price", price)
        return float(price)
    return vendor_cost_per_handled_hour(pricing_model, price, aht_seconds, occupancy_billed,
                                        hours_per_fte_month, monthly_contacts) * aht_seconds / 3600.0


def _occupancy(value):
    if not 0 < value <= 1:
        raise ValueError(f"occupancy_billed must be > 0 and <= 1 (found {value!r})")
