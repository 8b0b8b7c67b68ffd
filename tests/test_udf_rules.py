"""What Excel's "Import Functions" demands of every UDF, which nothing on Linux checks.

On Linux ``@xw.func`` and ``@xw.arg`` return the function unchanged and set nothing, so a UDF that
Excel would refuse would pass every other test. These tests run xlwings' own Windows registration
(``xlwings.udfs.xlfunc``/``xlarg`` and the VBA wrapper writer ``generate_vba_wrapper``) on Linux,
with the Windows-only modules stubbed, in a subprocess; then check what Excel then needs of the
names, signatures and help texts.
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import udfs
from udfs import functions

ROOT = Path(__file__).resolve().parent.parent

# Registers udfs.functions as Excel on Windows would, and prints what it registered as JSON.
WINDOWS_IMPORT = r'''
import io, json, sys, types
for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["pywintypes"].com_error = Exception
sys.modules["win32com.client"].Dispatch = None
import xlwings as xw
import xlwings.udfs as windows
xw.func, xw.arg, xw.ret = windows.xlfunc, windows.xlarg, windows.xlret  # what Windows binds them to
import udfs.functions as module
vba = io.StringIO()
windows.generate_vba_wrapper("udfs.functions", module, vba, types.SimpleNamespace(Name="case.xlsm"))
found = {n: getattr(module, n).__xlfunc__ for n in dir(module) if hasattr(getattr(module, n), "__xlfunc__")}
print(json.dumps({"functions": found, "vba": vba.getvalue()}, default=repr))
'''

# Built-in Excel (and LibreOffice) functions our names could plausibly clash with: Excel would call
# the built-in, or refuse the name.
EXCEL_BUILTINS = {
    "ABS", "ADDRESS", "AGGREGATE", "AND", "AVERAGE", "CHOOSE", "COUNT", "COUNTIF", "DATE", "DAYS", "DB", "DDB",
    "EFFECT", "EXP", "FILTER", "FV", "IF", "IFERROR", "INDEX", "INT", "IPMT", "IRR", "ISPMT", "LAMBDA", "LET",
    "LN", "LOOKUP", "MATCH", "MAX", "MIN", "MIRR", "MONTH", "NOMINAL", "NPER", "NPV", "PDURATION", "PMT", "PPMT",
    "PV", "RANK", "RATE", "ROUND", "RRI", "SEQUENCE", "SLN", "SORT", "STDEV", "SUM", "SUMPRODUCT", "SYD", "TEXT",
    "UNIQUE", "VALUE", "VAR", "VDB", "XIRR", "XLOOKUP", "XNPV", "YEAR", "ERF", "GAMMA", "POISSON", "EXPON.DIST",
}
# VBA keywords and statements: a parameter or function with such a name breaks the generated module.
VBA_RESERVED = {
    "and", "as", "boolean", "byref", "byte", "byval", "call", "case", "close", "const", "currency", "date",
    "declare", "dim", "do", "double", "each", "else", "elseif", "end", "enum", "eqv", "erase", "error", "event",
    "exit", "false", "for", "friend", "function", "get", "global", "gosub", "goto", "if", "imp", "implements",
    "in", "input", "integer", "is", "let", "like", "line", "lock", "long", "loop", "lset", "me", "mod", "name",
    "new", "next", "not", "nothing", "object", "on", "open", "option", "optional", "or", "paramarray",
    "preserve", "print", "private", "property", "public", "put", "raiseevent", "redim", "rem", "resume",
    "return", "rset", "seek", "select", "set", "single", "static", "step", "stop", "string", "sub", "then",
    "to", "true", "type", "until", "variant", "wend", "while", "with", "write", "xor", "array", "caller",
}
CELL_REFERENCE = re.compile(r"^[A-Z]{1,3}[0-9]{1,7}$|^R[0-9]*C[0-9]*$")
EXCEL_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
VBA_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,254}$")
WIZARD_TEXT = 255  # Excel's MacroOptions truncates descriptions there

NAMES = list(udfs.UDF_NAMES)


@pytest.fixture(scope="module")
def registered() -> dict:
    out = subprocess.run([sys.executable, "-c", WINDOWS_IMPORT], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]  # e.g. "Invalid argument name" from @xw.arg
    return json.loads(out.stdout)


def test_windows_registers_exactly_our_functions(registered):
    assert sorted(registered["functions"]) == sorted(NAMES)
    assert len(NAMES) >= 13


@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_has_help_text_and_the_category(name, registered):
    info = registered["functions"][name]
    assert info["category"] == "xlmodel"
    for arg in info["args"]:
        assert not arg["doc"].startswith("Positional argument"), f"{name}: no @xw.arg doc for {arg['name']}"
        assert len(arg["doc"]) <= WIZARD_TEXT, f"{name}.{arg['name']}: help text longer than Excel shows"
        assert not arg["options"], f"{name}.{arg['name']}: a type hint or option turned into a converter"


@pytest.mark.parametrize("name", NAMES)
def test_wizard_description_is_plain_text(name, registered):
    """Excel shows the first 255 characters of the docstring: a sentence, not a doctest."""
    shown = registered["functions"][name]["ret"]["doc"][:WIZARD_TEXT]
    assert ">>>" not in shown and shown.strip(), f"{name}: {shown!r}"
    first_paragraph = inspect.cleandoc(getattr(functions, name).__doc__).split("\n\n")[0]
    assert len(first_paragraph) <= WIZARD_TEXT, f"{name}: description cut at {WIZARD_TEXT} characters"


@pytest.mark.parametrize("name", NAMES)
def test_signature_is_one_excel_accepts(name):
    f = getattr(functions, name)
    params = list(inspect.signature(f).parameters.values())
    kinds = {p.kind for p in params}
    assert kinds <= {inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.VAR_POSITIONAL}, \
        f"{name}: keyword-only or **kwargs parameters are refused by xlwings"
    has_varargs = inspect.Parameter.VAR_POSITIONAL in kinds
    defaults = [p.default is not inspect.Parameter.empty for p in params
                if p.kind is not inspect.Parameter.VAR_POSITIONAL]
    assert not (has_varargs and any(defaults)), f"{name}: *args mixed with defaults"
    assert defaults == sorted(defaults), f"{name}: a parameter without default after one with a default"
    assert not f.__wrapped__.__annotations__, f"{name}: xlwings turns type hints into converters"


@pytest.mark.parametrize("name", NAMES)
def test_names_are_valid_for_excel_and_vba(name):
    assert EXCEL_NAME.match(name) and len(name) <= 255, name
    assert not CELL_REFERENCE.match(name), f"{name} reads as a cell reference"
    assert name not in EXCEL_BUILTINS, f"{name} clashes with a built-in Excel function"
    params = list(inspect.signature(getattr(functions, name)).parameters)
    for param in params:
        assert VBA_IDENTIFIER.match(param), f"{name}: {param} is not a VBA identifier"
        assert param.lower() not in VBA_RESERVED, f"{name}: {param} is a VBA keyword"
    # VBA is case-insensitive: a parameter named like its function is the function's return value.
    lowered = [p.lower() for p in params]
    assert len(set(lowered)) == len(lowered) and name.lower() not in lowered


def test_the_generated_vba_declares_each_function_with_its_optional_arguments(registered):
    vba = registered["vba"]
    declared = re.findall(r"^Function (\w+)\((.*)\)$", vba, flags=re.M)
    assert sorted(n for n, _ in declared) == sorted(NAMES)
    signatures = dict(declared)
    assert signatures["OUTSOURCE_NPV"] == ("inhouse_cost, outsourced_cost, one_off_cost, Optional years, "
                                           "Optional discount_rate, Optional inhouse_escalation, "
                                           "Optional outsourced_escalation")
    assert all(len(line) <= 1023 for line in vba.splitlines())


def test_the_designed_functions_exist_with_their_argument_order():
    """The functions' names and order of arguments are a public contract (README)."""
    finance_args = ["inhouse_cost", "outsourced_cost", "one_off_cost", "years", "discount_rate",
                    "inhouse_escalation", "outsourced_escalation"]
    expected = {
        "OUTSOURCE_NPV": finance_args, "OUTSOURCE_ROI": finance_args, "PAYBACK_MONTHS": finance_args,
        "OUTSOURCE_IRR": finance_args,
        "ERLANG_C": ["traffic_erlangs", "agents"],
        "SERVICE_LEVEL": ["contacts", "aht_seconds", "agents", "answer_seconds", "interval_seconds"],
        "ASA": ["contacts", "aht_seconds", "agents", "interval_seconds"],
        "AGENTS_REQUIRED": ["contacts", "aht_seconds", "target_sl", "answer_seconds", "interval_seconds",
                            "max_occupancy", "shrinkage", "patience_seconds"],
        "ABANDON_RATE": ["contacts", "aht_seconds", "agents", "patience_seconds", "interval_seconds"],
    }
    for name, params in expected.items():
        assert list(inspect.signature(getattr(functions, name)).parameters) == params, name
    defaults = {p.name: p.default for p in inspect.signature(functions.AGENTS_REQUIRED).parameters.values()}
    assert (defaults["target_sl"], defaults["answer_seconds"], defaults["interval_seconds"],
            defaults["max_occupancy"], defaults["shrinkage"]) == (0.8, 20, 1800, 1, 0)


def test_the_rules_catch_a_bad_function():
    """The checks can fail: xlwings' own registration refuses a keyword-only parameter and an
    @xw.arg naming no parameter."""
    script = WINDOWS_IMPORT.split("import udfs.functions")[0] + r'''
def BAD(a, *, b=1):
    return a
try:
    windows.xlfunc(BAD)
except Exception as exc:
    print("refused:", exc)
def ALSO_BAD(a):
    return a
try:
    windows.xlarg("b", doc="no such parameter")(ALSO_BAD)
except Exception as exc:
    print("refused:", exc)
'''
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.count("refused:") == 2, out.stdout + out.stderr


def test_import_stays_light():
    """No pandas or openpyxl of our own: `import udfs` works with both made unimportable."""
    script = ("import sys; sys.modules['pandas'] = None; sys.modules['openpyxl'] = None\n"
              "import udfs; print(len(udfs.UDF_NAMES))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]


# --- the defaults: typed once, in each function's signature ---------------------------------------

def _signature_defaults(name: str) -> dict:
    return {p.name: p.default for p in inspect.signature(getattr(functions, name)).parameters.values()
            if p.default is not inspect.Parameter.empty}


@pytest.mark.parametrize("name", NAMES)
def test_the_wizard_shows_the_default_of_the_signature(name, registered):
    defaults = _signature_defaults(name)
    for arg in registered["functions"][name]["args"]:
        default = defaults.get(arg["name"])
        if default is None:
            assert "(default" not in arg["doc"], f"{name}.{arg['name']}: a default typed in its help text"
        else:
            assert arg["doc"].endswith(f"(default {default:g})"), f"{name}.{arg['name']}: {arg['doc']!r}"
            assert arg["optional"] == default  # what Excel passes for an omitted argument


def test_an_empty_cell_means_the_default_of_the_signature():
    """The edge reads the defaults from the signature: change one there and an empty cell follows it."""
    assert functions.SERVICE_LEVEL(100, 180, 14, None, None) == functions.SERVICE_LEVEL(100, 180, 14)
    from udfs._convert import excel_errors

    def LOOKS_LIKE_A_UDF(contacts, answer_seconds=7):
        return answer_seconds

    assert excel_errors(LOOKS_LIKE_A_UDF)(1, None) == 7
    assert excel_errors(LOOKS_LIKE_A_UDF)(1, 3) == 3


# The Python function each Excel function delegates to: its defaults must be the Excel ones.
DELEGATES = {
    "OUTSOURCE_NPV": "finance.outsource_npv", "OUTSOURCE_ROI": "finance.outsource_roi",
    "PAYBACK_MONTHS": "finance.outsource_payback_months", "OUTSOURCE_IRR": "finance.outsource_irr",
    "SERVICE_LEVEL": "erlang.service_level", "ASA": "erlang.asa", "AGENTS_REQUIRED": "erlang.agents_to_schedule",
    "ABANDON_RATE": "erlang.abandon_rate", "INHOUSE_HOURLY_COST": "unit_costs.inhouse_hourly_cost",
    "VENDOR_COST_PER_CONTACT": "unit_costs.vendor_cost_per_contact",
    "VENDOR_COST_PER_HOUR": "unit_costs.vendor_cost_per_handled_hour",
}


@pytest.mark.parametrize("name", sorted(DELEGATES))
def test_python_and_excel_share_the_defaults(name):
    import xlmodel
    module, function = DELEGATES[name].split(".")
    target = getattr(getattr(xlmodel, module), function)
    python = {p.name: p.default for p in inspect.signature(target).parameters.values()}
    excel = _signature_defaults(name)
    assert excel, name
    for arg, default in excel.items():
        assert arg in python and python[arg] == default, f"{name}.{arg}: Excel {default!r}, Python {python.get(arg)!r}"


def test_the_readme_states_the_signatures_defaults():
    """The README's table of functions writes ``[answer_seconds=20]``: the value of the signature
    (``years=None`` means finance.DEFAULT_YEARS for single numbers, which the README writes)."""
    from xlmodel.finance import DEFAULT_YEARS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    checked = 0
    for call in re.findall(r"`([A-Z_]+)\(([^`]*)\)`", readme):
        name, params = call
        if name not in NAMES:
            continue
        defaults = _signature_defaults(name)
        for arg, value in re.findall(r"\[(\w+)=([^\]]+)\]", params):
            expected = DEFAULT_YEARS if arg == "years" else defaults[arg]
            assert float(value) == expected, f"README: {name}({arg}={value}), signature {expected!r}"
            checked += 1
    assert checked >= 15
