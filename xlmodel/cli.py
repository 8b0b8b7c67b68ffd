"""The command line: converts arguments, delegates to the engine, prints results.

Exit status: 0 success, 2 bad input or usage, 1 anything else.  Errors go to stderr, one line
each, without a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import InputError, Problem

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


class _State:
    debug = False


def load_source(source: str | None):
    """A case from a TOML file, a workbook built by xlmodel, or the embedded example."""
    from .case import example_case, load_case
    if source is None:
        return example_case()
    path = Path(source)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .workbook.reader import read_workbook_case
        return read_workbook_case(path)
    if path.suffix.lower() != ".toml":
        raise InputError(Problem(source, "expected a case file (.toml) or a workbook (.xlsx)"))
    return load_case(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback of unexpected errors.")
@click.version_option(package_name="xlmodel")
def cli(debug: bool):
    """xlmodel: in-house, outsourced and hybrid customer service, compared honestly."""
    _State.debug = debug


@cli.command()
@click.argument("source", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as one JSON object.")
@click.option("--no-analytics", is_flag=True,
              help="Only the scenario table: skip the economic view, vendor scoring, break-even, tornado "
                   "and Monte Carlo (about 1 s on the example).")
def compare(source, as_json, no_analytics):
    """Compare every scenario of SOURCE (a case .toml or a workbook .xlsx; default: the example)."""
    from .engine import compare as run
    from .report import comparison_table, decision_analytics
    result = run(load_source(source))
    data, text = (result.as_json(), None) if no_analytics else decision_analytics(result)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        click.echo(comparison_table(result) + ("" if text is None else "\n" + text))


@cli.command()
@click.argument("source", required=False)
@click.option("--draws", type=click.IntRange(1, 10_000_000), default=None,
              help="Number of Monte Carlo draws (default: the case's [risk] draws, 10 000).")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=None,
              help="Random seed; the same seed gives the same figures (default: the case's [risk] seed).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
def risk(source, draws, seed, as_json):
    """Monte Carlo of SOURCE: P10/P50/P90 of NPV of cost and savings, probability of being cheapest."""
    from .analytics.montecarlo import run_risk
    from .analytics.sensitivity import tornado
    from .analytics.summary import recommendation_sentence, risk_text
    from .engine import compare as run
    case = load_source(source)
    result = run(case)
    outcome = run_risk(case, draws, seed, comparison=result)
    if as_json:
        data = {"case": case.case.name, "currency": case.case.currency, **outcome.as_json(),
                "recommendation_en": recommendation_sentence(result, outcome, None, "en"),
                "recommendation_fr": recommendation_sentence(result, outcome, None, "fr")}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        click.echo(risk_text(result, outcome, tornado(case, result)))


DEFAULT_WORKBOOK = Path("workbooks") / "outsourcing_model.xlsx"


@cli.command()
@click.argument("case_file", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_WORKBOOK,
              show_default=True, help="Workbook to write.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the workbook's words (default: the case's language).")
def build(case_file, output, lang):
    """Build the workbook of CASE_FILE (default: the example case, or the inputs already in OUTPUT).

    Rebuilding over an existing workbook keeps the inputs typed into it unless a case file is
    given; the file is written to a temporary file, then moved over the target.
    """
    import time

    from .workbook.build import build_file
    started = time.perf_counter()
    if case_file is not None:
        case, origin = load_source(case_file), case_file
    elif output.exists():
        from .workbook.reader import read_workbook_case
        case, origin = read_workbook_case(output), f"the inputs of {output}"
    else:
        from .case import example_case
        case, origin = example_case(), "the embedded example case"
    report = build_file(case, output, lang=lang or case.case.language, backup=case_file is not None)
    click.echo(f"Wrote {output} from {origin} ({report.scenarios} scenarios, {report.months} months, "
               f"{report.rows} line items) in {time.perf_counter() - started:.2f} s.")
    if report.backup:
        click.echo(f"The previous workbook is kept as {report.backup}.")
    click.echo(report.recommendation)


@cli.command()
@click.argument("source", required=False)
def validate(source):
    """Check every input of SOURCE; list each invalid one with where it is (exit 2 if any)."""
    case = load_source(source)
    click.echo(f"OK: {case.case.name!r} is valid ({len(case.channels)} channels, "
               f"{len(case.vendors)} vendor quotes, {case.finance.horizon_years} years).")


def main(argv=None):
    """Entry point: run the click group and map errors to exit statuses and one-line messages."""
    _State.debug = False  # a previous in-process call must not leave --debug on
    try:
        cli.main(args=argv, prog_name="xlmodel", standalone_mode=False)
    except InputError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        click.echo(f"{len(exc.problems)} invalid input(s); nothing was computed or written.", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
        if _State.debug:
            raise
        click.echo(f"error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)
