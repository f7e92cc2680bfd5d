"""The NumPy models the references come from: logistic regression, softmax, a convolution, an MLP, a matrix product."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def sigmoid(z: float) -> float:
    return float(1 / (1 + np.exp(-z)))


def logistic_loss(w: float, b: float, x: float, y: float) -> float:
    """The cross-entropy of one example under logistic regression with one feature."""
    p = sigmoid(w * x + b)
    return float(-y * np.log(p) - (1 - y) * np.log(1 - p))


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def cross_entropy(z: np.ndarray, y: np.ndarray) -> float:
    """The loss of logits `z` against the one-hot label `y`."""
    return float(-(y * np.log(softmax(z))).sum())


def conv2d(image: np.ndarray, kernels: np.ndarray, *, stride: int, padding: int) -> np.ndarray:
    """Cross-correlate an H x W x C image with F kernels of shape K x K x C: the output is H' x W' x F."""
    size = kernels.shape[0]
    padded = np.pad(image, ((padding, padding), (padding, padding), (0, 0)))
    windows = sliding_window_view(padded, (size, size), axis=(0, 1))[::stride, ::stride]  # H' x W' x C x K x K
    return np.einsum("hwcij,ijcf->hwf", windows, kernels)


def mlp(sizes: list[int], rng: np.random.Generator) -> list[tuple[np.ndarray, np.ndarray]]:
    """Weights and biases of a fully connected network with these layer widths."""
    return [(rng.standard_normal((n_in, n_out)), np.zeros(n_out)) for n_in, n_out in zip(sizes, sizes[1:])]


def parameter_count(layers: list[tuple[np.ndarray, np.ndarray]]) -> int:
    return sum(weights.size + biases.size for weights, biases in layers)


def schoolbook_product(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, int]:
    """The matrix product by the definition, and how many scalar multiplications it took."""
    product, multiplications = np.zeros((a.shape[0], b.shape[1])), 0
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            for k in range(a.shape[1]):
                product[i, j] += a[i, k] * b[k, j]
                multiplications += 1
    return product, multiplications
