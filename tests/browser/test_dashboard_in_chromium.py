"""The dashboard in headless Chromium on the demo data: sign in, overview, KaTeX, clusters, manual grading, refusal."""

from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import Submission
from tests.browser.conftest import Server, student_token

pytestmark = pytest.mark.browser


def api(server: Server, path: str) -> Any:
    response = httpx.get(f"{server.url}/api/v1{path}", headers={"Authorization": f"Bearer {server.instructor_token}"},
                         timeout=60)
    response.raise_for_status()
    return response.json()


@pytest.fixture(scope="module")
def demo(server: Server) -> dict[str, Any]:
    """The demo assignment that has the synthetic class's submissions, and a cluster of two spellings in it."""
    course = next(c for c in api(server, "/courses") if c["code"] == "DEMO")
    assignment = next(a for a in api(server, f"/courses/{course['id']}/assignments")
                      if api(server, f"/assignments/{a['id']}/gradebook"))
    stats = api(server, f"/assignments/{assignment['id']}/stats")
    cluster_part, cluster = next((item["question_id"], c) for item in stats for c in item["clusters"]
                                 if len(c["answers"]) >= 2)
    return {"course": course, "assignment": assignment, "cluster_part": cluster_part, "cluster": cluster}


def sign_in(page, server: Server, token: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/dashboard")
    page.fill("input[name=token]", token)
    page.click("button[type=submit]")
    page.wait_for_load_state()  # the form's answer is a page load: a screenshot taken during it fails


def test_a_student_token_is_refused(page, server, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, student_token(server))
    page.screenshot(path=artifacts_dir / "dashboard-refused.png")
    assert "for instructors and admins only" in page.inner_text("main")
    assert page.context.cookies() == []


def test_an_instructor_reaches_the_demo_assignment(page, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.screenshot(path=artifacts_dir / "dashboard-courses.png")
    page.get_by_role("link", name="DEMO", exact=True).click()
    page.wait_for_url(f"**/dashboard/courses/{demo['course']['id']}")
    page.screenshot(path=artifacts_dir / "dashboard-course.png")
    page.get_by_role("link", name=demo["assignment"]["title"], exact=True).click()
    page.wait_for_selector("table#gradebook")
    page.screenshot(path=artifacts_dir / "dashboard-assignment.png", full_page=True)
    assert page.locator("table#gradebook tbody tr").count() == 30


def test_the_histogram_is_drawn(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}")
    heights = page.eval_on_selector_all("svg.histogram rect.bar", "bars => bars.map(b => b.getBBox().height)")
    assert len(heights) == 10 and sum(h > 0 for h in heights) >= 2


def test_formulas_are_rendered_by_katex(page, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/clusters/{demo['cluster_part']}")
    page.wait_for_selector(".math .katex")
    page.screenshot(path=artifacts_dir / "dashboard-clusters.png", full_page=True)
    assert page.locator(".math .katex-html").count() >= 1


def test_the_question_prompt_is_typeset(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/clusters/{demo['cluster_part']}")
    page.wait_for_selector(".prompt .katex")
    assert "$" not in page.locator(".prompt").inner_text()


def test_equivalent_wrong_answers_are_one_cluster_row(page, server, demo) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/assignments/{demo['assignment']['id']}/clusters/{demo['cluster_part']}")
    rows = page.locator("tr.cluster")
    spellings = demo["cluster"]["answers"]
    matching = [i for i in range(rows.count()) if all(s in rows.nth(i).inner_text() for s in spellings)]
    assert len(matching) == 1
    assert rows.nth(matching[0]).locator("td.count").inner_text() == str(demo["cluster"]["count"])


def test_grading_a_manual_part_changes_the_gradebook(page, server, demo, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, server.instructor_token)
    assignment_id = demo["assignment"]["id"]
    page.goto(f"{server.url}/dashboard/assignments/{assignment_id}/manual")
    page.screenshot(path=artifacts_dir / "dashboard-manual-queue.png")
    item = page.locator("article.manual-item:not(.blank)").first
    student = item.locator(".students").inner_text().split(", ")[0]
    before = next(r for r in api(server, f"/assignments/{assignment_id}/gradebook") if r["student"] == student)
    points = float(item.locator("input[name=score]").get_attribute("max"))
    item.locator("input[name=score]").fill(f"{points:g}")
    item.locator("input[name=comment]").fill("well argued")
    item.locator("button[type=submit]:not([name=preset])").click()
    page.wait_for_selector("p.saved")
    page.goto(f"{server.url}/dashboard/assignments/{assignment_id}")
    row = page.locator("table#gradebook tbody tr", has_text=student)
    assert float(row.locator("td.raw").inner_text()) == pytest.approx(before["raw_score"] + points)
    row.get_by_role("link", name=student, exact=True).click()
    page.wait_for_selector("table.history")
    page.screenshot(path=artifacts_dir / "dashboard-submission.png", full_page=True)
    assert "graded by hand: well argued" in page.inner_text("table.history")


HOSTILE_LATEX = {
    "href": "\\href{javascript:alert(1)}{x}",
    "html": "<img src=x onerror=\"alert(1)\">",
    "macro-bomb": "\\def\\a{\\a\\a}\\a",
    "url": "\\url{javascript:alert(1)}",
}


def test_hostile_latex_is_inert_in_the_page(page, server, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    # As if the grader had echoed a student's LaTeX back as its reading: KaTeX must refuse to make it live.
    engine = make_engine(server.database_url)
    with Session(engine) as session:
        submission = session.scalar(select(Submission).where(Submission.student == "demo-student-01"))
        for result, latex in zip(submission.parts, HOSTILE_LATEX.values(), strict=False):
            result.interpreted = latex
        session.commit()
        submission_id = submission.id
    engine.dispose()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, server, server.instructor_token)
    page.goto(f"{server.url}/dashboard/submissions/{submission_id}")
    page.wait_for_selector(".math .katex, .math .katex-error")
    page.screenshot(path=artifacts_dir / "dashboard-hostile-latex.png", full_page=True)
    assert page.locator("a[href^='javascript'], img[src='x']").count() == 0
    assert dialogs == []
