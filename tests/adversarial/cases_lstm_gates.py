r"""csc421 hw4 Q1: the gate adjoints (g, o, f, i) and the weight gradient for T = 3, judged on real LSTM runs."""

from __future__ import annotations

import numpy as np

from tests.adversarial import models as m
from tests.adversarial.cases_lstm import POINTS, POINTS3, TP, S, _cbar
from tests.adversarial.judge import CaseBuilder


def _simple_gate_part(pid, truth, ref, rights, wrongs, unknown):
    b = CaseBuilder(pid, truth, POINTS)
    b.right(ref[0], ref[1], "the reference itself")
    for ans, fn, why in rights:
        b.right(ans, fn, why)
    for ans, fn, why in wrongs:
        b.wrong(ans, fn, why)
    b.rule(unknown, "restates the unknown")
    node = unknown[len(r"\overline{") : -1]
    b.rule(
        rf"\frac{{\partial \mathcal{{L}}}}{{\partial {node}}}",
        "restates the unknown: the prompt defines overline as dL/dv",
    )
    return b.cases


def csc421_gates() -> list:
    cases = _simple_gate_part(
        "csc421-2019-hw4/q1/g-bar",
        lambda r, t: r.bg[t],
        (r"\overline{c^{(t)}} i^{(t)}", lambda r, t: r.bc[t] * r.i[t]),
        [
            (r"i^{(t)} \overline{c^{(t)}}", lambda r, t: r.bc[t] * r.i[t], "commuted"),
            (r"\overline{c^{(t)}} \cdot i^{(t)}", lambda r, t: r.bc[t] * r.i[t], "with \\cdot"),
            (r"\overline{c^{(t)}}\, i^{(t)}", lambda r, t: r.bc[t] * r.i[t], "with a thin space"),
            (r"\bar{c}^{(t)} i^{(t)}", lambda r, t: r.bc[t] * r.i[t], "\\bar{c}^{(t)} for c-bar"),
            (r"\overline{g^{(t)}} = \overline{c^{(t)}} i^{(t)}", lambda r, t: r.bc[t] * r.i[t], "lhs = rhs"),
            (
                r"\left(\overline{h^{(t)}} o^{(t)} (1-\tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}\right) i^{(t)}",
                lambda r, t: _cbar(r, t) * r.i[t],
                "c-bar substituted",
            ),
        ],
        [
            (r"\overline{c^{(t)}} g^{(t)}", lambda r, t: r.bc[t] * r.g[t], "swapped i and g (that is i-bar)"),
            (
                r"\overline{c^{(t)}} i^{(t)} (1-(g^{(t)})^2)",
                lambda r, t: r.bc[t] * r.i[t] * TP(r.z["g"][t]),
                "gradient of g's pre-activation, not of g",
            ),
            (r"\overline{c^{(t)}} f^{(t)}", lambda r, t: r.bc[t] * r.f[t], "forget gate instead of input gate"),
            (r"\overline{c^{(t+1)}} i^{(t+1)}", lambda r, t: r.bc[t + 1] * r.i[t + 1], "time shifted to t+1"),
            (r"\overline{c^{(2)}} i^{(2)}", lambda r, t: r.bc[2] * r.i[2], "fixed step 2"),
            (
                r"\frac{t}{2} \overline{c^{(t)}} i^{(t)}",
                lambda r, t: t / 2 * r.bc[t] * r.i[t],
                "factor t/2: 1 only when t = 2",
            ),
            (
                r"\left|\overline{c^{(t)}}\right| i^{(t)}",
                lambda r, t: abs(r.bc[t]) * r.i[t],
                "absolute value: loses the sign",
            ),
            (
                r"\sqrt{(\overline{c^{(t)}} i^{(t)})^2}",
                lambda r, t: abs(r.bc[t] * r.i[t]),
                "sqrt of a square: loses the sign",
            ),
            (r"\overline{c^{(t)}} i^{(2)}", lambda r, t: r.bc[t] * r.i[2], "i of the fixed step 2"),
            (r"\overline{h^{(t)}} i^{(t)}", lambda r, t: r.bh[t] * r.i[t], "h-bar instead of c-bar"),
            (r"-\overline{c^{(t)}} i^{(t)}", lambda r, t: -r.bc[t] * r.i[t], "sign flip"),
            (r"\overline{c^{(t)}} i^{(t)} + \frac{1}{z - z}", lambda r, t: r.bc[t] / np.float64(0), "undefined"),
            (r"\overline{c^{(t)}} i^{(t)} + h^{(0)}", lambda r, t: r.bc[t] * r.i[t] + r.h[0], "adds h_0"),
        ],
        r"\overline{g^{(t)}}",
    )
    cases += _simple_gate_part(
        "csc421-2019-hw4/q1/o-bar",
        lambda r, t: r.bo[t],
        (r"\overline{h^{(t)}} \tanh(c^{(t)})", lambda r, t: r.bh[t] * np.tanh(r.c[t])),
        [
            (r"\tanh(c^{(t)})\,\overline{h^{(t)}}", lambda r, t: r.bh[t] * np.tanh(r.c[t]), "commuted"),
            (r"\bar{h}^{(t)} \tanh(c^{(t)})", lambda r, t: r.bh[t] * np.tanh(r.c[t]), "\\bar{h}^{(t)} for h-bar"),
            (r"\frac{h^{(t)}}{o^{(t)}} \overline{h^{(t)}}", lambda r, t: r.bh[t] * r.h[t] / r.o[t], "tanh c = h / o"),
            (r"\boxed{\overline{h^{(t)}} \tanh(c^{(t)})}", lambda r, t: r.bh[t] * np.tanh(r.c[t]), "boxed"),
        ],
        [
            (
                r"\overline{h^{(t)}} (1-\tanh^2(c^{(t)}))",
                lambda r, t: r.bh[t] * TP(r.c[t]),
                "tanh' instead of tanh",
            ),
            (r"\overline{h^{(t)}} o^{(t)}", lambda r, t: r.bh[t] * r.o[t], "o instead of tanh c"),
            (r"\overline{c^{(t)}} \tanh(c^{(t)})", lambda r, t: r.bc[t] * np.tanh(r.c[t]), "c-bar instead of h-bar"),
            (
                r"\overline{h^{(t+1)}} \tanh(c^{(t+1)})",
                lambda r, t: r.bh[t + 1] * np.tanh(r.c[t + 1]),
                "time shifted to t+1",
            ),
            (r"\overline{h^{(t)}} \tanh(c^{(t-1)})", lambda r, t: r.bh[t] * np.tanh(r.c[t - 1]), "c of step t-1"),
            (r"\overline{h^{(2)}} \tanh(c^{(2)})", lambda r, t: r.bh[2] * np.tanh(r.c[2]), "fixed step 2"),
            (
                r"\left|\overline{h^{(t)}}\right| \tanh(c^{(t)})",
                lambda r, t: abs(r.bh[t]) * np.tanh(r.c[t]),
                "absolute value: loses the sign",
            ),
            (
                r"(t - 1) \overline{h^{(t)}} \tanh(c^{(t)})",
                lambda r, t: (t - 1) * r.bh[t] * np.tanh(r.c[t]),
                "factor t - 1: 1 only when t = 2",
            ),
            (r"\overline{h^{(t)}} \tanh(c^{(2)})", lambda r, t: r.bh[t] * np.tanh(r.c[2]), "c of the fixed step 2"),
            (
                r"\overline{h^{(t)}} \tanh(c^{(t)}) o^{(t)}(1-o^{(t)})",
                lambda r, t: r.bh[t] * np.tanh(r.c[t]) * S(r.z["o"][t]),
                "gradient of o's pre-activation, not of o",
            ),
            (r"\overline{h^{(t)}} \sigma(c^{(t)})", lambda r, t: r.bh[t] * m.sigmoid(r.c[t]), "sigma instead of tanh"),
            (
                r"\frac{\partial \mathcal{L}}{\partial h^{(t)}} \tanh(c^{(t)})",
                lambda r, t: r.dLdh[t] * np.tanh(r.c[t]),
                "direct partial instead of the total adjoint h-bar",
            ),
        ],
        r"\overline{o^{(t)}}",
    )
    cases += _simple_gate_part(
        "csc421-2019-hw4/q1/f-bar",
        lambda r, t: r.bf[t],
        (r"\overline{c^{(t)}} c^{(t-1)}", lambda r, t: r.bc[t] * r.c[t - 1]),
        [
            (r"c^{(t-1)} \overline{c^{(t)}}", lambda r, t: r.bc[t] * r.c[t - 1], "commuted"),
            (
                r"\overline{c^{(t)}} \left(f^{(t-1)} c^{(t-2)} + i^{(t-1)} g^{(t-1)}\right)",
                lambda r, t: r.bc[t] * (r.f[t - 1] * r.c[t - 2] + r.i[t - 1] * r.g[t - 1]),
                "c(t-1) expanded, complete",
            ),
            (r"\overline{f^{(t)}} = c^{(t-1)} \overline{c^{(t)}}", lambda r, t: r.bc[t] * r.c[t - 1], "lhs = rhs"),
        ],
        [
            (
                r"\overline{c^{(t)}} i^{(t-1)} g^{(t-1)}",
                lambda r, t: r.bc[t] * r.i[t - 1] * r.g[t - 1],
                "c(t-1) expanded but drops f(t-1) c(t-2)",
            ),
            (r"\overline{c^{(t)}} c^{(t)}", lambda r, t: r.bc[t] * r.c[t], "c(t) instead of c(t-1)"),
            (r"\overline{c^{(t+1)}} c^{(t)}", lambda r, t: r.bc[t + 1] * r.c[t], "time shifted to t+1"),
            (r"\overline{c^{(2)}} c^{(1)}", lambda r, t: r.bc[2] * r.c[1], "fixed step 2"),
            (r"\overline{c^{(t)}} c^{(1)}", lambda r, t: r.bc[t] * r.c[1], "c(1) is c(t-1) only when t = 2"),
            (r"\overline{h^{(t)}} c^{(t-1)}", lambda r, t: r.bh[t] * r.c[t - 1], "h-bar instead of c-bar"),
            (
                r"\overline{c^{(t)}} c^{(t-1)} f^{(t)}(1-f^{(t)})",
                lambda r, t: r.bc[t] * r.c[t - 1] * S(r.z["f"][t]),
                "gradient of f's pre-activation, not of f",
            ),
            (r"\overline{c^{(t)}} c^{(t-1)} + h^{(0)}", lambda r, t: r.bc[t] * r.c[t - 1] + r.h[0], "adds h_0"),
            (r"\overline{c^{(t)}} c^{(t-1)} f^{(t)}", lambda r, t: r.bc[t] * r.c[t - 1] * r.f[t], "extra factor f"),
            (
                r"\overline{c^{(t)}} c^{(t-1)} e^{1000 c^{(t-1)} - 1000 c^{(t-1)}} + \frac{c^{(t)}}{0}",
                lambda r, t: r.bc[t] * r.c[t - 1] + r.c[t] / np.float64(0),
                "infinite",
            ),
        ],
        r"\overline{f^{(t)}}",
    )
    cases += _simple_gate_part(
        "csc421-2019-hw4/q1/i-bar",
        lambda r, t: r.bi[t],
        (r"\overline{c^{(t)}} g^{(t)}", lambda r, t: r.bc[t] * r.g[t]),
        [
            (r"g^{(t)}\overline{c^{(t)}}", lambda r, t: r.bc[t] * r.g[t], "commuted"),
            (
                r"\overline{c^{(t)}} \tanh(w_{gx}x^{(t)} + w_{gh}h^{(t-1)})",
                lambda r, t: r.bc[t] * r.g[t],
                "g written out",
            ),
        ],
        [
            (r"\overline{c^{(t)}} i^{(t)}", lambda r, t: r.bc[t] * r.i[t], "swapped i and g (that is g-bar)"),
            (
                r"\overline{c^{(t)}} g^{(t)} i^{(t)}(1-i^{(t)})",
                lambda r, t: r.bc[t] * r.g[t] * S(r.z["i"][t]),
                "gradient of i's pre-activation, not of i",
            ),
            (r"\overline{c^{(t+1)}} g^{(t+1)}", lambda r, t: r.bc[t + 1] * r.g[t + 1], "time shifted to t+1"),
            (r"\overline{c^{(2)}} g^{(2)}", lambda r, t: r.bc[2] * r.g[2], "fixed step 2"),
            (r"\overline{c^{(2)}} g^{(t)}", lambda r, t: r.bc[2] * r.g[t], "c-bar of the fixed step 2"),
            (r"\overline{c^{(t)}} g^{(t-1)}", lambda r, t: r.bc[t] * r.g[t - 1], "g of step t-1"),
            (r"\overline{h^{(t)}} g^{(t)}", lambda r, t: r.bh[t] * r.g[t], "h-bar instead of c-bar"),
            (r"\frac{\overline{c^{(t)}} g^{(t)}}{0}", lambda r, t: r.bc[t] * r.g[t] / np.float64(0), "infinite"),
        ],
        r"\overline{i^{(t)}}",
    )
    return cases


def _wix(r, steps=(1, 2, 3), feat=None):
    feat = feat or (lambda r, s: r.x[s])
    return sum(r.bi[s] * S(r.z["i"][s]) * feat(r, s) for s in steps)


def csc421_w_ix() -> list:
    b = CaseBuilder("csc421-2019-hw4/q1/w-ix-bar", lambda r: r.wbar["ix"], POINTS3)
    ref = " + ".join(rf"\overline{{i^{{({s})}}}} i^{{({s})}}(1-i^{{({s})}}) x^{{({s})}}" for s in (1, 2, 3))
    b.right(ref, _wix, "the reference itself")
    b.right(r"\sum_{t=1}^{3} \overline{i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}", _wix, "as a sum over t = 1..3")
    b.right(
        " + ".join(
            rf"\overline{{i^{{({s})}}}} \sigma'(w_{{ix}}x^{{({s})}} + w_{{ih}}h^{{({s - 1})}}) x^{{({s})}}"
            for s in (3, 2, 1)
        ),
        _wix,
        "sigma' of the pre-activation, reversed order",
    )
    b.right(
        " + ".join(rf"\overline{{c^{{({s})}}}} g^{{({s})}} i^{{({s})}}(1-i^{{({s})}}) x^{{({s})}}" for s in (1, 2, 3)),
        _wix,
        "i-bar replaced by c-bar g",
    )
    b.wrong(
        r"\overline{i^{(1)}} \sigma'(w_{ix}x^{(1)}) x^{(1)} + "
        + " + ".join(
            rf"\overline{{i^{{({s})}}}} \sigma'(w_{{ix}}x^{{({s})}} + w_{{ih}}h^{{({s - 1})}}) x^{{({s})}}"
            for s in (2, 3)
        ),
        lambda r: r.bi[1] * S(r.w["ix"] * r.x[1]) * r.x[1] + _wix(r, (2, 3)),
        "drops w_ih h(0) from step 1's pre-activation: right only for a zero initial state",
    )
    b.wrong(
        " + ".join(rf"\overline{{i^{{({s})}}}} i^{{({s})}}(1-i^{{({s})}}) \left|x^{{({s})}}\right|" for s in (1, 2, 3)),
        lambda r: _wix(r, feat=lambda r, s: abs(r.x[s])),
        "absolute value of the inputs: wrong for negative x",
    )
    b.wrong(
        " + ".join(rf"\overline{{i^{{({s})}}}} i^{{({s})}}(1-i^{{({s})}}) x^{{({s})}}" for s in (2, 3)),
        lambda r: _wix(r, (2, 3)),
        "drops step 1",
    )
    b.wrong(r"\overline{i^{(3)}} i^{(3)}(1-i^{(3)}) x^{(3)}", lambda r: _wix(r, (3,)), "only the last step")
    b.wrong(
        " + ".join(rf"\overline{{i^{{({s})}}}} x^{{({s})}}" for s in (1, 2, 3)),
        lambda r: sum(r.bi[s] * r.x[s] for s in (1, 2, 3)),
        "drops sigma'",
    )
    b.wrong(
        " + ".join(rf"\overline{{i^{{({s})}}}} i^{{({s})}}(1-i^{{({s})}}) h^{{({s - 1})}}" for s in (1, 2, 3)),
        lambda r: _wix(r, feat=lambda r, s: r.h[s - 1]),
        "h(t-1) instead of x(t): that is the gradient of w_ih",
    )
    b.wrong(
        " + ".join(rf"\overline{{i^{{({s})}}}} i^{{({s})}}(1-i^{{({s})}}) x^{{({4 - s})}}" for s in (1, 2, 3)),
        lambda r: _wix(r, feat=lambda r, s: r.x[4 - s]),
        "x indices paired with the wrong steps (x(3) with step 1, x(1) with step 3)",
    )
    b.wrong(
        " + ".join(rf"\overline{{i^{{({s})}}}} (1-(i^{{({s})}})^2) x^{{({s})}}" for s in (1, 2, 3)),
        lambda r: sum(r.bi[s] * (1 - r.i[s] ** 2) * r.x[s] for s in (1, 2, 3)),
        "tanh' used for the sigmoid gate i",
    )
    b.wrong(
        "-" + ref.replace(" + ", " - "),
        lambda r: -_wix(r),
        "sign flip",
    )
    b.wrong(ref + r" + \frac{x^{(1)}}{0}", lambda r: _wix(r) + r.x[1] / np.float64(0), "infinite")
    b.rule(r"\overline{i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}", "one generic term in t: the question has T = 3 steps")
    b.rule(r"\overline{w_{ix}}", "restates the unknown")
    b.rule(r"\frac{\partial \mathcal{L}}{\partial w_{ix}}", "restates the unknown")
    return b.cases
