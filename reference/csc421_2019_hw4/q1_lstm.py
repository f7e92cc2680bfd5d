"""Q1 LSTM Gradient: backprop through time for the univariate LSTM (no biases)."""

from functools import partial

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
    states,
    upstream,
    weights,
)
from reference.matrix_notation import lstm_options, lstm_runs, lstm_samples
from reference.models.lstm import GATES, runs
from reference.part import KnownMistake, Part, PartMaker
from reference.vocabulary import Notation, Sampling, asked_for, computed_from

SPELLING = {name: (name,) for name in ("x", "h", "c", *GATES)}
WEIGHT_SPELLING = {f"w_{g}{s}": [f"w_{{{g}{s}}}", f"W_{{{g}{s}}}", f"W^{{{s}{g}}}"] for g in GATES for s in "xh"}
WEIGHTS = weights(WEIGHT_SPELLING)


def notation(steps: int, relative: tuple[int, ...]) -> list[Notation]:
    """The question's symbols over runs of `steps` steps: absolute steps always, steps around `t` if asked."""
    return [
        *states(SPELLING, (*relative, *absolute(1, steps)), ("x", "h", "c", *GATES)),
        *states(SPELLING, ("0",), ("h", "c")),
        *adjoints(SPELLING, (*relative, *absolute(1, steps)), ("h", "c", *GATES)),
        *upstream(["\\frac{\\partial \\mathcal{L}}{\\partial h^{({t})}}", "\\frac{\\partial L}{\\partial h^{({t})}}",
                   "\\frac{\\partial \\mathcal{L}}{\\partial h_{{t}}}", "\\frac{\\partial L}{\\partial h_{{t}}}"],
                  (0,) if relative else ()),
        *WEIGHTS,
    ]


# A general step t: long runs, t varying from run to run, a non-zero initial state.
GENERAL = Sampling(tuple(notation(GENERAL_STEPS, RELATIVE)),
                   lambda count, seed: runs(count, GENERAL_STEPS, seed=seed, random_initial_state=True))
RUNS = GENERAL.draw(12, 421)
OPTIONS = GENERAL.options(RUNS)
# The weight gradient for a general T: runs of several lengths, each with its own T, t and initial state.
SEQUENCE_RUNS = partial(lstm_runs, random_initial_state=True)
SEQUENCE_SAMPLES = lstm_samples(SEQUENCE_RUNS,
                                {n.name: n.value for n in WEIGHTS})
SEQUENCE_DRAW = (12, 4213)
SEQUENCE_OPTIONS = lstm_options(SEQUENCE_SAMPLES(*SEQUENCE_DRAW), SPELLING, WEIGHT_SPELLING, [
    "\\frac{\\partial \\mathcal{L}}{\\partial h^{(#)}}", "\\frac{\\partial L}{\\partial h^{(#)}}"], "the gradient")
WEIGHT_BAR = r"\sum_{t=1}^{T} \overline{i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}"

EQUATIONS = r"""$$\begin{split} i^{(t)} &= \sigma(w_{ix}x^{(t)} + w_{ih}h^{(t-1)}) \\ f^{(t)} &= \sigma(w_{fx}x^{(t)} + w_{fh}h^{(t-1)}) \\ o^{(t)} &= \sigma(w_{ox}x^{(t)} + w_{oh}h^{(t-1)}) \\ g^{(t)} &= \tanh(w_{gx}x^{(t)} + w_{gh}h^{(t-1)}) \\ c^{(t)} &= f^{(t)}c^{(t-1)} + i^{(t)}g^{(t)} \\ h^{(t)} &= o^{(t)}\tanh(c^{(t)}) \end{split}$$"""
CONVENTION = (r"Here $\overline{v} = \partial \mathcal{L} / \partial v$. The loss $\mathcal{L}$ depends on $h^{(t)}$ directly "
              r"(write $\frac{\partial \mathcal{L}}{\partial h^{(t)}}$ for that term) and through later steps. "
              r"You don't need to vectorize anything or factor out repeated subexpressions; "
              r"$\sigma'$ and $\tanh'$ may be used.")


def _prompt(target: str) -> str:
    return (f"Derive the Backprop Through Time equations of the univariate LSTM:\n\n{EQUATIONS}\n\n"
            f"{CONVENTION}\n\nGive ${target} =$")


H_BAR = sp.Symbol("u_t") + RECURRENT_H
NO_RECURRENCE = ("$h^{(t)}$ also feeds all four gates at step $t+1$, so its gradient collects one term from each of "
                 "$i^{(t+1)}, f^{(t+1)}, o^{(t+1)}, g^{(t+1)}$ (each through its nonlinearity and recurrent weight).")


def _asking(name: str) -> dict:
    """The general-step options of a part that asks for the adjoint of `name` at step t: it may not be written with
    that adjoint, nor with the adjoints computed from it."""
    unknown = f"\\overline{{{name}^{{(t)}}}}"
    derived = {f"{d}bar_t": f"\\overline{{{d}^{{(t)}}}}" for d in COMPUTED_FROM.get(name, ())}
    return {**OPTIONS, "forbidden": {**asked_for(f"{name}bar_t", unknown), **computed_from(unknown, derived)}}


def _gate_part(make: PartMaker, gate: str, reference: sp.Expr, answer: str,
               mistakes: tuple[KnownMistake, ...] = ()) -> Part:
    return make("q1", f"{gate}-bar", title=f"Q1(a) BPTT equation for the gate {gate}", kind="expression",
                prompt=_prompt(f"\\overline{{{gate}^{{(t)}}}}"), points=0.5, answer=answer, reference=reference,
                options=_asking(gate), mistakes=mistakes, model=GENERAL.fresh)


def parts(make: PartMaker) -> list[Part]:
    common = {"kind": "expression", "points": 0.5, "model": GENERAL.fresh}
    return [
        make("q1", "h-bar", title="Q1(a) BPTT equation for the hidden state", prompt=_prompt(r"\overline{h^{(t)}}"),
             answer=(r"\frac{\partial \mathcal{L}}{\partial h^{(t)}} + \overline{i^{(t+1)}} i^{(t+1)}(1-i^{(t+1)}) w_{ih}"
                     r" + \overline{f^{(t+1)}} f^{(t+1)}(1-f^{(t+1)}) w_{fh} + \overline{o^{(t+1)}} o^{(t+1)}(1-o^{(t+1)}) w_{oh}"
                     r" + \overline{g^{(t+1)}} (1-(g^{(t+1)})^2) w_{gh}"),
             reference=H_BAR, options=_asking("h"), mistakes=(
                 KnownMistake(r"\frac{\partial \mathcal{L}}{\partial h^{(t)}}", NO_RECURRENCE),
                 KnownMistake(r"\overline{i^{(t+1)}} i^{(t+1)}(1-i^{(t+1)}) w_{ih} + \overline{f^{(t+1)}} f^{(t+1)}(1-f^{(t+1)}) w_{fh}"
                              r" + \overline{o^{(t+1)}} o^{(t+1)}(1-o^{(t+1)}) w_{oh} + \overline{g^{(t+1)}} (1-(g^{(t+1)})^2) w_{gh}",
                              "The recurrent terms are right, but the loss also depends on $h^{(t)}$ directly at step $t$.",
                              0.5)),
             **common),
        make("q1", "c-bar", title="Q1(a) BPTT equation for the memory cell", prompt=_prompt(r"\overline{c^{(t)}}"),
             answer=r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}",
             reference=C_BAR, options=_asking("c"), mistakes=(
                 KnownMistake(r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)}))",
                              "$c^{(t)}$ also reaches the loss through the next cell, $c^{(t+1)} = f^{(t+1)} c^{(t)} + \\dots$"),
                 KnownMistake(r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t)}",
                              "Check the time index of the forget gate: the gate that multiplies $c^{(t)}$ is the one "
                              "of the next step.", 0.5)),
             **common),
        _gate_part(make, "g", GATE_BARS["g"], r"\overline{c^{(t)}} i^{(t)}"),
        _gate_part(make, "o", GATE_BARS["o"], r"\overline{h^{(t)}} \tanh(c^{(t)})", (
            KnownMistake(r"\overline{h^{(t)}} c^{(t)}", "$h^{(t)}$ multiplies the output gate by $\\tanh(c^{(t)})$, not by the cell itself."),)),
        _gate_part(make, "f", GATE_BARS["f"], r"\overline{c^{(t)}} c^{(t-1)}", (
            KnownMistake(r"\overline{c^{(t)}} c^{(t)}", "The forget gate multiplies the previous cell: check the time index."),)),
        _gate_part(make, "i", GATE_BARS["i"], r"\overline{c^{(t)}} g^{(t)}"),
        make("q1", "w-ix-bar", title="Q1(b) BPTT equation for the weight w_ix", kind="matrix_expr", points=1,
             prompt=(f"For the same LSTM,\n\n{EQUATIONS}\n\nderive the BPTT equation for the weight $w_{{ix}}$ for a "
                     "sequence of $T$ steps, as a sum over time $\\sum_{t=1}^{T}$ (you may use $\\overline{i^{(t)}}$, "
                     "the values at step $t$, $\\sigma'$ and $\\tanh'$)."
                     "\n\n$\\overline{w_{ix}} =$"),
             answer=WEIGHT_BAR, reference=WEIGHT_BAR, options=SEQUENCE_OPTIONS, model=SEQUENCE_SAMPLES, mistakes=(
                 KnownMistake(r"\sum_{t=1}^{T} \overline{i^{(t)}} x^{(t)}",
                              "$w_{ix}$ acts inside the sigmoid: each term needs the gate's slope $\\sigma'$ at that step."),
                 KnownMistake(r"\sum_{t=2}^{T} \overline{i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}",
                              "$w_{ix}$ is used at every step $t = 1, \\dots, T$: the sum runs over all of them.", 0.5),
                 KnownMistake(r"\sum_{t=1}^{T} \overline{i^{(t)}} i^{(t)}(1-i^{(t)}) h^{(t-1)}",
                              "That is the gradient of $w_{ih}$: $w_{ix}$ multiplies the input $x^{(t)}$."))),
        make.manual("q1", "explain", title="Q1(c) Why the gradient does not explode (optional)", points=1,
                    prompt=(f"For the LSTM\n\n{EQUATIONS}\n\n(optional in the original handout) Based on your BPTT "
                            "equations, explain why the gradient doesn't explode if the forget gates are very close "
                            "to 1 and the input and output gates are very close to 0. Your answer should involve both "
                            r"$\overline{h^{(t)}}$ and $\overline{c^{(t)}}$."),
                    rubric=("1 pt: with $o \\approx 0$ and $i \\approx 0$ the terms of $\\overline{h^{(t)}}$ through the "
                            "gates are tiny and $\\overline{c^{(t)}} \\approx \\overline{c^{(t+1)}} f^{(t+1)} \\approx "
                            "\\overline{c^{(t+1)}}$: the cell gradient is carried back unchanged (multiplied by ~1, not "
                            "by a weight), and $\\overline{h^{(t)}}$ does not feed back into itself, so nothing is "
                            "multiplied repeatedly by a factor above 1.")),
    ]
