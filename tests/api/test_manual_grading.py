"""Grading by hand: score in points, comment, who and when, correct set, totals and history updated at once."""

import pytest

from tests.api.conftest import right_answers
from tests.api.test_submissions import ON_TIME, submit

ONE_DAY_LATE = "2019-03-15T10:00:00-04:00"


def grade(client, headers, submission, question_id, score, comment="clear argument"):  # type: ignore[no-untyped-def]
    return client.put(f"/api/v1/submissions/{submission['id']}/parts/{question_id}/grade",
                      json={"score": score, "comment": comment}, headers=headers)


def part_of(submission, question_id):  # type: ignore[no-untyped-def]
    return next(p for p in submission["parts"] if p["question_id"] == question_id)


@pytest.fixture
def submission(client, lms, assignment, parts):  # type: ignore[no-untyped-def]
    return submit(client, lms, assignment, right_answers(parts), at=ON_TIME).json()


class TestGradeByHand:
    def test_stores_score_comment_and_grader(self, client, instructor, submission, parts) -> None:
        response = grade(client, instructor, submission, parts["manual"].id, 1.5)
        assert response.status_code == 200, response.text
        part = part_of(response.json(), parts["manual"].id)
        assert (part["score"], part["comment"], part["graded_by"]) == (1.5, "clear argument", "test instructor")

    @pytest.mark.parametrize(("score", "correct"), [(2, True), (1.5, False), (0, False)], ids=["full", "partial", "zero"])
    def test_correct_stops_being_null(self, client, instructor, submission, parts, score, correct) -> None:
        part = part_of(grade(client, instructor, submission, parts["manual"].id, score).json(), parts["manual"].id)
        assert part["correct"] is correct

    @pytest.mark.parametrize("comment", ["clear argument", ""], ids=["with-comment", "without"])
    def test_the_waiting_note_gives_way_to_the_instructors_words(self, client, instructor, submission, parts,
                                                                 comment) -> None:
        assert part_of(submission, parts["manual"].id)["feedback"] == "waiting for an instructor"
        graded = grade(client, instructor, submission, parts["manual"].id, 2, comment=comment).json()
        read_back = client.get(f"/api/v1/submissions/{submission['id']}", headers=instructor).json()
        assert part_of(graded, parts["manual"].id)["feedback"] == part_of(read_back, parts["manual"].id)["feedback"] == comment

    def test_an_override_keeps_the_graders_feedback(self, client, instructor, submission, parts) -> None:
        before = part_of(submission, parts["expression"].id)["feedback"]
        graded = grade(client, instructor, submission, parts["expression"].id, 1).json()
        assert part_of(graded, parts["expression"].id)["feedback"] == before

    def test_the_total_is_provisional_until_the_hand_graded_part_is_graded(self, client, instructor, submission,
                                                                           parts) -> None:
        assert (submission["waiting_parts"], submission["provisional"], submission["pending"]) == (1, True, False)
        graded = grade(client, instructor, submission, parts["manual"].id, 1).json()
        assert (graded["waiting_parts"], graded["provisional"]) == (0, False)

    def test_raw_and_final_score_are_recomputed(self, client, instructor, submission, parts) -> None:
        updated = grade(client, instructor, submission, parts["manual"].id, 2).json()
        assert (updated["raw_score"], updated["final_score"]) == (submission["raw_score"] + 2, submission["final_score"] + 2)

    def test_the_late_penalty_applies_to_the_new_score(self, client, lms, instructor, assignment, parts) -> None:
        late = submit(client, lms, assignment, right_answers(parts), at=ONE_DAY_LATE).json()
        updated = grade(client, instructor, late, parts["manual"].id, 2).json()
        assert updated["final_score"] == pytest.approx((late["raw_score"] + 2) * 0.9)

    def test_the_gradebook_changes_at_once(self, client, instructor, submission, assignment, parts) -> None:
        grade(client, instructor, submission, parts["manual"].id, 2)
        row = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook?parts=true", headers=instructor).json()[0]
        assert (row["parts"][parts["manual"].id], row["final_score"]) == (2, submission["final_score"] + 2)

    def test_an_automatic_part_may_be_overridden(self, client, instructor, submission, parts) -> None:
        updated = grade(client, instructor, submission, parts["number"].id, 1).json()
        assert part_of(updated, parts["number"].id)["score"] == 1


class TestHistory:
    def test_part_and_final_score_changes_are_kept(self, client, instructor, submission, parts) -> None:
        history = grade(client, instructor, submission, parts["manual"].id, 2).json()["history"]
        assert [(h["question_id"], h["old"], h["new"]) for h in history] == [
            (parts["manual"].id, 0, 2), (None, submission["final_score"], submission["final_score"] + 2)]
        assert all(h["by"] == "test instructor" and "clear argument" in h["why"] and h["at"] for h in history)

    def test_the_same_score_again_adds_no_history(self, client, instructor, submission, parts) -> None:
        grade(client, instructor, submission, parts["manual"].id, 2)
        assert len(grade(client, instructor, submission, parts["manual"].id, 2).json()["history"]) == 2

    def test_the_submission_read_back_carries_its_history(self, client, instructor, submission, parts) -> None:
        grade(client, instructor, submission, parts["manual"].id, 2)
        read = client.get(f"/api/v1/submissions/{submission['id']}", headers=instructor).json()
        assert {"at", "by", "why", "old", "new"} <= set(read["history"][0])


class TestRefusals:
    @pytest.mark.parametrize("score", [2.5, -1], ids=["above-max", "negative"])
    def test_a_score_outside_the_part_is_refused(self, client, instructor, submission, parts, score) -> None:
        assert grade(client, instructor, submission, parts["manual"].id, score).status_code == 422

    def test_an_unknown_part_is_404_naming_it(self, client, instructor, submission) -> None:
        response = grade(client, instructor, submission, "no-such-part", 1)
        assert response.status_code == 404 and "no-such-part" in response.json()["detail"]

    @pytest.mark.parametrize("role", ["lms", "student"])
    def test_only_staff_may_grade(self, client, auth, submission, parts, role) -> None:
        headers = auth(role, course="CSC421", student="alice")
        assert grade(client, headers, submission, parts["manual"].id, 1).status_code == 403

    def test_an_instructor_of_another_course_may_not_grade(self, client, auth, other_course, submission, parts) -> None:
        assert grade(client, auth("instructor", course="OTHER"), submission, parts["manual"].id, 1).status_code == 403
