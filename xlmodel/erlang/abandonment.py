"""Erlang A (M/M/N+M): the performance of a queue whose callers abandon after an exponential
patience, in log space (see :mod:`xlmodel.erlang`).

States n = 0, 1, ...: arrivals at rate lambda; departures n mu up to N, then N mu + (n - N) theta
(theta = 1 / patience). The stationary law is computed in log space and truncated where the terms
fall below e^-50 of the largest. P(abandon) = theta E[queue] / lambda; ASA = E[queue] / lambda
(Little). The service level follows an arrival that finds j callers waiting: it is answered within
t if the j + 1 departures ahead of it (rates N mu + i theta, i = j .. 0) all happen within t before
its own patience runs out; that probability has a closed form in the incomplete beta function
(see ``_served_within``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..arguments import BadArgument, number, shown
from ..limits import MAX_QUEUE_STATES, MIN_SECONDS
from .queue import _check_agents, _traffic


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
    The method is in the module's docstring.

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
    if not needed <= MAX_QUEUE_STATES:  # also infinite: arrivals / abandons overflow past 1E308
        held = (f"about {shown(float(f'{needed:.3g}'))} waiting callers, more than the" if math.isfinite(needed)
                else "more waiting callers than the")
        most = f"{MAX_QUEUE_STATES:,}".replace(",", " ")
        raise BadArgument(f"the queue would hold {held} {most} Erlang A follows: far too few agents for the "
                          "contacts, or patience_seconds far too long")


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
