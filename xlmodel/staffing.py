"""Agents on duty, month by month: what native spreadsheet formulas cannot compute well.

For each staffing row of the model (a team, in-house or at a vendor, serving one channel) the
month's contacts are spread evenly over the service hours of the month and sized per half-hour
interval:

- live channels (phone, chat): Erlang C, the smallest number of agents meeting the channel's
  service target (share answered within N seconds) under its occupancy cap; or, where the channel
  says ``sizing = "erlang_a"``, Erlang A with its callers' mean patience (:mod:`xlmodel.erlang.patience`).  Chat concurrency
  divides the handling time (an agent with two chats at once is modelled as an agent with half the
  handling time per chat);
- deferred channels (e-mail, letters): the workload divided by the occupancy cap; the backlog is
  smoothed within the response time.

Both are limited to what the workbook's native twin of this sizing (:mod:`xlmodel.model.sizing`)
sizes exactly: at most :data:`~xlmodel.model.constants.STAFFING_MAX_ERLANGS` of traffic on an interval, and
at most 2**NATIVE_SEARCH_STEPS - 1 agents above the traffic (:class:`BeyondStaffingReach`).

Assumption, stated on the Method sheet: contacts arrive evenly over the opening hours, so the
figures are the agents on duty on an average interval; with a weekly arrival profile the engine
sizes each slot of the week with these functions and works them as shifts (:mod:`xlmodel.profile`).  Splitting a
queue between two teams loses pooling efficiency; sizing each team on its own part shows it.
"""

from __future__ import annotations

import numpy as np

from .erlang import agents_required_many, offered_traffic
from .erlang.patience import LOG_FLOOR, agents_required_a, search_base
from .model.constants import ERLANG_A_MAX_ERLANGS, ERLANG_A_MAX_RATIO, NATIVE_SEARCH_STEPS, STAFFING_MAX_ERLANGS

#: The most agents above the traffic that the native search finds.
SEARCH_WINDOW = 2 ** NATIVE_SEARCH_STEPS - 1


class BeyondStaffingReach(ValueError):
    """A load the staffing model does not size: ``what`` is ``"traffic"`` (more Erlangs on an
    interval than :data:`~xlmodel.model.constants.STAFFING_MAX_ERLANGS`) or ``"window"`` (a target needing
    more than :data:`SEARCH_WINDOW` agents above the traffic); ``worst`` is the highest found."""

    def __init__(self, what: str, worst: float):
        super().__init__(f"{what}: {worst:g}")
        self.what, self.worst = what, worst


def agents_on_duty(contacts: np.ndarray, aht_seconds, service_hours: float, *, kind: str,
                   service_level: float, answer_seconds: float, max_occupancy: float,
                   concurrency: float, interval_seconds: float, sizing: str = "erlang_c",
                   patience_seconds: float = 0.0) -> np.ndarray:
    """Agents on duty on an average interval, for each month.

    Parameters
    ----------
    contacts : array of contacts per month.
    aht_seconds : average handling time, seconds (a number or one per month).
    service_hours : hours per month over which the contacts arrive.
    kind : ``"live"`` (Erlang C or A) or ``"deferred"`` (workload over occupancy).
    sizing, patience_seconds : ``"erlang_c"``, or ``"erlang_a"`` with the callers' mean patience
        (:func:`xlmodel.erlang.patience.agents_required_a`: abandons fail the service level, the cap
        applies to the handled traffic).

    Raises
    ------
    BeyondStaffingReach
        A traffic or a sizing beyond what the workbook's native search sizes exactly.

    >>> agents_on_duty(np.array([100.0 * 2 * 10]), 180.0, 10.0, kind="live", service_level=0.8,
    ...                answer_seconds=20, max_occupancy=1.0, concurrency=1, interval_seconds=1800)
    array([14.])
    """
    contacts = np.asarray(contacts, dtype=float)
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), contacts.shape) / concurrency
    traffic = offered_traffic(contacts, aht, interval_seconds, service_hours=service_hours)
    if traffic.size and not traffic.max() <= STAFFING_MAX_ERLANGS:  # nan too
        raise BeyondStaffingReach("traffic", float(np.nanmax(traffic)) if np.isfinite(traffic).any() else np.inf)
    if kind == "deferred":
        return traffic / max_occupancy
    if sizing == "erlang_a":
        return _erlang_a(traffic, aht, patience_seconds, service_level, answer_seconds, max_occupancy)
    agents = agents_required_many(traffic, aht, service_level, answer_seconds, max_occupancy)
    # Beyond the search's window, unless the occupancy cap sets the agents (one fewer would meet it).
    above = np.where(traffic / np.maximum(agents - 1, 1) <= max_occupancy, agents - np.floor(traffic), 0)
    if above.size and above.max() > SEARCH_WINDOW:
        raise BeyondStaffingReach("window", float(above.max()))
    return agents.astype(float)


def _erlang_a(traffic, handling, patience_seconds, service_level, answer_seconds, max_occupancy) -> np.ndarray:
    """Erlang A agents, within the reach of the workbook's native formula (else BeyondStaffingReach
    ``"erlang_a"``, the worst of traffic / ERLANG_A_MAX_ERLANGS, patience / (handling x ERLANG_A_MAX_RATIO)
    and 2 for a search that could test a team whose Poisson term underflows)."""
    from scipy.special import gammaln  # imported where used, as the sizing itself
    ratio = patience_seconds / handling
    base = search_base(traffic, service_level, max_occupancy)
    lowest = base + 1  # the smallest team the search may test
    with np.errstate(divide="ignore"):
        log_p = lowest * np.log(traffic) - traffic - gammaln(lowest + 1)
    underflow = (traffic > 0) & (lowest < traffic) & (log_p <= LOG_FLOOR)
    worst = max(float(traffic.max(initial=0)) / ERLANG_A_MAX_ERLANGS, float(ratio.max(initial=0)) / ERLANG_A_MAX_RATIO,
                2.0 if underflow.any() else 0.0)
    if worst > 1:
        raise BeyondStaffingReach("erlang_a", worst)
    agents = agents_required_a(traffic, handling, patience_seconds, service_level, answer_seconds, max_occupancy,
                               NATIVE_SEARCH_STEPS)
    if agents.size and (agents - base).max() > SEARCH_WINDOW:
        raise BeyondStaffingReach("window", float((agents - base).max()))
    return agents


def yearly_peak(agents: np.ndarray) -> np.ndarray:
    """Each month gets the highest value of its year (months in blocks of 12)."""
    by_year = np.asarray(agents, dtype=float).reshape(-1, 12)
    return np.repeat(by_year.max(axis=1), 12)


def erlang_a_reach(channel: str) -> dict:
    """The values of the message of a channel whose Erlang A sizing is beyond the workbook's native reach
    (``beyond_erlang_a`` in the text layer's problems)."""
    return {"name": channel, "limit": ERLANG_A_MAX_ERLANGS, "ratio": ERLANG_A_MAX_RATIO}
