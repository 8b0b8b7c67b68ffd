"""Round-trip: every input typed into a workbook survives a rebuild; export-case builds the same
workbook again; an interrupted or refused build changes no byte; batch build (issue 5)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from xlmodel.case import example_case, load_case
from xlmodel.engine import compare
from xlmodel.schema import INHOUSE
from xlmodel.workbook.reader import read_workbook_case
from xlmodel.workbook.sheetnames import titles_in
from xlmodel.text import choice_value
from xlmodel.text.choices import CHOICES

from workbook_helpers import ROOT, run_cli as run

INPUT_SHEETS = ("Inputs", "Channels", "Vendors", "Hybrid")




def input_cells(wb):
    """Every input cell of the input sheets with the data-validation rule that guards it."""
    for name in INPUT_SHEETS:
        ws = wb[name]
        rule_of = {}
        for dv in ws.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                for row in ws.iter_rows(min_row=rng.min_row, max_row=rng.max_row,
                                        min_col=rng.min_col, max_col=rng.max_col):
                    for cell in row:
                        rule_of[cell.coordinate] = dv
        for row in ws.iter_rows():
            for cell in row:
                if cell.protection.locked is False:
                    yield cell, rule_of.get(cell.coordinate)


def other_valid_value(cell, rule):
    """A value different from the cell's that its own data-validation rule accepts."""
    value = cell.value
    if rule.type == "list":
        choices = rule.formula1.strip('"').split(",")
        return choices[(choices.index(value) + 1) % len(choices)]
    if rule.type == "textLength":
        return f"{value} (edited)" if value else "fr, en"
    lo = float(rule.formula1) if rule.operator in ("between", "greaterThan", "greaterThanOrEqual") else None
    hi = float(rule.formula2) if rule.operator == "between" else (
        float(rule.formula1) if rule.operator in ("lessThan", "lessThanOrEqual") else None)
    if hi is not None and hi > 1e300:
        hi = None
    # About 10 % more (a realistic edit), else halfway to the bound it would cross.
    new = value * 1.1 if value else (hi / 10 if hi else 1)
    if hi is not None and new >= hi:
        new = (value + hi) / 2 if value < hi else (value + lo) / 2
    if rule.type == "whole":
        new = int(round(new)) if round(new) != value else int(value) + (1 if hi is None or value < hi else -1)
    return new


def named_cells(wb, name):
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
    return [wb[sheet].cell(row=r, column=c1) for r in range(r1, r2 + 1)]


def edit_every_input(wb):
    """Give every input cell another valid value; returns {(sheet, cell): new value}.

    Where inputs are bound together the edit keeps the case valid: seasonality and scoring weights
    move in pairs (+0.01 / -0.01, so they still average or sum to 1); a vendor priced per FTE-month with FTE proposed
    keeps its pricing model (FTE proposed applies to it only) and other vendors keep 0 FTE; a vendor
    onshore after the edit takes today's agents over (a staff transfer needs an onshore site) at a new
    uplift, the others keep neither; the weekly arrival profile takes relative weights (a text); the
    hybrid mode moves to 'share' (the 'channel' mode needs its channels flagged); the first vendor
    keeps its hybrid scenario (at least one is needed).
    """
    seasonality = {c.coordinate for c in named_cells(wb, "demand_seasonality")}
    weights = {named_cells(wb, name)[0].coordinate for name in wb.defined_names if name.startswith("scoring_weight_")}
    assert len(seasonality) == 12 and len(weights) == 8  # even counts: the pairs balance
    vendors = wb["Vendors"]
    header = {vendors.cell(row=4, column=j).value: j for j in range(1, vendors.max_column + 1)}
    pricing_col, fte_col, hybrid_col = header["Pricing model"], header["FTE proposed (per-FTE contracts)"], \
        header["Hybrid scenario"]
    location_col = header["Location"]
    transfer_col = header["Today's agents transfer to the vendor (Code du travail L1224-1)"]
    uplift_col = header["Price uplift for the transferred agents (transfer quotes)"]
    profile = {named_cells(wb, "demand_arrival_days")[0].coordinate: "130 110 100 100 95 65",
               named_cells(wb, "demand_arrival_slots")[0].coordinate: "6 9 12 13 13 12 10 9 9 10"}
    changes = {}
    sign = 1
    renamed = {}
    named = {cell.value for row in wb["Sourcing"].iter_rows() for cell in row} if "Sourcing" in wb.sheetnames else set()
    in_portfolios = {r for r in range(5, vendors.max_row + 1) if vendors.cell(row=r, column=1).value in named}
    for cell, rule in input_cells(wb):
        sheet = cell.parent.title
        if sheet == "Sourcing":  # its assignments must stay consistent: tests/test_portfolio.py, test_phases.py
            continue
        if sheet == "Inputs" and cell.coordinate in seasonality | weights:
            new, sign = round(cell.value + 0.01 * sign, 6), -sign
        elif sheet == "Vendors" and cell.column in (pricing_col, fte_col):
            fte = vendors.cell(row=cell.row, column=fte_col).value
            if fte:  # per-FTE quote with its FTE: change the FTE, not the model
                if cell.column == pricing_col:
                    continue
                new = fte + 5
            elif cell.column == fte_col:
                continue  # 0 FTE: any other value would be refused for a non per-FTE model
            else:
                new = "per_contact" if cell.value != "per_contact" else "per_minute"
        elif sheet == "Vendors" and cell.column == hybrid_col and cell.row == 5:
            continue
        elif sheet == "Vendors" and cell.column == transfer_col:  # a transfer needs an onshore site
            if vendors.cell(row=cell.row, column=location_col).value != "onshore" \
                    or cell.row in in_portfolios:  # a portfolio refuses a staff transfer
                continue
            new = "yes"
        elif sheet == "Vendors" and cell.column == uplift_col:  # an uplift needs a transfer
            if vendors.cell(row=cell.row, column=transfer_col).value != "yes":
                continue
            new = other_valid_value(cell, rule)
        elif sheet == "Inputs" and cell.coordinate in profile:  # relative weights, as a text
            new = profile[cell.coordinate]
        elif sheet == "Hybrid" and cell.coordinate == named_cells(wb, "hybrid_mode")[0].coordinate:
            new = "share" if cell.value != "share" else "overflow"
        elif sheet == "Inputs" and cell.coordinate == named_cells(wb, "reinternalisation_year")[0].coordinate:
            new = 2 if cell.value != 2 else 0  # 0 or from 2 to the horizon (issue 14): 1 is refused
        else:
            new = other_valid_value(cell, rule)
        assert new != cell.value, (sheet, cell.coordinate)
        if sheet == "Vendors" and cell.column == 1:
            renamed[cell.value] = new
        cell.value = new
        changes[(sheet, cell.coordinate)] = new
    if "Sourcing" in wb.sheetnames:  # a renamed vendor is renamed where a portfolio names it, as a user must
        for row in wb["Sourcing"].iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in renamed:
                    cell.value = renamed[cell.value]
    return changes


def test_every_input_typed_into_the_workbook_survives_a_rebuild(example_book, loaded_book, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    wb = loaded_book(example_book)
    changes = edit_every_input(wb)
    # And a quote typed on the first empty row below the vendors table (Excel did not extend it).
    vendors = wb["Vendors"]
    new_row = vendors.max_row + 1
    for column, value in {"A": "Lille Appels", "B": "onshore", "C": "per_hour", "D": 31.5}.items():
        vendors[f"{column}{new_row}"] = value
    wb.save(book)
    edited_case = read_workbook_case(book)

    code, stdout, stderr = run(["build", "-o", book], capsys)
    assert code == 0, stderr
    # The book's inputs, in the book's language (the language input was edited too).
    from xlmodel.text import terminal_words
    assert terminal_words(edited_case.case.language)["cli_origin_inputs"].format(path=book) in stdout

    rebuilt = load_workbook(book, read_only=True)  # the input sheets' cells are read, not the others
    tabs = titles_in(rebuilt.sheetnames)  # the language input was edited too: the tabs may be French now
    held = {(sheet, cell.coordinate): cell.value for sheet in INPUT_SHEETS
            for row in rebuilt[tabs[sheet]].iter_rows() for cell in row if cell.value is not None}
    rebuilt.close()
    every_choice = tuple(value for value, _, _ in CHOICES)

    def found(place):  # what the rebuilt cell holds (a formula as its text), a choice's label as its value
        return choice_value(held.get(place), every_choice)
    lost = {place: (new, found(place)) for place, new in changes.items()
            if found(place) != pytest.approx(new) and found(place) != choice_value(new, every_choice)}
    assert not lost, f"inputs lost by the rebuild (cell: typed, found): {lost}"
    assert len(changes) > 150  # every input cell of the example, bar the few bound ones above
    case = read_workbook_case(book)
    assert case == edited_case
    assert case.vendors[-1].name == "Lille Appels" and case.vendors[-1].price == 31.5
    assert case != example_case()
    code, stdout, _ = run(["compare", book, "--json", "--no-analytics"], capsys)
    assert code == 0 and json.loads(stdout) == json.loads(json.dumps(compare(edited_case).as_json()))


def test_export_case_builds_the_same_workbook_again(example_book, loaded_book, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    wb = loaded_book(example_book)
    wb["Vendors"]["D6"] = 2777.5  # a negotiated price
    wb.save(book)
    code, _, stderr = run(["build", "-o", book], capsys)  # the book as xlmodel writes it
    assert code == 0, stderr
    code, stdout, stderr = run(["export-case", book, "-o", tmp_path / "case.toml"], capsys)
    assert code == 0, stderr
    assert "case.toml" in stdout
    exported = load_case(tmp_path / "case.toml")
    assert exported == read_workbook_case(book) and exported.vendors[1].price == 2777.5
    code, _, stderr = run(["build", tmp_path / "case.toml", "-o", tmp_path / "again.xlsx"], capsys)
    assert code == 0, stderr
    assert (tmp_path / "again.xlsx").read_bytes() == book.read_bytes()


def test_export_case_without_output_prints_the_toml(example_book, capsys):
    code, stdout, _ = run(["export-case", example_book], capsys)
    assert code == 0
    assert stdout.startswith("# Case exported by xlmodel") and "[[vendors]]" in stdout


def test_export_case_refuses_a_target_that_is_not_toml_and_writes_nothing(example_book, tmp_path, capsys):
    code, _, stderr = run(["export-case", example_book, "-o", tmp_path / "case.txt"], capsys)
    assert code == 2 and "must end in .toml" in stderr
    assert not (tmp_path / "case.txt").exists()


def test_build_refuses_a_workbook_open_in_excel_with_exit_1_and_writes_nothing(example_book, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    book.write_bytes(example_book.read_bytes())
    (tmp_path / "~$book.xlsx").write_bytes(b"lock")
    code, stdout, stderr = run(["build", ROOT / "workbooks/examples/hybrid_share.toml", "-o", book], capsys)
    assert code == 1
    assert stderr.startswith("error: ") and "open in Excel" in stderr and "Traceback" not in stderr
    assert book.read_bytes() == example_book.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx", "~$book.xlsx"]  # no backup either


def test_a_build_killed_while_writing_leaves_the_previous_workbook_byte_identical(built_book, tmp_path):
    """A real kill (SIGKILL) of `build` in the middle of writing the new workbook's bytes."""
    book = tmp_path / "book.xlsx"
    previous = built_book("hybrid_share").path  # a book the same case rebuilds (no Sourcing sheet to drop)
    book.write_bytes(previous.read_bytes())
    marker = tmp_path / "writing"
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        import xlmodel.workbook.files as files
        real_fsync = files.os.fsync
        class SlowOs:  # files.py sees this os: the temporary file is half-written when we stop
            def __getattr__(self, name):
                return getattr(os, name)
            @staticmethod
            def fsync(fd):
                Path({str(marker)!r}).write_text("now")
                time.sleep(60)
                real_fsync(fd)
        files.os = SlowOs()
        from xlmodel.cli import main
        main(["build", {str(ROOT / "workbooks/examples/hybrid_share.toml")!r}, "-o", {str(book)!r}])
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the build never reached the write"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert book.read_bytes() == previous.read_bytes()
    assert read_workbook_case(book) == read_workbook_case(previous)


def write_case(path, text=None, **changes):
    """A case file: the example's TOML with some lines replaced."""
    from xlmodel.case import example_case_text
    text = text if text is not None else example_case_text()
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def test_batch_builds_every_good_case_and_reports_the_bad_one(tmp_path, capsys):
    cases = tmp_path / "cases"
    cases.mkdir()
    for name in ("hybrid_share", "hybrid_overflow_one_year"):
        (cases / f"{name}.toml").write_bytes((ROOT / f"workbooks/examples/{name}.toml").read_bytes())
    write_case(cases / "bad.toml", **{"horizon_years = 5": "horizon_years = 50"})
    out = tmp_path / "out"
    code, stdout, stderr = run(["build", *sorted(cases.glob("*.toml")), "-o", f"{out}/"], capsys)
    assert code == 2
    assert sorted(p.name for p in out.iterdir()) == ["hybrid_overflow_one_year.xlsx", "hybrid_share.xlsx"]
    assert read_workbook_case(out / "hybrid_share.xlsx") == load_case(cases / "hybrid_share.toml")
    lines = stdout.splitlines()
    assert lines[0].split() == ["case", "status", "time", "workbook", "or", "problem"]
    assert any("bad.toml" in line and "FAILED" in line and "horizon_years" in line for line in lines)
    assert sum(" ok " in line for line in lines) == 2
    assert "2 built, 1 failed" in stdout
    assert f"error: {cases / 'bad.toml'}: [finance] .horizon_years: must be >= 1 and <= 10" in stderr


def test_batch_of_good_cases_exits_0_and_writes_into_an_existing_folder(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    cases = [ROOT / "workbooks/examples/hybrid_share.toml", write_case(tmp_path / "example.toml")]
    code, stdout, stderr = run(["build", *cases, "-o", out], capsys)
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == ["example.xlsx", "hybrid_share.xlsx"]
    assert "2 built, 0 failed" in stdout


@pytest.mark.parametrize("args, message", [
    (["a.toml", "b.toml", "-o", "one.xlsx"], "give the folder"),
    (["a.toml", "b.toml"], "give the folder"),
])
def test_batch_usage_errors(tmp_path, capsys, args, message):
    code, _, stderr = run(["build", *args], capsys)
    assert code == 2 and message in stderr


def test_batch_refuses_two_cases_that_would_write_the_same_workbook(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = write_case(tmp_path / "a" / "case.toml"), write_case(tmp_path / "b" / "case.toml")
    code, _, stderr = run(["build", first, second, "-o", tmp_path / "out"], capsys)
    assert code == 2 and "give the case files different names" in stderr
    assert not (tmp_path / "out").exists()


HOSTILE_TEXTS = {"case": '=HYPERLINK("http://evil.example","open")', "channel": "=1+1",
                 "vendor_1": '=HYPERLINK("http://x.example","click")', "vendor_2": "+33 Call Centre",
                 "vendor_3": "-SUM(A1)", "languages": "@SUM(1)"}


def hostile_case():
    """The example with every kind of user text starting like a formula."""
    from xlmodel.case import case_from_mapping, case_to_mapping
    data = case_to_mapping(example_case())
    data["case"]["name"] = HOSTILE_TEXTS["case"]
    old_channel = data["demand"]["channels"][0]["name"]
    data["demand"]["channels"][0]["name"] = HOSTILE_TEXTS["channel"]
    data["hybrid"]["channels"] = [HOSTILE_TEXTS["channel"] if c == old_channel else c for c in data["hybrid"]["channels"]]
    renamed = {old_channel: HOSTILE_TEXTS["channel"]}
    for i in (1, 2, 3):
        renamed[data["vendors"][i - 1]["name"]] = HOSTILE_TEXTS[f"vendor_{i}"]
        data["vendors"][i - 1]["name"] = HOSTILE_TEXTS[f"vendor_{i}"]
    data["vendors"][0]["languages"] = HOSTILE_TEXTS["languages"]
    data["hybrid"]["vendors"] = [v["name"] for v in data["vendors"]]

    def rename(value):  # the portfolios name channels and vendors as keys and as values
        if isinstance(value, dict):
            return {renamed.get(k, k): rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return renamed.get(value, value) if isinstance(value, str) else value
    if "portfolios" in data:
        data["portfolios"] = [dict(rename(p), name=p["name"]) for p in data["portfolios"]]
    return case_from_mapping(data)


def test_user_text_that_looks_like_a_formula_is_stored_as_text(built_book):
    """Formula injection: a name typed as `=HYPERLINK(...)` is shown, never evaluated, in every sheet."""
    case = hostile_case()
    book = built_book("hostile", case=case).path  # the book tests/test_parity.py recalculates
    wb = load_workbook(book)
    injected = [(ws.title, cell.coordinate, cell.value) for ws in wb.worksheets for row in ws.iter_rows()
                for cell in row if cell.data_type == "f" and any(t in cell.value for t in HOSTILE_TEXTS.values())]
    assert not injected
    shown = [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value in HOSTILE_TEXTS.values()]
    assert {c.value for c in shown} == set(HOSTILE_TEXTS.values())
    assert all(c.data_type == "s" and c.quotePrefix for c in shown)
    assert read_workbook_case(book) == case
    # LibreOffice shows them as typed: tests/test_parity.py (its one LibreOffice run recalculates this case).


def as_built_before_the_channels_sheet(book, target):
    """``book`` as the version before the Channels sheet wrote it: the Channels table (its title, header,
    one row per channel, its units under it) on the Inputs sheet, below the inputs, and no Channels sheet
    (nor a record of what the build wrote, which came after)."""
    from copy import copy

    from openpyxl.worksheet.table import Table
    from xlmodel.text import words
    from xlmodel.workbook.sheetnames import book_language
    wb = load_workbook(book)
    tabs = titles_in(wb.sheetnames)
    channels, inputs = wb[tabs["Channels"]], wb[tabs["Inputs"]]
    first_col, header, last_col, last = range_boundaries(channels.tables["Channels"].ref)
    top = inputs.max_row + 2
    inputs.cell(top, 1, words(book_language(wb.sheetnames))["channels"])  # its title there, in the book's words
    for k, r in enumerate([*range(header, last + 1), header - 1]):  # the units row last, under the table
        for j in range(first_col, last_col + 1):
            old, new = channels.cell(r, j), inputs.cell(top + 1 + k, j)
            new.value, new.protection, new.number_format = old.value, copy(old.protection), old.number_format
    wb.remove(channels)
    from xlmodel.workbook.record import RECORD_SHEET
    wb.remove(wb[RECORD_SHEET])  # nor the record of the rebuild, which came with the Channels sheet
    inputs.add_table(Table(displayName="Channels", ref=f"A{top + 1}:{channels.cell(1, last_col).column_letter}"
                                                       f"{top + 1 + last - header}"))
    wb.save(target)
    return top + 1  # the table's header row on Inputs


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_book_built_before_the_channels_sheet_reads_and_rebuilds_to_the_same_case(built_book, tmp_path, capsys,
                                                                                      lang):
    """The Channels table moved from Inputs to a sheet of its own: a book built before, its table on
    Inputs, reads to the same case (the reader finds the table by its name wherever it is), says a bad
    channel cell where it is, and rebuilds, in its language or another, with a Channels sheet."""
    from xlmodel.errors import InputError
    new = built_book("example", lang).path
    case = read_workbook_case(new)
    old = tmp_path / "old.xlsx"
    header = as_built_before_the_channels_sheet(new, old)
    assert "Channels" not in titles_in(load_workbook(old, read_only=True).sheetnames)
    assert read_workbook_case(old) == case
    wb = load_workbook(old)
    inputs = wb[titles_in(wb.sheetnames)["Inputs"]]
    inputs[f"C{header + 1}"] = -5  # the first channel's annual volume
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as refused:
        read_workbook_case(tmp_path / "bad.xlsx")
    assert [p.location for p in refused.value.problems] == [f"{inputs.title}!C{header + 1}"]
    from dataclasses import replace
    other = {"en": "fr", "fr": "en"}[lang]
    for language in (lang, other):  # as it is, then in the other language (a French book rebuilt in English)
        code, _, stderr = run(["build", "-o", old, "--lang", language], capsys)
        assert code == 0, stderr
        rebuilt, tab = load_workbook(old), {"en": "Channels", "fr": "Canaux"}[language]
        assert tab in rebuilt.sheetnames and list(rebuilt[tab].tables) == ["Channels"], rebuilt.sheetnames
        assert not rebuilt[titles_in(rebuilt.sheetnames)["Inputs"]].tables
        assert read_workbook_case(old) == replace(case, case=replace(case.case, language=language))


def test_a_workbook_built_in_french_is_rebuilt_in_french(built_book, tmp_path, capsys):
    book = tmp_path / "livre.xlsx"
    shutil.copy(built_book("example", "fr").path, book)  # as `build -o livre.xlsx --lang fr` writes it
    code, _, stderr = run(["build", "-o", book], capsys)
    assert code == 0, stderr
    wb = load_workbook(book, read_only=True)
    assert "Prestataire" in [c.value for c in wb["Prestataires"][4]]
    assert read_workbook_case(book).case.language == "fr"


def test_scoring_and_risk_settings_are_workbook_inputs_that_survive_and_flag_the_risk_sheet(tmp_path, capsys):
    from openpyxl.utils.cell import coordinate_to_tuple
    from xlmodel.workbook.verify import load
    case_file = write_case(tmp_path / "case.toml", example_case_text_with(
        "\n[scoring]\nweight_price = 0.5\nweight_quality = 0.1\n\n[risk]\nseed = 7\nvolume_high = 0.25\n"))
    book = tmp_path / "book.xlsx"
    code, _, stderr = run(["build", case_file, "-o", book], capsys)
    assert code == 0, stderr
    code, _, stderr = run(["build", "-o", book], capsys)  # rebuilt from its own inputs
    assert code == 0, stderr
    assert read_workbook_case(book) == load_case(case_file)
    code, stdout, _ = run(["export-case", book], capsys)
    assert "weight_price = 0.5" in stdout and "volume_high = 0.25" in stdout and "seed = 7" in stdout
    # Editing a risk setting in the workbook makes the Risk sheet stale until refreshed (recalculated
    # in process, as a user's Excel would).
    sheet, ref = next(iter(load_workbook(book, read_only=True).defined_names["risk_volume_high"].destinations))
    live = load(book)
    index, (row, column) = live.sheets[sheet], coordinate_to_tuple(ref.replace("$", ""))
    assert live.model.get_cell_value(index, row, column) == 0.25
    assert live.value("Risk", "B8") == 1
    live.model.update_cell_with_number(index, row, column, 0.3)
    live.model.evaluate()
    assert live.value("Risk", "B8") == 0


def example_case_text_with(extra: str) -> str:
    from xlmodel.case import example_case_text
    return example_case_text() + extra


def test_a_quote_typed_below_the_table_after_a_blank_row_is_read_with_a_y_flag(example_book, loaded_book, tmp_path,
                                                                                capsys):
    """The attack: a quote row typed below the Vendors table was silently dropped when a blank row
    preceded it; "Y" in a yes/no cell became "no"; a cleared optional input took its default silently."""
    wb = loaded_book(example_book)
    ws = wb["Vendors"]
    column = {ws.cell(row=4, column=c).value: c for c in range(1, ws.max_column + 1)}
    row = 4 + len(example_case().vendors) + 2  # one blank row between the table and the new quote
    for header, value in (("Vendor", "Late Bidder"), ("Pricing model", "per_contact"), ("Price", 3.2),
                          ("Hybrid scenario", "Y"), ("Can serve 24/7", "oui")):
        ws.cell(row=row, column=column[header], value=value)
    sheet, ref = next(iter(wb.defined_names["inhouse_shrinkage"].destinations))
    wb[sheet][ref.replace("$", "")].value = None
    book = tmp_path / "book.xlsx"
    wb.save(book)
    case = read_workbook_case(book)
    assert [v.name for v in case.vendors][-1] == "Late Bidder" and case.vendors[-1].coverage_24_7 == "yes"
    shrinkage = INHOUSE.by_name["shrinkage"]
    default = shrinkage.default
    assert "Late Bidder" in case.hybrid.vendors and case.inhouse.shrinkage == default
    code, _, err = run(["validate", book], capsys)
    assert code == 0
    assert f"notice: {sheet}!{ref.replace('$', '')}: {shrinkage.label_en} is blank: its default {default:g} is used" in err


@pytest.mark.parametrize("colon", [" : ", ": "])  # French labels now, and as French books wrote them before
def test_the_monthly_weights_of_french_ranges_are_read_with_either_colon(built_book, colon):
    """The whole-case function reads Inputs!A:B by label: the French seasonality labels read
    "Coefficient saisonnier : janvier" (the French colon, as every other French label), and a French
    book built before, "Coefficient saisonnier: janvier", still gives its weights, not the defaults."""
    from xlmodel.text import fr
    from xlmodel.workbook.reader import case_from_ranges
    from xlmodel.workbook.sheetnames import sheet

    wb = load_workbook(built_book("example", "fr").path, data_only=True)

    def table(ws):
        return [[c.value for c in row] for row in ws[next(iter(ws.tables.values())).ref]]

    inputs, hybrid = sheet(wb, "Inputs"), sheet(wb, "Hybrid")
    month = f"{fr.WORKBOOK['seasonality']} : {fr.WORKBOOK['months'][0]}"
    labels = [list(r[:2]) for r in inputs.iter_rows(values_only=True)]
    assert [month, 1.15] in labels  # what the French book writes
    labels = [[str(a).replace(f"{fr.WORKBOOK['seasonality']} : ", f"{fr.WORKBOOK['seasonality']}{colon}")
               if isinstance(a, str) else a, b] for a, b in labels]
    case = case_from_ranges(labels, table(sheet(wb, "Channels")), table(sheet(wb, "Vendors")),
                            [list(r[:2]) for r in hybrid.iter_rows(values_only=True)], table(hybrid))
    assert case.demand.seasonality == example_case().demand.seasonality != (1.0,) * 12
