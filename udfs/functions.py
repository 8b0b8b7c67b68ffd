"""Excel functions (xlwings UDFs): names and argument order are a public contract (DESIGN section 5).

Each function converts its arguments, delegates to :mod:`xlmodel`, and answers a bad argument with
a short text starting with ``#`` that names the argument and the rule; never a traceback.
Money in the case currency, rates as fractions (0.08 for 8 %), times in seconds.

>>> OUTSOURCE_NPV(1000, 800, 300, 3, 0)
300.0
>>> OUTSOURCE_NPV(1000, 800, 300, 3, 8)
'#VALUE! discount_rate looks like a percentage (8): type 0.08'
"""

from __future__ import annotations

import xlwings as xw

from xlmodel import erlang, finance, unit_costs
from xlmodel.schema import PRICING_MODELS

from ._convert import costs, excel_errors, number, rate, text, years

CATEGORY = "xlmodel"
#: name -> (function, {argument: help text}); what Excel's "Import Functions" registers.
REGISTRY: dict[str, tuple] = {}

_FINANCE_ARGS = {
    "inhouse_cost": "In-house cost: year-1 annual cost (escalated each year) or a row/column of yearly costs",
    "outsourced_cost": "Outsourced cost: year-1 annual cost or a row/column of yearly costs (same length)",
    "one_off_cost": "One-off cost at signature (t = 0), in the case currency",
    "years": "Number of years (default 5; set by the ranges when costs are ranges)",
    "discount_rate": "Discount rate per year as a fraction (default 0.08), > -1",
    "inhouse_escalation": "Yearly escalation of a single in-house cost, fraction (default 0)",
    "outsourced_escalation": "Yearly escalation of a single outsourced cost, fraction (default 0)",
}


def excel_function(args: dict[str, str]):
    """Register a UDF: xlwings decorators with a help text per argument, and the ``#`` error edge."""
    def decorate(f):
        wrapped = excel_errors(f)
        for name, doc in reversed(list(args.items())):
            wrapped = xw.arg(name, doc=doc)(wrapped)
        wrapped = xw.func(category=CATEGORY)(wrapped)
        REGISTRY[f.__name__] = (wrapped, dict(args))
        return wrapped
    return decorate


def _finance_args(inhouse_cost, outsourced_cost, one_off_cost, years_, discount_rate, inhouse_escalation,
                  outsourced_escalation):
    inhouse = costs("inhouse_cost", inhouse_cost)
    outsourced = costs("outsourced_cost", outsourced_cost)
    if isinstance(inhouse, list) and isinstance(outsourced, list) and len(inhouse) != len(outsourced):
        raise ValueError(f"inhouse_cost and outsourced_cost have different lengths ({len(inhouse)} and "
                         f"{len(outsourced)})")
    if isinstance(inhouse, list) != isinstance(outsourced, list):
        # One range and one number: the number is year 1 of a stream as long as the range.
        n = len(inhouse if isinstance(inhouse, list) else outsourced)
        years_ = n if years_ is None else years_
    n_years = years(years_, inhouse, outsourced)
    esc_in = rate("inhouse_escalation", inhouse_escalation)
    esc_out = rate("outsourced_escalation", outsourced_escalation)
    if isinstance(inhouse, list) and esc_in:
        raise ValueError("inhouse_escalation applies to a single yearly cost, not to a range of yearly costs")
    if isinstance(outsourced, list) and esc_out:
        raise ValueError("outsourced_escalation applies to a single yearly cost, not to a range of yearly costs")
    return (inhouse, outsourced, number("one_off_cost", one_off_cost, minimum=0), n_years,
            rate("discount_rate", discount_rate), esc_in, esc_out)


@excel_function(_FINANCE_ARGS)
def OUTSOURCE_NPV(inhouse_cost, outsourced_cost, one_off_cost, years=5, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """NPV of outsourcing: -one_off + sum over years y of (in-house_y - outsourced_y) / (1 + r)^y.

    End-of-year discounting, one-off at t = 0 (unlike Excel's NPV, which discounts its first value).

    >>> round(OUTSOURCE_NPV([1000, 1000], [800, 800], 300, 2, 0.1), 4)
    47.1074
    """
    return finance.outsource_npv(*_finance_args(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate,
                                                inhouse_escalation, outsourced_escalation))


@excel_function(_FINANCE_ARGS)
def OUTSOURCE_ROI(inhouse_cost, outsourced_cost, one_off_cost, years=5, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """ROI of outsourcing = OUTSOURCE_NPV / one_off_cost (one_off_cost must be > 0).

    >>> round(OUTSOURCE_ROI(1000, 800, 300, 3, 0), 4)
    1.0
    """
    a = _finance_args(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                      outsourced_escalation)
    if a[2] <= 0:
        return "#VALUE! one_off_cost must be > 0 for a ROI"
    return finance.outsource_roi(*a)


@excel_function(_FINANCE_ARGS)
def PAYBACK_MONTHS(inhouse_cost, outsourced_cost, one_off_cost, years=5, discount_rate=0.08,
                   inhouse_escalation=0, outsourced_escalation=0):
    """First whole month at which the cumulative undiscounted saving (each year's spread evenly over
    12 months) reaches one_off_cost; 0 without one-off cost; #N/A when not within the horizon.

    >>> PAYBACK_MONTHS(1000, 800, 300, 3), PAYBACK_MONTHS(1000, 990, 300, 2)
    (18, '#N/A payback not reached within 2 years')
    """
    a = _finance_args(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                      outsourced_escalation)
    months = finance.payback_months_for(*a)
    if months is None:
        n = a[3] if a[3] is not None else len(a[0] if isinstance(a[0], list) else a[1])
        return f"#N/A payback not reached within {n} years"
    return months


@excel_function(_FINANCE_ARGS)
def OUTSOURCE_IRR(inhouse_cost, outsourced_cost, one_off_cost, years=5, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """The rate at which OUTSOURCE_NPV is 0 (cash flows: -one_off at t = 0, then the yearly savings).

    >>> round(OUTSOURCE_IRR(160, 100, 100, 2), 6)
    0.130662
    """
    a = _finance_args(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                      outsourced_escalation)
    value = finance.outsource_irr(*a)
    return "#N/A no rate makes the NPV zero (no sign change in the cash flows)" if value is None else value


_TRAFFIC = "Traffic in Erlangs = contacts per interval x AHT / interval length"
_CONTACTS = "Contacts arriving in the interval (>= 0)"
_AHT = "Average handling time in seconds (talk + hold + wrap-up), > 0"
_AGENTS = "Agents on duty (whole number)"
_INTERVAL = "Interval length in seconds (default 1800)"


@excel_function({"traffic_erlangs": _TRAFFIC, "agents": _AGENTS})
def ERLANG_C(traffic_erlangs, agents):
    """Probability that a contact waits (Erlang C); 1 when agents <= traffic.

    >>> round(ERLANG_C(10, 14), 6)
    0.174132
    """
    return erlang.erlang_c(number("traffic_erlangs", traffic_erlangs, minimum=0),
                           int(number("agents", agents, minimum=0, whole=True)))


@excel_function({"contacts": _CONTACTS, "aht_seconds": _AHT, "agents": _AGENTS,
                 "answer_seconds": "Answer within this many seconds (default 20)", "interval_seconds": _INTERVAL})
def SERVICE_LEVEL(contacts, aht_seconds, agents, answer_seconds=20, interval_seconds=1800):
    """Share of contacts answered within answer_seconds (Erlang C).

    >>> round(SERVICE_LEVEL(100, 180, 14), 6)
    0.88835
    """
    return erlang.service_level(number("contacts", contacts, minimum=0),
                                number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
                                int(number("agents", agents, minimum=0, whole=True)),
                                number("answer_seconds", answer_seconds, minimum=0),
                                number("interval_seconds", interval_seconds, minimum=0, exclusive_min=True))


@excel_function({"contacts": _CONTACTS, "aht_seconds": _AHT, "agents": _AGENTS, "interval_seconds": _INTERVAL})
def ASA(contacts, aht_seconds, agents, interval_seconds=1800):
    """Average speed of answer in seconds (Erlang C); #N/A when agents <= traffic (the queue grows).

    >>> round(ASA(100, 180, 14), 4)
    7.8359
    """
    value = erlang.asa(number("contacts", contacts, minimum=0),
                       number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
                       int(number("agents", agents, minimum=0, whole=True)),
                       number("interval_seconds", interval_seconds, minimum=0, exclusive_min=True))
    return "#N/A too few agents: the queue never empties (agents <= traffic)" if value == float("inf") else value


@excel_function({"contacts": _CONTACTS, "aht_seconds": _AHT,
                 "target_sl": "Target share answered within answer_seconds, fraction (default 0.8)",
                 "answer_seconds": "Answer within this many seconds (default 20)", "interval_seconds": _INTERVAL,
                 "max_occupancy": "Maximum occupancy, fraction (default 1)",
                 "shrinkage": "Share of paid time off the phones, fraction (default 0)"})
def AGENTS_REQUIRED(contacts, aht_seconds, target_sl=0.8, answer_seconds=20, interval_seconds=1800,
                    max_occupancy=1, shrinkage=0):
    """Smallest number of agents meeting the service target and occupancy cap, then / (1 - shrinkage),
    rounded up.

    >>> AGENTS_REQUIRED(100, 180), AGENTS_REQUIRED(100, 180, 0.8, 20, 1800, 0.7, 0.3)
    (14, 22)
    """
    return erlang.agents_required(
        number("contacts", contacts, minimum=0), number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
        rate("target_sl", target_sl, minimum=0, exclusive_min=True),
        number("answer_seconds", answer_seconds, minimum=0),
        number("interval_seconds", interval_seconds, minimum=0, exclusive_min=True),
        rate("max_occupancy", max_occupancy, minimum=0, exclusive_min=True),
        rate("shrinkage", shrinkage, minimum=0, exclusive_min=False)).agents


@excel_function({"contacts": _CONTACTS, "aht_seconds": _AHT, "agents": _AGENTS,
                 "patience_seconds": "Mean patience of a waiting caller in seconds, > 0",
                 "interval_seconds": _INTERVAL})
def ABANDON_RATE(contacts, aht_seconds, agents, patience_seconds, interval_seconds=1800):
    """Share of contacts that abandon before an answer (Erlang A, exponential patience).

    >>> round(ABANDON_RATE(100, 180, 14, 300), 6)
    0.013984
    """
    return erlang.abandon_rate(number("contacts", contacts, minimum=0),
                               number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
                               int(number("agents", agents, minimum=1, whole=True)),
                               number("patience_seconds", patience_seconds, minimum=0, exclusive_min=True),
                               number("interval_seconds", interval_seconds, minimum=0, exclusive_min=True))


@excel_function({"gross_salary": "Gross salary per FTE per year", "employer_charge_rate":
                 "Employer charges as a fraction of gross salary (e.g. 0.30)",
                 "paid_hours": "Paid hours per FTE per year (1607 in France)",
                 "shrinkage": "Share of paid time not productive, fraction (e.g. 0.32)",
                 "other_costs_per_fte": "Other yearly costs per FTE: seat, IT, supervision share (default 0)"})
def INHOUSE_HOURLY_COST(gross_salary, employer_charge_rate, paid_hours, shrinkage, other_costs_per_fte=0):
    """Cost of one productive in-house hour:
    (salary x (1 + charges) + other costs) / (paid hours x (1 - shrinkage)).

    >>> round(INHOUSE_HOURLY_COST(24000, 0.30, 1607, 0.32), 2)
    28.55
    """
    return unit_costs.inhouse_hourly_cost(
        number("gross_salary", gross_salary, minimum=0, exclusive_min=True),
        rate("employer_charge_rate", employer_charge_rate, minimum=0, exclusive_min=False, maximum=1.5),
        number("paid_hours", paid_hours, minimum=0, exclusive_min=True),
        rate("shrinkage", shrinkage, minimum=0, exclusive_min=False),
        number("other_costs_per_fte", other_costs_per_fte, minimum=0))


_QUOTE_ARGS = {
    "pricing_model": "per_hour, per_fte_month, per_minute, per_contact or fixed_monthly",
    "price": "The quoted price in its pricing unit, > 0",
    "aht_seconds": "Vendor's average handling time in seconds, > 0",
    "occupancy_billed": "Handled time / logged time the price assumes (default 0.85)",
    "hours_per_fte_month": "Logged hours in a billed FTE-month (default 140)",
    "monthly_contacts": "Contacts per month (needed for fixed_monthly)",
}


def _quote(pricing_model, price, aht_seconds, occupancy_billed, hours_per_fte_month, monthly_contacts):
    return (text("pricing_model", pricing_model, PRICING_MODELS),
            number("price", price, minimum=0, exclusive_min=True),
            number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
            rate("occupancy_billed", occupancy_billed, minimum=0, exclusive_min=True),
            number("hours_per_fte_month", hours_per_fte_month, minimum=0, exclusive_min=True),
            number("monthly_contacts", 0 if monthly_contacts is None else monthly_contacts, minimum=0))


@excel_function(_QUOTE_ARGS)
def VENDOR_COST_PER_CONTACT(pricing_model, price, aht_seconds, occupancy_billed=0.85, hours_per_fte_month=140,
                            monthly_contacts=0):
    """A vendor quote normalised to cost per contact, whatever its pricing model.

    >>> VENDOR_COST_PER_CONTACT("per_minute", 0.42, 300), VENDOR_COST_PER_CONTACT("per_contact", 3.2, 300)
    (2.1, 3.2)
    """
    return unit_costs.vendor_cost_per_contact(*_quote(pricing_model, price, aht_seconds, occupancy_billed,
                                                      hours_per_fte_month, monthly_contacts))


@excel_function(_QUOTE_ARGS)
def VENDOR_COST_PER_HOUR(pricing_model, price, aht_seconds, occupancy_billed=0.85, hours_per_fte_month=140,
                         monthly_contacts=0):
    """A vendor quote normalised to cost per handled hour (talk + wrap-up), whatever its pricing model.

    >>> round(VENDOR_COST_PER_HOUR("per_hour", 30, 300, 0.8), 2)
    37.5
    """
    return unit_costs.vendor_cost_per_handled_hour(*_quote(pricing_model, price, aht_seconds, occupancy_billed,
                                                           hours_per_fte_month, monthly_contacts))


@excel_function({"inputs": "Inputs!A:B of an xlmodel workbook (labels and values)",
                 "channels": "The Channels table with its header row (Inputs sheet)",
                 "vendors": "The VendorQuotes table with its header row (Vendors sheet)",
                 "hybrid": "Hybrid!A:B (labels and values)",
                 "hybrid_channels": "The HybridChannels table with its header row (Hybrid sheet)"})
def OUTSOURCE_COMPARE(inputs, channels, vendors, hybrid, hybrid_channels):
    """The whole case compared: one row per scenario (id, NPV of cost, NPV of savings, ROI, payback
    month, IRR, cost per contact in year 1, in-house FTE in year 1), with a header row; spills in
    Excel 365.
    """
    from xlmodel.engine import compare
    from xlmodel.workbook.reader import case_from_ranges
    result = compare(case_from_ranges(inputs, channels, vendors, hybrid, hybrid_channels))
    rows = [["scenario", "npv_cost", "npv_savings", "roi", "payback_months", "irr", "cost_per_contact_y1",
             "fte_y1"]]
    for s in result.scenarios:
        rows.append([s.id, s.npv_cost, s.npv_savings, _blank(s.roi), _blank(s.payback_months), _blank(s.irr),
                     s.cost_per_contact[0], s.fte[0]])
    return rows


def _blank(value):
    return "" if value is None else value
