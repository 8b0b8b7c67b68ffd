"""Erlang A sizing: the smallest number of agents meeting a service target and an occupancy cap when
callers hang up after an exponential patience (M/M/N+M), by the workbook's own search over the closed
form of :mod:`xlmodel.model.erlang_a` (its docstring gives the method)."""

from __future__ import annotations

import math

import numpy as np

from ..arguments import BadArgument, number, rate, shown
from ..model.constants import CONSTANTS, ERLANG_A_MAX_ERLANGS, ERLANG_A_MAX_RATIO, NATIVE_SEARCH_STEPS
from ..model.erlang_a import erlang_a_meets
from .queue import _traffic
from .sizing import SHRINKAGE_TOLERANCE, _check_targets, agents_required

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


def agents_required_patient(contacts: float, aht_seconds: float, target_sl: float, answer_seconds: float,
                            interval_seconds: float, max_occupancy: float, shrinkage: float,
                            patience_seconds: float) -> int:
    """Agents to schedule for one interval under Erlang A: the fewest on the phones meeting the
    service target (abandons count as failures) and the occupancy cap of the handled traffic, by
    the workbook's own search (:func:`agents_required_a`), divided by (1 - shrinkage), rounded up.

    Parameters
    ----------
    contacts, aht_seconds, target_sl, answer_seconds, interval_seconds, max_occupancy, shrinkage
        As :func:`xlmodel.erlang.agents_required` (times in seconds, rates as fractions).
    patience_seconds : float
        Callers' mean patience before hanging up, seconds (> 0, at most
        :data:`~xlmodel.model.constants.ERLANG_A_MAX_RATIO` handling times).

    Raises
    ------
    BadArgument
        An argument out of its bounds, or a queue beyond the reach of the closed form (more than
        :data:`~xlmodel.model.constants.ERLANG_A_MAX_ERLANGS` Erlangs, a patience of more than
        ERLANG_A_MAX_RATIO handling times), with a sentence naming the argument.

    The issue's published case: 700 000 calls a year of 330 s over 60 h a week, January at 1.15
    (23.65 Erlangs on a half-hour), 180 s of patience, 80/20 within an 85 % cap: 27 agents, where
    Erlang C needs 29.

    >>> agents_required_patient(23.65 * 1800 / 330, 330, 0.8, 20, 1800, 0.85, 0, 180)
    27
    """
    a = _traffic(contacts, aht_seconds, interval_seconds)
    _check_targets(target_sl, answer_seconds, max_occupancy)
    rate("shrinkage", shrinkage, minimum=0, below=1)
    number("patience_seconds", patience_seconds, above=0)
    if a == 0:
        return 0
    if a > ERLANG_A_MAX_ERLANGS:
        most = f"{ERLANG_A_MAX_ERLANGS:,.0f}".replace(",", " ")
        raise BadArgument(f"contacts {shown(contacts)} make {shown(a)} Erlangs, more than the {most} Erlang A "
                          "sizes exactly: leave patience_seconds empty for Erlang C")
    if patience_seconds > ERLANG_A_MAX_RATIO * aht_seconds:
        raise BadArgument(f"patience_seconds must be at most {ERLANG_A_MAX_RATIO} handling times "
                          f"({shown(ERLANG_A_MAX_RATIO * aht_seconds)} s here)")
    agents = float(agents_required_a(np.array([a]), aht_seconds, patience_seconds, target_sl, answer_seconds,
                                     max_occupancy, NATIVE_SEARCH_STEPS)[0])
    if agents - float(search_base(a, target_sl, max_occupancy)) > 2 ** NATIVE_SEARCH_STEPS - 1:
        raise BadArgument("target_sl is beyond the reach of the Erlang A search for this queue: "
                          "leave patience_seconds empty for Erlang C")
    return math.ceil(agents / (1 - shrinkage) - SHRINKAGE_TOLERANCE)


def agents_to_schedule(contacts: float, aht_seconds: float, target_sl: float = 0.8, answer_seconds: float = 20,
                       interval_seconds: float = 1800, max_occupancy: float = 1.0, shrinkage: float = 0.0,
                       patience_seconds: float = 0.0) -> int:
    """Agents to schedule for one interval: Erlang C (:func:`xlmodel.erlang.agents_required`) when
    ``patience_seconds`` is 0, Erlang A (:func:`agents_required_patient`) when it is > 0; the
    arguments as theirs.  The one function behind the ``AGENTS_REQUIRED`` Excel function.

    >>> agents_to_schedule(129, 330, 0.8, 20, 1800, 0.85), agents_to_schedule(129, 330, 0.8, 20, 1800, 0.85, 0, 180)
    (29, 27)
    """
    if number("patience_seconds", patience_seconds, minimum=0) == 0:
        return agents_required(contacts, aht_seconds, target_sl, answer_seconds, interval_seconds, max_occupancy,
                               shrinkage).agents
    return agents_required_patient(contacts, aht_seconds, target_sl, answer_seconds, interval_seconds,
                                   max_occupancy, shrinkage, patience_seconds)
