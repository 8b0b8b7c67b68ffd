"""Issue 15, what was left of it: the callers' patience as a risk driver, the weekly arrival profile
(each slot sized on its own, then worked as shifts), the cross-field rules as live checks in the workbook."""

from __future__ import annotations

import numpy as np
import pytest
import tomli_w

from xlmodel.analytics import drivers as drv
from xlmodel.analytics.sensitivity import tornado
from xlmodel.case import case_from_mapping, case_to_mapping, example_case, load_case
from xlmodel.engine import compare
from xlmodel.erlang import agents_required
from xlmodel.model import ChannelInput
from xlmodel.profile import covered, parse_weights

from workbook_helpers import run_cli

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


# -- the weekly arrival profile (xlmodel.profile) ----------------------------------------------------------

PROFILE = "workbooks/examples/arrival_profile.toml"


def _with_demand(case, **fields):
    data = case_to_mapping(case)
    data["demand"].update(fields)
    return case_from_mapping(data)


def _shift_cover_by_hand(day: list[int], shortest: float) -> float:
    """Agent-slots of one day: for each level k, its runs of slots needing >= k in order; the first opens
    a shift as long as the run but at least ``shortest`` (at most the day); a next run joins the open
    shift if it starts within it or if stretching the shift to the run's end costs no more than a shift
    of its own. Written as loops over the slots, apart from xlmodel.profile."""
    shortest = min(shortest, len(day))
    total = 0.0
    for k in range(1, max(day, default=0) + 1):
        runs, start = [], None
        for slot, need in enumerate(day + [0]):
            if need >= k and start is None:
                start = slot
            elif need < k and start is not None:
                runs.append((start, slot))
                start = None
        shift = None
        for a, b in runs:
            own = max(b - a, shortest)
            if shift is not None and (a < shift[1] or b - shift[1] <= own):
                shift = (shift[0], max(shift[1], b))
            else:
                if shift is not None:
                    total += shift[1] - shift[0]
                shift = (a, a + own)
        if shift is not None:
            total += shift[1] - shift[0]
    return total


class TestArrivalProfile:
    def test_a_flat_profile_gives_todays_figures_to_the_cent(self):
        """Even weights (any scale) size every slot as the average one and work it in whole days."""
        base = compare(example_case())
        flat = compare(_with_demand(example_case(), arrival_days="3 3 3 3 3 3", arrival_slots=[0.5] * 20,
                                    min_shift_hours=4))
        for a, b in zip(base.scenarios, flat.scenarios):
            assert (a.id, a.npv_cost, a.annual_cost, a.one_off_cost) == (b.id, b.npv_cost, b.annual_cost, b.one_off_cost)
        assert list(base.evaluation.values["inh.fte"]) == list(flat.evaluation.values["inh.fte"])

    def test_a_peaked_profile_needs_more_agents(self):
        case = load_case(PROFILE)
        flat = _with_demand(case, arrival_days="", arrival_slots="")
        peaked, even = compare(case), compare(flat)
        assert (peaked.evaluation.values["inh.fte"] > even.evaluation.values["inh.fte"]).all()
        assert peaked.scenario("inhouse").npv_cost > even.scenario("inhouse").npv_cost
        # The per-hour vendor's logged hours follow the profile: its invoice rises too.
        vendor = "outsourced:Atlantique Relation Client"
        assert peaked.scenario(vendor).cost_lines["vendor"][0] > even.scenario(vendor).cost_lines["vendor"][0]

    def test_one_month_of_the_chat_by_hand(self):
        """January's in-house chat (Erlang C): each of the week's 120 half-hours sized by the scalar
        Erlang C sizing at its own contacts (the month's contacts per interval x the slot's ratio), each
        day worked as shifts of at least 4 h by the loops above; agents on duty = agent-slots / 120."""
        case = load_case(PROFILE)
        ev = compare(case).evaluation
        days = [130, 110, 100, 100, 95, 65]
        slots = [6, 9, 12, 13, 13, 12, 10, 9, 9, 10, 11, 11, 10, 9, 8, 7, 6, 5, 4, 3]
        assert (case.demand.arrival_days, case.demand.arrival_slots) == (" ".join(map(str, days)),
                                                                        " ".join(map(str, slots)))
        i = [c.name for c in case.channels].index("chat")
        chat = case.channels[i]
        staff = next(s for s in ev.model.staff if s.key == f"inh.agents.{i}")
        contacts, hours = float(ev.resolve(staff.contacts)[0]), float(np.atleast_1d(ev.resolve(staff.hours))[0])
        per_interval = contacts / (hours * 3600 / 1800)
        day_mean, slot_mean = sum(days) / len(days), sum(slots) / len(slots)
        slot_hours = case.demand.opening_hours_per_week / case.demand.open_days_per_week / len(slots)
        shortest = case.demand.min_shift_hours / slot_hours
        agent_slots = 0.0
        for d in days:
            needs = [agents_required(per_interval * d / day_mean * s / slot_mean, chat.aht_seconds / chat.concurrency,
                                     chat.service_level, chat.answer_seconds, 1800, chat.max_occupancy).raw_agents
                     for s in slots]
            agent_slots += _shift_cover_by_hand(needs, shortest)
        assert ev.staff[staff.key][0] == pytest.approx(agent_slots / (len(days) * len(slots)), abs=1e-12)
        # And the average slot alone, as without a profile.
        assert ev.flat_staff[staff.key][0] == agents_required(per_interval, chat.aht_seconds / chat.concurrency,
                                                              chat.service_level, chat.answer_seconds, 1800,
                                                              chat.max_occupancy).raw_agents

    def test_shift_cover_of_small_days(self):
        """Two days of four slots, shortest shift 3 slots: [1 2 1 1] is 4 + 3 agent-slots (a one-slot
        peak costs a 3-slot shift), [2 2 2 2] exactly its 8; over the 8 slots: 15 / 8."""
        needs = np.array([[[1, 2, 1, 1], [2, 2, 2, 2]]])
        assert covered(needs, 3)[0] == pytest.approx(15 / 8)
        assert _shift_cover_by_hand([1, 2, 1, 1], 3) + _shift_cover_by_hand([2, 2, 2, 2], 3) == 15
        assert covered(needs, 10)[0] == pytest.approx((4 + 4 + 8) / 8)  # a shift is at most the day
        # Two one-slot peaks three slots apart: one 4-slot shift (1 to 5) rather than two of 3.
        assert _shift_cover_by_hand([1, 2, 1, 1, 2, 1, 1, 1], 3) == 8 + 4
        assert covered(np.array([[[1, 2, 1, 1, 2, 1, 1, 1]]]), 3)[0] == pytest.approx(12 / 8)

    def test_shift_cover_equals_the_loops_on_random_days(self):
        rng = np.random.default_rng(15)
        needs = rng.integers(0, 9, size=(3, 5, 20))
        for shortest in (1, 4.5, 8, 30):
            expected = [sum(_shift_cover_by_hand(list(day), shortest) for day in month) / 100 for month in needs]
            assert covered(needs, shortest) == pytest.approx(expected, abs=1e-12)

    def test_the_case_file_takes_lists_or_text_alike(self):
        case = load_case(PROFILE)
        as_text = _with_demand(case, arrival_days=case.demand.arrival_days, arrival_slots=case.demand.arrival_slots)
        assert compare(as_text).scenario("inhouse").npv_cost == compare(case).scenario("inhouse").npv_cost
        assert parse_weights("1,5 ; 2") == [1.5, 2.0]  # a French decimal comma, semicolons between

    @pytest.mark.parametrize("field, value, message", [
        ("arrival_days", "1 2 x", "[demand] .arrival_days: weight 3 ('x') is not a number"),
        ("arrival_days", "1 1 1 1 1 1 1 1", "[demand] .arrival_days: at most 7 weights, one per open day (found 8)"),
        ("arrival_slots", "1 -2", "[demand] .arrival_slots: every weight must be a finite number >= 0 (weight 2 is -2)"),
        ("arrival_slots", "0 0 0", "[demand] .arrival_slots: at least one weight must be > 0"),
        ("min_shift_hours", 0, "[demand] .min_shift_hours: must be >= 0.5 and <= 12"),
    ])
    def test_validate_explains_each_bound_in_one_located_line(self, tmp_path, capsys, field, value, message):
        data = case_to_mapping(load_case(PROFILE))
        data["demand"][field] = value
        path = tmp_path / "bad.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        status, out, err = run_cli(["validate", path], capsys)
        assert status == 2
        lines = [line for line in (out + err).splitlines() if message in line]
        assert len(lines) == 1, out + err


# -- the cross-field rules and the profile's freshness, live on the Checks sheet ------------------------------

class TestChecksRows:
    """A combination the engine refuses, typed into a built book (IronCalc, in process), fails its
    located check, and the master check with it; typed back, every check holds again."""

    @pytest.fixture(scope="class")
    @classmethod
    def live(cls, built_book):
        from live_book import LiveBook
        built = built_book("erlang_a")
        return LiveBook(built.path, "en"), built.plan

    def _checks(self, live, plan) -> dict[str, int]:
        live.evaluate()
        return {key: live.recalculated.value("Checks", f"B{r}") for key, r in plan.checks.rows}

    def _edits(self, plan, case, rule):
        from openpyxl.utils import column_index_from_string
        from xlmodel.text import choice_label

        def channel(i, field, value):
            return ("Channels", plan.channels.row(i), column_index_from_string(plan.channels.columns[field]),
                    choice_label(value, "en"))

        def vendor(v, field, value):
            return ("Vendors", plan.vendors.row(v), column_index_from_string(plan.vendors.columns[field]),
                    choice_label(value, "en"))

        def single(section, field, value):
            return ("Inputs", plan.inputs.fields[(section, field)], 2, value)
        aht = case.channels[0].aht_seconds
        return {
            "check_sizing_rules": [[channel(0, "patience_seconds", 0)],
                                   [channel(0, "patience_seconds", 51 * aht)]],
            "check_quote_rules": [[vendor(0, "staff_transfer", "yes"), vendor(0, "location", "offshore")],
                                  [vendor(0, "transfer_uplift", 0.1)],
                                  [vendor(0, "fte_proposed", 50)]],
            "check_finance_rules": [[single("finance", "one_off_tax_year", case.finance.horizon_years + 1)],
                                    [single("finance", "vat_recovery", 1.5)]],
            "check_profile": [[single("demand", "arrival_days", "130 100 100 100 100 70")]],
        }[rule]

    @pytest.mark.parametrize("rule", ["check_sizing_rules", "check_quote_rules", "check_finance_rules",
                                      "check_profile"])
    def test_a_bad_combination_fails_its_check(self, live, rule):
        live, plan = live
        case = load_case(ERLANG_A)
        assert all(v == 1 for v in self._checks(live, plan).values())
        for edits in self._edits(plan, case, rule):
            try:
                for sheet, row, column, value in edits:
                    live.edit(sheet, row, column, value)
                checks = self._checks(live, plan)
                # Its own check says which rule (an Erlang A queue without a patience also breaks the
                # native search: its error values reach the checks that read it).
                assert checks[rule] == 0, edits
                assert all(v in (0, 1) or str(v).startswith("#") for v in checks.values())
                assert live.recalculated.value("Checks", f"B{plan.checks.master_row}") != 1
            finally:
                live.reset()
        assert all(v == 1 for v in self._checks(live, plan).values())


def test_the_profile_book_says_when_its_shifts_are_stale(built_book):
    """The arrival profile's shifts are Python values: after an edit of an input they were sized from, the
    profile check fails (rebuild); typed back, it holds. Its rows on Staffing are the engine's."""
    from openpyxl.utils import column_index_from_string
    from live_book import LiveBook
    from xlmodel.workbook.layout import month_col
    built = built_book("arrival_profile")
    ev = compare(load_case(PROFILE)).evaluation
    live, plan = LiveBook(built.path, "en"), built.plan
    for key, r in plan.staffing.profile_rows.items():
        added = ev.staff[key] - ev.flat_staff[key]
        assert [live.recalculated.value("Staffing", f"{month_col(m)}{r}") for m in (1, 13)] == \
            pytest.approx([added[0], added[12]], abs=1e-9)
    assert any(ev.staff[key][0] > ev.flat_staff[key][0] for key in plan.staffing.profile_rows)
    check = dict(plan.checks.rows)["check_profile"]
    volume = ("Channels", plan.channels.row(0), column_index_from_string(plan.channels.columns["annual_volume"]))
    try:
        for sheet, row, column, value in (volume + (800000,), ("Inputs", plan.inputs.fields[("demand", "arrival_slots")],
                                                              2, "1 2 3")):
            live.edit(sheet, row, column, value)
            live.evaluate()
            assert live.recalculated.value("Checks", f"B{check}") == 0
            live.reset()
        live.evaluate()
        assert live.recalculated.value("Checks", f"B{check}") == 1
    finally:
        live.reset()
