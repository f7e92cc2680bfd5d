"""Item analysis: attempts, mean score, fraction correct, discrimination, flags, common wrong answers, clusters."""

import numpy as np
import pytest

from app.services.stats import MIN_STUDENTS
from tests.api.conftest import right_answers
from tests.api.test_submissions import ON_TIME, submit


def doubled(answer: str) -> tuple[str, str]:
    """Two spellings of the same wrong answer: twice the reference."""
    return f"2*({answer})", f"({answer})*2"


def shifted(answer: str) -> str:
    return f"({answer})+1"


def get_stats(client, headers, assignment):  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/assignments/{assignment['id']}/stats", headers=headers)
    assert response.status_code == 200, response.text
    return {item["question_id"]: item for item in response.json()}


def submit_expression(client, lms, assignment, parts, answers: list[str]) -> None:  # type: ignore[no-untyped-def]
    for index, answer in enumerate(answers):
        submitted = right_answers(parts) | {parts["expression"].id: answer}
        assert submit(client, lms, assignment, submitted, student=f"s{index:02d}", at=ON_TIME).status_code == 201


class TestNumbers:
    def test_attempts_mean_and_fraction_correct(self, client, lms, instructor, assignment, parts) -> None:
        right = parts["expression"].answer
        submit_expression(client, lms, assignment, parts, [right, right, shifted(right), ""])
        item = get_stats(client, instructor, assignment)[parts["expression"].id]
        assert (item["attempts"], item["mean_score"], item["fraction_correct"]) == (3, 1.0, 0.5)

    def test_only_the_effective_submission_counts(self, client, lms, instructor, assignment, parts) -> None:
        right = parts["expression"].answer
        submit(client, lms, assignment, {parts["expression"].id: shifted(right)}, at="2019-03-14T20:00:00-04:00")
        submit(client, lms, assignment, {parts["expression"].id: right}, at=ON_TIME)
        item = get_stats(client, instructor, assignment)[parts["expression"].id]
        assert (item["attempts"], item["fraction_correct"]) == (1, 1.0)

    def test_discrimination_is_the_correlation_with_the_rest_of_the_total(
        self, client, lms, instructor, assignment, parts
    ) -> None:
        expression, number = parts["expression"], parts["number"]
        pattern = [(True, True), (True, False), (False, False), (True, True), (False, True), (False, False)]
        for index, (expression_right, number_right) in enumerate(pattern):
            answers = {expression.id: expression.answer if expression_right else shifted(expression.answer),
                       number.id: number.answer if number_right else "-12345"}
            submit(client, lms, assignment, answers, student=f"s{index}", at=ON_TIME)
        rows = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook?parts=true", headers=instructor).json()
        part_scores = np.array([row["parts"][expression.id] for row in rows])
        rest = np.array([row["raw_score"] for row in rows]) - part_scores
        item = get_stats(client, instructor, assignment)[expression.id]
        assert item["discrimination"] == pytest.approx(np.corrcoef(part_scores, rest)[0, 1], abs=1e-4)

    def test_too_few_students_give_no_discrimination(self, client, lms, instructor, assignment, parts) -> None:
        submit_expression(client, lms, assignment, parts, [parts["expression"].answer, "1"])
        assert get_stats(client, instructor, assignment)[parts["expression"].id]["discrimination"] is None


class TestFlags:
    def test_a_part_nobody_gets_right_is_flagged(self, client, lms, instructor, assignment, parts) -> None:
        submit_expression(client, lms, assignment, parts, [shifted(parts["expression"].answer)] * MIN_STUDENTS)
        assert "nobody gets it right" in get_stats(client, instructor, assignment)[parts["expression"].id]["flags"]

    def test_too_few_answers_raise_no_flag(self, client, lms, instructor, assignment, parts) -> None:
        submit_expression(client, lms, assignment, parts, [shifted(parts["expression"].answer)] * (MIN_STUDENTS - 1))
        assert get_stats(client, instructor, assignment)[parts["expression"].id]["flags"] == []

    def test_a_part_that_everyone_gets_right_is_not_flagged_as_unsolved(
        self, client, lms, instructor, assignment, parts
    ) -> None:
        submit_expression(client, lms, assignment, parts, [parts["expression"].answer] * 2)
        assert get_stats(client, instructor, assignment)[parts["expression"].id]["flags"] == []

    def test_a_part_that_discriminates_badly_is_flagged(self, client, lms, instructor, assignment, parts) -> None:
        expression, number = parts["expression"], parts["number"]
        # The strong students (number right) miss the expression; the weak ones get it: negative correlation.
        for index in range(6):
            strong = index % 2 == 0
            answers = {expression.id: shifted(expression.answer) if strong else expression.answer,
                       number.id: number.answer if strong else "-12345"}
            submit(client, lms, assignment, answers, student=f"s{index}", at=ON_TIME)
        assert "discriminates badly" in get_stats(client, instructor, assignment)[expression.id]["flags"]


class TestManualParts:
    """A manual part's numbers are over the answers an instructor graded, never counting the waiting ones as 0."""

    def grade(self, client, instructor, submission, question_id, score):  # type: ignore[no-untyped-def]
        url = f"/api/v1/submissions/{submission['id']}/parts/{question_id}/grade"
        assert client.put(url, json={"score": score}, headers=instructor).status_code == 200

    def class_of(self, client, lms, assignment, parts, size):  # type: ignore[no-untyped-def]
        return [submit(client, lms, assignment, right_answers(parts), student=f"s{i:02d}", at=ON_TIME).json()
                for i in range(size)]

    def test_before_any_grade_there_is_no_number(self, client, lms, instructor, assignment, parts) -> None:
        self.class_of(client, lms, assignment, parts, 6)
        item = get_stats(client, instructor, assignment)[parts["manual"].id]
        assert (item["graded"], item["waiting"], item["mean_score"], item["fraction_correct"], item["flags"]) == (
            0, 6, None, None, [])

    def test_one_grade_is_the_mean_of_one_answer(self, client, lms, instructor, assignment, parts) -> None:
        submissions = self.class_of(client, lms, assignment, parts, 6)
        self.grade(client, instructor, submissions[0], parts["manual"].id, 0.5)
        item = get_stats(client, instructor, assignment)[parts["manual"].id]
        assert (item["graded"], item["waiting"], item["mean_score"], item["fraction_correct"]) == (1, 5, 0.5, 0.0)
        assert (item["discrimination"], item["flags"]) == (None, [])

    def test_auto_graded_parts_count_every_answer(self, client, lms, instructor, assignment, parts) -> None:
        self.class_of(client, lms, assignment, parts, 3)
        item = get_stats(client, instructor, assignment)[parts["expression"].id]
        assert (item["graded"], item["waiting"], item["fraction_correct"]) == (3, 0, 1.0)


class TestWrongAnswers:
    def test_most_common_wrong_answers_come_first(self, client, lms, instructor, assignment, parts) -> None:
        right = parts["expression"].answer
        submit_expression(client, lms, assignment, parts, [shifted(right), doubled(right)[0], shifted(right)])
        common = get_stats(client, instructor, assignment)[parts["expression"].id]["common_wrong_answers"]
        assert common == [{"answer": shifted(right), "count": 2}, {"answer": doubled(right)[0], "count": 1}]

    def test_equivalent_wrong_spellings_are_one_cluster(self, client, lms, instructor, assignment, parts) -> None:
        one, other = doubled(parts["expression"].answer)
        submit_expression(client, lms, assignment, parts, [one, other, one])
        clusters = get_stats(client, instructor, assignment)[parts["expression"].id]["clusters"]
        assert [(c["count"], c["answers"]) for c in clusters] == [(3, [one, other])]

    def test_different_wrong_answers_are_different_clusters_largest_first(
        self, client, lms, instructor, assignment, parts
    ) -> None:
        right = parts["expression"].answer
        submit_expression(client, lms, assignment, parts, [shifted(right), *doubled(right)])
        clusters = get_stats(client, instructor, assignment)[parts["expression"].id]["clusters"]
        assert [c["count"] for c in clusters] == [2, 1]

    def test_a_cluster_shows_the_formula_as_the_grader_read_it(self, client, lms, instructor, assignment, parts) -> None:
        submit_expression(client, lms, assignment, parts, [shifted(parts["expression"].answer)])
        cluster = get_stats(client, instructor, assignment)[parts["expression"].id]["clusters"][0]
        assert cluster["interpreted"] and cluster["feedback"] is None

    def test_right_answers_are_not_clustered(self, client, lms, instructor, assignment, parts) -> None:
        submit_expression(client, lms, assignment, parts, [parts["expression"].answer])
        assert get_stats(client, instructor, assignment)[parts["expression"].id]["clusters"] == []


class TestAccess:
    @pytest.mark.parametrize("role", ["lms", "student"])
    def test_only_staff_may_read_stats(self, client, auth, assignment, role) -> None:
        headers = auth(role, course="CSC421", student="alice")
        assert client.get(f"/api/v1/assignments/{assignment['id']}/stats", headers=headers).status_code == 403
