"""What a rebuild would drop: what the user added to a workbook outside its input cells.

A rebuild writes the workbook afresh from its inputs, so anything else a person put into it would
be lost: a sheet of their own, a column or a note typed beside the inputs (or in rows they
inserted), a comment, a picture. :func:`additions` compares the workbook as it is (read by
:func:`~xlmodel.workbook.untrusted.open_untrusted`) with the one about to replace it, and lists
each such addition with where it is; the build refuses unless told ``--force``.

What counts, sheet by sheet:

- a sheet the new workbook does not have;
- on the input sheets (Inputs, Vendors, Hybrid, in either language), and on any other sheet whose protection was
  removed (a protected sheet accepts no typing outside its unlocked input cells): a value, text or
  number, outside the input cells (which are unlocked, and read or replaced by the build), that
  appears nowhere in the new workbook (labels, notes and units are all rewritten, wherever rows
  moved to);
- a comment by anyone but xlmodel (our notes are signed ``xlmodel``) that the new workbook does not
  have at the same cell with the same text;
- pictures (``xl/media/``), which openpyxl cannot carry over.
"""

from __future__ import annotations

import re

from openpyxl.utils import get_column_letter

from ..schema import CURRENCIES

from ..text import choice_value
from ..text.choices import CHOICES
from .files import AUTHOR
from .sheetnames import titles_in

INPUT_SHEETS = ("Inputs", "Vendors", "Hybrid", "Sourcing")
_OPTIONAL_SHEETS = ("Sourcing",)  # the program's, for a case with portfolios or quotes for some channels
MAX_LISTED = 8  # additions listed one by one; the rest are counted


_CHOICE_VALUES = tuple(value for value, _, _ in CHOICES)
_CURRENCY = re.compile(r"\b(?:" + "|".join(CURRENCIES) + r")\b")


def _key(value):
    """What a value is compared by: text trimmed, a choice's label as its value, with its currency
    code blanked (the units of a workbook whose currency input was edited are rewritten in the new
    currency)."""
    if isinstance(value, str):  # a choice's label and its value are one (the rebuild shows the label)
        return _CURRENCY.sub("¤", str(choice_value(value.strip(), _CHOICE_VALUES)))
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def _shown(value):
    """A value a message quotes, cut to 40 characters (the text layer quotes it in its language)."""
    return value if not isinstance(value, str) or len(value) <= 40 else value[:37] + "..."


def written_language(opened) -> str | None:
    """The language the workbook's words are in (``en``/``fr``), read from the label of its
    "Workbook language" input; None when it cannot tell (not one of our workbooks)."""
    from openpyxl.utils.cell import range_boundaries

    from ..schema import CASE
    defined = opened.wb.defined_names.get("case_language")
    if defined is None:
        return None
    for sheet, ref in defined.destinations:
        if sheet not in opened.wb.sheetnames:
            return None
        _, row, _, _ = range_boundaries(ref.replace("$", ""))
        cell = opened.wb[sheet]._cells.get((row, 1))
        label = str(cell.value).strip() if cell is not None and cell.value is not None else ""
        field = CASE.by_name["language"]
        return {field.label_en: "en", field.label_fr: "fr"}.get(label)
    return None


def additions(opened, new_wb, same_words=None) -> list[tuple[str, str, dict]]:
    """(location, what would be dropped) for every addition of ``opened`` (an OpenedWorkbook) that
    the workbook ``new_wb`` (openpyxl, about to be written) would not keep.

    ``same_words``: the new workbook built in the old one's language, when the rebuild changes the
    language (its labels then tell ours from the user's).
    """
    old = opened.wb
    found: list[tuple[str, str, dict]] = []  # (where, the key of its sentence, its values)
    counterpart = _counterparts(old.sheetnames, new_wb.sheetnames)
    # The Sourcing sheet is the program's, present for a case with portfolios: a case file without
    # any (the only way a rebuild leaves it out) drops it as it drops any other input it replaces.
    ours = {tab for key, tab in titles_in(old.sheetnames).items() if key in _OPTIONAL_SHEETS}
    for ws in old.worksheets:
        if ws.title not in counterpart and ws.title not in ours:
            count = sum(1 for cell in ws._cells.values() if cell.value is not None)
            found.append((f"{ws.title}!", "added_sheet", {"name": ws.title, "count": count}))
    everywhere = {_key(cell.value) for book in (new_wb, same_words) if book is not None
                  for ws in book.worksheets for cell in ws._cells.values() if cell.value is not None}
    inputs = {tab for key, tab in titles_in(old.sheetnames).items() if key in INPUT_SHEETS}
    for ws in old.worksheets:
        if ws.title not in counterpart:
            continue
        new_ws = new_wb[counterpart[ws.title]]
        typed_checked = ws.title in inputs or not ws.protection.sheet
        for (row, column), cell in sorted(ws._cells.items()):
            where = f"{ws.title}!{get_column_letter(column)}{row}"
            if (typed_checked and cell.value is not None and cell.protection.locked
                    and opened.formula(ws.title, row, column) is None and _key(cell.value) not in everywhere):
                found.append((where, "added_value", {"found": _shown(cell.value)}))
            if cell.comment is not None and cell.comment.author != AUTHOR:
                new_cell = new_ws._cells.get((row, column))
                new_text = new_cell.comment.text if new_cell is not None and new_cell.comment is not None else None
                if (new_text or "").strip() != (cell.comment.text or "").strip():
                    author = ("comment_by", {"author": cell.comment.author}) if cell.comment.author else ""
                    found.append((where, "added_comment", {"author": author, "found": _shown(cell.comment.text)}))
    pictures = [name for name in getattr(opened, "parts", ()) if name.lower().startswith("xl/media/")]
    if pictures:
        found.append(("", "added_pictures", {"count": len(pictures), "names": pictures[:3]}))
    return found


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
