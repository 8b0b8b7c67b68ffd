"""A rebuild over a workbook whose computed sheets were unprotected (Review > Unprotect sheet, no
password is set) tells the program's own figures from what the user typed there."""

from __future__ import annotations

from openpyxl import load_workbook

from xlmodel.workbook.additions import INPUT_SHEETS
from xlmodel.workbook.sheetnames import titles_in

from workbook_helpers import run_cli


def test_the_figures_of_an_unprotected_computed_sheet_are_not_additions_but_a_typed_note_is(built_book, tmp_path,
                                                                                              capsys):
    """The figures the build computes in Python (Risk's break-evens and tornado, Staffing's sizing)
    move with every input: after a price edit they are found nowhere in the new workbook. Before,
    each was reported as typed by the user (271 "additions" on the example), so the rebuild was
    refused. A note and a number typed into empty cells are still additions."""
    book = tmp_path / "book.xlsx"
    wb = load_workbook(built_book("hybrid_overflow_one_year").path)
    computed = [tab for key, tab in titles_in(wb.sheetnames).items() if key not in INPUT_SHEETS]
    for tab in computed:
        wb[tab].protection.sheet = False
    vendors = wb[titles_in(wb.sheetnames)["Vendors"]]  # a French book: "Prestataires"
    vendors["D5"] = vendors["D5"].value * 1.6  # the first quote's price, up by 60 %
    wb.save(book)
    code, _, stderr = run_cli(["build", "-o", book], capsys)
    assert code == 0, stderr

    wb = load_workbook(book)
    risk, staffing = titles_in(wb.sheetnames)["Risk"], titles_in(wb.sheetnames)["Staffing"]
    for tab in computed:
        wb[tab].protection.sheet = False
    wb[risk]["Z300"] = "Ask the vendor about the ramp-up"
    wb[staffing]["B5000"] = 42
    wb.save(book)
    code, _, stderr = run_cli(["build", "-o", book], capsys)
    assert code == 2
    added = [line for line in stderr.splitlines() if "saisi hors des cellules d'hypothèses" in line]
    assert len(added) == 2, stderr
    assert f"{risk}!Z300 :" in added[0] + added[1] and f"{staffing}!B5000 :" in added[0] + added[1]
