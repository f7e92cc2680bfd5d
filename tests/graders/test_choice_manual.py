"""Multiple choice and answers kept for an instructor."""

import pytest

from graders import grade, interpret

CHOICES = {"choices": ["A", "B", "C", "D"]}


@pytest.mark.parametrize("student", ["B", "b", " B "], ids=["exact", "lower-case", "spaces"])
def test_the_right_label_is_accepted(student: str) -> None:
    assert grade("choice", student, "B", options=CHOICES).correct is True


def test_a_wrong_label_is_refused() -> None:
    assert grade("choice", "C", "B", options=CHOICES).correct is False


def test_two_labels_for_a_single_answer_question_are_refused() -> None:
    assert "exactly one" in grade("choice", "B, C", "B", options=CHOICES).feedback


@pytest.mark.parametrize("student", ["A, C", "C,A", "c; a"], ids=["comma", "order", "semicolon"])
def test_several_labels_in_any_order_are_accepted(student: str) -> None:
    assert grade("choice", student, ["A", "C"], options=CHOICES).correct is True


def test_partial_credit_for_multiple_answers() -> None:
    assert grade("choice", "A, B", ["A", "C"], options={**CHOICES, "partial": True}).score == pytest.approx(1 / 3)


def test_an_unknown_label_is_an_error_listing_the_choices() -> None:
    assert "A, B, C, D" in grade("choice", "E", "B", options=CHOICES).error


def test_a_reference_outside_the_choices_is_a_bug_in_the_bank() -> None:
    with pytest.raises(ValueError):
        grade("choice", "A", "Z", options=CHOICES)


def test_manual_answers_wait_for_an_instructor() -> None:
    result = grade("manual", "Because the forget gate is close to 1.", None)
    assert (result.correct, result.score, result.feedback, result.error, result.interpreted) == (
        None,
        0.0,
        "waiting for an instructor",
        None,
        None,
    )


def test_an_overlong_manual_answer_is_an_error() -> None:
    assert grade("manual", "x" * 100_000, None).error is not None


def test_interpret_shows_the_chosen_labels() -> None:
    assert interpret("choice", "a, c", options=CHOICES).canonical == "A, C"


def test_an_unknown_kind_is_a_bug_in_the_caller() -> None:
    with pytest.raises(ValueError, match="unknown answer kind"):
        grade("essay", "x", "x")


@pytest.mark.parametrize("student", ["No.", r"\text{no}", r"\textbf{no}", "$no$", "the second", " NO "],
                         ids=["full-stop", "text", "textbf", "dollars", "article", "spaces"])
def test_a_choice_written_in_prose_or_latex_is_read(student: str) -> None:
    expected = "second" if "second" in student else "no"
    assert grade("choice", student, expected, options={"choices": ["yes", "no", "first", "second"]}).correct is True
