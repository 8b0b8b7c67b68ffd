"""Importing returned forms into a workbook built by ``python cli.py build``: a vendor whose name
matches a quote of the workbook is updated (what the form leaves blank keeps the book's value, the
client's scores and its hybrid flag are kept, every change is announced field by field before
writing), a new one is added, a look-alike name is refused; the workbook is rebuilt around the
merged case under the book's lock, all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..case import Case, case_from_mapping, case_to_mapping
from ..errors import InputError, Problem, Words
from ..schema import VENDOR
from ..text import choice_label, choice_labels, currency_text, label, price_units, terminal_words, words
from ..text.numbers import decimals_typed, number
from .fields import CLIENT_ASSESSED, CURRENCY_KEY
from .read import Quote, read_quote_form

@dataclass(frozen=True)
class ImportedQuote:
    """What happened to one form: ``action`` is ``"added"`` or ``"updated"``."""

    quote: Quote
    action: str
    vendor: str
    record: dict = field(default_factory=dict)  # the vendor's fields as they will be written
    changes: tuple = ()  # updated vendor: (field, old, new) for every field the form changes
    kept: tuple = ()  # updated vendor: fields left blank on the form, whose value in the book is kept

    def describe(self, lang: str = "en") -> str:
        """``added vendor 'Acme' (per hour, 24.5 EUR per logged agent hour)``, in ``lang``."""
        v = self.record or self.quote.vendor
        price = number(v["price"], decimals_typed(v["price"], 4), lang)
        return terminal_words(lang)[f"import_{self.action}"].format(
            vendor=self.vendor, model=choice_label(v["pricing_model"], lang), price=price,
            cur=currency_text(self.quote.currency, lang),
            unit=price_units(lang)[v["pricing_model"]])

    def change_lines(self, lang: str = "en") -> list[str]:
        """One line per changed field, ``Price: 31.5 -> 29`` (old -> new), then the fields kept."""
        t, colon = terminal_words(lang), words(lang)["colon"]
        lines = [f"{label(VENDOR.by_name[name], lang)}{colon}{_shown(old, lang)} -> {_shown(new, lang)}"
                 for name, old, new in self.changes]
        if self.action == "updated" and not self.changes:
            lines.append(t["import_no_change"])
        if self.kept:
            lines.append(t["import_kept"].format(fields=", ".join(label(VENDOR.by_name[n], lang) for n in self.kept)))
        return lines


def _shown(value, lang: str = "en") -> str:
    """A field's value as the change line shows it, in the language's number style: ``2,900``, ``0.42``
    (``2 900``, ``0,42`` in French), a choice by its label, a text in quotes."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value, decimals_typed(value, 4) if isinstance(value, float) else 0, lang)
    if isinstance(value, str):
        return choice_labels(lang).get(value, repr(value))
    return str(value)


@dataclass(frozen=True)
class ImportReport:
    book: Path
    imported: tuple[ImportedQuote, ...]
    vendors: int
    recommendation: str = ""
    backup: Path | None = None  # the book as it was before the import
    written: bool = True  # False for a dry run
    lang: str = "en"  # the book's language, that of what the command prints


def _key(name: str) -> str:
    return name.strip().casefold()


def skeleton(name: str) -> str:
    """What a name looks like, whatever characters spell it: look-alike letters of other scripts
    (Cyrillic "А", Greek "Ο") read as their Latin twins (Unicode's confusables, through
    ``confusable_homoglyphs``), compatibility forms folded (NFKC: full-width "Ａ", ligatures),
    case and accents dropped, only letters and digits kept.

    >>> skeleton("Аcme Contact") == skeleton("ACME  contact") == skeleton("Ａｃｍｅ-Contact")
    True
    """
    import unicodedata

    from confusable_homoglyphs import confusables
    text = unicodedata.normalize("NFKC", name)
    out = []
    for ch in text:
        if ord(ch) > 127:
            found = confusables.is_confusable(ch, preferred_aliases=["latin"])
            if found:
                twins = [g["c"] for g in found[0]["homoglyphs"] if g["c"].isascii()]
                ch = twins[0] if twins else ch
        out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out).casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def _odd_characters(name: str, other: str) -> str:
    import unicodedata
    odd = sorted({ch for ch in name if not ch.isascii() and ch not in other})
    return ", ".join(f"{ch!r} U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in odd[:3]) or "spacing or case"


def merge_quotes(case: Case, quotes: Sequence[Quote], origin: str = "workbook",
                 replace: bool = False) -> tuple[Case, list[ImportedQuote]]:
    """The case with each quote added (new vendor name) or updated (name already in the case).

    An updated vendor takes every field answered on its form; a field left blank keeps the book's
    value (with ``replace``, it takes the field's default, as for a new vendor). It keeps its name as
    spelt in the case, its client-assessed scores and its hybrid flag; each change is listed (old,
    new) in :attr:`ImportedQuote.changes`. A new vendor gets the default scores and a hybrid
    scenario. A new name that only looks like an existing one (other scripts' look-alike letters,
    accents, full-width forms: :func:`skeleton`) is refused, as is one that looks like another form's.
    The merged case is validated as a whole; problems on imported vendors point to the form and cell.
    """
    problems: list[Problem] = []
    first: dict[str, Quote] = {}
    for q in quotes:
        k = _key(q.name)
        if k in first:
            problems.append(Problem.of(f"{q.path}: {q.cells['name']}", "batch_twice", name=q.name,
                                       other=str(first[k].path)))
        else:
            first[k] = q
    data = case_to_mapping(case)
    vendors: list[dict] = data["vendors"]
    hybrid_vendors: list[str] = data["hybrid"]["vendors"]
    existing: dict[str, list[int]] = {}
    for i, v in enumerate(vendors):
        existing.setdefault(_key(v["name"]), []).append(i)
    problems += _look_alikes([v["name"] for v in vendors], quotes, origin)
    imported: list[ImportedQuote] = []
    by_index: dict[int, Quote] = {}
    for q in quotes:
        if problems:
            break
        matches = existing.get(_key(q.name), [])
        if len(matches) > 1:
            problems.append(Problem.of(f"{q.path}: {q.cells['name']}", "matches_several", name=q.name,
                                       count=len(matches), origin=str(origin)))
            continue
        record = dict(q.vendor)
        if matches:
            i = matches[0]
            imported.append(_updated(q, vendors[i], replace))
            vendors[i] = imported[-1].record
        else:
            record.update({name: VENDOR.by_name[name].default for name in CLIENT_ASSESSED})
            vendors.append(record)
            i = len(vendors) - 1
            existing[_key(q.name)] = [i]
            hybrid_vendors.append(record["name"])
            imported.append(ImportedQuote(q, "added", record["name"], record))
        by_index[i + 1] = q
    if problems:
        raise InputError(problems)
    try:
        merged = case_from_mapping(data)
    except InputError as exc:
        raise InputError([_locate(p, by_index) for p in exc.problems]) from None
    return merged, imported


def _look_alikes(names: list[str], quotes: Sequence[Quote], origin: str) -> list[Problem]:
    """A form's vendor name that only looks like a quote of the book, or like another form's."""
    problems = []
    looks: dict[str, str] = {}
    for name in names:
        looks.setdefault(skeleton(name), name)
    for q in quotes:
        twin = looks.get(skeleton(q.name))
        if twin is not None and _key(twin) != _key(q.name):
            problems.append(Problem.of(f"{q.path}: {q.cells['name']}", "looks_like_book", name=q.name,
                                       twin=("quoted_name", {"name": twin}), origin=str(origin),
                                       odd=_odd_characters(q.name, twin)))
    form_looks: dict[str, Quote] = {}
    for q in quotes:
        other = form_looks.setdefault(skeleton(q.name), q)
        if other is not q and _key(other.name) != _key(q.name):
            problems.append(Problem.of(f"{q.path}: {q.cells['name']}", "looks_like_batch", name=q.name,
                                       twin=("quoted_name", {"name": other.name}), other=str(other.path)))
    return problems


def _updated(q: Quote, old: dict, replace: bool) -> ImportedQuote:
    """An existing vendor updated by its form: the answered fields replace the book's; a blank keeps the
    book's value (with ``replace``, the default); scores, name and hybrid flag are the book's."""
    record = dict(q.vendor)
    kept = ()
    if not replace:
        kept = tuple(f.name for f in VENDOR.fields if f.name not in q.typed and f.name not in CLIENT_ASSESSED
                     and f.name != "name" and record[f.name] != old[f.name])
        record.update({name: old[name] for name in kept})
    record.update({name: old[name] for name in CLIENT_ASSESSED})
    record["name"] = old["name"]
    changes = tuple((f.name, old[f.name], record[f.name]) for f in VENDOR.fields if record[f.name] != old[f.name])
    return ImportedQuote(q, "updated", old["name"], record, changes, kept)


_VENDOR_LOCATION = re.compile(r"^\[\[vendors\]\] (\d+) \.(\w+)$")


def _currency_words(code: str) -> Words:
    """A currency as a message names it in each language (EUR, €)."""
    return Words(currency_text(code, "en"), currency_text(code, "fr"))


def _locate(problem: Problem, by_index: dict[int, Quote]) -> Problem:
    m = _VENDOR_LOCATION.match(problem.location)
    if m and int(m.group(1)) in by_index:
        q = by_index[int(m.group(1))]
        cell = q.cells.get(m.group(2))
        if cell:
            return problem.moved(f"{q.path}: {cell}")
    return problem


def import_quotes(forms: Sequence[str | Path], book: str | Path, replace: bool = False, dry_run: bool = False,
                  announce=None, force: bool = False) -> ImportReport:
    """Validate every form, merge them into the workbook ``book`` and rebuild it (all or nothing).

    ``announce(imported, lang)`` is called with the list of :class:`ImportedQuote` (what each form adds
    or changes, field by field) and the book's language before anything is written; with ``dry_run`` nothing is written at all.
    ``replace``: see :func:`merge_quotes`. ``force``: rebuild even if that drops what was added to
    the book outside its input cells (see :func:`~xlmodel.workbook.build.build_file`).

    Raises
    ------
    InputError
        Every problem of every form (``FORM: Quote!B9: ...``), a missing book, or a book whose own
        inputs are invalid; nothing is written.
    FileLockedError
        When Excel holds ``book`` open; nothing is written.
    """
    from ..workbook.files import book_lock, refuse_if_locked
    book = Path(book)
    if not book.exists():
        raise InputError(Problem.of(str(book), "book_not_found", book=str(book)))
    refuse_if_locked(book)  # before reading any form: nothing will be written anyway
    lang = book_language_of(book)  # the forms' problems are said in the book's language, as the rest
    if not forms:
        raise InputError(Problem.of("FORM", "no_form"), lang)
    problems: list[Problem] = []
    quotes: list[Quote] = []
    for form in forms:
        try:
            quotes.append(read_quote_form(form))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems, lang)
    with book_lock(book):  # from reading the book to replacing it: a concurrent import waits, then reads ours
        return _import_locked(quotes, book, replace, dry_run, announce, force, lang)


def book_language_of(book: Path) -> str:
    """The language of the workbook ``book``, told by its tabs as ``build`` tells it
    (:func:`~xlmodel.workbook.sheetnames.book_language`), before the book is read: English for a file that
    is no workbook (reading it refuses it)."""
    from ..workbook.sheetnames import book_language
    from ..workbook.untrusted import tab_titles
    try:
        return book_language(tab_titles(book))
    except InputError:
        return "en"


def _import_locked(quotes: list[Quote], book: Path, replace: bool, dry_run: bool, announce, force,
                   said: str) -> ImportReport:
    """The import under the book's lock; ``said``: the book's language, its tabs' (:func:`book_language_of`)."""
    from ..workbook.build import build_file
    from ..workbook.reader import read_workbook
    problems: list[Problem] = []
    read = read_workbook(book, previous=not (force or dry_run))  # previous: the check of what the user added
    case = read.case
    for q in quotes:
        if q.currency != case.case.currency:
            problems.append(Problem.of(f"{q.path}: {q.cells.get(CURRENCY_KEY, 'Quote!')}", "form_other_currency",
                                       currency=_currency_words(q.currency), book=book.name,
                                       wanted=_currency_words(case.case.currency), code=case.case.currency))
    if problems:
        raise InputError(problems, said)
    merged, imported = merge_quotes(case, quotes, book.name, replace=replace)
    if announce is not None:
        announce(imported, said)
    if dry_run:
        return ImportReport(book, tuple(imported), len(merged.vendors), "", None, written=False, lang=said)
    report = build_file(merged, book, lang=merged.case.language, backup=True, force=force, previous=read.previous)
    return ImportReport(book, tuple(imported), len(merged.vendors), report.recommendation, report.backup, lang=said)
