"""1.2 Recurrent neural networks: a gated RNN (Part 1) and AttentionRNN(k) (Part 2).

The gated RNN's Jacobian and weight gradient are checked against finite differences of `models.gated_rnn`.
"""

import sympy as sp

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
        _manual(make, "q1.2.1", "c-jacobian", "1.2.1(c) The Jacobian dh_t/dh_{t-1}", GATED,
                "Compute $\\frac{\\partial h_t}{\\partial h_{t-1}}$.", 3,
                "3 pt: $\\frac{\\partial h_t}{\\partial h_{t-1}} = D(c_t) + D(h_{t-1} - W_x x_t)\\, D(c_t \\odot (1 - c_t))\\, W_h$ "
                "where $D(v)$ is the diagonal matrix of $v$. 1 pt for the product rule with both terms; 1 pt for "
                "$\\sigma' = \\sigma(1-\\sigma)$ as a diagonal matrix; 1 pt for $W_h$ on the right (numerator layout; "
                "$W_h^\\top$ there loses this point)."),
        _manual(make, "q1.2.1", "d-weight-gradient", "1.2.1(d) Gradient of the loss with respect to W_x", GATED,
                ("The RNN runs for $t = 1, \\dots, K$ and we know $\\frac{\\partial \\ell}{\\partial h_t}$ for every $t$. "
                 "Give the dimension of and an expression for $\\frac{\\partial \\ell}{\\partial W_x}$."), 3,
                "1 pt: same shape as $W_x$, $m \\times n$. 2 pt: with $\\overline{h_t}$ the total gradient at $h_t$ "
                "($\\overline{h_t} = \\frac{\\partial \\ell}{\\partial h_t}$ + the part carried back through "
                "$\\frac{\\partial h_{t+1}}{\\partial h_t}$), $\\frac{\\partial \\ell}{\\partial W_x} = \\sum_{t=1}^{K} "
                "(\\overline{h_t} \\odot (1 - c_t))\\, x_t^\\top$. Products of Jacobians must run over the steps "
                "between $i$ and $t$ (not a fixed range)."),
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
        _manual(make, "q1.2.2", "d-jacobian", "1.2.2(d) dh[t]/dh[t-1] for AttentionRNN(2)", ATTENTION,
                "Compute $\\frac{\\partial h[t]}{\\partial h[t-1]}$ for AttentionRNN(2).", 3,
                "1 pt: only $i = 1$ terms depend on $h[t-1]$: $v_1 = V_1 h[t-1]$ and $w_1 = q_1^\\top k_1$. 1 pt: "
                "$\\frac{\\partial w_1}{\\partial h[t-1]} = k_1^\\top Q_1 + q_1^\\top K_1$. 1 pt: "
                "$\\frac{\\partial h[t]}{\\partial h[t-1]} = a_1 V_1 + \\sum_{i} v_i \\frac{\\partial a_i}{\\partial w_1}"
                "\\frac{\\partial w_1}{\\partial h[t-1]}$ with $\\frac{\\partial a_i}{\\partial w_1} = a_i(\\delta_{i1} - a_1)$."),
        _manual(make, "q1.2.2", "e-backprop", "1.2.2(e) dl/dh[T] for AttentionRNN(k)", ATTENTION,
                "Given $\\frac{\\partial \\ell}{\\partial h[t]}$ for every $t$, write $\\frac{\\partial \\ell}{\\partial h[T]}$ for AttentionRNN(k).", 1,
                "1 pt: $\\frac{\\partial \\ell}{\\partial h[T]} = \\frac{\\partial \\ell}{\\partial h[T]}\\big|_{\\text{direct}} + "
                "\\sum_{i=1}^{k} \\frac{\\partial \\ell}{\\partial h[T+i]} \\frac{\\partial h[T+i]}{\\partial h[T]}$: "
                "$h[T]$ feeds only the next $k$ steps directly (a sum over all $t > T$ of total derivatives also earns the point)."),
    ]
