"""`build` end to end: example by default, inputs kept on rebuild, located errors, nothing lost."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys

import pytest

from xlmodel.case import example_case
from xlmodel.engine import compare
from xlmodel.workbook.reader import read_workbook_case

from workbook_helpers import ROOT, parity_case, run_cli as run




@pytest.mark.parametrize("name", ["example", "hybrid_channel_ten_years"])
def test_workbook_reads_back_to_the_same_case(built_book, name):
    assert read_workbook_case(built_book(name).path) == parity_case(name)


def test_rebuild_keeps_the_inputs_typed_into_the_workbook(example_book, loaded_book, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    wb = loaded_book(example_book)
    wb["Vendors"]["D5"] = 29.75  # first quote's price
    salary = wb.defined_names["inhouse_gross_salary"].attr_text.split("!")[1].replace("$", "")
    wb["Inputs"][salary] = 25500
    wb.save(book)
    code, stdout, stderr = run(["build", "-o", str(book)], capsys)
    assert code == 0, stderr
    case = read_workbook_case(book)
    assert case.vendors[0].price == 29.75 and case.inhouse.gross_salary == 25500
    assert "the inputs of" in stdout


# A negative price typed in the workbook (Vendors!D6), refused by `build -o` and `validate` with its cell
# and nothing written: tests/test_bad_input_matrix.py's "negative price" row (test_bad_workbook_input)
# asserts it, with the whole message and every file of the folder unchanged (a test here asserted a
# part of the same on another save of the same edit).


def test_compare_of_a_workbook_equals_compare_of_its_case(built_book, capsys):
    case = parity_case("hybrid_share")
    code, stdout, _ = run(["compare", str(built_book("hybrid_share").path), "--json", "--no-analytics"], capsys)
    assert code == 0
    import json
    assert json.loads(stdout) == json.loads(json.dumps(compare(case).as_json()))


def test_build_with_a_case_file_keeps_a_dated_backup(example_book, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    shutil.copy(example_book, book)
    code, stdout, _ = run(["build", str(ROOT / "workbooks/examples/hybrid_share.toml"), "-o", str(book)], capsys)
    assert code == 0
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("book.") and p.name != "book.xlsx"]
    assert len(backups) == 1 and "kept as" in stdout


def test_readme_main_command_builds_the_example_workbook_from_the_repo_root(tmp_path):
    """`python cli.py build` is the README's main job; run it as a user would (in a scratch copy of the
    output): it writes the example's workbook and says so. Where the break-evens run on a second
    core, the parent process never imports scipy (its import costs about 0.3 s of CPU): the worker
    alone needs it."""
    out = tmp_path / "outsourcing_model.xlsx"
    script = ("import runpy, sys\n"
              f"sys.argv = ['cli.py', 'build', '-o', {str(out)!r}]\n"
              "try:\n    runpy.run_path('cli.py', run_name='__main__')\n"
              "finally:\n    print('scipy in parent:', 'scipy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "the embedded example case" in done.stdout
    assert read_workbook_case(out) == example_case()
    forks = "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1
    assert f"scipy in parent: {not forks}" in done.stdout
