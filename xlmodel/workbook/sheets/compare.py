"""The Compare sheet: the scenarios side by side, one column each.

Its costs and finance link to the Calc rows that compute them (:mod:`xlmodel.model.appraisal`:
each scenario's costs by year and by line, the discount factors, the NPV of cost and of savings
against in-house at target service, ROI, payback, net and cumulative cash flows, IRR), so the
workbook's finance is the engine's by construction; then the volumes and FTE (SUMIF of Calc rows by
year), the UDF twins of the finance, and which scenarios may be recommended.
"""

from __future__ import annotations

from openpyxl.styles import Alignment

from ...model import COST_LINES, ONE_OFF_LINES, RowKey, VendorInput
from ...text import pick
from ...text.sentences import short_label
from .. import styles
from ..content import Content
from ..layout import Plan, Span, col


_RIGHT = Alignment(horizontal="right")


class _Sheet:
    """The Compare worksheet with the plan and the content: the verbs its blocks share."""

    def __init__(self, ws, plan: Plan, c: Content):
        self.ws, self.plan, self.c, self.lay = ws, plan, c, plan.compare
        self.scenarios = c.model.scenarios
        self.years_span = plan.calc.span(RowKey("time", "year"))

    def title(self, key: str):
        styles.section(self.ws, f"A{self.lay.titles[key]}", self.c.t[key])

    def year_rows(self, span: Span, label: str, formula_for, fmt: str):
        """One row per year; formula_for(scenario, sheet_row, year) gives the formula."""
        ws, t = self.ws, self.c.t
        for y, r in enumerate(span.rows, start=1):
            ws[f"A{r}"] = f"{label}, {t['year'].lower()} {y} ({self.c.case.finance.start_year + y - 1})"
            ws[f"B{r}"] = y
            for s in self.scenarios:
                cell = ws[f"{self.lay.columns[s.id]}{r}"]
                cell.value = formula_for(s, r, y)
                cell.number_format = fmt

    def single(self, r: int, label: str, formula_for, fmt: str):
        """One row; formula_for(scenario, column) gives the formula."""
        ws = self.ws
        ws[f"A{r}"] = label
        for s in self.scenarios:
            x = self.lay.columns[s.id]
            ws[f"{x}{r}"] = formula_for(s, x)
            ws[f"{x}{r}"].number_format = fmt
            ws[f"{x}{r}"].alignment = _RIGHT  # a word (n/a, reference, not reached) stands where numbers do

    def sumif(self, key: RowKey, year_row: int) -> str:
        """A monthly Calc row's total in the year of ``year_row``."""
        return f"=SUMIF({self.years_span},$B{year_row},{self.plan.calc.span(key)})"

    def year_of(self, key: RowKey, year: int) -> str:
        """A link to year ``year`` (0 = the signature) of a yearly Calc row, or 0 if the row is absent."""
        calc = self.plan.calc
        return f"=Calc!{calc.year_col(year)}{calc.rows[key]}" if key in calc.rows else "=0"

    def single_of(self, key: RowKey) -> str:
        """A link to a single-value Calc row."""
        return f"=Calc!$C${self.plan.calc.rows[key]}"

    def average(self, key: RowKey, year_row: int) -> str:
        if key not in self.plan.calc.rows:
            return "=0"
        return f"=SUMIF({self.years_span},$B{year_row},{self.plan.calc.span(key)})/12"


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.compare
    styles.title(ws, "A1", t["compare_title"])
    ws["A2"] = t["compare_help"]
    _head(ws, plan, c)
    sheet = _Sheet(ws, plan, c)
    _costs(sheet)
    _finance(sheet)
    _volumes(sheet)
    _python_twins(sheet)
    _eligibility(sheet)
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 7
    for j in range(len(c.model.scenarios)):
        ws.column_dimensions[col(3 + j)].width = 20
    ws.freeze_panes = f"C{lay.head + 1}"


def _costs(sheet: _Sheet):
    """Annual cost, cost lines by year, one-off costs by line and in total."""
    ws, c, lay, calc_rows = sheet.ws, sheet.c, sheet.lay, sheet.plan.calc.rows
    t, money = c.t, c.money
    sheet.title("annual_cost")
    sheet.year_rows(lay.annual, t["annual_cost"], lambda s, yr, y: sheet.year_of(s.key("annual_cost"), y), money)
    sheet.title("cost_lines")
    for line, en, fr in COST_LINES:
        sheet.year_rows(lay.lines[line], pick(c.lang, en, fr),
                        lambda s, yr, y, line=line: sheet.year_of(s.key(f"cost_{line}"), y), money)
    sheet.title("one_off")
    for line, en, fr in ONE_OFF_LINES:
        r = lay.one_off_lines[line]
        ws[f"A{r}"] = pick(c.lang, en, fr)
        for s in sheet.scenarios:
            key = s.key(line)
            ws[f"{lay.columns[s.id]}{r}"] = sheet.single_of(key) if key in calc_rows else "=0"
            ws[f"{lay.columns[s.id]}{r}"].number_format = money
    r = lay.one_off
    ws[f"A{r}"] = t["one_off_total"]
    for s in sheet.scenarios:
        ws[f"{lay.columns[s.id]}{r}"] = sheet.single_of(s.key("one_off"))
        ws[f"{lay.columns[s.id]}{r}"].number_format = money


def _finance(sheet: _Sheet):
    """Discount factors, NPV of cost and of savings, ROI, payback; net and cumulative cash flows, IRR:
    links to the appraisal rows on Calc."""
    ws, c, lay, single = sheet.ws, sheet.c, sheet.lay, sheet.single
    t = c.t
    reference = f'="{t["reference"]}"'
    sheet.title("discount_factor")
    for y, r in enumerate(lay.discount.rows, start=1):
        ws[f"A{r}"] = f"{t['discount_factor']}, {t['year'].lower()} {y}"
        ws[f"B{r}"] = y
        ws[f"C{r}"] = sheet.year_of(RowKey("year", "discount_factor"), y)
        ws[f"C{r}"].number_format = "0.0000"
    sheet.title("npv_cost")
    single(lay.npv_cost, t["npv_cost"], lambda s, x: sheet.single_of(s.key("npv_cost")), c.money)
    single(lay.npv_savings, t["npv_savings"], lambda s, x: sheet.single_of(s.key("npv_savings")), c.money)
    single(lay.roi, t["roi"], lambda s, x: sheet.single_of(s.key("roi")) if s.kind != "inhouse" else reference,
           styles.PERCENT)
    not_applicable = f'="{t["not_applicable"]}"'  # the status quo changes nothing: nothing to pay back
    single(lay.payback, t["payback"],
           lambda s, x: reference if s.kind == "inhouse" else not_applicable if s.kind == "status_quo"
           else sheet.single_of(s.key("payback")), styles.INTEGER)
    sheet.title("after_tax")
    for key in ("npv_cost_after_tax", "npv_savings_after_tax"):
        single(getattr(lay, key), t[key], lambda s, x, key=key: sheet.single_of(s.key(key)), c.money)
    for block, span, name in (("flow", lay.flow, "flow"), ("cumulative", lay.cumulative, "cumulative_flow")):
        sheet.title(block)
        for y, r in enumerate(span.rows):
            ws[f"A{r}"] = f"{t[block]}, {t['year'].lower()} {y}"
            ws[f"B{r}"] = y
            for s in sheet.scenarios:
                x = lay.columns[s.id]
                ws[f"{x}{r}"] = sheet.year_of(s.key(name), y)
                ws[f"{x}{r}"].number_format = c.money
        if block == "flow":
            single(lay.irr, t["irr"], lambda s, x: _irr(sheet, s) if s.kind != "inhouse" else reference,
                   styles.PERCENT)


def _irr(sheet: _Sheet, s) -> str:
    """The IRR row of Calc, or the words saying there is no single one (a flow changing sign more than once)."""
    rows = sheet.plan.calc.rows
    return (f'=IF(Calc!$C${rows[s.key("sign_changes")]}>1,"{sheet.c.t["no_single_irr"]}",'
            f'Calc!$C${rows[s.key("irr")]})')


def _volumes(sheet: _Sheet):
    """Contacts, cost per contact, in-house and vendor FTE by year; average annual cost by line."""
    ws, c, lay = sheet.ws, sheet.c, sheet.lay
    t, a0, n0 = c.t, lay.annual.first, lay.contacts.first
    sheet.title("contacts")
    sheet.year_rows(lay.contacts, t["contacts"], lambda s, yr, y: sheet.sumif(RowKey("demand", "contacts"), yr),
                    styles.INTEGER)
    sheet.year_rows(lay.cost_per_contact, t["cost_per_contact"],
                    lambda s, yr, y: f"={lay.columns[s.id]}{a0 + y - 1}/{lay.columns[s.id]}{n0 + y - 1}",
                    c.money_2)
    sheet.year_rows(lay.fte, t["fte_paid"], lambda s, yr, y: sheet.average(s.key("fte"), yr), styles.DECIMAL)
    sheet.year_rows(lay.vendor_fte, t["fte_billed"],
                    lambda s, yr, y: sheet.average(s.key("vendor_fte"), yr), styles.DECIMAL)
    sheet.title("average_cost_line")
    for r, (line, en, fr) in zip(lay.average_lines.rows, COST_LINES):
        span = lay.lines[line]
        ws[f"A{r}"] = pick(c.lang, en, fr)
        for s in sheet.scenarios:
            x = lay.columns[s.id]
            ws[f"{x}{r}"] = f"=AVERAGE({x}{span.first}:{x}{span.last})"
            ws[f"{x}{r}"].number_format = c.money


def _head(ws, plan: Plan, c: Content):
    """The scenarios' labels. A hybrid's says the hybrid mode of the Hybrid sheet as it is now (the
    engine labels it by the mode it computes with), and the vendor's name from its cell (no user
    text is ever written into a formula): ``="Hybrid ("&hybrid_mode&"): "&Vendors!$A$5``."""
    lay, mode = plan.compare, c.case.hybrid.mode
    styles.write_text(ws, f"A{lay.head}", c.t["scenario"])
    styles.write_text(ws, f"B{lay.head}", c.t["year"])
    for s in c.model.scenarios:
        cell, label = f"{lay.columns[s.id]}{lay.head}", c.label(s)
        if s.kind != "hybrid":
            styles.write_text(ws, cell, label)
            continue
        name = c.case.vendors[s.vendor].name
        before, after = label.split(f"({mode})", 1)
        if not after.endswith(name):
            raise RuntimeError(f"a hybrid label that does not end with its vendor's name: {label!r}")
        ws[cell] = f'="{before}("&hybrid_mode&"){after[:-len(name)]}"&{plan.refs[VendorInput(s.vendor, "name")]}'
    styles.header_row(ws, lay.head, None)
    ws.row_dimensions[lay.head].height = 44  # a scenario's name wraps on up to three lines


def _python_twins(sheet: _Sheet):
    """The same figures from the functions finance staff type in any workbook (xlwings UDFs).
    Without the add-in they show a plain message; with it, a check compares them with the native ones."""
    c, lay = sheet.c, sheet.lay
    t = c.t
    sheet.title("python_block")
    a0, a1 = lay.annual.first, lay.annual.last
    inh = lay.columns["inhouse"]
    df_args = "finance_horizon_years,finance_discount_rate"
    twins = []
    for key, fn, native_key in (("py_npv", "OUTSOURCE_NPV", "npv_savings"), ("py_roi", "OUTSOURCE_ROI", "roi"),
                                ("py_payback", "PAYBACK_MONTHS", "payback")):
        def python_formula(s, x, fn=fn, native_key=native_key):
            if s.kind == "inhouse" or (native_key != "npv_savings" and s.kind == "status_quo"):
                return f'="{t["na"]}"'
            call = f"{fn}({inh}{a0}:{inh}{a1},{x}{a0}:{x}{a1},{x}{lay.one_off},{df_args})"
            return f'=IFERROR({call},"{t["python_missing"]}")'
        sheet.single(lay.python[key], f"{fn}()", python_formula, c.money if key == "py_npv" else
                     (styles.PERCENT if key == "py_roi" else styles.INTEGER))
        twins.append((lay.python[key], getattr(lay, native_key)))
    sheet.single(lay.python_agree, t["check_python"], lambda s, x: "=" + "*".join(
        f"IF(ISNUMBER({x}{py}),(ABS({x}{py}-{x}{native})<=CHECK_TOLERANCE*MAX(1,ABS({x}{native})))*1,1)"
        for py, native in twins), styles.INTEGER)


def _eligibility(sheet: _Sheet):
    """Which scenarios may be recommended (not the status quo), their NPV of cost, ids, short labels."""
    ws, c, lay = sheet.ws, sheet.c, sheet.lay
    t = c.t
    sheet.title("eligible")
    sheet.single(lay.eligible, t["eligible"], lambda s, x: sheet.single_of(s.key("comparable")), styles.INTEGER)
    sheet.single(lay.eligible_npv, t["eligible_npv"],
                 lambda s, x: f'=IF({x}{lay.eligible}=1,{x}{lay.npv_cost},"")', c.money)
    ws[f"A{lay.ids}"] = t["scenario_key"]  # the key the Dashboard's formulas match: a hidden row
    for s in sheet.scenarios:
        ws[f"{lay.columns[s.id]}{lay.ids}"] = s.id
    ws.row_dimensions[lay.ids].hidden = True
    ws[f"A{lay.short_labels}"] = t["short_label"]
    for s in sheet.scenarios:
        styles.write_text(ws, f"{lay.columns[s.id]}{lay.short_labels}", short_label(s, c.case, c.lang))
