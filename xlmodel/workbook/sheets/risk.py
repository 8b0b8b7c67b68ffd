"""The Risk sheet: the decision analytics computed in Python (tornado, Monte Carlo, vendor scoring,
break-evens, economic view), written as values with the base they came from and a check that says
when they are out of date.  Each block must fit the rows the plan gave it (:func:`_fits`)."""

from __future__ import annotations

from openpyxl.styles import Alignment

from ...model import RowKey
from ...schema import PRICE_DECIMALS, RISK, SCORING
from ...analytics.scoring import CRITERIA
from ...text import NAME_DASH, after_colon, choice_label, pick
from ...text.notes import analytics_note
from ...text.numbers import amount, number
from ...text.sentences import analytics_sentence, decision_lines
from .. import styles
from ..content import Content
from ..layout import HISTOGRAM_BINS, Plan, Span, col, defined_name
from ..printing import used_columns
from .charts import histogram_chart, over_columns


def _fits(span: Span, items, what: str):
    """The analysis must have one item per planned row: a mismatch is a bug, not bad input."""
    if len(span) != len(items):
        raise RuntimeError(f"the Risk sheet was planned with {len(span)} rows of {what}; "
                           f"the analysis has {len(items)}")


def write(ws, plan: Plan, c: Content):
    """Python-computed decision analytics, written as values with the base they came from."""
    t, lay = c.t, plan.risk
    a = c.analysis
    styles.title(ws, "A1", t["risk_title"])
    ws["A2"] = t["risk_help"]
    if c.case.portfolios:
        ws["A3"] = t["portfolio_analytics"]
    # Staleness: these values hold while the native NPV of savings of the tornado's scenario and
    # every scenario's NPV of cost are still the ones they were computed from (the economic view
    # keeps them), the staffing sizing is current and no scoring or risk setting changed.
    x = plan.compare.columns[a.tornado.scenario_id]
    styles.section(ws, "A4", t["risk_base"])
    ws[f"A{lay.scenario_row}"] = t["risk_scenario"]
    styles.write_text(ws, f"B{lay.scenario_row}", c.label(c.result.scenario(a.tornado.scenario_id)))
    ws[f"A{lay.analysed_row}"] = t["risk_base_at_analysis"]
    styles.write_computed(ws, f"B{lay.analysed_row}", a.tornado.base_npv_savings, c.money)
    ws[f"A{lay.now_row}"] = t["risk_base_now"]
    ws[f"B{lay.now_row}"] = f"=Compare!{x}{plan.compare.npv_savings}"
    ws[f"B{lay.now_row}"].number_format = c.money
    ws[f"A{lay.current_row}"] = t["risk_current"]
    costs = "*".join(f"(ABS(B{r}-Compare!{plan.compare.columns[sid]}{plan.compare.npv_cost})"
                     f"<=CHECK_TOLERANCE*MAX(1,ABS(B{r})))" for sid, r in lay.economic.items())
    ws[f"B{lay.current_row}"] = (f"=(ABS(B7-B6)<=CHECK_TOLERANCE*MAX(1,ABS(B7)))*{plan.staffing.current_ref}"
                                 f"*(SUM(D{lay.settings.first}:D{lay.settings.last})=0)*{costs}")
    _tornado(ws, plan, c)
    histogram = _monte_carlo(ws, plan, c)
    _scoring(ws, plan, c)
    _break_even(ws, plan, c)
    _economics(ws, plan, c)
    _settings(ws, plan, c)
    _sentences(ws, plan, c)
    ws.column_dimensions["A"].width = 48
    for j in range(2, 14):
        ws.column_dimensions[col(j)].width = 15
    ws.column_dimensions["C"].width = 18  # the histogram's bin labels ("1 666 à 2 136 k€") on one line
    # The histogram spans the columns from F to the last the sheet prints (the scoring table's): put at
    # I with a fixed width of 16 cm, it ran past the print area in LibreOffice, whose columns print
    # wider than Excel's, and the page cut its last bar and label.
    over_columns(histogram, HISTOGRAM_FIRST_COLUMN, used_columns(ws), lay.histogram.first - 2, lay.histogram.last)
    ws.add_chart(histogram)


HISTOGRAM_FIRST_COLUMN = 6
"""The histogram's chart starts at column F, after its table (columns A to D) and a blank column."""


def _tornado(ws, plan: Plan, c: Content):
    t, lay, tornado = c.t, plan.risk, c.analysis.tornado
    _fits(lay.tornado, tornado.bars, "tornado bars")
    styles.section(ws, f"A{lay.tornado_title}", t["chart_tornado"])
    styles.header_row(ws, lay.tornado_title + 1, [t["driver"], t["low_change"], t["high_change"], t["at_low"],
                                                  t["at_high"], t["delta_low"], t["delta_high"]])
    for r, bar in zip(lay.tornado.rows, tornado.bars):
        ws[f"A{r}"] = c.label(bar)
        pct = styles.PERCENT
        styles.write_computed(ws, f"B{r}", bar.low_change, pct)
        styles.write_computed(ws, f"C{r}", bar.high_change, pct)
        styles.write_computed(ws, f"D{r}", bar.npv_savings_low, c.money)
        styles.write_computed(ws, f"E{r}", bar.npv_savings_high, c.money)
        ws[f"F{r}"] = f"=D{r}-$B$6"  # change from the base saving
        ws[f"G{r}"] = f"=E{r}-$B$6"
        ws[f"F{r}"].number_format = ws[f"G{r}"].number_format = c.money


def _monte_carlo(ws, plan: Plan, c: Content):
    """Percentiles of the NPV of savings and P(cheapest) by scenario, then the histogram of the
    recommended scenario (or the tornado's, when in-house is recommended)."""
    t, lay, a = c.t, plan.risk, c.analysis
    risk = a.risk
    _fits(lay.monte_carlo, risk.scenarios, "Monte Carlo scenarios")
    styles.section(ws, f"A{lay.monte_carlo_title}",
                   f"{t['monte_carlo']} ({number(risk.draws, 0, c.lang)} {t['draws']}, {t['seed']} {risk.seed})")
    styles.header_row(ws, lay.monte_carlo_title + 1,
                      [t["scenario"], "P10", "P50", "P90", t["p_cheapest"], t["npv_cost"] + " P50"])
    for r, sr in zip(lay.monte_carlo.rows, risk.scenarios):
        ws[f"A{r}"] = c.label(sr)
        for letter, value in zip("BCD", (sr.npv_savings_p10, sr.npv_savings_p50, sr.npv_savings_p90)):
            styles.write_computed(ws, f"{letter}{r}", value, c.money)
        styles.write_computed(ws, f"E{r}", sr.p_cheapest, styles.PERCENT)
        styles.write_computed(ws, f"F{r}", sr.npv_cost_p50, c.money)
    ws[f"A{lay.monte_carlo_note}"] = t["risk_note"]
    best = c.result.best if c.result.best != "inhouse" else a.tornado.scenario_id
    hist = risk.histogram(best, bins=HISTOGRAM_BINS)
    _fits(lay.histogram, hist["counts"], "histogram bins")
    scenario = after_colon(c.label(c.result.scenario(best)), c.lang)  # "Distribution ...: Outsourced – Acme"
    styles.section(ws, f"A{lay.histogram_title}", f"{t['histogram']}{t['colon']}{scenario}")
    styles.header_row(ws, lay.histogram_title + 1, [t["bin_from"], t["bin_to"], t["bin_label"], t["count"]])
    for k, (r, count) in enumerate(zip(lay.histogram.rows, hist["counts"])):
        lo, hi = hist["edges"][k], hist["edges"][k + 1]
        styles.write_computed(ws, f"A{r}", lo, c.money)
        styles.write_computed(ws, f"B{r}", hi, c.money)
        ws[f"C{r}"] = t["bin_range"].format(low=number(lo / 1000, 0, c.lang), high=number(hi / 1000, 0, c.lang),
                                            symbol=styles.currency_symbol(c.cur))
        ws[f"C{r}"].alignment = Alignment(horizontal="left", indent=1)  # apart from the amount before it
        styles.write_computed(ws, f"D{r}", count, styles.INTEGER)
    return histogram_chart(ws, lay.histogram, t)


def _scoring(ws, plan: Plan, c: Content):
    t, lay, ranking = c.t, plan.risk, c.analysis.ranking
    _fits(lay.scoring, ranking.vendors, "scored vendors")
    styles.section(ws, f"A{lay.scoring_title}", t["scoring"])
    criteria = list(ranking.weights)
    headers = [pick(c.lang, *CRITERION_LABELS[crit]) for crit in criteria]
    styles.header_row(ws, lay.scoring_title + 1, [t["vendor"]] + headers + [t["total"], t["rank"], t["knock_out"]])
    r = lay.weights_row
    ws[f"A{r}"] = t["weights"]
    for j, crit in enumerate(criteria):
        styles.write_computed(ws, f"{col(2 + j)}{r}", ranking.weights[crit], styles.PERCENT)
    for r, vs in zip(lay.scoring.rows, ranking.vendors):
        styles.write_text(ws, f"A{r}", vs.vendor)
        for j, crit in enumerate(criteria):
            styles.write_computed(ws, f"{col(2 + j)}{r}", vs.scores.get(crit), "0.0")
        styles.write_computed(ws, f"{col(2 + len(criteria))}{r}", vs.total, "0.00")
        styles.write_computed(ws, f"{col(3 + len(criteria))}{r}", vs.rank, "0")
        ws[f"{col(4 + len(criteria))}{r}"] = ", ".join(analytics_note(k, c.lang) for k in vs.knocked_out) or "-"
        ws[f"{col(4 + len(criteria))}{r}"].alignment = Alignment(horizontal="left", indent=1)  # apart from the rank
    ws[f"A{lay.scoring_reason}"] = analytics_note(c.label(ranking, "reason"), c.lang)


def _break_even(ws, plan: Plan, c: Content):
    t, lay, be = c.t, plan.risk, c.analysis.break_even
    _fits(lay.break_even, be.vendors, "break-even vendors")
    _fits(lay.hybrid_share, be.hybrid_share, "hybrid shares")
    styles.section(ws, f"A{lay.break_even_title}", t["break_even"])
    styles.header_row(ws, lay.break_even_title + 1, [t["vendor"], t["pricing_model"], t["price"],
                                                     t["break_even_price"], t["headroom"], t["break_even_volume"],
                                                     t["note"]])
    for r, vb in zip(lay.break_even.rows, be.vendors):
        styles.write_text(ws, f"A{r}", vb.vendor)
        ws[f"B{r}"] = choice_label(vb.pricing_model, c.lang)
        price_format = "#,##0." + "0" * PRICE_DECIMALS.get(vb.pricing_model, 2)  # 0.420 a minute, as quoted
        styles.write_computed(ws, f"C{r}", vb.price, price_format)
        styles.write_computed(ws, f"D{r}", vb.break_even_price, price_format)
        styles.write_computed(ws, f"E{r}", vb.price_headroom, styles.PERCENT)
        styles.write_computed(ws, f"F{r}", vb.break_even_volume, styles.INTEGER)
        ws[f"G{r}"] = "; ".join(analytics_note(n, c.lang) for n in (vb.price_note, vb.volume_note) if n)
        for cell in ws[f"A{r}:G{r}"][0]:  # a note on two lines starts level with its row's figures
            note = cell.column == 7  # the note apart from the volume before it
            cell.alignment = Alignment(horizontal="left" if note else cell.alignment.horizontal, indent=int(note),
                                       vertical="top")
    for r, hs in zip(lay.hybrid_share.rows, be.hybrid_share):
        ws[f"A{r}"] = f"{t['best_share']}{t['colon']}{hs.vendor}"
        styles.write_computed(ws, f"D{r}", hs.best_share, styles.PERCENT)
        ws[f"G{r}"] = t["best_share_npv"].format(npv=amount(hs.npv_cost_at_best, c.lang), cur=c.cur_text)
        ws[f"G{r}"].alignment = Alignment(horizontal="left", indent=1)
    if lay.way_back:  # issue 14: the way back's break-even is a model row, live (not a Python value)
        cost, even = lay.way_back.rows
        calc = plan.calc.rows
        ws[f"A{cost}"] = t["rb_return_npv"]
        ws[f"D{cost}"] = f"=Calc!$C${calc[RowKey('ri', 'ri_return_npv')]}"
        ws[f"A{even}"] = t["rb_break_even"]
        ws[f"D{even}"] = f"=Calc!$C${calc[RowKey('ri', 'ri_break_even')]}"
        ws[f"G{even}"] = f'=IF(D{even}<0,"{t["rb_never"]}","{t["rb_pays"]}")'
        for r in (cost, even):
            ws[f"D{r}"].number_format = c.money
            ws[f"D{r}"].alignment = Alignment(vertical="top")  # level with its label's first line
            ws[f"A{r}"].alignment = Alignment(wrap_text=True, vertical="top")
            ws[f"G{r}"].alignment = Alignment(horizontal="left", indent=1, vertical="top")


def _economics(ws, plan: Plan, c: Content):
    t, lay, e = c.t, plan.risk, c.analysis.economics
    if [se.id for se in e.scenarios] != list(lay.economic):
        raise RuntimeError("the Risk sheet's economic rows were planned for other scenarios than the analysis's")
    r = lay.economic_title
    styles.section(ws, f"A{r}", t["economic"])
    ws[f"A{r + 1}"] = t["inaction"]
    styles.write_computed(ws, f"B{r + 1}", e.cost_of_inaction_per_year, c.money)
    styles.header_row(ws, r + 2, [t["scenario"], t["npv_cost"], t["economic_npv_cost"], t["lost_value_npv"]])
    for se in e.scenarios:
        r = lay.economic[se.id]
        sc = c.result.scenario(se.id)
        ws[f"A{r}"] = c.label(sc) if hasattr(sc, "label_en") else se.id
        styles.write_computed(ws, f"B{r}", sc.npv_cost, c.money)
        styles.write_computed(ws, f"C{r}", se.economic_npv_cost, c.money)
        styles.write_computed(ws, f"D{r}", se.npv_lost_customer_value, c.money)


CRITERION_LABELS = {criterion: (en, fr) for criterion, en, fr in CRITERIA}


def _settings(ws, plan: Plan, c: Content):
    """The scoring and risk settings these figures were computed from, against the Inputs sheet now:
    editing one of them makes the Risk sheet stale until it is refreshed."""
    t, lay = c.t, plan.risk
    styles.section(ws, f"A{lay.settings_title}", t["settings_used"])
    styles.header_row(ws, lay.settings_title + 1, [t["label"], t["value_used"], t["value_now"], t["changed"]])
    fields = [(section, f) for section in (SCORING, RISK) for f in section.fields]
    _fits(lay.settings, fields, "settings")
    for r, (section, f) in zip(lay.settings.rows, fields):
        record = getattr(c.case, section.name)
        # "Risk ranges – Volume (all channels): low": the input's label has a colon of its own
        styles.write_text(ws, f"A{r}", f"{c.label(section, 'title')}{NAME_DASH}{c.label(f)}")
        used = getattr(record, f.name)  # a choice as its cell shows it, to compare with the cell
        styles.write_computed(ws, f"B{r}", choice_label(used, c.lang) if f.kind == "choice" else used,
                              c.number_format(f))
        text = f.kind in ("text", "choice")  # an empty text cell links as 0: compare as text
        ws[f"C{r}"] = f"={defined_name(section.name, f.name)}" + ('&""' if text else "")
        ws[f"C{r}"].number_format = c.number_format(f)
        ws[f"D{r}"] = f"=(B{r}<>C{r})*1"
        ws[f"D{r}"].number_format = styles.WHOLE  # a flag, 0 or 1, under its right-aligned header


def _sentences(ws, plan: Plan, c: Content):
    """The analytics in words, as values (the refresh macro rewrites them with the rest of this
    sheet): the Dashboard shows them while they are current, and says they are out of date otherwise."""
    lay, a = plan.risk, c.analysis
    styles.section(ws, f"A{lay.sentences_title}", c.t["analytics_words"])
    lines = [analytics_sentence(c.result, c.lang, a.risk, a.tornado), *decision_lines(a, c.lang, c.cur)]
    _fits(lay.sentences, lines, "sentences")
    for r, line in zip(lay.sentences.rows, lines):
        styles.write_text(ws, f"A{r}", line)
