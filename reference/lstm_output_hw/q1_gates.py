"""Q1 Gradients of h_t, C_t and the three gates of a univariate LSTM with a sigmoid output y_t, at a step t < T."""

from functools import partial

import numpy as np
import sympy as sp

from reference.lstm_notation import (
    C_BAR,
    COMPUTED_FROM,
    GATE_BARS,
    GENERAL_STEPS,
    RECURRENT_H,
    RELATIVE,
    absolute,
    adjoints,
    at,
    partials,
    slope_at,
    states,
    upstream,
    weights,
)
from reference.models.lstm import GATES, Run, runs
from reference.part import KnownMistake, Part, PartMaker
from reference.vocabulary import Notation, Sampling, asked_for, computed_from, unevaluated

SPELLING = {"x": ("X", "x"), "h": ("h",), "c": ("C", "c"), "g": ("\\tilde{C}", "\\tilde{c}", "\\tilde C"),
            "i": ("i",), "f": ("f",), "o": ("o",), "y": ("y",)}
_LETTER = {"i": "i", "f": "f", "o": "o", "g": "c"}   # the seed writes W^{hc}, W^{xc}, W_0^c for the candidate memory
WEIGHT_SPELLING = {
    **{f"w_{g}{s}": [f"W^{{{s}{_LETTER[g]}}}", f"w^{{{s}{_LETTER[g]}}}", f"w_t^{{{s}{_LETTER[g]}}}"] for g in GATES for s in "xh"},
    **{f"b_{g}": [f"W_0^{_LETTER[g]}", f"w_0^{_LETTER[g]}", f"W_0^{{{_LETTER[g]}}}"] for g in GATES},
    "w_y": ["W^y", "w^y", "W^{y}", "w^{y}"], "b_y": ["W_0^y", "w_0^y", "W_0^{y}"],
}
WEIGHT_VALUES = {n.name: n.value for n in weights(WEIGHT_SPELLING)}


def _readout_slope(run: Run) -> float:
    assert run.model.readout is not None, "the model of this homework reads y_t out of h_t"
    return run.model.readout[0] * at(run, "y", 0) * (1 - at(run, "y", 0))


def _gate_slope_through_h(gate: str, run: Run) -> float:
    return run.model.w_h[gate] * slope_at(run, gate, 1)


PARTIALS = partials({
    "dy_dh": (["\\frac{\\partial y_t}{\\partial h_t}"], _readout_slope),
    **{f"d{g}_dh": ([f"\\frac{{\\partial {SPELLING[g][0]}_{{t+1}}}}{{\\partial h_t}}"], partial(_gate_slope_through_h, g))
       for g in GATES},
    "dh_dc": (["\\frac{\\partial h_t}{\\partial C_t}"], lambda r: at(r, "o", 0) * (1 - np.tanh(at(r, "c", 0)) ** 2)),
    "dc_dc": (["\\frac{\\partial C_{t+1}}{\\partial C_t}"], lambda r: at(r, "f", 1)),
    "dh_do": (["\\frac{\\partial h_t}{\\partial o_t}"], lambda r: np.tanh(at(r, "c", 0))),
    "dc_df": (["\\frac{\\partial c_t}{\\partial f_t}", "\\frac{\\partial C_t}{\\partial f_t}"], lambda r: at(r, "c", -1)),
    "dc_di": (["\\frac{\\partial c_t}{\\partial i_t}", "\\frac{\\partial C_t}{\\partial i_t}"], lambda r: at(r, "g", 0)),
})


def notation(steps: int, relative: tuple[int, ...]) -> list[Notation]:
    """The question's symbols over runs of `steps` steps: absolute steps always; steps around `t`, the gradient
    arriving at y_t and the local partials (so that an answer leaving them unevaluated can be told so) if asked."""
    around = [*upstream(["\\nabla y_{t}", "\\nabla y^{({t})}", "\\nabla y_t"], (0,)), *PARTIALS] if relative else []
    return [
        *states(SPELLING, (*relative, *absolute(1, steps)), ("x", "h", "c", "y", *GATES)),
        *states(SPELLING, ("0",), ("h", "c")),
        *adjoints(SPELLING, (*relative, *absolute(1, steps)), ("h", "c", *GATES)),
        *weights(WEIGHT_SPELLING),
        *around,
    ]


# A general step t < T: long runs, t varying from run to run, a non-zero initial state.
GENERAL = Sampling(tuple(notation(GENERAL_STEPS, RELATIVE)), lambda count, seed: runs(
    count, GENERAL_STEPS, seed=seed, biases=True, readout=True, random_initial_state=True))
RUNS = GENERAL.draw(12, 5)
OPTIONS = GENERAL.options(RUNS)
SETTING = r"""Here you derive the backprop updates for the univariate version of the LSTM: input, hidden state and output are all scalars. At time $t$ the unit computes

- Forget gate: $f_t = \sigma(W^{hf}h_{t-1} + W^{xf}X_t + W_0^f)$
- Memory gate: $i_t = \sigma(W^{hi}h_{t-1} + W^{xi}X_t + W_0^i)$
- Output gate: $o_t = \sigma(W^{ho}h_{t-1} + W^{xo}X_t + W_0^o)$
- Intermediate memory content: $\tilde{C}_t = \tanh(W^{hc}h_{t-1} + W^{xc}X_t + W_0^c)$
- Current memory content: $C_t = f_t \otimes C_{t-1} \oplus i_t \otimes \tilde{C}_t$
- Current state: $h_t = o_t \otimes \tanh(C_t)$
- Output: $y_t = \sigma(W^yh_t + W_0^y)$

The gradient of the loss with respect to the output at time $t$ is $\nabla y_t$, and $\nabla v$ denotes the gradient of the loss with respect to $v$. Take a step $t < T$ (the sequence goes on after $t$)."""

ONLY_OUTPUT_PATH = ("This keeps only the path through $y_t$. For $t < T$, $h_t$ also feeds the gates and the "
                    "intermediate memory at step $t+1$, and $C_t$ reaches $C_{t+1}$ through $f_{t+1}$: "
                    "those terms belong in $\\nabla h_t$ and $\\nabla C_t$.")
OUTPUT_ONLY = r"w^y y_t (1 - y_t) \nabla y_t"
CELL_ONLY = r"o_t(1 - (\tanh(C_t))^2) " + OUTPUT_ONLY


def _forbidden(unknown: str, target: str) -> dict[str, str]:
    """The unknown, the gradients computed from it, and the local partials: left unevaluated they restate the chain
    rule (the bank samples them all with their true values, so only their names tell)."""
    derived = {f"{d}bar_t": f"\\nabla {SPELLING[d][0]}_t" for d in COMPUTED_FROM.get(unknown[0], ())}
    written = f"\\nabla {target}"
    return {**asked_for(unknown, written), **computed_from(written, derived), **unevaluated(PARTIALS)}


def _part(make: PartMaker, name: str, target: str, reference: sp.Expr, answer: str, *mistakes: KnownMistake) -> Part:
    unknown = {"h_t": "hbar_t", "C_t": "cbar_t"}.get(target, f"{target[0]}bar_t")
    return make("q1", name, title=f"Q1 Gradient of ${target}$", kind="expression", points=1,
                prompt=f"{SETTING}\n\nDerive $\\nabla {target} =$ (you may use $\\nabla h_t$ and $\\nabla C_t$ in the gate gradients)",
                answer=answer, reference=reference, options={**OPTIONS, "forbidden": _forbidden(unknown, target)},
                mistakes=mistakes, model=GENERAL.fresh)


def parts(make: PartMaker) -> list[Part]:
    return [
        _part(make, "grad-h", "h_t", sp.Symbol("w_y") * sp.Symbol("y_t") * (1 - sp.Symbol("y_t")) * sp.Symbol("u_t") + RECURRENT_H,
              (OUTPUT_ONLY + r" + W^{hf} f_{t+1}(1-f_{t+1}) \nabla f_{t+1} + W^{hi} i_{t+1}(1-i_{t+1}) \nabla i_{t+1}"
               r" + W^{ho} o_{t+1}(1-o_{t+1}) \nabla o_{t+1} + W^{hc}(1-(\tilde{C}_{t+1})^2) \nabla \tilde{C}_{t+1}"),
              KnownMistake(OUTPUT_ONLY, ONLY_OUTPUT_PATH)),
        _part(make, "grad-c", "C_t", C_BAR, r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_{t+1} \nabla C_{t+1}",
              KnownMistake(r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_t \nabla C_{t+1}",
                           "Check the time index of the forget gate: $C_{t+1} = f_{t+1} C_t + \\dots$, so the gradient "
                           "carried back from $C_{t+1}$ is multiplied by $f_{t+1}$, not $f_t$.", 0.5),
              KnownMistake(r"o_t(1 - (\tanh(C_t))^2) \nabla h_t",
                           "$C_t$ also reaches the loss through $C_{t+1} = f_{t+1} C_t + \\dots$"),
              KnownMistake(CELL_ONLY, ONLY_OUTPUT_PATH)),
        _part(make, "grad-o", "o_t", GATE_BARS["o"], r"\tanh(C_t) \nabla h_t",
              KnownMistake(r"\tanh(C_t) " + OUTPUT_ONLY, ONLY_OUTPUT_PATH)),
        _part(make, "grad-f", "f_t", GATE_BARS["f"], r"C_{t-1} \nabla C_t",
              KnownMistake(r"C_{t-1} " + CELL_ONLY, ONLY_OUTPUT_PATH),
              KnownMistake(r"C_t \nabla C_t", "The forget gate multiplies the previous memory $C_{t-1}$: check the time index.")),
        _part(make, "grad-i", "i_t", GATE_BARS["i"], r"\tilde{C}_t \nabla C_t",
              KnownMistake(r"\tilde{C}_t " + CELL_ONLY, ONLY_OUTPUT_PATH)),
    ]
