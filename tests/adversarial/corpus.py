r"""The adversarial corpus: wrong answers aimed at full marks and right answers in many spellings, over every
auto-graded part of the bank (issue 9). Written from the seeds, the bank's prompts and the contract only; every
verdict is computed on the NumPy models of `models.py` (or, for `CaseBuilder.rule` cases, follows from what the
question asks: restating the unknown, unevaluated partials, letters that are not the question's sizes, Omega where
O is asked), never taken from the grader.
"""

from __future__ import annotations

from tests.adversarial import (
    cases_bigo,
    cases_cells,
    cases_formulas,
    cases_lstm,
    cases_lstm5,
    cases_lstm_gates,
    cases_sizes,
)
from tests.adversarial.judge import Case

__all__ = ["CASES", "Case"]


def _build() -> list[Case]:
    groups = (
        cases_lstm.csc421_h_bar,
        cases_lstm.csc421_c_bar,
        cases_lstm_gates.csc421_gates,
        cases_lstm_gates.csc421_w_ix,
        cases_lstm5.grad_h,
        cases_lstm5.grad_c,
        cases_lstm5.gates,
        cases_lstm5.grad_w_hi,
        cases_formulas.mdrnn,
        cases_formulas.momentum,
        cases_formulas.dim_c,
        cases_cells.sutd,
        cases_formulas.bounds,
        cases_cells.batchnorm,
        cases_sizes.tuples,
        cases_sizes.integers,
        cases_sizes.input_sizes,
        cases_sizes.numbers,
        cases_sizes.choices,
        cases_bigo.bigo,
    )
    cases = [case for group in groups for case in group()]
    seen: set[tuple[str, str]] = set()
    unique = []
    for case in cases:
        if (case.part_id, case.answer) not in seen:
            seen.add((case.part_id, case.answer))
            unique.append(case)
    return unique


CASES: list[Case] = _build()
