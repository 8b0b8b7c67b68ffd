"""The performance of a queue with a given number of agents: offered traffic, Erlang B and C,
service level, average speed of answer, occupancy (see :mod:`xlmodel.erlang`)."""

from __future__ import annotations

import math

from ..arguments import number, whole_number
from ..limits import MAX_AGENTS, MAX_TRAFFIC_ERLANGS, MIN_SECONDS


class TrafficOutOfRange(ValueError):
    """The offered traffic is not a finite load between 0 and :data:`MAX_TRAFFIC_ERLANGS`."""


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
