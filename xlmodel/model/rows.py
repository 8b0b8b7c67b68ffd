"""What the model is made of: rows (line items), staffing rows and scenarios, and the declaration
context that checks each row as it is added."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    """One line item: a formula over named references, monthly (a timeline row) or a single value."""

    key: str
    label_en: str
    label_fr: str
    unit: str  # money | fte | contacts | hours | minutes | seconds | agents | flag | index | number
    expr: str
    bind: dict = field(default_factory=dict, hash=False, compare=False)
    scalar: bool = False
    scenario: str | None = None
    line: str | None = None  # a COST_LINES id, or a ONE_OFF_LINES id for one-off rows
    one_off: bool = False
    on_error: str | None = None  # text shown instead of an error value (the engine gives None)


@dataclass(frozen=True)
class StaffRow:
    """Agents on duty, sized in Python by Erlang C (live) or workload (deferred), month by month.

    ``contacts`` and ``aht`` are reference keys of rows (or inputs) evaluated before it;
    ``hours`` the service hours per month over which the contacts arrive.
    """

    key: str
    label_en: str
    label_fr: str
    scenario: str
    channel: int
    contacts: str
    aht: str
    hours: str
    peak_of: tuple = ()  # when set: each year's peak of the sum of these staff rows


@dataclass(frozen=True)
class Scenario:
    id: str
    kind: str  # status_quo | inhouse | outsourced | hybrid
    vendor: int | None
    label_en: str
    label_fr: str
    prefix: str  # row-key prefix


@dataclass
class Model:
    """All rows, staffing rows and scenarios of one case, in evaluation order."""

    rows: list[Row]
    staff: list[StaffRow]
    scenarios: list[Scenario]

    def row(self, key: str) -> Row:
        return self._by_key[key]

    def __post_init__(self):
        self._by_key = {r.key: r for r in self.rows}


class Declaration:
    """The rows and staffing rows declared so far, in evaluation order; each row is checked as it is
    added (a reference to a row must point to one declared before it)."""

    def __init__(self):
        self.rows: list[Row] = []
        self.staff: list[StaffRow] = []
        self.keys: set[str] = set()

    def add(self, key, en, fr, unit, expr, scalar=False, scenario=None, line=None, one_off=False,
            on_error=None, **bind) -> str:
        """Declare a row; returns the reference to it."""
        for name, ref in bind.items():
            if ref.startswith("row:") and ref[4:] not in self.keys and ref[4:] != key:
                raise ValueError(f"row {key}: {name} refers to {ref}, not defined before it")
        self.rows.append(Row(key, en, fr, unit, expr, dict(bind), scalar, scenario, line, one_off, on_error))
        self.keys.add(key)
        return f"row:{key}"

    def staff_row(self, row: StaffRow) -> str:
        """Declare a staffing row; returns the reference to it."""
        self.staff.append(row)
        return f"st:{row.key}"
