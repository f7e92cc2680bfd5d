"""The multidimensional RNN of CSC421 HW4 Q2: a G x G grid, input size D, hidden size H, no biases.

The forward pass counts its scalar operations as it runs, and the dependency grid gives the number of
parallel steps as its longest path.
"""

from dataclasses import dataclass

import numpy as np


@dataclass
class OperationCount:
    multiplications: int = 0
    additions: int = 0

    @property
    def total(self) -> int:
        return self.multiplications + self.additions


def _matvec(matrix: np.ndarray, vector: np.ndarray, count: OperationCount) -> np.ndarray:
    rows, cols = matrix.shape
    count.multiplications += rows * cols
    count.additions += rows * (cols - 1)
    return matrix @ vector


def forward(x: np.ndarray, w_in: np.ndarray, w_west: np.ndarray, w_north: np.ndarray) -> tuple[np.ndarray, OperationCount]:
    """Hidden activations h[i, j] for input x of shape (G, G, D), with every scalar operation counted."""
    grid, hidden = x.shape[0], w_in.shape[1]
    h = np.zeros((grid + 1, grid + 1, hidden))   # row/column 0 is the zero boundary
    count = OperationCount()
    for i in range(1, grid + 1):
        for j in range(1, grid + 1):
            total = _matvec(w_in.T, x[i - 1, j - 1], count)
            total = total + _matvec(w_west.T, h[i - 1, j], count)
            total = total + _matvec(w_north.T, h[i, j - 1], count)
            count.additions += 2 * hidden
            h[i, j] = np.tanh(total)
    return h[1:, 1:], count


def weight_count(inputs: int, hidden: int) -> int:
    """Number of entries of W_in (D x H), W_W and W_N (H x H each)."""
    shapes = [(inputs, hidden), (hidden, hidden), (hidden, hidden)]
    return sum(int(np.prod(shape)) for shape in shapes)


def parallel_steps(grid: int) -> int:
    """Length of the longest path of the dependency grid: h[i, j] needs h[i-1, j] and h[i, j-1], and each step
    computes every square whose inputs are ready."""
    level = np.zeros((grid + 1, grid + 1), dtype=int)
    for i, j in np.ndindex(grid, grid):
        level[i + 1, j + 1] = 1 + max(level[i, j + 1], level[i + 1, j])
    return int(level.max())
