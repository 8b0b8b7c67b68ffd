"""Time the decision analytics of the example case: Monte Carlo (vectorised vs a loop over the
engine, side by side in one run) and the tornado.  Targets: 100 000 draws over all scenarios in
under 2 s; the full tornado in under 0.5 s.

The loop costs every draw with the exact engine (``compare`` on a moved case: Erlang C month by
month), which takes 10-20 ms a draw, so it runs on ``--loop-draws`` draws (default 200) and is
extrapolated linearly to the vectorised draw count; the same draws feed both, and the benchmark
reports how far the vectorised NPVs (square-root staffing) are from the loop's exact ones.

    python benchmarks/bench_analytics.py [--draws 100000] [--loop-draws 200] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from xlmodel.analytics.montecarlo import (DEFAULT_CHUNK, array_model, evaluate_changes,  # noqa: E402
                                          loop_npv_costs, run_risk, sample_changes)
from xlmodel.analytics.sensitivity import tornado  # noqa: E402
from xlmodel.case import example_case  # noqa: E402
from xlmodel.engine import compare  # noqa: E402

MC_TARGET_S = 2.0
TORNADO_TARGET_S = 0.5


def _median_seconds(run, repeats: int) -> float:
    """The median wall time of ``repeats`` calls of ``run()``."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--loop-draws", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    case = example_case()
    result = compare(case)
    run_risk(case, 2000, 1, comparison=result)  # warm-up

    vector_s = _median_seconds(lambda: run_risk(case, args.draws, case.risk.seed, comparison=result), args.repeats)
    one_thread_s = _median_seconds(lambda: run_risk(case, args.draws, case.risk.seed, comparison=result, workers=1),
                                   args.repeats)
    risk = run_risk(case, args.draws, case.risk.seed, comparison=result)

    changes = sample_changes(case, args.loop_draws, case.risk.seed)
    started = time.perf_counter()
    exact = loop_npv_costs(case, changes, args.loop_draws)
    loop_s = time.perf_counter() - started
    loop_extrapolated = loop_s / args.loop_draws * args.draws
    approx = evaluate_changes(array_model(case, result), changes).npv_cost
    error = np.abs(approx / exact - 1)

    model = array_model(case, result)
    tracemalloc.start()
    evaluate_changes(model, sample_changes(case, 4 * DEFAULT_CHUNK, 1), workers=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    tornado_times = []
    for _ in range(max(3, args.repeats)):
        t = tornado(case, result)
        tornado_times.append(t.seconds)
    tornado_s = statistics.median(tornado_times)

    scenarios = len(result.scenarios)
    print(f"example case: {scenarios} scenarios x {case.months} months; {model.dependent_rows()} rows and "
          f"staffing rows re-evaluated per block of draws")
    print(f"Monte Carlo vectorised: {args.draws:,} draws in {vector_s:.2f} s (median of {args.repeats}, "
          f"2 threads, blocks of {DEFAULT_CHUNK}); one thread {one_thread_s:.2f} s "
          f"(target < {MC_TARGET_S:g} s: {'met' if vector_s < MC_TARGET_S else 'NOT met'})")
    print(f"Monte Carlo loop over compare(): {args.loop_draws} draws in {loop_s:.2f} s "
          f"({1000 * loop_s / args.loop_draws:.1f} ms a draw), extrapolated to {args.draws:,} draws: "
          f"{loop_extrapolated:.0f} s")
    print(f"speed-up vectorised / loop: x{loop_extrapolated / vector_s:,.0f}")
    print(f"vectorised vs exact NPV of cost on the loop's draws: mean |rel. error| {error.mean():.2%}, "
          f"max {error.max():.2%} (square-root staffing approximation)")
    print(f"memory: peak {peak / 2**20:.0f} MiB traced for one thread on blocks of {DEFAULT_CHUNK} draws "
          f"(bound stated by the model: {model.peak_bytes(DEFAULT_CHUNK) / 2**20:.0f} MiB of live rows per block; "
          f"two threads hold two blocks)")
    print(f"tornado: {len(t.bars)} drivers, {t.evaluations} engine runs in {tornado_s:.3f} s "
          f"(target < {TORNADO_TARGET_S:g} s: {'met' if tornado_s < TORNADO_TARGET_S else 'NOT met'})")
    best = risk.scenario(result.best)
    print(f"check: {best.id} P(cheapest) {best.p_cheapest:.1%}, NPV savings P10/P50/P90 "
          f"{best.npv_savings_p10:,.0f} / {best.npv_savings_p50:,.0f} / {best.npv_savings_p90:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
