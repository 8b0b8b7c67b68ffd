"""How wide printed text is, character by character, so that a row is made as tall as its wrapped text
and no taller.

The width of each character is in column-width units (the width of a "0" in the same font), the wider
of the two fonts the book is read in: Calibri (Excel; its metrics are those of Carlito, the
metric-compatible font) and DejaVu Sans (LibreOffice's fallback where Calibri is not installed), from
the advance widths of their regular and bold faces (Carlito 2022-02, DejaVu Sans 2.37), rounded to a
hundredth (Carlito has no no-break space: it takes a space's width). A "0" is 1.00, a space 0.50, an
"i" 0.45, an "m" 1.58, an "M" 1.69.

A line holds the column's width less :data:`MARGIN`: measured in LibreOffice's PDF, a 60-unit column
held 59.7 units of DejaVu text (a line of 38.0 em at 0.636 em a unit), so 1.5 units leave a little
room for a glyph's rounding; Excel's Calibri column of ``w`` units is ``7 w`` pixels with the padding.
The estimate in :mod:`.printing` (0.9 a character) decides whether a text wraps, conservatively; this
one says how many lines the wrapped text takes, so that a label that fits on one line once wrapped
(most do: an average character is 0.8 of a unit) does not leave a blank line under it.
"""

from __future__ import annotations

import math

_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklm"
    "nopqrstuvwxyz{|}~\xa0¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×Ø"
    "ÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿŒœŸ€–—‘’“”…•→←≤≥−ΣΔ\u202f"
)
_PLAIN = (
    "50 64 79 132 100 149 135 44 61 61 98 132 50 60 50 76 100 100 100 100 100 100 100 100 100 100 53 "
    "53 132 132 132 91 176 114 108 110 121 99 91 124 123 50 63 103 88 169 127 131 102 133 109 100 96 "
    "127 112 176 108 96 108 61 76 61 132 98 79 96 104 86 104 98 60 100 104 45 47 91 45 158 104 104 "
    "104 104 69 82 66 104 93 141 93 93 83 100 91 100 132 50 64 100 100 100 100 98 98 79 165 79 101 "
    "132 57 157 79 79 132 66 66 79 108 116 50 79 63 83 101 152 152 152 91 114 114 114 114 114 114 153 "
    "110 99 99 99 99 50 50 50 50 123 127 131 131 131 131 131 132 131 127 127 127 127 96 102 104 96 96 "
    "96 96 96 96 154 86 98 98 98 98 45 45 45 45 104 104 104 104 104 104 104 132 104 104 104 104 104 "
    "93 104 93 171 168 96 100 98 179 50 50 83 83 157 98 179 179 132 132 132 99 111 45"
)
_BOLD = (
    "50 66 87 120 100 144 139 46 66 66 98 120 55 60 55 85 100 100 100 100 100 100 100 100 100 100 57 "
    "57 120 120 120 91 177 120 111 105 124 98 98 126 124 53 65 111 92 172 130 133 105 135 111 104 98 "
    "129 117 179 111 104 104 66 85 66 120 98 72 97 106 85 106 99 63 103 106 49 50 96 49 161 106 106 "
    "106 106 71 86 69 106 94 147 93 94 84 102 94 102 120 50 66 100 100 98 100 98 98 82 165 82 106 120 "
    "60 144 77 72 120 67 66 72 111 118 55 72 63 86 106 149 149 149 91 120 120 120 120 120 120 156 105 "
    "98 98 98 98 53 53 53 53 126 130 133 133 133 133 133 120 134 129 129 129 129 104 106 109 97 97 97 "
    "97 97 97 153 85 99 99 99 99 49 49 49 49 106 106 106 106 106 106 106 120 107 106 106 106 106 94 "
    "106 94 172 166 104 100 98 179 55 55 94 94 144 98 179 179 120 120 120 98 114 45"
)

WIDTHS = {False: dict(zip(_CHARS, (int(w) / 100 for w in _PLAIN.split()))),
          True: dict(zip(_CHARS, (int(w) / 100 for w in _BOLD.split())))}
"""Width of each character, plain and bold, in column-width units (11-point text)."""
UNKNOWN = 1.8
"""Width taken for a character outside the table: the widest of the table's letters ("W", "Æ")."""
MARGIN = 1.5
"""Room the cell's margins take from a line, in column-width units."""


def glyph_width(text: str, bold: bool = False) -> float:
    """Width of ``text`` on one line, in column-width units at 11 points."""
    widths = WIDTHS[bold]
    return sum(widths.get(ch, UNKNOWN) for ch in text)


def one_line_width(texts, spare: float = 0) -> int:
    """The whole column width (in column-width units) that shows the widest of ``texts`` on one line,
    with the cell's margins and ``spare`` units more (an indent, a safety unit); 0 for no text."""
    widest = max(map(glyph_width, texts), default=None)
    return 0 if widest is None else math.ceil(widest + MARGIN + spare)


def printed_lines(text: str, room: float, bold: bool = False, size: float | None = None) -> int:
    """Lines ``text`` takes wrapped at spaces in a cell ``room`` column-width units wide, in
    ``size``-point text (a word longer than a line is cut, as the spreadsheet does)."""
    scale = (size or 11) / 11
    capacity = max((room - MARGIN) / scale, 1.0)
    space = WIDTHS[bold][" "]
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            need = glyph_width(word, bold)
            if used and used + space + need > capacity:
                lines, used = lines + 1, 0.0
            elif used:
                need += space
            while need > capacity:  # a word wider than the cell
                lines, need = lines + 1, need - capacity
            used += need
    return lines
