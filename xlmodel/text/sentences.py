"""The sentences of a comparison: the service targets, the recommendation.

Plain data in (a :class:`xlmodel.engine.Comparison`, optionally the analytics' Monte Carlo and tornado),
a string out, in the language asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import Comparison
from . import label, words

if TYPE_CHECKING:
    from ..analytics.montecarlo import RiskResult
    from ..analytics.sensitivity import Tornado


def _money_k(value: float | None) -> str:
    """Thousands, space-grouped: ``7 841`` for 7 841 431 (``-`` for None)."""
    return "-" if value is None else f"{value / 1000:,.0f}".replace(",", " ")


def service_targets(case, lang: str = "en") -> str:
    """Each channel's service target in words, e.g. ``phone 80% in 20 s, email within 48 h``."""
    fr = lang == "fr"
    return ", ".join(
        (f"{c.name} {c.service_level:.0%} en {c.answer_seconds:g} s" if fr else
         f"{c.name} {c.service_level:.0%} in {c.answer_seconds:g} s") if c.kind == "live"
        else (f"{c.name} sous {c.response_hours:g} h" if fr else f"{c.name} within {c.response_hours:g} h")
        for c in case.channels)


def recommendation(result: Comparison, lang: str = "en") -> str:
    """The recommendation in one sentence: which option, saving, payback, at which service level."""
    best = result.scenario(result.best)
    case = result.case
    years = case.finance.horizon_years
    fr = lang == "fr"
    targets = service_targets(case, lang)
    cur = case.case.currency
    if best.kind == "inhouse":
        cheapest_other = min((s for s in result.scenarios if s.kind not in ("status_quo", "inhouse")),
                             key=lambda s: s.npv_cost, default=None)
        gap = "" if cheapest_other is None else (
            f"; the cheapest alternative, {cheapest_other.label_en}, costs "
            f"{_money_k(-cheapest_other.npv_savings)} k{cur} more in NPV")
        if lang == "fr":
            gap = "" if cheapest_other is None else (
                f" ; la meilleure alternative, {cheapest_other.label_fr}, coûte "
                f"{_money_k(-cheapest_other.npv_savings)} k{cur} de plus en VAN")
            return (f"Garder le service en interne, dimensionné au niveau de service cible ({targets}){gap}.")
        return f"Keep the service in-house, staffed to the target service ({targets}){gap}."
    payback = ("not within the horizon" if best.payback_months is None
               else f"month {best.payback_months}")
    if lang == "fr":
        payback_fr = ("au-delà de l'horizon" if best.payback_months is None
                      else f"au mois {best.payback_months}")
        return (f"Recommandation : {best.label_fr}. Économie de {_money_k(best.npv_savings)} k{cur} en VAN "
                f"sur {years} ans par rapport à l'interne au même niveau de service ({targets}), "
                f"retour sur investissement {payback_fr}.")
    return (f"Recommended: {best.label_en}. It saves {_money_k(best.npv_savings)} k{cur} in NPV over "
            f"{years} years against in-house at the same service level ({targets}); payback {payback}.")


def _lower_first(label: str) -> str:
    """``Volume (all channels)`` -> ``volume (all channels)``; ``AHT`` stays ``AHT``."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _change(bar, lang: str) -> str:
    unit = "%" if bar.kind == "rel" else (" pts" if lang == "en" else " pts")
    scale = 100
    return f"{bar.low_change * scale:+g}{unit} / {bar.high_change * scale:+g}{unit}"


def recommendation_sentence(result: Comparison, risk: RiskResult | None = None, tornado: Tornado | None = None,
                            lang: str = "en") -> str:
    """The recommendation in words: option, saving, payback, service level, probability of being
    cheapest (when ``risk`` is given) and the two drivers that could flip it (when ``tornado`` is).

    Plain data in, a string out, so that the workbook's Dashboard can call it.
    """
    case = result.case
    cur = case.case.currency
    best = result.scenario(result.best)
    fr = lang == "fr"
    targets = service_targets(case, lang)
    years = case.finance.horizon_years
    if best.kind == "inhouse":
        text = (f"Recommandation : garder le service en interne, dimensionné au niveau de service cible ({targets})"
                if fr else f"Recommended: keep the service in-house, staffed to the target service ({targets})")
    else:
        if best.payback_months is None:
            payback = "retour au-delà de l'horizon" if fr else "payback beyond the horizon"
        else:
            payback = (f"retour au mois {best.payback_months}" if fr else f"payback in month {best.payback_months}")
        text = (f"Recommandation : {best.label_fr}. Économie de {_money_k(best.npv_savings)} k{cur} en VAN sur {years} ans "
                f"face à l'interne au même niveau de service ({targets}), {payback}" if fr else
                f"Recommended: {best.label_en}. It saves {_money_k(best.npv_savings)} k{cur} in NPV over {years} years "
                f"against in-house at the same service level ({targets}), {payback}")
    if risk is not None:
        p = risk.scenario(result.best).p_cheapest
        text += (f" ; option la moins chère dans {p:.0%} des {risk.draws:,} tirages".replace(",", " ") if fr else
                 f"; cheapest in {p:.0%} of {risk.draws:,} simulated draws".replace(",", " "))
    if tornado is not None and tornado.bars:
        flips = tornado.flip_drivers(2)
        parts = []
        for bar in flips:
            label = _lower_first(bar.label_fr if fr else bar.label_en)
            lo, hi = sorted((bar.npv_savings_low, bar.npv_savings_high))
            parts.append(f"{label} ({_change(bar, lang)} : {_money_k(lo)} à {_money_k(hi)} k{cur})" if fr else
                         f"{label} ({_change(bar, lang)}: {_money_k(lo)} to {_money_k(hi)} k{cur})")
        subject = (tornado.scenario_id if tornado.scenario_id == result.best else
                   result.scenario(tornado.scenario_id).label_fr if fr else result.scenario(tornado.scenario_id).label_en)
        flipped = any(b.best_at_low != result.best or b.best_at_high != result.best for b in flips)
        if fr:
            lead = "les deux facteurs qui pourraient la renverser" if flipped else "les deux facteurs les plus sensibles"
            text += f". Sur l'économie de VAN{'' if subject == result.best else ' de ' + subject}, {lead} : " \
                    + " et ".join(parts)
        else:
            lead = "the two drivers that could flip it" if flipped else "the two drivers it is most sensitive to"
            text += f". On the NPV saving{'' if subject == result.best else ' of ' + subject}, {lead}: " \
                    + " and ".join(parts)
            if not flipped:
                text += " (neither flips it within its range)"
    return text + "."


def short_label(scenario, case, lang: str) -> str:
    """A scenario's label short enough for a chart axis (``Hybrid: Casablanca Con.``)."""
    t = words(lang)
    if scenario.vendor is None:
        return t[f"short_{scenario.kind}"]
    name = case.vendors[scenario.vendor].name
    name = name if len(name) <= 18 else name[:17] + "."
    return name if scenario.kind == "outsourced" else t["short_hybrid"].format(name=name)


def decision_lines(analysis, lang: str, currency: str) -> list[str]:
    """The cost of inaction, the vendor ranking and the break-even prices, one line each."""
    a, t, cur = analysis, words(lang), currency
    k = lambda v: "-" if v is None else f"{v:,.0f}".replace(",", " ")  # noqa: E731
    ranking = ", ".join(f"{v.rank}. {v.vendor} ({v.total:.2f})" for v in a.ranking.vendors)
    reason = label(a.ranking, lang, "reason")
    prices = "; ".join(
        f"{b.vendor}: {b.break_even_price:,.2f} ({t['price'].lower()} {b.price:,.2f}, {b.pricing_model})"
        if b.break_even_price is not None else f"{b.vendor}: -" for b in a.break_even.vendors)
    return [f"{t['inaction']}: {k(a.economics.cost_of_inaction_per_year)} {cur}",
            f"{t['scoring']}: {ranking}. {reason}",
            f"{t['break_even_price']}: {prices}"]
