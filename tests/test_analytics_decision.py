"""Break-even, tornado, vendor scoring and the recommendation sentence."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from xlmodel.analytics import drivers as drv
from xlmodel.analytics.breakeven import break_even, break_even_price, best_hybrid_shares
from xlmodel.analytics.montecarlo import run_risk
from xlmodel.analytics.scoring import score_vendors
from xlmodel.analytics.sensitivity import tornado
from xlmodel.text import after_colon
from xlmodel.text.sentences import recommendation
from xlmodel.case import case_from_mapping, case_to_mapping, example_case
from xlmodel.engine import compare
from xlmodel.errors import InputError
from xlmodel.model import RowKey, VendorInput


@pytest.fixture(scope="module")
def case():
    return example_case()


@pytest.fixture(scope="module")
def result(case):
    return compare(case)


@pytest.fixture(scope="module")
def bars(case, result):
    return tornado(case, result)


@pytest.mark.parametrize("vendor", [0, 1, 2])
def test_break_even_price_makes_the_npv_of_savings_zero_within_one_unit(case, vendor):
    price, at, _, _ = break_even_price(case, vendor)
    assert price is not None and price > 0
    moved = compare(drv.with_inputs(case, {VendorInput(vendor, "price"): price}))
    assert abs(moved.scenario(f"outsourced:{case.vendors[vendor].name}").npv_savings) < 1.0
    assert abs(at) < 1.0


def test_break_even_price_through_the_minimum_invoice_kink(case):
    """A minimum invoice 5 % above the quietest month's bill at the break-even price: the floor binds in the
    quiet months, the saving bends there, and the root is still within 1 unit."""
    price, _, _, _ = break_even_price(case, 0)
    at = compare(drv.with_inputs(case, {VendorInput(0, "price"): price}))
    minimum = 1.05 * float(np.min(at.evaluation.values[RowKey("out0", "vendor_base")]))
    kinked = case.replace(vendors=(replace(case.vendors[0], minimum_monthly=minimum),) + case.vendors[1:])
    price, at, binds, note = break_even_price(kinked, 0)
    assert price is not None and binds and "minimum" in note
    assert abs(at) < 1.0


def test_no_break_even_price_when_even_free_is_dearer(case):
    v = case.vendors[0]
    hopeless = case.replace(vendors=(replace(v, minimum_monthly=5e6),) + case.vendors[1:])
    price, at, _, note = break_even_price(hopeless, 0)
    assert price is None and at is None and "no break-even" in note


def test_break_even_bundle_reports_volume_crossings_and_hybrid_shares(case, result):
    b = break_even(case, result)
    assert [v.vendor for v in b.vendors] == [v.name for v in case.vendors]
    for v in b.vendors:
        if v.break_even_volume is None:
            assert "no crossing" in v.volume_note
        else:
            moved = compare(drv.apply(case, {"volume": v.volume_factor - 1}))
            # Whole-agent steps: near zero relative to the NPV of cost, not to 1 EUR.
            assert abs(moved.scenario(v.scenario_id).npv_savings) < 0.01 * moved.scenario(v.scenario_id).npv_cost
    for h in b.hybrid_share:
        assert 0.0 <= h.best_share <= 1.0
        assert h.npv_cost_at_best <= min(h.npv_cost_by_share.values()) + 1e-6


def test_hybrid_share_is_given_for_every_hybrid_vendor():
    case = example_case()
    shares = best_hybrid_shares(case)
    assert {h.vendor for h in shares} == set(case.hybrid.vendors)


def test_tornado_base_equals_compare_and_bars_are_sorted(case, bars, result):
    assert bars.base_npv_savings == result.scenario(result.best).npv_savings
    assert bars.scenario_id == result.best
    assert [b.swing for b in bars.bars] == sorted((b.swing for b in bars.bars), reverse=True)
    assert {b.driver for b in bars.bars} == set(drv.DRIVER_IDS)
    ends = [end for d in drv.DRIVER_IDS for end in drv.driver_range(case, d)]
    assert bars.evaluations == sum(1 for end in ends if end != 0)  # an end at 0 is the base


def test_tornado_ends_are_the_engine_at_the_range_ends(case, result, bars):
    """Drivers moving a staffing input are run through the engine, the others costed at once over
    arrays of the same rows: both are the engine at every end, to rounding, best option included."""
    for bar in bars.bars:
        for change, value, best in ((bar.low_change, bar.npv_savings_low, bar.best_at_low),
                                    (bar.high_change, bar.npv_savings_high, bar.best_at_high)):
            moved = compare(drv.apply(case, {bar.driver: change})) if change else result
            assert value == pytest.approx(moved.scenario(bars.scenario_id).npv_savings, rel=1e-12, abs=1e-6)
            assert best == moved.best, (bar.driver, change)


def test_scoring_ranks_price_by_ratio_and_knocks_out(case, result):
    ranking = score_vendors(result)
    price = {v.vendor: v.scores["price"] for v in ranking.vendors}
    cheapest = min((s for s in result.scenarios if s.kind == "outsourced"), key=lambda s: s.npv_cost)
    assert price[cheapest.vendor] == 5.0
    for v in ranking.vendors:
        assert v.scores["price"] == pytest.approx(max(1.0, 5 * cheapest.npv_cost / v.npv_cost))
        assert v.total == pytest.approx(sum(ranking.weights[c] * v.scores[c] for c in ranking.weights))
    assert ranking.first == ranking.vendors[0].vendor and ranking.first in ranking.reason_en
    strict = case.replace(scoring=replace(case.scoring, require_iso27001="yes"))
    certified = strict.replace(vendors=(replace(strict.vendors[0], certified_iso27001="yes"),) + strict.vendors[1:])
    ranking = score_vendors(compare(certified))
    assert ranking.first == certified.vendors[0].name
    assert all("no ISO 27001" in v.knocked_out for v in ranking.vendors[1:])


def test_scoring_weights_must_sum_to_one_located():
    data = case_to_mapping(example_case())
    data["scoring"]["weight_price"] = 0.5
    with pytest.raises(InputError) as info:
        case_from_mapping(data)
    assert any(p.location == "[scoring] .weight_price" and "sum to 1" in p.message for p in info.value.problems)


def test_recommendation_names_option_saving_payback_probability_and_two_drivers(case, result, bars):
    risk = run_risk(case, 300, 5, comparison=result)
    best = result.scenario(result.best)
    en = recommendation(result, "en", risk, bars)
    fr = recommendation(result, "fr", risk, bars)
    assert after_colon(best.label_en, "en") in en and after_colon(best.label_fr, "fr") in fr  # "Outsourced – Acme"
    assert f"month {best.payback_months}" in en and f"{best.payback_months} mois" in fr
    assert "300 simulated draws" in en and "300 tirages" in fr
    flips = bars.flip_drivers(2)
    assert len(flips) == 2
    for bar in flips:
        assert bar.label_en[1:] in en and bar.label_fr[1:] in fr
    assert recommendation(result, "en").startswith("Recommended:")


def many_vendors(n: int):
    """The example case with ``n`` quotes (the three example quotes repeated, each its own name and price)."""
    case = example_case()
    vendors = tuple(replace(case.vendors[i % 3], name=f"{case.vendors[i % 3].name} {i}",
                            price=case.vendors[i % 3].price * (1 + 0.01 * i)) for i in range(n))
    return case.replace(vendors=vendors, hybrid=replace(case.hybrid, vendors=tuple(v.name for v in vendors)),
                        portfolios=())  # the example's portfolios name its own quotes


def test_break_evens_of_many_vendors_cost_linear_work_not_quadratic(monkeypatch):
    """The attack: 300 quotes took over 300 s, each vendor's search re-costing every vendor at each
    step. Counted here as vendor-scenarios costed (engine runs and price-search models), doubling
    the vendors at most doubles the work (plus the whole-case grids)."""
    from xlmodel.analytics import breakeven
    costed = []
    real_compare, real_model = breakeven.compare, breakeven.ArrayModel
    monkeypatch.setattr(breakeven, "compare", lambda c: costed.append(len(c.vendors)) or real_compare(c))
    monkeypatch.setattr(breakeven, "ArrayModel",
                        lambda c, *a, **k: costed.append(len(c.vendors)) or real_model(c, *a, **k))
    work = {}
    for n in (2, 4):
        costed.clear()
        break_even(many_vendors(n))
        work[n] = sum(costed)
    assert work[4] <= 2.2 * work[2], work
