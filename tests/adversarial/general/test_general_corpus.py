"""Every case of the general-mathematics corpus: a right answer scores full marks, a wrong one does not.

Failures here are real findings (see FINDINGS.md), not expected-failure markers: the verdicts come from the corpus's
own oracle and are never relaxed to match the engine. A grade that raises fails too: a reference must be read, or be
refused when the question is loaded, never at grading time.
"""

import pytest

from graders import grade
from tests.adversarial.general.corpus import CASES, GeneralCase


def case_id(case: GeneralCase) -> str:
    verdict = "right" if case.correct else "wrong"
    return f"{case.kind}-{verdict}: {case.answer} vs {case.reference}"[:90]


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_general_case(case: GeneralCase) -> None:
    try:
        result = grade(case.kind, case.answer, case.reference, options=case.options)
    except Exception as exc:  # noqa: BLE001 - reported as the finding it is
        pytest.fail(f"grading raised {type(exc).__name__}: {exc}")
    assert 0.0 <= result.score <= 1.0
    if case.correct:
        assert result.score == 1.0, f"false reject ({case.why}; {case.source}): error={result.error!r}"
    else:
        assert result.score < 1.0, f"false accept ({case.why}; {case.source}): read as {result.interpreted!r}"
