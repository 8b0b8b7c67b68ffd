"""Issue 16: a French workbook with no English word a French DAF would not use, tabs included.

Every text of the French example book a person reads (each tab, each cell's shown value, each
cell's note, each data-validation message) is scanned against the English texts of the text layer
and of the schema (what the English book would show), and against a short list of English words.
Proper names are not words to translate: the case's vendor and channel names and its title are taken
out first, and so are the acronyms and trade words a French finance team uses as they are.

The Method sheet is scanned too (its formulas in words name a choice by its label: ``Mode hybride =
« horaires étendus »``). A cell holding exactly a scenario id (``outsourced:Acme``, the key the formulas
match, in a hidden row) is not: tests/test_board_words.py checks that no such id is on a visible row.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from openpyxl import load_workbook

from xlmodel.model import COST_LINES, ONE_OFF_LINES
from xlmodel.schema import ALL_SECTIONS, ANALYTICS_SECTIONS
from xlmodel.text import en, fr
from xlmodel.text.choices import CHOICES, SHEETS
from xlmodel.workbook.record import RECORD_SHEET

# Words a French finance professional writes as they are (acronyms, trade words, software, units).
KEPT = {"ETP", "VAN", "TRI", "ROI", "DMT", "PERT", "RGPD", "NF", "ISO", "PCI", "DSS", "WFM", "SMIC",
        "RGDU", "CGI", "PSE", "BCE", "Syntec", "Erlang", "Erlangs", "Python", "Excel", "xlwings", "xlmodel", "UDF",
        "README", "Monte", "Carlo", "nearshore", "offshore", "turnover", "reporting", "P10", "P50", "P90", "D&B",
        "Ellisphere", "chat", "email", "mail", "Bêta", "docs", "method", "md", "L1224", "L3121", "TVA", "IS",
        "Total", "Id", "ETP-mois", "Double", "double", "bonus", "malus", "Bonus", "pilote", "planning",
        "intérim"}
# English words that no French sentence uses (short, common, unambiguous).
ENGLISH_WORDS = {"the", "and", "of", "per", "with", "yes", "no", "share", "price", "quality", "security",
                 "financial", "location", "coverage", "flexibility", "outsourced", "hybrid", "inhouse", "saves",
                 "above", "below", "not", "reached", "reference", "month", "year", "years", "cost", "vendor",
                 "agent", "agents", "seconds", "weeks", "rate", "onshore", "live", "deferred",
                 "extended_hours", "overflow", "per_hour", "per_fte_month", "per_minute", "per_contact",
                 "fixed_monthly", "status_quo", "outsourcing", "throughout", "between", "today", "choose", "one",
                 "value", "must", "be", "is", "to", "from", "in", "at", "any", "when",
                 "which", "this", "that", "only", "default", "Sheet", "sheet", "see", "add-in", "loaded", "n/a", "seed",
                 "draws", "handling", "times", "run"}
# The add-in's settings, read by xlwings by these names; and the rebuild's record of what the build
# wrote (cells and hex fingerprints on a very hidden sheet, which Excel lists nowhere, not even in Unhide).
NOT_SCANNED = {"xlwings.conf", RECORD_SHEET}
CELLS_NOT_SCANNED: set[str] = set()  # every sheet's cells are scanned (see the module's docstring)


def _english_texts() -> set[str]:
    """What the English book would show, where the French shows something else."""
    texts: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
    for table in ("WORKBOOK", "UNITS", "PRICE_UNITS"):
        walk(getattr(en, table))
    for section in ALL_SECTIONS + ANALYTICS_SECTIONS:
        texts.add(section.title_en)
        for f in section.fields:
            texts |= {f.label_en, f.unit, f.source}
    texts |= {row[1] for row in (*CHOICES, *SHEETS)} | {row[1] for row in (*COST_LINES, *ONE_OFF_LINES)}
    french: set[str] = set()
    for table in ("WORKBOOK", "UNITS", "PRICE_UNITS"):
        french |= {v for v in getattr(fr, table).values() if isinstance(v, str)}
    french |= {row[2] for row in (*CHOICES, *SHEETS)}
    # Templates are matched by their longest fixed piece; a text shorter than a word is no evidence.
    pieces = set()
    for text in texts - french:
        for piece in re.split(r"\{[^}]*\}", text):
            piece = piece.strip(" :;,.()")
            if len(piece) >= 12 and " " in piece:
                pieces.add(piece)
    return pieces


@lru_cache(maxsize=None)
def _case_names(path) -> tuple[str, ...]:
    from xlmodel.workbook.reader import read_workbook_case
    case = read_workbook_case(path)
    names = [case.case.name, *(v.name for v in case.vendors), *(c.name for c in case.channels),
             *(p.name for p in case.portfolios)]
    return tuple(sorted(names, key=len, reverse=True))


def _scenario_ids(path) -> frozenset[str]:
    from xlmodel.engine import compare
    from xlmodel.workbook.reader import read_workbook_case
    return frozenset(s.id for s in compare(read_workbook_case(path)).scenarios)


def english_in(text: str, names, english_texts) -> list[str]:
    """The English a French reader would trip on in ``text``: a whole English text of the program, or
    an English word, once proper names are taken out."""
    for name in names:
        text = text.replace(name, " ")
    found = [piece for piece in english_texts if piece in text]
    words = re.findall(r"[A-Za-z_/\-]+(?:'[a-z]+)?", text)
    found += [w for w in words if w in ENGLISH_WORDS and w not in KEPT]
    return found


def shown_texts(path):
    """(where, text) of everything a person reads in the workbook at ``path``."""
    wb = load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        if ws.title in NOT_SCANNED:
            continue
        yield f"tab {ws.title!r}", ws.title
        if ws.title in {dict((k, t) for k, _, t in SHEETS)[key] for key in CELLS_NOT_SCANNED}:
            continue
        for row in ws.iter_rows():
            for cell in row:
                where = f"{ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    yield where, cell.value
                if cell.comment is not None:
                    yield f"{where} (note)", cell.comment.text
        for dv in ws.data_validations.dataValidation:
            for attr in ("error", "errorTitle", "prompt", "promptTitle"):
                if getattr(dv, attr):
                    yield f"{ws.title}!{dv.sqref} (validation {attr})", getattr(dv, attr)
            if dv.type == "list" and dv.formula1:
                yield f"{ws.title}!{dv.sqref} (list)", dv.formula1.strip('"').replace(",", ", ")


def offenders(path) -> list[str]:
    names, english_texts, ids = _case_names(path), _english_texts(), _scenario_ids(path)
    found = []
    english_tabs = {tab for _, tab, french in SHEETS if tab != french}
    for where, text in shown_texts(path):
        if text in ids:
            continue
        hits = english_in(text, names, english_texts)
        if where.startswith("tab ") and text in english_tabs:
            hits.append(text)
        if hits:
            found.append(f"{where}: {sorted(set(hits))} in {text[:90]!r}")
    return found


def test_the_french_book_has_no_english(built_book):
    found = offenders(built_book("example", "fr").path)
    assert not found, f"{len(found)} texts with English in the French book:\n" + "\n".join(found[:40])


def test_the_scan_sees_english_where_there_is_some(built_book):
    """The scan is not blind: the English book trips it everywhere."""
    found = offenders(built_book("example", "en").path)
    assert len(found) > 200
    assert any(where.startswith("tab 'Dashboard'") for where in found)


@pytest.mark.parametrize("text, english", [
    ("Modèle de prix : per_hour", ["per_hour"]),
    ("Note and source", ["and"]),
    ("Part hybride à la VAN de coût la plus basse", []),
    ("outsourcing saves above this volume", ["outsourcing", "saves", "above", "this"]),
])
def test_the_scan_of_one_text(text, english):
    assert sorted(set(english_in(text, (), set()))) == sorted(english)


def test_every_chart_of_the_french_book_reads_a_sheet_it_has(built_book):
    """A chart series naming a sheet by its English key (``'Compare'!C131``) draws nothing in a French
    book: every reference of every chart names one of the book's tabs."""
    import zipfile
    path = built_book("example", "fr").path
    tabs = set(load_workbook(path, read_only=True).sheetnames)
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    refs = [ref for xml in charts for ref in re.findall(r"<(?:c:)?f>([^<]+)</(?:c:)?f>", xml)]
    named = {re.match(r"^'?(.*?)'?!", ref).group(1).replace("''", "'") for ref in refs}
    assert len(charts) >= 3 and refs and named <= tabs, named - tabs


# -- The French terminal (issue 16): every line a command prints, in the book's or the command's language --

def _terminal_english() -> set[str]:
    """The pieces of the program's English texts (the book's, and the terminal's) a French line never holds."""
    from xlmodel.text.terminal import TERMINAL
    texts, french = set(), set()

    def walk(value, into):
        if isinstance(value, str):
            into.add(value)
        elif isinstance(value, (dict, list, tuple)):
            for item in (value.values() if isinstance(value, dict) else value):
                walk(item, into)
    walk(TERMINAL["en"], texts)
    walk(TERMINAL["fr"], french)
    pieces = {p.strip(" :;,.()'") for text in texts - french for p in re.split(r"\{[^}]*\}", text)}
    return _english_texts() | {p for p in pieces if len(p) >= 12 and " " in p}


def english_lines(output: str, names, paths=()) -> list[str]:
    """The lines of a command's output holding English, once paths and proper names are taken out."""
    english = _terminal_english()
    found = []
    for line in output.splitlines():
        text = line
        for path in sorted(map(str, paths), key=len, reverse=True):
            text = text.replace(path, " ")
        hits = english_in(text, names, english)
        if hits:
            found.append(f"{sorted(set(hits))} in {line[:100]!r}")
    return found


@pytest.fixture(scope="module")
def french_commands(built_book, tmp_path_factory):
    """Every command run in French once (a French book, or --lang fr): {command: stdout + stderr}, the
    paths they name, and the case's proper names."""
    import shutil

    from xlmodel import tender
    from xlmodel.text import choice_label, form_words
    from workbook_helpers import run_cli_plain
    folder = tmp_path_factory.mktemp("french_terminal")
    book = folder / "livre.xlsx"
    shutil.copy(built_book("example", "fr").path, book)
    form = tender.write_quote_form(folder / "offre.xlsx", lang="fr")
    from openpyxl import load_workbook as load
    wb = load(form)
    ws = wb[form_words("fr")["quote"]]
    rows = {c.value: c.row for (c,) in ws.iter_rows(min_col=5, max_col=5) if isinstance(c.value, str)}
    answers = {"name": "Océan Indien Services", "contact_name": "Jeanne Martin", "contact_email": "jm@oi.example",
               "pricing_model": choice_label("per_minute", "fr"), "price": 0.45, "setup_fee": None}
    for key, value in answers.items():
        ws[f"B{rows[key]}"] = value
    wb.save(form)
    runs = {
        "compare": ["compare", book],  # a French book speaks French without --lang
        "risk": ["risk", book, "--draws", "200"],
        "build": ["build", "--lang", "fr", "-o", folder / "neuf.xlsx"],
        "validate": ["validate", book],
        "export-case": ["export-case", book, "-o", folder / "cas.toml"],
        "rfp-template": ["rfp-template", "--lang", "fr", "-o", folder / "vierge.xlsx"],
        "import-quotes": ["import-quotes", form, "--into", book, "--dry-run"],
    }
    out = {name: run_cli_plain(args) for name, args in runs.items()}
    names = _case_names(book)
    return out, names, (folder, *(a for args in runs.values() for a in args if isinstance(a, type(folder))))


@pytest.mark.parametrize("command", ["compare", "risk", "build", "validate", "export-case", "rfp-template",
                                     "import-quotes"])
def test_every_line_a_french_command_prints_is_french(french_commands, command):
    out, names, paths = french_commands
    code, stdout, stderr = out[command]
    assert code == 0, stderr
    found = english_lines(stdout + "\n" + stderr, names, paths)
    assert stdout and not found, "\n".join(found[:20])


def test_the_french_import_names_the_changes_in_french(french_commands):
    """The dry run of a form updating a vendor: its pricing model by its label, each change by the
    field's French label, with a French decimal mark."""
    _, stdout, _ = french_commands[0]["import-quotes"]
    assert "prestataire « Océan Indien Services » mis à jour (à la minute, 0,45 € par minute traitée)" in stdout
    assert "Prix proposé : 0,42 -> 0,45" in stdout or "0,42 -> 0,45" in stdout
    assert "Simulation : rien n'a été écrit" in stdout


def test_the_terminal_scan_sees_english_in_an_english_command(capsys):
    from workbook_helpers import run_cli
    code, out, err = run_cli(["validate"], capsys)
    assert code == 0 and english_lines(out, ("Lumière Énergie - customer service 2027-2031",))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_sourcing_sheet_shows_labels_in_its_language(built_book, lang):
    """The Sourcing sheet ('Répartition' in French) of a portfolio case: every text a person reads in the
    book's language, each mode by its label (extended hours, horaires étendus), no choice value with
    its underscore; in French, no English (the scan above)."""
    from xlmodel.text import choice_label
    from xlmodel.workbook.sheetnames import sheet
    path = built_book("portfolio_by_channel", lang).path
    ws = sheet(load_workbook(path, data_only=True), "Sourcing")
    texts = [(c.coordinate, c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert len(texts) > 20
    raw = [(where, text) for where, text in texts if re.search(r"\b[a-z]+_[a-z_]+\b", text)]
    assert not raw, raw[:5]
    labels = {choice_label(m, x) for m in ("split", "extended_hours", "overflow") for x in ("en", "fr")}
    modes = {text for where, text in texts if re.fullmatch(r"B\d+", where)} & labels
    assert modes and modes <= {choice_label(m, lang) for m in ("split", "extended_hours", "overflow")}
    if lang == "fr":
        names, english = _case_names(path), _english_texts()
        found = [(where, text) for where, text in texts if english_in(text, names, english)]
        assert not found, found[:5]


def test_every_colon_of_the_french_book_has_its_space_before_it(built_book):
    """French sets a space before a colon ("Hybride (horaires étendus) : Atlantique"): the monthly weights
    read "Coefficient saisonnier: janvier" and Staffing's check "Jumeau Python: concorde", beside labels
    written the French way. Each text a cell holds or a formula quotes is read (a time, 8:00, is not a
    colon of a sentence)."""
    wb = load_workbook(built_book("example", "fr").path)
    glued = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                texts = re.findall(r'"((?:[^"]|"")*)"', cell.value) if cell.value.startswith("=") else [cell.value]
                glued += [f"{ws.title}!{cell.coordinate} {text[:60]!r}" for text in texts
                          if re.search(r"[^\s\d]:(\s|$)", text)]
    assert not glued, glued[:10]
