"""Batch normalisation of one feature over a batch of m examples, and its diagonal derivative dy_i/dx_i."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BatchNorm:
    gamma: float
    beta: float
    eps: float

    def __call__(self, x: np.ndarray) -> np.ndarray:
        mean, var = x.mean(), x.var()
        return self.gamma * (x - mean) / np.sqrt(var + self.eps) + self.beta

    def diagonal_derivative(self, x: np.ndarray, i: int) -> float:
        """d y_i / d x_i = gamma / sqrt(var + eps) * (1 - 1/m - (x_i - mean)^2 / (m (var + eps)))."""
        m, mean, var = len(x), x.mean(), x.var()
        return float(self.gamma / np.sqrt(var + self.eps) * (1 - 1 / m - (x[i] - mean) ** 2 / (m * (var + self.eps))))


def finite_difference_diagonal(layer: BatchNorm, x: np.ndarray, i: int, step: float = 1e-6) -> float:
    nudge = np.zeros_like(x)
    nudge[i] = step
    return float((layer(x + nudge)[i] - layer(x - nudge)[i]) / (2 * step))
