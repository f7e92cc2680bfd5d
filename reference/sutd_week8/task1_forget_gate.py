"""Task 1: the forget gate, one component at a time: its derivative, why to activate it, which unit-length
h_{t-1} maximises it, and whether that depends on the input term."""

import numpy as np
import sympy as sp

from reference.part import KnownMistake, Part, PartMaker
from reference.sutd_week8.lstm_cell import samples
from reference.sutd_week8.task1_memory import SETTING
from reference.vocabulary import Notation, Sampling, asked_for

SAMPLES = samples(10, seed=8)
_PRE = ("W^f[d_1,:] \\cdot x_t + U^f[d_1,:] \\cdot h_{t-1}", "W^f[d_1,:] x_t + U^f[d_1,:] h_{t-1}",
        "W^f(d_1) \\cdot x_t + U^f(d_1) \\cdot h_{t-1}")
COMPONENT = [
    Notation("zf", list(_PRE), lambda s: s.values["z_f"][s.d1]),
    Notation("f1", ["f_t[d_1]", "f_t(d_1)", "f_{t}[d_1]"], lambda s: s.values["f"][s.d1]),
    Notation("uf12", ["U^f[d_1,d_2]", "U^f(d_1,d_2)", "U^f_{d_1 d_2}"], lambda s: s.cell.u["f"][s.d1, s.d2]),
]
COMPONENT_SAMPLING = Sampling(tuple(COMPONENT), lambda count, seed: samples(count, seed=seed))
COMPONENT_OPTIONS = COMPONENT_SAMPLING.options(SAMPLES)
_zf, _uf = sp.Symbol("zf"), sp.Symbol("uf12")
COMPONENT_REFERENCE = sp.exp(-_zf) / (1 + sp.exp(-_zf)) ** 2 * _uf

COMPONENT_PROMPT = (f"{SETTING}\n\nWrite down the derivative $\\frac{{\\partial f_t}}{{\\partial h_{{t-1}}}}$ expressed "
                    r"as a function of $\sigma'$ and other terms as required. Look at a single dimension: $d_1$ for "
                    r"the output $f_t$ and $d_2$ for the input $h_{t-1}$, so that $f_t[d_1] = \sigma(W^f[d_1,:] \cdot "
                    r"x_t + U^f[d_1,:] \cdot h_{t-1})$ ($W^f[d_1,:]$ is row $d_1$ of the matrix $W^f$). Give "
                    r"$\frac{\partial f_t[d_1]}{\partial h_{t-1}[d_2]} =$")


def unit_vector_rows(count: int, *, seed: int, size: int = 4) -> list[tuple[float, float]]:
    """(one component of a random vector U^f(d), its Euclidean norm): consistent points for a vector answer
    graded component by component."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(count):
        vector = rng.normal(size=size)
        rows.append((float(vector[rng.integers(size)]), float(np.linalg.norm(vector))))
    return rows


_NORMS = [f"{left}U^f(d){right}{sub}" for left, right in (("\\|", "\\|"), ("||", "||"), ("\\lVert ", " \\rVert"))
          for sub in ("_2", "")]
ARGMAX_NOTATION = [Notation("u", ["U^f(d)", "U^f[d,:]"], lambda row: row[0]),
                   Notation("norm_u", _NORMS, lambda row: row[1])]
ARGMAX_SAMPLING = Sampling(tuple(ARGMAX_NOTATION), lambda count, seed: unit_vector_rows(count, seed=seed))
# h_{t-1} is the vector asked for: readable (so that `h_{t-1} = ...` is read as its right side), never an answer.
_ARGMAX_SAMPLED = ARGMAX_SAMPLING.options(unit_vector_rows(10, seed=39))
ARGMAX_OPTIONS = {**_ARGMAX_SAMPLED, "symbols": {**_ARGMAX_SAMPLED["symbols"], "h_prev": ["h_{t-1}", "h^{(t-1)}"]},
                  "forbidden": asked_for("h_prev", "h_{t-1}")}
ARGMAX_REFERENCE = sp.Symbol("u") / sp.Symbol("norm_u")

GATE_SETTING = (f"{SETTING}\n\nLook at one component of the forget gate, $f_t(d) = \\sigma(W^f(d) \\cdot x_t + U^f(d) "
                r"\cdot h_{t-1})$, where $W^f(d)$ and $U^f(d)$ are the $d$-th rows of $W^f$ and $U^f$.")
ARGMAX_QUESTION = (r"If $x_t = 0$ and $U^f(d) \neq 0$, which vector $h_{t-1}$ among all the vectors of Euclidean length "
                   r"1 maximises $f_t(d)$? That is, find $\mathrm{argmax}_{\{h_{t-1}: \|h_{t-1}\|_2 = 1\}} f_t(d)$.")


def _depends(make: PartMaker, name: str, what: str, answer: str, wrong: str) -> Part:
    return make("task1", f"{name}-depends", title=f"Task 1: does the {name} depend on the input term?", kind="choice",
                points=0.25, prompt=(f"{GATE_SETTING}\n\n{ARGMAX_QUESTION}\n\nIn this task, does the {what} depend on the "
                                     r"value of $W^f(d) \cdot x_t$? Answer yes or no."),
                answer=answer, reference=answer, options={"choices": ["yes", "no"]},
                mistakes=(KnownMistake(wrong, _DEPENDS_FEEDBACK),))


_DEPENDS_FEEDBACK = (r"$W^f(d) \cdot x_t$ is a constant added inside the increasing function $\sigma$: it does not "
                     r"change which $h_{t-1}$ maximises the inner product $U^f(d) \cdot h_{t-1}$, but it shifts the "
                     "value reached.")


def parts(make: PartMaker) -> list[Part]:
    return [
        make("task1", "df-dh", title="Task 1: one component of the forget gate's derivative", kind="expression",
             points=1, prompt=COMPONENT_PROMPT,
             answer=r"\sigma'(W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1}) U^f[d_1,d_2]",
             reference=COMPONENT_REFERENCE, options=COMPONENT_OPTIONS, model=COMPONENT_SAMPLING.fresh, mistakes=(
                 KnownMistake(r"\sigma'(W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1})",
                              r"Chain rule: multiply by the derivative of the inner product $U^f[d_1,:] \cdot h_{t-1}$ "
                              r"with respect to $h_{t-1}[d_2]$, which is the entry $U^f[d_1,d_2]$.", 0.5),
                 KnownMistake(r"\sigma(W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1}) U^f[d_1,d_2]",
                              r"That is the gate times the weight: the chain rule needs the *derivative* $\sigma'$ of the "
                              "sigmoid at the pre-activation.", 0.25))),
        make.manual("task1", "activate-gate", title="Task 1: how to activate a gate, and why", points=0.5,
                    prompt=f"{SETTING}\n\nHow to activate a gate? Why is this important?",
                    rubric=("0.25 pt how: initialise so that $f_t \\approx 1$ at the start of training, usually through "
                            "the bias of the forget gate (a large positive bias), or here without a bias by aligning "
                            "$h_{t-1}$ with $U^f(d)$. 0.25 pt why: then $c_t \\approx c_{t-1} + i_t \\circ u_t$, so "
                            "$\\partial c_t / \\partial c_{t-1} \\approx 1$ and the gradient flows back through time "
                            "through the memory cells without vanishing.")),
        make("task1", "argmax", title="Task 1: the unit vector that maximises a forget-gate component",
             kind="expression", points=1,
             prompt=(f"{GATE_SETTING}\n\n{ARGMAX_QUESTION}\n\nWrite $h_{{t-1}} =$ as a formula in $U^f(d)$ and its "
                     r"norm $\|U^f(d)\|_2$ (it is checked component by component)."),
             answer=r"\frac{U^f(d)}{\|U^f(d)\|_2}", reference=ARGMAX_REFERENCE, options=ARGMAX_OPTIONS, model=ARGMAX_SAMPLING.fresh, mistakes=(
                 KnownMistake("U^f(d)", "Right direction, but $h_{t-1}$ must have length 1: divide by $\\|U^f(d)\\|_2$.", 0.5),
                 KnownMistake(r"-\frac{U^f(d)}{\|U^f(d)\|_2}",
                              "That vector minimises the inner product; $\\sigma$ is increasing, so the maximum is "
                              "reached parallel to $U^f(d)$, not opposite to it."),
                 KnownMistake(r"\frac{U^f(d)}{\|U^f(d)\|_2^2}", "A unit vector is divided by the norm, not the squared norm.", 0.5))),
        _depends(make, "argmax", "argmax (the maximising $h_{t-1}$)", "no", "yes"),
        _depends(make, "max", "max (the largest value of $f_t(d)$)", "yes", "no"),
        make.manual("task1", "depends-why", title="Task 1: why the argmax does not depend on the input term but the max does",
                    points=0.5, prompt=(f"{GATE_SETTING}\n\n{ARGMAX_QUESTION}\n\nDoes the argmax depend on the value of "
                                        r"$W^f(d) \cdot x_t$? Does the max depend on it? Give at most 3 sentences of "
                                        "justification."),
                    rubric=("0.25 pt: the argmax does not: $W^f(d) \\cdot x_t$ is a constant shift inside the increasing "
                            "$\\sigma$, so the maximiser is still $U^f(d) / \\|U^f(d)\\|_2$. 0.25 pt: the max does: it is "
                            "$\\sigma(W^f(d) \\cdot x_t + \\|U^f(d)\\|_2)$, e.g. larger for $x_t$ aligned with $W^f(d)$ "
                            "than for $x_t = 0$ (where it is $\\sigma(\\|U^f(d)\\|_2)$, which is $\\sigma(1)$ only for a unit-length "
                            "$U^f(d)$).")),
    ]
