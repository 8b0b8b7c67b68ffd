"""Importing returned forms into a workbook built by ``python cli.py build``: a vendor whose name
matches a quote of the workbook is updated (keeping the client's scores and its hybrid flag), a new
one is added; the workbook is rebuilt around the merged case, all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..case import Case, case_from_mapping, case_to_mapping
from ..errors import InputError, Problem
from ..schema import VENDOR
from ..text import price_units
from .fields import CLIENT_ASSESSED, CURRENCY_KEY
from .read import Quote, read_quote_form

@dataclass(frozen=True)
class ImportedQuote:
    """What happened to one form: ``action`` is ``"added"`` or ``"updated"``."""

    quote: Quote
    action: str
    vendor: str

    def describe(self, lang: str = "en") -> str:
        v = self.quote.vendor
        unit = price_units(lang)[v["pricing_model"]]
        price = f"{v['price']:,.4f}".rstrip("0").rstrip(".").replace(",", " ")
        return f"{self.action} vendor {self.vendor!r} ({v['pricing_model']}, {price} {self.quote.currency} {unit})"


@dataclass(frozen=True)
class ImportReport:
    book: Path
    imported: tuple[ImportedQuote, ...]
    vendors: int
    recommendation: str = ""
    backup: Path | None = None  # the book as it was before the import


def _key(name: str) -> str:
    return name.strip().casefold()


def merge_quotes(case: Case, quotes: Sequence[Quote], origin: str = "workbook") -> tuple[Case, list[ImportedQuote]]:
    """The case with each quote added (new vendor name) or updated (name already in the case).

    An updated vendor takes every vendor-supplied field from its form (a blank cell means the field's
    default, as for a new vendor), keeps its name as spelt in the case, its client-assessed scores and
    its hybrid flag; a new vendor gets the default scores and a hybrid scenario. The merged case is
    validated as a whole; problems on imported vendors point to the form and cell.
    """
    problems: list[Problem] = []
    first: dict[str, Quote] = {}
    for q in quotes:
        k = _key(q.name)
        if k in first:
            problems.append(Problem(f"{q.path}: {q.cells['name']}",
                                    f"vendor {q.name!r} is also quoted by {first[k].path} in this batch: "
                                    "import one form per vendor (give each offer its own name)"))
        else:
            first[k] = q
    data = case_to_mapping(case)
    vendors: list[dict] = data["vendors"]
    hybrid_vendors: list[str] = data["hybrid"]["vendors"]
    existing: dict[str, list[int]] = {}
    for i, v in enumerate(vendors):
        existing.setdefault(_key(v["name"]), []).append(i)
    imported: list[ImportedQuote] = []
    by_index: dict[int, Quote] = {}
    for q in quotes:
        if problems:
            break
        matches = existing.get(_key(q.name), [])
        if len(matches) > 1:
            problems.append(Problem(f"{q.path}: {q.cells['name']}",
                                    f"vendor {q.name!r} matches {len(matches)} quotes of {origin} "
                                    "(names differing only in case or spaces): rename one there first"))
            continue
        record = dict(q.vendor)
        if matches:
            i = matches[0]
            old = vendors[i]
            record.update({name: old[name] for name in CLIENT_ASSESSED})
            record["name"] = old["name"]
            vendors[i] = record
            imported.append(ImportedQuote(q, "updated", old["name"]))
        else:
            record.update({name: VENDOR.by_name[name].default for name in CLIENT_ASSESSED})
            vendors.append(record)
            i = len(vendors) - 1
            existing[_key(q.name)] = [i]
            hybrid_vendors.append(record["name"])
            imported.append(ImportedQuote(q, "added", record["name"]))
        by_index[i + 1] = q
    if problems:
        raise InputError(problems)
    try:
        merged = case_from_mapping(data)
    except InputError as exc:
        raise InputError([_locate(p, by_index) for p in exc.problems]) from None
    return merged, imported


_VENDOR_LOCATION = re.compile(r"^\[\[vendors\]\] (\d+) \.(\w+)$")


def _locate(problem: Problem, by_index: dict[int, Quote]) -> Problem:
    m = _VENDOR_LOCATION.match(problem.location)
    if m and int(m.group(1)) in by_index:
        q = by_index[int(m.group(1))]
        cell = q.cells.get(m.group(2))
        if cell:
            return Problem(f"{q.path}: {cell}", problem.message)
    return problem


def import_quotes(forms: Sequence[str | Path], book: str | Path) -> ImportReport:
    """Validate every form, merge them into the workbook ``book`` and rebuild it (all or nothing).

    Raises
    ------
    InputError
        Every problem of every form (``FORM: Quote!B9: ...``), a missing book, or a book whose own
        inputs are invalid; nothing is written.
    FileLockedError
        When Excel holds ``book`` open; nothing is written.
    """
    from ..workbook.build import build_file
    from ..workbook.files import refuse_if_locked
    from ..workbook.reader import read_workbook_case
    book = Path(book)
    if not book.exists():
        raise InputError(Problem(str(book), "file not found: build the workbook first (python cli.py build -o "
                                            f"{book})"))
    refuse_if_locked(book)  # before reading any form: nothing will be written anyway
    if not forms:
        raise InputError(Problem("FORM", "give at least one returned quote form"))
    problems: list[Problem] = []
    quotes: list[Quote] = []
    for form in forms:
        try:
            quotes.append(read_quote_form(form))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    case = read_workbook_case(book)
    for q in quotes:
        if q.currency != case.case.currency:
            problems.append(Problem(f"{q.path}: {q.cells.get(CURRENCY_KEY, 'Quote!')}",
                                    f"the form is priced in {q.currency} but {book.name} is in "
                                    f"{case.case.currency}: ask for a form made with --currency "
                                    f"{case.case.currency}"))
    if problems:
        raise InputError(problems)
    merged, imported = merge_quotes(case, quotes, book.name)
    report = build_file(merged, book, lang=merged.case.language, backup=True)
    return ImportReport(book, tuple(imported), len(merged.vendors), report.recommendation, report.backup)
