"""Erlang A in closed form: whether N agents meet a service target and an occupancy cap when callers
hang up after an exponential patience (M/M/N+M), with numpy and as a native spreadsheet formula.

The states of the queue are n = 0, 1, ...; with traffic A = lambda / mu, r = patience / handling time,
x = N r and y = A r, the stationary law relative to p_N is ``A^(n - N) N! / n!`` below N and
``y^j / ((x + 1) ... (x + j))`` with j callers waiting.  An arrival that finds j waiting has an offered
wait V (the time until an agent would take it) of j + 1 exponential phases of rates theta (x + i),
i = 0 .. j, so ``e^(-theta V)`` is a Beta(x, j + 1) variable; it is answered if its patience outlasts V,
with probability ``e^(-theta V)``.  Summed over j with the law's weights, the Beta densities add up to
``x b^(x - 1) e^(y (1 - b))`` on 0 < b < 1, whose integrals are incomplete gamma functions.  With
G_s(z) the regularised lower incomplete gamma function (``GAMMADIST(z, s, 1, TRUE)`` in a spreadsheet),
u = e^(-t / patience) (t the answer time of the target) and, all relative to the waiting mass
``W = G_x(y) / g_(x+1)(y)`` (g the gamma density, ``GAMMADIST(z, s, 1, FALSE)``):

- mass below N: ``rho = (1 / B - 1) g_(x+1)(y) / G_x(y)`` (B Erlang B), computed as
  ``POISSON(N - 1, A, TRUE) x exp(ln g_(x+1)(y) - ln POISSON(N, A, FALSE)) / G_x(y)`` in logs (GAMMALN);
- answered within t among those who wait: ``s_t = x / y (G_(x+1)(y) - G_(x+1)(y u)) / G_x(y)``;
  answered at all: ``s = x / y G_(x+1)(y) / G_x(y)``;
- service level (answered within t over all contacts; an abandon is a failure, a caller who hangs up
  before t too) ``(rho + s_t) / (rho + 1)``, answered share ``(rho + s) / (rho + 1)`` and occupancy
  ``A x answered share / N`` (the handled traffic over the agents).

Far above the traffic the terms underflow; there the answer follows from Erlang C, which bounds
Erlang A (a caller who abandons relieves the queue: P_A(wait) <= C(N) for N > A): if C(N) <= 1 - target
and A / N <= cap the target and the cap are met; if A (1 - C(N)) / N > cap the cap is not.  Below
the traffic an N <= target x A cannot answer the target's share (answered <= N / A).  The search
steps are the workbook's (:mod:`xlmodel.model.sizing`); the sizing is exact within
:data:`~xlmodel.model.constants.ERLANG_A_MAX_ERLANGS` of traffic and a patience of at most
:data:`~xlmodel.model.constants.ERLANG_A_MAX_RATIO` handling times, where no term underflows.
"""
from __future__ import annotations

import numpy as np


def erlang_a_meets(agents, traffic, ratio, decay, target, max_occupancy, tolerance, log_floor):
    """1.0 where ``agents`` meet the service target and the occupancy cap under Erlang A, else 0.0.

    Parameters
    ----------
    agents, traffic : array_like
        Agents (whole, >= 1) and offered traffic in Erlangs (>= 0), broadcast together.
    ratio : array_like
        Mean patience over the handling time per contact (> 0).
    decay : array_like
        ``exp(-answer_seconds / patience_seconds)``: the share of callers still patient at the answer time.
    target, max_occupancy : float
        Share to answer within the answer time (0 < target < 1), cap on the handled traffic over N.
    tolerance : float
        A service level or an occupancy this close to its bound meets it.
    log_floor : float
        Below this log of the Poisson term at N the mass below N is taken as 0 (the sizing refuses a
        search that could test such an N: :func:`xlmodel.erlang.patience.agents_required_a`).

    The workbook's formula, term for term (:func:`erlang_a_met_excel`); every comparison is between
    numbers of order 1 (IronCalc, like Excel, takes numbers within about 1E-15 of each other as equal).

    >>> float(erlang_a_meets(27, 23.65, 180 / 330, np.exp(-20 / 180), 0.8, 0.85, 1e-9, -700))
    1.0
    >>> float(erlang_a_meets(26, 23.65, 180 / 330, np.exp(-20 / 180), 0.8, 0.85, 1e-9, -700))
    0.0
    """
    from scipy.special import gammainc, gammaln  # imported where used: a build's parent process needs no scipy
    from scipy.stats import poisson
    n, a = np.asarray(agents, dtype=float), np.asarray(traffic, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        p, q = poisson.pmf(n, a), poisson.cdf(n, a)
        c = np.where(n > a, n * p / ((n - a) * q + a * p), 1.0)  # Erlang C, which bounds Erlang A
        sure = (c <= 1 - target) & (a <= max_occupancy * n)
        never = a * (1 - c) > max_occupancy * n
        x, y = n * ratio, a * ratio
        waiting, answered = gammainc(x, y), gammainc(x + 1, y)
        in_time = answered - gammainc(x + 1, y * decay)
        log_p = n * np.log(a) - a - gammaln(n + 1)
        log_rho = np.log(poisson.cdf(n - 1, a)) + x * np.log(y) - y - gammaln(x + 1) - log_p - np.log(waiting)
        rho = np.where(log_p > log_floor, np.exp(log_rho), 0.0)  # the mass below N over the waiting mass
        meets = (((rho + x / y * in_time / waiting) / (rho + 1) >= target - tolerance)
                 & (a * (rho + x / y * answered / waiting) / (n * (rho + 1)) <= max_occupancy + tolerance))
    met = np.where(sure, 1.0, np.where(never, 0.0, meets.astype(float)))
    return met if met.ndim else float(met)


def erlang_a_met_excel(args) -> str:
    """The native formula of :func:`erlang_a_meets` from its rendered arguments (n, A, ratio, decay,
    target, cap, tolerance, log floor): POISSON for Erlang B and C, GAMMADIST and GAMMALN (in every
    Excel, in LibreOffice and IronCalc); IF computes the incomplete gamma functions only where Erlang C
    does not decide."""
    n, a, r, u, target, cap, tol, floor = (f"({x})" for x in args)
    x, y = f"({n}*{r})", f"({a}*{r})"
    p, q = f"POISSON({n},{a},FALSE)", f"POISSON({n},{a},TRUE)"
    c = f"IF({n}>{a},{n}*{p}/(({n}-{a})*{q}+{a}*{p}),1)"
    log_p = f"({n}*LN({a})-{a}-GAMMALN({n}+1))"
    waiting, answered = f"GAMMADIST({y},{x},1,TRUE)", f"GAMMADIST({y},{x}+1,1,TRUE)"
    rho = (f"IF({log_p}>{floor},EXP(LN(POISSON({n}-1,{a},TRUE))+{x}*LN({y})-{y}-GAMMALN({x}+1)-{log_p}"
           f"-LN({waiting})),0)")
    in_time = f"({answered}-GAMMADIST({y}*{u},{x}+1,1,TRUE))"
    full = (f"(({rho}+{x}/{y}*{in_time}/{waiting})/({rho}+1)>={target}-{tol})"
            f"*({a}*({rho}+{x}/{y}*{answered}/{waiting})/({n}*({rho}+1))<={cap}+{tol})")
    return f"IF(AND({c}<=1-{target},{a}<={cap}*{n}),1,IF({a}*(1-{c})>{cap}*{n},0,{full}))"
