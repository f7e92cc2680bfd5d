"""The demo class: synthetic students' submissions in one demo assignment, loaded once, the same every time."""

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.migrate import upgrade_to_head
from app.models import Assignment, PartResult, Submission
from app.services.demo import DEMO_STUDENTS, demo_assignment, load_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Assignment]]:
    """The demo loaded twice into a fresh SQLite file (grading the class once is the slow part, so once per module)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'grader.db'}"
    upgrade_to_head(url)
    with Session(make_engine(url)) as session:
        load_demo(session)
        yield session, demo_assignment(session, load_demo(session))


def test_loading_twice_adds_the_class_once(demo) -> None:  # type: ignore[no-untyped-def]
    session, _assignment = demo
    assert session.scalar(select(func.count()).select_from(Submission)) == DEMO_STUDENTS


def test_the_class_has_right_wrong_and_waiting_answers(demo) -> None:  # type: ignore[no-untyped-def]
    session, assignment = demo
    verdicts = set(session.scalars(select(PartResult.correct).join(Submission)
                                   .where(Submission.assignment_id == assignment.id)))
    assert verdicts == {True, False, None}


def test_wrong_answers_come_in_equivalent_spellings(demo) -> None:  # type: ignore[no-untyped-def]
    session, assignment = demo
    spellings_per_value = session.execute(
        select(func.count(PartResult.raw_answer.distinct())).join(Submission)
        .where(Submission.assignment_id == assignment.id, PartResult.fingerprint.is_not(None))
        .group_by(PartResult.question_id, PartResult.fingerprint)
    ).scalars()
    assert max(spellings_per_value) >= 2


def test_some_students_are_late(demo) -> None:  # type: ignore[no-untyped-def]
    session, _assignment = demo
    assert session.scalar(select(func.count()).where(Submission.late_periods > 0))


def test_the_class_is_in_the_assignment_the_readme_walks_through(demo) -> None:  # type: ignore[no-untyped-def]
    """README: assignment 3, SUTD week 8; demo-student-03 submitted 20 h late, earned 3.75 of 10 and keeps 3.00."""
    session, assignment = demo
    assert (assignment.id, assignment.title) == (3, "SUTD 50.039 Theory and Practice of Deep Learning, Week 8")
    late = session.scalars(select(Submission).where(Submission.assignment_id == assignment.id,
                                                    Submission.student == "demo-student-03")).one()
    assert (late.penalty_percent, late.raw_score, late.final_score) == (20.0, 3.75, 3.0)
