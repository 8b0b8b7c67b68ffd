"""Erlang B, C and A: how many agents a queue of contacts needs, and how it then performs.

Numerically stable for any load: Erlang B by its recursion B(0) = 1,
B(k) = A B(k-1) / (k + A B(k-1)), and C = N B / (N - A (1 - B)) for N > A; never factorials, which
overflow past about 170 agents. Erlang A (callers who abandon) works in log space.

Times are in seconds; a *contact* is a call, a chat or an e-mail; *traffic* A (Erlangs) = contacts
per interval x AHT / interval length.

>>> round(service_level(100, 180, 14), 4)
0.8884
>>> agents_required(100, 180, target_sl=0.8, answer_seconds=20).raw_agents
14
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SHRINKAGE_TOLERANCE = 1e-9  # 14 / 0.7 is 20.000000000000004 in floating point: still 20 agents
MAX_ERLANGS = 1_000_000  # far beyond any contact centre; bounds time and memory on absurd input
MAX_AGENTS = 2_000_000


def _check(name: str, value, *, positive=False, non_negative=False, fraction=False, integer=False,
           open_fraction=False):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a number (found {value!r})")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite (found {value!r})")
    if positive and value <= 0:
        raise ValueError(f"{name} must be > 0 (found {value:g})")
    if non_negative and value < 0:
        raise ValueError(f"{name} must be >= 0 (found {value:g})")
    if fraction and not 0 <= value <= 1:
        raise ValueError(f"{name} must be between 0 and 1 (found {value:g})")
    if open_fraction and not 0 < value < 1:
        raise ValueError(f"{name} must be strictly between 0 and 1 (found {value:g})")
    if integer and value != int(value):
        raise ValueError(f"{name} must be a whole number (found {value:g})")


def _bounded(traffic_erlangs: float, agents: float | None = None):
    if traffic_erlangs > MAX_ERLANGS:
        raise ValueError(f"traffic of {traffic_erlangs:g} Erlangs is beyond {MAX_ERLANGS:,} Erlangs: "
                         "check the contacts, the AHT and the interval")
    if agents is not None and agents > MAX_AGENTS:
        raise ValueError(f"agents ({agents:g}) is beyond {MAX_AGENTS:,}")


def erlang_b(traffic_erlangs: float, agents: int) -> float:
    """Blocking probability of an M/M/N/N system (Erlang B), by the stable recursion.

    >>> round(erlang_b(2, 5), 4), round(erlang_b(10, 14), 4)
    (0.0367, 0.0568)
    """
    _check("traffic_erlangs", traffic_erlangs, non_negative=True)
    _check("agents", agents, non_negative=True, integer=True)
    _bounded(traffic_erlangs, agents)
    b = 1.0
    for k in range(1, int(agents) + 1):
        b = traffic_erlangs * b / (k + traffic_erlangs * b)
    return b


def erlang_c(traffic_erlangs: float, agents: int) -> float:
    """Probability that a contact waits (Erlang C); 1 when agents <= traffic (the queue never empties).

    Notes
    -----
    C(N, A) = N B / (N - A (1 - B)) with B = Erlang B(N, A).

    >>> round(erlang_c(10, 14), 6)
    0.174132
    """
    _check("traffic_erlangs", traffic_erlangs, non_negative=True)
    _check("agents", agents, non_negative=True, integer=True)
    if traffic_erlangs == 0:
        return 0.0
    if agents <= traffic_erlangs:
        return 1.0
    b = erlang_b(traffic_erlangs, agents)
    return agents * b / (agents - traffic_erlangs * (1 - b))


def _traffic(contacts, aht_seconds, interval_seconds) -> float:
    _check("contacts", contacts, non_negative=True)
    _check("aht_seconds", aht_seconds, positive=True)
    _check("interval_seconds", interval_seconds, positive=True)
    traffic = contacts * aht_seconds / interval_seconds
    _bounded(traffic)
    return traffic


def service_level(contacts: float, aht_seconds: float, agents: int, answer_seconds: float = 20,
                  interval_seconds: float = 1800) -> float:
    """Share of contacts answered within ``answer_seconds`` (Erlang C).

    SL = 1 - C(N, A) exp(-(N - A) t / AHT); 0 when agents <= traffic.

    >>> round(service_level(100, 180, 13), 4)
    0.7956
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    _check("agents", agents, non_negative=True, integer=True)
    _check("answer_seconds", answer_seconds, non_negative=True)
    if a == 0:
        return 1.0
    if agents <= a:
        return 0.0
    return 1.0 - erlang_c(a, agents) * math.exp(-(agents - a) * answer_seconds / aht_seconds)


def asa(contacts: float, aht_seconds: float, agents: int, interval_seconds: float = 1800) -> float:
    """Average speed of answer in seconds (Erlang C): C x AHT / (N - A); infinite when N <= A.

    >>> round(asa(100, 180, 14), 4)
    7.8359
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    _check("agents", agents, non_negative=True, integer=True)
    if a == 0:
        return 0.0
    if agents <= a:
        return math.inf
    return erlang_c(a, agents) * aht_seconds / (agents - a)


def occupancy(contacts: float, aht_seconds: float, agents: int, interval_seconds: float = 1800) -> float:
    """Share of the agents' logged time spent handling contacts: A / N (capped at 1)."""
    a = _traffic(contacts, aht_seconds, interval_seconds)
    _check("agents", agents, positive=True, integer=True)
    return min(1.0, a / agents)


@dataclass(frozen=True)
class Staffing:
    """Result of a sizing: one record, one row of a staffing table."""

    raw_agents: int  # agents on the phones meeting the target
    agents: int  # after shrinkage, rounded up
    service_level: float
    occupancy: float
    waiting_probability: float
    asa_seconds: float
    traffic_erlangs: float


def agents_required(contacts: float, aht_seconds: float, target_sl: float = 0.8, answer_seconds: float = 20,
                    interval_seconds: float = 1800, max_occupancy: float = 1.0, shrinkage: float = 0.0) -> Staffing:
    """The smallest number of agents meeting the service target and the occupancy cap, then shrinkage.

    Parameters
    ----------
    contacts : contacts arriving in the interval.
    aht_seconds : average handling time, seconds.
    target_sl : share to answer within ``answer_seconds`` (0 < target < 1).
    max_occupancy : cap on A / N (0 < cap <= 1).
    shrinkage : share of paid time off the phones; agents = ceil(raw / (1 - shrinkage)).

    >>> s = agents_required(100, 180, max_occupancy=0.70, shrinkage=0.30)
    >>> s.raw_agents, s.agents, round(s.service_level, 3)
    (15, 22, 0.941)
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    _check("target_sl", target_sl, open_fraction=True)
    _check("answer_seconds", answer_seconds, non_negative=True)
    _check("max_occupancy", max_occupancy, positive=True, fraction=True)
    _check("shrinkage", shrinkage, non_negative=True)
    if shrinkage >= 1:
        raise ValueError(f"shrinkage must be < 1 (found {shrinkage:g})")
    if a == 0:
        return Staffing(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0)
    n = max(int(math.floor(a)) + 1, int(math.ceil(a / max_occupancy - 1e-12)))
    b = erlang_b(a, n)
    while True:
        c = n * b / (n - a * (1 - b))
        sl = 1.0 - c * math.exp(-(n - a) * answer_seconds / aht_seconds)
        if sl >= target_sl and a / n <= max_occupancy:
            break
        n += 1
        b = a * b / (n + a * b)
    scheduled = math.ceil(n / (1 - shrinkage) - SHRINKAGE_TOLERANCE)
    return Staffing(n, scheduled, sl, a / n, c, c * aht_seconds / (n - a), a)


def agents_required_many(traffic_erlangs, aht_seconds, target_sl: float, answer_seconds: float,
                         max_occupancy: float) -> np.ndarray:
    """Vectorised :func:`agents_required` (raw agents, no shrinkage) over an array of traffics.

    The Erlang B recursion runs once over k = 1, 2, ... for every element at the same time; each
    element keeps the first k that meets its target. Traffic 0 needs 0 agents.

    >>> agents_required_many(np.array([10.0, 0.0, 10.0]), np.array([180.0, 180.0, 180.0]), 0.8, 20, 1.0)
    array([14,  0, 14])
    """
    a = np.asarray(traffic_erlangs, dtype=float)
    if a.size and (not np.isfinite(a).all() or a.max() > MAX_ERLANGS):
        raise ValueError(f"traffic must be finite and at most {MAX_ERLANGS:,} Erlangs")
    shape = a.shape
    a = a.ravel()
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), shape).ravel()
    result = np.zeros(a.size, dtype=np.int64)
    todo = a > 0
    if not todo.any():
        return result.reshape(shape)
    b = np.ones(a.size)
    k = 0
    # Below the smallest traffic no element can be served: only the recursion runs there.
    floor = int(np.floor(a[todo].min()))
    while k < floor:
        k += 1
        b = a * b / (k + a * b)
    while todo.any():
        k += 1
        b = a * b / (k + a * b)
        candidates = todo & (k > a) & (a / k <= max_occupancy)
        if candidates.any():
            ac, bc, hc = a[candidates], b[candidates], aht[candidates]
            c = k * bc / (k - ac * (1 - bc))
            sl = 1.0 - c * np.exp(-(k - ac) * answer_seconds / hc)
            met = np.flatnonzero(candidates)[sl >= target_sl]
            result[met] = k
            todo[met] = False
    return result.reshape(shape)


@dataclass(frozen=True)
class ErlangA:
    """Performance of a queue whose callers abandon (M/M/N+M, exponential patience)."""

    waiting_probability: float
    abandon_probability: float
    occupancy: float
    asa_seconds: float  # over all arrivals, abandons included
    service_level: float  # answered within answer_seconds over all arrivals; abandons fail


def erlang_a(contacts: float, aht_seconds: float, agents: int, patience_seconds: float,
             answer_seconds: float = 20, interval_seconds: float = 1800) -> ErlangA:
    """Erlang A: the exact birth-death model with exponential patience (mean ``patience_seconds``).

    Notes
    -----
    States n = 0, 1, ...: arrivals at rate lambda; departures n mu up to N, then N mu + (n - N) theta
    (theta = 1 / patience). The stationary law is computed in log space and truncated where it is
    negligible. P(abandon) = theta E[queue] / lambda; ASA = E[queue] / lambda (Little); the service
    level follows a waiting customer through the queue ahead of it (a pure-death chain with rates
    N mu + j theta, while its own patience runs) by uniformisation.

    >>> r = erlang_a(100, 180, 14, 300)
    >>> round(r.waiting_probability, 5), round(r.abandon_probability, 6), round(r.service_level, 6)
    (0.14526, 0.013984, 0.916792)
    """
    _check("contacts", contacts, non_negative=True)
    _check("aht_seconds", aht_seconds, positive=True)
    _check("agents", agents, positive=True, integer=True)
    _check("patience_seconds", patience_seconds, positive=True)
    _check("answer_seconds", answer_seconds, non_negative=True)
    _check("interval_seconds", interval_seconds, positive=True)
    n_agents = int(agents)
    lam = contacts / interval_seconds
    mu = 1.0 / aht_seconds
    theta = 1.0 / patience_seconds
    if lam == 0:
        return ErlangA(0.0, 0.0, 0.0, 0.0, 1.0)
    _bounded(lam / mu, n_agents)
    # Log of the unnormalised stationary probabilities.
    log_a = math.log(lam / mu)
    states = [0.0]
    for n in range(1, n_agents + 1):
        states.append(states[-1] + log_a - math.log(n))
    n = n_agents
    peak = max(states)
    while True:
        n += 1
        states.append(states[-1] + math.log(lam) - math.log(n_agents * mu + (n - n_agents) * theta))
        peak = max(peak, states[-1])
        if states[-1] < peak - 50 and n > n_agents + 10:
            break
        if n > n_agents + 10 * MAX_AGENTS:
            raise ValueError("the queue does not settle: patience_seconds is too long for this load")
    logp = np.array(states)
    p = np.exp(logp - logp.max())
    p /= p.sum()
    queue = np.arange(len(p)) - n_agents
    waiting = float(p[n_agents:].sum())
    mean_queue = float((p[n_agents + 1:] * queue[n_agents + 1:]).sum())
    abandon = theta * mean_queue / lam
    occ = (lam / mu) * (1 - abandon) / n_agents
    asa_all = mean_queue / lam
    # A customer arriving in state n >= N has j = n - N customers ahead.
    ahead = len(p) - n_agents
    served = _served_within(ahead, n_agents * mu, theta, answer_seconds)
    sl = float(p[:n_agents].sum() + (p[n_agents:] * served).sum())
    return ErlangA(waiting, abandon, occ, asa_all, sl)


def _served_within(max_ahead: int, service_rate: float, theta: float, t: float) -> np.ndarray:
    """P(reach an agent within t before abandoning), for j = 0 .. max_ahead - 1 customers ahead."""
    if t == 0:
        return np.zeros(max_ahead)
    j = np.arange(max_ahead)
    forward = service_rate + j * theta  # rate at which the customers ahead go (served or gone)
    uniform = forward.max() + theta
    # One uniformised step from state j: ahead -> j-1 (or served from 0), abandon, or stay.
    p_forward, p_abandon = forward / uniform, theta / uniform
    p_stay = 1 - p_forward - p_abandon
    served = np.zeros(max_ahead)  # P(served within the steps taken so far)
    total = np.zeros(max_ahead)
    lt = uniform * t
    steps = int(lt + 12 * math.sqrt(lt) + 25)
    log_weight = -lt  # Poisson(0; lt)
    cumulative_weight = 0.0
    for n in range(steps + 1):
        if n > 0:
            shifted = np.concatenate(([1.0], served[:-1]))  # from j, a forward step lands in j-1 (or served)
            served = p_forward * shifted + p_stay * served
            log_weight += math.log(lt) - math.log(n)
        weight = math.exp(log_weight)
        cumulative_weight += weight
        total += weight * served
    # Mass beyond the last step is negligible; whatever remains counts as "served by then".
    return total + (1 - cumulative_weight) * served


def abandon_rate(contacts: float, aht_seconds: float, agents: int, patience_seconds: float,
                 interval_seconds: float = 1800) -> float:
    """Share of contacts that abandon before being answered (Erlang A).

    >>> round(abandon_rate(100, 180, 14, 300), 6)
    0.013984
    """
    return erlang_a(contacts, aht_seconds, agents, patience_seconds, 20, interval_seconds).abandon_probability
