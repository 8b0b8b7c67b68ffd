"""The native sizing: the rows with which the workbook sizes every staffing row itself, in native
formulas, so that an input edited in any Excel recalculates the agents and everything after them.

The engine sizes the same staffing rows in Python (:mod:`xlmodel.staffing`, exact and fast); the
workbook's rows below are its twin, checked against it at every build.  For one staffing row and
month, with A the traffic in Erlangs on an average interval and h the seconds an agent spends per
contact (AHT / concurrency):

- **live** channels need the smallest N agents with N > A, a service level SL(N) at least the
  target and an occupancy A / N at most the cap.  Erlang B is
  ``B(N) = POISSON(N, A, FALSE) / POISSON(N, A, TRUE)``, Erlang C ``C = N B / (N - A (1 - B))`` and
  ``SL(N) = 1 - C exp(-(N - A) t / h)`` (t the answer time of the target), which grows with N.
  The search is a binary search from ``floor(A)`` (no N <= A empties the queue) with
  :data:`~xlmodel.model.constants.NATIVE_SEARCH_STEPS` halving steps of 2 048, 1 024, ..., 1 agents (each
  step size a locked value in the row's single-value column), one row per candidate: the first is
  ``floor(A) + 2 048``; each next one is the last minus the next step if the last met the target,
  plus it otherwise; the search ends one below the smallest N meeting the target (the last
  candidate, less one if it met the target).
  A candidate at or above the *ceiling* ``A + h / t ln(1 / (1 - target))`` meets the target
  whatever C (C <= 1), so its test is skipped (Excel's IF computes only the branch taken: a
  month costs a few Poisson terms, not two dozen).  The occupancy cap needs at least the smallest
  k with A / k <= cap, found from ``ROUNDUP(A / cap)`` with the same floating test as the engine.
  Agents = ``(A > 0) x max(N, k)``;
- **live** channels with ``sizing = "erlang_a"`` (callers who hang up after a mean patience): the
  same rows and search, from a base of ``max(0, ROUNDDOWN(target x A / cap) - 1)`` (no team at or
  below it meets the target within the cap), each candidate tested by ``erlang_a_met``
  (:mod:`~xlmodel.model.erlang_a`: service level with abandons as failures, occupancy of the handled
  traffic); agents ``(A > 0) x (last + 1)``, no separate occupancy floor.  The choice is in every
  candidate's formula, so switching it in the workbook re-sizes the channel at once;
- **deferred** channels: the workload over the occupancy cap, ``A / cap``.  A channel's kind is
  part of the model's shape: a live channel switched to deferred in the workbook is sized as
  deferred at once; a deferred one switched to live has no search, and its *covered* row says that
  it needs a rebuild;
- a *covered* row says, month by month, that the search is exact there: a traffic within
  :data:`~xlmodel.model.constants.STAFFING_MAX_ERLANGS`, and a search that did not use its whole window or
  whose occupancy floor meets the target anyway (the engine refuses a case beyond these, so only an
  edit in the workbook can get there);
- a **yearly peak** row sums its channels month by month, then takes each year's highest month;
- a staffing row computing what an earlier one computes (the in-house team of every hybrid serves
  the same contacts, whichever the vendor) links to the earlier one's agents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .constants import NATIVE_SEARCH_STEPS
from .refs import ChannelInput, Constant, Fixed, ProfileUplift, RowKey, RowRef, StaffRef
from .rows import NAME_DASH, StaffRow

if TYPE_CHECKING:
    from .rows import Declaration

#: The step sizes of the search, largest first: 2 048, 1 024, ..., 1.
STEPS = tuple(2 ** k for k in reversed(range(NATIVE_SEARCH_STEPS)))


def native_sizing(decl: Declaration, s: StaffRow, kind: str | None, profiled: bool = False) -> tuple[RowKey, ...]:
    """Declare the sizing rows of staffing row ``s`` of a channel of ``kind`` (``"live"`` or
    ``"deferred"``; None for a yearly peak); returns their keys, its agents last.

    A staffing row that computes what an earlier one does (the in-house teams of two hybrids,
    whichever the vendor: :meth:`~xlmodel.model.rows.Declaration.signature`) gets one row, a link
    to the earlier one's agents, instead of a search of its own."""
    start = len(decl.sizing)
    what = ("staff", s.channel, *(decl.signature(r) for r in (s.contacts, s.aht, s.hours)),
            tuple(decl.signature(StaffRef(k)) for k in s.peak_of))
    if what in decl.sized:
        decl.sizing_row(RowKey(s.key.block, f"{s.key.name}_native", s.key.channel), s.label_en, s.label_fr,
                        "agents", "same", same=RowRef(decl.sized[what]))
    elif s.peak_of:
        _peak(decl, s)
    else:
        _search(decl, s, kind == "deferred", profiled)
    keys = tuple(row.key for row in decl.sizing[start:])
    decl.sized.setdefault(what, keys[-1])
    return keys


def _search(decl: Declaration, s: StaffRow, deferred: bool, profiled: bool = False) -> None:
    """The search of a live channel, or the workload of a deferred one (see the module)."""
    block, name, i = s.key.block, s.key.name, s.channel
    channel = {f: ChannelInput(i, f) for f in ("kind", "service_level", "answer_seconds", "max_occupancy",
                                               "concurrency", "sizing", "patience_seconds")}

    def add(part, en, fr, unit, expr, **bind):
        return decl.sizing_row(RowKey(block, f"{name}_{part}", i), f"{s.label_en}{NAME_DASH}{en}",
                               f"{s.label_fr}{NAME_DASH}{fr}", unit, expr, **bind)

    handling = add("handling", "handling time per contact (AHT / concurrency)",
                   "durée de traitement par contact (DMT / simultanéité)", "seconds", "aht / concurrency",
                   aht=s.aht, concurrency=channel["concurrency"])
    traffic = add("traffic", "traffic on an average interval", "trafic sur un intervalle moyen", "erlangs",
                  "contacts / (hours * seconds_per_hour / interval) * handling / interval", contacts=s.contacts,
                  hours=s.hours, seconds_per_hour=Constant("SECONDS_PER_HOUR"),
                  interval=Constant("INTERVAL_SECONDS"), handling=handling)
    if deferred:
        add("covered", "the native sizing is exact this month (1; made live, the channel needs a rebuild)",
            "le dimensionnement natif est exact ce mois-ci (1 ; passé en direct, le canal demande une "
            "reconstruction)", "flag", '(traffic <= max_erlangs) * (kind == "deferred")', traffic=traffic,
            max_erlangs=Constant("STAFFING_MAX_ERLANGS"), kind=channel["kind"])
        decl.sizing_row(RowKey(block, f"{name}_native", i), s.label_en, s.label_fr, "agents",
                        "traffic / occupancy", traffic=traffic, occupancy=channel["max_occupancy"])
        return
    ceiling = add("ceiling", "search ceiling (the target is met from here up)",
                  "plafond de recherche (objectif atteint au-delà)", "agents",
                  '(kind != "deferred") * (traffic > 0) * (traffic + handling / answer * ln(1 / (1 - target)))',
                  kind=channel["kind"], traffic=traffic, handling=handling, answer=channel["answer_seconds"],
                  target=channel["service_level"])
    base, ratio, decay = _patience_rows(add, channel, handling, traffic)
    last = _binary_search(add, ceiling, traffic, handling, channel, base, ratio, decay)
    guess = add("occupancy_guess", "occupancy cap, first estimate", "plafond d'occupation, première estimation",
                "agents", "max(1, roundup(traffic / occupancy, 0))", traffic=traffic,
                occupancy=channel["max_occupancy"])
    floor = add("occupancy_floor", "fewest agents within the occupancy cap",
                "effectif minimal sous le plafond d'occupation", "agents",
                "guess - (guess > 1) * (traffic / max(1, guess - 1) <= occupancy) + (traffic / guess > occupancy)",
                guess=guess, traffic=traffic, occupancy=channel["max_occupancy"])
    add("covered", "the native search is exact this month (1)", "la recherche native est exacte ce mois-ci (1)",
        "flag", 'where(sizing == "erlang_a", (traffic <= a_erlangs) * (ratio <= a_ratio) * (last - base < window), '
        "(traffic <= max_erlangs) * where(last - base < window, 1,"
        " erlang_sl(floor, traffic, answer, handling) >= target))", sizing=channel["sizing"], traffic=traffic,
        a_erlangs=Constant("ERLANG_A_MAX_ERLANGS"), ratio=ratio, a_ratio=Constant("ERLANG_A_MAX_RATIO"), base=base,
        max_erlangs=Constant("STAFFING_MAX_ERLANGS"), last=last, window=Constant("SEARCH_WINDOW"),
        floor=floor, answer=channel["answer_seconds"], handling=handling, target=channel["service_level"])
    # With a weekly arrival profile, the agents its shifts add over the average slot (Python values).
    profile = {"shifts": ProfileUplift(s.key)} if profiled else {}
    decl.sizing_row(
        RowKey(block, f"{name}_native", i), s.label_en, s.label_fr, "agents",
        '(kind == "deferred") * traffic / occupancy + (kind != "deferred") * (traffic > 0)'
        ' * max(last + 1, where(sizing == "erlang_a", 0, floor))' + (' + (kind != "deferred") * shifts' if profiled
                                                                     else ""), kind=channel["kind"], traffic=traffic,
        occupancy=channel["max_occupancy"], last=last, floor=floor, sizing=channel["sizing"], **profile)


def _patience_rows(add, channel, handling, traffic):
    """The rows Erlang A adds to a live channel's search: its base (Erlang C's too), the patience in
    handling times and the share of callers still waiting at the answer time (both 0 under Erlang C)."""
    ratio = add("patience_ratio", "Erlang A, mean patience in handling times (0 under Erlang C)",
                "Erlang A, patience moyenne en durées de traitement (0 en Erlang C)", "number",
                'where(sizing == "erlang_a", patience / handling, 0)', sizing=channel["sizing"],
                patience=channel["patience_seconds"], handling=handling)
    decay = add("patience_decay", "Erlang A, share of callers still waiting at the answer time",
                "Erlang A, part des appelants encore en attente au délai de réponse", "rate",
                'where(sizing == "erlang_a", exp(-answer / patience), 0)', sizing=channel["sizing"],
                answer=channel["answer_seconds"], patience=channel["patience_seconds"])
    base = add("search_base", "search base, the agents that miss the target (Erlang C: the traffic; Erlang A: "
               "target x traffic / occupancy cap, less one)", "base de recherche, l'effectif qui manque l'objectif "
               "(Erlang C : le trafic ; Erlang A : objectif x trafic / plafond d'occupation, moins un)", "agents",
               'where(sizing == "erlang_a", max(0, rounddown(target * traffic / occupancy, 0) - 1), '
               'rounddown(traffic, 0))', sizing=channel["sizing"], target=channel["service_level"],
               traffic=traffic, occupancy=channel["max_occupancy"])
    return base, ratio, decay


def _peak(decl: Declaration, s: StaffRow) -> None:
    """A yearly peak: the sum of its parts' native agents each month, then each year's highest."""
    natives = {row.key: row.native for row in decl.staff}
    parts = [RowRef(natives[key]) for key in s.peak_of]
    block, name = s.key.block, s.key.name
    total = decl.sizing_row(RowKey(block, f"{name}_sum"),
                            f"{s.label_en}{NAME_DASH}the channels' sum, month by month",
                            f"{s.label_fr}{NAME_DASH}somme des canaux, mois par mois", "agents",
                            " + ".join(f"a{j}" for j in range(len(parts))),
                            **{f"a{j}": ref for j, ref in enumerate(parts)})
    decl.sizing_row(RowKey(block, f"{name}_native"), s.label_en, s.label_fr, "agents", "peak(total)",
                    total=total)


def _binary_search(add, ceiling, traffic, handling, channel, base, ratio, decay) -> RowRef:
    """The candidates of the search, one row each, then its end: the most agents missing the target
    (Erlang C: the target; Erlang A: the target or the occupancy cap)."""
    met = ('where(sizing == "erlang_a", erlang_a_met({x}, traffic, ratio, decay, target, occupancy, tolerance, '
           'log_floor), where({x} < ceiling, erlang_sl({x}, traffic, answer, handling) >= target, 1))')
    common = dict(ceiling=ceiling, traffic=traffic, answer=channel["answer_seconds"], handling=handling,
                  target=channel["service_level"], sizing=channel["sizing"], ratio=ratio, decay=decay,
                  occupancy=channel["max_occupancy"], tolerance=Constant("SERVICE_LEVEL_TOLERANCE"),
                  log_floor=Constant("ERLANG_A_LOG_FLOOR"))
    candidate = add("search_1", "search, candidate 1 (the search base plus the first step)",
                    "recherche, candidat 1 (la base de recherche plus le premier pas)", "agents",
                    "base + step", base=base, step=Fixed(STEPS[0]))
    for k, size in enumerate(STEPS[1:], start=2):
        candidate = add(f"search_{k}", f"search, candidate {k} (down by the step if the last one met the "
                                       "target, else up)",
                        f"recherche, candidat {k} (moins le pas si le précédent atteint l'objectif, sinon plus)",
                        "agents", f"below + where({met.format(x='below')}, -step, step)", below=candidate,
                        step=Fixed(size), **common)
    last = add("search_end", "search end, the most agents that still miss the target",
               "fin de la recherche, le plus grand effectif qui manque encore l'objectif", "agents",
               f"below - {met.format(x='below')}", below=candidate, **common)
    return last
