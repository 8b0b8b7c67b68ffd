"""The Method sheet: every formula and convention in words (:func:`xlmodel.text.method.method_lines`)."""

from __future__ import annotations

from openpyxl.styles import Alignment

from ...text.method import method_lines
from .. import styles
from ..content import Content
from ..layout import Plan


def write(ws, plan: Plan, c: Content):
    styles.title(ws, "A1", c.t["method_title"])
    for r, (kind, text) in enumerate(method_lines(c.case, c.model, c.lang), start=3):
        if kind == "h":
            styles.section(ws, f"A{r}", text)
        else:
            styles.write_text(ws, f"A{r}", text)
            ws[f"A{r}"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 140
