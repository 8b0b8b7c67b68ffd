"""The charts: on the Dashboard, the cost by scenario stacked by cost line, the cumulative cash flow
with the payback point and the tornado; on the Risk sheet, the histogram of the NPV of savings.
Each reads its series from the rows the plan gave the Compare and Risk sheets.

What keeps a chart readable in every spreadsheet, French labels included: each one spans cells
(a two-cell anchor), so it keeps its share of the page whatever width the application gives a
column; the legend sits below the plot, never beside it, so long names take height rather than the
plot's width; series and categories are named by the scenarios' short labels; every category label
is drawn (a label skip of 1: LibreOffice otherwise drops those that would touch) in a small font;
and the axes are kept (Excel hides an axis whose ``delete`` flag is left out).
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.legend import Legend
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.drawing.text import RichTextProperties

from ...model import COST_LINES
from ...text import pick
from ...text.sentences import short_label
from ..content import Content
from ..layout import Plan, Span
from ..printing import column_width

TITLE_SIZE, LABEL_SIZE, LEGEND_SIZE = 10, 8, 7  # points
SCENARIO_NAME_SIZE = 6  # points: the cost chart's scenario names, one line each at the Dashboard's width
ROTATED = -5400000  # -90 degrees, in 60 000ths of a degree: a label at -45 degrees ran past the right edge
# of the chart from the last bar (the histogram cut its last bin's range, "8,240..8,710 kE", seen on the page)


def _text(size: float, bold: bool = False, rotation: int | None = None) -> RichText:
    """Text properties of a chart part: ``size`` points, bold or not, rotated or not."""
    font = CharacterProperties(sz=int(size * 100), b=bold)
    return RichText(bodyPr=RichTextProperties(rot=rotation, vert="horz") if rotation else RichTextProperties(),
                    p=[Paragraph(pPr=ParagraphProperties(defRPr=font), endParaRPr=font)])


def _title(text: str, size: float = TITLE_SIZE) -> Title:
    font = CharacterProperties(sz=int(size * 100), b=True)
    rich = RichText(bodyPr=RichTextProperties(),
                    p=[Paragraph(pPr=ParagraphProperties(defRPr=font), r=[RegularTextRun(rPr=font, t=text)])])
    return Title(tx=Text(rich=rich), overlay=False)


def _categories(chart, ref: Reference) -> None:
    """Text categories as a string reference (a number reference shows 1, 2, 3 in Excel)."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(ref)))


def _finish(chart, title: str, value_title: str | None = None, x_title: str | None = None,
            rotate: bool = False) -> None:
    """The title, small labels on both axes, every category label, axes kept, legend below."""
    chart.title = _title(title)
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False
        axis.txPr = _text(LABEL_SIZE)
    chart.x_axis.txPr = _text(LABEL_SIZE, rotation=ROTATED if rotate else None)
    chart.x_axis.tickLblSkip = 1
    chart.y_axis.numFmt = "#,##0"
    if value_title:
        chart.y_axis.title = _title(value_title, LABEL_SIZE)
    if x_title:
        chart.x_axis.title = _title(x_title, LABEL_SIZE)
    if chart.legend is not None:
        chart.legend = Legend(legendPos="b", overlay=False, txPr=_text(LEGEND_SIZE))


def place(ws, charts: list, first_row: int, last_row: int, columns: int, shares: list[float]) -> None:
    """Put ``charts`` side by side over rows ``first_row`` to ``last_row`` (1-based) of columns A to
    ``columns``, each over its share of the columns' width (``shares``, adding up to 1)."""
    widths = [column_width(ws, j) for j in range(1, columns + 1)]
    total = sum(widths)

    def marker(share: float, row: int) -> AnchorMarker:
        x, j = share * total, 0
        while j < len(widths) - 1 and x >= widths[j]:
            x -= widths[j]
            j += 1
        return AnchorMarker(col=j, colOff=int(x * 7 * 9525), row=row - 1, rowOff=0)  # 7 pixels a character

    start = 0.0
    for chart, share in zip(charts, shares):
        chart.anchor = TwoCellAnchor(_from=marker(start, first_row), to=marker(start + share - 0.01, last_row + 1))
        ws.add_chart(chart)
        start += share


def over_columns(chart, first_col: int, last_col: int, first_row: int, last_row: int) -> None:
    """Anchor ``chart`` over columns ``first_col`` to ``last_col`` and rows ``first_row`` to ``last_row``
    (1-based, inclusive): it takes their size in every spreadsheet, whatever its columns' width."""
    chart.anchor = TwoCellAnchor(_from=AnchorMarker(col=first_col - 1, row=first_row - 1),
                                 to=AnchorMarker(col=last_col, row=last_row))


DASHBOARD_SHARES = [0.4, 0.3, 0.3]
"""The Dashboard's charts' shares of its width: the cost chart's legend names ten cost lines in two
columns."""


def cost_chart(compare_ws, plan: Plan, c: Content) -> BarChart:
    """Average annual cost of each scenario, stacked by cost line: one horizontal bar per scenario,
    its name written level beside it (slanted names under columns ran into the legend)."""
    lay, n = plan.compare, len(c.model.scenarios)
    bar = BarChart()
    bar.type, bar.grouping, bar.overlap = "bar", "stacked", 100
    for r in lay.average_lines.rows:
        series_ref = Reference(compare_ws, min_col=3, max_col=2 + n, min_row=r)
        bar.add_data(series_ref, from_rows=True, titles_from_data=False)
        bar.series[-1].tx = None
    for s, (line, en, fr) in zip(bar.series, COST_LINES):
        s.tx = SeriesLabel(v=pick(c.lang, en, fr))
    _categories(bar, Reference(compare_ws, min_col=3, max_col=2 + n, min_row=lay.short_labels))
    _finish(bar, c.t["chart_cost"], c.cur_text)
    bar.x_axis.scaling.orientation = "maxMin"  # the scenarios in the order of the table, from the top
    # Ten or more scenarios: at 8 points their names take two lines and LibreOffice shows one in two.
    bar.x_axis.txPr = _text(SCENARIO_NAME_SIZE)
    return bar


def cash_chart(compare_ws, plan: Plan, c: Content) -> LineChart:
    """Cumulative net cash flow of each scenario against in-house, year 0 to the horizon."""
    c0, c1 = plan.compare.cumulative.first, plan.compare.cumulative.last
    line = LineChart()
    for j, scenario in enumerate(c.model.scenarios):
        if scenario.kind == "inhouse":
            continue
        line.add_data(Reference(compare_ws, min_col=3 + j, min_row=c0, max_row=c1), titles_from_data=False)
        line.series[-1].tx = SeriesLabel(v=short_label(scenario, c.case, c.lang))
    line.set_categories(Reference(compare_ws, min_col=2, min_row=c0, max_row=c1))
    _finish(line, c.t["chart_cash"], c.cur_text, c.t["year"])
    line.x_axis.tickLblPos = "low"  # the years below the plot, not along the zero line
    return line


TORNADO_BARS = 12  # the chart's bars: the largest swings (the Risk sheet lists every driver)


def tornado_chart(risk_ws, plan: Plan, c: Content) -> BarChart:
    """The change of the NPV of savings at each end of the drivers' ranges, the
    :data:`TORNADO_BARS` largest swings, largest on top."""
    t, span = c.t, plan.risk.tornado
    last = min(span.last, span.first + TORNADO_BARS - 1)  # the rows are sorted by swing
    tornado = BarChart()
    tornado.type, tornado.grouping, tornado.overlap = "bar", "clustered", 100
    for letter_col, name in ((6, t["delta_low"]), (7, t["delta_high"])):
        tornado.add_data(Reference(risk_ws, min_col=letter_col, min_row=span.first, max_row=last),
                         titles_from_data=False)
        tornado.series[-1].tx = SeriesLabel(v=name)
    _categories(tornado, Reference(risk_ws, min_col=1, min_row=span.first, max_row=last))
    _finish(tornado, t["chart_tornado_top"].format(count=last - span.first + 1), f"{t['npv_savings']} ({c.cur_text})")
    tornado.x_axis.scaling.orientation = "maxMin"  # largest swing on top
    tornado.x_axis.tickLblPos = "low"  # driver names left of the bars, not across them
    return tornado


def histogram_chart(risk_ws, bins: Span, t: dict) -> BarChart:
    """Draws per bin of the NPV of savings (counts in column D, bin labels in column C)."""
    chart = BarChart()
    chart.type = "col"
    chart.add_data(Reference(risk_ws, min_col=4, min_row=bins.first, max_row=bins.last), titles_from_data=False)
    _categories(chart, Reference(risk_ws, min_col=3, min_row=bins.first, max_row=bins.last))
    chart.legend = None
    _finish(chart, f"{t['histogram']} ({t['npv_savings']})", rotate=True)
    return chart
