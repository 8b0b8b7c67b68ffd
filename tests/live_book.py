"""A built workbook edited as a finance user edits it, recalculated in process (IronCalc), and read
back as `compare` reads a workbook: the helpers of tests/test_live_edits.py.

The cells a user may edit, and what each accepts, come from the plan and the schema
(:func:`editable_cells`), so an input added to the schema is edited too without a word here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from xlmodel.schema import CHANNEL, HYBRID, VENDOR, Field
from xlmodel.workbook.openpyxl_book import OpenpyxlBook, workbook_tables
from xlmodel.workbook.plan import INPUT_SECTIONS
from xlmodel.workbook.verify import load

# Inputs that are the workbook's structure or identity, not figures a finance user revises: the
# horizon sets how many months the sheets have (a rebuild changes it), the case section names the
# case, its currency and language; texts are names.
# The horizon and the year back in-house (0 or not: whether the book has that scenario) shape the book.
STRUCTURE = {("case", None), ("finance", "horizon_years"), ("reinternalisation", "year")}


@dataclass(frozen=True)
class Editable:
    """One input cell: where it is, the schema field whose validation it has, the value at build."""

    sheet: str
    row: int
    column: int
    field: Field
    value: object

    @property
    def cell(self) -> str:
        from openpyxl.utils import get_column_letter
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}"


YES_NO = Field("to_vendor", "choice", "no", "", "", "", choices=("yes", "no"))


def editable_cells(plan, case) -> list[Editable]:
    """Every input cell of the workbook a user may edit within its validation, from the plan: the
    single inputs (Inputs, Hybrid), each channel's and each vendor's fields, the hybrid channel
    flags. The seasonality weights are edited together (:func:`seasonality_cells`)."""
    found = []
    for section in INPUT_SECTIONS:
        if (section.name, None) in STRUCTURE:
            continue
        record = getattr(case, section.name)
        for f in section.fields:
            if f.kind != "text" and (section.name, f.name) not in STRUCTURE:
                found.append(Editable("Inputs", plan.inputs.fields[(section.name, f.name)], 2, f,
                                      getattr(record, f.name)))
    for i, channel in enumerate(case.channels):
        for f in CHANNEL.fields:
            if f.kind != "text":
                found.append(Editable("Channels", plan.channels.row(i),
                                      column_index_from_string(plan.channels.columns[f.name]), f,
                                      getattr(channel, f.name)))
    for v, vendor in enumerate(case.vendors):
        for f in VENDOR.fields:
            if f.kind != "text":
                found.append(Editable("Vendors", plan.vendors.row(v), column_index_from_string(plan.vendors.columns[f.name]),
                                      f, getattr(vendor, f.name)))
    for name, row in plan.hybrid.fields.items():
        found.append(Editable("Hybrid", row, 2, HYBRID.by_name[name], getattr(case.hybrid, name)))
    for i, channel in enumerate(case.channels):
        found.append(Editable("Hybrid", plan.hybrid.flag_row(i), 2, YES_NO,
                              "yes" if channel.name in case.hybrid.channels else "no"))
    return found


def seasonality_cells(plan) -> list[tuple[str, int, int]]:
    return [("Inputs", r, 2) for r in plan.inputs.seasonality.rows]


def within(f: Field, value: float) -> bool:
    """Whether ``value`` passes the field's validation (its bounds, strict or not)."""
    if f.minimum is not None and (value < f.minimum or (f.exclusive_min and value == f.minimum)):
        return False
    if f.maximum is not None and (value > f.maximum or (f.exclusive_max and value == f.maximum)):
        return False
    return math.isfinite(value)


class LiveBook:
    """A built workbook loaded once in IronCalc: :meth:`edit` types values into input cells,
    :meth:`evaluate` recalculates, :meth:`reset` types the build's values back. It is also the
    reader's :class:`~xlmodel.workbook.reader.BookView` (names and tables from the built file, values
    from IronCalc), so ``read_book_case(live)`` is the case `compare` reads from the edited book."""

    def __init__(self, path: Path, lang: str):
        # Names and tables only: read-only, no sheet parsed (a whole load takes seconds).
        self.structure = OpenpyxlBook(load_workbook(path, read_only=True), None, workbook_tables(Path(path).read_bytes()))
        self.recalculated = load(path, lang)
        self.model = self.recalculated.model
        self.index = self.recalculated.sheets
        self._typed: dict[tuple[str, int, int], object] = {}  # cell -> its value before the edits

    def edit(self, sheet: str, row: int, column: int, value) -> None:
        key = (sheet, row, column)
        self._typed.setdefault(key, self.model.get_cell_value(self.index[sheet], row, column))
        self._type(key, value)

    def _type(self, key, value) -> None:
        sheet, row, column = key
        if value is None:
            self.model.clear_cell_contents(self.index[sheet], row, column)
        elif isinstance(value, str):
            self.model.update_cell_with_text(self.index[sheet], row, column, value)
        else:
            self.model.update_cell_with_number(self.index[sheet], row, column, float(value))

    def evaluate(self) -> None:
        self.model.evaluate()

    def reset(self) -> None:
        for key, value in self._typed.items():
            self._type(key, value)
        self._typed.clear()

    # The reader's BookView.
    def sheetnames(self):
        return self.structure.sheetnames()

    def name_target(self, name):
        return self.structure.name_target(name)

    def table_ref(self, sheet, table):
        return self.structure.table_ref(sheet, table)

    def value(self, sheet, row, column):
        value = self.model.get_cell_value(self.index[sheet], row, column)
        if isinstance(value, float) and value.is_integer():
            return int(value)  # as openpyxl reads <v>3</v>
        return value
