"""The text a cell shows on the printed page, formulas included: what :mod:`.printing` fits to its cell."""

from __future__ import annotations

import functools
import re

from openpyxl.utils import column_index_from_string
from openpyxl.utils.cell import coordinate_to_tuple

_REF = re.compile(r"(?:('[^']+'|[A-Za-z_][\w.]*)!)?\$?([A-Z]{1,3})\$?([0-9]+)(?![\w(])")
LINK = re.compile(r"=(?:'[^']+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+")  # a formula that shows another cell
_LITERAL = re.compile(r'"((?:[^"]|"")*)"')
_NAME = re.compile(r"(?<![\w.!$'])([a-z_][a-z0-9_]*)(?![\w(!])")  # the workbook's names are lower case


class ShownText:
    """The text a cell may show: its text; for a formula, its quoted words and the texts of the
    cells and single-cell names it refers to, joined if it joins them with ``&``, else the longest.

    A formula without quoted words in a figure format shows a figure: it is not read. Answers are
    remembered for the workbook (a label is referred to by many cells), and each cell or name a
    formula refers to is looked at once, however often it appears there (a sizing formula of the
    Staffing sheet names its few cells 173 times)."""

    def __init__(self, wb):
        self.wb, self.memo = wb, {}
        self.names = {}
        for name, defined in wb.defined_names.items():
            cells = [(sheet, ref.replace("$", "")) for sheet, ref in defined.destinations
                     if sheet in wb.sheetnames and ":" not in ref]
            if len(cells) == 1:
                self.names[name] = cells[0]

    def __call__(self, ws, cell, depth: int = 3) -> str:
        value = cell.value
        if not isinstance(value, str):
            return ""
        if cell.data_type != "f" and not value.startswith("="):
            return value
        if depth == 0 or ('"' not in value and cell.number_format not in ("General", "@")):
            return ""
        key = (ws.title, cell.row, cell.column, depth)
        if key not in self.memo:
            self.memo[key] = self._formula(ws, value, depth)
        return self.memo[key]

    def _of(self, ws, row: int, column: int, depth: int) -> str:
        """The text of the cell at (``row``, ``column``), without creating it when it is empty (a row
        filled across at save holds its first cell only)."""
        cell = ws._cells.get((row, column))
        return "" if cell is None else self(ws, cell, depth)

    def _formula(self, ws, value: str, depth: int) -> str:
        parts, joined = _formula_parts(value)
        seen: dict = {}  # a cell or a name the formula repeats shows the same text each time
        texts = []
        for kind, part in parts:
            if kind == "word":
                texts.append(part)
                continue
            if kind == "name" and part not in self.names:
                continue
            if part not in seen:
                if kind == "cell":
                    sheet, row, column = part
                    other = self.wb[sheet] if sheet and sheet in self.wb.sheetnames else ws
                    seen[part] = self._of(other, row, column, depth - 1)
                else:
                    sheet, coordinate = self.names[part]
                    seen[part] = self._of(self.wb[sheet], *coordinate_to_tuple(coordinate), depth - 1)
            texts.append(seen[part])
        return "".join(texts) if joined else max(texts, key=len, default="")


@functools.lru_cache(maxsize=4096)
def _formula_parts(value: str) -> tuple[tuple[tuple[str, object], ...], bool]:
    """What a formula's shown text is made of, as ("word", text), ("cell", (sheet or "", row,
    column)) and ("name", lower-case name) parts, and whether it joins them with ``&``.

    A join keeps every part where it stands in the formula ("Hybrid (" & mode & "): " & name; its
    quoted words first, then its cells, read "Hybrid (): Océan Indien Servicesextended hours", a line
    more than the header shows). Outside a join only the longest text counts: the words, then each
    cell and each name once, where it first appears (the first longest text is the same)."""
    # The quoted words blanked to spaces, so that a match in ``bare`` stands where it stands in ``value``.
    bare = _LITERAL.sub(lambda m: '"' + " " * (len(m.group(0)) - 2) + '"', value)
    joined = "&" in bare
    words = [(m.start(), ("word", m.group(1).replace('""', '"'))) for m in _LITERAL.finditer(value)]
    refs = [(m.start(), ("cell", ((m.group(1) or "").strip("'"), int(m.group(3)), column_index_from_string(m.group(2)))))
            for m in _REF.finditer(bare)]
    names = [(m.start(), ("name", m.group(1))) for m in _NAME.finditer(bare)]
    if joined:
        parts = [part for _, part in sorted(words + refs + names, key=lambda p: p[0])]
    else:
        parts = [part for _, part in words] + list(dict.fromkeys(part for _, part in refs)) + \
            list(dict.fromkeys(part for _, part in names))
    return tuple(parts), joined
