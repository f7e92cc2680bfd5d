"""AttentionRNN(k) of NYU DL HW2: h[t] = sum_i a_i[t] v_i[t] over the input (i = 0) and the k previous states.

q_i, k_i, v_i = Q_i s_i, K_i s_i, V_i s_i with s_0 = x[t], s_i = h[t-i]; w_i = q_i . k_i; a = softargmax(w).
The step Jacobians and the backpropagated gradients are the reference formulas; finite differences check them.
"""

from dataclasses import dataclass

import numpy as np


def softargmax(w: np.ndarray) -> np.ndarray:
    e = np.exp(w - np.max(w))
    return e / e.sum()


@dataclass(frozen=True)
class Step:
    """The quantities of one step, index i = 0..k: the sources s_i and q_i, k_i, v_i, a_i, and h[t]."""

    sources: list[np.ndarray]
    q: list[np.ndarray]
    k: list[np.ndarray]
    v: list[np.ndarray]
    a: np.ndarray
    h: np.ndarray


@dataclass(frozen=True)
class AttentionRNN:
    queries: list[np.ndarray]   # Q_0 (p, n), Q_i (p, d)
    keys: list[np.ndarray]      # K_0 (p, n), K_i (p, d)
    values: list[np.ndarray]    # V_0 (d, n), V_i (d, d)

    @classmethod
    def random(cls, rng: np.random.Generator, lags: int, inputs: int, hidden: int, width: int) -> "AttentionRNN":
        def draw(rows: int) -> list[np.ndarray]:
            return [rng.normal(size=(rows, inputs if i == 0 else hidden)) / np.sqrt(hidden) for i in range(lags + 1)]
        return cls(draw(width), draw(width), draw(hidden))

    @property
    def lags(self) -> int:
        return len(self.queries) - 1

    def step(self, x: np.ndarray, previous: list[np.ndarray]) -> Step:
        """One step from x[t] and [h[t-1], ..., h[t-k]]."""
        sources = [x, *previous]
        q = [Q @ s for Q, s in zip(self.queries, sources, strict=True)]
        k = [K @ s for K, s in zip(self.keys, sources, strict=True)]
        v = [V @ s for V, s in zip(self.values, sources, strict=True)]
        a = softargmax(np.array([qi @ ki for qi, ki in zip(q, k, strict=True)]))
        return Step(sources, q, k, v, a, sum(ai * vi for ai, vi in zip(a, v, strict=True)))

    def run(self, xs: np.ndarray, initial: list[np.ndarray], nudge: tuple[int, np.ndarray] | None = None) -> list[Step]:
        """Steps 1..len(xs); h[0], h[-1], ... are `initial` (most recent first); `nudge` adds to one h[t]."""
        history = list(reversed(initial))   # h[1-k], ..., h[0]
        steps = []
        for t, x in enumerate(xs, start=1):
            step = self.step(x, history[::-1][: self.lags])
            h = step.h + (nudge[1] if nudge is not None and nudge[0] == t else 0)
            steps.append(Step(step.sources, step.q, step.k, step.v, step.a, h))
            history.append(h)
        return steps

    def jacobian(self, step: Step, lag: int) -> np.ndarray:
        """d h[t] / d h[t-lag] = a_j (V_j + (v_j - h[t]) (k_j^T Q_j + q_j^T K_j)), j = lag (numerator layout)."""
        j = lag
        score = step.k[j] @ self.queries[j] + step.q[j] @ self.keys[j]
        return step.a[j] * (self.values[j] + np.outer(step.v[j] - step.h, score))

    def total_gradients(self, steps: list[Step], upstream: np.ndarray) -> list[np.ndarray]:
        """The total gradient of loss = sum_t upstream[t-1] . h[t] at each h[t], t = 1..len(steps)."""
        bars = [np.zeros_like(steps[0].h) for _ in steps]
        for t in range(len(steps), 0, -1):
            bars[t - 1] = upstream[t - 1] + sum(
                (self.jacobian(steps[t + i - 1], i).T @ bars[t + i - 1] for i in range(1, self.lags + 1)
                 if t + i <= len(steps)), np.zeros_like(steps[0].h))
        return bars


def finite_difference_jacobian(model: AttentionRNN, x: np.ndarray, previous: list[np.ndarray], lag: int,
                               eps: float = 1e-6) -> np.ndarray:
    columns = []
    for index in range(len(previous[lag - 1])):
        nudge = np.zeros_like(previous[lag - 1])
        nudge[index] = eps
        ahead = [p + nudge if i == lag - 1 else p for i, p in enumerate(previous)]
        behind = [p - nudge if i == lag - 1 else p for i, p in enumerate(previous)]
        columns.append((model.step(x, ahead).h - model.step(x, behind).h) / (2 * eps))
    return np.stack(columns, axis=1)


def finite_difference_total_gradient(model: AttentionRNN, xs: np.ndarray, initial: list[np.ndarray],
                                     upstream: np.ndarray, step: int, eps: float = 1e-6) -> np.ndarray:
    def loss(nudge: np.ndarray) -> float:
        return float(sum(u @ s.h for u, s in zip(upstream, model.run(xs, initial, (step, nudge)), strict=True)))
    grad = np.zeros(upstream.shape[1])
    for index in range(len(grad)):
        nudge = np.zeros_like(grad)
        nudge[index] = eps
        grad[index] = (loss(nudge) - loss(-nudge)) / (2 * eps)
    return grad
