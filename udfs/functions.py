"""Excel functions (xlwings UDFs): names and argument order are a public contract (README, "Excel functions
and macros").

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
>>> OUTSOURCE_IRR([1000, 500], [700, 600], 100)
'#N/A no single IRR: the cash flows change sign more than once'
>>> round(ERLANG_C(10, 14), 6)
0.174132
>>> round(SERVICE_LEVEL(100, 180, 14), 6)
0.88835
>>> round(ASA(100, 180, 14), 4)
7.8359
>>> AGENTS_REQUIRED(100, 180), AGENTS_REQUIRED(100, 180, 0.8, 20, 1800, 0.7, 0.3)
(14, 22)
>>> AGENTS_REQUIRED(129, 330, 0.8, 20, 1800, 0.85, 0, 180), AGENTS_REQUIRED(129, 330, 0.8, 20, 1800, 0.85)
(27, 29)
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
from xlmodel.arguments import shown
from xlmodel.text import words

from ._convert import choice, costs, defaults, excel_errors, number, rate, years

CATEGORY = "xlmodel"

# Help texts shown by the function wizard, one per argument name (the same name means the same thing).
# An optional argument's default is added from the function's signature: "(default 0.08)".
DOC = {
    "inhouse_cost": "In-house annual cost: one number (year 1, escalated) or a row/column of yearly costs",
    "outsourced_cost": "Outsourced annual cost: one number (year 1, escalated) or a row/column of yearly costs",
    "one_off_cost": "One-off cost of the move, paid at signature (t = 0), >= 0",
    "years": f"Number of years; default {finance.DEFAULT_YEARS}, or the length of the cost ranges",
    "discount_rate": "Discount rate per year as a fraction, e.g. 0.08",
    "inhouse_escalation": "Yearly growth of a single in-house cost, fraction",
    "outsourced_escalation": "Yearly growth of a single outsourced cost, fraction",
    "traffic_erlangs": "Traffic in Erlangs = contacts per interval x AHT / interval length",
    "contacts": "Contacts (calls, chats, e-mails) arriving in the interval, >= 0",
    "aht_seconds": "Average handling time in seconds (talk + hold + wrap-up), > 0",
    "agents": "Agents on the phones (whole number)",
    "answer_seconds": "Target answer time in seconds",
    "interval_seconds": "Length of the interval in seconds (1800 is 30 minutes)",
    "target_sl": "Target share answered within answer_seconds, fraction",
    "max_occupancy": "Maximum occupancy of the agents, fraction",
    "shrinkage": "Share of paid time off the phones (breaks, training, absence), fraction",
    "patience_seconds": "Mean time a caller waits before hanging up, seconds, > 0",
    "gross_salary": "Gross annual salary of one full-time agent",
    "employer_charge_rate": "Employer social charges as a fraction of gross salary, e.g. 0.30",
    "paid_hours": "Paid hours per full-time agent per year (1 607 in France)",
    "other_costs_per_fte": "Other annual costs per agent: seat, IT, payroll extras, share of supervision",
    "occupancy": "Handled time / time on the phones, fraction; below 1 gives the cost per handled hour",
    "scheduling_efficiency": "Share of scheduled time on the phones that matches the arrival curve, fraction (0.5 to 1)",
    "pricing_model": "per_hour, per_fte_month, per_minute, per_contact or fixed_monthly",
    "price": "The quoted price in its pricing unit, > 0",
    "occupancy_billed": "Handled time / billed logged time the price assumes, fraction",
    "hours_per_fte_month": "Logged (productive) hours in one billed FTE-month: worked hours x (1 - the vendor's shrinkage)",
    "monthly_contacts": "Contacts handled per month (needed for fixed_monthly)",
    "vat_rate": "VAT rate on the vendor's invoice, fraction (0.2 in France; self-assessed for a vendor abroad)",
    "vat_recovery": "Share of the VAT the client recovers, fraction: 1 for a taxable company, 0 for an exempt one",
    "transfer_uplift": "A staff-transfer quote's uplift on its price for the agents it takes over (L1224-1), fraction",
    "inputs": "Inputs!A:B of an xlmodel workbook (labels and values)",
    "channels": "The Channels table with its header row (Channels sheet)",
    "vendors": "The VendorQuotes table with its header row (Vendors sheet)",
    "hybrid": "Hybrid!A:B of an xlmodel workbook (labels and values)",
    "hybrid_channels": "The HybridChannels table with its header row (Hybrid sheet)",
    "sourcing": "Optional: the Sourcing sheet of an xlmodel workbook (e.g. Sourcing!A1:L80): its portfolios",
}


def help_text(name: str, default=None, docs: dict | None = None) -> str:
    """The wizard's text for one argument: its DOC entry (or ``docs[name]``), then its default.

    >>> help_text("answer_seconds", 20)
    'Target answer time in seconds (default 20)'
    """
    text = (docs or {}).get(name, DOC[name])
    return text if default is None else f"{text} (default {shown(default)})"


def udf(expand: str | None = None, **docs):
    """Register an Excel function: the ``#`` edge (:func:`excel_errors`), one help text per argument
    (``docs`` overrides :data:`DOC` for this function), the signature's defaults in those texts, and
    the category; ``expand="table"`` spills the returned rows. xlwings reads the arguments and their
    defaults from the signature."""
    def register(f):
        wrapped = excel_errors(f)
        optional = defaults(f)
        for name in f.__code__.co_varnames[:f.__code__.co_argcount]:
            wrapped = xw.arg(name, doc=help_text(name, optional.get(name), docs))(wrapped)
        if expand:
            wrapped = xw.ret(expand=expand)(wrapped)
        return xw.func(category=CATEGORY)(wrapped)  # last: xw.arg and xw.ret reset the category
    return register


def _finance(inhouse_cost, outsourced_cost, one_off_cost, years_, discount_rate, inhouse_escalation,
             outsourced_escalation) -> tuple:
    """The seven finance arguments converted; lengths and years are checked by xlmodel.finance.

    Excel's rates are bounded tighter than xlmodel's (> -1 only): above 1 is a percentage typed.
    """
    return (costs("inhouse_cost", inhouse_cost), costs("outsourced_cost", outsourced_cost),
            number("one_off_cost", one_off_cost), years(years_),
            rate("discount_rate", discount_rate, above=-1, maximum=1),
            rate("inhouse_escalation", inhouse_escalation, above=-1, maximum=1),
            rate("outsourced_escalation", outsourced_escalation, above=-1, maximum=1))


def _horizon(args: tuple) -> int:
    inhouse, outsourced, _, n_years = args[:4]
    for cost in (inhouse, outsourced):
        if isinstance(cost, list):
            return len(cost)
    return finance.DEFAULT_YEARS if n_years is None else n_years


@udf()
def OUTSOURCE_NPV(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """NPV of outsourcing = -one_off_cost + sum over years y of (in-house cost - outsourced cost) / (1 + discount_rate)^y. End-of-year flows, one-off at signature (Excel's NPV alone would discount it)."""
    return finance.outsource_npv(*_finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate,
                                           inhouse_escalation, outsourced_escalation))


@udf()
def OUTSOURCE_ROI(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """Return on the one-off cost of outsourcing = OUTSOURCE_NPV / one_off_cost (one_off_cost must be > 0). 1 means the discounted savings come to twice the one-off cost."""
    return finance.outsource_roi(*_finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate,
                                           inhouse_escalation, outsourced_escalation))


@udf(discount_rate="Not used (payback is undiscounted); kept so the arguments match OUTSOURCE_NPV")
def PAYBACK_MONTHS(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                   inhouse_escalation=0, outsourced_escalation=0):
    """First whole month at which the undiscounted savings (each year's spread over its 12 months) repay one_off_cost; 0 without one-off cost; #N/A when not within the years."""
    args = _finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                    outsourced_escalation)
    months = finance.outsource_payback_months(*args)
    return f"#N/A payback not reached within {_horizon(args)} years" if months is None else months


@udf(discount_rate="Not used (the IRR is the rate that makes the NPV zero); kept so the arguments match")
def OUTSOURCE_IRR(inhouse_cost, outsourced_cost, one_off_cost, years=None, discount_rate=0.08,
                  inhouse_escalation=0, outsourced_escalation=0):
    """Internal rate of return of outsourcing: the discount rate at which OUTSOURCE_NPV is 0 (cash flows: -one_off_cost at signature, then each year's saving at its end)."""
    args = _finance(inhouse_cost, outsourced_cost, one_off_cost, years, discount_rate, inhouse_escalation,
                    outsourced_escalation)
    value = finance.outsource_irr(*args)
    if value is not None:
        return value
    if finance.sign_changes(finance.outsource_flows(*args)) > 1:
        return f"#N/A {words('en')['no_single_irr']}: the cash flows change sign more than once"
    return "#N/A no rate makes the NPV zero (the cash flows never change sign)"


@udf()
def ERLANG_C(traffic_erlangs, agents):
    """Probability that a contact has to wait (Erlang C) for a traffic in Erlangs and a number of agents; 1 when agents <= traffic."""
    return erlang.erlang_c(number("traffic_erlangs", traffic_erlangs), number("agents", agents))


@udf()
def SERVICE_LEVEL(contacts, aht_seconds, agents, answer_seconds=20, interval_seconds=1800):
    """Share of contacts answered within answer_seconds (Erlang C), for contacts arriving in one interval and a number of agents."""
    return erlang.service_level(number("contacts", contacts), number("aht_seconds", aht_seconds),
                                number("agents", agents), number("answer_seconds", answer_seconds),
                                number("interval_seconds", interval_seconds))


@udf()
def ASA(contacts, aht_seconds, agents, interval_seconds=1800):
    """Average speed of answer in seconds (Erlang C) over all contacts; #N/A when agents <= traffic (the queue never empties)."""
    value = erlang.asa(number("contacts", contacts), number("aht_seconds", aht_seconds), number("agents", agents),
                       number("interval_seconds", interval_seconds))
    return "#N/A too few agents: the queue never empties (agents <= traffic)" if value == float("inf") else value


@udf()
def AGENTS_REQUIRED(contacts, aht_seconds, target_sl=0.8, answer_seconds=20, interval_seconds=1800,
                    max_occupancy=1, shrinkage=0, patience_seconds=0):
    """Agents to schedule: the fewest on the phones meeting the service target (Erlang C; Erlang A with patience_seconds > 0, abandons failing it) and the occupancy cap, divided by (1 - shrinkage) and rounded up."""
    return erlang.agents_to_schedule(
        number("contacts", contacts), number("aht_seconds", aht_seconds), number("target_sl", target_sl),
        number("answer_seconds", answer_seconds), number("interval_seconds", interval_seconds),
        number("max_occupancy", max_occupancy), number("shrinkage", shrinkage),
        number("patience_seconds", patience_seconds))


@udf()
def ABANDON_RATE(contacts, aht_seconds, agents, patience_seconds, interval_seconds=1800):
    """Share of contacts that hang up before an answer (Erlang A: callers with exponential patience of mean patience_seconds)."""
    return erlang.abandon_rate(number("contacts", contacts), number("aht_seconds", aht_seconds),
                               number("agents", agents), number("patience_seconds", patience_seconds),
                               number("interval_seconds", interval_seconds))


@udf()
def INHOUSE_HOURLY_COST(gross_salary, employer_charge_rate, paid_hours, shrinkage, other_costs_per_fte=0,
                        occupancy=1, scheduling_efficiency=1):
    """Cost of one in-house hour on the phones = (salary x (1 + employer charges) + other annual costs per agent) / (paid hours x (1 - shrinkage) x scheduling efficiency); with occupancy < 1, per handled hour."""
    return unit_costs.inhouse_hourly_cost(
        number("gross_salary", gross_salary), number("employer_charge_rate", employer_charge_rate),
        number("paid_hours", paid_hours), number("shrinkage", shrinkage),
        number("other_costs_per_fte", other_costs_per_fte), number("occupancy", occupancy),
        number("scheduling_efficiency", scheduling_efficiency))


def _quote(pricing_model, price, aht_seconds, occupancy_billed, hours_per_fte_month, monthly_contacts, vat_rate,
           vat_recovery, transfer_uplift) -> tuple:
    return (choice("pricing_model", pricing_model, unit_costs.PRICING_MODELS), number("price", price),
            number("aht_seconds", aht_seconds), number("occupancy_billed", occupancy_billed),
            number("hours_per_fte_month", hours_per_fte_month), number("monthly_contacts", monthly_contacts),
            rate("vat_rate", vat_rate), rate("vat_recovery", vat_recovery), rate("transfer_uplift", transfer_uplift))


@udf()
def VENDOR_COST_PER_CONTACT(pricing_model, price, aht_seconds, occupancy_billed=0.85, hours_per_fte_month=140,
                            monthly_contacts=0, vat_rate=0.2, vat_recovery=1, transfer_uplift=0):
    """A vendor quote in any pricing model turned into a cost per contact handled, with the VAT not recovered (x (1 + vat_rate x (1 - vat_recovery))), to compare quotes with each other and with in-house."""
    return unit_costs.vendor_cost_per_contact(*_quote(pricing_model, price, aht_seconds, occupancy_billed,
                                                      hours_per_fte_month, monthly_contacts, vat_rate, vat_recovery,
                                                      transfer_uplift))


@udf()
def VENDOR_COST_PER_HOUR(pricing_model, price, aht_seconds, occupancy_billed=0.85, hours_per_fte_month=140,
                         monthly_contacts=0, vat_rate=0.2, vat_recovery=1, transfer_uplift=0):
    """A vendor quote in any pricing model turned into a cost per handled hour (talk + hold + wrap-up), with the VAT not recovered, comparable with INHOUSE_HOURLY_COST given an occupancy."""
    return unit_costs.vendor_cost_per_handled_hour(*_quote(pricing_model, price, aht_seconds, occupancy_billed,
                                                           hours_per_fte_month, monthly_contacts, vat_rate,
                                                           vat_recovery, transfer_uplift))


@udf(expand="table")
def OUTSOURCE_COMPARE(inputs, channels, vendors, hybrid, hybrid_channels, sourcing=None):
    """The whole case of an xlmodel workbook compared, one row per scenario under a header (NPVs, ROI, payback, IRR, year-1 cost per contact and FTE); with the Sourcing sheet's range, its portfolios too.

    The way back in-house is a scenario when the Inputs range gives its year (issue 14)."""
    # Imported here: the engine and the workbook reader are not needed by the other functions,
    # and `import udfs` must stay light.
    from xlmodel.engine import compare
    from xlmodel.workbook.reader import case_from_ranges
    result = compare(case_from_ranges(inputs, channels, vendors, hybrid, hybrid_channels, sourcing))
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
