"""Per-student variants through the API: each student is asked, graded and regraded with their own numbers."""

from typing import Any

import pytest
import sympy
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

import reference
from app.models import PartResult
from app.services.variants import encode
from tests.api.conftest import assignment_body
from tests.api.test_submissions import ON_TIME, submit

COUNT = "sutd-50039-week8/task2/parameters"  # an integer: another student's count is simply another number
SHAPE = "nyu-dl-hw2/q1.1/a-output-size"
FIXED = "csc421-2019-hw4/q3/det-jacobian"  # one version for everybody


@pytest.fixture
def varying(client: TestClient, course: dict[str, Any], instructor: dict[str, str]) -> dict[str, Any]:
    parts = {question_id: reference.get_part(question_id) for question_id in (COUNT, SHAPE, FIXED)}
    response = client.post(f"/api/v1/courses/{course['id']}/assignments",
                           json=assignment_body(parts, variants=True), headers=instructor)
    assert response.status_code == 201, response.text
    return response.json()


def variant(client: TestClient, headers: dict[str, str], assignment: dict[str, Any], student: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/assignments/{assignment['id']}/variant", params={"student": student}, headers=headers)
    assert response.status_code == 200, response.text
    return {part["question_id"]: part for part in response.json()["parts"]}


def another_student(client, instructor, assignment, alice: dict) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    """A student whose count and shape both differ from alice's (and their parts). Counts are compared as numbers:
    other values may give the same count written another way (24 * 3 * 3 * 32 is 48 * 3 * 3 * 16)."""
    for n in range(20):
        other = variant(client, instructor, assignment, f"student-{n}")
        if (sympy.sympify(other[COUNT]["answer"]) != sympy.sympify(alice[COUNT]["answer"])
                and other[SHAPE]["answer"] != alice[SHAPE]["answer"]):
            return f"student-{n}", other
    raise AssertionError("twenty students drew alice's numbers")


def graded(response) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    assert response.status_code == 201, response.text
    return {part["question_id"]: part for part in response.json()["parts"]}


class TestTheVariantEndpoint:
    def test_staff_see_each_students_prompt_values_and_answer(self, client, instructor, varying) -> None:
        parts = variant(client, instructor, varying, "alice")
        count = parts[COUNT]
        bank = reference.get_part(COUNT)
        assert set(count["values"]) == set(bank.variants.parameters.ranges)
        assert count["prompt"] == bank.for_values(count["values"]).prompt
        assert count["answer"] == bank.for_values(count["values"]).answer
        assert parts[FIXED]["values"] is None and parts[FIXED]["prompt"] == reference.get_part(FIXED).prompt

    def test_the_same_student_gets_the_same_numbers_every_time(self, client, instructor, lms, varying) -> None:
        assert variant(client, instructor, varying, "alice") == variant(client, instructor, varying, "alice")
        assert variant(client, lms, varying, "alice")[COUNT]["values"] == variant(client, instructor, varying, "alice")[COUNT]["values"]

    def test_students_get_different_numbers(self, client, instructor, varying) -> None:
        drawn = {str(variant(client, instructor, varying, f"s{n}")[COUNT]["values"]) for n in range(8)}
        assert len(drawn) > 4

    def test_the_lms_gets_prompts_without_answers(self, client, lms, varying) -> None:
        assert {part["answer"] for part in variant(client, lms, varying, "alice").values()} == {None}

    def test_the_schema_says_who_gets_the_answer(self, client) -> None:
        described = client.get("/openapi.json").json()["components"]["schemas"]["VariantPartOut"]["properties"]
        assert "instructor and admin tokens only; null for the LMS" in described["answer"]["description"]

    def test_a_student_sees_only_their_own(self, client, auth, varying) -> None:
        alice = auth("student", course="CSC421", student="alice")
        assert variant(client, alice, varying, "alice")[COUNT]["answer"] is None
        response = client.get(f"/api/v1/assignments/{varying['id']}/variant", params={"student": "bob"}, headers=alice)
        assert response.status_code == 403 and "alice" in response.json()["detail"]

    def test_another_courses_token_and_no_student_are_refused(self, client, auth, other_course, instructor, varying) -> None:
        other = auth("instructor", course="OTHER")
        url = f"/api/v1/assignments/{varying['id']}/variant"
        assert client.get(url, params={"student": "alice"}, headers=other).status_code == 403
        assert client.get(url, headers=instructor).status_code == 422

    def test_without_variants_everybody_is_asked_the_banks_prompt(self, client, instructor, assignment) -> None:
        parts = variant(client, instructor, assignment, "alice")
        assert all(part["values"] is None and part["prompt"] == reference.get_part(qid).prompt
                   for qid, part in parts.items())

    def test_openapi_documents_it_with_its_errors(self, client) -> None:
        operation = client.get("/openapi.json").json()["paths"]["/api/v1/assignments/{assignment_id}/variant"]["get"]
        assert {"200", "401", "403", "404", "422"} <= set(operation["responses"])


class TestGradingEachStudentsVariant:
    def test_the_right_answer_to_your_numbers_scores_full(self, client, instructor, lms, varying) -> None:
        alice = variant(client, instructor, varying, "alice")
        answers = {COUNT: alice[COUNT]["answer"], SHAPE: alice[SHAPE]["answer"]}
        parts = graded(submit(client, lms, varying, answers, student="alice", at=ON_TIME))
        assert [(parts[q]["score"], parts[q]["values"]) for q in answers] == [
            (2, alice[COUNT]["values"]), (2, alice[SHAPE]["values"])]

    def test_another_students_right_numbers_score_zero(self, client, instructor, lms, varying) -> None:
        alice = variant(client, instructor, varying, "alice")
        student, theirs = another_student(client, instructor, varying, alice)
        copied = graded(submit(client, lms, varying, {COUNT: alice[COUNT]["answer"], SHAPE: alice[SHAPE]["answer"]},
                               student=student, at=ON_TIME))
        assert (copied[COUNT]["score"], copied[COUNT]["values"]) == (0, theirs[COUNT]["values"])
        assert copied[SHAPE]["score"] < 2 and copied[SHAPE]["values"] == theirs[SHAPE]["values"]

    def test_a_regrade_keeps_each_students_values(self, client, db: Session, instructor, lms, varying) -> None:
        alice = variant(client, instructor, varying, "alice")
        submitted = submit(client, lms, varying, {COUNT: alice[COUNT]["answer"]}, student="alice", at=ON_TIME).json()
        regraded = client.post(f"/api/v1/assignments/{varying['id']}/regrade", headers=instructor)
        assert regraded.status_code == 200 and regraded.json()["changed"] == 0
        # The values stored with the result are what a regrade grades with, not a new draw: stored values of another
        # version make the same answer wrong.
        other = {**alice[COUNT]["values"], "channels_out": alice[COUNT]["values"]["channels_out"] * 2}
        db.execute(update(PartResult).where(PartResult.submission_id == submitted["id"], PartResult.question_id == COUNT)
                   .values(variant=encode(other)))
        db.commit()
        client.post(f"/api/v1/assignments/{varying['id']}/regrade", headers=instructor)
        stored = client.get(f"/api/v1/assignments/{varying['id']}/submissions", params={"student": "alice"},
                            headers=instructor).json()[0]
        count = next(part for part in stored["parts"] if part["question_id"] == COUNT)
        assert count["values"] == other and count["score"] == 0

    def test_clusters_keep_the_same_number_for_other_numbers_apart(self, client, instructor, lms, varying) -> None:
        alice = variant(client, instructor, varying, "alice")
        student, theirs = another_student(client, instructor, varying, alice)
        for name in ("alice", student):
            graded(submit(client, lms, varying, {COUNT: "12345"}, student=name, at=ON_TIME))
        stats = client.get(f"/api/v1/assignments/{varying['id']}/stats", headers=instructor).json()
        clusters = next(part for part in stats if part["question_id"] == COUNT)["clusters"]
        assert sorted((c["count"], sorted(c["values"].items())) for c in clusters) == sorted(
            (1, sorted(values.items())) for values in (alice[COUNT]["values"], theirs[COUNT]["values"]))


class TestKnownMistakesOfOneVersion:
    def mistake(self, client, instructor, assignment, **body):  # type: ignore[no-untyped-def]
        return client.post(f"/api/v1/assignments/{assignment['id']}/parts/{COUNT}/mistakes", headers=instructor,
                           json={"answer": "12345", "feedback": "Count the channels.", "score": 0.5} | body)

    def test_a_mistake_added_for_a_clusters_values_applies_to_that_version_only(self, client, instructor, lms,
                                                                                varying) -> None:
        alice = variant(client, instructor, varying, "alice")
        student, _ = another_student(client, instructor, varying, alice)
        for name in ("alice", student):
            graded(submit(client, lms, varying, {COUNT: "12345"}, student=name, at=ON_TIME))
        added = self.mistake(client, instructor, varying, values=alice[COUNT]["values"])
        assert added.status_code == 200 and added.json()["changed"] == 1, added.text
        scores = {row["student"]: row["final_score"] for row in
                  client.get(f"/api/v1/assignments/{varying['id']}/gradebook", headers=instructor).json()}
        assert (scores["alice"], scores[student]) == (1, 0)

    def test_values_that_do_not_build_the_part_are_refused_naming_them(self, client, instructor, varying) -> None:
        response = self.mistake(client, instructor, varying, values={"n": 3})
        assert response.status_code == 422 and response.json()["detail"].startswith("values: ")
        fixed = client.post(f"/api/v1/assignments/{varying['id']}/parts/{FIXED}/mistakes", headers=instructor,
                            json={"answer": "x", "feedback": "No.", "values": {"n": 3}})
        assert fixed.status_code == 422 and "one version" in fixed.json()["detail"]


def test_the_bank_lists_which_parts_vary_and_their_ranges(client, instructor) -> None:  # type: ignore[no-untyped-def]
    listed = {q["id"]: q for q in client.get("/api/v1/questions", headers=instructor).json()}
    ranges = reference.get_part(COUNT).variants.parameters.ranges
    assert listed[COUNT]["parameters"] == {name: list(choices) for name, choices in ranges.items()}
    assert "parameters" not in listed[FIXED]  # the listing leaves out what is null


CONV_1D = [f"nyu-dl-hw2/q1.1/{name}" for name in ("c-i-output-length", "c-iii-dx", "c-iv-dl-dw-shape", "c-iv-compare")]


def test_a_students_strided_convolution_question_is_asked_and_graded_with_their_sizes(  # type: ignore[no-untyped-def]
        client, course, instructor, lms) -> None:
    parts = {question_id: reference.get_part(question_id) for question_id in CONV_1D}
    response = client.post(f"/api/v1/courses/{course['id']}/assignments",
                           json=assignment_body(parts, variants=True), headers=instructor)
    assert response.status_code == 201, response.text
    students = ["alice", *(f"student-{n}" for n in range(10))]  # the assignment's seed is drawn at creation
    shown = {student: variant(client, instructor, response.json(), student) for student in students}
    sizes = {student: shown[student][CONV_1D[0]]["values"] for student in shown}
    assert all(part["values"] == sizes[student] for student in shown for part in shown[student].values())
    alice, other = "alice", next(s for s in students if sizes[s]["stride"] != sizes["alice"]["stride"]
                                 or sizes[s]["kernel"] != sizes["alice"]["kernel"])
    v = sizes[alice]
    assert f"a length-{v['sequence']} sequence with {v['channels']} channels" in shown[alice][CONV_1D[-1]]["prompt"]
    automatic = CONV_1D[:-1]
    mine = graded(submit(client, lms, response.json(), {q: shown[alice][q]["answer"] for q in automatic},
                         student=alice, at=ON_TIME))
    copied = graded(submit(client, lms, response.json(), {q: shown[alice][q]["answer"] for q in automatic},
                           student=other, at=ON_TIME))
    assert [mine[q]["score"] for q in automatic] == [2, 2, 2]
    assert copied["nyu-dl-hw2/q1.1/c-iii-dx"]["score"] < 2 and copied["nyu-dl-hw2/q1.1/c-iii-dx"]["values"] == sizes[other]
