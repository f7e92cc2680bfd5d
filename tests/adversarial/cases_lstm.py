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
        lambda r, t: _hbar_ref(r, t)
        + r.bar["g"][t + 1] * r.w["gh"] * (r.g[t + 1] * (1 - r.g[t + 1]) - TP(r.z["g"][t + 1])),
        "sigmoid derivative used for the tanh gate g",
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
    b.rule(rf"\frac{{1}}{{2}}\overline{{c^{{(t)}}}} + \frac{{1}}{{2}}\left({ref}\right)", "half of it restates the unknown")
    b.rule(r"\frac{\partial \mathcal{L}}{\partial c^{(t)}}", "restates the unknown: the prompt defines overline as dL/dv")
    b.wrong(
        ref + r" + e^{-10^{6} (w_{fh})^2}",
        lambda r, t: _cbar(r, t) + np.exp(-1e6 * r.w["fh"] ** 2),
        "adds a narrow bump: 1 at w_fh = 0, invisible elsewhere",
    )
    b.rule(
        r"\frac{\overline{g^{(t)}}}{i^{(t)}}", "circular: g-bar is computed from c-bar (g-bar = c-bar i): restates the unknown"
    )
    b.rule(
        r"\frac{\overline{f^{(t)}}}{c^{(t-1)}}", "circular: f-bar = c-bar c(t-1): restates the unknown"
    )
    return b.cases


def _simple_gate_part(pid, truth, ref, rights, wrongs, unknown):
    b = CaseBuilder(pid, truth, POINTS)
    b.right(ref[0], ref[1], "the reference itself")
    for ans, fn, why in rights:
        b.right(ans, fn, why)
    for ans, fn, why in wrongs:
        b.wrong(ans, fn, why)
    b.rule(unknown, "restates the unknown")
    node = unknown[len(r"\overline{") : -1]
    b.rule(rf"\frac{{\partial \mathcal{{L}}}}{{\partial {node}}}", "restates the unknown: the prompt defines overline as dL/dv")
    return b.cases


def csc421_gates() -> list:
    cases = _simple_gate_part(
        "csc421-2019-hw4/q1/g-bar",
        lambda r, t: r.bg[t],
        (r"\overline{c^{(t)}} i^{(t)}", lambda r, t: r.bc[t] * r.i[t]),
        [
            (r"i^{(t)} \overline{c^{(t)}}", lambda r, t: r.bc[t] * r.i[t], "commuted"),
            (r"\overline{c^{(t)}} \cdot i^{(t)}", lambda r, t: r.bc[t] * r.i[t], "with \\cdot"),
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
            (r"\frac{t}{2} \overline{c^{(t)}} i^{(t)}", lambda r, t: t / 2 * r.bc[t] * r.i[t], "factor t/2: 1 only when t = 2"),
            (r"\left|\overline{c^{(t)}}\right| i^{(t)}", lambda r, t: abs(r.bc[t]) * r.i[t], "absolute value: loses the sign"),
            (r"\sqrt{(\overline{c^{(t)}} i^{(t)})^2}", lambda r, t: abs(r.bc[t] * r.i[t]), "sqrt of a square: loses the sign"),
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
            rf"\overline{{i^{{({s})}}}} \sigma'(w_{{ix}}x^{{({s})}} + w_{{ih}}h^{{({s - 1})}}) x^{{({s})}}" for s in (2, 3)
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
    b.wrong(
        rf"\overline{{i^{{(3)}}}} i^{{(3)}}(1-i^{{(3)}}) x^{{(3)}}", lambda r: _wix(r, (3,)), "only the last step"
    )
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
