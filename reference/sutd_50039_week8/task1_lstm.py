"""Task 1: LSTM derivatives (the recurrent Jacobian, the sigmoid's derivative, a gate's derivative, gate maximisation)."""

import sympy as sp

from reference.lstm_notation import CENTER, STEPS, partials, slope_at, states, weights
from reference.models.lstm import GATES, Run, runs
from reference.part import KnownMistake, Part, PartMaker
from reference.vocabulary import sampled_options

SPELLING = {"x": ("x",), "h": ("h",), "c": ("c",), "i": ("i",), "f": ("f",), "o": ("o",), "g": ("u",)}
_MATRIX = {"i": "i", "f": "f", "o": "o", "g": "c"}   # the seed writes W^c, U^c for the u_t equation
RUNS = runs(8, STEPS, seed=50039)


def _gate_partial(gate: str) -> tuple[list[str], object]:
    letter = SPELLING[gate][0]
    return [f"\\frac{{\\partial {letter}_t}}{{\\partial h_{{t-1}}}}"], lambda r: r.model.w_h[gate] * slope_at(r, gate, 0)


def _cell_partial(run: Run) -> float:
    def slope(gate: str) -> float:
        return run.model.w_h[gate] * slope_at(run, gate, 0)
    trace = run.trace
    return slope("f") * trace["c"][CENTER - 1] + slope("i") * trace["g"][CENTER] + trace["i"][CENTER] * slope("g")


NOTATION = [
    *states(SPELLING, (-1, 0), ("x", "h", "c", *GATES)),
    *weights({f"w_{g}x": [f"W^{_MATRIX[g]}", f"W^{{{_MATRIX[g]}}}", f"W_{_MATRIX[g]}", f"W^{_MATRIX[g]}[d_1,:]"] for g in GATES}
             | {f"w_{g}h": [f"U^{_MATRIX[g]}", f"U^{{{_MATRIX[g]}}}", f"U^{_MATRIX[g]}[d_1,:]", f"U^{_MATRIX[g]}[d_1,d_2]"] for g in GATES}),
    *partials({
        **{f"d{g}_dh": _gate_partial(g) for g in GATES},
        "dc_dh": (["\\frac{\\partial c_t}{\\partial h_{t-1}}"], _cell_partial),
        "dcprev_dh": (["\\frac{\\partial c_{t-1}}{\\partial h_{t-1}}"], lambda r: 0.0),
    }),
]
OPTIONS = sampled_options(NOTATION, RUNS)
EQUATIONS = r"""The following are the defining equations for an LSTM cell with a forget gate $f_t$:

$$i_t = \sigma(W^i x_t + U^i h_{t-1})$$
$$f_t = \sigma(W^f x_t + U^f h_{t-1})$$
$$o_t = \sigma(W^o x_t + U^o h_{t-1})$$
$$u_t = \tanh(W^c x_t + U^c h_{t-1})$$
$$c_t = f_t \circ c_{t-1} + i_t \circ u_t$$
$$h_t = o_t \circ \tanh(c_t)$$

The symbol $\circ$ denotes element-wise multiplication and $\sigma(x) = \frac{1}{1 + e^{-x}}$."""

_d = {g: sp.Symbol(f"d{g}_dh") for g in GATES}
_v = {name: sp.Symbol(name) for name in ("o_t", "c_t", "c_tm1", "g_t", "i_t")}
DH_DH = _d["o"] * sp.tanh(_v["c_t"]) + _v["o_t"] * (1 - sp.tanh(_v["c_t"]) ** 2) * (
    _d["f"] * _v["c_tm1"] + _d["i"] * _v["g_t"] + _v["i_t"] * _d["g"])
z = sp.Symbol("z")
SIGMOID_SLOPE = sp.diff(1 / (1 + sp.exp(-z)), z)
_pre = sp.Symbol("w_fx") * sp.Symbol("x_t") + sp.Symbol("w_fh") * sp.Symbol("h_tm1")
DF_DH = sp.Symbol("w_fh") * sp.exp(-_pre) / (1 + sp.exp(-_pre)) ** 2


def _dh_dh(make: PartMaker) -> Part:
    return make("task1", "dh-dh", title="Task 1 The recurrent derivative of the LSTM", kind="expression", points=2,
                prompt=(f"{EQUATIONS}\n\nWrite down the derivative $\\frac{{\\partial h_t}}{{\\partial h_{{t-1}}}}$ expressed "
                        "as a function of $\\frac{\\partial i_t}{\\partial h_{t-1}}$, $\\frac{\\partial f_t}{\\partial h_{t-1}}$, "
                        "$\\frac{\\partial o_t}{\\partial h_{t-1}}$, $\\frac{\\partial u_t}{\\partial h_{t-1}}$ (do not resolve "
                        "those four). Work element-wise, as for a single coordinate; the product rule holds for "
                        "element-wise products."),
                answer=(r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ "
                        r"(\frac{\partial f_t}{\partial h_{t-1}} \circ c_{t-1} + \frac{\partial i_t}{\partial h_{t-1}} \circ u_t"
                        r" + i_t \circ \frac{\partial u_t}{\partial h_{t-1}})"),
                reference=DH_DH, options=OPTIONS, mistakes=(
                    KnownMistake(r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t)",
                                 "$h_t = o_t \\circ \\tanh(c_t)$ is a product: $c_t$ depends on $h_{t-1}$ too (through "
                                 "$f_t$, $i_t$ and $u_t$), so the product rule gives a second term."),))


def parts(make: PartMaker) -> list[Part]:
    return [
        make.manual("task1", "c-of-h", title="Task 1 Is c_{t-1} a function of h_{t-1}?", points=1,
                    prompt=f"{EQUATIONS}\n\nIs $c_{{t-1}}$ a function of $h_{{t-1}}$? Give 3 sentences at most as answer why or why not.",
                    rubric=("1 pt: No. $c_{t-1}$ and $h_{t-1}$ are both computed from $x_{t-1}$, $h_{t-2}$, $c_{t-2}$; "
                            "$h_{t-1} = o_{t-1} \\circ \\tanh(c_{t-1})$ is computed from $c_{t-1}$, not the other way "
                            "round, so $\\partial c_{t-1} / \\partial h_{t-1} = 0$ in the derivative below.")),
        _dh_dh(make),
        make("task1", "sigmoid-derivative", title="Task 1 Derivative of the sigmoid", kind="expression", points=1,
             prompt="Calculate $\\sigma'(z)$, the derivative of the sigmoid $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.",
             answer=r"\frac{e^{-z}}{(1 + e^{-z})^2}", reference=SIGMOID_SLOPE, options={"variables": {"z": [-4, 4]}},
             mistakes=(KnownMistake(r"\frac{-e^{-z}}{(1 + e^{-z})^2}",
                                    "Check the sign: the inner derivative of $1 + e^{-z}$ is $-e^{-z}$, and it meets the "
                                    "minus sign of $d(1/u) = -du/u^2$."),
                       KnownMistake(r"\frac{-1}{(1 + e^{-z})^2}",
                                    "Apply the chain rule: differentiate the inner function $1 + e^{-z}$ as well."))),
        make("task1", "df-dh", title="Task 1 Derivative of the forget gate", kind="expression", points=2,
             prompt=(f"{EQUATIONS}\n\nWrite down the derivative $\\frac{{\\partial f_t[d_1]}}{{\\partial h_{{t-1}}[d_2]}}$ "
                     "of output coordinate $d_1$ of $f_t$ with respect to input coordinate $d_2$ of $h_{t-1}$, "
                     "expressed with $\\sigma'$ and the rows $W^f[d_1,:]$, $U^f[d_1,:]$ and the entry $U^f[d_1,d_2]$."),
             answer=r"\sigma'(W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1}) U^f[d_1,d_2]",
             reference=DF_DH, options=OPTIONS, mistakes=(
                 KnownMistake(r"\sigma'(W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1})",
                              "Chain rule: the pre-activation depends on $h_{t-1}[d_2]$ through the weight $U^f[d_1,d_2]$."),)),
        make.manual("task1", "gate-argmax", title="Task 1 Which unit vector maximises the forget gate", points=2,
                    prompt=(f"{EQUATIONS}\n\nConsider one component $f_t(d) = \\sigma(W^f(d) \\cdot x_t + U^f(d) \\cdot "
                            "h_{t-1})$. If $x_t = 0$ and $U^f(d) \\neq 0$, which vector $h_{t-1}$ among all vectors of "
                            "euclidean length 1 maximises $f_t(d)$? Find $\\operatorname{argmax}_{\\{h_{t-1}: "
                            "\\|h_{t-1}\\|_2 = 1\\}} f_t(d)$."),
                    rubric=("2 pt: $\\sigma$ is increasing, so maximise the inner product $U^f(d) \\cdot h_{t-1}$ over "
                            "unit vectors: $h_{t-1} = U^f(d) / \\|U^f(d)\\|_2$ (parallel to $U^f(d)$). 1 pt if the "
                            "direction is right but not normalised.")),
        make.manual("task1", "argmax-depends", title="Task 1 Does the argmax or the max depend on the input term", points=1,
                    prompt=(f"{EQUATIONS}\n\nIn the task above, does the argmax depend on the value of $W^f(d) \\cdot x_t$? "
                            "Does the max depend on it? Give at most 3 sentences justification."),
                    rubric=("0.5 pt: the argmax does not ($W^f(d) \\cdot x_t$ only shifts the argument of the monotone "
                            "$\\sigma$). 0.5 pt: the maximum value does, e.g. $\\sigma(1)$ for $x_t = 0$ versus a larger "
                            "value when $W^f(d) \\cdot x_t > 0$.")),
        make.manual("task1", "activate-gate", title="Task 1 How to activate a gate, and why", points=1,
                    prompt=f"{EQUATIONS}\n\nHow do you activate a gate (make it close to 1)? Why is this important for the forget gate?",
                    rubric=("0.5 pt: push its pre-activation up, usually by initialising its bias to a positive value "
                            "(or aligning inputs with the weight rows). 0.5 pt: with $f_t \\approx 1$ at initialisation, "
                            "$\\partial c_t / \\partial c_{t-1} \\approx 1$, so the gradient flows back through the "
                            "memory cells over many steps without vanishing.")),
    ]

