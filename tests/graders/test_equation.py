"""Equations: equivalent when they define the same relation."""

import pytest
import sympy

from graders import grade


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("y = 2x + 1", id="same"),
        pytest.param("2x - y + 1 = 0", id="rearranged"),
        pytest.param("2y = 4x + 2", id="scaled"),
        pytest.param("-y = -2x - 1", id="negated"),
        pytest.param(r"y - 1 = 2 x", id="moved-constant"),
        pytest.param(r"\frac{y - 1}{2} = x", id="latex-fraction"),
    ],
)
def test_the_same_relation_is_accepted(student: str) -> None:
    assert grade("equation", student, "y = 2x + 1").correct is True


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("y = 2x - 1", id="sign"),
        pytest.param("y = x + 1", id="slope"),
        pytest.param("y^2 = (2x + 1)^2", id="squared-adds-a-branch"),
        pytest.param("0 = 0", id="trivial"),
        # proportional up to rounding only: decided by SymPy on both sides' differences, and refused
        pytest.param("y = 2x + 1.0000001", id="constant-off-by-1e-7"),
        pytest.param("y = 2.0000001 x + 1", id="slope-off-by-1e-7"),
    ],
)
def test_a_different_relation_is_refused(student: str) -> None:
    assert grade("equation", student, "y = 2x + 1").correct is False


def test_a_sympy_equation_is_a_valid_reference() -> None:
    x, y = sympy.symbols("x y")
    assert grade("equation", "2x - y + 1 = 0", sympy.Eq(y, 2 * x + 1)).correct is True


def test_an_expression_without_equals_sign_is_an_error() -> None:
    assert grade("equation", "2x + 1", "y = 2x + 1").error is not None
