r"""Independent NumPy models of what the seed homeworks compute, written without reading the grader.

Every verdict of the adversarial corpus comes from these models: a candidate answer is turned into a NumPy
function of a model's quantities and compared with the true quantity (an adjoint from backprop, checked against
finite differences in test_models.py; a shape from a real convolution; a count from an instrumented loop; a
depth from a dependency DAG). Nothing here imports the grader or the bank.
"""

from __future__ import annotations

import math
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


# ---------------------------------------------------------------------------------------------------------------
# Convolutions: real (naive) cross-correlations, shapes read off the result, operations counted while computing
# ---------------------------------------------------------------------------------------------------------------
def conv2d(x, w, stride=(1, 1), padding=(0, 0), dilation=(1, 1)):
    """x: (C, H, W), w: (F, C, KH, KW). PyTorch semantics (dilation 1 = ordinary). Returns (out, mults, adds)."""
    C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (padding[0], padding[0]), (padding[1], padding[1])))
    eff_h, eff_w = dilation[0] * (KH - 1) + 1, dilation[1] * (KW - 1) + 1
    rows = [r for r in range(0, xp.shape[1] - eff_h + 1, stride[0])]
    cols = [c for c in range(0, xp.shape[2] - eff_w + 1, stride[1])]
    out = np.zeros((F, len(rows), len(cols)))
    mults = adds = 0
    for oi, r in enumerate(rows):
        for oj, c in enumerate(cols):
            patch = xp[:, r : r + eff_h : dilation[0], c : c + eff_w : dilation[1]]
            prods = patch[None] * w  # (F, C, KH, KW): one multiplication per element
            mults += prods.size
            adds += F * (prods[0].size - 1)  # summing n products takes n - 1 additions
            out[:, oi, oj] = prods.reshape(F, -1).sum(axis=1)
    return out, mults, adds


def conv1d_len(n, k, stride, padding, dilation=1):
    out, _, _ = conv2d(np.ones((1, 1, n)), np.ones((1, 1, 1, k)), (1, stride), (0, padding), (1, dilation))
    return out.shape[2]


def conv_param_count(c_in, c_out, kh, kw, bias=False):
    w = np.zeros((c_out, c_in, kh, kw))
    return w.size + (c_out if bias else 0)


# ---------------------------------------------------------------------------------------------------------------
# MDRNN, WaveNet, PixelCNN: weights, instrumented operation counts, connection counts, dependency depths
# ---------------------------------------------------------------------------------------------------------------
def mdrnn_weights(D, H):
    W_in, W_W, W_N = np.zeros((D, H)), np.zeros((H, H)), np.zeros((H, H))
    return W_in.size + W_W.size + W_N.size


def mdrnn_forward_ops(G, D, H, rng=None):
    """Runs the MDRNN on a G x G grid and counts multiplications, additions and activations as they happen."""
    rng = rng or np.random.default_rng(0)
    W_in, W_W, W_N = (rng.normal(size=s) for s in ((D, H), (H, H), (H, H)))
    x = rng.normal(size=(G, G, D))
    h = np.zeros((G + 1, G + 1, H))  # h[0, :], h[:, 0] are the zero boundary
    ops = 0
    for i in range(1, G + 1):
        for j in range(1, G + 1):
            total = np.zeros(H)
            for M, v in ((W_in, x[i - 1, j - 1]), (W_W, h[i - 1, j]), (W_N, h[i, j - 1])):
                total = total + M.T @ v
                ops += M.size + (M.shape[0] - 1) * M.shape[1]  # mat-vec: mults + adds
            ops += 2 * H  # adding three vectors
            h[i, j] = np.tanh(total)
            ops += H  # the non-linearity
    return ops


def mdrnn_ops_closed(G, D, H):
    return G * G * (D * H + (D - 1) * H + 2 * (H * H + (H - 1) * H) + 3 * H)


def grid_depth(G_rows, G_cols, layers=1):
    """Longest dependency chain of a stack of MDRNN layers: (l,i,j) needs (l,i-1,j), (l,i,j-1) and (l-1,i,j)."""
    lvl = np.zeros((layers + 1, G_rows + 1, G_cols + 1), dtype=int)
    for l in range(1, layers + 1):
        for i in range(1, G_rows + 1):
            for j in range(1, G_cols + 1):
                lvl[l, i, j] = 1 + max(lvl[l, i - 1, j], lvl[l, i, j - 1], lvl[l - 1, i, j])
    return int(lvl.max())


def grid_depth_closed(d, H, W):
    return d + H + W - 2


def wavenet_connections(d, k, T):
    """Each layer l (dilation 2^(l-1)) connects position t to t and t - 2^(l-1) (if it exists), k x k channels."""
    total = 0
    for l in range(1, d + 1):
        dil = 2 ** (l - 1)
        for t in range(T):
            taps = 1 + (t - dil >= 0)
            total += taps * k * k
    return total


def wavenet_connections_closed(d, k, T):
    # layer l has a second tap on the T - 2^(l-1) positions where it exists (l <= L): sum_l (T - 2^(l-1))
    L = min(d, (T - 1).bit_length()) if T > 1 else 0
    return k * k * (d * T + L * T - (2**L - 1))


def wavenet_depth(d, T):
    """Longest chain in the DAG of a stack of causal convolutions, all inputs known."""
    lvl = np.zeros((d + 1, T), dtype=int)
    for l in range(1, d + 1):
        dil = 2 ** (l - 1)
        for t in range(T):
            prev = [lvl[l - 1, t]] + ([lvl[l - 1, t - dil]] if t - dil >= 0 else [])
            lvl[l, t] = 1 + max(prev)
    return int(lvl.max())


PIXELCNN_OFFSETS = ((-1, -1), (-1, 0), (-1, 1), (0, -1))  # the 4 pixels above and to the left


def pixelcnn_connections(d, k, H, W):
    total = 0
    for _ in range(d):
        for i in range(H):
            for j in range(W):
                total += k * k * sum(0 <= i + di < H and 0 <= j + dj < W for di, dj in PIXELCNN_OFFSETS)
    return total


def pixelcnn_connections_closed(d, k, H, W):
    # per layer: the 4 offsets, each existing on (H - |di|) (W - |dj|) pixels
    return d * k * k * sum((H - abs(di)) * (W - abs(dj)) for di, dj in PIXELCNN_OFFSETS)


def pixelcnn_depth(d, H, W):
    """Layer l's pixels need only layer l-1's pixels (masked convolution, inputs known): one step per layer."""
    lvl = np.zeros((d + 1, H, W), dtype=int)
    for l in range(1, d + 1):
        for i in range(H):
            for j in range(W):
                nb = [lvl[l - 1, i + di, j + dj] for di, dj in PIXELCNN_OFFSETS if 0 <= i + di < H and 0 <= j + dj < W]
                lvl[l, i, j] = 1 + max(nb + [lvl[l - 1, i, j]])
    return int(lvl.max())


def mdrnn_stack_connections(d, k, H, W):
    return d * H * W * 3 * k * k


def mdrnn_stack_connections_counted(d, k, H, W):
    total = 0
    for _ in range(d):
        for i in range(H):
            for j in range(W):
                total += k * k  # W_in from the layer below
                total += k * k * (i > 0) + k * k * (j > 0)  # west and north neighbours, where they exist
    return total


def ilog(n: int) -> int:
    """log2 of a (huge) integer size, as an integer, so orders of growth stay exact integer arithmetic."""
    return max(1, int(n).bit_length())


def theta_equivalent(truth, candidate, variables, extra=(), scales=(8, 10**40, 10**200)) -> bool:
    """Same order of growth: truth/candidate stays within a bounded band as every subset of the sizes grows.

    Works on Python integers (exact, no overflow); letters in `extra` are not sizes of the question and get
    values of their own, independent of everything else. A bound off by a log factor moves the ratio by ~460x
    between the smallest and largest scale, a constant factor by at most ~10x.
    """
    names = tuple(variables) + tuple(extra)
    logs = []
    import itertools

    for combo in itertools.product(scales, repeat=len(names)):
        env = dict(zip(names, combo))
        t, c = truth(**{n: env[n] for n in variables}), candidate(**env)
        if not (isinstance(c, int | float) and c > 0) or (isinstance(c, float) and not math.isfinite(c)):
            return False
        logs.append(math.log(t) - math.log(c))
    return max(logs) - min(logs) < math.log(100)


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
    keeps = [s for s in ("first", "second") if np.allclose(block_jacobian(s, z, 0, lambda v: 0 * v + const), np.eye(4), atol=1e-6)]
    return keeps
