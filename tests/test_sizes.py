"""The house's sizes: no module over 400 lines and no function over 60 lines in xlmodel/, udfs/ and
cli.py, unless its top says why (a module's docstring, a function's docstring or first comment,
naming the limit it passes: "400 lines", "60 lines").

``python tests/test_sizes.py`` lists the offenders.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_LINES, FUNCTION_LINES = 400, 60


def sources() -> list[Path]:
    return [ROOT / "cli.py", *sorted((ROOT / "xlmodel").rglob("*.py")), *sorted((ROOT / "udfs").rglob("*.py"))]


def _top(text: str, node) -> str:
    """A function's docstring and the comment lines right under its signature."""
    doc = ast.get_docstring(node) or ""
    lines = text.splitlines()[node.body[0].lineno - 1:node.body[0].lineno + 2]
    return doc + " ".join(line for line in lines if line.strip().startswith("#"))


def offenders(path: Path, text: str | None = None) -> list[str]:
    """What is over the limits in one file, without a word at its top saying why."""
    text = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(text)
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = []
    lines = len(text.splitlines())
    if lines > MODULE_LINES and f"{MODULE_LINES} lines" not in (ast.get_docstring(tree) or ""):
        found.append(f"{name}: {lines} lines")
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > FUNCTION_LINES and f"{FUNCTION_LINES} lines" not in _top(text, node):
                found.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    return found


def test_no_module_over_400_lines_nor_function_over_60_without_a_reason():
    assert len(sources()) > 40
    assert [line for path in sources() for line in offenders(path)] == []


def test_the_check_finds_a_long_function_and_accepts_a_stated_reason():
    long_body = "".join(f"    x{i} = {i}\n" for i in range(60))
    assert offenders(ROOT / "xlmodel" / "new.py", "def f():\n" + long_body) == ["xlmodel/new.py:1 f(): 61 lines"]
    reasoned = 'def f():\n    """Over 60 lines: one table read top to bottom."""\n' + long_body
    assert offenders(ROOT / "xlmodel" / "new.py", reasoned) == []
    assert offenders(ROOT / "xlmodel" / "new.py", "x = 1\n" * 401) == ["xlmodel/new.py: 401 lines"]


if __name__ == "__main__":
    for path in sources():
        for line in offenders(path):
            print(line)
