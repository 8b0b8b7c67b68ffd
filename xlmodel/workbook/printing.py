"""How each sheet prints, and text that fits its cells.

Every sheet prints on A4, one page wide (the Dashboard on one page, the Vendors table three pages
wide: it has a column per quoted term), landscape but for the long lists of four columns or fewer
(Inputs, Calc's yearly block, Method), with a header naming the sheet and a footer giving the case
and "page x of y" in the book's language. Rows or columns that give a page its meaning repeat on
every page (the scenario header of Compare, the year numbers of Calc, the month and year rows and
the label columns of Staffing, the column headers of Inputs), and a section starts a new page rather
than breaking in its middle (each portfolio of Sourcing).

What a board reads prints whole. The two audit sheets do not print their 60 month columns (which
would take about 230 pages of figures): Calc prints its yearly block (the finance of every
scenario by year, the NPVs, paybacks and IRRs, about five pages), and Staffing the agents on duty
of the first twelve months and the check that the Python sizing agrees (two pages). The header of
each says so; the whole timeline is read on screen, or printed after clearing the print area.

:func:`fit_text` wraps (or, in a row with nothing to its right, spreads over the printed width)
every text that would otherwise be cut by its neighbour or run past the page: the widths are
estimated from the characters, with the wide fallback font LibreOffice uses without Calibri. A
wrapped text's row is then made as tall as the lines it takes, counted from each character's printed
width (:mod:`.glyphs`), so that a label which fits its column once wrapped keeps one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.pagebreak import Break

from ..model import RowKey
from .content import Content
from .finish import apart_from_figures
from .glyphs import printed_lines
from .layout import FIRST_MONTH_COL, Plan, col
from .shown import LINK, ShownText  # noqa: F401  (ShownText: read from here by the tests)

DEFAULT_WIDTH = 8.43
"""Width of a column without its own width, in character units (Excel's default)."""
LINE_HEIGHT = 15.0
"""Height of one line of 11-point text, in points."""
CHAR_WIDTH = 0.9
"""Width of a text character in column-width units (the width of a '0' of the default font): about
0.8 on average in Calibri and in DejaVu Sans (LibreOffice's fallback, measured in its PDF), taken
wider so that text with capitals and wide letters fits too."""
BOLD_WIDTH = 1.0
"""The same for bold text."""
PADDING = 1.0
"""Room the cell's margins take, in character units."""


@dataclass(frozen=True)
class PageSetup:
    """How a sheet prints: its print area, the rows and columns repeated on every page, the pages
    across and down (0: as many as needed), the orientation and a note for the page header."""

    area: str
    title_rows: str | None = None
    title_cols: str | None = None
    wide: int = 1
    tall: int = 0
    portrait: bool = False
    breaks: tuple[int, ...] = ()  # rows after which a new page starts
    note: str | None = None  # text key of a note after the sheet's name in the page header
    scale: int | None = None  # a fixed zoom (%) instead of fitting ``wide`` pages across


def page_setups(wb, plan: Plan, t: dict) -> dict[str, PageSetup]:
    """The print setup of every visible sheet of the built workbook ``wb`` in the words ``t``."""
    calc, staffing, compare, board = plan.calc, plan.staffing, plan.compare, plan.dashboard

    def whole(name: str, title_rows: str | None = None, **kw) -> PageSetup:
        ws = wb[name]
        return PageSetup(f"A1:{col(used_columns(ws))}{ws.max_row}", title_rows, **kw)

    years_row = next(r for group, r in calc.groups if group[0] == "years")
    year_number = calc.rows[RowKey("year", "number")]
    last_year = col(FIRST_MONTH_COL - 1 + calc.years)
    twelfth = col(FIRST_MONTH_COL + min(12, calc.months) - 1)
    setups = {
        "Dashboard": PageSetup(f"A1:{col(DASHBOARD_COLUMNS)}{board.decisions.last}", tall=1),
        # Four columns, portrait: words 8.3 points high (landscape, fitted to the Channels table's 12
        # columns before it had a sheet of its own, 5.8).
        "Inputs": whole("Inputs", "4:4", portrait=True),
        "Channels": whole("Channels", f"{plan.channels.header}:{plan.channels.header}"),
        # From its units: on the pages after the first, the repeated column A cut the title and help
        # rows at its edge ("Offres des prestataires :"); the title prints in the page header instead.
        "Vendors": PageSetup(f"A{plan.vendors.units_row}:{col(used_columns(wb['Vendors']))}{wb['Vendors'].max_row}",
                             f"{plan.vendors.header}:{plan.vendors.header}", title_cols="A:A", wide=3, tall=1,
                             note="vendors_title"),
        "Hybrid": whole("Hybrid", tall=1),
        # A long list nine columns wide, and a text: portrait holds twice the rows of landscape.
        # The year numbers head every page: the pages after the first were columns of figures without them.
        "Calc": PageSetup(f"A{years_row}:{last_year}{wb['Calc'].max_row}", f"{year_number}:{year_number}",
                          portrait=True, note="print_calc_note"),
        "Staffing": PageSetup(f"A1:{twelfth}{staffing.verified_row}", f"3:{staffing.year_row}", "A:B",
                              note="print_staffing_note"),
        # Above the scenario keys (a hidden row that left a blank page) and the charts' short names; the
        # discount factors start a page (the first ended on their title and year 1, seen EN and FR).
        "Compare": PageSetup(f"A1:{col(used_columns(wb['Compare']))}{min(compare.ids, compare.short_labels) - 1}",
                             f"{compare.head}:{compare.head}", title_cols="A:B", breaks=(compare.discount.first - 2,)),
        # The scoring and risk settings the analysis used are inputs: they print on Inputs.
        # The histogram and its chart start a page rather than straddle two.
        "Risk": PageSetup(f"A1:{col(used_columns(wb['Risk']))}{plan.risk.settings_title - 1}",
                          breaks=(plan.risk.histogram_title - 1,)),
        "Checks": whole("Checks", tall=1),
        # LibreOffice does not shrink this one wrapped column to the page's width (its text ran past both
        # margins, seen on the rendered pages): a fixed zoom holds its 96 characters, even in a wider font
        # than Calibri (LibreOffice's fallback where Calibri is not installed).
        "Method": PageSetup(f"A1:A{_method_end(wb['Method'], t)}", portrait=True, note="print_method_note",
                            scale=METHOD_SCALE),
    }
    if "Sourcing" in wb.sheetnames:  # only for a case with portfolios or quotes for some channels
        # Each portfolio after the first starts a page: its teams and invoices printed on the next
        # page under no name.
        setups["Sourcing"] = whole("Sourcing", breaks=tuple(b.title - 1 for b in plan.sourcing.blocks[1:]))
    return setups


INPUT_SHEETS = ("Inputs", "Channels", "Vendors", "Hybrid", "Sourcing")
"""Sheets whose text is wrapped in its own cell, never merged over its neighbours: a user may type a
note beside an input (a rebuild keeps it), and the round trip reads these sheets cell by cell. (The
help under the title of Inputs and of Channels, beside no input, is merged over the sheet's printed
width by its writer.)"""

DASHBOARD_COLUMNS = 9
"""The Dashboard prints columns A to I: the scenario table; the charts share its width."""


def _method_end(ws, t: dict) -> int:
    """The last row of the Method sheet that prints: the defaults and sources of the inputs that end
    it are the notes of the Inputs sheet, which prints them."""
    heading = next((cell.row for cell in ws["A"] if cell.value == t["method_inputs"]), None)
    return heading - 1 if heading else ws.max_row


def used_columns(ws) -> int:
    """The last column holding a value (ignoring cells that are only styled)."""
    return max((column for (_, column), cell in ws._cells.items() if cell.value is not None), default=1)


def set_up(wb, plan: Plan, c: Content) -> None:
    """Apply :func:`page_setups` to the workbook, after fitting the text of every printed sheet."""
    shown = ShownText(wb)
    for name, setup in page_setups(wb, plan, c.t).items():
        ws = wb[name]
        if name in INPUT_SHEETS:
            apart_from_figures(ws, shown)
        fit_text(ws, _last_column(setup.area), shown, spread=name not in INPUT_SHEETS)
        if name in INPUT_SHEETS:
            _level_with_their_notes(ws)
        _apply(ws, setup, c)


def _level_with_their_notes(ws) -> None:
    """In a row made taller for a wrapped note, the input, its label and its unit start at the top,
    level with the note's first line, not three lines below it (cells without a vertical alignment of
    their own, so that headers keep theirs)."""
    tall = {r for r, dim in ws.row_dimensions.items() if dim.height and dim.height > LINE_HEIGHT + 1}
    # An empty cell keeps no style of its own: a styled blank cell reads as 0 in IronCalc, and the reader
    # took the blank cells under the Channels table for a channel.
    for (r, _), cell in ws._cells.items():
        if r in tall and cell.value is not None and cell.alignment.vertical is None:
            cell.alignment = _aligned(cell.alignment, vertical="top")


def _last_column(area: str) -> int:
    """The last column of an area such as ``A5:I90``."""
    return column_index_from_string(re.sub(r"[\d$]", "", area.split(":")[1]))


def _apply(ws, setup: PageSetup, c: Content) -> None:
    ws.print_area = setup.area
    if setup.title_rows:
        ws.print_title_rows = setup.title_rows
    if setup.title_cols:
        ws.print_title_cols = setup.title_cols
    for row in setup.breaks:
        ws.row_breaks.append(Break(id=row))
    ws.page_setup.orientation = "portrait" if setup.portrait else "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = setup.wide
    ws.page_setup.fitToHeight = setup.tall
    ws.sheet_properties.pageSetUpPr.fitToPage = setup.scale is None
    if setup.scale is not None:
        ws.page_setup.scale = setup.scale
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top = margins.bottom = TOP_MARGIN
    margins.header = margins.footer = 0.25
    t = c.t
    ws.oddHeader.center.text = f"&B&A&B - {t[setup.note].replace('&', '&&')}" if setup.note else "&B&A&B"
    ws.oddHeader.center.size = 9
    ws.oddFooter.left.text = _literal(c.case.case.name)
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = t["print_page"]
    ws.oddFooter.right.size = 8


SIDE_MARGIN, TOP_MARGIN = 0.5, 0.6  # inches
METHOD_SCALE = 70
"""Zoom (%) of the Method sheet's pages: its column (96 characters) within A4 portrait's 7.27 inches
between the margins in LibreOffice's fallback font (about 8.3 inches at 100 %), a little under so
that the example's Method, which grew with the portfolios, prints on seven pages in French."""


_HEADER_MAX = 80  # characters of user text in a header (Excel allows 255 for the whole header)


def _literal(text: str) -> str:
    """User text shown as typed in a header or footer (``&`` starts a code there)."""
    text = text if len(text) <= _HEADER_MAX else text[:_HEADER_MAX - 1] + "…"
    return text.replace("&", "&&")


# -- text that fits its cell ---------------------------------------------------------------------

def column_width(ws, column: int) -> float:
    """The width of a column in character units."""
    dim = ws.column_dimensions.get(get_column_letter(column))
    return dim.width if dim is not None and dim.customWidth and dim.width else DEFAULT_WIDTH


def text_width(text: str, bold: bool = False, size: float | None = None) -> float:
    """Estimated width of the longest line of ``text``, in character units."""
    per_char = (BOLD_WIDTH if bold else CHAR_WIDTH) * (size or 11) / 11
    return max((len(line) for line in text.split("\n")), default=0) * per_char + PADDING


def _merged(ws) -> dict[str, tuple[int, int, int]]:
    """Top-left coordinate of each merged range -> (first column, last column, rows)."""
    return {r.start_cell.coordinate: (r.min_col, r.max_col, r.max_row - r.min_row + 1) for r in ws.merged_cells.ranges}


def fit_text(ws, last_column: int, shown: ShownText | None = None, spread: bool = True) -> None:
    """Wrap each text of ``ws`` (columns up to ``last_column``) that is wider than the room it has:
    its column, or its merged range, and the empty cells after it; a text alone in its row is
    spread over the printed width instead (unless not ``spread``: the input sheets keep every cell
    free for what a user types beside an input). Each row holding wrapped text is made tall enough for
    its lines (neither Excel nor LibreOffice sizes a row on opening a file).
    Words a formula shows among figures are aligned right, with the figures, so that they do not
    run into the figure before them ("0reference")."""
    shown = shown or ShownText(ws.parent)
    merged = _merged(ws)
    covered = {(r, c) for rng in ws.merged_cells.ranges for r in range(rng.min_row, rng.max_row + 1)
               for c in range(rng.min_col, rng.max_col + 1)}
    # The cells that exist, row by row (iter_rows would create every empty cell of the grid).
    for key in sorted(key for key in ws._cells if key[1] <= last_column):
        cell = ws._cells[key]
        if cell.data_type == "f" and cell.number_format not in ("General", "@") and \
                not cell.alignment.horizontal and ('"' in cell.value or LINK.fullmatch(cell.value)):
            cell.alignment = _aligned(cell.alignment, "right")  # words it may show sit with the figures
        text = shown(ws, cell) if cell.value is not None else ""
        if not text:
            continue
        first, last, rows = merged.get(cell.coordinate, (cell.column, cell.column, 1))
        own = sum(column_width(ws, j) for j in range(first, last + 1))
        width = text_width(text, bool(cell.font and cell.font.b), cell.font.sz if cell.font else None) + \
            (cell.alignment.indent or 0)
        if not cell.alignment.wrap_text:
            free = _free_columns(ws, cell.row, last + 1, last_column, covered)
            if width <= own + sum(column_width(ws, j) for j in free):
                continue
            cell.alignment = _aligned(cell.alignment, wrap=True)
            if spread and free and free[-1] == last_column and first == last:  # alone in its row: spread it
                ws.merge_cells(start_row=cell.row, start_column=first, end_row=cell.row, end_column=last_column)
                covered.update((cell.row, j) for j in free)
                own += sum(column_width(ws, j) for j in free)
                cell.alignment = _aligned(cell.alignment, vertical="top")
        _tall_enough(ws, cell, text, own - (cell.alignment.indent or 0), rows)


def _free_columns(ws, row: int, start: int, last_column: int, covered: set) -> list[int]:
    """The empty, unmerged columns from ``start`` on, up to the first that is not."""
    free = []
    for j in range(start, last_column + 1):
        other = ws._cells.get((row, j))
        if (row, j) in covered or (other is not None and other.value is not None):
            break
        free.append(j)
    return free


def _aligned(alignment: Alignment, horizontal: str | None = None, vertical: str | None = None,
             wrap: bool | None = None) -> Alignment:
    """``alignment`` with some of its settings changed."""
    return Alignment(horizontal=horizontal or alignment.horizontal, vertical=vertical or alignment.vertical,
                     wrap_text=alignment.wrap_text if wrap is None else wrap, indent=alignment.indent,
                     text_rotation=alignment.text_rotation, shrink_to_fit=alignment.shrink_to_fit)


def wrapped_lines(text: str, room: float, bold: bool = False, size: float | None = None) -> int:
    """Lines ``text`` takes wrapped at word boundaries in a cell ``room`` units wide (a word longer
    than a line is cut, as the spreadsheet does)."""
    per_char = (BOLD_WIDTH if bold else CHAR_WIDTH) * (size or 11) / 11
    capacity = max(int((room - PADDING) / per_char), 1)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0
        lines += 1
        for word in paragraph.split():
            need = len(word) + (1 if used else 0)
            if used and used + need > capacity:
                lines, used, need = lines + 1, 0, len(word)
            while need > capacity:  # a word wider than the cell
                lines, need = lines + 1, need - capacity
            used += need
    return lines


def _tall_enough(ws, cell, text: str, room: float, rows: int) -> None:
    """Make ``cell``'s row tall enough for ``text`` wrapped in ``room`` (the cell spans ``rows`` rows),
    and no taller: the lines are counted from each character's printed width (:mod:`.glyphs`), not from
    the wide estimate that decided to wrap it (0.9 a character: a label that fits its column once
    wrapped got two lines, the notes of Inputs one line too many, uneven gaps on the printed pages)."""
    size = cell.font.sz if cell.font else None
    lines = printed_lines(text, room, bool(cell.font and cell.font.b), size)
    height = lines * LINE_HEIGHT * (size or 11) / 11 / rows
    dim = ws.row_dimensions[cell.row]
    if height > (dim.height or LINE_HEIGHT):
        dim.height = height
