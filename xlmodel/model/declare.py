"""The model of one case, declared block by block in the order :func:`build_model` states: each
block refers only to rows of the blocks before it (the declaration checks it)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..case import Case
from .refs import Inputs, RowRef
from .refs import StaffRef
from .rows import Declaration, Model, StaffRow
from .sizing import native_sizing
from .appraisal import appraisal, payback, years
from .continuity import continuity
from .portfolio import portfolio, portfolio_scenarios
from .reinternal import break_even_return, reinternal_scenarios, reinternalised
from .scenarios import SCENARIO_ROWS, scenario_list
from .timeline import Demand, Timeline, demand, timeline
from .vendor import VendorTerms, vendor_terms

_INHOUSE, _TRANSITION = Inputs("inhouse"), Inputs("transition")  # references shared by every model


@dataclass(frozen=True)
class Shape:
    """All the model's rows depend on: the names of the case's channels and vendors (in labels, one
    row per channel or vendor), the vendors given a hybrid scenario and the hybrid mode (in labels),
    and each channel's kind (a live channel's native sizing searches, a deferred one's divides).
    Every number reaches the rows through references, so the cases of one shape share one model."""

    channels: tuple[str, ...]
    vendors: tuple[str, ...]
    hybrid_vendors: tuple[str, ...]
    hybrid_mode: str
    kinds: tuple[str, ...] = ()
    portfolios: tuple[tuple[str, tuple[int, ...], int], ...] = ()  # (name, the indexes of its vendors, phases)
    scopes: tuple[tuple[str, ...], ...] = ()  # per vendor, the channels it quotes for when not all
    profiled: bool = False  # a weekly arrival profile: live searches add the agents its shifts need
    reinternal: bool = False  # a re-internalisation scenario ([reinternalisation] year > 0)

    @classmethod
    def of(cls, case: Case) -> Shape:
        vendors = tuple(v.name for v in case.vendors)
        return cls(tuple(c.name for c in case.channels), vendors, tuple(case.hybrid.vendors), case.hybrid.mode,
                   tuple(c.kind for c in case.channels),
                   tuple((p.name, tuple(vendors.index(v) for v in p.vendors), len(p.phases))
                         for p in case.portfolios),
                   tuple(v.channels for v in case.vendors) if any(v.channels for v in case.vendors) else (),
                   bool(case.demand.arrival_days or case.demand.arrival_slots),
                   case.reinternalisation.year > 0)


class Context(Declaration):
    """The declaration under way, and what the earlier blocks made for the later ones."""

    def __init__(self, shape: Shape):
        super().__init__(len(shape.channels), len(shape.vendors))
        self.shape = shape
        self.inh, self.trn = _INHOUSE, _TRANSITION
        self.time: Timeline | None = None
        self.demand: Demand | None = None
        self.terms: list[VendorTerms] = []
        self.cost_per_fte_today: RowRef | None = None  # the status quo's cost per agent (parallel runs)
        self.scope_minutes: dict[int, RowRef] = {}  # vendor -> minutes billed for the whole scope (outsourced)
        self.totals: dict[str, tuple[RowRef, RowRef]] = {}  # scenario id -> (monthly total, one-off total)
        self.reached: dict[str, RowRef] = {}  # scenario id -> its monthly flags "one-off cost recovered"
        self.annual_costs: dict[str, RowRef] = {}  # scenario id -> its cost by year
        self.after_tax: dict[str, RowRef] = {}  # scenario id -> its NPV of cost after corporation tax

    def staff_row(self, row: StaffRow) -> StaffRef:
        """Declare a staffing row with the rows of its native sizing (:mod:`xlmodel.model.sizing`)."""
        kind = None if row.peak_of else self.shape.kinds[row.channel]
        return super().staff_row(row, native_sizing(self, row, kind, self.shape.profiled))


def build_model(case: Case) -> Model:
    """Every row of the model for this case (channels and vendors set the row count); the model of
    a shape is declared once (a sensitivity or break-even run re-uses it) and never changes."""
    return _declare(Shape.of(case))


@functools.lru_cache(maxsize=32)
def _declare(shape: Shape) -> Model:
    ctx = Context(shape)
    ctx.time = timeline(ctx)  # 1. timeline and flags
    ctx.demand = demand(ctx)  # 2. contacts per channel
    ctx.terms = [vendor_terms(ctx, v) for v in range(len(shape.vendors))]  # 3. each quote's terms
    scenarios = scenario_list(shape) + portfolio_scenarios(shape)  # 4. the scenarios, status quo first: the
    declare_rows = {**SCENARIO_ROWS, "portfolio": portfolio}  # others price their parallel run at its cost
    for sc in scenarios:  # per agent
        declare_rows[sc.kind](ctx, sc)  # team, vendor side, one-offs, totals
    for sc in scenarios:  # 5. payback, once every scenario can refer to in-house
        if sc.kind != "inhouse":
            payback(ctx, sc)
    by_year = years(ctx)  # 6. the yearly timeline, then each scenario's appraisal, in-house first
    for sc in sorted(scenarios, key=lambda sc: sc.kind != "inhouse"):
        appraisal(ctx, sc, by_year)
    later = reinternal_scenarios(shape)  # 7. the way back in-house: it picks the cheapest quote by its NPV
    for sc in later:
        reinternalised(ctx, sc)
        payback(ctx, sc)
        appraisal(ctx, sc, by_year)
        break_even_return(ctx, sc, by_year)
    scenarios += later
    for sc in scenarios:  # 8. each portfolio's continuity: a vendor's failure, with and without a backup
        if sc.kind == "portfolio":
            continuity(ctx, sc)
    return Model(tuple(ctx.rows), tuple(ctx.staff), scenarios, tuple(ctx.sizing))
