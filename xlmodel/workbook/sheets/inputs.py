"""The Inputs sheet: every single input by section, the seasonality weights, the Channels table and
the constants.  Each input cell is styled, validated, noted and named (single inputs)."""

from __future__ import annotations

from openpyxl.styles import Alignment

from ...model import CONSTANTS
from ...schema import CHANNEL, DEMAND, Field
from ...text import pick, units
from ...text.fields import field_source
from .. import styles
from ..content import Content, define_name
from ..layout import CHANNEL_TABLE, Plan, col, defined_name

NOTE = Alignment(wrap_text=True)
"""A note wraps in its column: one spilling over the empty cells after it ran on for 200 characters
under the Channels table's columns, beside notes wrapped in the column."""


def write(ws, plan: Plan, c: Content):
    t, case, lay = c.t, c.case, plan.inputs
    styles.title(ws, "A1", t["inputs_title"])
    ws["A2"] = t["inputs_help"]
    styles.header_row(ws, 4, [t["label"], t["value"], t["unit"], t["source"]])
    # The scoring weights and risk ranges are inputs too: the Risk sheet is computed from them, and
    # a rebuild over the workbook must keep them.
    for section, title_row in lay.sections:
        styles.section(ws, f"A{title_row}", c.label(section, "title"))
        record = getattr(case, section.name)
        for f in section.fields:
            r = lay.fields[(section.name, f.name)]
            ws[f"A{r}"] = c.label(f)
            ws[f"C{r}"] = c.unit_of(f)
            ws[f"D{r}"] = field_source(f, c.lang) or None
            if ws[f"D{r}"].value:  # under its header, not run on under the Channels table's columns
                ws[f"D{r}"].alignment = NOTE
            c.input_cell(ws, f"B{r}", f, getattr(record, f.name))
            define_name(ws, defined_name(section.name, f.name), f"Inputs!$B${r}")
        if section is DEMAND:
            _seasonality(ws, plan, c)
    _channels(ws, plan, c)
    styles.section(ws, f"A{lay.constants_title}", t["constants"])
    for name, (value, unit, en, fr) in CONSTANTS.items():
        r = lay.constants[name]
        ws[f"A{r}"] = pick(c.lang, en, fr)
        ws[f"B{r}"] = value
        if isinstance(value, int):  # 3,600 and 60,000 with their separators, as every other figure
            styles.number_format(ws[f"B{r}"], styles.INTEGER)
        ws[f"C{r}"] = units(c.lang).get(unit, unit)
        define_name(ws, name, f"Inputs!$B${r}")
    ws.column_dimensions["A"].width = 52
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 18
    ws.column_dimensions["D"].width = 60
    from ..printing import text_width
    for j, f in enumerate(CHANNEL.fields[6:], start=7):  # the Channels table's columns after F: room for its
        longest = max(text_width(word, bold=True) for word in c.label(f).split())  # units, a header's words whole
        ws.column_dimensions[col(j)].width = max(14, round(longest + 1))
    ws.freeze_panes = "A5"


def _seasonality(ws, plan: Plan, c: Content):
    t, span = c.t, plan.inputs.seasonality
    weight = Field("seasonality", "number", 1.0, t["seasonality_unit"], t["seasonality"], t["seasonality"],
                   0.01, 12, exclusive_min=False, decimals=2, fr_unit=t["seasonality_unit"],
                   source=t["seasonality_source"])
    for m, (r, month_name) in enumerate(zip(span.rows, t["months"])):
        ws[f"A{r}"] = f"{t['seasonality']}{t['colon']}{month_name}"  # "Coefficient saisonnier : janvier"
        ws[f"C{r}"] = t["seasonality_unit"]
        c.input_cell(ws, f"B{r}", weight, c.case.demand.seasonality[m])
    define_name(ws, "demand_seasonality", f"Inputs!$B${span.first}:$B${span.last}")


def _channels(ws, plan: Plan, c: Content):
    """One row per channel, as an Excel table (the reader finds it by name), units below it."""
    lay, channels = plan.inputs, c.case.channels
    styles.section(ws, f"A{lay.channels_title}", c.t["channels"])
    r = lay.channel_header
    for j, f in enumerate(CHANNEL.fields, start=1):
        ws.cell(row=r, column=j, value=c.label(f))
        for i, channel in enumerate(channels):
            c.input_cell(ws, f"{lay.channel_columns[f.name]}{lay.channel_row(i)}", f, getattr(channel, f.name))
    styles.header_row(ws, r, None)
    for j, f in enumerate(CHANNEL.fields, start=1):
        ws.cell(row=lay.channel_units_row, column=j, value=c.unit_of(f) or None)
    styles.add_table(ws, CHANNEL_TABLE, f"A{r}:{col(len(CHANNEL.fields))}{r + len(channels)}")
