"""What a rebuild would drop: what the user added to a workbook outside its input cells.

A rebuild writes the workbook afresh from its inputs, so anything else a person put into it would
be lost: a sheet of their own, a column or a note typed beside the inputs (or in rows they
inserted), a comment, a picture. :func:`additions` compares the workbook as it is (a
:class:`PreviousBook`, read from the bytes :func:`~xlmodel.workbook.untrusted.open_untrusted` checked)
with the one about to replace it, and lists each such addition with where it is; the build refuses
unless told ``--force``.

What counts, sheet by sheet:

- a sheet the new workbook does not have;
- on the input sheets (:data:`INPUT_SHEETS`, in either language): a value, text or number, outside
  the input cells (which are unlocked, and read or replaced by the build) that the program did not
  write there and that the new workbook does not write on that sheet again. The build records what
  it writes there (:mod:`xlmodel.workbook.record`: a short fingerprint of each value, by tab and
  cell, on a very hidden sheet), so a value the record has on that tab is the program's, whatever
  the new version writes (a label reworded since, a note gone); any other value is the user's, a
  program label typed over or a note in a cell the program left empty, even if the new workbook
  has the same text on another sheet. Comparing texts alone took every label a new version rewords
  for the user's, and the rebuild of a book built by the previous version was refused until
  ``--force``, which a user then learns to type every time. What the new workbook writes on the
  same sheet again is not dropped: a quote typed below the Vendors table, a vendor renamed in a
  portfolio's header (the reader takes both for inputs), a label moved by rows the user inserted.
  A book without a record (built before it existed), or whose record is damaged or beyond
  :data:`~xlmodel.limits.MAX_RECORDED_CELLS`, falls back on comparing texts: a value that appears
  nowhere in the new workbook (labels, notes and units are all rewritten, wherever rows moved to);
- on any other sheet whose protection was removed (a protected sheet accepts no typing outside its
  unlocked input cells): a value that appears nowhere in the new workbook and is not one of the
  program's own figures or sentences (:func:`_programs`: those computed in Python move with every
  input);
- a comment by anyone but xlmodel (our notes are signed ``xlmodel``) that the new workbook does not
  have at the same cell with the same text;
- pictures (``xl/media/``), which openpyxl cannot carry over.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl.utils import get_column_letter

from ..schema import CURRENCIES

from ..text.choices import CHOICES
from .files import AUTHOR
from .record import RECORD_SHEET, Record, read_record
from .sheetnames import titles_in

INPUT_SHEETS = ("Inputs", "Channels", "Vendors", "Hybrid", "Sourcing")
_OPTIONAL_SHEETS = ("Sourcing",)  # the program's, for a case with portfolios or quotes for some channels
MAX_LISTED = 8  # additions listed one by one; the rest are counted


_CHOICE_VALUES = tuple(value for value, _, _ in CHOICES)


def _choices_by_text() -> dict[str, str]:
    """A choice's value by its value or either label, lower case: :func:`xlmodel.text.choice_value`
    among every choice as one look-up (the check compares every text of the new workbook, thousands
    of them); the first choice a text names wins, as there."""
    found: dict[str, str] = {}
    for value in _CHOICE_VALUES:
        for shown in (value, *(row[i] for row in CHOICES if row[0] == value for i in (1, 2))):
            found.setdefault(shown.lower(), value)
    return found


_CHOICE_OF = _choices_by_text()
_SIGNS = sorted({row[i] for row in CHOICES if row[0] in CURRENCIES for i in (1, 2)} - set(CURRENCIES))  # €
_CURRENCY = re.compile(r"\b(?:" + "|".join(CURRENCIES) + r")\b|" + "|".join(map(re.escape, _SIGNS)))


def _key(value):
    """What a value is compared by: text trimmed, a choice's label as its value, with its currency
    code blanked (the units of a workbook whose currency input was edited are rewritten in the new
    currency)."""
    if isinstance(value, str):  # a choice's label and its value are one (the rebuild shows the label)
        text = value.strip()
        return _CURRENCY.sub("¤", _CHOICE_OF.get(text.lower(), text))
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def _shown(value):
    """A value a message quotes, cut to 40 characters (the text layer quotes it in its language)."""
    return value if not isinstance(value, str) or len(value) <= 40 else value[:37] + "..."


class PreviousBook:
    """The workbook a rebuild is about to replace, as :func:`additions` compares it: its sheets,
    which of them are protected, their values where asked, their comments and the file's parts.

    Made from a read-only :class:`~xlmodel.workbook.untrusted.OpenedWorkbook` (the reading of the
    inputs opens one): the file is not loaded whole (0.9 s of CPU on the example), as the program's
    protected sheets, Calc and Staffing among them, hold most of it and only their comments are
    compared. A sheet's values are parsed when first asked for, from the checked bytes, and the
    comments are read from the file's comment parts, as openpyxl reads them.
    """

    def __init__(self, path, opened):
        self.path, self.opened = Path(path), opened
        self.sheetnames = [ws.title for ws in opened.wb.worksheets]  # not the chart sheets, as a whole load
        self.defined_names = opened.wb.defined_names
        self.parts = opened.parts
        self._cells: dict[str, dict[tuple[int, int], tuple]] = {}
        self._comments: dict | None = None
        self._record: Record | None = None
        self._record_read = False

    def protected(self, sheet: str) -> bool:
        return sheet in self.opened.protected

    def formula(self, sheet: str, row: int, column: int) -> str | None:
        return self.opened.formula(sheet, row, column)

    def load(self, sheets, record: bool = False) -> None:
        """Parse these sheets' values now (each once, all in one reading of the file), and with
        ``record`` the workbook's record (:mod:`xlmodel.workbook.record`) if not read yet."""
        from .untrusted import unreadable
        missing = [sheet for sheet in sheets if sheet in self.sheetnames and sheet not in self._cells]
        record = record and not self._record_read and RECORD_SHEET in self.sheetnames
        if not missing and not record:
            return
        wb = self.opened.reopened(self.path)
        try:
            if record:
                self._record_read = True
                self._record = _read_record(wb[RECORD_SHEET])
            for sheet in missing:
                ws = wb[sheet]
                ws.reset_dimensions()  # every row, whatever size the file declares
                self._cells[sheet] = {(c.row, c.column): (c.value, c.protection.locked, c.number_format)
                                      for cells in ws.iter_rows() for c in cells if c.value is not None}
        except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on is the file's fault
            raise unreadable(self.path, exc) from None
        finally:
            wb.close()

    def record(self) -> Record | None:
        """The record of what the build wrote on the input sheets; None for a book without one
        (built before it existed) or whose record is not one the build writes."""
        self.load([], record=True)
        return self._record

    def cells(self, sheet: str) -> dict[tuple[int, int], tuple]:
        """(row, column) -> (value, locked, number format) of the cells of ``sheet`` holding a value."""
        self.load([sheet])
        return self._cells[sheet]

    def comments(self, sheet: str) -> dict[tuple[int, int], tuple[str | None, str | None]]:
        """(row, column) -> (author, text) of the comments of ``sheet``."""
        if self._comments is None:
            from .openpyxl_book import workbook_comments
            self._comments = workbook_comments(self.opened.data)
        return self._comments.get(sheet, {})


def _read_record(ws) -> Record | None:
    """The record on ``ws`` (a read-only sheet), or None: a damaged or oversized record is ignored,
    whatever openpyxl trips on in it (the rebuild then compares texts, as for an older book)."""
    try:
        ws.reset_dimensions()  # every row, whatever size the file declares (read_record stops early)
        return read_record(ws.iter_rows(values_only=True))
    except Exception:  # noqa: BLE001 - the book is untrusted; without its record the check still runs
        return None


def written_language(previous: PreviousBook) -> str | None:
    """The language the workbook's words are in (``en``/``fr``), read from the label of its
    "Workbook language" input; None when it cannot tell (not one of our workbooks)."""
    from openpyxl.utils.cell import range_boundaries

    from ..schema import CASE
    defined = previous.defined_names.get("case_language")
    if defined is None:
        return None
    for sheet, ref in defined.destinations:
        if sheet not in previous.sheetnames:
            return None
        _, row, _, _ = range_boundaries(ref.replace("$", ""))
        value, *_ = previous.cells(sheet).get((row, 1), (None,))
        label = str(value).strip() if value is not None else ""
        field = CASE.by_name["language"]
        return {field.label_en: "en", field.label_fr: "fr"}.get(label)
    return None


def additions(previous: PreviousBook, new_wb, same_words=None) -> list[tuple[str, str, dict]]:
    """(location, what would be dropped) for every addition of the workbook ``previous`` that the
    workbook ``new_wb`` (openpyxl, about to be written) would not keep.

    ``same_words``: the new workbook built in the old one's language, when the rebuild changes the
    language (its labels then tell ours from the user's).
    """
    found: list[tuple[str, str, dict]] = []  # (where, the key of its sentence, its values)
    old_names = previous.sheetnames
    counterpart = _counterparts(old_names, new_wb.sheetnames)
    # The Sourcing sheet is the program's, present for a case with portfolios: a case file without
    # any (the only way a rebuild leaves it out) drops it as it drops any other input it replaces.
    # The record is the program's too, read for itself, never compared.
    ours = {tab for key, tab in titles_in(old_names).items() if key in _OPTIONAL_SHEETS} | {RECORD_SHEET}
    inputs = {tab for key, tab in titles_in(old_names).items() if key in INPUT_SHEETS}
    # Values are compared on the sheets a user can type into: the input sheets, and any sheet
    # whose protection was removed (or that is not ours); of the others only the comments.
    typed = [sheet for sheet in old_names if sheet != RECORD_SHEET and (
             (sheet not in counterpart and sheet not in ours)
             or (sheet in counterpart and (sheet in inputs or not previous.protected(sheet))))]
    previous.load(typed, record=True)  # one reading of the file
    record = previous.record()
    for sheet in old_names:
        if sheet not in counterpart and sheet not in ours:
            count = len(previous.cells(sheet))
            found.append((f"{sheet}!", "added_sheet", {"name": sheet, "count": count}))
    program_tabs = set(titles_in(old_names).values())
    everywhere = _everywhere(new_wb, same_words)
    for sheet in old_names:
        if sheet not in counterpart or sheet == RECORD_SHEET:
            continue
        new_ws = new_wb[counterpart[sheet]]
        cells = previous.cells(sheet) if sheet in typed else {}
        comments = previous.comments(sheet)
        computed = sheet not in inputs and sheet in program_tabs
        recorded = record if record is not None and sheet in inputs and record.covers(sheet) else None
        written = _everywhere(new_ws) if recorded is not None else set()
        for row, column in sorted(cells.keys() | comments.keys()):
            where = f"{sheet}!{get_column_letter(column)}{row}"
            value, locked, shown_as = cells.get((row, column), (None, False, None))
            if value is not None and locked and previous.formula(sheet, row, column) is None:
                if recorded is not None:  # ours is what we recorded, whatever we write now; or kept on the sheet
                    added = not recorded.programs(sheet, row, column, value) and _key(value) not in written
                else:  # a book without a record: what the new workbook writes nowhere
                    added = _key(value) not in everywhere and not (
                        computed and _programs(value, shown_as, new_ws._cells.get((row, column))))
                if added:
                    found.append((where, "added_value", {"found": _shown(value)}))
            author, text = comments.get((row, column), (AUTHOR, None))
            if author != AUTHOR:
                new_cell = new_ws._cells.get((row, column))
                new_text = new_cell.comment.text if new_cell is not None and new_cell.comment is not None else None
                if (new_text or "").strip() != (text or "").strip():
                    by = ("comment_by", {"author": author}) if author else ""
                    found.append((where, "added_comment", {"author": by, "found": _shown(text)}))
    pictures = [name for name in previous.parts if name.lower().startswith("xl/media/")]
    if pictures:
        found.append(("", "added_pictures", {"count": len(pictures), "names": pictures[:3]}))
    return found


def _everywhere(*books) -> set:
    """The compared form (:func:`_key`) of every value of these workbooks or sheets (None for no
    book), but the records."""
    return {_key(cell.value) for book in books if book is not None
            for ws in getattr(book, "worksheets", [book]) if ws.title != RECORD_SHEET
            for cell in ws._cells.values() if cell.value is not None}


def _programs(value, shown_as: str, new_cell) -> bool:
    """Whether an old value of one of the program's computed sheets (Staffing, Risk...) is the
    program's own, though the new workbook has it nowhere: the figures and sentences the build
    computes in Python move with any input, so an unprotected computed sheet's old ones are not
    additions. The program's are a number in a cell it formatted as a figure (a number format other
    than General: a break-even volume the new inputs leave blank), or a value where the new workbook
    writes a value of the same kind (number or text) again. A value typed where the program writes a
    formula, or a text typed in a cell the program leaves empty, still is an addition."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and shown_as not in (None, "General"):
        return True
    if new_cell is None or new_cell.value is None or new_cell.data_type == "f":
        return False
    return number == (isinstance(new_cell.value, (int, float)) and not isinstance(new_cell.value, bool))


def _counterparts(old_names, new_names) -> dict[str, str]:
    """Each old tab that the new workbook has, and its tab there: one of our sheets by its key
    (a French book rebuilt in English: Hypothèses -> Inputs), any other by its own name."""
    old_tabs, new_tabs = titles_in(old_names), titles_in(new_names)
    found = {name: name for name in old_names if name in set(new_names)}
    found.update({tab: new_tabs[key] for key, tab in old_tabs.items() if key in new_tabs})
    return found


def refusal_problems(path, found: list[tuple[str, str, dict]]):
    """The problems a refused rebuild reports: each addition located, then what to do."""
    from ..errors import Problem
    problems = [Problem.of(where, key, **slots) for where, key, slots in found[:MAX_LISTED]]
    if len(found) > MAX_LISTED:
        problems.append(Problem.of(str(path), "more_additions", count=len(found) - MAX_LISTED))
    problems.append(Problem.of(str(path), "rebuild_would_drop"))
    return problems
