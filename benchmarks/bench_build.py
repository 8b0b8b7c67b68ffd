"""Workbook build and LibreOffice recalculation times (issue 3's speed figures).

    python benchmarks/bench_build.py [--runs 5]

Measures, on the example case, `python cli.py build -o NEW.xlsx` as a user runs it (a fresh
process, Python start-up included, no existing workbook), and a full LibreOffice recalculation of
the built workbook (forced recalculation, see xlmodel/workbook/libreoffice.py). Prints medians; not a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from xlmodel.workbook.libreoffice import find_soffice, recalculate

    builds, recalcs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            out = Path(tmp) / f"book{i}.xlsx"
            started = time.perf_counter()
            subprocess.run([sys.executable, "cli.py", "build", "-o", str(out)], cwd=ROOT, check=True,
                           capture_output=True)
            builds.append(time.perf_counter() - started)
        if find_soffice():
            for i in range(min(args.runs, 3)):
                started = time.perf_counter()
                recalculate(Path(tmp) / "book0.xlsx", Path(tmp) / f"recalc{i}")
                recalcs.append(time.perf_counter() - started)
    print(f"python cli.py build (example, fresh process): median {statistics.median(builds):.2f} s, "
          f"min {min(builds):.2f} s over {len(builds)} runs (target < 2 s)")
    if recalcs:
        print(f"LibreOffice full recalculation of the built workbook: median {statistics.median(recalcs):.2f} s, "
              f"min {min(recalcs):.2f} s over {len(recalcs)} runs (target < 5 s; includes LibreOffice start-up)")
    else:
        print("LibreOffice not installed: recalculation not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
