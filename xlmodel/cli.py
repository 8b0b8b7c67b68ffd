"""The command line: converts arguments, delegates to the engine, prints results.

Exit status: 0 success, 2 bad input or usage, 1 anything else.  Errors go to stderr, one line
each, without a traceback unless ``--debug`` is given.  Every line is said in the command's language
(its ``--lang``, or its case's or workbook's), in words from :mod:`xlmodel.text.terminal`.

Over 400 lines (about 460): one function per command with its options and help, which click reads here.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import InputError, Problem
from .workbook.files import FileLockedError, WriteError
from .workbook.libreoffice import LibreOfficeError
from .workbook.verify import VerificationError

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


class _State:
    debug = False
    lang = "en"  # the language of the command's lines, once known (its --lang, or its case's or book's)
    asked = False  # the command was given --lang: a book's notices follow it rather than the book's language


class _Usage(click.UsageError):
    """A usage error of ours: the key of its sentence (:mod:`xlmodel.text.terminal`) and its values, said
    in the command's language (in English, click prints it with the usage line as it prints its own)."""

    def __init__(self, key: str, **slots):
        super().__init__(_say(key, "en", **slots))
        self.key, self.slots = key, slots


def _say(key: str, lang: str | None = None, **slots) -> str:
    """A line of the command line in its language (:mod:`xlmodel.text.terminal`)."""
    from .text import terminal_words
    return terminal_words(lang or _State.lang)[key].format(**slots)


def _start(lang: str | None) -> str:
    """A command starts: its lines in its ``--lang`` if given, else in English until its case is read."""
    _State.asked = lang is not None
    return _speak(lang or "en")


def _speak(lang: str) -> str:
    """From now on the command's lines, its errors included, are in ``lang``."""
    _State.lang = lang
    return lang


def load_source(source: str | None):
    """A case from a TOML file, a workbook built by xlmodel, or the embedded example."""
    from .case import example_case, load_case
    if source is None:
        return example_case()
    path = Path(source)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .workbook.reader import read_workbook
        read = read_workbook(path)
        _notices(read.notices, read.case.case.language)
        return read.case
    if path.suffix.lower() != ".toml":
        raise InputError(Problem.of(source, "not_a_source"))
    return load_case(path)


def _counted(n: int, word: str, lang: str | None = None) -> str:
    """``3 channels``, ``1 vendor quote``, ``3 canaux`` in the command's language."""
    from .text.tables import counted
    return counted(n, word, lang or _State.lang)


def _seconds(seconds: float, decimals: int = 2) -> str:
    from .text.sentences import number
    return number(seconds, decimals, _State.lang)


def _notices(notices, book_lang: str) -> None:
    """What a workbook's reading found and said (a blank input took its default...), on stderr, in the
    command's --lang or else the book's language."""
    from .text.problems import notice_line
    lang = _State.lang if _State.asked else book_lang
    for notice in notices:
        click.echo(_say("cli_notice", lang, notice=notice_line(notice, lang)), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback of unexpected errors.")
@click.version_option(package_name="xlmodel")
def cli(debug: bool):
    """xlmodel: in-house, outsourced and hybrid customer service, compared honestly."""
    _State.debug = debug


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--json", "as_json", is_flag=True,
              help="Print the comparison as one JSON object (several sources: one object keyed by source).")
@click.option("--no-analytics", is_flag=True,
              help="Only the scenario table: skip the economic view, vendor scoring, break-even, tornado "
                   "and Monte Carlo (about 1 s on the example).")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the tables and sentences (default: the case's or the workbook's; the JSON "
                   "carries both recommendations).")
def compare(sources, as_json, no_analytics, lang):
    """Compare every scenario of each SOURCE (a case .toml or a workbook .xlsx; default: the example).

    Several sources are all read and validated first: one invalid, and every problem of every source
    is reported and nothing is printed on stdout (exit status 2)."""
    from .engine import compare as run
    from .text.tables import comparison_table, decision_analytics
    _start(lang)
    cases, problems = [], []
    for source in sources or (None,):
        try:
            cases.append((source, load_source(source)))
        except InputError as exc:  # several sources: each problem says whose it is
            problems.extend(p if len(sources) < 2 or p.location.startswith(source) else
                            p.moved(f"{source}: {p.location}".rstrip(": ")) for p in exc.problems)
    if problems:
        raise InputError(problems)
    shown = {}
    for source, case in cases:
        result = run(case)
        lang_of = _speak(lang or case.case.language)
        data, text, timing = (result.as_json(), None, None) if no_analytics else decision_analytics(result, lang_of)
        if timing is not None and as_json:
            click.echo(timing if len(cases) == 1 else f"{source}: {timing}", err=True)  # never in the JSON
        shown[source] = data if as_json else comparison_table(result, lang_of) + ("" if text is None else "\n" + text)
    if as_json:
        data = shown[cases[0][0]] if len(cases) == 1 else shown
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    elif len(cases) == 1:
        click.echo(shown[cases[0][0]])
    else:
        click.echo("\n\n".join(f"== {source} ==\n{text}" for source, text in shown.items()))


@cli.command()
@click.argument("source", required=False)
@click.option("--draws", type=click.IntRange(1, 10_000_000), default=None,
              help="Number of Monte Carlo draws (default: the case's [risk] draws, 10 000).")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=None,
              help="Random seed; the same seed gives the same figures (default: the case's [risk] seed).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the table and sentences (default: the case's or the workbook's).")
def risk(source, draws, seed, as_json, lang):
    """Monte Carlo of SOURCE: P10/P50/P90 of NPV of cost and savings, probability of being cheapest."""
    from .analytics.montecarlo import run_risk
    from .analytics.sensitivity import tornado
    from .text.sentences import recommendation
    from .text.tables import risk_text, timings
    from .engine import compare as run
    from .limits import MAX_RISK_VALUES
    _start(lang)
    result = run(load_source(source))
    case = result.case
    lang = _speak(lang or case.case.language)
    if draws is not None and draws * len(result.scenarios) > MAX_RISK_VALUES:
        raise InputError(Problem.of("--draws", "too_many_draws", most=MAX_RISK_VALUES // len(result.scenarios),
                                    scenarios=len(result.scenarios), found=draws, limit=MAX_RISK_VALUES))
    outcome = run_risk(case, draws, seed, comparison=result)
    if as_json:
        click.echo(timings(None, outcome), err=True)  # a seeded run prints the same bytes every time
        data = {"case": case.case.name, "currency": case.case.currency, **outcome.as_json(),
                "recommendation_en": recommendation(result, "en", outcome),
                "recommendation_fr": recommendation(result, "fr", outcome)}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        click.echo(risk_text(result, outcome, tornado(case, result), lang))


DEFAULT_WORKBOOK = Path("workbooks") / "outsourcing_model.xlsx"


@cli.command()
@click.argument("case_files", nargs=-1)
@click.option("-o", "--output", type=click.Path(), default=None,
              help=f"Workbook to write (default: {DEFAULT_WORKBOOK}); with several case files, the folder "
                   "to write one workbook per case into.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the workbook's words (default: the case's language).")
@click.option("--force", is_flag=True,
              help="Replace an existing workbook even if a rebuild drops what was added to it outside the input "
                   "cells (a sheet, a note, a comment); a dated backup is kept.")
def build(case_files, output, lang, force):
    """Build the workbook of CASE_FILE (default: the example case, or the inputs already in OUTPUT).

    Rebuilding over an existing workbook keeps the inputs typed into it unless a case file is
    given; the file is written to a temporary file, then moved over the target.

    Several case files (`build cases/*.toml -o out/`) build one workbook per case into the folder
    OUTPUT, one case per core; a bad case is reported and the others still build (exit status 2
    if any failed).
    """
    _start(lang)
    as_folder = output is not None and (output.endswith(("/", "\\")) or Path(output).is_dir())
    output = None if output is None else Path(output)
    if as_folder and not case_files:
        raise _Usage("usage_folder_needs_cases", output=output)
    if len(case_files) > 1 or as_folder:
        if output is None or output.suffix.lower() in (".xlsx", ".xlsm"):
            raise _Usage("usage_several_need_folder")
        _build_many([Path(f) for f in case_files], output, lang, force)
        return
    _build_one_case(case_files[0] if case_files else None, output or DEFAULT_WORKBOOK, lang, force)


def _build_one_case(case_file, output: Path, lang, force=False):
    import time

    from .workbook.build import build_file
    started = time.perf_counter()
    if output.suffix.lower() != ".xlsx":
        raise InputError(Problem.of(str(output), "target_not_xlsx"))
    from .workbook.files import book_lock, refuse_if_locked
    refuse_if_locked(output)
    with book_lock(output):  # from reading the book's inputs to replacing it: no other writer between
        previous = None
        if case_file is not None:
            case, origin = load_source(case_file), (case_file, "cli_origin_case")
        elif output.exists():
            from .workbook.reader import read_workbook
            read = read_workbook(output, previous=not force)  # previous: the check of what the user added
            _notices(read.notices, read.case.case.language)
            case, origin, previous = read.case, (output, "cli_origin_inputs"), read.previous
        else:
            from .case import example_case
            case, origin = example_case(), (None, "cli_origin_example")
        lang = _speak(lang or case.case.language)
        report = build_file(case, output, lang=lang, force=force, previous=previous)
    path, says = origin
    click.echo(_say("cli_wrote_build", output=output, origin=_say(says, path=path),
                    scenarios=_counted(report.scenarios, "scenario"), months=_counted(report.months, "month"),
                    rows=_counted(report.rows, "row"), seconds=_seconds(time.perf_counter() - started)))
    if report.backup:
        click.echo(_say("cli_backup", path=report.backup))
    click.echo(report.recommendation)


def _build_many(case_files: list[Path], out_dir: Path, lang, force=False):
    """Batch build: a progress bar while the cores work, then one summary row per case."""
    import time

    from .workbook.build import batch_outputs, build_batch
    for case_file in case_files:
        if case_file.suffix.lower() != ".toml":
            raise InputError(Problem.of(str(case_file), "batch_toml_only"))
    batch_outputs(case_files, out_dir)  # refuse name clashes before any work
    started, items = time.perf_counter(), []
    with click.progressbar(length=len(case_files), label=_say("batch_label", count=len(case_files)),
                           file=sys.stderr, show_pos=True) as bar:
        for item in build_batch(case_files, out_dir, lang, force=force):
            items.append(item)
            bar.update(1)
    order = {f: i for i, f in enumerate(case_files)}
    items.sort(key=lambda it: order[it.case_file])
    width = max(len(str(it.case_file)) for it in items)
    from .text import terminal_words
    case, status, took, detail = terminal_words(_State.lang)["batch_head"]
    click.echo(f"{case:<{width}}  {status:<6}  {took:>6}  {detail}")
    for it in items:
        status, detail = (_say("batch_ok"), str(it.output)) if it.ok else (_say("batch_failed"), it.errors[0])
        click.echo(f"{str(it.case_file):<{width}}  {status:<6}  {_seconds(it.seconds, 1):>5}s  {detail}")
        for more in it.errors[1:]:
            click.echo(f"{'':<{width}}  {'':<6}  {'':>6}  {more}")
    failed = [it for it in items if not it.ok]
    click.echo(_say("batch_summary", built=len(items) - len(failed), failed=len(failed),
                    seconds=_seconds(time.perf_counter() - started, 1),
                    cores=_counted(min(len(items), os.cpu_count() or 1), "core")))
    for it in failed:
        for problem in it.errors:
            click.echo(_say("cli_error", problem=f"{it.case_file}: {problem}"), err=True)
    if failed:
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("source", required=False)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write NAME.pdf and the pages NAME-1.png, NAME-2.png... into.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the workbook built from a case (default: the case's language).")
@click.option("--sheets", default=None, help="Comma-separated sheets to print (default: every visible sheet).")
@click.option("--dpi", type=click.IntRange(30, 600), default=110, show_default=True,
              help="Resolution of the PNG pages.")
def render(source, out_dir, lang, sheets, dpi):
    """Print SOURCE to PDF and PNG pages as LibreOffice prints it, recalculated (SOURCE: a case
    .toml, built first; a workbook .xlsx, printed as it is; default: the example case).

    Needs LibreOffice and poppler's pdftoppm. Nothing is written to OUTPUT unless every page is made."""
    import time

    from .workbook.pages import render_pages
    started = time.perf_counter()
    wanted = [s.strip() for s in sheets.split(",") if s.strip()] if sheets else None
    workbook = Path(source) if source and Path(source).suffix.lower() in (".xlsx", ".xlsm") else None
    _start(lang)
    if workbook is not None and lang:
        raise _Usage("usage_lang_for_case")
    case = None if workbook is not None else load_source(source)
    name = Path(source).stem if source else "example"
    pages = render_pages(workbook, out_dir, case=case, name=name, lang=lang or (case and case.case.language) or "en",
                         sheets=wanted, dpi=dpi, progress=lambda line: click.echo(line, err=True))
    _speak(pages.lang)
    click.echo(_say("cli_wrote_render", pdf=pages.pdf, pages=len(pages.pngs), folder=out_dir,
                    sheets=", ".join(pages.sheets), seconds=_seconds(time.perf_counter() - started, 1)))


@cli.command("export-case")
@click.argument("source")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Case file to write (default: print the TOML on standard output).")
def export_case(source, output):
    """Write the inputs of SOURCE (a workbook .xlsx, or a case .toml) as a case file.

    The case file builds the same workbook again: `build CASE.toml -o BOOK.xlsx`.
    """
    from .case import case_to_toml
    from .workbook.files import write_atomic
    case = load_source(source)
    _speak(case.case.language)
    text = _say("cli_exported", name=Path(source).name) + "\n" + case_to_toml(case)
    if output is None:
        click.echo(text, nl=False)
        return
    if output.suffix.lower() != ".toml":
        raise InputError(Problem.of(str(output), "target_not_toml"))
    write_atomic(output, text.encode("utf-8"))
    click.echo(_say("cli_wrote_case", output=output, source=source, channels=_counted(len(case.channels), "channel"),
                    quotes=_counted(len(case.vendors), "quote")))


@cli.command()
@click.argument("source", required=False)
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the messages (default: the case's or the workbook's).")
def validate(source, lang):
    """Check every input of SOURCE; list each invalid one with where it is (exit 2 if any)."""
    from .engine import compare
    _start(lang)
    case = load_source(source)
    _speak(lang or case.case.language)
    compare(case)  # inputs valid one by one may still ask for a load the staffing model does not size
    click.echo(_say("cli_valid", name=case.case.name, channels=_counted(len(case.channels), "channel"),
                    quotes=_counted(len(case.vendors), "quote"), years=_counted(case.finance.horizon_years, "year")))


@cli.command("rfp-template")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("quote_form.xlsx"),
              show_default=True, help="Quote form to write.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the form.")
@click.option("--currency", type=click.Choice(["EUR", "GBP", "USD", "CHF"]), default="EUR", show_default=True,
              help="Currency of every amount on the form (that of the workbook the quotes go into).")
def rfp_template(output, lang, currency):
    """Write the quote form a vendor fills in for the tender (one form per offer)."""
    from .tender import form_fields, write_quote_form
    from .text import choice_label, currency_text
    _speak(lang)
    write_quote_form(output, lang=lang, currency=currency)
    click.echo(_say("cli_wrote_form", output=output, fields=_counted(len(form_fields()), "field"),
                    language=choice_label(lang, lang), cur=currency_text(currency, lang)))


@cli.command("import-quotes")
@click.argument("forms", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--into", "book", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Workbook built by `build` whose vendor quotes are added or updated.")
@click.option("--replace", is_flag=True,
              help="An updated vendor takes every field from its form, a blank cell meaning the default "
                   "(by default a blank cell keeps the book's value).")
@click.option("--dry-run", is_flag=True, help="Say what each form would add or change, field by field, and write nothing.")
@click.option("--force", is_flag=True, help="Rebuild the workbook even if that drops what was added to it outside "
                                            "the input cells; a dated backup is kept.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the messages (default: the workbook's); the workbook keeps its own.")
def import_quotes(forms, book, replace, dry_run, force, lang):
    """Validate returned quote FORMS and add or update their vendors in a workbook (all or nothing).

    What each form adds or changes is printed field by field (old -> new) before the workbook is written.
    """
    from .text import words
    from .text.problems import notice_line
    from .tender import import_quotes as run

    _start(lang)

    def announce(imported, book_lang):
        lang = _speak(_State.lang if _State.asked else book_lang)  # --lang, else the book's language
        colon = words(lang)["colon"]
        for item in imported:
            click.echo(f"{item.quote.path}{colon}{item.describe(lang)}")
            for line in item.change_lines(lang):
                click.echo(f"  {line}")
            for notice in item.quote.notices:
                click.echo("  " + _say("cli_notice", notice=notice_line(notice, lang)))
    report = run(forms, book, replace=replace, dry_run=dry_run, announce=announce, force=force)
    quotes = _counted(report.vendors, "quote", _speak(_State.lang if _State.asked else report.lang))
    if not report.written:
        click.echo(_say("cli_dry_run", book=book, quotes=quotes))
        return
    click.echo(_say("cli_wrote_import", book=report.book, quotes=quotes))
    if report.backup:
        click.echo(_say("cli_import_backup", path=report.backup))
    if report.recommendation:
        click.echo(report.recommendation)


def main(argv=None):
    """Entry point: run the click group and map errors to exit statuses and one-line messages."""
    _State.debug, _State.lang, _State.asked = False, "en", False  # a previous in-process call leaves nothing on
    try:
        cli.main(args=argv, prog_name="xlmodel", standalone_mode=False)
    except InputError as exc:
        from .text.problems import problem_line
        if exc.lang and "--lang" not in (sys.argv[1:] if argv is None else argv):
            _speak(exc.lang)  # a French workbook's problems in French, unless --lang says otherwise
        for problem in exc.problems:
            click.echo(_say("cli_error", problem=problem_line(problem, _State.lang)), err=True)
        click.echo(_say("cli_invalid", count=len(exc.problems)), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except (FileLockedError, WriteError, VerificationError, LibreOfficeError) as exc:
        click.echo(_say("cli_error", problem=exc.said(_State.lang)), err=True)
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo(_say("aborted"), err=True)
        sys.exit(EXIT_ERROR)
    except click.UsageError as exc:
        _usage(exc, sys.argv[1:] if argv is None else argv)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
        if _State.debug:
            raise
        click.echo(_say("cli_error", problem=_say("fail_unexpected", kind=type(exc).__name__, message=exc)), err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)


def _usage(exc: click.UsageError, args) -> None:
    """A usage error, exit status 2: as click prints it in English, in words of ours in French
    (:func:`xlmodel.text.usage.usage_lines`)."""
    from .text.usage import usage_lines
    lines = usage_lines(exc, _State.lang, args)
    if not lines:
        exc.show()
    for line in lines:
        click.echo(line, err=True)
    sys.exit(EXIT_BAD_INPUT)
