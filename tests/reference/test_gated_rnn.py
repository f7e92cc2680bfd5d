"""The gated RNN of NYU HW2 1.2.1: the reference Jacobian and weight gradient against finite differences."""

import numpy as np
import pytest

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

