"""The text layer: both languages say the same things, and no code outside it tests the language."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from xlmodel import text
from xlmodel.text import en, fr

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("WORKBOOK", "UNITS", "METHOD", "FORM", "GUIDANCE", "PRICE_UNITS", "PROBLEMS")
# A problem's {text} is a parser's or the system's own English message (TOML syntax, an OS error):
# French says its position instead, or nothing more.
OWN_ENGLISH = {"text"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _same_shape(a, b, where: str):
    assert type(a) is type(b), where
    if isinstance(a, dict):
        assert a.keys() == b.keys(), f"{where}: keys {sorted(a.keys() ^ b.keys())}"
        for key in a:
            _same_shape(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same_shape(x, y, f"{where}[{i}]")
    elif isinstance(a, str):
        shown = (lambda t: _fields(t) - OWN_ENGLISH) if where.startswith("PROBLEMS") else _fields
        assert shown(a) == shown(b), f"{where}: fields {_fields(a)} vs {_fields(b)}"


@pytest.mark.parametrize("table", TABLES)
def test_english_and_french_have_the_same_keys_and_template_fields(table):
    _same_shape(getattr(en, table), getattr(fr, table), table)


def test_method_headings_fall_at_the_same_places():
    assert [kind for kind, _ in en.METHOD] == [kind for kind, _ in fr.METHOD]


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, fr"):
        text.words("de")


_TESTS_LANGUAGE = re.compile(r"""\blang\s*[!=]=|[!=]=\s*lang\b|[!=]=\s*["'](en|fr)["']""")


def test_no_code_outside_the_text_layer_tests_the_language():
    offenders = []
    for folder in ("xlmodel", "udfs"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if (ROOT / "xlmodel" / "text") in path.parents:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if _TESTS_LANGUAGE.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    offenders += [f"cli.py:{n}" for n, line in enumerate((ROOT / "cli.py").read_text().splitlines(), 1)
                  if _TESTS_LANGUAGE.search(line)]
    assert not offenders, "\n".join(offenders)


def _imports(folder: Path) -> set[str]:
    """Every xlmodel module imported (at any depth of the code) by the modules under ``folder``."""
    import ast
    found = set()
    for path in folder.rglob("*.py"):
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.rsplit(".", node.level - 1)[0] if node.level else ""
                found.add(f"{base}.{node.module}" if node.level and node.module else base or node.module or "")
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("xlmodel")}


def test_the_text_layer_sits_between_the_analytics_and_the_workbook():
    above = ("xlmodel.workbook", "xlmodel.tender", "xlmodel.cli")
    assert not {m for m in _imports(ROOT / "xlmodel" / "text") if m.startswith(above)}
    assert not {m for m in _imports(ROOT / "xlmodel" / "analytics") if m.startswith("xlmodel.text")}


@pytest.mark.parametrize("lang, one, many", [("en", "over 1 year against", "over 5 years against"),
                                              ("fr", "sur 1 an face", "sur 5 ans face")])
def test_a_one_year_horizon_is_said_in_the_singular(lang, one, many):
    """``over 1 years`` was printed for a one-year case; the native formula says the same (IF on the horizon)."""
    from pathlib import Path

    from xlmodel.case import example_case, load_case
    from xlmodel.engine import compare
    from xlmodel.text.sentences import recommendation
    one_year = load_case(Path(__file__).resolve().parents[1] / "workbooks/examples/hybrid_overflow_one_year.toml")
    assert one in recommendation(compare(one_year), lang) and "1 years" not in recommendation(compare(one_year), lang)
    assert many in recommendation(compare(example_case()), lang)


def test_a_french_place_names_the_field_and_keeps_the_file_key():
    """Where a problem is: English prints the file key or the cell as it always has; French names the field
    (and the channel or quote) first, and keeps the key or cell so that the line can be found."""
    assert en.PLACES.keys() == fr.PLACES.keys()
    for key, template in fr.PLACES.items():
        if isinstance(template, str):
            assert en.PLACES[key] == "{key}" and "{key}" in template and "{label}" in template, key
