"""The workbook of one case, in memory: plan it, then let each sheet write itself.

    wb, plan = build_workbook(case, "fr")

is all a caller needs (the build, the refresh macro, the tender's import, the tests); writing it to
disk safely is :mod:`xlmodel.workbook.build`'s job.
"""

from __future__ import annotations

from openpyxl import Workbook

from ..case import Case
from ..engine import Comparison, compare
from . import finish, printing, styles
from .content import Content
from .layout import Plan
from .plan import make_plan
from .additions import INPUT_SHEETS
from .record import write_record
from .sheetnames import localise, titles_in
from .sheets import calc, channels, checks, compare as compare_sheet, conf, dashboard, hybrid, inputs, method, risk
from .sheets import sourcing, staffing, vendors

WRITERS = (("Inputs", inputs.write), ("Channels", channels.write), ("Vendors", vendors.write),
           ("Hybrid", hybrid.write), ("Sourcing", sourcing.write), ("Calc", calc.write),
           ("Staffing", staffing.write), ("Compare", compare_sheet.write), ("Risk", risk.write),
           ("Checks", checks.write), ("Method", method.write), ("Dashboard", dashboard.write),
           ("xlwings.conf", conf.write))
"""Each sheet's writer, in the order they run.  Every writer reads only the plan and the content,
so any order writes the same cells; this one only decides how the file numbers its shared styles,
and is kept so that the same case keeps giving the same bytes."""

def build_workbook(case: Case, lang: str = "en", comparison: Comparison | None = None,
                   analysis=None) -> tuple[Workbook, Plan]:
    """The workbook of ``case`` in ``lang`` ('en' or 'fr') and the plan of where everything is.

    The plan names each sheet by its key (``"Inputs"``); the tabs of the workbook are in ``lang``
    (:func:`xlmodel.workbook.sheetnames.title` gives a key's tab).

    ``comparison`` is ``compare(case)`` when the caller has it already; ``analysis`` the decision
    analytics of the Risk sheet, a function that finishes them, or None to compute them here
    (:class:`xlmodel.workbook.content.Content`).
    """
    content = Content(case, lang, comparison or compare(case), analysis)
    plan = make_plan(case, content.model)
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {name: wb.create_sheet(name) for name in plan.sheets}
    for name, write in WRITERS:
        if name in sheets:  # Sourcing: only for a case with portfolios or quotes for some channels
            write(sheets[name], plan, content)
    for name in ("Dashboard", "Compare", "Risk", "Checks"):  # the tables a board reads
        finish.align_headers_with_figures(sheets[name])
    for ws in wb.worksheets:
        if ws.title != "xlwings.conf":
            styles.protect(ws)
    printing.set_up(wb, plan, content)  # by the sheets' keys, before the tabs are renamed
    localise(wb, lang)  # the tabs in the book's language, every reference to them rewritten
    finish.space_percent_formats(wb, content.t["percent_format_space"])  # "15,2 %" as French text writes "80 %"
    # Last, once every cell is written: the record of what the input sheets hold outside their
    # input cells, which the next rebuild over this book compares (xlmodel.workbook.record).
    tabs = titles_in(wb.sheetnames)
    write_record(wb, [tabs[key] for key in INPUT_SHEETS if key in tabs])
    wb.active = 0
    return wb, plan
