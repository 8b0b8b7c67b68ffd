"""The live workbook: an edit in any Excel recalculates the whole comparison (issue 11, point 4).

A built workbook is edited as a finance user edits it (the input cells of the plan, within their
validation: volumes, handling times, service targets, salaries, rates, vendor prices and pricing
models, minimums, hybrid mode and share, seasonality...), recalculated in process by IronCalc, and
every figure the build verifies (every scenario's annual costs and cost lines, NPV of cost and of
savings, ROI, payback, IRR, FTE; the native agents on duty; every check; the recommendation and
its sentence) must equal the engine's on the inputs read back from the edited book, as `compare`
reads them. IronCalc loads each base book once; an example types its edits, evaluates, and types
the build's values back. 350 random edits (320 of a small book, 30 of the example); a few edited
books go through LibreOffice as a third engine.

Edits that are no longer a comparison the engine makes are said, never shown as figures: inputs each
valid alone but refused together (scoring weights off 1, an FTE proposed to a vendor priced per
hour) are refused at their cell; a traffic beyond the native search, or a deferred channel made live
(its kind is the shape of its staffing: xlmodel.model.sizing), fails a check on the Dashboard.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from xlmodel.case import example_case
from xlmodel.engine import compare
from xlmodel.errors import InputError
from xlmodel.text import choice_label
from xlmodel.text import words
from xlmodel.text.sentences import amount
from xlmodel.workbook.build import build_file
from xlmodel.workbook.parts import workbook_bytes
from xlmodel.workbook.reader import read_book_case
from xlmodel.workbook.verify import disagreements

from live_book import LiveBook, editable_cells, seasonality_cells, within
from workbook_helpers import recalculated_side_by_side, run_cli


def small_case():
    """1-2 years, 2 channels (one live, one deferred), 2 vendors: quick to recalculate; without the
    example's portfolios (they name the channel and the vendor left out; their live edits are
    tests/test_portfolio.py's and tests/test_phases.py's)."""
    c = example_case()
    return c.replace(finance=replace(c.finance, horizon_years=2),
                     demand=replace(c.demand, channels=c.demand.channels[:2]),
                     vendors=c.vendors[:2], portfolios=(),
                     hybrid=replace(c.hybrid, vendors=tuple(v.name for v in c.vendors[:2])))


class Base:
    """A base book built once, its plan, its editable cells, and the book loaded once in IronCalc."""

    def __init__(self, case, path, lang="en", plan=None):
        self.plan = plan or build_file(case, path, lang=lang, backup=False).plan
        self.case, self.path, self.lang = case, path, lang
        self.cells = editable_cells(self.plan, case)
        self.seasonality = seasonality_cells(self.plan)
        # The scoring weights must sum to 1: edited together (one alone is refused, tested below).
        self.weights = [(c.sheet, c.row, c.column) for c in self.cells if c.field.name.startswith("weight_")]
        self.singles = [c for c in self.cells if not c.field.name.startswith("weight_")]
        self.live = LiveBook(path, lang)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return Base(small_case(), tmp_path_factory.mktemp("live") / "small.xlsx")


@pytest.fixture(scope="module")
def example(built_book):
    built = built_book("example")
    return Base(example_case(), built.path, plan=built.plan)


@st.composite
def new_value(draw, cell):
    """A value a user might type in ``cell``, within its validation: another choice, or a number
    near the build's value (x0.25 to x2.5), or anywhere in a narrow range (rates, scores, hours)."""
    f, v = cell.field, cell.value
    if f.kind == "choice":
        return draw(st.sampled_from(f.choices))
    lo = f.minimum if f.minimum is not None else -1e6
    hi = f.maximum if f.maximum is not None else 1e6
    if f.kind == "int":
        x = draw(st.integers(math.ceil(lo), math.floor(min(hi, max(3 * (v or 0), lo + 24)))))
    elif v and (hi - lo > 1000 or draw(st.booleans())):
        x = v * draw(st.floats(0.25, 2.5))
    else:
        x = draw(st.floats(lo, min(hi, lo + 1000)))
    x = round(x, 4) if f.kind == "rate" else round(x, 2)
    assume(within(f, x))
    return x


@st.composite
def edits(draw, base):
    """One to four input cells and their new values; sometimes the twelve seasonality weights."""
    chosen = draw(st.lists(st.sampled_from(base.singles), min_size=1, max_size=4, unique_by=lambda c: c.cell))
    typed = [((c.sheet, c.row, c.column), draw(new_value(c))) for c in chosen]
    if draw(st.integers(0, 5)) == 0:  # rounded as a user types them, the last making the average 1
        typed += list(zip(base.seasonality, draw(shares(12, 12))))
    if draw(st.integers(0, 5)) == 0:  # the scoring weights, summing to 1
        typed += list(zip(base.weights, draw(shares(len(base.weights), 1))))
    return typed


@st.composite
def shares(draw, n, total):
    """``n`` positive values summing to ``total``, rounded to 3 decimals as a user types them."""
    raw = draw(st.lists(st.floats(0.5, 1.5), min_size=n, max_size=n))
    values = [round(w * total / sum(raw), 3) for w in raw[:-1]]
    return values + [round(total - sum(values), 3)]


def as_chosen(base, value):
    """What a user chooses in a cell for ``value``: a choice as its label in the book's language (the
    list of a choice cell offers labels), anything else as it is."""
    return choice_label(value, base.lang)


def live_disagreements(base, typed):
    """Type ``typed`` into the base book, recalculate it, and list what differs from the engine on
    the inputs read back from it (None when the engine refuses those inputs)."""
    live = base.live
    try:
        for (sheet, row, column), value in typed:
            live.edit(sheet, row, column, as_chosen(base, value))
        live.evaluate()
        try:
            case = read_book_case(live)
        except InputError as exc:
            return exc
        return disagreements(live.recalculated, base.plan, compare(case), base.lang)
    finally:
        live.reset()


def check_edit(base, typed):
    if made_live(base, typed):
        return rebuild_asked(base, typed)
    found = live_disagreements(base, typed)
    if isinstance(found, InputError):
        refused_sensibly(base, typed, found)
        return
    assert found == [], (typed, [str(d) for d in found[:5]])


def made_live(base, typed) -> bool:
    """Whether ``typed`` makes a channel built as deferred a live one: a channel's kind is the shape
    of its staffing (a deferred channel has no Erlang C search: xlmodel.model.sizing)."""
    kinds = {_cell(base, "kind", i): channel.kind for i, channel in enumerate(base.case.channels)}
    return any(kinds.get(key) == "deferred" and value == "live" for key, value in typed)


def rebuild_asked(base, typed):
    """Such an edit fails the coverage check (the Staffing sheet says the channel needs a rebuild)
    and the Dashboard says a check fails."""
    live, plan = base.live, base.plan
    try:
        for key, value in typed:
            live.edit(*key, as_chosen(base, value))
        live.evaluate()
        covered = dict(plan.checks.rows)["staffing_covered"]
        assert live.recalculated.value("Checks", f"B{covered}") == 0, typed
        assert live.recalculated.value("Dashboard", "B3") != "all checks pass", typed
    finally:
        live.reset()


def refused_sensibly(base, typed, error):
    """Inputs each valid alone that the engine refuses together (scoring weights that no longer sum
    to 1, an FTE proposed to a vendor priced otherwise): every problem is located."""
    assert error.problems and all(p.location for p in error.problems), error


SMALL = settings(max_examples=320, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
EXAMPLE = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@given(data=st.data())
@SMALL
def test_random_edits_of_a_small_book_recalculate_to_the_engines_figures(small, data):
    check_edit(small, data.draw(edits(small)))


@given(data=st.data())
@EXAMPLE
def test_random_edits_of_the_example_recalculate_to_the_engines_figures(example, data):
    check_edit(example, data.draw(edits(example)))


def test_the_base_books_agree_before_any_edit(small, example):
    for base in (small, example):
        assert live_disagreements(base, []) == []



def _cell(base, name, i=0):
    from openpyxl.utils import column_index_from_string
    return ("Channels", base.plan.channels.row(i), column_index_from_string(base.plan.channels.columns[name]))


def test_no_volume_at_all_is_a_comparison_both_engines_make(small):
    """Zero contacts on every channel: valid (a service being closed down); nothing to staff."""
    typed = [(_cell(small, "annual_volume", i), 0) for i in range(len(small.case.channels))]
    assert live_disagreements(small, typed) == []


def test_traffic_beyond_the_native_search_fails_a_check_and_is_refused_with_its_channel(small):
    """Valid cell by cell, a billion calls of two hours: the workbook's coverage check fails (the
    Dashboard says a check fails), and the engine refuses, naming the channel's volume."""
    live, plan = small.live, small.plan
    typed = [(_cell(small, "annual_volume"), 1e9), (_cell(small, "aht_seconds"), 7200)]
    try:
        for key, value in typed:
            live.edit(*key, as_chosen(small, value))
        live.evaluate()
        book = live.recalculated
        covered = dict(plan.checks.rows)["staffing_covered"]
        assert book.value("Checks", f"B{covered}") == 0 and book.value("Checks", f"B{plan.checks.master_row}") == 0
        assert book.value("Dashboard", "B3") == "A CHECK FAILS: see the Checks sheet"
        with pytest.raises(InputError, match="60 000 Erlangs") as caught:
            compare(read_book_case(live))
        assert "annual_volume" in caught.value.problems[0].location
    finally:
        live.reset()


def test_scoring_weights_that_no_longer_sum_to_1_are_refused_at_their_cell_and_mark_the_analytics_stale(small):
    live, plan = small.live, small.plan
    try:
        live.edit(*small.weights[0], 0.9)
        live.evaluate()
        assert live.recalculated.value("Risk", f"B{plan.risk.current_row}") == 0
        with pytest.raises(InputError, match="sum to 1") as caught:
            read_book_case(live)
        assert caught.value.problems[0].location.startswith("Inputs!B")
    finally:
        live.reset()


class _Values:
    """The values of a book recalculated by LibreOffice, as :func:`disagreements` reads a book."""

    def __init__(self, wb):
        self.wb = wb

    def value(self, sheet, cell):
        return self.wb[sheet][cell].value


def _edited_copy(base, typed, path, loaded_book):
    wb = loaded_book(base.path)
    for (sheet, row, column), value in typed:
        wb[sheet].cell(row=row, column=column, value=as_chosen(base, value))
    path.write_bytes(workbook_bytes(wb))  # as openpyxl saves, with relative targets as Excel writes them
    return path


LIBREOFFICE_EDITS = [
    lambda b: [(_cell(b, "annual_volume"), 450_000), (_cell(b, "service_level"), 0.9)],
    lambda b: [(_cell(b, "aht_seconds", 1), 600), (("Inputs", b.plan.inputs.fields[("inhouse", "gross_salary")], 2),
                                                     27_500)],
    lambda b: [(("Vendors", b.plan.vendors.row(0), _vendor_column(b, "pricing_model")), "per_contact"),
               (("Vendors", b.plan.vendors.row(0), _vendor_column(b, "price")), 4.2),
               (("Vendors", b.plan.vendors.row(1), _vendor_column(b, "minimum_monthly")), 250_000),
               (("Hybrid", b.plan.hybrid.fields["mode"], 2), "share"), (("Hybrid", b.plan.hybrid.fields["share"], 2),
                                                                       0.45)],
]


def _vendor_column(base, name):
    from openpyxl.utils import column_index_from_string
    return column_index_from_string(base.plan.vendors.columns[name])


@pytest.fixture(scope="module")
def libreoffice_copies(soffice, small, example, loaded_book, tmp_path_factory):
    """The edited books of the tests below and their values recalculated by LibreOffice, in two starts
    of it side by side: ``{name: (edited book, recalculated values)}``."""
    folder = tmp_path_factory.mktemp("live_libreoffice")
    books = {f"edit{k}": _edited_copy(small, make(small), folder / f"edit{k}.xlsx", loaded_book)
             for k, make in enumerate(LIBREOFFICE_EDITS)}
    books["issue"] = _edited_copy(example, [(_cell(example, "annual_volume"), 800_000)], folder / "issue.xlsx",
                                  loaded_book)
    values = recalculated_side_by_side(list(books.values()), folder / "recalculated")
    return dict(zip(books, zip(books.values(), map(_Values, values))))


@pytest.mark.libreoffice
def test_edits_recalculated_by_libreoffice_agree_with_the_engine_and_with_ironcalc(libreoffice_copies, small):
    from xlmodel.workbook.reader import read_workbook_case
    for k, make in enumerate(LIBREOFFICE_EDITS):
        book, copy = libreoffice_copies[f"edit{k}"]
        result = compare(read_workbook_case(book))
        assert disagreements(copy, small.plan, result, "en") == [], book.name
        assert live_disagreements(small, make(small)) == [], book.name


@pytest.mark.libreoffice
def test_the_issues_scenario_phone_volume_800000_recalculated_equals_compare_to_the_cent(libreoffice_copies, example,
                                                                                        capsys):
    """Issue 11: the phone volume raised to 800 000 on the Inputs sheet, recalculated in LibreOffice
    and in IronCalc: the Dashboard equals `python cli.py compare BOOK.xlsx` to the cent, every check
    passing."""
    from xlmodel.workbook.verify import load
    book, copy = libreoffice_copies["issue"]
    code, out, _ = run_cli(["compare", book, "--json"], capsys)
    assert code == 0
    expected = json.loads(out)
    libreoffice = copy
    dash, checks = example.plan.dashboard, example.plan.checks
    for engine in (libreoffice, load(book)):
        best = next(s for s in expected["scenarios"] if s["id"] == expected["best"])
        assert engine.value("Dashboard", "B6") == expected["best"]
        assert round(engine.value("Dashboard", "B7"), 2) == round(best["npv_savings"], 2)
        for r, s in zip(dash.scenarios.rows, expected["scenarios"]):
            assert round(engine.value("Dashboard", f"B{r}"), 2) == round(s["npv_cost"], 2), s["id"]
            assert round(engine.value("Dashboard", f"C{r}"), 2) == round(s["npv_savings"], 2), s["id"]
        assert [engine.value("Checks", f"B{r}") for _, r in checks.rows] == [1] * len(checks.rows)
        assert engine.value("Dashboard", "B3") == "all checks pass"
        # One headline: the analytics of the build no longer show, one sentence says how to refresh them.
        assert engine.value("Dashboard", dash.sentence_cell) == words("en")["analytics_stale"]
        assert all(engine.value("Dashboard", cell) in (None, "") for cell in dash.decision_cells)


@pytest.mark.parametrize("edit", ["the second vendor's price", "none"])
def test_the_analytics_show_while_current_and_say_they_are_out_of_date_once_an_input_changes(small, edit):
    """Issue 11, point 5: the Dashboard shows the analytics computed in Python (which restate no
    saving of the live headline) while they match the inputs; after an edit, even one that leaves
    the recommended scenario's saving alone (another vendor's price), one sentence instead."""
    live, plan, dash = small.live, small.plan, small.plan.dashboard
    best = compare(small.case).scenario(compare(small.case).best)
    try:
        if edit != "none":
            live.edit("Vendors", plan.vendors.row(1), _vendor_column(small, "price"), small.case.vendors[1].price * 1.1)
        live.evaluate()
        book = live.recalculated
        sentence = book.value("Dashboard", dash.sentence_cell)
        if edit == "none":
            assert book.value("Risk", f"B{plan.risk.current_row}") == 1
            assert sentence == book.value("Risk", f"A{plan.risk.sentences.first}") and "simulated draws" in sentence
            headline = re.escape(amount(best.npv_savings, "en"))
            assert not re.search(rf"(?<![\d,.]){headline}(?![\d,.])", sentence)
            assert [book.value("Dashboard", c) for c in dash.decision_cells] == [
                book.value("Risk", f"A{r}") for r in plan.risk.sentences.rows[1:]]
        else:
            assert book.value("Risk", f"B{plan.risk.current_row}") == 0
            assert sentence == words("en")["analytics_stale"] and "python cli.py build -o BOOK.xlsx" in sentence
            assert all(book.value("Dashboard", c) in (None, "") for c in dash.decision_cells)
    finally:
        live.reset()


@pytest.mark.parametrize("years", [1, 3])
def test_a_new_horizon_fails_a_check_until_a_rebuild(small, years):
    """The horizon sets how many months the sheets have: edited, the workbook says a rebuild is needed."""
    live, plan = small.live, small.plan
    try:
        live.edit("Inputs", plan.inputs.fields[("finance", "horizon_years")], 2, years)
        live.evaluate()
        horizon = dict(plan.checks.rows)["check_horizon"]
        assert live.recalculated.value("Checks", f"B{horizon}") == 0
        assert live.recalculated.value("Dashboard", "B3") == "A CHECK FAILS: see the Checks sheet"
    finally:
        live.reset()
