"""The formula language: one table of functions, the same values for one case and for many draws,
the Excel rendering, and the expressions it refuses."""

from __future__ import annotations

import numpy as np
import pytest

from xlmodel import finance
from xlmodel.model.language import FUNCTIONS, FormulaError, MonthlyRow, Timeline, YearlyRow, formula

MONTHS = 24
RNG = np.random.default_rng(5)
GRID = Timeline("E", "AB", 4, "D", "F", 40)


def monthly(seed: int) -> np.ndarray:
    return np.round(np.random.default_rng(seed).uniform(-3, 3, MONTHS), 1)


@pytest.mark.parametrize("text", [
    "max(a, b, 0)", "min(a, b)", "roundup(a * 3, 0)", "prev(a)", "first(a) * b", "annual(a) - b",
    "firstmonth(flags)", "index(weights, month) * a", "when(a > 0, b)", "(a > b) * 1 + (a <= 0)", "a ** 2 / (1 + b * b)",
    "peak(a) - a", "total(a) * b",
])
def test_many_draws_give_each_draw_its_own_case(text):
    """Every function works along the last (month) axis: evaluating a stack of draws shaped
    (draws, months) gives, row by row, what each draw alone gives on (months,)."""
    draws = [{"a": monthly(k), "b": monthly(100 + k), "flags": (monthly(200 + k) > 1).astype(float),
              "weights": np.arange(1.0, 13.0), "month": np.tile(np.arange(1, 13), 2)} for k in range(4)]
    f = formula(text)
    stacked = {name: np.stack([d[name] for d in draws]) if name not in ("weights", "month") else draws[0][name]
               for name in f.names}
    together = np.asarray(f.evaluate(stacked, MONTHS), dtype=float)
    for k, d in enumerate(draws):
        alone = np.broadcast_to(np.asarray(f.evaluate({n: d[n] for n in f.names}, MONTHS), dtype=float), (MONTHS,))
        np.testing.assert_array_equal(np.broadcast_to(together[k], (MONTHS,)), alone)


def test_time_operators_by_hand():
    a = np.arange(1.0, 25.0)
    assert formula("prev(a)").evaluate({"a": a}, MONTHS).tolist() == [0.0] + list(a[:-1])
    assert formula("first(a)").evaluate({"a": a}, MONTHS) == 1.0
    assert formula("annual(a)").evaluate({"a": a}, MONTHS).tolist() == [78.0] * 12 + [222.0] * 12
    flags = (a >= 7).astype(float)
    assert formula("firstmonth(f)").evaluate({"f": flags}, MONTHS) == 7.0
    assert np.isnan(formula("firstmonth(f)").evaluate({"f": np.zeros(MONTHS)}, MONTHS))
    assert formula("peak(a)").evaluate({"a": a}, MONTHS).tolist() == [12.0] * 12 + [24.0] * 12
    assert formula("peak(a)").evaluate({"a": -a}, MONTHS).tolist() == [0.0] * 24  # as Excel's masked MAX
    assert formula("total(a)").evaluate({"a": a}, MONTHS) == 300.0
    assert formula("total(a)").evaluate({"a": np.stack([a, -a])}, MONTHS).tolist() == [[300.0], [-300.0]]
    assert formula("index(w, m)").evaluate({"w": np.array([5.0, 6.0, 7.0]), "m": np.array([3, 1])}, 2).tolist() \
        == [7.0, 5.0]


def test_yearly_rows_totals_products_and_rate_of_return():
    """A yearly row holds year 0 (the signature) first: yearly() puts 0 there and each year's total
    after; sumproduct() adds products over the years; irr() is finance.irr of the flows."""
    a = np.arange(1.0, 25.0)
    assert formula("yearly(a)").evaluate({"a": a}, 3).tolist() == [0.0, 78.0, 222.0]
    assert formula("yearly(a)").evaluate({"a": np.stack([a, 2 * a])}, 3).tolist() == [[0.0, 78.0, 222.0],
                                                                                       [0.0, 156.0, 444.0]]
    assert formula("sumproduct(x, y)").evaluate({"x": np.array([0.0, 2.0, 3.0]), "y": np.array([1, .5, .25])}, 3) \
        == 1.75
    flows = np.array([-100.0, 60.0, 60.0])
    assert formula("irr(f)").evaluate({"f": flows}, 3) == finance.irr(100.0, [60.0, 60.0])
    assert np.isnan(formula("irr(f)").evaluate({"f": np.array([-100.0, -1.0])}, 2))  # never changes sign
    stacked = formula("irr(f)").evaluate({"f": np.stack([flows, flows * 2])}, 3)
    assert stacked.shape == (2, 1) and stacked[1, 0] == pytest.approx(stacked[0, 0])


def test_when_and_division_by_zero_give_an_error_value():
    assert formula("when(x > 0, y / x)").evaluate({"x": 4.0, "y": 2.0}, 1) == 0.5
    assert np.isnan(formula("when(x > 0, y / x)").evaluate({"x": 0.0, "y": 2.0}, 1))
    assert np.isnan(formula("y / x").evaluate({"x": 0.0, "y": 2.0}, 1))
    assert formula("when(x, y)").evaluate({"x": np.array([1.0, 0.0]), "y": 3.0}, 2)[0] == 3.0


def test_roundup_absorbs_rounding_noise_and_comparisons_give_one_or_zero():
    f = formula("roundup(x, 0)")
    assert [f.evaluate({"x": x}, 1) for x in (2.0, 2.0000000001, 2.1, -1.5)] == [2.0, 2.0, 3.0, -1.0]
    assert formula('(mode == "Share") * 1').evaluate({"mode": "share"}, 1) == 1.0  # text without case
    assert formula("(x < y)").evaluate({"x": np.array([1.0, 3.0]), "y": 2.0}, 2).tolist() == [1.0, 0.0]
    assert formula("(x != y)").evaluate({"x": 1.0, "y": 1.0}, 1) == 0.0


@pytest.mark.parametrize("step, env", [
    ("1", {}), ("s", {"s": np.arange(24.0)}), ("s * 2", {"s": np.array([[1.0], [2.0]])}),
])
def test_a_running_sum_is_the_cumulative_sum_of_its_step(step, env):
    f = formula(f"prev(total) + {step}", "total")
    assert f.inputs == f.names - {"total"}
    value = f.evaluate(env, MONTHS)
    expected = np.cumsum(np.broadcast_to(np.asarray(formula(step).evaluate(env, MONTHS), dtype=float),
                                         np.broadcast_shapes(np.shape(formula(step).evaluate(env, MONTHS)),
                                                             (MONTHS,))), axis=-1)
    np.testing.assert_array_equal(value, expected)
    assert value.shape[-1] == MONTHS


def test_ranked_compilation_folds_the_base_and_regroups_products_to_the_same_values():
    """The Monte Carlo's compilation (parts without draws computed once, small factors first) gives
    the evaluation as written, to rounding."""
    f = formula("fte * salary * (1 + charges) * index / 12 - max(0, fte - base) * hire")
    base = {"salary": 30_000.0, "index": np.linspace(1, 1.1, MONTHS), "base": 10.0, "hire": 9_000.0}
    draws = {"fte": RNG.uniform(5, 15, (3, MONTHS)), "charges": RNG.uniform(0.2, 0.4, (3, 1))}
    ranks = {"salary": 0, "index": 1, "base": 0, "hire": 0, "fte": 3, "charges": 2}

    def leaf(name):
        if name in base:
            value = base[name]
            return lambda env: value
        return lambda env: env[name]
    ranked = f.compile(leaf, ranks.__getitem__)
    np.testing.assert_allclose(ranked(draws, MONTHS), f.evaluate({**base, **draws}, MONTHS), rtol=1e-14)


def test_erlang_service_level_is_the_erlang_c_of_xlmodel_erlang():
    """The workbook's formula (Poisson terms) against the Erlang B recursion, from 1 to 5 000 Erlangs."""
    from xlmodel.erlang import erlang_c
    sl = FUNCTIONS["erlang_sl"].numpy
    for agents, traffic, answer, handling in ((14, 10.0, 20, 180), (1, 0.01, 20, 300), (5200, 5000.0, 20, 330),
                                              (3, 2.5, 60, 600)):
        expected = 1 - erlang_c(traffic, agents) * np.exp(-(agents - traffic) * answer / handling)
        assert sl(agents, traffic, answer, handling) == pytest.approx(expected, rel=1e-10)
    assert sl(3, 0.0, 20, 180) == 1.0  # no traffic: every contact answered at once
    assert sl(2048, 0.5, 20, 180) == 1.0  # far above the traffic: P underflows, no division by 0
    np.testing.assert_allclose(sl(np.array([14.0, 15.0]), np.array([10.0, 10.0]), 20, 180),
                               [sl(14, 10.0, 20, 180), sl(15, 10.0, 20, 180)])


def test_peak_where_rounddown_and_ln():
    months = np.arange(24.0) % 7
    assert list(FUNCTIONS["peak"].numpy(months)) == [6.0] * 24
    assert formula("where(a > 1, b, c)").evaluate({"a": np.array([0.0, 2.0]), "b": 5.0, "c": 7.0}, 2).tolist() == [
        7.0, 5.0]
    assert formula("rounddown(a, 0)").evaluate({"a": 2.9999999999}, 1) == 3.0
    assert formula("rounddown(a, 0)").evaluate({"a": 2.7}, 1) == 2.0
    assert formula("ln(a)").evaluate({"a": np.e}, 1) == pytest.approx(1.0)
    assert formula("exp(a)").evaluate({"a": 1.0}, 1) == pytest.approx(np.e)


def test_the_table_holds_every_function_with_both_faces():
    assert set(FUNCTIONS) == {"max", "min", "roundup", "rounddown", "ln", "exp", "where", "erlang_sl", "erlang_a_met",
                              "index", "when", "prev", "first", "annual", "firstmonth", "yearly", "sumproduct", "irr",
                              "peak", "peakin", "total"}
    for fn in FUNCTIONS.values():
        assert callable(fn.numpy) and callable(fn.excel)


CELLS = {"a": "Inputs!$B$5", "b": MonthlyRow("", 9), "c": "$C$12", "s": MonthlyRow("Staffing!", 7),
         "total": MonthlyRow("", 30), "cost": YearlyRow("", 41), "df": YearlyRow("", 42), "cum": YearlyRow("", 43)}


@pytest.mark.parametrize("text, excel", [
    ("a - (b - c)", "Inputs!$B$5-(F9-$C$12)"),
    ("(a - b) - c", "Inputs!$B$5-F9-$C$12"),
    ("a / (b * c)", "Inputs!$B$5/(F9*$C$12)"),
    ("-a ** 2", "(-(Inputs!$B$5^2))"),
    ("(-a) ** 2", "((-Inputs!$B$5))^2"),
    ("a ** b ** 2", "Inputs!$B$5^(F9^2)"),
    ("(a ** b) ** 2", "(Inputs!$B$5^F9)^2"),
    ('(a == "yes") * 1.5', '((Inputs!$B$5="yes"))*1.5'),  # a comparison is always parenthesised
    ("max(0, b - s) / min(1, c)", "MAX(0,F9-Staffing!F7)/MIN(1,$C$12)"),
    ("roundup(b / 12, 0)", "ROUNDUP(F9/12,0)"),
    ("prev(b) + first(s)", "E9+Staffing!$E$7"),
    ("annual(b) / 12", "SUMIF($E$4:$AB$4,F$4,$E$9:$AB$9)/12"),
    ("(a > 0) * firstmonth(b)", "((Inputs!$B$5>0))*MATCH(1,$E$9:$AB$9,0)"),
    ("when(a > 0, c / a)", "IF((Inputs!$B$5>0),$C$12/Inputs!$B$5,NA())"),
    ("where(b < c, 1, 0) + rounddown(b, 0) * ln(a)", "IF((F9<$C$12),1,0)+ROUNDDOWN(F9,0)*LN(Inputs!$B$5)"),
    ("erlang_sl(b + c, a, c, b) < a",
     "((1-(F9+$C$12)*POISSON(F9+$C$12,Inputs!$B$5,FALSE)/(((F9+$C$12)-Inputs!$B$5)*POISSON(F9+$C$12,Inputs!$B$5,"
     "TRUE)+Inputs!$B$5*POISSON(F9+$C$12,Inputs!$B$5,FALSE))*EXP(-((F9+$C$12)-Inputs!$B$5)*$C$12/F9))<Inputs!$B$5)"),
    ("peak(s) - b", "SUMPRODUCT(MAX(($E$4:$AB$4=F$4)*Staffing!$E$7:$AB$7))-F9"),
])
def test_excel_rendering(text, excel):
    assert formula(text).excel(CELLS.__getitem__, GRID).at("F", "E") == excel


@pytest.mark.parametrize("text, period, excel", [
    ("yearly(b) - cost", "year", "SUMIF($E$4:$AB$4,F$40,$E$9:$AB$9)-F41"),
    ("prev(cum) + cost", "year", "E43+F41"),
    ("c + sumproduct(cost, df)", None, "$C$12+SUMPRODUCT($D$41:$F$41,$D$42:$F$42)"),
    ("irr(cost)", None, "IRR($D$41:$F$41)"),
    ("total(cost) + total(b)", None, "SUM($D$41:$F$41)+SUM($E$9:$AB$9)"),
])
def test_excel_rendering_of_yearly_rows(text, period, excel):
    assert formula(text).excel(CELLS.__getitem__, GRID, period=period).at("F", "E") == excel


@pytest.mark.parametrize("text, period, message", [
    ("cost * 2", "month", "cost is a yearly row: a month row uses it only through a function of rows"),
    ("b * 2", "year", "b is a monthly row: a year row uses it only through a function of rows"),
    ("b * 2", None, "b is a monthly row: a single-value row uses it only"),
    ("irr(b)", None, "irr() takes a yearly row"),
    ("yearly(cost)", "year", "yearly() takes a monthly row"),
    ("prev(cost)", "month", "prev() takes a monthly row"),
    ("prev(b)", None, "prev() takes a row of the row's own period"),
    ("peak(cost)", "month", "peak() takes a monthly row"),
    ("total(a)", None, "total() takes a monthly or yearly row"),
])
def test_a_row_of_one_period_refers_to_another_only_through_a_function(text, period, message):
    with pytest.raises(FormulaError) as caught:
        formula(text).excel(CELLS.__getitem__, GRID, period=period)
    assert message in str(caught.value)


def test_a_row_is_rendered_once_and_its_columns_substituted_per_month():
    template = formula("prev(total) + b * a", "total").excel(CELLS.__getitem__, GRID)
    assert template.periodic
    assert [template.at(c, p) for c, p in (("E", "D"), ("F", "E"), ("AB", "AA"))] == [
        "D30+E9*Inputs!$B$5", "E30+F9*Inputs!$B$5", "AA30+AB9*Inputs!$B$5"]
    fixed = formula("a * c").excel(CELLS.__getitem__, GRID, on_error="not reached")
    assert not fixed.periodic and fixed.at() == 'IFERROR(Inputs!$B$5*$C$12,"not reached")'
    with pytest.raises(FormulaError, match="single-value row cannot refer to one period"):
        formula("a * b").excel(CELLS.__getitem__, GRID).at()
    with pytest.raises(FormulaError, match=r"prev\(\) takes a monthly row"):
        formula("prev(c)").excel(CELLS.__getitem__, GRID)


@pytest.mark.parametrize("text, itself, message", [
    ("sqrt(a)", None, "unsupported call in 'sqrt(a)'"),
    ("max(a=1, b=2)", None, "unsupported call"),
    ("max(a)", None, "max() takes 2 or more arguments"),
    ("roundup(a, 2)", None, "roundup() rounds to whole numbers"),
    ("rounddown(a, 1)", None, "rounddown() rounds to whole numbers"),
    ("prev(a + b)", None, "prev() takes row names"),
    ("sumproduct(a, 2)", None, "sumproduct() takes row names"),
    ("a < b < c", None, "chained comparison"),
    ("a if b else c", None, "unsupported syntax IfExp"),
    ("a * True", None, "unsupported constant True"),
    ("a[0]", None, "unsupported syntax Subscript"),
    ("a +", None, "cannot parse 'a +'"),
    ("total * 2", "total", "a row may refer to itself only as prev(total) + step"),
    ("prev(total) + total", "total", "a row may refer to itself only as prev(total) + step"),
])
def test_expressions_outside_the_language_are_refused(text, itself, message):
    with pytest.raises(FormulaError) as caught:
        formula(text, itself)
    assert message in str(caught.value)


def test_peakin_takes_the_peak_within_the_year_and_the_group():
    """Issue 14 (phased portfolios): each month gets the highest value of the months of its year in
    its group; the numpy face and the Excel face say the same."""
    import numpy as np
    from xlmodel.model.functions import FUNCTIONS, Timeline
    x = np.arange(1.0, 25.0)  # months 1..24
    group = np.array([1.0] * 3 + [2.0] * 21)
    expected = [3.0] * 3 + [12.0] * 9 + [24.0] * 12
    assert list(FUNCTIONS["peakin"].numpy(x, group)) == expected
    grid = Timeline("D", "AA", 2)
    text = FUNCTIONS["peakin"].excel([MonthlyRow("", 9), MonthlyRow("", 7)], grid)
    assert text.startswith("SUMPRODUCT(MAX(($D$2:$AA$2=") and "($D$7:$AA$7=" in text and "*$D$9:$AA$9))" in text
