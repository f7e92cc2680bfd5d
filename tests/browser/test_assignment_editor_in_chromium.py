"""An instructor creates and edits an assignment from the dashboard in headless Chromium, at 1280 px and on a phone:
the forms fit the screen, what is saved is what the API reads back, an edit that moves scores says how many and
shows the regrade, and extensions are given per student. Screenshots are kept in the artifacts directory."""

from typing import Any

import pytest

from tests.browser.conftest import Server
from tests.browser.test_dashboard_in_chromium import api, sign_in
from tests.browser.test_product_in_chromium import VIEWPORTS, call, overflow, viewport_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def course(server: Server) -> dict[str, Any]:
    return next(c for c in api(server, "/courses") if c["code"] == "DEMO")


def late_assignment(server: Server, course: dict[str, Any], title: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A one-part assignment of its own (the demo's stay as the other tests expect them) and a submission a day
    late, right, so that the late policy alone decides its score."""
    part = next(q for q in api(server, "/questions") if q["kind"] == "number")
    assignment = call(server, "POST", f"/courses/{course['id']}/assignments", json={
        "title": title, "deadline": "2019-03-14T23:59", "parts": [{"question_id": part["id"], "points": 10}],
        "late_policy": {"percent_per_period": 10, "close_after_periods": None}})
    submission = call(server, "POST", f"/assignments/{assignment['id']}/submissions", json={
        "student": "late-lucy", "submitted_at": "2019-03-15T12:00:00-04:00", "answers": {part["id"]: part["answer"]}})
    return assignment, submission


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_an_instructor_creates_an_assignment(chromium, server, course, artifacts_dir, viewport) -> None:  # type: ignore[no-untyped-def]
    page = viewport_page(chromium, viewport)
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/courses/{course['id']}")
    page.click("a.new-assignment")
    page.fill("input[name=title]", f"Quiz ({viewport})")
    page.fill("input[name=deadline]", "2030-05-01T17:00")
    page.select_option("select[name=feedback]", "on_release")
    page.fill("input[name=percent_per_period]", "25")
    rows = page.locator("details.bank-homework[open] table.edit-parts tbody tr")
    chosen = [rows.nth(i).locator("input[name=include]").get_attribute("value") for i in (0, 1)]
    for i in (0, 1):
        rows.nth(i).locator("input[name=include]").check()
    rows.nth(1).locator("input[name=points]").fill("7")
    page.screenshot(path=artifacts_dir / f"product-new-assignment-{viewport}.png")
    page.screenshot(path=artifacts_dir / f"product-new-assignment-{viewport}-full.png", full_page=True)
    assert overflow(page) <= 0
    page.click("form.new-assignment button[type=submit]")
    page.wait_for_selector("p.saved")
    assert "Assignment created." in page.inner_text("p.saved") and page.inner_text("h1") == f"Quiz ({viewport})"
    stored = call(server, "GET", f"/assignments/{page.url.rsplit('/', 1)[-1].split('?')[0]}")
    assert [p["question_id"] for p in stored["parts"]] == chosen and stored["parts"][1]["points"] == 7
    assert (stored["feedback"], stored["late_policy"]["percent_per_period"]) == ("on_release", 25)
    page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_an_edited_penalty_regrades_and_says_so(chromium, server, course, artifacts_dir, viewport) -> None:  # type: ignore[no-untyped-def]
    assignment, submission = late_assignment(server, course, f"Late quiz ({viewport})")
    assert submission["final_score"] == 9  # a day late at 10 % a day
    page = viewport_page(chromium, viewport)
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{assignment['id']}")
    page.click("text=edit the assignment")
    page.fill("input[name=percent_per_period]", "30")
    page.fill("input[name=max_attempts]", "2")
    page.screenshot(path=artifacts_dir / f"product-edit-assignment-{viewport}.png")
    page.screenshot(path=artifacts_dir / f"product-edit-assignment-{viewport}-full.png", full_page=True)
    assert overflow(page) <= 0
    page.click("form.edit-assignment button[type=submit]")
    page.wait_for_selector("p.saved")
    page.screenshot(path=artifacts_dir / f"product-edited-assignment-{viewport}.png")
    assert "1 submission regraded: 1 score changed" in page.inner_text("p.saved")
    assert "1 submission regraded, 1 changed." in page.inner_text("p.last-regrade")
    assert call(server, "GET", f"/submissions/{submission['id']}")["final_score"] == 7
    assert call(server, "GET", f"/assignments/{assignment['id']}")["max_attempts"] == 2
    page.context.close()


def test_an_extension_from_the_edit_page(chromium, server, course, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    assignment, submission = late_assignment(server, course, "Extension quiz")
    page = viewport_page(chromium, "phone")
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{assignment['id']}")
    page.click("text=extensions")
    page.fill("form.extension-new input[name=student]", "late-lucy")
    page.fill("form.extension-new input[name=deadline]", "2019-03-16T12:00")
    page.click("form.extension-new button[type=submit]")
    page.wait_for_selector("p.saved")
    page.screenshot(path=artifacts_dir / "product-extensions-phone.png", full_page=True)
    assert "1 score changed" in page.inner_text("p.saved") and overflow(page) <= 0
    assert "late-lucy" in page.inner_text("table.extensions")
    assert call(server, "GET", f"/submissions/{submission['id']}")["final_score"] == 10
    page.click("table.extensions button[name=remove]")
    page.wait_for_selector("text=No extension yet.")
    assert call(server, "GET", f"/submissions/{submission['id']}")["final_score"] == 9
    page.context.close()
