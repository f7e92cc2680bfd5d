"""Hostile student text: escaped by the templates, inert in KaTeX (trust off, bounded expansion), no inline script."""

import pytest
from sqlalchemy import select

from app.models import PartResult
from app.dashboard.templating import STATIC
from tests.api.conftest import right_answers
from tests.api.test_submissions import ON_TIME, submit

SCRIPT = "<script>alert(1)</script>"
HREF = "\\href{javascript:alert(1)}{x}"
MACRO_BOMB = "\\def\\a{\\a\\a}\\a"


@pytest.fixture
def hostile(client, lms, assignment, parts) -> dict:  # type: ignore[no-untyped-def]
    answers = right_answers(parts) | {parts["manual"].id: SCRIPT, parts["expression"].id: SCRIPT,
                                      parts["number"].id: HREF}
    return submit(client, lms, assignment, answers, at=ON_TIME).json()


def pages(signed_in, assignment, parts, hostile) -> list[str]:  # type: ignore[no-untyped-def]
    return [signed_in.get(url).text for url in (
        f"/dashboard/submissions/{hostile['id']}",
        f"/dashboard/assignments/{assignment['id']}/manual",
        f"/dashboard/assignments/{assignment['id']}/clusters/{parts['expression'].id}",
    )]


class TestEscaping:
    def test_a_script_answer_is_shown_as_text(self, signed_in, assignment, parts, hostile) -> None:
        for page in pages(signed_in, assignment, parts, hostile):
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and SCRIPT not in page

    def test_pages_have_no_inline_script(self, signed_in, assignment, parts, hostile) -> None:
        for page in pages(signed_in, assignment, parts, hostile):
            assert "<script>" not in page

    def test_the_content_security_policy_allows_only_our_scripts(self, signed_in, hostile) -> None:
        policy = signed_in.get(f"/dashboard/submissions/{hostile['id']}").headers["content-security-policy"]
        assert "script-src 'self';" in policy and "object-src 'none'" in policy

    @pytest.mark.parametrize("latex", [HREF, SCRIPT, MACRO_BOMB], ids=["href", "script", "macro-bomb"])
    def test_interpreted_latex_only_reaches_katex_as_an_escaped_attribute(
        self, signed_in, db, hostile, parts, latex
    ) -> None:
        # As if a grader had echoed the student's LaTeX back: the page must still not carry it as markup.
        stored = db.scalar(select(PartResult).where(PartResult.submission_id == hostile["id"],
                                                    PartResult.question_id == parts["number"].id))
        stored.interpreted = latex
        db.commit()
        page = signed_in.get(f"/dashboard/submissions/{hostile['id']}").text
        assert 'href="javascript' not in page and SCRIPT not in page
        assert f'data-latex="{latex.replace("<", "&lt;").replace(">", "&gt;")}"' in page


class TestKatexSettings:
    def test_katex_runs_with_trust_off_and_an_expansion_limit(self) -> None:
        script = (STATIC / "dashboard.js").read_text()
        assert "trust: false" in script and "maxExpand: 1000" in script

    def test_katex_is_vendored_with_its_licence_and_pinned_version(self, browser) -> None:
        assert browser.get("/dashboard/static/katex/katex.min.js").status_code == 200
        assert "MIT License" in (STATIC / "katex" / "LICENSE").read_text()
        assert "0.16.47" in (STATIC / "README.md").read_text()
