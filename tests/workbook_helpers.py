"""Shared helpers of the tests: run the command line in process, build a case, read formulas as patterns
and tokens."""

from __future__ import annotations

import dataclasses
import os
import re
from functools import lru_cache
from pathlib import Path

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils import column_index_from_string

from xlmodel.case import example_case, load_case

ROOT = Path(__file__).resolve().parent.parent
PARITY_CASES = {
    "example": None,
    "hybrid_share": ROOT / "workbooks" / "examples" / "hybrid_share.toml",
    "hybrid_overflow_one_year": ROOT / "workbooks" / "examples" / "hybrid_overflow_one_year.toml",
    "hybrid_channel_ten_years": ROOT / "workbooks" / "examples" / "hybrid_channel_ten_years.toml",
    "portfolio_by_channel": ROOT / "workbooks" / "examples" / "portfolio_by_channel.toml",  # issue 14
    # Issue 14: a phased portfolio (a pilot, then a share), in English and, the same case, in French.
    "portfolio_phased": ROOT / "workbooks" / "examples" / "portfolio_phased.toml",
    "portfolio_phased_fr": ROOT / "workbooks" / "examples" / "portfolio_phased.toml",
    # Issue 15: Erlang A sizing (GAMMADIST, GAMMALN), in English and, the same case, in French.
    "erlang_a": ROOT / "workbooks" / "examples" / "erlang_a.toml",
    "erlang_a_fr": ROOT / "workbooks" / "examples" / "erlang_a.toml",
    # Issue 15, real schedules: a weekly arrival profile (its shifts sized in Python), in both languages.
    "arrival_profile": ROOT / "workbooks" / "examples" / "arrival_profile.toml",
    "arrival_profile_fr": ROOT / "workbooks" / "examples" / "arrival_profile.toml",
    # Issue 14: the way back in-house and continuity, in English and, the same case, in French.
    "reinternalisation": ROOT / "workbooks" / "examples" / "reinternalisation.toml",
    "reinternalisation_fr": ROOT / "workbooks" / "examples" / "reinternalisation.toml",
}
#: Parity cases built in another language than their file's.
PARITY_LANGUAGES = {"erlang_a_fr": "fr", "arrival_profile_fr": "fr", "reinternalisation_fr": "fr",
                    "portfolio_phased_fr": "fr"}

# Functions of the Excel 2010 set that the builder may use (a deliberate, short list).
EXCEL_2010_FUNCTIONS = {
    "SUM", "SUMIF", "SUMPRODUCT", "INDEX", "MATCH", "IF", "IFERROR", "MIN", "MAX", "ROUND", "ROUNDUP",
    "EXP", "IRR", "AVERAGE", "ABS", "COUNTIF", "DATE", "FIXED", "TEXT", "AND", "OR", "NOT", "ISNUMBER", "ISERROR",
    "NA", "POISSON", "ROUNDDOWN", "LN", "SUMXMY2", "GAMMADIST", "GAMMALN",
    "SUBSTITUTE",  # the headline's scenario label after its colon: "Recommended: Outsourced – Acme"
}
ALLOWED_LITERALS = {0.0, 1.0, 12.0}

_REF = re.compile(r"(?<![A-Za-z_\d.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])")


@lru_cache(maxsize=None)
def parity_case(name: str):
    path = PARITY_CASES[name]
    case = example_case() if path is None else load_case(path)
    if name in PARITY_LANGUAGES:
        case = case.replace(case=dataclasses.replace(case.case, language=PARITY_LANGUAGES[name]))
    return case


def relative_pattern(formula: str, column: int, row: int) -> str:
    """The formula with relative references written as offsets, as Excel's R1C1 notation does."""
    def repl(m):
        col_abs, letters, row_abs, digits = m.groups()
        c = f"C{column_index_from_string(letters)}" if col_abs else f"C[{column_index_from_string(letters) - column}]"
        r = f"R{digits}" if row_abs else f"R[{int(digits) - row}]"
        return r + c
    return _REF.sub(repl, formula)


def formula_tokens(formula: str):
    return Tokenizer(formula).items


@lru_cache(maxsize=None)
def _functions_and_numbers(shape: str) -> tuple[frozenset, frozenset]:
    tokens = formula_tokens(shape)
    return (frozenset(t.value.rstrip("(").upper() for t in tokens if t.type == Token.FUNC and t.subtype == Token.OPEN),
            frozenset(float(t.value) for t in tokens if t.type == Token.OPERAND and t.subtype == Token.NUMBER))


def _shape(formula: str) -> str:
    """The formula with every cell reference made ``A1``: the functions and numbers it uses, with
    one tokenisation for all the month columns of a row (openpyxl's tokenizer is pure Python)."""
    return _REF.sub("A1", formula)


def functions_in(formula: str) -> set[str]:
    return set(_functions_and_numbers(_shape(formula))[0])


def numbers_in(formula: str) -> set[float]:
    return set(_functions_and_numbers(_shape(formula))[1])


def all_formulas(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    yield ws.title, cell


def run_cli(args, capsys) -> tuple[int, str, str]:
    """Run the program in process, as ``python cli.py ARGS`` would: (exit status, stdout, stderr).

    Arguments may be paths; they are passed as text.
    """
    import pytest

    from xlmodel import cli as cli_module
    with pytest.raises(SystemExit) as info:
        cli_module.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return info.value.code, out, err


def run_cli_plain(args) -> tuple[int, str, str]:
    """:func:`run_cli` without pytest's capture (in a module or session fixture): (status, stdout, stderr)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from xlmodel import cli as cli_module
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            cli_module.main([str(a) for a in args])
        except SystemExit as exc:
            return exc.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def assert_refused_and_nothing_written(data: dict, location: str, words: str, tmp_path, capsys) -> None:
    """A case mapping the case reader refuses with ``words`` at ``location``, and the same case as a
    file: ``build`` exits 2 with that located error, no traceback, and writes no workbook."""
    import pytest
    import tomli_w

    from xlmodel.case import case_from_mapping
    from xlmodel.errors import InputError

    with pytest.raises(InputError) as info:
        case_from_mapping(data)
    found = [p for p in info.value.problems if p.location == location]
    assert found and words in found[0].message, info.value.problems
    path = tmp_path / "bad.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    code, out, err = run_cli(["build", path, "-o", tmp_path / "bad.xlsx"], capsys)
    assert code == 2 and f"error: {location}: " in err and "Traceback" not in err
    assert not (tmp_path / "bad.xlsx").exists()


def recalculated_side_by_side(paths, out_dir, starts: int = 2) -> list:
    """``xlmodel.workbook.libreoffice.recalculated_values(paths, out_dir)``, the same values in the
    same order, from ``starts`` starts of LibreOffice run side by side (each with its own profile and
    output folder, one per core): a batch of books is one LibreOffice process, which keeps one core
    busy. The books are shared out by size, so that the starts end together."""
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    from xlmodel.workbook.libreoffice import recalculated_values
    paths = [Path(p) for p in paths]
    starts = max(1, min(starts, len(paths), os.cpu_count() or 1))
    groups, sizes = [[] for _ in range(starts)], [0] * starts
    for i in sorted(range(len(paths)), key=lambda i: -paths[i].stat().st_size):
        k = sizes.index(min(sizes))
        groups[k].append(i)
        sizes[k] += paths[i].stat().st_size
    with ThreadPoolExecutor(starts) as pool:
        done = list(pool.map(lambda k: recalculated_values([paths[i] for i in groups[k]], Path(out_dir) / f"start{k}"),
                             range(starts)))
    values = [None] * len(paths)
    for group, books in zip(groups, done):
        for i, book in zip(group, books):
            values[i] = book
    return values
