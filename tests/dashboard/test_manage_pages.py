"""Managing from the dashboard: the manual-grading queue built for a large class, known mistakes deleted,
extensions per student."""

import pytest

from app.services import queue
from tests.api.conftest import right_answers
from tests.api.test_stats import doubled
from tests.api.test_submissions import ON_TIME, submit
from tests.dashboard.conftest import csrf_of, sign_in
from tests.dashboard.test_pages import submitted  # noqa: F401 - fixture

LATE = "2019-03-15T10:00:00-04:00"
ANSWERS = ["Because the forget gate keeps c.", "Because the forget gate keeps c.  ", "", "The gates are sigmoids."]


@pytest.fixture
def waiting(client, lms, assignment, parts) -> list[dict]:  # type: ignore[no-untyped-def]
    """Four students: two identical explanations (one with trailing spaces), one blank, one different."""
    return [submit(client, lms, assignment, right_answers(parts) | {parts["manual"].id: answer},
                   student=f"s{i}", at=ON_TIME).json() for i, answer in enumerate(ANSWERS)]


def queue_page(signed_in, assignment, query: str = "") -> str:  # type: ignore[no-untyped-def]
    return signed_in.get(f"/dashboard/assignments/{assignment['id']}/manual{query}").text


def grade_group(signed_in, assignment, parts, submissions, **form):  # type: ignore[no-untyped-def]
    data = {"question_id": parts["manual"].id, "submission": [s["id"] for s in submissions],
            "csrf_token": csrf_of(queue_page(signed_in, assignment))} | form
    return signed_in.post(f"/dashboard/assignments/{assignment['id']}/manual/grade", data=data, follow_redirects=False)


def final_of(client, instructor, submission) -> float:  # type: ignore[no-untyped-def]
    return client.get(f"/api/v1/submissions/{submission['id']}", headers=instructor).json()["final_score"]


class TestQueue:
    def test_identical_answers_are_one_group_and_blanks_come_first(self, signed_in, assignment, waiting) -> None:
        page = queue_page(signed_in, assignment)
        assert page.count('<article class="manual-item card') == 3
        assert page.index("Grade 1 blank answer 0") < page.index("2 students wrote this") < page.index("The gates")

    def test_one_grade_reaches_every_student_of_the_group(self, client, signed_in, instructor, assignment, parts,
                                                          waiting) -> None:
        response = grade_group(signed_in, assignment, parts, waiting[:2], preset="2", comment="good")
        assert response.status_code == 303 and "notice=graded" in response.headers["location"]
        assert [final_of(client, instructor, s) for s in waiting[:2]] == [w["final_score"] + 2 for w in waiting[:2]]
        page = signed_in.get(response.headers["location"]).text
        assert "Saved: 2 scores graded." in page and "students wrote this" not in page

    def test_blank_answers_are_graded_0_in_one_action(self, signed_in, assignment, parts, waiting) -> None:
        grade_group(signed_in, assignment, parts, [waiting[2]], preset="0")
        assert "blank answer" not in queue_page(signed_in, assignment)

    def test_a_typed_score_is_used_without_a_button(self, client, signed_in, instructor, assignment, parts,
                                                     waiting) -> None:
        grade_group(signed_in, assignment, parts, [waiting[3]], score="1.5")
        assert final_of(client, instructor, waiting[3]) == waiting[3]["final_score"] + 1.5

    def test_no_score_is_a_clear_422_page(self, signed_in, assignment, parts, waiting) -> None:
        response = grade_group(signed_in, assignment, parts, [waiting[3]])
        assert response.status_code == 422 and "press one of the rubric buttons" in response.text

    def test_pages_keep_the_place(self, signed_in, assignment, parts, waiting, monkeypatch) -> None:
        monkeypatch.setattr(queue, "PAGE_SIZE", 1)
        second = queue_page(signed_in, assignment, "?page=2")
        assert "page 2 of 3" in second and 'rel="prev"' in second and 'rel="next"' in second
        response = grade_group(signed_in, assignment, parts, waiting[:2], preset="2", page="2")
        assert response.headers["location"].startswith(f"/dashboard/assignments/{assignment['id']}/manual?page=2")

    def test_anonymous_mode_hides_the_students(self, signed_in, assignment, waiting) -> None:
        assert 'class="note students"' in queue_page(signed_in, assignment)
        assert 'class="note students"' not in queue_page(signed_in, assignment, "?anonymous=true")

    @pytest.mark.parametrize(("rubric", "full", "buttons"), [
        (None, 2, [0, 2]),
        ("1 pt: the cell state. 0.5 pt: the gates.", 2, [0, 0.5, 1, 2]),
        ("3 pts: everything", 2, [0, 2]),
    ], ids=["no-rubric", "items", "beyond-the-part"])
    def test_rubric_buttons(self, rubric, full, buttons) -> None:
        assert queue.rubric_points(rubric, full) == buttons


class TestKnownMistakes:
    def test_a_known_mistake_is_listed_and_deleted(self, client, signed_in, instructor, lms, assignment, parts) -> None:
        wrong = doubled(parts["expression"].answer)[0]
        submission = submit(client, lms, assignment, right_answers(parts) | {parts["expression"].id: wrong},
                            at=ON_TIME).json()
        clusters = f"/dashboard/assignments/{assignment['id']}/clusters/{parts['expression'].id}"
        csrf = csrf_of(signed_in.get(clusters).text)
        added = signed_in.post(f"/dashboard/assignments/{assignment['id']}/mistakes/{parts['expression'].id}",
                               data={"answer": wrong, "feedback": "Doubled.", "credit": "50", "csrf_token": csrf})
        assert "Known mistake saved and the part regraded: 1 score changed." in added.text
        assert '<tr class="mistake">' in added.text and "Delete and regrade" in added.text
        removed = signed_in.post(f"/dashboard/assignments/{assignment['id']}/forget-mistake/{parts['expression'].id}",
                                 data={"answer": wrong, "csrf_token": csrf})
        assert "Known mistake deleted and the part regraded: 1 score changed." in removed.text
        assert final_of(client, instructor, submission) == submission["final_score"]


class TestExtensions:
    def test_an_extension_from_the_submission_page_lifts_the_penalty(self, client, signed_in, instructor, lms,
                                                                      assignment, parts) -> None:
        late = submit(client, lms, assignment, right_answers(parts), at=LATE).json()
        url = f"/dashboard/submissions/{late['id']}"
        csrf = csrf_of(signed_in.get(url).text)
        page = signed_in.post(f"{url}/extension", data={"deadline": "2019-03-16T23:59", "csrf_token": csrf}).text
        assert "reassessed: 1 score changed" in page and "On time: no penalty." in page and "Take it back" in page
        page = signed_in.post(f"{url}/extension", data={"remove": "true", "csrf_token": csrf}).text
        assert "Extension taken back" in page and final_of(client, instructor, late) == late["final_score"]

    def test_the_form_needs_the_csrf_token(self, client, signed_in, lms, assignment, parts) -> None:
        late = submit(client, lms, assignment, right_answers(parts), at=LATE).json()
        response = signed_in.post(f"/dashboard/submissions/{late['id']}/extension", data={"deadline": "2019-03-16T23:59"})
        assert response.status_code == 403


class TestTokensPage:
    @pytest.fixture
    def as_admin(self, browser, admin, course):  # type: ignore[no-untyped-def]
        assert sign_in(browser, admin).status_code == 303
        return browser

    def test_an_admin_creates_a_token_and_sees_it_once(self, as_admin) -> None:
        csrf = csrf_of(as_admin.get("/dashboard/tokens").text)
        response = as_admin.post("/dashboard/tokens", data={"role": "lms", "course": "CSC421", "name": "Canvas",
                                                            "csrf_token": csrf})
        assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
        secret = response.text.split('<code class="secret">')[1].split("</code>")[0]
        assert len(secret) > 30 and secret not in as_admin.get("/dashboard/tokens").text
        assert "Canvas" in as_admin.get("/dashboard/tokens").text

    def test_an_admin_revokes_a_token(self, client, as_admin, auth) -> None:
        victim = auth("instructor", course="CSC421")
        page = as_admin.get("/dashboard/tokens").text
        token_id = page.split('/revoke"')[-2].rsplit("/dashboard/tokens/", 1)[1]
        as_admin.post(f"/dashboard/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(page)})
        assert client.get("/api/v1/courses", headers=victim).status_code == 401

    def test_an_instructor_may_not_open_it(self, signed_in) -> None:
        response = signed_in.get("/dashboard/tokens")
        assert response.status_code == 403 and "Only an admin manages tokens" in response.text


class TestQuestionView:
    @pytest.fixture
    def answered(self, client, lms, assignment, parts) -> dict[str, str]:  # type: ignore[no-untyped-def]
        """Per student, their expression answer: two equivalent wrong spellings, one other wrong, one right."""
        right = parts["expression"].answer
        written = {"s0": doubled(right)[0], "s1": doubled(right)[1], "s2": f"({right})+1", "s3": right}
        for student, answer in written.items():
            submit(client, lms, assignment, right_answers(parts) | {parts["expression"].id: answer}, student=student,
                   at=ON_TIME)
        return written

    def view(self, signed_in, assignment, parts, query=""):  # type: ignore[no-untyped-def]
        return signed_in.get(f"/dashboard/assignments/{assignment['id']}/questions/{parts['expression'].id}{query}")

    def students_in(self, page: str) -> list[str]:
        return [s for s in ("s0", "s1", "s2", "s3") if f'">{s}</a></td>' in page]

    @pytest.mark.parametrize(("query", "students"), [
        ("", ["s0", "s1", "s2", "s3"]), ("?verdict=right", ["s3"]), ("?verdict=wrong", ["s0", "s1", "s2"]),
        ("?cluster=1", ["s0", "s1"]), ("?cluster=2", ["s2"]),
    ], ids=["all", "right", "wrong", "largest-cluster", "second-cluster"])
    def test_filters(self, signed_in, assignment, parts, answered, query, students) -> None:
        assert self.students_in(self.view(signed_in, assignment, parts, query).text) == students

    def test_the_clusters_page_links_each_cluster_to_its_students(self, signed_in, assignment, parts, answered) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}/clusters/{parts['expression'].id}").text
        assert page.count('class="who-wrote"') == 2 and "?cluster=2" in page

    def test_an_unknown_cluster_is_a_404_page(self, signed_in, assignment, parts, answered) -> None:
        response = self.view(signed_in, assignment, parts, "?cluster=9")
        assert response.status_code == 404 and "there is no cluster 9" in response.text


class TestEditAssignment:
    def form(self, signed_in, assignment, **changes):  # type: ignore[no-untyped-def]
        """The edit form as the page fills it, with `changes` on top."""
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}/edit").text
        data = {"csrf_token": csrf_of(page), "title": assignment["title"], "deadline": "2019-03-14T23:59",
                "attempts": "last", "feedback": "immediate", "percent_per_period": "10", "period": "day", "rounding": "up",
                "close_after_periods": "3", "grace_minutes": "0", "min_percent": "0", "deduct_from": "earned",
                "question_id": [p["question_id"] for p in assignment["parts"]],
                "points": [f"{p['points']:g}" for p in assignment["parts"]]}
        return data | changes

    def save(self, signed_in, assignment, data):  # type: ignore[no-untyped-def]
        return signed_in.post(f"/dashboard/assignments/{assignment['id']}/edit", data=data)

    def test_the_form_shows_the_assignment(self, signed_in, assignment) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}/edit").text
        assert 'value="2019-03-14T23:59"' in page and 'name="percent_per_period"' in page

    @pytest.mark.usefixtures("submitted")
    def test_an_unchanged_form_regrades_nothing(self, signed_in, assignment) -> None:
        page = self.save(signed_in, assignment, self.form(signed_in, assignment)).text
        assert "nothing was regraded" in page

    def test_points_and_policy_change_in_one_regrade(self, client, signed_in, instructor, assignment, parts,
                                                     submitted) -> None:  # noqa: F811 - the fixture imported above
        data = self.form(signed_in, assignment, percent_per_period="50", points=["4", "2", "2"])
        page = self.save(signed_in, assignment, data).text
        assert "Assignment saved and 3 submissions regraded: 3 scores changed" in page
        late = client.get(f"/api/v1/submissions/{submitted[2]['id']}", headers=instructor).json()
        assert late["max_score"] == 8 and late["penalty_percent"] == 50
        reasons = {h["why"] for h in late["history"]}
        assert any("assignment edited: late_policy" in r and f"points of {parts['number'].id}" in r for r in reasons)

    def test_a_part_is_removed_and_another_added(self, client, signed_in, instructor, assignment, parts) -> None:
        extra = next(q["id"] for q in client.get("/api/v1/questions", headers=instructor).json()
                     if q["id"] not in {p.id for p in parts.values()} and q["kind"] == "number")
        self.save(signed_in, assignment, self.form(signed_in, assignment, remove=[parts["manual"].id],
                                                   add_question=extra, add_points="1"))
        stored = client.get(f"/api/v1/assignments/{assignment['id']}", headers=instructor).json()
        assert [p["question_id"] for p in stored["parts"]] == [parts["number"].id, parts["expression"].id, extra]

    @pytest.mark.parametrize(("changes", "message"), [
        ({"percent_per_period": "150"}, "late policy, percent_per_period"),
        ({"points": ["x", "2", "2"]}, "is not a number"),
        ({"deadline": "not a date"}, "deadline"),
    ], ids=["penalty-over-100", "points-not-a-number", "bad-deadline"])
    def test_a_bad_form_is_a_422_page_naming_the_field(self, signed_in, assignment, changes, message) -> None:
        response = self.save(signed_in, assignment, self.form(signed_in, assignment, **changes))
        assert response.status_code == 422 and message in response.text


@pytest.mark.usefixtures("submitted")
def test_the_regrade_button_says_what_changed(signed_in, assignment) -> None:  # type: ignore[no-untyped-def]
    url = f"/dashboard/assignments/{assignment['id']}"
    page = signed_in.post(f"{url}/regrade", data={"csrf_token": csrf_of(signed_in.get(url).text)}).text
    assert "Regraded: 0 scores changed." in page
    assert "3 submissions regraded, 0 changed." in page
