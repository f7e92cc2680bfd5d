"""The matrix-valued parts (kind matrix_expr): each reference formula, evaluated at the part's own sample points, equals
finite differences of the NumPy model that produced those points; the models' own Jacobians and backprop are checked
against finite differences as well."""

from collections.abc import Callable

import numpy as np
import pytest

import graders
from graders.kinds.matrix_expr import values_at_points
from reference import get_part
from reference.csc421_2019_hw4 import q1_lstm
from reference.lstm_output_hw import q2_weight
from reference.models import attention_rnn as attention
from reference.models.gated_rnn import finite_difference_input_weight_gradient, finite_difference_jacobian
from reference.models.lstm import weight_gradient_by_finite_difference
from reference.nyu_dl_hw2 import matrices, q1_2_rnn

APPROX = {"rel": 1e-5, "abs": 1e-8}
NYU = "nyu-dl-hw2"


def _at_samples(part_id: str) -> list[np.ndarray]:
    part = get_part(part_id)
    return [np.asarray(value) for value in values_at_points(part.reference, part.options)]


def _column(vector: np.ndarray) -> np.ndarray:
    return np.asarray(vector).reshape(-1, 1)


def _gated_jacobians() -> list[np.ndarray]:
    return [finite_difference_jacobian(m, x, h) for m, x, h in matrices.jacobian_cases(*q1_2_rnn.JACOBIAN_DRAW)]


def _gated_weight_gradients() -> list[np.ndarray]:
    return [finite_difference_input_weight_gradient(m, xs, up)
            for m, xs, up in matrices.weight_gradient_cases(*q1_2_rnn.WEIGHT_GRADIENT_DRAW)]


def _attention_jacobians() -> list[np.ndarray]:
    return [attention.finite_difference_jacobian(m, x, previous, 1)
            for m, x, previous in matrices.attention_jacobian_cases(*q1_2_rnn.ATTENTION_JACOBIAN_DRAW)]


def _attention_total_gradients() -> list[np.ndarray]:
    return [_column(attention.finite_difference_total_gradient(m, xs, initial, up, matrices.BACKPROP_STEP))
            for m, xs, initial, up in matrices.attention_backprop_cases(*q1_2_rnn.ATTENTION_BACKPROP_DRAW)]


def _lstm_weight_gradients(runs: list, gate: str, source: str) -> list[float]:
    return [weight_gradient_by_finite_difference(r.model, r.x, r.upstream, gate, source, initial=r.initial) for r in runs]


CHECKS: list[tuple[str, Callable[[], list]]] = [
    (f"{NYU}/q1.2.1/c-jacobian", _gated_jacobians),
    (f"{NYU}/q1.2.1/d-weight-gradient", _gated_weight_gradients),
    (f"{NYU}/q1.2.2/d-jacobian", _attention_jacobians),
    (f"{NYU}/q1.2.2/e-backprop", _attention_total_gradients),
    ("csc421-2019-hw4/q1/w-ix-bar", lambda: _lstm_weight_gradients(q1_lstm.SEQUENCE_RUNS(*q1_lstm.SEQUENCE_DRAW), "i", "x")),
    ("lstm-output-hw5/q2/grad-w-hi", lambda: _lstm_weight_gradients(q2_weight.RUNS(*q2_weight.DRAW), "i", "h")),
]


@pytest.mark.parametrize(("part_id", "independent"), CHECKS, ids=[c[0] for c in CHECKS])
def test_reference_formula_matches_finite_differences_at_every_sample(part_id: str, independent: Callable) -> None:
    expected = independent()
    ours = _at_samples(part_id)
    assert len(ours) == len(expected) == len(get_part(part_id).options["samples"])
    for value, truth in zip(ours, expected, strict=True):
        assert value == pytest.approx(np.asarray(truth, dtype=float), **APPROX)


def test_sums_over_time_are_sampled_on_runs_of_several_lengths() -> None:
    for part_id, length in [(f"{NYU}/q1.2.1/d-weight-gradient", "K"), ("csc421-2019-hw4/q1/w-ix-bar", "T"),
                            ("lstm-output-hw5/q2/grad-w-hi", "T"), (f"{NYU}/q1.2.2/e-backprop", "k")]:
        lengths = {point[length] for point in get_part(part_id).options["samples"]}
        assert len(lengths) >= 4, part_id


def test_sizes_differ_so_that_a_transpose_changes_the_shape() -> None:
    assert len(set(matrices.GATED_SIZES.values())) == 2 and len(set(matrices.ATTENTION_SIZES.values())) == 3


@pytest.mark.parametrize("lags", [1, 2, 3])
def test_attention_rnn_step_jacobians_match_finite_differences(lags: int) -> None:
    rng = np.random.default_rng(lags)
    model = attention.AttentionRNN.random(rng, lags, 3, 4, 2)
    x, previous = rng.normal(size=3), [rng.normal(size=4) for _ in range(lags)]
    step = model.step(x, previous)
    for lag in range(1, lags + 1):
        assert model.jacobian(step, lag) == pytest.approx(
            attention.finite_difference_jacobian(model, x, previous, lag), **APPROX)


@pytest.mark.parametrize("lags", [1, 2, 3])
def test_attention_rnn_backprop_matches_finite_differences(lags: int) -> None:
    rng = np.random.default_rng(10 + lags)
    model = attention.AttentionRNN.random(rng, lags, 3, 4, 2)
    xs, initial, upstream = rng.normal(size=(6, 3)), [rng.normal(size=4) for _ in range(lags)], rng.normal(size=(6, 4))
    bars = model.total_gradients(model.run(xs, initial), upstream)
    for step in (1, 3, 6):
        assert bars[step - 1] == pytest.approx(
            attention.finite_difference_total_gradient(model, xs, initial, upstream, step), **APPROX)


def _graded(part_id: str, answer: str) -> float:
    part = get_part(part_id)
    return graders.grade(part.kind, answer, part.reference, options=part.grading_options()).score


@pytest.mark.parametrize("loss", [r"\mathcal{L}", "L"])
def test_a_gate_gradient_may_be_written_as_a_partial_of_the_loss(loss: str) -> None:
    """The loss reaches i^{(t)} only through c^{(t)}, so its partial is the adjoint \\overline{i^{(t)}}."""
    answer = rf"\sum_{{t=1}}^{{T}} \frac{{\partial {loss}}}{{\partial i^{{(t)}}}} i^{{(t)}}(1-i^{{(t)}}) x^{{(t)}}"
    assert _graded("csc421-2019-hw4/q1/w-ix-bar", answer) == 1


def test_the_partial_of_the_loss_at_h_is_its_direct_term_not_the_adjoint() -> None:
    """CSC421 writes dL/dh^{(t)} for the loss's direct term; the total gradient at h is \\overline{h^{(t)}}."""
    sequences = get_part("csc421-2019-hw4/q1/w-ix-bar").options["sequences"]
    assert r"\frac{\partial \mathcal{L}}{\partial h^{(#)}}" in sequences["u"]
    assert not any(r"\partial" in spelling for spelling in sequences["hbar"])
