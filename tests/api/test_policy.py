"""Attempts and feedback are the assignment's policy: a maximum number of submissions per student, and what a
student token's responses show (now, after the deadline, on release). LMS and staff tokens see everything."""

from typing import Any

import pytest

from tests.api.conftest import assignment_body, right_answers

FUTURE = "2100-01-01T00:00:00"
PAST = "2019-03-14T23:59:00"
NO_CLOSING = {"percent_per_period": 10, "period": "day", "close_after_periods": None}


def make(client, headers, course, parts, **policy: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    body = assignment_body(parts, deadline=policy.pop("deadline", FUTURE), late_policy=NO_CLOSING) | policy
    response = client.post(f"/api/v1/courses/{course['id']}/assignments", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def send(client, headers, assignment, parts, key=None):  # type: ignore[no-untyped-def]
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(f"/api/v1/assignments/{assignment['id']}/submissions",
                       json={"student": "alice", "answers": right_answers(parts)}, headers=headers | extra)


@pytest.fixture
def alice(auth, course) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return auth("student", course="CSC421", student="alice")


class TestDefaults:
    def test_an_assignment_without_a_policy_keeps_todays_behaviour(self, client, instructor, course, parts) -> None:
        created = make(client, instructor, course, parts)
        assert (created["max_attempts"], created["feedback"], created["released"]) == (None, "immediate", False)


class TestMaxAttempts:
    def test_a_submission_beyond_the_maximum_is_409_naming_it(self, client, instructor, alice, course, parts) -> None:
        assignment = make(client, instructor, course, parts, max_attempts=2)
        assert [send(client, alice, assignment, parts).status_code for _ in range(2)] == [201, 201]
        refused = send(client, alice, assignment, parts)
        assert refused.status_code == 409 and "all 2 attempts" in refused.json()["detail"]

    def test_a_retry_of_the_last_attempt_is_still_its_first_response(
        self, client, instructor, alice, course, parts
    ) -> None:
        assignment = make(client, instructor, course, parts, max_attempts=1)
        first = send(client, alice, assignment, parts, key="k1")
        assert send(client, alice, assignment, parts, key="k1").json()["id"] == first.json()["id"]

    @pytest.mark.parametrize("bad", [0, -1, 1.5, "many"])
    def test_a_maximum_that_is_not_a_positive_integer_is_422(self, client, instructor, course, parts, bad) -> None:
        body = assignment_body(parts, max_attempts=bad)
        assert client.post(f"/api/v1/courses/{course['id']}/assignments", json=body,
                           headers=instructor).status_code == 422


HIDDEN = {"raw_score": None, "final_score": None}


class TestFeedback:
    @pytest.mark.parametrize(("policy", "deadline", "hidden"), [
        pytest.param("immediate", FUTURE, False, id="immediate"),
        pytest.param("after_deadline", FUTURE, True, id="after-deadline-before-it"),
        pytest.param("after_deadline", PAST, False, id="after-deadline-after-it"),
        pytest.param("on_release", PAST, True, id="on-release-not-released"),
    ])
    def test_what_a_student_token_sees(self, client, instructor, alice, course, parts, policy, deadline, hidden) -> None:
        assignment = make(client, instructor, course, parts, feedback=policy, deadline=deadline)
        created = send(client, alice, assignment, parts)
        assert created.status_code == 201, created.text
        for seen in (created.json(), client.get(f"/api/v1/submissions/{created.json()['id']}", headers=alice).json(),
                     client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=alice).json()[0]):
            assert (seen["final_score"] is None) == hidden
            assert all((p["score"], p["correct"], p["feedback"]) == (None, None, None) for p in seen["parts"]) == hidden
            assert (seen["withheld"] is not None) == hidden
            assert all(p["answer"] is not None for p in seen["parts"])  # what was received is always shown

    @pytest.mark.parametrize("role", ["lms", "instructor"])
    def test_lms_and_staff_tokens_see_everything(self, client, auth, instructor, course, parts, role) -> None:
        assignment = make(client, instructor, course, parts, feedback="on_release")
        seen = send(client, auth(role, course="CSC421"), assignment, parts).json()
        assert seen["final_score"] == 4 and seen["withheld"] is None  # both auto parts right; manual waits

    def test_releasing_shows_the_results(self, client, instructor, alice, course, parts) -> None:
        assignment = make(client, instructor, course, parts, feedback="on_release")
        created = send(client, alice, assignment, parts).json()
        released = client.post(f"/api/v1/assignments/{assignment['id']}/release", headers=instructor)
        assert released.status_code == 200 and released.json()["released"] is True
        seen = client.get(f"/api/v1/submissions/{created['id']}", headers=alice).json()
        assert seen["final_score"] == 4 and seen["withheld"] is None

    def test_students_may_not_release(self, client, instructor, alice, course, parts) -> None:
        assignment = make(client, instructor, course, parts, feedback="on_release")
        assert client.post(f"/api/v1/assignments/{assignment['id']}/release", headers=alice).status_code == 403


class TestEditingThePolicy:
    def test_a_patch_sets_the_policy_and_students_see_it_at_once(self, client, instructor, alice, course, parts) -> None:
        assignment = make(client, instructor, course, parts)
        assert send(client, alice, assignment, parts).json()["parts"][0]["correct"] is True
        response = client.patch(f"/api/v1/assignments/{assignment['id']}", headers=instructor,
                                json={"max_attempts": 2, "feedback": "on_release"})
        assert response.status_code == 200, response.text
        assert (response.json()["max_attempts"], response.json()["feedback"]) == (2, "on_release")
        second = send(client, alice, assignment, parts)
        assert second.status_code == 201 and second.json()["parts"][0]["correct"] is None
        assert send(client, alice, assignment, parts).status_code == 409
