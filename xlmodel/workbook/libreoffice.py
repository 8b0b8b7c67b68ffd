"""LibreOffice headless: recalculate a built workbook, render it to PDF and PNG (DESIGN section 7).

LibreOffice keeps the cached values of an xlsx by default; a throw-away profile whose
``registrymodifications.xcu`` sets ``OOXMLRecalcMode`` to 0 ("always recalculate") forces a full
recalculation on load. The profile lives in a temporary folder and is removed afterwards.

Usage as a script (renders a workbook to PNG pages for a person to look at)::

    python -m xlmodel.workbook.libreoffice BOOK.xlsx OUT_DIR
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
TIMEOUT_SECONDS = 180


class LibreOfficeError(RuntimeError):
    """LibreOffice is missing, failed, or produced nothing."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(path: Path, out_dir: Path, target: str) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError("LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui)")
    path, out_dir = Path(path).resolve(), Path(out_dir).resolve()
    if out_dir == path.parent:
        raise LibreOfficeError("use an output folder other than the workbook's: LibreOffice overwrites")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xlmodel-lo-") as profile:
        user = Path(profile, "user")
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        env = {**os.environ, "HOME": profile}
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out_dir), str(path)]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    produced = out_dir / f"{path.stem}.{target.split(':')[0]}"
    if done.returncode != 0 or not produced.exists():
        raise LibreOfficeError(f"LibreOffice could not convert {path.name} to {target}: "
                               f"{(done.stderr or done.stdout).strip()[-300:]}")
    return produced


def recalculate(path: str | Path, out_dir: str | Path) -> Path:
    """Recalculate every formula of ``path`` in LibreOffice; returns the recalculated copy's path.

    Read the copy with ``openpyxl.load_workbook(copy, data_only=True)``; LibreOffice writes 15
    significant digits, so compare with a tolerance.
    """
    return _convert(Path(path), Path(out_dir), "xlsx")


def render_pdf(path: str | Path, out_dir: str | Path) -> Path:
    """Print the workbook to PDF as LibreOffice lays it out (print areas, fit to page)."""
    return _convert(Path(path), Path(out_dir), "pdf")


def render_png(pdf: str | Path, out_dir: str | Path, first_page: int | None = None,
               last_page: int | None = None, dpi: int = 110) -> list[Path]:
    """PNG pages of a PDF (poppler's ``pdftoppm``)."""
    if shutil.which("pdftoppm") is None:
        raise LibreOfficeError("pdftoppm is not installed (apt-get install -y poppler-utils)")
    pdf, out_dir = Path(pdf), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = ["pdftoppm", "-png", "-r", str(dpi)]
    if first_page:
        cmd += ["-f", str(first_page)]
    if last_page:
        cmd += ["-l", str(last_page)]
    subprocess.run(cmd + [str(pdf), str(out_dir / pdf.stem)], check=True, capture_output=True,
                   timeout=TIMEOUT_SECONDS)
    return sorted(out_dir.glob(f"{pdf.stem}*.png"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m xlmodel.workbook.libreoffice BOOK.xlsx OUT_DIR", file=sys.stderr)
        return 2
    book, out = Path(args[0]), Path(args[1])
    try:
        pdf = render_pdf(book, out)
        pages = render_png(pdf, out)
    except (LibreOfficeError, subprocess.SubprocessError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{pdf}\n" + "\n".join(str(p) for p in pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
