"""The smallest number of agents that meets a service target and an occupancy cap (Erlang C),
for one interval or, vectorised, for arrays of intervals (see :mod:`xlmodel.erlang`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..arguments import BadArgument, number, rate, shown
from ..limits import MAX_AGENTS
from .queue import MAX_TRAFFIC_ERLANGS, TrafficOutOfRange, _erlang_b_recursion, _traffic

#: 14 / 0.7 is 20.000000000000004 in floating point: still 20 agents, not 21.
SHRINKAGE_TOLERANCE = 1e-9
#: numpy's exp and the C library's may differ by one unit in the last place; a service level this
#: close to the target is decided again with math.exp so that the vectorised and the scalar sizing
#: agree exactly.
_TIE_BAND = 1e-12
#: Below this many unfinished sizings, a Python loop is faster than numpy calls on tiny arrays.
_SCALAR_TAIL = 4


@dataclass(frozen=True)
class Staffing:
    """Result of a sizing: one record, one row of a staffing table."""

    raw_agents: int  # agents on the phones meeting the target
    agents: int  # scheduled: raw / (1 - shrinkage), rounded up
    service_level: float
    occupancy: float
    waiting_probability: float
    asa_seconds: float
    traffic_erlangs: float


def _first_start(a: float, max_occupancy: float) -> int:
    """No N below this can meet the occupancy cap nor empty the queue (N > A); float-safe by one."""
    return max(int(math.floor(a)) + 1, int(math.ceil(a / max_occupancy)) - 1)


def _search(a: float, aht_seconds: float, target_sl: float, answer_seconds: float, max_occupancy: float,
            start: int, k: int, b: float):
    """Step the Erlang B recursion up from B(k) = b until N >= start meets both targets.

    Returns (N, B(N), C(N), SL(N)). The scalar and the vectorised sizing share it, so they agree.
    Raises :class:`BadArgument` past :data:`MAX_AGENTS` (a target so close to 1 that no team meets it).
    """
    while True:
        if k >= MAX_AGENTS:
            raise BadArgument(f"target_sl {shown(target_sl)} in {shown(answer_seconds)} s would need more than "
                              f"{MAX_AGENTS:,} agents: lower the target or lengthen answer_seconds".replace(",", " "))
        k += 1
        b = a * b / (k + a * b)
        if k >= start and a / k <= max_occupancy:
            c = k * b / (k - a * (1 - b))
            sl = 1.0 - c * math.exp(-(k - a) * answer_seconds / aht_seconds)
            if sl >= target_sl:
                return k, b, c, sl


def _check_targets(target_sl, answer_seconds, max_occupancy):
    rate("target_sl", target_sl, above=0, below=1)
    number("answer_seconds", answer_seconds, minimum=0)
    rate("max_occupancy", max_occupancy, above=0, maximum=1)


def agents_required(contacts: float, aht_seconds: float, target_sl: float = 0.8, answer_seconds: float = 20,
                    interval_seconds: float = 1800, max_occupancy: float = 1.0, shrinkage: float = 0.0) -> Staffing:
    """The smallest number of agents meeting the service target and the occupancy cap, then shrinkage.

    Parameters
    ----------
    contacts : float
        Contacts arriving in the interval (>= 0).
    aht_seconds : float
        Average handling time, seconds (> 0).
    target_sl : float, default 0.8
        Share to answer within ``answer_seconds`` (strictly between 0 and 1).
    answer_seconds : float, default 20
        Answer time of the target, seconds.
    interval_seconds : float, default 1800
        Length of the interval, seconds.
    max_occupancy : float, default 1.0
        Cap on A / N (0 < cap <= 1).
    shrinkage : float, default 0.0
        Share of paid time off the phones (0 <= shrinkage < 1).

    Returns
    -------
    Staffing
        ``raw_agents`` N on the phones, ``agents`` = ceil(N / (1 - shrinkage)) scheduled, and the
        performance at N. Zero contacts need 0 agents.

    Notes
    -----
    The search starts where a queue can exist (N = floor(A) + 1, or the occupancy cap's bound if
    higher), with B computed once by recursion up to there, then steps up one agent at a time:
    about a millisecond at 5 000 Erlangs.

    Examples
    --------
    >>> s = agents_required(100, 180, max_occupancy=0.70, shrinkage=0.30)
    >>> s.raw_agents, s.agents, round(s.service_level, 3)
    (15, 22, 0.941)
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    _check_targets(target_sl, answer_seconds, max_occupancy)
    rate("shrinkage", shrinkage, minimum=0, below=1)
    if a == 0:
        return Staffing(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0)
    if a / max_occupancy > MAX_AGENTS:  # inf for a subnormal cap: refused, never converted to an int
        raise BadArgument(f"max_occupancy {shown(max_occupancy)} would need more than {MAX_AGENTS:,} agents for "
                          f"{shown(a)} Erlangs (agents >= traffic / max_occupancy): type an occupancy cap "
                          "such as 0.85".replace(",", " "))
    start = _first_start(a, max_occupancy)
    b = _erlang_b_recursion(a, start - 1)
    n, b, c, sl = _search(a, aht_seconds, target_sl, answer_seconds, max_occupancy, start, start - 1, b)
    scheduled = math.ceil(n / (1 - shrinkage) - SHRINKAGE_TOLERANCE)
    return Staffing(n, scheduled, sl, a / n, c, c * aht_seconds / (n - a), a)


def agents_required_many(traffic_erlangs, aht_seconds, target_sl: float, answer_seconds: float,
                         max_occupancy: float) -> np.ndarray:
    """Vectorised :func:`agents_required` over an array of traffics (raw agents, no shrinkage).

    Parameters
    ----------
    traffic_erlangs : array_like
        Traffic A in Erlangs per cell (contacts x AHT / interval), any shape, >= 0.
    aht_seconds : array_like or float
        Average handling time, seconds, broadcast against ``traffic_erlangs``.
    target_sl, answer_seconds, max_occupancy : float
        As in :func:`agents_required`.

    Returns
    -------
    numpy.ndarray of int64
        Agents on the phones, same shape as ``traffic_erlangs``; 0 where the traffic is 0. Equal,
        element by element, to ``agents_required(...).raw_agents``.

    Notes
    -----
    The Erlang B recursion runs over k = 1, 2, ... for every unfinished sizing at once; each keeps
    the first k that meets its targets and leaves the arrays. The last few finish in Python.

    Examples
    --------
    >>> agents_required_many(np.array([10.0, 0.0, 10.0]), np.array([180.0, 180.0, 180.0]), 0.8, 20, 1.0)
    array([14,  0, 14])
    """
    _check_targets(target_sl, answer_seconds, max_occupancy)
    shape = np.shape(traffic_erlangs)
    a, aht = _checked_traffics(traffic_erlangs, aht_seconds)
    result = np.zeros(a.size, dtype=np.int64)
    idx = np.flatnonzero(a > 0)
    traffic, handling = a[idx], aht[idx]
    start = np.maximum(np.floor(traffic).astype(np.int64) + 1,
                       np.ceil(traffic / max_occupancy).astype(np.int64) - 1)
    b = np.ones(idx.size)
    k = 0
    while idx.size > _SCALAR_TAIL:
        k += 1
        b = traffic * b / (k + traffic * b)
        candidates = np.flatnonzero((k >= start) & (traffic / k <= max_occupancy))
        if not candidates.size:
            continue
        met = _meets(k, traffic[candidates], b[candidates], handling[candidates], target_sl, answer_seconds)
        if met.any():
            done = candidates[met]
            result[idx[done]] = k
            keep = np.ones(idx.size, dtype=bool)
            keep[done] = False
            idx, traffic, handling, start, b = idx[keep], traffic[keep], handling[keep], start[keep], b[keep]
    for j in range(idx.size):
        result[idx[j]] = _search(float(traffic[j]), float(handling[j]), target_sl, answer_seconds, max_occupancy,
                                 int(start[j]), k, float(b[j]))[0]
    return result.reshape(shape)


def _checked_traffics(traffic_erlangs, aht_seconds) -> tuple[np.ndarray, np.ndarray]:
    """The traffics and handling times of :func:`agents_required_many`, flat, once checked."""
    a = np.asarray(traffic_erlangs, dtype=float)
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), a.shape).ravel()
    a = a.ravel()
    if not np.isfinite(a).all() or (a < 0).any() or (a > MAX_TRAFFIC_ERLANGS).any():
        raise TrafficOutOfRange(f"traffic_erlangs must be finite, >= 0 and at most {MAX_TRAFFIC_ERLANGS:g} "
                                f"(found {a[~(np.isfinite(a) & (a >= 0) & (a <= MAX_TRAFFIC_ERLANGS))][0]!r})")
    if not np.isfinite(aht).all() or (aht <= 0).any():
        raise ValueError(f"aht_seconds must be > 0 (found {aht[~(np.isfinite(aht) & (aht > 0))][0]!r})")
    return a, aht


def _meets(k: int, traffic: np.ndarray, b: np.ndarray, handling: np.ndarray, target_sl: float,
           answer_seconds: float) -> np.ndarray:
    """Whether ``k`` agents meet the service target, for arrays of traffics whose Erlang B at ``k``
    is ``b``; a service level within :data:`_TIE_BAND` of the target is decided as the scalar does."""
    c = k * b / (k - traffic * (1 - b))
    sl = 1.0 - c * np.exp(-(k - traffic) * answer_seconds / handling)
    met = sl >= target_sl
    for j in np.flatnonzero(np.abs(sl - target_sl) < _TIE_BAND):
        met[j] = 1.0 - c[j] * math.exp(-(k - traffic[j]) * answer_seconds / handling[j]) >= target_sl
    return met
