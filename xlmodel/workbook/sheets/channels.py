"""The Channels sheet: one row per channel in an Excel table named ``Channels`` (the reader finds it
by its name), units above the header, as on Vendors.

It was a block of the Inputs sheet: its twelve columns beside the four of the single inputs set the
width Inputs was fitted to, and the whole sheet printed at half size."""

from __future__ import annotations

import math


from ...schema import CHANNEL
from .. import styles
from ..content import Content
from ..glyphs import MARGIN, glyph_width, one_line_width
from ..layout import CHANNEL_TABLE, Plan, col

MIN_WIDTH = 14
"""The narrowest column (units): a volume of 700,000 or a percentage with room to spare, and a
header of five or six words on three lines rather than five."""


def write(ws, plan: Plan, c: Content):
    lay, channels = plan.channels, c.case.channels
    # The title the table had on Inputs: a rebuild over a book built before finds it here, not an addition.
    styles.title(ws, "A1", c.t["channels"])
    styles.help_paragraph(ws, c.t["channels_help"], col(len(CHANNEL.fields)))  # in column A: ten lines
    for j, f in enumerate(CHANNEL.fields, start=1):
        ws.cell(row=lay.units_row, column=j, value=c.unit_of(f) or None)
        ws.cell(row=lay.header, column=j, value=c.label(f))
        for i, channel in enumerate(channels):
            c.input_cell(ws, f"{lay.columns[f.name]}{lay.row(i)}", f, getattr(channel, f.name))
        ws.column_dimensions[col(j)].width = _width(ws, j, lay)
    styles.header_row(ws, lay.header, None)
    styles.add_table(ws, CHANNEL_TABLE, f"A{lay.header}:{col(len(CHANNEL.fields))}{lay.last_row}")
    ws.freeze_panes = f"B{lay.header + 1}"


def _width(ws, column: int, lay) -> float:
    """Room for the longest word of the header and of the unit whole (they wrap between their words:
    "e time (deferre" was left of "Response time (deferred)" in a column cut to its figures) and for
    the column's longest value on one line (a channel's name, a choice's label)."""
    at = lambda r: ws.cell(row=r, column=column).value or ""  # noqa: E731
    words = [(word, bold) for text, bold in ((at(lay.header), True), (at(lay.units_row), False))
             for word in str(text).split()]
    longest_word = max((glyph_width(word, bold) for word, bold in words), default=0) + MARGIN + 1
    values = [at(lay.row(i)) for i in range(lay.count)]
    return max(MIN_WIDTH, math.ceil(longest_word), one_line_width([v for v in values if isinstance(v, str)],
                                                                  spare=1))
