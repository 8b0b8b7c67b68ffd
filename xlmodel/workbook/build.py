"""Build a workbook file: build the workbook, then write it safely and deterministically."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..case import Case
from ..engine import compare
from ..report import recommendation
from .builder import build_workbook
from .files import save_deterministic


@dataclass
class BuildReport:
    path: Path
    scenarios: int
    months: int
    formulas: int
    recommendation: str
    backup: Path | None = None


def build_file(case: Case, path: str | Path, lang: str = "en", backup: bool = False) -> BuildReport:
    """Write the workbook of ``case`` to ``path``; the previous file stays whole if anything fails.

    With ``backup``, an existing workbook is first copied beside it with a timestamp
    (``NAME.2026-11-22T103000.xlsx``).
    """
    path = Path(path)
    result = compare(case)
    wb = build_workbook(case, lang, result)
    kept = None
    if backup and path.exists():
        stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
        kept = path.with_name(f"{path.stem}.{stamp}{path.suffix}")
        shutil.copy2(path, kept)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_deterministic(wb, path)
    formulas = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row
                   if isinstance(c.value, str) and c.value.startswith("="))
    return BuildReport(path, len(result.scenarios), case.months, formulas,
                       recommendation(result, lang), kept)
