"""The one rule book for a number argument (xlmodel.arguments): what passes, and the sentence of each rule."""

from __future__ import annotations

import numpy as np
import pytest

from xlmodel.arguments import BadArgument, number, rate, whole_number


@pytest.mark.parametrize("value", [3, 3.0, np.float64(3), np.int64(3), np.float32(3)])
def test_any_real_number_passes_as_a_float(value):
    assert number("x", value) == 3.0 and type(number("x", value)) is float


@pytest.mark.parametrize("call, message", [
    (lambda: number("x", True), "x must be a number (found True)"),
    (lambda: number("x", np.bool_(True)), "x must be a number (found "),
    (lambda: number("x", "3"), "x must be a number (found '3')"),
    (lambda: number("x", None), "x must be a number (found None)"),
    (lambda: number("x", float("inf")), "x must be a finite number (found inf)"),
    (lambda: number("x", 2.5, whole=True, minimum=3), "x must be a whole number (found 2.5)"),
    (lambda: number("x", 0, above=0), "x must be > 0 (found 0)"),
    (lambda: number("x", -1, minimum=0), "x must be >= 0 (found -1)"),
    (lambda: number("x", 2, maximum=1), "x must be <= 1 (found 2)"),
    (lambda: number("x", 1, below=1), "x must be < 1 (found 1)"),
    (lambda: number("agents", 1e7, maximum=1_000_000), "agents must be <= 1000000 (found 10000000)"),
    (lambda: rate("r", 8, above=-1, maximum=1), "r looks like a percentage (8): type 0.08"),
    (lambda: rate("r", 1, above=0, below=1), "r must be < 1 (found 1)"),
    (lambda: rate("r", 150, maximum=1), "r must be <= 1 (found 150)"),
    (lambda: rate("r", -2, above=-1, maximum=1), "r must be > -1 (found -2)"),
    (lambda: whole_number("years", 0, minimum=1), "years must be >= 1 (found 0)"),
])
def test_each_rule_has_its_sentence(call, message):
    with pytest.raises(BadArgument) as caught:
        call()
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, ValueError)  # what the Excel edge and the engine's callers catch


def test_bounds_that_hold_pass():
    assert number("x", 0, minimum=0, below=1) == 0.0
    assert rate("r", 1, above=0, maximum=1) == 1.0
    assert rate("r", 0.08, above=-1, maximum=1) == 0.08
    assert whole_number("agents", 14.0, above=0) == 14
