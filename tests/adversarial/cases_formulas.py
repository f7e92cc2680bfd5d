r"""Formula parts outside the LSTM BPTT: MDRNN sizes, momentum inverse and Jacobian, the sutd LSTM cell, sigmoid',
the 1.1-1.2 gradient bounds and batch norm. Every truth is a model quantity (counts, DAG depth, finite differences,
constructed suprema)."""

from __future__ import annotations

import math

import numpy as np

from tests.adversarial import models as m
from tests.adversarial.judge import CaseBuilder

S, TP = m.dsigmoid, m.dtanh
_rng = np.random.default_rng(2019)
F0 = np.float64(0)


def mdrnn() -> list:
    sizes = [(G, D, H) for G in (1, 2, 5, 11, 16) for D in (1, 3, 7, 12, 15) for H in (1, 2, 6, 13)]
    b = CaseBuilder("csc421-2019-hw4/q2/weights", lambda G, D, H: m.mdrnn_weights(D, H), sizes)
    b.right("D H + 2 H^2", lambda G, D, H: D * H + 2 * H**2, "the reference itself")
    b.right("H(D + 2H)", lambda G, D, H: H * (D + 2 * H), "factored")
    b.right("DH + H^2 + H^2", lambda G, D, H: D * H + 2 * H**2, "one H^2 per recurrent matrix")
    b.right(r"H \cdot D + 2 \cdot H \cdot H", lambda G, D, H: D * H + 2 * H**2, "with \\cdot")
    b.right("2*H^2 + D*H", lambda G, D, H: D * H + 2 * H**2, "plain text")
    b.wrong("3 H^2", lambda G, D, H: 3 * H**2, "treats W_in as H x H")
    b.wrong(
        "D H + 2 H^2 + (D-1)(D-2)(D-3)(D-4)(D-5)(D-6)(D-7)(D-8)(D-9)(D-10)",
        lambda G, D, H: D * H + 2 * H**2 + math.prod(D - j for j in range(1, 11)),
        "a polynomial that vanishes for D = 1..10 but not beyond",
    )
    b.wrong(
        r"D H + 2 H^2 + \prod_{j=1}^{12} (D - j)",
        lambda G, D, H: D * H + 2 * H**2 + math.prod(D - j for j in range(1, 13)),
        "a polynomial that vanishes for D = 1..12 but not beyond",
    )
    b.wrong(
        "D H + 2 H^2 + (D-1)(D-2)(D-3)(D-4)(D-5)(D-6)(D-7)(D-8)(D-9)(D-10)(D-11)(D-12)",
        lambda G, D, H: D * H + 2 * H**2 + math.prod(D - j for j in range(1, 13)),
        "a polynomial that vanishes for D = 1..12 but not beyond",
    )
    b.right("H D + H^2 + H^2 + 0 G", lambda G, D, H: D * H + 2 * H**2, "0 G is 0")
    b.wrong("D H + H^2", lambda G, D, H: D * H + H**2, "one recurrent matrix only")
    b.wrong("G^2 (D H + 2 H^2)", lambda G, D, H: G**2 * (D * H + 2 * H**2), "weights are shared across the grid")
    b.wrong("D H + 2 H^2 + H", lambda G, D, H: D * H + 2 * H**2 + H, "counts a bias; there is none")
    b.wrong("D H + 2 H", lambda G, D, H: D * H + 2 * H, "H instead of H^2")
    b.wrong("(D + H)^2", lambda G, D, H: (D + H) ** 2, "wrong algebra")
    b.wrong("D H + 2 H^2 + 10^{-9} G", lambda G, D, H: D * H + 2 * H**2 + 1e-9 * G, "not exact")
    b.wrong(r"D H + 2 H^2 + \frac{G}{0}", lambda G, D, H: G / F0, "infinite")
    b.wrong(r"e^{1000 G}", lambda G, D, H: np.exp(1000.0 * G), "overflows, and is not the count")
    cases = b.cases
    b = CaseBuilder("csc421-2019-hw4/q2/steps", lambda G: m.grid_depth(G, G), [(G,) for G in (*range(1, 9), 13, 20)])
    b.right("2G - 1", lambda G: 2 * G - 1, "the reference itself")
    b.right("2(G-1) + 1", lambda G: 2 * G - 1, "corner to corner: 2(G-1) moves plus the first square")
    b.right("G + G - 1", lambda G: 2 * G - 1, "rearranged")
    b.right(r"\boxed{2G-1}", lambda G: 2 * G - 1, "boxed")
    b.wrong("2G", lambda G: 2 * G, "off by one")
    b.wrong(
        "2G - 1 + (G-2)(G-3)(G-4)(G-5)(G-6)(G-7)(G-8)(G-9)(G-10)(G-11)(G-12)",
        lambda G: 2 * G - 1 + math.prod(G - j for j in range(2, 13)),
        "a polynomial that vanishes for G = 2..12 but not beyond",
    )
    b.wrong(
        "2G - 1 + (G-1)(G-2)(G-3)(G-4)(G-5)(G-6)(G-7)(G-8)",
        lambda G: 2 * G - 1 + math.prod(G - j for j in range(1, 9)),
        "a polynomial that vanishes for G = 1..8 but not beyond",
    )
    b.wrong("2G - 2", lambda G: 2 * G - 2, "off by one")
    b.wrong("G^2", lambda G: G * G, "no parallelism: one square per step")
    b.wrong("G", lambda G: G, "one row (or column) per step ignores the west-north chain")
    b.wrong(r"2G - 1 + 10^{-9}", lambda G: 2 * G - 1 + 1e-9, "not exact")
    b.wrong(r"\frac{2G-1}{G-G}", lambda G: (2 * G - 1) / np.float64(G - G), "infinite")
    return cases + b.cases


def momentum() -> list:
    pts = []
    for D in (1, 2, 3):
        for _ in range(3):
            mod = m.momentum_model(_rng, D)
            th0, p0 = _rng.normal(size=D), _rng.normal(size=D)
            th1, p1 = mod.step(th0, p0)
            pts.append((mod, th0, p0, th1, p1))
    slow = m.Momentum(A=_rng.normal(size=(2, 2)), alpha=0.3, beta=0.995)  # a realistic heavy momentum
    th0, p0 = _rng.normal(size=2), _rng.normal(size=2)
    pts.append((slow, th0, p0, *slow.step(th0, p0)))
    b = CaseBuilder("csc421-2019-hw4/q3/inverse-theta", lambda M, th0, p0, th1, p1: th0, pts)
    b.right(r"\boldsymbol{\theta}^{(k+1)} - \mathbf{p}^{(k+1)}", lambda M, a, b_, th1, p1: th1 - p1, "reference")
    b.right(r"\theta^{(k+1)} - p^{(k+1)}", lambda M, a, b_, th1, p1: th1 - p1, "without bold")
    b.right(r"\boldsymbol{\theta}^{(k+1)} - \boldsymbol{p}^{(k+1)}", lambda M, a, b_, th1, p1: th1 - p1, "boldsymbol p")
    b.right(r"-\mathbf{p}^{(k+1)} + \boldsymbol{\theta}^{(k+1)}", lambda M, a, b_, th1, p1: th1 - p1, "reordered")
    b.wrong(r"\boldsymbol{\theta}^{(k+1)} + \mathbf{p}^{(k+1)}", lambda M, a, b_, th1, p1: th1 + p1, "sign flip")
    b.wrong(r"\boldsymbol{\theta}^{(k+1)}", lambda M, a, b_, th1, p1: th1, "drops p")
    b.wrong(r"\boldsymbol{\theta}^{(k+1)} - |\mathbf{p}^{(k+1)}|", lambda M, a, b_, th1, p1: th1 - abs(p1), "absolute value")
    b.wrong(
        r"\boldsymbol{\theta}^{(k+1)} - \mathbf{p}^{(k+1)} + 10^{-9}",
        lambda M, a, b_, th1, p1: th1 - p1 + 1e-9,
        "not exact",
    )
    b.wrong(
        r"\boldsymbol{\theta}^{(k+1)} - \beta \mathbf{p}^{(k+1)}",
        lambda M, a, b_, th1, p1: th1 - M.beta * p1,
        "spurious beta",
    )
    b.wrong(
        r"\boldsymbol{\theta}^{(k+1)} - \mathbf{p}^{(k+1)} + \frac{\alpha}{0}",
        lambda M, a, b_, th1, p1: th1 - p1 + M.alpha / F0,
        "infinite",
    )
    b.rule(r"\boldsymbol{\theta}^{(k)}", "restates the unknown")
    b.rule(
        r"\boldsymbol{\theta}^{(k+1)} - \beta \mathbf{p}^{(k)} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})",
        "circular: uses p(k) and theta(k), the step-k quantities the inverse must produce",
    )
    cases = b.cases

    def g0(M, th0):
        return M.grad(th0)

    b = CaseBuilder("csc421-2019-hw4/q3/inverse-p", lambda M, th0, p0, th1, p1: p0, pts)
    b.right(
        r"\frac{\mathbf{p}^{(k+1)} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})}{\beta}",
        lambda M, th0, p0, th1, p1: (p1 + M.alpha * g0(M, th0)) / M.beta,
        "reference",
    )
    b.right(
        r"\frac{1}{\beta}\mathbf{p}^{(k+1)} + \frac{\alpha}{\beta} \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})",
        lambda M, th0, p0, th1, p1: (p1 + M.alpha * g0(M, th0)) / M.beta,
        "split fraction",
    )
    b.right(
        r"\frac{\mathbf{p}^{(k+1)} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k+1)} - \mathbf{p}^{(k+1)})}{\beta}",
        lambda M, th0, p0, th1, p1: (p1 + M.alpha * M.grad(th1 - p1)) / M.beta,
        "fully explicit: theta(k) = theta(k+1) - p(k+1) substituted",
    )
    b.right(
        r"\beta^{-1}(p^{(k+1)} + \alpha \nabla J(\theta^{(k)}))",
        lambda M, th0, p0, th1, p1: (p1 + M.alpha * g0(M, th0)) / M.beta,
        "beta^-1, no bold",
    )
    b.wrong(
        r"\frac{\mathbf{p}^{(k+1)} - \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})}{\beta}",
        lambda M, th0, p0, th1, p1: (p1 - M.alpha * g0(M, th0)) / M.beta,
        "sign flip of the gradient term",
    )
    b.wrong(
        r"\beta (\mathbf{p}^{(k+1)} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)}))",
        lambda M, th0, p0, th1, p1: M.beta * (p1 + M.alpha * g0(M, th0)),
        "multiplies by beta instead of dividing",
    )
    b.wrong(
        r"\frac{\mathbf{p}^{(k+1)} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k+1)})}{\beta}",
        lambda M, th0, p0, th1, p1: (p1 + M.alpha * M.grad(th1)) / M.beta,
        "gradient at theta(k+1) instead of theta(k)",
    )
    b.wrong(
        r"\frac{\mathbf{p}^{(k+1)}}{\beta} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})",
        lambda M, th0, p0, th1, p1: p1 / M.beta + M.alpha * g0(M, th0),
        "only p divided by beta",
    )
    b.wrong(r"\frac{\mathbf{p}^{(k+1)}}{\beta}", lambda M, th0, p0, th1, p1: p1 / M.beta, "drops the gradient term")
    b.wrong(
        r"\frac{\mathbf{p}^{(k+1)} + \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})}{\beta} + e^{-10^{6} (\beta - 0.995)^2}",
        lambda M, th0, p0, th1, p1: (p1 + M.alpha * g0(M, th0)) / M.beta + np.exp(-1e6 * (M.beta - 0.995) ** 2),
        "adds a bump at beta = 0.995, a common momentum outside a sampled window like [0.1, 0.99]",
    )
    b.rule(r"\mathbf{p}^{(k)}", "restates the unknown")
    cases += b.cases

    dpts = []
    for D in (1, 2, 3, 4, 10):
        mod = m.momentum_model(_rng, D)
        dpts.append((D, mod, _rng.normal(size=D), _rng.normal(size=D)))
    b = CaseBuilder(
        "csc421-2019-hw4/q3/det-jacobian", lambda D, M, th, p: np.linalg.det(M.jacobian(th, p)), dpts, rtol=1e-11
    )
    b.right(r"\beta^D", lambda D, M, th, p: M.beta**D, "reference")
    b.right(r"\beta^{D}", lambda D, M, th, p: M.beta**D, "braces")
    b.right(r"\det \partial \mathbf{s}^{(k+1)} / \partial \mathbf{s}^{(k)} = \beta^D", lambda D, M, th, p: M.beta**D, "lhs = rhs")
    b.right("beta^D", lambda D, M, th, p: M.beta**D, "plain text")
    b.wrong(r"\beta", lambda D, M, th, p: M.beta, "misses the power D (right only for D = 1)")
    b.wrong(r"\beta^{2D}", lambda D, M, th, p: M.beta ** (2 * D), "2D instead of D")
    b.wrong(r"D \beta", lambda D, M, th, p: D * M.beta, "product instead of power")
    b.wrong("1", lambda D, M, th, p: 1.0, "volume-preserving only without the momentum decay")
    b.wrong(r"(-\beta)^D", lambda D, M, th, p: (-M.beta) ** D, "sign wrong for odd D")
    b.wrong(r"\beta^{D-1}", lambda D, M, th, p: M.beta ** (D - 1), "off by one in the power")
    b.wrong(
        r"\beta^D + (D-1)(D-2)(D-3)(D-4)(D-5)(D-6)(D-7)(D-8)",
        lambda D, M, th, p: M.beta**D + math.prod(D - j for j in range(1, 9)),
        "a polynomial that vanishes for D = 1..8 but not beyond",
    )
    b.wrong(r"\beta^D (1 + 10^{-9})", lambda D, M, th, p: M.beta**D * (1 + 1e-9), "not exact")
    b.wrong(r"\frac{\beta^D}{\alpha - \alpha}", lambda D, M, th, p: M.beta**D / F0, "infinite")
    b.rule(r"\det \frac{\partial \mathbf{s}^{(k+1)}}{\partial \mathbf{s}^{(k)}}", "restates the unknown")
    return cases + b.cases


def dim_c() -> list:
    pts = [(mm, n) for mm in (1, 3, 5) for n in (2, 4, 7)]

    def truth(mm, n):  # the length of c_t from an actual forward step
        Wc, Wh = _rng.normal(size=(mm, n)), _rng.normal(size=(mm, mm))
        return len(m.sigmoid(Wc @ _rng.normal(size=n) + Wh @ _rng.normal(size=mm)))

    b = CaseBuilder("nyu-dl-hw2/q1.2.1/b-dim-c", truth, pts)
    b.right("m", lambda mm, n: mm, "reference")
    b.right("$m$", lambda mm, n: mm, "in $...$")
    b.right(r"\mathbb{R}^m", lambda mm, n: mm, "the seed's spelling: c_t lives in R^m")
    b.wrong("n", lambda mm, n: n, "input dimension")
    b.wrong("m n", lambda mm, n: mm * n, "size of W_c")
    b.wrong("m + n", lambda mm, n: mm + n, "sum")
    b.wrong("m - 1", lambda mm, n: mm - 1, "off by one")
    b.wrong("m + 10^{-9}", lambda mm, n: mm + 1e-9, "not exact")
    b.wrong(r"\frac{m}{0}", lambda mm, n: mm / F0, "infinite")
    b.wrong(r"m \cdot 0.999999", lambda mm, n: mm * 0.999999, "not exact")
    b.wrong(r"\max(m, n)", lambda mm, n: max(mm, n), "n when the input is wider")
    return b.cases


def sutd() -> list:
    cells = [m.sutd_cell(_rng) for _ in range(8)]
    pts = [(c, c.step(), c.partials()) for c in cells]
    b = CaseBuilder("sutd-50039-week8/task1/dh-dh", lambda c, v, d: c.dh_dhprev_fd(), pts, rtol=1e-7)

    def ref(c, v, d, drop=None, use_tanh=False):
        inner = {"f": d["f"] * c.cp, "i": d["i"] * v["u"], "u": v["i"] * d["u"]}
        tp = np.tanh(v["c"]) if use_tanh else TP(v["c"])
        return d["o"] * np.tanh(v["c"]) + v["o"] * tp * sum(x for k, x in inner.items() if k != drop)

    P = {k: rf"\frac{{\partial {k}_t}}{{\partial h_{{t-1}}}}" for k in "ifou"}
    refs = (
        rf"{P['o']} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ ({P['f']} \circ c_{{t-1}} + {P['i']} \circ u_t"
        rf" + i_t \circ {P['u']})"
    )
    b.right(refs, ref, "reference")
    b.right(refs.replace(r"\circ", r"\odot"), ref, "odot for the element-wise product")
    b.right(refs.replace(r"\tanh'(c_t)", r"(1 - \tanh^2(c_t))"), ref, "tanh' written out")
    b.right(
        rf"{P['o']} \tanh(c_t) + o_t (1-\tanh^2(c_t)) {P['f']} c_{{t-1}} + o_t (1-\tanh^2(c_t)) {P['i']} u_t"
        rf" + o_t (1-\tanh^2(c_t)) i_t {P['u']}",
        ref,
        "expanded, juxtaposition for the element-wise product",
    )
    b.wrong(
        refs.replace(rf"{P['f']} \circ c_{{t-1}} + ", ""),
        lambda c, v, d: ref(c, v, d, drop="f"),
        "drops the forget-gate term",
    )
    b.wrong(
        refs.replace(rf" + i_t \circ {P['u']}", ""), lambda c, v, d: ref(c, v, d, drop="u"), "drops the u_t term"
    )
    b.wrong(refs.replace(r"\tanh'(c_t)", r"\tanh(c_t)"), lambda c, v, d: ref(c, v, d, use_tanh=True), "tanh for tanh'")
    b.wrong(
        rf"{P['o']} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ ({P['i']} \circ c_{{t-1}} + {P['f']} \circ u_t"
        rf" + i_t \circ {P['u']})",
        lambda c, v, d: d["o"] * np.tanh(v["c"]) + v["o"] * TP(v["c"]) * (d["i"] * c.cp + d["f"] * v["u"] + v["i"] * d["u"]),
        "input and forget gate partials swapped",
    )
    b.wrong(
        rf"{P['o']} \circ \tanh(c_t)",
        lambda c, v, d: d["o"] * np.tanh(v["c"]),
        "only the output-gate path",
    )
    b.wrong(
        refs.replace("c_{t-1}", "c_t"),
        lambda c, v, d: ref(c, v, d) + v["o"] * TP(v["c"]) * d["f"] * (v["c"] - c.cp),
        "c_t instead of c_(t-1) in the forget-gate term",
    )
    b.wrong(
        refs.replace(r"+ o_t \circ", r"- o_t \circ"),
        lambda c, v, d: d["o"] * np.tanh(v["c"]) - (ref(c, v, d) - d["o"] * np.tanh(v["c"])),
        "sign flip",
    )
    b.wrong(refs + r" + \frac{o_t}{0}", lambda c, v, d: ref(c, v, d) + v["o"] / F0, "infinite")
    b.rule(r"\frac{\partial h_t}{\partial h_{t-1}}", "restates the unknown")
    b.rule(
        rf"{P['o']} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ \frac{{\partial c_t}}{{\partial h_{{t-1}}}}",
        "leaves dc_t/dh_(t-1), which it must express through the four gate partials, unevaluated",
    )
    cases = b.cases

    zs = [(z,) for z in (-3.0, -1.2, -0.3, 0.0, 0.4, 1.7, 2.5, 6.0)]
    b = CaseBuilder(
        "sutd-50039-week8/task1/sigmoid-prime",
        m.dsigmoid,  # checked against finite differences in test_models
        zs,
        rtol=1e-12,
    )
    sg = m.sigmoid
    b.right(r"\frac{e^{-z}}{(1 + e^{-z})^2}", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "reference")
    b.right(r"\sigma(z)(1 - \sigma(z))", lambda z: sg(z) * (1 - sg(z)), "sigma(1 - sigma)")
    b.right("sigma(z)*(1-sigma(z))", lambda z: sg(z) * (1 - sg(z)), "plain text")
    b.right("exp(-z)/(1+exp(-z))^2", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "plain text exp")
    b.right("e^(-z)/(1+e^(-z))^2", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "plain text e^(...)")
    b.wrong(
        r"\frac{e^{-z}}{(1 + e^{-z})^2} + e^{-10^{6} z^2}",
        lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2 + np.exp(-1e6 * z**2),
        "adds a narrow bump at z = 0",
    )
    b.wrong(
        r"\frac{e^{-z}}{(1 + e^{-z})^2} + e^{-100 (z - 6)^2}",
        lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2 + np.exp(-100 * (z - 6) ** 2),
        "adds a bump at z = 6, outside a sampled window like [-4, 4]",
    )
    b.wrong("exp(-z)/(1+exp(-z))", lambda z: np.exp(-z) / (1 + np.exp(-z)), "plain text, denominator not squared")
    b.right(r"\frac{e^{z}}{(1 + e^{z})^2}", lambda z: np.exp(z) / (1 + np.exp(z)) ** 2, "multiplied by e^{2z}")
    b.right(
        r"\frac{1}{1+e^{-z}}\left(1-\frac{1}{1+e^{-z}}\right)",
        lambda z: sg(z) * (1 - sg(z)),
        "sigma written out",
    )
    b.right(r"\frac{1}{(1+e^{-z})(1+e^{z})}", lambda z: 1 / ((1 + np.exp(-z)) * (1 + np.exp(z))), "symmetric form")
    b.right(r"\frac{1}{4\cosh^2(z/2)}", lambda z: 1 / (4 * np.cosh(z / 2) ** 2), "cosh form")
    b.right(r"\frac{e^{-|z|}}{(1 + e^{-|z|})^2}", lambda z: np.exp(-abs(z)) / (1 + np.exp(-abs(z))) ** 2, "sigma' is even")
    b.wrong(r"\sigma(|z|)(1 - \sigma(z))", lambda z: sg(abs(z)) * (1 - sg(z)), "|z| in one factor only")
    b.right(r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2}", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "lhs = rhs")
    b.wrong(r"-\frac{e^{-z}}{(1 + e^{-z})^2}", lambda z: -np.exp(-z) / (1 + np.exp(-z)) ** 2, "sign flip")
    b.wrong(r"\frac{e^{-z}}{1 + e^{-z}}", lambda z: np.exp(-z) / (1 + np.exp(-z)), "denominator not squared")
    b.wrong(r"\sigma(z)(1 + \sigma(z))", lambda z: sg(z) * (1 + sg(z)), "1 + sigma")
    b.wrong(r"\frac{1}{(1 + e^{-z})^2}", lambda z: 1 / (1 + np.exp(-z)) ** 2, "drops e^{-z} in the numerator")
    b.wrong(r"\frac{e^{z}}{(1 + e^{-z})^2}", lambda z: np.exp(z) / (1 + np.exp(-z)) ** 2, "sign of the exponent")
    b.wrong(r"1 - \sigma(z)^2", lambda z: 1 - sg(z) ** 2, "tanh-style derivative")
    b.wrong(r"\sigma(z)", lambda z: sg(z), "sigma itself")
    b.wrong(r"\frac{e^{-z}}{(1 + e^{-z})^2} + \frac{1}{z - z}", lambda z: 1 / np.float64(z - z), "undefined")
    b.wrong(
        r"\frac{e^{-z}}{(1 + e^{-z})^2} (1 + 10^{-9} z)",
        lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2 * (1 + 1e-9 * z),
        "not exact",
    )
    b.rule(r"\sigma'(z)", "restates the unknown")
    b.rule(r"\sigma'(z) \cdot 1", "restates the unknown (times 1)")
    b.rule(r"\frac{1}{2}\sigma'(z) + \frac{1}{2}\sigma(z)(1 - \sigma(z))", "half of it restates the unknown")
    b.rule(r"\frac{d}{dz} \sigma(z)", "restates the unknown with a derivative operator")
    b.rule(r"\frac{d}{dz}\frac{1}{1 + e^{-z}}", "the derivative it was asked to calculate, left unevaluated")
    cases += b.cases

    fpts = []
    for _ in range(4):
        k, dd = 4, 3
        Wf, Uf = _rng.normal(size=(k, dd)), _rng.normal(size=(k, k))
        x, h = _rng.normal(size=dd), _rng.normal(size=k)
        J = m.forget_jacobian_fd(Wf, Uf, x, h)
        for d1, d2 in ((0, 1), (2, 3), (3, 0), (1, 1)):
            fpts.append((Wf, Uf, x, h, d1, d2, J))
    b = CaseBuilder("sutd-50039-week8/task1/df-dh", lambda Wf, Uf, x, h, d1, d2, J: J[d1, d2], fpts, rtol=1e-7)

    def pre(Wf, Uf, x, h, d1):
        return Wf[d1] @ x + Uf[d1] @ h

    arg = r"W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1}"
    b.right(rf"\sigma'({arg}) U^f[d_1,d_2]", lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2], "ref")
    b.right(
        rf"U^f[d_1,d_2] \, \sigma({arg})(1-\sigma({arg}))",
        lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2],
        "sigma' written out, commuted",
    )
    b.right(
        r"f_t[d_1](1 - f_t[d_1]) U^f[d_1,d_2]",
        lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2],
        "sigma' = f(1-f) at the gate's own value",
    )
    b.right(
        r"\sigma'(-W^f[d_1,:] \cdot x_t - U^f[d_1,:] \cdot h_{t-1}) U^f[d_1,d_2]",
        lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2],
        "sigma' is even",
    )
    b.wrong(
        rf"(1 - \sigma({arg}))^2 U^f[d_1,d_2]",
        lambda Wf, Uf, x, h, d1, d2, J: (1 - m.sigmoid(pre(Wf, Uf, x, h, d1))) ** 2 * Uf[d1, d2],
        "sigma(-z)(1 - sigma(z)) is (1 - sigma)^2, not sigma'",
    )
    b.wrong(
        rf"\sigma'({arg}) U^f[d_2,d_1]",
        lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Uf[d2, d1],
        "transposed index",
    )
    b.wrong(
        rf"\sigma'({arg}) W^f[d_1,d_2]",
        lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Wf[d1, d2 % 3],
        "input weight instead of recurrent weight",
    )
    b.wrong(rf"\sigma'({arg})", lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)), "drops U^f[d1,d2]")
    b.wrong(
        rf"\sigma({arg}) U^f[d_1,d_2]",
        lambda Wf, Uf, x, h, d1, d2, J: m.sigmoid(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2],
        "sigma instead of sigma'",
    )
    b.rule(r"\frac{\partial f_t[d_1]}{\partial h_{t-1}[d_2]}", "restates the unknown")
    cases += b.cases

    apts = []
    for k in (2, 3, 5):
        for _ in range(2):
            u = _rng.normal(size=k)
            apts.append((u,))
    b = CaseBuilder("sutd-50039-week8/task1/argmax", lambda u: m.forget_argmax_and_max(u, 0.0)[0], apts)
    nrm = np.linalg.norm
    b.right(r"\frac{U^f(d)}{\|U^f(d)\|_2}", lambda u: u / nrm(u), "reference")
    b.right(r"\frac{1}{\|U^f(d)\|_2} U^f(d)", lambda u: u / nrm(u), "factor in front")
    b.right(r"h_{t-1} = \frac{U^f(d)}{\|U^f(d)\|_2}", lambda u: u / nrm(u), "lhs = rhs")
    b.wrong(r"-\frac{U^f(d)}{\|U^f(d)\|_2}", lambda u: -u / nrm(u), "the minimiser")
    b.wrong(r"U^f(d)", lambda u: u, "not normalised")
    b.wrong(r"\frac{|U^f(d)|}{\|U^f(d)\|_2}", lambda u: abs(u) / nrm(u), "component-wise absolute value")
    b.wrong(r"\frac{U^f(d)}{|U^f(d)|}", lambda u: u / abs(u), "component-wise sign, not the unit vector")
    b.wrong(r"\frac{U^f(d)}{\sqrt{(U^f(d))^2}}", lambda u: u / np.sqrt(u**2), "component-wise sign, not the unit vector")
    b.wrong(r"\frac{U^f(d)}{\|U^f(d)\|_2^2}", lambda u: u / nrm(u) ** 2, "divides by the squared norm")
    b.wrong(r"\|U^f(d)\|_2 U^f(d)", lambda u: u * nrm(u), "multiplies by the norm")
    b.wrong(r"\frac{U^f(d)}{\|U^f(d)\|_2} + \frac{1}{0}", lambda u: u / F0, "infinite")
    return cases + b.cases


def bounds() -> list:
    ns = [(n,) for n in (*range(1, 9), 11, 12, 15)]
    cases = []
    b = CaseBuilder("csc413-2020-hw4/q1.1.1/bound", lambda n: m.chain_sup(n, "sigmoid"), ns, rtol=1e-12)
    b.right(r"\left(\frac{1}{4}\right)^n", lambda n: 0.25**n, "reference")
    b.right(r"4^{-n}", lambda n: 4.0**-n, "4^-n")
    b.right(r"\frac{1}{4^n}", lambda n: 1 / 4**n, "1/4^n")
    b.right("(1/4)^n", lambda n: 0.25**n, "plain text")
    b.right(r"2^{-2n}", lambda n: 2.0 ** (-2 * n), "2^-2n")
    b.right(r"0.25^n", lambda n: 0.25**n, "decimal base")
    b.right("1/4^n", lambda n: 1 / 4**n, "plain text 1/4^n")
    b.right("4^(-n)", lambda n: 4.0**-n, "plain text 4^(-n)")
    b.wrong(
        r"\left(\frac{1}{4}\right)^n + (n-1)(n-2)(n-3)(n-4)(n-5)(n-6)(n-7)(n-8)",
        lambda n: 0.25**n + math.prod(n - j for j in range(1, 9)),
        "a polynomial that vanishes for n = 1..8 but not beyond",
    )
    b.wrong(
        r"\left(\frac{1}{4}\right)^n + \prod_{j=1}^{12} (n - j)",
        lambda n: 0.25**n + math.prod(n - j for j in range(1, 13)),
        "a polynomial that vanishes for n = 1..12 but not beyond",
    )
    b.wrong(r"\left(\frac{1}{4}\right)^{n-1}", lambda n: 0.25 ** (n - 1), "exponent off by one")
    b.wrong(r"\left(\frac{1}{4}\right)^{n+1}", lambda n: 0.25 ** (n + 1), "exponent off by one")
    b.wrong(r"\frac{1}{4}", lambda n: 0.25, "one layer only")
    b.wrong(r"\left(\frac{1}{2}\right)^n", lambda n: 0.5**n, "max of sigma' is 1/4, not 1/2")
    b.wrong(r"\frac{1}{4n}", lambda n: 1 / (4 * n), "not exponential")
    b.wrong("1", lambda n: 1.0, "not the smallest bound")
    b.wrong(r"0.25^n + 10^{-12}", lambda n: 0.25**n + 1e-12, "not exact")
    b.rule(r"\left(\frac{1}{4}\right)^n + 4^{-100}", "not exact: (1/4)^n + 4^-100 is not the supremum (float-invisible)")
    b.wrong(r"\left(\frac{1}{4}\right)^n (1 + 10^{-9} n)", lambda n: 0.25**n * (1 + 1e-9 * n), "not exact")
    b.wrong(r"0.2499999^n", lambda n: 0.2499999**n, "too small: not a bound")
    b.wrong(r"\frac{(1/4)^n}{n - n}", lambda n: 0.25**n / np.float64(n - n), "infinite")
    b.wrong(
        r"\left(\frac{1}{4}\right)^n + \ln(0) - \ln(0)", lambda n: 0.25**n + np.log(F0) - np.log(F0), "undefined"
    )
    cases += b.cases
    b = CaseBuilder("csc413-2020-hw4/q1.1.2/bound", lambda n: m.chain_sup(n, "tanh"), ns, rtol=1e-12)
    b.right("1", lambda n: 1.0, "reference")
    b.right("1^n", lambda n: 1.0, "1^n")
    b.right(r"\boxed{1}", lambda n: 1.0, "boxed")
    b.right("B(n) = 1", lambda n: 1.0, "lhs = rhs")
    b.wrong("0.999999", lambda n: 0.999999, "too small: not a bound (tanh'(0) = 1)")
    b.wrong(r"1 + 10^{-9} n", lambda n: 1 + 1e-9 * n, "not the smallest bound")
    b.wrong(r"\left(\frac{1}{4}\right)^n", lambda n: 0.25**n, "the sigmoid bound")
    b.wrong(r"\left(\frac{1}{2}\right)^n", lambda n: 0.5**n, "too small")
    b.wrong("n", lambda n: float(n), "grows with n")
    b.wrong("0", lambda n: 0.0, "not a bound")
    b.wrong(r"\frac{1}{0}", lambda n: 1 / F0, "infinite")
    b.wrong(r"0.9999999999", lambda n: 0.9999999999, "too small: not a bound (1 is attained)")
    b.rule("B(n)", "restates the unknown")
    cases += b.cases
    b = CaseBuilder("csc413-2020-hw4/q1.2.1/bound", lambda n: m.tanh_rnn_sup(n), ns, rtol=1e-12)
    b.right(r"\left(\frac{1}{2}\right)^{n-1}", lambda n: 0.5 ** (n - 1), "reference")
    b.right(r"2^{1-n}", lambda n: 2.0 ** (1 - n), "2^(1-n)")
    b.right(r"\frac{2}{2^n}", lambda n: 2 / 2**n, "2/2^n")
    b.right(r"0.5^{n-1}", lambda n: 0.5 ** (n - 1), "decimal base")
    b.right("1/2^{n-1}", lambda n: 1 / 2 ** (n - 1), "1/2^(n-1)")
    b.right(r"2^{-n+1}", lambda n: 2.0 ** (-n + 1), "2^(-n+1)")
    b.wrong(r"\left(\frac{1}{2}\right)^n", lambda n: 0.5**n, "n layer Jacobians instead of n - 1")
    b.wrong(r"\left(\frac{1}{2}\right)^{n+1}", lambda n: 0.5 ** (n + 1), "exponent off")
    b.wrong(r"\frac{1}{2}", lambda n: 0.5, "one layer")
    b.wrong(r"\left(\frac{1}{4}\right)^{n-1}", lambda n: 0.25 ** (n - 1), "too small")
    b.wrong(r"\left(\frac{1}{2}\right)^{n-1} + 10^{-9}", lambda n: 0.5 ** (n - 1) + 1e-9, "not exact")
    cases += b.cases

    sm = [(s,) for s in (0.01, 0.05, 0.1, 0.3)]
    b = CaseBuilder("csc413-2020-hw4/q1.2.2/smallest", lambda s: m.residual_extreme_singular(s, "min"), sm)
    b.right(r"1 - \sigma_{small}", lambda s: 1 - s, "reference")
    b.right(r"-\sigma_{small} + 1", lambda s: 1 - s, "reordered")
    b.right(r"\sigma_{\min} \geq 1 - \sigma_{small}", lambda s: 1 - s, "as the inequality")
    b.wrong(r"\sigma_{small} - 1", lambda s: s - 1, "sign flip (negative: vacuous)")
    b.wrong(r"1 + \sigma_{small}", lambda s: 1 + s, "not a lower bound")
    b.wrong("1", lambda s: 1.0, "not a lower bound")
    b.wrong(r"1 - \sigma_{small}^2", lambda s: 1 - s * s, "squared")
    b.wrong(r"1 - \sigma_{small} + \frac{1}{0}", lambda s: 1 / F0, "infinite")
    b.wrong(r"1 - 1.000001\sigma_{small}", lambda s: 1 - 1.000001 * s, "not the largest lower bound")
    b.rule(r"\sigma_{\min}\left(\frac{\partial z_{t+1}}{\partial z_t}\right)", "restates the unknown")
    cases += b.cases
    bg = [(s,) for s in (2.0, 10.0, 50.0, 100.0, 1000.0)]
    b = CaseBuilder("csc413-2020-hw4/q1.2.2/largest", lambda s: m.residual_extreme_singular(s, "max"), bg)
    b.right(r"\sigma_{big} - 1", lambda s: s - 1, "reference")
    b.right(r"-1 + \sigma_{big}", lambda s: s - 1, "reordered")
    b.wrong(r"1 - \sigma_{big}", lambda s: 1 - s, "sign flip")
    b.wrong(r"\sigma_{big} + 1", lambda s: s + 1, "the upper bound, not the lower")
    b.wrong(r"\sigma_{big}", lambda s: s, "not attained")
    b.wrong(r"\sigma_{big}^2 - 1", lambda s: s * s - 1, "squared")
    b.wrong(r"\sigma_{big} - 0.999999", lambda s: s - 0.999999, "not exact")
    b.wrong(
        r"\sigma_{big} - 1 + e^{-(\sigma_{big} - 100)^2}",
        lambda s: s - 1 + np.exp(-((s - 100) ** 2)),
        "adds a bump at sigma_big = 100, outside a sampled window like [2, 50]",
    )
    cases += b.cases
    return cases


def batchnorm() -> list:
    pts = []
    for mm in (2, 3, 5, 8):
        x = _rng.normal(size=mm) * 2 + 1
        for i in (0, mm - 1):
            gamma, eps = float(_rng.uniform(0.5, 2) * _rng.choice([-1, 1])), float(_rng.choice([1e-3, 0.1, 0.7]))
            mu, var = x.mean(), ((x - x.mean()) ** 2).mean()
            pts.append((x, i, gamma, eps, mm, x[i], mu, var))
    b = CaseBuilder(
        "csc413-2020-hw4/q1.3.1/dy-dx",
        lambda x, i, g, e, mm, xi, mu, v: m.batchnorm_dyi_dxi_fd(x, i, g, e),
        pts,
        rtol=1e-7,
    )
    sq = np.sqrt

    def ref(x, i, g, e, mm, xi, mu, v):
        return g / sq(v + e) * ((mm - 1) / mm - (xi - mu) ** 2 / (mm * (v + e)))

    SB, MU = r"\sigma_{\mathcal{B}}^2", r"\mu_{\mathcal{B}}"
    b.right(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} - \frac{{(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)",
        ref,
        "reference",
    )
    b.right(
        rf"\frac{{\gamma}}{{{SB} + \epsilon}} \left[ \frac{{m-1}}{{m}} \sqrt{{{SB} + \epsilon}} - \frac{{1}}{{m}} "
        rf"\frac{{(x_i - {MU})^2}}{{\sqrt{{{SB} + \epsilon}}}} \right]",
        ref,
        "the seed's (1.48) form",
    )
    b.right(
        rf"\frac{{\gamma (m-1)}}{{m \sqrt{{{SB} + \epsilon}}}} - \frac{{\gamma (x_i - {MU})^2}}{{m ({SB} + \epsilon)^{{3/2}}}}",
        ref,
        "expanded, power 3/2",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}}",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e),
        "treats mu and sigma^2 as constants",
    )
    b.wrong(
        rf"\frac{{\gamma (m-1)}}{{m \sqrt{{{SB} + \epsilon}}}}",
        lambda x, i, g, e, mm, xi, mu, v: g * (mm - 1) / (mm * sq(v + e)),
        "drops the dependence of sigma^2 on x_i",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} + \frac{{(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e) * ((mm - 1) / mm + (xi - mu) ** 2 / (mm * (v + e))),
        "sign flip of the variance term",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} - \frac{{2(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e) * ((mm - 1) / mm - 2 * (xi - mu) ** 2 / (mm * (v + e))),
        "factor 2 not cancelled",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} - \frac{{(x_i - {MU})^2}}{{m \sqrt{{{SB} + \epsilon}}}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e) * ((mm - 1) / mm - (xi - mu) ** 2 / (mm * sq(v + e))),
        "square root in the inner denominator",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(1 - \frac{{(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e) * (1 - (xi - mu) ** 2 / (mm * (v + e))),
        "drops the mean's dependence (1 instead of (m-1)/m)",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{{SB} + \epsilon}} \left(\frac{{m-1}}{{m}} - \frac{{(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: g / (v + e) * ((mm - 1) / mm - (xi - mu) ** 2 / (mm * (v + e))),
        "no square root in front",
    )
    b.wrong(r"\gamma", lambda x, i, g, e, mm, xi, mu, v: g, "gamma only")
    b.wrong(
        rf"\frac{{|\gamma|}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} - \frac{{(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: ref(x, i, abs(g), e, mm, xi, mu, v),
        "|gamma|: wrong for a negative scale (gamma is a learned real parameter)",
    )
    b.wrong(
        rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} - \frac{{(x_i - {MU})|x_i - {MU}|}}{{m ({SB} + \epsilon)}}\right)",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e) * ((mm - 1) / mm - (xi - mu) * abs(xi - mu) / (mm * (v + e))),
        "signed square: wrong for x_i below the mean",
    )
    b.wrong(
        r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} + \frac{1}{\epsilon - \epsilon}",
        lambda x, i, g, e, mm, xi, mu, v: g / sq(v + e) + 1 / np.float64(e - e),
        "infinite",
    )
    b.rule(r"\frac{\partial y_i}{\partial x_i}", "restates the unknown")
    b.rule(r"\gamma \frac{\partial \hat{x}_i}{\partial x_i}", "the seed's first line: the derivative left unevaluated")
    return b.cases
