"""Every build verifies itself: the workbook about to be written is recalculated in process by a
second engine, IronCalc (``pip install ironcalc``: wheels for Windows, macOS and Linux), and its
figures are compared with xlmodel's engine before it replaces anything.

What is compared, from the plan of the workbook (:mod:`xlmodel.workbook.layout`):

- every scenario's figures on the Compare sheet: annual cost and each cost line by year, one-off
  costs by line and in total, NPV of cost, NPV of savings, ROI, payback month, IRR, contacts, cost
  per contact, in-house and vendor FTE by year;
- the agents on duty of every staffing row and month, native (Staffing sheet) against the engine's
  Python sizing;
- every check of the Checks sheet and the master check: 1;
- the headline: the recommended scenario, its NPV of savings, the service targets and the
  recommendation sentence.

IronCalc formats FIXED() in English whatever its locale, where Excel and LibreOffice follow the
reader's (``7 841 431`` and ``0,577`` in French): before a book of another language is recalculated,
each FIXED() of its formulas is wrapped in the language's marks (:func:`in_language_marks`), so that
only the digits FIXED() wrote take them, never a text the program already wrote in that language (a
French ``0,577 €`` read through a formula was once stored as ``0 577 €``).

A disagreement is a model bug: :class:`VerificationError` names each cell and both values, and the
build writes nothing.  The same recalculation gives every formula cell its stored value
(:meth:`Recalculated.stored`, written by :func:`xlmodel.workbook.parts.store_values`).
"""

from __future__ import annotations

import functools
import math
import re
import tempfile
import zipfile
from xml.sax.saxutils import escape, unescape
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from ..text.failures import Said
from .parts import StoredValue, sheet_parts, zip_parts

if TYPE_CHECKING:  # the command line imports this module for its error: it stays light
    from ..engine import Comparison
    from .layout import Plan

MONEY_TOLERANCE = 0.005  # currency units: half a cent
RELATIVE_TOLERANCE = 1e-9
MAX_REPORTED = 10  # disagreements named one by one


class VerificationError(Said, RuntimeError):
    """The workbook, recalculated by a second engine, disagrees with the engine (a model bug)."""

    def __init__(self, found: list[Disagreement]):
        self.disagreements = found
        listed = [("fail_disagreement", {"cell": d.cell, "what": d.what, "workbook": repr(d.workbook),
                                         "engine": repr(d.engine)}) for d in found[:MAX_REPORTED]]
        more = ("fail_disagrees_more", {"count": str(len(found) - MAX_REPORTED)}) if len(found) > MAX_REPORTED else ""
        super().__init__("fail_disagrees", count=str(len(found)), listed=listed, more=more)

    def __reduce__(self):
        return VerificationError, (self.disagreements,)


@dataclass(frozen=True)
class Disagreement:
    cell: str  # "Compare!E12"
    what: str
    workbook: object
    engine: object

    def __str__(self) -> str:
        return f"{self.cell} ({self.what}): the workbook computes {self.workbook!r}, the engine {self.engine!r}"


class Recalculated:
    """A workbook recalculated by IronCalc (``model``, an evaluated ``ironcalc`` model, its FIXED()
    calls in the marks of ``lang``, the workbook's language: :func:`in_language_marks`): every cell's
    value, and each formula cell's stored value."""

    def __init__(self, model, lang: str = "en"):
        import ironcalc
        self.model = model
        self._types = ironcalc.CellType
        self.sheets = {p["name"]: k for k, p in enumerate(self.model.get_worksheets_properties())}
        from .sheetnames import titles_in
        for key, tab in titles_in(list(self.sheets)).items():  # a sheet by its key too, whatever its tab
            self.sheets.setdefault(key, self.sheets[tab])

    def value(self, sheet: str, cell: str):
        """A cell's value: a float, a text, a bool, None (empty), or an error text such as ``#N/A``;
        ``sheet`` is a tab or a sheet key (``"Compare"`` in a book of either language)."""
        from openpyxl.utils.cell import coordinate_to_tuple
        row, column = coordinate_to_tuple(cell)
        return self.model.get_cell_value(self.sheets[sheet], row, column)

    def stored(self, sheet: str, column: str, row: int) -> tuple[str, StoredValue]:
        """What formula cell ``column``/``row`` of ``sheet`` stores: see :func:`~xlmodel.workbook.parts.store_values`."""
        index, number = self.sheets[sheet], _column_number(column)
        value = self.model.get_cell_value(index, row, number)
        if isinstance(value, bool):
            return "b", value
        if isinstance(value, (int, float)):
            return "n", value
        if isinstance(value, str):
            if value.startswith("#") and self.model.get_cell_type(index, row, number) == self._types.ErrorValue:
                return "e", value
            return "str", value
        return "", None


@functools.lru_cache(maxsize=None)
def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_FIXED = re.compile(r'"(?:[^"]|"")*"|(?<![A-Za-z0-9_.])FIXED\(', re.IGNORECASE)  # a text literal, or a FIXED( call
_FORMULA = re.compile(rb"(<f\b[^>]*>)([^<]+)(</f>)")


def in_language_marks(formula: str, lang: str) -> str:
    """``formula`` with each FIXED() call showing its digits in the marks of ``lang``, as Excel and
    LibreOffice show FIXED() in that language's locales (``7 841 431``, ``32,07``): IronCalc writes
    ``7,841,431`` and ``32.07`` whatever its locale. The marks are swapped through ``#``, which FIXED()
    never writes. Text literals are left as they are."""
    from ..text import words
    t = words(lang)
    thousands, decimal = t["thousands"], t["decimal_mark"]
    if (thousands, decimal) == (",", "."):
        return formula
    out, at = [], 0
    while (m := _FIXED.search(formula, at)) is not None:
        if m.group(0).startswith('"'):
            out.append(formula[at:m.end()])
            at = m.end()
            continue
        end = _closing(formula, m.end())
        inner = in_language_marks(formula[m.end():end], lang)
        out.append(f'{formula[at:m.start()]}SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({m.group(0)}{inner}),",","#"),'
                   f'".","{decimal}"),"#","{thousands}")')
        at = end + 1
    return "".join(out) + formula[at:]


def _closing(formula: str, start: int) -> int:
    """The index of the parenthesis closing the one just before ``start``."""
    depth, i = 1, start
    while i < len(formula):
        char = formula[i]
        if char == '"':
            i = formula.index('"', i + 1)
            while formula.startswith('""', i):  # a doubled quote inside the literal
                i = formula.index('"', i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced parentheses in {formula!r}")


_EMPTY_TEXT = re.compile(rb'(<c r="[A-Z]{1,3}[0-9]+"(?: s="[0-9]+")?) t="inlineStr" ?/>')


def _as_read_in_language(parts: Mapping[str, bytes], lang: str) -> dict[str, bytes]:
    """``parts`` as IronCalc must read them to compute what Excel and LibreOffice compute: every
    sheet's formulas through :func:`in_language_marks`, and an empty input cell (openpyxl writes an
    empty text as an inline string with no text) empty, as they read it (``=C14`` gives 0 there; a
    text ``""`` in IronCalc, stored in a formula linking to it where every recalculation shows 0)."""
    out = dict(parts)

    def formula(m: re.Match) -> bytes:
        text = unescape(m.group(2).decode("utf-8"))
        if "FIXED(" not in text.upper():
            return m.group(0)
        return m.group(1) + escape(in_language_marks(text, lang)).encode("utf-8") + m.group(3)
    for part in sheet_parts(parts).values():
        out[part] = _EMPTY_TEXT.sub(rb"\1/>", _FORMULA.sub(formula, parts[part]))
    return out


def recalculate(parts: Mapping[str, bytes], lang: str = "en") -> Recalculated:
    """The workbook of ``parts`` (:func:`xlmodel.workbook.parts.workbook_parts`) recalculated in
    process as Excel and LibreOffice compute it (:func:`_as_read_in_language`; ``lang``: the language
    the workbook was written in)."""
    import ironcalc
    with tempfile.TemporaryDirectory(prefix="xlmodel-verify-") as folder:
        path = Path(folder) / "book.xlsx"
        path.write_bytes(zip_parts(_as_read_in_language(parts, lang), compresslevel=0))
        model = ironcalc.load_from_xlsx(str(path), "en", "UTC")
    model.evaluate()
    return Recalculated(model, lang)


def load(path: str | Path, lang: str = "en") -> Recalculated:
    """The workbook file at ``path`` loaded and recalculated in process (IronCalc reads the file's
    formulas in any language; ``lang`` is the language the workbook was written in)."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    return recalculate(parts, lang)


def _close(a, b, money: bool = True) -> bool:
    return (isinstance(a, (int, float)) and not isinstance(a, bool)
            and math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=MONEY_TOLERANCE if money else 1e-9))


def disagreements(book: Recalculated, plan: Plan, result: Comparison, lang: str) -> list[Disagreement]:
    """Every figure of the workbook that differs from the engine's (see the module)."""
    found: list[Disagreement] = []
    found += _compare_sheet(book, plan, result)
    found += _staffing(book, plan, result)
    found += _checks(book, plan)
    found += _headline(book, plan, result, lang)
    return found


def verify(book: Recalculated, plan: Plan, result: Comparison, lang: str) -> None:
    """Raise :class:`VerificationError` when the recalculated workbook disagrees with the engine."""
    found = disagreements(book, plan, result, lang)
    if found:
        raise VerificationError(found)


def _compare_sheet(book: Recalculated, plan: Plan, result: Comparison) -> list[Disagreement]:
    from ..model import COST_LINES, ONE_OFF_LINES
    lay, out = plan.compare, []

    def check(cell: str, what: str, expected, money: bool = True):
        value = book.value("Compare", cell)
        if expected is None:  # no figure (never paid back, no IRR): the workbook shows a word
            if not isinstance(value, str):
                out.append(Disagreement(f"Compare!{cell}", what, value, None))
        elif not _close(value, expected, money):
            out.append(Disagreement(f"Compare!{cell}", what, value, expected))

    for s in result.scenarios:
        x = lay.columns[s.id]
        for y, value in enumerate(s.annual_cost):
            check(f"{x}{lay.annual.first + y}", f"{s.id}: annual cost, year {y + 1}", value)
        for line, _, _ in COST_LINES:
            for y, value in enumerate(s.cost_lines[line]):
                check(f"{x}{lay.lines[line].first + y}", f"{s.id}: {line}, year {y + 1}", value)
        for line, _, _ in ONE_OFF_LINES:
            check(f"{x}{lay.one_off_lines[line]}", f"{s.id}: one-off {line}", s.one_off_lines[line])
        check(f"{x}{lay.one_off}", f"{s.id}: one-off cost", s.one_off_cost)
        check(f"{x}{lay.npv_cost}", f"{s.id}: NPV of cost", s.npv_cost)
        check(f"{x}{lay.npv_savings}", f"{s.id}: NPV of savings", s.npv_savings)
        if s.kind != "inhouse":  # the reference shows a word for its ROI, payback and IRR
            check(f"{x}{lay.roi}", f"{s.id}: ROI", s.roi, money=False)
            check(f"{x}{lay.payback}", f"{s.id}: payback month", s.payback_months, money=False)
            check(f"{x}{lay.irr}", f"{s.id}: IRR", s.irr, money=False)
        for name in ("contacts", "cost_per_contact", "fte", "vendor_fte"):
            first = getattr(lay, name).first
            for y, value in enumerate(getattr(s, name)):
                check(f"{x}{first + y}", f"{s.id}: {name}, year {y + 1}", value, money=name == "cost_per_contact")
    return out


def _staffing(book: Recalculated, plan: Plan, result: Comparison) -> list[Disagreement]:
    from .layout import FIRST_MONTH_COL, col
    out, staff = [], result.evaluation.staff
    for key, r in plan.staffing.rows.items():
        for m, expected in enumerate(staff[key]):
            cell = f"{col(FIRST_MONTH_COL + m)}{r}"
            value = book.value("Staffing", cell)
            if not _close(value, float(expected), money=False):
                out.append(Disagreement(f"Staffing!{cell}", f"{key}: agents on duty, month {m + 1}", value,
                                        float(expected)))
    return out


def _checks(book: Recalculated, plan: Plan) -> list[Disagreement]:
    rows = [*plan.checks.rows, ("master", plan.checks.master_row)]
    return [Disagreement(f"Checks!B{r}", f"check {key}", book.value("Checks", f"B{r}"), 1)
            for key, r in rows if book.value("Checks", f"B{r}") != 1]


def _headline(book: Recalculated, plan: Plan, result: Comparison, lang: str) -> list[Disagreement]:
    from ..text.sentences import recommendation, service_targets
    out = []
    best = result.scenario(result.best)
    if book.value("Dashboard", "B6") != result.best:
        out.append(Disagreement("Dashboard!B6", "recommended scenario", book.value("Dashboard", "B6"), result.best))
    if not _close(book.value("Dashboard", "B7"), best.npv_savings):
        out.append(Disagreement("Dashboard!B7", "its NPV of savings", book.value("Dashboard", "B7"),
                                best.npv_savings))
    targets = service_targets(result.case, lang)
    if book.value("Dashboard", "B10") != targets:
        out.append(Disagreement("Dashboard!B10", "service targets", book.value("Dashboard", "B10"), targets))
    sentence = recommendation(result, lang)
    shown = book.value("Dashboard", "A4")
    if shown != sentence:
        out.append(Disagreement("Dashboard!A4", "recommendation", shown, sentence))
    return out
