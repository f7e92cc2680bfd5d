"""The answers of seeds 001 and 004, graded with the verdict (and feedback) decided in tests/seed_answer_cases.py.

Seeds 002 and 003 are graded by tests/reference/test_sutd_week8.py and test_csc413_hw4.py."""

import pytest

import graders
from reference import all_parts, get_part
from tests.seed_answer_cases import SEED_ANSWERS, SEED_ANSWERS_001_004, SeedAnswer


def _case(answer: SeedAnswer) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=f"graders does not read {answer.unreadable_notation} yet")] \
        if answer.unreadable_notation else []
    return pytest.param(answer, id=f"{answer.source}: {answer.part_id}", marks=marks)


@pytest.mark.parametrize("seed", [_case(a) for a in SEED_ANSWERS_001_004])
def test_seed_answer_gets_the_decided_verdict(seed: SeedAnswer) -> None:
    part = get_part(seed.part_id)
    result = graders.grade(part.kind, seed.answer, part.reference, options=part.grading_options())
    assert result.correct is seed.correct
    if seed.feedback_contains:
        assert seed.feedback_contains in result.feedback


@pytest.mark.parametrize("seed", [a for a in SEED_ANSWERS_001_004 if a.correct is None], ids=lambda a: a.source)
def test_manual_seed_answer_records_the_instructor_verdict(seed: SeedAnswer) -> None:
    assert get_part(seed.part_id).kind == "manual" and seed.note


@pytest.mark.parametrize("source", ["001", "002", "003", "004"])
def test_every_answering_seed_is_in_the_joined_table(source: str) -> None:
    assert any(a.source.startswith(source) for a in SEED_ANSWERS)


def test_every_row_of_the_joined_table_names_a_bank_part() -> None:
    missing = {a.part_id for a in SEED_ANSWERS} - {p.id for p in all_parts()}
    assert not missing
