"""The Sourcing sheet (issue 14): the channels each quote covers, then one block per portfolio scenario
with each channel's assignment as inputs (mode, vendor of the mode, each vendor's share; the in-house
team takes the rest) and the portfolio's teams and invoices, linked to their Calc rows.

The sheet exists when the case has a portfolio or a quote for some channels only.  It is planned
(:func:`plan_sourcing`), written (:func:`write`) and read back (:func:`read_sourcing`) here, by the
defined names it gives its ranges (``portfolio1_assignments``...), so that reading needs no layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from openpyxl.styles import Alignment
from openpyxl.utils.cell import range_boundaries

from ...errors import Problem
from ...limits import MAX_PORTFOLIOS
from ...model import CaseRef, RowKey
from ...model.portfolio import PortfolioInput, PortfolioShare
from ...portfolios import INHOUSE, PORTFOLIO_MODES, SPLIT
from ...schema import CHANNEL, VENDOR, Field
from ...text import choice_label, choice_value
from .. import styles
from ..content import define_name
from ..layout import col, month_col
from .continuity import write_continuity

SHEET = "Sourcing"
_MODE = Field("mode", "choice", SPLIT, "", "Mode", "Mode", choices=PORTFOLIO_MODES)
_VENDOR = Field("vendor", "text", "", "", "Vendor of the mode", "Prestataire du mode")
_SHARE = Field("share", "rate", 0.0, "of contacts", "Share to the vendor", "Part confiée au prestataire", 0, 1,
               fr_unit="des contacts")
_NAME = Field("name", "text", "", "", "Portfolio name", "Nom du portefeuille", required=True)
_QUOTED = Field("channels", "text", "", "", "Channels quoted", "Canaux de l'offre")
FIRST_SHARE_COL = 5  # E: A channel, B mode, C vendor of the mode, D in-house share (the rest)


@dataclass(frozen=True)
class PortfolioBlock:
    title: int
    name_row: int
    header: int  # the share columns hold the vendors' names
    first: int  # channel i on first + i
    vendors: tuple[int, ...]  # case vendor indexes, one share column each from E
    results: int  # the title of the teams and invoices; their rows follow

    def share_col(self, k: int) -> str:
        return col(FIRST_SHARE_COL + k)

    @property
    def last_col(self) -> str:
        return col(FIRST_SHARE_COL + len(self.vendors) - 1)


@dataclass(frozen=True)
class SourcingLayout:
    quoted_header: int  # vendor v on quoted_header + 1 + v
    blocks: tuple[PortfolioBlock, ...]
    channels: int

    def valid_span(self, block: PortfolioBlock) -> str:
        """The block's column of 0/1 flags, one per channel: its assignment is valid."""
        c = col(FIRST_SHARE_COL + len(block.vendors))
        return f"{SHEET}!${c}${block.first}:${c}${block.first + self.channels - 1}"


def plan_sourcing(case, refs: dict[CaseRef, str], cells: set) -> SourcingLayout | None:
    """Where the Sourcing sheet puts everything (None: the case needs no Sourcing sheet); adds its
    inputs' references and cells."""
    if not case.portfolios and not any(v.channels for v in case.vendors):
        return None
    n, r = len(case.channels), 5
    cells |= {(SHEET, f"B{r + 1 + v}") for v in range(len(case.vendors))}
    r += len(case.vendors) + 2
    names = [v.name for v in case.vendors]
    blocks = []
    for p, portfolio in enumerate(case.portfolios):
        vendors = tuple(names.index(v) for v in portfolio.vendors)
        block = PortfolioBlock(r, r + 1, r + 3, r + 4, vendors, r + 4 + n + 1)
        for i in range(n):
            row = block.first + i
            refs[PortfolioInput(p, i, "mode")] = f"{SHEET}!$B${row}"
            refs[PortfolioInput(p, i, "vendor")] = f"{SHEET}!$C${row}"
            cells |= {(SHEET, f"B{row}"), (SHEET, f"C{row}")}
            for k, v in enumerate(vendors):
                refs[PortfolioShare(p, i, v)] = f"{SHEET}!${block.share_col(k)}${row}"
                cells.add((SHEET, f"{block.share_col(k)}{row}"))
        cells.add((SHEET, f"B{block.name_row}"))
        blocks.append(block)
        r = block.results + 1 + 2 + 3 * len(vendors) + 2
    return SourcingLayout(5, tuple(blocks), n)


def write(ws, plan, c):
    t, case, lay = c.t, c.case, plan.sourcing
    styles.title(ws, "A1", t["sourcing_title"])
    ws["A2"] = t["sourcing_help"]
    ws.merge_cells("A2:H2")  # a paragraph over the blocks' width, not one long line
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 48
    styles.section(ws, f"A{lay.quoted_header - 1}", t["quoted_title"])
    styles.header_row(ws, lay.quoted_header, [c.label(VENDOR.by_name["name"]), t["quoted_channels"]])
    ws.row_dimensions[lay.quoted_header].height = 30
    for v, vendor in enumerate(case.vendors):
        r = lay.quoted_header + 1 + v
        ws[f"A{r}"] = f"=Vendors!$A${plan.vendors.row(v)}"
        c.input_cell(ws, f"B{r}", _QUOTED, ", ".join(vendor.channels))
    define_name(ws, "sourcing_quoted", f"{SHEET}!$B${lay.quoted_header + 1}:$B${lay.quoted_header + len(case.vendors)}")
    for p, (portfolio, block) in enumerate(zip(case.portfolios, lay.blocks), start=1):
        _write_block(ws, plan, c, p, portfolio, block)
    for letter, width in (("A", 46), ("B", 26), ("C", 22), ("D", 16)):
        ws.column_dimensions[letter].width = width
    for k in range(max((len(b.vendors) for b in lay.blocks), default=0)):
        ws.column_dimensions[col(FIRST_SHARE_COL + k)].width = 20
    write_continuity(ws, plan, c)  # issue 14: a vendor's failure, one line per vendor of each portfolio


def _write_block(ws, plan, c, p: int, portfolio, block: PortfolioBlock):
    """One portfolio: its name, each channel's assignment, then its teams and invoices in year 1."""
    t, case = c.t, c.case
    styles.section(ws, f"A{block.title}", t["portfolio_title"].format(number=p))
    ws[f"A{block.name_row}"] = t["portfolio_name"]
    c.input_cell(ws, f"B{block.name_row}", _NAME, portfolio.name)
    define_name(ws, f"portfolio{p}_name", f"{SHEET}!$B${block.name_row}")
    ws[f"E{block.header - 1}"] = t["pf_shares"]
    labels = [c.label(CHANNEL.by_name["name"]), t["pf_mode"], t["pf_vendor"], t["pf_inhouse"]]
    styles.header_row(ws, block.header, labels + [case.vendors[v].name for v in block.vendors] + [t["pf_valid"]])
    ws.row_dimensions[block.header].height = 30
    for i, channel in enumerate(case.channels):
        r, a = block.first + i, portfolio.channels[i]
        ws[f"A{r}"] = f"=Inputs!$A${plan.inputs.channel_row(i)}"
        c.input_cell(ws, f"B{r}", _MODE, a.mode)
        c.input_cell(ws, f"C{r}", _VENDOR, a.vendor)
        for k, v in enumerate(block.vendors):
            c.input_cell(ws, f"{block.share_col(k)}{r}", _SHARE, a.share(case.vendors[v].name))
        shares = f"E{r}:{block.last_col}{r}"
        split, extended, overflow = (choice_label(m, c.lang) for m in PORTFOLIO_MODES)  # as the mode cell shows it
        ws[f"D{r}"] = f'=IF(B{r}="{split}",1-SUM({shares}),"-")'
        styles.number_format(ws[f"D{r}"], "0.0%")
        # Valid: split shares summing to at most 100 %, or a mode naming one of the portfolio's vendors.
        vendors = f"$E${block.header}:${block.last_col}${block.header}"
        ws[f"{col(FIRST_SHARE_COL + len(block.vendors))}{r}"] = (
            f'=((B{r}="{split}")*(SUM({shares})<=1+CHECK_TOLERANCE)+((B{r}="{extended}")'
            f'+(B{r}="{overflow}"))*(COUNTIF({vendors},C{r})>0))*1')
    last = block.first + len(case.channels) - 1
    define_name(ws, f"portfolio{p}_assignments", f"{SHEET}!$B${block.first}:${block.last_col}${last}")
    define_name(ws, f"portfolio{p}_vendors", f"{SHEET}!$E${block.header}:${block.last_col}${block.header}")
    _write_results(ws, plan, c, p - 1, block)


def _write_results(ws, plan, c, p: int, block: PortfolioBlock):
    """The portfolio's teams and invoices in year 1: links to the sums of its Calc rows."""
    t, calc, prefix = c.t, plan.calc, f"pf{p}"
    styles.section(ws, f"A{block.results}", t["pf_results"])
    first, last = month_col(1), month_col(12)

    def link(r, label, key, fn, fmt):
        ws[f"A{r}"] = label
        row = calc.rows[RowKey(*key) if isinstance(key, tuple) else key]
        ws[f"B{r}"] = f"={fn}(Calc!${first}${row}:${last}${row})"
        styles.number_format(ws[f"B{r}"], fmt)

    r = block.results + 1
    link(r, t["pf_inhouse_fte"], (prefix, "fte"), "AVERAGE", styles.DECIMAL)
    link(r + 1, t["pf_pooling"], (prefix, "pooling_loss"), "AVERAGE", styles.DECIMAL)
    r += 2
    for v in block.vendors:
        name = c.case.vendors[v].name
        link(r, t["pf_vendor_fte"].format(vendor=name), (f"{prefix}v{v}", "vendor_fte"), "AVERAGE", styles.DECIMAL)
        link(r + 1, t["pf_invoice"].format(vendor=name), (f"{prefix}v{v}", "vendor_invoice"), "SUM", c.money)
        link(r + 2, t["pf_governance"].format(vendor=name), (f"{prefix}v{v}", "governance"), "SUM", c.money)
        r += 3


# -- reading back ----------------------------------------------------------------------------------

def read_sourcing(reading, data: dict, channels: list[dict]) -> None:
    """The Sourcing sheet's inputs into the case mapping ``data`` (vendors' ``channels``, the
    ``portfolios``), each location of the case file mapped to its cell in ``reading.where``."""
    book, where = reading.book, reading.where
    found = book.name_target("sourcing_quoted")
    if found is None:
        return
    sheet, ref = found
    c0, r0, _, r1 = range_boundaries(ref)
    for v, vendor in enumerate(data["vendors"]):
        if r0 + v > r1:
            break
        text = reading.typed(sheet, r0 + v, c0)
        where[f"[[vendors]] {v + 1} .channels"] = f"{sheet}!B{r0 + v}"
        names = [n.strip() for n in str(text).split(",") if n.strip()] if text not in (None, "") else []
        if names:
            vendor["channels"] = names
    portfolios = []
    for p in range(1, MAX_PORTFOLIOS + 1):
        found = book.name_target(f"portfolio{p}_name")
        if found is None:
            break
        portfolios.append(_read_block(reading, p, found, [ch.get("name") for ch in channels]))
    if portfolios:
        data["portfolios"] = portfolios


def _read_block(reading, p: int, name_at, channel_names) -> dict:
    book, where = reading.book, reading.where
    sheet, ref = name_at
    c, r, _, _ = range_boundaries(ref)
    at = f"[[portfolios]] {p}"
    where[f"{at} .name"] = f"{sheet}!{ref}"
    _, hdr = book.name_target(f"portfolio{p}_vendors")
    h0, hr, h1, _ = range_boundaries(hdr)
    vendors = [str(book.value(sheet, hr, k) or "").strip() for k in range(h0, h1 + 1)]
    where[f"{at} .vendors"] = f"{sheet}!{hdr}"
    _, span = book.name_target(f"portfolio{p}_assignments")
    b0, first, b1, last = range_boundaries(span)
    assigned = {}
    for i, channel in enumerate(channel_names):
        row = first + i
        if row > last or not channel:
            continue
        assigned[channel] = _read_assignment(reading, sheet, row, h0, vendors, f"{at} .channels.{channel}")
    return {"name": reading.typed(sheet, r, c) or "", "vendors": vendors, "channels": assigned}


def _read_assignment(reading, sheet: str, row: int, first_share: int, vendors: list[str], at: str):
    """One channel's row as the case file writes it (see :mod:`xlmodel.portfolios`)."""
    where = reading.where
    mode = reading.typed(sheet, row, 2)
    vendor = reading.typed(sheet, row, 3)
    shares = {v: reading.typed(sheet, row, first_share + k) for k, v in enumerate(vendors)}
    shares = {v: s for v, s in shares.items() if s not in (None, "", 0)}
    mode = SPLIT if mode in (None, "") else choice_value(str(mode).strip(), PORTFOLIO_MODES)
    where[at] = f"{sheet}!{col(first_share)}{row}:{col(first_share + len(vendors) - 1)}{row}"
    where[f"{at}.mode"] = f"{sheet}!B{row}"
    where[f"{at}.vendor"] = f"{sheet}!C{row}"
    for k, v in enumerate(vendors):
        where[f"{at}.{v}"] = f"{sheet}!{col(first_share + k)}{row}"
    if mode not in PORTFOLIO_MODES:
        reading.problems.append(Problem(f"{sheet}!B{row}", f"must be one of {', '.join(map(repr, PORTFOLIO_MODES))} "
                                                           f"(found {mode!r})"))
        return INHOUSE
    if mode == SPLIT:
        if vendor not in (None, ""):
            reading.problems.append(Problem(f"{sheet}!C{row}", "the vendor of a mode applies to extended_hours and "
                                                               "overflow: clear it, or choose one of those modes"))
        numbers = [s for s in shares.values() if isinstance(s, (int, float)) and not isinstance(s, bool)]
        rest = 1 - sum(numbers)
        return {**({INHOUSE: rest} if rest > 0 and len(numbers) == len(shares) else {}), **shares} if shares \
            else INHOUSE
    if shares:
        reading.problems.append(Problem(where[at], f"the shares apply in split mode only: clear them, or set the "
                                                   f"mode to {SPLIT!r}"))
    return {"mode": mode, "vendor": "" if vendor is None else str(vendor)}

