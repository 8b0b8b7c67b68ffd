"""The ``risk`` command and the analytics sections of ``compare``."""

from __future__ import annotations

import json

import pytest


from workbook_helpers import run_cli




def test_risk_json_has_the_contract_keys_and_is_reproducible(capsys):
    code, out, err = run_cli(["risk", "--draws", "300", "--seed", "42", "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["draws"] == 300 and data["seed"] == 42
    for s in data["scenarios"]:
        for key in ("id", "npv_savings_p10", "npv_savings_p50", "npv_savings_p90", "p_cheapest",
                    "npv_cost_p10", "npv_cost_p50", "npv_cost_p90"):
            assert key in s
    assert sum(s["p_cheapest"] for s in data["scenarios"]) == pytest.approx(1.0)
    code, again, err_again = run_cli(["risk", "--draws", "300", "--seed", "42", "--json"], capsys)
    assert again == out  # byte for byte: the run time goes to stderr
    assert "seconds" not in out and "timings: Monte Carlo 300 draws in" in err_again


def test_risk_text_shows_percentiles_and_the_recommendation(capsys):
    code, out, err = run_cli(["risk", "--draws", "200"], capsys)
    assert code == 0, err
    assert "P(cheapest)" in out and "Recommended:" in out and "Volume (all channels)" in out


@pytest.mark.parametrize("args, located", [
    (["risk", "--draws", "0"], "--draws"),
    (["risk", "--seed", "-1"], "--seed"),
    (["risk", "--draws", "many"], "--draws"),
    (["risk", "--draws", "9000000"], "--draws: at most 2 000 000 draws for 10 scenarios"),  # 1.2 GB otherwise
])
def test_risk_bad_options_exit_2_with_the_option_named(capsys, args, located):
    code, out, err = run_cli(args, capsys)
    assert code == 2 and located in err and "Traceback" not in err


def test_risk_bad_case_exits_2_with_located_message(tmp_path, capsys):
    from xlmodel.case import case_to_toml, example_case
    path = tmp_path / "bad.toml"
    path.write_text(case_to_toml(example_case()).replace("volume_high = 0.15", "volume_high = -0.2"),
                    encoding="utf-8")
    code, out, err = run_cli(["risk", str(path)], capsys)
    assert code == 2 and "[risk] .volume_high" in err and "Traceback" not in err


def test_compare_shows_both_views_ranking_break_even_and_tornado(capsys):
    code, out, err = run_cli(["compare"], capsys)
    assert code == 0, err
    for title in ("Cost of inaction and economic view", "Vendor scoring", "Break-even", "Sensitivity",
                  "Monte Carlo", "simulated draws"):
        assert title in out


def test_compare_json_adds_analytics_keys(capsys):
    code, out, err = run_cli(["compare", "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    for key in ("economics", "vendor_scoring", "break_even", "tornado", "risk", "recommendation_en",
                "recommendation_fr"):
        assert key in data
    for s in data["scenarios"]:
        for key in ("npv_cost", "npv_savings", "economic_npv_cost", "economic_npv_savings", "lost_contacts",
                    "p_cheapest"):
            assert key in s
    assert '"seconds"' not in out and "timings: tornado" in err  # the output never depends on the clock
    assert data["tornado"]["base_npv_savings"] == next(
        s["npv_savings"] for s in data["scenarios"] if s["id"] == data["tornado"]["scenario"])


def test_compare_no_analytics_is_the_plain_table(capsys):
    code, out, _ = run_cli(["compare", "--no-analytics", "--json"], capsys)
    assert code == 0 and "tornado" not in json.loads(out)
