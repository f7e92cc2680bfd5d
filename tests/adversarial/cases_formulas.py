r"""Formula parts outside the LSTM BPTT: MDRNN sizes, momentum inverse and Jacobian, the sutd LSTM cell, sigmoid',
the 1.1-1.2 gradient bounds and batch norm. Every truth is a model quantity (counts, DAG depth, finite differences,
constructed suprema)."""

from __future__ import annotations

import math

import numpy as np

from tests.adversarial import models as m
from tests.adversarial import models_bounds as mb
from tests.adversarial import models_counts as mc
from tests.adversarial.judge import CaseBuilder

S, TP = m.dsigmoid, m.dtanh
_rng = np.random.default_rng(2019)
F0 = np.float64(0)


def mdrnn() -> list:
    sizes = [(G, D, H) for G in (1, 2, 5, 11, 16) for D in (1, 3, 7, 12, 15) for H in (1, 2, 6, 13)]
    b = CaseBuilder("csc421-2019-hw4/q2/weights", lambda G, D, H: mc.mdrnn_weights(D, H), sizes)
    b.right("D H + 2 H^2", lambda G, D, H: D * H + 2 * H**2, "the reference itself")
    b.wrong(
        "D H + 2 H^2 + c",
        lambda G, D, H: D * H + 2 * H**2 + np.pi,
        "an arbitrary constant c that is not one of the sizes",
    )
    b.wrong(
        r"D H + 2 H^2 \pm H", lambda G, D, H: D * H + 2 * H**2 + H, "hedges with \\pm: one of its readings is wrong"
    )
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
    b = CaseBuilder("csc421-2019-hw4/q2/steps", lambda G: mc.grid_depth(G, G), [(G,) for G in (*range(1, 9), 13, 20)])
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
    b.right(r"\theta_{k+1} - p_{k+1}", lambda M, a, b_, th1, p1: th1 - p1, "subscript steps")
    b.right(r"\boldsymbol{\theta}^{(k+1)} - \boldsymbol{p}^{(k+1)}", lambda M, a, b_, th1, p1: th1 - p1, "boldsymbol p")
    b.right(r"-\mathbf{p}^{(k+1)} + \boldsymbol{\theta}^{(k+1)}", lambda M, a, b_, th1, p1: th1 - p1, "reordered")
    b.wrong(r"\boldsymbol{\theta}^{(k+1)} + \mathbf{p}^{(k+1)}", lambda M, a, b_, th1, p1: th1 + p1, "sign flip")
    b.wrong(r"\boldsymbol{\theta}^{(k+1)}", lambda M, a, b_, th1, p1: th1, "drops p")
    b.wrong(
        r"\boldsymbol{\theta}^{(k+1)} - |\mathbf{p}^{(k+1)}|", lambda M, a, b_, th1, p1: th1 - abs(p1), "absolute value"
    )
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
    b.right(
        r"\det \partial \mathbf{s}^{(k+1)} / \partial \mathbf{s}^{(k)} = \beta^D",
        lambda D, M, th, p: M.beta**D,
        "lhs = rhs",
    )
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


def bounds() -> list:
    ns = [(n,) for n in (*range(1, 9), 11, 12, 15)]
    cases = []
    b = CaseBuilder("csc413-2020-hw4/q1.1.1/bound", lambda n: mb.chain_sup(n, "sigmoid"), ns, rtol=1e-12)
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
    b.rule(
        r"\left(\frac{1}{4}\right)^n + 4^{-100}", "not exact: (1/4)^n + 4^-100 is not the supremum (float-invisible)"
    )
    b.wrong(r"\left(\frac{1}{4}\right)^n (1 + 10^{-9} n)", lambda n: 0.25**n * (1 + 1e-9 * n), "not exact")
    b.wrong(r"0.2499999^n", lambda n: 0.2499999**n, "too small: not a bound")
    b.wrong(r"\frac{(1/4)^n}{n - n}", lambda n: 0.25**n / np.float64(n - n), "infinite")
    b.wrong(r"\left(\frac{1}{4}\right)^n + \ln(0) - \ln(0)", lambda n: 0.25**n + np.log(F0) - np.log(F0), "undefined")
    cases += b.cases
    b = CaseBuilder("csc413-2020-hw4/q1.1.2/bound", lambda n: mb.chain_sup(n, "tanh"), ns, rtol=1e-12)
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
    b = CaseBuilder("csc413-2020-hw4/q1.2.1/bound", lambda n: mb.tanh_rnn_sup(n), ns, rtol=1e-12)
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
    b = CaseBuilder("csc413-2020-hw4/q1.2.2/smallest", lambda s: mb.residual_extreme_singular(s, "min"), sm)
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
    b = CaseBuilder("csc413-2020-hw4/q1.2.2/largest", lambda s: mb.residual_extreme_singular(s, "max"), bg)
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
