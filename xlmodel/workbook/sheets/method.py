"""The Method sheet: every formula and convention in words (:func:`xlmodel.text.method.method_lines`).

One column as wide as a printed page; each line wraps, and its row is as tall as its wrapped text
(a spreadsheet does not grow a row written by a program, and lines then print over each other).
"""

from __future__ import annotations

from openpyxl.styles import Alignment

from ...text.method import method_lines
from .. import styles
from ..content import Content
from ..layout import Plan
from ..glyphs import printed_lines
from ..printing import LINE_HEIGHT

#: Column A's width in characters: a portrait A4 page's printable width at the default font.
METHOD_WIDTH = 96


def write(ws, plan: Plan, c: Content):
    styles.title(ws, "A1", c.t["method_title"])
    for r, (kind, text) in enumerate(method_lines(c.case, c.model, c.lang), start=3):
        if kind == "h":
            styles.section(ws, f"A{r}", text)
            continue
        styles.write_text(ws, f"A{r}", text)
        ws[f"A{r}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = text_height(text)
    ws.column_dimensions["A"].width = METHOD_WIDTH


def text_height(text: str) -> float:
    """The height in points of a row holding ``text`` wrapped in column A: the lines the print layer
    counts from each character's printed width (:func:`xlmodel.workbook.glyphs.printed_lines`), as it
    sizes every other sheet's wrapped text (at 0.9 of a unit a character, paragraphs got one or two
    blank lines under them on the printed pages)."""
    return LINE_HEIGHT * max(1, printed_lines(text, METHOD_WIDTH))
