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
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import Any, Mapping

from .arguments import shown_value
from .errors import Problem
from .limits import MAX_PORTFOLIOS, MAX_TEXT_LENGTH

INHOUSE = "inhouse"
SPLIT = "split"
#: How a channel is split: shares, or one of the hybrid modes computed per channel.
PORTFOLIO_MODES = (SPLIT, "extended_hours", "overflow")
SHARE_TOLERANCE = 1e-6  # shares typed as 0.333, 0.333, 0.334 sum to 1


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
class Portfolio:
    """A portfolio scenario: its vendors (in the order of the case's quotes) and one assignment per
    channel of the case, in the case's order."""

    name: str
    vendors: tuple[str, ...]
    channels: tuple[Assignment, ...]


def _close(name: str, known) -> str:
    hint = difflib.get_close_matches(name, list(known), n=1)
    return f": did you mean {hint[0]!r}?" if hint else f"; known: {', '.join(known) or 'none'}"


def read_quoted_channels(vendors: list[dict], channel_names: list[str], problems: list[Problem]) -> None:
    """Check each quote's ``channels`` (the channels it quotes for) in place: a list of the case's
    channel names, stored as a tuple (empty: every channel)."""
    for i, vendor in enumerate(vendors, start=1):
        where, names = f"[[vendors]] {i} .channels", vendor.get("channels", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.append(Problem(where, f"expected a list of channel names, found {shown_value(names)}"))
            vendor["channels"] = ()
            continue
        names = tuple(n.strip() for n in names)
        for name in names:
            if name not in channel_names:
                problems.append(Problem(where, f"channel {name!r} does not exist{_close(name, channel_names)}"))
        vendor["channels"] = names


def read_portfolios(data: Any, channels: list[dict], vendors: list[dict], problems: list[Problem]
                    ) -> tuple[Portfolio, ...]:
    """The ``[[portfolios]]`` of a case, each assignment checked against the case's channels and
    vendor quotes (already read); at most :data:`~xlmodel.limits.MAX_PORTFOLIOS`."""
    if data is None:
        return ()
    if not isinstance(data, list) or not all(isinstance(p, Mapping) for p in data):
        problems.append(Problem("[[portfolios]]", "expected an array of tables ([[portfolios]] with a name and "
                                                  "a [portfolios.channels] table)"))
        return ()
    if len(data) > MAX_PORTFOLIOS:
        problems.append(Problem(f"[[portfolios]] {MAX_PORTFOLIOS + 1}", f"at most {MAX_PORTFOLIOS} portfolios "
                                f"(found {len(data)}): each is a scenario of every sheet; keep the ones to decide on"))
    quotes = {v["name"]: v for v in vendors if v.get("name")}
    out, seen = [], {}
    for p, table in enumerate(data[:MAX_PORTFOLIOS], start=1):
        portfolio = _read_portfolio(p, table, [c.get("name") for c in channels], quotes, problems)
        if portfolio is None:
            continue
        if portfolio.name in seen:
            problems.append(Problem(f"[[portfolios]] {p} .name", f"portfolio name {portfolio.name!r} is already "
                                                                 f"used by [[portfolios]] {seen[portfolio.name]}"))
        seen.setdefault(portfolio.name, p)
        out.append(portfolio)
    return tuple(out)


def _read_portfolio(p: int, table: Mapping, channel_names: list, quotes: dict, problems: list[Problem]
                    ) -> Portfolio | None:
    where = f"[[portfolios]] {p}"
    for key in table:
        if key not in ("name", "channels", "vendors"):
            problems.append(Problem(f"{where} .{key}", f"unknown key {shown_value(key)}"
                                                       f"{_close(str(key), ['name', 'channels', 'vendors'])}"))
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(f"{where} .name", "is required: the portfolio's name, as text"))
        name = ""
    elif len(name.strip()) > MAX_TEXT_LENGTH:
        problems.append(Problem(f"{where} .name", f"must be at most {MAX_TEXT_LENGTH} characters"))
    assigned = table.get("channels")
    if not isinstance(assigned, Mapping):
        problems.append(Problem(f"{where} .channels", "is required: a table giving each channel to 'inhouse', a "
                                                      "vendor, shares or a mode"))
        return None
    for key in assigned:
        if key not in channel_names:
            problems.append(Problem(f"{where} .channels.{key}", f"channel {key!r} does not exist"
                                                                f"{_close(str(key), channel_names)}"))
    problems_before = len(problems)
    assignments = []
    for channel in channel_names:
        at = f"{where} .channels.{channel}"
        if channel not in assigned:
            problems.append(Problem(at, f"channel {channel!r} is left to nobody: give it to 'inhouse', a vendor, "
                                        "shares or a mode"))
            assignments.append(Assignment())
            continue
        assignments.append(_read_assignment(assigned[channel], at, quotes, problems))
    named = {v for a in assignments for v in ([a.vendor] if a.vendor else [n for n, _ in a.shares])}
    vendors = _read_vendor_list(table, where, named, quotes, problems)
    if len(problems) == problems_before:
        _check_scope(where, channel_names, assignments, quotes, problems)
    return Portfolio(name.strip() if isinstance(name, str) else "", vendors, tuple(assignments))


def _read_assignment(value: Any, at: str, quotes: dict, problems: list[Problem]) -> Assignment:
    """One channel's assignment (see the module)."""
    if isinstance(value, str):
        value = value.strip()
        if value == INHOUSE:
            return Assignment()
        if value in quotes:
            return Assignment(shares=((value, 1.0),))
        problems.append(Problem(at, f"vendor {value!r} does not exist{_close(value, [INHOUSE, *quotes])}"))
        return Assignment()
    if not isinstance(value, Mapping):
        problems.append(Problem(at, f"expected 'inhouse', a vendor's name, shares or a mode, found "
                                    f"{shown_value(value)}"))
        return Assignment()
    if "mode" in value:
        return _read_mode(value, at, quotes, problems)
    shares, total, unusable = [], 0.0, False
    for key, share in value.items():
        if key != INHOUSE and key not in quotes:
            problems.append(Problem(f"{at}.{key}", f"vendor {key!r} does not exist{_close(str(key), [INHOUSE, *quotes])}"))
            unusable = True
            continue
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not math.isfinite(share) \
                or not 0 <= share <= 1:
            problems.append(Problem(f"{at}.{key}", f"a share must be a number >= 0 and <= 1 (found "
                                                   f"{shown_value(share)}): shares are fractions, 0.4 for 40 %"))
            unusable = True
            continue
        total += share
        if key != INHOUSE and share > 0:
            shares.append((key, float(share)))
    if total > 1 + SHARE_TOLERANCE:
        problems.append(Problem(at, f"the shares sum to {total:.4g} ({total:.1%}), more than 100 %"))
    elif total < 1 - SHARE_TOLERANCE and not unusable:
        problems.append(Problem(at, f"the shares sum to {total:.4g} ({total:.1%}): {1 - total:.1%} of the channel "
                                    "is left to nobody; give the rest to 'inhouse' or a vendor"))
    order = list(quotes)
    return Assignment(shares=tuple(sorted(shares, key=lambda s: order.index(s[0]))))


def _read_mode(value: Mapping, at: str, quotes: dict, problems: list[Problem]) -> Assignment:
    for key in value:
        if key not in ("mode", "vendor"):
            problems.append(Problem(f"{at}.{key}", f"unknown key {shown_value(key)}: a mode takes 'mode' and "
                                                   "'vendor'"))
    mode, vendor = value.get("mode"), value.get("vendor")
    if mode not in PORTFOLIO_MODES[1:]:
        problems.append(Problem(f"{at}.mode", f"must be 'extended_hours' or 'overflow' (found {shown_value(mode)}); "
                                              "for shares, give each party's share instead of a mode"))
        return Assignment()
    if not isinstance(vendor, str) or vendor.strip() not in quotes:
        shown = vendor.strip() if isinstance(vendor, str) else ""
        problems.append(Problem(f"{at}.vendor", f"the vendor taking the {mode} part: "
                                                f"{'vendor ' + repr(shown) + ' does not exist' if shown else 'required'}"
                                                f"{_close(shown, quotes)}"))
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
        problems.append(Problem(f"{where} .vendors", f"expected a list of vendor names, found {shown_value(listed)}"))
        vendors = [v for v in order if v in named]
    else:
        listed = [v.strip() for v in listed]
        for v in listed:
            if v not in quotes:
                problems.append(Problem(f"{where} .vendors", f"vendor {v!r} does not exist{_close(v, order)}"))
        for v in sorted(named - set(listed), key=order.index):
            problems.append(Problem(f"{where} .vendors", f"vendor {v!r} is assigned a channel but not listed"))
        vendors = [v for v in order if v in listed or v in named]
    if not vendors:
        problems.append(Problem(f"{where} .channels", "a portfolio gives at least one channel or share to a vendor "
                                                      "(every channel in-house is the in-house scenario)"))
    for v in vendors:
        if quotes[v].get("staff_transfer") == "yes":
            problems.append(Problem(f"{where} .vendors", f"vendor {v!r} quotes with a staff transfer (L1224-1: it "
                                                         "takes over the whole team), which a portfolio splits: "
                                                         "quote it without the transfer for a portfolio"))
    return tuple(vendors)


def _check_scope(where: str, channel_names: list, assignments: list[Assignment], quotes: dict,
                 problems: list[Problem]) -> None:
    """A vendor takes only channels it quotes for."""
    for channel, a in zip(channel_names, assignments):
        for vendor in [a.vendor] if a.vendor else [n for n, _ in a.shares]:
            scope = quotes[vendor].get("channels") or ()
            if scope and channel not in scope:
                problems.append(Problem(f"{where} .channels.{channel}", f"vendor {vendor!r} does not quote for "
                                        f"channel {channel!r} (it quotes for {', '.join(scope)})"))


def portfolio_to_mapping(portfolio: Portfolio, channel_names) -> dict:
    """The portfolio as a TOML table that :func:`read_portfolios` reads back to an equal one."""
    assigned = {}
    for channel, a in zip(channel_names, portfolio.channels):
        if a.mode != SPLIT:
            assigned[channel] = {"mode": a.mode, "vendor": a.vendor}
        elif not a.shares:
            assigned[channel] = INHOUSE
        elif len(a.shares) == 1 and a.shares[0][1] == 1:
            assigned[channel] = a.shares[0][0]
        else:
            shares = {INHOUSE: a.inhouse_share} if a.inhouse_share > SHARE_TOLERANCE else {}
            assigned[channel] = {**shares, **dict(a.shares)}
    return {"name": portfolio.name, "vendors": list(portfolio.vendors), "channels": assigned}
