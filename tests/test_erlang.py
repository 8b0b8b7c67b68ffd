"""Erlang B, C and A against the published cases of /work/shared/reference/erlang_cases.md, an
independent computation at large loads, edge cases, properties, and argument checks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from xlmodel import erlang
from xlmodel.erlang import abandonment


def poisson_erlang_c(traffic: float, agents: int) -> float:
    """Independent Erlang C: B = P(X = N) / P(X <= N) for X ~ Poisson(A), summed in log space with
    lgamma (no recursion shared with the module), then C = N B / (N - A (1 - B))."""
    logs = [k * math.log(traffic) - traffic - math.lgamma(k + 1) for k in range(agents + 1)]
    top = max(logs)
    b = math.exp(logs[-1] - top) / math.fsum(math.exp(v - top) for v in logs)
    return agents * b / (agents - traffic * (1 - b))


class TestPublishedErlangC:
    """Call Centre Helper: 100 contacts per 30 minutes, AHT 180 s (10 Erlangs), 80 % in 20 s."""

    def test_fourteen_agents(self):
        assert_allclose(erlang.service_level(100, 180, 14), 0.8883500191794669, rtol=1e-12)
        assert_allclose(erlang.occupancy(100, 180, 14), 0.7142857142857143, rtol=1e-12)
        assert_allclose(erlang.erlang_c(10, 14), 0.1741319335950498, rtol=1e-12)
        assert_allclose(erlang.asa(100, 180, 14), 7.83593701177724, rtol=1e-12)

    def test_thirteen_agents_fail_the_target(self):
        assert_allclose(erlang.service_level(100, 180, 13), 0.7956, atol=5e-5)
        assert erlang.agents_required(100, 180).raw_agents == 14

    def test_sizing_record(self):
        s = erlang.agents_required(100, 180, target_sl=0.8, answer_seconds=20)
        assert (s.raw_agents, s.agents) == (14, 14)
        assert_allclose([s.service_level, s.occupancy, s.waiting_probability, s.asa_seconds, s.traffic_erlangs],
                        [0.8883500191794669, 0.7142857142857143, 0.1741319335950498, 7.83593701177724, 10.0],
                        rtol=1e-12)

    def test_occupancy_cap_and_shrinkage(self):
        s = erlang.agents_required(100, 180, max_occupancy=0.85, shrinkage=0.30)
        assert (s.raw_agents, s.agents) == (14, 20)  # 14 / 0.7 is 20.000000000000004 in floats
        s = erlang.agents_required(100, 180, max_occupancy=0.70, shrinkage=0.30)
        assert (s.raw_agents, s.agents) == (15, 22)
        assert_allclose(s.service_level, 0.941, atol=5e-4)


@pytest.mark.parametrize("traffic, agents, blocking", [(2, 5, 0.0367), (10, 14, 0.0568), (5, 10, 0.0184)])
def test_published_erlang_b(traffic, agents, blocking):
    assert_allclose(erlang.erlang_b(traffic, agents), blocking, atol=5e-5)


def test_published_erlang_a():
    """pyworkforce test_abandonment: 10 Erlangs, 14 agents, mean patience 5 minutes."""
    r = erlang.erlang_a(100, 180, 14, 300)
    assert_allclose(r.waiting_probability, 0.14526, atol=5e-6)
    assert_allclose(r.abandon_probability, 0.013984, atol=5e-7)
    assert_allclose(r.occupancy, 0.704297, atol=5e-7)
    assert_allclose(r.asa_seconds / 60, 0.069919, atol=5e-7)
    assert_allclose(r.service_level, 0.916792, atol=5e-7)
    assert erlang.abandon_rate(100, 180, 14, 300) == r.abandon_probability


class TestErlangA:
    def test_impatient_callers_tend_to_erlang_b(self):
        """With (almost) no patience nobody queues: abandons are Erlang B's blocked calls."""
        r = erlang.erlang_a(100, 180, 14, 1e-6)
        assert_allclose(r.abandon_probability, erlang.erlang_b(10, 14), rtol=1e-4)

    def test_patient_callers_tend_to_erlang_c(self):
        r = erlang.erlang_a(100, 180, 14, 1e9)
        assert_allclose(r.waiting_probability, erlang.erlang_c(10, 14), rtol=1e-5)
        assert_allclose(r.asa_seconds, erlang.asa(100, 180, 14), rtol=1e-5)
        assert_allclose(r.service_level, erlang.service_level(100, 180, 14), rtol=1e-5)

    def test_abandonment_falls_with_agents_and_with_patience(self):
        values = [erlang.abandon_rate(120, 300, n, 120) for n in range(20, 30)]  # 20 Erlangs
        assert all(b < a for a, b in zip(values, values[1:]))
        assert erlang.abandon_rate(120, 300, 22, 240) < erlang.abandon_rate(120, 300, 22, 60)
        assert erlang.abandon_rate(0, 300, 22, 60) == 0.0

    def test_an_overloaded_queue_of_patient_callers_is_not_cut_short(self):
        """10 000 Erlangs on 9 000 agents, two-hour patience: the agents answer at most 9 000 Erlangs'
        worth, so about 10 % hang up. The queue then holds tens of thousands of callers; a law cut at
        a fixed 20 000 states (the economic view's former copy) gave 8.3 %."""
        assert erlang.abandon_rate(60000, 300, 9000, 7200) == pytest.approx(0.1, rel=1e-3)

    def test_stable_when_overloaded_and_at_large_loads(self):
        """Erlang A has a steady state even with fewer agents than traffic, and must not overflow."""
        r = erlang.erlang_a(100, 180, 8, 300)
        assert 0 < r.abandon_probability < 1 and 0 < r.service_level < 1 and r.occupancy <= 1
        # Handled traffic = offered - abandoned: occupancy x N = A (1 - P(abandon)).
        assert_allclose(r.occupancy * 8, 10 * (1 - r.abandon_probability), rtol=1e-12)
        big = erlang.erlang_a(30000 * 10, 180, 30100, 300)
        assert all(math.isfinite(v) for v in vars(big).values())
        assert 0 < big.waiting_probability < 1 and 0 <= big.abandon_probability < 0.01

    def test_service_level_at_zero_seconds_is_not_waiting(self):
        r = erlang.erlang_a(100, 180, 14, 300, answer_seconds=0)
        assert_allclose(r.service_level, 1 - r.waiting_probability, rtol=1e-12)

    @pytest.mark.parametrize("service_rate, theta, t", [(14 / 180, 1 / 300, 20), (0.05, 0.01, 20),
                                                         (27.8, 1 / 300, 20), (0.07, 1 / 30, 60)])
    def test_closed_form_waiting_law_equals_uniformisation(self, service_rate, theta, t):
        """Two exact methods for P(answered within t | j ahead): incomplete beta vs a Markov chain."""
        ahead = np.arange(60.0)
        closed = service_rate / (service_rate + (ahead + 1) * theta) * abandonment._sum_of_phases_within(
            service_rate / theta + 1, ahead + 1, theta * t)
        assert_allclose(closed, abandonment._served_within_uniformised(60, service_rate, theta, t), atol=1e-12)
        assert_allclose(abandonment._served_within(60, service_rate, theta, t), closed, atol=1e-12)
        assert np.all(np.diff(closed) <= 0) and closed[0] > closed[1], "more callers ahead, less often in time"

    def test_no_contacts(self):
        assert erlang.erlang_a(0, 180, 3, 300) == erlang.ErlangA(0.0, 0.0, 0.0, 0.0, 1.0)


class TestEdgeCases:
    def test_no_contacts_need_no_agents(self):
        s = erlang.agents_required(0, 180, shrinkage=0.3)
        assert (s.raw_agents, s.agents) == (0, 0)
        assert erlang.service_level(0, 180, 0) == 1.0 and erlang.asa(0, 180, 0) == 0.0
        assert erlang.erlang_c(0, 0) == 0.0

    def test_too_few_agents(self):
        assert erlang.erlang_c(10, 10) == 1.0 and erlang.erlang_c(10, 3) == 1.0
        assert erlang.service_level(100, 180, 10) == 0.0
        assert erlang.asa(100, 180, 10) == math.inf
        assert erlang.occupancy(100, 180, 5) == 1.0

    @pytest.mark.parametrize("traffic, agents", [(5000, 5013), (30000, 30030), (30000, 30200)])
    def test_large_loads_agree_with_an_independent_computation(self, traffic, agents):
        c = erlang.erlang_c(traffic, agents)
        assert math.isfinite(c) and 0 < c < 1
        assert_allclose(c, poisson_erlang_c(traffic, agents), rtol=1e-9)

    def test_sizing_thirty_thousand_erlangs(self):
        a = 30000.0
        s = erlang.agents_required(a * 1800 / 180, 180)
        assert s.service_level >= 0.8
        below = erlang.service_level(a * 1800 / 180, 180, s.raw_agents - 1)
        assert below < 0.8, "one agent fewer must miss the target"
        c = poisson_erlang_c(a, s.raw_agents)
        assert_allclose(s.service_level, 1 - c * math.exp(-(s.raw_agents - a) * 20 / 180), rtol=1e-9)

    def test_the_vectorised_sizing_handles_zero_and_shapes(self):
        traffic = np.array([[10.0, 0.0], [0.0, 50.0]])
        got = erlang.agents_required_many(traffic, 180.0, 0.8, 20, 1.0)
        assert got.shape == (2, 2) and got.dtype.kind == "i"
        assert got[0, 1] == got[1, 0] == 0
        assert got[0, 0] == 14 and got[1, 1] == erlang.agents_required(500, 180).raw_agents


@settings(max_examples=60, deadline=None)
@given(traffic=st.floats(0.1, 400), aht=st.floats(30, 900), answer=st.floats(0, 120))
def test_service_level_increases_with_agents(traffic, aht, answer):
    contacts = traffic * 1800 / aht
    first = int(math.floor(traffic)) + 1
    levels = [erlang.service_level(contacts, aht, n, answer) for n in range(first, first + 15)]
    assert all(b >= a for a, b in zip(levels, levels[1:]))
    assert 0 <= levels[0] <= 1


@settings(max_examples=80, deadline=None)
@given(contacts=st.lists(st.one_of(st.just(0.0), st.floats(0.01, 3000)), min_size=1, max_size=40),
       aht=st.floats(20, 1200), target=st.floats(0.05, 0.99), answer=st.floats(0, 300),
       cap=st.floats(0.3, 1.0))
def test_vectorised_sizing_equals_the_scalar_one(contacts, aht, target, answer, cap):
    traffic = np.array([c * aht / 1800 for c in contacts])  # as the scalar function computes it
    got = erlang.agents_required_many(traffic, aht, target, answer, cap)
    expected = [erlang.agents_required(c, aht, target, answer, 1800, cap).raw_agents for c in contacts]
    assert got.tolist() == expected


def test_vectorised_sizing_equals_the_scalar_one_on_many_mixed_loads():
    """Thousands of sizings, small and large loads mixed, different AHTs: every one identical."""
    rng = np.random.default_rng(2026)
    contacts = np.concatenate([rng.uniform(0, 50, 2000), rng.uniform(50, 5000, 500), [0.0] * 10, [30000.0]])
    aht = rng.uniform(30, 900, contacts.size)
    got = erlang.agents_required_many(contacts * aht / 1800, aht, 0.85, 15, 0.9)
    expected = [erlang.agents_required(c, h, 0.85, 15, 1800, 0.9).raw_agents for c, h in zip(contacts, aht)]
    assert got.tolist() == expected


@settings(max_examples=40, deadline=None)
@given(traffic=st.floats(0.5, 200), target=st.floats(0.5, 0.95))
def test_sizing_is_the_smallest_meeting_the_target(traffic, target):
    s = erlang.agents_required(traffic * 10, 180, target)
    assert s.service_level >= target
    if s.raw_agents - 1 > traffic:
        assert erlang.service_level(traffic * 10, 180, s.raw_agents - 1) < target


@pytest.mark.parametrize("call, name", [
    (lambda: erlang.service_level(100, -3, 14), "aht_seconds must be > 0 (found -3)"),
    (lambda: erlang.service_level(-1, 180, 14), "contacts must be >= 0"),
    (lambda: erlang.service_level(100, 180, 14.5), "agents must be a whole number"),
    (lambda: erlang.service_level(100, 180, 14, -1), "answer_seconds must be >= 0"),
    (lambda: erlang.asa(100, 180, 14, 0), "interval_seconds must be > 0"),
    (lambda: erlang.erlang_c(float("nan"), 3), "traffic_erlangs must be a finite number (found nan)"),
    (lambda: erlang.erlang_b(10, 10**7), "agents must be <= 1000000 (found 10000000)"),
    (lambda: erlang.erlang_c("10", 3), "traffic_erlangs must be a number"),
    (lambda: erlang.agents_required(100, 180, target_sl=1), "target_sl must be < 1 (found 1)"),
    (lambda: erlang.agents_required(100, 180, max_occupancy=0), "max_occupancy must be > 0"),
    (lambda: erlang.agents_required(100, 180, shrinkage=1), "shrinkage must be < 1"),
    (lambda: erlang.agents_required(100, 180, shrinkage=-0.1), "shrinkage must be >= 0"),
    (lambda: erlang.occupancy(100, 180, 0), "agents must be > 0"),
    (lambda: erlang.erlang_a(100, 180, 14, 0), "patience_seconds must be > 0"),
    (lambda: erlang.erlang_a(100, 180, 0, 300), "agents must be > 0"),
    (lambda: erlang.agents_required_many(np.array([10.0, -1.0]), 180.0, 0.8, 20, 1.0), "traffic_erlangs must be"),
    (lambda: erlang.agents_required_many(np.array([10.0]), np.array([0.0]), 0.8, 20, 1.0), "aht_seconds must be > 0"),
    (lambda: erlang.agents_required_many(np.array([10.0]), 180.0, 80, 20, 1.0), "target_sl looks like a percentage (80): type 0.8"),
])
def test_bad_arguments_raise_a_sentence_naming_them(call, name):
    with pytest.raises(ValueError, match=name.replace("(", r"\(").replace(")", r"\)")):
        call()


# -- every argument Excel can pass gets an answer or a '#' text (issue 13, hole 8) ---------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from udfs import functions as udf  # noqa: E402

#: What a cell can hold as a number: any double Excel shows (about +-1E308, tiny ones included),
#: the values people type, and the corners that broke the functions.
EXCEL_NUMBERS = st.one_of(
    st.floats(min_value=-1.7e308, max_value=1.7e308, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 5e-324, 1e-300, 1e-9, 0.3, 0.8, 1.0, 14.0, 20.0, 100.0, 180.0, 300.0, 1800.0, 1e7, 1e300]),
    st.integers(min_value=0, max_value=2000).map(float),
)


def answered(value) -> bool:
    return (isinstance(value, str) and value.startswith("#")) or (
        isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))


@pytest.mark.parametrize("call", [
    lambda: udf.ABANDON_RATE(100, 1e-300, 14, 300),
    lambda: udf.ABANDON_RATE(100, 180, 5, 1e300),  # patient callers, too few agents: the law had 1E300 states
    lambda: udf.ABANDON_RATE(1e9, 1e-3, 14, 300),
    lambda: udf.ABANDON_RATE(100, 180, 14, 5e-324),  # was NaN
    lambda: udf.ABANDON_RATE(100, 5e-324, 14, 300),  # was "math domain error"
    lambda: udf.ABANDON_RATE(1.8e7, 1e-3, 12, 1e305),  # arrivals / abandons overflow: was OverflowError
    lambda: udf.AGENTS_REQUIRED(100, 180, 0.8, 20, 1800, 5e-324, 0.3),  # raised OverflowError
    lambda: udf.AGENTS_REQUIRED(100, 180, 0.8, 20, 1800, 1e-300, 0.3),  # returned 1.4e99 agents
], ids=["tiny AHT", "endless patience", "a billion contacts", "subnormal patience", "subnormal AHT",
        "queue past 1E308", "subnormal occupancy cap", "tiny occupancy cap"])
def test_the_erlang_functions_that_hung_or_raised_now_answer_with_a_hash_text(call):
    value = call()
    assert isinstance(value, str) and value.startswith("#VALUE! "), value


def test_an_erlang_a_queue_too_long_to_follow_is_refused_in_words_even_past_1e308():
    for value in (udf.ABANDON_RATE(1.8e7, 1e-3, 12, 1e305), udf.ABANDON_RATE(100, 180, 5, 1e300)):
        assert "200 000 Erlang A follows: far too few agents for the contacts, or patience_seconds" in value, value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*[EXCEL_NUMBERS] * 7))
def test_every_number_excel_can_pass_gets_an_answer_or_a_hash_text(args):
    contacts, aht, agents, patience, answer, interval, occupancy = args
    for value in (udf.ERLANG_C(contacts / 10, agents), udf.SERVICE_LEVEL(contacts, aht, agents, answer, interval),
                  udf.ASA(contacts, aht, agents, interval), udf.ABANDON_RATE(contacts, aht, agents, patience, interval),
                  udf.AGENTS_REQUIRED(contacts, aht, occupancy, answer, interval, occupancy, occupancy / 2)):
        assert answered(value), (args, value)
