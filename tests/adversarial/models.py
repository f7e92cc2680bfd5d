r"""Independent NumPy models of what the seed homeworks compute, written without reading the grader.

This module holds the recurrent models (the two LSTMs, the sutd cell) and the momentum map; `models_counts.py`
the convolutions, counts and dependency depths; `models_bounds.py` the gradient bounds, batch norm and the models
behind the yes/no questions.

Every verdict of the adversarial corpus comes from these models: a candidate answer is turned into a NumPy
function of a model's quantities and compared with the true quantity (an adjoint from backprop, checked against
finite differences in test_models.py; a shape from a real convolution; a count from an instrumented loop; a
depth from a dependency DAG). Nothing here imports the grader or the bank.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def dsigmoid(z):
    s = sigmoid(z)
    return s * (1.0 - s)


def dtanh(z):
    return 1.0 - np.tanh(z) ** 2


# ---------------------------------------------------------------------------------------------------------------
# csc421 hw4 Q1: univariate LSTM, i/f/o/g gates, loss L = sum_s a_s h_s + b_s h_s^2 (direct term dL/dh depends on h)
# ---------------------------------------------------------------------------------------------------------------
GATES = ("i", "f", "o", "g")


@dataclass
class LstmRun:
    """Arrays indexed by step 0..T (index 0 is the initial state; gates at 0 are unused)."""

    T: int
    w: dict[str, float]
    x: np.ndarray
    a: np.ndarray
    b: np.ndarray
    z: dict[str, np.ndarray] = field(default_factory=dict)
    v: dict[str, np.ndarray] = field(default_factory=dict)  # i f o g c h
    bar: dict[str, np.ndarray] = field(default_factory=dict)  # total adjoints
    dLdh: np.ndarray | None = None  # direct partial of the loss
    wbar: dict[str, float] = field(default_factory=dict)

    def __getattr__(self, name):  # r.h, r.c, r.i ... and r.bh, r.bc ...
        v = self.__dict__.get("v", {})
        if name in v:
            return v[name]
        bar = self.__dict__.get("bar", {})
        if name.startswith("b") and name[1:] in bar:
            return bar[name[1:]]
        raise AttributeError(name)


def lstm_forward(w, x, h0, c0, a, b, perturb=None):
    """Forward pass; `perturb=(node, t, eps)` adds eps to that node right after it is computed. Returns (L, values)."""
    T = len(x) - 1
    v = {k: np.zeros(T + 1) for k in ("i", "f", "o", "g", "c", "h")}
    z = {k: np.zeros(T + 1) for k in GATES}
    v["h"][0], v["c"][0] = h0, c0
    for t in range(1, T + 1):
        for k in GATES:
            z[k][t] = w[k + "x"] * x[t] + w[k + "h"] * v["h"][t - 1]
            v[k][t] = np.tanh(z[k][t]) if k == "g" else sigmoid(z[k][t])
            if perturb and perturb[0] == k and perturb[1] == t:
                v[k][t] += perturb[2]
        v["c"][t] = v["f"][t] * v["c"][t - 1] + v["i"][t] * v["g"][t]
        if perturb and perturb[0] == "c" and perturb[1] == t:
            v["c"][t] += perturb[2]
        v["h"][t] = v["o"][t] * np.tanh(v["c"][t])
        if perturb and perturb[0] == "h" and perturb[1] == t:
            v["h"][t] += perturb[2]
    L = float(np.sum(a[1:] * v["h"][1:] + b[1:] * v["h"][1:] ** 2))
    return L, v, z


def lstm_backprop(run: LstmRun) -> None:
    T, w, v, z = run.T, run.w, run.v, run.z
    bar = {k: np.zeros(T + 2) for k in ("h", "c", "i", "f", "o", "g")}
    run.dLdh = np.concatenate([[0.0], run.a[1:] + 2 * run.b[1:] * v["h"][1:]])
    for t in range(T, 0, -1):
        bh = run.dLdh[t]
        if t < T:
            bh += bar["i"][t + 1] * dsigmoid(z["i"][t + 1]) * w["ih"]
            bh += bar["f"][t + 1] * dsigmoid(z["f"][t + 1]) * w["fh"]
            bh += bar["o"][t + 1] * dsigmoid(z["o"][t + 1]) * w["oh"]
            bh += bar["g"][t + 1] * dtanh(z["g"][t + 1]) * w["gh"]
        bar["h"][t] = bh
        bc = bh * v["o"][t] * dtanh(v["c"][t])
        if t < T:
            bc += bar["c"][t + 1] * v["f"][t + 1]
        bar["c"][t] = bc
        bar["o"][t] = bh * np.tanh(v["c"][t])
        bar["f"][t] = bc * v["c"][t - 1]
        bar["i"][t] = bc * v["g"][t]
        bar["g"][t] = bc * v["i"][t]
    run.bar = {k: arr[: T + 1] for k, arr in bar.items()}
    for k in GATES:
        d = dtanh(z[k]) if k == "g" else dsigmoid(z[k])
        run.wbar[k + "x"] = float(np.sum(run.bar[k][1:] * d[1:] * run.x[1:]))
        run.wbar[k + "h"] = float(np.sum(run.bar[k][1:] * d[1:] * v["h"][:-1]))


def lstm_run(rng: np.random.Generator, T: int, h0: float | None = None, c0: float | None = None) -> LstmRun:
    w = {k + s: float(rng.uniform(-1.5, 1.5)) for k in GATES for s in ("x", "h")}
    x = np.concatenate([[0.0], rng.normal(size=T)])
    a = np.concatenate([[0.0], rng.normal(size=T)])
    b = np.concatenate([[0.0], rng.normal(size=T) * 0.5])
    h0 = float(rng.uniform(-0.9, 0.9)) if h0 is None else h0
    c0 = float(rng.uniform(-1.5, 1.5)) if c0 is None else c0
    _, v, z = lstm_forward(w, x, h0, c0, a, b)
    run = LstmRun(T=T, w=w, x=x, a=a, b=b, z=z, v=v)
    lstm_backprop(run)
    return run


def lstm_fd_adjoint(run: LstmRun, node: str, t: int, eps: float = 1e-6) -> float:
    """dL/d(node at t) by central differences, perturbing the node itself (what \\overline{node} means)."""
    h0, c0 = run.v["h"][0], run.v["c"][0]
    lp = lstm_forward(run.w, run.x, h0, c0, run.a, run.b, (node, t, eps))[0]
    lm = lstm_forward(run.w, run.x, h0, c0, run.a, run.b, (node, t, -eps))[0]
    return (lp - lm) / (2 * eps)


def lstm_fd_weight(run: LstmRun, name: str, eps: float = 1e-6) -> float:
    h0, c0 = run.v["h"][0], run.v["c"][0]
    wp, wm = dict(run.w), dict(run.w)
    wp[name] += eps
    wm[name] -= eps
    return (lstm_forward(wp, run.x, h0, c0, run.a, run.b)[0] - lstm_forward(wm, run.x, h0, c0, run.a, run.b)[0]) / (
        2 * eps
    )


# ---------------------------------------------------------------------------------------------------------------
# lstm-output-hw5: LSTM with biases and an output y_t = sigma(W^y h_t + W_0^y); loss L = sum_s gy_s * y_s
# ---------------------------------------------------------------------------------------------------------------
L5_GATES = ("f", "i", "o", "c")  # c is the candidate \tilde{C}


@dataclass
class Lstm5Run:
    T: int
    W: dict[str, float]
    X: np.ndarray
    gy: np.ndarray  # \nabla y_t (given)
    v: dict[str, np.ndarray] = field(default_factory=dict)  # f i o Ct C h y
    z: dict[str, np.ndarray] = field(default_factory=dict)
    g: dict[str, np.ndarray] = field(default_factory=dict)  # \nabla of f i o Ct C h
    gW: dict[str, float] = field(default_factory=dict)


def lstm5_forward(W, X, h0, C0, gy, perturb=None):
    T = len(X) - 1
    v = {k: np.zeros(T + 1) for k in ("f", "i", "o", "Ct", "C", "h", "y")}
    z = {k: np.zeros(T + 1) for k in L5_GATES}
    v["h"][0], v["C"][0] = h0, C0
    names = {"f": "f", "i": "i", "o": "o", "c": "Ct"}
    for t in range(1, T + 1):
        for k in L5_GATES:
            z[k][t] = W["h" + k] * v["h"][t - 1] + W["x" + k] * X[t] + W["0" + k]
            v[names[k]][t] = np.tanh(z[k][t]) if k == "c" else sigmoid(z[k][t])
            if perturb and perturb[0] == names[k] and perturb[1] == t:
                v[names[k]][t] += perturb[2]
        v["C"][t] = v["f"][t] * v["C"][t - 1] + v["i"][t] * v["Ct"][t]
        if perturb and perturb[0] == "C" and perturb[1] == t:
            v["C"][t] += perturb[2]
        v["h"][t] = v["o"][t] * np.tanh(v["C"][t])
        if perturb and perturb[0] == "h" and perturb[1] == t:
            v["h"][t] += perturb[2]
        v["y"][t] = sigmoid(W["y"] * v["h"][t] + W["0y"])
    return float(np.sum(gy[1:] * v["y"][1:])), v, z


def lstm5_backprop(run: Lstm5Run) -> None:
    T, W, v, z = run.T, run.W, run.v, run.z
    g = {k: np.zeros(T + 2) for k in ("f", "i", "o", "Ct", "C", "h")}
    for t in range(T, 0, -1):
        gh = W["y"] * v["y"][t] * (1 - v["y"][t]) * run.gy[t]
        if t < T:
            gh += W["hf"] * dsigmoid(z["f"][t + 1]) * g["f"][t + 1]
            gh += W["hi"] * dsigmoid(z["i"][t + 1]) * g["i"][t + 1]
            gh += W["ho"] * dsigmoid(z["o"][t + 1]) * g["o"][t + 1]
            gh += W["hc"] * dtanh(z["c"][t + 1]) * g["Ct"][t + 1]
        g["h"][t] = gh
        gC = gh * v["o"][t] * dtanh(v["C"][t])
        if t < T:
            gC += v["f"][t + 1] * g["C"][t + 1]
        g["C"][t] = gC
        g["o"][t] = gh * np.tanh(v["C"][t])
        g["f"][t] = gC * v["C"][t - 1]
        g["i"][t] = gC * v["Ct"][t]
        g["Ct"][t] = gC * v["i"][t]
    run.g = {k: arr[: T + 1] for k, arr in g.items()}
    run.gW["hi"] = float(np.sum(run.g["i"][1:] * dsigmoid(z["i"][1:]) * v["h"][:-1]))


def lstm5_run(rng: np.random.Generator, T: int, h0: float | None = None, C0: float | None = None) -> Lstm5Run:
    W = {p + k: float(rng.uniform(-1.5, 1.5)) for k in L5_GATES for p in ("h", "x", "0")}
    W["y"], W["0y"] = float(rng.uniform(-2, 2)), float(rng.uniform(-1, 1))
    X = np.concatenate([[0.0], rng.normal(size=T)])
    gy = np.concatenate([[0.0], rng.normal(size=T)])
    h0 = float(rng.uniform(-0.9, 0.9)) if h0 is None else h0
    C0 = float(rng.uniform(-1.5, 1.5)) if C0 is None else C0
    _, v, z = lstm5_forward(W, X, h0, C0, gy)
    run = Lstm5Run(T=T, W=W, X=X, gy=gy, v=v, z=z)
    lstm5_backprop(run)
    return run


def lstm5_fd(run: Lstm5Run, node: str, t: int, eps: float = 1e-6) -> float:
    h0, C0 = run.v["h"][0], run.v["C"][0]
    lp = lstm5_forward(run.W, run.X, h0, C0, run.gy, (node, t, eps))[0]
    lm = lstm5_forward(run.W, run.X, h0, C0, run.gy, (node, t, -eps))[0]
    return (lp - lm) / (2 * eps)


def lstm5_fd_weight(run: Lstm5Run, name: str, eps: float = 1e-6) -> float:
    h0, C0 = run.v["h"][0], run.v["C"][0]
    Wp, Wm = dict(run.W), dict(run.W)
    Wp[name] += eps
    Wm[name] -= eps
    return (lstm5_forward(Wp, run.X, h0, C0, run.gy)[0] - lstm5_forward(Wm, run.X, h0, C0, run.gy)[0]) / (2 * eps)


# ---------------------------------------------------------------------------------------------------------------
# sutd week 8: one LSTM cell (scalar for dh_t/dh_{t-1}, vector for the forget gate's components)
# ---------------------------------------------------------------------------------------------------------------
@dataclass
class SutdCell:
    W: dict[str, float]
    U: dict[str, float]
    x: float
    hp: float  # h_{t-1}
    cp: float  # c_{t-1}

    def step(self, hp=None):
        hp = self.hp if hp is None else hp
        z = {k: self.W[k] * self.x + self.U[k] * hp for k in "ifoc"}
        i, f, o, u = sigmoid(z["i"]), sigmoid(z["f"]), sigmoid(z["o"]), np.tanh(z["c"])
        c = f * self.cp + i * u
        return {"i": i, "f": f, "o": o, "u": u, "c": c, "h": o * np.tanh(c), "z": z}

    def partials(self):
        """d(gate)/dh_{t-1} of the four gates, analytically."""
        z = self.step()["z"]
        return {
            "i": dsigmoid(z["i"]) * self.U["i"],
            "f": dsigmoid(z["f"]) * self.U["f"],
            "o": dsigmoid(z["o"]) * self.U["o"],
            "u": dtanh(z["c"]) * self.U["c"],
        }

    def dh_dhprev_fd(self, eps=1e-6):
        return (self.step(self.hp + eps)["h"] - self.step(self.hp - eps)["h"]) / (2 * eps)


def sutd_cell(rng) -> SutdCell:
    return SutdCell(
        W={k: float(rng.uniform(-2, 2)) for k in "ifoc"},
        U={k: float(rng.uniform(-2, 2)) for k in "ifoc"},
        x=float(rng.normal()),
        hp=float(rng.uniform(-1, 1)),
        cp=float(rng.uniform(-2, 2)),
    )


def forget_gate(Wf, Uf, x, h):
    return sigmoid(Wf @ x + Uf @ h)


def forget_jacobian_fd(Wf, Uf, x, h, eps=1e-6):
    k = len(h)
    J = np.zeros((Uf.shape[0], k))
    for j in range(k):
        e = np.zeros(k)
        e[j] = eps
        J[:, j] = (forget_gate(Wf, Uf, x, h + e) - forget_gate(Wf, Uf, x, h - e)) / (2 * eps)
    return J


def unit_argmax_search(u, a, rng, n=20000):
    """Best of many random unit vectors h for sigma(a + u.h), then the closed form's value for comparison."""
    hs = rng.normal(size=(n, len(u)))
    hs /= np.linalg.norm(hs, axis=1, keepdims=True)
    vals = sigmoid(a + hs @ u)
    return hs[np.argmax(vals)], float(vals.max())


# ---------------------------------------------------------------------------------------------------------------
# csc421 hw4 Q3: gradient descent with momentum as a reversible map
# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Momentum:
    A: np.ndarray  # J(theta) = 0.5 theta^T A theta + sum sin(theta) + 0.1 (sum theta)^3
    alpha: float
    beta: float

    def J(self, th):
        return 0.5 * th @ self.A @ th + np.sum(np.sin(th)) + 0.1 * np.sum(th) ** 3

    def grad(self, th):
        return 0.5 * (self.A + self.A.T) @ th + np.cos(th) + 0.3 * np.sum(th) ** 2 * np.ones_like(th)

    def step(self, th, p):
        p1 = self.beta * p - self.alpha * self.grad(th)
        return th + p1, p1

    def hessian(self, th):
        D = len(th)
        return 0.5 * (self.A + self.A.T) - np.diag(np.sin(th)) + 0.6 * np.sum(th) * np.ones((D, D))

    def jacobian(self, th, p):
        """d(theta', p')/d(theta, p) by the chain rule; test_models checks it against finite differences."""
        D = len(th)
        dp = np.hstack([-self.alpha * self.hessian(th), self.beta * np.eye(D)])
        dth = np.hstack([np.eye(D), np.zeros((D, D))]) + dp
        return np.vstack([dth, dp])

    def jacobian_fd(self, th, p, eps=1e-6):
        D = len(th)
        s = np.concatenate([th, p])
        J = np.zeros((2 * D, 2 * D))
        for j in range(2 * D):
            e = np.zeros(2 * D)
            e[j] = eps
            plus = np.concatenate(self.step((s + e)[:D], (s + e)[D:]))
            minus = np.concatenate(self.step((s - e)[:D], (s - e)[D:]))
            J[:, j] = (plus - minus) / (2 * eps)
        return J


def momentum_model(rng, D) -> Momentum:
    A = rng.normal(size=(D, D))
    return Momentum(A=A, alpha=float(rng.uniform(0.05, 0.9)), beta=float(rng.uniform(0.2, 0.95)))
