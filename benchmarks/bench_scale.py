"""Build time against the number of vendors, up to the stated maximum (issue 13: "nothing unbounded").

    python benchmarks/bench_scale.py [--runs 1] [--skip-largest]

Builds, each in a fresh process as a user would (``python cli.py build CASE.toml -o BOOK.xlsx``), the
example case with a quarter, half and all of :data:`xlmodel.limits.MAX_VENDORS` quotes (its three
quotes repeated, each its own name and price; three channels, five years), and then the largest case
the limits accept (MAX_VENDORS quotes, MAX_CHANNELS channels, MAX_HORIZON_YEARS years). Prints the
wall time (best of the runs), the ratio to the previous size and the time per vendor: linear cost
doubles the time when the vendors double. Not a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from _cases import largest, with_vendors  # noqa: E402

from xlmodel.case import case_to_toml  # noqa: E402
from xlmodel.limits import MAX_VENDORS  # noqa: E402


def build_seconds(case, folder: Path, runs: int) -> float:
    source = folder / "case.toml"
    source.write_text(case_to_toml(case), encoding="utf-8")
    best = float("inf")
    for run in range(runs):
        target = folder / f"book{run}.xlsx"
        started = time.perf_counter()
        subprocess.run([sys.executable, "cli.py", "build", str(source), "-o", str(target)], cwd=ROOT, check=True,
                       capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--skip-largest", action="store_true")
    args = parser.parse_args()
    sizes = [MAX_VENDORS // 4, MAX_VENDORS // 2, MAX_VENDORS]
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'vendors':>8} {'build':>8} {'x previous':>11} {'per vendor':>11}")
        previous = None
        for n in sizes:
            seconds = build_seconds(with_vendors(n), Path(tmp), args.runs)
            ratio = "" if previous is None else f"x{seconds / previous[1]:.2f} ({n / previous[0]:.2f}x)"
            print(f"{n:>8} {seconds:7.1f}s {ratio:>11} {seconds / n:10.2f}s", flush=True)
            previous = (n, seconds)
        if not args.skip_largest:
            seconds = build_seconds(largest(), Path(tmp), 1)
            print(f"largest case the limits accept (30 vendors, 10 channels, 10 years): {seconds:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
