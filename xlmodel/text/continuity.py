"""What ``compare`` prints of issue 14's continuity and re-internalisation: one line per vendor of
each portfolio (its share of the volume, the contacts of a failure, its cost without and with a
backup), and a sentence on the way back in-house against staying outsourced.  Every figure is the
engine's (:mod:`xlmodel.model.continuity`, :mod:`xlmodel.model.reinternal`), only formatted here.
"""

from __future__ import annotations

from . import currency_text, words


def continuity_lines(result, lang: str) -> list[str]:
    """The continuity table and the re-internalisation sentence (none when the case has neither)."""
    from .sentences import number
    from .tables import _k, _pct, _table, _wrap  # tables imports this module
    case, t, lines = result.case, words(lang), []
    cur = currency_text(case.case.currency, lang)
    rows = [(t["cont_line"].format(portfolio=s.id.split(":", 1)[1], vendor=x["vendor"]),
             _pct(x["volume_share"], lang), number(x["contacts_during_failure"], 0, lang),
             _k(x["cost_without_backup"], lang), _k(x["cost_with_backup"], lang))
            for s in result.scenarios if s.portfolio is not None for x in s.portfolio["continuity"]]
    if rows:
        weeks = f"{case.continuity.failure_weeks:g}".replace(".", t["decimal_mark"])
        lines += [""] + _wrap(t["cont_terminal_title"].format(weeks=weeks, premium=_pct(case.continuity.surge_premium,
                                                                                          lang, 0)))
        lines += _table(tuple(h.format(cur=cur) for h in t["cont_terminal_head"]), rows)
    back = next((s for s in result.scenarios if s.reinternalisation is not None), None)
    if back is not None:
        ri = back.reinternalisation
        stay = result.scenario(ri["staying"])
        lines += [""] + _wrap(t["ri_terminal"].format(
            year=ri["year"], vendor=ri["vendor"], cost=_k(ri["return_cost"], lang), cur=cur,
            npv=_k(back.npv_cost, lang), stay=_k(stay.npv_cost, lang),
            diff=("+" if back.npv_cost >= stay.npv_cost else "") + _k(back.npv_cost - stay.npv_cost, lang)))
        even, cost = ri["break_even_return_cost_npv"], ri["return_cost_npv"]
        verdict = "ri_verdict_never" if even < 0 else "ri_verdict_pays" if even >= cost else "ri_verdict_stays"
        lines += _wrap(t["ri_break_even_terminal"].format(even=_k(even, lang), cost=_k(cost, lang), cur=cur,
                                                           verdict=t[verdict]))
    return lines
