"""The dashboard marks pending parts: the gradebook shows no final score for the submission, its page says
which part waits and that the total is provisional."""

import pytest
from sqlalchemy.orm import Session

from app.models import PartResult, PartStatus, Submission
from tests.api.conftest import right_answers
from tests.api.test_submissions import ON_TIME, submit


@pytest.fixture
def pending(client, lms, assignment, parts, db: Session) -> dict:  # type: ignore[no-untyped-def]
    """A stored submission one of whose parts did not finish grading (as the pool's Unfinished outcome stores it)."""
    body = submit(client, lms, assignment, right_answers(parts), student="waiting", at=ON_TIME).json()
    submission = db.get_one(Submission, body["id"])
    part: PartResult = next(p for p in submission.parts if p.question_id == parts["expression"].id)
    part.status, part.score, part.correct = PartStatus.pending, 0.0, None
    submission.pending_parts = 1
    db.commit()
    return body


def test_the_gradebook_shows_pending_instead_of_a_final_score(signed_in, assignment, pending) -> None:
    page = signed_in.get(f"/dashboard/assignments/{assignment['id']}").text
    assert '<em class="pending" title="1 part not graded yet">pending</em>' in page


def test_the_submission_page_marks_the_part_and_the_provisional_total(signed_in, pending) -> None:
    page = signed_in.get(f"/dashboard/submissions/{pending['id']}").text
    assert "(provisional: 1 part pending)" in page
    assert page.count("pending: grading did not finish yet") == 1
