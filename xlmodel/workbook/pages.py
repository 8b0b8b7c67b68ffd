"""The printed pages of a case or of a workbook, all or nothing: what ``cli.py render`` delegates to.

    pages = render_pages(source_workbook_or_None, out_dir, case=..., lang="fr", sheets=["Dashboard"])

builds the workbook of a case (or takes a workbook as it is), has LibreOffice recalculate it and
print it to PDF as its print setup says (:mod:`xlmodel.workbook.printing`), and cuts the PDF into PNG
pages (:mod:`xlmodel.workbook.libreoffice`). Everything is made in a temporary folder beside
``out_dir`` and moved into it only once every page exists: a failure leaves ``out_dir`` as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import InputError, Problem
from . import libreoffice


@dataclass(frozen=True)
class Pages:
    """What a render wrote: the PDF, its PNG pages in order, and the sheets printed."""

    pdf: Path
    pngs: tuple[Path, ...]
    sheets: tuple[str, ...]
    lang: str = "en"  # the language of the printed workbook


PRINT_LOCALES = {"en": "en-GB", "fr": "fr-FR"}
"""The locale a book of each language is printed in: its figures as its reader's Excel shows them."""


def check_tools() -> None:
    """Raise :class:`~xlmodel.workbook.libreoffice.LibreOfficeError` naming the missing tool (and how
    to install it) when LibreOffice or poppler's ``pdftoppm`` is absent: before any work."""
    if libreoffice.find_soffice() is None:
        raise libreoffice.LibreOfficeError("fail_no_soffice")
    if shutil.which("pdftoppm") is None:
        raise libreoffice.LibreOfficeError("fail_no_pdftoppm")


def chosen_sheets(wanted: list[str] | None, shown: list[str]) -> list[str] | None:
    """The sheets of ``wanted`` by their names among the workbook's visible sheets ``shown`` (case
    does not matter; a French book's sheet may also be named by its English tab: ``Compare`` for
    ``Comparaison``), or None for every one; an :class:`~xlmodel.errors.InputError` listing the
    valid names otherwise."""
    if not wanted:
        return None
    from .sheetnames import titles_in
    by_key = {key.casefold(): tab for key, tab in titles_in(shown).items()} | {n.casefold(): n for n in shown}
    unknown = [w for w in wanted if w.casefold() not in by_key]
    if unknown:
        raise InputError(Problem.of("--sheets", "no_such_sheet", unknown=", ".join(unknown), sheets=", ".join(shown)))
    return [by_key[w.casefold()] for w in wanted]


def _shown(path: Path) -> list[str]:
    """The visible sheets of a workbook, in order, after checking it is a workbook that may be
    opened safely (:func:`~xlmodel.workbook.untrusted.open_untrusted`)."""
    from .untrusted import open_untrusted
    opened = open_untrusted(path, read_only=True)
    try:
        return [ws.title for ws in opened.wb.worksheets if ws.sheet_state == "visible"]
    finally:
        opened.wb.close()


def render_pages(workbook: Path | None, out_dir: Path, *, case=None, name: str = "example", lang: str = "en",
                 sheets: list[str] | None = None, dpi: int = 110,
                 progress: Callable[[str], None] = lambda line: None) -> Pages:
    """Print ``workbook`` (an .xlsx), or the workbook of ``case`` built in ``lang``, to
    ``out_dir/NAME.pdf`` and ``out_dir/NAME-<page>.png``; ``name`` is the workbook's stem otherwise.

    ``sheets`` limits the print to those sheets (checked before any LibreOffice work); ``progress``
    receives one line per step. Earlier pages of the same name in ``out_dir`` are replaced.
    """
    from ..text import choice_label, terminal_words
    from .sheetnames import book_language
    check_tools()
    out_dir = Path(out_dir)
    if workbook is not None:
        shown = _shown(workbook)
        sheets, name, lang = chosen_sheets(sheets, shown), workbook.stem, book_language(shown)
    w = terminal_words(lang)
    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".xlmodel-render-", dir=parent) as tmp:
        work = Path(tmp)
        if workbook is None:
            from .build import build_file
            progress(w["render_building"].format(language=choice_label(lang, lang)))
            workbook = build_file(case, work / "book" / f"{name}.xlsx", lang=lang, backup=False).path
            shown = _shown(workbook)
            sheets = chosen_sheets(sheets, shown)
        printed = workbook
        if sheets:
            printed = libreoffice.with_only_sheets(workbook, sheets, work / "subset" / f"{name}.xlsx")
        progress(w["render_printing"].format(sheets=", ".join(sheets) if sheets else w["render_every_sheet"]))
        pdf = libreoffice.render_pdf(printed, work / "pages", locale=PRINT_LOCALES[lang])
        progress(w["render_cutting"].format(dpi=dpi))
        pngs = libreoffice.render_png(pdf, work / "pages", dpi=dpi)
        return _move(pdf, pngs, out_dir, sheets or shown, lang)


def _move(pdf: Path, pngs: list[Path], out_dir: Path, sheets: list[str], lang: str) -> Pages:
    """Move the finished PDF and pages into ``out_dir``, after removing its earlier pages of that name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in [out_dir / pdf.name, *out_dir.glob(f"{pdf.stem}-*.png")]:
        if stale.name == pdf.name or stale.stem[len(pdf.stem) + 1:].isdigit():
            stale.unlink(missing_ok=True)
    moved = [Path(shutil.move(str(p), str(out_dir / p.name))) for p in (pdf, *pngs)]
    return Pages(moved[0], tuple(moved[1:]), tuple(sheets), lang)
