"""The matrix-valued parts of NYU HW2 1.2: options of `matrix_expr` and their sample points from NumPy models.

Sizes differ from each other (m = 4, n = 3; d = 4, p = 2, n = 3), so that a transpose or a swapped factor changes
the shape or the values. `*_samples(count, seed)` draw fresh points: the part's own (fixed seed) and the mutation
self-test's (another seed).
"""

from typing import Any

import numpy as np

from reference.matrix_notation import plain, steps
from reference.models.attention_rnn import AttentionRNN
from reference.models.gated_rnn import GatedRNN
from reference.models.lstm import sigmoid

GATED_SIZES = {"m": 4, "n": 3}
ATTENTION_SIZES = {"d": 4, "n": 3, "p": 2}
LAGS = (1, 2, 3, 4)


def _bold(name: str, script: str) -> list[str]:
    return [f"{name}_{{{script}}}", f"\\mathbf{{{name}}}_{{{script}}}", f"\\mathbf{{{name}_{{{script}}}}}"]


WEIGHTS = {f"W_{s}": _bold("W", s) for s in "chx"}
WEIGHT_SHAPES = {"W_c": ["m", "n"], "W_h": ["m", "m"], "W_x": ["m", "n"]}


# --- 1.2.1(c): the Jacobian of one step ------------------------------------------------------------------------------

def jacobian_cases(count: int, seed: int) -> list[tuple[GatedRNN, np.ndarray, np.ndarray]]:
    """(model, x_t, h_{t-1}) of fresh steps."""
    rng = np.random.default_rng(seed)
    return [(GatedRNN.random(rng, GATED_SIZES["n"], GATED_SIZES["m"]), rng.normal(size=GATED_SIZES["n"]),
             rng.normal(size=GATED_SIZES["m"])) for _ in range(count)]


def jacobian_samples(count: int, seed: int) -> list[dict[str, Any]]:
    return [{"W_c": plain(model.w_c), "W_h": plain(model.w_h), "W_x": plain(model.w_x), "x_t": plain(x),
             "h_tm1": plain(h), "c_t": plain(sigmoid(model.w_c @ x + model.w_h @ h))}
            for model, x, h in jacobian_cases(count, seed)]


def jacobian_options(samples: list[dict[str, Any]]) -> dict[str, Any]:
    return {"shapes": {**WEIGHT_SHAPES, "x_t": ["n"], "h_tm1": ["m"], "c_t": ["m"]},
            "symbols": {**WEIGHTS, "x_t": _bold("x", "t"), "h_tm1": _bold("h", "t-1"), "c_t": _bold("c", "t")},
            "sizes": GATED_SIZES, "samples": samples, "what": "the Jacobian",
            "dot_arguments": {"\\sigma": "W_c x_t + W_h h_{t-1}"}}  # issue 11's `D(\sigma'(\cdot))`: the gate's input


# --- 1.2.1(d): the weight gradient over runs of several lengths K ---------------------------------------------------

def weight_gradient_cases(count: int, seed: int) -> list[tuple[GatedRNN, np.ndarray, np.ndarray]]:
    """(model, inputs, direct upstream gradients) of runs of K = 2..7 steps."""
    rng = np.random.default_rng(seed)
    cases = []
    for index in range(count):
        length = 2 + index % 6
        model = GatedRNN.random(rng, GATED_SIZES["n"], GATED_SIZES["m"])
        cases.append((model, rng.normal(size=(length, GATED_SIZES["n"])), rng.normal(size=(length, GATED_SIZES["m"]))))
    return cases


def weight_gradient_samples(count: int, seed: int) -> list[dict[str, Any]]:
    return [{"K": len(xs), "W_c": plain(model.w_c), "W_h": plain(model.w_h), "W_x": plain(model.w_x),
             "x": steps(xs, first=1), "h": steps(model.run(xs)), "c": steps(model.gates(xs), first=1),
             "hbar": steps(model.total_gradients(xs, upstream), first=1)}
            for model, xs, upstream in weight_gradient_cases(count, seed)]


def weight_gradient_options(samples: list[dict[str, Any]]) -> dict[str, Any]:
    total = ["\\overline{h_{#}}", "\\bar{h}_{#}", "\\overline{h}_{#}", "\\nabla h_{#}",
             "\\frac{\\partial \\ell}{\\partial h_{#}}", "\\frac{\\partial \\ell}{\\partial \\mathbf{h}_{#}}"]
    return {"shapes": {**WEIGHT_SHAPES, "x": ["n"], "h": ["m"], "c": ["m"], "hbar": ["m"]},
            "symbols": WEIGHTS,
            "sequences": {"x": ["x_{#}", "\\mathbf{x}_{#}"], "h": ["h_{#}", "\\mathbf{h}_{#}"],
                          "c": ["c_{#}", "\\mathbf{c}_{#}"], "hbar": total},
            "sizes": GATED_SIZES, "samples": samples, "what": "the gradient"}


# --- 1.2.2(d): dh[t]/dh[t-1] of AttentionRNN(2) ---------------------------------------------------------------------

def _attention_model(rng: np.random.Generator, lags: int) -> AttentionRNN:
    return AttentionRNN.random(rng, lags, ATTENTION_SIZES["n"], ATTENTION_SIZES["d"], ATTENTION_SIZES["p"])


def attention_jacobian_cases(count: int, seed: int) -> list[tuple[AttentionRNN, np.ndarray, list[np.ndarray]]]:
    """(model, x[t], [h[t-1], h[t-2]]) of fresh steps of AttentionRNN(2)."""
    rng = np.random.default_rng(seed)
    return [(_attention_model(rng, 2), rng.normal(size=ATTENTION_SIZES["n"]),
             [rng.normal(size=ATTENTION_SIZES["d"]) for _ in range(2)]) for _ in range(count)]


def attention_jacobian_samples(count: int, seed: int) -> list[dict[str, Any]]:
    points = []
    for model, x, previous in attention_jacobian_cases(count, seed):
        step = model.step(x, previous)
        points.append({"x_t": plain(x), "h_tm1": plain(previous[0]), "h_tm2": plain(previous[1]), "h_t": plain(step.h),
                       "q": steps(step.q), "k": steps(step.k), "v": steps(step.v), "a": steps(step.a),
                       "Q": steps(model.queries), "K": steps(model.keys), "V": steps(model.values)})
    return points


def attention_jacobian_options(samples: list[dict[str, Any]]) -> dict[str, Any]:
    def head(letter: str) -> list[str]:
        return [f"{letter}_{{#}}[t]", f"{letter}_{{#}}"]
    return {"shapes": {"x_t": ["n"], "h_t": ["d"], "h_tm1": ["d"], "h_tm2": ["d"], "q": ["p"], "k": ["p"], "v": ["d"],
                       "a": [], "Q": ["p", "d"], "K": ["p", "d"], "V": ["d", "d"]},
            "symbols": {"x_t": ["x[t]", "x_t"], "h_t": ["h[t]", "h_t"], "h_tm1": ["h[t-1]", "h_{t-1}"],
                        "h_tm2": ["h[t-2]", "h_{t-2}"]},
            "sequences": {"q": head("q"), "k": head("k"), "v": head("v"), "a": head("a"),
                          "Q": ["Q_{#}"], "K": ["K_{#}"], "V": ["V_{#}"]},
            "sizes": ATTENTION_SIZES, "samples": samples, "what": "the Jacobian"}


# --- 1.2.2(e): the total gradient at h[T] of AttentionRNN(k) ---------------------------------------------------------

BACKPROP_STEP = 2  # the step T of the question: k later steps follow it, and one more


def attention_backprop_cases(count: int, seed: int) -> list[tuple[AttentionRNN, np.ndarray, list, np.ndarray]]:
    """(model, inputs, initial states, direct upstream gradients) of runs of AttentionRNN(k), k = 1..4."""
    rng = np.random.default_rng(seed)
    cases = []
    for index in range(count):
        lags = LAGS[index % len(LAGS)]
        model = _attention_model(rng, lags)
        xs = rng.normal(size=(BACKPROP_STEP + lags + 1, ATTENTION_SIZES["n"]))
        initial = [rng.normal(size=ATTENTION_SIZES["d"]) for _ in range(lags)]
        cases.append((model, xs, initial, rng.normal(size=(len(xs), ATTENTION_SIZES["d"]))))
    return cases


def attention_backprop_samples(count: int, seed: int) -> list[dict[str, Any]]:
    points, step = [], BACKPROP_STEP
    for model, xs, initial, upstream in attention_backprop_cases(count, seed):
        run = model.run(xs, initial)
        bars = model.total_gradients(run, upstream)
        points.append({"k": model.lags, "g_T": plain(upstream[step - 1]),
                       "J": [None, *(plain(model.jacobian(run[step + i - 1], i)) for i in range(1, model.lags + 1))],
                       "hbar": [plain(bars[step + i - 1]) for i in range(model.lags + 1)]})
    return points


def attention_backprop_options(samples: list[dict[str, Any]]) -> dict[str, Any]:
    total = ["\\overline{h[T+#]}", "\\bar{h}[T+#]", "\\nabla h[T+#]", "\\frac{\\partial \\ell}{\\partial h[T+#]}"]
    return {"shapes": {"g_T": ["d"], "J": ["d", "d"], "hbar": ["d"]},
            "symbols": {"g_T": ["g[T]", "g_T"], "hbar@0": ["\\overline{h[T]}", "\\frac{\\partial \\ell}{\\partial h[T]}"]},
            "sequences": {"J": ["J_{#}[T+#]", "\\frac{\\partial h[T+#]}{\\partial h[T]}"], "hbar": total},
            "sizes": ATTENTION_SIZES, "samples": samples, "what": "the gradient",
            "forbidden": {"hbar@0": "it is the unknown $\\overline{h[T]}$ itself"}}
