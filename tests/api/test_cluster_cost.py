"""Clustering costs a bounded number of comparisons per answer, however many answers share a fingerprint."""

from concurrent.futures import Future
from types import SimpleNamespace
from typing import Any

import pytest

from app.models import AssignmentPart
from app.services import clusters
from graders import GradeResult, GradingPool
from tests.api.conftest import first_part


class CountingPool:
    """The real grading pool, counting how many comparisons clustering asks of it."""

    def __init__(self, pool: GradingPool) -> None:
        self.pool, self.calls = pool, 0

    def grade(self, *args: Any, **kwargs: Any) -> Future[GradeResult]:
        self.calls += 1
        return self.pool.grade(*args, **kwargs)


@pytest.fixture
def pool():  # type: ignore[no-untyped-def]
    pool = GradingPool(workers=2, timeout=30)
    yield pool
    pool.close()


@pytest.mark.parametrize("answers", [40, 80])
def test_a_bucket_of_different_answers_costs_a_few_comparisons_per_answer(pool, answers: int) -> None:
    clusters.forget_confirmations()
    part = first_part("expression")
    # One fingerprint for all, as a collision (or a shared symptom) would give, but no two answers equal.
    rows = [SimpleNamespace(question_id=part.id, fingerprint="same", raw_answer=f"x_t + {i}", count=1,
                            interpreted=None, feedback="", variant=None) for i in range(answers)]
    counting = CountingPool(pool)
    found = clusters.group(counting, AssignmentPart(question_id=part.id, extra_mistakes=[]), rows)  # type: ignore[arg-type]
    assert len(found) == answers  # nothing was merged that is not equal
    assert counting.calls <= clusters.MAX_ROUNDS * answers
