"""The gated RNN (NYU HW2 1.2.1) and batch norm (CSC413 1.3.1) reference formulas against finite differences."""

from collections.abc import Callable

import numpy as np
import pytest

from reference import Part, get_part
from reference.csc413_2020_hw4 import q1_3_batch_norm
from reference.models.batch_norm import BatchNorm, finite_difference_diagonal
from reference.models.gated_rnn import GatedRNN, finite_difference_input_weight_gradient, finite_difference_jacobian

SHAPES = [pytest.param(n, m, id=f"n={n} m={m}") for n, m in [(1, 1), (3, 2), (2, 5)]]
rng = np.random.default_rng(2)


@pytest.mark.parametrize(("inputs", "hidden"), SHAPES)
def test_gated_rnn_jacobian_matches_finite_differences(inputs: int, hidden: int) -> None:
    model = GatedRNN.random(rng, inputs, hidden)
    x, h_prev = rng.normal(size=inputs), rng.normal(size=hidden)
    assert model.jacobian(x, h_prev) == pytest.approx(finite_difference_jacobian(model, x, h_prev), rel=1e-5, abs=1e-8)


@pytest.mark.parametrize(("inputs", "hidden"), SHAPES)
def test_gated_rnn_input_weight_gradient_matches_finite_differences(inputs: int, hidden: int) -> None:
    model = GatedRNN.random(rng, inputs, hidden)
    xs, upstream = rng.normal(size=(4, inputs)), rng.normal(size=(4, hidden))
    assert model.input_weight_gradient(xs, upstream) == pytest.approx(
        finite_difference_input_weight_gradient(model, xs, upstream), rel=1e-5, abs=1e-8)


@pytest.mark.parametrize("size", [2, 5, 16])
def test_batch_norm_diagonal_derivative_matches_finite_differences(size: int) -> None:
    layer, x = BatchNorm(1.3, -0.2, 1e-2), rng.normal(size=size)
    assert [layer.diagonal_derivative(x, i) for i in range(size)] == pytest.approx(
        [finite_difference_diagonal(layer, x, i) for i in range(size)], rel=1e-5)


def test_bank_batch_norm_reference_matches_finite_differences_at_every_sample(
        at_sample: Callable[[Part, int], float]) -> None:
    part = get_part("csc413-2020-hw4/q1.3.1/dy-dx")
    batches = q1_3_batch_norm.BATCHES
    assert [at_sample(part, k) for k in range(len(batches))] == pytest.approx(
        [finite_difference_diagonal(layer, x, 0) for layer, x in batches], rel=1e-5)
