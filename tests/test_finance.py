"""Finance: hand-computed values, timing, payback edge cases, IRR against the NPV it zeroes, and
properties."""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from xlmodel import finance

money = st.floats(0, 1e7, allow_nan=False)
rates = st.floats(-0.5, 0.5)


class TestYearlyCosts:
    def test_escalated_single_number(self):
        assert_allclose(finance.yearly_costs(1000, 3, 0.02), [1000, 1020, 1040.4])

    def test_sequence_taken_as_is_and_checked(self):
        assert finance.yearly_costs([5, 6, 7]).tolist() == [5, 6, 7]
        assert finance.yearly_costs([5, 6, 7], 3).tolist() == [5, 6, 7]
        with pytest.raises(ValueError, match=r"years \(4\) contradicts the length of cost \(3\)"):
            finance.yearly_costs([5, 6, 7], 4)
        with pytest.raises(ValueError, match="escalation applies to a single yearly cost"):
            finance.yearly_costs([5, 6, 7], None, 0.02)
        with pytest.raises(ValueError, match="years is required"):
            finance.yearly_costs(5)


class TestNpv:
    def test_by_hand(self):
        """One-off 1 000, then 1 100 and 1 210 at 10 %: 1 000 + 1 000 + 1 000."""
        assert finance.npv_cost([1100, 1210], 1000, 0.10) == pytest.approx(3000.0)

    def test_rate_zero_is_a_plain_sum(self):
        assert finance.npv_cost([1, 2, 3], 4, 0.0) == 10.0
        assert finance.npv_savings([5, 5], [2, 3], 1, 0.0) == 4.0

    def test_timing_is_end_of_year_with_one_off_at_t0(self):
        """Excel's NPV discounts its first value by a year: NPV(r, savings) - one_off, not NPV(r, -one_off, savings)."""
        savings, one_off, r = [300.0, 300.0, 300.0], 500.0, 0.08
        ours = finance.npv_savings([1000.0] * 3, [700.0] * 3, one_off, r)
        excel_npv = sum(v / (1 + r) ** (i + 1) for i, v in enumerate(savings))  # Excel's NPV(r, savings)
        assert ours == pytest.approx(excel_npv - one_off)
        assert ours == pytest.approx(npf.npv(r, [-one_off, *savings]))  # numpy-financial starts at t = 0
        wrong = sum(v / (1 + r) ** (i + 1) for i, v in enumerate([-one_off, *savings]))
        assert wrong == pytest.approx(ours / (1 + r))  # the whole stream one year too late
        assert abs(ours - wrong) > 20

    def test_discount_rate_must_exceed_minus_one(self):
        with pytest.raises(ValueError, match="discount_rate must be > -1"):
            finance.npv_cost([1], 0, -1)
        with pytest.raises(ValueError, match="discount_rate must be > -1"):
            finance.outsource_npv(1, 1, 0, 1, -1.5)

    def test_lengths_must_match(self):
        with pytest.raises(ValueError, match="different lengths"):
            finance.npv_savings([1, 2], [1], 0, 0.1)


@settings(max_examples=100, deadline=None)
@given(costs=st.lists(money, min_size=1, max_size=15), one_off=money, rate=rates)
def test_npv_cost_is_the_discounted_sum(costs, one_off, rate):
    expected = one_off + math.fsum(c / (1 + rate) ** (y + 1) for y, c in enumerate(costs))
    assert finance.npv_cost(costs, one_off, rate) == pytest.approx(expected, rel=1e-9, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(inhouse=st.floats(1e3, 1e7), outsourced=st.floats(0, 1e7), extra=st.floats(1, 1e6),
       one_off=st.floats(1, 1e6), years=st.integers(1, 10), rate=rates)
def test_roi_decreases_as_the_outsourced_cost_rises(inhouse, outsourced, extra, one_off, years, rate):
    cheaper = finance.outsource_roi(inhouse, outsourced, one_off, years, rate)
    dearer = finance.outsource_roi(inhouse, outsourced + extra, one_off, years, rate)
    assert dearer < cheaper


class TestPayback:
    def test_exact_hit_counts(self):
        """0.1 + 0.2 style noise: 12 months of 1/12 each must reach exactly 1 at month 12."""
        assert finance.payback_months([1.0], 1.0) == 12
        assert finance.payback_months([0.3, 0.3, 0.3, 0.3], 0.9) == 36
        assert finance.payback_months([120, 120], 30) == 3

    def test_just_short_is_the_next_month(self):
        assert finance.payback_months([120], 30.0001) == 4

    def test_never_reached(self):
        assert finance.payback_months([100, 100], 201) is None
        assert finance.payback_months([-100, -100], 1) is None

    def test_no_one_off_cost(self):
        assert finance.payback_months([-5, -5], 0) == 0

    def test_a_bad_year_delays_it(self):
        """Year 1 loses 120, year 2 saves 240 (20 a month): 60 + 120 = 180 reached at month 12 + 9."""
        assert finance.payback_months([-120, 240], 60) == 21

    def test_outsourcing_form(self):
        assert finance.outsource_payback_months(1000, 800, 300, 3) == 18
        assert finance.outsource_payback_months([1000, 1000], [800, 800], 300) == 18
        assert finance.outsource_payback_months(1000, 990, 300, 2) is None

    def test_negative_one_off_is_refused(self):
        with pytest.raises(ValueError, match="one_off_cost must be >= 0"):
            finance.payback_months([1], -1)


class TestIrr:
    def test_makes_the_npv_zero(self):
        rate = finance.outsource_irr(1000, 700, 600, 4)
        assert finance.outsource_npv(1000, 700, 600, 4, rate) == pytest.approx(0, abs=1e-8)
        # 300 a year for 4 years against 600: about 34.9 %.
        assert rate == pytest.approx(0.3490, abs=1e-4)

    def test_by_hand(self):
        """-100 + 60/(1+r) + 60/(1+r)^2 = 0 gives 1 + r = (60 + sqrt(60^2 + 4 * 100 * 60)) / 200."""
        assert finance.irr(100, [60, 60]) == pytest.approx((60 + math.sqrt(3600 + 24000)) / 200 - 1, rel=1e-10)

    def test_none_without_a_sign_change(self):
        assert finance.irr(100, [-10, -10]) is None
        assert finance.irr(0, [10, 10]) is None

    @settings(max_examples=60, deadline=None)
    @given(one_off=st.floats(100, 1e6), saving=st.floats(1, 1e6), years=st.integers(2, 10))
    def test_property_npv_at_the_irr_is_zero(self, one_off, saving, years):
        rate = finance.irr(one_off, [saving] * years)
        if rate is not None:
            assert finance.npv_savings([saving] * years, [0] * years, one_off, rate) == \
                pytest.approx(0, abs=1e-6 * one_off)


class TestOutsourceFunctions:
    def test_npv_by_hand(self):
        assert finance.outsource_npv(1000, 800, 300, 2, 0.1) == pytest.approx(-300 + 200 / 1.1 + 200 / 1.21)

    def test_default_is_five_years_at_eight_percent(self):
        expected = -100 + sum(50 / 1.08 ** y for y in range(1, 6))
        assert finance.outsource_npv(150, 100, 100) == pytest.approx(expected)

    def test_ranges_set_the_years(self):
        assert finance.outsource_npv([1000] * 4, [800] * 4, 0, discount_rate=0) == pytest.approx(800)
        assert finance.outsource_npv([1000] * 4, 800, 0, discount_rate=0) == pytest.approx(800)

    def test_escalation(self):
        """In-house 1 000 growing 10 % a year, outsourced flat 800: savings 200 and 300."""
        assert finance.outsource_npv(1000, 800, 0, 2, 0, 0.1) == pytest.approx(500)
        assert finance.outsource_npv(1000, 800, 0, 2, 0, 0, 0.25) == pytest.approx(200 + 0)

    @pytest.mark.parametrize("call, message", [
        (lambda: finance.outsource_npv([1, 2, 3], [1, 2], 0), r"inhouse_cost and outsourced_cost have different lengths \(3 and 2\)"),
        (lambda: finance.outsource_npv([1, 2, 3, 4], 1, 0, 5), r"years \(5\) contradicts the length of inhouse_cost \(4\)"),
        (lambda: finance.outsource_npv(1, [1, 2], 0, 3), r"years \(3\) contradicts the length of outsourced_cost \(2\)"),
        (lambda: finance.outsource_npv(1, 1, -1), "one_off_cost must be >= 0"),
        (lambda: finance.outsource_roi(1, 1, 0), "one_off_cost must be > 0 for a ROI"),
        (lambda: finance.outsource_npv(1, 1, 0, 0), r"years must be >= 1 \(found 0\)"),
        (lambda: finance.outsource_npv(1, 1, 0, 2.5), r"years must be a whole number \(found 2.5\)"),
        (lambda: finance.outsource_npv(1, 1, 0, True), r"years must be a number \(found True\)"),
        (lambda: finance.outsource_npv(1, [1, float("nan")], 0), "outsourced_cost must hold finite numbers"),
        (lambda: finance.outsource_npv([1, 2], [1, 2], 0, None, 0.08, 0.02), "escalation applies to a single yearly"),
        (lambda: finance.roi([1], [1], 0, 0.1), "one_off_cost must be > 0 for a ROI"),
    ])
    def test_bad_arguments_are_named(self, call, message):
        with pytest.raises(ValueError, match=message):
            call()

    def test_roi_is_npv_over_one_off(self):
        assert finance.outsource_roi(1000, 800, 300, 2, 0.1) == pytest.approx(
            finance.outsource_npv(1000, 800, 300, 2, 0.1) / 300)

    def test_discount_factors(self):
        assert_allclose(finance.discount_factors(0.1, 3), 1 / np.array([1.1, 1.21, 1.331]))
