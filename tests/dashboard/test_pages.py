"""Dashboard pages: overview with gradebook, charts and item analysis; clusters; manual queue; submission view."""

import csv
import io

import pytest

from tests.api.conftest import right_answers
from tests.api.test_stats import doubled
from tests.api.test_submissions import ON_TIME, submit
from tests.dashboard.conftest import csrf_of

LATE = "2019-03-15T10:00:00-04:00"


@pytest.fixture
def submitted(client, lms, assignment, parts) -> list[dict]:  # type: ignore[no-untyped-def]
    """Three students: two equivalent wrong spellings of one expression, one right; one of them a day late."""
    expression = parts["expression"]
    spellings = [*doubled(expression.answer), expression.answer]
    times = [ON_TIME, ON_TIME, LATE]
    return [
        submit(client, lms, assignment, right_answers(parts) | {expression.id: answer}, student=f"s{i}", at=at).json()
        for i, (answer, at) in enumerate(zip(spellings, times, strict=True))
    ]


class TestOverview:
    def test_the_histogram_is_an_svg_with_ten_bars(self, signed_in, assignment, submitted) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert '<svg class="histogram"' in page and page.count('<rect class="bar"') == 10

    def test_the_timeline_marks_deadline_and_close(self, signed_in, assignment, submitted) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert 'class="mark deadline"' in page and 'class="mark closes"' in page
        assert page.count('<circle class="dot"') == 3

    def test_the_gradebook_has_one_row_per_student(self, signed_in, assignment, submitted) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert all(f'/dashboard/submissions/{s["id"]}">{s["student"]}</a>' in page for s in submitted)

    def test_the_csv_link_gives_the_api_csv(self, signed_in, instructor, assignment, submitted) -> None:
        page_csv = signed_in.get(f"/dashboard/assignments/{assignment['id']}/gradebook.csv").text
        api_csv = signed_in.get(f"/api/v1/assignments/{assignment['id']}/gradebook",
                                headers=instructor | {"Accept": "text/csv"}).text
        assert list(csv.reader(io.StringIO(page_csv))) == list(csv.reader(io.StringIO(api_csv)))

    def test_item_analysis_lists_every_part(self, signed_in, assignment, parts, submitted) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert all(f">{part.id}</small>" in page for part in parts.values())


class TestClusters:
    def test_equivalent_wrong_spellings_are_one_row(self, signed_in, assignment, parts, submitted) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}/clusters/{parts['expression'].id}").text
        assert page.count('<tr class="cluster">') == 1 and '<td class="count">2</td>' in page

    def test_adding_a_known_mistake_needs_the_csrf_token(self, signed_in, assignment, parts, submitted) -> None:
        url = f"/dashboard/assignments/{assignment['id']}/mistakes/{parts['expression'].id}"
        form = {"answer": doubled(parts["expression"].answer)[0], "feedback": "doubled", "credit": "50"}
        assert signed_in.post(url, data=form).status_code == 403

    def test_adding_a_known_mistake_regrades_the_cluster(self, signed_in, assignment, parts, submitted) -> None:
        clusters = f"/dashboard/assignments/{assignment['id']}/clusters/{parts['expression'].id}"
        form = {"answer": doubled(parts["expression"].answer)[0], "feedback": "You doubled it.", "credit": "50",
                "csrf_token": csrf_of(signed_in.get(clusters).text)}
        signed_in.post(f"/dashboard/assignments/{assignment['id']}/mistakes/{parts['expression'].id}", data=form)
        page = signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text
        assert "You doubled it." in page and "known mistake added" in page


class TestManualGrading:
    def queue_url(self, assignment) -> str:  # type: ignore[no-untyped-def]
        return f"/dashboard/assignments/{assignment['id']}/manual"

    def grade_url(self, submission, parts) -> str:  # type: ignore[no-untyped-def]
        return f"/dashboard/submissions/{submission['id']}/grade/{parts['manual'].id}"

    def test_the_queue_shows_prompt_and_answer(self, signed_in, assignment, parts, submitted) -> None:
        page = signed_in.get(self.queue_url(assignment)).text
        assert page.count('<article class="manual-item card">') == 1 and "Because the forget gate keeps c." in page
        assert "3 students wrote this" in page and "3 answers wait" in page

    def test_a_grade_without_the_csrf_token_is_refused(self, signed_in, assignment, parts, submitted) -> None:
        response = signed_in.post(self.grade_url(submitted[0], parts), data={"score": "2"})
        assert response.status_code == 403 and "CSRF" in response.text

    def test_a_grade_with_a_wrong_csrf_token_is_refused(self, signed_in, assignment, parts, submitted) -> None:
        response = signed_in.post(self.grade_url(submitted[0], parts), data={"score": "2", "csrf_token": "forged"})
        assert response.status_code == 403

    def test_a_grade_leaves_the_queue_and_reaches_the_gradebook(self, signed_in, assignment, parts, submitted) -> None:
        csrf = csrf_of(signed_in.get(self.queue_url(assignment)).text)
        form = {"score": "2", "comment": "good", "csrf_token": csrf, "back": "queue"}
        response = signed_in.post(self.grade_url(submitted[0], parts), data=form, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, self.queue_url(assignment) + "?notice=grade")
        assert "2 students wrote this" in signed_in.get(self.queue_url(assignment)).text
        overview = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert f'<td class="final">{submitted[0]["final_score"] + 2:g}</td>' in overview


class TestSubmissionView:
    def test_the_late_policy_arithmetic_is_spelled_out(self, signed_in, submitted) -> None:
        page = signed_in.get(f"/dashboard/submissions/{submitted[2]['id']}").text
        assert "1 day(s) late (partial periods rounded up) × 10% per day = 10%" in page
        assert f"Final = {submitted[2]['raw_score']:g} × (1 − 0.1) = {submitted[2]['final_score']:g}" in page

    def test_the_interpreted_formula_is_handed_to_katex(self, signed_in, submitted) -> None:
        page = signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text
        assert '<span class="math" data-latex="' in page

    def test_the_score_history_is_shown(self, signed_in, submitted, parts) -> None:
        csrf = csrf_of(signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text)
        signed_in.post(f"/dashboard/submissions/{submitted[0]['id']}/grade/{parts['manual'].id}",
                       data={"score": "1", "comment": "half of it", "csrf_token": csrf})
        page = signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text
        assert "graded by hand: half of it" in page and "final score" in page

    def test_a_wrong_answer_is_shown_with_its_score(self, signed_in, submitted, parts) -> None:
        page = signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text
        assert '<dd class="score">0 / 2' in page


class TestHonestNumbers:
    def test_an_assignment_without_submissions_draws_no_chart(self, signed_in, assignment) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert "<svg" not in page and "No submission yet" in page and "0 students" in page

    def test_one_student_is_singular(self, client, signed_in, lms, assignment, parts) -> None:
        submit(client, lms, assignment, right_answers(parts), student="solo", at=ON_TIME)
        assert "1 student ·" in signed_in.get(f"/dashboard/assignments/{assignment['id']}").text

    def test_totals_are_provisional_while_a_manual_part_waits(self, signed_in, assignment, submitted) -> None:
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert "3 totals are provisional" in page and page.count('class="provisional" title="1 part waits') == 3

    def test_a_manual_part_shows_how_many_answers_are_graded(self, signed_in, assignment, parts, submitted) -> None:
        csrf = csrf_of(signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text)
        signed_in.post(f"/dashboard/submissions/{submitted[0]['id']}/grade/{parts['manual'].id}",
                       data={"score": "2", "csrf_token": csrf})
        page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
        assert '<td class="graded">1/3 <span class="provisional">2 waiting</span>' in page


class TestFeedbackIsRendered:
    def test_a_comment_is_markdown_with_formulas(self, signed_in, parts, submitted) -> None:
        url = f"/dashboard/submissions/{submitted[0]['id']}"
        signed_in.post(f"{url}/grade/{parts['manual'].id}",
                       data={"score": "1", "comment": "Check *each* gate: $W^f x_t$", "csrf_token": csrf_of(signed_in.get(url).text)})
        page = signed_in.get(url).text
        assert "<em>each</em>" in page and '<span class="math" data-latex="W^f x_t">' in page
        assert "waiting for an instructor" not in page.split(parts["manual"].id)[1].split("</article>")[0]

    def test_the_student_submissions_are_listed(self, client, signed_in, lms, assignment, parts, submitted) -> None:
        again = submit(client, lms, assignment, right_answers(parts), student="s0", at=ON_TIME).json()
        page = signed_in.get(f"/dashboard/submissions/{submitted[0]['id']}").text
        assert f'<a href="/dashboard/submissions/{again["id"]}">{again["id"]}</a> · counts' in page


class TestErrorPages:
    @pytest.mark.parametrize(("path", "status", "message"), [
        ("/dashboard/assignments/999999", 404, "assignment 999999 does not exist"),
        ("/dashboard/assignments/0", 422, "assignment_id: Input should be greater than or equal to 1"),
        ("/dashboard/no-such-page", 404, "Not Found"),
    ], ids=["unknown-assignment", "bad-id", "unknown-page"])
    def test_errors_are_pages(self, signed_in, path, status, message) -> None:
        response = signed_in.get(path)
        assert response.status_code == status and response.headers["content-type"].startswith("text/html")
        assert message in response.text and '{"detail"' not in response.text

    def test_the_api_keeps_json_errors(self, client, instructor) -> None:
        response = client.get("/api/v1/assignments/999999", headers=instructor)
        assert response.status_code == 404 and response.json() == {"detail": "assignment 999999 does not exist"}


class TestCourseGradebook:
    def test_the_course_page_has_a_gradebook_and_its_csv(self, signed_in, course, submitted) -> None:
        page = signed_in.get(f"/dashboard/courses/{course['id']}").text
        assert '<table id="course-gradebook"' in page and page.count('<td class="student">') == 3
        rows = list(csv.reader(io.StringIO(signed_in.get(f"/dashboard/courses/{course['id']}/gradebook.csv").text)))
        assert [row[0] for row in rows] == ["student", "s0", "s1", "s2"]

    def test_a_course_without_submissions_has_no_gradebook(self, signed_in, course, assignment) -> None:
        assert "course-gradebook" not in signed_in.get(f"/dashboard/courses/{course['id']}").text
