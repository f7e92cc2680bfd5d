"""The pages an instructor and a student use, in headless Chromium on the demo data: they fit a 1280 px screen and
a phone, formulas in feedback and headings are typeset, numbers do not mislead, errors are pages, and a student
sees their own work with or without JavaScript. Screenshots are kept in the artifacts directory."""

from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from app.services.stats import MIN_STUDENTS
from tests.browser.conftest import Server, student_token
from tests.browser.test_dashboard_in_chromium import api, sign_in

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
STUDENT = "demo-student-03"


def call(server: Server, method: str, path: str, **kwargs: Any) -> Any:
    response = httpx.request(method, f"{server.url}/api/v1{path}",
                             headers={"Authorization": f"Bearer {server.instructor_token}"}, timeout=60, **kwargs)
    response.raise_for_status()
    return response.json()


@pytest.fixture(scope="module")
def demo(server: Server) -> dict[str, Any]:
    """The demo assignment with the class's submissions, an empty one, and one student's submission."""
    course = next(c for c in api(server, "/courses") if c["code"] == "DEMO")
    assignments = api(server, f"/courses/{course['id']}/assignments")
    books = {a["id"]: api(server, f"/assignments/{a['id']}/gradebook") for a in assignments}
    full = next(a for a in assignments if books[a["id"]])
    empty = next(a for a in assignments if not books[a["id"]])
    row = next(r for r in books[full["id"]] if r["student"] == STUDENT)
    submission = api(server, f"/submissions/{row['submission_id']}")
    return {"course": course, "assignment": full, "empty": empty, "submission": submission}


def viewport_page(chromium, viewport: str, *, javascript: bool = True):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript)
    return context.new_page()


def overflow(page) -> int:  # type: ignore[no-untyped-def]
    """How many pixels the page spreads sideways beyond the window (0: it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def dashboard_paths(demo: dict[str, Any]) -> dict[str, str]:
    assignment_id = demo["assignment"]["id"]
    return {
        "courses": "/dashboard",
        "assignment": f"/dashboard/assignments/{assignment_id}",
        "submission": f"/dashboard/submissions/{demo['submission']['id']}",
        "queue": f"/dashboard/assignments/{assignment_id}/manual",
        "empty-assignment": f"/dashboard/assignments/{demo['empty']['id']}",
    }


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", ["courses", "assignment", "submission", "queue", "empty-assignment"])
def test_dashboard_pages_fit_the_screen(chromium, server, demo, artifacts_dir, name, viewport) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, viewport)
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}{dashboard_paths(demo)[name]}")
    page.screenshot(path=artifacts_dir / f"product-{name}-{viewport}.png")
    page.screenshot(path=artifacts_dir / f"product-{name}-{viewport}-full.png", full_page=True)
    assert overflow(page) <= 0
    page.context.close()


def test_the_grade_by_hand_form_is_on_screen_at_1280(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/submissions/{demo['submission']['id']}")
    button = page.locator("form.grade-form button").first.bounding_box()
    assert button is not None and button["x"] + button["width"] <= 1280


def test_known_mistake_feedback_is_typeset(page, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    with_dollars = next(p for p in demo["submission"]["parts"] if "$" in p["feedback"])
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/submissions/{demo['submission']['id']}")
    card = page.locator("article.part", has_text=with_dollars["question_id"])
    card.locator(".feedback .katex").first.wait_for()
    card.screenshot(path=artifacts_dir / "product-feedback-typeset.png")
    assert "$" not in card.locator(".feedback").inner_text()


def test_headings_are_typeset(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    bank = {q["id"]: q for q in api(server, "/questions")}
    titled = next(p["question_id"] for p in demo["assignment"]["parts"]
                  if "_" in bank[p["question_id"]]["title"] and bank[p["question_id"]]["kind"] != "manual")
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/clusters/{titled}")
    page.locator("h1 .katex").first.wait_for()
    assert "_" not in page.locator("h1 .katex-html").first.inner_text()


def test_a_hand_graded_part_no_longer_waits(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    waiting = next(p for p in demo["submission"]["parts"] if p["correct"] is None)
    page.goto(f"{server.url}/dashboard/submissions/{demo['submission']['id']}")
    card = page.locator("article.part", has_text=waiting["question_id"])
    assert "waiting for an instructor" in card.inner_text()
    card.locator("input[name=score]").fill("0")
    card.locator("input[name=comment]").fill("Say *why* the gradient is $\\prod_t W$.")
    card.locator("button[type=submit]").click()
    card = page.locator("article.part", has_text=waiting["question_id"])
    card.locator(".comment .katex").first.wait_for()
    assert "waiting for an instructor" not in card.inner_text()
    assert card.locator(".comment em", has_text="why").count() == 1
    stored = next(p for p in call(server, "GET", f"/submissions/{demo['submission']['id']}")["parts"]
                  if p["question_id"] == waiting["question_id"])
    assert stored["feedback"] == "Say *why* the gradient is $\\prod_t W$." and stored["correct"] is False


def test_item_analysis_of_a_manual_part_counts_graded_answers(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    # A manual part with answers still waiting and too few graded to judge it: no flag may be raised on those.
    manual = next(item for item in api(server, f"/assignments/{demo['assignment']['id']}/stats")
                  if item["waiting"] and item["graded"] < MIN_STUDENTS)
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}")
    row = page.locator("table.items tbody tr", has_text=manual["question_id"])
    assert row.locator("td.graded").inner_text().startswith(f"{manual['graded']}/{manual['graded'] + manual['waiting']}")
    assert "discriminates badly" not in row.inner_text()
    assert "provisional" in page.locator("main").inner_text()


def test_counts_have_the_right_plural(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['empty']['id']}")
    assert "0 students" in page.inner_text("main")
    assert page.locator("svg").count() == 0


def test_an_error_is_a_page_not_json(page, server, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    response = page.goto(f"{server.url}/dashboard/assignments/2000000")
    page.screenshot(path=artifacts_dir / "product-error-page.png")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Not found"
    assert "assignment 2000000 does not exist" in page.inner_text("main") and '"detail"' not in page.content()


def test_signing_in_lands_on_the_page_asked_for(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    asked = f"{server.url}/dashboard/submissions/{demo['submission']['id']}"
    page.goto(asked)
    page.fill("input[name=token]", server.instructor_token)
    page.click("button[type=submit]")
    page.wait_for_selector("article.part")
    assert page.url == asked


def signed_link(server: Server, demo: dict[str, Any]) -> str:
    return call(server, "POST", f"/courses/{demo['course']['id']}/students/{STUDENT}/link")["url"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_student_opens_their_work_from_a_signed_link(chromium, server, demo, artifacts_dir, viewport) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, viewport)
    page.goto(signed_link(server, demo))
    page.screenshot(path=artifacts_dir / f"product-student-home-{viewport}.png", full_page=True)
    assert demo["assignment"]["title"] in page.inner_text("main")
    page.get_by_role("link", name="answers and feedback").first.click()
    page.locator("article.part .fields .katex").first.wait_for()
    page.screenshot(path=artifacts_dir / f"product-student-submission-{viewport}.png")
    page.screenshot(path=artifacts_dir / f"product-student-submission-{viewport}-full.png", full_page=True)
    text = page.inner_text("main")
    assert "Late policy" in text and f"{demo['submission']['final_score']:g} / {demo['submission']['max_score']:g}" in text
    assert overflow(page) <= 0
    page.context.close()


def test_the_student_page_works_without_javascript(chromium, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, "phone", javascript=False)
    page.goto(signed_link(server, demo))
    page.goto(f"{server.url}/student/submissions/{demo['submission']['id']}")
    page.screenshot(path=artifacts_dir / "product-student-no-javascript.png", full_page=True)
    read = next(p for p in demo["submission"]["parts"] if p["interpreted"])
    assert page.locator(".katex").count() == 0
    assert read["interpreted"] in page.locator("article.part", has_text=read["answer"] or "").first.inner_text()
    page.context.close()


def test_a_student_token_signs_in_and_sees_only_their_own(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/student")
    page.fill("input[name=token]", student_token(server))  # a token for demo-student-00
    page.click("button[type=submit]")
    page.wait_for_selector("table.submissions")
    assert "demo-student-00" in page.inner_text("header")
    response = page.goto(f"{server.url}/student/submissions/{demo['submission']['id']}")
    assert response is not None and response.status == 404


def test_a_tampered_link_is_refused(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(signed_link(server, demo)[:-3] + "abc")
    assert response is not None and response.status == 403
    assert "invalid or has expired" in page.inner_text("main") and page.context.cookies() == []


def test_the_safe_redirect_ignores_other_sites(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/dashboard?{urlencode({'next': '//example.org/dashboard'})}")
    page.fill("input[name=token]", server.instructor_token)
    page.click("button[type=submit]")
    page.wait_for_selector("h1")
    assert page.url == f"{server.url}/dashboard"


def test_a_rubric_button_grades_a_whole_group(chromium, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, "phone")
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/manual")
    group = page.locator("article.manual-item:not(.blank)").first
    students = group.locator(".students").inner_text().split(", ")
    gradebook = f"/assignments/{demo['assignment']['id']}/gradebook"
    before = {r["student"]: r["waiting_parts"] for r in api(server, gradebook)}
    group.locator("button[name=preset]").last.click()
    page.wait_for_selector("p.saved")
    page.screenshot(path=artifacts_dir / "product-queue-after-group-grade-phone.png")
    assert f"Saved: {len(students)} scores graded." in page.inner_text("p.saved")
    after = {r["student"]: r["waiting_parts"] for r in api(server, gradebook)}
    assert all(after[s] == before[s] - 1 for s in students), (before, after)
    page.context.close()


def test_an_extension_from_the_submission_page(page, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    late = next(r for r in api(server, f"/assignments/{demo['assignment']['id']}/gradebook") if r["late_periods"])
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/submissions/{late['submission_id']}")
    page.fill("form.extension input[name=deadline]", "2030-01-01T00:00")
    page.click("form.extension button:not([name=remove])")
    page.wait_for_selector("p.saved")
    page.screenshot(path=artifacts_dir / "product-extension.png")
    assert "On time: no penalty." in page.inner_text("ol.arithmetic")
    page.click("form.extension button[name=remove]")
    page.wait_for_selector("p.saved")
    assert "Extension taken back" in page.inner_text("p.saved")
    assert "On time" not in page.inner_text("ol.arithmetic")


def test_known_mistakes_are_added_and_deleted_from_a_cluster(page, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    stats = api(server, f"/assignments/{demo['assignment']['id']}/stats")
    question_id = next(item["question_id"] for item in stats if any(not c["feedback"] for c in item["clusters"]))
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/clusters/{question_id}")
    cluster = page.locator("tr.cluster", has=page.locator("form")).first
    cluster.locator("input[name=feedback]").fill("Check the *sign* of $x_t$.")
    cluster.locator("input[name=credit]").fill("25")
    cluster.locator("button[type=submit]").click()
    page.wait_for_selector("p.saved")
    added = page.locator("tr.mistake", has_text="this assignment")
    added.locator(".feedback .katex").first.wait_for()
    page.screenshot(path=artifacts_dir / "product-known-mistakes.png", full_page=True)
    assert "25%" in added.inner_text()
    added.get_by_role("button", name="Delete and regrade").click()
    page.wait_for_selector("p.saved")
    assert "Known mistake deleted" in page.inner_text("p.saved")
    assert page.locator("tr.mistake", has_text="this assignment").count() == 0


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_edit_form_fits_and_saves(chromium, server, demo, artifacts_dir, viewport) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, viewport)
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['empty']['id']}/edit")
    page.screenshot(path=artifacts_dir / f"product-edit-{viewport}.png", full_page=True)
    assert overflow(page) <= 0
    page.fill("input[name=title]", f"{demo['empty']['title']} ({viewport})")
    page.click("form.edit-assignment button[type=submit]")
    page.wait_for_selector("p.saved")
    assert f"({viewport})" in page.inner_text("h1")
    page.context.close()


def test_the_course_gradebook_and_tokens_fit_a_phone(chromium, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, "phone")
    sign_in(page, server, server.instructor_token)
    students = {row["student"] for row in api(server, f"/courses/{demo['course']['id']}/gradebook")}
    page.goto(f"{server.url}/dashboard/courses/{demo['course']['id']}")
    page.screenshot(path=artifacts_dir / "product-course-phone.png")
    assert page.locator("#course-gradebook tbody tr").count() == len(students) and overflow(page) <= 0
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/questions/"
              f"{demo['submission']['parts'][0]['question_id']}?verdict=wrong")
    page.screenshot(path=artifacts_dir / "product-question-view-phone.png")
    assert overflow(page) <= 0
    page.context.close()
