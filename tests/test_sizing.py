"""The native sizing (xlmodel/model/sizing.py): the rows with which the workbook sizes every team in
native formulas, evaluated here by their numpy face against the engine's Python sizing, and the
reach the engine enforces so that the workbook's search is always exact."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from xlmodel.case import example_case
from xlmodel.engine import Evaluation, compare
from xlmodel.errors import InputError
from xlmodel.model import RowRef, build_model
from xlmodel.model.constants import NATIVE_SEARCH_STEPS, STAFFING_MAX_ERLANGS

from workbook_helpers import PARITY_CASES, parity_case, run_cli


def native_agents(case) -> tuple[Evaluation, dict]:
    """Every sizing row of ``case`` evaluated in numpy, in declaration order."""
    ev = Evaluation(case)
    values: dict = {}
    for row in ev.model.sizing:
        env = {name: values[ref.key] if isinstance(ref, RowRef) and ref.key in values else ev.resolve(ref)
               for name, ref in row.bind.items() if name in row.formula.inputs}
        values[row.key] = np.broadcast_to(row.formula.evaluate(env, ev.months), (ev.months,)).astype(float)
    return ev, values


def with_channel(case, i: int, **changes):
    channels = list(case.channels)
    channels[i] = replace(channels[i], **changes)
    return case.replace(demand=replace(case.demand, channels=tuple(channels)))


@pytest.mark.parametrize("name", list(PARITY_CASES))
def test_the_native_search_gives_the_python_sizing_month_by_month(name):
    ev, native = native_agents(parity_case(name))
    for s in ev.model.staff:
        np.testing.assert_array_equal(native[s.native], ev.staffing(s.key), err_msg=s.key)
    covered = [key for key in native if key.name.endswith("_covered")]
    assert covered and all((native[key] == 1).all() for key in covered)


@pytest.mark.parametrize("changes", [
    dict(service_level=0.99, answer_seconds=5, max_occupancy=1.0),  # the service target binds
    dict(service_level=0.5, answer_seconds=60, max_occupancy=0.6),  # the occupancy cap binds
    dict(annual_volume=0.0),  # no contacts: no agents
    dict(annual_volume=400_000_000, aht_seconds=600),  # some 20 000 Erlangs
    dict(annual_volume=30, aht_seconds=7200, service_level=0.999, answer_seconds=1),  # a trickle, a high target
])
def test_the_native_search_holds_at_the_edges(changes):
    ev, native = native_agents(with_channel(example_case(), 0, **changes))
    for s in ev.model.staff:
        np.testing.assert_array_equal(native[s.native], ev.staffing(s.key), err_msg=s.key)


def test_every_staffing_row_ends_with_its_native_agents_and_hybrid_teams_share_one_search():
    model = build_model(example_case())
    keys = {row.key for row in model.sizing}
    assert all(s.native in keys and s.sizing[-1] == s.native for s in model.staff)
    by_key = {row.key: row for row in model.sizing}
    first, second = (next(s for s in model.staff if s.key == f"hyb{v}.agents.0") for v in (0, 1))
    assert len(first.sizing) > NATIVE_SEARCH_STEPS  # a search of its own
    assert second.sizing == (second.native,)  # the same contacts whichever the vendor: a link
    assert by_key[second.native].bind["same"] == RowRef(first.native)
    steps = [by_key[k] for k in first.sizing if k.name.startswith("agents_search_") and k.name[-1].isdigit()]
    assert sorted(ref.value for row in steps for ref in row.bind.values() if type(ref).__name__ == "Fixed") == [
        2 ** k for k in range(NATIVE_SEARCH_STEPS)]


def test_a_deferred_channel_is_divided_not_searched():
    model = build_model(example_case())
    email = next(s for s in model.staff if s.key == "inh.agents.1")
    assert not any("search" in key.name for key in email.sizing)
    assert model.row(email.native).expr == "traffic / occupancy"


def test_a_traffic_beyond_the_native_reach_is_refused_naming_the_channel():
    case = with_channel(example_case(), 0, annual_volume=999_000_000, aht_seconds=3000)
    with pytest.raises(InputError) as caught:
        compare(case)
    (problem,) = caught.value.problems
    assert str(problem).startswith("[[demand.channels]] 1 .annual_volume: channel 'phone' would need more than "
                                   f"{STAFFING_MAX_ERLANGS:,.0f} Erlangs".replace(",", " "))


def test_a_target_beyond_the_search_window_is_refused_naming_the_service_level(monkeypatch):
    """Unreachable with the real window: at 60 000 Erlangs the highest target a float can hold needs
    about 2 000 agents above the traffic, half the 4 095 of the search; a window of 100 shows the rule."""
    from xlmodel import engine, staffing
    monkeypatch.setattr(staffing, "SEARCH_WINDOW", 100)
    monkeypatch.setattr(engine, "SEARCH_WINDOW", 100)
    case = with_channel(example_case(), 0, annual_volume=300_000_000, service_level=0.999999, max_occupancy=1.0)
    with pytest.raises(InputError) as caught:
        compare(case)
    (problem,) = caught.value.problems
    assert str(problem).startswith("[[demand.channels]] 1 .service_level: channel 'phone' would need more than "
                                   "100 agents above its traffic")


def test_the_highest_target_at_the_most_traffic_stays_within_the_search_window():
    from xlmodel.erlang import agents_required_many
    from xlmodel.staffing import SEARCH_WINDOW
    need = agents_required_many(np.array([STAFFING_MAX_ERLANGS]), np.array([7200.0]), 1 - 1e-15, 0.001, 1.0)[0]
    assert need - STAFFING_MAX_ERLANGS < SEARCH_WINDOW / 2


def test_the_occupancy_cap_may_set_many_agents_beyond_the_window():
    """The window bounds the search, not the occupancy floor: 40 000 Erlangs at a 50 % cap is fine."""
    case = with_channel(example_case(), 0, annual_volume=800_000_000, aht_seconds=300, max_occupancy=0.5)
    ev, native = native_agents(case)
    agents = ev.staffing("inh.agents.0")
    assert agents.max() > 40_000
    np.testing.assert_array_equal(native[ev.model.staff[0].native], agents)


def test_validate_refuses_a_load_beyond_the_native_reach(tmp_path, capsys):
    from xlmodel.case import example_case_text
    text = example_case_text().replace("annual_volume = 700000", "annual_volume = 999000000")
    text = text.replace("aht_seconds = 330", "aht_seconds = 3000")
    (tmp_path / "case.toml").write_text(text, encoding="utf-8")
    code, _, err = run_cli(["validate", tmp_path / "case.toml"], capsys)
    assert code == 2 and "[[demand.channels]] 1 .annual_volume: channel 'phone' would need more than" in err
