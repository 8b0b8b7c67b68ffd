"""Build a workbook file: build the workbook, then write it safely and deterministically."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from ..case import Case
from ..engine import compare
from ..text.sentences import recommendation
from .book import build_workbook
from .content import RISK_DRAWS
from .layout import Plan
from .files import book_lock, keep_backup, refuse_if_locked, write_atomic
from .parts import store_values, workbook_parts, zip_parts
from .verify import recalculate, verify


@dataclass
class BuildReport:
    path: Path
    scenarios: int
    months: int
    rows: int  # line items of the Calc sheet
    recommendation: str
    plan: Plan  # where everything is in the workbook
    backup: Path | None = None


_JOB = None  # (case, comparison) handed to a forked worker without pickling


def _slow_job():
    from ..analytics.breakeven import break_even
    case, result = _JOB
    return break_even(case, result)


def _die_with_parent(parent: int) -> None:
    """Run in the forked break-even worker: end it when the build that forked it ends, however it ends.

    A build killed with SIGKILL cannot stop its worker, and the worker, holding its own copy of the
    pipe's write end, would wait for work forever. On Linux the kernel sends it SIGKILL when its
    parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere, and for a parent gone before that call,
    a thread checks every half second that the parent is still the one that forked it.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


_ANALYSES: OrderedDict = OrderedDict()
"""The analytics of the last cases built in this process, by (case, draws): a pure function of the
case (its Monte Carlo seed included), about 0.9 s of CPU on the example, that a rebuild of the same
case, or its book in the other language, need not compute again."""
_ANALYSES_KEPT = 8


def workbook_analysis(result, draws: int = RISK_DRAWS, parallel: bool = True):
    """Start the decision analytics the workbook shows; returns a function that finishes them.

    The break-evens (dozens of engine runs, and scipy's import) go to a second core where the
    platform can fork; the caller builds the other sheets meanwhile and calls the function when the
    Risk sheet needs the results.
    """
    global _JOB
    # The analytics hold figures only (the analytics layer has no words): the same in either language.
    key = (result.case.replace(case=replace(result.case.case, language="en")), draws)
    if key in _ANALYSES:  # the same case built again in this process: a rebuild, or another language
        _ANALYSES.move_to_end(key)
        done = _ANALYSES[key]
        return lambda: done
    pool = future = None
    if parallel and "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
        _JOB = (result.case, result)
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
        future = pool.submit(_slow_job)

    def finish():
        global _JOB
        from ..analytics.economics import economic_view
        from ..analytics.montecarlo import run_risk
        from ..analytics.sensitivity import tornado
        from ..analytics.scoring import score_vendors
        from ..analytics.summary import Analysis
        try:
            ranking, economics = score_vendors(result), economic_view(result)
            sensitivity = tornado(result.case, result)
            risk = run_risk(result.case, draws, None, comparison=result)
            if future is not None:
                be = future.result()
            else:
                _JOB = (result.case, result)
                be = _slow_job()
        finally:
            _JOB = None
            if pool is not None:
                pool.shutdown()
        analysis = _ANALYSES[key] = Analysis(economics, ranking, be, sensitivity, risk)
        while len(_ANALYSES) > _ANALYSES_KEPT:
            _ANALYSES.popitem(last=False)
        return analysis

    return finish


def build_file(case: Case, path: str | Path, lang: str = "en", backup: bool = True,
               parallel: bool = True, force: bool = False, previous=None) -> BuildReport:
    """Write the workbook of ``case`` to ``path``; the previous file stays whole if anything fails.

    The workbook is recalculated in process by a second engine and compared with the engine
    before anything is written (:mod:`xlmodel.workbook.verify`): a disagreement raises
    :class:`~xlmodel.workbook.verify.VerificationError`, with no backup kept and nothing written;
    the same recalculation gives every formula cell its stored value.

    An existing workbook is first kept beside it with a timestamp (``NAME.2026-11-22T103000.xlsx``,
    ``-2`` for a second one in the same second; :func:`~xlmodel.workbook.files.keep_backup`), unless
    ``backup=False``. The whole build holds the book's lock (:func:`~xlmodel.workbook.files.book_lock`).
    ``parallel=False`` keeps the work on one core (a batch already gives each core a workbook).

    A workbook already at ``path`` is compared with the new one first: what the user added outside
    the input cells (a sheet, a note, a comment: :mod:`xlmodel.workbook.additions`) refuses the build
    with each addition located, unless ``force``. ``previous`` is that workbook when the caller has
    already read it (an :class:`~xlmodel.workbook.additions.PreviousBook`).

    Raises
    ------
    InputError
        Additions a rebuild would drop (without ``force``), or a previous file that cannot be
        read as a workbook (without ``force``); nothing is written.
    """
    path = Path(path)
    refuse_if_locked(path)  # before any work, and before the backup: a refused build leaves nothing
    with book_lock(path):
        if path.is_file() and not force and previous is None:
            previous = _previous(path)
        return _build_locked(case, path, lang, backup, parallel, None if force else previous)


def _previous(path: Path):
    from ..errors import InputError
    from .additions import PreviousBook
    from .untrusted import open_untrusted
    try:
        opened = open_untrusted(path, read_only=True)
        opened.wb.close()  # the sheets are parsed from the checked bytes when the check asks for them
        return PreviousBook(path, opened)
    except InputError as exc:
        raise _cannot_check(path, exc) from None


def _cannot_check(path: Path, exc):
    from ..errors import InputError, Problem
    return InputError(list(exc.problems) + [Problem.of(str(path), "cannot_check")], exc.lang)


def _build_locked(case: Case, path: Path, lang: str, backup: bool, parallel: bool, previous) -> BuildReport:
    # The workbook's own "Workbook language" input says the language it is written in, so a rebuild
    # over it (which reads its inputs) keeps that language.
    case = case.replace(case=replace(case.case, language=lang))
    result = compare(case)
    finish, finished = workbook_analysis(result, parallel=parallel), []

    def analysis():  # finished once, shared with the comparison build below
        if not finished:
            finished.append(finish())
        return finished[0]
    wb, plan = build_workbook(case, lang, result, analysis)
    if previous is not None:
        from ..errors import InputError
        from .additions import additions, refusal_problems, written_language
        try:  # the previous book's sheets are parsed here, when the check needs them
            old_lang, same_words = written_language(previous), None
            if old_lang not in (None, lang):  # the labels changed language: tell ours by the old words
                same_words, _ = build_workbook(case.replace(case=replace(case.case, language=old_lang)), old_lang,
                                               result, analysis)
            found = additions(previous, wb, same_words)
        except InputError as exc:
            raise _cannot_check(path, exc) from None
        if found:
            raise InputError(refusal_problems(path, found))
    parts = workbook_parts(wb)
    book = recalculate(parts, lang)
    verify(book, plan, result, lang)  # before the backup and the write: a refused build leaves nothing
    data = zip_parts(store_values(parts, book.stored))
    kept = keep_backup(path) if backup and path.is_file() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return BuildReport(path, len(result.scenarios), case.months, len(result.evaluation.model.rows),
                       recommendation(result, lang), plan, kept)


@dataclass
class BatchItem:
    """The outcome of one case of a batch: a report, or the problems that stopped it."""

    case_file: Path
    output: Path
    seconds: float
    report: BuildReport | None = None
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.report is not None


def batch_outputs(case_files: list[Path], out_dir: Path) -> list[tuple[Path, Path]]:
    """(case file, workbook) pairs: ``OUT_DIR/<case name>.xlsx``; two cases of one name are refused."""
    from ..errors import InputError, Problem
    pairs, seen = [], {}
    for case_file in case_files:
        target = out_dir / (case_file.stem + ".xlsx")
        if target in seen:
            raise InputError(Problem.of(str(case_file), "batch_same_target", target=str(target),
                                        first=str(seen[target])))
        seen[target] = case_file
        pairs.append((case_file, target))
    return pairs


def _build_one(case_file: Path, output: Path, lang: str | None, force: bool = False) -> BatchItem:
    """Build one case of a batch; bad input and refusals become the item's errors, never an exception."""
    import time

    from ..case import load_case
    from ..errors import InputError
    from ..text.failures import Said
    started, case = time.perf_counter(), None
    try:
        case = load_case(case_file)
        report = build_file(case, output, lang=lang or case.case.language, backup=True, parallel=False, force=force)
        return BatchItem(case_file, output, time.perf_counter() - started, report)
    except InputError as exc:  # said in the batch's language (its --lang, or the case's)
        from ..text.problems import problem_line
        said = lang or (case.case.language if case is not None else None) or exc.lang or "en"
        errors = tuple(problem_line(p, said) for p in exc.problems)
    except Said as exc:  # a book open in Excel, a refused write: said in the batch's language
        errors = (exc.said(lang or (case.case.language if case is not None else "en")),)
    except Exception as exc:  # noqa: BLE001 - one case's failure must not stop the batch
        errors = (f"{type(exc).__name__}: {exc}",)
    return BatchItem(case_file, output, time.perf_counter() - started, None, errors)


def build_batch(case_files: list[Path], out_dir: Path, lang: str | None = None, workers: int | None = None,
                force: bool = False):
    """Build one workbook per case file into ``out_dir``, one case per core; yields each
    :class:`BatchItem` as it finishes (in completion order). A bad case never stops the others.
    """
    from concurrent.futures import as_completed
    pairs = batch_outputs(case_files, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers or os.cpu_count() or 1, len(pairs)))
    if workers == 1:
        for case_file, output in pairs:
            yield _build_one(case_file, output, lang, force)
        return
    with ProcessPoolExecutor(workers) as pool:
        futures = [pool.submit(_build_one, case_file, output, lang, force) for case_file, output in pairs]
        for future in as_completed(futures):
            yield future.result()
