r"""LSTM backprop parts (csc421 hw4 Q1 and lstm-output-hw5), judged on real runs of the models.

Points: several runs of 6 to 9 steps with random non-zero initial states and weights, and every t that is at least
two steps from either end, so that a formula for one fixed step, a dropped recursion through t+2, a dropped
f c(t-2) or an added h_0 all show up.
"""

from __future__ import annotations

import numpy as np

from tests.adversarial import models as m
from tests.adversarial.judge import CaseBuilder

S, TP = m.dsigmoid, m.dtanh

_rng = np.random.default_rng(421)
RUNS = [m.lstm_run(_rng, T) for T in (6, 7, 8, 9)]
POINTS = [(r, t) for r in RUNS for t in range(2, r.T - 1)]
RUNS3 = [m.lstm_run(_rng, 3) for _ in range(6)]
POINTS3 = [(r,) for r in RUNS3]

_rng5 = np.random.default_rng(5)
RUNS5 = [m.lstm5_run(_rng5, T) for T in (6, 7, 8, 9)]
POINTS5 = [(r, t) for r in RUNS5 for t in range(2, r.T - 1)]
RUNS5_3 = [m.lstm5_run(_rng5, 3, h0=0.0) for _ in range(6)]
POINTS5_3 = [(r,) for r in RUNS5_3]

PL = r"\frac{\partial \mathcal{L}}{\partial h^{(t)}}"


def _d(r, k, s):
    return TP(r.z[k][s]) if k == "g" else S(r.z[k][s])


def _gate_term(k, s="t+1", w=None):
    w = w or f"w_{{{k}h}}"
    der = f"(1-({k}^{{({s})}})^2)" if k == "g" else f"{k}^{{({s})}}(1-{k}^{{({s})}})"
    return rf"\overline{{{k}^{{({s})}}}} {der} {w}"


def _hbar_ref(r, t, skip=()):
    v = r.dLdh[t]
    for k in "ifog":
        if k not in skip:
            v = v + r.bar[k][t + 1] * _d(r, k, t + 1) * r.w[k + "h"]
    return v


def _hbar_tex(skip=(), s="t+1", cur="t", swap=None):
    terms = [] if "L" in skip else [rf"\frac{{\partial \mathcal{{L}}}}{{\partial h^{{({cur})}}}}"]
    for k in "ifog":
        if k not in skip:
            terms.append(_gate_term(k, s, f"w_{{{k}x}}" if swap == k else None))
    return " + ".join(terms)


def csc421_h_bar() -> list:
    b = CaseBuilder("csc421-2019-hw4/q1/h-bar", lambda r, t: r.bh[t], POINTS)
    ref = _hbar_tex()
    b.right(ref, _hbar_ref, "the reference itself")
    b.right(rf"\overline{{h^{{(t)}}}} = {ref}", _hbar_ref, "the reference written as an equation lhs = rhs")
    b.right(rf"\boxed{{{ref}}}", _hbar_ref, "the reference in \\boxed{}")
    b.right(
        PL + r" + w_{ih}\overline{i^{(t+1)}} \sigma'(w_{ix}x^{(t+1)} + w_{ih}h^{(t)}) + w_{fh}\overline{f^{(t+1)}} "
        r"\sigma'(w_{fx}x^{(t+1)} + w_{fh}h^{(t)}) + w_{oh}\overline{o^{(t+1)}} \sigma'(w_{ox}x^{(t+1)} + w_{oh}h^{(t)})"
        r" + w_{gh}\overline{g^{(t+1)}} \tanh'(w_{gx}x^{(t+1)} + w_{gh}h^{(t)})",
        _hbar_ref,
        "sigma' and tanh' of the pre-activations, which the prompt allows",
    )
    b.right(
        PL + r" + \overline{c^{(t+1)}} g^{(t+1)} i^{(t+1)}(1-i^{(t+1)}) w_{ih} + \overline{c^{(t+1)}} c^{(t)} "
        r"f^{(t+1)}(1-f^{(t+1)}) w_{fh} + \overline{h^{(t+1)}} \tanh(c^{(t+1)}) o^{(t+1)}(1-o^{(t+1)}) w_{oh} + "
        r"\overline{c^{(t+1)}} i^{(t+1)} (1-(g^{(t+1)})^2) w_{gh}",
        _hbar_ref,
        "gate adjoints replaced by their own BPTT equations (c-bar g, c-bar c(t-1), h-bar tanh c, c-bar i)",
    )
    b.right(
        _gate_term("g") + " + " + _gate_term("o") + " + " + _gate_term("f") + " + " + _gate_term("i") + " + " + PL,
        _hbar_ref,
        "the terms in another order",
    )
    for k in "ifog":
        b.wrong(_hbar_tex(skip=(k,)), lambda r, t, k=k: _hbar_ref(r, t, skip=(k,)), f"drops the path through {k}^(t+1)")
        b.wrong(
            _hbar_tex(swap=k),
            lambda r, t, k=k: _hbar_ref(r, t) + r.bar[k][t + 1] * _d(r, k, t + 1) * (r.w[k + "x"] - r.w[k + "h"]),
            f"input weight w_{k}x instead of the recurrent weight w_{k}h",
        )
    b.wrong(_hbar_tex(skip=("L",)), lambda r, t: r.bh[t] - r.dLdh[t], "drops the direct term dL/dh(t)")
    b.wrong(PL, lambda r, t: r.dLdh[t], "only the direct term: drops every path through step t+1")
    b.wrong(
        _hbar_tex(s="t"),
        lambda r, t: r.dLdh[t] + sum(r.bar[k][t] * _d(r, k, t) * r.w[k + "h"] for k in "ifog"),
        "time index shifted: gates of step t instead of t+1",
    )
    b.wrong(
        _hbar_tex(s="3", cur="2"),
        lambda r, t: _hbar_ref(r, 2),
        "a formula for the fixed step t = 2, not for general t",
    )
    b.wrong(
        ref.replace(r"+ \overline{f^{(t+1)}}", r"- \overline{f^{(t+1)}}"),
        lambda r, t: _hbar_ref(r, t) - 2 * r.bar["f"][t + 1] * _d(r, "f", t + 1) * r.w["fh"],
        "sign flip of the forget-gate term",
    )
    b.wrong(
        ref.replace(r"(1-(g^{(t+1)})^2)", r"(1-g^{(t+1)})"),
        lambda r, t: _hbar_ref(r, t) + r.bar["g"][t + 1] * r.w["gh"] * ((1 - r.g[t + 1]) - TP(r.z["g"][t + 1])),
        "tanh' written as 1 - g instead of 1 - g^2",
    )
    b.wrong(
        ref.replace(r"(1-(g^{(t+1)})^2)", r"g^{(t+1)}(1-g^{(t+1)})"),
        lambda r, t: (
            _hbar_ref(r, t) + r.bar["g"][t + 1] * r.w["gh"] * (r.g[t + 1] * (1 - r.g[t + 1]) - TP(r.z["g"][t + 1]))
        ),
        "sigmoid derivative used for the tanh gate g",
    )
    b.wrong(
        ref.replace(r"i^{(t+1)}(1-i^{(t+1)})", r"\sigma'(i^{(t+1)})"),
        lambda r, t: _hbar_ref(r, t) + r.bar["i"][t + 1] * r.w["ih"] * (S(r.i[t + 1]) - _d(r, "i", t + 1)),
        "sigma' of the gate value instead of its pre-activation",
    )
    b.wrong(
        ref.replace(r"(1-(g^{(t+1)})^2)", r"\tanh'(g^{(t+1)})"),
        lambda r, t: _hbar_ref(r, t) + r.bar["g"][t + 1] * r.w["gh"] * (TP(r.g[t + 1]) - _d(r, "g", t + 1)),
        "tanh' of the gate value instead of its pre-activation",
    )
    b.wrong(
        ref + r" + \overline{c^{(t+1)}} f^{(t+1)}",
        lambda r, t: _hbar_ref(r, t) + r.bc[t + 1] * r.f[t + 1],
        "adds a path h(t) -> c(t+1) that does not exist (that term belongs to c-bar)",
    )
    b.wrong(
        _hbar_tex().replace(r"\overline{f^{(t+1)}} f^{(t+1)}(1-f^{(t+1)})", r"\overline{f^{(3)}} f^{(3)}(1-f^{(3)})"),
        lambda r, t: _hbar_ref(r, t, skip=("f",)) + r.bar["f"][3] * _d(r, "f", 3) * r.w["fh"],
        "one term written for the fixed step 3 (= t+1 only when t = 2)",
    )
    b.wrong(ref + r" + h^{(0)}", lambda r, t: _hbar_ref(r, t) + r.h[0], "adds the initial state h_0")
    b.wrong(
        ref.replace("w_{ih}", r"\left|w_{ih}\right|"),
        lambda r, t: _hbar_ref(r, t) + r.bar["i"][t + 1] * _d(r, "i", t + 1) * (abs(r.w["ih"]) - r.w["ih"]),
        "absolute value of a weight: wrong for a negative w_ih",
    )
    b.wrong(ref + r" + \frac{w_{ih}}{0}", lambda r, t: _hbar_ref(r, t) + r.w["ih"] / np.float64(0), "infinite (x/0)")
    b.wrong(
        rf"\left({ref}\right) \frac{{w_{{ih}} - w_{{ih}}}}{{w_{{ih}} - w_{{ih}}}}",
        lambda r, t: _hbar_ref(r, t) * (np.float64(0) / np.float64(0)),
        "undefined everywhere (0/0 factor)",
    )
    b.wrong(
        ref + r" + \frac{1}{h^{(t)} - h^{(t)}}",
        lambda r, t: _hbar_ref(r, t) + 1 / (r.h[t] - r.h[t]),
        "infinite everywhere (1/(h-h))",
    )
    b.rule(r"\overline{h^{(t)}}", "restates the unknown")
    b.rule(r"\overline{h^{(t)}} \frac{w_{ih}}{w_{ih}}", "restates the unknown (times 1)")
    b.rule(rf"\frac{{1}}{{2}}\left(\overline{{h^{{(t)}}}} + {ref}\right)", "half of it restates the unknown")
    b.rule(
        r"\frac{\overline{o^{(t)}}}{\tanh(c^{(t)})}",
        "circular: o-bar is computed from h-bar (o-bar = h-bar tanh c), so this restates the unknown",
    )
    b.rule(
        PL + r" + \frac{\partial i^{(t+1)}}{\partial h^{(t)}} \overline{i^{(t+1)}} + \frac{\partial f^{(t+1)}}"
        r"{\partial h^{(t)}} \overline{f^{(t+1)}} + \frac{\partial o^{(t+1)}}{\partial h^{(t)}} \overline{o^{(t+1)}} +"
        r" \frac{\partial g^{(t+1)}}{\partial h^{(t)}} \overline{g^{(t+1)}}",
        "restated chain rule: the partials it was asked to derive are left unevaluated",
    )
    return b.cases


def _cbar(r, t):
    return r.bh[t] * r.o[t] * TP(r.c[t]) + r.bc[t + 1] * r.f[t + 1]


def csc421_c_bar() -> list:
    b = CaseBuilder("csc421-2019-hw4/q1/c-bar", lambda r, t: r.bc[t], POINTS)
    ref = r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}"
    b.right(ref, _cbar, "the reference itself")
    b.right(r"\overline{h^{(t)}} o^{(t)} \tanh'(c^{(t)}) + \overline{c^{(t+1)}} f^{(t+1)}", _cbar, "tanh' notation")
    b.right(
        r"\overline{h^{(t)}} o^{(t)} \operatorname{sech}^2(c^{(t)}) + \overline{c^{(t+1)}} f^{(t+1)}",
        _cbar,
        "sech^2 = tanh'",
    )
    b.right(
        r"\frac{\overline{h^{(t)}} o^{(t)}}{\cosh^2(c^{(t)})} + \overline{c^{(t+1)}} f^{(t+1)}",
        _cbar,
        "1/cosh^2 = tanh'",
    )
    b.wrong(
        r"\pm \overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}",
        lambda r, t: -r.bh[t] * r.o[t] * TP(r.c[t]) + r.bc[t + 1] * r.f[t + 1],
        "hedges the sign with \\pm: one of its readings is wrong",
    )
    b.right(
        r"f^{(t+1)}\overline{c^{(t+1)}} + o^{(t)}\overline{h^{(t)}}\left(1-\tanh(c^{(t)})^2\right)", _cbar, "reordered"
    )
    b.right(r"\overline{c^{(t)}} = " + ref, _cbar, "lhs = rhs")
    b.right(f"${ref}$", _cbar, "in $...$")
    b.right(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + f^{(t+1)} \left(\overline{h^{(t+1)}} o^{(t+1)} "
        r"(1 - \tanh^2(c^{(t+1)})) + f^{(t+2)} \overline{c^{(t+2)}}\right)",
        _cbar,
        "the recursion unrolled one step, complete",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + f^{(t+1)} \overline{h^{(t+1)}} o^{(t+1)} "
        r"(1 - \tanh^2(c^{(t+1)}))",
        lambda r, t: r.bh[t] * r.o[t] * TP(r.c[t]) + r.f[t + 1] * r.bh[t + 1] * r.o[t + 1] * TP(r.c[t + 1]),
        "unrolled one step but drops the recursion through step t+2",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)}))",
        lambda r, t: r.bh[t] * r.o[t] * TP(r.c[t]),
        "drops the recursion through c(t+1)",
    )
    b.wrong(r"\overline{c^{(t+1)}} f^{(t+1)}", lambda r, t: r.bc[t + 1] * r.f[t + 1], "drops the path through h(t)")
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t)}",
        lambda r, t: r.bh[t] * r.o[t] * TP(r.c[t]) + r.bc[t + 1] * r.f[t],
        "forget gate of step t instead of t+1",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t-1)}} f^{(t)}",
        lambda r, t: r.bh[t] * r.o[t] * TP(r.c[t]) + r.bc[t - 1] * r.f[t],
        "recursion runs forward in time (t-1)",
    )
    b.wrong(
        r"\overline{h^{(2)}} o^{(2)} (1 - \tanh^2(c^{(2)})) + \overline{c^{(3)}} f^{(3)}",
        lambda r, t: _cbar(r, 2),
        "formula for the fixed step t = 2",
    )
    b.wrong(
        r"\overline{h^{(t)}} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}",
        lambda r, t: r.bh[t] * TP(r.c[t]) + r.bc[t + 1] * r.f[t + 1],
        "drops the output gate o(t)",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} \tanh(c^{(t)}) + \overline{c^{(t+1)}} f^{(t+1)}",
        lambda r, t: r.bh[t] * r.o[t] * np.tanh(r.c[t]) + r.bc[t + 1] * r.f[t + 1],
        "tanh instead of tanh'",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}",
        lambda r, t: r.bh[t] * r.o[t] * (1 - np.tanh(r.c[t])) + r.bc[t + 1] * r.f[t + 1],
        "1 - tanh instead of 1 - tanh^2",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) - \overline{c^{(t+1)}} f^{(t+1)}",
        lambda r, t: r.bh[t] * r.o[t] * TP(r.c[t]) - r.bc[t + 1] * r.f[t + 1],
        "sign flip of the recursive term",
    )
    b.wrong(
        r"\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(3)}} f^{(t+1)}",
        lambda r, t: r.bh[t] * r.o[t] * TP(r.c[t]) + r.bc[3] * r.f[t + 1],
        "c-bar of the fixed step 3 (= t+1 only when t = 2)",
    )
    b.wrong(
        r"\left(\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}\right)(1 + c^{(0)})",
        lambda r, t: _cbar(r, t) * (1 + r.c[0]),
        "factor (1 + c_0): equal only for a zero initial cell",
    )
    b.wrong(ref + r" + h^{(0)}", lambda r, t: _cbar(r, t) + r.h[0], "adds the initial state h_0")
    b.wrong(ref + r" + \frac{f^{(t+1)}}{0}", lambda r, t: _cbar(r, t) + r.f[t + 1] / np.float64(0), "infinite")
    b.wrong(ref + r" + \frac{1}{z-z}", lambda r, t: _cbar(r, t) + 1 / np.float64(0), "undefined: 1/(z-z)")
    b.rule(r"\overline{c^{(t)}}", "restates the unknown")
    b.rule(r"\overline{c^{(t)}} + 0", "restates the unknown (plus 0)")
    b.rule(
        rf"\frac{{1}}{{2}}\overline{{c^{{(t)}}}} + \frac{{1}}{{2}}\left({ref}\right)", "half of it restates the unknown"
    )
    b.rule(
        r"\frac{\partial \mathcal{L}}{\partial c^{(t)}}", "restates the unknown: the prompt defines overline as dL/dv"
    )
    b.wrong(
        ref + r" + e^{-10^{6} (w_{fh})^2}",
        lambda r, t: _cbar(r, t) + np.exp(-1e6 * r.w["fh"] ** 2),
        "adds a narrow bump: 1 at w_fh = 0, invisible elsewhere",
    )
    b.rule(
        r"\frac{\overline{g^{(t)}}}{i^{(t)}}",
        "circular: g-bar is computed from c-bar (g-bar = c-bar i): restates the unknown",
    )
    b.rule(r"\frac{\overline{f^{(t)}}}{c^{(t-1)}}", "circular: f-bar = c-bar c(t-1): restates the unknown")
    return b.cases
