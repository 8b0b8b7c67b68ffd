"""Portfolio scenarios, the model side: the in-house team and several vendors at once, channel by channel
(the case side is :mod:`xlmodel.portfolios`).

Each channel of a portfolio is split by shares (mode ``split``) or gives one vendor the part a hybrid
mode computes (``extended_hours``: the contacts outside the in-house opening hours, served over the
vendor's own hours; ``overflow``: the volume above in-house capacity in peak months).  Then:

- **each team is sized on its own part** of each channel: the in-house team on what no vendor takes
  (:func:`~xlmodel.model.team.inhouse_team`), each vendor on its shares (its own staffing rows);
  the **pooling loss** is the agent hours the split queues need beyond what each party would need
  for the same part inside one pooled queue per channel (its own sizing of the whole channel, in
  the in-house and outsourced scenarios, prorated by its share of the contacts), in in-house FTE;
- **each vendor is invoiced from its own quote** (:func:`~xlmodel.model.vendor.vendor_side`): its
  pricing model, its minimum carried in proportion to its share of its quoted scope's work, its
  indexation and bonus/malus;
- **governance reflects the number of vendors**: each vendor is governed on its own, at the
  governance rate of its invoice and at least the governance floor (one vendor manager per vendor:
  the floor's stated basis, 60 kEUR a year); each vendor engaged is a contract of its own, with its
  set-up fee, knowledge transfer, IT integration and exit provision;
- the agents today's team no longer needs leave once: one severance and one parallel run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .constants import ONE_OFF_LINES
from .refs import CaseRef, Constant, Input, RowKey, RowRef, StaffRef, VendorInput, _index
from .rows import Scenario
from .team import inhouse_costs, inhouse_team
from .vendor import _FINANCE, comparable, vendor_side

if TYPE_CHECKING:
    from .declare import Context

MODE_FIELDS = ("mode", "vendor")


@dataclass(frozen=True, slots=True)
class PortfolioInput(CaseRef):
    """Channel ``channel``'s ``mode`` (``split``, ``extended_hours``, ``overflow``) or ``vendor`` (the
    vendor of a mode; empty in ``split``) in portfolio ``portfolio`` (0-based): a cell of the Sourcing
    sheet."""

    portfolio: int
    channel: int
    field: str
    kind = "pf"

    def __post_init__(self):
        _index("a portfolio index", self.portfolio)
        _index("a channel index", self.channel)
        if self.field not in MODE_FIELDS:
            raise ValueError(f"a portfolio's channel has no field {self.field!r} (known: {', '.join(MODE_FIELDS)})")

    @property
    def target(self) -> str:
        return f"{self.portfolio}.{self.channel}.{self.field}"

    def value_in(self, case) -> str:
        return getattr(case.portfolios[self.portfolio].channels[self.channel], self.field)


@dataclass(frozen=True, slots=True)
class PortfolioShare(CaseRef):
    """The share of channel ``channel`` that vendor quote ``vendor`` takes in portfolio ``portfolio``'s
    split mode (0 to 1): a cell of the Sourcing sheet."""

    portfolio: int
    channel: int
    vendor: int
    kind = "pfs"

    def __post_init__(self):
        for what, value in (("a portfolio", self.portfolio), ("a channel", self.channel), ("a vendor", self.vendor)):
            _index(f"{what} index", value)

    @property
    def target(self) -> str:
        return f"{self.portfolio}.{self.channel}.{self.vendor}"

    def value_in(self, case) -> float:
        return float(case.portfolios[self.portfolio].channels[self.channel].share(case.vendors[self.vendor].name))


def portfolio_scenarios(shape) -> tuple[Scenario, ...]:
    """One scenario per portfolio of the case, after the hybrids."""
    return tuple(Scenario(f"portfolio:{name}", "portfolio", None, f"Portfolio: {name}", f"Portefeuille : {name}",
                          f"pf{p}") for p, (name, _) in enumerate(shape.portfolios))


def part_of(sc: Scenario, v: int, vendor: str) -> Scenario:
    """The vendor side of vendor ``v`` in portfolio ``sc``: its rows belong to the portfolio's totals."""
    return Scenario(sc.id, sc.kind, v, f"{sc.label_en}, {vendor}", f"{sc.label_fr}, {vendor}", f"{sc.prefix}v{v}")


def portfolio(ctx: Context, sc: Scenario) -> None:
    """The rows of a portfolio scenario (see the module)."""
    from .scenarios import totals  # scenarios lists every kind's rows, this one included

    p = int(sc.prefix[2:])
    vendors = ctx.shape.portfolios[p][1]
    modes = _channel_modes(ctx, sc, p)
    parts = {v: part_of(sc, v, ctx.shape.vendors[v]) for v in vendors}
    shares = {v: _vendor_shares(ctx, parts[v], p, v, modes) for v in vendors}
    to_vendors = [ctx.add(sc.key("vendor_share", i), f"Share to the vendors: {channel}",
                          f"Part confiée aux prestataires : {channel}", "index",
                          " + ".join(f"s{v}" for v in vendors), scenario=sc.id,
                          **{f"s{v}": shares[v][i] for v in vendors})
                  for i, channel in enumerate(ctx.shape.channels)]
    fte = inhouse_team(ctx, sc, to_vendors)
    inhouse_costs(ctx, sc, fte, recruit=True)
    leavers = ctx.add(sc.key("leavers"), "Agents leaving", "Conseillers sortants", "fte",
                      "max(0, current_fte - first(fte))", scalar=True, scenario=sc.id,
                      current_fte=ctx.inh["current_fte"], fte=fte)
    for v in vendors:
        vendor_side(ctx, parts[v], shares[v], None, [m["hours"] for m in modes])
    # Today's agents leave once, whichever vendor takes their work: one parallel run (a quote with a
    # staff transfer is refused in a portfolio, xlmodel.portfolios).
    ctx.add(sc.key("parallel_run"), "Parallel run (leavers still paid)", "Double run (sortants encore payés)", "money",
            "parallel * leavers * cost_per_fte", scenario=sc.id, line="parallel_run", parallel=ctx.time.parallel,
            leavers=leavers, cost_per_fte=ctx.cost_per_fte_today)
    for name, en, fr in (("vendor_fte", "Vendor FTE billed, all vendors", "ETP prestataires facturés, tous"),
                         ("vendor_fte_needed", "Vendor FTE the work needs, all vendors",
                          "ETP prestataires nécessaires, tous")):
        ctx.add(sc.key(name), en, fr, "fte", " + ".join(f"x{v}" for v in vendors), scenario=sc.id,
                **{f"x{v}": RowRef(parts[v].key(name)) for v in vendors})
    _pooling_loss(ctx, sc, vendors, parts, shares, to_vendors, modes)
    comparable(ctx, sc, " * ".join(f"c{v}" for v in vendors),
               **{f"c{v}": RowRef(parts[v].key("comparable")) for v in vendors})
    engaged = _engaged(ctx, sc, p, vendors, modes)
    _one_offs(ctx, sc, vendors, engaged, leavers)
    totals(ctx, sc)


def _channel_modes(ctx: Context, sc: Scenario, p: int) -> list[dict[str, RowRef]]:
    """Per channel: the 0/1 flags of its mode, the part its mode gives the vendor (monthly) and the
    hours over which the vendor serves it."""
    time, out = ctx.time, []
    ext_hours = ctx.add(sc.key("ext_hours"), "Vendor hours per month (extended hours)",
                        "Heures prestataire par mois (horaires étendus)", "hours", "hours_per_week * weeks / 12",
                        scalar=True, scenario=sc.id, hours_per_week=Input("hybrid", "vendor_hours_per_week"),
                        weeks=Constant("WEEKS_PER_YEAR"))
    for i, channel in enumerate(ctx.shape.channels):
        mode = PortfolioInput(p, i, "mode")
        flags = {name: ctx.add(sc.key(f"is_{name}", i), f"{channel}: mode is {word}", f"{channel} : mode {word}",
                               "flag", f'(mode == "{word}") * 1', scalar=True, scenario=sc.id, mode=mode)
                 for name, word in (("split", "split"), ("ext", "extended_hours"), ("overflow", "overflow"))}
        partial = ctx.add(sc.key("mode_part", i), f"{channel}: part the mode gives its vendor",
                          f"{channel} : part que le mode confie à son prestataire", "index",
                          "is_ext * out_of_hours + is_overflow * max(0, season - threshold) / season",
                          scenario=sc.id, is_ext=flags["ext"], out_of_hours=Input("demand", "out_of_hours_share"),
                          is_overflow=flags["overflow"], season=time.season,
                          threshold=Input("hybrid", "overflow_threshold"))
        hours = ctx.add(sc.key("vendor_service_hours", i), f"{channel}: vendor service hours per month",
                        f"{channel} : heures de service prestataire par mois", "hours",
                        "is_ext * ext_hours + (1 - is_ext) * open_hours", scalar=True, scenario=sc.id,
                        is_ext=flags["ext"], ext_hours=ext_hours, open_hours=time.open_hours)
        out.append({**flags, "part": partial, "hours": hours})
    return out


def _vendor_shares(ctx: Context, part: Scenario, p: int, v: int, modes) -> list[RowRef]:
    """Each channel's share of contacts vendor ``v`` takes: its share in split mode, the mode's part
    when the channel's mode names it."""
    vendor = ctx.shape.vendors[v]
    return [ctx.add(part.key("vendor_share", i), f"Share to {vendor}: {channel}", f"Part confiée à {vendor} : {channel}",
                    "index", "is_split * share + (1 - is_split) * (assigned == name) * mode_part", scenario=part.id,
                    is_split=m["split"], share=PortfolioShare(p, i, v), assigned=PortfolioInput(p, i, "vendor"),
                    name=VendorInput(v, "name"), mode_part=m["part"])
            for i, (channel, m) in enumerate(zip(ctx.shape.channels, modes))]


def _engaged(ctx: Context, sc: Scenario, p: int, vendors, modes) -> dict[int, RowRef]:
    """1 for each vendor given a share or a mode on some channel: a contract of its own."""
    n = len(ctx.shape.channels)
    out = {}
    for v in vendors:
        out[v] = ctx.add(
            RowKey(f"{sc.prefix}v{v}", "engaged"), f"{ctx.shape.vendors[v]}: engaged (1)",
            f"{ctx.shape.vendors[v]} : retenu (1)", "flag",
            "(" + " + ".join(f"split{i} * share{i} + (1 - split{i}) * (assigned{i} == name)" for i in range(n))
            + " > 0) * 1", scalar=True, scenario=sc.id, name=VendorInput(v, "name"),
            **{f"split{i}": modes[i]["split"] for i in range(n)},
            **{f"share{i}": PortfolioShare(p, i, v) for i in range(n)},
            **{f"assigned{i}": PortfolioInput(p, i, "vendor") for i in range(n)})
    return out


def _pooling_loss(ctx: Context, sc: Scenario, vendors, parts, shares, to_vendors, modes) -> RowRef:
    """Agent hours on duty the split queues need beyond each party's part of one pooled queue per
    channel (its sizing of the whole channel in the in-house or outsourced scenario, prorated by its
    share of the contacts), as in-house FTE."""
    terms, bind = [], {"open_hours": ctx.time.open_hours, "productive": ctx.time.productive_hours}
    for i in range(len(ctx.shape.channels)):
        bind |= {f"own{i}": StaffRef(sc.key("agents", i)), f"pooled{i}": StaffRef(RowKey("inh", "agents", i)),
                 f"out{i}": to_vendors[i]}
        terms.append(f"(own{i} - (1 - out{i}) * pooled{i}) * open_hours")
        for v in vendors:
            bind |= {f"v{v}_{i}": StaffRef(parts[v].key("vendor_agents", i)), f"h{v}_{i}": modes[i]["hours"],
                     f"s{v}_{i}": shares[v][i], f"p{v}_{i}": StaffRef(RowKey(f"out{v}", "vendor_agents", i))}
            terms.append(f"(v{v}_{i} * h{v}_{i} - s{v}_{i} * p{v}_{i} * open_hours)")
    return ctx.add(sc.key("pooling_loss"), "Pooling loss: FTE the split queues need beyond pooled ones",
                   "Perte de mutualisation : ETP des files séparées au-delà de files mutualisées", "fte",
                   f"({' + '.join(terms)}) / productive", scenario=sc.id, **bind)


def _one_offs(ctx: Context, sc: Scenario, vendors, engaged: dict[int, RowRef], leavers: RowRef) -> None:
    """The one-off costs at signature: each vendor engaged brings its set-up fee, knowledge transfer,
    IT integration and exit provision; today's agents leave once."""
    trn = ctx.trn
    count = ctx.add(sc.key("vendors_engaged"), "Vendors engaged (contracts)", "Prestataires retenus (contrats)",
                    "number", " + ".join(f"e{v}" for v in vendors), scalar=True, scenario=sc.id,
                    **{f"e{v}": engaged[v] for v in vendors})
    fee = ctx.add(sc.key("setup_fee"), "Vendor set-up fee", "Frais de mise en place", "money",
                  " + ".join(f"e{v} * fee{v}" for v in vendors), scalar=True, scenario=sc.id, line="setup_fee",
                  one_off=True, **{f"e{v}": engaged[v] for v in vendors},
                  **{f"fee{v}": VendorInput(v, "setup_fee") for v in vendors})
    rows = {
        "setup_fee_vat": ("fee * vat_rate * (1 - recovery)",
                          {"fee": fee, "vat_rate": _FINANCE["vat_rate"], "recovery": _FINANCE["vat_recovery"]}),
        "knowledge_transfer": ("amount * vendors", {"amount": trn["knowledge_transfer"], "vendors": count}),
        "it_integration": ("amount * vendors", {"amount": trn["it_integration"], "vendors": count}),
        "severance": ("leavers * (1 - redeployed) * severance",
                      {"leavers": leavers, "redeployed": trn["redeployment_rate"],
                       "severance": trn["severance_per_agent"]}),
        "exit_provision": ("amount * vendors", {"amount": trn["exit_provision"], "vendors": count}),
    }
    for line, en, fr in ONE_OFF_LINES[1:]:
        expr, bind = rows[line]
        ctx.add(sc.key(line), en, fr, "money", expr, scalar=True, scenario=sc.id, line=line, one_off=True, **bind)
