"""Everything the decision needs in one plain-data bundle, the recommendation sentence and the texts.

``analyse(comparison)`` runs the economic view, the vendor scoring, the break-evens, the tornado
and a small Monte Carlo (``COMPARE_DRAWS`` draws, the case's seed) for ``compare``;
``python cli.py risk`` runs the full Monte Carlo.  The workbook's Dashboard uses
:func:`recommendation_sentence` with the same arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import Comparison
from ..report import service_targets

if TYPE_CHECKING:  # imported where used: break-even and economics pull in scipy
    from .breakeven import BreakEven
    from .economics import Economics
    from .montecarlo import RiskResult
    from .scoring import VendorRanking
    from .sensitivity import Tornado

COMPARE_DRAWS = 2000


@dataclass
class Analysis:
    economics: Economics
    ranking: VendorRanking
    break_even: BreakEven
    tornado: Tornado
    risk: RiskResult


def analyse(result: Comparison, draws: int = COMPARE_DRAWS, seed: int | None = None) -> Analysis:
    """The decision analytics of a comparison (about 2 s on the example case)."""
    from .breakeven import break_even
    from .economics import economic_view
    from .montecarlo import run_risk
    from .scoring import score_vendors
    from .sensitivity import tornado
    case = result.case
    return Analysis(economic_view(result), score_vendors(result), break_even(case, result),
                    tornado(case, result), run_risk(case, draws, seed, comparison=result))


def _k(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:,.0f}".replace(",", " ")


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
        text = (f"Recommandation : {best.label_fr}. Économie de {_k(best.npv_savings)} k{cur} en VAN sur {years} ans "
                f"face à l'interne au même niveau de service ({targets}), {payback}" if fr else
                f"Recommended: {best.label_en}. It saves {_k(best.npv_savings)} k{cur} in NPV over {years} years "
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
            parts.append(f"{label} ({_change(bar, lang)} : {_k(lo)} à {_k(hi)} k{cur})" if fr else
                         f"{label} ({_change(bar, lang)}: {_k(lo)} to {_k(hi)} k{cur})")
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


def analysis_text(result: Comparison, a: Analysis) -> str:
    """The analytics sections of ``compare``'s terminal output (English)."""
    case = result.case
    cur = case.case.currency
    e = a.economics
    lines = ["", "Cost of inaction and economic view"]
    lines.append(f"  Contacts lost today: {e.lost_contacts_today_per_year:,.0f} a year "
                 f"({case.inhouse.lost_contacts_per_day:g} a day x {e.open_days_per_year:g} open days); "
                 f"each is worth {e.value_per_lost_contact:,.2f} {cur} "
                 f"(churn {case.customer.churn_share:.0%} x {case.customer.value_per_lost_customer:,.0f} {cur}): "
                 f"cost of inaction {_k(e.cost_of_inaction_per_year)} k{cur} a year.".replace(",", " "))
    rules = ", ".join(f"{k} {v.replace('_', ' ')} ({e.lost_share_by_channel[k]:.1%})" for k, v in e.rule_by_channel.items())
    lines.append(f"  Lost share at target service by channel: {rules}.")
    head = ("Scenario", "Lost contacts y1", f"NPV cost k{cur}", f"NPV lost customers k{cur}",
            f"Economic NPV k{cur}", f"Economic savings k{cur}")
    rows = []
    for s, x in zip(result.scenarios, e.scenarios):
        rows.append((("* " if s.id == e.best_economic else "  ") + s.label_en, f"{x.lost_contacts[0]:,.0f}".replace(",", " "),
                     _k(s.npv_cost), _k(x.npv_lost_customer_value), _k(x.economic_npv_cost),
                     "reference" if s.kind == "inhouse" else _k(x.economic_npv_savings)))
    lines += _table(head, rows)

    r = a.ranking
    lines += ["", "Vendor scoring (1-5; weights " + ", ".join(f"{k} {w:.0%}" for k, w in r.weights.items()) + ")"]
    head = ("Rank", "Vendor", "Total") + tuple(r.weights) + ("Knocked out",)
    rows = [(str(v.rank), v.vendor, f"{v.total:.2f}", *(f"{v.scores[c]:.1f}" for c in r.weights),
             "; ".join(v.knocked_out) or "-") for v in r.vendors]
    lines += _table(head, rows)
    lines.append("  " + r.reason_en)

    b = a.break_even
    lines += ["", "Break-even against in-house at target service"]
    head = ("Vendor", "Pricing", "Quoted", "Break-even price", "Headroom", "Break-even volume/yr", "Note")
    rows = []
    for v in b.vendors:
        rows.append((v.vendor, v.pricing_model, f"{v.price:,.4g}", "-" if v.break_even_price is None else
                     f"{v.break_even_price:,.4g}", "-" if v.price_headroom is None else f"{v.price_headroom:+.1%}",
                     "-" if v.break_even_volume is None else f"{v.break_even_volume:,.0f}".replace(",", " "),
                     "; ".join(x for x in (v.price_note, v.volume_note) if x)))
    lines += _table(head, rows)
    for h in b.hybrid_share:
        lines.append(f"  Hybrid share with {h.vendor}: NPV of cost is lowest at {h.best_share:.0%} of volume "
                     f"({_k(h.npv_cost_at_best)} k{cur}).")

    t = a.tornado
    lines += ["", f"Sensitivity of the NPV of savings of {result.scenario(t.scenario_id).label_en} "
                  f"(base {_k(t.base_npv_savings)} k{cur}; {t.evaluations} engine runs, {t.seconds:.2f} s)"]
    head = ("Driver", "Range (low / high)", f"At low k{cur}", f"At high k{cur}", f"Swing k{cur}")
    rows = [(bar.label_en, _change(bar, "en"), _k(bar.npv_savings_low), _k(bar.npv_savings_high), _k(bar.swing))
            for bar in t.bars]
    lines += _table(head, rows)

    k = a.risk
    lines += ["", f"Monte Carlo ({k.draws} draws, seed {k.seed}, {k.distribution}; run `risk` for more draws)"]
    lines += risk_table(result, k)
    lines += ["", recommendation_sentence(result, k, t)]
    return "\n".join(lines)


def risk_table(result: Comparison, risk: RiskResult) -> list[str]:
    cur = result.case.case.currency
    head = ("Scenario", f"NPV cost P10 k{cur}", "P50", "P90", f"NPV savings P10 k{cur}", "P50", "P90",
            "P(cheapest)")
    rows = [(s.label_en, _k(s.npv_cost_p10), _k(s.npv_cost_p50), _k(s.npv_cost_p90),
             "reference" if s.kind == "inhouse" else _k(s.npv_savings_p10),
             "" if s.kind == "inhouse" else _k(s.npv_savings_p50), "" if s.kind == "inhouse" else _k(s.npv_savings_p90),
             "-" if not s.meets_target_service else f"{s.p_cheapest:.1%}") for s in risk.scenarios]
    return _table(head, rows)


def risk_text(result: Comparison, risk: RiskResult, tornado: Tornado | None = None) -> str:
    """The terminal output of ``risk``."""
    case = result.case
    draws = f"{risk.draws:,}".replace(",", " ")
    lines = [f"{case.case.name}: Monte Carlo of {draws} draws (seed {risk.seed}, {risk.distribution}) "
             f"in {risk.seconds:.2f} s", "Drivers drawn (change from the case value: low / mode / high):"]
    for d in risk.drivers:
        if d["drawn"]:
            unit = "%" if d["kind"] == "rel" else " pts"
            lines.append(f"  {d['label']}: {100 * d['low']:+g}{unit} / 0 / {100 * d['high']:+g}{unit}")
    lines += risk_table(result, risk)
    lines.append("P(cheapest): share of draws in which the option has the lowest NPV of cost among the options "
                 "at target service (the status quo is not one).")
    lines.append(recommendation_sentence(result, risk, tornado))
    return "\n".join(lines)


def _table(head, rows) -> list[str]:
    widths = [max(len(str(r[i])) for r in list(rows) + [head]) for i in range(len(head))]
    fmt = lambda r: "  " + "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                                     for i, (c, w) in enumerate(zip(r, widths)))
    return [fmt(head), "  " + "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows]


def extend_json(data: dict, result: Comparison, a: Analysis) -> dict:
    """Add the analytics to ``compare --json``'s object (new keys only; existing keys untouched)."""
    econ = {s.id: s for s in a.economics.scenarios}
    risk = {s.id: s for s in a.risk.scenarios}
    for s in data["scenarios"]:
        e, r = econ[s["id"]], risk[s["id"]]
        s.update({"lost_contacts": e.lost_contacts, "lost_customer_value": e.lost_customer_value,
                  "economic_annual_cost": e.economic_annual_cost, "economic_npv_cost": e.economic_npv_cost,
                  "economic_npv_savings": e.economic_npv_savings, "p_cheapest": r.p_cheapest,
                  "npv_savings_p10": r.npv_savings_p10, "npv_savings_p50": r.npv_savings_p50,
                  "npv_savings_p90": r.npv_savings_p90})
    data["economics"] = a.economics.as_json()
    data["vendor_scoring"] = a.ranking.as_json()
    data["break_even"] = a.break_even.as_json()
    data["tornado"] = a.tornado.as_json()
    data["risk"] = a.risk.as_json()
    data["recommendation_en"] = recommendation_sentence(result, a.risk, a.tornado, "en")
    data["recommendation_fr"] = recommendation_sentence(result, a.risk, a.tornado, "fr")
    return data
