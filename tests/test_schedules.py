"""Issue 15, what was left of it: the callers' patience as a risk driver, the cross-field rules as live
checks in the workbook."""

from __future__ import annotations

import pytest

from xlmodel.analytics import drivers as drv
from xlmodel.analytics.sensitivity import tornado
from xlmodel.case import example_case, load_case
from xlmodel.engine import compare
from xlmodel.model import ChannelInput

ERLANG_A = "workbooks/examples/erlang_a.toml"


class TestPatienceDriver:
    def test_it_moves_every_channel_patience_relatively(self):
        case = load_case(ERLANG_A)
        low, high = drv.driver_range(case, "patience")
        assert (low, high) == (-0.30, 0.30)
        moved = drv.apply(case, {"patience": high})
        for before, after in zip(case.channels, moved.channels):
            assert after.patience_seconds == pytest.approx(before.patience_seconds * (1 + high))

    def test_tornado_ends_are_the_exact_engine_at_each_end(self):
        """The Erlang A case: a longer patience needs more agents in-house (callers who wait longer are
        answered later), so each end is the engine re-run with the patience moved, not the base."""
        case = load_case(ERLANG_A)
        t = tornado(case, driver_ids=["patience"])
        bar = t.bars[0]
        for change, value in ((bar.low_change, bar.npv_savings_low), (bar.high_change, bar.npv_savings_high)):
            exact = compare(drv.apply(case, {"patience": change})).scenario(t.scenario_id).npv_savings
            assert value == pytest.approx(exact, abs=1e-6)
        assert bar.swing > 1000  # it moves the sizing: not a flat bar

    def test_a_case_without_patience_has_a_flat_bar(self):
        case = example_case()
        assert all(ch.patience_seconds == 0 for ch in case.channels)
        assert tornado(case, driver_ids=["patience"]).bars[0].swing == 0

    def test_not_drawn_by_the_monte_carlo_and_reason_given(self):
        assert not drv.driver("patience").monte_carlo
        assert "patience" in drv.NOT_IN_MONTE_CARLO
        assert "channels.patience_seconds" not in drv.NOT_DRIVERS
        assert ChannelInput(0, "patience_seconds") in drv.driver_refs(example_case(), "patience")
