"""The gated RNN of NYU DL HW2: c_t = sigma(W_c x_t + W_h h_{t-1}), h_t = c_t * h_{t-1} + (1 - c_t) * W_x x_t.

The Jacobian and the weight gradient are the reference formulas; finite differences check them.
"""

from dataclasses import dataclass

import numpy as np

from reference.models.lstm import sigmoid


@dataclass(frozen=True)
class GatedRNN:
    w_c: np.ndarray   # (m, n)
    w_h: np.ndarray   # (m, m)
    w_x: np.ndarray   # (m, n)

    @classmethod
    def random(cls, rng: np.random.Generator, inputs: int, hidden: int) -> "GatedRNN":
        return cls(rng.normal(size=(hidden, inputs)), rng.normal(size=(hidden, hidden)) / np.sqrt(hidden),
                   rng.normal(size=(hidden, inputs)))

    def step(self, x: np.ndarray, h_prev: np.ndarray) -> np.ndarray:
        c = sigmoid(self.w_c @ x + self.w_h @ h_prev)
        return c * h_prev + (1 - c) * (self.w_x @ x)

    def run(self, xs: np.ndarray) -> np.ndarray:
        """Hidden states h_0 = 0, h_1, ..., h_K for inputs xs of shape (K, n)."""
        hs = [np.zeros(self.w_h.shape[0])]
        for x in xs:
            hs.append(self.step(x, hs[-1]))
        return np.array(hs)

    def jacobian(self, x: np.ndarray, h_prev: np.ndarray) -> np.ndarray:
        """d h_t / d h_{t-1} = D(c_t) + D(h_{t-1} - W_x x_t) D(c_t (1 - c_t)) W_h."""
        c = sigmoid(self.w_c @ x + self.w_h @ h_prev)
        return np.diag(c) + np.diag((h_prev - self.w_x @ x) * c * (1 - c)) @ self.w_h

    def gates(self, xs: np.ndarray) -> np.ndarray:
        """c_1, ..., c_K of a run (rows)."""
        hs = self.run(xs)
        return np.array([sigmoid(self.w_c @ x + self.w_h @ h) for x, h in zip(xs, hs[:-1], strict=True)])

    def total_gradients(self, xs: np.ndarray, upstream: np.ndarray) -> np.ndarray:
        """d loss / d h_t (every path) for loss = sum_t upstream[t-1] . h_t, t = 1..K (rows), by backprop."""
        hs = self.run(xs)
        bars = np.zeros_like(upstream)
        carried = np.zeros(self.w_h.shape[0])
        for t in range(len(xs), 0, -1):
            bars[t - 1] = upstream[t - 1] + carried
            carried = self.jacobian(xs[t - 1], hs[t - 1]).T @ bars[t - 1]
        return bars

    def input_weight_gradient(self, xs: np.ndarray, upstream: np.ndarray) -> np.ndarray:
        """d loss / d W_x for loss = sum_t upstream[t-1] . h_t: sum_t (h-bar_t * (1 - c_t)) x_t^T."""
        bars, gates = self.total_gradients(xs, upstream), self.gates(xs)
        return sum((np.outer(bar * (1 - c), x) for bar, c, x in zip(bars, gates, xs, strict=True)),
                   np.zeros_like(self.w_x))


def finite_difference_jacobian(model: GatedRNN, x: np.ndarray, h_prev: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    columns = []
    for k in range(len(h_prev)):
        nudge = np.zeros_like(h_prev)
        nudge[k] = eps
        columns.append((model.step(x, h_prev + nudge) - model.step(x, h_prev - nudge)) / (2 * eps))
    return np.stack(columns, axis=1)


def finite_difference_input_weight_gradient(model: GatedRNN, xs: np.ndarray, upstream: np.ndarray,
                                            eps: float = 1e-6) -> np.ndarray:
    def loss(w_x: np.ndarray) -> float:
        return float(np.sum(upstream * GatedRNN(model.w_c, model.w_h, w_x).run(xs)[1:]))
    grad = np.zeros_like(model.w_x)
    for index in np.ndindex(model.w_x.shape):
        nudge = np.zeros_like(model.w_x)
        nudge[index] = eps
        grad[index] = (loss(model.w_x + nudge) - loss(model.w_x - nudge)) / (2 * eps)
    return grad
