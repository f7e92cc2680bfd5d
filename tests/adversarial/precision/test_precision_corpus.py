"""One test per precision case: the grader's verdict must be the verdict the oracle derives from the meanings.

Cases where the grader is known to be wrong are strict xfails naming what was found (``cases.XFAIL``).
"""

from __future__ import annotations

import functools

import pytest

from graders import grade

from .cases import CASES, XFAIL, Case, xfail_key
from .oracle import verdict


@functools.cache
def _derived(case_id: str) -> tuple[bool, str]:
    case = next(c for c in CASES if c.id == case_id)
    return verdict(case)


def _param(case: Case) -> object:
    key = xfail_key(case)
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[key])] if key in XFAIL else []
    return pytest.param(case, id=case.id, marks=marks)


def test_corpus_size() -> None:
    assert 150 <= len(CASES) <= 300
    assert set(XFAIL) <= {xfail_key(c) for c in CASES}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_oracle_matches_intent(case: Case) -> None:
    """The verdict derived from the meanings is the one the case was written for (catches slips in meanings)."""
    derived, why = _derived(case.id)
    assert derived == case.intended, why


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_grader_verdict(case: Case) -> None:
    derived, why = _derived(case.id)
    result = grade(case.kind, case.student, case.reference, options=case.options)
    assert result.correct == derived, (
        f"{case.family}: {case.student!r} vs {case.reference!r} {case.options or ''}: derived {derived} ({why}); "
        f"grader said {result.correct} ({result.feedback}; error={result.error})"
    )
