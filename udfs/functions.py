"""Excel functions (xlwings UDFs): names and argument order are a public contract (README, Excel functions).

Each function converts its arguments (:mod:`udfs._convert`), delegates to :mod:`xlmodel`, and
answers a bad argument with a short text starting with ``#`` that names the argument and the rule;
never a traceback. Money in the case currency, rates as fractions (0.08 for 8 %), times in seconds.
An optional argument left empty takes its default.

Each function's docstring is what Excel's function wizard shows (its first 255 characters): one
plain sentence with the formula. The examples are here instead, as doctests.

>>> OUTSOURCE_NPV(1000, 800, 300, 3, 0)
300.0
>>> OUTSOURCE_NPV(1000, 800, 300, 3, 8)
'#VALUE! discount_rate looks like a percentage (8): type 0.08'
>>> round(OUTSOURCE_NPV([1000, 1000], [800, 800], 300, 2, 0.1), 4)
47.1074
>>> round(OUTSOURCE_ROI(1000, 800, 300, 3, 0), 4)
1.0
>>> PAYBACK_MONTHS(1000, 800, 300, 3), PAYBACK_MONTHS(1000, 990, 300, 2)
(18, '#N/A payback not reached within 2 years')
>>> round(OUTSOURCE_IRR(160, 100, 100, 2), 6)
0.130662
>>> round(ERLANG_C(10, 14), 6)
0.174132
>>> round(SERVICE_LEVEL(100, 180, 14), 6)
0.88835
>>> round(ASA(100, 180, 14), 4)
7.8359
>>> AGENTS_REQUIRED(100, 180), AGENTS_REQUIRED(100, 180, 0.8, 20, 1800, 0.7, 0.3)
(14, 22)
>>> round(ABANDON_RATE(100, 180, 14, 300), 6)
0.013984
>>> round(INHOUSE_HOURLY_COST(24000, 0.30, 1607, 0.32), 2), round(INHOUSE_HOURLY_COST(24000, 0.3, 1607, 0.32, 0, 0.85), 2)
(28.55, 33.59)
>>> VENDOR_COST_PER_CONTACT("per_minute", 0.42, 300), VENDOR_COST_PER_CONTACT("per_contact", 3.2, 300)
(2.1, 3.2)
>>> round(VENDOR_COST_PER_HOUR("per_hour", 30, 300, 0.8), 2)
37.5
"""

from __future__ import annotations

import xlwings as xw

from xlmodel import erlang, finance, unit_costs

from ._convert import choice, costs, count, excel_errors, number, optional_number, rate, years

CATEGORY = "xlmodel"

# Help texts shown by the function wizard, one per argument name (the same name means the same thing).
DOC = {
    "inhouse_cost": "In-house annual cost: one number (year 1, escalated) or a row/column of yearly costs",
    "outsourced_cost": "Outsourced annual cost: one number (year 1, escalated) or a row/column of yearly costs",
    "one_off_cost": "One-off cost of the move, paid at signature (t = 0), >= 0",
    "years": "Number of years; default 5, or the length of the cost ranges",
    "discount_rate": "Discount rate per year as a fraction, e.g. 0.08 (default 0.08)",
    "inhouse_escalation": "Yearly growth of a single in-house cost, fraction (default 0)",
    "outsourced_escalation": "Yearly growth of a single outsourced cost, fraction (default 0)",
    "traffic_erlangs": "Traffic in Erlangs = contacts per interval x AHT / interval length",
    "contacts": "Contacts (calls, chats, e-mails) arriving in the interval, >= 0",
    "aht_seconds": "Average handling time in seconds (talk + hold + wrap-up), > 0",
    "agents": "Agents on the phones (whole number)",
    "answer_seconds": "Target answer time in seconds (default 20)",
    "interval_seconds": "Length of the interval in seconds (default 1800 = 30 minutes)",
    "target_sl": "Target share answered within answer_seconds, fraction (default 0.8)",
    "max_occupancy": "Maximum occupancy of the agents, fraction (default 1)",
    "shrinkage": "Share of paid time off the phones (breaks, training, absence), fraction (default 0)",
    "patience_seconds": "Mean time a caller waits before hanging up, seconds, > 0",
    "gross_salary": "Gross annual salary of one full-time agent",
    "employer_charge_rate": "Employer social charges as a fraction of gross salary, e.g. 0.30",
    "paid_hours": "Paid hours per full-time agent per year (1 607 in France)",
    "other_costs_per_fte": "Other annual costs per agent: seat, IT, share of supervision (default 0)",
    "occupancy": "Handled time / time on the phones, fraction; below 1 gives the cost per handled hour (default 1)",
    "pricing_model": "per_hour, per_fte_month, per_minute, per_contact or fixed_monthly",
    "price": "The quoted price in its pricing unit, > 0",
    "occupancy_billed": "Handled time / billed logged time the price assumes, fraction (default 0.85)",
    "hours_per_fte_month": "Logged hours in one billed FTE-month (default 140)",
    "monthly_contacts": "Contacts handled per month (needed for fixed_monthly)",
}


def _finance(inhouse_cost, outsourced_cost, one_off_cost, years_, discount_rate, inhouse_escalation,
             outsourced_escalation) -> tuple:
    """The seven finance arguments converted; lengths and years are checked by xlmodel.finance."""
    return (costs("inhouse_cost", inhouse_cost), costs("outsourced_cost", outsourced_cost),
            number("one_off_cost", one_off_cost, minimum=0), years(years_),
            0.08 if discount_rate is None else rate("discount_rate", discount_rate),
            0.0 if inhouse_escalation is None else rate("inhouse_escalation", inhouse_escalation),
            0.0 if outsourced_escalation is None else rate("outsourced_escalation", outsourced_escalation))


def _horizon(args: tuple) -> int:
    inhouse, outsourced, _, n_years = args[:4]
    for cost in (inhouse, outsourced):
        if isinstance(cost, list):
            return len(cost)
    return finance.DEFAULT_YEARS if n_years is None else n_years


@xw.func(category=CATEGORY)
@xw.arg("inhouse_cost", doc=DOC["inhouse_cost"])
@xw.arg("outsourced_cost", doc=DOC["outsourced_cost"])
@xw.arg("one_off_cost", doc=DOC["one_off_cost"])
@xw.arg("years", doc=DOC["years"])
@xw.arg("discount_rate", doc=DOC["discount_rate"])
@xw.arg("inhouse_escalation", doc=DOC["inhouse_escalation"])
@xw.arg("outsourced_escalation", doc=DOC["outsourced_escalation"])
@excel_errors
def OUTSOURCE_NPV(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """NPV of outsourcing = -one_off_cost + sum over years y of (in-house cost - outsourced cost) / (1 + discount_rate)^y. End-of-year flows, one-off at signature (Excel's NPV alone would discount it)."""
    return finance.outsource_npv(*_finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate,
                                           inhouse_escalation, outsourced_escalation))


@xw.func(category=CATEGORY)
@xw.arg("inhouse_cost", doc=DOC["inhouse_cost"])
@xw.arg("outsourced_cost", doc=DOC["outsourced_cost"])
@xw.arg("one_off_cost", doc=DOC["one_off_cost"])
@xw.arg("years", doc=DOC["years"])
@xw.arg("discount_rate", doc=DOC["discount_rate"])
@xw.arg("inhouse_escalation", doc=DOC["inhouse_escalation"])
@xw.arg("outsourced_escalation", doc=DOC["outsourced_escalation"])
@excel_errors
def OUTSOURCE_ROI(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """Return on the one-off cost of outsourcing = OUTSOURCE_NPV / one_off_cost (one_off_cost must be > 0). 1 means the discounted savings come to twice the one-off cost."""
    return finance.outsource_roi(*_finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate,
                                           inhouse_escalation, outsourced_escalation))


@xw.func(category=CATEGORY)
@xw.arg("inhouse_cost", doc=DOC["inhouse_cost"])
@xw.arg("outsourced_cost", doc=DOC["outsourced_cost"])
@xw.arg("one_off_cost", doc=DOC["one_off_cost"])
@xw.arg("years", doc=DOC["years"])
@xw.arg("discount_rate", doc="Not used (payback is undiscounted); kept so the arguments match OUTSOURCE_NPV")
@xw.arg("inhouse_escalation", doc=DOC["inhouse_escalation"])
@xw.arg("outsourced_escalation", doc=DOC["outsourced_escalation"])
@excel_errors
def PAYBACK_MONTHS(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                   inhouse_escalation=0, outsourced_escalation=0):
    """First whole month at which the undiscounted savings (each year's spread over its 12 months) repay one_off_cost; 0 without one-off cost; #N/A when not within the years."""
    args = _finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                    outsourced_escalation)
    months = finance.outsource_payback_months(*args)
    return f"#N/A payback not reached within {_horizon(args)} years" if months is None else months


@xw.func(category=CATEGORY)
@xw.arg("inhouse_cost", doc=DOC["inhouse_cost"])
@xw.arg("outsourced_cost", doc=DOC["outsourced_cost"])
@xw.arg("one_off_cost", doc=DOC["one_off_cost"])
@xw.arg("years", doc=DOC["years"])
@xw.arg("discount_rate", doc="Not used (the IRR is the rate that makes the NPV zero); kept so the arguments match")
@xw.arg("inhouse_escalation", doc=DOC["inhouse_escalation"])
@xw.arg("outsourced_escalation", doc=DOC["outsourced_escalation"])
@excel_errors
def OUTSOURCE_IRR(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """Internal rate of return of outsourcing: the discount rate at which OUTSOURCE_NPV is 0 (cash flows: -one_off_cost at signature, then each year's saving at its end)."""
    value = finance.outsource_irr(*_finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate,
                                            inhouse_escalation, outsourced_escalation))
    return "#N/A no rate makes the NPV zero (the cash flows never change sign)" if value is None else value


def _demand(contacts, aht_seconds, interval_seconds) -> tuple[float, float, float]:
    return (number("contacts", contacts, minimum=0), number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
            optional_number("interval_seconds", interval_seconds, 1800.0, minimum=0, exclusive_min=True))


@xw.func(category=CATEGORY)
@xw.arg("traffic_erlangs", doc=DOC["traffic_erlangs"])
@xw.arg("agents", doc=DOC["agents"])
@excel_errors
def ERLANG_C(traffic_erlangs, agents):
    """Probability that a contact has to wait (Erlang C) for a traffic in Erlangs and a number of agents; 1 when agents <= traffic."""
    return erlang.erlang_c(number("traffic_erlangs", traffic_erlangs, minimum=0), count("agents", agents))


@xw.func(category=CATEGORY)
@xw.arg("contacts", doc=DOC["contacts"])
@xw.arg("aht_seconds", doc=DOC["aht_seconds"])
@xw.arg("agents", doc=DOC["agents"])
@xw.arg("answer_seconds", doc=DOC["answer_seconds"])
@xw.arg("interval_seconds", doc=DOC["interval_seconds"])
@excel_errors
def SERVICE_LEVEL(contacts, aht_seconds, agents, answer_seconds=20, interval_seconds=1800):
    """Share of contacts answered within answer_seconds (Erlang C), for contacts arriving in one interval and a number of agents."""
    n_contacts, aht, interval = _demand(contacts, aht_seconds, interval_seconds)
    return erlang.service_level(n_contacts, aht, count("agents", agents),
                                optional_number("answer_seconds", answer_seconds, 20.0, minimum=0), interval)


@xw.func(category=CATEGORY)
@xw.arg("contacts", doc=DOC["contacts"])
@xw.arg("aht_seconds", doc=DOC["aht_seconds"])
@xw.arg("agents", doc=DOC["agents"])
@xw.arg("interval_seconds", doc=DOC["interval_seconds"])
@excel_errors
def ASA(contacts, aht_seconds, agents, interval_seconds=1800):
    """Average speed of answer in seconds (Erlang C) over all contacts; #N/A when agents <= traffic (the queue never empties)."""
    n_contacts, aht, interval = _demand(contacts, aht_seconds, interval_seconds)
    value = erlang.asa(n_contacts, aht, count("agents", agents), interval)
    return "#N/A too few agents: the queue never empties (agents <= traffic)" if value == float("inf") else value


@xw.func(category=CATEGORY)
@xw.arg("contacts", doc=DOC["contacts"])
@xw.arg("aht_seconds", doc=DOC["aht_seconds"])
@xw.arg("target_sl", doc=DOC["target_sl"])
@xw.arg("answer_seconds", doc=DOC["answer_seconds"])
@xw.arg("interval_seconds", doc=DOC["interval_seconds"])
@xw.arg("max_occupancy", doc=DOC["max_occupancy"])
@xw.arg("shrinkage", doc=DOC["shrinkage"])
@excel_errors
def AGENTS_REQUIRED(contacts, aht_seconds, target_sl=0.8, answer_seconds=20, interval_seconds=1800,
                    max_occupancy=1, shrinkage=0):
    """Agents to schedule: the fewest on the phones meeting the service target (Erlang C) and the occupancy cap, divided by (1 - shrinkage) and rounded up."""
    n_contacts, aht, interval = _demand(contacts, aht_seconds, interval_seconds)
    return erlang.agents_required(
        n_contacts, aht,
        0.8 if target_sl is None else rate("target_sl", target_sl, minimum=0),
        optional_number("answer_seconds", answer_seconds, 20.0, minimum=0), interval,
        1.0 if max_occupancy is None else rate("max_occupancy", max_occupancy, minimum=0),
        0.0 if shrinkage is None else rate("shrinkage", shrinkage, minimum=0, exclusive_min=False)).agents


@xw.func(category=CATEGORY)
@xw.arg("contacts", doc=DOC["contacts"])
@xw.arg("aht_seconds", doc=DOC["aht_seconds"])
@xw.arg("agents", doc=DOC["agents"])
@xw.arg("patience_seconds", doc=DOC["patience_seconds"])
@xw.arg("interval_seconds", doc=DOC["interval_seconds"])
@excel_errors
def ABANDON_RATE(contacts, aht_seconds, agents, patience_seconds, interval_seconds=1800):
    """Share of contacts that hang up before an answer (Erlang A: callers with exponential patience of mean patience_seconds)."""
    n_contacts, aht, interval = _demand(contacts, aht_seconds, interval_seconds)
    return erlang.abandon_rate(n_contacts, aht, count("agents", agents, minimum=1),
                               number("patience_seconds", patience_seconds, minimum=0, exclusive_min=True), interval)


@xw.func(category=CATEGORY)
@xw.arg("gross_salary", doc=DOC["gross_salary"])
@xw.arg("employer_charge_rate", doc=DOC["employer_charge_rate"])
@xw.arg("paid_hours", doc=DOC["paid_hours"])
@xw.arg("shrinkage", doc=DOC["shrinkage"])
@xw.arg("other_costs_per_fte", doc=DOC["other_costs_per_fte"])
@xw.arg("occupancy", doc=DOC["occupancy"])
@excel_errors
def INHOUSE_HOURLY_COST(gross_salary, employer_charge_rate, paid_hours, shrinkage, other_costs_per_fte=0,
                        occupancy=1):
    """Cost of one in-house hour on the phones = (salary x (1 + employer charges) + other annual costs per agent) / (paid hours x (1 - shrinkage)); with occupancy < 1, per handled hour."""
    return unit_costs.inhouse_hourly_cost(
        number("gross_salary", gross_salary, minimum=0, exclusive_min=True),
        rate("employer_charge_rate", employer_charge_rate, minimum=0, exclusive_min=False, maximum=1.5),
        number("paid_hours", paid_hours, minimum=0, exclusive_min=True),
        rate("shrinkage", shrinkage, minimum=0, exclusive_min=False),
        optional_number("other_costs_per_fte", other_costs_per_fte, 0.0, minimum=0),
        1.0 if occupancy is None else rate("occupancy", occupancy, minimum=0))


def _quote(pricing_model, price, aht_seconds, occupancy_billed, hours_per_fte_month, monthly_contacts) -> tuple:
    return (choice("pricing_model", pricing_model, unit_costs.PRICING_MODELS),
            number("price", price, minimum=0, exclusive_min=True),
            number("aht_seconds", aht_seconds, minimum=0, exclusive_min=True),
            0.85 if occupancy_billed is None else rate("occupancy_billed", occupancy_billed, minimum=0),
            optional_number("hours_per_fte_month", hours_per_fte_month, 140.0, minimum=0, exclusive_min=True),
            optional_number("monthly_contacts", monthly_contacts, 0.0, minimum=0))


@xw.func(category=CATEGORY)
@xw.arg("pricing_model", doc=DOC["pricing_model"])
@xw.arg("price", doc=DOC["price"])
@xw.arg("aht_seconds", doc=DOC["aht_seconds"])
@xw.arg("occupancy_billed", doc=DOC["occupancy_billed"])
@xw.arg("hours_per_fte_month", doc=DOC["hours_per_fte_month"])
@xw.arg("monthly_contacts", doc=DOC["monthly_contacts"])
@excel_errors
def VENDOR_COST_PER_CONTACT(pricing_model, price, aht_seconds, occupancy_billed=0.85, hours_per_fte_month=140,
                            monthly_contacts=0):
    """A vendor quote in any pricing model turned into a cost per contact handled, to compare quotes with each other and with in-house."""
    return unit_costs.vendor_cost_per_contact(*_quote(pricing_model, price, aht_seconds, occupancy_billed,
                                                      hours_per_fte_month, monthly_contacts))


@xw.func(category=CATEGORY)
@xw.arg("pricing_model", doc=DOC["pricing_model"])
@xw.arg("price", doc=DOC["price"])
@xw.arg("aht_seconds", doc=DOC["aht_seconds"])
@xw.arg("occupancy_billed", doc=DOC["occupancy_billed"])
@xw.arg("hours_per_fte_month", doc=DOC["hours_per_fte_month"])
@xw.arg("monthly_contacts", doc=DOC["monthly_contacts"])
@excel_errors
def VENDOR_COST_PER_HOUR(pricing_model, price, aht_seconds, occupancy_billed=0.85, hours_per_fte_month=140,
                         monthly_contacts=0):
    """A vendor quote in any pricing model turned into a cost per handled hour (talk + hold + wrap-up), comparable with INHOUSE_HOURLY_COST given an occupancy."""
    return unit_costs.vendor_cost_per_handled_hour(*_quote(pricing_model, price, aht_seconds, occupancy_billed,
                                                           hours_per_fte_month, monthly_contacts))



@xw.func(category=CATEGORY)
@xw.arg("inputs", doc="Inputs!A:B of an xlmodel workbook (labels and values)")
@xw.arg("channels", doc="The Channels table with its header row (Inputs sheet)")
@xw.arg("vendors", doc="The VendorQuotes table with its header row (Vendors sheet)")
@xw.arg("hybrid", doc="Hybrid!A:B of an xlmodel workbook (labels and values)")
@xw.arg("hybrid_channels", doc="The HybridChannels table with its header row (Hybrid sheet)")
@xw.ret(expand="table")
@excel_errors
def OUTSOURCE_COMPARE(inputs, channels, vendors, hybrid, hybrid_channels):
    """The whole case of an xlmodel workbook compared: a header row, then one row per scenario (NPV of cost, NPV of savings, ROI, payback month, IRR, year-1 cost per contact and FTE)."""
    # Imported here: the engine and the workbook reader are not needed by the other functions,
    # and `import udfs` must stay light.
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
    """Excel shows None as 0; an absent ROI, payback or IRR is an empty cell instead."""
    return "" if value is None else value

#: Every Excel function of this module (Excel names), found by the mark the ``#`` edge leaves.
UDF_NAMES = tuple(sorted(name for name, value in globals().items() if getattr(value, "__xlmodel_udf__", False)))
