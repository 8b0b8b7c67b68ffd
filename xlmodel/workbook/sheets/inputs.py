"""The Inputs sheet: every single input by section, the seasonality weights and the constants, in
four columns (label, value, unit, note and source).  Each input cell is styled, validated, noted and
named.  The channels have a sheet of their own (:mod:`.channels`)."""

from __future__ import annotations

from openpyxl.styles import Alignment

from ...model import CONSTANTS
from ...schema import DEMAND, Field
from ...text import pick, units
from ...text.fields import field_source
from .. import styles
from ..content import Content, define_name
from ..layout import Plan, defined_name

NOTE = Alignment(wrap_text=True)
"""A note wraps in its column: one spilling over the empty cells after it ran on for 200 characters
past the printed columns, beside notes wrapped in the column."""


WIDTHS = (42, 16, 18, 52)
"""Label, value, unit, note: 128 units across A4 portrait, words 8.3 points high in LibreOffice's PDF
(the 148 units of 52, 18, 18 and 60 gave 7.1 points; landscape beside the Channels table's 12
columns, 5.8)."""


def write(ws, plan: Plan, c: Content):
    t, case, lay = c.t, c.case, plan.inputs
    styles.title(ws, "A1", t["inputs_title"])
    styles.help_paragraph(ws, t["inputs_help"], "D")
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
            if ws[f"D{r}"].value:  # under its header, not run on past it
                ws[f"D{r}"].alignment = NOTE
            c.input_cell(ws, f"B{r}", f, getattr(record, f.name))
            define_name(ws, defined_name(section.name, f.name), f"Inputs!$B${r}")
        if section is DEMAND:
            _seasonality(ws, plan, c)
    styles.section(ws, f"A{lay.constants_title}", t["constants"])
    for name, (value, unit, en, fr) in CONSTANTS.items():
        r = lay.constants[name]
        ws[f"A{r}"] = pick(c.lang, en, fr)
        ws[f"B{r}"] = value
        if isinstance(value, int):  # 3,600 and 60,000 with their separators, as every other figure
            styles.number_format(ws[f"B{r}"], styles.INTEGER)
        ws[f"C{r}"] = units(c.lang).get(unit, unit)
        define_name(ws, name, f"Inputs!$B${r}")
    for letter, width in zip("ABCD", WIDTHS):
        ws.column_dimensions[letter].width = width
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
