"""1.2 Recurrent neural networks: a gated RNN (Part 1) and AttentionRNN(k) (Part 2).

The gated RNN's Jacobian and weight gradient are checked against finite differences of `models.gated_rnn`.
"""

import sympy as sp

from reference.nyu_dl_hw2 import matrices
from reference.part import KnownMistake, Part, PartMaker

GATED = r"""Consider the recurrent network

$$c_t = \sigma(W_c x_t + W_h h_{t-1}), \qquad h_t = c_t \odot h_{t-1} + (1 - c_t) \odot W_x x_t,$$

with element-wise sigmoid $\sigma$, $x_t \in \mathbb{R}^n$, $h_t \in \mathbb{R}^m$, $W_c \in \mathbb{R}^{m \times n}$, $W_h \in \mathbb{R}^{m \times m}$, $W_x \in \mathbb{R}^{m \times n}$, Hadamard product $\odot$ and $h_0 = 0$. Use numerator layout."""

ATTENTION = r"""AttentionRNN(2) is defined by

$$\begin{aligned} q_0[t], q_1[t], q_2[t] &= Q_0 x[t], Q_1 h[t-1], Q_2 h[t-2] \\ k_0[t], k_1[t], k_2[t] &= K_0 x[t], K_1 h[t-1], K_2 h[t-2] \\ v_0[t], v_1[t], v_2[t] &= V_0 x[t], V_1 h[t-1], V_2 h[t-2] \\ w_i[t] &= q_i[t]^\top k_i[t] \\ a[t] &= \text{softargmax}([w_0[t], w_1[t], w_2[t]]) \\ h[t] &= \sum_{i=0}^{2} a_i[t] v_i[t] \end{aligned}$$"""


def _manual(make: PartMaker, question: str, name: str, title: str, setting: str, ask: str, points: float,
            rubric: str) -> Part:
    return make.manual(question, name, title=title, prompt=f"{setting}\n\n{ask}", points=points, rubric=rubric)


def parts(make: PartMaker) -> list[Part]:
    return _gated_rnn_parts(make) + _attention_parts(make)


def _gated_rnn_parts(make: PartMaker) -> list[Part]:
    return [
        _manual(make, "q1.2.1", "a-graph", "1.2.1(a) Diagram of the gated RNN", GATED,
                "Draw a diagram for this recurrent neural network.", 1,
                "1 pt: inputs $x_t$, $h_{t-1}$; the gate $c_t$ from $W_c x_t + W_h h_{t-1}$ through $\\sigma$; "
                "$h_t$ mixing $h_{t-1}$ and $W_x x_t$ with weights $c_t$ and $1 - c_t$; $h_t$ fed to the next step."),
        make("q1.2.1", "b-dim-c", title="1.2.1(b) Dimension of the gate c_t", kind="expression", points=1,
             prompt=f"{GATED}\n\nWhat is the dimension of $c_t$?", answer="m", reference=sp.Symbol("m"),
             options={"symbols": {"m": ["m", "\\mathbb{R}^m", "\\mathbb{R}^{m}"], "n": ["n", "\\mathbb{R}^n", "\\mathbb{R}^{n}"]},
                      "variables": {"m": [1, 64], "n": [1, 64]}},
             mistakes=(KnownMistake("n", "$c_t$ multiplies $h_{t-1}$ element-wise, so it has the hidden size."),)),
        _jacobian_part(make),
        _weight_gradient_part(make),
        _manual(make, "q1.2.1", "e-vanishing-exploding", "1.2.1(e) Vanishing or exploding gradients", GATED,
                "Can this network be subject to vanishing or exploding gradients? Why?", 2,
                "1 pt: vanishing — yes: the carried gradient is multiplied by $D(c_t)$ with $c_t \\in (0,1)$ at every "
                "step (plus a bounded term), so it can shrink geometrically. 1 pt: exploding — the $D(c_t)$ path "
                "cannot blow up, but the term through $W_h$ (with large $W_h$ or large $h_{t-1} - W_x x_t$) can; an "
                "argument that considers only $c_t$ earns 0.5."),
    ]


def _attention_parts(make: PartMaker) -> list[Part]:
    return [
        _manual(make, "q1.2.2", "a-graph", "1.2.2(a) Diagram of AttentionRNN(2)", ATTENTION,
                "Draw a diagram for AttentionRNN(2) (you may show the intermediate quantities $q_i, k_i, v_i, w_i, a$).", 1,
                "1 pt: $x[t]$, $h[t-1]$, $h[t-2]$ each projected to $q_i, k_i, v_i$; scores $w_i$; softargmax; "
                "weighted sum of the $v_i$ gives $h[t]$, which feeds steps $t+1$ and $t+2$."),
        _manual(make, "q1.2.2", "b-attention-k", "1.2.2(b) Definition of AttentionRNN(k)", ATTENTION,
                "Define AttentionRNN(k), which attends to the input and the $k$ previous hidden states.", 1,
                "1 pt: $q_i, k_i, v_i$ for $i = 0..k$ from $x[t]$ ($i = 0$) and $h[t-i]$; $w_i = q_i^\\top k_i$; "
                "$a = \\text{softargmax}(w_0..w_k)$; $h[t] = \\sum_{i=0}^{k} a_i v_i$ (the sum starts at 0: "
                "$\\sum_{i=1}^{k}$ drops the input term and loses 0.5)."),
        _manual(make, "q1.2.2", "c-attention-inf", "1.2.2(c) AttentionRNN(infinity)", ATTENTION,
                "Define AttentionRNN($\\infty$), which attends to every previous hidden state.", 1,
                "1 pt: as (b) with $i = 0..t-1$ (all previous states $h[t-1], \\dots, h[1]$); the weights are "
                "shared or defined per lag; $h[t] = \\sum_{i=0}^{t-1} a_i v_i$."),
        _attention_jacobian_part(make),
        _attention_backprop_part(make),
    ]


MATRIX_NOTATION = (r"Write $D(v)$ (or $\operatorname{diag}(v)$) for the diagonal matrix of a vector $v$, $\odot$ for the "
                   r"element-wise product and $^\top$ for a transpose; vectors are columns.")
JACOBIAN_DRAW = (6, 1221)  # (count, seed) of the part's own sample points
JACOBIAN_SAMPLES = matrices.jacobian_samples(*JACOBIAN_DRAW)
JACOBIAN = "D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \\odot (1 - c_t)) W_h"
SECOND_TERM = "D(h_{t-1} - W_x x_t) D(c_t \\odot (1 - c_t))"


def _jacobian_part(make: PartMaker) -> Part:
    return make(
        "q1.2.1", "c-jacobian", title="1.2.1(c) The Jacobian dh_t/dh_{t-1}", kind="matrix_expr", points=3,
        prompt=(f"{GATED}\n\nCompute the Jacobian $\\frac{{\\partial h_t}}{{\\partial h_{{t-1}}}}$, an $m \\times m$ matrix "
                "in numerator layout (its entry $(i, j)$ is $\\partial h_{t,i} / \\partial h_{t-1,j}$). "
                f"{MATRIX_NOTATION} You may use $c_t$, $\\sigma$ and $\\sigma'$."),
        answer=JACOBIAN, reference=JACOBIAN, options=matrices.jacobian_options(JACOBIAN_SAMPLES),
        model=matrices.jacobian_samples, mistakes=(
            KnownMistake(f"D(c_t) + {SECOND_TERM} W_h^\\top",
                         "In numerator layout the chain rule puts $W_h$ itself on the right, $\\frac{\\partial (W_h h)}"
                         "{\\partial h} = W_h$: $W_h^\\top$ is the denominator-layout (transposed) form.", 2 / 3),
            KnownMistake("D(c_t)", "$c_t$ depends on $h_{t-1}$ too: the product rule gives a second term through "
                                   "$\\sigma'(W_c x_t + W_h h_{t-1}) W_h$.", 1 / 3),
            KnownMistake(f"D(c_t) - {SECOND_TERM} W_h",
                         "Check the sign of the gate's term: $h_t = c_t \\odot (h_{t-1} - W_x x_t) + W_x x_t$.", 0.5),
        ))


WEIGHT_GRADIENT_DRAW = (12, 1231)  # (count, seed) of the part's own sample points
WEIGHT_GRADIENT_SAMPLES = matrices.weight_gradient_samples(*WEIGHT_GRADIENT_DRAW)
WEIGHT_GRADIENT = "\\sum_{t=1}^{K} (\\overline{h_t} \\odot (1 - c_t)) x_t^\\top"


def _weight_gradient_part(make: PartMaker) -> Part:
    return make(
        "q1.2.1", "d-weight-gradient", title="1.2.1(d) Gradient of the loss with respect to W_x", kind="matrix_expr",
        points=3,
        prompt=(f"{GATED}\n\nThe RNN runs for $t = 1, \\dots, K$ from $h_0 = 0$ and the loss $\\ell$ depends on the hidden "
                "states. Write $\\overline{h_t}$ (or $\\frac{\\partial \\ell}{\\partial h_t}$) for the total gradient of "
                "$\\ell$ with respect to $h_t$, a column vector in $\\mathbb{R}^m$ that includes the paths through later "
                "steps, known for every $t$. Give $\\frac{\\partial \\ell}{\\partial W_x}$, arranged like $W_x$ (an "
                f"$m \\times n$ matrix), for a general $K$ as a sum over the steps. {MATRIX_NOTATION} You may use $x_t$, "
                "$h_t$ and $c_t$."),
        answer=WEIGHT_GRADIENT, reference=WEIGHT_GRADIENT,
        options=matrices.weight_gradient_options(WEIGHT_GRADIENT_SAMPLES), model=matrices.weight_gradient_samples,
        mistakes=(
            KnownMistake("\\sum_{t=1}^{K} \\overline{h_t} x_t^\\top",
                         "$W_x x_t$ enters $h_t$ multiplied by $1 - c_t$: each term needs that factor.", 1 / 3),
            KnownMistake("\\sum_{t=1}^{K} (\\overline{h_t} \\odot c_t) x_t^\\top",
                         "$W_x x_t$ is weighted by $1 - c_t$, not by $c_t$.", 1 / 3),
            KnownMistake("\\sum_{t=1}^{K-1} (\\overline{h_t} \\odot (1 - c_t)) x_t^\\top",
                         "$W_x$ is used at every step $t = 1, \\dots, K$: the sum runs over all of them.", 2 / 3),
            KnownMistake("\\sum_{t=2}^{K} (\\overline{h_t} \\odot (1 - c_t)) x_t^\\top",
                         "$W_x$ is used at every step $t = 1, \\dots, K$: the sum runs over all of them.", 2 / 3),
        ))


ATTENTION_SIZES = (r"Here $x[t] \in \mathbb{R}^n$, $h[t] \in \mathbb{R}^d$, $Q_0, K_0 \in \mathbb{R}^{p \times n}$, "
                   r"$V_0 \in \mathbb{R}^{d \times n}$ and, for $i \ge 1$, $Q_i, K_i \in \mathbb{R}^{p \times d}$, "
                   r"$V_i \in \mathbb{R}^{d \times d}$.")
ATTENTION_JACOBIAN_DRAW = (6, 1222)  # (count, seed) of the part's own sample points
ATTENTION_JACOBIAN_SAMPLES = matrices.attention_jacobian_samples(*ATTENTION_JACOBIAN_DRAW)
ATTENTION_JACOBIAN = "a_1[t] (V_1 + (v_1[t] - h[t]) (k_1[t]^\\top Q_1 + q_1[t]^\\top K_1))"


def _attention_jacobian_part(make: PartMaker) -> Part:
    return make(
        "q1.2.2", "d-jacobian", title="1.2.2(d) dh[t]/dh[t-1] for AttentionRNN(2)", kind="matrix_expr", points=3,
        prompt=(f"{ATTENTION}\n\n{ATTENTION_SIZES} Compute $\\frac{{\\partial h[t]}}{{\\partial h[t-1]}}$ for "
                "AttentionRNN(2), a $d \\times d$ matrix in numerator layout, in terms of $a_i[t]$, $q_i[t]$, $k_i[t]$, "
                f"$v_i[t]$, $h[t]$ and the weights. {MATRIX_NOTATION}"),
        answer=ATTENTION_JACOBIAN, reference=ATTENTION_JACOBIAN,
        options=matrices.attention_jacobian_options(ATTENTION_JACOBIAN_SAMPLES),
        model=matrices.attention_jacobian_samples, mistakes=(
            KnownMistake("a_1[t] V_1", "The attention weights depend on $h[t-1]$ too, through "
                                       "$w_1[t] = q_1[t]^\\top k_1[t]$.", 1 / 3),
            KnownMistake("a_1[t] (V_1 + v_1[t] (k_1[t]^\\top Q_1 + q_1[t]^\\top K_1))",
                         "The softargmax couples the weights: $\\partial a_i / \\partial w_1 = a_i(\\delta_{i1} - a_1)$, "
                         "so every $v_i$ contributes, which gives $v_1[t] - h[t]$.", 0.5),
            KnownMistake("a_1[t] (V_1 + (v_1[t] - h[t]) k_1[t]^\\top Q_1)",
                         "$w_1 = q_1^\\top k_1$ depends on $h[t-1]$ through both $q_1$ and $k_1$.", 0.5),
        ))


ATTENTION_BACKPROP_DRAW = (8, 1223)  # (count, seed) of the part's own sample points
ATTENTION_BACKPROP_SAMPLES = matrices.attention_backprop_samples(*ATTENTION_BACKPROP_DRAW)
ATTENTION_BACKPROP = "g[T] + \\sum_{i=1}^{k} J_i[T+i]^\\top \\overline{h[T+i]}"


def _attention_backprop_part(make: PartMaker) -> Part:
    return make(
        "q1.2.2", "e-backprop", title="1.2.2(e) dl/dh[T] for AttentionRNN(k)", kind="matrix_expr", points=1,
        prompt=(f"{ATTENTION}\n\n{ATTENTION_SIZES} For AttentionRNN(k) the loss $\\ell$ depends on every $h[t]$. Write "
                "$g[t]$ for the gradient of $\\ell$ with respect to $h[t]$ through step $t$'s own loss term only, "
                "$\\overline{h[t]}$ for the total gradient (every path), both column vectors, and "
                "$J_i[t] = \\frac{\\partial h[t]}{\\partial h[t-i]}$ for the Jacobians of the step equations (numerator "
                "layout, $d \\times d$). For a step $T$ with at least $k$ later steps, give $\\overline{h[T]}$ in terms "
                f"of $g[T]$, the $J_i$ and the $\\overline{{h[t]}}$ of later steps, for a general $k$. {MATRIX_NOTATION}"),
        answer=ATTENTION_BACKPROP, reference=ATTENTION_BACKPROP,
        options=matrices.attention_backprop_options(ATTENTION_BACKPROP_SAMPLES),
        model=matrices.attention_backprop_samples, mistakes=(
            KnownMistake("g[T] + \\sum_{i=1}^{k} J_i[T+i] \\overline{h[T+i]}",
                         "In numerator layout $J_i$ maps a change of $h[T]$ to a change of $h[T+i]$; the gradient "
                         "goes back through its transpose.", 0.5),
            KnownMistake("\\sum_{i=1}^{k} J_i[T+i]^\\top \\overline{h[T+i]}",
                         "$\\ell$ also depends on $h[T]$ directly, through $g[T]$.", 0.5),
            KnownMistake("g[T] + J_1[T+1]^\\top \\overline{h[T+1]}",
                         "$h[T]$ feeds the next $k$ steps directly, not only step $T+1$.", 0.5),
        ))
