"""How fast, and in how much memory, a file from outside is read or refused (issues 7 and 13).

    python benchmarks/bench_untrusted.py [--repeats 5] [--skip-largest]

1. Refusal speed: :func:`xlmodel.workbook.untrusted.open_untrusted` on the files tests/test_untrusted.py
   crafts: a zip bomb (a 210 MiB member under 2 MiB of zip, over the unpacked limit) and a billion
   laughs (nested entities in xl/sharedStrings.xml). Best of the repeats.
2. Peak memory (the child's maximum resident set size, as ``/usr/bin/time -v`` reports it, read with
   ``os.wait4``; Python and openpyxl alone take about 40 MB): each file opened in a fresh process.
   Within the limits of xlmodel/limits.py: our own workbook of the largest case the limits allow,
   and crafted worst cases each at one limit (every cell a number; half the cells distinct long
   strings; one merged range of the whole cell budget; every style record). Beyond them: the
   attacks of issue 13 (a merged range A1:XFD1048576, 40 sheets with a cell at row 1 048 576, a sheet
   of a million cells, a zip bomb, a billion laughs). Targets: below 500 MB read, below 200 MB refused.
Not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from test_untrusted import LAUGHS, SHEET1, SMALL, part, rewrite, write_zeros  # noqa: E402  (the tests' files)

from xlmodel import limits  # noqa: E402
from xlmodel.errors import InputError  # noqa: E402
from xlmodel.workbook.untrusted import open_untrusted  # noqa: E402

_CHILD = """
import sys, time
from xlmodel.errors import InputError
from xlmodel.workbook.untrusted import open_untrusted
started = time.perf_counter()
try:
    open_untrusted(sys.argv[1])
    outcome = "read"
except InputError as exc:
    outcome = "refused"
    print(str(exc), file=sys.stderr)
print(outcome, time.perf_counter() - started)
"""


def refusal_seconds(path: Path, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            open_untrusted(path)
        except InputError:
            best = min(best, time.perf_counter() - started)
        else:
            raise SystemExit(f"{path} was not refused")
    return best


def peak(path: Path) -> tuple[str, float, float, str]:
    """(read or refused, seconds, peak resident MB, refusal) of open_untrusted(path) in a fresh process,
    measured by ``/usr/bin/time`` (a child forked from this big process would count its pages)."""
    proc = subprocess.run(["/usr/bin/time", "-f", "maxrss %M", sys.executable, "-c", _CHILD, str(path)], cwd=ROOT,
                          capture_output=True, text=True)
    outcome, seconds = proc.stdout.split()
    lines = proc.stderr.strip().splitlines()
    kilobytes = int(lines[-1].split()[1])
    refusal = lines[0][len(str(path)) + 2:] if outcome == "refused" else ""
    return outcome, float(seconds), kilobytes / 1024, refusal


def sheet(rows: int, columns: int, cell) -> bytes:
    """A worksheet of ``rows`` x ``columns`` cells, ``cell(r, c)`` giving each <c> element's inside."""
    from openpyxl.utils import get_column_letter
    letters = [get_column_letter(c) for c in range(1, columns + 1)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{letters[c]}{r}"{cell(r, c)}</c>' for c in range(columns))
                   + "</row>" for r in range(1, rows + 1))
    head = part(SMALL, SHEET1).decode()
    return (head[:head.index("<sheetData>")] + f"<sheetData>{body}</sheetData>"
            + head[head.index("</sheetData>") + len("</sheetData>"):]).encode()


def crafted(folder: Path) -> dict[str, Path]:
    rng = random.Random(13)
    budget = limits.MAX_CELLS
    files = {}
    rows = limits.MAX_ROWS - 1000
    columns = (budget - 10) // rows - 1  # the rows count too
    files[f"{rows * columns:,} number cells ({rows:,} rows x {columns})"] = rewrite(
        SMALL, folder / "numbers.xlsx", {SHEET1: sheet(rows, columns, lambda r, c: f'><v>{rng.random():.6f}</v>')})
    strings = budget // 2 - rows
    columns = strings // rows
    text = [f"{i} " + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz ", k=60)) for i in range(rows * columns)]
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + "".join(f"<si><t>{t}</t></si>" for t in text) + "</sst>").encode()
    files[f"{rows * columns:,} cells of distinct 60-character strings"] = rewrite(
        SMALL, folder / "strings.xlsx", {SHEET1: sheet(rows, columns, lambda r, c: f' t="s"><v>{(r - 1) * columns + c}</v>'),
                                         "xl/sharedStrings.xml": sst})
    merged_rows = (budget - 100) // limits.MAX_COLUMNS
    files[f"one merged range of {merged_rows * limits.MAX_COLUMNS:,} cells"] = rewrite(
        SMALL, folder / "merged.xlsx", {SHEET1: part(SMALL, SHEET1).replace(
            b"</worksheet>", f'<mergeCells count="1"><mergeCell ref="A1:IV{merged_rows}"/></mergeCells></worksheet>'.encode())})
    styles = part(SMALL, "xl/styles.xml").decode()
    many = "".join(f'<xf numFmtId="{rng.choice((0, 1, 2, 3, 4, 9, 10, 14))}" fontId="0" fillId="0" borderId="0" '
                   f'xfId="0" applyAlignment="1"><alignment indent="{rng.randrange(250)}" '
                   f'textRotation="{rng.randrange(180)}"/></xf>' for i in range(limits.MAX_STYLES // 2 - 100))
    styles = styles.replace("</cellXfs>", many + "</cellXfs>", 1)
    files[f"{limits.MAX_STYLES // 2 - 100:,} cell formats, each with its own alignment"] = rewrite(SMALL, folder / "styles.xlsx", {"xl/styles.xml": styles.encode()})
    return {re.sub(r"(?<=\d),(?=\d)", " ", name): path for name, path in files.items()}


def beyond(folder: Path) -> dict[str, Path]:
    files = {}
    files["one merged range A1:XFD1048576 (a 5 KB form)"] = rewrite(SMALL, folder / "b_merged.xlsx", {SHEET1: part(
        SMALL, SHEET1).replace(b"</worksheet>", b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')})
    last = part(SMALL, SHEET1).replace(b"</sheetData>", b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')
    files["40 sheets, each a cell at row 1 048 576"] = rewrite(
        SMALL, folder / "b_forty.xlsx", {SHEET1: last}, add={f"xl/worksheets/sheet{i}.xml": last for i in range(2, 41)})
    files["a sheet of 1 000 000 cells"] = rewrite(SMALL, folder / "b_million.xlsx",
                                                 {SHEET1: sheet(5000, 200, lambda r, c: "><v>1</v>")})
    bomb = folder / "b_bomb.xlsx"
    write_zeros(bomb, "xl/worksheets/sheet1.xml", 210, level=1)
    files["a zip bomb (210 MiB unpacked)"] = bomb
    files["a billion laughs"] = rewrite(SMALL, folder / "b_laughs.xlsx", {"xl/sharedStrings.xml": LAUGHS})
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-largest", action="store_true", help="do not build the largest case's workbook (40 s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bomb = folder / "bomb.xlsx"
        write_zeros(bomb, "xl/worksheets/sheet1.xml", 210, level=1)
        laughs = rewrite(SMALL, folder / "laughs.xlsx", {"xl/sharedStrings.xml": LAUGHS})
        print(f"zip bomb ({bomb.stat().st_size / 2**20:.1f} MiB of zip, 210 MiB unpacked) refused in "
              f"{refusal_seconds(bomb, args.repeats) * 1e3:.1f} ms (target < 1 s)")
        print(f"billion laughs in xl/sharedStrings.xml refused in "
              f"{refusal_seconds(laughs, args.repeats) * 1e3:.1f} ms (target < 1 s)")
        within = {}
        if not args.skip_largest:
            from _cases import largest

            from xlmodel.workbook.build import build_file
            book = folder / "largest.xlsx"
            build_file(largest(), book)
            within["our workbook of the largest case (30 vendors, 10 channels, 10 years)"] = book
        within.update(crafted(folder))
        print("\nWithin the limits (target: read, peak below 500 MB):")
        print(f"  {'file':<62} {'size':>8} {'outcome':>8} {'time':>7} {'peak':>8}")
        for name, path in within.items():
            outcome, seconds, mb, refusal = peak(path)
            print(f"  {name:<62} {path.stat().st_size / 2**20:6.1f}MB {outcome:>8} {seconds:6.2f}s {mb:6.0f}MB {refusal[:60]}")
        print("\nBeyond the limits (target: refused, peak below 200 MB):")
        for name, path in beyond(folder).items():
            outcome, seconds, mb, refusal = peak(path)
            print(f"  {name:<62} {path.stat().st_size / 2**20:6.1f}MB {outcome:>8} {seconds:6.2f}s {mb:6.0f}MB {refusal[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
