"""Figures and the words after them kept apart on the printed page.

A figure is aligned right and the text in the next cell left: with nothing between them they print
run together ("5years", "31.50 €agent minutes", "3.0no"). The text is indented by one instead.
"""

from __future__ import annotations

from openpyxl.styles import Alignment


def apart_from_figures(ws, shown: "ShownText") -> None:
    """Indent by one each text that starts right after a figure aligned right in the cell before it:
    an input and its unit, a price and its billed unit, a score and a yes/no read apart ("5 years",
    "31.50 €  agent minutes", "3.0  no"), not run together ("5years", "0 €no", "6yes")."""
    for (r, column), cell in list(ws._cells.items()):
        before = ws._cells.get((r, column - 1)) if column > 1 else None
        if before is None or cell.alignment.horizontal not in (None, "general", "left") or \
                not _figure(ws, before, shown):
            continue
        if isinstance(cell.value, str) and shown(ws, cell) and not cell.alignment.indent:
            cell.alignment = Alignment(horizontal="left", vertical=cell.alignment.vertical,
                                       wrap_text=cell.alignment.wrap_text, indent=1,
                                       text_rotation=cell.alignment.text_rotation,
                                       shrink_to_fit=cell.alignment.shrink_to_fit)


def _figure(ws, cell, shown: "ShownText") -> bool:
    """Whether ``cell`` shows a figure at its right edge: a number, or a formula in a figure format that
    shows no words, not aligned left or centred."""
    if cell.alignment.horizontal in ("left", "center", "centerContinuous", "fill", "justify"):
        return False
    value = cell.value
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and value.startswith("=") and not shown(ws, cell)

