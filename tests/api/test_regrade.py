"""Regrade: idempotent, history for every score change, manual grades kept, a grade that cannot finish now keeps
the stored result."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.migrate import upgrade_to_head
from app.models import Assignment, AssignmentPart, AuditEntry, ScoreChange, Submission
from app.services.demo import demo_assignment, load_demo
from app.services.grading import warm_worker
from app.services.regrade import Regrader, regrade_submissions
from graders import GradingPool
from tests.api.conftest import right_answers
from tests.api.test_manual_grading import ONE_DAY_LATE, grade
from tests.api.test_submissions import ON_TIME, submit


def run_regrade(client, headers, assignment):  # type: ignore[no-untyped-def]
    response = client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def submit_class(client, lms, assignment, parts, students: int = 3) -> list[dict]:  # type: ignore[no-untyped-def]
    return [submit(client, lms, assignment, right_answers(parts), student=f"s{i}", at=ON_TIME).json()
            for i in range(students)]


def set_points(db, assignment, question_id: str, points: float) -> None:  # type: ignore[no-untyped-def]
    part = db.scalar(select(AssignmentPart).where(AssignmentPart.assignment_id == assignment["id"],
                                                  AssignmentPart.question_id == question_id))
    part.points = points
    db.commit()


def history_count(db) -> int:  # type: ignore[no-untyped-def]
    return db.scalar(select(func.count()).select_from(ScoreChange))


class TestRegrade:
    def test_nothing_changed_reports_zero_changes(self, client, lms, instructor, assignment, parts) -> None:
        submit_class(client, lms, assignment, parts)
        assert run_regrade(client, instructor, assignment) == {"submissions": 3, "changed": 0}

    def test_a_regrade_is_in_the_audit_log(self, client, db, lms, instructor, assignment, parts) -> None:
        submit_class(client, lms, assignment, parts)
        run_regrade(client, instructor, assignment)
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "assignment.regraded")).one()
        assert (entry.assignment_id, entry.detail["submissions"], entry.detail["by"]) == (assignment["id"], 3, "test instructor")

    def test_unchanged_results_write_no_history(self, client, db, lms, instructor, assignment, parts) -> None:
        submit_class(client, lms, assignment, parts)
        run_regrade(client, instructor, assignment)
        assert history_count(db) == 0

    def test_a_points_change_rescales_scores(self, client, db, lms, instructor, assignment, parts) -> None:
        first = submit_class(client, lms, assignment, parts, students=1)[0]
        set_points(db, assignment, parts["number"].id, 5)
        assert run_regrade(client, instructor, assignment)["changed"] == 1
        read = client.get(f"/api/v1/submissions/{first['id']}", headers=instructor).json()
        assert (read["max_score"], read["final_score"]) == (9, first["final_score"] + 3)

    def test_every_score_change_is_history_with_who_and_why(self, client, db, lms, instructor, assignment, parts) -> None:
        first = submit_class(client, lms, assignment, parts, students=1)[0]
        set_points(db, assignment, parts["number"].id, 5)
        run_regrade(client, instructor, assignment)
        history = client.get(f"/api/v1/submissions/{first['id']}", headers=instructor).json()["history"]
        assert [(h["question_id"], h["old"], h["new"]) for h in history] == [
            (parts["number"].id, 2, 5), (None, first["final_score"], first["final_score"] + 3)]
        assert {(h["by"], h["why"]) for h in history} == {("test instructor", "regrade")}

    def test_a_second_regrade_changes_nothing(self, client, db, lms, instructor, assignment, parts) -> None:
        submit_class(client, lms, assignment, parts)
        set_points(db, assignment, parts["number"].id, 5)
        run_regrade(client, instructor, assignment)
        before = history_count(db)
        assert run_regrade(client, instructor, assignment)["changed"] == 0
        assert history_count(db) == before

    def test_a_late_policy_change_reaches_the_final_score(self, client, db, lms, instructor, assignment, parts) -> None:
        late = submit(client, lms, assignment, right_answers(parts), at=ONE_DAY_LATE).json()
        stored = db.get(Assignment, assignment["id"])
        stored.late_policy = {**stored.late_policy, "percent_per_period": 50}
        db.commit()
        run_regrade(client, instructor, assignment)
        read = client.get(f"/api/v1/submissions/{late['id']}", headers=instructor).json()
        assert (read["penalty_percent"], read["final_score"]) == (50, late["raw_score"] * 0.5)

    def test_manual_grades_are_kept(self, client, db, lms, instructor, assignment, parts) -> None:
        first = submit_class(client, lms, assignment, parts, students=1)[0]
        grade(client, instructor, first, parts["number"].id, 1.5)
        run_regrade(client, instructor, assignment)
        read = client.get(f"/api/v1/submissions/{first['id']}", headers=instructor).json()
        assert next(p for p in read["parts"] if p["question_id"] == parts["number"].id)["score"] == 1.5

    @pytest.mark.parametrize("role", ["lms", "student"])
    def test_only_staff_may_regrade(self, client, auth, assignment, role) -> None:
        headers = auth(role, course="CSC421", student="alice")
        assert client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=headers).status_code == 403


class TestCommandLine:
    def test_grader_regrade_shows_progress_and_reports(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        url = f"sqlite:///{tmp_path / 'grader.db'}"
        upgrade_to_head(url)
        with Session(make_engine(url)) as session:
            assignment = demo_assignment(session, load_demo(session))
            expected = session.scalar(
                select(func.count()).where(Submission.assignment_id == assignment.id))
        result = subprocess.run([sys.executable, "-m", "app", "regrade", "--assignment", str(assignment.id)],
                                env=os.environ | {"GRADER_DATABASE_URL": url}, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        assert f"Regraded {expected} submissions of assignment {assignment.id}; 0 changed." in result.stdout
        assert f"{expected}/{expected}" in result.stderr  # the progress bar reached the end

    def test_an_unknown_assignment_fails_with_a_message(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        result = subprocess.run([sys.executable, "-m", "app", "regrade", "--assignment", "999"],
                                env=os.environ | {"GRADER_DATABASE_URL": f"sqlite:///{tmp_path / 'g.db'}"},
                                capture_output=True, text=True, timeout=120)
        assert result.returncode != 0 and "assignment 999 does not exist" in result.stderr


class TestGradingFailures:
    def test_an_answer_that_fails_to_grade_now_keeps_its_stored_result(
        self, client, db, lms, instructor, assignment, parts
    ) -> None:
        first = submit_class(client, lms, assignment, parts, students=1)[0]
        # Every grade overruns the wall-time backstop, as under very heavy load: the outcome is Unfinished.
        slow = GradingPool(workers=1, timeout=30, wall_timeout=0.0001, initializer=warm_worker)
        stored = db.get_one(Assignment, assignment["id"])
        try:
            regrade_submissions(db, Regrader(slow, stored, "t", "regrade", {}), [first["id"]])
            db.commit()
        finally:
            slow.close()
        read = client.get(f"/api/v1/submissions/{first['id']}", headers=instructor).json()
        assert (read["final_score"], read["history"]) == (first["final_score"], [])
