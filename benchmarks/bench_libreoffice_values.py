"""LibreOffice's recalculated values of the example workbook: its xlsx copy read by openpyxl
(``recalculate`` + ``load_workbook(data_only=True)``) against its CSV export read by
``recalculated_values`` (the parity tests' reader), alternating, CPU of LibreOffice and of this process.

    python benchmarks/bench_libreoffice_values.py [--runs 3] [--lang en]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from xlmodel.case import example_case
from xlmodel.workbook.build import build_file
from xlmodel.workbook.libreoffice import recalculate, recalculated_values


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(work) -> tuple[float, float, float]:
    """(LibreOffice's CPU, this process's CPU, wall) of ``work()``, in seconds."""
    child, own, wall = _children_cpu(), time.process_time(), time.perf_counter()
    work()
    return _children_cpu() - child, time.process_time() - own, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book" / "example.xlsx"
        book.parent.mkdir()
        build_file(example_case(), book, lang=args.lang)
        ways = {"xlsx copy + openpyxl data_only": lambda: load_workbook(recalculate(book, Path(folder) / "x"),
                                                                          data_only=True),
                "CSV export + recalculated_values": lambda: recalculated_values([book], Path(folder) / "c")}
        figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in ways}
        for _ in range(args.runs):
            for name, work in ways.items():
                figures[name].append(_measure(work))
    print(f"example workbook ({args.lang}), median of {args.runs} runs")
    for name, runs in figures.items():
        lo, own, wall = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"{name:34s} LibreOffice CPU {lo:5.2f} s  reader CPU {own:5.2f} s  wall {wall:5.2f} s")


if __name__ == "__main__":
    main()
