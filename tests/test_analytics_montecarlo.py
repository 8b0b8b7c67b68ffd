"""Monte Carlo and the vectorised model: exact at the mode, reproducible, monotone in price."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from xlmodel.analytics import drivers as drv
from xlmodel.analytics.montecarlo import array_model, evaluate_changes, run_risk, sample_changes
from xlmodel.analytics.vector import ArrayModel
from xlmodel.case import example_case
from xlmodel.engine import Evaluation, compare
from xlmodel.model import VendorInput

DRAWS = 400


@pytest.fixture(scope="module")
def case():
    return example_case()


@pytest.fixture(scope="module")
def result(case):
    return compare(case)


def test_draw_at_every_mode_reproduces_compare(case, result):
    model = array_model(case, result, driver_ids=drv.DRIVER_IDS)
    at_mode = evaluate_changes(model, {d: np.zeros(3) for d in drv.DRIVER_IDS})
    expected = np.array([s.npv_cost for s in result.scenarios])
    np.testing.assert_allclose(at_mode.npv_cost, np.tile(expected, (3, 1)), rtol=1e-6)
    np.testing.assert_allclose(at_mode.npv_cost[0], expected, rtol=1e-12)
    annual = np.array([s.annual_cost for s in result.scenarios])
    np.testing.assert_allclose(at_mode.annual_cost[0], annual, rtol=1e-12)


def test_each_driver_alone_matches_the_engine_within_the_staffing_approximation(case, result):
    model = array_model(case, result, driver_ids=drv.DRIVER_IDS)
    for d in drv.DRIVER_IDS:
        low, high = drv.driver_range(case, d)
        got = evaluate_changes(model, {d: np.array([low, high])}).npv_cost
        for k, change in enumerate((low, high)):
            exact = np.array([s.npv_cost for s in compare(drv.apply(case, {d: change})).scenarios])
            np.testing.assert_allclose(got[k], exact, rtol=0.015, err_msg=f"{d} {change}")


@pytest.mark.parametrize("factor", [0.8, 0.9, 1.1, 1.2])
def test_square_root_staffing_stays_close_to_erlang_c_for_volume_plus_minus_20_percent(case, result, factor):
    """Tolerance stated in xlmodel.analytics.vector: 1.5 agents or 3 % per staffing row and month."""
    refs = drv.driver_refs(case, "volume")
    model = ArrayModel(case, refs, result.evaluation)
    moved = drv.apply(case, {"volume": factor - 1})
    exact = Evaluation(moved)
    staffing = model.staffing({ref: np.array([drv.input_value(moved, ref)]) for ref in refs})
    assert staffing, "volume moves staffing rows"
    for key, got in staffing.items():
        want = exact.staffing(key)
        assert np.all(np.abs(got[0] - want) <= np.maximum(1.5, 0.03 * want)), key


def test_seeded_runs_are_reproducible_and_independent_of_chunks_and_threads(case, result):
    a = run_risk(case, DRAWS, 7, comparison=result)
    b = run_risk(case, DRAWS, 7, comparison=result, chunk=97, workers=1)
    np.testing.assert_array_equal(a.npv_cost, b.npv_cost)
    assert a.as_json()["scenarios"] == b.as_json()["scenarios"]
    c = run_risk(case, DRAWS, 8, comparison=result)
    assert not np.array_equal(a.npv_cost, c.npv_cost)


def test_probabilities_of_being_cheapest_sum_to_one_over_options_at_target_service(case, result):
    risk = run_risk(case, DRAWS, 1, comparison=result)
    assert sum(s.p_cheapest for s in risk.scenarios) == pytest.approx(1.0)
    assert risk.scenario("status_quo").p_cheapest == 0.0
    for s in risk.scenarios:
        assert s.npv_savings_p10 <= s.npv_savings_p50 <= s.npv_savings_p90
        assert s.npv_cost_p10 <= s.npv_cost_p50 <= s.npv_cost_p90
    assert risk.scenario("inhouse").npv_savings_p50 == 0.0
    hist = risk.histogram(result.best, bins=10)
    assert sum(hist["counts"]) == DRAWS and len(hist["edges"]) == 11


def test_draws_follow_the_stated_ranges(case):
    changes = sample_changes(case, 5000, 3)
    assert "vendor_price" not in changes and "discount_rate" not in changes
    for d, values in changes.items():
        low, high = drv.driver_range(case, d)
        assert low <= values.min() and values.max() <= high
        # PERT mean = (low + 4 mode + high) / 6, mode 0
        assert values.mean() == pytest.approx((low + high) / 6, abs=0.02 * (high - low))
    tri = sample_changes(case.replace(risk=replace(case.risk, distribution="triangular")), 5000, 3)
    low, high = drv.driver_range(case, "volume")
    assert tri["volume"].mean() == pytest.approx((low + high) / 3, abs=0.02 * (high - low))


@pytest.mark.parametrize("vendor", [0, 1, 2])
def test_raising_a_vendor_price_never_raises_its_probability_of_being_cheapest(case, vendor):
    """Common random numbers: the price is never drawn, so both runs see the same futures."""
    # Make the race close, so that the probabilities are not all 0 or 1.
    close = drv.with_inputs(case, {VendorInput(1, "price"): case.vendors[1].price * 1.45})
    previous = None
    for factor in (0.9, 1.0, 1.1, 1.3):
        priced = drv.with_inputs(close, {VendorInput(vendor, "price"): close.vendors[vendor].price * factor})
        risk = run_risk(priced, 300, 11)
        name = close.vendors[vendor].name
        p = (risk.scenario(f"outsourced:{name}").p_cheapest, risk.scenario(f"hybrid:{name}").p_cheapest)
        if previous is not None:
            assert p[0] <= previous[0] and p[1] <= previous[1]
        previous = p


def test_the_memory_bound_is_stated(case, result):
    model = array_model(case, result)
    assert 0 < model.peak_values() <= model.dependent_rows()
    assert model.peak_bytes(2000) == model.peak_values() * 2000 * case.months * 8
