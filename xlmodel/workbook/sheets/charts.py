"""The charts: on the Dashboard, the cost by scenario stacked by cost line, the cumulative cash flow
with the payback point and the tornado; on the Risk sheet, the histogram of the NPV of savings.
Each reads its series from the rows the plan gave the Compare and Risk sheets."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.series import SeriesLabel

from ...model import COST_LINES
from ...text import pick
from ..content import Content
from ..layout import Plan, Span


def cost_chart(compare_ws, plan: Plan, c: Content) -> BarChart:
    """Average annual cost of each scenario, stacked by cost line."""
    lay, n = plan.compare, len(c.model.scenarios)
    bar = BarChart()
    bar.type, bar.grouping, bar.overlap = "col", "stacked", 100
    bar.title = c.t["chart_cost"]
    for r in lay.average_lines.rows:
        series_ref = Reference(compare_ws, min_col=3, max_col=2 + n, min_row=r)
        bar.add_data(series_ref, from_rows=True, titles_from_data=False)
        bar.series[-1].tx = None
    for s, (line, en, fr) in zip(bar.series, COST_LINES):
        s.tx = SeriesLabel(v=pick(c.lang, en, fr))
    bar.set_categories(Reference(compare_ws, min_col=3, max_col=2 + n, min_row=lay.short_labels))
    bar.height, bar.width = 10, 15
    bar.y_axis.title = c.cur
    bar.y_axis.numFmt = "#,##0"
    return bar


def cash_chart(compare_ws, plan: Plan, c: Content) -> LineChart:
    """Cumulative net cash flow of each scenario against in-house, year 0 to the horizon."""
    c0, c1 = plan.compare.cumulative.first, plan.compare.cumulative.last
    line = LineChart()
    line.title = c.t["chart_cash"]
    for j, scenario in enumerate(c.model.scenarios):
        if scenario.kind == "inhouse":
            continue
        line.add_data(Reference(compare_ws, min_col=3 + j, min_row=c0, max_row=c1), titles_from_data=False)
        line.series[-1].tx = SeriesLabel(v=c.label(scenario))
    line.set_categories(Reference(compare_ws, min_col=2, min_row=c0, max_row=c1))
    line.height, line.width = 10, 15
    line.y_axis.title = c.cur
    line.y_axis.numFmt = "#,##0"
    line.x_axis.title = c.t["year"]
    return line


TORNADO_BARS = 12  # the chart's bars: the largest swings (the Risk sheet lists every driver)


def tornado_chart(risk_ws, plan: Plan, c: Content) -> BarChart:
    """The change of the NPV of savings at each end of the drivers' ranges, the
    :data:`TORNADO_BARS` largest swings, largest on top."""
    t, span = c.t, plan.risk.tornado
    last = min(span.last, span.first + TORNADO_BARS - 1)  # the rows are sorted by swing
    tornado = BarChart()
    tornado.type, tornado.grouping, tornado.overlap = "bar", "clustered", 100
    tornado.title = t["chart_tornado_top"].format(count=last - span.first + 1)
    for letter_col, name in ((6, t["delta_low"]), (7, t["delta_high"])):
        tornado.add_data(Reference(risk_ws, min_col=letter_col, min_row=span.first, max_row=last),
                         titles_from_data=False)
        tornado.series[-1].tx = SeriesLabel(v=name)
    tornado.set_categories(Reference(risk_ws, min_col=1, min_row=span.first, max_row=last))
    tornado.y_axis.title = f"{t['npv_savings']} ({c.cur})"
    tornado.y_axis.numFmt = "#,##0"
    tornado.x_axis.scaling.orientation = "maxMin"  # largest swing on top
    tornado.x_axis.tickLblPos = "low"  # driver names left of the bars, not across them
    tornado.legend.position = "b"
    tornado.height, tornado.width = 10, 15
    return tornado


def histogram_chart(risk_ws, bins: Span, t: dict) -> BarChart:
    """Draws per bin of the NPV of savings (counts in column D, bin labels in column C)."""
    chart = BarChart()
    chart.type = "col"
    chart.title = f"{t['histogram']} ({t['npv_savings']})"
    chart.add_data(Reference(risk_ws, min_col=4, min_row=bins.first, max_row=bins.last), titles_from_data=False)
    chart.set_categories(Reference(risk_ws, min_col=3, min_row=bins.first, max_row=bins.last))
    chart.legend = None
    chart.height, chart.width = 8, 16
    return chart
