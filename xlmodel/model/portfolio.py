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

A **phased** portfolio (a pilot that widens) has one set of assignments per phase, each an input
of the Sourcing sheet with the month its phase starts: monthly 0/1 flags say which phase a month is
in, and each channel's shares and vendor service hours are the flagged sum of the phases'.  Each
party's peak (the flex rule) is taken over the months of the same year *and phase* (``peakin``), so
that a three-month pilot is not billed at the scope that follows it.  The one-off costs of a
phase starting after month 1 fall in its first month (the cost line ``step_one_off``): set-up fee,
knowledge transfer, IT integration and exit provision of each vendor engaged for the first time at
that phase, and the severance of the in-house agents the phase no longer needs (its FTE in the
month before less in its first month), who are paid during the parallel run months like those of
the signature.
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
    phase: int = 0  # a phased portfolio's phase (0-based)
    kind = "pf"

    def __post_init__(self):
        _index("a portfolio index", self.portfolio)
        _index("a channel index", self.channel)
        _index("a phase index", self.phase)
        if self.field not in MODE_FIELDS:
            raise ValueError(f"a portfolio's channel has no field {self.field!r} (known: {', '.join(MODE_FIELDS)})")

    @property
    def target(self) -> str:
        return f"{self.portfolio}.{self.channel}.{self.field}" + (f".phase{self.phase + 1}" if self.phase else "")

    def value_in(self, case) -> str:
        return getattr(case.portfolios[self.portfolio].phases[self.phase].channels[self.channel], self.field)


@dataclass(frozen=True, slots=True)
class PortfolioShare(CaseRef):
    """The share of channel ``channel`` that vendor quote ``vendor`` takes in portfolio ``portfolio``'s
    split mode (0 to 1): a cell of the Sourcing sheet."""

    portfolio: int
    channel: int
    vendor: int
    phase: int = 0  # a phased portfolio's phase (0-based)
    kind = "pfs"

    def __post_init__(self):
        for what, value in (("a portfolio", self.portfolio), ("a channel", self.channel), ("a vendor", self.vendor),
                            ("a phase", self.phase)):
            _index(f"{what} index", value)

    @property
    def target(self) -> str:
        return f"{self.portfolio}.{self.channel}.{self.vendor}" + (f".phase{self.phase + 1}" if self.phase else "")

    def value_in(self, case) -> float:
        assignment = case.portfolios[self.portfolio].phases[self.phase].channels[self.channel]
        return float(assignment.share(case.vendors[self.vendor].name))


@dataclass(frozen=True, slots=True)
class PhaseStart(CaseRef):
    """The month phase ``phase`` (0-based, at least 1: the first starts in month 1) of portfolio
    ``portfolio`` starts: a cell of the Sourcing sheet."""

    portfolio: int
    phase: int
    kind = "pfm"

    def __post_init__(self):
        _index("a portfolio index", self.portfolio)
        _index("a phase index", self.phase)

    @property
    def target(self) -> str:
        return f"{self.portfolio}.phase{self.phase + 1}.from_month"

    def value_in(self, case) -> float:
        return float(case.portfolios[self.portfolio].phases[self.phase].from_month)


@dataclass(frozen=True)
class Steps:
    """The monthly rows of a phased portfolio: each phase's 0/1 flag (the month is in it), each later
    phase's start flag (its first month, index 0 for the first phase: None) and the phase number."""

    flags: tuple[RowRef, ...]
    starts: tuple[RowRef | None, ...]
    segment: RowRef


def portfolio_scenarios(shape) -> tuple[Scenario, ...]:
    """One scenario per portfolio of the case, after the hybrids."""
    return tuple(Scenario(f"portfolio:{name}", "portfolio", None, f"Portfolio: {name}", f"Portefeuille : {name}",
                          f"pf{p}") for p, (name, *_) in enumerate(shape.portfolios))


def part_of(sc: Scenario, v: int, vendor: str) -> Scenario:
    """The vendor side of vendor ``v`` in portfolio ``sc``: its rows belong to the portfolio's totals."""
    return Scenario(sc.id, sc.kind, v, f"{sc.label_en}, {vendor}", f"{sc.label_fr}, {vendor}", f"{sc.prefix}v{v}")


def portfolio(ctx: Context, sc: Scenario) -> None:
    """The rows of a portfolio scenario (see the module)."""
    from .scenarios import totals  # scenarios lists every kind's rows, this one included

    p = int(sc.prefix[2:])
    _, vendors, phases = ctx.shape.portfolios[p]
    steps = _steps(ctx, sc, p, phases) if phases > 1 else None
    segment = steps.segment if steps else None
    by_phase = [_channel_modes(ctx, sc, p, k, phases) for k in range(phases)]
    modes = by_phase[0] if steps is None else _combined_hours(ctx, sc, by_phase, steps)
    parts = {v: part_of(sc, v, ctx.shape.vendors[v]) for v in vendors}
    shares = {v: _vendor_shares(ctx, parts[v], p, v, by_phase, steps) for v in vendors}
    to_vendors = [ctx.add(sc.key("vendor_share", i), f"Share to the vendors: {channel}",
                          f"Part confiée aux prestataires : {channel}", "index",
                          " + ".join(f"s{v}" for v in vendors), scenario=sc.id,
                          **{f"s{v}": shares[v][i] for v in vendors})
                  for i, channel in enumerate(ctx.shape.channels)]
    fte = inhouse_team(ctx, sc, to_vendors, segment)
    inhouse_costs(ctx, sc, fte, recruit=True, segment=segment)
    leavers = ctx.add(sc.key("leavers"), "Agents leaving", "Conseillers sortants", "fte",
                      "max(0, current_fte - first(fte))", scalar=True, scenario=sc.id,
                      current_fte=ctx.inh["current_fte"], fte=fte)
    for v in vendors:
        vendor_side(ctx, parts[v], shares[v], None, [m["hours"] for m in modes], segment)
    # Today's agents leave once, whichever vendor takes their work: one parallel run (a quote with a
    # staff transfer is refused in a portfolio, xlmodel.portfolios).
    ctx.add(sc.key("parallel_run"), "Parallel run (leavers still paid)", "Double fonctionnement (sortants encore payés)", "money",
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
    engaged = [_engaged(ctx, sc, p, vendors, by_phase[k], k, phases) for k in range(phases)]
    _one_offs(ctx, sc, vendors, engaged[0], leavers)
    if steps is not None:
        _step_costs(ctx, sc, vendors, engaged, steps, fte, p)
    totals(ctx, sc)


def _key(sc: Scenario, k: int, phases: int, name: str, channel: int | None = None) -> RowKey:
    """The key of a row of phase ``k``: the scenario's own when the portfolio has one phase."""
    return sc.key(name, channel) if phases == 1 else RowKey(f"{sc.prefix}s{k + 1}", name, channel)


def _steps(ctx: Context, sc: Scenario, p: int, phases: int) -> Steps:
    """Which phase each month is in (0/1 flags), the first month of each later phase, the phase number."""
    month = ctx.time.month
    starts = {f"s{k}": PhaseStart(p, k) for k in range(1, phases)}
    flags, first = [], [None]
    for k in range(phases):
        terms = (["(month >= start)"] if k else []) + (["(month < following)"] if k < phases - 1 else [])
        bind = ({"start": starts[f"s{k}"]} if k else {}) | ({"following": starts[f"s{k + 1}"]} if k < phases - 1 else {})
        flags.append(ctx.add(sc.key(f"in_phase{k + 1}"), f"Month in phase {k + 1} (1)", f"Mois de la phase {k + 1} (1)",
                             "flag", " * ".join(terms) + " * 1", scenario=sc.id, month=month, **bind))
        if k:
            first.append(ctx.add(sc.key(f"phase{k + 1}_start"), f"Phase {k + 1} starts (1)",
                                 f"Début de la phase {k + 1} (1)", "flag", "(month == start) * 1", scenario=sc.id,
                                 month=month, start=starts[f"s{k}"]))
    segment = ctx.add(sc.key("phase"), "Phase number", "Numéro de phase", "number",
                      "1 + " + " + ".join(f"(month >= s{k})" for k in range(1, phases)), scenario=sc.id,
                      month=month, **starts)
    return Steps(tuple(flags), tuple(first), segment)


def _channel_modes(ctx: Context, sc: Scenario, p: int, k: int = 0, phases: int = 1) -> list[dict[str, RowRef]]:
    """Per channel in phase ``k``: the 0/1 flags of its mode, the part its mode gives the vendor
    (monthly) and the hours over which the vendor serves it."""
    time, out = ctx.time, []
    tag_en, tag_fr = (f" (phase {k + 1})", f" (phase {k + 1})") if phases > 1 else ("", "")
    ext_key = sc.key("ext_hours")
    if k == 0:
        ctx.add(ext_key, "Vendor hours per month (extended hours)",
                "Heures prestataire par mois (horaires étendus)", "hours", "hours_per_week * weeks / 12",
                scalar=True, scenario=sc.id, hours_per_week=Input("hybrid", "vendor_hours_per_week"),
                weeks=Constant("WEEKS_PER_YEAR"))
    ext_hours = RowRef(ext_key)
    for i, channel in enumerate(ctx.shape.channels):
        mode = PortfolioInput(p, i, "mode", k)
        flags = {name: ctx.add(_key(sc, k, phases, f"is_{name}", i), f"{channel}: mode is {en}{tag_en}",
                               f"{channel} : mode {fr}{tag_fr}", "flag", f'(mode == "{word}") * 1', scalar=True,
                               scenario=sc.id, mode=mode)
                 for name, word, en, fr in (("split", "split", "split", "par parts"),
                                            ("ext", "extended_hours", "extended hours", "horaires étendus"),
                                            ("overflow", "overflow", "overflow", "débordement"))}
        partial = ctx.add(_key(sc, k, phases, "mode_part", i), f"{channel}: part the mode gives its vendor{tag_en}",
                          f"{channel} : part que le mode confie à son prestataire{tag_fr}", "index",
                          "is_ext * out_of_hours + is_overflow * max(0, season - threshold) / season",
                          scenario=sc.id, is_ext=flags["ext"], out_of_hours=Input("demand", "out_of_hours_share"),
                          is_overflow=flags["overflow"], season=time.season,
                          threshold=Input("hybrid", "overflow_threshold"))
        hours = ctx.add(_key(sc, k, phases, "vendor_service_hours", i),
                        f"{channel}: vendor service hours per month{tag_en}",
                        f"{channel} : heures de service prestataire par mois{tag_fr}", "hours",
                        "is_ext * ext_hours + (1 - is_ext) * open_hours", scalar=True, scenario=sc.id,
                        is_ext=flags["ext"], ext_hours=ext_hours, open_hours=time.open_hours)
        out.append({**flags, "part": partial, "hours": hours})
    return out


def _combined_hours(ctx: Context, sc: Scenario, by_phase, steps: Steps) -> list[dict[str, RowRef]]:
    """Per channel, the vendor service hours of the month's phase."""
    n = len(by_phase)
    return [{"hours": ctx.add(sc.key("vendor_service_hours", i), f"{channel}: vendor service hours per month",
                              f"{channel} : heures de service prestataire par mois", "hours",
                              " + ".join(f"f{k} * h{k}" for k in range(n)), scenario=sc.id,
                              **{f"f{k}": steps.flags[k] for k in range(n)},
                              **{f"h{k}": by_phase[k][i]["hours"] for k in range(n)})}
            for i, channel in enumerate(ctx.shape.channels)]


def _vendor_shares(ctx: Context, part: Scenario, p: int, v: int, by_phase, steps: Steps | None) -> list[RowRef]:
    """Each channel's share of contacts vendor ``v`` takes: its share in split mode, the mode's part
    when the channel's mode names it; in a phased portfolio, those of the month's phase."""
    vendor = ctx.shape.vendors[v]
    term = "is_split{k} * share{k} + (1 - is_split{k}) * (assigned{k} == name) * mode_part{k}"
    out = []
    for i, channel in enumerate(ctx.shape.channels):
        bind = {"name": VendorInput(v, "name")}
        for k, modes in enumerate(by_phase):
            m = modes[i]
            bind |= {f"is_split{k}": m["split"], f"share{k}": PortfolioShare(p, i, v, k),
                     f"assigned{k}": PortfolioInput(p, i, "vendor", k), f"mode_part{k}": m["part"]}
        if steps is None:
            expr = term.format(k=0)
        else:
            expr = " + ".join(f"f{k} * ({term.format(k=k)})" for k in range(len(by_phase)))
            bind |= {f"f{k}": steps.flags[k] for k in range(len(by_phase))}
        out.append(ctx.add(part.key("vendor_share", i), f"Share to {vendor}: {channel}",
                           f"Part confiée à {vendor} : {channel}", "index", expr, scenario=part.id, **bind))
    return out


def _engaged(ctx: Context, sc: Scenario, p: int, vendors, modes, k: int = 0, phases: int = 1) -> dict[int, RowRef]:
    """1 for each vendor given a share or a mode on some channel (in phase ``k``): a contract of its own."""
    n = len(ctx.shape.channels)
    out = {}
    tag_en, tag_fr = (f" in phase {k + 1}", f" en phase {k + 1}") if phases > 1 else ("", "")
    for v in vendors:
        out[v] = ctx.add(
            RowKey(f"{sc.prefix}v{v}", "engaged" if k == 0 else f"engaged_phase{k + 1}"),
            f"{ctx.shape.vendors[v]}: engaged{tag_en} (1)", f"{ctx.shape.vendors[v]} : retenu{tag_fr} (1)", "flag",
            "(" + " + ".join(f"split{i} * share{i} + (1 - split{i}) * (assigned{i} == name)" for i in range(n))
            + " > 0) * 1", scalar=True, scenario=sc.id, name=VendorInput(v, "name"),
            **{f"split{i}": modes[i]["split"] for i in range(n)},
            **{f"share{i}": PortfolioShare(p, i, v, k) for i in range(n)},
            **{f"assigned{i}": PortfolioInput(p, i, "vendor", k) for i in range(n)})
    return out


def _step_costs(ctx: Context, sc: Scenario, vendors, engaged: list[dict[int, RowRef]], steps: Steps,
                fte: RowRef, p: int) -> None:
    """The one-off costs of each later phase, in its first month: each vendor engaged for the first
    time brings its set-up fee (and the VAT not recovered on it), knowledge transfer, IT integration
    and exit provision; the in-house agents the phase no longer needs are paid severance and the
    parallel run, as at signature."""
    trn, phases = ctx.trn, len(steps.flags)
    costs, fees, drops = {}, {}, {}
    for k in range(1, phases):
        new = {}
        for v in vendors:
            earlier = {f"e{j}": engaged[j][v] for j in range(k)}
            new[v] = ctx.add(RowKey(f"{sc.prefix}v{v}", f"new_phase{k + 1}"),
                             f"{ctx.shape.vendors[v]}: engaged for the first time in phase {k + 1} (1)",
                             f"{ctx.shape.vendors[v]} : retenu pour la première fois en phase {k + 1} (1)", "flag",
                             "now * " + " * ".join(f"(1 - e{j})" for j in range(k)), scalar=True, scenario=sc.id,
                             now=engaged[k][v], **earlier)
        each = {f"n{v}": new[v] for v in vendors} | {f"fee{v}": VendorInput(v, "setup_fee") for v in vendors}
        fees[k] = ctx.add(sc.key(f"phase{k + 1}_setup_fee"), f"Phase {k + 1}: set-up fees of the vendors engaged",
                          f"Phase {k + 1} : frais de mise en place des prestataires retenus", "money",
                          " + ".join(f"n{v} * fee{v}" for v in vendors), scalar=True, scenario=sc.id,
                          **{key: ref for key, ref in each.items()})
        costs[k] = ctx.add(sc.key(f"phase{k + 1}_one_off"), f"Phase {k + 1}: one-off costs of the vendors engaged",
                           f"Phase {k + 1} : coûts ponctuels des prestataires retenus", "money",
                           "fees + (" + " + ".join(f"n{v}" for v in vendors) + ") * (transfer + it + exit)",
                           scalar=True, scenario=sc.id, fees=fees[k], transfer=trn["knowledge_transfer"],
                           it=trn["it_integration"], exit=trn["exit_provision"], **{f"n{v}": new[v] for v in vendors})
        drops[k] = ctx.add(sc.key(f"phase{k + 1}_leavers"), f"Phase {k + 1}: in-house agents leaving",
                           f"Phase {k + 1} : conseillers internes sortants", "fte",
                           "start * max(0, prev(fte) - fte)", scenario=sc.id, start=steps.starts[k], fte=fte)
    later = range(1, phases)
    starts = {f"start{k}": steps.starts[k] for k in later}
    ctx.add(sc.key("phase_transition"), "Later phases: vendors' one-off costs (in the phase's first month)",
            "Phases suivantes : coûts ponctuels des prestataires (au premier mois de la phase)", "money",
            " + ".join(f"start{k} * cost{k}" for k in later), scenario=sc.id, line="step_one_off",
            **starts, **{f"cost{k}": costs[k] for k in later})
    ctx.add(sc.key("phase_vat"), "Later phases: VAT not recovered on the set-up fees",
            "Phases suivantes : TVA non récupérée sur les frais de mise en place", "money",
            "(" + " + ".join(f"start{k} * fee{k}" for k in later) + ") * vat_rate * (1 - recovery)", scenario=sc.id,
            line="vat", vat_rate=_FINANCE["vat_rate"], recovery=_FINANCE["vat_recovery"], **starts,
            **{f"fee{k}": fees[k] for k in later})
    ctx.add(sc.key("phase_severance"), "Later phases: severance of the agents leaving",
            "Phases suivantes : indemnités des conseillers sortants", "money",
            "(" + " + ".join(f"d{k}" for k in later) + ") * (1 - redeployed) * severance", scenario=sc.id,
            line="step_one_off", redeployed=trn["redeployment_rate"], severance=trn["severance_per_agent"],
            **{f"d{k}": drops[k] for k in later})
    leaving = {f"l{k}": ctx.add(sc.key(f"phase{k + 1}_leavers_total"), f"Phase {k + 1}: in-house agents leaving, in all",
                                f"Phase {k + 1} : conseillers internes sortants, au total", "fte", "total(d)",
                                scalar=True, scenario=sc.id, d=drops[k]) for k in later}
    ctx.add(sc.key("phase_parallel_run"), "Later phases: parallel run (leavers still paid)",
            "Phases suivantes : double fonctionnement (sortants encore payés)", "money",
            "(" + " + ".join(f"(month >= s{k}) * (month < s{k} + months) * l{k}" for k in later) + ") * cost_per_fte",
            scenario=sc.id, line="parallel_run", month=ctx.time.month, months=trn["parallel_run_months"],
            cost_per_fte=ctx.cost_per_fte_today, **leaving, **{f"s{k}": PhaseStart(p, k) for k in later})


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
