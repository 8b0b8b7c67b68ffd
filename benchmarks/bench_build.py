"""Workbook build time and CPU, side by side with an earlier commit, and LibreOffice recalculation.

    python benchmarks/bench_build.py [--runs 5] [--against e065590] [--builds-only]

Measures, on the example case, `python cli.py build -o NEW.xlsx` as a user runs it (a fresh
process, Python start-up included, no existing workbook), then the rebuild over that workbook
(`python cli.py build -o NEW.xlsx` again: its inputs read back, what the user added checked, a
dated backup kept), for this tree and for the tree of the commit ``--against`` (by default
e065590, main before issue 10's refactor; ``--against ''`` to skip), runs alternating so that both
see the same machine load:

- wall time;
- CPU time of the whole build (user + system, the parent and the worker it forks for the
  break-evens: the resource usage of the waited-for children);
- CPU time of the parent process alone (what the user waits on: the worker runs on the other core).

Then (unless ``--builds-only``) a full LibreOffice recalculation of each tree's built workbook
(forced recalculation, xlmodel/workbook/libreoffice.py), alternating, and the in-process
recalculation of this tree's workbook by IronCalc (load and evaluate, as the build's verification
does). Prints medians; not a test.
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
    parser.add_argument("--builds-only", action="store_true", help="measure the builds only (no recalculation)")
    args = parser.parse_args()
    from xlmodel.workbook.libreoffice import find_soffice, recalculate

    trees = {"this tree": ROOT}
    recalcs: dict[str, list[float]] = {}
    in_process = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.against:
            trees[args.against] = checkout(args.against, tmp / "before")
        results = {label: [] for label in trees}
        rebuilds = {label: [] for label in trees}
        for i in range(args.runs):
            for k, (label, tree) in enumerate(trees.items()):  # alternating: both see the same load
                results[label].append(build_once(tree, tmp / f"book{k}-{i}.xlsx"))
                rebuilds[label].append(build_once(tree, tmp / f"book{k}-{i}.xlsx"))  # over the book just built
        books = {label: tmp / f"{k}-book.xlsx" for k, label in enumerate(trees)}
        for label, tree in trees.items() if not args.builds_only else ():
            build_once(tree, books[label])
        if find_soffice() and not args.builds_only:
            for i in range(min(args.runs, 5)):
                for label in trees:  # alternating, as the builds
                    started = time.perf_counter()
                    recalculate(books[label], tmp / f"recalc-{label.replace(' ', '_')}-{i}")
                    recalcs.setdefault(label, []).append(time.perf_counter() - started)
        try:
            from xlmodel.workbook.verify import load
        except ImportError:  # a tree before issue 11
            load = None
        for _ in range(args.runs if load and not args.builds_only else 0):
            started = time.perf_counter()
            load(books["this tree"])
            in_process.append(time.perf_counter() - started)
    for what, measured in (("python cli.py build (example, fresh process, no workbook)", results),
                           ("python cli.py build again (a rebuild over that workbook)", rebuilds)):
        print(f"{what}, {args.runs} runs each:")
        for label, runs in measured.items():
            print("  " + summary(label, runs))
        if args.against:
            for key, name in (("cpu", "CPU"), ("parent_cpu", "parent CPU"), ("wall", "wall time")):
                new = statistics.median(r[key] for r in measured["this tree"])
                old = statistics.median(r[key] for r in measured[args.against])
                print(f"  {name}: {100 * (old - new) / old:.0f} % lower than {args.against}")
    if args.builds_only:
        print("Recalculations not measured (--builds-only)")
    elif any(recalcs.values()):
        print("LibreOffice full recalculation of each tree's workbook (includes LibreOffice start-up):")
        for label, times in recalcs.items():
            print(f"  {label}: median {statistics.median(times):.2f} s, min {min(times):.2f} s over {len(times)} runs")
        if args.against:
            ratio = statistics.median(recalcs["this tree"]) / statistics.median(recalcs[args.against])
            print(f"  this tree / {args.against}: x{ratio:.2f} (median over median)")
    else:
        print("LibreOffice not installed: recalculation not measured")
    if in_process:
        print(f"In-process recalculation by IronCalc (load and evaluate): median {statistics.median(in_process):.3f} s, "
              f"min {min(in_process):.3f} s over {len(in_process)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
