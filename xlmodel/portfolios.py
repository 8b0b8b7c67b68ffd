"""Portfolio scenarios, the case side: several vendors and the in-house team at once, channel by channel.

A case may declare ``[[portfolios]]``, each with a ``name`` and a ``[portfolios.channels]`` table
giving every channel of the case to

- ``"inhouse"`` (the in-house team takes it all) or a vendor by name (``"Vendor A"``);
- shares, ``{inhouse = 0.4, "Vendor A" = 0.6}``, summing to 1 (100 %);
- a mode, ``{mode = "extended_hours", vendor = "Vendor A"}`` (the vendor takes the contacts arriving
  outside the in-house opening hours) or ``{mode = "overflow", vendor = "..."}`` (the volume above
  in-house capacity in peak months), computed as the hybrid modes compute them.

A vendor may state the channels it quotes for (``channels = ["phone"]`` in its ``[[vendors]]``
table; none stated: every channel), and a portfolio may list the vendors it involves (``vendors``;
by default those it assigns something to, in the order of the quotes).  Every assignment is
validated here, with its location: an unknown channel or vendor, a channel left to nobody, shares
summing to more or less than 100 %, a vendor given a channel it does not quote.  A quote with a
staff transfer (L1224-1: the vendor takes over the whole team) cannot share a portfolio's channels.

A **phased** portfolio (a pilot that widens) gives its assignments by steps instead of one
``channels`` table: ``[[portfolios.phases]]``, each with ``from_month`` (the first, 1; then
increasing, within the horizon), its ``channels`` (read as a portfolio's) and optionally the pilot's
``kpi_targets`` (``service_level``, ``first_contact_resolution``: fractions; ``csat``: a score out
of 5) and the values measured so far (``kpi_measured``, same keys).  A portfolio without phases is
one phase from month 1.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import Any, Mapping

from .errors import Percent, Problem
from .limits import MAX_PHASES, MAX_PORTFOLIOS, MAX_TEXT_LENGTH

INHOUSE = "inhouse"
SPLIT = "split"
#: How a channel is split: shares, or one of the hybrid modes computed per channel.
PORTFOLIO_MODES = (SPLIT, "extended_hours", "overflow")
SHARE_TOLERANCE = 1e-6  # shares typed as 0.333, 0.333, 0.334 sum to 1
#: A pilot's KPI targets: (key, lowest, highest, higher is better). Service level and first-contact
#: resolution are fractions of contacts; customer satisfaction (CSAT) a score out of 5.
KPI_FIELDS = (("service_level", 0.0, 1.0), ("first_contact_resolution", 0.0, 1.0), ("csat", 0.0, 5.0))


@dataclass(frozen=True)
class Assignment:
    """Who takes one channel in a portfolio: ``mode`` ``split`` with each vendor's ``shares`` (the
    in-house team takes the rest), or ``extended_hours`` / ``overflow`` with its ``vendor``."""

    mode: str = SPLIT
    vendor: str = ""
    shares: tuple[tuple[str, float], ...] = ()  # (vendor name, share > 0), split mode only

    def share(self, vendor: str) -> float:
        return dict(self.shares).get(vendor, 0.0)

    @property
    def inhouse_share(self) -> float:
        return 1.0 - sum(s for _, s in self.shares)


@dataclass(frozen=True)
class Phase:
    """One step of a portfolio: from month ``from_month`` (1 for the first) on, one assignment per
    channel of the case; the pilot's KPI targets and the values measured (``(key, value)`` pairs,
    keys of :data:`KPI_FIELDS`)."""

    from_month: int
    channels: tuple[Assignment, ...]
    kpi_targets: tuple[tuple[str, float], ...] = ()
    kpi_measured: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Portfolio:
    """A portfolio scenario: its vendors (in the order of the case's quotes) and its phases, each with
    one assignment per channel of the case, in the case's order (one phase from month 1 when the
    case states no phases)."""

    name: str
    vendors: tuple[str, ...]
    phases: tuple[Phase, ...]

    @property
    def channels(self) -> tuple[Assignment, ...]:
        """The first phase's assignments (a portfolio's, when it has one phase)."""
        return self.phases[0].channels

    @property
    def phased(self) -> bool:
        return len(self.phases) > 1 or bool(self.phases[0].kpi_targets)


def _close(name: str, known) -> tuple:
    """The hint of a misspelt name (a sub-sentence of the text layer): the closest known, or all known."""
    hint = difflib.get_close_matches(name, list(known), n=1)
    if hint:
        return ("did_you_mean", {"name": hint[0]})
    return ("known", {"names": list(known)}) if known else ("known_none", {})


def _unknown_keys(where: str, table: Mapping, keys: list[str], problems: list[Problem]) -> None:
    """A located problem for each key of ``table`` not in ``keys``, with the closest known one."""
    for key in table:
        if key not in keys:
            problems.append(Problem.of(f"{where} .{key}", "unknown_key", found=key, hint=_close(str(key), keys)))


def read_quoted_channels(vendors: list[dict], channel_names: list[str], problems: list[Problem]) -> None:
    """Check each quote's ``channels`` (the channels it quotes for) in place: a list of the case's
    channel names, stored as a tuple (empty: every channel)."""
    for i, vendor in enumerate(vendors, start=1):
        where, names = f"[[vendors]] {i} .channels", vendor.get("channels", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.append(Problem.of(where, "expected_channel_names", found=names))
            vendor["channels"] = ()
            continue
        names = tuple(n.strip() for n in names)
        for name in names:
            if name not in channel_names:
                problems.append(Problem.of(where, "channel_missing", name=name, hint=_close(name, channel_names)))
        vendor["channels"] = names


def read_portfolios(data: Any, channels: list[dict], vendors: list[dict], problems: list[Problem],
                    horizon_months: int | None = None) -> tuple[Portfolio, ...]:
    """The ``[[portfolios]]`` of a case, each assignment checked against the case's channels and
    vendor quotes (already read); at most :data:`~xlmodel.limits.MAX_PORTFOLIOS`."""
    if data is None:
        return ()
    if not isinstance(data, list) or not all(isinstance(p, Mapping) for p in data):
        problems.append(Problem.of("[[portfolios]]", "portfolios_not_array"))
        return ()
    if len(data) > MAX_PORTFOLIOS:
        problems.append(Problem.of(f"[[portfolios]] {MAX_PORTFOLIOS + 1}", "too_many_portfolios", most=MAX_PORTFOLIOS,
                                   found=len(data)))
    quotes = {v["name"]: v for v in vendors if v.get("name")}
    out, seen = [], {}
    for p, table in enumerate(data[:MAX_PORTFOLIOS], start=1):
        portfolio = _read_portfolio(p, table, [c.get("name") for c in channels], quotes, problems, horizon_months)
        if portfolio is None:
            continue
        if portfolio.name in seen:
            problems.append(Problem.of(f"[[portfolios]] {p} .name", "duplicate_portfolio", name=portfolio.name,
                                       table="[[portfolios]]", first=seen[portfolio.name]))
        seen.setdefault(portfolio.name, p)
        out.append(portfolio)
    return tuple(out)


def _read_portfolio(p: int, table: Mapping, channel_names: list, quotes: dict, problems: list[Problem],
                    horizon_months: int | None = None) -> Portfolio | None:
    where = f"[[portfolios]] {p}"
    _unknown_keys(where, table, ["name", "channels", "vendors", "phases"], problems)
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem.of(f"{where} .name", "portfolio_name_required"))
        name = ""
    elif len(name.strip()) > MAX_TEXT_LENGTH:
        problems.append(Problem.of(f"{where} .name", "name_too_long", most=MAX_TEXT_LENGTH))
    problems_before = len(problems)
    if "phases" in table:
        if "channels" in table:
            problems.append(Problem.of(f"{where} .channels", "phased_channels"))
        phases = _read_phases(where, table["phases"], channel_names, quotes, problems, horizon_months)
        if phases is None:
            return None
    else:
        assignments = _read_channels(where, table.get("channels"), channel_names, quotes, problems)
        if assignments is None:
            return None
        phases = (Phase(1, assignments),)
    named = {v for phase in phases for a in phase.channels
             for v in ([a.vendor] if a.vendor else [n for n, _ in a.shares])}
    vendors = _read_vendor_list(table, where, named, quotes, problems)
    if len(problems) == problems_before:
        for k, phase in enumerate(phases, start=1):
            at = f"{where} .phases.{k}" if "phases" in table else where
            _check_scope(at, channel_names, list(phase.channels), quotes, problems)
    return Portfolio(name.strip() if isinstance(name, str) else "", vendors, phases)


def _read_channels(where: str, assigned: Any, channel_names: list, quotes: dict, problems: list[Problem]
                   ) -> tuple[Assignment, ...] | None:
    """One assignment per channel of the case, from a ``channels`` table (None: no table)."""
    if not isinstance(assigned, Mapping):
        problems.append(Problem.of(f"{where} .channels", "portfolio_channels_required"))
        return None
    for key in assigned:
        if key not in channel_names:
            problems.append(Problem.of(f"{where} .channels.{key}", "channel_missing", name=key,
                                       hint=_close(str(key), channel_names)))
    assignments = []
    for channel in channel_names:
        at = f"{where} .channels.{channel}"
        if channel not in assigned:
            problems.append(Problem.of(at, "channel_unassigned", name=channel))
            assignments.append(Assignment())
            continue
        assignments.append(_read_assignment(assigned[channel], at, quotes, problems))
    return tuple(assignments)


def _read_phases(where: str, data: Any, channel_names: list, quotes: dict, problems: list[Problem],
                 horizon_months: int | None) -> tuple[Phase, ...] | None:
    """The steps of a phased portfolio (see the module), each checked: months from 1, increasing,
    within the horizon; each step's channels as a portfolio's; its KPI targets."""
    if not isinstance(data, list) or not data or not all(isinstance(t, Mapping) for t in data):
        problems.append(Problem.of(f"{where} .phases", "phases_not_array"))
        return None
    if len(data) > MAX_PHASES:
        problems.append(Problem.of(f"{where} .phases.{MAX_PHASES + 1}", "too_many_phases", most=MAX_PHASES,
                                   found=len(data)))
    phases, previous = [], 0
    for k, table in enumerate(data[:MAX_PHASES], start=1):
        at = f"{where} .phases.{k}"
        _unknown_keys(at, table, ["from_month", "channels", "kpi_targets", "kpi_measured"], problems)
        month = table.get("from_month")
        if isinstance(month, bool) or not isinstance(month, int):
            problems.append(Problem.of(f"{at} .from_month", "from_month_required", found=month))
            month = previous + 1
        elif k == 1 and month != 1:
            problems.append(Problem.of(f"{at} .from_month", "first_phase_month", found=month))
        elif k > 1 and month <= previous:
            problems.append(Problem.of(f"{at} .from_month", "phases_out_of_order", phase=k, month=month,
                                       before=k - 1, previous=previous))
        elif horizon_months is not None and month > horizon_months:
            problems.append(Problem.of(f"{at} .from_month", "phase_beyond", month=month, months=horizon_months))
        previous = month
        assignments = _read_channels(at, table.get("channels"), channel_names, quotes, problems)
        phases.append(Phase(month, assignments or tuple(Assignment() for _ in channel_names),
                            _read_kpis(f"{at} .kpi_targets", table.get("kpi_targets"), problems),
                            _read_kpis(f"{at} .kpi_measured", table.get("kpi_measured"), problems)))
    return tuple(phases)


def _read_kpis(at: str, data: Any, problems: list[Problem]) -> tuple[tuple[str, float], ...]:
    if data is None:
        return ()
    if not isinstance(data, Mapping):
        problems.append(Problem.of(at, "expected_kpis", keys=[k for k, _, _ in KPI_FIELDS], found=data))
        return ()
    bounds = {key: (low, high) for key, low, high in KPI_FIELDS}
    out = []
    for key, value in data.items():
        if key not in bounds:
            problems.append(Problem.of(f"{at}.{key}", "unknown_kpi", found=key, hint=_close(str(key), bounds)))
            continue
        low, high = bounds[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not low <= value <= high:
            problems.append(Problem.of(f"{at}.{key}", "kpi_bounds", low=low, high=high, found=value,
                                       hint=("kpi_fraction" if high == 1 else "kpi_score", {})))
            continue
        out.append((key, float(value)))
    order = list(bounds)
    return tuple(sorted(out, key=lambda kv: order.index(kv[0])))


def _read_assignment(value: Any, at: str, quotes: dict, problems: list[Problem]) -> Assignment:
    """One channel's assignment (see the module)."""
    if isinstance(value, str):
        value = value.strip()
        if value == INHOUSE:
            return Assignment()
        if value in quotes:
            return Assignment(shares=((value, 1.0),))
        problems.append(Problem.of(at, "vendor_missing", name=value, hint=_close(value, [INHOUSE, *quotes])))
        return Assignment()
    if not isinstance(value, Mapping):
        problems.append(Problem.of(at, "expected_assignment", found=value))
        return Assignment()
    if "mode" in value:
        return _read_mode(value, at, quotes, problems)
    shares, total, unusable = [], 0.0, False
    for key, share in value.items():
        if key != INHOUSE and key not in quotes:
            problems.append(Problem.of(f"{at}.{key}", "vendor_missing", name=key,
                                       hint=_close(str(key), [INHOUSE, *quotes])))
            unusable = True
            continue
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not math.isfinite(share) \
                or not 0 <= share <= 1:
            problems.append(Problem.of(f"{at}.{key}", "share_bounds", found=share))
            unusable = True
            continue
        total += share
        if key != INHOUSE and share > 0:
            shares.append((key, float(share)))
    if total > 1 + SHARE_TOLERANCE:
        problems.append(Problem.of(at, "shares_over", total=round(total, 4), percent=Percent(total)))
    elif total < 1 - SHARE_TOLERANCE and not unusable:
        problems.append(Problem.of(at, "shares_under", total=round(total, 4), percent=Percent(total),
                                   rest=Percent(1 - total)))
    order = list(quotes)
    return Assignment(shares=tuple(sorted(shares, key=lambda s: order.index(s[0]))))


def _read_mode(value: Mapping, at: str, quotes: dict, problems: list[Problem]) -> Assignment:
    for key in value:
        if key not in ("mode", "vendor"):
            problems.append(Problem.of(f"{at}.{key}", "mode_keys", found=key))
    mode, vendor = value.get("mode"), value.get("vendor")
    if mode not in PORTFOLIO_MODES[1:]:
        problems.append(Problem.of(f"{at}.mode", "portfolio_mode", found=mode))
        return Assignment()
    if not isinstance(vendor, str) or vendor.strip() not in quotes:
        shown = vendor.strip() if isinstance(vendor, str) else ""
        problems.append(Problem.of(f"{at}.vendor", "mode_vendor", mode=("choice_value", {"value": mode}),
                                   missing=("vendor_missing", {"name": shown, "hint": _close(shown, quotes)})
                                   if shown else ("mode_vendor_required", {"hint": _close(shown, quotes)})))
        return Assignment()
    return Assignment(mode, vendor.strip())


def _read_vendor_list(table: Mapping, where: str, named: set, quotes: dict, problems: list[Problem]
                      ) -> tuple[str, ...]:
    """The vendors of the portfolio, in the order of the quotes: those listed, or those named."""
    order = list(quotes)
    listed = table.get("vendors")
    if listed is None:
        vendors = [v for v in order if v in named]
    elif not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
        problems.append(Problem.of(f"{where} .vendors", "expected_vendor_names", found=listed))
        vendors = [v for v in order if v in named]
    else:
        listed = [v.strip() for v in listed]
        for v in listed:
            if v not in quotes:
                problems.append(Problem.of(f"{where} .vendors", "vendor_missing", name=v, hint=_close(v, order)))
        for v in sorted(named - set(listed), key=order.index):
            problems.append(Problem.of(f"{where} .vendors", "vendor_not_listed", name=v))
        vendors = [v for v in order if v in listed or v in named]
    if not vendors:
        problems.append(Problem.of(f"{where} .channels", "portfolio_without_vendor"))
    for v in vendors:
        if quotes[v].get("staff_transfer") == "yes":
            problems.append(Problem.of(f"{where} .vendors", "portfolio_transfer", name=v))
    return tuple(vendors)


def _check_scope(where: str, channel_names: list, assignments: list[Assignment], quotes: dict,
                 problems: list[Problem]) -> None:
    """A vendor takes only channels it quotes for."""
    for channel, a in zip(channel_names, assignments):
        for vendor in [a.vendor] if a.vendor else [n for n, _ in a.shares]:
            scope = quotes[vendor].get("channels") or ()
            if scope and channel not in scope:
                problems.append(Problem.of(f"{where} .channels.{channel}", "not_quoted_for", name=vendor,
                                           channel=("quoted_name", {"name": channel}), scope=", ".join(scope)))


def _channels_to_mapping(assignments, channel_names) -> dict:
    assigned = {}
    for channel, a in zip(channel_names, assignments):
        if a.mode != SPLIT:
            assigned[channel] = {"mode": a.mode, "vendor": a.vendor}
        elif not a.shares:
            assigned[channel] = INHOUSE
        elif len(a.shares) == 1 and a.shares[0][1] == 1:
            assigned[channel] = a.shares[0][0]
        else:
            shares = {INHOUSE: a.inhouse_share} if a.inhouse_share > SHARE_TOLERANCE else {}
            assigned[channel] = {**shares, **dict(a.shares)}
    return assigned


def portfolio_to_mapping(portfolio: Portfolio, channel_names) -> dict:
    """The portfolio as a TOML table that :func:`read_portfolios` reads back to an equal one."""
    out = {"name": portfolio.name, "vendors": list(portfolio.vendors)}
    if not portfolio.phased:
        return {**out, "channels": _channels_to_mapping(portfolio.channels, channel_names)}
    phases = []
    for phase in portfolio.phases:
        table = {"from_month": phase.from_month, "channels": _channels_to_mapping(phase.channels, channel_names)}
        for key in ("kpi_targets", "kpi_measured"):
            if getattr(phase, key):
                table[key] = dict(getattr(phase, key))
        phases.append(table)
    return {**out, "phases": phases}
