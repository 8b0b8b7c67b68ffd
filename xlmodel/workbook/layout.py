"""Where everything goes in the workbook: one typed record per sheet, gathered in a :class:`Plan`.

:func:`xlmodel.workbook.plan.make_plan` makes the whole plan from the case's structure and the model
before any cell is written; each sheet writer (:mod:`xlmodel.workbook.sheets`) then reads it, so a
formula on one sheet finds a cell of another without that sheet having been written first.  Rows
are 1-based sheet rows; columns are letters.  The plan depends on the structure of the case (its
channels, vendors, hybrid vendors and horizon) and never on its values nor on the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from openpyxl.utils import get_column_letter

from ..model import CaseRef, RowKey
from ..model.language import Timeline
from ..schema import Section

FIRST_MONTH_COL = 5  # column E: A label, B unit, C single value, D empty (the month before month 1)
SHEETS = ("Dashboard", "Inputs", "Channels", "Vendors", "Hybrid", "Calc", "Staffing", "Compare", "Risk", "Checks",
          "Method", "xlwings.conf")
VENDOR_TABLE = "VendorQuotes"
CHANNEL_TABLE = "Channels"
HYBRID_CHANNEL_TABLE = "HybridChannels"
HISTOGRAM_BINS = 15  # bars of the Risk sheet's histogram of the NPV of savings


def col(index: int) -> str:
    return get_column_letter(index)


def month_col(month: int) -> str:
    """Column letter of month ``month`` (1-based) on Calc and Staffing."""
    return col(FIRST_MONTH_COL + month - 1)


def defined_name(section: str, name: str) -> str:
    """The workbook name of a single input, e.g. ``inhouse_gross_salary``."""
    return f"{section}_{name}"


@dataclass(frozen=True)
class Span:
    """Consecutive rows ``first`` to ``last`` (inclusive) of one block; empty when ``last < first``."""

    first: int
    last: int

    @classmethod
    def of(cls, first: int, count: int) -> Span:
        return cls(first, first + count - 1)

    @property
    def rows(self) -> range:
        return range(self.first, self.last + 1)

    def __len__(self) -> int:
        return max(0, self.last - self.first + 1)


@dataclass(frozen=True)
class InputsLayout:
    """Inputs: one section per single-value table, the 12 seasonality weights and the locked
    constants, in columns A to D (label, value, unit, note).  Values are in column B."""

    sections: tuple[tuple[Section, int], ...]  # (section, row of its title)
    fields: Mapping[tuple[str, str], int]  # (section name, field name) -> row
    seasonality: Span  # the 12 monthly weights, inside the demand section
    constants_title: int
    constants: Mapping[str, int]  # constant name -> row


@dataclass(frozen=True)
class ChannelsLayout:
    """Channels: one row per channel in an Excel table (the reader finds it by its name), units
    above the header, as on Vendors.  On a sheet of its own: its 12 columns beside the Inputs
    notes made the whole Inputs sheet print at half size."""

    units_row: int
    header: int
    columns: Mapping[str, str]  # channel field name -> column
    count: int

    def row(self, index: int) -> int:
        return self.header + 1 + index

    @property
    def last_row(self) -> int:
        return self.header + self.count

    def cell(self, index: int, field_name: str) -> str:
        """One channel's input, absolute, e.g. ``Channels!$C$5``."""
        return f"Channels!${self.columns[field_name]}${self.row(index)}"


@dataclass(frozen=True)
class VendorsLayout:
    """Vendors: one row per quote in an Excel table, units above the header."""

    units_row: int
    header: int
    columns: Mapping[str, str]  # vendor field name -> column
    hybrid_column: str  # "yes"/"no": does this vendor get a hybrid scenario
    count: int

    def row(self, index: int) -> int:
        return self.header + 1 + index

    @property
    def last_row(self) -> int:
        return self.header + self.count

    def column_span(self, field_name: str) -> str:
        """Every vendor's value of one field, e.g. ``Vendors!$F$5:$F$7``."""
        c = self.columns[field_name]
        return f"Vendors!${c}${self.row(0)}:${c}${self.last_row}"


@dataclass(frozen=True)
class HybridLayout:
    """Hybrid: the single inputs (column B), then which channels go to the vendor (channel mode)."""

    fields: Mapping[str, int]  # hybrid field name -> row
    flags_header: int  # channel i is on flags_header + 1 + i
    channel_count: int

    def flag_row(self, index: int) -> int:
        return self.flags_header + 1 + index


@dataclass(frozen=True)
class CalcLayout:
    """Calc: one row per model row under group titles; single values in column C, months from E;
    yearly rows from D (year 0, the signature), one column per year."""

    groups: tuple[tuple[tuple, int], ...]  # (group key, row of its title); see plan.calc_group
    rows: Mapping[RowKey, int]  # model row key -> row
    months: int
    years: int
    last_col: str  # column of the last month
    year_row: int  # each month's year
    month_row: int
    year_number_row: int  # each year column's number (0 = the signature)

    def year_col(self, year: int) -> str:
        """The column of year ``year`` (0 = the signature) of a yearly row."""
        return col(FIRST_MONTH_COL - 1 + year)

    def timeline(self) -> Timeline:
        """Where the months and the years are, for the formula renderer."""
        return Timeline(month_col(1), self.last_col, self.year_row, self.year_col(0), self.year_col(self.years),
                        self.year_number_row)

    def span(self, key: RowKey) -> str:
        """The months of one row, absolute, e.g. ``Calc!$E$12:$BL$12``."""
        r = self.rows[key]
        return f"Calc!${month_col(1)}${r}:${self.last_col}${r}"


@dataclass(frozen=True)
class StaffingLayout:
    """Staffing: the agents on duty of every staffing row in native formulas (the rows the Calc sheet
    uses), their Python twin and the check that they agree, the inputs the twin was sized from, and
    the native search row by row under one title per staffing row."""

    year_row: int  # each month's year (from Calc), for the yearly peaks
    native_title: int
    rows: Mapping[RowKey, int]  # staff key -> its agents on duty, native (the row the Calc sheet uses)
    twin_title: int
    twin_rows: Mapping[RowKey, int]  # staff key -> the Python sizing of the build, as values
    agree_row: int  # 1 when the native rows equal the twin
    verified_row: int  # the check: they agree, or (inputs changed since the build) "verified at build"
    inputs_title: int
    sized_inputs: tuple[CaseRef, ...]  # the inputs, one row each from first_input
    first_input: int
    seasonality: Span  # the 12 weights, after the sized inputs
    current_row: int  # 1 while every input the twin was sized from is unchanged
    covered_row: int  # 1 when the native search is exact in every row and month
    search_title: int
    search_titles: Mapping[RowKey, int]  # staff key -> the title of its search rows
    sizing_rows: Mapping[RowKey, int]  # sizing row key -> row (the native agents rows included)
    profile_title: int | None = None  # the arrival profile's block (None without a profile)
    profile_rows: Mapping[RowKey, int] = field(default_factory=dict)  # staff key -> the agents its shifts add

    @property
    def current_ref(self) -> str:
        return f"Staffing!$B${self.current_row}"

    def timeline(self, calc: CalcLayout) -> Timeline:
        """Where the months are on this sheet, for the formula renderer (the same columns as Calc)."""
        return Timeline(month_col(1), calc.last_col, self.year_row)


@dataclass(frozen=True)
class CompareLayout:
    """Compare: one column per scenario (from C), blocks of rows under titles; year rows say their
    year in column B."""

    head: int  # header row: the scenario labels
    columns: Mapping[str, str]  # scenario id -> column
    first_col: str
    last_col: str
    alternatives: tuple[str, str]  # first and last column of the outsourced and hybrid scenarios
    titles: Mapping[str, int]  # text key of a block title -> row
    annual: Span
    lines: Mapping[str, Span]  # cost line -> its year rows
    one_off_lines: Mapping[str, int]  # one-off line -> row
    one_off: int
    discount: Span
    npv_cost: int
    npv_savings: int
    roi: int
    payback: int
    npv_cost_after_tax: int  # the after-tax view, beside the pre-tax figures
    npv_savings_after_tax: int
    flow: Span  # years 0 to horizon
    irr: int
    cumulative: Span  # years 0 to horizon
    contacts: Span
    cost_per_contact: Span
    fte: Span
    vendor_fte: Span
    average_lines: Span  # one row per cost line
    python: Mapping[str, int]  # "py_npv", "py_roi", "py_payback" -> row of the UDF twin
    python_agree: int
    eligible: int
    eligible_npv: int
    ids: int
    short_labels: int

    def row_span(self, row: int) -> str:
        """One row across every scenario, absolute, e.g. ``Compare!$C$40:$J$40``."""
        return f"Compare!${self.first_col}${row}:${self.last_col}${row}"

    def alternative_span(self, row: int) -> str:
        """One row across the outsourced and hybrid scenarios (every alternative to in-house)."""
        first, last = self.alternatives
        return f"Compare!${first}${row}:${last}${row}"


@dataclass(frozen=True)
class RiskLayout:
    """Risk: the base of the analysis (rows 4-8), then one block per analysis, each under a title
    with a header row below it.  The counts come from the case's structure (see plan.plan_risk)."""

    scenario_row = 5
    analysed_row = 6  # NPV of savings when analysed
    now_row = 7  # the same, native and live
    current_row = 8  # 1 while the analysis matches the inputs
    tornado_title: int
    tornado: Span  # one row per driver
    monte_carlo_title: int
    monte_carlo: Span  # one row per scenario
    monte_carlo_note: int
    histogram_title: int
    histogram: Span  # one row per bin
    scoring_title: int
    weights_row: int
    scoring: Span  # one row per vendor
    scoring_reason: int
    break_even_title: int
    break_even: Span  # one row per vendor
    hybrid_share: Span  # one row per hybrid vendor
    way_back: Span  # the way back in-house's return costs and break-even (live; 2 rows, none without it)
    economic_title: int
    economic: Mapping[str, int]  # scenario id -> row
    settings_title: int
    settings: Span  # the scoring and risk inputs used
    sentences_title: int
    sentences: Span  # the analytics sentence, then the decision lines (shown on the Dashboard while current)

    @property
    def current_ref(self) -> str:
        return f"Risk!$B${self.current_row}"


@dataclass(frozen=True)
class ChecksLayout:
    """Checks: one 0/1 check per row, in column B, the master check below them."""

    rows: tuple[tuple[str, int], ...]  # (text key of the check, row)
    master_row: int


@dataclass(frozen=True)
class DashboardLayout:
    """Dashboard: the recommendation (A4, from the best scenario's id, saving, payback and label in
    B6:B9 and the service targets in B10), the scenario table, the charts, then the sentences
    computed in Python."""

    table_header: int
    scenarios: Span  # one row per scenario
    chart_row: int
    sentence_row: int
    decisions: Span  # the decision lines

    @property
    def sentence_cell(self) -> str:
        return f"A{self.sentence_row}"

    @property
    def decision_cells(self) -> tuple[str, ...]:
        return tuple(f"A{r}" for r in self.decisions.rows)


@dataclass(frozen=True)
class Plan:
    """The layout of the whole workbook, made before any cell is written."""

    inputs: InputsLayout
    channels: ChannelsLayout
    vendors: VendorsLayout
    hybrid: HybridLayout
    calc: CalcLayout
    staffing: StaffingLayout
    compare: CompareLayout
    risk: RiskLayout
    checks: ChecksLayout
    dashboard: DashboardLayout
    refs: Mapping[CaseRef, str]  # an input of the model (Input("finance", "discount_rate")) -> name or reference
    input_cells: frozenset[tuple[str, str]]  # (sheet, cell) of every input cell
    sourcing: object = None  # sheets.sourcing.SourcingLayout, when the case has portfolios or partial quotes

    @property
    def sheets(self) -> tuple[str, ...]:
        """The workbook's sheets, in order: :data:`SHEETS`, with Sourcing after Hybrid when it has one."""
        if self.sourcing is None:
            return SHEETS
        at = SHEETS.index("Hybrid") + 1
        return SHEETS[:at] + ("Sourcing",) + SHEETS[at:]
