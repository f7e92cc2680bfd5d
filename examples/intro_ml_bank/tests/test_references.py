"""The package's references agree with its NumPy models: gradients with finite differences, sizes with real runs."""

import numpy as np
import pytest
import sympy as sp

from intro_ml_bank.hw3 import q1_gradients, q2_sizes
from intro_ml_bank.models import conv2d, cross_entropy, logistic_loss, schoolbook_product, softmax

SEEDS = range(5)
STEP = 1e-6


def central_difference(f, value: float) -> float:  # type: ignore[no-untyped-def]
    return (f(value + STEP) - f(value - STEP)) / (2 * STEP)


@pytest.mark.parametrize("seed", SEEDS)
def test_logistic_gradient_is_the_slope_of_the_numpy_loss(seed: int) -> None:
    rng = np.random.default_rng(seed)
    w, b, x = rng.uniform(-2, 2, size=3)
    y = float(rng.integers(0, 2))
    expected = central_difference(lambda v: logistic_loss(v, b, x, y), w)
    reference = q1_gradients.LOGISTIC_GRADIENT.subs({q1_gradients.w: w, q1_gradients.b: b, q1_gradients.x: x, q1_gradients.y: y})
    assert float(reference) == pytest.approx(expected, rel=1e-5, abs=1e-8)


@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_gradient_is_the_slope_of_the_numpy_loss(seed: int) -> None:
    rng = np.random.default_rng(seed)
    z, y = rng.normal(size=4), np.eye(4)[rng.integers(0, 4)]
    p = softmax(z)
    for k in range(4):
        expected = central_difference(lambda v: cross_entropy(np.where(np.arange(4) == k, v, z), y), z[k])
        reference = q1_gradients.SOFTMAX_GRADIENT.subs({q1_gradients.p_k: p[k], q1_gradients.y_k: y[k]})
        assert float(reference) == pytest.approx(expected, rel=1e-5, abs=1e-8)


@pytest.mark.parametrize(("size", "kernel", "stride", "padding"), [(7, 3, 1, 0), (8, 3, 2, 1), (9, 5, 2, 2)],
                         ids=["plain", "strided-padded", "wide-kernel"])
def test_conv2d_computes_every_window(size: int, kernel: int, stride: int, padding: int) -> None:
    rng = np.random.default_rng(0)
    image, kernels = rng.normal(size=(size, size, 2)), rng.normal(size=(kernel, kernel, 2, 3))
    output = conv2d(image, kernels, stride=stride, padding=padding)
    padded = np.pad(image, ((padding, padding), (padding, padding), (0, 0)))
    out = (size + 2 * padding - kernel) // stride + 1
    assert output.shape == (out, out, 3)
    for i, j, f in np.ndindex(output.shape):
        window = padded[i * stride:i * stride + kernel, j * stride:j * stride + kernel]
        assert output[i, j, f] == pytest.approx((window * kernels[..., f]).sum())


def test_conv_reference_is_the_shape_the_layer_produces() -> None:
    assert q2_sizes.conv_output_shape() == ((32 + 2 * 1 - 5) // 2 + 1, (32 + 2 * 1 - 5) // 2 + 1, 16)


def test_parameter_count_is_weights_plus_biases() -> None:
    widths = q2_sizes.WIDTHS
    assert q2_sizes.mlp_parameters() == sum(n_in * n_out + n_out for n_in, n_out in zip(widths, widths[1:]))


@pytest.mark.parametrize("shape", [(2, 3, 4), (5, 1, 2), (3, 4, 3)], ids=str)
def test_schoolbook_product_takes_n_m_p_multiplications(shape: tuple[int, int, int]) -> None:
    n, m, p = shape
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(n, m)), rng.normal(size=(m, p))
    product, multiplications = schoolbook_product(a, b)
    assert np.allclose(product, a @ b)
    assert multiplications == sp.sympify(q2_sizes.MATMUL_MULTIPLICATIONS).subs({"n": n, "m": m, "p": p})
