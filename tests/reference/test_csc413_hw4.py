"""CSC413 2020 HW4: every reference answer scores full marks, every student answer of seed 003 gets the verdict
we decided, and the bounds and orders agree with NumPy runs (attained where they are tight)."""

import numpy as np
import pytest
import sympy as sp

from graders import grade
from reference.csc413_hw4 import HOMEWORK, q1_3_batch_norm
from reference.csc413_hw4.models import (
    MDRNN_WITHIN,
    chain,
    chain_slope,
    connections,
    mdrnn_below,
    pixelcnn_below,
    rnn_jacobian,
    rnn_output,
    sequential_steps,
    wavenet_below,
    with_singular_values,
)
from reference.models.batch_norm import finite_difference_diagonal
from reference.part import Part
from tests.seed_answers_002_003 import SEED_ANSWERS_002_003

PARTS = {part.id: part for part in HOMEWORK.parts}
AUTO = [part for part in HOMEWORK.parts if part.kind != "manual"]
SEEDS = [s for s in SEED_ANSWERS_002_003 if s.part_id.startswith(HOMEWORK.id)]
RNG = np.random.default_rng(2020)


def _grade(part: Part, answer: str):
    return grade(part.kind, answer, part.reference, options=part.grading_options())


def _value(part_id: str, **values: float) -> float:
    reference = sp.sympify(PARTS[f"csc413-2020-hw4/{part_id}"].reference)
    return float(reference.subs({symbol: values[symbol.name] for symbol in reference.free_symbols}))


@pytest.mark.parametrize("part", AUTO, ids=lambda p: p.id)
def test_reference_answer_scores_full_marks(part: Part) -> None:
    assert _grade(part, part.answer).score == 1.0


@pytest.mark.parametrize("part", [p for p in AUTO if p.mistakes], ids=lambda p: p.id)
def test_each_known_mistake_is_recognised_as_itself(part: Part) -> None:
    assert [_grade(part, m.answer).mistake for m in part.mistakes] == list(range(len(part.mistakes)))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.source)
def test_student_answer_gets_the_decided_verdict(seed) -> None:
    result = _grade(PARTS[seed.part_id], seed.answer)
    assert result.correct is seed.correct
    assert seed.feedback_contains in result.feedback + (result.error or "")


@pytest.mark.parametrize("activation, part_id", [("sigmoid", "q1.1.1/bound"), ("tanh", "q1.1.2/bound")])
def test_chain_slope_is_the_finite_difference_of_the_chain(activation, part_id) -> None:
    biases = RNG.normal(size=5)
    numeric = (chain(0.3 + 1e-6, biases, activation) - chain(0.3 - 1e-6, biases, activation)) / 2e-6
    assert chain_slope(0.3, biases, activation) == pytest.approx(numeric, rel=1e-6)


@pytest.mark.parametrize("activation, part_id", [("sigmoid", "q1.1.1/bound"), ("tanh", "q1.1.2/bound")])
def test_chain_bound_holds_for_random_biases_and_is_attained(activation, part_id) -> None:
    layers = 6
    bound = _value(part_id, n=layers)
    slopes = [abs(chain_slope(x, RNG.normal(size=layers) * 3, activation)) for x in RNG.normal(size=200)]
    assert max(slopes) <= bound
    # biases that put every pre-activation at 0 (where the slope peaks) reach the bound
    x = 0.7
    biases = np.array([-x] + [-(0.5 if activation == "sigmoid" else 0.0)] * (layers - 1))
    assert chain_slope(x, biases, activation) == pytest.approx(bound)


def test_rnn_jacobian_is_the_finite_difference_of_the_rnn() -> None:
    weights, x1, steps = RNG.normal(size=(3, 3)), RNG.normal(size=3), 4
    columns = [(rnn_output(weights, x1 + e, steps) - rnn_output(weights, x1 - e, steps)) / 2e-6 for e in np.eye(3) * 1e-6]
    np.testing.assert_allclose(rnn_jacobian(weights, x1, steps), np.stack(columns, axis=1), rtol=1e-5, atol=1e-9)


def test_rnn_jacobian_bound_holds_and_is_attained_at_the_origin() -> None:
    steps = 6
    bound = _value("q1.2.1/bound", n=steps)
    for _ in range(20):
        weights = with_singular_values(RNG, np.array([0.5, 0.3, 0.1]))
        assert np.linalg.norm(rnn_jacobian(weights, RNG.normal(size=3), steps), 2) <= bound * (1 + 1e-12)
    assert np.linalg.norm(rnn_jacobian(0.5 * np.eye(3), np.zeros(3), steps), 2) == pytest.approx(bound)


def test_residual_smallest_singular_value_bound_holds_and_is_attained() -> None:
    small = 0.2
    bound = _value("q1.2.2/smallest", s_small=small)
    for _ in range(50):
        jacobian = with_singular_values(RNG, RNG.uniform(0, small, size=4))
        assert np.linalg.svd(np.eye(4) + jacobian, compute_uv=False).min() >= bound - 1e-12
    assert np.linalg.svd(np.eye(4) - small * np.eye(4), compute_uv=False).min() == pytest.approx(bound)


def test_residual_largest_singular_value_bound_holds_and_is_attained() -> None:
    big = 30.0
    bound = _value("q1.2.2/largest", s_big=big)
    for _ in range(50):
        jacobian = with_singular_values(RNG, np.array([big, *RNG.uniform(0, big, size=3)]))
        assert np.linalg.svd(np.eye(4) + jacobian, compute_uv=False).max() >= bound - 1e-9
    assert np.linalg.svd(np.eye(4) - big * np.eye(4), compute_uv=False).max() == pytest.approx(bound)


def test_batch_norm_reference_equals_finite_differences_at_every_sample() -> None:
    names = [sp.Symbol(n.name) for n in q1_3_batch_norm.NOTATION]
    formula = sp.lambdify(names, q1_3_batch_norm.REFERENCE, "numpy")
    for row in q1_3_batch_norm.BATCHES:
        layer, batch, i = row
        predicted = formula(*[n.value(row) for n in q1_3_batch_norm.NOTATION])
        assert predicted == pytest.approx(finite_difference_diagonal(layer, batch, i), rel=1e-6, abs=1e-9)


ARCHITECTURES = {
    "wavenet": (lambda size: (size,), wavenet_below, []),
    "pixelcnn": (lambda size: (size, size), pixelcnn_below, []),
    "mdrnn": (lambda size: (size, size), mdrnn_below, MDRNN_WITHIN),
}


@pytest.mark.parametrize("name, question", [("wavenet", "q2.1.1"), ("pixelcnn", "q2.2.1"), ("mdrnn", "q2.3.1")])
def test_connection_counts_grow_like_the_reference_order(name, question) -> None:
    shape, below, within = ARCHITECTURES[name]
    ratios = [connections(shape(size), layers, channels, below, within) / (layers * channels**2 * np.prod(shape(size)))
              for size, layers, channels in [(6, 2, 1), (12, 3, 2), (24, 4, 3)]]
    assert min(ratios) >= 1 and max(ratios) <= 4   # bounded above and below: Theta(d k^2 * positions)
    positions = "T" if name == "wavenet" else "H W"
    assert PARTS[f"csc413-2020-hw4/{question}/connections"].reference == f"O(d k^2 {positions})"


@pytest.mark.parametrize("layers, height, width", [(1, 4, 4), (3, 4, 6), (5, 7, 3)])
def test_mdrnn_steps_are_the_longest_dependency_path(layers, height, width) -> None:
    steps = sequential_steps((height, width), layers, mdrnn_below, MDRNN_WITHIN)
    assert steps == layers + height + width - 2
    assert PARTS["csc413-2020-hw4/q2.3.2/parallel"].reference == "O(d + H + W)"


@pytest.mark.parametrize("name", ["wavenet", "pixelcnn"])
def test_convolutional_models_take_one_step_per_layer(name) -> None:
    shape, below, within = ARCHITECTURES[name]
    assert [sequential_steps(shape(16), layers, below, within) for layers in (1, 2, 4)] == [1, 2, 4]
