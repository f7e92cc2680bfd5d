"""Known mistakes added by an instructor: stored on the assignment's part, then every answer regraded with them."""

import pytest

from tests.api.conftest import right_answers
from tests.api.test_stats import doubled, get_stats
from tests.api.test_submissions import ON_TIME, submit

FEEDBACK = "You doubled the result: check the factor of 2."


def add_mistake(client, headers, assignment, question_id, answer, score=0.5):  # type: ignore[no-untyped-def]
    return client.post(f"/api/v1/assignments/{assignment['id']}/parts/{question_id}/mistakes",
                       json={"answer": answer, "feedback": FEEDBACK, "score": score}, headers=headers)


@pytest.fixture
def doubled_submission(client, lms, assignment, parts):  # type: ignore[no-untyped-def]
    answers = right_answers(parts) | {parts["expression"].id: doubled(parts["expression"].answer)[1]}
    return submit(client, lms, assignment, answers, at=ON_TIME).json()


class TestKnownMistakes:
    def test_the_mistake_is_stored_on_the_part(self, client, instructor, assignment, parts) -> None:
        answer = doubled(parts["expression"].answer)[0]
        response = add_mistake(client, instructor, assignment, parts["expression"].id, answer)
        assert response.status_code == 200, response.text
        assert response.json()["mistakes"] == [{"answer": answer, "feedback": FEEDBACK, "score": 0.5}]

    def test_equivalent_answers_are_regraded_with_its_credit_and_feedback(
        self, client, instructor, assignment, parts, doubled_submission
    ) -> None:
        result = add_mistake(client, instructor, assignment, parts["expression"].id, doubled(parts["expression"].answer)[0])
        assert result.json()["changed"] == 1
        read = client.get(f"/api/v1/submissions/{doubled_submission['id']}", headers=instructor).json()
        part = next(p for p in read["parts"] if p["question_id"] == parts["expression"].id)
        assert (part["score"], part["feedback"]) == (1, FEEDBACK)

    def test_the_history_says_which_mistake(self, client, instructor, assignment, parts, doubled_submission) -> None:
        answer = doubled(parts["expression"].answer)[0]
        add_mistake(client, instructor, assignment, parts["expression"].id, answer)
        read = client.get(f"/api/v1/submissions/{doubled_submission['id']}", headers=instructor).json()
        assert answer in read["history"][0]["why"]

    def test_the_cluster_then_shows_the_feedback(self, client, instructor, assignment, parts, doubled_submission) -> None:
        add_mistake(client, instructor, assignment, parts["expression"].id, doubled(parts["expression"].answer)[0])
        cluster = get_stats(client, instructor, assignment)[parts["expression"].id]["clusters"][0]
        assert cluster["feedback"] == FEEDBACK

    def test_the_same_answer_again_replaces_the_mistake(self, client, instructor, assignment, parts) -> None:
        answer = doubled(parts["expression"].answer)[0]
        add_mistake(client, instructor, assignment, parts["expression"].id, answer)
        response = add_mistake(client, instructor, assignment, parts["expression"].id, answer, score=0.25)
        assert [m["score"] for m in response.json()["mistakes"]] == [0.25]


class TestRefusals:
    def test_an_unreadable_mistake_is_422(self, client, instructor, assignment, parts) -> None:
        response = add_mistake(client, instructor, assignment, parts["expression"].id, "\\frac{1}{")
        assert response.status_code == 422 and "cannot read" in response.json()["detail"]

    def test_credit_above_one_is_422(self, client, instructor, assignment, parts) -> None:
        assert add_mistake(client, instructor, assignment, parts["expression"].id, "1", score=2).status_code == 422

    def test_an_unknown_part_is_404(self, client, instructor, assignment) -> None:
        assert add_mistake(client, instructor, assignment, "no/such/part", "1").status_code == 404

    def test_lms_may_not_add_mistakes(self, client, lms, assignment, parts) -> None:
        assert add_mistake(client, lms, assignment, parts["expression"].id, "1").status_code == 403


class TestHostileMistakes:
    @pytest.mark.parametrize("answer", [
        pytest.param("\\sin(x) < 0", id="inequality-on-an-expression-part"),
        pytest.param("\\frac{1}{", id="unclosed-brace"),
    ])
    def test_an_unreadable_mistake_is_422_and_later_grading_still_works(
        self, client, instructor, lms, assignment, parts, answer
    ) -> None:
        response = add_mistake(client, instructor, assignment, parts["expression"].id, answer)
        assert response.status_code == 422 and response.json()["detail"].startswith("answer: the grader cannot read it")
        wrong = right_answers(parts) | {parts["expression"].id: doubled(parts["expression"].answer)[0]}
        graded = submit(client, lms, assignment, wrong, at=ON_TIME).json()
        part = next(p for p in graded["parts"] if p["question_id"] == parts["expression"].id)
        assert (part["correct"], part["error"]) == (False, None)

    def test_a_mistake_beyond_floating_point_is_read_exactly_and_matched(
        self, client, instructor, lms, assignment, parts
    ) -> None:
        """171! overflows a float at every sample point, but it is a number: read exactly, stored, and given to the
        student who writes it (and to no one else)."""
        added = add_mistake(client, instructor, assignment, parts["expression"].id, "171!")
        assert added.status_code == 200, added.text
        for answer, feedback in (("171 !", FEEDBACK), ("172!", None), (parts["expression"].answer, None)):
            graded = submit(client, lms, assignment, right_answers(parts) | {parts["expression"].id: answer},
                            at=ON_TIME).json()
            part = next(p for p in graded["parts"] if p["question_id"] == parts["expression"].id)
            assert (part["feedback"] == FEEDBACK) == (feedback is not None), (answer, part)
            assert part["error"] is None, (answer, part)


class TestListAndDelete:
    def url(self, assignment, question_id) -> str:  # type: ignore[no-untyped-def]
        return f"/api/v1/assignments/{assignment['id']}/parts/{question_id}/mistakes"

    def test_the_list_has_the_banks_then_the_assignments(self, client, instructor, assignment, parts) -> None:
        answer = doubled(parts["expression"].answer)[0]
        add_mistake(client, instructor, assignment, parts["expression"].id, answer)
        listed = client.get(self.url(assignment, parts["expression"].id), headers=instructor).json()
        bank = [m for m in listed if m["source"] == "bank"]
        assert len(bank) == len(parts["expression"].mistakes)
        assert listed[-1] == {"answer": answer, "feedback": FEEDBACK, "score": 0.5, "source": "assignment"}

    def test_editing_replaces_the_same_answer(self, client, instructor, assignment, parts) -> None:
        answer = doubled(parts["expression"].answer)[0]
        add_mistake(client, instructor, assignment, parts["expression"].id, answer, score=0.5)
        add_mistake(client, instructor, assignment, parts["expression"].id, answer, score=0.25)
        added = [m for m in client.get(self.url(assignment, parts["expression"].id), headers=instructor).json()
                 if m["source"] == "assignment"]
        assert [m["score"] for m in added] == [0.25]

    def test_deleting_regrades_the_answers_back(self, client, instructor, assignment, parts, doubled_submission) -> None:
        answer = doubled(parts["expression"].answer)[0]
        add_mistake(client, instructor, assignment, parts["expression"].id, answer)
        response = client.delete(self.url(assignment, parts["expression"].id), params={"answer": answer},
                                 headers=instructor)
        assert response.status_code == 200 and response.json() == {"submissions": 1, "changed": 1}
        read = client.get(f"/api/v1/submissions/{doubled_submission['id']}", headers=instructor).json()
        assert next(p for p in read["parts"] if p["question_id"] == parts["expression"].id)["score"] == 0

    def test_deleting_an_unknown_mistake_is_404(self, client, instructor, assignment, parts) -> None:
        response = client.delete(self.url(assignment, parts["expression"].id), params={"answer": "x+1"},
                                 headers=instructor)
        assert response.status_code == 404 and "'x+1'" in response.json()["detail"]

    def test_only_staff_may_list(self, client, lms, assignment, parts) -> None:
        assert client.get(self.url(assignment, parts["expression"].id), headers=lms).status_code == 403
