"""How agents follow from a volume (issue 15, the sizing): scheduling efficiency, then Erlang A.

Every case is the hand-checked worked case of tests/test_engine.py with a few fields changed (14 agents on
duty over 260 opening hours a month, 91 productive hours per FTE-month, 52 000 contacts of 180 s a month);
the figures expected are derived here from the inputs and the method, never copied from the engine.
"""

from __future__ import annotations

import pytest

from udfs.functions import INHOUSE_HOURLY_COST

from test_engine import OUT, monthly, run

# -- Scheduling efficiency -----------------------------------------------------------------------------


def test_scheduling_efficiency_divides_the_in_house_fte_and_at_1_changes_nothing():
    """FTE = 14 agents x 260 h / efficiency / 91 h: 40 at 1 (the worked case), 50 at 0.8."""
    flat, scheduled = run(), run(demand={"scheduling_efficiency": 0.8})
    assert monthly(flat, "inh.fte") == pytest.approx([40.0] * 24, rel=1e-12)
    assert monthly(scheduled, "inh.fte") == pytest.approx([50.0] * 24, rel=1e-12)
    # the agents on duty are the same: only the scheduled time grows
    assert monthly(scheduled, "inh.agents") == pytest.approx(monthly(flat, "inh.agents"), rel=0)
    assert scheduled.scenario("inhouse").npv_cost > flat.scenario("inhouse").npv_cost


def test_a_per_hour_vendor_bills_the_scheduled_hours_and_a_per_contact_one_absorbs_them():
    """Logged hours needed = max(14 x 260 / efficiency, 52 000 x 180 / 3 600 / 0.85): 3 640 at 1, 4 550 at 0.8
    (the workload over the billed occupancy, 3 058.8 h, binds neither).  A per-contact invoice is unchanged."""
    per_hour = {"pricing_model": "per_hour", "price": 30.0, "occupancy_billed": 0.85, "minimum_monthly": 0}
    flat, scheduled = run(vendor=per_hour), run(vendor=per_hour, demand={"scheduling_efficiency": 0.8})
    assert monthly(flat, "out0.vendor_hours") == pytest.approx([3640.0] * 24, rel=1e-12)
    assert monthly(scheduled, "out0.vendor_hours") == pytest.approx([4550.0] * 24, rel=1e-12)
    assert monthly(scheduled, "out0.vendor_base") == pytest.approx([4550.0 * 30.0] * 24, rel=1e-12)
    per_contact, per_contact_scheduled = run(), run(demand={"scheduling_efficiency": 0.8})
    assert monthly(per_contact_scheduled, "out0.vendor_invoice") == pytest.approx(
        monthly(per_contact, "out0.vendor_invoice"), rel=0)
    assert per_contact_scheduled.scenario(OUT).npv_cost == per_contact.scenario(OUT).npv_cost


def test_the_in_house_hourly_cost_udf_takes_the_scheduling_efficiency():
    assert INHOUSE_HOURLY_COST(24000, 0.30, 1607, 0.32, 0, 1, 0.8) == pytest.approx(31200 / (1607 * 0.68 * 0.8))
    assert INHOUSE_HOURLY_COST(24000, 0.30, 1607, 0.32, 0, 1, 1) == INHOUSE_HOURLY_COST(24000, 0.30, 1607, 0.32)
    assert INHOUSE_HOURLY_COST(24000, 0.30, 1607, 0.32, 0, 1, 0.4).startswith(
        "#VALUE! scheduling_efficiency must be >= 0.5")
