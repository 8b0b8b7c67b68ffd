"""Workbook build time and CPU, side by side with an earlier commit, and LibreOffice recalculation.

    python benchmarks/bench_build.py [--runs 5] [--against e065590]

Measures, on the example case, `python cli.py build -o NEW.xlsx` as a user runs it (a fresh
process, Python start-up included, no existing workbook), for this tree and for the tree of the
commit ``--against`` (by default e065590, main before issue 10's refactor; ``--against ''`` to
skip), runs alternating so that both see the same machine load:

- wall time;
- CPU time of the whole build (user + system, the parent and the worker it forks for the
  break-evens: the resource usage of the waited-for children);
- CPU time of the parent process alone (what the user waits on: the worker runs on the other core).

Then a full LibreOffice recalculation of the built workbook (forced recalculation,
xlmodel/workbook/libreoffice.py). Prints medians; not a test.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BEFORE = "e065590"  # main before issue 10 (one module per sheet, one formula language...)

# Runs `python cli.py ARGS` in this interpreter, then prints the parent's own CPU seconds.
BUILD = """
import json, resource, runpy, sys
sys.argv = ["cli.py"] + sys.argv[1:]
try:
    runpy.run_path("cli.py", run_name="__main__")
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    print("PARENT_CPU " + json.dumps(own.ru_utime + own.ru_stime))
"""


def build_once(tree: Path, out: Path) -> dict:
    """One build in a fresh process from ``tree``: wall, total CPU and the parent's CPU, seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", BUILD, "build", "-o", str(out)], cwd=tree, check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent = json.loads(done.stdout.rsplit("PARENT_CPU ", 1)[1])
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": total, "parent_cpu": parent}


def checkout(ref: str, where: Path) -> Path:
    """The files of commit ``ref`` of this repository, unpacked into ``where``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(where, filter="data")
    return where


def summary(label: str, runs: list[dict]) -> str:
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    low = {k: min(r[k] for r in runs) for k in runs[0]}
    return (f"{label}: wall median {med['wall']:.2f} s (min {low['wall']:.2f}); CPU median {med['cpu']:.2f} s "
            f"(min {low['cpu']:.2f}); parent CPU median {med['parent_cpu']:.2f} s (min {low['parent_cpu']:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", default=BEFORE, help="commit to compare with ('' for none)")
    args = parser.parse_args()
    from xlmodel.workbook.libreoffice import find_soffice, recalculate

    trees = {"this tree": ROOT}
    recalcs = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.against:
            trees[args.against] = checkout(args.against, tmp / "before")
        results = {label: [] for label in trees}
        for i in range(args.runs):
            for label, tree in trees.items():  # alternating: both see the same load
                results[label].append(build_once(tree, tmp / f"book{i}.xlsx"))
        if find_soffice():
            for i in range(min(args.runs, 3)):
                started = time.perf_counter()
                recalculate(tmp / "book0.xlsx", tmp / f"recalc{i}")
                recalcs.append(time.perf_counter() - started)
    print(f"python cli.py build (example, fresh process), {args.runs} runs each:")
    for label, runs in results.items():
        print("  " + summary(label, runs))
    if args.against:
        for key, name in (("cpu", "CPU"), ("parent_cpu", "parent CPU"), ("wall", "wall time")):
            new = statistics.median(r[key] for r in results["this tree"])
            old = statistics.median(r[key] for r in results[args.against])
            print(f"  {name}: {100 * (old - new) / old:.0f} % lower than {args.against}")
    if recalcs:
        print(f"LibreOffice full recalculation of the built workbook: median {statistics.median(recalcs):.2f} s, "
              f"min {min(recalcs):.2f} s over {len(recalcs)} runs (target < 5 s; includes LibreOffice start-up)")
    else:
        print("LibreOffice not installed: recalculation not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
