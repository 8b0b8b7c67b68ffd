"""Comparison.to_frame() / to_frames(): the engine's figures as pandas DataFrames, nothing recomputed."""

from __future__ import annotations

import math
import subprocess
import sys

import pandas as pd
import pytest

from xlmodel.case import example_case
from xlmodel.engine import compare

from workbook_helpers import ROOT


@pytest.fixture(scope="module")
def result():
    return compare(example_case())


@pytest.fixture(scope="module")
def frames(result):
    return result.to_frames()


def test_one_row_per_scenario_and_calendar_year(result, frames):
    frame = frames["scenarios"]
    start, years = result.case.finance.start_year, result.case.finance.horizon_years
    assert frame.index.names == ["scenario", "year"]
    assert list(frame.index) == [(s.id, start + y) for s in result.scenarios for y in range(years)]
    pd.testing.assert_frame_equal(result.to_frame(), frame)


def test_the_figures_are_the_engines(result, frames):
    frame = frames["scenarios"]
    inhouse = result.scenario("inhouse").annual_cost
    for s in result.scenarios:
        rows = frame.loc[s.id]
        assert rows["annual_cost"].tolist() == s.annual_cost
        assert rows["fte"].tolist() == s.fte and rows["contacts"].tolist() == s.contacts
        assert rows["savings"].tolist() == [i - c for i, c in zip(inhouse, s.annual_cost)]
        for column in ("npv_cost", "one_off_cost", "npv_savings", "roi", "irr"):
            expected = getattr(s, column)
            got = rows[column].unique().tolist()
            assert len(got) == 1, column  # the scenario's figure, the same on each of its years
            assert (math.isnan(got[0]) if expected is None else got[0] == expected), (s.id, column)
        payback = rows["payback_months"].iloc[0]
        assert (payback is pd.NA) if s.payback_months is None else payback == s.payback_months
        assert rows["kind"].iloc[0] == s.kind and rows["label"].iloc[0] == s.label_en
    assert frame["payback_months"].dtype == "Int64"
    best = frame[frame["best"]].index.get_level_values("scenario").unique().tolist()
    assert best == [result.best]


def test_cost_lines_sum_to_the_annual_cost(result, frames):
    lines = frames["cost_lines"]
    assert lines.index.equals(frames["scenarios"].index)
    assert list(lines.columns) == list(result.scenarios[0].cost_lines)
    assert lines.sum(axis=1).tolist() == pytest.approx(frames["scenarios"]["annual_cost"].tolist(), rel=1e-12)
    vendor = result.scenario("outsourced:Casablanca Contact").cost_lines["vendor"]
    assert lines.loc["outsourced:Casablanca Contact", "vendor"].tolist() == vendor


def test_one_off_lines_sum_to_the_one_off_cost(result, frames):
    one_off = frames["one_off_lines"]
    assert one_off.index.tolist() == [s.id for s in result.scenarios]
    for s in result.scenarios:
        assert one_off.loc[s.id].sum() == pytest.approx(s.one_off_cost, rel=1e-12)
    assert one_off.loc["outsourced:Casablanca Contact"].sum() > 0 == one_off.loc["inhouse"].sum()


def test_the_engine_and_the_command_line_never_import_pandas():
    script = ("import sys; from xlmodel.case import example_case; from xlmodel.engine import compare\n"
              "import xlmodel.cli\ncompare(example_case()); print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr[-2000:]
