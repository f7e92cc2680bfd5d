r"""The sutd LSTM cell (dh_t/dh_(t-1), sigma', the forget gate's derivative and maximiser) and batch norm, judged on
finite differences, random search and the models' closed forms."""

from __future__ import annotations

import numpy as np

from tests.adversarial import models as m
from tests.adversarial import models_bounds as mb
from tests.adversarial.judge import CaseBuilder

S, TP = m.dsigmoid, m.dtanh
_rng = np.random.default_rng(50039)
F0 = np.float64(0)


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
    b.wrong(refs.replace(rf" + i_t \circ {P['u']}", ""), lambda c, v, d: ref(c, v, d, drop="u"), "drops the u_t term")
    b.wrong(refs.replace(r"\tanh'(c_t)", r"\tanh(c_t)"), lambda c, v, d: ref(c, v, d, use_tanh=True), "tanh for tanh'")
    b.wrong(
        rf"{P['o']} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ ({P['i']} \circ c_{{t-1}} + {P['f']} \circ u_t"
        rf" + i_t \circ {P['u']})",
        lambda c, v, d: (
            d["o"] * np.tanh(v["c"]) + v["o"] * TP(v["c"]) * (d["i"] * c.cp + d["f"] * v["u"] + v["i"] * d["u"])
        ),
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
    b.right(r"\sigma(z)\sigma(-z)", lambda z: sg(z) * sg(-z), "sigma(-z) = 1 - sigma(z)")
    b.right(r"\dfrac{e^{-z}}{(1 + e^{-z})^2}", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "\\dfrac")
    b.right(r"\frac{\exp(-z)}{(1 + \exp(-z))^2}", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "\\exp")
    b.right(r"\sigma(z) \times (1 - \sigma(z))", lambda z: sg(z) * (1 - sg(z)), "\\times for the product")
    b.right(r"\sigma(z)\left[1 - \sigma(z)\right]", lambda z: sg(z) * (1 - sg(z)), "square brackets")
    b.right("σ(z)(1 − σ(z))", lambda z: sg(z) * (1 - sg(z)), "unicode sigma and minus sign")
    b.right(r"\frac{\sigma(z)}{1 + e^{z}}", lambda z: sg(z) / (1 + np.exp(z)), "1/(1 + e^z) = sigma(-z)")
    b.wrong(r"\sigma(z)\sigma(z)", lambda z: sg(z) ** 2, "sigma^2")
    b.wrong(
        r"\frac{e^{-z}}{(1 + e^{-z})^2} + C",
        lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2 + np.e,
        "+ C: a derivative has no constant",
    )
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
    b.right(
        r"\frac{e^{-|z|}}{(1 + e^{-|z|})^2}", lambda z: np.exp(-abs(z)) / (1 + np.exp(-abs(z))) ** 2, "sigma' is even"
    )
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
    # a saturated gate: row 0's pre-activation is exactly 8
    Wf, Uf = _rng.normal(size=(4, 3)), _rng.normal(size=(4, 4))
    x, h = _rng.normal(size=3), _rng.normal(size=4)
    Wf[0] *= (8 - Uf[0] @ h) / (Wf[0] @ x)
    fpts.append((Wf, Uf, x, h, 0, 2, m.forget_jacobian_fd(Wf, Uf, x, h)))
    b = CaseBuilder("sutd-50039-week8/task1/df-dh", lambda Wf, Uf, x, h, d1, d2, J: J[d1, d2], fpts, rtol=1e-7)

    def pre(Wf, Uf, x, h, d1):
        return Wf[d1] @ x + Uf[d1] @ h

    arg = r"W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1}"
    b.right(
        rf"\sigma'({arg}) U^f[d_1,d_2]", lambda Wf, Uf, x, h, d1, d2, J: S(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2], "ref"
    )
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
    b.wrong(
        rf"\sigma'({arg}) U^f[d_1,d_2] + e^{{-10 ({arg} - 8)^2}}",
        lambda Wf, Uf, x, h, d1, d2, J: (
            S(pre(Wf, Uf, x, h, d1)) * Uf[d1, d2] + np.exp(-10 * (pre(Wf, Uf, x, h, d1) - 8) ** 2)
        ),
        "adds a bump at a saturated pre-activation of 8, outside a sampled window like [-4, 4]",
    )
    b.rule(r"\frac{\partial f_t[d_1]}{\partial h_{t-1}[d_2]}", "restates the unknown")
    cases += b.cases

    apts = []
    for k in (2, 3, 5):
        for _ in range(2):
            u = _rng.normal(size=k)
            apts.append((u,))
    apts.append((_rng.normal(size=3) * 1e-4,))  # a tiny but non-zero row
    b = CaseBuilder("sutd-50039-week8/task1/argmax", lambda u: mb.forget_argmax_and_max(u, 0.0)[0], apts)
    nrm = np.linalg.norm
    b.right(r"\frac{U^f(d)}{\|U^f(d)\|_2}", lambda u: u / nrm(u), "reference")
    b.right(r"\frac{1}{\|U^f(d)\|_2} U^f(d)", lambda u: u / nrm(u), "factor in front")
    b.right(r"h_{t-1} = \frac{U^f(d)}{\|U^f(d)\|_2}", lambda u: u / nrm(u), "lhs = rhs")
    b.wrong(r"-\frac{U^f(d)}{\|U^f(d)\|_2}", lambda u: -u / nrm(u), "the minimiser")
    b.wrong(r"U^f(d)", lambda u: u, "not normalised")
    b.wrong(
        r"\frac{U^f(d)}{\|U^f(d)\|_2} + e^{-10^{6} \|U^f(d)\|_2^2}",
        lambda u: u / nrm(u) + np.exp(-1e6 * nrm(u) ** 2),
        "adds a bump for rows of small norm",
    )
    b.wrong(r"\frac{|U^f(d)|}{\|U^f(d)\|_2}", lambda u: abs(u) / nrm(u), "component-wise absolute value")
    b.wrong(r"\frac{U^f(d)}{|U^f(d)|}", lambda u: u / abs(u), "component-wise sign, not the unit vector")
    b.wrong(
        r"\frac{U^f(d)}{\sqrt{(U^f(d))^2}}", lambda u: u / np.sqrt(u**2), "component-wise sign, not the unit vector"
    )
    b.wrong(r"\frac{U^f(d)}{\|U^f(d)\|_2^2}", lambda u: u / nrm(u) ** 2, "divides by the squared norm")
    b.wrong(r"\|U^f(d)\|_2 U^f(d)", lambda u: u * nrm(u), "multiplies by the norm")
    b.wrong(r"\frac{U^f(d)}{\|U^f(d)\|_2} + \frac{1}{0}", lambda u: u / F0, "infinite")
    return cases + b.cases


def batchnorm() -> list:
    pts = []
    for mm in (2, 3, 5, 8):
        x = _rng.normal(size=mm) * 2 + 1
        for i in (0, mm - 1):
            gamma, eps = float(_rng.uniform(0.5, 2) * _rng.choice([-1, 1])), float(_rng.choice([1e-3, 0.1, 0.7]))
            mu, var = x.mean(), ((x - x.mean()) ** 2).mean()
            pts.append((x, i, gamma, eps, mm, x[i], mu, var))
    x = _rng.normal(size=64)  # a common batch size and PyTorch's default epsilon
    pts.append((x, 3, 1.0, 1e-5, 64, x[3], x.mean(), x.var()))
    b = CaseBuilder(
        "csc413-2020-hw4/q1.3.1/dy-dx",
        lambda x, i, g, e, mm, xi, mu, v: mb.batchnorm_dyi_dxi_fd(x, i, g, e),
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
    bn_ref = rf"\frac{{\gamma}}{{\sqrt{{{SB} + \epsilon}}}} \left(\frac{{m-1}}{{m}} - \frac{{(x_i - {MU})^2}}{{m ({SB} + \epsilon)}}\right)"
    b.wrong(
        bn_ref + r" + e^{-10^{6} \epsilon^2}",
        lambda x, i, g, e, mm, xi, mu, v: ref(x, i, g, e, mm, xi, mu, v) + np.exp(-1e6 * e**2),
        "adds a bump that is ~1 at the usual epsilon = 1e-5 and ~0 for epsilon >= 0.01",
    )
    b.wrong(
        bn_ref + r" + e^{-(m - 64)^2}",
        lambda x, i, g, e, mm, xi, mu, v: ref(x, i, g, e, mm, xi, mu, v) + np.exp(-((mm - 64) ** 2)),
        "adds a bump at the common batch size m = 64",
    )
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
