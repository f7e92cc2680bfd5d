"""Convolutions (cross-correlations) with stride, padding and dilation, computed on arrays, with operation counts."""

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


def output_size(size: int, kernel: int, *, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Output length along one axis: the dilated kernel spans dilation * (kernel - 1) + 1 inputs."""
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def input_sizes(output: int, kernel: int, *, stride: int = 1, padding: int = 0, dilation: int = 1,
                search: range = range(1, 1000)) -> list[int]:
    """Every input length that gives `output`, by trying each length of `search`."""
    return [n for n in search if output_size(n, kernel, stride=stride, padding=padding, dilation=dilation) == output]


@dataclass
class Counted:
    """A convolution's result with the scalar operations it took (no bias: products summed per output)."""

    output: np.ndarray
    multiplications: int
    additions: int


def convolve(x: np.ndarray, weights: np.ndarray, *, stride: int = 1, padding: int = 0, dilation: int = 1) -> Counted:
    """Cross-correlate x (C, *spatial) with weights (F, C, *kernel), as deep-learning layers do."""
    spatial = x.ndim - 1
    padded = np.pad(x, [(0, 0)] + [(padding, padding)] * spatial)
    kernel = weights.shape[2:]
    shape = [output_size(n, k, stride=stride, padding=padding, dilation=dilation)
             for n, k in zip(x.shape[1:], kernel, strict=True)]
    out = np.zeros((weights.shape[0], *shape))
    multiplications = additions = 0
    for position in itertools.product(*(range(n) for n in shape)):
        window = tuple(slice(p * stride, p * stride + dilation * (k - 1) + 1, dilation)
                       for p, k in zip(position, kernel, strict=True))
        patch = padded[(slice(None), *window)]
        for f in range(weights.shape[0]):
            products = patch * weights[f]
            out[(f, *position)] = products.sum()
            multiplications += products.size
            additions += products.size - 1
    return Counted(out, multiplications, additions)



def finite_difference(f: Callable[[np.ndarray], np.ndarray], at: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """d f / d at by central differences, shape f's shape + at's shape: the judge of the bank's derivatives of a
    convolution, independent of how they are computed."""
    columns = []
    for index in np.ndindex(at.shape):
        nudge = np.zeros_like(at)
        nudge[index] = eps
        columns.append((f(at + nudge) - f(at - nudge)) / (2 * eps))
    return np.stack(columns, axis=-1).reshape(*f(at).shape, *at.shape)
