"""The case format: the example reads, bad input is reported with its location, all at once."""

from __future__ import annotations

import copy
import tomllib

import pytest

from xlmodel.case import (case_from_mapping, case_to_toml, example_case, example_case_text, load_case,
                          loads_case)
from xlmodel.errors import InputError
from xlmodel.schema import ALL_SECTIONS


def example_data() -> dict:
    return tomllib.loads(example_case_text())


def problems_of(data) -> list[str]:
    with pytest.raises(InputError) as info:
        case_from_mapping(data)
    return [str(p) for p in info.value.problems]


def test_example_case_is_valid_and_french():
    case = example_case()
    assert case.case.currency == "EUR"
    assert len(case.channels) == 3 and {c.kind for c in case.channels} == {"live", "deferred"}
    assert sum(c.annual_volume for c in case.channels) >= 300_000
    assert case.inhouse.current_fte >= 80
    models = {v.pricing_model for v in case.vendors}
    assert {"per_hour", "per_fte_month"} <= models and models & {"per_minute", "per_contact"}
    assert {v.location for v in case.vendors} == {"onshore", "nearshore", "offshore"}


def test_defaults_fill_missing_optional_fields():
    data = example_data()
    del data["inhouse"]["shrinkage"], data["transition"]
    case = case_from_mapping(data)
    assert case.inhouse.shrinkage == 0.22
    assert case.transition.governance_rate == 0.07


def test_toml_round_trip_gives_an_equal_case():
    case = example_case()
    assert loads_case(case_to_toml(case)) == case


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["inhouse"].__setitem__("shrinkge", 0.3),
     "[inhouse] .shrinkge: unknown key 'shrinkge': did you mean 'shrinkage'?"),
    (lambda d: d["vendors"][1].__setitem__("price", -3),
     "[[vendors]] 2 .price: must be > 0 and <= 1 000 000 000 per pricing unit (found -3)"),
    (lambda d: d["vendors"][1].__setitem__("price", "cheap"),
     "[[vendors]] 2 .price: expected a number (per pricing unit), found str 'cheap'"),
    (lambda d: d["inhouse"].__setitem__("shrinkage", 45),
     "[inhouse] .shrinkage: must be >= 0 and < 0.7 of worked time (found 45): rates are fractions, "
     "write 0.45 for 45 %"),
    (lambda d: d["hybrid"].__setitem__("vendors", ["Acme"]),
     "[hybrid] .vendors: vendor 'Acme' does not exist"),
    (lambda d: d["hybrid"].__setitem__("channels", ["emial"]),
     "[hybrid] .channels: channel 'emial' does not exist: did you mean 'email'?"),
    (lambda d: d["demand"].__setitem__("seasonality", [1.2] * 12),
     "[demand] .seasonality: the 12 weights must average 1 (found an average of 1.2000)"),
    (lambda d: d["demand"].__setitem__("seasonality", [1.0] * 11),
     "[demand] .seasonality: expected 12 numbers"),
    (lambda d: d.__setitem__("vendors", []), "[[vendors]]: at least one vendor quote is required"),
    (lambda d: d["demand"].__setitem__("channels", []), "[[demand.channels]]: at least one channel is required"),
    (lambda d: d["finance"].__setitem__("horizon_years", 12),
     "[finance] .horizon_years: must be >= 1 and <= 10 years (found 12)"),
    (lambda d: d["finance"].__setitem__("horizon_years", 2.5),
     "[finance] .horizon_years: must be a whole number of years (found 2.5)"),
    (lambda d: d["vendors"][0].__setitem__("pricing_model", "per_hours"),
     "[[vendors]] 1 .pricing_model: must be one of 'per_hour', 'per_fte_month', 'per_minute', 'per_contact', "
     "'fixed_monthly' (found 'per_hours'): did you mean 'per_hour'?"),
    (lambda d: d["vendors"][2].pop("price"), "[[vendors]] 3 .price: is required"),
    (lambda d: d["vendors"][2].__setitem__("name", d["vendors"][0]["name"]),
     "[[vendors]] 3 .name: vendor name 'Atlantique Relation Client' is already used by [[vendors]] 1"),
    (lambda d: d["demand"]["channels"][0].__setitem__("aht_seconds", True),
     "[[demand.channels]] 1 .aht_seconds: expected a number (seconds), found bool True"),
    (lambda d: d["vendors"][0].__setitem__("fte_proposed", 50),
     "[[vendors]] 1 .fte_proposed: applies only to pricing_model 'per_fte_month'"),
    (lambda d: d.__setitem__("vendor", []), "vendor: unknown key 'vendor': did you mean 'vendors'?"),
    (lambda d: d["hybrid"].__setitem__("mode", "channel") or d["hybrid"].__setitem__("channels", []),
     "[hybrid] .channels: mode 'channel' needs the list of channels the vendor takes"),
])
def test_each_bad_input_is_located_and_explained(mutate, expected):
    data = example_data()
    mutate(data)
    found = problems_of(data)
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_reported_at_once():
    data = example_data()
    data["inhouse"]["shrinkage"] = 45
    data["vendors"][1]["price"] = -3
    data["finance"]["discount_rate"] = 8
    found = problems_of(data)
    assert len(found) == 3
    assert found[0].startswith("[finance] .discount_rate") and "write 0.08 for 8 %" in found[0]


def test_toml_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[case\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_case(path)
    assert str(info.value).startswith(f"{path}: is not valid TOML")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_case(tmp_path / "nope.toml")


def test_every_field_documents_unit_bounds_and_labels():
    for section in ALL_SECTIONS:
        for f in section.fields:
            assert f.label_en and f.label_fr, f.name
            if f.kind in ("money", "rate", "number", "int"):
                assert f.unit, f"{section.name}.{f.name} has no unit"
                assert f.minimum is not None and f.maximum is not None, f"{section.name}.{f.name} unbounded"
            if f.default is not None and f.kind in ("money", "rate", "number", "int"):
                assert f.minimum <= f.default <= f.maximum, f"{section.name}.{f.name} default out of bounds"


def test_problem_list_does_not_mutate_the_input():
    data = example_data()
    data["vendors"][0]["price"] = 0
    before = copy.deepcopy(data)
    problems_of(data)
    assert data == before


@pytest.mark.parametrize("typed, read", [('"Y"', "yes"), ('"oui"', "yes"), ("true", "yes"), ('"O"', "yes"), ("1", "yes"),
                                         ('"n"', "no"), ('"Non"', "no"), ("false", "no"), ("0", "no"), ('" NO "', "no")])
def test_a_yes_no_answer_in_any_usual_spelling(typed, read):
    """The attack: "Y" typed in a yes/no cell became "no" without a word."""
    from xlmodel.case import example_case_text, loads_case
    text = example_case_text().replace("bonus_malus = 0.0", f"bonus_malus = 0.0\ncoverage_24_7 = {typed}", 1)
    assert loads_case(text).vendors[0].coverage_24_7 == read


def test_a_problem_is_said_in_words_when_only_the_inputs_layer_was_imported(tmp_path):
    """A notebook that calls load_case alone has not imported the text layer: the error still reads as a
    sentence ("must be > 0 ..."), not as the problem's key and values ("out_of_bounds {...}")."""
    import subprocess
    import sys
    bad = tmp_path / "bad.toml"
    bad.write_text(example_case_text().replace("aht_seconds = 330", "aht_seconds = -5", 1), encoding="utf-8")
    script = ("import sys\nfrom xlmodel.case import load_case\nassert 'xlmodel.text' not in sys.modules\n"
              f"try:\n    load_case({str(bad)!r})\nexcept Exception as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert "aht_seconds: must be > 0 and <= 7200 seconds (found -5)" in out, out
    assert "out_of_bounds" not in out
