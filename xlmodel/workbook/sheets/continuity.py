"""The continuity block at the end of the Sourcing sheet (issue 14): one line per vendor of each
portfolio, what its failure for ``[continuity] failure_weeks`` costs with and without a backup, and
the share of the volume that depends on it.  Every figure links to its Calc row
(:mod:`xlmodel.model.continuity`): live, never computed here.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from ...model import RowKey
from .. import styles
from ..content import naming
from ..glyphs import one_line_width

#: The columns from B, one continuity row each (A: the portfolio and the vendor).
COLUMNS = (("cont_dependence", styles.PERCENT), ("cont_contacts", styles.INTEGER), ("cont_lost", None),
           ("cont_cost_unit", "money2"), ("cont_backup_unit", "money2"), ("cont_backup", None))


def title_row(ws, title: str) -> int | None:
    """The row of the block's title on a written Sourcing sheet (None: no such block)."""
    return next((cell.row for cell in ws["A"] if cell.value == title), None)


def write_continuity(ws, plan, c) -> None:
    """The block (see the module), when the case has portfolios: written last, after a blank row."""
    lay = plan.sourcing
    if not lay.blocks:
        return
    t, r = c.t, ws.max_row + 2
    _room_for_names(ws, c)
    styles.section(ws, f"A{r}", t["cont_title"])
    ws[f"A{r + 1}"] = t["cont_help"]
    last = get_column_letter(1 + len(COLUMNS))  # the block's own width, within the printed page
    ws.merge_cells(f"A{r + 1}:{last}{r + 1}")
    ws[f"A{r + 1}"].alignment = Alignment(wrap_text=True, vertical="top")  # the print layer sizes its row
    styles.header_row(ws, r + 2, [t["cont_vendor"], *(t[f"cont_head_{name}"] for name, _ in COLUMNS)])
    ws.row_dimensions[r + 2].height = 45
    if (ws.column_dimensions[last].width or 0) < 18:  # room for its header in three lines
        ws.column_dimensions[last].width = 18
    r += 3
    money2 = c.money.replace("#,##0", "#,##0.00", 1)
    for p, block in enumerate(lay.blocks):
        for j, v in enumerate(block.vendors):  # a formula over the portfolio's and the vendor's names
            ws[f"A{r}"] = naming(t["cont_line"], f"${block.share_col(j)}${block.header}",
                                 portfolio=f"$B${block.name_row}")
            for k, (name, fmt) in enumerate(COLUMNS):
                cell = ws.cell(row=r, column=2 + k, value=f"=Calc!$C${plan.calc.rows[RowKey(f'pf{p}v{v}', name)]}")
                styles.number_format(cell, c.money if fmt is None else money2 if fmt == "money2" else fmt)
            r += 1


def _room_for_names(ws, c, most: float = 60) -> None:
    """Column A as wide as the longest "portfolio: vendor" of the block (within ``most`` units), so
    that each prints on one line: "Phone nearshore, e-mail offshore : Océan Indien Services" (46.6
    units) took two lines of the 46-unit column, each French continuity row twice its height."""
    names = [c.t["cont_line"].format(portfolio=p.name, vendor=v) for p in c.case.portfolios for v in p.vendors]
    need = min(most, one_line_width(names))
    if need > (ws.column_dimensions["A"].width or 0):
        ws.column_dimensions["A"].width = need
