"""Every answer in the seed documents, graded with the verdict (and feedback) decided in tests/seed_answer_cases.py."""

import pytest

import graders
from reference import get_part
from tests.seed_answer_cases import SEED_ANSWERS, SeedAnswer


def _case(answer: SeedAnswer) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=f"graders does not read {answer.unreadable_notation} yet")] \
        if answer.unreadable_notation else []
    return pytest.param(answer, id=f"{answer.source}: {answer.part_id}", marks=marks)


@pytest.mark.parametrize("seed", [_case(a) for a in SEED_ANSWERS])
def test_seed_answer_gets_the_decided_verdict(seed: SeedAnswer) -> None:
    part = get_part(seed.part_id)
    result = graders.grade(part.kind, seed.answer, part.reference, options=part.grading_options())
    assert result.correct is seed.correct
    if seed.feedback_contains:
        assert seed.feedback_contains in result.feedback


@pytest.mark.parametrize("seed", [a for a in SEED_ANSWERS if a.correct is None], ids=lambda a: a.source)
def test_manual_seed_answer_records_the_instructor_verdict(seed: SeedAnswer) -> None:
    assert get_part(seed.part_id).kind == "manual" and seed.note


@pytest.mark.parametrize("source", ["001", "002", "003", "004"])
def test_every_answering_seed_is_in_the_table(source: str) -> None:
    assert any(a.source.startswith(source) for a in SEED_ANSWERS)
