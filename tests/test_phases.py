"""Phased portfolios (issue 14): a pilot that widens, its one-off costs at each step, its scorecard.

The hand-checked case (workbooks/examples/portfolio_phased.toml): for three months Voice Partner
takes the phone's evenings and weekends (the pilot, with its KPI targets), then from month 4 half
of the phone and Written Desk the e-mail.  Flat seasonality, no growth, no inflation, no
indexation and no ramp-up, so that every month of a phase is alike: each month's cost, the payback
month and the NPV are computed here month by month from the inputs, each team's agents from the
Erlang C service level.  Parity of the recalculated workbook (English and French) is in
tests/test_parity.py (``portfolio_phased``, ``portfolio_phased_fr``).
"""

from __future__ import annotations

import tomllib

import pytest

from xlmodel.case import case_from_mapping, case_to_toml, loads_case
from xlmodel.engine import compare
from xlmodel.errors import InputError
from xlmodel.limits import MAX_PHASES
from xlmodel.workbook.reader import read_workbook_case

from test_portfolio import smallest_agents
from workbook_helpers import PARITY_CASES, assert_refused_and_nothing_written, parity_case, run_cli

CASE_FILE = PARITY_CASES["portfolio_phased"]
PHASED = "portfolio:Pilot then share"


@pytest.fixture(scope="module")
def case():
    return parity_case("portfolio_phased")


@pytest.fixture(scope="module")
def result(case):
    return compare(case)


def hand(case):
    """Each month's cost of the phased portfolio and of in-house at target service, the one-off
    costs at signature, the payback month and the NPVs, by hand."""
    inh, trn, d = case.inhouse, case.transition, case.demand
    phone, email = case.channels
    voice, desk = case.vendors
    pilot_end = case.portfolios[0].phases[1].from_month  # the first month of the second phase
    months = 12 * case.finance.horizon_years
    open_hours = d.opening_hours_per_week * 52 / 12
    ext_hours = case.hybrid.vendor_hours_per_week * 52 / 12
    productive = inh.paid_hours_per_fte / 12 * (1 - inh.shrinkage) * (1 - inh.attrition_rate * inh.training_weeks / 52)

    def inhouse_month(fte):
        payroll = fte * inh.gross_salary * (1 + inh.employer_charge_rate) / 12
        supervision = fte / inh.supervision_span * inh.supervisor_salary * (1 + inh.management_charge_rate) / 12
        support = fte * inh.support_ratio * inh.support_salary * (1 + inh.management_charge_rate) / 12
        extras = fte * (1 + 1 / inh.supervision_span + inh.support_ratio) * inh.payroll_extras / 12
        workplace = fte * (inh.seat_cost + inh.it_cost_per_agent) / 12
        attrition = fte * inh.attrition_rate * (inh.cost_per_hire + inh.training_cost_per_hire) / 12
        return payroll + supervision + support + extras + workplace + attrition + inh.overhead_rate * (
            payroll + supervision + support)

    def inhouse_fte(phone_part, email_part):
        """FTE for a part of the phone (Erlang C over the opening hours) and of the e-mail (workload)."""
        contacts = phone.annual_volume / 12 * phone_part
        agents = smallest_agents(contacts / (2 * open_hours), phone.aht_seconds, phone.service_level,
                                 phone.answer_seconds, phone.max_occupancy) if contacts else 0
        agents += email.annual_volume / 12 * email_part * email.aht_seconds / 3600 / open_hours / email.max_occupancy
        return agents * open_hours / productive

    def voice_invoice(contacts, hours):
        contacts *= inh.first_contact_resolution / voice.first_contact_resolution
        aht = phone.aht_seconds * voice.aht_factor
        agents = smallest_agents(contacts / (2 * hours), aht, phone.service_level, phone.answer_seconds,
                                 phone.max_occupancy)
        return voice.price * max(agents * hours, contacts * aht / 3600 / voice.occupancy_billed)

    def governed(invoice):
        return invoice + max(trn.governance_rate * invoice, trn.governance_floor / 12)

    phone_month = phone.annual_volume / 12
    out_of_hours = d.out_of_hours_share
    # The pilot: the phone's contacts outside the opening hours to Voice Partner, over its own hours.
    fte_pilot = inhouse_fte(1 - out_of_hours, 1.0)
    pilot = inhouse_month(fte_pilot) + governed(voice_invoice(phone_month * out_of_hours, ext_hours))
    # From month 4: half the phone to Voice Partner over the opening hours, the e-mail to Written Desk
    # (per contact with repeats, its minimum quoted for the e-mail: its whole scope).
    fte_share = inhouse_fte(0.5, 0.0)
    desk_contacts = email.annual_volume / 12 * inh.first_contact_resolution / desk.first_contact_resolution
    share = (inhouse_month(fte_share) + governed(voice_invoice(phone_month * 0.5, open_hours))
             + governed(max(desk.price * desk_contacts, desk.minimum_monthly)))
    cost_per_fte_today = inhouse_month(inh.current_fte) / inh.current_fte
    leavers, step_leavers = inh.current_fte - fte_pilot, fte_pilot - fte_share
    contract = trn.knowledge_transfer + trn.it_integration + trn.exit_provision
    one_off = voice.setup_fee + contract + leavers * (1 - trn.redeployment_rate) * trn.severance_per_agent
    cost = [pilot if m < pilot_end else share for m in range(1, months + 1)]
    cost[0] += trn.parallel_run_months * leavers * cost_per_fte_today  # parallel_run_months = 1
    # The step: Written Desk engaged for the first time, the agents the share no longer needs leave.
    cost[pilot_end - 1] += (desk.setup_fee + contract + step_leavers * (1 - trn.redeployment_rate)
                            * trn.severance_per_agent + step_leavers * cost_per_fte_today)
    # In-house at target service: the whole phone and e-mail, down to its size in month 1.
    fte_ref = inhouse_fte(1.0, 1.0)
    reference = [inhouse_month(fte_ref)] * months
    reference[0] += (inh.current_fte - fte_ref) * (1 - trn.redeployment_rate) * trn.severance_per_agent
    years = [sum(cost[12 * y:12 * y + 12]) for y in range(months // 12)]
    ref_years = [sum(reference[12 * y:12 * y + 12]) for y in range(months // 12)]
    # Payback: each year's saving spread evenly over its months, the first month it covers the one-offs.
    cumulative, payback = 0.0, None
    for m in range(months):
        cumulative += (ref_years[m // 12] - years[m // 12]) / 12
        if payback is None and cumulative >= one_off:
            payback = m + 1
    r = case.finance.discount_rate
    npv = one_off + sum(c / (1 + r) ** (y + 1) for y, c in enumerate(years))
    npv_ref = sum(c / (1 + r) ** (y + 1) for y, c in enumerate(ref_years))
    return dict(cost=cost, years=years, one_off=one_off, payback=payback, npv=npv, npv_savings=npv_ref - npv,
                fte=(fte_pilot, fte_share), step=cost[pilot_end - 1] - share)


def test_the_phased_portfolio_equals_the_hand_computation_month_by_month(case, result):
    expected, s = hand(case), result.scenario(PHASED)
    values = result.evaluation.values
    monthly = values["pf0.total"]
    assert list(monthly) == pytest.approx(expected["cost"], rel=1e-12)
    assert list(values["pf0.fte"][:4]) == pytest.approx([expected["fte"][0]] * 3 + [expected["fte"][1]], rel=1e-12)
    assert s.one_off_cost == pytest.approx(expected["one_off"], rel=1e-12)
    assert s.annual_cost == pytest.approx(expected["years"], rel=1e-12)
    assert s.npv_cost == pytest.approx(expected["npv"], rel=1e-12)
    assert s.npv_savings == pytest.approx(expected["npv_savings"], rel=1e-9)
    assert expected["payback"] is not None and s.payback_months == expected["payback"]
    # The step's one-off costs are in month 4 only: Written Desk's contract and the agents leaving.
    step = values["pf0.phase_transition"] + values["pf0.phase_severance"] + values["pf0.phase_parallel_run"]
    assert step[3] == pytest.approx(expected["step"], rel=1e-9) and step[3] > 0
    assert sum(step) == pytest.approx(step[3], rel=1e-12)
    assert s.cost_lines["step_one_off"][0] > 0 and s.cost_lines["step_one_off"][1:] == [0.0, 0.0]


def test_the_pilot_is_not_billed_at_the_scope_that_follows_it(result):
    """The flex rule's peak is taken within the phase: the pilot's months bill the pilot's hours."""
    hours = result.evaluation.values["pf0v0.vendor_hours"]
    assert hours[0] == hours[2] < hours[3] / 2 and hours[3] == hours[11]


def test_a_vendor_a_later_phase_brings_in_is_reported_engaged_with_its_phase(result):
    """The JSON's ``engaged`` and ``vendors_engaged`` cover every phase: Written Desk, given nothing in
    the pilot and the e-mail from month 4, is engaged (in phase 2), and two contracts are signed."""
    portfolio = result.scenario(PHASED).portfolio
    by_name = {v["vendor"]: v for v in portfolio["vendors"]}
    assert by_name["Written Desk"]["engaged"] is True
    assert by_name["Written Desk"]["engaged_by_phase"] == [False, True]
    assert by_name["Voice Partner"]["engaged_by_phase"] == [True, True]
    assert portfolio["vendors_engaged_by_phase"] == [1, 2]
    assert portfolio["vendors_engaged"] == 2


def test_a_portfolio_without_phases_is_one_phase_from_month_1(case):
    """Today's syntax stays valid: a channels table is a single phase; the same assignments given as
    one phase read to an equal portfolio."""
    data = tomllib.loads(CASE_FILE.read_text(encoding="utf-8"))
    first = data["portfolios"][0]["phases"][0]
    data["portfolios"][0] = {"name": "Single", "channels": first["channels"]}
    single = case_from_mapping(data).portfolios[0]
    assert len(single.phases) == 1 and single.phases[0].from_month == 1 and not single.phased
    data["portfolios"][0] = {"name": "Single", "phases": [{"from_month": 1, "channels": first["channels"]}]}
    assert case_from_mapping(data).portfolios[0] == single


def test_the_case_file_and_the_workbook_keep_the_phases_and_targets(case, built_book, tmp_path, capsys):
    assert loads_case(case_to_toml(case)) == case
    book = built_book("portfolio_phased")
    assert read_workbook_case(book.path) == case
    assert dict(case.portfolios[0].phases[0].kpi_targets) == {"service_level": 0.8, "first_contact_resolution": 0.7,
                                                               "csat": 4.2}


def _with(**changes):
    data = tomllib.loads(CASE_FILE.read_text(encoding="utf-8"))
    for path, value in changes.items():
        *keys, last = path.split("/")
        table = data
        for k in keys:
            table = table[int(k)] if isinstance(table, list) else table[k]
        table[last] = value
    return data


P = "[[portfolios]] 1 .phases"


@pytest.mark.parametrize("changes, location, words", [
    ({"portfolios/0/phases/1/from_month": 1}, f"{P}.2 .from_month", "out of order"),
    ({"portfolios/0/phases/0/from_month": 2}, f"{P}.1 .from_month", "starts in month 1"),
    ({"portfolios/0/phases/1/from_month": 37}, f"{P}.2 .from_month", "beyond the horizon"),
    ({"portfolios/0/phases/1/from_month": "april"}, f"{P}.2 .from_month", "a whole number"),
    ({"portfolios/0/phases/1/channels/phone": {"inhouse": 0.7, "Voice Partner": 0.5}}, f"{P}.2 .channels.phone",
     "more than 100 %"),
    ({"portfolios/0/phases/1/channels/email": "Voice Partner"}, f"{P}.2 .channels.email",
     "does not quote for channel 'email'"),
    ({"portfolios/0/phases/1/channels/email": "Nobody"}, f"{P}.2 .channels.email", "does not exist"),
    ({"portfolios/0/phases/0/kpi_targets/service_level": 80}, f"{P}.1 .kpi_targets.service_level", "<= 1"),
    ({"portfolios/0/phases/0/kpi_targets/nps": 40}, f"{P}.1 .kpi_targets.nps", "unknown KPI"),
    ({"portfolios/0/channels": {"phone": "inhouse", "email": "inhouse"}}, "[[portfolios]] 1 .channels",
     "remove this table"),
])
def test_an_invalid_phase_in_a_case_file_is_located_and_nothing_is_written(changes, location, words, tmp_path,
                                                                           capsys):
    assert_refused_and_nothing_written(_with(**changes), location, words, tmp_path, capsys)


def test_more_phases_than_the_limit_are_refused():
    data = _with()
    phases = data["portfolios"][0]["phases"]
    data["portfolios"][0]["phases"] = [dict(phases[1], from_month=k + 1) for k in range(MAX_PHASES + 1)]
    with pytest.raises(InputError) as info:
        case_from_mapping(data)
    assert any(p.location == f"{P}.{MAX_PHASES + 1}" and f"at most {MAX_PHASES}" in p.message
               for p in info.value.problems)


def test_an_invalid_phase_in_the_workbook_is_located_and_nothing_is_written(built_book, loaded_book, tmp_path, capsys):
    """A second phase typed to start before the first, and a share over 100 % in the second phase:
    compare and a rebuild refuse the book with the cell, and write nothing."""
    book = built_book("portfolio_phased")
    table = book.plan.sourcing.blocks[0].phases[1]
    for cells, located, words in (({f"B{table.start}": 1}, f"Sourcing!B{table.start}", "out of order"),
                                  ({f"E{table.first}": 0.8, f"F{table.first}": 0.4},
                                   f"Sourcing!E{table.first}:F{table.first}", "more than 100 %")):
        path = tmp_path / "bad.xlsx"
        wb = loaded_book(book.path)
        for at, value in cells.items():
            wb["Sourcing"][at] = value
        wb.save(path)
        edited = path.read_bytes()
        code, _, err = run_cli(["compare", path], capsys)
        assert code == 2 and f"error: {located}: " in err and words in err, err
        code, _, err = run_cli(["build", "-o", path], capsys)
        assert code == 2 and path.read_bytes() == edited and "Traceback" not in err


def test_the_scorecard_is_live_in_the_book(built_book):
    """The pilot's scorecard: each target, a blank measured cell (to measure), then met or not met as
    a value is typed, recalculated in process by IronCalc."""
    from live_book import LiveBook
    book = built_book("portfolio_phased")
    table = book.plan.sourcing.blocks[0].phases[0]
    live = LiveBook(book.path, "en")
    live.evaluate()
    r = table.kpis
    assert [live.value("Sourcing", r + j, 2) for j in range(3)] == [0.8, 0.7, 4.2]
    assert [live.value("Sourcing", r + j, 4) for j in range(3)] == ["to measure"] * 3
    live.edit("Sourcing", r, 3, 0.82)  # service level measured above its target
    live.edit("Sourcing", r + 2, 3, 3.9)  # satisfaction below
    live.evaluate()
    assert [live.value("Sourcing", r + j, 4) for j in range(3)] == ["met", "to measure", "not met"]


def test_the_tornado_and_the_monte_carlo_cover_a_recommended_phased_portfolio(case, result):
    """Issue 14: the tornado is about the recommended phased portfolio, each end equal to the exact
    engine re-run with the driver moved (a staffing driver and a price alike); the Monte Carlo gives
    it a P(cheapest) and a distribution around its NPV of savings."""
    from xlmodel.analytics import drivers as drv
    from xlmodel.analytics.montecarlo import run_risk
    from xlmodel.analytics.sensitivity import tornado
    assert result.best == PHASED
    t = tornado(case, result, driver_ids=["volume", "vendor_price", "severance"])
    assert t.scenario_id == PHASED and t.base_npv_savings == pytest.approx(result.scenario(PHASED).npv_savings)
    for bar in t.bars:
        low, high = drv.driver_range(case, bar.driver)
        for change, value in ((low, bar.npv_savings_low), (high, bar.npv_savings_high)):
            moved = compare(drv.apply(case, {bar.driver: change}))
            assert value == pytest.approx(moved.scenario(PHASED).npv_savings, rel=1e-9, abs=0.01), bar.driver
        assert bar.swing > 0
    risk = run_risk(case, 400, 7, comparison=result)
    phased = risk.scenario(PHASED)
    assert 0 < phased.p_cheapest < 1
    assert phased.npv_savings_p10 < result.scenario(PHASED).npv_savings < phased.npv_savings_p90
