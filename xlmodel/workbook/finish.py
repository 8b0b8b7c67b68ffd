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
