"""Erlang A sizing: the smallest number of agents meeting a service target and an occupancy cap when
callers hang up after an exponential patience (M/M/N+M), by the workbook's own search over the closed
form of :mod:`xlmodel.model.erlang_a` (its docstring gives the method)."""

from __future__ import annotations

import numpy as np

from ..model.constants import CONSTANTS
from ..model.erlang_a import erlang_a_meets

#: The workbook's SERVICE_LEVEL_TOLERANCE: a service level or an occupancy this close to its bound meets it.
TOLERANCE = CONSTANTS["SERVICE_LEVEL_TOLERANCE"][0]
#: The workbook's ERLANG_A_LOG_FLOOR: the log of the smallest Poisson term the formula divides by.
LOG_FLOOR = CONSTANTS["ERLANG_A_LOG_FLOOR"][0]


def search_base(traffic, target: float, max_occupancy: float):
    """An N that misses the target or the cap, below every N that meets both: a team that meets them
    answers at least the target's share of A, all within its cap (N >= target x A / cap), and no N at
    that bound meets them (its answered share would be at most the target, its service level below).
    One less than the bound rounded down, for rounding; never below 0.

    >>> float(search_base(23.65, 0.8, 0.85))
    21.0
    """
    return np.maximum(0.0, np.floor(np.asarray(traffic, dtype=float) * target / max_occupancy + 1e-9) - 1)


def agents_required_a(traffic, handling_seconds, patience_seconds: float, target: float, answer_seconds: float,
                      max_occupancy: float, steps: int) -> np.ndarray:
    """The smallest N above :func:`search_base` meeting the target and the cap under Erlang A.

    Parameters
    ----------
    traffic : array_like
        Offered traffic in Erlangs per cell (>= 0).
    handling_seconds : array_like
        Seconds an agent spends per contact, broadcast against ``traffic``.
    patience_seconds, target, answer_seconds, max_occupancy : float
        Mean patience (> 0), share answered within ``answer_seconds`` (abandons are failures),
        cap on the handled traffic over the agents.
    steps : int
        Halving steps of the search (2 ** (steps - 1), ..., 1): it finds up to 2 ** steps - 1 agents
        above the base; ``2 ** steps`` above it means none was found.

    Returns
    -------
    numpy.ndarray of float
        Agents on the phones, 0 where the traffic is 0.

    Notes
    -----
    The met test grows with N (more agents: shorter waits, fewer abandons, lower occupancy), so a
    binary search finds the smallest N: the workbook's own search (:mod:`xlmodel.model.sizing`), the
    same candidates tested with the same formula, so that both find the same N.

    >>> agents_required_a(np.array([23.65, 0.0]), 330.0, 180.0, 0.8, 20, 0.85, 12)
    array([27.,  0.])
    """
    a = np.asarray(traffic, dtype=float)
    h = np.broadcast_to(np.asarray(handling_seconds, dtype=float), a.shape)
    ratio, decay = patience_seconds / h, np.exp(-answer_seconds / patience_seconds)
    candidate = search_base(a, target, max_occupancy) + 2 ** (steps - 1)
    for k in range(steps - 2, -1, -1):
        met = erlang_a_meets(candidate, a, ratio, decay, target, max_occupancy, TOLERANCE, LOG_FLOOR)
        candidate = candidate + np.where(met == 1, -(2 ** k), 2 ** k)
    last = candidate - erlang_a_meets(candidate, a, ratio, decay, target, max_occupancy, TOLERANCE, LOG_FLOOR)
    return np.where(a > 0, last + 1, 0.0)
