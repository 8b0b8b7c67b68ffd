"""The workbook builder: lays the model out as native Excel formulas, one row per line item.

Nothing here defines model arithmetic: the Calc sheet is :mod:`xlmodel.model`'s rows rendered by
:meth:`xlmodel.model.language.Formula.excel`; the Staffing sheet holds the values the engine computed
in Python (Erlang C), with the inputs they came from and a staleness check; the Compare sheet links to
the Calc rows of each scenario's costs by year and finance (NPV, ROI, payback, IRR: model rows too).

Sheets, in order: Dashboard, Inputs, Vendors, Hybrid, Calc, Staffing, Compare, Checks, Method and
the hidden ``xlwings.conf``.  Every input cell is unlocked, styled as input, validated and noted;
every other cell is locked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..case import Case
from ..engine import Comparison, compare
from ..model.appraisal import APPRAISAL_NAMES
from ..model.language import MonthlyRow, Template, Timeline, YearlyRow
from ..model import (CONSTANTS, COST_LINES, ONE_OFF_LINES, SEASONALITY, CaseRef, ChannelInput, Constant, Input, Model,
                     Row, RowKey, RowRef, StaffRef, ToVendor, VendorInput)
from ..schema import (CASE, CHANNEL, CUSTOMER, DEMAND, FINANCE, HYBRID, INHOUSE, RISK, SCORING, TRANSITION, VENDOR,
                      Field)
from . import styles
from .text import UNITS, words

FIRST_MONTH_COL = 5  # column E: A label, B unit, C single value, D empty (the month before month 1)
SHEETS = ("Dashboard", "Inputs", "Vendors", "Hybrid", "Calc", "Staffing", "Compare", "Risk", "Checks", "Method",
          "xlwings.conf")
RISK_DRAWS = 2000  # Monte Carlo draws written by the builder and the refresh macro (python cli.py risk for more)
UDF_MODULE = "udfs.functions;udfs.macros"
VENDOR_TABLE = "VendorQuotes"
CHANNEL_TABLE = "Channels"
HYBRID_CHANNEL_TABLE = "HybridChannels"


def _table(ws, name: str, ref: str):
    """An Excel table over ``ref`` (header row first); the workbook reader finds inputs by it."""
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)


def col(index: int) -> str:
    return get_column_letter(index)


def month_col(month: int) -> str:
    """Column letter of month ``month`` (1-based) on Calc and Staffing."""
    return col(FIRST_MONTH_COL + month - 1)


def defined_name(section: str, name: str) -> str:
    """The workbook name of a single input, e.g. ``inhouse_gross_salary``."""
    return f"{section}_{name}"


@dataclass
class Layout:
    """Where everything was put, so that formulas on other sheets can refer to it."""

    refs: dict[CaseRef, str] = field(default_factory=dict)  # input reference -> absolute reference or name
    calc_rows: dict[str, int] = field(default_factory=dict)  # row key -> Calc row
    staff_rows: dict[str, int] = field(default_factory=dict)  # staff key -> Staffing row
    input_cells: list[tuple[str, str]] = field(default_factory=list)  # (sheet, cell) of every input
    year_row: int = 0
    year_number_row: int = 0  # Calc row of each year column's number (yearly rows)
    last_col: str = ""
    compare: dict = field(default_factory=dict)
    checks: list = field(default_factory=list)  # (text key, absolute ref) of 0/1 checks
    seasonality_row: int = 0
    sizing_check: str = ""
    sentence_cell: str = ""
    decision_cells: tuple = ()
    economic_rows: dict = field(default_factory=dict)
    tornado: tuple = ()
    risk_rows: tuple = ()
    histogram: tuple = ()
    channel_name_row: int = 0


INPUT_SECTIONS = (CASE, FINANCE, DEMAND, INHOUSE, TRANSITION, CUSTOMER, SCORING, RISK)
"""The single-value sections of the Inputs sheet, in order (the Hybrid sheet has its own)."""


class WorkbookBuilder:
    """Build the workbook of one case in one language (see module docstring)."""

    def __init__(self, case: Case, lang: str = "en", comparison: Comparison | None = None, analysis=None):
        self.case = case
        self._analysis = analysis
        self.lang = lang
        self.t = words(lang)
        self.result = comparison or compare(case)
        self.ev = self.result.evaluation
        self.model: Model = self.ev.model
        self.months = case.months
        self.years = case.finance.horizon_years
        self.cur = case.case.currency
        self.money = styles.money_format(self.cur)
        self.layout = Layout(last_col=month_col(self.months))
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.ws = {name: self.wb.create_sheet(name) for name in SHEETS}

    # -- helpers ---------------------------------------------------------------------------------
    def label(self, obj, attr="label") -> str:
        return getattr(obj, f"{attr}_{self.lang}")

    def unit_of(self, f: Field) -> str:
        return field_unit(f, self.lang, self.cur)

    def number_format(self, f: Field) -> str:
        return {"money": self.money, "rate": styles.PERCENT, "int": styles.INTEGER}.get(
            f.kind, styles.DECIMAL if f.kind == "number" else "@")

    def name(self, name: str, ref: str):
        self.wb.defined_names[name] = DefinedName(name, attr_text=ref)

    def note_for(self, f: Field) -> str:
        return field_note(f, self.lang, self.cur, self.label(f))

    def input_cell(self, ws, cell: str, f: Field, value):
        styles.write_input(ws, cell, value, number_format=self.number_format(f), validation=_validation(f),
                           note=self.note_for(f))
        self.layout.input_cells.append((ws.title, cell))

    # -- sheets ----------------------------------------------------------------------------------
    def build(self) -> Workbook:
        self.inputs_sheet()
        self.vendors_sheet()
        self.hybrid_sheet()
        self.calc_sheet()
        self.staffing_sheet()
        self.compare_sheet()
        self.risk_sheet()
        self.checks_sheet()
        self.method_sheet()
        self.dashboard_sheet()
        self.conf_sheet()
        for ws in self.wb.worksheets:
            if ws.title != "xlwings.conf":
                styles.protect(ws)
            if ws.title in ("Inputs", "Vendors", "Hybrid", "Compare", "Risk", "Checks", "Method"):
                styles.set_print_fit_width(ws)
        self.wb.active = 0
        return self.wb

    def inputs_sheet(self):
        ws, t, case = self.ws["Inputs"], self.t, self.case
        styles.title(ws, "A1", t["inputs_title"])
        ws["A2"] = t["inputs_help"]
        styles.header_row(ws, 4, [t["label"], t["value"], t["unit"], t["source"]])
        r = 5
        # The scoring weights and risk ranges are inputs too: the Risk sheet is computed from them, and
        # a rebuild over the workbook must keep them.
        for section in INPUT_SECTIONS:
            styles.section(ws, f"A{r}", self.label(section, "title"))
            r += 1
            record = getattr(case, section.name)
            for f in section.fields:
                ws[f"A{r}"] = self.label(f)
                ws[f"C{r}"] = self.unit_of(f)
                ws[f"D{r}"] = f.source
                self.input_cell(ws, f"B{r}", f, getattr(record, f.name))
                ref = f"Inputs!$B${r}"
                self.name(defined_name(section.name, f.name), ref)
                self.layout.refs[Input(section.name, f.name)] = defined_name(section.name, f.name)
                r += 1
            if section is DEMAND:
                first = r
                weight = Field("seasonality", "number", 1.0, "x average month", t["seasonality"], t["seasonality"],
                               0.01, 12, exclusive_min=False,
                               source="The 12 weights must average 1 (checked on the Checks sheet).")
                for m, month_name in enumerate(t["months"]):
                    ws[f"A{r}"] = f"{t['seasonality']}: {month_name}"
                    ws[f"C{r}"] = "x average month" if self.lang == "en" else "x mois moyen"
                    self.input_cell(ws, f"B{r}", weight, case.demand.seasonality[m])
                    r += 1
                self.name("demand_seasonality", f"Inputs!$B${first}:$B${r - 1}")
                self.layout.seasonality_row = first
                self.layout.refs[SEASONALITY] = "demand_seasonality"
            r += 1
        # Channels: one row per channel, as an Excel table (the reader finds it by name).
        styles.section(ws, f"A{r}", t["channels"])
        r += 1
        for j, f in enumerate(CHANNEL.fields, start=1):
            ws.cell(row=r, column=j, value=self.label(f))
            for i, channel in enumerate(case.channels):
                cell = f"{col(j)}{r + 1 + i}"
                self.input_cell(ws, cell, f, getattr(channel, f.name))
                self.layout.refs[ChannelInput(i, f.name)] = f"Inputs!${col(j)}${r + 1 + i}"
        styles.header_row(ws, r, None)
        for j, f in enumerate(CHANNEL.fields, start=1):
            ws.cell(row=r + 1 + len(case.channels), column=j, value=self.unit_of(f) or None)
        self.layout.channel_name_row = r + 1
        _table(ws, CHANNEL_TABLE, f"A{r}:{col(len(CHANNEL.fields))}{r + len(case.channels)}")
        r += len(case.channels) + 2
        r += 1
        styles.section(ws, f"A{r}", t["constants"])
        r += 1
        for name, (value, unit, en, fr) in CONSTANTS.items():
            ws[f"A{r}"] = en if self.lang == "en" else fr
            ws[f"B{r}"] = value
            ws[f"C{r}"] = unit
            self.name(name, f"Inputs!$B${r}")
            self.layout.refs[Constant(name)] = name
            r += 1
        ws.column_dimensions["A"].width = 52
        for c in "BCDEF":
            ws.column_dimensions[c].width = 18
        ws.column_dimensions["D"].width = 60
        ws.freeze_panes = "A5"

    def vendors_sheet(self):
        ws, t = self.ws["Vendors"], self.t
        styles.title(ws, "A1", t["vendors_title"])
        ws["A2"] = t["vendors_help"]
        header, units = 4, 3
        for j, f in enumerate(VENDOR.fields, start=1):
            ws.cell(row=units, column=j, value=self.unit_of(f))
            ws.cell(row=header, column=j, value=self.label(f))
            for v, vendor in enumerate(self.case.vendors):
                row = header + 1 + v
                self.input_cell(ws, f"{col(j)}{row}", f, getattr(vendor, f.name))
                self.layout.refs[VendorInput(v, f.name)] = f"Vendors!${col(j)}${row}"
            ws.column_dimensions[col(j)].width = 16
        # Which vendors get a hybrid scenario: a per-vendor choice, so it lives in the quotes table.
        j = len(VENDOR.fields) + 1
        yes_no = Field("hybrid", "choice", "yes", "", t["hybrid_scenario"], t["hybrid_scenario"],
                       choices=("yes", "no"))
        ws.cell(row=header, column=j, value=t["hybrid_scenario"])
        for v, vendor in enumerate(self.case.vendors):
            self.input_cell(ws, f"{col(j)}{header + 1 + v}", yes_no,
                            "yes" if vendor.name in self.case.hybrid.vendors else "no")
        ws.column_dimensions[col(j)].width = 16
        ws.column_dimensions["A"].width = 28
        styles.header_row(ws, header, None)
        last = header + len(self.case.vendors)
        _table(ws, VENDOR_TABLE, f"A{header}:{col(j)}{last}")
        ws.freeze_panes = f"B{header + 1}"

    def hybrid_sheet(self):
        ws, t, case = self.ws["Hybrid"], self.t, self.case
        styles.title(ws, "A1", t["hybrid_title"])
        ws["A2"] = t["hybrid_help"]
        styles.header_row(ws, 4, [t["label"], t["value"], t["unit"], t["source"]])
        r = 5
        for f in HYBRID.fields:
            ws[f"A{r}"] = self.label(f)
            ws[f"C{r}"] = self.unit_of(f)
            ws[f"D{r}"] = f.source
            self.input_cell(ws, f"B{r}", f, getattr(case.hybrid, f.name))
            self.name(defined_name("hybrid", f.name), f"Hybrid!$B${r}")
            self.layout.refs[Input("hybrid", f.name)] = defined_name("hybrid", f.name)
            r += 1
        r += 1
        ws[f"A{r}"] = self.label(CHANNEL.by_name["name"])
        ws[f"B{r}"] = t["to_vendor"]
        styles.header_row(ws, r, None)
        r += 1
        first_flag = r
        yes_no = Field("to_vendor", "choice", "no", "", t["to_vendor"], t["to_vendor"], choices=("yes", "no"))
        for i, channel in enumerate(case.channels):
            ws[f"A{r}"] = f"=Inputs!$A${self.layout.channel_name_row + i}"
            self.input_cell(ws, f"B{r}", yes_no, "yes" if channel.name in case.hybrid.channels else "no")
            self.layout.refs[ToVendor(i)] = f"Hybrid!$B${r}"
            r += 1
        _table(ws, HYBRID_CHANNEL_TABLE, f"A{first_flag - 1}:B{r - 1}")
        ws.column_dimensions["A"].width = 52
        ws.column_dimensions["B"].width = 18
        ws.column_dimensions["C"].width = 18
        ws.column_dimensions["D"].width = 60

    def _group_title(self, row: Row) -> str:
        prefix = row.key.block
        if row.key.endswith((".saving_spread", ".cum_saving", ".payback_reached", ".payback")):
            return self.t["payback"]
        if prefix == "year":
            return ("Years: column D is the signature (year 0), then one column per year" if self.lang == "en"
                    else "Années : la colonne D est la signature (année 0), puis une colonne par année")
        if row.key.name in APPRAISAL_NAMES:
            label = self.label(next(sc for sc in self.model.scenarios if sc.prefix == prefix))
            return f"Finance by year: {label}" if self.lang == "en" else f"Finance par année : {label}"
        if prefix == "time":
            return "Timeline and flags" if self.lang == "en" else "Calendrier et indicateurs"
        if prefix == "demand":
            return "Demand" if self.lang == "en" else "Demande"
        if prefix.startswith("vendor"):
            name = self.case.vendors[int(prefix[6:])].name
            return f"Vendor terms: {name}" if self.lang == "en" else f"Conditions prestataire : {name}"
        for sc in self.model.scenarios:
            if sc.prefix == prefix:
                return self.label(sc)
        return prefix

    def calc_sheet(self):
        ws, t, lay = self.ws["Calc"], self.t, self.layout
        styles.title(ws, "A1", t["calc_title"])
        styles.header_row(ws, 2, [t["line_item"], t["unit"], t["value"], ""])
        ws["A3"] = t["month_start"]
        r, group = 4, None
        placed: list[tuple[int, Row]] = []
        for row in self.model.rows:
            title = self._group_title(row)
            if title != group:
                r += 1 if group is not None else 0
                styles.section(ws, f"A{r}", title)
                r += 1
                group = title
            lay.calc_rows[row.key] = r
            placed.append((r, row))
            r += 1
        lay.year_row = lay.calc_rows["time.year"]
        lay.year_number_row = lay.calc_rows[RowKey("year", "number")]
        month_row = lay.calc_rows["time.month"]
        for m in range(1, self.months + 1):
            c = month_col(m)
            ws[f"{c}3"] = f"=DATE(finance_start_year,{c}{month_row},1)"
            ws[f"{c}3"].number_format = "mmm yyyy"
            ws[f"{c}2"] = None
        for r, row in placed:
            styles.write_text(ws, f"A{r}", self.label(row))
            ws[f"B{r}"] = UNITS[self.lang][row.unit].format(cur=self.cur)
            fmt = styles.unit_format(row.unit, self.money)
            template = self.formula(row)
            if row.scalar:
                ws[f"C{r}"] = "=" + template.at()
                ws[f"C{r}"].number_format = fmt
            elif row.yearly:  # year 0 (the signature) in the column before the first month, then each year
                for y in range(self.years + 1):
                    cell = ws[f"{col(FIRST_MONTH_COL - 1 + y)}{r}"]
                    cell.value = "=" + template.at(col(FIRST_MONTH_COL - 1 + y), col(FIRST_MONTH_COL - 2 + y))
                    cell.number_format = fmt
            else:
                for m in range(1, self.months + 1):
                    cell = ws[f"{month_col(m)}{r}"]
                    cell.value = "=" + template.at(month_col(m), col(FIRST_MONTH_COL + m - 2))
                    cell.number_format = fmt
        ws.column_dimensions["A"].width = 58
        ws.column_dimensions["B"].width = 12
        ws.column_dimensions["C"].width = 14
        ws.column_dimensions["D"].width = 11  # empty for monthly rows, year 0 (the signature) for yearly rows
        for m in range(1, self.months + 1):
            ws.column_dimensions[month_col(m)].width = 11
        ws.freeze_panes = f"{month_col(1)}4"

    def formula(self, row: Row) -> Template:
        """The Excel formula of ``row``, rendered once with its month columns left open."""
        lay = self.layout

        def locate(name: str) -> str | MonthlyRow:
            ref = row.bind[name]
            if isinstance(ref, RowRef):
                target, target_row = self.model.row(ref.key), lay.calc_rows[ref.key]
                if target.scalar:
                    return f"$C${target_row}"
                return YearlyRow("", target_row) if target.yearly else MonthlyRow("", target_row)
            if isinstance(ref, StaffRef):
                return MonthlyRow("Staffing!", lay.staff_rows[ref.key])
            return lay.refs[ref]

        on_error = None if row.on_error is None else self.t[row.on_error]
        period = None if row.scalar else "year" if row.yearly else "month"
        grid = Timeline(month_col(1), lay.last_col, lay.year_row, col(FIRST_MONTH_COL - 1),
                        col(FIRST_MONTH_COL + self.years - 1), lay.year_number_row)
        return row.formula.excel(locate, grid, on_error, period)

    def staffing_sheet(self):
        """Staffing values must exist before Calc formulas refer to them: rows are numbered first."""
        ws, t, lay = self.ws["Staffing"], self.t, self.layout
        styles.title(ws, "A1", t["staffing_title"])
        ws["A2"] = t["staffing_help"]
        for m in range(1, self.months + 1):
            c = month_col(m)
            ws[f"{c}3"] = f"=Calc!{c}3"
            ws[f"{c}3"].number_format = "mmm yyyy"
        for s in self.model.staff:
            r = lay.staff_rows[s.key]
            ws[f"A{r}"] = self.label(s)
            ws[f"B{r}"] = t["staff_unit"]
            values = self.ev.staff[s.key]
            for m in range(1, self.months + 1):
                styles.write_computed(ws, f"{month_col(m)}{r}", float(values[m - 1]), styles.DECIMAL)
        # The inputs this sizing used, as values, next to live links: a change shows as 1.
        r = lay.staff_rows["__inputs__"]
        styles.section(ws, f"A{r}", t["sized_inputs"])
        styles.header_row(ws, r + 1, [t["label"], t["at_sizing"], t["now"], t["changed"]])
        r += 2
        first = r
        for key, label in self.sizing_inputs():
            styles.write_text(ws, f"A{r}", label)
            current = self.layout.refs[key]
            ws[f"B{r}"] = self.ev.resolve(key)
            ws[f"C{r}"] = f"={current}"
            ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
            r += 1
        start_row = self.layout.seasonality_row
        for m in range(12):
            ws[f"A{r}"] = f"{t['seasonality']}: {t['months'][m]}"
            ws[f"B{r}"] = self.case.demand.seasonality[m]
            ws[f"C{r}"] = f"=Inputs!$B${start_row + m}"
            ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
            r += 1
        ws[f"A{r + 1}"] = t["sizing_current"]
        ws[f"B{r + 1}"] = f"=(SUM(D{first}:D{r - 1})=0)*1"
        lay.checks.append(("check_sizing", f"Staffing!$B${r + 1}"))
        lay.sizing_check = f"Staffing!$B${r + 1}"
        ws.column_dimensions["A"].width = 70
        ws.column_dimensions["B"].width = 14
        ws.column_dimensions["C"].width = 14
        ws.freeze_panes = f"{month_col(1)}4"

    def sizing_inputs(self) -> list[tuple[str, str]]:
        """Every single input the Staffing values depend on, found by walking the row bindings."""
        found: set[CaseRef] = set()

        def walk(ref):
            if isinstance(ref, RowRef):
                for used in self.model.row(ref.key).bind.values():
                    if used != ref:
                        walk(used)
            elif isinstance(ref, CaseRef) and ref != SEASONALITY:
                found.add(ref)

        for s in self.model.staff:
            if s.peak_of:
                continue
            for ref in (s.contacts, s.aht, s.hours):
                walk(ref)
            for name in ("kind", "service_level", "answer_seconds", "max_occupancy", "concurrency"):
                found.add(ChannelInput(s.channel, name))
        found.add(Constant("INTERVAL_SECONDS"))
        return [(ref, self.describe(ref)) for ref in sorted(found, key=str)]

    def describe(self, ref: CaseRef) -> str:
        if isinstance(ref, Input):
            sec = {s.name: s for s in INPUT_SECTIONS + (HYBRID,)}[ref.section]
            return f"{self.label(sec, 'title')}: {self.label(ref.schema_field)}"
        if isinstance(ref, ChannelInput):
            return f"{self.case.channels[ref.channel].name}: {self.label(ref.schema_field)}"
        if isinstance(ref, VendorInput):
            return f"{self.case.vendors[ref.vendor].name}: {self.label(ref.schema_field)}"
        if isinstance(ref, ToVendor):
            return f"{self.case.channels[ref.channel].name}: {self.t['to_vendor']}"
        return ref.target

    def number_staffing_rows(self):
        r = 5
        for s in self.model.staff:
            self.layout.staff_rows[s.key] = r
            r += 1
        self.layout.staff_rows["__inputs__"] = r + 1

    def compare_sheet(self):
        ws, t, lay, years = self.ws["Compare"], self.t, self.layout, self.years
        scenarios = self.model.scenarios
        styles.title(ws, "A1", t["compare_title"])
        ws["A2"] = t["compare_help"]
        head = 4
        styles.header_row(ws, head, [t["scenario"], t["year"]] + [self.label(s) for s in scenarios])
        sc_col = {s.id: col(3 + j) for j, s in enumerate(scenarios)}
        calc_span = lambda key: (f"Calc!${month_col(1)}${lay.calc_rows[key]}:"  # noqa: E731
                                 f"${lay.last_col}${lay.calc_rows[key]}")
        years_span = calc_span("time.year")
        # The finance figures are rows of the model (xlmodel.model.appraisal): this sheet links to them.
        calc_year = lambda key, y: f"=Calc!{col(FIRST_MONTH_COL - 1 + y)}{lay.calc_rows[key]}"  # noqa: E731
        calc_single = lambda key: f"=Calc!$C${lay.calc_rows[key]}"  # noqa: E731
        r = head + 1
        c = {}

        def block_title(text):
            nonlocal r
            r += 1
            styles.section(ws, f"A{r}", text)
            r += 1

        def year_rows(label, formula_for, fmt, key):
            """One row per year; formula_for(scenario, sheet_row, year) gives the formula."""
            nonlocal r
            c[key] = (r, r + years - 1)
            for y in range(1, years + 1):
                ws[f"A{r}"] = f"{label}, {t['year'].lower()} {y} ({self.case.finance.start_year + y - 1})"
                ws[f"B{r}"] = y
                for s in scenarios:
                    cell = ws[f"{sc_col[s.id]}{r}"]
                    cell.value = formula_for(s, r, y)
                    cell.number_format = fmt
                r += 1

        def sumif(keys, year_row):
            if not keys:
                return "=0"
            return "=" + "+".join(f"SUMIF({years_span},$B{year_row},{calc_span(k)})" for k in keys)

        block_title(t["annual_cost"])
        year_rows(t["annual_cost"], lambda s, yr, y: calc_year(s.key("annual_cost"), y), self.money, "annual")
        block_title(t["cost_lines"])
        for line, en, fr in COST_LINES:
            year_rows(en if self.lang == "en" else fr,
                      lambda s, yr, y, line=line: (calc_year(s.key(f"cost_{line}"), y)
                                                   if s.key(f"cost_{line}") in lay.calc_rows else "=0"),
                      self.money, f"line:{line}")
        block_title(t["one_off"])
        for line, en, fr in ONE_OFF_LINES:
            ws[f"A{r}"] = en if self.lang == "en" else fr
            for s in scenarios:
                key = f"{s.prefix}.{line}"
                ws[f"{sc_col[s.id]}{r}"] = f"=Calc!$C${lay.calc_rows[key]}" if key in lay.calc_rows else "=0"
                ws[f"{sc_col[s.id]}{r}"].number_format = self.money
            c[f"one_off:{line}"] = r
            r += 1
        ws[f"A{r}"] = t["one_off_total"]
        for s in scenarios:
            ws[f"{sc_col[s.id]}{r}"] = f"=Calc!$C${lay.calc_rows[f'{s.prefix}.one_off']}"
            ws[f"{sc_col[s.id]}{r}"].number_format = self.money
        c["one_off"] = r
        r += 1

        block_title(t["discount_factor"])
        c["df"] = (r, r + years - 1)
        for y in range(1, years + 1):
            ws[f"A{r}"] = f"{t['discount_factor']}, {t['year'].lower()} {y}"
            ws[f"B{r}"] = y
            ws[f"C{r}"] = calc_year("year.discount_factor", y)
            ws[f"C{r}"].number_format = "0.0000"
            r += 1
        a0, a1 = c["annual"]
        inh = sc_col["inhouse"]

        def single(key, label, formula_for, fmt):
            nonlocal r
            ws[f"A{r}"] = label
            for s in scenarios:
                ws[f"{sc_col[s.id]}{r}"] = formula_for(s, sc_col[s.id])
                ws[f"{sc_col[s.id]}{r}"].number_format = fmt
            c[key] = r
            r += 1

        block_title(t["npv_cost"])
        single("npv_cost", t["npv_cost"], lambda s, x: calc_single(s.key("npv_cost")), self.money)
        single("npv_savings", t["npv_savings"], lambda s, x: calc_single(s.key("npv_savings")), self.money)
        single("roi", t["roi"], lambda s, x: (calc_single(s.key("roi")) if s.kind != "inhouse"
                                              else f'="{t["reference"]}"'), styles.PERCENT)
        single("payback", t["payback"],
               lambda s, x: (f"=Calc!$C${lay.calc_rows[f'{s.prefix}.payback']}" if s.kind != "inhouse"
                             else f'="{t["reference"]}"'), styles.INTEGER)

        block_title(t["flow"])
        c["flow"] = (r, r + years)
        for y in range(0, years + 1):
            ws[f"A{r}"] = f"{t['flow']}, {t['year'].lower()} {y}"
            ws[f"B{r}"] = y
            for s in scenarios:
                x = sc_col[s.id]
                ws[f"{x}{r}"] = calc_year(s.key("flow"), y)
                ws[f"{x}{r}"].number_format = self.money
            r += 1
        single("irr", t["irr"], lambda s, x: (calc_single(s.key("irr")) if s.kind != "inhouse"
                                              else f'="{t["reference"]}"'), styles.PERCENT)
        block_title(t["cumulative"])
        c["cumulative"] = (r, r + years)
        for y in range(0, years + 1):
            ws[f"A{r}"] = f"{t['cumulative']}, {t['year'].lower()} {y}"
            ws[f"B{r}"] = y
            for s in scenarios:
                x = sc_col[s.id]
                ws[f"{x}{r}"] = calc_year(s.key("cumulative_flow"), y)
                ws[f"{x}{r}"].number_format = self.money
            r += 1

        block_title(t["contacts"])
        year_rows(t["contacts"], lambda s, yr, y: sumif(["demand.contacts"], yr), styles.INTEGER, "contacts")
        n0 = c["contacts"][0]
        year_rows(t["cost_per_contact"], lambda s, yr, y: f"={sc_col[s.id]}{a0 + y - 1}/{sc_col[s.id]}{n0 + y - 1}",
                  self.money_2(), "cost_per_contact")
        year_rows(t["fte"], lambda s, yr, y: self.average_formula(f"{s.prefix}.fte", yr, years_span, calc_span),
                  styles.DECIMAL, "fte")
        year_rows(t["vendor_fte"],
                  lambda s, yr, y: self.average_formula(f"{s.prefix}.vendor_fte", yr, years_span, calc_span),
                  styles.DECIMAL, "vendor_fte")

        block_title(t["average_cost_line"])
        c["avg_lines"] = (r, r + len(COST_LINES) - 1)
        for line, en, fr in COST_LINES:
            l0, l1 = c[f"line:{line}"]
            ws[f"A{r}"] = en if self.lang == "en" else fr
            for s in scenarios:
                x = sc_col[s.id]
                ws[f"{x}{r}"] = f"=AVERAGE({x}{l0}:{x}{l1})"
                ws[f"{x}{r}"].number_format = self.money
            r += 1

        # Python twins (xlwings UDFs): the same figures from the functions finance staff type in
        # any workbook. Without the add-in they show a plain message; with it, a check compares.
        block_title(t["python_block"])
        df_args = f"finance_horizon_years,finance_discount_rate"
        twins = []
        for key, fn, native_key in (("py_npv", "OUTSOURCE_NPV", "npv_savings"), ("py_roi", "OUTSOURCE_ROI", "roi"),
                                    ("py_payback", "PAYBACK_MONTHS", "payback")):
            def python_formula(s, x, fn=fn, native_key=native_key):
                if s.kind == "inhouse" or (native_key != "npv_savings" and s.kind == "status_quo"):
                    return f'="{t["na"]}"'
                call = f"{fn}({inh}{a0}:{inh}{a1},{x}{a0}:{x}{a1},{x}{c['one_off']},{df_args})"
                return f'=IFERROR({call},"{t["python_missing"]}")'
            single(key, f"{fn}()", python_formula, self.money if key == "py_npv" else
                   (styles.PERCENT if key == "py_roi" else styles.INTEGER))
            twins.append((key, native_key))
        single("py_agree", t["check_python"], lambda s, x: "=" + "*".join(
            f"IF(ISNUMBER({x}{c[py]}),(ABS({x}{c[py]}-{x}{c[native]})<=CHECK_TOLERANCE*MAX(1,ABS({x}{c[native]})))*1,1)" for py, native in twins),
            styles.INTEGER)

        block_title(t["eligible"])
        single("eligible", t["eligible"], lambda s, x: "=0" if s.kind == "status_quo" else "=1", styles.INTEGER)
        single("eligible_npv", t["eligible_npv"],
               lambda s, x: f'=IF({x}{c["eligible"]}=1,{x}{c["npv_cost"]},"")', self.money)
        ws[f"A{r}"] = "Scenario id"
        for s in scenarios:
            ws[f"{sc_col[s.id]}{r}"] = s.id
        c["ids"] = r
        r += 1
        ws[f"A{r}"] = t["short_label"]
        for s in scenarios:
            styles.write_text(ws, f"{sc_col[s.id]}{r}", self.short_label(s))
        c["short_labels"] = r
        c["labels"] = head
        c["first_col"], c["last_col"] = col(3), col(2 + len(scenarios))
        c["sc_col"] = sc_col
        lay.compare = c
        ws.column_dimensions["A"].width = 52
        ws.column_dimensions["B"].width = 7
        for j in range(len(scenarios)):
            ws.column_dimensions[col(3 + j)].width = 20
        ws.freeze_panes = f"C{head + 1}"

    def short_label(self, s) -> str:
        """A label short enough for a chart axis."""
        if s.vendor is None:
            return {"status_quo": t_("Status quo", "Statu quo"), "inhouse": t_("In-house", "Interne")}[s.kind][
                self.lang == "fr"]
        name = self.case.vendors[s.vendor].name
        name = name if len(name) <= 18 else name[:17] + "."
        return name if s.kind == "outsourced" else f"{t_('Hybrid', 'Hybride')[self.lang == 'fr']}: {name}"

    def analytics_sentence(self) -> str:
        """The recommendation with its probability of being cheapest and the drivers that could flip it
        (computed in Python; refreshed with the Risk sheet)."""
        from ..analytics.summary import recommendation_sentence
        return recommendation_sentence(self.result, self.analysis.risk, self.analysis.tornado, self.lang)

    def decision_lines(self) -> list[str]:
        """The cost of inaction, the vendor ranking and the break-even prices, one line each."""
        a, t, cur = self.analysis, self.t, self.cur
        k = lambda v: "-" if v is None else f"{v:,.0f}".replace(",", " ")  # noqa: E731
        ranking = ", ".join(f"{v.rank}. {v.vendor} ({v.total:.2f})" for v in a.ranking.vendors)
        reason = a.ranking.reason_en if self.lang == "en" else a.ranking.reason_fr
        prices = "; ".join(
            f"{b.vendor}: {b.break_even_price:,.2f} ({t['price'].lower()} {b.price:,.2f}, {b.pricing_model})"
            if b.break_even_price is not None else f"{b.vendor}: -" for b in a.break_even.vendors)
        return [f"{t['inaction']}: {k(a.economics.cost_of_inaction_per_year)} {cur}",
                f"{t['scoring']}: {ranking}. {reason}",
                f"{t['break_even_price']}: {prices}"]

    def money_2(self) -> str:
        return styles.money_format(self.cur, decimals=2)

    def average_formula(self, key, year_row, years_span, calc_span) -> str:
        if key not in self.layout.calc_rows:
            return "=0"
        return f"=SUMIF({years_span},$B{year_row},{calc_span(key)})/12"

    @property
    def analysis(self):
        """The decision analytics: given, given as a function that finishes them, or computed here."""
        if self._analysis is None:
            from ..analytics.summary import analyse
            self._analysis = analyse(self.result, draws=RISK_DRAWS)
        elif callable(self._analysis):
            self._analysis = self._analysis()
        return self._analysis

    def risk_sheet(self):
        """Python-computed decision analytics, written as values with the base they came from."""
        ws, t, lay = self.ws["Risk"], self.t, self.layout
        a = self.analysis
        cur = self.cur
        c = lay.compare
        styles.title(ws, "A1", t["risk_title"])
        ws["A2"] = t["risk_help"]
        # Staleness: these values hold while the native NPV of savings of the tornado's scenario is
        # still the one they were computed from, and the staffing sizing is current.
        x = c["sc_col"][a.tornado.scenario_id]
        styles.section(ws, "A4", t["risk_base"])
        ws["A5"] = t["risk_scenario"]
        ws["B5"] = a.tornado.scenario_id
        ws["A6"] = t["risk_base_at_analysis"]
        styles.write_computed(ws, "B6", a.tornado.base_npv_savings, self.money)
        ws["A7"] = t["risk_base_now"]
        ws["B7"] = f"=Compare!{x}{c['npv_savings']}"
        ws["B7"].number_format = self.money
        ws["A8"] = t["risk_current"]
        ws["B8"] = f"=(ABS(B7-B6)<=CHECK_TOLERANCE*MAX(1,ABS(B7)))*{lay.sizing_check}"
        lay.checks.append(("risk_current", "Risk!$B$8"))
        r = 10

        # Tornado.
        styles.section(ws, f"A{r}", t["chart_tornado"])
        styles.header_row(ws, r + 1, [t["driver"], t["low_change"], t["high_change"], t["at_low"], t["at_high"],
                                      t["delta_low"], t["delta_high"]])
        r += 2
        lay.tornado = (r, r + len(a.tornado.bars) - 1)
        for bar in a.tornado.bars:
            ws[f"A{r}"] = bar.label_en if self.lang == "en" else bar.label_fr
            pct = styles.PERCENT
            styles.write_computed(ws, f"B{r}", bar.low_change, pct)
            styles.write_computed(ws, f"C{r}", bar.high_change, pct)
            styles.write_computed(ws, f"D{r}", bar.npv_savings_low, self.money)
            styles.write_computed(ws, f"E{r}", bar.npv_savings_high, self.money)
            ws[f"F{r}"] = f"=D{r}-$B$6"  # change from the base saving
            ws[f"G{r}"] = f"=E{r}-$B$6"
            ws[f"F{r}"].number_format = ws[f"G{r}"].number_format = self.money
            r += 1
        r += 1

        # Monte Carlo.
        risk = a.risk
        styles.section(ws, f"A{r}", f"{t['monte_carlo']} ({risk.draws:,} {t['draws']}, seed {risk.seed})"
                       .replace(",", " "))
        styles.header_row(ws, r + 1, [t["scenario"], "P10", "P50", "P90", t["p_cheapest"], t["npv_cost"] + " P50"])
        r += 2
        lay.risk_rows = (r, r + len(risk.scenarios) - 1)
        for sr in risk.scenarios:
            ws[f"A{r}"] = sr.label_en if self.lang == "en" else sr.label_fr
            for letter, value in zip("BCD", (sr.npv_savings_p10, sr.npv_savings_p50, sr.npv_savings_p90)):
                styles.write_computed(ws, f"{letter}{r}", value, self.money)
            styles.write_computed(ws, f"E{r}", sr.p_cheapest, styles.PERCENT)
            styles.write_computed(ws, f"F{r}", sr.npv_cost_p50, self.money)
            r += 1
        ws[f"A{r}"] = t["risk_note"]
        r += 2
        hist = risk.histogram(self.result.best if self.result.best != "inhouse" else a.tornado.scenario_id, bins=15)
        styles.section(ws, f"A{r}", f"{t['histogram']}: {hist['scenario']}")
        styles.header_row(ws, r + 1, [t["bin_from"], t["bin_to"], t["bin_label"], t["count"]])
        r += 2
        lay.histogram = (r, r + len(hist["counts"]) - 1)
        for k, count in enumerate(hist["counts"]):
            lo, hi = hist["edges"][k], hist["edges"][k + 1]
            styles.write_computed(ws, f"A{r}", lo, self.money)
            styles.write_computed(ws, f"B{r}", hi, self.money)
            ws[f"C{r}"] = f"{lo / 1000:,.0f}..{hi / 1000:,.0f} k{cur}".replace(",", " ")
            styles.write_computed(ws, f"D{r}", count, styles.INTEGER)
            r += 1
        chart = BarChart()
        chart.type = "col"
        chart.title = f"{t['histogram']} ({t['npv_savings']})"
        chart.add_data(Reference(ws, min_col=4, min_row=lay.histogram[0], max_row=lay.histogram[1]),
                       titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=3, min_row=lay.histogram[0], max_row=lay.histogram[1]))
        chart.legend = None
        chart.height, chart.width = 8, 16
        ws.add_chart(chart, f"I{lay.histogram[0] - 2}")
        r += 1

        # Vendor scoring.
        ranking = a.ranking
        styles.section(ws, f"A{r}", t["scoring"])
        criteria = list(ranking.weights)
        styles.header_row(ws, r + 1, [t["vendor"]] + criteria + [t["total"], t["rank"], t["knock_out"]])
        r += 2
        ws[f"A{r}"] = t["weights"]
        for j, crit in enumerate(criteria):
            styles.write_computed(ws, f"{col(2 + j)}{r}", ranking.weights[crit], styles.PERCENT)
        r += 1
        for vs in ranking.vendors:
            styles.write_text(ws, f"A{r}", vs.vendor)
            for j, crit in enumerate(criteria):
                styles.write_computed(ws, f"{col(2 + j)}{r}", vs.scores.get(crit), "0.0")
            styles.write_computed(ws, f"{col(2 + len(criteria))}{r}", vs.total, "0.00")
            styles.write_computed(ws, f"{col(3 + len(criteria))}{r}", vs.rank, "0")
            ws[f"{col(4 + len(criteria))}{r}"] = ", ".join(vs.knocked_out) or "-"
            r += 1
        ws[f"A{r}"] = ranking.reason_en if self.lang == "en" else ranking.reason_fr
        r += 2

        # Break-even.
        be = a.break_even
        styles.section(ws, f"A{r}", t["break_even"])
        styles.header_row(ws, r + 1, [t["vendor"], t["pricing_model"], t["price"], t["break_even_price"],
                                      t["headroom"], t["break_even_volume"], t["note"]])
        r += 2
        for vb in be.vendors:
            styles.write_text(ws, f"A{r}", vb.vendor)
            ws[f"B{r}"] = vb.pricing_model
            styles.write_computed(ws, f"C{r}", vb.price, "#,##0.00")
            styles.write_computed(ws, f"D{r}", vb.break_even_price, "#,##0.00")
            styles.write_computed(ws, f"E{r}", vb.price_headroom, styles.PERCENT)
            styles.write_computed(ws, f"F{r}", vb.break_even_volume, styles.INTEGER)
            ws[f"G{r}"] = "; ".join(n for n in (vb.price_note, vb.volume_note) if n)
            r += 1
        for hs in be.hybrid_share:
            ws[f"A{r}"] = f"{t['best_share']}: {hs.vendor}"
            styles.write_computed(ws, f"D{r}", hs.best_share, styles.PERCENT)
            styles.write_computed(ws, f"F{r}", hs.npv_cost_at_best, self.money)
            r += 1
        r += 1

        # Economic view.
        e = a.economics
        styles.section(ws, f"A{r}", t["economic"])
        ws[f"A{r + 1}"] = t["inaction"]
        styles.write_computed(ws, f"B{r + 1}", e.cost_of_inaction_per_year, self.money)
        styles.header_row(ws, r + 2, [t["scenario"], t["npv_cost"], t["economic_npv_cost"], t["lost_value_npv"]])
        r += 3
        for se in e.scenarios:
            sc = self.result.scenario(se.id)
            lay.economic_rows[se.id] = r
            ws[f"A{r}"] = self.label(sc) if hasattr(sc, "label_en") else se.id
            styles.write_computed(ws, f"B{r}", sc.npv_cost, self.money)
            styles.write_computed(ws, f"C{r}", se.economic_npv_cost, self.money)
            styles.write_computed(ws, f"D{r}", se.npv_lost_customer_value, self.money)
            r += 1
        r += 1

        # The scoring and risk settings these figures were computed from, against the Inputs sheet now:
        # editing one of them makes the Risk sheet stale until it is refreshed.
        styles.section(ws, f"A{r}", t["settings_used"])
        styles.header_row(ws, r + 1, [t["label"], t["value_used"], t["value_now"], t["changed"]])
        r += 2
        first = r
        for section in (SCORING, RISK):
            record = getattr(self.case, section.name)
            for f in section.fields:
                styles.write_text(ws, f"A{r}", f"{self.label(section, 'title')}: {self.label(f)}")
                styles.write_computed(ws, f"B{r}", getattr(record, f.name), self.number_format(f))
                text = f.kind in ("text", "choice")  # an empty text cell links as 0: compare as text
                ws[f"C{r}"] = f"={defined_name(section.name, f.name)}" + ('&""' if text else "")
                ws[f"C{r}"].number_format = self.number_format(f)
                ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
                r += 1
        ws["B8"] = (f"=(ABS(B7-B6)<=CHECK_TOLERANCE*MAX(1,ABS(B7)))*{lay.sizing_check}"
                    f"*(SUM(D{first}:D{r - 1})=0)")
        ws.column_dimensions["A"].width = 48
        for j in range(2, 14):
            ws.column_dimensions[col(j)].width = 15

    def checks_sheet(self):
        ws, t, lay = self.ws["Checks"], self.t, self.layout
        c = lay.compare
        styles.title(ws, "A1", t["checks_title"])
        styles.header_row(ws, 3, [t["check"], t["result"]])
        first, last = c["first_col"], c["last_col"]
        a0, a1 = c["annual"]
        calc_totals = "+".join(f"SUM(Calc!${month_col(1)}${lay.calc_rows[f'{s.prefix}.total']}:"
                               f"${lay.last_col}${lay.calc_rows[f'{s.prefix}.total']})" for s in self.model.scenarios)
        line_sums = "+".join(f"SUM(Compare!${first}${c[f'line:{line}'][0]}:${last}${c[f'line:{line}'][1]})"
                             for line, _, _ in COST_LINES)
        inh = c["sc_col"]["inhouse"]
        npv_identity = "+".join(
            f"ABS(Compare!{x}{c['npv_savings']}-(Compare!{inh}{c['npv_cost']}-Compare!{x}{c['npv_cost']}))"
            for x in c["sc_col"].values())
        prices = self.layout.refs[VendorInput(0, "price")].replace("$", "")
        price_col = "".join(ch for ch in prices.split("!")[1] if ch.isalpha())
        n_vendors = len(self.case.vendors)
        checks = [
            ("check_seasonality", "=(ABS(AVERAGE(demand_seasonality)-1)<=SEASONALITY_TOLERANCE)*1"),
            *[(key, f"={ref}") for key, ref in lay.checks],
            ("check_annual", f"=(ROUND(SUM(Compare!${first}${a0}:${last}${a1})-({calc_totals}),0)=0)*1"),
            ("check_lines", f"=(ROUND(SUM(Compare!${first}${a0}:${last}${a1})-({line_sums}),0)=0)*1"),
            ("check_npv", f"=(ROUND({npv_identity},0)=0)*1"),
            ("check_prices", f"=(COUNTIF(Vendors!${price_col}$5:${price_col}${4 + n_vendors},\"<=0\")=0)*1"),
            ("check_python", f"=MIN(Compare!${first}${c['py_agree']}:${last}${c['py_agree']})"),
        ]
        r = 4
        for key, formula in checks:
            ws[f"A{r}"] = t.get(key, t["sizing_current"])
            ws[f"B{r}"] = formula
            r += 1
        ws[f"A{r + 1}"] = t["master"]
        ws[f"B{r + 1}"] = f"=MIN(B4:B{r - 1})"
        styles.check_format(ws, f"B4:B{r + 1}")
        self.name("master_check", f"Checks!$B${r + 1}")
        ws.column_dimensions["A"].width = 80
        ws.column_dimensions["B"].width = 12

    def method_sheet(self):
        from .method import method_lines
        ws = self.ws["Method"]
        styles.title(ws, "A1", self.t["method_title"])
        r = 3
        for kind, text in method_lines(self.case, self.model, self.lang):
            styles.write_text(ws, f"A{r}", text)
            if kind == "h":
                styles.section(ws, f"A{r}", text)
            else:
                ws[f"A{r}"].alignment = Alignment(wrap_text=True, vertical="top")
            r += 1
        ws.column_dimensions["A"].width = 140

    def dashboard_sheet(self):
        ws, t, c = self.ws["Dashboard"], self.t, self.layout.compare
        scenarios = self.model.scenarios
        first, last = c["first_col"], c["last_col"]
        styles.title(ws, "A1", t["dashboard_title"])
        ws["A2"] = f"=case_name"
        ws["A3"] = t["checks_status"]
        ws["B3"] = f'=IF(master_check=1,"{t["all_ok"]}","{t["not_ok"]}")'
        styles.check_format(ws, "B3", text=True)
        # The recommendation, natively: the eligible scenario with the lowest NPV of cost.
        span = lambda key: f"Compare!${first}${c[key]}:${last}${c[key]}"  # noqa: E731
        best = f"MATCH(MIN({span('eligible_npv')}),{span('eligible_npv')},0)"
        self.name("best_scenario", f"Dashboard!$B$6")
        ws["A5"] = t["recommendation"]
        styles.section(ws, "A5", t["recommendation"])
        ws["A6"] = "Id"
        ws["B6"] = f"=INDEX({span('ids')},{best})"
        ws["A7"] = t["npv_savings"]
        ws["B7"] = f"=INDEX({span('npv_savings')},{best})"
        ws["B7"].number_format = self.money
        ws["A8"] = t["payback"]
        ws["B8"] = f"=INDEX({span('payback')},{best})"
        ws["A9"] = t["scenario"]
        ws["B9"] = f"=INDEX(Compare!${first}${c['labels']}:${last}${c['labels']},{best})"
        self.name("best_npv_savings", "Dashboard!$B$7")
        self.name("best_payback_month", "Dashboard!$B$8")
        ws["A4"] = (f'=IF(B6="inhouse","{t["rec_inhouse"]}","{t["rec_prefix"]}"&B9&"{t["rec_saves"]}"'
                    f'&FIXED(B7,0)&" {self.cur}{t["rec_npv"]}"&finance_horizon_years&"{t["rec_years"]}"&B8&".")')
        ws["A4"].font = Font(bold=True, size=12)
        ws["A4"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells("A4:L4")
        ws.row_dimensions[4].height = 36
        # Scenario table.
        r = 11
        heads = [t["scenario"], t["npv_cost"], t["npv_savings"], t["roi"], t["payback"], t["irr"],
                 f"{t['cost_per_contact']} ({t['year'].lower()} 1)", f"{t['fte']} ({t['year'].lower()} 1)",
                 t["economic_npv_cost"]]
        styles.header_row(ws, r, heads)
        ws.row_dimensions[r].height = 32
        for j, s in enumerate(scenarios):
            x = c["sc_col"][s.id]
            rr = r + 1 + j
            ws[f"A{rr}"] = f"=Compare!{x}{c['labels']}"
            for k, (key, fmt) in enumerate((("npv_cost", self.money), ("npv_savings", self.money),
                                            ("roi", styles.PERCENT), ("payback", styles.INTEGER),
                                            ("irr", styles.PERCENT))):
                ws.cell(row=rr, column=2 + k, value=f"=Compare!{x}{c[key]}").number_format = fmt
            ws.cell(row=rr, column=7, value=f"=Compare!{x}{c['cost_per_contact'][0]}").number_format = self.money_2()
            ws.cell(row=rr, column=8, value=f"=Compare!{x}{c['fte'][0]}").number_format = styles.DECIMAL
            if s.id in self.layout.economic_rows:
                ws.cell(row=rr, column=9, value=f"=Risk!C{self.layout.economic_rows[s.id]}").number_format = self.money
        ws.column_dimensions["A"].width = 46
        for j in range(2, 10):
            ws.column_dimensions[col(j)].width = 16
        chart_row = r + len(scenarios) + 3
        self.add_charts(ws, chart_row)
        self.layout.sentence_cell = f"A{chart_row + 21}"
        ws[f"A{chart_row + 21}"] = self.analytics_sentence()
        ws[f"A{chart_row + 21}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(f"A{chart_row + 21}:P{chart_row + 23}")
        lines = self.decision_lines()
        self.layout.decision_cells = tuple(f"A{chart_row + 24 + i}" for i in range(len(lines)))
        for cell, line in zip(self.layout.decision_cells, lines):
            ws[cell] = line
        styles.set_print_landscape_one_page(ws, f"A1:P{chart_row + 24 + len(lines)}")

    def add_charts(self, ws, row: int):
        t, c = self.t, self.layout.compare
        compare_ws = self.ws["Compare"]
        n = len(self.model.scenarios)
        bar = BarChart()
        bar.type, bar.grouping, bar.overlap = "col", "stacked", 100
        bar.title = t["chart_cost"]
        l0, l1 = c["avg_lines"]
        for r in range(l0, l1 + 1):
            series_ref = Reference(compare_ws, min_col=3, max_col=2 + n, min_row=r)
            bar.add_data(series_ref, from_rows=True, titles_from_data=False)
            bar.series[-1].tx = None
        for s, (line, en, fr) in zip(bar.series, COST_LINES):
            s.tx = SeriesLabel(v=en if self.lang == "en" else fr)
        bar.set_categories(Reference(compare_ws, min_col=3, max_col=2 + n, min_row=c["short_labels"]))
        bar.height, bar.width = 10, 15
        bar.y_axis.title = self.cur
        bar.y_axis.numFmt = "#,##0"
        ws.add_chart(bar, f"A{row}")

        line = LineChart()
        line.title = t["chart_cash"]
        c0, c1 = c["cumulative"]
        for j in range(n):
            if self.model.scenarios[j].kind == "inhouse":
                continue
            line.add_data(Reference(compare_ws, min_col=3 + j, min_row=c0, max_row=c1), titles_from_data=False)
            line.series[-1].tx = SeriesLabel(v=self.label(self.model.scenarios[j]))
        line.set_categories(Reference(compare_ws, min_col=2, min_row=c0, max_row=c1))
        line.height, line.width = 10, 15
        line.y_axis.title = self.cur
        line.y_axis.numFmt = "#,##0"
        line.x_axis.title = t["year"]
        ws.add_chart(line, f"E{row}")
        risk_ws = self.ws["Risk"]
        t0, t1 = self.layout.tornado
        tornado = BarChart()
        tornado.type, tornado.grouping, tornado.overlap = "bar", "clustered", 100
        tornado.title = t["chart_tornado"]
        for letter_col, name in ((6, t["delta_low"]), (7, t["delta_high"])):
            tornado.add_data(Reference(risk_ws, min_col=letter_col, min_row=t0, max_row=t1), titles_from_data=False)
            tornado.series[-1].tx = SeriesLabel(v=name)
        tornado.set_categories(Reference(risk_ws, min_col=1, min_row=t0, max_row=t1))
        tornado.y_axis.title = f"{t['npv_savings']} ({self.cur})"
        tornado.y_axis.numFmt = "#,##0"
        tornado.x_axis.scaling.orientation = "maxMin"  # largest swing on top
        tornado.x_axis.tickLblPos = "low"  # driver names left of the bars, not across them
        tornado.legend.position = "b"
        tornado.height, tornado.width = 10, 15
        ws.add_chart(tornado, f"J{row}")

    def conf_sheet(self):
        ws = self.ws["xlwings.conf"]
        ws["A1"] = "UDF Modules"
        ws["B1"] = UDF_MODULE
        ws["A3"] = self.t["conf_help"]
        ws.sheet_state = "hidden"


def field_unit(f: Field, lang: str, currency: str) -> str:
    """An input's unit in ``lang``; amounts name the currency (``EUR per FTE per year``)."""
    unit = (f.fr_unit or f.unit) if lang == "fr" else f.unit
    return f"{currency} {unit}".strip() if f.kind == "money" else unit


_RATE_HINT = {"en": "A percentage: type 45% (stored as 0.45).",
              "fr": "Un pourcentage : saisissez 45% (enregistré 0,45)."}


def field_note(f: Field, lang: str, currency: str, label: str, unit: str | None = None) -> str:
    """The note of an input cell: label and unit, accepted values (with how to type a rate), source."""
    unit = field_unit(f, lang, currency) if unit is None else unit
    parts = [f"{label} ({unit})" if unit else label]
    if f.kind == "choice":
        parts.append(", ".join(f.choices))
    elif f.kind != "text":
        bounds = f.bounds_text()
        if lang == "fr":
            bounds = bounds.replace(" and ", " et ").replace("any value", "toute valeur")
        parts.append(bounds + (f" ({_RATE_HINT[lang]})" if f.kind == "rate" else ""))
    if f.source:
        parts.append(f.source)
    return "\n".join(parts)


def t_(en: str, fr: str) -> tuple[str, str]:
    return en, fr


def _validation(f: Field) -> dict:
    """The data-validation rule of an input field, as the styles helper takes it."""
    if f.kind == "choice":
        return {"type": "list", "choices": f.choices}
    if f.kind == "text":
        return {"type": "textLength", "operator": "between", "minimum": 0 if not f.required else 1,
                "maximum": 200}
    kind = "whole" if f.kind == "int" else "decimal"
    return {"type": kind, "minimum": f.minimum, "maximum": f.maximum,
            "exclusive_min": f.exclusive_min, "exclusive_max": f.exclusive_max, "unit": f.unit}


def build_workbook(case: Case, lang: str = "en", comparison: Comparison | None = None) -> Workbook:
    """The workbook of ``case`` in ``lang`` ('en' or 'fr'), as an openpyxl Workbook."""
    builder = WorkbookBuilder(case, lang, comparison)
    builder.number_staffing_rows()
    return builder.build()
