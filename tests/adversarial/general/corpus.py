"""The general-mathematics adversarial corpus: right answers in unusual spellings and wrong answers built to slip
through, over numbers, integers, expressions, equations, sets, matrices and tuples.

Every verdict is stated by hand and re-derived at import by `oracle` from the intended meaning the corpus author wrote
(never from the answer string); a disagreement raises `VerdictMismatch`. See FINDINGS.md for today's failures.
"""

from tests.adversarial.general import (
    cases_expressions,
    cases_more,
    cases_numbers,
    cases_relations,
    cases_sigfigs,
    cases_structures,
    cases_traps,
)
from tests.adversarial.general.case import GeneralCase

CASES: list[GeneralCase] = [
    *cases_numbers.CASES,
    *cases_sigfigs.CASES,
    *cases_expressions.CASES,
    *cases_relations.CASES,
    *cases_structures.CASES,
    *cases_more.CASES,
    *cases_traps.CASES,
]

__all__ = ["CASES", "GeneralCase"]
