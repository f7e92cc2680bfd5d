"""Models for the bound, batch-norm and yes/no questions: deep sigmoid/tanh chains and their suprema, the tanh RNN
Jacobian, residual layers' singular values, batch norm, the LSTM dependency graph and the residual/BN placement."""

from __future__ import annotations

import numpy as np

from tests.adversarial.models import dsigmoid, dtanh, sigmoid


# ---------------------------------------------------------------------------------------------------------------
# Batch norm, sigmoid, deep chains, residual layers
# ---------------------------------------------------------------------------------------------------------------
def batchnorm(x, gamma, beta, eps):
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def batchnorm_dyi_dxi_fd(x, i, gamma, eps, h=1e-6):
    e = np.zeros_like(x)
    e[i] = h
    return (batchnorm(x + e, gamma, 0.0, eps)[i] - batchnorm(x - e, gamma, 0.0, eps)[i]) / (2 * h)


def chain_derivative(x, biases, act):
    """d f / d x of x -> act(x + b_1) -> act(. + b_2) ... with all weights 1 (the 1.1 networks), exact chain rule."""
    d, a = 1.0, x
    for b in biases:
        z = a + b
        if act == "sigmoid":
            d *= dsigmoid(z)
            a = sigmoid(z)
        else:
            d *= dtanh(z)
            a = np.tanh(z)
    return d


def chain_sup(n, act):
    """The supremum over inputs and biases: biases chosen so that every pre-activation is 0 (the maximiser of
    sigma' and tanh'), which attains the per-layer maximum at every layer at once."""
    x, biases, a = 0.3, [], 0.3
    for _ in range(n):
        biases.append(-a)
        a = sigmoid(0.0) if act == "sigmoid" else np.tanh(0.0)
    return chain_derivative(x, biases, act)


def tanh_rnn_jacobian(W, x1, n):
    J, x = np.eye(len(x1)), x1
    for _ in range(n - 1):
        z = W @ x
        J = (np.diag(dtanh(z)) @ W) @ J
        x = np.tanh(z)
    return J


def tanh_rnn_sup(n, dim=3):
    """W = I/2 (sigma_max = 1/2) and x_1 = 0 keep tanh' = 1 at every layer."""
    return float(np.linalg.svd(tanh_rnn_jacobian(0.5 * np.eye(dim), np.zeros(dim), n), compute_uv=False)[0])


def residual_extreme_singular(sigma, which, n=4):
    """sigma_min(I + A) with sigma_max(A) = sigma_small, or sigma_max(I + A) with sigma_max(A) = sigma_big,
    at the A that attains the worst case (A = -sigma I)."""
    s = np.linalg.svd(np.eye(n) - sigma * np.eye(n), compute_uv=False)
    return float(s.min() if which == "min" else s.max())


# ---------------------------------------------------------------------------------------------------------------
# Yes/no and which-one questions, decided on the models
# ---------------------------------------------------------------------------------------------------------------
LSTM_PARENTS = {  # node at step t -> nodes it is computed from (name, step offset)
    "i": (("x", 0), ("h", -1)),
    "f": (("x", 0), ("h", -1)),
    "o": (("x", 0), ("h", -1)),
    "u": (("x", 0), ("h", -1)),
    "c": (("f", 0), ("c", -1), ("i", 0), ("u", 0)),
    "h": (("o", 0), ("c", 0)),
    "x": (),
}


def lstm_depends_on(node, t, target, target_t, t_min=0):
    """Is (target, target_t) an ancestor of (node, t) in the LSTM's computation graph?"""
    stack, seen = [(node, t)], set()
    while stack:
        n, s = stack.pop()
        if (n, s) == (target, target_t):
            return True
        if (n, s) in seen or s <= t_min:
            continue
        seen.add((n, s))
        stack.extend((p, s + off) for p, off in LSTM_PARENTS[n])
    return False


def forget_argmax_and_max(u, a):
    """Closed-form maximiser of sigma(a + u.h) over unit h (checked against random search in the tests)."""
    h = u / np.linalg.norm(u)
    return h, float(sigmoid(a + u @ h))


def residual_fixes(rng, n=6):
    """Which problem do the 1.2.2 bounds fix? Vanishing is fixed if sigma_min(I + A) stays near 1 for every small A;
    exploding is fixed only if sigma_max(I + A) is bounded for large A, which it is not."""
    small = [np.linalg.svd(np.eye(n) + 0.05 * _unit_spectral(rng, n), compute_uv=False).min() for _ in range(200)]
    big = [np.linalg.svd(np.eye(n) + s * _unit_spectral(rng, n), compute_uv=False).max() for s in (10, 100, 1000)]
    vanishing_fixed = min(small) >= 0.95
    exploding_fixed = max(big) < 10
    return {(True, False): "vanishing only", (False, True): "exploding only", (True, True): "both"}.get(
        (vanishing_fixed, exploding_fixed), "neither"
    )


def _unit_spectral(rng, n):
    A = rng.normal(size=(n, n))
    return A / np.linalg.svd(A, compute_uv=False)[0]


def block_jacobian(setting, z_batch, i, branch, eps=1e-6):
    """d z_{t+1}[i] / d z_t[i] for one sample of a batch, BN per feature over the batch, branch f given."""

    def bn(v):
        return (v - v.mean(axis=0)) / np.sqrt(v.var(axis=0) + 1e-5)

    def block(zb):
        return bn(zb + branch(zb)) if setting == "first" else zb + bn(branch(zb))

    n = z_batch.shape[1]
    J = np.zeros((n, n))
    for j in range(n):
        e = np.zeros_like(z_batch)
        e[i, j] = eps
        J[:, j] = (block(z_batch + e)[i] - block(z_batch - e)[i]) / (2 * eps)
    return J


def setting_with_identity_path(rng):
    """The setting whose block Jacobian is exactly I when the residual branch contributes nothing
    (a branch with zero Jacobian): that setting keeps the residual connection's identity path."""
    z = rng.normal(size=(16, 4)) * 3 + 2
    const = rng.normal(size=4)
    keeps = [
        s
        for s in ("first", "second")
        if np.allclose(block_jacobian(s, z, 0, lambda v: 0 * v + const), np.eye(4), atol=1e-6)
    ]
    return keeps
