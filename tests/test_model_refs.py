"""References and row keys: a bad one fails where the model is declared, with a sentence saying why."""

from __future__ import annotations

import pickle

import pytest

from xlmodel.case import example_case
from xlmodel.model import (SEASONALITY, ChannelInput, Constant, Input, ModelError, RefError, RowKey, RowRef, StaffRef,
                           StaffRow, ToVendor, VendorInput, build_model)
from xlmodel.model.rows import Declaration


@pytest.mark.parametrize("make, message", [
    (lambda: Input("inhouse", "gross_salry"), "no input inhouse.gross_salry: did you mean 'gross_salary'?"),
    (lambda: Input("inhose", "gross_salary"), "no input section 'inhose': did you mean 'inhouse'?"),
    (lambda: ChannelInput(0, "aht_secnds"), "no channel field 'aht_secnds': did you mean 'aht_seconds'?"),
    (lambda: ChannelInput(0, "aht"), "no channel field 'aht' (known: name, kind, annual_volume, aht_seconds,"),
    (lambda: VendorInput(1, "prise"), "no vendor field 'prise': did you mean 'price'?"),
    (lambda: Constant("SECONDS_PER_DAY"), "no constant 'SECONDS_PER_DAY'"),
    (lambda: ChannelInput(-1, "aht_seconds"), "a channel index must be a whole number >= 0 (found -1)"),
    (lambda: VendorInput(True, "price"), "a vendor index must be a whole number >= 0 (found True)"),
    (lambda: ToVendor("0"), "a channel index must be a whole number >= 0 (found '0')"),
    (lambda: RowKey("inh", "agents.0"), "without '.' (found 'agents.0')"),
    (lambda: RowRef("inh.fte"), "a RowRef takes a RowKey (found 'inh.fte')"),
])
def test_a_reference_that_cannot_exist_fails_when_constructed(make, message):
    with pytest.raises(RefError) as caught:
        make()
    assert message in str(caught.value)


def test_references_are_values_hashable_and_printable():
    assert Input("inhouse", "shrinkage") == Input("inhouse", "shrinkage")
    assert len({Input("inhouse", "shrinkage"), Input("inhouse", "shrinkage"), VendorInput(0, "price")}) == 2
    key = RowKey("inh", "agents", 0)
    assert RowRef(key) != StaffRef(key) and len({RowRef(key), StaffRef(key), RowRef(RowKey("inh", "agents", 0))}) == 2
    assert [str(r) for r in (Input("hybrid", "mode"), SEASONALITY, ChannelInput(2, "concurrency"),
                             VendorInput(0, "price"), ToVendor(1), Constant("WEEKS_PER_YEAR"), RowRef(key),
                             StaffRef(RowKey("inh", "agents_peak")))] == [
        "in:hybrid.mode", "in:demand.seasonality", "ch:2.concurrency", "vd:0.price", "hc:1",
        "const:WEEKS_PER_YEAR", "row:inh.agents.0", "st:inh.agents_peak"]


def test_a_row_key_is_its_text_and_survives_pickling():
    key = RowKey("out1", "vendor_aht", 2)
    assert key == "out1.vendor_aht.2" and {key: 1}["out1.vendor_aht.2"] == 1
    assert (key.block, key.name, key.channel) == ("out1", "vendor_aht", 2)
    copy = pickle.loads(pickle.dumps(key))
    assert copy == key and type(copy) is RowKey and copy.channel == 2


def _declaration():
    """A declaration for a case of 2 channels and 1 vendor, with one row and one staffing row."""
    d = Declaration(channels=2, vendors=1)
    hours = d.add(RowKey("time", "hours"), "Hours", "Heures", "hours", "h * 2", scalar=True,
                  h=Input("demand", "opening_hours_per_week"))
    d.staff_row(StaffRow(RowKey("inh", "agents", 0), "Agents", "Conseillers", "inhouse", 0, hours,
                         ChannelInput(0, "aht_seconds"), hours))
    return d


@pytest.mark.parametrize("expr, bind, message", [
    ("x + 1", {"x": RowRef(RowKey("time", "later"))}, "row inh.cost: x refers to row:time.later: "
                                                       "not a row declared before it"),
    ("x + 1", {"x": StaffRef(RowKey("inh", "agents", 1))}, "x refers to st:inh.agents.1: "
                                                           "not a staffing row declared before it"),
    ("x + 1", {"x": ChannelInput(2, "annual_volume")}, "x refers to ch:2.annual_volume: the case has 2 channels"),
    ("x + 1", {"x": ToVendor(5)}, "x refers to hc:5: the case has 2 channels"),
    ("x + 1", {"x": VendorInput(1, "price")}, "x refers to vd:1.price: the case has 1 vendor quotes"),
    ("x + 1", {"x": "in:inhouse.shrinkage"}, "x refers to in:inhouse.shrinkage: not a reference (str)"),
    ("x + y", {"x": Constant("SECONDS_PER_HOUR")}, "y used in 'x + y' but not bound"),
    ("x", {"x": Constant("SECONDS_PER_HOUR"), "z": Constant("WEEKS_PER_YEAR")}, "z bound but not used in 'x'"),
    ("x +", {"x": Constant("SECONDS_PER_HOUR")}, "cannot parse 'x +'"),
])
def test_a_row_with_a_reference_that_cannot_be_resolved_fails_when_declared(expr, bind, message):
    d = _declaration()
    with pytest.raises(ModelError) as caught:
        d.add(RowKey("inh", "cost"), "Cost", "Coût", "money", expr, **bind)
    assert message in str(caught.value)
    assert not any(r.key == "inh.cost" for r in d.rows)


def test_a_key_declared_twice_and_a_peak_of_undeclared_staffing_rows_fail():
    d = _declaration()
    with pytest.raises(ModelError, match="row time.hours: declared twice"):
        d.add(RowKey("time", "hours"), "Hours", "Heures", "hours", "1")
    hours = RowRef(RowKey("time", "hours"))
    with pytest.raises(ModelError, match="the peak of inh.agents.1, not declared before it"):
        d.staff_row(StaffRow(RowKey("inh", "agents_peak"), "Peak", "Pointe", "inhouse", -1, None, None, hours,
                             peak_of=(RowKey("inh", "agents", 0), RowKey("inh", "agents", 1))))
    with pytest.raises(ModelError, match="staffing row inh.agents.1: refers to ch:3.aht_seconds"):
        d.staff_row(StaffRow(RowKey("inh", "agents", 1), "Agents", "Conseillers", "inhouse", 1, hours,
                             ChannelInput(3, "aht_seconds"), hours))


def test_a_row_may_refer_to_itself_and_each_declared_row_is_found():
    d = _declaration()
    key = RowKey("time", "month")
    month = d.add(key, "Month", "Mois", "number", "prev(month) + 1", month=RowRef(key))
    assert month == RowRef(key) and d.rows[-1].bind == {"month": RowRef(key)}
    model = build_model(example_case())
    keys = {r.key for r in model.rows}
    for row in model.rows:
        for ref in row.bind.values():
            if isinstance(ref, RowRef):
                assert ref.key in keys


def test_cases_of_one_shape_share_one_model_and_numbers_reach_it_through_references():
    from dataclasses import replace
    case = example_case()
    dearer = case.replace(inhouse=replace(case.inhouse, gross_salary=case.inhouse.gross_salary * 2))
    assert build_model(dearer) is build_model(case)
    renamed = case.replace(demand=replace(case.demand, channels=(replace(case.channels[0], name="voice"),)
                                          + case.channels[1:]))
    other = build_model(renamed)
    assert other is not build_model(case)
    assert other.row(RowKey("demand", "contacts", 0)).label_en == "Contacts: voice"
    assert isinstance(other.rows, tuple) and isinstance(other.staff, tuple)
