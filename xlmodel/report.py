"""Text reports of a comparison: the terminal table and the recommendation sentence."""

from __future__ import annotations

from .engine import Comparison


def _money_k(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:,.0f}".replace(",", " ")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


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


def comparison_table(result: Comparison) -> str:
    """The scenarios as rows of a fixed-width table, with units in the header."""
    case = result.case
    cur = case.case.currency
    header = ("Scenario", f"Year 1 k{cur}", f"One-off k{cur}", f"NPV cost k{cur}", f"NPV savings k{cur}",
              "ROI", "Payback (month)", "IRR", f"{cur}/contact y1", "FTE in-house y1", "FTE vendor y1")
    rows = []
    for s in result.scenarios:
        rows.append((
            ("* " if s.id == result.best else "  ") + s.label_en,
            _money_k(s.annual_cost[0]), _money_k(s.one_off_cost), _money_k(s.npv_cost),
            _money_k(s.npv_savings) if s.kind != "inhouse" else "reference",
            _pct(s.roi), "-" if s.payback_months is None else str(s.payback_months), _pct(s.irr),
            "-" if s.cost_per_contact[0] is None else f"{s.cost_per_contact[0]:.2f}", f"{s.fte[0]:.1f}", f"{s.vendor_fte[0]:.1f}",
        ))
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    lines = [f"{case.case.name}: {case.finance.horizon_years} years from {case.finance.start_year}, "
             f"discount rate {case.finance.discount_rate:.1%}, money in {cur}"]
    fmt = lambda r: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                              for i, (c, w) in enumerate(zip(r, widths)))
    lines.append(fmt(header))
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(fmt(r) for r in rows)
    lines.append("")
    lines.append("Savings, ROI, payback and IRR are measured against in-house at the target service level. "
                 "The status quo serves customers worse and is never recommended.")
    lines.append(recommendation(result))
    return "\n".join(lines)


def decision_analytics(result: Comparison) -> tuple[dict, str]:
    """``compare``'s analytics: the JSON object extended with them, and their text sections
    (economic view, vendor scoring, break-even, tornado, Monte Carlo, recommendation with risk)."""
    from .analytics.summary import analyse, analysis_text, extend_json
    analysis = analyse(result)
    return extend_json(result.as_json(), result, analysis), analysis_text(result, analysis)
