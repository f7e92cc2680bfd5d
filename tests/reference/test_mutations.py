"""The mutation self-test: every mutant of a part's reference that is mathematically different (decided by
reference.mutations from fresh runs of the part's model, never by the grader) is refused by the grader."""

from functools import cache

import numpy as np
import pytest
import sympy as sp

import graders
import reference
from graders.kinds import indexed
from graders.kinds.indexed_read import read
from graders.parsing import ParseError
from reference.indexed_mutations import values_differ
from reference.indexed_truth import element_values
from reference.mutations import Mutant, formula_mutations, mutants

AUTO = [p for p in reference.all_parts() if p.kind != "manual"]
FORMULAS = [p for p in AUTO if p.kind == "expression"]


@cache
def mutants_of(part_id: str) -> tuple[Mutant, ...]:
    """The part's mutants, made once: several tests read them, and making them runs the part's model."""
    return tuple(mutants(reference.get_part(part_id)))


def _grade(part: reference.Part, answer: str) -> graders.GradeResult:
    return graders.grade(part.kind, answer, part.reference, options=part.grading_options())


@pytest.mark.parametrize("part", AUTO, ids=lambda p: p.id)
def test_every_mutant_that_differs_is_refused(part: reference.Part) -> None:
    different = [m for m in mutants_of(part.id) if m.different]
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


@pytest.mark.parametrize(
    ("part_id", "how"),
    [
        pytest.param("nyu-dl-hw2/q1.2.1/c-jacobian", "W_h transposed", id="transpose-a-square-matrix"),
        pytest.param("nyu-dl-hw2/q1.2.1/c-jacobian", "dropped the term 2", id="drop-the-gate-term"),
        pytest.param("nyu-dl-hw2/q1.2.1/d-weight-gradient", "the sum stops one step early", id="sum-range"),
        pytest.param("csc421-2019-hw4/q1/w-ix-bar", "x@t shifted by -1", id="shift-a-step-inside-a-sum"),
        pytest.param("nyu-dl-hw2/q1.2.2/e-backprop", "the unknown restated", id="restate-the-unknown"),
    ],
)
def test_matrix_mutations_include_each_kind_of_slip_and_it_differs(part_id: str, how: str) -> None:
    found = [m for m in mutants_of(part_id) if m.how == how]
    assert found and all(m.different for m in found)


@pytest.mark.parametrize("part", [p for p in AUTO if p.kind == "indexed"], ids=lambda p: p.id)
def test_the_indexed_judge_agrees_with_the_model_on_the_unmutated_reference(part: reference.Part) -> None:
    # The judge evaluates mutants on fresh tensors of the part's model: on the reference itself it must find the
    # model's own NumPy values there, or a mutant judged "the same" would prove nothing.
    truth = part.model(4, 1234) if part.model else {}
    options = {**part.options, "inputs": truth["inputs"]}
    assert not values_differ(part.answer, options, np.asarray(truth["outputs"], dtype=float))


def _both_ways(part: reference.Part, answer: str) -> tuple[object, object]:
    """The answer on fresh tensors of the part's model: by the grader's NumPy evaluation and element by element."""
    truth = part.model(2, 4321) if part.model else {}
    options = indexed.IndexedOptions.from_mapping({**part.options, "inputs": truth["inputs"]})
    try:
        value = indexed.read_student(answer, "auto", options).value
        vectorised = None if value.problems else value.values
    except ParseError:
        vectorised = None
    try:
        written = read(answer, {name: [] for name in part.options["tensors"]} | part.options["spellings"])
    except ParseError:
        return vectorised, None
    names = written.indices if written.indices is not None else tuple(part.options["index"])
    samples = [element_values(written.formula, names, tuple(part.options["shape"]),
                              {k: np.asarray(v) for k, v in s.items()}, 1) for s in truth["inputs"]]
    return vectorised, None if any(s is None for s in samples) else np.stack(samples)  # type: ignore[arg-type]


@pytest.mark.parametrize("part", [p for p in AUTO if p.kind == "indexed"], ids=lambda p: p.id)
def test_the_grader_and_the_element_wise_judge_evaluate_every_mutant_alike(part: reference.Part) -> None:
    for answer in [part.answer, *(m.answer for m in part.mistakes), *(m.answer for m in mutants_of(part.id))]:
        vectorised, element_wise = _both_ways(part, answer)
        if vectorised is None or element_wise is None:
            assert vectorised is None and element_wise is None, answer
        else:
            assert np.allclose(vectorised, element_wise, rtol=1e-12, atol=1e-12), answer
