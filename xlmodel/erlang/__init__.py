"""Erlang B, C and A: how many agents a queue of contacts needs, and how it then performs.

Numerically stable for any load: Erlang B by its recursion B(0) = 1,
B(k) = A B(k-1) / (k + A B(k-1)), and C = N B / (N - A (1 - B)) for N > A; never factorials, which
overflow past about 170 agents. Erlang A (callers who abandon) works in log space.

Units: times in seconds; a *contact* is a call, a chat or an e-mail arriving in one interval
(``interval_seconds``, 30 minutes by default); *traffic* A in Erlangs = contacts x AHT / interval
(:func:`offered_traffic`, the one statement of it).

The package: :mod:`~xlmodel.erlang.queue` (traffic, Erlang B and C, service level, ASA and
occupancy with a given number of agents), :mod:`~xlmodel.erlang.sizing` (the smallest number of
agents meeting a target) and :mod:`~xlmodel.erlang.abandonment` (Erlang A). Import from here.

Examples
--------
The published Call Centre Helper case: 100 contacts in 30 minutes, AHT 180 s (A = 10 Erlangs).

>>> round(service_level(100, 180, 14), 4)
0.8884
>>> agents_required(100, 180, target_sl=0.8, answer_seconds=20).raw_agents
14
"""

from .abandonment import ErlangA, abandon_rate, erlang_a
from .patience import agents_required_patient, agents_to_schedule
from .queue import (MAX_AGENTS, MAX_TRAFFIC_ERLANGS, TrafficOutOfRange, asa, contacts_per_interval, erlang_b,
                    erlang_c, occupancy, offered_traffic, service_level)
from .sizing import SHRINKAGE_TOLERANCE, Staffing, agents_required, agents_required_many

__all__ = ["MAX_AGENTS", "MAX_TRAFFIC_ERLANGS", "SHRINKAGE_TOLERANCE", "ErlangA", "Staffing", "TrafficOutOfRange",
           "abandon_rate", "agents_required", "agents_required_many", "agents_required_patient", "agents_to_schedule", "asa", "contacts_per_interval", "erlang_a",
           "erlang_b", "erlang_c", "occupancy", "offered_traffic", "service_level"]
