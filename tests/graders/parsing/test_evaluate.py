"""NumPy evaluation: undefined points, complex points, equations, derivatives."""
import numpy as np
import pytest

from graders.parsing import parse


def test_undefined_points_are_nan_not_errors() -> None:
    values = parse("log(x) + sqrt(x)").evaluate({"x": np.array([-1.0, 1.0])})
    assert np.isnan(values[0]) and values[1] == 1.0


def test_complex_points_are_evaluated_in_complex() -> None:
    values = parse("sqrt(x)").evaluate({"x": np.array([-4.0 + 0j])})
    assert values[0] == 2j


def test_equation_evaluates_as_left_minus_right() -> None:
    values = parse("y = 2x + 1", target="equation").evaluate({"x": np.array([1.0]), "y": np.array([5.0])})
    assert values[0] == 2.0


def test_missing_symbol_is_named() -> None:
    with pytest.raises(ValueError, match="'y'"):
        parse("x + y").evaluate({"x": np.array([1.0])})


def test_second_derivative_of_logistic() -> None:
    z = np.linspace(-2, 2, 9)
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(parse("sigma''(z)").evaluate({"z": z}), s * (1 - s) * (1 - 2 * s), rtol=1e-12)
