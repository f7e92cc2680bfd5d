"""Small NumPy models of CSC413 HW4 Q1: chains of single-unit layers, a tanh RNN, and a residual layer's
Jacobian; the bounds of the bank are checked against them (and attained where the bound is tight)."""

from collections.abc import Callable, Sequence

import numpy as np

from reference.models.lstm import sigmoid

Function = Callable[[np.ndarray | float], np.ndarray | float]
ACTIVATIONS: dict[str, tuple[Function, Function]] = {
    "sigmoid": (sigmoid, lambda a: sigmoid(a) * (1 - sigmoid(a))),
    "tanh": (np.tanh, lambda a: 1 - np.tanh(a) ** 2),
}


def chain(x: float, biases: np.ndarray, activation: str) -> float:
    """f(x) for n single-unit layers with weights 1: a_1 = x + b_1, a_k = phi(a_{k-1}) + b_k, f = phi(a_n)."""
    phi, _ = ACTIVATIONS[activation]
    a = x + biases[0]
    for bias in biases[1:]:
        a = phi(a) + bias
    return float(phi(a))


def chain_slope(x: float, biases: np.ndarray, activation: str) -> float:
    """df/dx by the chain rule: the product of phi'(a_k) over the n layers."""
    phi, slope = ACTIVATIONS[activation]
    a = x + biases[0]
    product: np.ndarray | float = 1.0
    for bias in biases[1:]:
        product *= slope(a)
        a = phi(a) + bias
    return float(product * slope(a))


def rnn_jacobian(weights: np.ndarray, x1: np.ndarray, steps: int) -> np.ndarray:
    """d x_n / d x_1 for x_{t+1} = tanh(W x_t): the product of the layer Jacobians diag(1 - tanh^2(W x_t)) W."""
    x, product = x1, np.eye(len(x1))
    for _ in range(steps - 1):
        pre = weights @ x
        product = np.diag(1 - np.tanh(pre) ** 2) @ weights @ product
        x = np.tanh(pre)
    return product


def rnn_output(weights: np.ndarray, x1: np.ndarray, steps: int) -> np.ndarray:
    x = x1
    for _ in range(steps - 1):
        x = np.tanh(weights @ x)
    return x


def with_singular_values(rng: np.random.Generator, values: np.ndarray) -> np.ndarray:
    """A random square matrix whose singular values are `values`."""
    size = len(values)
    left, _ = np.linalg.qr(rng.normal(size=(size, size)))
    right, _ = np.linalg.qr(rng.normal(size=(size, size)))
    return left @ np.diag(values) @ right.T


Offsets = Sequence[tuple[int, ...]]
Below = Callable[[int], Offsets]
# Which units of the layer below (offsets from the unit's own position) feed a unit, per architecture.
def wavenet_below(layer: int) -> Offsets:
    return [(0,), (-(2**layer),)]   # filter width 2, dilation 2^layer


def pixelcnn_below(layer: int) -> Offsets:
    return [(-1, -1), (-1, 0), (-1, 1), (0, -1)]   # masked 3x3: the pixels above and to the left


def mdrnn_below(layer: int) -> Offsets:
    return [(0, 0)]


MDRNN_WITHIN: Offsets = [(-1, 0), (0, -1)]


def _inside(position: tuple[int, ...], shape: tuple[int, ...]) -> bool:
    return all(0 <= p < n for p, n in zip(position, shape, strict=True))


def _shift(position: tuple[int, ...], offset: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(p + o for p, o in zip(position, offset, strict=True))


def connections(shape: tuple[int, ...], layers: int, channels: int, below: Below, within: Offsets = ()) -> int:
    """Weights used, counted unit by unit: k x k channel pairs for every source unit inside the input."""
    total = 0
    for layer in range(layers):
        for position in np.ndindex(*shape):
            sources = [_shift(position, o) for o in [*below(layer), *within]]
            total += channels**2 * sum(_inside(s, shape) for s in sources)
    return total


def sequential_steps(shape: tuple[int, ...], layers: int, below: Below, within: Offsets = ()) -> int:
    """Longest path of the dependency graph: a unit is computed one step after the last of its inputs."""
    level: dict[tuple[int, ...], int] = {}
    for layer in range(layers):
        for position in np.ndindex(*shape):   # raster order: in-layer inputs (up, left) come first
            lower = [_shift(position, o) for o in below(layer)] if layer > 0 else []
            same = [_shift(position, o) for o in within]
            inputs = [level[(layer - 1, *s)] for s in lower if _inside(s, shape)]
            inputs += [level[(layer, *s)] for s in same if _inside(s, shape)]
            level[(layer, *position)] = 1 + max(inputs, default=0)
    return max(level.values())
