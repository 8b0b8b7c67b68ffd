"""A pytest plugin: the CPU (user + sys of the test process and of the children it waited for:
LibreOffice, subprocess CLIs, the build's break-even worker) of each test's setup, call and teardown,
one JSON file per xdist worker. How the suite's time was measured (benchmarks/RESULTS.md, issue 10)::

    PYTHONPATH=benchmarks CPU_PER_TEST_DIR=/tmp/cpu python -m pytest -q -p cpu_per_test
    python benchmarks/cpu_per_test.py /tmp/cpu         # CPU by module, and the dearest steps

CPU rather than wall time: on a machine shared with other work the wall time follows their load.
"""

from __future__ import annotations

import collections
import json
import os
import resource
import sys
import time

import pytest

_rows: list[tuple] = []
_start = time.time()


def _cpu() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _timed(phase: str, item):
    cpu, wall = _cpu(), time.time()
    yield
    _rows.append((item.nodeid, phase, round(_cpu() - cpu, 3), round(time.time() - wall, 3)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    yield from _timed("setup", item)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    yield from _timed("call", item)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    yield from _timed("teardown", item)


def pytest_sessionfinish(session):
    folder = os.environ.get("CPU_PER_TEST_DIR", "cpu_per_test")
    os.makedirs(folder, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with open(os.path.join(folder, f"{worker}.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": _rows, "cpu": _cpu(), "wall": time.time() - _start}, f)


def report(folder: str, top: int = 25) -> None:
    """CPU by module and the ``top`` dearest steps of a run's files."""
    by_module, rows = collections.Counter(), []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            run = json.load(f)
        print(f"{name[:-5]}: {run['cpu']:.1f} s CPU, {run['wall']:.1f} s wall")
        for nodeid, phase, cpu, wall in run["rows"]:
            by_module[nodeid.split("::")[0]] += cpu
            rows.append((cpu, wall, phase, nodeid))
    for module, cpu in by_module.most_common():
        print(f"{cpu:8.1f} s  {module}")
    for cpu, wall, phase, nodeid in sorted(rows, reverse=True)[:top]:
        print(f"{cpu:8.1f} s CPU {wall:8.1f} s wall  {phase:8} {nodeid}")


if __name__ == "__main__":
    report(sys.argv[1])
