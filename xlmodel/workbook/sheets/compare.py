"""The Compare sheet: the scenarios side by side, one column each.

It aggregates the Calc rows by year with SUMIF and applies the finance of docs/method.md ("Money:
timing, NPV, ROI, payback, IRR") with explicit discount factors: NPV of cost, NPV of savings
against in-house at target service, ROI, payback, IRR, then the cash flows, volumes and FTE, the
UDF twins of the finance, and which scenarios may be recommended.
"""

from __future__ import annotations

from ...model import COST_LINES, ONE_OFF_LINES
from ...text import pick
from ...text.sentences import short_label
from .. import styles
from ..content import Content
from ..layout import Plan, Span, col


class _Sheet:
    """The Compare worksheet with the plan and the content: the verbs its blocks share."""

    def __init__(self, ws, plan: Plan, c: Content):
        self.ws, self.plan, self.c, self.lay = ws, plan, c, plan.compare
        self.scenarios = c.model.scenarios
        self.years_span = plan.calc.span("time.year")

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

    def sumif(self, keys, year_row: int) -> str:
        if not keys:
            return "=0"
        calc = self.plan.calc
        return "=" + "+".join(f"SUMIF({self.years_span},$B{year_row},{calc.span(k)})" for k in keys)

    def average(self, key: str, year_row: int) -> str:
        if key not in self.plan.calc.rows:
            return "=0"
        return f"=SUMIF({self.years_span},$B{year_row},{self.plan.calc.span(key)})/12"


def write(ws, plan: Plan, c: Content):
    t, lay = c.t, plan.compare
    styles.title(ws, "A1", t["compare_title"])
    ws["A2"] = t["compare_help"]
    styles.header_row(ws, lay.head, [t["scenario"], t["year"]] + [c.label(s) for s in c.model.scenarios])
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
    sheet.year_rows(lay.annual, t["annual_cost"], lambda s, yr, y: sheet.sumif([f"{s.prefix}.total"], yr), money)
    sheet.title("cost_lines")
    for line, en, fr in COST_LINES:
        keys_by_sc = {s.id: [row.key for row in c.model.rows if row.scenario == s.id and row.line == line]
                      for s in sheet.scenarios}
        sheet.year_rows(lay.lines[line], pick(c.lang, en, fr),
                        lambda s, yr, y, k=keys_by_sc: sheet.sumif(k[s.id], yr), money)
    sheet.title("one_off")
    for line, en, fr in ONE_OFF_LINES:
        r = lay.one_off_lines[line]
        ws[f"A{r}"] = pick(c.lang, en, fr)
        for s in sheet.scenarios:
            key = f"{s.prefix}.{line}"
            ws[f"{lay.columns[s.id]}{r}"] = f"=Calc!$C${calc_rows[key]}" if key in calc_rows else "=0"
            ws[f"{lay.columns[s.id]}{r}"].number_format = money
    r = lay.one_off
    ws[f"A{r}"] = t["one_off_total"]
    for s in sheet.scenarios:
        ws[f"{lay.columns[s.id]}{r}"] = f"=Calc!$C${calc_rows[f'{s.prefix}.one_off']}"
        ws[f"{lay.columns[s.id]}{r}"].number_format = money


def _finance(sheet: _Sheet):
    """Discount factors, NPV of cost and of savings, ROI, payback; net and cumulative cash flows, IRR."""
    ws, c, lay, calc_rows, single = sheet.ws, sheet.c, sheet.lay, sheet.plan.calc.rows, sheet.single
    t = c.t
    sheet.title("discount_factor")
    for y, r in enumerate(lay.discount.rows, start=1):
        ws[f"A{r}"] = f"{t['discount_factor']}, {t['year'].lower()} {y}"
        ws[f"B{r}"] = y
        ws[f"C{r}"] = f"=1/(1+finance_discount_rate)^B{r}"
        ws[f"C{r}"].number_format = "0.0000"
    df = f"$C${lay.discount.first}:$C${lay.discount.last}"
    a0, a1 = lay.annual.first, lay.annual.last
    inh = lay.columns["inhouse"]
    sheet.title("npv_cost")
    single(lay.npv_cost, t["npv_cost"],
           lambda s, x: f"={x}{lay.one_off}+SUMPRODUCT({x}{a0}:{x}{a1},{df})", c.money)
    single(lay.npv_savings, t["npv_savings"],
           lambda s, x: (f"=SUMPRODUCT({inh}{a0}:{inh}{a1},{df})-SUMPRODUCT({x}{a0}:{x}{a1},{df})"
                         f"-{x}{lay.one_off}"), c.money)
    single(lay.roi, t["roi"], lambda s, x: (f'=IF({x}{lay.one_off}>0,{x}{lay.npv_savings}/{x}{lay.one_off},'
                                            f'"{t["na"]}")' if s.kind != "inhouse" else f'="{t["reference"]}"'),
           styles.PERCENT)
    single(lay.payback, t["payback"],
           lambda s, x: (f"=Calc!$C${calc_rows[f'{s.prefix}.payback']}" if s.kind != "inhouse"
                         else f'="{t["reference"]}"'), styles.INTEGER)

    sheet.title("flow")
    for y, r in enumerate(lay.flow.rows):
        ws[f"A{r}"] = f"{t['flow']}, {t['year'].lower()} {y}"
        ws[f"B{r}"] = y
        for s in sheet.scenarios:
            x = lay.columns[s.id]
            ws[f"{x}{r}"] = (f"=-{x}{lay.one_off}" if y == 0 else f"={inh}{a0 + y - 1}-{x}{a0 + y - 1}")
            ws[f"{x}{r}"].number_format = c.money
    f0, f1 = lay.flow.first, lay.flow.last
    single(lay.irr, t["irr"],
           lambda s, x: (f'=IF(AND({x}{lay.one_off}>0,ISNUMBER({x}{lay.payback})),'
                         f'IFERROR(IRR({x}{f0}:{x}{f1}),"{t["na"]}"),"{t["na"]}")'
                         if s.kind != "inhouse" else f'="{t["reference"]}"'), styles.PERCENT)
    sheet.title("cumulative")
    for y, r in enumerate(lay.cumulative.rows):
        ws[f"A{r}"] = f"{t['cumulative']}, {t['year'].lower()} {y}"
        ws[f"B{r}"] = y
        for s in sheet.scenarios:
            x = lay.columns[s.id]
            ws[f"{x}{r}"] = f"={x}{f0}" if y == 0 else f"={x}{r - 1}+{x}{f0 + y}"
            ws[f"{x}{r}"].number_format = c.money


def _volumes(sheet: _Sheet):
    """Contacts, cost per contact, in-house and vendor FTE by year; average annual cost by line."""
    ws, c, lay = sheet.ws, sheet.c, sheet.lay
    t, a0, n0 = c.t, lay.annual.first, lay.contacts.first
    sheet.title("contacts")
    sheet.year_rows(lay.contacts, t["contacts"], lambda s, yr, y: sheet.sumif(["demand.contacts"], yr),
                    styles.INTEGER)
    sheet.year_rows(lay.cost_per_contact, t["cost_per_contact"],
                    lambda s, yr, y: f"={lay.columns[s.id]}{a0 + y - 1}/{lay.columns[s.id]}{n0 + y - 1}",
                    c.money_2)
    sheet.year_rows(lay.fte, t["fte"], lambda s, yr, y: sheet.average(f"{s.prefix}.fte", yr), styles.DECIMAL)
    sheet.year_rows(lay.vendor_fte, t["vendor_fte"],
                    lambda s, yr, y: sheet.average(f"{s.prefix}.vendor_fte", yr), styles.DECIMAL)
    sheet.title("average_cost_line")
    for r, (line, en, fr) in zip(lay.average_lines.rows, COST_LINES):
        span = lay.lines[line]
        ws[f"A{r}"] = pick(c.lang, en, fr)
        for s in sheet.scenarios:
            x = lay.columns[s.id]
            ws[f"{x}{r}"] = f"=AVERAGE({x}{span.first}:{x}{span.last})"
            ws[f"{x}{r}"].number_format = c.money


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
    sheet.single(lay.eligible, t["eligible"], lambda s, x: "=0" if s.kind == "status_quo" else "=1", styles.INTEGER)
    sheet.single(lay.eligible_npv, t["eligible_npv"],
                 lambda s, x: f'=IF({x}{lay.eligible}=1,{x}{lay.npv_cost},"")', c.money)
    ws[f"A{lay.ids}"] = "Scenario id"
    for s in sheet.scenarios:
        ws[f"{lay.columns[s.id]}{lay.ids}"] = s.id
    ws[f"A{lay.short_labels}"] = t["short_label"]
    for s in sheet.scenarios:
        styles.write_text(ws, f"{lay.columns[s.id]}{lay.short_labels}", short_label(s, c.case, c.lang))
