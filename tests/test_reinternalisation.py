"""Continuity and re-internalisation (issue 14), computed by hand from the inputs of flat cases.

- Continuity: workbooks/examples/portfolio_by_channel.toml (two vendors by channel, a mixed portfolio)
  and a copy with a one-vendor portfolio; each vendor's share of the volume, its contacts of a failure
  and their cost without and with a backup, from the channels' volumes, the portfolio's shares and the
  [continuity] and [customer] inputs.  The vendors' invoices come from the engine, hand-checked in
  tests/test_portfolio.py.
- Re-internalisation: workbooks/examples/reinternalisation.toml (back in-house in year 3 of 4), year by
  year: the chosen quote's costs, then in-house's, plus the return's costs from the inputs; its NPV
  and payback from those years.
- Bad inputs located, exit status 2, nothing written; the whole-case Excel function with portfolios
  and the way back.  Parity of the recalculated workbook (EN, FR) is in tests/test_parity.py.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import numpy as np
import pytest
from openpyxl import load_workbook

from xlmodel.case import loads_case
from xlmodel.engine import compare
from xlmodel.errors import InputError
from xlmodel.model import RowKey
from xlmodel.workbook.sheetnames import sheet

from workbook_helpers import PARITY_CASES, parity_case, run_cli

PORTFOLIO_FILE, BACK_FILE = PARITY_CASES["portfolio_by_channel"], PARITY_CASES["reinternalisation"]
WEEKS = 52


@pytest.fixture(scope="module")
def portfolios():
    case = parity_case("portfolio_by_channel")
    return case, compare(case)


def _continuity(result, portfolio: str) -> dict:
    return {x["vendor"]: x for x in result.scenario(f"portfolio:{portfolio}").portfolio["continuity"]}


def _unit_cost(result, portfolio: str, vendor: str, contacts_per_year: float) -> float:
    """A vendor's cost per contact in a portfolio: its invoice over the horizon / its contacts."""
    teams = result.scenario(f"portfolio:{portfolio}").portfolio["vendors"]
    invoice = next(sum(v["invoice"]) for v in teams if v["vendor"] == vendor)
    return invoice / (contacts_per_year * result.case.finance.horizon_years)


def test_by_channel_each_vendor_failure_costs_its_contacts_lost_or_the_other_vendors_surge_price(portfolios):
    case, result = portfolios
    volumes = {c.name: c.annual_volume for c in case.channels}
    total = sum(volumes.values())
    weeks, premium = case.continuity.failure_weeks, case.continuity.surge_premium
    lost_value = case.customer.churn_share * case.customer.value_per_lost_customer
    own = {"Voice Partner": volumes["phone"], "Written Desk": volumes["email"]}  # phone, e-mail: all of it
    # Written Desk's minimum binds: 10 000 e-mails a month x 0.75 / 0.7 x 2.10 EUR < 25 000 EUR.
    desk = next(v for v in case.vendors if v.name == "Written Desk")
    monthly = volumes["email"] / 12
    assert monthly * case.inhouse.first_contact_resolution / desk.first_contact_resolution * desk.price \
        < desk.minimum_monthly
    units = {"Voice Partner": _unit_cost(result, "By channel", "Voice Partner", own["Voice Partner"]),
             "Written Desk": desk.minimum_monthly / monthly}
    backup = {"Voice Partner": units["Written Desk"], "Written Desk": units["Voice Partner"]}
    found = _continuity(result, "By channel")
    for vendor, contacts in own.items():
        during = contacts / WEEKS * weeks
        x = found[vendor]
        assert x["volume_share"] == pytest.approx(contacts / total, rel=1e-12)
        assert x["contacts_during_failure"] == pytest.approx(during, rel=1e-12)
        assert x["cost_per_contact"] == pytest.approx(units[vendor], rel=1e-9)
        assert x["backup_cost_per_contact"] == pytest.approx(backup[vendor], rel=1e-9)
        assert x["cost_without_backup"] == pytest.approx(during * lost_value, rel=1e-12)
        assert x["cost_with_backup"] == pytest.approx(during * backup[vendor] * (1 + premium), rel=1e-9)
    # 600 000 calls a year: 2 weeks are 23 077 calls, 692 308 EUR of customers lost without a backup.
    assert round(found["Voice Partner"]["cost_without_backup"]) == 692308


def test_mixed_portfolio_dependence_follows_its_shares_and_modes(portfolios):
    case, result = portfolios
    volumes = {c.name: c.annual_volume for c in case.channels}
    overflow = (1 - case.hybrid.overflow_threshold) / 1  # flat seasonality: every month 1 above 0.9
    own = {"Voice Partner": 0.6 * volumes["phone"] + case.demand.out_of_hours_share * volumes["chat"],
           "Written Desk": overflow * volumes["email"]}
    found = _continuity(result, "Mixed")
    for vendor, contacts in own.items():
        assert found[vendor]["volume_share"] == pytest.approx(contacts / sum(volumes.values()), rel=1e-9)
        assert found[vendor]["contacts_during_failure"] == pytest.approx(
            contacts / WEEKS * case.continuity.failure_weeks, rel=1e-9)
    assert found["Voice Partner"]["backup_cost_per_contact"] == pytest.approx(found["Written Desk"]["cost_per_contact"])


def test_a_vendor_alone_in_its_portfolio_is_backed_up_by_a_standby_at_its_own_price():
    text = PORTFOLIO_FILE.read_text(encoding="utf-8") + (
        '\n[[portfolios]]\nname = "Voice only"\nvendors = ["Voice Partner", "Written Desk"]\n'
        '[portfolios.channels]\nphone = "Voice Partner"\nemail = "inhouse"\nchat = "inhouse"\n'
        '\n[continuity]\nfailure_weeks = 1.5\nsurge_premium = 0.4\n')
    result = compare(loads_case(text))
    found = _continuity(result, "Voice only")
    voice = found["Voice Partner"]
    assert voice["backup_cost_per_contact"] == pytest.approx(voice["cost_per_contact"])  # Written Desk: nothing
    assert voice["contacts_during_failure"] == pytest.approx(600000 / WEEKS * 1.5)
    assert voice["cost_with_backup"] == pytest.approx(600000 / WEEKS * 1.5 * voice["cost_per_contact"] * 1.4)
    assert found["Written Desk"]["volume_share"] == 0 and found["Written Desk"]["cost_without_backup"] == 0


@pytest.fixture(scope="module")
def way_back():
    case = parity_case("reinternalisation")
    return case, compare(case)


def _return_costs(case, result, chosen: str) -> tuple[float, int]:
    """The costs of coming back in year N, from the inputs (flat case: every month of a year alike),
    and N."""
    n, ri = case.reinternalisation.year, case.reinternalisation
    inh, out = result.scenario("inhouse"), result.scenario(f"outsourced:{chosen}")
    quote = next(v for v in case.vendors if v.name == chosen)
    h = case.inhouse
    hire = h.cost_per_hire + h.training_cost_per_hire + h.training_weeks / WEEKS * h.gross_salary * (
        1 + h.employer_charge_rate)
    rehiring = inh.fte[n - 1] * hire
    invoice = out.cost_lines["vendor"][n - 2] / 12
    termination = max(0, quote.minimum_term_months - 12 * (n - 1)) * invoice * ri.termination_share
    run_on = case.transition.parallel_run_months * invoice
    return rehiring + termination + run_on + ri.knowledge_transfer_back + ri.it_reintegration, n


def test_way_back_takes_the_cheapest_quote_at_target_then_in_house_and_its_npv_is_the_hand_one(way_back):
    case, result = way_back
    eligible = [s for s in result.scenarios if s.kind == "outsourced" and s.meets_target_service]
    chosen = min(eligible, key=lambda s: s.npv_cost)
    back, inh = result.scenario("reinternalised"), result.scenario("inhouse")
    assert back.reinternalisation["vendor"] == chosen.vendor == "Near Shore"
    cost, n = _return_costs(case, result, chosen.vendor)
    years = [chosen.annual_cost[y] if y < n - 1 else inh.annual_cost[y] + (cost if y == n - 1 else 0)
             for y in range(case.finance.horizon_years)]
    assert back.annual_cost == pytest.approx(years, rel=1e-12)
    assert back.cost_lines["reinternalisation"] == pytest.approx([cost if y == n - 1 else 0 for y in range(4)])
    assert back.reinternalisation["return_cost"] == pytest.approx(cost)
    one_off = chosen.one_off_cost - chosen.one_off_lines["exit_provision"]
    assert back.one_off_cost == pytest.approx(one_off)
    r = case.finance.discount_rate
    npv = one_off + sum(c / (1 + r) ** (y + 1) for y, c in enumerate(years))
    assert back.npv_cost == pytest.approx(npv, rel=1e-12)
    assert back.npv_savings == pytest.approx(inh.npv_cost - npv, rel=1e-12)
    cumulative, payback = 0.0, None
    for m in range(12 * len(years)):
        cumulative += (inh.annual_cost[m // 12] - years[m // 12]) / 12
        if payback is None and cumulative >= one_off:
            payback = m + 1
    assert back.payback_months == payback == 18  # paid back while outsourced, before the return
    assert back.meets_target_service and back.fte[n - 1] == pytest.approx(inh.fte[n - 1])
    assert back.vendor_fte[n - 1] == 0 and back.vendor_fte[0] == pytest.approx(chosen.vendor_fte[0])


def test_the_choice_is_live_a_cheaper_quote_is_taken_and_year_0_means_no_scenario(way_back):
    case, _ = way_back
    cheaper = case.replace(vendors=(case.vendors[0], replace(case.vendors[1], price=1.0)))
    result = compare(cheaper)
    assert result.scenario("reinternalised").reinternalisation["vendor"] == "Contact Plus"
    assert result.evaluation.values[RowKey("ri", "ri_chosen1")] == 1
    none = compare(case.replace(reinternalisation=replace(case.reinternalisation, year=0)))
    assert all(s.kind != "reinternalised" for s in none.scenarios)


def test_compare_prints_and_the_json_carries_continuity_and_the_way_back(capsys):
    code, out, _ = run_cli(["compare", BACK_FILE, "--json", "--no-analytics"], capsys)
    data = json.loads(out)
    back = next(s for s in data["scenarios"] if s["id"] == "reinternalised")
    assert code == 0 and back["kind"] == "reinternalised" and back["reinternalisation"]["year"] == 3
    folio = next(s for s in data["scenarios"] if s["kind"] == "portfolio")["portfolio"]
    assert [x["vendor"] for x in folio["continuity"]] == ["Near Shore", "Contact Plus"]
    for lang, words in (("en", ("Continuity: one vendor failing for 3 weeks", "Re-internalisation in year 3")),
                        ("fr", ("Continuité : un prestataire défaillant pendant 3 semaines",
                                "Réinternalisation l'année 3"))):
        code, out, _ = run_cli(["compare", BACK_FILE, "--no-analytics", "--lang", lang], capsys)
        assert code == 0 and all(w in out for w in words), out[-800:]
        assert max(len(line) for line in out.splitlines()) <= 100


BAD = [  # (TOML added to the case, the location, what the message says)
    ("[reinternalisation]\nyear = 1\n", "[reinternalisation] .year", "year 1 back in-house would never"),
    ("[reinternalisation]\nyear = 5\n", "[reinternalisation] .year", "within the horizon"),
    ("[continuity]\nfailure_weeks = 60\n", "[continuity] .failure_weeks", "<= 52"),
    ("[continuity]\nsurge_premium = 25\n", "[continuity] .surge_premium", "write 0.25 for 25 %"),
    ("[continuity]\nfailure_week = 2\n", "[continuity] .failure_week", "did you mean 'failure_weeks'"),
]


@pytest.mark.parametrize("extra, location, words", BAD)
def test_a_bad_continuity_or_way_back_input_is_located_exit_2_and_nothing_written(extra, location, words, tmp_path,
                                                                                  capsys):
    text = PORTFOLIO_FILE.read_text(encoding="utf-8").replace("[transition]", extra + "\n[transition]")
    with pytest.raises(InputError) as info:
        loads_case(text)
    assert any(p.location == location and words in p.message for p in info.value.problems), info.value.problems
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli(["build", path, "-o", tmp_path / "bad.xlsx"], capsys)
    assert code == 2 and f"error: {location}: " in err and "Traceback" not in err
    assert not (tmp_path / "bad.xlsx").exists()


def test_a_bad_year_typed_in_the_workbook_is_located_and_nothing_is_written(built_book, tmp_path, capsys):
    book = built_book("reinternalisation")
    row = book.plan.inputs.fields[("reinternalisation", "year")]
    path = tmp_path / "book.xlsx"
    shutil.copy(book.path, path)
    wb = load_workbook(path)
    sheet(wb, "Inputs")[f"B{row}"] = 1
    wb.save(path)
    before = path.read_bytes()
    code, _, err = run_cli(["validate", path], capsys)
    assert code == 2 and f"Inputs!B{row}" in err and "year 1 back in-house" in err
    code, _, err = run_cli(["build", "-o", path], capsys)
    assert code == 2 and path.read_bytes() == before


def _ranges(path):
    """The ranges OUTSOURCE_COMPARE takes, as Excel passes their values."""
    wb = load_workbook(path, data_only=True)

    def table(ws):
        return [[c.value for c in row] for row in ws[next(iter(ws.tables.values())).ref]]

    inputs, hybrid = sheet(wb, "Inputs"), sheet(wb, "Hybrid")
    return ([list(r[:2]) for r in inputs.iter_rows(values_only=True)], table(sheet(wb, "Channels")),
            table(sheet(wb, "Vendors")),
            [list(r[:2]) for r in hybrid.iter_rows(values_only=True)], table(hybrid),
            [list(r) for r in sheet(wb, "Sourcing").iter_rows(values_only=True)])


@pytest.mark.parametrize("name", ["reinternalisation_fr", "portfolio_by_channel", "portfolio_phased"])  # French labels
# read as well; a phased portfolio's later phases and their start months too
def test_the_whole_case_function_covers_portfolios_and_the_way_back(built_book, name):
    from udfs.functions import OUTSOURCE_COMPARE
    book = built_book(name)
    *ranges, sourcing = _ranges(book.path)
    rows = OUTSOURCE_COMPARE(*ranges, sourcing)
    expected = compare(parity_case(name))
    assert [r[0] for r in rows[1:]] == [s.id for s in expected.scenarios]
    assert any(s.kind == "portfolio" for s in expected.scenarios)
    for row, s in zip(rows[1:], expected.scenarios):
        assert row[1] == pytest.approx(s.npv_cost, rel=1e-12) and row[2] == pytest.approx(s.npv_savings, abs=1e-6)
    without = OUTSOURCE_COMPARE(*ranges)  # no Sourcing range: the scenarios of the other sheets
    assert all(not r[0].startswith("portfolio:") for r in without[1:])
    assert OUTSOURCE_COMPARE(*ranges, 5).startswith("#VALUE! sourcing")


def test_the_workbook_reads_back_the_same_case_continuity_and_year_included(built_book):
    from xlmodel.workbook.reader import read_workbook_case
    for name in ("reinternalisation", "reinternalisation_fr"):
        case = read_workbook_case(built_book(name).path)
        assert case == parity_case(name) and case.reinternalisation.year == 3 and case.continuity.failure_weeks == 3


def _dearer_quotes(case, factor: float = 4.0):
    """The case with every quote's price x ``factor``: outsourcing then runs dearer than in-house, so
    coming back can pay (the break-even return cost is above 0)."""
    return case.replace(vendors=tuple(replace(v, price=v.price * factor) for v in case.vendors))


def test_break_even_return_cost_is_the_hand_one_and_below_0_when_even_a_free_return_costs_more(way_back):
    """Break-even return cost (NPV) = NPV of the return's costs + NPV of cost staying outsourced with
    the quote chosen - NPV of cost of the way back, from the hand return costs of year N."""
    case, result = way_back
    back = result.scenario("reinternalised")
    cost, n = _return_costs(case, result, "Near Shore")
    r = case.finance.discount_rate
    staying = result.scenario("outsourced:Near Shore").npv_cost
    ri = back.reinternalisation
    assert ri["return_cost_npv"] == pytest.approx(cost / (1 + r) ** n, rel=1e-12)
    assert ri["npv_gain_vs_staying"] == pytest.approx(staying - back.npv_cost, rel=1e-12)
    even = cost / (1 + r) ** n + staying - back.npv_cost
    assert ri["break_even_return_cost_npv"] == pytest.approx(even, rel=1e-12)
    assert even < 0  # in-house runs dearer than Near Shore: even a free return costs more than staying


def test_a_return_costing_its_break_even_makes_coming_back_cost_as_much_as_staying(way_back):
    """With dearer quotes coming back pays; adding (break-even - return NPV) x (1 + r)^N to the
    knowledge transfer back (paid in the month of the return, year N) evens the way back with staying
    outsourced, and leaves the break-even where it was: the return's costs choose no quote."""
    case, _ = way_back
    dear = _dearer_quotes(case)
    result = compare(dear)
    ri = result.scenario("reinternalised").reinternalisation
    even, cost = ri["break_even_return_cost_npv"], ri["return_cost_npv"]
    assert even > cost > 0 and ri["npv_gain_vs_staying"] > 0
    n, r = dear.reinternalisation.year, dear.finance.discount_rate
    extra = (even - cost) * (1 + r) ** n
    moved = dear.replace(reinternalisation=replace(dear.reinternalisation, knowledge_transfer_back=(
        dear.reinternalisation.knowledge_transfer_back + extra)))
    at = compare(moved)
    back, stay = at.scenario("reinternalised"), at.scenario(ri["staying"])
    assert back.npv_cost == pytest.approx(stay.npv_cost, rel=1e-12)
    assert back.reinternalisation["return_cost_npv"] == pytest.approx(even, rel=1e-12)
    assert back.reinternalisation["break_even_return_cost_npv"] == pytest.approx(even, rel=1e-12)


# Drivers of the tornado that the way back's rows reach: prices and one-off costs (costed over arrays,
# exact), volume and salaries (the staffing sized again by the engine), the discount rate (the NPVs
# that choose the quote).
WAY_BACK_DRIVERS = ["vendor_price", "transition", "discount_rate", "hiring_cost", "volume", "salary"]


def test_tornado_of_the_way_back_ends_equal_full_engine_runs(way_back):
    from xlmodel.analytics import drivers as drv
    from xlmodel.analytics.sensitivity import tornado
    case, result = way_back
    bars = tornado(case, result, WAY_BACK_DRIVERS, scenario_id="reinternalised").bars
    assert {b.driver for b in bars} == set(WAY_BACK_DRIVERS)
    for bar in bars:
        for change, got in ((bar.low_change, bar.npv_savings_low), (bar.high_change, bar.npv_savings_high)):
            exact = compare(drv.apply(case, {bar.driver: change})).scenario("reinternalised").npv_savings
            assert got == pytest.approx(exact, rel=1e-9, abs=1e-3), (bar.driver, change)
    assert all(b.swing > 0 for b in bars)


def test_the_vectorised_monte_carlo_costs_the_way_back_as_the_engine_does_its_quote_chosen_per_draw(way_back):
    """The way back's rows (its yearly NPVs included) evaluated over arrays: at the mode every scenario
    equals compare; drivers that move no staffing equal loop draws of the exact engine (to rounding);
    a draw of a price that makes the other quote the cheapest comes back from that quote."""
    from xlmodel.analytics import drivers as drv
    from xlmodel.analytics.montecarlo import array_model, evaluate_changes, loop_npv_costs, monte_carlo_drivers
    from xlmodel.analytics.vector import ArrayModel
    from xlmodel.model import VendorInput
    case, result = way_back
    j = [s.id for s in result.scenarios].index("reinternalised")
    model = array_model(case, result)
    at_mode = evaluate_changes(model, {d: np.zeros(2) for d in monte_carlo_drivers(case)})
    np.testing.assert_allclose(at_mode.npv_cost[0], [s.npv_cost for s in result.scenarios], rtol=1e-12)
    flat = ["vendor_price", "governance", "discount_rate", "transition", "hiring_cost", "indexation"]
    rng = np.random.default_rng(5)  # uniform over each range: prices and the rate are not drawn by the MC
    changes = {d: rng.uniform(*drv.driver_range(case, d), size=12) for d in flat}
    got = evaluate_changes(array_model(case, result, flat), changes).npv_cost
    np.testing.assert_allclose(got, loop_npv_costs(case, changes, 12), rtol=1e-9)
    assert np.ptp(got[:, j]) > 0
    price = VendorInput(0, "price")  # Near Shore, 19 an hour: at 45 Contact Plus is the cheaper quote
    prices = ArrayModel(case, [price], result.evaluation).evaluate({price: np.array([19.0, 45.0])}).npv_cost
    for k, value in enumerate((19.0, 45.0)):
        exact = compare(drv.with_inputs(case, {price: value}))
        assert prices[k, j] == pytest.approx(exact.scenario("reinternalised").npv_cost, rel=1e-12)
        assert exact.scenario("reinternalised").reinternalisation["vendor"] == ("Near Shore", "Contact Plus")[k]


def test_a_recommended_way_back_is_analysed_like_every_option_in_both_languages(way_back):
    """Should the way back be the cheapest, the sentences give its probability of being cheapest over
    the draws and the drivers that could flip it, in both languages."""
    from xlmodel.analytics.montecarlo import run_risk
    from xlmodel.analytics.sensitivity import tornado
    from xlmodel.text.sentences import analytics_sentence, recommendation
    case, result = way_back
    risk = run_risk(case, 200, 7, comparison=result)
    assert "reinternalised" in [s.id for s in risk.scenarios]
    share = risk.scenario("reinternalised").p_cheapest
    bars = tornado(case, result, WAY_BACK_DRIVERS, scenario_id="reinternalised")
    result = replace(result, best="reinternalised")
    for lang, label, drivers in (("en", "Outsourced, then back in-house", "On the NPV saving"),
                                 ("fr", "Externalisé puis réinternalisé", "Sur l'économie de VAN")):
        for text in (recommendation(result, lang, risk, bars), analytics_sentence(result, lang, risk, bars)):
            assert label in text and f"{share:.0%}".replace("%", "") in text and drivers in text, text
