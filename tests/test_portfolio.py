"""Portfolio scenarios (issue 14, step 1): several vendors and the in-house team at once, channel by channel.

The hand-checked case (workbooks/examples/portfolio_by_channel.toml): phone to a per-hour vendor,
e-mail to a per-contact vendor whose minimum binds, chat kept by the in-house experts; flat
seasonality, no growth, no inflation, no indexation and no ramp-up, so that every month of a year
is alike.  Each team's agents come from the Erlang C service level computed here (the smallest
number of agents meeting the target within the occupancy cap), every cost from the stated inputs.
Parity of the recalculated workbook (English and French) is in tests/test_parity.py.
"""

from __future__ import annotations

import shutil
import tomllib

import pytest
from openpyxl import load_workbook

from xlmodel.case import case_from_mapping, case_to_toml, loads_case
from xlmodel.engine import compare
from xlmodel.erlang import occupancy, service_level
from xlmodel.errors import InputError
from xlmodel.limits import MAX_PORTFOLIOS
from xlmodel.workbook.reader import read_workbook_case

from workbook_helpers import PARITY_CASES, assert_refused_and_nothing_written, parity_case, run_cli

CASE_FILE = PARITY_CASES["portfolio_by_channel"]
BY_CHANNEL, MIXED = "portfolio:By channel", "portfolio:Mixed"


def smallest_agents(contacts: float, aht: float, target: float, answer: float, cap: float) -> int:
    """The fewest agents answering ``target`` of ``contacts`` (per half hour) within ``answer`` s
    with an occupancy of at most ``cap``: Erlang C, searched one agent at a time."""
    n = 1
    while (contacts * aht / 1800 >= n or service_level(contacts, aht, n, answer) < target
           or occupancy(contacts, aht, n) > cap):
        n += 1
    return n


@pytest.fixture(scope="module")
def case():
    return parity_case("portfolio_by_channel")


@pytest.fixture(scope="module")
def result(case):
    return compare(case)


def hand(case):
    """Every figure of the 'By channel' portfolio, one month (all alike) and the one-offs, by hand."""
    inh, trn, d = case.inhouse, case.transition, case.demand
    phone, email, chat = case.channels
    voice, desk = case.vendors
    open_hours = d.opening_hours_per_week * 52 / 12
    per_interval = 2 * open_hours  # half-hour intervals a month
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

    # In-house experts on chat: two chats at once halve the handling time per chat.
    chat_contacts = chat.annual_volume / 12
    chat_agents = smallest_agents(chat_contacts / per_interval, chat.aht_seconds / chat.concurrency,
                                  chat.service_level, chat.answer_seconds, chat.max_occupancy)
    fte = chat_agents * open_hours / productive
    # Phone at Voice Partner, per logged hour: the Erlang C agents over the opening hours, at least the workload.
    phone_contacts = phone.annual_volume / 12 * inh.first_contact_resolution / voice.first_contact_resolution
    aht = phone.aht_seconds * voice.aht_factor
    phone_agents = smallest_agents(phone_contacts / per_interval, aht, phone.service_level, phone.answer_seconds,
                                   phone.max_occupancy)
    hours = max(phone_agents * open_hours, phone_contacts * aht / 3600 / voice.occupancy_billed)
    voice_invoice = voice.price * hours
    voice_fte = hours / (voice.hours_per_fte_month * (1 - voice.shrinkage))
    # E-mail at Written Desk, per contact with repeats; its minimum is quoted for e-mail, its whole scope.
    desk_contacts = email.annual_volume / 12 * inh.first_contact_resolution / desk.first_contact_resolution
    desk_invoice = max(desk.price * desk_contacts, desk.minimum_monthly)
    floor = trn.governance_floor / 12  # one vendor manager per vendor, at least
    governance = {voice.name: max(trn.governance_rate * voice_invoice, floor),
                  desk.name: max(trn.governance_rate * desk_invoice, floor)}
    month = inhouse_month(fte) + voice_invoice + desk_invoice + sum(governance.values())
    leavers = inh.current_fte - fte
    parallel = trn.parallel_run_months * leavers * inhouse_month(inh.current_fte) / inh.current_fte
    one_off = (voice.setup_fee + desk.setup_fee + leavers * (1 - trn.redeployment_rate) * trn.severance_per_agent
               + 2 * (trn.knowledge_transfer + trn.it_integration + trn.exit_provision))  # two contracts
    years = [12 * month + parallel, 12 * month]
    r = case.finance.discount_rate
    npv = one_off + sum(cost / (1 + r) ** (y + 1) for y, cost in enumerate(years))
    return dict(fte=fte, chat_agents=chat_agents, phone_agents=phone_agents, voice_invoice=12 * voice_invoice,
                desk_invoice=12 * desk_invoice, governance={k: 12 * v for k, v in governance.items()},
                voice_fte=voice_fte, one_off=one_off, years=years, npv=npv)


def test_by_channel_portfolio_equals_the_hand_computation(case, result):
    expected, s = hand(case), result.scenario(BY_CHANNEL)
    ev = result.evaluation
    assert ev.staffing("pf0.agents.2")[0] == expected["chat_agents"]  # the in-house experts' chat team
    assert ev.staffing("pf0v0.vendor_agents.0")[0] == expected["phone_agents"]
    assert s.fte == pytest.approx([expected["fte"]] * 2, rel=1e-12)
    voice, desk = s.portfolio["vendors"]
    assert voice["invoice"] == pytest.approx([expected["voice_invoice"]] * 2, rel=1e-12)
    assert desk["invoice"] == pytest.approx([expected["desk_invoice"]] * 2, rel=1e-12)
    assert expected["desk_invoice"] == 12 * case.vendors[1].minimum_monthly  # the minimum binds
    assert voice["vendor_fte"] == pytest.approx([expected["voice_fte"]] * 2, rel=1e-12)
    assert voice["governance"] == pytest.approx([expected["governance"]["Voice Partner"]] * 2, rel=1e-12)
    assert desk["governance"] == pytest.approx([expected["governance"]["Written Desk"]] * 2, rel=1e-12)
    assert s.cost_lines["governance"] == pytest.approx([sum(expected["governance"].values())] * 2, rel=1e-12)
    assert s.portfolio["vendors_engaged"] == 2
    assert s.portfolio["pooling_loss_fte"] == pytest.approx([0.0, 0.0], abs=1e-9)  # whole channels: no split
    assert s.one_off_cost == pytest.approx(expected["one_off"], rel=1e-12)
    assert s.annual_cost == pytest.approx(expected["years"], rel=1e-12)
    assert s.npv_cost == pytest.approx(expected["npv"], rel=1e-12)
    inhouse = result.scenario("inhouse")
    assert s.npv_savings == pytest.approx(inhouse.npv_cost - expected["npv"], rel=1e-12)
    assert s.meets_target_service and s.vendor is None


def test_mixed_portfolio_splits_queues_and_pays_for_it(case, result):
    """Shares, overflow and extended hours: the split queues need more agent hours than pooled
    ones, and a minimum is carried in proportion to the vendor's share of its quoted scope."""
    s = result.scenario(MIXED)
    loss = s.portfolio["pooling_loss_fte"]
    assert loss[0] > 1 and loss == pytest.approx([loss[0]] * 2)
    ev = result.evaluation
    overflow = max(0.0, 1 - case.hybrid.overflow_threshold)  # flat seasonality: the same part every month
    assert ev.values["pf1v1.vendor_share.1"] == pytest.approx([overflow] * 24)
    assert ev.values["pf1v0.vendor_share.2"] == pytest.approx([case.demand.out_of_hours_share] * 24)
    assert ev.values["pf1v0.vendor_share.0"] == pytest.approx([0.6] * 24)
    desk = next(v for v in s.portfolio["vendors"] if v["vendor"] == "Written Desk")
    assert desk["invoice"][0] == pytest.approx(12 * overflow * case.vendors[1].minimum_monthly, rel=1e-12)


def test_a_quote_for_some_channels_only_is_never_recommended_for_the_whole_scope(result):
    assert not result.scenario("outsourced:Written Desk").meets_target_service  # it quotes e-mail only
    assert not result.scenario("outsourced:Voice Partner").meets_target_service  # phone and chat only
    assert result.best == BY_CHANNEL


def test_case_file_round_trip_keeps_the_portfolios(case):
    again = loads_case(case_to_toml(case))
    assert again == case and again.portfolios[1].channels[0].share("Voice Partner") == 0.6


def test_compare_json_and_terminal_show_the_portfolios(capsys):
    code, out, err = run_cli(["compare", CASE_FILE, "--json"], capsys)
    assert code == 0
    import json
    data = json.loads(out)
    portfolio = next(s for s in data["scenarios"] if s["id"] == BY_CHANNEL)
    assert portfolio["kind"] == "portfolio" and portfolio["vendor"] is None
    assert [v["vendor"] for v in portfolio["portfolio"]["vendors"]] == ["Voice Partner", "Written Desk"]
    # The analytics cover the portfolios (the Monte Carlo, the tornado of a recommended one), and say
    # which do not apply to them (the break-evens and the scoring are per quote).
    assert 0 <= portfolio["p_cheapest"] <= 1 and portfolio["npv_savings_p10"] <= portfolio["npv_savings_p90"]
    assert data["tornado"]["scenario"] == data["best"] == BY_CHANNEL and "cheapest in" in data["recommendation_en"]
    code, out, _ = run_cli(["compare", CASE_FILE], capsys)
    shown = " ".join(out.split())  # the terminal wraps its sentences
    assert code == 0 and "Portfolio: By channel" in shown and "do not apply to a portfolio" in shown


def _with(**changes):
    data = tomllib.loads(CASE_FILE.read_text(encoding="utf-8"))
    for path, value in changes.items():
        *keys, last = path.split("/")
        table = data
        for k in keys:
            table = table[int(k)] if isinstance(table, list) else table[k]
        if value is None:
            del table[last]
        else:
            table[last] = value
    return data


@pytest.mark.parametrize("changes, location, words", [
    ({"portfolios/1/channels/phone": {"inhouse": 0.6, "Voice Partner": 0.6}}, "[[portfolios]] 2 .channels.phone",
     "more than 100 %"),
    ({"portfolios/1/channels/phone": {"Voice Partner": 0.6}}, "[[portfolios]] 2 .channels.phone", "left to nobody"),
    ({"portfolios/0/channels/chat": None}, "[[portfolios]] 1 .channels.chat", "left to nobody"),
    ({"portfolios/0/channels/email": "Written Dsk"}, "[[portfolios]] 1 .channels.email", "did you mean 'Written Desk'"),
    ({"portfolios/0/channels/email": "Voice Partner"}, "[[portfolios]] 1 .channels.email",
     "does not quote for channel 'email'"),
    ({"portfolios/0/channels/fax": "inhouse"}, "[[portfolios]] 1 .channels.fax", "channel 'fax' does not exist"),
    ({"portfolios/1/channels/chat": {"mode": "evenings", "vendor": "Voice Partner"}},
     "[[portfolios]] 2 .channels.chat.mode", "'extended_hours' or 'overflow'"),
    ({"portfolios/1/channels/email": {"mode": "overflow"}}, "[[portfolios]] 2 .channels.email.vendor", "required"),
    ({"portfolios/1/name": "By channel"}, "[[portfolios]] 2 .name", "already used"),
    ({"vendors/0/channels": ["phone", "fax"]}, "[[vendors]] 1 .channels", "channel 'fax' does not exist"),
    ({"vendors/0/staff_transfer": "yes"}, "[[portfolios]] 1 .vendors", "staff transfer"),
    ({"portfolios/0/channels": {"phone": "inhouse", "email": "inhouse", "chat": "inhouse"}},
     "[[portfolios]] 1 .channels", "at least one channel or share to a vendor"),
])
def test_an_invalid_assignment_in_a_case_file_is_located_and_nothing_is_written(changes, location, words, tmp_path,
                                                                                capsys):
    assert_refused_and_nothing_written(_with(**changes), location, words, tmp_path, capsys)


def test_more_portfolios_than_the_limit_are_refused():
    data = _with()
    data["portfolios"] = [dict(data["portfolios"][0], name=f"P{k}") for k in range(MAX_PORTFOLIOS + 1)]
    with pytest.raises(InputError) as info:
        case_from_mapping(data)
    assert any(p.location == f"[[portfolios]] {MAX_PORTFOLIOS + 1}" and f"at most {MAX_PORTFOLIOS}" in p.message
               for p in info.value.problems)


@pytest.fixture(scope="module")
def book(built_book):
    return built_book("portfolio_by_channel")


def test_the_workbook_reads_back_the_same_case_and_export_builds_it_again(book, case, tmp_path, capsys):
    assert read_workbook_case(book.path) == case
    code, _, _ = run_cli(["export-case", book.path, "-o", tmp_path / "back.toml"], capsys)
    assert code == 0 and loads_case((tmp_path / "back.toml").read_text(encoding="utf-8")) == case


WORKBOOK_EDITS = [  # (cells of the Mixed block to type, where the message must point, what it says)
    (lambda b: {f"E{b.first}": 0.7, f"F{b.first}": 0.5}, lambda b: f"Sourcing!E{b.first}:F{b.first}", "more than 100 %"),
    (lambda b: {f"B{b.first + 1}": "bogus"}, lambda b: f"Sourcing!B{b.first + 1}", "must be one of 'split'"),
    (lambda b: {f"C{b.first + 2}": "Nobody"}, lambda b: f"Sourcing!C{b.first + 2}", "vendor 'Nobody' does not exist"),
    (lambda b: {f"F{b.first + 2}": 0.2}, lambda b: f"Sourcing!E{b.first + 2}:F{b.first + 2}", "split mode only"),
    (lambda b: {f"B{b.first + 1}": "split", f"C{b.first + 1}": None, f"E{b.first + 1}": 0.5},
     lambda b: f"Sourcing!E{b.first + 1}:F{b.first + 1}", "does not quote for channel 'email'"),
]


def test_an_invalid_assignment_in_the_workbook_is_located_and_nothing_is_written(book, tmp_path, capsys):
    """Each edit typed into the book (IronCalc in process, read as compare reads a workbook) is
    refused with its cell; one saved to a file is refused by compare and by a rebuild, which writes
    nothing."""
    from openpyxl.utils import column_index_from_string
    from live_book import LiveBook
    from xlmodel.workbook.reader import read_book_case
    live, block = LiveBook(book.path, "en"), book.plan.sourcing.blocks[1]
    for edit, cell, words in WORKBOOK_EDITS:
        for at, value in edit(block).items():
            live.edit("Sourcing", int(at[1:]), column_index_from_string(at[0]), value)
        with pytest.raises(InputError) as info:
            read_book_case(live)
        assert any(p.location == cell(block) and words in p.message for p in info.value.problems), info.value
        live.reset()
    path = tmp_path / "bad.xlsx"
    shutil.copy(book.path, path)
    wb = load_workbook(path)
    edit, cell, words = WORKBOOK_EDITS[0]
    for at, value in edit(block).items():
        wb["Sourcing"][at] = value
    wb.save(path)
    edited = path.read_bytes()
    code, _, err = run_cli(["compare", path], capsys)
    assert code == 2 and f"error: {cell(block)}: " in err and words in err, err
    code, _, err = run_cli(["build", "-o", path], capsys)  # a rebuild around the book's inputs
    assert code == 2 and path.read_bytes() == edited and "Traceback" not in err


def test_the_book_recalculates_an_edited_assignment_as_the_engine_computes_it(book):
    """Live: shares and modes typed on the Sourcing sheet, recalculated in process by IronCalc, give
    the engine's figures for the case read back from the edited book; an assignment summing to more
    than 100 % fails the Checks sheet's portfolio check."""
    from openpyxl.utils import column_index_from_string as index
    from live_book import LiveBook
    from xlmodel.workbook.reader import read_book_case
    live, plan = LiveBook(book.path, "en"), book.plan
    block = plan.sourcing.blocks[1]
    live.edit("Sourcing", block.first, 5, 0.3)  # phone: 30 % to Voice Partner
    live.edit("Sourcing", block.first + 2, 2, "overflow")  # chat: Voice Partner takes its peaks
    live.evaluate()
    edited = read_book_case(live)  # what compare BOOK.xlsx reads from the edited book
    assert edited.portfolios[1].channels[0].share("Voice Partner") == 0.3
    assert edited.portfolios[1].channels[0].inhouse_share == pytest.approx(0.7)
    assert edited.portfolios[1].channels[2].mode == "overflow"
    expected = compare(edited).scenario(MIXED)
    x = index(plan.compare.columns[MIXED])
    assert live.value("Compare", plan.compare.npv_cost, x) == pytest.approx(expected.npv_cost, rel=1e-9)
    invoice = live.value("Sourcing", block.results + 4, 2)
    assert invoice == pytest.approx(expected.portfolio["vendors"][0]["invoice"][0], rel=1e-9)
    check = dict((key, r) for key, r in plan.checks.rows)["check_sourcing"]
    assert live.value("Checks", check, 2) == 1
    live.edit("Sourcing", block.first, 6, 0.8)  # 30 % + 80 % of phone: more than 100 %
    live.evaluate()
    assert live.value("Checks", check, 2) == 0 and live.value("Checks", plan.checks.master_row, 2) == 0
