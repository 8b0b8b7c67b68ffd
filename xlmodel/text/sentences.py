"""The sentences of a comparison: the service targets, the recommendation, the decision lines.

The recommendation is one template per language (``rec_*`` in :mod:`xlmodel.text.en`), rendered
twice: in Python by :func:`recommendation` for the terminal, the JSON and the Dashboard's analytics
sentence, and as a native Excel formula by :func:`recommendation_formula` for the Dashboard's
headline, which stays live when an input changes.  The Python rendering may add what only Python
knows (the Monte Carlo's probability, the tornado's drivers) before the final full stop.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import Comparison
from ..schema import PRICE_DECIMALS
from . import after_colon, after_colon_formula, choice_label, currency_text, elide, label, price_units, words
from .numbers import amount, decimals_typed, number, percent, percent_formula

if TYPE_CHECKING:
    from ..analytics.montecarlo import RiskResult
    from ..analytics.sensitivity import Tornado

EXCEL_TEXT_LIMIT = 255  # characters of one text literal in an Excel formula


def price(value: float, pricing_model: str, currency: str, lang: str, unit: bool = True, typed: bool = False) -> str:
    """A vendor price with the decimals of its pricing model (a ``typed`` price also with the
    decimals it was typed with) and, with ``unit``, its unit: ``0.420 EUR per handled minute``,
    ``2,900 EUR per billed FTE per month``."""
    decimals = PRICE_DECIMALS.get(pricing_model, 2)
    text = number(value, max(decimals, decimals_typed(value, 4)) if typed else decimals, lang)
    return f"{text} {currency_text(currency, lang)} {price_units(lang)[pricing_model]}" if unit else text


def service_targets(case, lang: str = "en") -> str:
    """Each channel's service target in words, e.g. ``phone 80% in 20 s, email within 48 h``."""
    t = words(lang)
    return ", ".join(
        t["target_live"].format(channel=c.name, level=percent(c.service_level, 0, lang),
                                seconds=f"{c.answer_seconds:g}")
        if c.kind == "live" else t["target_deferred"].format(channel=c.name, hours=f"{c.response_hours:g}")
        for c in case.channels)


# What the cheapest alternative costs against in-house, by the sign of (its cost - in-house's): more,
# less (it misses the service target, or in-house would not be recommended) or the same.
_ALTERNATIVE_COSTS = {1: "rec_alt_more", -1: "rec_alt_less", 0: "rec_alt_same"}


def recommendation(result: Comparison, lang: str = "en", risk: RiskResult | None = None,
                   tornado: Tornado | None = None) -> str:
    """The recommendation in one sentence: the option, its NPV saving over the horizon, the service
    level, the payback month (or, when in-house wins, what the cheapest alternative costs more or less); with
    ``risk``, the probability of being cheapest; with ``tornado``, the two drivers that could flip it.
    Amounts in the case currency, whole units."""
    case, t = result.case, words(lang)
    cur = currency_text(case.case.currency, lang)
    best = result.scenario(result.best)
    targets = service_targets(case, lang)
    if best.kind == "inhouse":
        alternative = min((s for s in result.scenarios if s.kind not in ("status_quo", "inhouse")),
                          key=lambda s: s.npv_cost)
        saving = alternative.npv_savings
        sign = 0 if amount(abs(saving), lang) == "0" else 1 if saving < 0 else -1  # rounded as FIXED shows it
        costs = t[_ALTERNATIVE_COSTS[sign]].format(extra=amount(abs(saving), lang), currency=cur)
        text = t["rec_inhouse"].format(targets=targets, option=after_colon(label(alternative, lang), lang), costs=costs)
    else:
        payback = (t["rec_no_payback"] if best.payback_months is None
                   else t["rec_payback"].format(month=best.payback_months))
        years = case.finance.horizon_years
        horizon = t["rec_horizon_one"] if years == 1 else t["rec_horizon_many"].format(years=years)
        text = t["rec_option"].format(option=after_colon(label(best, lang), lang), saving=amount(best.npv_savings, lang),
                                      currency=cur, horizon=horizon, targets=targets, payback=payback)
    if risk is not None:
        text += t["rec_cheapest"].format(share=percent(risk.scenario(result.best).p_cheapest, 0, lang),
                                         draws=amount(risk.draws, lang))
    if tornado is not None and tornado.bars:
        text += _drivers(result, tornado, lang)
    return text + "."


def analytics_sentence(result: Comparison, lang: str, risk: RiskResult, tornado: Tornado) -> str:
    """What the analytics computed in Python say, in one sentence that restates no saving of the
    headline (the live recommendation sentence is the one headline): how often the recommended option
    is the cheapest over the Monte Carlo draws, and the two drivers that could flip it."""
    t = words(lang)
    text = t["an_cheapest"].format(option=after_colon(label(result.scenario(result.best), lang), lang),
                                   share=percent(risk.scenario(result.best).p_cheapest, 0, lang),
                                   draws=amount(risk.draws, lang))
    if tornado.bars:
        text += _drivers(result, tornado, lang)
    return text + "."


def _lower_first(label: str) -> str:
    """``Volume (all channels)`` -> ``volume (all channels)``; ``AHT`` stays ``AHT``."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _change(bar, lang: str = "en") -> str:
    """A driver's range as changes: ``-10% / +10%`` (relative) or ``-2 pts / +2 pts`` (points)."""
    t = words(lang)
    unit = t["percent_sign"] if bar.kind == "rel" else t["points"]
    return " / ".join(f"{change * 100:+g}".replace(".", t["decimal_mark"]) + unit if change else f"0{unit}"
                      for change in (bar.low_change, bar.high_change))


def _drivers(result: Comparison, tornado: Tornado, lang: str) -> str:
    """The two drivers that could flip the recommendation, with the saving at each end of their range."""
    t, cur = words(lang), currency_text(result.case.case.currency, lang)
    flips = tornado.flip_drivers(2, result.best)
    parts = []
    for bar in flips:
        lo, hi = sorted((bar.npv_savings_low, bar.npv_savings_high))
        parts.append(t["rec_driver"].format(driver=_lower_first(label(bar, lang)), change=_change(bar, lang),
                                            low=amount(lo, lang), high=amount(hi, lang), currency=cur))
    flipped = any(b.best_at_low != result.best or b.best_at_high != result.best for b in flips)
    of = ("" if tornado.scenario_id == result.best
          else t["rec_of"].format(scenario=after_colon(label(result.scenario(tornado.scenario_id), lang), lang)))
    text = t["rec_drivers"].format(of=of, lead=t["rec_lead_flip" if flipped else "rec_lead_sensitive"],
                                   drivers=t["rec_and"].join(parts))
    # "none flips it" speaks for every driver of the tornado: flip_drivers puts any that flips first.
    return elide(text, lang) + ("" if flipped else t["rec_neither"].format(count=len(tornado.bars)))


@dataclass(frozen=True)
class Text:
    """A literal in a native rendering (as opposed to an Excel expression)."""

    text: str


def native(template: str, **slots) -> str:
    """``template`` as an Excel text expression: its words as literals joined by ``&`` to each
    slot's Excel expression (or :class:`Text`).  Adjacent literals are merged.

    >>> native("{n} agents in {place}", n="B4", place=Text("Lyon"))
    'B4&" agents in Lyon"'
    """
    pieces: list[object] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            pieces.append(Text(literal))
        if name is not None:
            pieces.append(slots[name])
    merged: list[object] = []
    for piece in pieces:
        if isinstance(piece, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + piece.text)
        else:
            merged.append(piece)
    out = []
    for piece in merged:
        if isinstance(piece, Text):
            if len(piece.text) > EXCEL_TEXT_LIMIT:
                raise ValueError(f"a text literal of {len(piece.text)} characters does not fit an Excel formula")
            out.append('"' + piece.text.replace('"', '""') + '"')
        else:
            out.append(piece)
    return "&".join(out)


@dataclass(frozen=True)
class ChannelCells:
    """Where one channel's service target is, as Excel references."""

    name: str
    kind: str
    service_level: str
    answer_seconds: str
    response_hours: str


def service_targets_formula(channels: list[ChannelCells], lang: str) -> str:
    """:func:`service_targets` as an Excel text expression over the channels' input cells."""
    t = words(lang)
    parts = []
    for c in channels:
        live = native(t["target_live"], channel=c.name, level=percent_formula(c.service_level, lang),
                      seconds=c.answer_seconds)
        deferred = native(t["target_deferred"], channel=c.name, hours=c.response_hours)
        parts.append(f'IF({c.kind}="{choice_label("live", lang)}",{live},{deferred})')  # the cell shows the label
    return '&", "&'.join(parts)


@dataclass(frozen=True)
class RecommendationCells:
    """The Excel expressions the native recommendation reads: the best scenario's id, label, NPV
    saving and payback; the service targets; the cheapest alternative's label and NPV saving."""

    best_id: str
    label: str
    saving: str
    payback: str
    targets: str
    alternative_label: str
    alternative_saving: str


def recommendation_formula(cells: RecommendationCells, lang: str, currency: str) -> str:
    """The formula (with its ``=``) rendering :func:`recommendation`'s template natively, without the
    parts only Python knows."""
    t, cur = words(lang), Text(currency_text(currency, lang))
    payback = (f'IF(ISNUMBER({cells.payback}),{native(t["rec_payback"], month=cells.payback)},'
               f'{native(t["rec_no_payback"])})')
    horizon = (f'IF(finance_horizon_years=1,{native(t["rec_horizon_one"])},'
               f'{native(t["rec_horizon_many"], years="finance_horizon_years")})')
    option = native(t["rec_option"], option=after_colon_formula(cells.label, lang), saving=f"FIXED({cells.saving},0)",
                    currency=cur, horizon=horizon, targets=cells.targets, payback=payback)
    saving = cells.alternative_saving
    more, less, same = (native(t[_ALTERNATIVE_COSTS[sign]], extra=f"FIXED(ABS({saving}),0)", currency=cur)
                        for sign in (1, -1, 0))
    costs = f'IF(ROUND({saving},0)<0,{more},IF(ROUND({saving},0)>0,{less},{same}))'
    inhouse = native(t["rec_inhouse"], targets=cells.targets, option=after_colon_formula(cells.alternative_label, lang),
                     costs=costs)
    return f'=IF({cells.best_id}="inhouse",{inhouse},{option})&"."'


def short_label(scenario, case, lang: str) -> str:
    """A scenario's label short enough for a chart axis (``Hybrid: Atlantique Relation``)."""
    t = words(lang)
    if scenario.kind == "portfolio":
        return t["short_portfolio"].format(name=_shortened(scenario.id.split(":", 1)[1]))
    if scenario.vendor is None:
        return t[f"short_{scenario.kind}"]
    name = _shortened(case.vendors[scenario.vendor].name)
    return name if scenario.kind == "outsourced" else t["short_hybrid"].format(name=name)


def _shortened(name: str, most: int = 20) -> str:
    """``name``'s first whole words, at most ``most`` characters, without the commas or dashes the cut
    leaves at its end ("Atlantique Relation" for "Atlantique Relation Client": a name cut inside a word
    read "Atlantique Relati." on the Dashboard's charts); its first word cut with a full stop when that
    word alone is longer."""
    if len(name) <= most:
        return name
    words, kept = name.split(), ""
    for word in words:
        if len(f"{kept} {word}".strip()) > most:
            break
        kept = f"{kept} {word}".strip()
    kept = kept.rstrip(" ,;:-")
    return kept if kept else name[:most - 1].rstrip(" ,;:-") + "."


def decision_lines(analysis, lang: str, currency: str) -> list[str]:
    """The cost of inaction, the vendor ranking and the break-even prices, one line each (numbers as
    ``lang`` writes them)."""
    from .notes import analytics_note
    a, t, cur = analysis, words(lang), currency
    k = lambda v: "-" if v is None else number(v, 0, lang)  # noqa: E731
    ranking = ", ".join(f"{v.rank}. {v.vendor} ({number(v.total, 2, lang)})" for v in a.ranking.vendors)
    reason = analytics_note(label(a.ranking, lang, "reason"), lang)  # its decimals in the language's style
    colon = t["colon"]  # French sets a space before it
    prices = t["semicolon"].join(  # "Break-even price: Acme at 32.07 EUR per ...", one colon
        t["break_even_at"].format(vendor=b.vendor, price=price(b.break_even_price, b.pricing_model, cur, lang),
                                  quoted=price(b.price, b.pricing_model, cur, lang, unit=False, typed=True))
        if b.break_even_price is not None else t["break_even_none"].format(vendor=b.vendor)
        for b in a.break_even.vendors)
    return [f"{t['inaction']}{colon}{k(a.economics.cost_of_inaction_per_year)} {currency_text(cur, lang)}",
            f"{t['scoring']}{colon}{ranking}. {reason}",
            f"{t['break_even_price']}{colon}{prices}"]
