"""Time a whole comparison of the example case in process, after imports (target: under 20 ms).

One run = build the model, evaluate every row of every scenario month by month (Erlang C
staffing included) and compute the finance of each scenario: ``xlmodel.engine.compare(case)`` on
an already validated case.

    python benchmarks/bench_engine.py [--runs 200] [--profile]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from xlmodel.case import example_case  # noqa: E402
from xlmodel.engine import compare  # noqa: E402

TARGET_MS = 20.0


def measure(runs: int) -> list[float]:
    """Milliseconds per comparison, for ``runs`` runs after a few warm-up runs."""
    case = example_case()
    for _ in range(5):
        compare(case)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        compare(case)
        times.append(1000 * (time.perf_counter() - started))
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of 50 runs")
    args = parser.parse_args(argv)
    case = example_case()
    result = compare(case)
    times = measure(args.runs)
    median, best = statistics.median(times), min(times)
    print(f"example case: {len(result.scenarios)} scenarios x {case.months} months, "
          f"{len(result.evaluation.model.rows)} rows, {len(result.evaluation.model.staff)} staffing rows")
    print(f"compare(): median {median:.2f} ms, min {best:.2f} ms, max {max(times):.2f} ms "
          f"over {args.runs} runs (target < {TARGET_MS:g} ms: {'met' if median < TARGET_MS else 'NOT met'})")
    if args.profile:
        import cProfile
        import pstats
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            compare(case)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
