"""What the model is made of: rows (line items), staffing rows with the rows of their native
sizing, and scenarios; and the declaration that checks each row as it is added."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .language import Formula, FormulaError, formula
from .refs import CaseRef, ChannelInput, Fixed, ProfileUplift, Ref, RowKey, RowRef, StaffRef, ToVendor, VendorInput


# What a scenario's label puts between its kind and its name where a colon follows (a row's label) or comes
# before it (a sentence naming it): "Outsourced – Acme: saving", "Recommended: Outsourced – Acme". A sizing
# step's label joins its staffing row's by it too ("...: vendor agents on duty, phone – search, candidate 1").
NAME_DASH = " \u2013 "
# The channel fields a staffing row's sizing reads besides its contacts, handling time and hours.
SIZING_TARGETS = ("service_level", "answer_seconds", "max_occupancy", "concurrency", "sizing", "patience_seconds")


class ModelError(ValueError):
    """A row declared with a reference that cannot be resolved (a bug in the model's declaration)."""


@dataclass(frozen=True)
class Row:
    """One line item: a formula over named references, monthly (a timeline row), yearly (one value
    per year, year 0 first) or a single value."""

    key: RowKey
    label_en: str
    label_fr: str
    unit: str  # money | fte | contacts | hours | minutes | seconds | agents | flag | index | number | rate
    expr: str
    bind: dict[str, Ref] = field(default_factory=dict, hash=False, compare=False)
    scalar: bool = False
    scenario: str | None = None
    line: str | None = None  # a COST_LINES id, or a ONE_OFF_LINES id for one-off rows
    one_off: bool = False
    on_error: str | None = None  # the text key of what is shown instead of an error value (the engine gives None)
    formula: Formula | None = field(default=None, repr=False, compare=False)  # the parsed ``expr``
    yearly: bool = False


@dataclass(frozen=True)
class StaffRow:
    """Agents on duty, sized by Erlang C (live) or workload (deferred), month by month.

    ``contacts`` and ``aht`` refer to rows (or inputs) evaluated before it; ``hours`` to the
    service hours per month over which the contacts arrive.  A peak row has none of them but
    ``peak_of``: each month gets its year's peak of the sum of these staffing rows.

    The engine sizes it in Python (:mod:`xlmodel.staffing`); the workbook sizes it with native
    formulas, the rows :mod:`xlmodel.model.sizing` declares for it (``sizing``, their keys, set
    when the row is declared; the last, :attr:`native`, gives the agents on duty).
    """

    key: RowKey
    label_en: str
    label_fr: str
    scenario: str
    channel: int  # -1 for a peak row
    contacts: Ref | None
    aht: Ref | None
    hours: Ref
    peak_of: tuple[RowKey, ...] = ()
    sizing: tuple[RowKey, ...] = ()

    @property
    def native(self) -> RowKey | None:
        """The key of the sizing row that gives the agents on duty natively."""
        return self.sizing[-1] if self.sizing else None


@dataclass(frozen=True)
class Scenario:
    id: str
    kind: str  # status_quo | inhouse | outsourced | hybrid
    vendor: int | None
    label_en: str
    label_fr: str
    prefix: str  # the block of its row keys

    @property
    def head_en(self) -> str:
        """The label at the head of a row's label, before the colon that names the row: its own colon
        an en dash ("Outsourced – Acme: saving", never "Outsourced: Acme: saving", two labels)."""
        return self.label_en.replace(": ", NAME_DASH, 1)

    @property
    def head_fr(self) -> str:
        """:attr:`head_en` in French ("Externalisé – Acme : économie")."""
        return self.label_fr.replace(" : ", NAME_DASH, 1)

    def key(self, name: str, channel: int | None = None) -> RowKey:
        """The key of this scenario's row ``name`` (of channel ``channel``): ``inh.agents.0``."""
        return RowKey(self.prefix, name, channel)


@dataclass(frozen=True)
class Model:
    """All rows, staffing rows and scenarios of one case, in evaluation order (shared by the cases
    of one shape: never changed once declared).  ``sizing`` holds the rows of the staffing rows'
    native sizing (the Staffing sheet's formulas): the engine sizes in Python and never evaluates
    them."""

    rows: tuple[Row, ...]
    staff: tuple[StaffRow, ...]
    scenarios: tuple[Scenario, ...]
    sizing: tuple[Row, ...] = ()
    _by_key: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_key", {r.key: r for r in (*self.rows, *self.sizing)})

    def row(self, key: RowKey) -> Row:
        """A row of the model or of the native sizing."""
        return self._by_key[key]

    def reaching(self, start) -> set:
        """Every reference the references ``start`` depend on, themselves included: rows through their
        bindings; staffing rows through the rows whose peak they take, their contacts, handling time
        and hours, and the channel's targets their sizing reads; back to the case's inputs."""
        staff = {s.key: s for s in self.staff}
        stack, seen = list(start), set()
        while stack:
            ref = stack.pop()
            if ref in seen:
                continue
            seen.add(ref)
            if isinstance(ref, RowRef):
                stack.extend(self.row(ref.key).bind.values())
            elif isinstance(ref, StaffRef):
                s = staff[ref.key]
                stack.extend(StaffRef(k) for k in s.peak_of)
                stack.extend(r for r in (s.contacts, s.aht, s.hours) if r is not None)
                if not s.peak_of:
                    stack.extend(ChannelInput(s.channel, f) for f in SIZING_TARGETS)
        return seen

    def scenario(self, scenario_id: str) -> Scenario:
        for sc in self.scenarios:
            if sc.id == scenario_id:
                return sc
        raise KeyError(scenario_id)


class Declaration:
    """The rows and staffing rows declared so far, in evaluation order, for a case of ``channels``
    channels and ``vendors`` vendor quotes.  Each row is checked as it is added: its formula's names
    are exactly its bindings, each bound to a reference to a row declared before it (or to itself,
    for a running sum), to a declared staffing row, or to a channel or vendor the case has.

    The rows of the native sizing (:meth:`sizing_row`) have keys of their own, never a model row's;
    they may refer to model rows and to sizing rows declared before them, and model rows reach them
    only through a staffing row's :class:`StaffRef`."""

    def __init__(self, channels: int, vendors: int):
        self.channels, self.vendors = channels, vendors
        self.rows: list[Row] = []
        self.staff: list[StaffRow] = []
        self.sizing: list[Row] = []
        self.keys: set[RowKey] = set()
        self.staff_keys: set[RowKey] = set()
        self.sizing_keys: set[RowKey] = set()
        self.by_key: dict[RowKey, Row] = {}
        self.sized: dict[tuple, RowKey] = {}  # what a native sizing computes -> its agents row (one per value)
        self.signatures: dict[RowKey, tuple] = {}  # memo of signature()

    def add(self, key: RowKey, en, fr, unit, expr, scalar=False, scenario=None, line=None, one_off=False,
            on_error=None, yearly=False, **bind) -> RowRef:
        """Declare a row; returns the reference to it."""
        row = self._checked(key, en, fr, unit, expr, bind, scalar, scenario, line, one_off, on_error, yearly)
        self.rows.append(row)
        self.keys.add(key)
        self.by_key[key] = row
        return RowRef(key)

    def signature(self, ref) -> tuple | Ref:
        """What a reference computes, whatever the keys and labels of the rows on the way: two
        references of one signature have the same values for every case (two hybrids' in-house
        teams serve the same contacts, whichever the vendor)."""
        if not isinstance(ref, (RowRef, StaffRef)):
            return ref  # a case reference: frozen, equal by value
        memo = self.signatures
        if ref.key not in memo:
            if isinstance(ref, StaffRef):
                s = next(s for s in self.staff if s.key == ref.key)
                memo[ref.key] = ("staff", s.channel, *(self.signature(r) for r in (s.contacts, s.aht, s.hours)),
                                 tuple(self.signature(StaffRef(k)) for k in s.peak_of))
            else:
                row = self.by_key[ref.key]
                memo[ref.key] = ("row", row.expr, row.scalar, row.yearly, row.on_error, tuple(sorted(
                    (name, "itself" if type(bound) is RowRef and bound.key == ref.key else self.signature(bound))
                    for name, bound in row.bind.items())))
        return memo[ref.key]

    def sizing_row(self, key: RowKey, en, fr, unit, expr, **bind) -> RowRef:
        """Declare a monthly row of the native sizing (:mod:`xlmodel.model.sizing`); returns the
        reference to it.  It may bind one :class:`Fixed` number (a step size)."""
        if sum(isinstance(ref, Fixed) for ref in bind.values()) > 1:
            raise ModelError(f"sizing row {key}: at most one fixed number (its single-value column)")
        row = self._checked(key, en, fr, unit, expr, bind, sizing=True)
        self.sizing.append(row)
        self.sizing_keys.add(key)
        return RowRef(key)

    def _checked(self, key, en, fr, unit, expr, bind, scalar=False, scenario=None, line=None, one_off=False,
                 on_error=None, yearly=False, sizing=False) -> Row:
        """The row, once its key and bindings are checked (see the class)."""
        if key in self.keys or key in self.sizing_keys:
            raise ModelError(f"row {key}: declared twice")
        self_name = None
        for name, ref in bind.items():
            if type(ref) is RowRef and ref.key == key:
                self_name = name
            elif isinstance(ref, Fixed) and not sizing:
                raise ModelError(f"row {key}: {name} refers to {ref}: only a sizing row takes a fixed number")
            elif (problem := self._problem(ref, sizing)) is not None:
                raise ModelError(f"row {key}: {name} refers to {ref}: {problem}")
        try:
            parsed = formula(expr, self_name)
        except FormulaError as exc:
            raise ModelError(f"row {key}: {exc}") from None
        used = parsed.names
        if used != bind.keys():
            unbound, unused = sorted(used - bind.keys()), sorted(bind.keys() - used)
            raise ModelError(f"row {key}: " + "; ".join(
                part for part in (unbound and f"{', '.join(unbound)} used in {expr!r} but not bound",
                                  unused and f"{', '.join(unused)} bound but not used in {expr!r}") if part))
        return Row(key, en, fr, unit, expr, bind, scalar, scenario, line, one_off, on_error, parsed, yearly)

    def staff_row(self, row: StaffRow, sizing: tuple[RowKey, ...] = ()) -> StaffRef:
        """Declare a staffing row, natively sized by the sizing rows ``sizing`` (its agents last);
        returns the reference to it."""
        if row.key in self.staff_keys:
            raise ModelError(f"staffing row {row.key}: declared twice")
        for ref in (row.contacts, row.aht, row.hours):
            if ref is not None and (problem := self._problem(ref)) is not None:
                raise ModelError(f"staffing row {row.key}: refers to {ref}: {problem}")
        for part in row.peak_of:
            if part not in self.staff_keys:
                raise ModelError(f"staffing row {row.key}: the peak of {part}, not declared before it")
        if not set(sizing) <= self.sizing_keys:
            raise ModelError(f"staffing row {row.key}: its native sizing {sorted(set(sizing) - self.sizing_keys)} "
                             "are not sizing rows")
        self.staff.append(replace(row, sizing=tuple(sizing)))
        self.staff_keys.add(row.key)
        return StaffRef(row.key)

    def _problem(self, ref, sizing: bool = False) -> str | None:
        """Why a row (a sizing row with ``sizing``) or staffing row declared now cannot use ``ref``,
        or None."""
        kind = type(ref)
        if kind is RowRef:
            if ref.key in self.keys or (sizing and ref.key in self.sizing_keys):
                return None
            return "not a row declared before it"
        if kind is StaffRef:
            return None if ref.key in self.staff_keys else "not a staffing row declared before it"
        if kind is ProfileUplift:
            return None if sizing else "the arrival profile's agents reach the model through the native sizing only"
        if kind is ChannelInput or kind is ToVendor:
            return None if ref.channel < self.channels else f"the case has {self.channels} channels"
        if kind is VendorInput:
            return None if ref.vendor < self.vendors else f"the case has {self.vendors} vendor quotes"
        return None if isinstance(ref, CaseRef) else f"not a reference ({kind.__name__})"
