"""Batch build: several cases on every core against one core (issue 5's speed figure).

    python benchmarks/bench_batch.py [--cases 8]

Builds N copies of the embedded example case with `python cli.py build CASES/*.toml -o OUT/` as a
user runs it (a fresh process), then the same batch one case after the other in one process
(`build_batch(..., workers=1)`), and prints both wall times. Not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=8)
    args = parser.parse_args()
    from xlmodel.case import example_case_text
    from xlmodel.workbook.build import build_batch

    with tempfile.TemporaryDirectory() as tmp:
        cases = Path(tmp) / "cases"
        cases.mkdir()
        files = []
        for i in range(args.cases):
            files.append(cases / f"case{i:02d}.toml")
            files[-1].write_text(example_case_text(), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "cli.py", "build", *map(str, files), "-o", str(Path(tmp) / "all")],
                       cwd=ROOT, check=True, capture_output=True)
        parallel = time.perf_counter() - started
        started = time.perf_counter()
        items = list(build_batch(files, Path(tmp) / "one", workers=1))
        serial = time.perf_counter() - started
        assert all(item.ok for item in items)
    cores = os.cpu_count() or 1
    print(f"{args.cases} cases: {parallel:.1f} s on {cores} cores (fresh process), "
          f"{serial:.1f} s one after the other (in process): x{serial / parallel:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
