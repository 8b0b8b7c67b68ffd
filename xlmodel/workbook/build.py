"""Build a workbook file: build the workbook, then write it safely and deterministically."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..case import Case
from ..engine import compare
from ..report import recommendation
from .builder import RISK_DRAWS, WorkbookBuilder
from .files import save_deterministic


@dataclass
class BuildReport:
    path: Path
    scenarios: int
    months: int
    rows: int  # line items of the Calc sheet
    recommendation: str
    backup: Path | None = None


_JOB = None  # (case, comparison) handed to a forked worker without pickling


def _slow_job():
    from ..analytics.breakeven import break_even
    case, result = _JOB
    return break_even(case, result)


def workbook_analysis(result, draws: int = RISK_DRAWS):
    """Start the decision analytics the workbook shows; returns a function that finishes them.

    The break-evens (dozens of engine runs, and scipy's import) go to a second core where the
    platform can fork; the caller builds the other sheets meanwhile and calls the function when the
    Risk sheet needs the results.
    """
    global _JOB
    pool = future = None
    if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
        _JOB = (result.case, result)
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        future = pool.submit(_slow_job)

    def finish():
        global _JOB
        from ..analytics.economics import economic_view
        from ..analytics.montecarlo import run_risk
        from ..analytics.sensitivity import tornado
        from ..analytics.scoring import score_vendors
        from ..analytics.summary import Analysis
        try:
            ranking, economics = score_vendors(result), economic_view(result)
            sensitivity = tornado(result.case, result)
            risk = run_risk(result.case, draws, None, comparison=result)
            if future is not None:
                be = future.result()
            else:
                _JOB = (result.case, result)
                be = _slow_job()
        finally:
            _JOB = None
            if pool is not None:
                pool.shutdown()
        return Analysis(economics, ranking, be, sensitivity, risk)

    return finish


def build_file(case: Case, path: str | Path, lang: str = "en", backup: bool = False) -> BuildReport:
    """Write the workbook of ``case`` to ``path``; the previous file stays whole if anything fails.

    With ``backup``, an existing workbook is first copied beside it with a timestamp
    (``NAME.2026-11-22T103000.xlsx``).
    """
    path = Path(path)
    result = compare(case)
    builder = WorkbookBuilder(case, lang, result, workbook_analysis(result))
    builder.number_staffing_rows()
    wb = builder.build()
    kept = None
    if backup and path.exists():
        stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
        kept = path.with_name(f"{path.stem}.{stamp}{path.suffix}")
        shutil.copy2(path, kept)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_deterministic(wb, path)
    return BuildReport(path, len(result.scenarios), case.months, len(builder.model.rows),
                       recommendation(result, lang), kept)
