"""LibreOffice headless: recalculate a built workbook, render it to PDF and PNG (the tests' third engine).

LibreOffice keeps the cached values of an xlsx by default; a throw-away profile whose
``user/registrymodifications.xcu`` sets ``OOXMLRecalcMode`` to 0 ("always recalculate") forces a
full recalculation on load. Each call gets its own profile in the system temporary folder (never
in the repository), so calls may run side by side; the profile is removed afterwards.

A person renders a workbook's pages with ``python cli.py render`` (which delegates to :func:`render`).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Sequence

from ..text.failures import Said

# One item per setting, in the format LibreOffice itself writes. ODFRecalcMode too, so that a
# workbook round-tripped through .ods is recalculated as well.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
_LOCALE = """<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
</oor:items>
"""
TIMEOUT_SECONDS = 180
"""Longest the conversion of one workbook may take, start-up included (s); a recalculation takes
about 1-3 s."""

_MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_WINDOWS_SOFFICE = r"C:\Program Files\LibreOffice\program\soffice.exe"


class LibreOfficeError(Said, RuntimeError):
    """LibreOffice (or pdftoppm) is missing, failed, timed out, or produced nothing."""


def find_soffice() -> str | None:
    """Path of the LibreOffice executable, or None when it is not installed.

    ``XLMODEL_SOFFICE`` overrides the search; then ``soffice``/``libreoffice`` on the PATH, then
    the standard macOS and Windows install locations.
    """
    explicit = os.environ.get("XLMODEL_SOFFICE")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for candidate in (shutil.which("soffice"), shutil.which("libreoffice"), _MAC_SOFFICE, _WINDOWS_SOFFICE):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _run(cmd: list[str], env: dict[str, str] | None, what: tuple[str, dict],
         timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run ``cmd`` in its own process group, killing the whole group on timeout: ``soffice`` is a
    launcher whose ``soffice.bin`` child would otherwise outlive the timeout and keep the profile.
    ``timeout`` in seconds, :data:`TIMEOUT_SECONDS` by default; ``what`` says what ran, as a key of
    :mod:`xlmodel.text.terminal` and its values."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    popen_args = {"start_new_session": True} if os.name == "posix" else {}
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          **popen_args) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            if os.name == "posix":
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
            proc.communicate()
            raise LibreOfficeError("fail_timeout", what=what, seconds=timeout) from None
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)


def _convert(paths: list[Path], out_dir: Path, target: str, produced_by=None,
             locale: str | None = None) -> list[Path]:
    """Open each of ``paths`` in one start of LibreOffice, in a fresh profile that recalculates on
    load, and save it as ``target`` in ``out_dir``; the copies' paths, in the order of ``paths``.

    ``produced_by(path, out_dir)`` lists the files one workbook's conversion writes, when they are not
    the one ``out_dir/NAME.<target>`` (a CSV export writes one file per sheet); ``locale`` (``"fr-FR"``) is the
    locale LibreOffice runs in (the machine's by default)."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError("fail_no_soffice")
    paths, out_dir = [Path(p).resolve() for p in paths], Path(out_dir).resolve()
    if not paths:
        raise LibreOfficeError("fail_nothing_to_convert")
    for path in paths:
        if not path.is_file():
            raise LibreOfficeError("fail_missing", path=path)
        if out_dir == path.parent:
            raise LibreOfficeError("fail_same_folder", folder=out_dir, name=path.name)
    stems = [p.stem for p in paths]
    if len(set(stems)) < len(stems):
        twice = sorted({s for s in stems if stems.count(s) > 1})
        raise LibreOfficeError("fail_same_names", names=", ".join(twice), folder=out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if produced_by is None:
        produced = [[out_dir / f"{p.stem}.{target.split(':')[0]}"] for p in paths]
    else:
        produced = [produced_by(p, out_dir) for p in paths]
    # A copy left by an earlier run would pass for this run's output if LibreOffice fails silently
    # (it exits 0 when it cannot load a file).
    for copies in produced:
        for copy in copies:
            copy.unlink(missing_ok=True)
    names = ", ".join(p.name for p in paths)
    with tempfile.TemporaryDirectory(prefix="xlmodel-lo-", ignore_cleanup_errors=True) as profile:
        user = Path(profile, "user")
        user.mkdir()
        profile_xml = _PROFILE if locale is None else _PROFILE.replace("</oor:items>", _LOCALE.format(locale=locale))
        (user / "registrymodifications.xcu").write_text(profile_xml, encoding="utf-8")
        env = {**os.environ, "HOME": profile}
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", target, "--outdir", str(out_dir), *map(str, paths)]
        done = _run(cmd, env, ("fail_converting", {"names": names, "target": target}), TIMEOUT_SECONDS * len(paths))
    missing = [p.name for p, copies in zip(paths, produced)
               if not copies or any(not copy.is_file() or (produced_by is None and copy.stat().st_size == 0)
                                    for copy in copies)]
    if done.returncode != 0 or missing:
        detail = (done.stderr.strip() or done.stdout.strip())[-400:]
        raise LibreOfficeError("fail_convert", names=", ".join(missing) or names, target=target,
                               code=str(done.returncode), detail=detail or ("fail_no_output", {}))
    return [copies[0] for copies in produced]


def recalculate(paths: str | Path | Sequence[str | Path], out_dir: str | Path,
                locale: str | None = None) -> Path | list[Path]:
    """Recalculate every formula of a workbook, or of several in one start of LibreOffice (about
    1.3 s saved per workbook); returns the recalculated copy's path, or the copies' paths in order.
    ``locale`` (``"fr-FR"``): the locale LibreOffice runs in (the machine's by default), which
    FIXED() and a number joined to a text follow (7 841 431 and 25,8 in French).

    Each copy is ``out_dir/NAME.xlsx``: ``out_dir`` must differ from the workbooks' folders and
    their names from each other. Read a copy with :func:`read_values` (or openpyxl
    ``data_only=True``). LibreOffice writes 15 significant digits, so compare with a tolerance.
    """
    if isinstance(paths, (str, Path)):
        return _convert([Path(paths)], Path(out_dir), "xlsx", locale=locale)[0]
    return _convert([Path(p) for p in paths], Path(out_dir), "xlsx", locale=locale)


# CSV export of every sheet (the 12th token, -1: one file NAME-SHEET.csv per sheet), UTF-8 (76), comma
# (44) and double quote (34), every text cell quoted (7th token) so that a text reads as a text, the
# full value rather than as shown (9th), values not formulas (10th). Writing these files costs
# LibreOffice about half as much as writing an xlsx copy of a built workbook (measured: 6.2 s of CPU
# instead of 10.4 s for the example, 45 000 formulas, load and recalculation included).
_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"
_CSV_FIELD = re.compile(r'(?:"((?:[^"]|"")*)"|([^,\r\n"]*))(,|\r?\n|\Z)')
_INTEGER = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PERCENT = re.compile(r"(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)%")
_DATE = re.compile(r"(\d\d)/(\d\d)/(\d{4})(?: (\d\d):(\d\d):(\d\d))?")  # the en-US standard format
_ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?: (\d\d):(\d\d):(\d\d))?")  # an ISO 8601 format is kept
_LO_ERROR = re.compile(r"Err:\d{3}")  # LibreOffice's own error codes, written as texts
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b[^>]*/>")


def recalculated_values(paths: Sequence[str | Path], out_dir: str | Path) -> list:
    """The values of each workbook of ``paths`` recalculated by LibreOffice (in one start of it), as
    openpyxl workbooks holding values only, the same as :func:`recalculate`'s copies read with
    openpyxl ``data_only=True`` (a test compares the two), for about half of LibreOffice's time.

    LibreOffice writes each sheet as CSV into ``out_dir`` (:data:`_CSV`), which must differ from the
    workbooks' folders. A text reads as a text; a number as an int or a float; a percentage
    (``45%``) as its fraction and a date as a ``datetime``, as LibreOffice writes them whatever the
    CSV options; TRUE and FALSE as booleans; an error as its text (``#DIV/0!``), as openpyxl reads an
    error, except LibreOffice's own codes: ``Err:502`` reads ``#Err:502`` where the xlsx copy names
    an Excel error (``#VALUE!``), an error all the same (every error starts with ``#``). Anything
    else in a cell is a :class:`LibreOfficeError`, never a guess.
    """
    paths = [Path(p).resolve() for p in paths]
    sheets = {path: _sheet_names(path) for path in paths}

    def produced_by(path: Path, folder: Path) -> list[Path]:
        return [folder / f"{path.stem}-{name}.csv" for name in sheets[path]]
    _convert(paths, Path(out_dir), _CSV, produced_by)
    out = Path(out_dir).resolve()
    return [_values_workbook(produced_by(path, out), sheets[path]) for path in paths]


def _sheet_names(path: Path) -> list[str]:
    """The workbook's sheet names, in order, from its ``xl/workbook.xml``."""
    try:
        with zipfile.ZipFile(path) as z:
            book = z.read("xl/workbook.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise LibreOfficeError("fail_not_recalculable", path=path, reason=exc) from None
    return [_unescape(re.search(r'\bname="([^"]*)"', tag).group(1)) for tag in _SHEET_TAG.findall(book)]


def _values_workbook(files: list[Path], names: list[str]):
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    wb = Workbook()
    wb.remove(wb.active)
    for path, name in zip(files, names):
        ws = wb.create_sheet(name)
        for (row, column), value in _csv_cells(path):
            ws._cells[(row, column)] = Cell(ws, row=row, column=column, value=value)
    return wb


def _csv_cells(path: Path):
    """``((row, column), value)`` of every non-empty cell of a CSV file LibreOffice wrote (:data:`_CSV`)."""
    text = path.read_text(encoding="utf-8")
    row, column, pos, end = 1, 1, 0, len(text)
    while pos < end:
        m = _CSV_FIELD.match(text, pos)
        if m is None:
            raise LibreOfficeError("fail_csv_field", name=path.name, row=str(row), column=str(column))
        quoted, bare, separator = m.groups()
        if quoted:  # an empty text (a formula giving ""), as openpyxl reads LibreOffice's xlsx: no value
            word = quoted.replace('""', '"')
            yield (row, column), "#" + word if _LO_ERROR.fullmatch(word) else word
        elif bare:
            yield (row, column), _csv_value(bare, path, row, column)
        if separator == ",":
            column += 1
        elif m.end() == pos:  # nothing matched at the end of the text
            break
        else:
            row, column = row + 1, 1
        pos = m.end()


def _csv_value(text: str, path: Path, row: int, column: int):
    import datetime
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    if m := _PERCENT.fullmatch(text):
        return float(m.group(1)) / 100
    if text in ("TRUE", "FALSE"):
        return text == "TRUE"
    if m := _DATE.fullmatch(text):
        month, day, year, *time = m.groups()
        return datetime.datetime(int(year), int(month), int(day), *(int(t) for t in time if t is not None))
    if m := _ISO_DATE.fullmatch(text):
        return datetime.datetime(*(int(t) for t in m.groups() if t is not None))
    raise LibreOfficeError("fail_csv_value", name=path.name, row=str(row), column=str(column),
                           text=repr(text[:40]))


def read_values(path: str | Path) -> dict[str, dict[str, object]]:
    """Cached values of a (recalculated) workbook: ``{sheet: {"B4": value}}``, empty cells left out.

    Errors come back as their text (``"#NAME?"``, ``"#DIV/0!"``), as openpyxl reads them.
    """
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True)
    try:
        return {ws.title: {cell.coordinate: cell.value for row in ws.iter_rows() for cell in row
                           if cell.value is not None}
                for ws in wb.worksheets}
    finally:
        wb.close()


def render_pdf(path: str | Path, out_dir: str | Path, locale: str | None = None) -> Path:
    """Print the workbook to PDF as LibreOffice lays it out (print areas, fit to page), after a
    full recalculation; returns ``out_dir/NAME.pdf``.

    ``locale`` (``"fr-FR"``) is the locale the figures are shown in, as Excel shows a book in its
    user's locale (7 841 431 € and 3,79 in French): cell formats, and numbers turned into text by a
    formula (``FIXED``, ``&``). The default is the machine's locale."""
    return _convert([Path(path)], Path(out_dir), "pdf", locale=locale)[0]


def render_png(pdf: str | Path, out_dir: str | Path, first_page: int | None = None,
               last_page: int | None = None, dpi: int = 110) -> list[Path]:
    """PNG pages of a PDF (poppler's ``pdftoppm``), in page order: ``out_dir/NAME-<page>.png``.

    Parameters
    ----------
    first_page, last_page : int, optional
        1-based page range; all pages when omitted.
    dpi : int
        Resolution in dots per inch (110 gives an A4 landscape page of about 1290 x 910 pixels).
    """
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise LibreOfficeError("fail_no_pdftoppm")
    pdf, out_dir = Path(pdf), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    page_file = re.compile(re.escape(pdf.stem) + r"-(\d+)\.png")

    def pages() -> list[Path]:
        found = [(int(m.group(1)), p) for p in out_dir.iterdir() if (m := page_file.fullmatch(p.name))]
        return [p for _, p in sorted(found)]  # numeric: page 10 after page 9

    for stale in pages():  # pages of an earlier, longer render would be returned as this one's
        stale.unlink()
    cmd = [pdftoppm, "-png", "-r", str(dpi)]
    if first_page is not None:
        cmd += ["-f", str(first_page)]
    if last_page is not None:
        cmd += ["-l", str(last_page)]
    done = _run(cmd + [str(pdf), str(out_dir / pdf.stem)], None, ("fail_rendering", {"name": pdf.name}))
    if done.returncode != 0:
        raise LibreOfficeError("fail_render", name=pdf.name, code=str(done.returncode),
                               detail=done.stderr.strip()[-400:])
    return pages()


def with_only_sheets(path: str | Path, sheets: list[str], out_path: str | Path) -> Path:
    """A copy of the workbook where every sheet but ``sheets`` is hidden, for printing a subset.

    Edits ``xl/workbook.xml`` in the zip rather than loading with openpyxl, which would drop the
    charts. Raises ``ValueError`` naming the sheets that do not exist.
    """
    path, out_path = Path(path), Path(out_path)
    with zipfile.ZipFile(path) as src:
        book = src.read("xl/workbook.xml").decode("utf-8")
        tags = re.findall(r"<(?:\w+:)?sheet\b[^>]*/>", book)
        names = {_unescape(re.search(r'\bname="([^"]*)"', t).group(1)): t for t in tags}
        missing = [s for s in sheets if s not in names]
        if missing:
            raise ValueError(f"no sheet named {', '.join(missing)}; the workbook has {', '.join(names)}")
        order = list(names)
        for name, tag in names.items():
            new = re.sub(r'\sstate="[^"]*"', "", tag)
            if name not in sheets:
                new = new.replace("/>", ' state="hidden"/>', 1)
            book = book.replace(tag, new, 1)
        # LibreOffice prints the print area of a hidden sheet all the same: drop those areas.
        hidden = {str(i) for i, name in enumerate(order) if name not in sheets}

        def keep(m: re.Match) -> str:
            area = re.search(r'\bname="_xlnm\.Print_Area"', m.group(1))
            sheet = re.search(r'\blocalSheetId="(\d+)"', m.group(1))
            return "" if area and sheet and sheet.group(1) in hidden else m.group(0)

        book = re.sub(r"<(?:\w+:)?definedName\b([^>]*)>.*?</(?:\w+:)?definedName>", keep, book, flags=re.S)
        # The active tab must be a visible sheet, or the print starts from a hidden one.
        first_shown = min(order.index(s) for s in sheets)
        book = re.sub(r'\bactiveTab="\d+"', f'activeTab="{first_shown}"', book)
        if "activeTab=" not in book:
            book = re.sub(r"<(\w+:)?workbookView\b", rf'<\g<1>workbookView activeTab="{first_shown}"', book, 1)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = book.encode("utf-8") if info.filename == "xl/workbook.xml" else src.read(info.filename)
                dst.writestr(info, data)
    return out_path


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def render(path: str | Path, out_dir: str | Path, sheets: list[str] | None = None,
           dpi: int = 110) -> list[Path]:
    """What a person sees: the workbook recalculated, printed to PDF and cut into PNG pages.

    With ``sheets``, only those sheets are printed (the others are hidden in a temporary copy).
    Returns the PDF's path followed by the PNG pages. This is what ``cli.py render`` delegates to.
    """
    path, out_dir = Path(path), Path(out_dir)
    if not sheets:
        pdf = render_pdf(path, out_dir)
        return [pdf, *render_png(pdf, out_dir, dpi=dpi)]
    with tempfile.TemporaryDirectory(prefix="xlmodel-render-") as tmp:
        subset = with_only_sheets(path, sheets, Path(tmp) / path.name)
        pdf = render_pdf(subset, out_dir)
    return [pdf, *render_png(pdf, out_dir, dpi=dpi)]

