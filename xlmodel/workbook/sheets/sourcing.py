"""The Sourcing sheet (issue 14): the channels each quote covers, then one block per portfolio scenario
with each channel's assignment as inputs (mode, vendor of the mode, each vendor's share; the in-house
team takes the rest) and the portfolio's teams and invoices, linked to their Calc rows.

A phased portfolio has one assignment table per phase, each under the month its phase starts (an
input from the second phase on), and under a phase with KPI targets the pilot's scorecard: each
target (an input), the value measured (an input, blank until measured) and a live status (met, not
met, to measure).

The sheet exists when the case has a portfolio or a quote for some channels only.  It is planned
(:func:`plan_sourcing`), written (:func:`write`) and read back (:func:`read_sourcing`) here, by the
defined names it gives its ranges (``portfolio1_assignments``...), so that reading needs no layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from openpyxl.styles import Alignment
from openpyxl.utils.cell import range_boundaries

from ...errors import Problem
from ...limits import MAX_HORIZON_YEARS, MAX_PHASES, MAX_PORTFOLIOS
from ...model import CaseRef, RowKey
from ...model.portfolio import PhaseStart, PortfolioInput, PortfolioShare
from ...portfolios import INHOUSE, KPI_FIELDS, PORTFOLIO_MODES, SPLIT
from ...schema import CHANNEL, VENDOR, Field
from ...text import choice_label, choice_value
from .. import styles
from ..content import define_name, naming
from ..layout import col, month_col
from ..printing import LINE_HEIGHT, column_width, text_width, wrapped_lines
from .continuity import write_continuity

SHEET = "Sourcing"
_MODE = Field("mode", "choice", SPLIT, "", "Mode", "Mode", choices=PORTFOLIO_MODES)
_VENDOR = Field("vendor", "text", "", "", "Vendor of the mode", "Prestataire du mode")
_SHARE = Field("share", "rate", 0.0, "of contacts", "Share to the vendor", "Part confiée au prestataire", 0, 1,
               fr_unit="des contacts")
_NAME = Field("name", "text", "", "", "Portfolio name", "Nom du portefeuille", required=True)
_QUOTED = Field("channels", "text", "", "", "Channels quoted", "Canaux de l'offre")
_FROM = Field("from_month", "int", 2, "month", "Phase starts in month", "Début de la phase (mois)", 2,
              12 * MAX_HORIZON_YEARS, fr_unit="mois")
_KPI = {"service_level": Field("service_level", "rate", 0.8, "of contacts", "Service level", "Niveau de service",
                               0, 1, fr_unit="des contacts"),
        "first_contact_resolution": Field("first_contact_resolution", "rate", 0.7, "of contacts",
                                          "First-contact resolution", "Résolution au premier contact", 0, 1,
                                          fr_unit="des contacts"),
        "csat": Field("csat", "number", 4.0, "out of 5", "Customer satisfaction (CSAT)",
                      "Satisfaction client (CSAT)", 0, 5, fr_unit="sur 5", decimals=1)}
FIRST_SHARE_COL = 5  # E: A channel, B mode, C vendor of the mode, D in-house share (the rest)
_CENTRED = Alignment(wrap_text=True, vertical="center", horizontal="center")


@dataclass(frozen=True)
class PhaseTable:
    """One phase's assignments: the row of its start month (0: a portfolio without phases), its
    header, its first channel row, and its scorecard's first KPI row (0: none)."""

    start: int
    header: int
    first: int
    kpis: int = 0


@dataclass(frozen=True)
class PortfolioBlock:
    title: int
    name_row: int
    vendors: tuple[int, ...]  # case vendor indexes, one share column each from E
    results: int  # the title of the teams and invoices; their rows follow
    phases: tuple[PhaseTable, ...] = ()

    @property
    def header(self) -> int:  # the share columns hold the vendors' names
        return self.phases[0].header

    @property
    def first(self) -> int:  # channel i on first + i
        return self.phases[0].first

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

    def valid_spans(self, block: PortfolioBlock) -> list[str]:
        """The block's columns of 0/1 flags, one per channel and phase: its assignment is valid."""
        c = col(FIRST_SHARE_COL + len(block.vendors))
        return [f"{SHEET}!${c}${t.first}:${c}${t.first + self.channels - 1}" for t in block.phases]


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
        tables, row = [], r + 3
        if not portfolio.phased:
            tables.append(PhaseTable(0, row, row + 1))
            row += 1 + n + 1
        else:
            for k, phase in enumerate(portfolio.phases):
                kpis = row + 2 + n + 1 if phase.kpi_targets else 0
                tables.append(PhaseTable(row, row + 1, row + 2, kpis))
                if k:
                    refs[PhaseStart(p, k)] = f"{SHEET}!$B${row}"
                    cells.add((SHEET, f"B{row}"))
                row = (kpis + len(KPI_FIELDS) if kpis else row + 2 + n) + 1
        for k, table in enumerate(tables):
            for i in range(n):
                at = table.first + i
                refs[PortfolioInput(p, i, "mode", k)] = f"{SHEET}!$B${at}"
                refs[PortfolioInput(p, i, "vendor", k)] = f"{SHEET}!$C${at}"
                cells |= {(SHEET, f"B{at}"), (SHEET, f"C{at}")}
                for j, v in enumerate(vendors):
                    share_col = col(FIRST_SHARE_COL + j)
                    refs[PortfolioShare(p, i, v, k)] = f"{SHEET}!${share_col}${at}"
                    cells.add((SHEET, f"{share_col}{at}"))
            if table.kpis:
                cells |= {(SHEET, f"{c}{table.kpis + j}") for j in range(len(KPI_FIELDS)) for c in "BC"}
        block = PortfolioBlock(r, r + 1, vendors, row, tuple(tables))
        cells.add((SHEET, f"B{block.name_row}"))
        blocks.append(block)
        r = block.results + 1 + 2 + 3 * len(vendors) + 2
    return SourcingLayout(5, tuple(blocks), n)


def write(ws, plan, c):
    t, case, lay = c.t, c.case, plan.sourcing
    styles.title(ws, "A1", t["sourcing_title"])
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
    if lay.blocks:  # "Valid (1)", after every quote's share column: its formula's mode words fit on one line
        words = [text_width(choice_label(m, c.lang)) for m in PORTFOLIO_MODES]
        ws.column_dimensions[col(FIRST_SHARE_COL + len(lay.blocks[0].vendors))].width = max(12, *words)
    write_continuity(ws, plan, c)  # issue 14: a vendor's failure, one line per vendor of each portfolio
    _help_paragraph(ws, t["sourcing_help"])  # over the sheet's width, known once the blocks are written


def _help_paragraph(ws, text: str) -> None:
    """Row 2's help over the columns the sheet prints (wider, it was cut at the page's edge)."""
    styles.help_paragraph(ws, text, col(last := max(ws.max_column, 4)))
    lines = wrapped_lines(text, sum(column_width(ws, j) for j in range(1, last + 1)))
    ws.row_dimensions[2].height = max(2, lines) * LINE_HEIGHT


def _write_block(ws, plan, c, p: int, portfolio, block: PortfolioBlock):
    """One portfolio: its name, each channel's assignment (by phase), then its teams and invoices in year 1."""
    t = c.t
    styles.section(ws, f"A{block.title}", t["portfolio_title"].format(number=p))
    ws[f"A{block.name_row}"] = t["portfolio_name"]
    c.input_cell(ws, f"B{block.name_row}", _NAME, portfolio.name)
    define_name(ws, f"portfolio{p}_name", f"{SHEET}!$B${block.name_row}")
    for k, (phase, table) in enumerate(zip(portfolio.phases, block.phases)):
        _write_phase(ws, plan, c, p, k, phase, table, block)
    _write_results(ws, plan, c, p - 1, block)


def _write_phase(ws, plan, c, p: int, k: int, phase, table: PhaseTable, block: PortfolioBlock):
    """One phase's table: its start month, each channel's assignment, and the pilot's scorecard."""
    t, case = c.t, c.case
    name = f"portfolio{p}" if k == 0 else f"portfolio{p}_phase{k + 1}"
    if table.start:
        ws[f"A{table.start}"] = t["pf_phase"].format(number=k + 1)
        if k == 0:
            ws[f"B{table.start}"] = 1  # the first phase starts at signature
        else:
            c.input_cell(ws, f"B{table.start}", _FROM, phase.from_month)
            define_name(ws, f"{name}_from", f"{SHEET}!$B${table.start}")
    ws[f"E{table.header - 1}"] = t["pf_shares"]
    labels = [c.label(CHANNEL.by_name["name"]), t["pf_mode"], t["pf_vendor"], t["pf_inhouse"]]
    if k == 0:
        styles.header_row(ws, table.header, labels + [case.vendors[v].name for v in block.vendors] + [t["pf_valid"]])
    else:  # the same vendors as the first phase's header (a formula, not the user's text)
        for j, label in enumerate(labels + [None] * len(block.vendors) + [t["pf_valid"]], start=1):
            ws.cell(row=table.header, column=j).value = label if label is not None else \
                f"={col(j)}${block.header}"
        styles.header_row(ws, table.header, None)
    ws.row_dimensions[table.header].height = 30
    valid_col = FIRST_SHARE_COL + len(block.vendors)
    for j in range(FIRST_SHARE_COL, valid_col + 1):  # centred, apart: the last vendor's name and "Valid (1)" are
        ws.cell(row=table.header, column=j).alignment = _CENTRED  # two headers, not one (issue 16)
    last_col = col(FIRST_SHARE_COL + len(block.vendors) - 1)
    for i, channel in enumerate(case.channels):
        r, a = table.first + i, phase.channels[i]
        ws[f"A{r}"] = "=" + plan.channels.cell(i, "name")
        c.input_cell(ws, f"B{r}", _MODE, a.mode)
        c.input_cell(ws, f"C{r}", _VENDOR, a.vendor)
        for j, v in enumerate(block.vendors):
            c.input_cell(ws, f"{col(FIRST_SHARE_COL + j)}{r}", _SHARE, a.share(case.vendors[v].name))
        shares = f"E{r}:{last_col}{r}"
        split, extended, overflow = (choice_label(m, c.lang) for m in PORTFOLIO_MODES)  # as the mode cell shows it
        ws[f"D{r}"] = f'=IF(B{r}="{split}",1-SUM({shares}),"-")'
        styles.number_format(ws[f"D{r}"], "0.0%")
        # Valid: split shares summing to at most 100 %, or a mode naming one of the portfolio's vendors.
        vendors = f"portfolio{p}_vendors"  # by name: the text-fitting reads no vendor's name into a 0/1 cell
        ws[f"{col(valid_col)}{r}"] = (
            f'=((B{r}="{split}")*(SUM({shares})<=1+CHECK_TOLERANCE)+((B{r}="{extended}")'
            f'+(B{r}="{overflow}"))*(COUNTIF({vendors},C{r})>0))*1')
        ws[f"{col(valid_col)}{r}"].alignment = Alignment(horizontal="center")
    last = table.first + len(case.channels) - 1
    define_name(ws, f"{name}_assignments", f"{SHEET}!$B${table.first}:${last_col}${last}")
    if k == 0:
        define_name(ws, f"portfolio{p}_vendors", f"{SHEET}!$E${block.header}:${last_col}${block.header}")
    if table.kpis:
        _write_scorecard(ws, c, p, k, phase, table)


def _write_scorecard(ws, c, p: int, k: int, phase, table: PhaseTable):
    """The pilot's KPI targets, the values measured (blank until measured) and a live status."""
    t = c.t
    header = table.kpis - 1
    styles.header_row(ws, header, [t["kpi_title"].format(number=k + 1), t["kpi_target"], t["kpi_measured"],
                                   t["kpi_status"]])
    targets, measured = dict(phase.kpi_targets), dict(phase.kpi_measured)
    for j, (key, _, _) in enumerate(KPI_FIELDS):
        r, f = table.kpis + j, _KPI[key]
        ws[f"A{r}"] = f"{c.label(f)} ({c.unit_of(f)})"
        # Blank as empty text: an engine may read an empty numeric cell as 0 (IronCalc), a measured 0.
        c.input_cell(ws, f"B{r}", f, targets.get(key, ""))
        c.input_cell(ws, f"C{r}", f, measured.get(key, ""))
        # Every KPI here is better higher: met when the measured value reaches its target.
        ws[f"D{r}"] = (f'=IF(ISNUMBER(B{r}),IF(ISNUMBER(C{r}),IF(C{r}>=B{r},"{t["kpi_met"]}","{t["kpi_not_met"]}"),'
                       f'"{t["kpi_to_measure"]}"),"-")')
    define_name(ws, f"portfolio{p}_phase{k + 1}_kpis",
                f"{SHEET}!$B${table.kpis}:$C${table.kpis + len(KPI_FIELDS) - 1}")


def _write_results(ws, plan, c, p: int, block: PortfolioBlock):
    """The portfolio's teams and invoices in year 1: links to the sums of its Calc rows."""
    t, calc, prefix = c.t, plan.calc, f"pf{p}"
    styles.section(ws, f"A{block.results}", t["pf_results"])
    first, last = month_col(1), month_col(12)

    def link(r, label, key, fn, fmt):
        ws[f"A{r}"] = label  # a label naming a vendor is a formula over its name (renaming it follows)
        row = calc.rows[RowKey(*key) if isinstance(key, tuple) else key]
        ws[f"B{r}"] = f"={fn}(Calc!${first}${row}:${last}${row})"
        styles.number_format(ws[f"B{r}"], fmt)

    r = block.results + 1
    link(r, t["pf_inhouse_fte"], (prefix, "fte"), "AVERAGE", styles.DECIMAL)
    link(r + 1, t["pf_pooling"], (prefix, "pooling_loss"), "AVERAGE", styles.DECIMAL)
    r += 2
    for k, v in enumerate(block.vendors):
        name = f"${block.share_col(k)}${block.header}"  # the vendor's name in the block's header
        link(r, naming(t["pf_vendor_fte"], name), (f"{prefix}v{v}", "vendor_fte"), "AVERAGE", styles.DECIMAL)
        link(r + 1, naming(t["pf_invoice"], name), (f"{prefix}v{v}", "vendor_invoice"), "SUM", c.money)
        link(r + 2, naming(t["pf_governance"], name), (f"{prefix}v{v}", "governance"), "SUM", c.money)
        r += 3


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
    out = {"name": reading.typed(sheet, r, c) or "", "vendors": vendors}
    if book.name_target(f"portfolio{p}_phase1_kpis") is None and book.name_target(f"portfolio{p}_phase2_from") is None:
        out["channels"] = _read_table(reading, f"portfolio{p}_assignments", h0, vendors, channel_names,
                                      f"{at} .channels")
        return out
    phases = []
    for k in range(MAX_PHASES):
        name = f"portfolio{p}" if k == 0 else f"portfolio{p}_phase{k + 1}"
        phase_at = f"{at} .phases.{k + 1}"
        if k == 0:
            phase = {"from_month": 1}
        else:
            found = book.name_target(f"{name}_from")
            if found is None:
                break
            cell = found[1].replace("$", "")
            where[f"{phase_at} .from_month"] = f"{sheet}!{cell}"
            phase = {"from_month": reading.typed(sheet, *reversed(range_boundaries(found[1])[:2]))}
        phase["channels"] = _read_table(reading, f"{name}_assignments", h0, vendors, channel_names,
                                        f"{phase_at} .channels")
        kpis = book.name_target(f"portfolio{p}_phase{k + 1}_kpis")
        if kpis is not None:
            k0, kr, _, _ = range_boundaries(kpis[1])
            for column, key in ((k0, "kpi_targets"), (k0 + 1, "kpi_measured")):
                values = {}
                for j, (kpi, _, _) in enumerate(KPI_FIELDS):
                    value = reading.typed(sheet, kr + j, column)
                    where[f"{phase_at} .{key}.{kpi}"] = f"{sheet}!{col(column)}{kr + j}"
                    if value not in (None, ""):
                        values[kpi] = value
                if values:
                    phase[key] = values
        phases.append(phase)
    out["phases"] = phases
    return out


def _read_table(reading, name: str, h0: int, vendors: list[str], channel_names, at: str) -> dict:
    """One assignment table (a portfolio's or a phase's), by its defined name."""
    sheet, span = reading.book.name_target(name)
    b0, first, b1, last = range_boundaries(span)
    assigned = {}
    for i, channel in enumerate(channel_names):
        row = first + i
        if row > last or not channel:
            continue
        assigned[channel] = _read_assignment(reading, sheet, row, h0, vendors, f"{at}.{channel}")
    return assigned


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
        reading.problems.append(Problem.of(f"{sheet}!B{row}", "sourcing_mode",
                                           values=", ".join(map(repr, PORTFOLIO_MODES)), found=mode))
        return INHOUSE
    if mode == SPLIT:
        if vendor not in (None, ""):
            reading.problems.append(Problem.of(f"{sheet}!C{row}", "sourcing_mode_vendor"))
        numbers = [s for s in shares.values() if isinstance(s, (int, float)) and not isinstance(s, bool)]
        rest = 1 - sum(numbers)
        return {**({INHOUSE: rest} if rest > 0 and len(numbers) == len(shares) else {}), **shares} if shares \
            else INHOUSE
    if shares:
        reading.problems.append(Problem.of(where[at], "sourcing_shares", split=repr(SPLIT)))
    return {"mode": mode, "vendor": "" if vendor is None else str(vendor)}

