"""The mutation self-test: every mutant of a part's reference that is mathematically different (decided by
reference.mutations from fresh runs of the part's model, never by the grader) is refused by the grader."""

import numpy as np
import pytest
import sympy as sp

import graders
import reference
from reference.mutations import formula_mutations, mutants, values_differ

AUTO = [p for p in reference.all_parts() if p.kind != "manual"]
FORMULAS = [p for p in AUTO if p.kind == "expression"]


def _grade(part: reference.Part, answer: str) -> graders.GradeResult:
    return graders.grade(part.kind, answer, part.reference, options=part.grading_options())


@pytest.mark.parametrize("part", AUTO, ids=lambda p: p.id)
def test_every_mutant_that_differs_is_refused(part: reference.Part) -> None:
    different = [m for m in mutants(part) if m.different]
    assert different, "the part has no mutant that differs from its reference"
    accepted = [(m.how, m.answer) for m in different if _grade(part, m.answer).correct is True]
    assert accepted == []


@pytest.mark.parametrize("part", FORMULAS, ids=lambda p: p.id)
def test_the_reference_in_the_mutants_spelling_is_accepted(part: reference.Part) -> None:
    # Mutants are written with the canonical names; the unmutated reference so written must pass.
    assert _grade(part, sp.sstr(part.reference)).correct is True


SYMBOLS = {"c_t", "c_tm1", "c_tp1", "h_t", "f_t", "f_tp1", "c_2", "c_3", "c_4", "i_t", "h_0"}


@pytest.mark.parametrize(
    ("reference_text", "mutant_text"),
    [
        pytest.param("c_t + f_t", "c_t", id="drop-a-term"),
        pytest.param("c_t + f_t", "c_t - f_t", id="flip-a-sign"),
        pytest.param("c_t * f_tp1", "c_tm1*f_tp1", id="shift-one-index"),
        pytest.param("c_t * f_tp1", "f_tp1*h_t", id="swap-a-similar-symbol"),
        pytest.param("c_t * f_t", "c_t*i_t", id="swap-a-gate"),
        pytest.param("c_t * c_tp1", "c_2*c_3", id="fix-the-general-step"),
        pytest.param("c_t * f_t", "c_t*f_t + h_0", id="add-the-initial-state"),
    ],
)
def test_formula_mutations_include_each_kind_of_slip(reference_text: str, mutant_text: str) -> None:
    expr = sp.sympify(reference_text)
    assert sp.sympify(mutant_text) in {m for _, m in formula_mutations(expr, SYMBOLS)}


@pytest.mark.parametrize("part", [p for p in AUTO if p.kind == "indexed"], ids=lambda p: p.id)
def test_the_indexed_judge_agrees_with_the_model_on_the_unmutated_reference(part: reference.Part) -> None:
    # The judge evaluates mutants on fresh tensors of the part's model: on the reference itself it must find the
    # model's own NumPy values there, or a mutant judged "the same" would prove nothing.
    truth = part.model(4, 1234) if part.model else {}
    options = {**part.options, "inputs": truth["inputs"]}
    assert not values_differ(part.answer, options, np.asarray(truth["outputs"], dtype=float))
