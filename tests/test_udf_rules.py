"""What Excel's "Import Functions" demands of every UDF, which nothing on Linux checks.

On Linux ``@xw.func`` and ``@xw.arg`` leave a function unchanged, so a UDF that Excel would refuse
(keyword-only parameters, an ``@xw.arg`` naming no parameter, a name clashing with a built-in
function or looking like a cell reference) would pass every other test. xlwings registers a UDF
from ``inspect.signature`` (see ``xlwings.udfs.func_sig``): these rules mirror it.
"""

from __future__ import annotations

import inspect
import re

import pytest

import udfs
from udfs import functions

# Built-in Excel functions our names could plausibly clash with (Excel would shadow the UDF).
EXCEL_BUILTINS = {
    "NPV", "IRR", "XNPV", "XIRR", "MIRR", "PMT", "PV", "FV", "RATE", "NPER", "SUM", "AVERAGE", "ROUND",
    "INDEX", "MATCH", "IF", "MAX", "MIN", "COUNT", "ERLANG", "SERVICE", "AGENTS", "ABS", "EXP", "LN",
    "DATE", "YEAR", "MONTH", "DAYS", "ROI", "PAYBACK", "COST", "RANK", "TEXT", "VALUE", "LOOKUP", "CHOOSE",
    "STDEV", "VAR", "SLN", "DB", "DDB", "NORM.DIST", "FILTER", "SORT", "UNIQUE", "SEQUENCE", "LET", "LAMBDA",
}
CELL_REFERENCE = re.compile(r"^[A-Z]{1,3}[0-9]+$")
EXCEL_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,254}$")

NAMES = sorted(udfs.REGISTRY)


def test_the_designed_functions_exist_with_their_argument_order():
    expected = {
        "OUTSOURCE_NPV": ["inhouse_cost", "outsourced_cost", "one_off_cost", "years", "discount_rate",
                          "inhouse_escalation", "outsourced_escalation"],
        "ERLANG_C": ["traffic_erlangs", "agents"],
        "SERVICE_LEVEL": ["contacts", "aht_seconds", "agents", "answer_seconds", "interval_seconds"],
        "ASA": ["contacts", "aht_seconds", "agents", "interval_seconds"],
        "AGENTS_REQUIRED": ["contacts", "aht_seconds", "target_sl", "answer_seconds", "interval_seconds",
                            "max_occupancy", "shrinkage"],
        "ABANDON_RATE": ["contacts", "aht_seconds", "agents", "patience_seconds", "interval_seconds"],
    }
    for name in ("OUTSOURCE_ROI", "PAYBACK_MONTHS", "OUTSOURCE_IRR"):
        expected[name] = expected["OUTSOURCE_NPV"]
    for name, params in expected.items():
        assert list(inspect.signature(udfs.REGISTRY[name][0]).parameters) == params, name


def test_every_public_function_of_the_module_is_registered():
    public = {n for n, obj in vars(functions).items() if callable(obj) and n.isupper()}
    assert public == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_signature_is_one_excel_accepts(name):
    f, args = udfs.REGISTRY[name]
    params = list(inspect.signature(f).parameters.values())
    kinds = {p.kind for p in params}
    assert kinds <= {inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.VAR_POSITIONAL}, \
        f"{name}: keyword-only or **kwargs parameters are refused by xlwings"
    defaults_started = False
    for p in params:
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            assert not any(q.default is not inspect.Parameter.empty for q in params), \
                f"{name}: *args mixed with defaults"
            continue
        has_default = p.default is not inspect.Parameter.empty
        assert has_default or not defaults_started, f"{name}: {p.name} without default after defaults"
        defaults_started |= has_default
    names = [p.name for p in params]
    assert set(args) <= set(names), f"{name}: @xw.arg for {set(args) - set(names)} which is no parameter"
    assert set(names) <= set(args), f"{name}: {set(names) - set(args)} has no help text for the wizard"
    assert all(doc.strip() for doc in args.values())
    assert (f.__doc__ or "").strip(), f"{name}: no docstring for the function wizard"


@pytest.mark.parametrize("name", NAMES)
def test_name_is_a_valid_excel_function_name(name):
    assert EXCEL_NAME.match(name), name
    assert not CELL_REFERENCE.match(name), f"{name} reads as a cell reference"
    assert name not in EXCEL_BUILTINS, f"{name} clashes with a built-in Excel function"


def test_the_rules_catch_a_bad_function():
    """The checks above can fail: a keyword-only parameter is seen."""
    def BAD(a, *, b=1):  # noqa: N802
        return a
    kinds = {p.kind for p in inspect.signature(BAD).parameters.values()}
    assert inspect.Parameter.KEYWORD_ONLY in kinds
