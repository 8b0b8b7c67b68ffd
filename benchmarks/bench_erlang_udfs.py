"""Benchmark of the Excel functions' costs: `import udfs`, one OUTSOURCE_ROI call, and AGENTS_REQUIRED
at 5 000 Erlangs side by side with erlanglib (same answer asserted).

Run: python benchmarks/bench_erlang_udfs.py [--erlangs 5000] [--repeats 7]

erlanglib has no sizing function: it is sized the way its users would, with its erlang_c and
service_level from N = floor(A) + 1 upwards (the same search as ours). Its exact Decimal
factorials take seconds per call at 5 000 Erlangs, so it is timed once.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def import_time(repeats: int, prelude: str = "") -> float:
    """Median wall time of `import udfs` in a fresh interpreter (after ``prelude``), seconds."""
    code = f"{prelude}\nimport time; t = time.perf_counter(); import udfs; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout) for _ in range(repeats)]
    return statistics.median(runs)


def per_call(call, calls: int) -> float:
    """Median over 5 batches of the time per call, seconds."""
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        batches.append((time.perf_counter() - start) / calls)
    return statistics.median(batches)


def erlanglib_agents(traffic: float, aht: float, target: float, answer: float) -> int:
    import erlanglib
    n = math.floor(traffic) + 1
    while True:
        pw = erlanglib.erlang_c(n, traffic)
        if erlanglib.service_level(n, traffic, pw, answer, aht) >= target:
            return n
        n += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--erlangs", type=float, default=5000.0)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    print(f"import udfs (fresh interpreter, median of {args.repeats}): "
          f"{import_time(args.repeats) * 1e3:.0f} ms")
    print(f"  of which after xlwings is already imported (as in Excel's COM server): "
          f"{import_time(args.repeats, 'import xlwings') * 1e3:.0f} ms")

    from udfs.functions import AGENTS_REQUIRED, OUTSOURCE_ROI
    from xlmodel import erlang

    roi = per_call(lambda: OUTSOURCE_ROI([1.2e6] * 5, [1.0e6] * 5, 3e5, 5, 0.08), 2000)
    print(f"OUTSOURCE_ROI, 5 yearly costs as ranges (median per call): {roi * 1e6:.1f} us (target < 50 us)")
    roi_scalar = per_call(lambda: OUTSOURCE_ROI(1.2e6, 1.0e6, 3e5, 5, 0.08, 0.02, 0.015), 2000)
    print(f"OUTSOURCE_ROI, single costs escalated (median per call): {roi_scalar * 1e6:.1f} us")

    aht, interval = 180.0, 1800.0
    contacts = args.erlangs * interval / aht
    ours = AGENTS_REQUIRED(contacts, aht, 0.8, 20, interval, 1, 0)
    ours_time = per_call(lambda: AGENTS_REQUIRED(contacts, aht, 0.8, 20, interval, 1, 0), 50)
    print(f"AGENTS_REQUIRED at {args.erlangs:g} Erlangs (median per call): {ours_time * 1e3:.2f} ms "
          f"-> {ours} agents (target < 5 ms)")
    traffic = contacts * aht / interval
    start = time.perf_counter()
    theirs = erlanglib_agents(traffic, aht, 0.8, 20)
    theirs_time = time.perf_counter() - start
    assert theirs == ours == erlang.agents_required(contacts, aht).raw_agents, (theirs, ours)
    print(f"erlanglib, same search (one run): {theirs_time:.1f} s -> {theirs} agents; "
          f"ratio {theirs_time / ours_time:,.0f}x")

    import numpy as np
    sizings = np.random.default_rng(1).uniform(40, 60, 1000)
    many = per_call(lambda: erlang.agents_required_many(sizings, aht, 0.8, 20, 1.0), 20)
    print(f"agents_required_many, 1 000 sizings of 40-60 Erlangs: {many * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
