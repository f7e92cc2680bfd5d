"""The worker pool: a hard wall-time limit per answer, and a future that always resolves to a GradeResult."""

from collections.abc import Iterator

import pytest

from graders import GradeResult, GradingPool


# A legitimate grade that takes well over a second: a question with a million sample points.
SLOW = ("expression", "x^2", "x*x", "auto", {"samples": {"x": [0.5] * 1_000_000}})


@pytest.fixture(scope="module")
def pool() -> Iterator[GradingPool]:
    pool = GradingPool(workers=2, timeout=5.0)
    yield pool
    pool.close()


def test_a_normal_grade_resolves_to_its_result(pool: GradingPool) -> None:
    result = pool.grade("expression", "sigma(z)(1-sigma(z))", "sigma'(z)").result(timeout=30)
    assert result.correct is True


def test_a_grade_that_overruns_is_stopped_with_an_error() -> None:
    impatient = GradingPool(workers=1, timeout=0.001)
    try:
        result = impatient.grade(*SLOW).result(timeout=30)
    finally:
        impatient.close()
    assert result == GradeResult(
        correct=False, score=0.0, feedback="", interpreted=None, error="grading took longer than 0.001 s and was stopped"
    )


def test_the_pool_keeps_grading_after_a_worker_was_killed() -> None:
    impatient = GradingPool(workers=1, timeout=0.001)
    try:
        first = impatient.grade(*SLOW).result(timeout=30)
        impatient.timeout = 5.0
        second = impatient.grade("expression", "x", "x").result(timeout=30)
    finally:
        impatient.close()
    assert (first.correct, second.correct) == (False, True)


def test_a_bad_reference_resolves_to_an_error_not_an_exception(pool: GradingPool) -> None:
    result = pool.grade("expression", "x", "x +* 1").result(timeout=30)
    assert result.score == 0 and result.error is not None


def test_bad_student_input_comes_back_as_the_parse_error(pool: GradingPool) -> None:
    result = pool.grade("number", "9^9^9^9", 1).result(timeout=30)
    assert result.correct is False and result.error is not None and "took longer" not in result.error
