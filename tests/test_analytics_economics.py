"""The cost of inaction and the economic view, on a case small enough to check by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from xlmodel.analytics.economics import economic_view
from xlmodel.case import loads_case
from xlmodel.engine import compare
from xlmodel.erlang import abandon_rate, contacts_per_interval
from xlmodel.model import CONSTANTS

HAND_CASE = """
[case]
name = "hand"
[finance]
horizon_years = 2
discount_rate = 0.10
[demand]
growth_rate = 0.0
open_days_per_week = 5
[[demand.channels]]
name = "phone"
annual_volume = 100000
aht_seconds = 300
service_level = 0.8
late_abandon_share = 0.5
[[demand.channels]]
name = "email"
kind = "deferred"
annual_volume = 20000
aht_seconds = 300
[inhouse]
current_fte = 20
lost_contacts_per_day = 100
[[vendors]]
name = "V"
pricing_model = "per_contact"
price = 3.0
[customer]
value_per_lost_customer = 300
churn_share = 0.1
"""


@pytest.fixture(scope="module")
def hand():
    result = compare(loads_case(HAND_CASE))
    return result, economic_view(result)


def test_cost_of_inaction_is_lost_per_day_times_open_days_times_value(hand):
    """100 a day x 5 x 52 = 26 000 contacts a year; each worth 0.1 x 300 = 30: 780 000 a year."""
    _, e = hand
    assert e.open_days_per_year == 260
    assert e.value_per_lost_contact == pytest.approx(30.0)
    assert e.lost_contacts_today_per_year == pytest.approx(26_000)
    assert e.cost_of_inaction_per_year == pytest.approx(780_000)


def test_target_service_loses_one_minus_service_level_times_late_abandon_share(hand):
    """Phone: 100 000 x (1 - 0.8) x 0.5 = 10 000 lost a year, worth 300 000; e-mail loses nothing."""
    result, e = hand
    assert e.rule_by_channel == {"phone": "late_abandon_share", "email": "deferred"}
    for s in result.scenarios:
        x = e.scenario(s.id)
        expected = 26_000 if s.kind == "status_quo" else 10_000
        assert x.lost_contacts == pytest.approx([expected, expected])
        assert x.lost_customer_value == pytest.approx([30 * expected] * 2)


def test_economic_npv_adds_the_discounted_value_of_lost_customers(hand):
    """Economic NPV = NPV of cost + 300 000 x (1/1.1 + 1/1.1^2) at target service (= 520 661.16)."""
    result, e = hand
    inh = result.scenario("inhouse")
    assert e.scenario("inhouse").economic_npv_cost == pytest.approx(inh.npv_cost + 300_000 * (1 / 1.1 + 1 / 1.21))
    sq = result.scenario("status_quo")
    assert e.scenario("status_quo").economic_npv_cost == pytest.approx(sq.npv_cost + 780_000 * (1 / 1.1 + 1 / 1.21))
    # Same lost contacts at target service: the economic saving equals the cost saving.
    out = result.scenario("outsourced:V")
    assert e.scenario(out.id).economic_npv_savings == pytest.approx(out.npv_savings)
    # The status quo's extra losses: 16 000 contacts x 30 a year against in-house at target.
    assert e.scenario("status_quo").economic_npv_savings == pytest.approx(
        sq.npv_savings - 16_000 * 30 * (1 / 1.1 + 1 / 1.21))


def test_status_quo_losses_grow_with_volume():
    case = loads_case(HAND_CASE.replace("growth_rate = 0.0", "growth_rate = 0.1"))
    e = economic_view(compare(case))
    assert e.scenario("status_quo").lost_contacts == pytest.approx([26_000, 28_600])


def test_patience_switches_the_rule_to_erlang_a():
    case = loads_case(HAND_CASE.replace("late_abandon_share = 0.5", "patience_seconds = 90"))
    e = economic_view(compare(case))
    assert e.rule_by_channel["phone"] == "erlang_a"
    assert 0 < e.lost_share_by_channel["phone"] < 0.2
    assert math.isfinite(e.scenario("inhouse").economic_npv_cost)
    assert np.all(np.asarray(e.scenario("inhouse").lost_contacts) > 0)


def test_the_lost_share_with_patience_is_erlang_a_of_the_inhouse_team():
    """Each month: contacts of an average interval, the in-house team sized at target, Erlang A."""
    case = loads_case(HAND_CASE.replace("late_abandon_share = 0.5", "patience_seconds = 90"))
    result = compare(case)
    e = economic_view(result)
    ev = result.evaluation
    interval = CONSTANTS["INTERVAL_SECONDS"][0]
    contacts = np.asarray(ev.values["demand.contacts.0"])
    agents = np.asarray(ev.staff["inh.agents.0"])
    hours = float(ev.values["time.open_hours_month"])
    shares = [abandon_rate(contacts_per_interval(c, hours, interval), 300, n, 90, interval)
              for c, n in zip(contacts[:12], agents[:12])]
    assert e.lost_share_by_channel["phone"] == pytest.approx(float(np.dot(contacts[:12], shares) / contacts[:12].sum()),
                                                             rel=1e-12)
