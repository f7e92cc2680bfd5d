"""A univariate LSTM: forward pass, backprop through time, and finite differences of its loss.

The loss is `sum_t u_t * y_t`, where `y_t = h_t` (CSC421 HW4, the gradient arriving at h_t from outside
the recurrence is `u_t`) or `y_t = sigma(w_y h_t + b_y)` (the LSTM-with-output homework, `u_t` is
`nabla y_t`). Any quantity can be nudged after it is computed, so that the finite difference of the loss
gives its adjoint directly: that is what the BPTT formulas of the bank are checked against.
"""

from dataclasses import dataclass, field

import numpy as np

GATES = ("i", "f", "o", "g")
STATES = ("h", "c", *GATES)


def sigmoid(z: np.ndarray | float) -> np.ndarray | float:
    return 1.0 / (1.0 + np.exp(-z))


@dataclass(frozen=True)
class LSTM:
    w_x: dict[str, float]
    w_h: dict[str, float]
    bias: dict[str, float] = field(default_factory=lambda: dict.fromkeys(GATES, 0.0))
    readout: tuple[float, float] | None = None   # (w_y, b_y) for y_t = sigma(w_y h_t + b_y)

    @classmethod
    def random(cls, rng: np.random.Generator, *, biases: bool = False, readout: bool = False) -> "LSTM":
        def draw() -> dict[str, float]:
            return {gate: float(rng.normal()) for gate in GATES}
        return cls(w_x=draw(), w_h=draw(), bias=draw() if biases else dict.fromkeys(GATES, 0.0),
                   readout=(float(rng.normal()), float(rng.normal())) if readout else None)


@dataclass(frozen=True)
class Nudge:
    name: str
    step: int
    amount: float


def _activate(gate: str, z: float) -> float:
    return float(np.tanh(z)) if gate == "g" else float(sigmoid(z))


Initial = tuple[float, float]   # (h_0, c_0)


def forward(model: LSTM, x: np.ndarray, nudge: Nudge | None = None, initial: Initial = (0.0, 0.0)) -> dict[str, np.ndarray]:
    """Every quantity at steps 0..T (step 0 holds the initial state h_0, c_0); x[t-1] is the input at step t."""
    steps = len(x)
    trace = {name: np.zeros(steps + 1) for name in (*STATES, "x", "y")}
    trace["x"][1:] = x
    trace["h"][0], trace["c"][0] = initial

    def put(name: str, t: int, value: float) -> None:
        trace[name][t] = value + (nudge.amount if nudge and (nudge.name, nudge.step) == (name, t) else 0.0)

    for t in range(1, steps + 1):
        for gate in GATES:
            z = model.w_x[gate] * x[t - 1] + model.w_h[gate] * trace["h"][t - 1] + model.bias[gate]
            put(gate, t, _activate(gate, z))
        put("c", t, trace["f"][t] * trace["c"][t - 1] + trace["i"][t] * trace["g"][t])
        put("h", t, trace["o"][t] * np.tanh(trace["c"][t]))
        if model.readout is not None:
            w_y, b_y = model.readout
            put("y", t, float(sigmoid(w_y * trace["h"][t] + b_y)))
        else:
            put("y", t, trace["h"][t])
    return trace


def loss(model: LSTM, x: np.ndarray, upstream: np.ndarray, nudge: Nudge | None = None,
         initial: Initial = (0.0, 0.0)) -> float:
    return float(np.dot(upstream, forward(model, x, nudge, initial)["y"][1:]))


def gate_slope(gate: str, value: np.ndarray | float) -> np.ndarray | float:
    """d gate / d pre-activation, written with the gate's own value."""
    return 1 - value**2 if gate == "g" else value * (1 - value)


def backward(model: LSTM, trace: dict[str, np.ndarray], upstream: np.ndarray) -> dict[str, np.ndarray]:
    """The BPTT equations: adjoints of h, c and the gates at steps 1..T, and of every weight."""
    steps = len(upstream)
    bars = {name: np.zeros(steps + 2) for name in STATES}
    for t in range(steps, 0, -1):
        direct = upstream[t - 1]
        if model.readout is not None:
            direct *= model.readout[0] * trace["y"][t] * (1 - trace["y"][t])
        recurrent = sum(model.w_h[g] * gate_slope(g, trace[g][t + 1]) * bars[g][t + 1] for g in GATES) if t < steps else 0.0
        bars["h"][t] = direct + recurrent
        carried = bars["c"][t + 1] * trace["f"][t + 1] if t < steps else 0.0
        bars["c"][t] = bars["h"][t] * trace["o"][t] * (1 - np.tanh(trace["c"][t]) ** 2) + carried
        bars["g"][t] = bars["c"][t] * trace["i"][t]
        bars["o"][t] = bars["h"][t] * np.tanh(trace["c"][t])
        bars["f"][t] = bars["c"][t] * trace["c"][t - 1]
        bars["i"][t] = bars["c"][t] * trace["g"][t]
    for gate in GATES:
        slope = gate_slope(gate, trace[gate][1:]) * bars[gate][1:steps + 1]
        bars[f"w_{gate}x"] = np.array(np.dot(slope, trace["x"][1:]))
        bars[f"w_{gate}h"] = np.array(np.dot(slope, trace["h"][:-1]))
    return bars


def adjoint_by_finite_difference(model: LSTM, x: np.ndarray, upstream: np.ndarray, name: str, step: int,
                                 eps: float = 1e-6, initial: Initial = (0.0, 0.0)) -> float:
    """d loss / d (quantity `name` at `step`), by a central difference of a nudged forward pass."""
    ahead = loss(model, x, upstream, Nudge(name, step, eps), initial)
    behind = loss(model, x, upstream, Nudge(name, step, -eps), initial)
    return (ahead - behind) / (2 * eps)


def weight_gradient_by_finite_difference(model: LSTM, x: np.ndarray, upstream: np.ndarray, gate: str, source: str,
                                         eps: float = 1e-6, initial: Initial = (0.0, 0.0)) -> float:
    """d loss / d w_{gate source} (source "x" or "h"), by a central difference."""
    table = model.w_x if source == "x" else model.w_h

    def shifted(delta: float) -> LSTM:
        weights = {**table, gate: table[gate] + delta}
        return LSTM(w_x=weights if source == "x" else model.w_x, w_h=weights if source == "h" else model.w_h,
                    bias=model.bias, readout=model.readout)
    return (loss(shifted(eps), x, upstream, initial=initial) - loss(shifted(-eps), x, upstream, initial=initial)) / (2 * eps)


@dataclass(frozen=True)
class Run:
    model: LSTM
    x: np.ndarray
    upstream: np.ndarray
    trace: dict[str, np.ndarray]
    bars: dict[str, np.ndarray]
    t: int                       # the step that plays the question's general `t` in this run
    initial: Initial = (0.0, 0.0)


# `t` is at least this far from either end, so that t-2 and t+2 are real steps: a formula that drops the carry
# through c(t+2), or the f c(t-2) of the cell two steps back, changes the value.
MARGIN = 2


def runs(count: int, steps: int, *, seed: int, biases: bool = False, readout: bool = False,
         random_initial_state: bool = False) -> list[Run]:
    """`count` independent runs (one per sample row) with a fixed seed.

    Each run draws its own model, inputs, upstream gradients, `t` (MARGIN steps from either end when the run is
    long enough, else its middle step) and, if asked, a non-zero initial state: with a zero state and a fixed `t`,
    `c^{(2)}` and `c^{(t)}` would be the same number and `+ h_0` would change nothing.
    """
    rng = np.random.default_rng(seed)
    margin = min(MARGIN, (steps - 1) // 2)
    result = []
    for _ in range(count):
        model = LSTM.random(rng, biases=biases, readout=readout)
        x, upstream = rng.normal(size=steps), rng.normal(size=steps)
        initial = (float(rng.normal()), float(rng.normal())) if random_initial_state else (0.0, 0.0)
        t = int(rng.integers(1 + margin, steps - margin + 1))
        trace = forward(model, x, initial=initial)
        result.append(Run(model, x, upstream, trace, backward(model, trace, upstream), t, initial))
    return result
