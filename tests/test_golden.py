"""Golden files, in XlsxWriter's manner: the example workbook, in English and in French, compared
part by part with a committed reference (``tests/golden/``).

A build is deterministic (fixed document properties, zip dates and entry order). One thing is
normalised: the cached value of a numeric cell is compared to 12 significant digits and 6 decimals,
because its last bits follow the numpy build and summation order of the machine (a fresh CI machine
installs another numpy than the one that wrote the reference: 4913133.524679004 against ...005, and
a difference of two equal NPVs -9.3e-10 against -1.9e-09). Any other
change to the output fails here with a diff of the parts it touched, and becomes a visible,
reviewed change when the references are regenerated::

    XLMODEL_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("XLMODEL_UPDATE_GOLDEN", "").strip() not in ("", "0")


_NUMBER = re.compile(rb"<v>(-?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?)</v>")


def _rounded(match: re.Match) -> bytes:
    value = round(float(match.group(1)), 6) + 0.0  # + 0.0: -0.0 reads as 0
    return b"<v>%s</v>" % format(value, ".12g").encode()


def _parts(path: Path) -> dict[str, bytes]:
    """Each part of the file, its cached numbers rounded (see the module's docstring)."""
    with zipfile.ZipFile(path) as z:
        return {name: _NUMBER.sub(_rounded, z.read(name)) if name.endswith(".xml") else z.read(name)
                for name in z.namelist()}


def _lines(data: bytes) -> list[str]:
    """An XML part as one tag per line, so that a diff points at the element that changed."""
    text = data.decode("utf-8", errors="replace")
    return re.sub(r">\s*<", ">\n<", text).splitlines()


def _report(expected: dict[str, bytes], actual: dict[str, bytes], limit: int = 60) -> str:
    out = []
    for name in sorted(expected.keys() - actual.keys()):
        out.append(f"part removed: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        out.append(f"part added: {name}")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            diff = list(difflib.unified_diff(_lines(expected[name]), _lines(actual[name]), f"golden/{name}",
                                             f"built/{name}", n=1, lineterm=""))
            out.append(f"part changed: {name} ({sum(l.startswith(('+', '-')) for l in diff) - 2} lines)")
            out.extend(diff[:limit])
    return "\n".join(out)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_example_workbook_matches_its_golden_file(lang, built_book):
    reference = GOLDEN / f"example_{lang}.xlsx"
    built = built_book("example", lang).path
    if UPDATE:
        shutil.copyfile(built, reference)
    expected, actual = _parts(reference), _parts(built)
    assert expected.keys() == actual.keys() and all(expected[k] == actual[k] for k in expected), \
        "the built workbook differs from tests/golden (regenerate with XLMODEL_UPDATE_GOLDEN=1 once the " \
        "change is intended):\n" + _report(expected, actual)
