"""Sets: finite sets, intervals, unions, inequalities in one variable; integer option; partial credit."""

import pytest
import sympy

from graders import grade


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param("52 <= x < 55", "[52, 55)", id="inequality-text"),
        pytest.param(r"52 \le x < 55", "[52, 55)", id="inequality-latex"),
        pytest.param("x >= 52", "[52, inf)", id="one-sided"),
        pytest.param("[0, oo)", r"[0, \infty)", id="sympy-infinity"),
        pytest.param("(-oo, 2]", "x <= 2", id="sympy-minus-infinity"),
        pytest.param("[52, 55)", sympy.Interval.Ropen(52, 55), id="sympy-reference"),
        pytest.param("(0, 1] ∪ (1, 2)", "(0, 2)", id="union-merges"),
        pytest.param(r"(0, 1] \cup [1, 2)", "(0, 2)", id="latex-union"),
        pytest.param("{3, 1, 2}", {1, 2, 3}, id="finite-unordered"),
        pytest.param(r"\{1, 2\}", "{2, 1}", id="latex-braces"),
        pytest.param(r"\emptyset", "{}", id="empty"),
    ],
)
def test_equal_sets_are_accepted(student: str, reference: object) -> None:
    assert grade("set", student, reference).correct is True


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param("52 < x < 55", "[52, 55)", id="open-end"),
        pytest.param("[52, 55]", "[52, 55)", id="closed-end"),
        pytest.param("{52, 53, 54}", "[52, 55)", id="finite-vs-interval"),
        pytest.param("{1, 2}", "{1, 2, 3}", id="missing-element"),
    ],
)
def test_different_sets_are_refused(student: str, reference: object) -> None:
    assert grade("set", student, reference).correct is False


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("[52,55)", id="interval"),
        pytest.param("52 <= x < 55", id="inequality"),
        pytest.param("52 <= x <= 54", id="closed-inequality"),
        pytest.param("{52,53,54}", id="listed"),
        pytest.param("(51, 54.5]", id="other-reals-same-integers"),
    ],
)
def test_integer_option_makes_intervals_finite_sets_of_integers(student: str) -> None:
    assert grade("set", student, {52, 53, 54}, options={"integer": True}).correct is True


def test_partial_credit_counts_common_elements_over_all_elements() -> None:
    result = grade("set", "{1, 2, 5}", "{1, 2, 3}", options={"partial": True})
    assert result.score == 0.5 and "missing" in result.feedback


def test_another_variable_in_an_inequality_is_an_error_naming_it() -> None:
    result = grade("set", "52 <= y < 55", "[52, 55)")
    assert result.error is not None and "y" in result.error


def test_the_variable_option_names_the_inequality_variable() -> None:
    assert grade("set", "52 <= n < 55", "[52, 55)", options={"variable": "n"}).correct is True
