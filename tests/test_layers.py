"""The layers of the house: a module may import its own layer and the layers below it, never above.

    inputs -> model -> calculation -> analytics -> text -> workbook and tender -> cli and udfs

Imports are read from the source with ``ast`` (nothing is imported): module level, inside
functions (lazy imports) and under ``if TYPE_CHECKING`` alike. A module the table below does not
place is an error too: a new module says where it stands.
"""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LAYERS = ("inputs", "model", "calculation", "analytics", "text", "workbook and tender", "cli and udfs")

# Module name patterns (fnmatch) -> layer; the longest matching pattern wins.
PLACES = {
    "xlmodel": "inputs",  # the package itself
    "xlmodel.schema": "inputs", "xlmodel.case": "inputs", "xlmodel.errors": "inputs",
    "xlmodel.arguments": "inputs", "xlmodel.limits": "inputs", "xlmodel.portfolios": "inputs",
    # The weekly arrival profile: read and validated with the case, its shift cover a numpy function
    # of whole agents; it imports nothing of the package.
    "xlmodel.profile": "inputs",
    "xlmodel.model": "model", "xlmodel.model.*": "model",
    # Finance (NPV, IRR...) is a library of the model's language (irr() in model/functions.py) and
    # imports only xlmodel.arguments: it stands in the model layer.
    "xlmodel.finance": "model",
    "xlmodel.engine": "calculation", "xlmodel.erlang": "calculation", "xlmodel.erlang.*": "calculation",
    "xlmodel.staffing": "calculation", "xlmodel.unit_costs": "calculation", "xlmodel.frames": "calculation",
    "xlmodel.analytics": "analytics", "xlmodel.analytics.*": "analytics",
    "xlmodel.text": "text", "xlmodel.text.*": "text",
    "xlmodel.workbook": "workbook and tender", "xlmodel.workbook.*": "workbook and tender",
    "xlmodel.tender": "workbook and tender", "xlmodel.tender.*": "workbook and tender",
    "xlmodel.cli": "cli and udfs", "cli": "cli and udfs", "udfs": "cli and udfs", "udfs.*": "cli and udfs",
}


def layer_of(module: str) -> str | None:
    """The layer of a dotted module name, or None when no pattern places it.

    >>> layer_of("xlmodel.text.sentences"), layer_of("xlmodel.workbook.sheets.compare"), layer_of("numpy")
    ('text', 'workbook and tender', None)
    """
    matches = [pattern for pattern in PLACES if fnmatch.fnmatchcase(module, pattern)]
    return PLACES[max(matches, key=len)] if matches else None


def ours(module: str) -> bool:
    return module.split(".")[0] in ("xlmodel", "udfs", "cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool) -> set[str]:
    """Every module of ours that ``source`` (the text of ``module``) imports, anywhere in the file.

    ``from X import name`` counts as importing ``X.name`` when that is a module of ours, else ``X``.

    >>> sorted(imported_modules("from ..engine import compare\\ndef f():\\n    from . import drivers",
    ...                         "xlmodel.analytics.summary", False))
    ['xlmodel.analytics.drivers', 'xlmodel.engine']
    """
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _is_module(candidate) else target)
    return {name for name in found if ours(name)}


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def sources() -> list[Path]:
    files = [ROOT / "cli.py"]
    for package in ("xlmodel", "udfs"):
        files += sorted((ROOT / package).rglob("*.py"))
    return files


def violations(files: list[Path] | None = None, read=lambda path: path.read_text(encoding="utf-8")) -> list[str]:
    problems = []
    for path in files or sources():
        module = module_name(path)
        own = layer_of(module)
        if own is None:
            problems.append(f"{module}: no layer; place it in tests/test_layers.py PLACES")
            continue
        for target in sorted(imported_modules(read(path), module, path.name == "__init__.py")):
            theirs = layer_of(target)
            if theirs is None:
                problems.append(f"{module} imports {target}, which has no layer")
            elif LAYERS.index(theirs) > LAYERS.index(own):
                problems.append(f"{module} ({own}) imports {target} ({theirs}), a higher layer")
    return problems


def test_every_module_imports_only_its_own_layer_and_those_below():
    assert violations() == []


def test_every_module_of_the_tree_has_a_layer():
    assert len(sources()) > 40
    assert all(layer_of(module_name(path)) for path in sources())


@pytest.mark.parametrize("module, source, expected", [
    ("xlmodel/finance.py", "def f():\n    from .workbook import book\n",
     "xlmodel.finance (model) imports xlmodel.workbook.book (workbook and tender), a higher layer"),
    ("xlmodel/analytics/summary.py", "from ..text import sentences\n",
     "xlmodel.analytics.summary (analytics) imports xlmodel.text.sentences (text), a higher layer"),
    ("xlmodel/model/rows.py",
     "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from xlmodel.engine import Comparison\n",
     "xlmodel.model.rows (model) imports xlmodel.engine (calculation), a higher layer"),
    ("xlmodel/newcomer.py", "import numpy\n", "xlmodel.newcomer: no layer; place it in tests/test_layers.py PLACES"),
])
def test_the_checker_catches_an_import_upwards(module, source, expected):
    """The check can fail: a lazy import, a relative one, a type-only one, an unplaced module."""
    assert violations([ROOT / module], read=lambda path: source) == [expected]


def test_imports_downwards_and_sideways_pass():
    source = "from .engine import compare\nfrom . import erlang, finance\nimport numpy\nfrom .case import Case\n"
    assert violations([ROOT / "xlmodel/frames.py"], read=lambda path: source) == []
