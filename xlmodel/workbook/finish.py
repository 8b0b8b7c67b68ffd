"""Finishing touches to the whole built workbook, once every sheet is written: rules that hold for
every cell of a kind, so that no sheet's writer has to remember them."""

from __future__ import annotations

from openpyxl.styles import Alignment

from . import styles


NO_BREAK_SPACE = "\u00a0"


def spaced_percent(fmt: str, space: str = NO_BREAK_SPACE) -> str:
    """``fmt`` with a no-break space before each percent sign outside its quoted literals, as French
    typography sets it (``0.0%`` -> ``0.0" "%``, shown ``15,2 %``); a format already spaced is kept.

    The space is a quoted literal, which every spreadsheet shows as typed; a percent sign after it
    still shows the value times 100.
    """
    out, quoted = [], False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        elif ch == "%" and not quoted and not "".join(out).endswith(f'"{space}"'):
            out.append(f'"{space}"')
        out.append(ch)
    return "".join(out)


def space_percent_formats(wb, space: str) -> None:
    """Put ``space`` (the book's language's, none in English) before the sign of every percent number
    format of ``wb``: a French book's text says "80 %", its cells "15,2 %". In one place, once every
    sheet is written, so that no sheet's writer has a format of its own to remember."""
    if not space:
        return
    spaced: dict[str, str] = {}
    for ws in wb.worksheets:
        for c in getattr(ws, "_cells", {}).values():
            fmt = c.number_format
            if "%" in fmt:
                if fmt not in spaced:
                    spaced[fmt] = spaced_percent(fmt, space)
                styles.number_format(c, spaced[fmt])


def align_headers_with_figures(ws) -> None:
    """Right-align each table header of ``ws`` over a column of figures (the first cell under it a
    number, or a formula shown in a figure format), as the figures are: a header left over right-aligned
    figures reads as the next column's (the Risk sheet's total "3.76" stood under "Rank"). A header
    after a right-aligned one is indented, so that the two do not touch ("RankKnocked out by")."""
    cells = ws._cells
    headers = sorted(key for key, cell in cells.items() if cell.value is not None and _is_header(cell))
    for r, j in headers:
        # The first cell under it: a section's title may stand between (Compare).
        below = next((c for c in (cells.get((r + k, j)) for k in (1, 2, 3)) if c is not None and c.value is not None),
                     None)
        if below is not None and _is_figure(below) and cells[r, j].alignment.horizontal is None:
            cells[r, j].alignment = Alignment(wrap_text=True, vertical="center", horizontal="right")
    for r, j in headers:
        before = cells.get((r, j - 1))
        if cells[r, j].alignment.horizontal is None and before is not None and before.alignment.horizontal == "right":
            cells[r, j].alignment = Alignment(wrap_text=True, vertical="center", horizontal="left", indent=1)


def _is_header(cell) -> bool:
    return cell.fill is not None and cell.fill.fgColor.rgb == styles.HEADER_FILL.fgColor.rgb


def _is_figure(cell) -> bool:
    """A number, or a formula shown in a figure format (its words, if any, aligned with the figures)."""
    value = cell.value
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or (
        isinstance(value, str) and value.startswith("=") and cell.number_format not in ("General", "@"))


# -- figures and the words after them kept apart on the printed page (the input sheets) ------------
# A figure is aligned right and the text in the next cell left: with nothing between them they print
# run together ("5years", "31.50 €agent minutes", "3.0no"). The text is indented by one instead.

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
    shows no words, not aligned left or centred (stricter than :func:`_is_figure`: a text after a formula
    that may show words is not indented)."""
    if cell.alignment.horizontal in ("left", "center", "centerContinuous", "fill", "justify"):
        return False
    value = cell.value
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and value.startswith("=") and not shown(ws, cell)
