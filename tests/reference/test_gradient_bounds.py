"""CSC413 1.1-1.2: the bank's gradient bounds are upper bounds, and tight, on actual chains of neurons."""

import numpy as np
import pytest
import sympy as sp

from reference import get_part

rng = np.random.default_rng(4)
LENGTHS = [1, 2, 5, 8]


def _chain_derivative(activation, slope, biases: np.ndarray, x: float) -> float:
    """d f / d x for a_1 = x + b_1, a_k = phi(a_{k-1}) + b_k, with unit weights (the product of the slopes)."""
    derivative, a = 1.0, x + biases[0]
    for b in biases[1:]:
        derivative *= slope(a)
        a = activation(a) + b
    return derivative * slope(a)


def _sigmoid(z: float) -> float:
    return 1 / (1 + np.exp(-z))


def _bound(part_id: str, n: int) -> float:
    reference = get_part(part_id).reference
    return float(sp.sympify(reference).subs(sp.Symbol("n", positive=True, integer=True), n))


@pytest.mark.parametrize("n", LENGTHS)
def test_sigmoid_chain_reaches_the_bound_when_every_preactivation_is_zero(n: int) -> None:
    biases = np.array([0.0] + [-0.5] * (n - 1))     # sigma(0) = 1/2, cancelled by the next bias
    slope = _chain_derivative(_sigmoid, lambda a: _sigmoid(a) * (1 - _sigmoid(a)), biases, 0.0)
    assert slope == pytest.approx(_bound("csc413-2020-hw4/q1.1.1/sigmoid-bound", n))


@pytest.mark.parametrize("n", LENGTHS)
def test_sigmoid_chain_never_exceeds_the_bound(n: int) -> None:
    slopes = [_chain_derivative(_sigmoid, lambda a: _sigmoid(a) * (1 - _sigmoid(a)), rng.normal(size=n), rng.normal())
              for _ in range(200)]
    assert max(slopes) <= _bound("csc413-2020-hw4/q1.1.1/sigmoid-bound", n)


@pytest.mark.parametrize("n", LENGTHS)
def test_tanh_chain_reaches_but_never_exceeds_the_bound(n: int) -> None:
    def slope(a: float) -> float:
        return 1 - np.tanh(a) ** 2
    bound = float(get_part("csc413-2020-hw4/q1.1.2/tanh-bound").reference)
    assert _chain_derivative(np.tanh, slope, np.zeros(n), 0.0) == pytest.approx(bound)
    assert max(_chain_derivative(np.tanh, slope, rng.normal(size=n), rng.normal()) for _ in range(200)) <= bound


@pytest.mark.parametrize("n", LENGTHS)
def test_tanh_rnn_jacobian_reaches_but_never_exceeds_the_bound(n: int) -> None:
    w = 0.5 * np.linalg.qr(rng.normal(size=(4, 4)))[0]     # all singular values 1/2

    def largest_singular_value(x: np.ndarray) -> float:
        jacobian = np.eye(4)
        for _ in range(n - 1):
            jacobian = np.diag(1 - np.tanh(w @ x) ** 2) @ w @ jacobian
            x = np.tanh(w @ x)
        return float(np.linalg.svd(jacobian, compute_uv=False)[0])
    bound = _bound("csc413-2020-hw4/q1.2.1/tanh-rnn-bound", n)
    assert largest_singular_value(np.zeros(4)) == pytest.approx(bound)
    assert max(largest_singular_value(rng.normal(size=4)) for _ in range(50)) <= bound * (1 + 1e-12)
