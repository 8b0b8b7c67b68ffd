"""The case-format documentation is generated from the schema and must not drift from it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from xlmodel.schema import ALL_SECTIONS, ANALYTICS_SECTIONS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("make_case_format", DOCS / "make_case_format.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_case_format_equals_the_generator_output():
    committed = (DOCS / "case_format.md").read_text(encoding="utf-8")
    assert committed == _generator().render(), "run: python docs/make_case_format.py"


def test_case_format_documents_every_field_of_every_section():
    text = (DOCS / "case_format.md").read_text(encoding="utf-8")
    for section in ALL_SECTIONS + ANALYTICS_SECTIONS:
        for f in section.fields:
            assert f"| `{f.name}` | {f.label_en}" in text, f"{section.name}.{f.name}"


def test_method_page_states_the_timing_convention():
    text = (DOCS / "method.md").read_text(encoding="utf-8")
    for phrase in ("end of each year", "t = 0", "in-house at target service", "payback",
                   "Excel's `NPV(rate, values)` discounts its first value by one full period"):
        assert phrase.lower() in text.lower(), phrase
