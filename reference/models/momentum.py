"""Gradient descent with momentum as a map s = (theta, p) -> f(s), its inverse, and its Jacobian by finite differences."""

from collections.abc import Callable

import numpy as np

Gradient = Callable[[np.ndarray], np.ndarray]


def step(theta: np.ndarray, p: np.ndarray, grad: Gradient, alpha: float, beta: float) -> tuple[np.ndarray, np.ndarray]:
    p_next = beta * p - alpha * grad(theta)
    return theta + p_next, p_next


def inverse_step(theta_next: np.ndarray, p_next: np.ndarray, grad: Gradient, alpha: float,
                 beta: float) -> tuple[np.ndarray, np.ndarray]:
    """Undo `step`: theta comes back first, then the velocity from the gradient at the recovered theta."""
    theta = theta_next - p_next
    return theta, (p_next + alpha * grad(theta)) / beta


def jacobian_by_finite_difference(theta: np.ndarray, p: np.ndarray, grad: Gradient, alpha: float, beta: float,
                                  eps: float = 1e-6) -> np.ndarray:
    """d f(s) / d s for s = (theta, p), by central differences, as a 2D x 2D matrix."""
    state = np.concatenate([theta, p])
    size = len(theta)

    def f(s: np.ndarray) -> np.ndarray:
        return np.concatenate(step(s[:size], s[size:], grad, alpha, beta))
    columns = []
    for k in range(len(state)):
        nudge = np.zeros_like(state)
        nudge[k] = eps
        columns.append((f(state + nudge) - f(state - nudge)) / (2 * eps))
    return np.stack(columns, axis=1)
