"""Unit costs a finance user compares quotes with: the in-house cost of an hour, and a vendor quote
normalised to a cost per contact and per handled hour, whatever its pricing model.

A *handled hour* is an hour of contact handling (talk, hold and wrap-up: AHT). Agents are logged in
longer than they handle contacts: occupancy = handled time / logged time. The conversions follow the
engine's billing rules (:mod:`xlmodel.model`): billed logged hours = handled hours / occupancy,
billed FTE = logged hours / hours per FTE-month; they leave out what only a whole case knows
(minimum invoices, concurrency of chats, the vendor's proposed headcount).

Examples
--------
>>> round(inhouse_hourly_cost(24000, 0.30, 1607, 0.32), 2)
28.55
>>> vendor_cost_per_contact("per_minute", 0.42, 300)
2.1
"""

from __future__ import annotations

from .arguments import number, rate
from .schema import DEMAND, PRICING_MODELS

SECONDS_PER_HOUR = 3600.0
SECONDS_PER_MINUTE = 60.0

__all__ = ["PRICING_MODELS", "inhouse_hourly_cost", "vendor_cost_per_contact", "vendor_cost_per_handled_hour"]


def inhouse_hourly_cost(gross_salary: float, employer_charge_rate: float, paid_hours: float, shrinkage: float,
                        other_costs_per_fte: float = 0.0, occupancy: float = 1.0,
                        scheduling_efficiency: float = 1.0) -> float:
    """Cost of one in-house hour on the phones (or, with ``occupancy``, of one handled hour).

    Parameters
    ----------
    gross_salary : float
        Gross annual salary of one full-time agent.
    employer_charge_rate : float
        Employer charges as a fraction of gross salary (0 to 1.5).
    paid_hours : float
        Paid hours per FTE per year (1 607 in France).
    shrinkage : float
        Share of paid time off the phones (0 <= shrinkage < 1).
    other_costs_per_fte : float, default 0
        Other annual costs per FTE: seat, IT, share of supervision.
    occupancy : float, default 1
        Handled time / time on the phones; below 1 gives the cost per handled hour, comparable with
        :func:`vendor_cost_per_handled_hour`.
    scheduling_efficiency : float, default 1
        Share of the scheduled time on the phones that matches the arrival curve (0.5 to 1; the
        case's ``[demand] scheduling_efficiency``): below 1, the cost of an hour where the sizing
        needs one, whole shifts covering a peaked week.

    Returns
    -------
    float
        (gross salary x (1 + charges) + other costs) / (paid hours x (1 - shrinkage) x occupancy
        x scheduling efficiency), in the currency of the salary per hour.

    Examples
    --------
    >>> round(inhouse_hourly_cost(24000, 0.30, 1607, 0.32, 0, 0.85), 2)
    33.59
    """
    salary = number("gross_salary", gross_salary, above=0)
    charges = rate("employer_charge_rate", employer_charge_rate, minimum=0, maximum=1.5)
    hours = number("paid_hours", paid_hours, above=0)
    off_phone = rate("shrinkage", shrinkage, minimum=0, below=1)
    other = number("other_costs_per_fte", other_costs_per_fte, minimum=0)
    busy = rate("occupancy", occupancy, above=0, maximum=1)
    bounds = DEMAND.by_name["scheduling_efficiency"]  # the case file's bounds, typed once
    fit = rate("scheduling_efficiency", scheduling_efficiency, minimum=bounds.minimum, maximum=bounds.maximum)
    return (salary * (1 + charges) + other) / (hours * (1 - off_phone) * busy * fit)


def vendor_cost_per_handled_hour(pricing_model: str, price: float, aht_seconds: float,
                                 occupancy_billed: float = 0.85, hours_per_fte_month: float = 140.0,
                                 monthly_contacts: float = 0.0, vat_rate: float = 0.2,
                                 vat_recovery: float = 1.0, transfer_uplift: float = 0.0) -> float:
    """A quote's cost per handled hour, with the VAT the client does not recover.

    Parameters
    ----------
    pricing_model : str
        per_hour (per logged hour), per_fte_month, per_minute (per handled minute), per_contact or
        fixed_monthly.
    price : float
        The price in its unit, > 0.
    aht_seconds : float
        The vendor's average handling time, seconds, > 0.
    occupancy_billed : float, default 0.85
        Handled time / logged time the price assumes (used by per_hour and per_fte_month; checked
        whatever the model, 0 < occupancy <= 1).
    hours_per_fte_month : float, default 140
        Logged hours in a billed FTE-month (used by per_fte_month; checked > 0 whatever the model).
    monthly_contacts : float, default 0
        Contacts per month (>= 0; used by fixed_monthly, where it must be > 0).
    vat_rate : float, default 0.2
        VAT rate on the invoice, fraction (0 to 0.5): charged by a vendor in France, self-assessed
        (reverse charge) for one abroad, at the same rate.
    vat_recovery : float, default 1
        Share of that VAT the client recovers (0 to 1): 1 for a taxable company, whose cost is the
        price before VAT; 0 for an exempt bank, insurer, hospital or public body.
    transfer_uplift : float, default 0
        A staff-transfer quote's uplift on its price for the agents it takes over (Code du travail
        L1224-1), fraction (0 to 1).

    Returns
    -------
    float
        The cost before VAT x (1 + vat_rate x (1 - vat_recovery)), the cost before VAT being
        (1 + transfer_uplift) x
        per_hour: price / occupancy; per_fte_month: price / hours per FTE-month / occupancy;
        per_minute: price x 60; per_contact: price x 3600 / AHT;
        fixed_monthly: price / (monthly contacts x AHT / 3600).

    Examples
    --------
    >>> round(vendor_cost_per_handled_hour("per_hour", 30, 300, occupancy_billed=0.8), 2)
    37.5
    >>> round(vendor_cost_per_handled_hour("per_hour", 30, 300, occupancy_billed=0.8, vat_recovery=0), 2)
    45.0
    """
    return _before_vat(pricing_model, price, aht_seconds, occupancy_billed, hours_per_fte_month,
                       monthly_contacts) * _factor(vat_rate, vat_recovery, transfer_uplift)


def _factor(vat_rate, vat_recovery, transfer_uplift) -> float:
    """The invoice at the quoted price -> what the client bears: x (1 + the transfer uplift) x (1 +
    the VAT it does not recover)."""
    return (1 + rate("transfer_uplift", transfer_uplift, minimum=0, maximum=1)) * (
        1 + rate("vat_rate", vat_rate, minimum=0, maximum=0.5) * (
            1 - rate("vat_recovery", vat_recovery, minimum=0, maximum=1)))


def _before_vat(pricing_model, price, aht_seconds, occupancy_billed, hours_per_fte_month, monthly_contacts) -> float:
    """The cost per handled hour before VAT (:func:`vendor_cost_per_handled_hour`)."""
    if pricing_model not in PRICING_MODELS:
        raise ValueError(f"pricing_model must be one of {', '.join(PRICING_MODELS)} (found {pricing_model!r})")
    amount = number("price", price, above=0)
    aht = number("aht_seconds", aht_seconds, above=0)
    occupancy = rate("occupancy_billed", occupancy_billed, above=0, maximum=1)
    hours_per_fte = number("hours_per_fte_month", hours_per_fte_month, above=0)
    contacts = number("monthly_contacts", monthly_contacts, minimum=0)
    if pricing_model == "per_hour":
        return amount / occupancy
    if pricing_model == "per_fte_month":
        return amount / hours_per_fte / occupancy
    if pricing_model == "per_minute":
        return amount * SECONDS_PER_HOUR / SECONDS_PER_MINUTE
    if pricing_model == "per_contact":
        return amount * SECONDS_PER_HOUR / aht
    contacts = number("monthly_contacts", contacts, above=0)  # fixed_monthly: the only model needing it
    return amount / (contacts * aht / SECONDS_PER_HOUR)


def vendor_cost_per_contact(pricing_model: str, price: float, aht_seconds: float, occupancy_billed: float = 0.85,
                            hours_per_fte_month: float = 140.0, monthly_contacts: float = 0.0, vat_rate: float = 0.2,
                            vat_recovery: float = 1.0, transfer_uplift: float = 0.0) -> float:
    """A quote's cost per contact = cost per handled hour x AHT / 3600 (per_contact: the price itself),
    x (1 + transfer_uplift) x (1 + vat_rate x (1 - vat_recovery)) as :func:`vendor_cost_per_handled_hour`.

    Examples
    --------
    10 contacts an hour at 36 per handled hour: 3.6 per contact.

    >>> round(vendor_cost_per_contact("per_hour", 30.6, 360, occupancy_billed=0.85), 6)
    3.6

    An exempt client (no VAT recovered) pays 1.2 times the price of a per-contact quote:

    >>> round(vendor_cost_per_contact("per_contact", 3.0, 300, vat_recovery=0), 6)
    3.6
    """
    hourly = _before_vat(pricing_model, price, aht_seconds, occupancy_billed, hours_per_fte_month, monthly_contacts)
    vat = _factor(vat_rate, vat_recovery, transfer_uplift)
    if pricing_model == "per_contact":
        return float(price) * vat  # exact, not price x 3600 / AHT x AHT / 3600
    return hourly * aht_seconds / SECONDS_PER_HOUR * vat
