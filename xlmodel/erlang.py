"""Erlang B, C and A: how many agents a queue of contacts needs, and how it then performs.

Numerically stable for any load: Erlang B by its recursion B(0) = 1,
B(k) = A B(k-1) / (k + A B(k-1)), and C = N B / (N - A (1 - B)) for N > A; never factorials, which
overflow past about 170 agents. Erlang A (callers who abandon) works in log space.

Units: times in seconds; a *contact* is a call, a chat or an e-mail arriving in one interval
(``interval_seconds``, 30 minutes by default); *traffic* A in Erlangs = contacts x AHT / interval
(:func:`offered_traffic`, the one statement of it).

Examples
--------
The published Call Centre Helper case: 100 contacts in 30 minutes, AHT 180 s (A = 10 Erlangs).

>>> round(service_level(100, 180, 14), 4)
0.8884
>>> agents_required(100, 180, target_sl=0.8, answer_seconds=20).raw_agents
14
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .arguments import BadArgument, number, rate, shown, whole_number
from .limits import MAX_AGENTS, MAX_QUEUE_STATES, MAX_TRAFFIC_ERLANGS, MIN_SECONDS

#: 14 / 0.7 is 20.000000000000004 in floating point: still 20 agents, not 21.
SHRINKAGE_TOLERANCE = 1e-9


class TrafficOutOfRange(ValueError):
    """The offered traffic is not a finite load between 0 and :data:`MAX_TRAFFIC_ERLANGS`."""

#: numpy's exp and the C library's may differ by one unit in the last place; a service level this
#: close to the target is decided again with math.exp so that the vectorised and the scalar sizing
#: agree exactly.
_TIE_BAND = 1e-12
#: Below this many unfinished sizings, a Python loop is faster than numpy calls on tiny arrays.
_SCALAR_TAIL = 4


def _check_agents(agents, *, positive=False) -> int:
    return whole_number("agents", agents, **({"above": 0} if positive else {"minimum": 0}), maximum=MAX_AGENTS)


def offered_traffic(contacts, aht_seconds, interval_seconds: float = 1800, *, service_hours=None,
                    concurrency=1.0):
    """Offered traffic in Erlangs: A = contacts per interval x (AHT / concurrency) / interval length.

    The one statement of the traffic formula, for numbers or numpy arrays (broadcast). Nothing is
    checked here: the functions below check their arguments first.

    Parameters
    ----------
    contacts : float or array
        Contacts arriving in one interval; with ``service_hours``, over that many hours (a month's
        contacts, spread evenly over its service hours).
    aht_seconds : float or array
        Average handling time, seconds.
    interval_seconds : float, default 1800
        Length of the interval, seconds.
    service_hours : float or array, optional
        Hours over which ``contacts`` arrive: contacts per interval = contacts / (hours x 3600 /
        interval).
    concurrency : float or array, default 1
        Contacts an agent handles at once (chat): it divides the handling time.

    Examples
    --------
    100 contacts in half an hour at 180 s; the same as 2 000 contacts over 10 hours; 2 chats at once:

    >>> offered_traffic(100, 180), offered_traffic(2000, 180, service_hours=10), offered_traffic(100, 180, concurrency=2)
    (10.0, 10.0, 5.0)
    """
    if service_hours is not None:
        contacts = contacts_per_interval(contacts, service_hours, interval_seconds)
    return contacts * (aht_seconds / concurrency) / interval_seconds


def contacts_per_interval(contacts, service_hours, interval_seconds: float = 1800):
    """Contacts arriving in one interval when ``contacts`` arrive evenly over ``service_hours``:
    contacts / (hours x 3600 / interval). Numbers or numpy arrays; nothing checked.

    >>> contacts_per_interval(2000, 10)
    100.0
    """
    return contacts / (service_hours * 3600.0 / interval_seconds)


def _traffic(contacts, aht_seconds, interval_seconds) -> float:
    number("contacts", contacts, minimum=0)
    number("aht_seconds", aht_seconds, above=0, minimum=MIN_SECONDS)
    number("interval_seconds", interval_seconds, above=0, minimum=MIN_SECONDS)
    traffic = offered_traffic(contacts, aht_seconds, interval_seconds)
    number("traffic_erlangs (contacts x aht_seconds / interval_seconds)", traffic, maximum=MAX_TRAFFIC_ERLANGS)
    return traffic


def _erlang_b_recursion(a: float, agents: int) -> float:
    b = 1.0
    for k in range(1, agents + 1):
        b = a * b / (k + a * b)
        if b == 0.0:  # underflow: it stays 0 for every larger k
            break
    return b


def erlang_b(traffic_erlangs: float, agents: int) -> float:
    """Blocking probability of an M/M/N/N system (Erlang B), by the stable recursion.

    Parameters
    ----------
    traffic_erlangs : float
        Offered traffic A in Erlangs (>= 0).
    agents : int
        Number of servers N (whole number >= 0).

    Returns
    -------
    float
        B(N, A), the share of contacts finding every agent busy when there is no queue.

    Notes
    -----
    B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)); O(N), no factorials.

    Examples
    --------
    >>> round(erlang_b(2, 5), 4), round(erlang_b(10, 14), 4)
    (0.0367, 0.0568)
    """
    number("traffic_erlangs", traffic_erlangs, minimum=0, maximum=MAX_TRAFFIC_ERLANGS)
    return _erlang_b_recursion(float(traffic_erlangs), _check_agents(agents))


def erlang_c(traffic_erlangs: float, agents: int) -> float:
    """Probability that a contact waits (Erlang C, M/M/N).

    Parameters
    ----------
    traffic_erlangs : float
        Offered traffic A in Erlangs (>= 0).
    agents : int
        Agents on the phones N (whole number >= 0).

    Returns
    -------
    float
        C(N, A); 1 when N <= A (the queue never empties), 0 when there is no traffic.

    Notes
    -----
    C(N, A) = N B / (N - A (1 - B)) with B = Erlang B(N, A).

    Examples
    --------
    >>> round(erlang_c(10, 14), 6)
    0.174132
    """
    number("traffic_erlangs", traffic_erlangs, minimum=0, maximum=MAX_TRAFFIC_ERLANGS)
    n = _check_agents(agents)
    a = float(traffic_erlangs)
    if a == 0:
        return 0.0
    if n <= a:
        return 1.0
    b = _erlang_b_recursion(a, n)
    return n * b / (n - a * (1 - b))


def service_level(contacts: float, aht_seconds: float, agents: int, answer_seconds: float = 20,
                  interval_seconds: float = 1800) -> float:
    """Share of contacts answered within ``answer_seconds`` (Erlang C).

    Parameters
    ----------
    contacts : float
        Contacts arriving in the interval (>= 0).
    aht_seconds : float
        Average handling time, seconds (> 0).
    agents : int
        Agents on the phones.
    answer_seconds : float, default 20
        The service target's answer time, seconds.
    interval_seconds : float, default 1800
        Length of the interval the contacts arrive in, seconds.

    Returns
    -------
    float
        SL = 1 - C(N, A) exp(-(N - A) t / AHT); 0 when N <= A; 1 without contacts.

    Examples
    --------
    >>> round(service_level(100, 180, 13), 4)
    0.7956
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    n = _check_agents(agents)
    number("answer_seconds", answer_seconds, minimum=0)
    if a == 0:
        return 1.0
    if n <= a:
        return 0.0
    return 1.0 - erlang_c(a, n) * math.exp(-(n - a) * answer_seconds / aht_seconds)


def asa(contacts: float, aht_seconds: float, agents: int, interval_seconds: float = 1800) -> float:
    """Average speed of answer in seconds (Erlang C), over all contacts.

    ASA = C(N, A) x AHT / (N - A); ``math.inf`` when N <= A (the queue grows without end).

    Examples
    --------
    >>> round(asa(100, 180, 14), 4)
    7.8359
    >>> asa(100, 180, 10)
    inf
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    n = _check_agents(agents)
    if a == 0:
        return 0.0
    if n <= a:
        return math.inf
    return erlang_c(a, n) * aht_seconds / (n - a)


def occupancy(contacts: float, aht_seconds: float, agents: int, interval_seconds: float = 1800) -> float:
    """Share of the agents' time on the phones spent handling contacts: A / N, at most 1.

    Examples
    --------
    >>> round(occupancy(100, 180, 14), 4)
    0.7143
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    return min(1.0, a / _check_agents(agents, positive=True))


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
    a = np.asarray(traffic_erlangs, dtype=float)
    shape = a.shape
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), shape).ravel()
    a = a.ravel()
    if not np.isfinite(a).all() or (a < 0).any() or (a > MAX_TRAFFIC_ERLANGS).any():
        raise TrafficOutOfRange(f"traffic_erlangs must be finite, >= 0 and at most {MAX_TRAFFIC_ERLANGS:g} "
                         f"(found {a[~(np.isfinite(a) & (a >= 0) & (a <= MAX_TRAFFIC_ERLANGS))][0]!r})")
    if not np.isfinite(aht).all() or (aht <= 0).any():
        raise ValueError(f"aht_seconds must be > 0 (found {aht[~(np.isfinite(aht) & (aht > 0))][0]!r})")
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
        ac, bc = traffic[candidates], b[candidates]
        c = k * bc / (k - ac * (1 - bc))
        sl = 1.0 - c * np.exp(-(k - ac) * answer_seconds / handling[candidates])
        met = sl >= target_sl
        for j in np.flatnonzero(np.abs(sl - target_sl) < _TIE_BAND):  # decide ties as the scalar does
            met[j] = 1.0 - c[j] * math.exp(-(k - ac[j]) * answer_seconds / handling[candidates[j]]) >= target_sl
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
    """Erlang A: the exact birth-death model of a queue whose callers abandon (M/M/N+M).

    Parameters
    ----------
    contacts : float
        Contacts arriving in the interval (>= 0).
    aht_seconds : float
        Average handling time, seconds (> 0).
    agents : int
        Agents on the phones (>= 1).
    patience_seconds : float
        Mean patience of a waiting caller, seconds (exponential), > 0.
    answer_seconds : float, default 20
        Answer time of the service level, seconds.
    interval_seconds : float, default 1800
        Length of the interval, seconds.

    Returns
    -------
    ErlangA
        ``waiting_probability`` (an arrival finds every agent busy), ``abandon_probability``,
        ``occupancy`` (handled traffic / N), ``asa_seconds`` (mean wait over all arrivals, abandons
        included) and ``service_level`` (answered within ``answer_seconds`` over all arrivals; an
        abandon counts as a failure).

    Notes
    -----
    States n = 0, 1, ...: arrivals at rate lambda; departures n mu up to N, then
    N mu + (n - N) theta (theta = 1 / patience). The stationary law is computed in log space and
    truncated where the terms fall below e^-50 of the largest. P(abandon) = theta E[queue] / lambda;
    ASA = E[queue] / lambda (Little). The service level follows an arrival that finds j callers
    waiting: it is answered within t if the j + 1 departures ahead of it (rates N mu + i theta,
    i = j .. 0) all happen within t before its own patience runs out; that probability has a closed
    form in the incomplete beta function (see ``_served_within``).

    Examples
    --------
    The published case (pyworkforce's tests): 10 Erlangs, 14 agents, mean patience 5 minutes.

    >>> r = erlang_a(100, 180, 14, 300)
    >>> round(r.waiting_probability, 5), round(r.abandon_probability, 6), round(r.service_level, 6)
    (0.14526, 0.013984, 0.916792)
    """
    _traffic(contacts, aht_seconds, interval_seconds)
    n_agents = _check_agents(agents, positive=True)
    number("patience_seconds", patience_seconds, above=0, minimum=MIN_SECONDS)
    number("answer_seconds", answer_seconds, minimum=0)
    lam = contacts / interval_seconds
    mu = 1.0 / aht_seconds
    theta = 1.0 / patience_seconds
    if lam == 0:
        return ErlangA(0.0, 0.0, 0.0, 0.0, 1.0)
    p = _erlang_a_law(lam, mu, theta, n_agents)
    waiting = float(p[n_agents:].sum())
    mean_queue = _mean_queue(p, n_agents)
    abandon = theta * mean_queue / lam
    occ = (lam / mu) * (1 - abandon) / n_agents
    asa_all = mean_queue / lam
    # PASTA: an arrival sees the stationary law; in state N + j it has j callers ahead.
    served = _served_within(len(p) - n_agents, n_agents * mu, theta, answer_seconds)
    sl = float(p[:n_agents].sum() + (p[n_agents:] * served).sum())
    return ErlangA(waiting, abandon, occ, asa_all, sl)


def _check_queue(lam: float, mu: float, theta: float, n_agents: int) -> None:
    """Refuse a queue whose law needs more than MAX_QUEUE_STATES waiting states, before computing it.

    The terms rise while arrivals outpace departures, up to m0 = (lam - N mu) / theta callers
    waiting, then fall like a normal law of spread sqrt(lam / theta): e^-50 of the peak lies about
    10 spreads further.
    """
    peak = max(0.0, (lam - n_agents * mu) / theta)
    needed = peak + 10 * math.sqrt(lam / theta) + 100
    if not needed <= MAX_QUEUE_STATES:
        raise BadArgument(f"the queue would hold about {shown(float(f'{needed:.3g}'))} waiting callers, more than the "
                          f"{MAX_QUEUE_STATES:,} Erlang A follows: far too few agents for the contacts, or "
                          "patience_seconds far too long".replace(",", " "))


def _erlang_a_law(lam: float, mu: float, theta: float, n_agents: int) -> np.ndarray:
    """Stationary probabilities of the states 0, 1, ... of the M/M/N+M queue (arrivals lam, services
    mu, abandons theta, per second), computed in logs and cut where the terms fall below e^-50 of
    the largest (never at a fixed number of states)."""
    _check_queue(lam, mu, theta, n_agents)
    # Log of the unnormalised stationary probabilities, states 0 .. N, then the queue.
    log_a = math.log(lam / mu)
    states = [0.0]
    for n in range(1, n_agents + 1):
        states.append(states[-1] + log_a - math.log(n))
    highest = max(states)
    n = n_agents
    log_lam = math.log(lam)
    while True:
        n += 1
        states.append(states[-1] + log_lam - math.log(n_agents * mu + (n - n_agents) * theta))
        highest = max(highest, states[-1])
        # The terms fall from here on once the death rate exceeds lambda: stop when negligible.
        if states[-1] < highest - 50 and n_agents * mu + (n - n_agents) * theta > lam:
            break
    logp = np.array(states)
    p = np.exp(logp - highest)
    p /= p.sum()
    return p


def _mean_queue(p: np.ndarray, n_agents: int) -> float:
    queue = np.arange(len(p)) - n_agents
    return float((p[n_agents + 1:] * queue[n_agents + 1:]).sum())


def _served_within(max_ahead: int, service_rate: float, theta: float, t: float) -> np.ndarray:
    """P(reach an agent within t before abandoning), for j = 0 .. max_ahead - 1 callers ahead.

    A tagged caller with j ahead leaves "i ahead" (i = j .. 0) at rate r_i = N mu + (i + 1) theta:
    forward (a service or an abandon ahead, rate N mu + i theta) or its own abandon (theta). So

        P_j(t) = prod_i (N mu + i theta) / r_i x P(sum_i Exp(r_i) <= t)
               = N mu / (N mu + (j + 1) theta) x (1 - I_x(N mu / theta + 1, j + 1)),  x = e^(-theta t),

    since the product telescopes and the rates r_i = theta (alpha + i), alpha = N mu / theta + 1,
    make e^(-theta S) a Beta(alpha, j + 1) variable (I is the regularised incomplete beta function,
    by its continued fraction). When the fraction converges slowly (very patient callers),
    uniformisation, whose cost grows with the rates instead, gives the same probabilities.
    """
    if t == 0:
        return np.zeros(max_ahead)
    ahead = np.arange(max_ahead, dtype=float)
    alpha = service_rate / theta + 1.0
    # Both are exact: take the cheaper (fraction steps grow like sqrt(alpha), uniformisation's like q t).
    if (service_rate + max_ahead * theta) * t < 2 * math.sqrt(max(alpha, max_ahead)):
        return _served_within_uniformised(max_ahead, service_rate, theta, t)
    try:
        within = _sum_of_phases_within(alpha, ahead + 1.0, theta * t)
    except ArithmeticError:
        return _served_within_uniformised(max_ahead, service_rate, theta, t)
    return service_rate / (service_rate + (ahead + 1.0) * theta) * within


_CF_MAX_ITERATIONS = 5000


def _sum_of_phases_within(alpha: float, phases: np.ndarray, theta_t: float) -> np.ndarray:
    """P(sum_{i < m} Exp(theta (alpha + i)) <= t) = 1 - I_x(alpha, m), x = e^(-theta t), per m."""
    alpha_v = np.full_like(phases, alpha)
    log_x, log_y = -theta_t, math.log(-math.expm1(-theta_t))  # log x and log(1 - x), both precise
    log_beta = np.array([math.lgamma(alpha) + math.lgamma(m) - math.lgamma(alpha + m) for m in phases])
    front = np.exp(alpha_v * log_x + phases * log_y - log_beta)
    x = math.exp(log_x)
    direct = x < (alpha_v + 1) / (alpha_v + phases + 2)  # where the fraction converges fast
    out = np.empty_like(phases)
    if direct.any():  # 1 - I_x(alpha, m)
        out[direct] = 1 - front[direct] * _beta_fraction(alpha_v[direct], phases[direct], x) / alpha
    if (~direct).any():  # I_(1-x)(m, alpha), computed directly rather than as 1 - (1 - ...)
        out[~direct] = front[~direct] * _beta_fraction(phases[~direct], alpha_v[~direct], -math.expm1(-theta_t)) \
            / phases[~direct]
    return np.clip(out, 0.0, 1.0)


def _beta_fraction(a: np.ndarray, b: np.ndarray, x: float) -> np.ndarray:
    """Continued fraction of the incomplete beta function (modified Lentz), vectorised."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(a)
    d = 1.0 - qab * x / qap
    d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
    h = d.copy()
    for m in range(1, _CF_MAX_ITERATIONS):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
            c = 1.0 + aa / c
            c = np.where(np.abs(c) < tiny, tiny, c)
            delta = d * c
            h = h * delta
        if (np.abs(delta - 1.0) < 1e-15).all():
            return h
    raise ArithmeticError("incomplete beta continued fraction did not converge")


def _served_within_uniformised(max_ahead: int, service_rate: float, theta: float, t: float) -> np.ndarray:
    """The same probabilities as :func:`_served_within`, by uniformisation of the tagged caller's chain.

    Uniformisation at rate q turns the chain into a discrete one weighted by Poisson(q t) step
    counts: exact up to the Poisson tail cut at 1e-12, stable because every term is a probability,
    and cheap when q t is small (patient callers), where the continued fraction is slow.
    """
    forward = service_rate + np.arange(max_ahead) * theta
    q = forward.max() + theta
    p_forward = forward / q
    p_stay = 1 - p_forward - theta / q
    served = np.zeros(max_ahead)  # P(served within the steps taken so far), per j
    total = np.zeros(max_ahead)
    qt = q * t
    steps = int(qt + 12 * math.sqrt(qt) + 25)
    log_weight = -qt  # log Poisson(0; qt)
    cumulative_weight = 0.0
    shifted = np.empty(max_ahead)
    for step in range(steps + 1):
        if step > 0:
            shifted[0] = 1.0  # from j = 0 a forward step reaches an agent
            shifted[1:] = served[:-1]
            served = p_forward * shifted + p_stay * served
            log_weight += math.log(qt) - math.log(step)
        weight = math.exp(log_weight)
        cumulative_weight += weight
        total += weight * served
    return total + (1 - cumulative_weight) * served


def abandon_rate(contacts: float, aht_seconds: float, agents: int, patience_seconds: float,
                 interval_seconds: float = 1800) -> float:
    """Share of contacts that abandon before being answered (Erlang A, exponential patience).

    See :func:`erlang_a` for the model; the same figure as its ``abandon_probability``, without
    the service level's cost.

    Examples
    --------
    >>> round(abandon_rate(100, 180, 14, 300), 6)
    0.013984
    """
    _traffic(contacts, aht_seconds, interval_seconds)
    n_agents = _check_agents(agents, positive=True)
    number("patience_seconds", patience_seconds, above=0, minimum=MIN_SECONDS)
    lam = contacts / interval_seconds
    if lam == 0:
        return 0.0
    theta = 1.0 / patience_seconds
    p = _erlang_a_law(lam, 1.0 / aht_seconds, theta, n_agents)
    return theta * _mean_queue(p, n_agents) / lam
