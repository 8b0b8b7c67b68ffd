"""Shared fixtures. Tests that need LibreOffice use the ``soffice`` fixture: skipped with the reason
when it is absent locally, a failure under CI (CI=true) where it must be installed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/workbook_helpers.py


@pytest.fixture(scope="session")
def soffice() -> str:
    from xlmodel.workbook.libreoffice import find_soffice
    path = find_soffice()
    if path is None:
        message = "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui"
        # CI services set CI=true; "false" or "0" means a local run that merely exports the name.
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(message + " (required under CI)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def example_book(tmp_path_factory) -> Path:
    """The example case's workbook, built once per session: copy it before changing it."""
    from xlmodel.case import example_case
    from xlmodel.workbook.build import build_file
    book = tmp_path_factory.mktemp("example") / "book.xlsx"
    build_file(example_case(), book)
    return book
