"""The student page: a student token or a signed link from the LMS opens a student's own work, nobody else's."""

import pytest

from app.models import ApiToken

from tests.api.conftest import right_answers
from tests.api.test_submissions import ON_TIME, submit
from tests.dashboard.conftest import secret_of


@pytest.fixture
def visitor(client):  # type: ignore[no-untyped-def]
    client.cookies.clear()
    yield client
    client.cookies.clear()


@pytest.fixture
def work(client, lms, assignment, parts) -> dict:  # type: ignore[no-untyped-def]
    """alice's two submissions and bob's one."""
    mine = [submit(client, lms, assignment, right_answers(parts), student="alice", at=ON_TIME).json() for _ in range(2)]
    theirs = submit(client, lms, assignment, right_answers(parts), student="bob", at=ON_TIME).json()
    return {"mine": mine, "theirs": theirs}


def link_for(client, headers, course, student="alice", **params):  # type: ignore[no-untyped-def]
    return client.post(f"/api/v1/courses/{course['id']}/students/{student}/link", headers=headers, params=params)


def open_link(visitor, url: str):  # type: ignore[no-untyped-def]
    return visitor.get(url.removeprefix("http://testserver"), follow_redirects=False)


class TestSignedLink:
    def test_the_lms_gets_a_link_that_expires(self, client, lms, course) -> None:
        response = link_for(client, lms, course, hours=2)
        assert response.status_code == 200, response.text
        assert response.json()["url"].startswith("http://testserver/student/link/") and response.json()["expires_at"]

    @pytest.mark.parametrize("role", ["student", "instructor-of-another-course"])
    def test_only_staff_and_the_lms_of_the_course_may_make_one(self, client, auth, course, other_course, role) -> None:
        headers = (auth("student", student="alice") if role == "student" else auth("instructor", course="OTHER"))
        assert link_for(client, headers, course).status_code == 403

    def test_opening_it_shows_the_students_work(self, visitor, lms, course, work) -> None:
        response = open_link(visitor, link_for(visitor, lms, course).json()["url"])
        assert (response.status_code, response.headers["location"]) == (303, "/student")
        assert "samesite=lax" in response.headers["set-cookie"].lower()
        page = visitor.get("/student").text
        assert all(f'/student/submissions/{s["id"]}"' in page for s in work["mine"])
        assert f'/student/submissions/{work["theirs"]["id"]}"' not in page and "2 submissions" in page

    def test_a_tampered_link_is_a_403_page(self, visitor, lms, course) -> None:
        response = open_link(visitor, link_for(visitor, lms, course).json()["url"][:-2] + "xx")
        assert response.status_code == 403 and "invalid or has expired" in response.text
        assert "set-cookie" not in response.headers


class TestStudentToken:
    def test_a_student_token_signs_in(self, visitor, auth, work) -> None:
        response = visitor.post("/student/sign-in", data={"token": secret_of(auth("student", student="alice"))},
                                follow_redirects=False)
        assert response.status_code == 303
        assert f'/student/submissions/{work["mine"][0]["id"]}"' in visitor.get("/student").text

    def test_an_instructor_token_is_sent_to_the_dashboard(self, visitor, instructor) -> None:
        response = visitor.post("/student/sign-in", data={"token": secret_of(instructor)})
        assert response.status_code == 403 and "signs in on the dashboard" in response.text

    def test_revoking_the_token_ends_the_session(self, visitor, auth, db, work) -> None:
        visitor.post("/student/sign-in", data={"token": secret_of(auth("student", student="alice"))})
        db.query(ApiToken).filter(ApiToken.student == "alice").delete()
        db.commit()
        assert 'name="token"' in visitor.get("/student").text


class TestSubmissionPage:
    @pytest.fixture
    def alice(self, visitor, lms, course):  # type: ignore[no-untyped-def]
        open_link(visitor, link_for(visitor, lms, course).json()["url"])
        return visitor

    def test_each_part_with_its_reading_score_and_feedback(self, alice, work, parts) -> None:
        page = alice.get(f"/student/submissions/{work['mine'][0]['id']}").text
        assert '<span class="math" data-latex="' in page and "Correct." in page
        assert "waiting for an instructor" in page and "provisional" in page

    def test_the_late_policy_arithmetic_is_shown(self, alice, work) -> None:
        assert "On time: no penalty." in alice.get(f"/student/submissions/{work['mine'][0]['id']}").text

    def test_another_students_submission_is_not_found(self, alice, work) -> None:
        response = alice.get(f"/student/submissions/{work['theirs']['id']}")
        assert response.status_code == 404 and "You have no submission" in response.text

    def test_a_visitor_without_a_session_is_sent_to_sign_in(self, visitor, work) -> None:
        response = visitor.get(f"/student/submissions/{work['mine'][0]['id']}", follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/student")

    def test_the_page_has_no_inline_script_and_a_strict_policy(self, alice, work) -> None:
        response = alice.get(f"/student/submissions/{work['mine'][0]['id']}")
        assert "<script>" not in response.text and "script-src 'self';" in response.headers["content-security-policy"]
