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


@pytest.mark.parametrize(
    ("student", "named"),
    [
        pytest.param("O(G^2 H^2)", "H is not a size", id="one-letter"),
        pytest.param("O(d k^2 H W T)", "H, W are not sizes", id="two-letters"),
        pytest.param("O(d + N)", "N is not a size", id="added-term"),
        pytest.param(r"O(d \log n)", "n is not a size", id="log-factor"),
    ],
)
def test_a_letter_that_is_not_a_declared_size_is_an_error_naming_it(student: str, named: str) -> None:
    # Before issue 9 such letters were silently constants, so O(d k^2 H W T) passed for O(d k^2 T).
    result = grade("bigo", student, "O(G^2 d k^2 T)", options={"variables": ["G", "d", "k", "T"]})
    assert result.correct is False and named.split(" ")[0] in result.error and "not a size" in result.error


def test_without_declared_sizes_a_letter_the_reference_lacks_is_refused() -> None:
    result = grade("bigo", "O(d + N)", "O(d)")
    assert result.correct is False and "N is not a size" in result.feedback


@pytest.mark.parametrize(
    ("student", "reference", "correct"),
    [
        pytest.param(r"\Theta(n)", "O(n)", True, id="tight-answers-upper"),
        pytest.param(r"\Omega(n)", "O(n)", False, id="lower-does-not-answer-upper"),
        pytest.param("O(n)", r"\Theta(n)", False, id="upper-does-not-answer-tight"),
        pytest.param(r"\Omega(n)", r"\Omega(n)", True, id="lower-answers-lower"),
        pytest.param(r"\Theta(n)", r"\Omega(n)", True, id="tight-answers-lower"),
        pytest.param("O(n)", r"\Omega(n)", False, id="upper-does-not-answer-lower"),
        pytest.param("n", "O(n)", True, id="bare-class"),
    ],
)
def test_the_operator_written_is_compared_with_the_one_asked(student: str, reference: str, correct: bool) -> None:
    result = grade("bigo", student, reference)
    assert result.correct is correct
    assert correct or "bound" in result.feedback


def test_a_sympy_reference_is_accepted() -> None:
    d, k, h, w = sympy.symbols("d k H W")
    assert grade("bigo", "O(d k^2 H W + d)", d * k**2 * h * w).correct is True


@pytest.mark.parametrize("student", ["O((n+1)^900)", "O((a+b+c+d)^40)"], ids=["high-power", "many-terms"])
def test_a_huge_power_of_a_sum_is_an_error_not_a_hang(student: str) -> None:
    assert grade("bigo", student, "O(n^900)").error is not None


def test_a_moderate_power_of_a_sum_is_expanded() -> None:
    assert grade("bigo", "O((n+1)^10)", "O(n^10)").correct is True
