r"""lstm-output-hw5 (LSTM with an output y_t = sigma(W^y h_t + W_0^y)), judged on real runs of the model."""

from __future__ import annotations

import numpy as np

from tests.adversarial import models as m
from tests.adversarial.cases_lstm import POINTS5, POINTS5_3
from tests.adversarial.judge import CaseBuilder

S, TP = m.dsigmoid, m.dtanh
P = "lstm-output-hw5"
Z = {"f": "f", "i": "i", "o": "o", "Ct": "c"}  # node -> pre-activation key
WH = {"f": "W^{hf}", "i": "W^{hi}", "o": "W^{ho}", "Ct": "W^{hc}"}


def _out(r, t):
    return r.W["y"] * r.v["y"][t] * (1 - r.v["y"][t]) * r.gy[t]


def _via(r, k, s, w=None):
    d = TP(r.z["c"][s]) if k == "Ct" else S(r.z[Z[k]][s])
    return r.W[w or "h" + Z[k]] * d * r.g[k][s]


def _gh(r, t, skip=()):
    return (0 if "y" in skip else _out(r, t)) + sum(_via(r, k, t + 1) for k in ("f", "i", "o", "Ct") if k not in skip)


def _tex_via(k, s="t+1", w=None):
    w = w or WH[k]
    if k == "Ct":
        return rf"{w}(1-(\tilde{{C}}_{{{s}}})^2) \nabla \tilde{{C}}_{{{s}}}"
    return rf"{w} {k}_{{{s}}}(1-{k}_{{{s}}}) \nabla {k}_{{{s}}}"


def _tex_gh(skip=(), s="t+1", cur="t", wy="w^y"):
    terms = [] if "y" in skip else [rf"{wy} y_{{{cur}}} (1 - y_{{{cur}}}) \nabla y_{{{cur}}}"]
    return " + ".join(terms + [_tex_via(k, s) for k in ("f", "i", "o", "Ct") if k not in skip])


def grad_h() -> list:
    b = CaseBuilder(f"{P}/q1/grad-h", lambda r, t: r.g["h"][t], POINTS5)
    ref = _tex_gh()
    b.right(ref, _gh, "the reference itself")
    b.right(_tex_gh(wy="W^y"), _gh, "W^y as the question writes it")
    b.right(r"\nabla h_t = " + ref, _gh, "lhs = rhs")
    b.right(
        r"W^{hc}(1-(\tilde{C}_{t+1})^2) i_{t+1} \nabla C_{t+1} + W^{ho} o_{t+1}(1-o_{t+1}) \tanh(C_{t+1}) \nabla h_{t+1}"
        r" + W^{hi} i_{t+1}(1-i_{t+1}) \tilde{C}_{t+1} \nabla C_{t+1} + W^{hf} f_{t+1}(1-f_{t+1}) C_t \nabla C_{t+1}"
        r" + W^y y_t (1 - y_t) \nabla y_t",
        _gh,
        "gate gradients replaced by their equations, terms reordered",
    )
    b.wrong(r"w^y y_t (1 - y_t) \nabla y_t", _out, "the seed's final answer: only the path through y_t")
    for k in ("f", "i", "o", "Ct"):
        b.wrong(_tex_gh(skip=(k,)), lambda r, t, k=k: _gh(r, t, skip=(k,)), f"drops the path through {k}_(t+1)")
    b.wrong(_tex_gh(skip=("y",)), lambda r, t: _gh(r, t, skip=("y",)), "drops the output path")
    b.wrong(
        ref.replace(r"i_{t+1}(1-i_{t+1})", r"\sigma'(i_{t+1})"),
        lambda r, t: _gh(r, t) - _via(r, "i", t + 1) + r.W["hi"] * S(r.v["i"][t + 1]) * r.g["i"][t + 1],
        "sigma' of the gate value instead of its pre-activation",
    )
    b.wrong(
        ref.replace("W^{hf}", "W^{xf}"),
        lambda r, t: _gh(r, t) - _via(r, "f", t + 1) + _via(r, "f", t + 1, "xf"),
        "input weight W^{xf} instead of W^{hf}",
    )
    b.wrong(
        ref.replace("W^{hi}", "W^{ho}", 1),
        lambda r, t: _gh(r, t) - _via(r, "i", t + 1) + _via(r, "i", t + 1, "ho"),
        "weights of two gates swapped",
    )
    b.wrong(
        _tex_gh(s="t"),
        lambda r, t: _out(r, t) + sum(_via(r, k, t) for k in ("f", "i", "o", "Ct")),
        "gates of step t instead of t+1",
    )
    b.wrong(_tex_gh(s="3", cur="2"), lambda r, t: _gh(r, 2), "formula for the fixed step t = 2")
    b.wrong(
        ref.replace(r"w^y y_t (1 - y_t) \nabla y_t", r"w^y \nabla y_t"),
        lambda r, t: _gh(r, t) - _out(r, t) + r.W["y"] * r.gy[t],
        "drops sigma' of the output",
    )
    b.wrong(
        ref.replace(r"(1-(\tilde{C}_{t+1})^2)", r"(1-\tilde{C}_{t+1})"),
        lambda r, t: _gh(r, t) - _via(r, "Ct", t + 1) + r.W["hc"] * (1 - r.v["Ct"][t + 1]) * r.g["Ct"][t + 1],
        "tanh' written as 1 - C~",
    )
    b.wrong(ref + " + h_0", lambda r, t: _gh(r, t) + r.v["h"][0], "adds the initial state h_0")
    b.wrong(
        ref.replace(r"\nabla y_t", r"\left|\nabla y_t\right|"),
        lambda r, t: _gh(r, t) - _out(r, t) + r.W["y"] * r.v["y"][t] * (1 - r.v["y"][t]) * abs(r.gy[t]),
        "absolute value of nabla y_t: wrong for a negative output gradient",
    )
    b.wrong(
        ref.replace("w^y", r"\left|w^y\right|"),
        lambda r, t: _gh(r, t) - _out(r, t) + abs(r.W["y"]) * r.v["y"][t] * (1 - r.v["y"][t]) * r.gy[t],
        "absolute value of W^y: wrong for a negative weight",
    )
    b.wrong(ref + r" + \frac{W^y}{0}", lambda r, t: _gh(r, t) + r.W["y"] / np.float64(0), "infinite")
    b.rule(r"\nabla h_t", "restates the unknown")
    b.rule(r"\frac{\nabla o_t}{\tanh(C_t)}", "circular: nabla o_t = tanh(C_t) nabla h_t restates the unknown")
    b.rule(
        r"\frac{\partial y_t}{\partial h_t} \nabla y_t + \frac{\partial f_{t+1}}{\partial h_t} \nabla f_{t+1} + "
        r"\frac{\partial i_{t+1}}{\partial h_t} \nabla i_{t+1} + \frac{\partial o_{t+1}}{\partial h_t} \nabla o_{t+1}"
        r" + \frac{\partial \tilde{C}_{t+1}}{\partial h_t} \nabla \tilde{C}_{t+1}",
        "the seed's restated chain rule: every partial it was asked to derive is left unevaluated",
    )
    b.rule(
        r"w^y y_t (1 - y_t) \nabla y_t + \frac{\partial f_{t+1}}{\partial h_t} \nabla f_{t+1} + "
        r"\frac{\partial i_{t+1}}{\partial h_t} \nabla i_{t+1} + \frac{\partial o_{t+1}}{\partial h_t} \nabla o_{t+1}"
        r" + \frac{\partial \tilde{C}_{t+1}}{\partial h_t} \nabla \tilde{C}_{t+1}",
        "the seed's second line: the recurrent partials are left unevaluated",
    )
    return b.cases


def _gc(r, t):
    return r.v["o"][t] * TP(r.v["C"][t]) * r.g["h"][t] + r.v["f"][t + 1] * r.g["C"][t + 1]


def _local(r, s):
    return r.v["o"][s] * TP(r.v["C"][s]) * r.g["h"][s]


def grad_c() -> list:
    b = CaseBuilder(f"{P}/q1/grad-c", lambda r, t: r.g["C"][t], POINTS5)
    ref = r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_{t+1} \nabla C_{t+1}"
    b.right(ref, _gc, "the reference itself")
    b.right(r"o_t \tanh'(C_t) \nabla h_t + f_{t+1} \nabla C_{t+1}", _gc, "tanh' notation")
    b.right(
        r"o_t \left(1 - \frac{h_t^2}{o_t^2}\right) \nabla h_t + f_{t+1} \nabla C_{t+1}", _gc, "tanh C_t = h_t / o_t"
    )
    b.right(r"\nabla C_{t+1} f_{t+1} + \nabla h_t o_t (1-\tanh^2 C_t)", _gc, "reordered")
    b.right(r"\nabla C_t = " + ref, _gc, "lhs = rhs")
    b.right(
        r"o_t(1 - \tanh^2(C_t)) \nabla h_t + f_{t+1} \left(o_{t+1}(1 - \tanh^2(C_{t+1})) \nabla h_{t+1} + "
        r"f_{t+2} \nabla C_{t+2}\right)",
        _gc,
        "unrolled one step, complete",
    )
    b.wrong(
        r"o_t(1 - \tanh^2(C_t)) \nabla h_t + f_{t+1} o_{t+1}(1 - \tanh^2(C_{t+1})) \nabla h_{t+1}",
        lambda r, t: _local(r, t) + r.v["f"][t + 1] * _local(r, t + 1),
        "unrolled one step but drops the recursion through step t+2",
    )
    b.wrong(r"o_t(1 - (\tanh(C_t))^2) \nabla h_t", lambda r, t: _local(r, t), "drops the recursion through C_(t+1)")
    b.wrong(
        r"o_t(1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t",
        lambda r, t: r.v["o"][t] * TP(r.v["C"][t]) * _out(r, t),
        "the seed's final answer: only the path through y_t",
    )
    b.wrong(
        r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_t \nabla C_{t+1}",
        lambda r, t: _local(r, t) + r.v["f"][t] * r.g["C"][t + 1],
        "forget gate of step t instead of t+1",
    )
    b.wrong(r"f_{t+1} \nabla C_{t+1}", lambda r, t: r.v["f"][t + 1] * r.g["C"][t + 1], "drops the path through h_t")
    b.wrong(
        r"o_2(1 - (\tanh(C_2))^2) \nabla h_2 + f_3 \nabla C_3", lambda r, t: _gc(r, 2), "formula for the fixed step 2"
    )
    b.wrong(
        r"o_t(1 - \tanh(C_t)) \nabla h_t + f_{t+1} \nabla C_{t+1}",
        lambda r, t: r.v["o"][t] * (1 - np.tanh(r.v["C"][t])) * r.g["h"][t] + r.v["f"][t + 1] * r.g["C"][t + 1],
        "1 - tanh instead of 1 - tanh^2",
    )
    b.wrong(ref + " + h_0", lambda r, t: _gc(r, t) + r.v["h"][0], "adds the initial state h_0")
    b.wrong(
        r"o_t(1 - (\tanh(C_t))^2) \left|\nabla h_t\right| + f_{t+1} \nabla C_{t+1}",
        lambda r, t: r.v["o"][t] * TP(r.v["C"][t]) * abs(r.g["h"][t]) + r.v["f"][t + 1] * r.g["C"][t + 1],
        "absolute value of nabla h_t",
    )
    b.wrong(
        r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_{t+1} \left|\nabla C_{t+1}\right|",
        lambda r, t: _local(r, t) + r.v["f"][t + 1] * abs(r.g["C"][t + 1]),
        "absolute value of nabla C_(t+1)",
    )
    b.wrong(
        r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_3 \nabla C_{t+1}",
        lambda r, t: _local(r, t) + r.v["f"][3] * r.g["C"][t + 1],
        "f of the fixed step 3 (= t+1 only when t = 2)",
    )
    b.wrong(ref + r" + \frac{f_{t+1}}{0}", lambda r, t: _gc(r, t) + r.v["f"][t + 1] / np.float64(0), "infinite")
    b.rule(r"\nabla C_t", "restates the unknown")
    b.rule(r"\nabla C_t + 0 \cdot \nabla h_t", "restates the unknown (plus 0)")
    b.rule(rf"\frac{{1}}{{2}}\nabla C_t + \frac{{1}}{{2}}\left({ref}\right)", "half of it restates the unknown")
    b.rule(r"\frac{\nabla i_t}{\tilde{C}_t}", "circular: nabla i_t = C~_t nabla C_t restates the unknown")
    b.rule(
        r"\frac{\partial h_t}{\partial C_t} \nabla h_t + \frac{\partial C_{t+1}}{\partial C_t} \nabla C_{t+1}",
        "restated chain rule: the partials it was asked to derive are left unevaluated",
    )
    return b.cases


def gates() -> list:
    cases = []
    specs = {
        "grad-o": (
            lambda r, t: r.g["o"][t],
            (r"\tanh(C_t) \nabla h_t", lambda r, t: np.tanh(r.v["C"][t]) * r.g["h"][t]),
            [
                (r"\nabla h_t \tanh(C_t)", lambda r, t: np.tanh(r.v["C"][t]) * r.g["h"][t], "commuted"),
                (r"\frac{h_t}{o_t} \nabla h_t", lambda r, t: r.v["h"][t] / r.v["o"][t] * r.g["h"][t], "tanh C = h/o"),
            ],
            [
                (
                    r"\tanh(C_t) w^y y_t (1 - y_t) \nabla y_t",
                    lambda r, t: np.tanh(r.v["C"][t]) * _out(r, t),
                    "the seed's final answer: only the path through y_t",
                ),
                (
                    r"o_t(1-o_t)\tanh(C_t) \nabla h_t",
                    lambda r, t: S(r.z["o"][t]) * np.tanh(r.v["C"][t]) * r.g["h"][t],
                    "gradient of o's pre-activation",
                ),
                (r"\tanh(C_t) \nabla C_t", lambda r, t: np.tanh(r.v["C"][t]) * r.g["C"][t], "nabla C instead of h"),
                (r"\tanh(C_{t-1}) \nabla h_t", lambda r, t: np.tanh(r.v["C"][t - 1]) * r.g["h"][t], "C of step t-1"),
                (r"\tanh(C_2) \nabla h_2", lambda r, t: np.tanh(r.v["C"][2]) * r.g["h"][2], "fixed step 2"),
                (
                    r"\tanh(C_t) \nabla h_t \frac{t}{2}",
                    lambda r, t: t / 2 * np.tanh(r.v["C"][t]) * r.g["h"][t],
                    "factor t/2: 1 only when t = 2",
                ),
                (
                    r"\tanh(|C_t|) \nabla h_t",
                    lambda r, t: np.tanh(abs(r.v["C"][t])) * r.g["h"][t],
                    "absolute value inside tanh",
                ),
                (r"\tanh(C_t) \nabla h_2", lambda r, t: np.tanh(r.v["C"][t]) * r.g["h"][2], "nabla h of step 2"),
                (
                    r"\tanh(C_t) \nabla h_t + h_0",
                    lambda r, t: np.tanh(r.v["C"][t]) * r.g["h"][t] + r.v["h"][0],
                    "adds h_0",
                ),
            ],
            r"\nabla o_t",
        ),
        "grad-f": (
            lambda r, t: r.g["f"][t],
            (r"C_{t-1} \nabla C_t", lambda r, t: r.v["C"][t - 1] * r.g["C"][t]),
            [
                (r"\nabla C_t \, C_{t-1}", lambda r, t: r.v["C"][t - 1] * r.g["C"][t], "commuted"),
                (
                    r"(f_{t-1} C_{t-2} + i_{t-1} \tilde{C}_{t-1}) \nabla C_t",
                    lambda r, t: (r.v["f"][t - 1] * r.v["C"][t - 2] + r.v["i"][t - 1] * r.v["Ct"][t - 1]) * r.g["C"][t],
                    "C_(t-1) expanded, complete",
                ),
            ],
            [
                (
                    r"C_{t-1} o_t (1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t",
                    lambda r, t: r.v["C"][t - 1] * r.v["o"][t] * TP(r.v["C"][t]) * _out(r, t),
                    "the seed's final answer: only the path through y_t",
                ),
                (r"C_t \nabla C_t", lambda r, t: r.v["C"][t] * r.g["C"][t], "C_t instead of C_(t-1)"),
                (
                    r"i_{t-1} \tilde{C}_{t-1} \nabla C_t",
                    lambda r, t: r.v["i"][t - 1] * r.v["Ct"][t - 1] * r.g["C"][t],
                    "C_(t-1) expanded but drops f_(t-1) C_(t-2)",
                ),
                (r"C_t \nabla C_{t+1}", lambda r, t: r.v["C"][t] * r.g["C"][t + 1], "time shifted to t+1"),
                (r"C_1 \nabla C_2", lambda r, t: r.v["C"][1] * r.g["C"][2], "fixed step 2"),
                (
                    r"(t-1) C_{t-1} \nabla C_t",
                    lambda r, t: (t - 1) * r.v["C"][t - 1] * r.g["C"][t],
                    "factor t-1: 1 only when t = 2",
                ),
                (r"C_{t-1} \left|\nabla C_t\right|", lambda r, t: r.v["C"][t - 1] * abs(r.g["C"][t]), "absolute value"),
                (r"C_1 \nabla C_t", lambda r, t: r.v["C"][1] * r.g["C"][t], "C_1 is C_(t-1) only when t = 2"),
                (r"C_{t-1} \nabla h_t", lambda r, t: r.v["C"][t - 1] * r.g["h"][t], "nabla h instead of nabla C"),
                (r"C_{t-1} \nabla C_t + h_0", lambda r, t: r.v["C"][t - 1] * r.g["C"][t] + r.v["h"][0], "adds h_0"),
            ],
            r"\nabla f_t",
        ),
        "grad-i": (
            lambda r, t: r.g["i"][t],
            (r"\tilde{C}_t \nabla C_t", lambda r, t: r.v["Ct"][t] * r.g["C"][t]),
            [
                (r"\nabla C_t \tilde{C}_t", lambda r, t: r.v["Ct"][t] * r.g["C"][t], "commuted"),
                (r"\tilde C_t \nabla C_t", lambda r, t: r.v["Ct"][t] * r.g["C"][t], "\\tilde without braces"),
                (
                    r"\tanh(W^{hc}h_{t-1} + W^{xc}X_t + W_0^c) \nabla C_t",
                    lambda r, t: r.v["Ct"][t] * r.g["C"][t],
                    "C~ written out",
                ),
            ],
            [
                (
                    r"\tilde{C}_t o_t (1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t",
                    lambda r, t: r.v["Ct"][t] * r.v["o"][t] * TP(r.v["C"][t]) * _out(r, t),
                    "the seed's final answer: only the path through y_t",
                ),
                (r"i_t \nabla C_t", lambda r, t: r.v["i"][t] * r.g["C"][t], "i instead of C~ (that is nabla C~)"),
                (
                    r"\tilde{C}_t i_t (1-i_t) \nabla C_t",
                    lambda r, t: r.v["Ct"][t] * S(r.z["i"][t]) * r.g["C"][t],
                    "gradient of i's pre-activation",
                ),
                (r"C_t \nabla C_t", lambda r, t: r.v["C"][t] * r.g["C"][t], "C instead of C~"),
                (
                    r"\tilde{C}_{t+1} \nabla C_{t+1}",
                    lambda r, t: r.v["Ct"][t + 1] * r.g["C"][t + 1],
                    "time shifted to t+1",
                ),
                (r"\tilde{C}_2 \nabla C_2", lambda r, t: r.v["Ct"][2] * r.g["C"][2], "fixed step 2"),
                (r"\tilde{C}_t \nabla C_2", lambda r, t: r.v["Ct"][t] * r.g["C"][2], "nabla C of step 2"),
                (r"\tilde{C}_t \nabla h_t", lambda r, t: r.v["Ct"][t] * r.g["h"][t], "nabla h instead of nabla C"),
            ],
            r"\nabla i_t",
        ),
    }
    for name, (truth, (ref, ref_fn), rights, wrongs, unknown) in specs.items():
        b = CaseBuilder(f"{P}/q1/{name}", truth, POINTS5)
        b.right(ref, ref_fn, "the reference itself")
        for ans, fn, why in rights:
            b.right(ans, fn, why)
        for ans, fn, why in wrongs:
            b.wrong(ans, fn, why)
        b.rule(unknown, "restates the unknown")
        cases += b.cases
    return cases


def _whi(r, steps=(1, 2, 3), feat=None):
    feat = feat or (lambda r, s: r.v["h"][s - 1])
    return sum(feat(r, s) * S(r.z["i"][s]) * r.g["i"][s] for s in steps)


def grad_w_hi() -> list:
    b = CaseBuilder(f"{P}/q2/grad-w-hi", lambda r: r.gW["hi"], POINTS5_3)
    ref = r"h_0 i_1 (1 - i_1) \nabla i_1 + h_1 i_2 (1 - i_2) \nabla i_2 + h_2 i_3 (1 - i_3) \nabla i_3"
    b.right(ref, _whi, "the reference itself")
    b.right(r"h_1 i_2 (1 - i_2) \nabla i_2 + h_2 i_3 (1 - i_3) \nabla i_3", _whi, "h_0 = 0, so the step-1 term is 0")
    b.right(r"\sum_{t=1}^{3} h_{t-1} i_t (1 - i_t) \nabla i_t", _whi, "as a sum over t = 1..3")
    b.right(
        r"h_1 i_2 (1 - i_2) \tilde{C}_2 \nabla C_2 + h_2 i_3 (1 - i_3) \tilde{C}_3 \nabla C_3",
        _whi,
        "nabla i replaced by C~ nabla C (which the question allows), h_0 = 0",
    )
    b.wrong(
        r"h_0 i_1 (1 - i_1) \nabla i_1 + h_1 i_2 (1 - i_2) \nabla i_2",
        lambda r: _whi(r, (1, 2)),
        "drops step 3",
    )
    b.wrong(r"h_2 i_3 (1 - i_3) \nabla i_3", lambda r: _whi(r, (3,)), "only the last step")
    b.wrong(
        r"X_1 i_1 (1 - i_1) \nabla i_1 + X_2 i_2 (1 - i_2) \nabla i_2 + X_3 i_3 (1 - i_3) \nabla i_3",
        lambda r: _whi(r, feat=lambda r, s: r.X[s]),
        "X_t instead of h_(t-1): that is the gradient of W^{xi}",
    )
    b.wrong(
        r"h_1 i_1 (1 - i_1) \nabla i_1 + h_2 i_2 (1 - i_2) \nabla i_2 + h_3 i_3 (1 - i_3) \nabla i_3",
        lambda r: _whi(r, feat=lambda r, s: r.v["h"][s]),
        "h_t instead of h_(t-1): time index shifted",
    )
    b.wrong(
        r"h_0 \nabla i_1 + h_1 \nabla i_2 + h_2 \nabla i_3",
        lambda r: sum(r.v["h"][s - 1] * r.g["i"][s] for s in (1, 2, 3)),
        "drops sigma'",
    )
    b.wrong(
        r"h_1 i_2 (1 - i_2) \nabla i_2 + h_2 i_3 (1 - i_3) \nabla i_3 + \frac{h_1}{0}",
        lambda r: _whi(r) + r.v["h"][1] / np.float64(0),
        "infinite",
    )
    b.rule(r"h_{t-1} i_t (1 - i_t) \nabla i_t", "one generic term in t: the question has T = 3 steps")
    b.rule(r"\nabla W^{hi}", "restates the unknown")
    return b.cases
