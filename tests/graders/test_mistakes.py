"""Known mistakes: matched with the kind's own equivalence; their feedback and score replace the default."""

import pytest

from graders import grade

MISTAKES = {
    "mistakes": [
        {"answer": "sigma(z)", "feedback": "That is the sigmoid itself; differentiate it.", "score": 0.0},
        {"answer": "sigma(z)*(1+sigma(z))", "feedback": "Check the sign inside the bracket.", "score": 0.5},
    ]
}


@pytest.mark.parametrize(
    ("student", "index"),
    [
        pytest.param("sigma(z)", 0, id="verbatim"),
        pytest.param(r"\frac{1}{1+e^{-z}}", 0, id="equivalent-spelling"),
        pytest.param(r"\sigma(z)(1+\sigma(z))", 1, id="second-mistake-latex"),
        pytest.param("sigma(z) + sigma(z)^2", 1, id="second-mistake-expanded"),
    ],
)
def test_a_known_mistake_is_matched_by_equivalence(student: str, index: int) -> None:
    result = grade("expression", student, "sigma'(z)", options=MISTAKES)
    mistake = MISTAKES["mistakes"][index]
    assert (result.correct, result.mistake, result.feedback, result.score) == (
        False,
        index,
        mistake["feedback"],
        mistake["score"],
    )


def test_a_right_answer_never_matches_a_mistake() -> None:
    result = grade("expression", "sigma(z)(1-sigma(z))", "sigma'(z)", options=MISTAKES)
    assert result.correct is True and result.mistake is None


def test_an_unlisted_wrong_answer_gets_the_default_feedback() -> None:
    result = grade("expression", "z", "sigma'(z)", options=MISTAKES)
    assert result.mistake is None and result.feedback.startswith("Not equivalent")


@pytest.mark.parametrize(
    ("kind", "student", "reference", "mistake"),
    [
        pytest.param("number", "2*13", 25, "26", id="number"),
        pytest.param("tuple", "13x9", (9, 13), "(13, 9)", id="tuple"),
        pytest.param("set", "52 < x < 55", "[52, 55)", "(52, 55)", id="set"),
        pytest.param("bigo", "O(d H W)", "O(d k^2 H W)", "O(3dHW)", id="bigo"),
    ],
)
def test_every_kind_matches_mistakes_with_its_own_equivalence(kind: str, student: str, reference: object, mistake: str) -> None:
    options = {"mistakes": [{"answer": mistake, "feedback": "known", "score": 0.25}]}
    result = grade(kind, student, reference, options=options)
    assert (result.mistake, result.feedback, result.score) == (0, "known", 0.25)


def test_a_mistake_that_cannot_be_read_is_a_bug_in_the_bank() -> None:
    with pytest.raises(ValueError):
        grade("expression", "z", "z^2", options={"mistakes": [{"answer": "z +* 1", "feedback": "", "score": 0}]})
