"""The planning step: where every sheet puts everything, decided before any cell is written.

:func:`make_plan` lays the sheets out one after the other; each planner takes what it needs as
arguments (the Calc rows need the inputs' references, the Checks need the Staffing and Risk checks),
so the order is the order of the data, stated here.  Nothing depends on the language nor on the
values of the case, only on its structure and the model: a workbook whose inputs are edited keeps
its layout, which is what lets the refresh macro write the Python blocks back into place.
"""

from __future__ import annotations

from ..analytics.drivers import DRIVER_IDS
from ..case import Case
from ..model import (CONSTANTS, COST_LINES, ONE_OFF_LINES, SEASONALITY, CaseRef, ChannelInput, Constant, Input, Model,
                     ProfileUplift, Row, RowKey, ToVendor, VendorInput)
from ..model.appraisal import APPRAISAL_NAMES
from ..schema import (CASE, CHANNEL, CONTINUITY, CUSTOMER, DEMAND, FINANCE, HYBRID, INHOUSE, REINTERNALISATION, RISK,
                      SCORING, TRANSITION, VENDOR)
from .layout import (HISTOGRAM_BINS, CalcLayout, ChannelsLayout, ChecksLayout, CompareLayout, DashboardLayout,
                     HybridLayout, InputsLayout, Plan, RiskLayout, Span, StaffingLayout, VendorsLayout, col,
                     defined_name, month_col)
from .sheets.sourcing import plan_sourcing
from .sheets.staffing import sizing_inputs

INPUT_SECTIONS = (CASE, FINANCE, DEMAND, INHOUSE, TRANSITION, CUSTOMER, CONTINUITY, REINTERNALISATION, SCORING, RISK)
"""The single-value sections of the Inputs sheet, in order (the Hybrid sheet has its own)."""

DECISION_LINES = 3  # cost of inaction, vendor ranking, break-even prices (text.sentences.decision_lines)


def make_plan(case: Case, model: Model) -> Plan:
    """The layout of the workbook of ``case`` (see the module)."""
    refs: dict[CaseRef, str] = {}
    inputs = plan_inputs(refs)
    channels = plan_channels(case, refs)
    vendors = plan_vendors(case, refs)
    hybrid = plan_hybrid(case, refs)
    sourcing_cells: set = set()
    sourcing = plan_sourcing(case, refs, sourcing_cells)
    calc = plan_calc(model, case.months, case.finance.horizon_years)
    staffing = plan_staffing(model)
    compare = plan_compare(model, case.finance.horizon_years)
    risk = plan_risk(case, model)
    checks = plan_checks(bool(case.portfolios), case.reinternalisation.year > 0)
    dashboard = plan_dashboard(model)
    cells = {("Inputs", f"B{r}") for r in inputs.fields.values()} | sourcing_cells
    cells |= {("Inputs", f"B{r}") for r in inputs.seasonality.rows}
    cells |= {("Channels", f"{c}{channels.row(i)}") for c in channels.columns.values()
              for i in range(channels.count)}
    cells |= {("Vendors", f"{c}{vendors.row(v)}") for c in (*vendors.columns.values(), vendors.hybrid_column)
              for v in range(vendors.count)}
    cells |= {("Hybrid", f"B{r}") for r in hybrid.fields.values()}
    cells |= {("Hybrid", f"B{hybrid.flag_row(i)}") for i in range(hybrid.channel_count)}
    return Plan(inputs, channels, vendors, hybrid, calc, staffing, compare, risk, checks, dashboard, refs,
                frozenset(cells), sourcing)


def plan_inputs(refs: dict[CaseRef, str]) -> InputsLayout:
    """Sections from row 5, each followed by a blank row; the demand section ends with the 12
    seasonality weights; then the constants (the channels have a sheet of their own)."""
    r = 5
    sections, fields = [], {}
    seasonality = None
    for section in INPUT_SECTIONS:
        sections.append((section, r))
        r += 1
        for f in section.fields:
            fields[(section.name, f.name)] = r
            refs[Input(section.name, f.name)] = defined_name(section.name, f.name)
            r += 1
        if section is DEMAND:
            seasonality = Span.of(r, 12)
            refs[SEASONALITY] = "demand_seasonality"
            r += 12
        r += 1
    constants = {name: r + 1 + k for k, name in enumerate(CONSTANTS)}
    refs.update({Constant(name): name for name in CONSTANTS})
    return InputsLayout(tuple(sections), fields, seasonality, r, constants)


def plan_channels(case: Case, refs: dict[CaseRef, str]) -> ChannelsLayout:
    """Units on row 3, the Channels table's header on row 4, one channel per row below it (as Vendors)."""
    columns = {f.name: col(j) for j, f in enumerate(CHANNEL.fields, start=1)}
    layout = ChannelsLayout(3, 4, columns, len(case.channels))
    for i in range(layout.count):
        for name in columns:
            refs[ChannelInput(i, name)] = layout.cell(i, name)
    return layout


def plan_vendors(case: Case, refs: dict[CaseRef, str]) -> VendorsLayout:
    """Units on row 3, the table's header on row 4, one quote per row below it."""
    columns = {f.name: col(j) for j, f in enumerate(VENDOR.fields, start=1)}
    layout = VendorsLayout(3, 4, columns, col(len(VENDOR.fields) + 1), len(case.vendors))
    for v in range(layout.count):
        for name, c in columns.items():
            refs[VendorInput(v, name)] = f"Vendors!${c}${layout.row(v)}"
    return layout


def plan_hybrid(case: Case, refs: dict[CaseRef, str]) -> HybridLayout:
    """The hybrid inputs from row 5, a blank row, then the channel flags under their header."""
    fields = {f.name: 5 + k for k, f in enumerate(HYBRID.fields)}
    refs.update({Input("hybrid", name): defined_name("hybrid", name) for name in fields})
    layout = HybridLayout(fields, 5 + len(fields) + 1, len(case.channels))
    refs.update({ToVendor(i): f"Hybrid!$B${layout.flag_row(i)}" for i in range(layout.channel_count)})
    return layout


_PAYBACK_NAMES = frozenset({"saving_spread", "cum_saving", "payback_reached", "payback"})


def calc_group(model: Model, row: Row) -> tuple:
    """The group a Calc row is shown under: ``("payback",)``, ``("years",)``, ``("finance", id)``
    (a scenario's appraisal by year), ``("time",)``, ``("demand",)``, ``("vendor", index)``,
    ``("scenario", id)``, or ``("other", block)``."""
    block = row.key.block
    if row.key.name in _PAYBACK_NAMES:
        return ("payback",)
    if row.key.name.startswith("cont_"):  # a portfolio's continuity (xlmodel.model.continuity)
        return ("continuity", row.scenario)
    if block == "year":
        return ("years",)
    if block in ("time", "demand"):
        return (block,)
    if block.startswith("vendor"):
        return ("vendor", int(block[6:]))
    for sc in model.scenarios:
        if sc.prefix == block:
            return ("finance", sc.id) if row.key.name in APPRAISAL_NAMES else ("scenario", sc.id)
    return ("other", block)


def plan_calc(model: Model, months: int, years: int) -> CalcLayout:
    """From row 4: a title row at each change of group (a blank row before every title but the
    first), then one row per model row, in the model's order."""
    r, group = 4, None
    groups, rows = [], {}
    for row in model.rows:
        g = calc_group(model, row)
        if g != group:
            r += 1 if group is not None else 0
            groups.append((g, r))
            r += 1
            group = g
        rows[row.key] = r
        r += 1
    return CalcLayout(tuple(groups), rows, months, years, month_col(months), rows[RowKey("time", "year")],
                      rows[RowKey("time", "month")], rows[RowKey("year", "number")])


def plan_staffing(model: Model) -> StaffingLayout:
    """The year row 4; from row 6 the native agents, one row per staffing row under a title; after a
    blank row the Python twin likewise, its agreement and its check; after a blank row the inputs
    the twin used (title, header, one row each, then the 12 seasonality weights) and whether they
    are unchanged; after a blank row whether the search is exact; after a blank row the search of
    each staffing row, a title then its rows (its agents are at the top; a link to another staffing
    row's agents has no search); with an arrival profile, after a blank row the agents its shifts add."""
    r = _Rows(6)
    native_title = r.one()
    rows = {s.key: r.one() for s in model.staff}
    twin_title = r.title("twin")
    twin_rows = {s.key: r.one() for s in model.staff}
    agree_row, verified_row = r.one(), r.one()
    inputs_title = r.title("inputs")
    r.one()  # the header
    keys = tuple(sizing_inputs(model))
    first = r.take(len(keys)).first if keys else r.next
    seasonality = r.take(12)
    current_row = r.one()
    covered_row = r.title("covered")
    search_title = r.title("search")
    search_titles, sizing_rows = {}, {}
    for s in model.staff:
        if len(s.sizing) > 1:  # not a link to an earlier staffing row's agents
            search_titles[s.key] = r.one()
        for key in s.sizing[:-1]:
            sizing_rows[key] = r.one()
        sizing_rows[s.native] = rows[s.key]
    # With a weekly arrival profile: the agents its shifts add, one row per live search (Python values),
    # last, so that a profile typed into a book built without one moves no row (the refresh macro
    # writes the values of the layout it builds).
    shifted = [s.key for s in model.staff if s.native and ProfileUplift(s.key) in model.row(s.native).bind.values()]
    profile_title = r.title("profile") if shifted else None
    profile_rows = {key: r.one() for key in shifted}
    return StaffingLayout(4, native_title, rows, twin_title, twin_rows, agree_row, verified_row, inputs_title, keys,
                          first, seasonality, current_row, covered_row, search_title, search_titles, sizing_rows,
                          profile_title, profile_rows)


class _Rows:
    """A cursor down a sheet: ``take(n)`` gives the next ``n`` rows, ``title()`` a title row after a
    blank one."""

    def __init__(self, first: int):
        self.next = first
        self.titles: dict[str, int] = {}

    def take(self, count: int = 1) -> Span:
        span = Span.of(self.next, count)
        self.next += count
        return span

    def one(self) -> int:
        return self.take().first

    def title(self, key: str) -> int:
        self.next += 1
        self.titles[key] = self.one()
        return self.titles[key]


def plan_compare(model: Model, years: int) -> CompareLayout:
    """The scenario labels on row 4, then the blocks in the order below, each under its title."""
    head = 4
    scenarios = model.scenarios
    columns = {s.id: col(3 + j) for j, s in enumerate(scenarios)}
    alternatives = [j for j, s in enumerate(scenarios)
                    if s.kind in ("outsourced", "hybrid", "portfolio", "reinternalised")]
    if alternatives != list(range(alternatives[0], alternatives[-1] + 1)):
        raise ValueError("the model must list the outsourced and hybrid scenarios side by side")
    r = _Rows(head + 1)
    r.title("annual_cost")
    annual = r.take(years)
    r.title("cost_lines")
    lines = {line: r.take(years) for line, _, _ in COST_LINES}
    r.title("one_off")
    one_off_lines = {line: r.one() for line, _, _ in ONE_OFF_LINES}
    one_off = r.one()
    r.title("discount_factor")
    discount = r.take(years)
    r.title("npv_cost")
    npv_cost, npv_savings, roi, payback = r.take(4).rows
    r.title("after_tax")
    npv_cost_after_tax, npv_savings_after_tax = r.take(2).rows
    r.title("flow")
    flow = r.take(years + 1)
    irr = r.one()
    r.title("cumulative")
    cumulative = r.take(years + 1)
    r.title("contacts")
    contacts, cost_per_contact, fte, vendor_fte = (r.take(years) for _ in range(4))
    r.title("average_cost_line")
    average_lines = r.take(len(COST_LINES))
    r.title("python_block")
    python = {key: r.one() for key in ("py_npv", "py_roi", "py_payback")}
    python_agree = r.one()
    r.title("eligible")
    eligible, eligible_npv, ids, short_labels = r.take(4).rows
    return CompareLayout(head, columns, col(3), col(2 + len(scenarios)),
                         (col(3 + alternatives[0]), col(3 + alternatives[-1])), r.titles, annual, lines, one_off_lines,
                         one_off, discount, npv_cost, npv_savings, roi, payback, npv_cost_after_tax,
                         npv_savings_after_tax, flow, irr, cumulative, contacts,
                         cost_per_contact, fte, vendor_fte, average_lines, python, python_agree, eligible,
                         eligible_npv, ids, short_labels)


def plan_risk(case: Case, model: Model) -> RiskLayout:
    """From row 10, one block per analysis: a title, a header, the rows, a blank row.  The counts
    follow the case's structure: every driver has a tornado bar, every scenario a Monte Carlo and an
    economic row, every vendor a score and a break-even, every hybrid vendor a best share."""
    scenarios = [s.id for s in model.scenarios]  # portfolios and the way back in-house too
    vendors = len(case.vendors)
    r = _Rows(10)
    tornado_title = r.one()
    r.one()
    tornado = r.take(len(DRIVER_IDS))
    r.one()
    monte_carlo_title = r.one()
    r.one()
    monte_carlo = r.take(len(scenarios))
    monte_carlo_note = r.one()
    r.one()
    histogram_title = r.one()
    r.one()
    histogram = r.take(HISTOGRAM_BINS)
    r.one()
    scoring_title = r.one()
    r.one()
    weights_row = r.one()
    scoring = r.take(vendors)
    scoring_reason = r.one()
    r.one()
    break_even_title = r.one()
    r.one()
    break_even = r.take(vendors)
    hybrid_share = r.take(len(case.hybrid.vendors))
    way_back = r.take(2 if case.reinternalisation.year else 0)
    r.one()
    economic_title = r.one()
    r.take(2)  # the cost of inaction, the header
    economic = dict(zip(scenarios, r.take(len(scenarios)).rows))
    r.one()
    settings_title = r.one()
    r.one()
    settings = r.take(len(SCORING.fields) + len(RISK.fields))
    r.one()
    sentences_title = r.one()
    sentences = r.take(1 + DECISION_LINES)
    return RiskLayout(tornado_title, tornado, monte_carlo_title, monte_carlo, monte_carlo_note, histogram_title,
                      histogram, scoring_title, weights_row, scoring, scoring_reason, break_even_title, break_even,
                      hybrid_share, way_back, economic_title, economic, settings_title, settings, sentences_title, sentences)


CHECKS = ("check_seasonality", "staffing_verified", "staffing_covered", "check_annual", "check_lines", "check_npv",
          "check_prices", "check_python", "check_horizon", "check_sizing_rules", "check_quote_rules",
          "check_finance_rules", "check_profile")
"""The checks, in their order on the Checks sheet (each key is also the check's text key)."""


def plan_checks(portfolios: bool = False, reinternal: bool = False) -> ChecksLayout:
    """One check per row from row 4 (with ``portfolios``, their assignments' check), the year back
    in-house's last (``reinternal``: the book has that scenario); the master check after a blank row."""
    extra = (("check_sourcing",) if portfolios else ()) + (
        "check_reinternalisation" if reinternal else "check_reinternalisation_none",)
    rows = tuple((key, 4 + k) for k, key in enumerate(CHECKS + extra))
    return ChecksLayout(rows, 4 + len(rows) + 1)


def plan_dashboard(model: Model) -> DashboardLayout:
    """The scenario table's header on row 11, a row per scenario; the charts three rows below, 21
    rows tall; the analytics sentence (3 rows merged), then one decision line per row."""
    n = len(model.scenarios)
    chart_row = 11 + n + 3
    return DashboardLayout(11, Span.of(12, n), chart_row, chart_row + 21, Span.of(chart_row + 24, DECISION_LINES))
