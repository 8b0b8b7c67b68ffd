"""The weekly arrival profile (issue 15, real schedules): how a month's contacts spread over the slots of
the week, so that each slot is sized at its own arrival rate.

A case may give, in ``[demand]``, ``arrival_days`` (one weight per open day) and ``arrival_slots`` (one
weight per equal slot of an open day's opening hours), as relative weights in a text (``"130 110 100"``,
separated by spaces or semicolons; a comma between digits is a decimal mark) or, in a case file, as a
list of numbers.  Either may be blank: even.  Slot ``(d, s)`` of the week gets the share
``day_d x slot_s / (sum of days x sum of slots)`` of the contacts, so its arrival rate is the average
one times

    ratio(d, s) = (day_d / mean of days) x (slot_s / mean of slots)

(a weight list whose weights are all equal gives ratios of exactly 1: a flat profile is today's
sizing, to the cent).  The ratios average 1, so the month's contacts are unchanged.

Method, stated on the Method sheet: every slot is sized on its own (Erlang C, or Erlang A where the
channel says so) at the average traffic times its ratio.  Agents work shifts, not slots: each level k
of a day's curve (the slots that need at least k agents) is worked by shifts of at least the shortest
shift (``[demand] min_shift_hours``; at most the day), a run of slots joining the shift before it when
that costs no more than a shift of its own (:func:`covered`).  The agents on duty are the scheduled
agent-slots of the week over its slots, in place of the agents of the average slot: a flat week is
worked exactly (today's figures), a peak shorter than the shortest shift costs that shift.  (Sized
slot by slot, a peaked curve alone needs no more agents than its average: Erlang's economies of
scale are concave.  The loss is in the shifts.)  Deferred channels are not profiled (their work is
smoothed over the response time).  The profile applies to every team, in-house and vendor, over the
hours it serves, so the logged hours of a per-hour or per-FTE quote follow it.  The scheduling
efficiency still divides the result: keep it at 1 with a profile unless your shifts lose more
(breaks, meetings placed in peaks).

>>> ratio_grid(parse_weights("1 1"), parse_weights("1 3"))
array([[0.5, 1.5],
       [0.5, 1.5]])
>>> ratio_grid([], [])
"""

from __future__ import annotations

import math
import re

import numpy as np

#: At most one weight per day of the week, and one per half-hour of a day.
MAX_DAYS, MAX_SLOTS = 7, 48
PROFILE_FIELDS = {"arrival_days": MAX_DAYS, "arrival_slots": MAX_SLOTS}
_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s+|\s+")


def parse_weights(text: str) -> list[float]:
    """The weights of a profile text: numbers separated by spaces or semicolons (or a comma and a
    space); a comma between digits is a decimal mark (``"1,2 ; 0,8"`` is 1.2 and 0.8).  Blank: [].

    Raises
    ------
    ValueError
        A part that is not a number, with the part and its position.

    >>> parse_weights("130 110; 95,5")
    [130.0, 110.0, 95.5]
    """
    text = (text or "").strip()
    if not text:
        return []
    out = []
    for k, part in enumerate(_SEPARATOR.split(text), start=1):
        try:
            value = float(part.replace(",", "."))
        except ValueError:
            raise WeightError(k, part) from None
        out.append(value)
    return out


class WeightError(ValueError):
    """A part of a weight list that is not a number: its ``position`` (from 1) and the ``part``."""

    def __init__(self, position: int, part: str):
        self.position, self.part = position, part
        super().__init__(f"weight {position} ({part!r}) is not a number")


def weights_problem(weights: list[float], most: int, what: str) -> tuple[str, dict] | None:
    """Why a weight list is not a profile (None when it is): at most ``most`` finite weights >= 0,
    not all 0; the key of the sentence (:mod:`xlmodel.text.problems`) and its values. ``what`` is the key
    of what one weight stands for (``weight_per_day``)."""
    if len(weights) > most:
        return "too_many_weights", {"most": most, "what": (what, {}), "found": len(weights)}
    for k, w in enumerate(weights, start=1):
        if not math.isfinite(w) or w < 0:
            return "weight_negative", {"position": k, "found": w}
    if weights and sum(weights) <= 0:
        return "weights_all_zero", {}
    return None


def as_text(weights) -> str:
    """A list of weights as the profile text the workbook holds: ``[130, 95.5]`` -> ``"130 95.5"``."""
    return " ".join(f"{float(w):.15g}" for w in weights)


def _normalised(weights: list[float]) -> np.ndarray:
    if not weights or all(w == weights[0] for w in weights):
        return np.ones(max(1, len(weights)))  # exactly 1: a flat profile is today's sizing
    w = np.asarray(weights, dtype=float)
    return w / w.mean()


def ratio_grid(days: list[float], slots: list[float]) -> np.ndarray | None:
    """The ratio of each slot of the week to the average slot, shaped (open days, slots of a day);
    None when both lists are blank (no profile)."""
    if not days and not slots:
        return None
    return np.outer(_normalised(days), _normalised(slots))


def case_grid(demand) -> np.ndarray | None:
    """:func:`ratio_grid` of a case's ``[demand]`` (validated: see :func:`xlmodel.case.case_from_mapping`)."""
    return ratio_grid(parse_weights(demand.arrival_days), parse_weights(demand.arrival_slots))


def shift_slots(demand, slots_per_day: int) -> float:
    """The minimum shift in slots of an open day: ``min_shift_hours`` over the slot's length
    (``opening_hours_per_week / open_days_per_week / slots_per_day``)."""
    slot_hours = demand.opening_hours_per_week / demand.open_days_per_week / slots_per_day
    return demand.min_shift_hours / slot_hours


def covered(needs: np.ndarray, min_shift: float) -> np.ndarray:
    """Agents on duty on the average slot once each day's needs are worked as shifts.

    Parameters
    ----------
    needs : array shaped (months, open days, slots of a day)
        Whole agents each slot needs (its own Erlang sizing).
    min_shift : float
        The shortest shift, in slots (more than a day's slots: a shift is the day).

    Returns
    -------
    numpy.ndarray shaped (months,)
        Scheduled agent-slots of the week over its slots.  Each level k of a day's curve (the slots
        needing at least k agents) is worked by shifts: the first run of consecutive slots opens one,
        as long as the run but at least ``min_shift`` (and at most the day); each next run joins the
        open shift when it starts within it, or when stretching the shift to its end costs no more
        than a shift of its own, and opens its own otherwise.  A flat day is worked exactly; a peak
        shorter than the shortest shift costs that shift.

    >>> float(covered(np.array([[[2, 2, 2, 2]]]), 3)[0])  # flat: exactly the needs
    2.0
    >>> float(covered(np.array([[[1, 2, 1, 1]]]), 3)[0])  # a one-slot peak costs a 3-slot shift
    1.75
    >>> float(covered(np.array([[[1, 2, 1, 2, 1, 1, 1, 1]]]), 3)[0])  # two peaks, one shift: (8 + 3) / 8
    1.375
    """
    needs = np.asarray(needs, dtype=float)
    months, days, slots = needs.shape
    shortest = min(float(min_shift), float(slots))
    flat = needs.reshape(months * days, slots)
    padded = np.concatenate([np.zeros((len(flat), 1)), flat, np.zeros((len(flat), 1))], axis=1)
    scheduled = np.zeros(len(flat))
    for k in range(1, int(flat.max(initial=0)) + 1):
        edges = np.diff((padded >= k).astype(np.int8), axis=1)  # +1 where a run starts, -1 after it ends
        rows, starts = np.nonzero(edges == 1)
        ends = np.nonzero(edges == -1)[1]
        # Run j of each row (its runs in order), as arrays over the rows that have one.
        order = np.arange(len(rows)) - np.searchsorted(rows, rows)
        opened, shift_start, shift_end = np.zeros(len(flat), bool), np.zeros(len(flat)), np.zeros(len(flat))
        for j in range(int(order.max(initial=-1)) + 1):
            pick = order == j
            r, a, b = rows[pick], starts[pick].astype(float), ends[pick].astype(float)
            own = np.maximum(b - a, shortest)
            join = opened[r] & ((a < shift_end[r]) | (b - shift_end[r] <= own))
            close = opened[r] & ~join
            scheduled[r[close]] += shift_end[r[close]] - shift_start[r[close]]
            new = ~join
            shift_start[r[new]], shift_end[r[new]] = a[new], a[new] + own[new]
            shift_end[r[join]] = np.maximum(shift_end[r[join]], b[join])
            opened[r] = True
        scheduled[opened] += shift_end[opened] - shift_start[opened]
    return scheduled.reshape(months, days).sum(axis=1) / (days * slots)


def summary(comparison) -> dict | None:
    """The arrival profile of a compared case, for ``compare``: its weights, the shortest shift, and the
    in-house team's agents on duty in year 1 over what arrivals even over the week need (live and
    deferred channels together); None without a profile.

    >>> from xlmodel.case import example_case
    >>> from xlmodel.engine import compare
    >>> summary(compare(example_case())) is None
    True
    """
    ev, demand = comparison.evaluation, comparison.case.demand
    if ev.profile is None:
        return None
    keys = [f"inh.agents.{i}" for i in range(len(comparison.case.channels))]
    shifts = sum(float(np.mean(ev.staff[k][:12])) for k in keys)
    even = sum(float(np.mean(ev.flat_staff.get(k, ev.staff[k])[:12])) for k in keys)
    return {"days": parse_weights(demand.arrival_days), "slots": parse_weights(demand.arrival_slots),
            "min_shift_hours": demand.min_shift_hours, "inhouse_agents_year1": shifts,
            "inhouse_agents_year1_even": even}
