"""The Hybrid sheet: the hybrid inputs (mode, share, hours...) and, for the channel mode, which
channels go to the vendor (a table of flags next to live links to the channel names)."""

from __future__ import annotations

from ...schema import CHANNEL, HYBRID, Field
from .. import styles
from ..content import Content, define_name
from ..layout import HYBRID_CHANNEL_TABLE, Plan, defined_name


def write(ws, plan: Plan, c: Content):
    t, case, lay = c.t, c.case, plan.hybrid
    styles.title(ws, "A1", t["hybrid_title"])
    styles.help_paragraph(ws, t["hybrid_help"], "D")
    styles.header_row(ws, 4, [t["label"], t["value"], t["unit"], t["source"]])
    for f in HYBRID.fields:
        r = lay.fields[f.name]
        ws[f"A{r}"] = c.label(f)
        ws[f"C{r}"] = c.unit_of(f)
        ws[f"D{r}"] = f.source
        c.input_cell(ws, f"B{r}", f, getattr(case.hybrid, f.name))
        define_name(ws, defined_name("hybrid", f.name), f"Hybrid!$B${r}")
    r = lay.flags_header
    ws[f"A{r}"] = c.label(CHANNEL.by_name["name"])
    ws[f"B{r}"] = t["to_vendor"]
    styles.header_row(ws, r, None)
    yes_no = Field("to_vendor", "choice", "no", "", t["to_vendor"], t["to_vendor"], choices=("yes", "no"))
    for i, channel in enumerate(case.channels):
        r = lay.flag_row(i)
        ws[f"A{r}"] = "=" + plan.channels.cell(i, "name")
        c.input_cell(ws, f"B{r}", yes_no, "yes" if channel.name in case.hybrid.channels else "no")
    styles.add_table(ws, HYBRID_CHANNEL_TABLE, f"A{lay.flags_header}:B{lay.flag_row(len(case.channels) - 1)}")
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions["D"].width = 60
