"""Shared fixtures. Tests that need LibreOffice use the ``soffice`` fixture: skipped with the reason
when it is absent locally, a failure under CI (CI=true) where it must be installed. A workbook is
built once per run and case, for every xdist worker (``built_book``, ``example_book``): a test that
changes one works on a copy. A built workbook is loaded by openpyxl once per run too
(``loaded_book``): each test gets its own copy of the loaded workbook."""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/workbook_helpers.py

#: Modules whose module-scoped fixtures are dear (one LibreOffice start for many books, a rebuild of
#: the example, every French command run once: a build among them, 9 s of CPU): each runs all its tests
#: on one xdist worker, so such a fixture runs once, not once on every worker (the parity batch of
#: seven books ran twice on two cores).
ONE_WORKER = frozenset(("test_parity.py", "test_live_edits.py", "test_tender.py", "test_bad_input_matrix.py",
                        "test_portfolio.py", "test_french.py"))


def pytest_xdist_make_scheduler(config, log):
    """``-n``'s default distribution (``--dist load``), but the tests of a module of :data:`ONE_WORKER`
    go to one worker together. xdist's own ``--dist loadgroup`` would do it from ``xdist_group``
    marks, but it marks tests by rewriting their node ids, which pytest 9.2 no longer honours
    (pytest-xdist issue 1386): the marks are silently ignored."""
    if config.getvalue("dist") != "load":
        return None  # a distribution asked for on the command line
    from xdist.scheduler import LoadScopeScheduling

    class DearModulesOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module.rpartition("/")[2] in ONE_WORKER else nodeid
    return DearModulesOnOneWorker(config, log)


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


@dataclass(frozen=True)
class Built:
    """A workbook built once for the session, and the plan of its layout."""

    path: Path
    plan: object  # xlmodel.workbook.layout.Plan


def _run_folder(tmp_path_factory) -> Path:
    """A folder of this run that every xdist worker sees (the parent of their base temporary
    folders), or this process's own without xdist or without ``fcntl`` to lock it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") and _fcntl() is not None else base


def _fcntl():
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    return fcntl


@contextmanager
def _locked(path: Path):
    """Hold an exclusive lock on ``path`` (a lock file) across the processes of the run."""
    fcntl = _fcntl()
    if fcntl is None:
        yield
        return
    with open(path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """``built_book(name, lang)``: the workbook of a parity case (tests/workbook_helpers.py), in
    ``lang`` (the case's own language by default), built once per run: the first xdist worker to ask
    builds it, under a lock, and the others read it and its plan (pickled) from the run's folder.
    ``built_book(name, case=...)`` does the same for another case, ``name`` naming it (and its file).
    Copy it before changing it."""
    from xlmodel.workbook.build import build_file
    from workbook_helpers import parity_case
    books: dict[tuple[str, str], Built] = {}
    shared = _run_folder(tmp_path_factory) / "built_books"
    shared.mkdir(exist_ok=True)

    def get(name: str = "example", lang: str | None = None, case=None) -> Built:
        case = parity_case(name) if case is None else case
        key = (name, lang or case.case.language)
        if key not in books:
            folder = shared / f"{name}_{key[1]}"
            path, plan_file = folder / f"{name}.xlsx", folder / "plan.pickle"
            with _locked(shared / f"{name}_{key[1]}.lock"):
                if not plan_file.is_file():
                    folder.mkdir(exist_ok=True)
                    plan = build_file(case, path, lang=key[1]).plan
                    plan_file.write_bytes(pickle.dumps(plan))  # last: a plan file means a whole book
                books[key] = Built(path, pickle.loads(plan_file.read_bytes()))
        return books[key]
    return get


@pytest.fixture(scope="session")
def example_book(built_book) -> Path:
    """The example case's workbook, built once per session: copy it before changing it."""
    return built_book("example").path


def _pickled(wb) -> bytes:
    """``wb`` pickled. openpyxl's ``TableList`` (a dict of a sheet's tables) lists its items as
    ``(name, ref)``, which pickle would store in place of the tables: it is pickled by its dict's own
    items here (without changing how anything else in the process pickles it)."""
    from openpyxl.worksheet.table import TableList
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[TableList] = lambda tables: (TableList, (), None, None, iter(dict.items(tables)))
    pickler.dump(wb)
    return out.getvalue()


@pytest.fixture(scope="session")
def loaded_book(tmp_path_factory):
    """``loaded_book(path)``: the workbook at ``path`` as ``openpyxl.load_workbook(path)`` returns it
    (formulas, styles, validations, comments), a new copy at each call, which the test may change and
    save. openpyxl translates each shared formula of a built workbook in pure Python: a load of the
    example costs about 9 s of CPU (65 000 formulas), a copy about 1 s. The first xdist worker to ask
    for a file's content loads it, under a lock, and pickles it into the run's folder; every call
    then unpickles it. Keyed by the file's bytes, so a copy of a built book finds it too."""
    from openpyxl import load_workbook
    shared = _run_folder(tmp_path_factory) / "loaded_books"
    shared.mkdir(exist_ok=True)

    def get(path) -> object:
        key = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:32]
        pickled = shared / f"{key}.pickle"
        with _locked(shared / f"{key}.lock"):
            if not pickled.is_file():
                part = pickled.with_suffix(".part")
                part.write_bytes(_pickled(load_workbook(path)))
                part.replace(pickled)  # last: a pickle file means a whole workbook
        return pickle.loads(pickled.read_bytes())
    return get
