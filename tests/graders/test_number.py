"""Numbers: literals, scientific notation, fractions, arithmetic; tolerance, significant figures, literal-only."""

import pytest

from graders import grade


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param("26", 26, id="integer"),
        pytest.param("2.5e-3", 0.0025, id="scientific-e"),
        pytest.param(r"2.5 \times 10^{-3}", 0.0025, id="scientific-latex"),
        pytest.param("2.5 x 10^-3", 0.0025, id="scientific-x-for-times"),
        pytest.param("2.5X10^{-3}", 0.0025, id="scientific-capital-x-for-times"),
        pytest.param("1/4", 0.25, id="fraction-text"),
        pytest.param(r"\frac{1}{4}", 0.25, id="fraction-latex"),
        pytest.param("32*7*7*64", 100352, id="arithmetic"),
        pytest.param("2^10", 1024, id="power"),
        pytest.param("e^{-1}", 0.36787944117, id="euler"),
        pytest.param("0.25", "1/4", id="text-reference"),
        pytest.param("-.5", -0.5, id="leading-point"),
    ],
)
def test_right_values_are_accepted(student: str, reference: object) -> None:
    assert grade("number", student, reference).correct is True


@pytest.mark.parametrize(
    ("student", "reference", "options"),
    [
        pytest.param("26.1", 26, {}, id="off-default-rtol"),
        pytest.param("1/3", 0.33, {}, id="rounded-reference-strict"),
        pytest.param("0.0124", 0.0123456, {"sigfigs": 3}, id="wrong-third-figure"),
        pytest.param("3.15", 3.14159, {"decimal_places": 2}, id="wrong-second-decimal"),
        pytest.param("27", 26, {"atol": 0.5}, id="outside-atol"),
    ],
)
def test_wrong_values_are_refused(student: str, reference: float, options: dict) -> None:
    assert grade("number", student, reference, options=options).correct is False


@pytest.mark.parametrize(
    ("student", "reference", "options"),
    [
        pytest.param("0.0123", 0.0123456, {"sigfigs": 3}, id="sigfigs"),
        pytest.param("0.01235", 0.0123456, {"sigfigs": 3, "at_least": True}, id="at-least-more-figures"),
        pytest.param("3.100", 3.14159, {"sigfigs": 4, "accuracy_sigfigs": 2}, id="accuracy-sigfigs"),
        pytest.param("1.05", 1, {"rtol": 0.05}, id="rtol-boundary-inclusive"),
        pytest.param("26.5", 26, {"atol": 0.5}, id="atol-boundary-inclusive"),
        pytest.param("3.14", 3.14159, {"decimal_places": 2}, id="decimal-places"),
        pytest.param("26.4", 26, {"atol": 0.5}, id="atol"),
        pytest.param("0.33", 1 / 3, {"rtol": 0.02}, id="rtol"),
    ],
)
def test_tolerance_options_accept_close_values(student: str, reference: float, options: dict) -> None:
    assert grade("number", student, reference, options=options).correct is True


def test_literal_refuses_arithmetic_with_a_clear_message() -> None:
    result = grade("number", "32*7*7*64", 100352, options={"literal": True})
    assert result.correct is False and "plain number" in result.error


@pytest.mark.parametrize("student", ["100352", "1.00352e5", r"1.00352 \times 10^5"], ids=["plain", "e", "times"])
def test_literal_accepts_plain_and_scientific_numbers(student: str) -> None:
    assert grade("number", student, 100352, options={"literal": True}).correct is True


def test_a_symbol_in_a_number_is_an_error_naming_it() -> None:
    assert "y" in grade("number", "3y", 3).error


def test_close_but_wrong_values_are_told_so_without_the_value() -> None:
    result = grade("number", "100", 100.5)
    assert "Close" in result.feedback and "100.5" not in result.feedback


SIGFIGS = [
    # (student, reference, options, correct)
    ("3.142", 3.14159265, {"sigfigs": 4}, True, "four-figures"),
    ("3.141", 3.14159265, {"sigfigs": 4}, False, "truncated-not-rounded"),
    ("3.14", 3.14159265, {"sigfigs": 4}, False, "too-few-figures"),
    ("3.1416", 3.14159265, {"sigfigs": 4}, False, "too-many-figures"),
    ("3.1416", 3.14159265, {"sigfigs": 4, "at_least": True}, True, "at-least-more"),
    ("3.1415", 3.14159265, {"sigfigs": 4, "at_least": True}, False, "at-least-misrounded"),
    ("pi", 3.14159265, {"sigfigs": 4}, False, "constant-is-not-a-numeral"),
    ("10.0", 10, {"sigfigs": 2}, False, "ten-point-zero-is-three-figures"),
    ("10", 10, {"sigfigs": 2}, True, "trailing-zero-may-count"),
    ("0.0120", 0.012, {"sigfigs": 3}, True, "leading-zeros-do-not-count"),
    ("1.20e3", 1200, {"sigfigs": 3}, True, "scientific-figures"),
    (r"1.20 \times 10^{3}", 1200, {"sigfigs": 3}, True, "latex-scientific-figures"),
    ("0.13", 0.125, {"sigfigs": 2}, True, "half-rounds-up"),
    ("0.12", 0.125, {"sigfigs": 2}, False, "half-not-down"),
    ("3.14", 3.14159, {"decimal_places": 2}, True, "two-places"),
    ("3.1", 3.14159, {"decimal_places": 2}, False, "too-few-places"),
    ("3.142", 3.14159, {"decimal_places": 2}, False, "too-many-places"),
    ("3.142", 3.14159, {"decimal_places": 2, "at_least": True}, True, "at-least-places"),
    ("1/3", 1 / 3, {"decimal_places": 2}, False, "fraction-has-no-places"),
]


@pytest.mark.parametrize(("student", "reference", "options", "correct"), [row[:4] for row in SIGFIGS],
                         ids=[row[4] for row in SIGFIGS])
def test_significant_figures_and_places_follow_stack(student: str, reference: float, options: dict, correct: bool) -> None:
    assert grade("number", student, reference, options=options).correct is correct
