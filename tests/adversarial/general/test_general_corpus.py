"""Every case of the general-mathematics corpus: a right answer scores full marks, a wrong one does not.

Failures here are real findings (see FINDINGS.md): the verdicts come from the corpus's own oracle and are never
relaxed to match the engine; the ones still open are strict xfails listed in KNOWN_FAILURES. A grade that raises fails
too: a reference must be read, or be refused when the question is loaded, never at grading time.
"""

import pytest

from graders import grade
from tests.adversarial.general.corpus import CASES, GeneralCase


def case_id(case: GeneralCase) -> str:
    verdict = "right" if case.correct else "wrong"
    return f"{case.kind}-{verdict}: {case.answer} vs {case.reference}"[:90]


Key = tuple[str, str, str, bool]  # kind, answer, reference, verdict

# Cases graders.grade gets wrong today, one family a line. Each is a strict xfail: a fix makes it XPASS, which fails
# until its case is removed here. The verdicts themselves are never changed.
_OPEN: dict[str, tuple[Key, ...]] = {}
KNOWN_FAILURES: dict[Key, str] = {key: f"open: {family}" for family, keys in _OPEN.items() for key in keys}


def _key(case: GeneralCase) -> Key:
    return case.kind, case.answer, case.reference, case.correct


def _param(case: GeneralCase) -> object:
    reason = KNOWN_FAILURES.get(_key(case))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=case_id(case), marks=marks)


def test_known_failures_are_cases_of_the_corpus() -> None:
    assert set(KNOWN_FAILURES) <= {_key(case) for case in CASES}


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_general_case(case: GeneralCase) -> None:
    try:
        result = grade(case.kind, case.answer, case.reference, options=case.options)
    except Exception as exc:
        pytest.fail(f"grading raised {type(exc).__name__}: {exc}")
    assert 0.0 <= result.score <= 1.0
    if case.correct:
        assert result.score == 1.0, f"false reject ({case.why}; {case.source}): error={result.error!r}"
    else:
        assert result.score < 1.0, f"false accept ({case.why}; {case.source}): read as {result.interpreted!r}"
