"""Integers: exact values from literals or integer arithmetic."""

import pytest

from graders import grade


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param("100352", 100352, id="literal"),
        pytest.param("32*7*7*64", 100352, id="product"),
        pytest.param("512 \\times 128", 65536, id="latex-times"),
        pytest.param("2^16", 65536, id="power"),
        pytest.param("floor((78+2*2-5)/3) + 1", "26", id="floor-text-reference"),
        pytest.param("26.0", 26, id="whole-float"),
    ],
)
def test_exact_values_are_accepted(student: str, reference: object) -> None:
    assert grade("integer", student, reference).correct is True


@pytest.mark.parametrize(
    ("student", "feedback"),
    [
        pytest.param("100353", "Not the expected", id="off-by-one"),
        pytest.param("100352.5", "whole number", id="fraction"),
        pytest.param("1/2", "whole number", id="ratio"),
        pytest.param("(78+2*2-5)/3 + 1", "whole number", id="forgot-the-floor"),
    ],
)
def test_inexact_values_are_refused(student: str, feedback: str) -> None:
    result = grade("integer", student, 100352)
    assert result.correct is False and feedback in result.feedback


def test_a_fractional_reference_is_a_bug_in_the_bank() -> None:
    with pytest.raises(ValueError):
        grade("integer", "2", 2.5)


@pytest.mark.parametrize(("student", "correct"), [("N = 5", True), ("N = 6", False), ("N = M", None)],
                         ids=["labelled", "labelled-wrong", "not-a-value"])
def test_a_value_may_be_labelled_with_a_name(student: str, correct: bool | None) -> None:
    result = grade("integer", student, 5)
    assert result.correct is (correct is True) and (result.error is not None) is (correct is None)
