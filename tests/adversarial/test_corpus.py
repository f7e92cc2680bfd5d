"""Grades every case of the adversarial corpus exactly as the service does.

A wrong answer must not score full marks (a false accept); a right answer must (a false reject). Many of these
fail today: that is what issue 9 is about, and the verdicts are not weakened to make them pass.
"""

import pytest

import reference
from graders import grade
from tests.adversarial.corpus import CASES, Case


def _id(case: Case) -> str:
    verdict = "right" if case.correct else "wrong"
    return f"{case.part_id}|{verdict}|{case.answer[:60]}"


def grade_case(case: Case):
    part = reference.get_part(case.part_id)
    return grade(part.kind, case.answer, part.reference, options=part.grading_options())


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_case(case: Case) -> None:
    r = grade_case(case)
    if case.correct:
        assert r.score == 1, f"false reject ({case.why}): score {r.score}, feedback {r.feedback!r}, error {r.error!r}"
    else:
        assert r.score < 1, f"false accept ({case.why}): read as {r.interpreted!r}"
