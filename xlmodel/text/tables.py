"""What ``compare`` and ``risk`` print in the terminal: tables and their sections, in English or French.

Every line fits :data:`WIDTH` characters: a table's first column (a scenario's, vendor's or driver's
name) wraps onto continuation lines, headers stand on two lines, sentences wrap.  Numbers follow the
language (``7,841`` and ``15.2%`` in English, ``7 841`` and ``15,2 %`` in French).

:func:`decision_analytics` also gives ``compare --json``'s object extended with the analytics and the
recommendation in both languages.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from ..engine import Comparison
from ..profile import summary as profile_summary
from . import choice_label, currency_text, label, pick, price_units, terminal_words, words
from .notes import analytics_note
from .continuity import continuity_lines
from .sentences import _change, number, price, recommendation

if TYPE_CHECKING:
    from ..analytics.montecarlo import RiskResult
    from ..analytics.sensitivity import Tornado
    from ..analytics.summary import Analysis

WIDTH = 100  # characters of the widest line printed


def _k(value: float | None, lang: str) -> str:
    """Thousands: ``7,841`` (``7 841`` in French) for 7 841 431; ``-`` for None; tables say ``k`` in the header."""
    return "-" if value is None else number(value / 1000, 0, lang)


def _pct(value: float | None, lang: str, decimals: int = 1) -> str:
    return "-" if value is None else number(100 * value, decimals, lang) + terminal_words(lang)["percent"]


def counted(n: int, word: str, lang: str) -> str:
    """``1 channel``, ``3 channels``, ``3 canaux`` (``word`` a key of the terminal words with ``_one``/``_many``)."""
    w = terminal_words(lang)
    return f"{number(n, 0, lang)} {w[word + ('_one' if n == 1 else '_many')]}"


def comparison_table(result: Comparison, lang: str = "en") -> str:
    """The scenarios in two tables (costs, then returns and FTE), units in the headers, then the notes,
    the quote checks, the recommendation and the taxes."""
    case, w = result.case, terminal_words(lang)
    cur, f = currency_text(case.case.currency, lang), case.finance
    lines = _wrap(w["head"].format(name=case.case.name, years=counted(f.horizon_years, "year", lang),
                                   start=f.start_year, rate=_pct(f.discount_rate, lang), cur=cur,
                                   channels=counted(len(case.channels), "channel", lang),
                                   quotes=counted(len(case.vendors), "quote", lang)))
    names = [_name(s, result.best, lang) for s in result.scenarios]
    costs = [(n, _k(s.annual_cost[0], lang), _k(s.one_off_cost, lang), _k(s.npv_cost, lang),
              w["reference"] if s.kind == "inhouse" else _k(s.npv_savings, lang), _payback(s, lang))
             for n, s in zip(names, result.scenarios)]
    lines += _table(tuple(h.format(cur=cur) for h in w["costs_head"]), costs)
    returns = [(n, _ratio(s, s.roi, lang), _ratio(s, s.irr, lang, s.irr_note),
                "-" if s.cost_per_contact[0] is None else number(s.cost_per_contact[0], 2, lang),
                number(s.fte[0], 1, lang), number(s.vendor_fte[0], 1, lang))
               for n, s in zip(names, result.scenarios)]
    lines += [""] + _table(tuple(h.format(cur=cur) for h in w["returns_head"]), returns)
    lines += [""] + _wrap(w["reference_note"]) + _wrap(w["fte_note"])
    if (profile := profile_summary(result)) is not None:
        lines += _wrap(w["arrival_profile"].format(
            days=len(profile["days"]) or 1, slots=len(profile["slots"]) or 1,
            shift=number(profile["min_shift_hours"], 1, lang), agents=number(profile["inhouse_agents_year1"], 1, lang),
            even=number(profile["inhouse_agents_year1_even"], 1, lang)))
    for check in quote_checks(result, lang):
        lines += _wrap(check)
    lines += _wrap(recommendation(result, lang))
    lines += tax_table(result, lang)
    lines += continuity_lines(result, lang)  # issue 14: a vendor's failure, the way back in-house
    return "\n".join(lines)


def _name(s, best: str, lang: str) -> str:
    return ("* " if s.id == best else "") + label(s, lang)


def _payback(s, lang: str) -> str:
    w = terminal_words(lang)
    if s.kind == "inhouse":
        return w["reference"]
    if s.kind == "status_quo":
        return w["not_applicable"]
    return w["not_reached"] if s.payback_months is None else str(s.payback_months)


def _ratio(s, value, lang: str, note: str | None = None) -> str:
    w = terminal_words(lang)
    if s.kind == "inhouse":
        return w["reference"]
    return note or ("-" if value is None else _pct(value, lang))


def tax_table(result: Comparison, lang: str = "en") -> list[str]:
    """VAT not recovered, staff transfers and the after-tax view (issue 15), beside the pre-tax table."""
    f, cur, w = result.case.finance, currency_text(result.case.case.currency, lang), terminal_words(lang)
    lines = [""] + _wrap(w["taxes"].format(vat=_pct(f.vat_rate, lang), recovered=_pct(f.vat_recovery, lang, 0),
                                           tax=_pct(f.corporation_tax_rate, lang), year=f.one_off_tax_year))
    rows = [(_name(s, result.best, lang), _k(s.vat_borne, lang), _k(s.npv_cost_after_tax, lang),
             w["reference"] if s.kind == "inhouse" else _k(s.npv_savings_after_tax, lang),
             w["yes"] if s.staff_transfer else "-")
            for s in result.scenarios]
    return lines + _table(tuple(h.format(cur=cur) for h in w["tax_head"]), rows)


def quote_checks(result: Comparison, lang: str = "en") -> list[str]:
    """One line per quote committing to less than a live channel's target (not comparable, its service
    gap priced), and per per-FTE quote whose proposed FTE fall short of what the work needs at the
    vendor's own productive hours (it is then billed for what the work needs)."""
    lines, quotes = [], {v.name: v for v in result.case.vendors}
    cur = currency_text(result.case.case.currency, lang)
    w = terminal_words(lang)
    for s in result.scenarios:
        if s.kind != "outsourced":
            continue
        v = quotes[s.vendor]
        short = [f"{c.name} {_pct(c.service_level, lang, 0)}" for c in result.case.channels
                 if c.kind == "live" and v.committed_service_level < c.service_level - 1e-9]
        if short:
            lines.append(w["below_target"].format(vendor=s.vendor, level=_pct(v.committed_service_level, lang, 0),
                                                  short=", ".join(short), cur=cur,
                                                  gap=_k(s.cost_lines["service_gap"][0], lang)))
        if v.pricing_model == "per_fte_month" and v.fte_proposed and max(s.vendor_fte_needed) > v.fte_proposed:
            lines.append(w["fte_short"].format(vendor=s.vendor, proposed=number(v.fte_proposed, 0, lang),
                                               needed=number(max(s.vendor_fte_needed), 1, lang),
                                               hours=f"{v.hours_per_fte_month:g}",
                                               shrinkage=_pct(v.shrinkage, lang, 0)))
    return lines


def decision_analytics(result: Comparison, lang: str = "en") -> tuple[dict, str, str]:
    """``compare``'s analytics: the JSON object extended with them, their text sections (economic
    view, vendor scoring, break-even, tornado, Monte Carlo, recommendation with risk) and the line of
    their run times (:func:`timings`)."""
    from ..analytics.summary import analyse, extend_json
    analysis = analyse(result)
    data = extend_json(result.as_json(), result, analysis)
    data["recommendation_en"] = recommendation(result, "en", analysis.risk, analysis.tornado)
    data["recommendation_fr"] = recommendation(result, "fr", analysis.risk, analysis.tornado)
    return data, analysis_text(result, analysis, lang), timings(analysis.tornado, analysis.risk)


def timings(tornado: Tornado | None, risk: RiskResult | None) -> str:
    """How long the tornado and the Monte Carlo took, in one line: what ``--json`` prints on stderr
    (the JSON itself never depends on the clock)."""
    parts = []
    if tornado is not None:
        parts.append(f"tornado {tornado.evaluations} range ends in {tornado.seconds:.2f} s")
    if risk is not None:
        parts.append(f"Monte Carlo {risk.draws} draws in {risk.seconds:.2f} s")
    return "timings: " + ", ".join(parts)


def analysis_text(result: Comparison, a: Analysis, lang: str = "en") -> str:
    """The analytics sections of ``compare``'s terminal output."""
    w, t, cur = terminal_words(lang), a.tornado, currency_text(result.case.case.currency, lang)
    lines = [""] + _wrap(words(lang)["portfolio_analytics"]) if result.case.portfolios else []  # what applies
    lines += _economics(result, a, lang) + _scoring(a, lang) + _break_even(result, a, lang)
    lines += [""] + _wrap(w["tornado_title"].format(scenario=label(result.scenario(t.scenario_id), lang),
                                                    base=_k(t.base_npv_savings, lang), cur=cur,
                                                    ends=t.evaluations, seconds=number(t.seconds, 2, lang)))
    rows = [(label(bar, lang), _change(bar, lang), _k(bar.npv_savings_low, lang), _k(bar.npv_savings_high, lang),
             _k(bar.swing, lang)) for bar in t.bars]
    lines += _table(tuple(h.format(cur=cur) for h in w["tornado_head"]), rows)
    k = a.risk
    lines += [""] + _wrap(w["risk_title"].format(draws=number(k.draws, 0, lang), seed=k.seed,
                                                 distribution=choice_label(k.distribution, lang)))
    lines += risk_table(result, k, lang)
    lines += [""] + _wrap(recommendation(result, lang, k, t))
    return "\n".join(lines)


def _economics(result: Comparison, a: Analysis, lang: str) -> list[str]:
    """The cost of inaction and the economic view (the customers lost priced into the NPV of cost)."""
    case, e, w = result.case, a.economics, terminal_words(lang)
    cur = currency_text(case.case.currency, lang)
    lines = ["", w["economics_title"]]
    lines += _wrap(w["inaction"].format(lost=number(e.lost_contacts_today_per_year, 0, lang),
                                        per_day=f"{case.inhouse.lost_contacts_per_day:g}",
                                        days=f"{e.open_days_per_year:g}", value=number(e.value_per_lost_contact, 2, lang),
                                        churn=_pct(case.customer.churn_share, lang, 0),
                                        customer=number(case.customer.value_per_lost_customer, 0, lang), cur=cur,
                                        cost=_k(e.cost_of_inaction_per_year, lang)), indent="  ")
    rules = ", ".join(f"{k} {w['rule_' + v]} ({_pct(e.lost_share_by_channel[k], lang)})"
                      for k, v in e.rule_by_channel.items())
    lines += _wrap(w["lost_share"].format(rules=rules), indent="  ")
    rows = [(("* " if s.id == e.best_economic else "") + label(s, lang), number(x.lost_contacts[0], 0, lang),
             _k(s.npv_cost, lang), _k(x.npv_lost_customer_value, lang), _k(x.economic_npv_cost, lang),
             w["reference"] if s.kind == "inhouse" else _k(x.economic_npv_savings, lang))
            for s, x in zip(result.scenarios, e.scenarios)]
    return lines + _table(tuple(h.format(cur=cur) for h in w["economics_head"]), rows)


def _scoring(a: Analysis, lang: str) -> list[str]:
    """The vendor scoring, one column per vendor (as many tables as the width needs)."""
    r, w = a.ranking, terminal_words(lang)
    weights = ", ".join(f"{_criterion(k, lang).split(' (')[0].lower()} {_pct(v, lang, 0)}" for k, v in r.weights.items())
    lines = [""] + _wrap(w["scoring_title"].format(weights=weights))
    head_width = max(len(x) for x in (*map(lambda k: _criterion(k, lang), r.weights), w["total"], w["rank"],
                                      w["criterion"]))
    per_table = max(1, (WIDTH - 2 - head_width - 8) // 18)
    for start in range(0, len(r.vendors), per_table):
        chunk = r.vendors[start:start + per_table]
        head = (w["criterion"], w["weight"]) + tuple(textwrap.fill(v.vendor, 16) for v in chunk)
        rows = [(_criterion(crit, lang), _pct(weight, lang, 0), *(number(v.scores[crit], 1, lang) for v in chunk))
                for crit, weight in r.weights.items()]
        rows += [(w["total"], "", *(number(v.total, 2, lang) for v in chunk)),
                 (w["rank"], "", *(str(v.rank) for v in chunk))]
        lines += _table(head, rows)
    for v in r.vendors:
        if v.knocked_out:
            lines += _wrap(w["knocked_out"].format(vendor=v.vendor, reasons="; ".join(
                analytics_note(reason, lang) for reason in v.knocked_out)), indent="  ")
    return lines + _wrap(analytics_note(label(r, lang, "reason"), lang), indent="  ")


def _criterion(criterion: str, lang: str) -> str:
    """A scoring criterion's label (``Price (NPV of cost)``, ``Prix (VAN des coûts)``)."""
    from ..analytics.scoring import CRITERIA
    return next(pick(lang, en, fr) for key, en, fr in CRITERIA if key == criterion)


def _break_even(result: Comparison, a: Analysis, lang: str) -> list[str]:
    """Each quote's price and the price, and the volume, at which it costs what in-house does."""
    b, w, cur = a.break_even, terminal_words(lang), currency_text(result.case.case.currency, lang)
    lines = ["", w["break_even_title"]]
    rows = [(v.vendor, f"{cur} {price_units(lang)[v.pricing_model]}",
             price(v.price, v.pricing_model, cur, lang, unit=False, typed=True),
             "-" if v.break_even_price is None else price(v.break_even_price, v.pricing_model, cur, lang, unit=False),
             "-" if v.price_headroom is None else ("+" if v.price_headroom >= 0 else "") + _pct(v.price_headroom, lang),
             "-" if v.break_even_volume is None else number(v.break_even_volume, 0, lang)) for v in b.vendors]
    lines += _table(w["break_even_head"], rows)
    for v in b.vendors:
        note = "; ".join(analytics_note(x, lang) for x in (v.price_note, v.volume_note) if x)
        if note:
            lines += _wrap(f"{v.vendor}{words(lang)['colon']}{note}", indent="  ")
    for h in b.hybrid_share:
        lines += _wrap(w["hybrid_share"].format(vendor=h.vendor, share=_pct(h.best_share, lang, 0),
                                                npv=_k(h.npv_cost_at_best, lang), cur=cur), indent="  ")
    return lines


def risk_table(result: Comparison, risk: RiskResult, lang: str = "en") -> list[str]:
    w, cur = terminal_words(lang), currency_text(result.case.case.currency, lang)
    rows = [(label(s, lang), _k(s.npv_cost_p10, lang), _k(s.npv_cost_p50, lang), _k(s.npv_cost_p90, lang),
             w["reference"] if s.kind == "inhouse" else _k(s.npv_savings_p10, lang),
             "" if s.kind == "inhouse" else _k(s.npv_savings_p50, lang),
             "" if s.kind == "inhouse" else _k(s.npv_savings_p90, lang),
             "-" if not s.meets_target_service else _pct(s.p_cheapest, lang)) for s in risk.scenarios]
    return _table(tuple(h.format(cur=cur) for h in w["risk_head"]), rows)


def risk_text(result: Comparison, risk: RiskResult, tornado: Tornado | None = None, lang: str = "en") -> str:
    """The terminal output of ``risk``."""
    case, w = result.case, terminal_words(lang)
    lines = _wrap(w["risk_head_line"].format(name=case.case.name, draws=number(risk.draws, 0, lang), seed=risk.seed,
                                             distribution=choice_label(risk.distribution, lang),
                                             seconds=number(risk.seconds, 2, lang)))
    lines.append(w["drivers_drawn"])
    from ..analytics.drivers import driver
    for d in risk.drivers:
        if d["drawn"]:
            unit = words(lang)["percent_sign"] if d["kind"] == "rel" else " " + w["points"]
            low, high = (f"{100 * x:+g}".replace(".", words(lang)["decimal_mark"]) + unit for x in (d["low"], d["high"]))
            lines += _wrap(f"{label(driver(d['id']), lang)}{words(lang)['colon']}{low} / 0 / {high}", indent="  ")
    lines += risk_table(result, risk, lang)
    lines += _wrap(w["p_cheapest_note"])
    lines += _wrap(recommendation(result, lang, risk, tornado))
    return "\n".join(lines)


# Spaces a line never breaks at: inside a number (7 841), before its unit (20 s, 15 %, 3 pts, 700 kEUR,
# 4 913 134 €) and before French punctuation (" :", " ;").
_KEEP = re.compile(r"(?<=\d) (?=\d{3}\b)|(?<=\d) (?=(?:%|€|[A-Za-z]{1,4})(?:\W|$))| (?=[:;!?»])|(?<=«) ")


def _fill(text: str, width: int, indent: str = "", more: str = "  ") -> list[str]:
    """``text`` wrapped to ``width`` characters, without breaking the spaces :data:`_KEEP` holds."""
    held = _KEEP.sub("\u00a0", text)
    lines = textwrap.wrap(held, width, initial_indent=indent, subsequent_indent=indent + more,
                          break_on_hyphens=False) or [""]
    return [line.replace("\u00a0", " ") for line in lines]


def _wrap(text: str, indent: str = "") -> list[str]:
    """A sentence wrapped to :data:`WIDTH`, each line indented by ``indent``, continuations two more."""
    return _fill(text, WIDTH, indent)


def _table(head: tuple[str, ...], rows: list[tuple]) -> list[str]:
    """A table indented by two spaces: headers on as many lines as their ``\\n`` say, numbers right-aligned;
    the first column wraps so that no line passes :data:`WIDTH` characters."""
    heads = [h.split("\n") for h in head]
    depth = max(len(h) for h in heads)
    heads = [[""] * (depth - len(h)) + h for h in heads]  # headers sit on the bottom line
    widths = [max([len(x) for x in heads[i]] + [len(str(r[i])) for r in rows]) for i in range(len(head))]
    room = WIDTH - 2 - sum(widths[1:]) - 2 * (len(widths) - 1)
    widths[0] = max(12, min(widths[0], room))

    def line(cells) -> str:
        return "  " + "  ".join(str(c).ljust(wd) if i == 0 else str(c).rjust(wd)
                                for i, (c, wd) in enumerate(zip(cells, widths))).rstrip()

    out = [line([h[k] for h in heads]) for k in range(depth)]
    out.append("  " + "  ".join("-" * wd for wd in widths))
    for r in rows:
        first = _fill(str(r[0]), widths[0])
        out.append(line([first[0], *r[1:]]))
        out.extend(line([more] + [""] * (len(r) - 1)) for more in first[1:])
    return out
