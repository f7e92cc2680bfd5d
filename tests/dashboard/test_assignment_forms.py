"""An instructor creates an assignment from the dashboard and gives extensions per student there: the forms build
the API's own bodies, so what the API reads back is what the form said."""

from datetime import datetime

import pytest

import reference
from tests.api.test_submissions import submit
from tests.dashboard.conftest import csrf_of
from tests.dashboard.test_manage_pages import LATE
from tests.dashboard.test_pages import submitted  # noqa: F401 - fixture

SETTINGS = {"title": "Homework 5", "deadline": "2019-04-01T17:00", "attempts": "best", "max_attempts": "3",
            "feedback": "after_deadline", "percent_per_period": "5", "period": "hour", "rounding": "exact",
            "close_after_periods": "", "grace_minutes": "15", "min_percent": "20", "deduct_from": "possible"}


def new_form(signed_in, course, **changes):  # type: ignore[no-untyped-def]
    """Every bank part as the page lists it; the first two ticked, the second with its points typed."""
    page = signed_in.get(f"/dashboard/courses/{course['id']}/assignments/new").text
    bank = [part.id for part in reference.all_parts()]
    data = {"csrf_token": csrf_of(page), "question_id": bank, "points": ["", "4", *[""] * (len(bank) - 2)],
            "include": bank[:2]} | SETTINGS
    return data | changes


def create(signed_in, course, data):  # type: ignore[no-untyped-def]
    return signed_in.post(f"/dashboard/courses/{course['id']}/assignments/new", data=data)


class TestNewAssignment:
    def test_the_course_page_links_the_form(self, signed_in, course) -> None:
        page = signed_in.get(f"/dashboard/courses/{course['id']}").text
        assert f'href="/dashboard/courses/{course["id"]}/assignments/new"' in page

    def test_the_form_lists_the_bank(self, signed_in, course) -> None:
        page = signed_in.get(f"/dashboard/courses/{course['id']}/assignments/new").text
        assert all(f'name="include" value="{part.id}"' in page for part in reference.all_parts())

    def test_the_stored_assignment_is_what_the_form_said(self, client, signed_in, instructor, course) -> None:
        response = create(signed_in, course, new_form(signed_in, course))
        assert response.status_code == 200 and "Assignment created." in response.text
        stored = client.get(f"/api/v1/courses/{course['id']}/assignments", headers=instructor).json()[-1]
        first, second = reference.all_parts()[:2]
        assert stored["parts"] == [{"question_id": first.id, "points": first.points},
                                   {"question_id": second.id, "points": 4}]
        assert (stored["title"], stored["attempts"], stored["max_attempts"], stored["feedback"]) == \
            ("Homework 5", "best", 3, "after_deadline")
        # course-local: 17:00 in Toronto on daylight time
        assert datetime.fromisoformat(stored["deadline"]) == datetime.fromisoformat("2019-04-01T17:00:00-04:00")
        assert stored["late_policy"] == {"percent_per_period": 5, "period": "hour", "rounding": "exact",
                                         "close_after_periods": None, "grace_minutes": 15, "min_percent": 20,
                                         "deduct_from": "possible"}

    @pytest.mark.parametrize(("changes", "message"), [
        ({"include": []}, "tick at least one part"),
        ({"title": ""}, "title"),
        ({"deadline": "next week"}, "deadline"),
        ({"max_attempts": "0"}, "max_attempts"),
        ({"grace_minutes": "-1"}, "late policy, grace_minutes"),
        ({"include": ["no/such/part"]}, "not in the bank"),
    ], ids=["no-part", "no-title", "bad-deadline", "no-attempt", "negative-grace", "unknown-part"])
    def test_a_bad_form_is_a_422_page_naming_the_field(self, signed_in, course, changes, message) -> None:
        data = new_form(signed_in, course, **changes)
        if changes.get("include") == ["no/such/part"]:
            data |= {"question_id": ["no/such/part"], "points": [""]}
        response = create(signed_in, course, data)
        assert response.status_code == 422 and message in response.text

    def test_another_course_is_refused(self, signed_in, course, other_course) -> None:
        response = signed_in.get(f"/dashboard/courses/{other_course['id']}/assignments/new")
        assert response.status_code == 403

    def test_the_form_needs_the_csrf_token(self, signed_in, course) -> None:
        response = create(signed_in, course, new_form(signed_in, course, csrf_token="stale"))
        assert response.status_code == 403


class TestEditSettings:
    def edit(self, signed_in, assignment, **changes):  # type: ignore[no-untyped-def]
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}/edit").text
        data = {"csrf_token": csrf_of(page), "question_id": [p["question_id"] for p in assignment["parts"]],
                "points": [f"{p['points']:g}" for p in assignment["parts"]]} | SETTINGS | changes
        return signed_in.post(f"/dashboard/assignments/{assignment['id']}/edit", data=data)

    def test_attempts_and_release_are_edited_and_the_limit_lifted(self, client, signed_in, instructor,
                                                                   assignment) -> None:
        self.edit(signed_in, assignment)
        url = f"/api/v1/assignments/{assignment['id']}"
        stored = client.get(url, headers=instructor).json()
        assert (stored["max_attempts"], stored["feedback"]) == (3, "after_deadline")
        assert 'name="max_attempts" type="number" min="1" max="10000" step="1" value="3"' in \
            signed_in.get(f"/dashboard/assignments/{assignment['id']}/edit").text
        self.edit(signed_in, assignment, max_attempts="")
        assert client.get(url, headers=instructor).json()["max_attempts"] is None

    def test_a_regrading_edit_links_the_regrade(self, signed_in, assignment, submitted) -> None:  # noqa: F811
        page = self.edit(signed_in, assignment).text
        assert "Assignment saved and 3 submissions regraded" in page
        assert "Last regrade by" in page


class TestExtensionsPage:
    def give(self, signed_in, assignment, **form):  # type: ignore[no-untyped-def]
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}/edit").text
        return signed_in.post(f"/dashboard/assignments/{assignment['id']}/extensions",
                              data={"csrf_token": csrf_of(page)} | form)

    def test_a_student_without_a_submission_gets_one(self, client, signed_in, lms, instructor, assignment,
                                                     parts) -> None:
        page = self.give(signed_in, assignment, student="late-larry", deadline="2019-03-20T12:00").text
        assert "Extension saved" in page and "late-larry" in page and "2019-03-20 12:00 EDT" in page
        answers = {parts["number"].id: parts["number"].answer}
        late = submit(client, lms, assignment, answers, student="late-larry", at=LATE).json()
        assert late["penalty_percent"] == 0

    def test_an_extension_lifts_the_penalty_and_is_taken_back(self, client, signed_in, instructor, assignment,
                                                              submitted) -> None:  # noqa: F811
        late = submitted[2]
        assert late["penalty_percent"] > 0
        page = self.give(signed_in, assignment, student=late["student"], deadline="2019-03-20T12:00").text
        assert "reassessed: 1 score changed" in page
        assert client.get(f"/api/v1/submissions/{late['id']}", headers=instructor).json()["penalty_percent"] == 0
        page = self.give(signed_in, assignment, student=late["student"], remove="true").text
        assert "Extension taken back" in page and "No extension yet." in page
        assert client.get(f"/api/v1/submissions/{late['id']}", headers=instructor).json()["penalty_percent"] > 0

    def test_taking_back_a_missing_extension_is_a_404_page(self, signed_in, assignment) -> None:
        response = self.give(signed_in, assignment, student="nobody", remove="true")
        assert response.status_code == 404 and "has no extension" in response.text


def test_results_held_for_release_are_released_with_a_button(client, signed_in, instructor, assignment) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/assignments/{assignment['id']}"
    assert client.patch(url, json={"feedback": "on_release"}, headers=instructor).status_code == 200
    page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
    assert "Not released yet." in page
    page = signed_in.post(f"/dashboard/assignments/{assignment['id']}/release",
                          data={"csrf_token": csrf_of(page)}).text
    assert "Results released" in page and "<strong>Released.</strong>" in page
    assert client.get(url, headers=instructor).json()["released"] is True


@pytest.mark.parametrize("declared", [True, False], ids=["declared-length", "streamed"])
def test_a_form_over_the_body_limit_is_a_page_not_json(signed_in, course, declared) -> None:  # type: ignore[no-untyped-def]
    body = b"title=" + b"x" * 3_000_000
    content = body if declared else iter([body[:1_000_000], body[1_000_000:]])
    response = signed_in.post(f"/dashboard/courses/{course['id']}/assignments/new", content=content,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and response.headers["content-type"].startswith("text/html")
    assert "Too large" in response.text and "larger than the limit of" in response.text
