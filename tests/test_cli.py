"""The command line's contract (README, "Quick start"): exit statuses, one-line errors on stderr, JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from xlmodel import cli as cli_module
from xlmodel.case import example_case_text

from workbook_helpers import run_cli

REPO = Path(__file__).resolve().parents[1]




@pytest.fixture
def bad_case(tmp_path) -> Path:
    """The example case with three invalid inputs in three sections."""
    text = example_case_text()
    text = text.replace("shrinkage = 0.22", "shrinkage = 45", 1)
    text = text.replace("price = 2900", "price = -3", 1)
    text = text.replace("discount_rate = 0.08", "discount_rate = 8", 1)
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def good_case(tmp_path) -> Path:
    path = tmp_path / "case.toml"
    path.write_text(example_case_text(), encoding="utf-8")
    return path


def test_compare_prints_the_table_with_units(capsys):
    """Two tables (costs, then returns and FTE), each header on two lines with its unit; the kinds of
    FTE named (issue 16)."""
    code, out, err = run_cli(["compare"], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    costs = next(k for k, line in enumerate(lines) if "Year 1" in line)
    for column in ("Year 1", "One-off", "NPV of cost", "NPV of savings", "Payback"):
        assert column in lines[costs]
    assert lines[costs + 1].count("kEUR") == 4 and "(month)" in lines[costs + 1]
    returns = next(k for k, line in enumerate(lines) if "Paid FTE" in line)
    for column in ("EUR per contact", "Paid FTE", "Billed FTE"):
        assert column in lines[returns]
    for column in ("ROI", "IRR", "year 1", "in-house y1", "vendor y1"):
        assert column in lines[returns + 1]
    assert "money in EUR" in lines[0]
    assert "In-house at target service" in out and "reference" in out
    assert "measured against in-house at the target service level" in " ".join(out.split())


def test_compare_json_is_one_object_matching_the_engine(capsys, good_case):
    code, out, err = run_cli(["compare", str(good_case), "--json"], capsys)
    assert code == 0 and err.startswith("timings: tornado") and len(err.splitlines()) == 1  # run times only
    data = json.loads(out)
    assert data["currency"] == "EUR" and data["horizon_years"] == 5
    inhouse = next(s for s in data["scenarios"] if s["id"] == "inhouse")
    for s in data["scenarios"]:
        assert s["npv_savings"] == pytest.approx(inhouse["npv_cost"] - s["npv_cost"], rel=1e-9, abs=1e-6)
    best = next(s for s in data["scenarios"] if s["id"] == data["best"])
    assert best["kind"] != "status_quo" and best["meets_target_service"]


def test_compare_of_several_cases_gives_each_its_own_comparison(capsys, good_case):
    """``compare workbooks/examples/*.toml``: every case, under its name, each equal to its own compare."""
    examples = sorted(str(p) for p in (REPO / "workbooks" / "examples").glob("*.toml"))
    code, out, err = run_cli(["compare", *examples, str(good_case), "--json", "--no-analytics"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == [*examples, str(good_case)]
    for source in examples[:1] + [str(good_case)]:
        code, alone, _ = run_cli(["compare", source, "--json", "--no-analytics"], capsys)
        assert code == 0 and json.loads(alone) == data[source]
    code, out, err = run_cli(["compare", *examples, "--no-analytics"], capsys)
    assert code == 0 and [line for line in out.splitlines() if line.startswith("== ")] == [
        f"== {e} ==" for e in examples]


def test_compare_of_several_cases_with_a_bad_one_prints_nothing_and_names_every_problem(capsys, good_case,
                                                                                        bad_case, tmp_path):
    code, out, err = run_cli(["compare", str(good_case), str(bad_case), str(tmp_path / "none.toml")], capsys)
    assert code == 2 and out == ""
    assert f"error: {bad_case}: [[vendors]] 2 .price: must be > 0" in err and "none.toml: file not found" in err
    assert len(err.splitlines()) == 5 and "4 invalid input(s)" in err, err


def test_validate_accepts_the_example(capsys, good_case):
    code, out, err = run_cli(["validate", str(good_case)], capsys)
    assert code == 0 and err == ""
    assert out.startswith("OK:") and "3 channels" in out and "3 vendor quotes" in out


@pytest.mark.parametrize("command", ["validate", "compare"])
def test_bad_case_lists_every_problem_one_line_each(capsys, bad_case, command):
    code, out, err = run_cli([command, str(bad_case)], capsys)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 4, err  # three problems and a summary line
    assert lines[0].startswith("error: [finance] .discount_rate") and "write 0.08 for 8 %" in lines[0]
    assert any(line.startswith("error: [inhouse] .shrinkage") for line in lines)
    assert any(line.startswith("error: [[vendors]] 2 .price") for line in lines)
    assert lines[-1] == "3 invalid input(s); nothing was computed or written."
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["validate", "compare"])
def test_missing_file_is_bad_input(capsys, tmp_path, command):
    missing = tmp_path / "nope.toml"
    code, out, err = run_cli([command, str(missing)], capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[0] == f"error: {missing}: file not found"


def test_unknown_file_type_and_bad_usage_exit_2(capsys, tmp_path):
    other = tmp_path / "case.txt"
    other.write_text("x", encoding="utf-8")
    code, _, err = run_cli(["compare", str(other)], capsys)
    assert code == 2 and "expected a case file (.toml) or a workbook (.xlsx)" in err
    code, _, err = run_cli(["compare", "--no-such-option"], capsys)
    assert code == 2 and "No such option" in err
    code, _, err = run_cli(["no-such-command"], capsys)
    assert code == 2 and "Traceback" not in err


def test_toml_syntax_error_is_bad_input(capsys, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[case\nname = 'x'\n", encoding="utf-8")
    code, _, err = run_cli(["validate", str(path)], capsys)
    assert code == 2 and err.startswith(f"error: {path}: is not valid TOML")


def test_unexpected_error_is_one_line_without_debug_and_raises_with_it(capsys, monkeypatch):
    import xlmodel.engine

    def broken(case):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(xlmodel.engine, "compare", broken)
    code, out, err = run_cli(["compare"], capsys)
    assert code == 1
    assert err == "error: RuntimeError: engine exploded (run with --debug for the traceback)\n"
    with pytest.raises(RuntimeError, match="engine exploded"):
        cli_module.main(["--debug", "compare"])
    cli_module._State.debug = False


def test_debug_does_not_turn_bad_input_into_a_traceback(capsys, bad_case):
    code, _, err = run_cli(["--debug", "validate", str(bad_case)], capsys)
    cli_module._State.debug = False
    assert code == 2 and "Traceback" not in err and len(err.splitlines()) == 4


def test_help_lists_the_commands(capsys):
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0 and "compare" in out and "validate" in out and "--debug" in out


# --- the real program, as a user runs it from the repository root ------------------------------

def python_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def test_python_cli_compare_json_subprocess():
    done = python_cli("compare", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["best"] in [s["id"] for s in data["scenarios"]]


def test_python_cli_validate_bad_case_subprocess(bad_case):
    done = python_cli("validate", str(bad_case))
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 4 and "Traceback" not in done.stderr


def test_python_cli_missing_file_subprocess(tmp_path):
    done = python_cli("compare", str(tmp_path / "nope.toml"))
    assert done.returncode == 2 and done.stderr.startswith("error: ") and "file not found" in done.stderr
    assert "Traceback" not in done.stderr


def test_compare_table_survives_a_case_without_contacts(capsys, tmp_path):
    """All volumes 0 is a valid case: the cost per contact is shown as '-', not a crash (exit 1)."""
    text = example_case_text()
    for volume in ("700000", "150000", "80000"):
        text = text.replace(f"annual_volume = {volume}", "annual_volume = 0", 1)
    path = tmp_path / "empty.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(["compare", str(path)], capsys)
    assert code == 0, err
    assert "Status quo" in out
