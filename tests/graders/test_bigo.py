"""Asymptotic bounds: the same class after dropping constant factors and lower-order terms."""

import pytest
import sympy

from graders import grade

PIXEL_CNN = r"\mathcal{O}(d k^2 H W)"


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("O(d k^2 H W)", id="text-O"),
        pytest.param(r"\mathcal{O}(dk^2H \times W)", id="seed-spelling"),
        pytest.param(r"\mathcal{O}(dk^2HW)", id="latex-juxtaposed"),
        pytest.param("O(3 d k^2 HW + d)", id="constant-and-lower-order"),
        pytest.param(r"\Theta(4 d k^2 H W)", id="theta"),
        pytest.param("O(d*k^2*H*W + k^2 + H*W)", id="several-lower-terms"),
    ],
)
def test_the_same_class_is_accepted(student: str) -> None:
    assert grade("bigo", student, PIXEL_CNN).correct is True


@pytest.mark.parametrize(
    ("student", "feedback"),
    [
        pytest.param("O(dHW)", "more slowly", id="missing-factor"),
        pytest.param("O(d^2 k^2 H W)", "faster", id="extra-power"),
        pytest.param("O(d k H W)", "more slowly", id="lower-power"),
    ],
)
def test_a_different_class_is_refused_with_its_direction(student: str, feedback: str) -> None:
    result = grade("bigo", student, PIXEL_CNN)
    assert result.correct is False and feedback in result.feedback


@pytest.mark.parametrize(
    ("student", "reference", "correct"),
    [
        pytest.param("O(n log n + n)", "O(n log(n))", True, id="n-log-n"),
        pytest.param("O(n)", "O(n log(n))", False, id="log-factor-matters"),
        pytest.param("O(2^n + n^5)", "O(2^n)", True, id="exponential-dominates"),
        pytest.param("O(sqrt(n) + 1)", "O(n^(1/2))", True, id="square-root"),
    ],
)
def test_logarithms_roots_and_exponentials(student: str, reference: str, correct: bool) -> None:
    assert grade("bigo", student, reference).correct is correct


def test_declared_variables_make_the_other_symbols_constants() -> None:
    assert grade("bigo", "O(G^2 H^2)", "O(G^2)", options={"variables": ["G"]}).correct is True


def test_a_sympy_reference_is_accepted() -> None:
    d, k, h, w = sympy.symbols("d k H W")
    assert grade("bigo", "O(d k^2 H W + d)", d * k**2 * h * w).correct is True


@pytest.mark.parametrize("student", ["O((n+1)^900)", "O((a+b+c+d)^40)"], ids=["high-power", "many-terms"])
def test_a_huge_power_of_a_sum_is_an_error_not_a_hang(student: str) -> None:
    assert grade("bigo", student, "O(n^900)").error is not None


def test_a_moderate_power_of_a_sum_is_expanded() -> None:
    assert grade("bigo", "O((n+1)^10)", "O(n^10)").correct is True
