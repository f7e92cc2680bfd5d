"""SUTD 50.039 Week 8: every reference answer scores full marks, every seed solution gets the verdict we
decided, and the references agree with NumPy runs (LSTM Jacobians, convolutions, operation counts)."""

import numpy as np
import pytest
import sympy as sp

from graders import grade
from reference.models.conv import convolve
from reference.part import Part
from reference.sutd_week8 import HOMEWORK, task1_forget_gate, task1_recurrence
from reference.sutd_week8.lstm_cell import sigmoid
from reference.sutd_week8.notation import exact_derivative
from tests.seed_answers_002_003 import SEED_ANSWERS_002_003

PARTS = {part.id: part for part in HOMEWORK.parts}
AUTO = [part for part in HOMEWORK.parts if part.kind != "manual"]


def _grade(part: Part, answer: str):
    return grade(part.kind, answer, part.reference, options=part.grading_options())


def _at_samples(expression: sp.Expr, notation, rows) -> np.ndarray:
    names = [n.name for n in notation]
    function = sp.lambdify([sp.Symbol(name) for name in names], expression, "numpy")
    return np.array([function(*[n.value(row) for n in notation]) for row in rows])


@pytest.mark.parametrize("part", AUTO, ids=lambda p: p.id)
def test_reference_answer_scores_full_marks(part: Part) -> None:
    assert _grade(part, part.answer).score == 1.0


@pytest.mark.parametrize("part", HOMEWORK.parts, ids=lambda p: p.id)
def test_part_ids_are_stable_lower_case_paths(part: Part) -> None:
    homework, _question, _name = part.id.split("/")
    assert (homework, part.homework) == (HOMEWORK.id, HOMEWORK.id)
    assert part.id == part.id.lower() and " " not in part.id


@pytest.mark.parametrize("part", [p for p in AUTO if p.mistakes], ids=lambda p: p.id)
def test_each_known_mistake_is_recognised_as_itself(part: Part) -> None:
    results = [_grade(part, mistake.answer) for mistake in part.mistakes]
    assert [r.mistake for r in results] == list(range(len(part.mistakes)))
    assert [r.score for r in results] == [m.score for m in part.mistakes]


@pytest.mark.parametrize("seed", [s for s in SEED_ANSWERS_002_003 if s.part_id.startswith(HOMEWORK.id)],
                         ids=lambda s: s.source)
def test_seed_solution_gets_the_decided_verdict(seed) -> None:
    result = _grade(PARTS[seed.part_id], seed.answer)
    assert result.correct is seed.correct
    assert seed.feedback_contains in result.feedback


def test_recurrence_reference_equals_the_measured_jacobian_entry() -> None:
    notation = [*task1_recurrence.NOTATION]
    predicted = _at_samples(task1_recurrence.REFERENCE, notation, task1_recurrence.SAMPLES)
    measured = [exact_derivative(sample) for sample in task1_recurrence.SAMPLES]
    np.testing.assert_allclose(predicted, measured, rtol=1e-6, atol=1e-8)


def test_forget_gate_reference_equals_the_measured_jacobian_entry() -> None:
    samples = task1_forget_gate.SAMPLES
    predicted = _at_samples(task1_forget_gate.COMPONENT_REFERENCE, task1_forget_gate.COMPONENT, samples)
    measured = [s.partials["f"][s.d1, s.d2] for s in samples]
    np.testing.assert_allclose(predicted, measured, rtol=1e-6, atol=1e-8)


def test_sigmoid_derivative_reference_equals_finite_differences() -> None:
    z = np.linspace(-4, 4, 17)
    derivative = sp.lambdify(sp.Symbol("z"), PARTS["sutd-50039-week8/task1/sigmoid-prime"].reference, "numpy")
    np.testing.assert_allclose(derivative(z), (sigmoid(z + 1e-6) - sigmoid(z - 1e-6)) / 2e-6, rtol=1e-6)


def test_no_unit_vector_beats_the_normalised_row() -> None:
    rng = np.random.default_rng(0)
    row = rng.normal(size=4)
    candidates = rng.normal(size=(5000, 4))
    candidates /= np.linalg.norm(candidates, axis=1, keepdims=True)
    best = row / np.linalg.norm(row)
    assert (candidates @ row).max() <= row @ best
    assert sigmoid(3.0 + candidates @ row).max() <= sigmoid(3.0 + row @ best)


@pytest.mark.parametrize("name, size, kernel, stride, padding", [
    ("output-size-padded", (78, 84), (5, 5), 3, 2),
    ("output-size-rectangular", (64, 64), (3, 5), 2, 0),
], ids=["padded", "rectangular"])
def test_output_size_is_the_shape_of_an_actual_convolution(name, size, kernel, stride, padding) -> None:
    result = convolve(np.ones((1, *size)), np.ones((1, 1, *kernel)), stride=stride, padding=padding)
    assert result.output.shape[1:] == PARTS[f"sutd-50039-week8/task2/{name}"].reference


def test_input_sizes_are_those_whose_convolution_has_length_16() -> None:
    lengths = {n for n in range(30, 80)
               if convolve(np.ones((1, n)), np.ones((1, 1, 9)), stride=3, padding=1).output.shape[1] == 16}
    part = PARTS["sutd-50039-week8/task2/input-size"]
    listed = "\\{" + ", ".join(map(str, sorted(lengths))) + "\\}"
    assert grade("set", listed, part.reference, options=part.grading_options()).correct


@pytest.fixture(scope="module")
def strided_layer():
    rng = np.random.default_rng(1)
    weights = rng.normal(size=(64, 32, 7, 7))
    return weights, convolve(rng.normal(size=(32, 19, 19)), weights, stride=3)


def test_parameters_are_the_entries_of_the_weight_tensor(strided_layer) -> None:
    weights, _ = strided_layer
    assert weights.size == PARTS["sutd-50039-week8/task2/parameters"].reference


@pytest.mark.parametrize("operation", ["multiplications", "additions"])
def test_operation_count_is_counted_by_running_the_convolution(strided_layer, operation) -> None:
    _, result = strided_layer
    assert getattr(result, operation) == PARTS[f"sutd-50039-week8/task2/{operation}"].reference


def test_pointwise_parameters_are_the_entries_of_its_weight_tensor() -> None:
    weights = np.ones((128, 512, 1, 1))
    result = convolve(np.ones((512, 3, 3)), weights, padding=2)
    assert result.output.shape == (128, 7, 7)   # padding changes the output, not the parameters
    assert weights.size == PARTS["sutd-50039-week8/task2/parameters-pointwise"].reference
