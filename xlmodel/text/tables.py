"""What ``compare`` and ``risk`` print in the terminal: fixed-width tables and their sections (English).

:func:`decision_analytics` also gives ``compare --json``'s object extended with the analytics and the
recommendation in both languages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import Comparison
from .sentences import _change, recommendation
from . import label

if TYPE_CHECKING:
    from ..analytics.montecarlo import RiskResult
    from ..analytics.sensitivity import Tornado
    from ..analytics.summary import Analysis


def _k(value: float | None) -> str:
    """Thousands, space-grouped: ``7 841`` for 7 841 431 (``-`` for None); tables say ``k`` in the header."""
    return "-" if value is None else f"{value / 1000:,.0f}".replace(",", " ")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def comparison_table(result: Comparison) -> str:
    """The scenarios as rows of a fixed-width table, with units in the header."""
    case = result.case
    cur = case.case.currency
    header = ("Scenario", f"Year 1 k{cur}", f"One-off k{cur}", f"NPV cost k{cur}", f"NPV savings k{cur}",
              "ROI", "Payback (month)", "IRR", f"{cur}/contact y1", "FTE in-house y1", "FTE vendor y1")
    rows = []
    for s in result.scenarios:
        rows.append((
            ("* " if s.id == result.best else "  ") + label(s, "en"),
            _k(s.annual_cost[0]), _k(s.one_off_cost), _k(s.npv_cost),
            _k(s.npv_savings) if s.kind != "inhouse" else "reference",
            _pct(s.roi), "-" if s.payback_months is None else str(s.payback_months), s.irr_note or _pct(s.irr),
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
    lines.extend(quote_checks(result))
    lines.append(recommendation(result))
    lines.extend(tax_table(result))
    return "\n".join(lines)


def tax_table(result: Comparison) -> list[str]:
    """VAT not recovered, staff transfers and the after-tax view (issue 15), beside the pre-tax table."""
    f, cur = result.case.finance, result.case.case.currency
    lines = ["", f"Taxes: VAT {f.vat_rate:.1%} on vendor invoices, {f.vat_recovery:.0%} of it recovered; corporation "
                 f"tax {f.corporation_tax_rate:.1%}, one-off costs deducted in year {f.one_off_tax_year} (after-tax "
                 "view: the ranking above is pre-tax)"]
    rows = [(("* " if s.id == result.best else "  ") + label(s, "en"), _k(s.vat_borne), _k(s.npv_cost_after_tax),
             "reference" if s.kind == "inhouse" else _k(s.npv_savings_after_tax), "yes" if s.staff_transfer else "-")
            for s in result.scenarios]
    return lines + _table(("Scenario", f"VAT not recovered, NPV k{cur}", f"NPV cost after tax k{cur}",
                           f"NPV savings after tax k{cur}", "Staff transfer"), rows)


def quote_checks(result: Comparison) -> list[str]:
    """One line per quote committing to less than a live channel's target (not comparable, its service
    gap priced), and per per-FTE quote whose proposed FTE fall short of what the work needs at the
    vendor's own productive hours (it is then billed for what the work needs)."""
    lines, quotes, cur = [], {v.name: v for v in result.case.vendors}, result.case.case.currency
    for s in result.scenarios:
        if s.kind != "outsourced":
            continue
        v = quotes[s.vendor]
        short = [f"{c.name} {c.service_level:.0%}" for c in result.case.channels
                 if c.kind == "live" and v.committed_service_level < c.service_level - 1e-9]
        if short:
            lines.append(f"{s.vendor} commits to {v.committed_service_level:.0%} of contacts answered in time, "
                         f"below the target ({', '.join(short)}): not comparable, never recommended; its cost "
                         f"includes the customers its service gap loses ({_k(s.cost_lines['service_gap'][0])} "
                         f"k{cur} in year 1).")
        if v.pricing_model == "per_fte_month" and v.fte_proposed and max(s.vendor_fte_needed) > v.fte_proposed:
            lines.append(f"{s.vendor} proposes {v.fte_proposed:g} FTE; the work needs up to "
                         f"{max(s.vendor_fte_needed):.1f} FTE at {v.hours_per_fte_month:g} worked hours per "
                         f"FTE-month and {v.shrinkage:.0%} shrinkage: billed for what it needs.")
    return lines


def decision_analytics(result: Comparison) -> tuple[dict, str, str]:
    """``compare``'s analytics: the JSON object extended with them, their text sections (economic
    view, vendor scoring, break-even, tornado, Monte Carlo, recommendation with risk) and the line of
    their run times (:func:`timings`)."""
    from ..analytics.summary import analyse, extend_json
    analysis = analyse(result)
    data = extend_json(result.as_json(), result, analysis)
    data["recommendation_en"] = recommendation(result, "en", analysis.risk, analysis.tornado)
    data["recommendation_fr"] = recommendation(result, "fr", analysis.risk, analysis.tornado)
    return data, analysis_text(result, analysis), timings(analysis.tornado, analysis.risk)


def timings(tornado: Tornado | None, risk: RiskResult | None) -> str:
    """How long the tornado and the Monte Carlo took, in one line: what ``--json`` prints on stderr
    (the JSON itself never depends on the clock)."""
    parts = []
    if tornado is not None:
        parts.append(f"tornado {tornado.evaluations} range ends in {tornado.seconds:.2f} s")
    if risk is not None:
        parts.append(f"Monte Carlo {risk.draws} draws in {risk.seconds:.2f} s")
    return "timings: " + ", ".join(parts)


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
        rows.append((("* " if s.id == e.best_economic else "  ") + label(s, "en"), f"{x.lost_contacts[0]:,.0f}".replace(",", " "),
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
    lines += ["", f"Sensitivity of the NPV of savings of {label(result.scenario(t.scenario_id), 'en')} "
                  f"(base {_k(t.base_npv_savings)} k{cur}; {t.evaluations} range ends costed, {t.seconds:.2f} s)"]
    head = ("Driver", "Range (low / high)", f"At low k{cur}", f"At high k{cur}", f"Swing k{cur}")
    rows = [(bar.label_en, _change(bar, "en"), _k(bar.npv_savings_low), _k(bar.npv_savings_high), _k(bar.swing))
            for bar in t.bars]
    lines += _table(head, rows)

    k = a.risk
    lines += ["", f"Monte Carlo ({k.draws} draws, seed {k.seed}, {k.distribution}; run `risk` for more draws)"]
    lines += risk_table(result, k)
    lines += ["", recommendation(result, "en", k, t)]
    return "\n".join(lines)


def risk_table(result: Comparison, risk: RiskResult) -> list[str]:
    cur = result.case.case.currency
    head = ("Scenario", f"NPV cost P10 k{cur}", "P50", "P90", f"NPV savings P10 k{cur}", "P50", "P90",
            "P(cheapest)")
    rows = [(label(s, "en"), _k(s.npv_cost_p10), _k(s.npv_cost_p50), _k(s.npv_cost_p90),
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
    lines.append(recommendation(result, "en", risk, tornado))
    return "\n".join(lines)


def _table(head, rows) -> list[str]:
    widths = [max(len(str(r[i])) for r in list(rows) + [head]) for i in range(len(head))]
    fmt = lambda r: "  " + "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                                     for i, (c, w) in enumerate(zip(r, widths)))
    return [fmt(head), "  " + "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows]
