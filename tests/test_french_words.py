"""Issue 16, the words left in English (the words helper): an untrusted file's refusals and notices, a blank
input's notice, the build's and the Sourcing range's refusals, the usage errors our commands raise and
click's commonest, each said in French under ``--lang fr`` (or for a French book) with no English; the
English sentences as they were.

The scan is the one of the French refusals (:func:`test_bad_input_matrix._french_lines`): the pieces of
every English template, the English words, once paths and what the user typed are taken out.
"""

from __future__ import annotations

import gzip
import zipfile
from io import BytesIO

import pytest
from openpyxl import load_workbook

from xlmodel.schema import INHOUSE

from test_bad_input_matrix import _french_lines, case_text
from test_untrusted import SMALL, macro_book, rewrite
from workbook_helpers import run_cli_plain


def _zip(parts: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return out.getvalue()


# Files that are not workbooks, or damaged or hostile ones: (name, bytes, the English sentence's start).
_DTD = b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">]><sst>&a;</sst>'
NOT_BOOKS = {
    "gzip": (gzip.compress(b"vendor;price\n"), "is a gzip archive, not a workbook: extract the .xlsx file from it first"),
    "rtf": (b"{\\rtf1\\ansi Quote}", "is a Word (RTF) document, not a workbook: ask for the .xlsx file itself"),
    "xml": (b"<?xml version='1.0'?><quote/>", "is an XML file, not an xlsx workbook: ask for the .xlsx file itself"),
    "xml 2003": (b"<?xml version='1.0'?><Workbook xmlns='urn:schemas-microsoft-com:office:spreadsheet'/>",
                 "is an Excel 2003 XML spreadsheet, not an xlsx workbook"),
    "ods": (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            'is an OpenDocument spreadsheet (.ods), not an xlsx workbook: save it as "Excel 2007-365 (.xlsx)"'),
    "docx": (_zip({"word/document.xml": b"<w/>"}), "is a Word document (.docx), not a workbook"),
    "zip of a workbook": (_zip({"offre.xlsx": SMALL}),
                          "is a zip archive containing offre.xlsx, not a workbook itself: extract the workbook from "
                          "it first"),
    "zip without a workbook": (_zip({"notes.txt": b"x"}), "is a zip archive but not an xlsx workbook (it has no "
                                                          "[Content_Types].xml or xl/workbook.xml)"),
    "truncated": (SMALL[:200], "cannot be read as an xlsx workbook (the file is truncated or damaged: "),
    "too many parts": (_zip({f"xl/media/p{i}.bin": b"" for i in range(2001)}),
                       "holds 2001 parts, more than the 2000 a workbook may have: it is damaged or not a genuine "
                       "workbook; ask the sender for a clean copy saved from Excel"),
    "zip bomb": (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                       "xl/sharedStrings.xml": b"<sst>" + b" " * (3 * 1024 * 1024) + b"</sst>"}),
                 "has a part (xl/sharedStrings.xml) that unpacks to "),
    "DTD": (None, "contains an XML document type declaration (DTD) in xl/sharedStrings.xml; workbooks never need one"),
    "malformed reference": (None, "has a malformed cell reference 'ZZZZ9' in xl/worksheets/sheet1.xml: it is not a "
                                  "workbook of this program nor a quote form"),
}


def _file(tmp_path, name):
    data, _ = NOT_BOOKS[name]
    path = tmp_path / (name.replace(" ", "_") + ".xlsx")
    if name == "DTD":
        return rewrite(SMALL, path, {"xl/sharedStrings.xml": _DTD})
    if name == "malformed reference":
        sheet = zipfile.ZipFile(BytesIO(SMALL)).read("xl/worksheets/sheet1.xml").replace(b'r="B2"', b'r="ZZZZ9"', 1)
        return rewrite(SMALL, path, {"xl/worksheets/sheet1.xml": sheet})
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(NOT_BOOKS))
def test_a_file_refused_as_untrusted_is_said_in_french(name, tmp_path):
    """The attack: ``validate offre.xlsx --lang fr`` of a gzip file said "erreur : offre.xlsx: is a gzip
    archive, not a workbook: ...", the prefix in French, the sentence in English."""
    path = _file(tmp_path, name)
    code, _, english = run_cli_plain(["validate", path])
    assert code == 2 and f"error: {path}: {NOT_BOOKS[name][1]}" in english, english
    code, _, french = run_cli_plain(["validate", path, "--lang", "fr"])
    assert code == 2 and french.startswith(f"erreur : {path} : "), french
    assert not _french_lines(french, (path,)), french
    assert _french_lines(english, (path,)), english  # the scan sees the English of the same refusal


def test_a_file_too_big_is_said_in_french_with_french_numbers(tmp_path):
    big = tmp_path / "gros.xlsx"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024 + 300 * 1024)
    code, _, english = run_cli_plain(["validate", big])
    assert code == 2 and "is over the 20 MB limit for a workbook to read (21.3 MB): remove large pictures" in english
    code, _, french = run_cli_plain(["validate", big, "--lang", "fr"])
    assert code == 2 and "dépasse la limite de 20 Mo d'un classeur à lire (21,3 Mo)" in french, french
    assert not _french_lines(french, (big,)), french


def test_what_an_untrusted_file_holds_and_is_ignored_is_said_in_french(tmp_path):
    from xlmodel.text.problems import notice_line
    from xlmodel.workbook.untrusted import open_untrusted
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)
    book = macro_book(tmp_path / "offre.xlsm")
    book = rewrite(book.read_bytes(), tmp_path / "offre2.xlsm", add={
        **{f"xl/embeddings/oleObject{i}.bin": ole for i in range(1, 6)}, "xl/activeX/activeX1.bin": ole})
    notices = open_untrusted(book).notices
    english = [notice_line(n, "en") for n in notices]
    assert english == list(notices) == [
        "macros (xl/vbaProject.bin) found and ignored: a quote form is data, never code",
        "embedded objects (xl/embeddings/oleObject1.bin, xl/embeddings/oleObject2.bin, xl/embeddings/oleObject3.bin "
        "and 2 more) found and ignored: only cell values are read",
        "ActiveX controls (xl/activeX/activeX1.bin) found and ignored: only cell values are read"]
    french = "\n".join(notice_line(n.at("offre2.xlsm"), "fr") for n in notices)
    assert "offre2.xlsm : macros (xl/vbaProject.bin) trouvées et ignorées" in french, french
    assert "oleObject3.bin et 2 autres) trouvés et ignorés" in french, french
    assert not _french_lines(french, ()), french
    assert _french_lines("\n".join(english), ())


def _blank(book, tmp_path, name):
    """``book`` with the in-house shrinkage and a quote's set-up fee left blank; (path, the shrinkage's cell)."""
    from xlmodel.workbook.sheetnames import sheet as sheet_of
    wb = load_workbook(book)
    sheet, ref = next(iter(wb.defined_names["inhouse_shrinkage"].destinations))
    wb[sheet][ref.replace("$", "")].value = None
    ws = sheet_of(wb, "Vendors")
    headers = {ws.cell(row=4, column=c).value: c for c in range(1, ws.max_column + 1)}
    fee = headers.get("Set-up fee") or headers["Frais de mise en place"]
    ws.cell(row=6, column=fee).value = None
    wb.save(tmp_path / name)
    return tmp_path / name, f"{sheet}!{ref.replace('$', '')}"


def test_a_blank_inputs_notice_is_said_in_the_books_language(built_book, tmp_path):
    """The attack: ``validate livre.xlsx`` of a French book said "remarque : Hypothèses!C30: Shrinkage is
    blank: its default 0.32 is used"."""
    book, cell = _blank(built_book("example", "fr").path, tmp_path, "livre.xlsx")
    code, _, err = run_cli_plain(["validate", book])
    assert code == 0, err
    notices = [line for line in err.splitlines() if line.startswith("remarque : ")]
    shrinkage = INHOUSE.by_name["shrinkage"]
    default = f"{shrinkage.default:g}"
    assert (f"remarque : {cell} : {shrinkage.label_fr} est vide ; sa valeur par défaut {default.replace('.', ',')} "
            "est retenue") in notices, err
    assert any("cellules vides, les valeurs par défaut sont donc retenues" in n for n in notices), err
    assert len(notices) == 2 and not _french_lines("\n".join(notices), (book,)), err
    code, _, err = run_cli_plain(["validate", book, "--lang", "en"])  # --lang says the command's language
    assert code == 0 and f"notice: {cell}: {shrinkage.label_en} is blank: its default {default} is used" in err, err


def test_a_blank_inputs_notice_in_english_is_as_it_was(built_book, tmp_path):
    book, cell = _blank(built_book("example", "en").path, tmp_path, "book.xlsx")
    code, _, err = run_cli_plain(["validate", book])
    assert code == 0
    shrinkage = INHOUSE.by_name["shrinkage"]
    assert f"notice: {cell}: {shrinkage.label_en} is blank: its default {shrinkage.default:g} is used" in err, err
    assert "(Casablanca Contact): blank, so the defaults are used: " in err and " Set-up fee 0" in err, err


def test_the_builds_refusals_are_said_in_french(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "cas.toml").write_text(case_text(), encoding="utf-8")
    code, _, err = run_cli_plain(["build", tmp_path / "a" / "cas.toml", tmp_path / "b" / "cas.toml", "-o",
                                  tmp_path / "out", "--lang", "fr"])
    assert code == 2 and "donnez des noms différents aux fichiers de cas" in err, err
    assert not _french_lines(err, (tmp_path,)), err
    garbage = tmp_path / "ancien.xlsx"
    garbage.write_bytes(b"vendor;price\n")
    code, _, err = run_cli_plain(["build", tmp_path / "a" / "cas.toml", "-o", garbage, "--lang", "fr"])
    assert code == 2 and "va être remplacé mais ne peut pas être lu" in err, err
    assert not _french_lines(err, (tmp_path,)) and garbage.read_bytes() == b"vendor;price\n", err
    code, _, err = run_cli_plain(["build", tmp_path / "a" / "cas.toml", "-o", garbage])
    assert code == 2 and (f"{garbage}: is about to be replaced but cannot be read, so what it holds cannot be "
                          "checked: rebuild with --force to replace it (a dated backup is kept)") in err, err


def test_a_batchs_bad_cases_are_said_in_french(tmp_path):
    for name in ("un", "deux"):
        (tmp_path / f"{name}.toml").write_text(case_text(**{"vat_rate = 0.20": "vat_rate = 20"}), encoding="utf-8")
    code, out, err = run_cli_plain(["build", tmp_path / "un.toml", tmp_path / "deux.toml", "-o", tmp_path / "out/",
                                    "--lang", "fr"])
    assert code == 2 and "saisissez 0,2 pour 20 %" in err, out + err
    assert not _french_lines(out + err, (tmp_path,)), out + err


def test_the_sourcing_ranges_refusals_are_said_in_french():
    from xlmodel.errors import InputError
    from xlmodel.text.problems import problem_line
    from xlmodel.workbook.sourcing_range import sourcing_from_range
    said = {}
    for value in ("Sourcing!A1", [["Portfolio name", "Pilot"], ["", ""]]):
        with pytest.raises(InputError) as info:
            sourcing_from_range(value, {})
        said[str(value)[:8]] = [problem_line(p, lang) for p in info.value.problems for lang in ("en", "fr")]
    assert said["Sourcing"] == ["sourcing: expected the range of the Sourcing sheet (several rows and columns)",
                                "sourcing : attend la plage de la feuille Répartition (plusieurs lignes et colonnes)"]
    assert said["[['Portf"] == ["sourcing: portfolio 'Pilot': its table of channels is not in the range",
                                "sourcing : portefeuille « Pilot » : son tableau des canaux n'est pas dans la plage"]


USAGE = {  # args -> (what the French line says, what click or we say in English)
    "-o a folder": (["build", "-o", "{tmp}"], "est un dossier : donnez les fichiers de cas à y construire",
                    "is a folder: give the case files to build into it"),
    "several cases into a workbook": (["build", "a.toml", "b.toml", "-o", "x.xlsx"],
                                      "plusieurs fichiers de cas construisent chacun un classeur",
                                      "several case files build one workbook each"),
    "--lang for a workbook": (["render", "livre.xlsx", "-o", "{tmp}/p"], "--lang s'applique à un cas que l'on construit",
                              "--lang applies to a case that is built"),  # in English too: a workbook given --lang
    "a value out of range": (["risk", "--draws", "0"], "--draws doit être un nombre entier de 1 à 10 000 000 (lu : 0)",
                             "Invalid value for '--draws'"),
    "an unknown option": (["compare", "--bogus"], "option inconnue : --bogus", "No such option '--bogus'"),
    "a missing option": (["render"], "option --output manquante", "Missing option '-o' / '--output'"),
}


@pytest.mark.parametrize("name", list(USAGE))
def test_a_usage_error_is_said_in_french(name, tmp_path):
    """The attack: ``build -o dossier/ --lang fr`` said "Usage: ... Try 'xlmodel build --help' for help.
    Error: dossier is a folder: give the case files...", all in English."""
    args, french, english = USAGE[name]
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, _, err = run_cli_plain([*args, "--lang", "fr"])
    assert code == 2 and err.startswith("erreur : ") and french in err, err
    assert f"Aide : xlmodel {args[0]} -h" in err and "Usage" not in err and "Error" not in err, err
    assert not _french_lines(err, (tmp_path, "livre.xlsx", "a.toml", "b.toml", "x.xlsx")), err
    code, _, err = run_cli_plain([*args, "--lang", "en"])  # in English, click's own display, as it was
    assert code == 2 and english in err and "Usage: xlmodel" in err, err


def test_a_bad_lang_itself_keeps_clicks_english():
    code, _, err = run_cli_plain(["validate", "--lang", "de"])
    assert code == 2 and "Invalid value for '--lang': 'de' is not one of 'en', 'fr'." in err, err


def test_a_portfolios_checks_are_said_in_french(tmp_path):
    """The README said some portfolio checks were still English: three of them under --lang fr, no English."""
    (tmp_path / "cas.toml").write_text(case_text() + '\n[[portfolios]]\nname = "Essai"\n[portfolios.channels]\n'
                                       'phone = {inhouse = 0.7, "Casablanca Contact" = 0.6}\nemail = "Personne"\n',
                                       encoding="utf-8")
    code, _, err = run_cli_plain(["validate", tmp_path / "cas.toml", "--lang", "fr"])
    assert code == 2 and "les parts totalisent 1,3 (130,0 %), plus de 100 %" in err, err
    assert "le prestataire « Personne » n'existe pas" in err and "n'est confié à personne" in err, err
    assert not _french_lines(err, (tmp_path / "cas.toml",)), err


# Issue 16 (words2): the failures of exit status 1 and click's rarer usage errors, said in French.
FAILURES = ("fail_busy", "fail_locked", "fail_write", "fail_folder", "fail_file_in_the_way", "fail_backup_name",
            "fail_backup", "fail_timeout", "fail_converting", "fail_rendering", "fail_no_soffice", "fail_no_pdftoppm",
            "fail_nothing_to_convert", "fail_missing", "fail_same_folder", "fail_same_names", "fail_convert",
            "fail_no_output", "fail_not_recalculable", "fail_csv_field", "fail_csv_value", "fail_render",
            "fail_disagrees", "fail_disagrees_more", "fail_disagreement", "fail_unexpected")


def test_every_failure_a_user_meets_has_its_french_sentence():
    """Each sentence of an exit-1 failure (a book open in Excel or written by another command, a refused
    write, LibreOffice or pdftoppm missing or failing, a disagreement with the engine, an unexpected
    error) in French, with no English once its values (paths, what the system said) are taken out."""
    import string

    from xlmodel.text.terminal import TERMINAL
    for key in FAILURES:
        english, french = TERMINAL["en"][key], TERMINAL["fr"][key]
        slots = {name: "«  »" for _, name, _, _ in string.Formatter().parse(french) if name}
        assert french != english and not _french_lines(french.format(**slots), ()), (key, french)
        assert _french_lines(english.format(**slots), ()) or len(english) < 25, (key, english)


def test_every_said_failure_names_a_sentence_of_both_languages():
    """Every failure the code raises by key (``Said``: files, LibreOffice, pages, verify) is one of the keyed
    sentences: a new one cannot stay English."""
    import re
    from pathlib import Path

    import xlmodel
    root = Path(xlmodel.__file__).parent
    raised = set()
    for module in ("workbook/files.py", "workbook/libreoffice.py", "workbook/pages.py", "workbook/verify.py"):
        text = (root / module).read_text(encoding="utf-8")
        raised |= set(re.findall(r'(?:Error|LibreOfficeError)\(\s*"(fail_[a-z_]+)"', text))
        raised |= set(re.findall(r'\("(fail_[a-z_]+)", \{', text))
        assert not re.search(r'raise (?:\w+\.)?(?:LibreOffice|Write|FileLocked|BookBusy)Error\(f?"[^f]', text.replace(
            '("fail_', '')), module
    assert len(raised) >= 20 and raised <= set(FAILURES), sorted(raised - set(FAILURES))


def test_a_book_open_in_excel_is_refused_in_french(tmp_path):
    book = tmp_path / "livre.xlsx"
    (tmp_path / "~$livre.xlsx").write_bytes(b"")
    code, _, french = run_cli_plain(["build", "-o", book, "--lang", "fr"])
    assert code == 1 and french.startswith(f"erreur : {book} est ouvert dans Excel (fichier de verrou"), french
    assert not _french_lines(french, (book, "~$livre.xlsx")), french
    code, _, english = run_cli_plain(["build", "-o", book])
    assert code == 1 and english == (f"error: {book} is open in Excel (lock file ~$livre.xlsx found beside it): close "
                                     "the workbook in Excel, or delete the lock file if Excel is not running, then "
                                     "try again; nothing was written\n"), english


def test_a_folder_that_cannot_be_made_is_refused_in_french_not_as_an_unexpected_error(tmp_path):
    """The attack: ``build -o rapport.txt/livre.xlsx`` (a file where the folder should be) printed "error:
    FileExistsError: [Errno 17] File exists: ... (run with --debug for the traceback)"."""
    (tmp_path / "rapport.txt").write_text("x", encoding="utf-8")
    book = tmp_path / "rapport.txt" / "livre.xlsx"
    code, _, french = run_cli_plain(["build", "-o", book, "--lang", "fr"])
    assert code == 1 and french == (f"erreur : {book} n'a pas pu être écrit : son dossier {book.parent} ne peut être "
                                    "ni créé ni modifié (un fichier porte ce nom) ; rien n'a été écrit\n"), french
    code, _, english = run_cli_plain(["export-case", "-o", tmp_path / "rapport.txt" / "cas.toml",
                                      tmp_path / "absent.toml"])
    assert code == 2  # the source is read first: a missing case file is bad input
    assert not (tmp_path / "rapport.txt").is_dir()


def test_libreoffice_missing_is_said_in_french(tmp_path, monkeypatch):
    monkeypatch.setenv("XLMODEL_SOFFICE", str(tmp_path / "absent" / "soffice"))
    code, out, french = run_cli_plain(["render", "-o", tmp_path / "pages", "--lang", "fr"])
    assert code == 1 and "erreur : LibreOffice n'est pas installé : apt-get install -y libreoffice-calc-nogui" in french
    assert not _french_lines(french, ()) and not (tmp_path / "pages").exists(), french
    code, _, english = run_cli_plain(["render", "-o", tmp_path / "pages"])
    assert code == 1 and "error: LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui (or set " \
                         "XLMODEL_SOFFICE to the soffice executable)" in english, english


def test_a_batch_case_whose_book_is_open_in_excel_is_said_in_french(tmp_path):
    for name in ("un", "deux"):
        (tmp_path / f"{name}.toml").write_text(case_text(), encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "~$deux.xlsx").write_bytes(b"")
    code, out, err = run_cli_plain(["build", tmp_path / "un.toml", tmp_path / "deux.toml", "-o", tmp_path / "out/",
                                    "--lang", "fr"])
    assert code == 2 and "est ouvert dans Excel" in out + err, out + err
    assert not _french_lines(out + err, (tmp_path,)), out + err


def test_a_disagreement_with_the_engine_is_said_in_french():
    import pickle

    from xlmodel.workbook.verify import MAX_REPORTED, Disagreement, VerificationError
    found = [Disagreement(f"Comparaison!E{r}", "VAN des coûts", 1.0, 2.0) for r in range(MAX_REPORTED + 2)]
    exc = pickle.loads(pickle.dumps(VerificationError(found)))  # as a batch's worker sends it back
    assert str(exc).startswith(f"the workbook disagrees with the engine in {len(found)} cell(s), a bug of the model "
                               "(please report it); nothing was written: Comparaison!E0 (VAN des coûts): the "
                               "workbook computes 1.0, the engine 2.0; ")
    assert str(exc).endswith("; and 2 more")
    french = exc.said("fr")
    assert french.startswith(f"le classeur s'écarte du moteur de calcul dans {len(found)} cellule(s)"), french
    assert french.endswith(" ; et 2 autre(s)") and not _french_lines(french, ()), french


# click's rarer usage errors: (command line, the French said, click's English sentence).
CLICK_RARER = {
    "extra argument": (["validate", "a.toml", "b.toml"], "erreur : argument(s) en trop : b.toml",
                       "Got unexpected extra argument (b.toml)"),
    "no such command": (["valider"], "erreur : commande inconnue : « valider » (vouliez-vous dire « validate » ?)",
                        "No such command 'valider'."),
    "no such command, none near": (["chiffrer"], "erreur : commande inconnue : « chiffrer »",
                                   "No such command 'chiffrer'."),
    "option without its value": (["render", "--dpi"], "erreur : l'option --dpi attend une valeur",
                                 "Option '--dpi' requires an argument."),
    "flag given a value": (["compare", "--json=oui"], "erreur : l'option --json ne prend pas de valeur",
                           "Option '--json' does not take a value."),
    "folder that is a file": (["render", "-o", "{file}"], "erreur : --output : « {file} » est un fichier, pas un "
                                                          "dossier", "Directory '{file}' is a file."),
    "file that is a folder": (["rfp-template", "-o", "{folder}"], "erreur : --output : « {folder} » est un dossier, "
                                                                  "pas un fichier", "File '{folder}' is a directory."),
    "whole range": (["risk", "--seed", "-1"], "erreur : --seed doit être un nombre entier de 0 à "
                                              "9 223 372 036 854 775 807 (lu : -1)", "is not in the range"),
}


@pytest.mark.parametrize("name", list(CLICK_RARER))
def test_clicks_rarer_usage_errors_are_said_in_french(name, tmp_path):
    args, said, english = CLICK_RARER[name]
    places = {"file": str(tmp_path / "notes.txt"), "folder": str(tmp_path)}
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    args = [a.format(**places) for a in args]
    code, _, french = run_cli_plain([args[0], "--lang", "fr", *args[1:]])
    assert code == 2 and french.splitlines()[0] == said.format(**places), french
    assert english.format(**places) not in french and not _french_lines(french, tuple(places.values())), french
    code, _, err = run_cli_plain(args)  # in English, click's own sentence, as it always was
    assert code == 2 and english.format(**places) in err, err
