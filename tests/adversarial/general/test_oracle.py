"""The corpus's own oracle, on examples whose answers are settled: it must be right before it judges the engine."""

from decimal import Decimal
from fractions import Fraction

import pytest

from tests.adversarial.general import oracle


@pytest.mark.parametrize(("numeral", "figures"), [
    pytest.param("0.00120", 3, id="leading-zeros-not-trailing-zeros"),
    pytest.param("1.20e-3", 3, id="e-notation"),
    pytest.param("10.0", 3, id="trailing-zero-after-point"),
    pytest.param("1200", 2, id="integer-trailing-zeros"),
    pytest.param(".50", 2, id="no-leading-zero"),
])
def test_significant_figures(numeral: str, figures: int) -> None:
    assert oracle.sig_figs(numeral) == figures


@pytest.mark.parametrize(("ref", "numeral", "options", "ok"), [
    pytest.param(Fraction(12345, 1000), "12.35", {"sigfigs": 4}, True, id="half-up-not-binary"),
    pytest.param(Fraction(9995, 1000), "10.0", {"sigfigs": 3}, True, id="carry"),
    pytest.param(Fraction(9995, 1000), "10.00", {"sigfigs": 3}, False, id="too-many-figures"),
    pytest.param(Fraction(2675, 1000), "2.68", {"decimal_places": 2}, True, id="places-half-up"),
    pytest.param(1, "1.05", {"rtol": 0.05}, True, id="rtol-inclusive"),
    pytest.param(Fraction(3, 10), "0.4", {"atol": 0.1}, True, id="atol-inclusive-exact"),
    pytest.param(1, "1.000001", None, False, id="exact-by-default"),
])
def test_number_semantics(ref: object, numeral: str, options: dict | None, ok: bool) -> None:
    assert oracle.number_ok(ref, numeral, options, numeral) is ok


@pytest.mark.parametrize(("a", "b", "same"), [
    pytest.param("sqrt(x**2)", "Abs(x)", True, id="root-of-square"),
    pytest.param("sqrt(x**2)", "x", False, id="sign-lost"),
    pytest.param("log(x**2)", "2*log(x)", False, id="domain"),
    pytest.param("(x+1)**50 + 1", "(x+1)**50", False, id="beyond-float64"),
    pytest.param("sin(x) + 1e-12", "sin(x)", False, id="tiny-offset"),
])
def test_same_function(a: str, b: str, same: bool) -> None:
    assert oracle.same_function(a, b, {"x": (-3.0, 3.0)}) is same


def test_round_sig_keeps_exact_decimals() -> None:
    assert oracle.round_sig(Decimal("0.001234"), 3) == Decimal("0.00123")
