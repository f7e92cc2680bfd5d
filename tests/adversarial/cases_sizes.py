r"""Shapes, counts, sets, numbers, choices and orders of growth, each truth computed on a model: real convolutions
(shapes read off the result, multiplications and additions counted while computing), an MDRNN run with an
operation counter, dependency DAGs for sequential steps, dependency paths for yes/no questions."""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from tests.adversarial import models_bounds as mb
from tests.adversarial import models_counts as mc
from tests.adversarial.judge import Case, CaseBuilder

F0 = np.float64(0)
_rng = np.random.default_rng(7)


def _shape(C, H, W, K, P, S, D, F):
    out, _, _ = mc.conv2d(np.ones((C, H, W)), np.ones((F, C, K, K)), (S, S), (P, P), (D, D))
    return out.shape


def tuples() -> list:
    cases = []
    for pid, truth, ref, rights, wrongs in (
        (
            "nyu-dl-hw2/q1.1/a-output-size",
            _shape(1, 19, 27, 3, 0, 2, 1, 1)[1:],
            (9, 13),
            [r"9 \times 13", "(9, 13)", "9x13", r"$9 \times 13$", r"\boxed{9 \times 13}", "(9, 13.0)", "[9, 13]"],
            [
                (r"13 \times 9", (13, 9), "height and width swapped"),
                ("(9.000001, 13)", (9.000001, 13), "not an integer size: tolerance must not accept it"),
                (r"8 \times 13", (8, 13), "off by one"),
                (r"9 \times 12", (9, 12), "off by one"),
                (r"10 \times 14", (10, 14), "ceil instead of floor"),
                (r"17 \times 25", (17, 25), "stride ignored"),
                (r"9 \times 13 \text{ or } 13 \times 9", (13, 9), "hedges between two orders"),
                (r"9.5 \times 13.5", (9.5, 13.5), "no floor"),
                (r"9 \times 13 \times 1", (9, 13, 1), "a third dimension"),
                (r"\frac{9}{0} \times 13", (np.inf, 13), "infinite"),
                ("(9, 13.0000000001)", (9, 13.0000000001), "not an integer size"),
                (r"(\infty, \infty)", (np.inf, np.inf), "infinite"),
            ],
        ),
        (
            "sutd-50039-week8/task2/output-size-padded",
            _shape(1, 78, 84, 5, 2, 3, 1, 1)[1:],
            (26, 28),
            ["(26, 28)", r"26 \times 28", "26, 28", "(26,28)"],
            [
                ("(28, 26)", (28, 26), "swapped"),
                ("(27, 29)", (27, 29), "ceil instead of floor"),
                ("(26.67, 29.33)", (26.67, 29.33), "no floor"),
                ("(25, 27)", (25, 27), "off by one"),
                ("(24, 26)", (24, 26), "padding ignored"),
                ("(26, 28.0000001)", (26, 28.0000001), "not an integer size"),
                ("(26, 28, 28)", (26, 28, 28), "three elements"),
            ],
        ),
        (
            "sutd-50039-week8/task2/output-size-rectangular",
            _shape(1, 64, 64, 1, 0, 1, 1, 1)[1:]
            and mc.conv2d(np.ones((1, 64, 64)), np.ones((1, 1, 3, 5)), (2, 2))[0].shape[1:],
            (31, 30),
            ["(31, 30)", r"31 \times 30", r"\left(31, 30\right)"],
            [
                ("(30, 31)", (30, 31), "swapped"),
                ("(31.5, 30.5)", (31.5, 30.5), "no floor"),
                ("(32, 31)", (32, 31), "ceil"),
                ("(31, 31)", (31, 31), "same kernel size for both axes"),
                ("(30.999999, 30)", (30.999999, 30), "not an integer size"),
            ],
        ),
    ):
        assert tuple(truth) == ref, (pid, truth)
        for ans in rights:
            cases.append(Case(pid, ans, True, "the real convolution's output shape"))
        for ans, val, why in wrongs:
            same = len(val) == len(truth) and all(math.isfinite(v) and v == w for v, w in zip(val, truth, strict=False))
            assert not same
            cases.append(Case(pid, ans, False, why))
    return cases + _general_shape()


def _general_shape() -> list:
    pts = []
    while len(pts) < 16:
        C, F = (int(v) for v in _rng.integers(1, 3, size=2))
        K, S, D, P = (
            int(_rng.integers(1, 4)),
            int(_rng.integers(1, 4)),
            int(_rng.integers(1, 4)),
            int(_rng.integers(0, 3)),
        )
        H, W = int(_rng.integers(D * (K - 1) + 1, 22)), int(_rng.integers(D * (K - 1) + 1, 22))
        if (H + 2 * P - D * (K - 1) - 1) % S == 0 and (W + 2 * P - D * (K - 1) - 1) % S == 0 and H != W:
            pts.append((C, H, W, K, P, S, D, F))
    pts.append((1, 20, 11, 3, 1, 1, 2, 2))  # H = 20: beyond a sampled window like [1, 9]
    b = CaseBuilder("nyu-dl-hw2/q1.1/b-output-shape", _shape, pts)

    def o(n, P, D, K, S):
        return (n + 2 * P - D * (K - 1) - 1) / S + 1

    ref = lambda C, H, W, K, P, S, D, F: (F, o(H, P, D, K, S), o(W, P, D, K, S))  # noqa: E731
    side = r"\left(\frac{{{n} + 2P - D(K - 1) - 1}}{{S}} + 1\right)"
    b.right(rf"F \times {side.format(n='H')} \times {side.format(n='W')}", ref, "reference")
    b.right(
        r"(F, \frac{H + 2P - D(K-1) - 1}{S} + 1, \frac{W + 2P - D(K-1) - 1}{S} + 1)", ref, "as a parenthesised tuple"
    )
    b.right(
        r"F \times \left(\frac{H + 2P - DK + D - 1}{S} + 1\right) \times \left(\frac{W + 2P - DK + D - 1}{S} + 1\right)",
        ref,
        "expanded",
    )
    b.right(
        r"F \times \frac{H + 2P - D(K - 1) - 1 + S}{S} \times \frac{W + 2P - D(K - 1) - 1 + S}{S}", ref, "one fraction"
    )
    b.wrong(
        r"F \times \left[\frac{(H + 2P) - (K + D(K - 1))}{S} + 1 \right] \times \left[\frac{(W + 2P) - (K + D(K - 1))}{S} + 1 \right]",
        lambda C, H, W, K, P, S, D, F: (
            F,
            (H + 2 * P - K - D * (K - 1)) / S + 1,
            (W + 2 * P - K - D * (K - 1)) / S + 1,
        ),
        "the seed's answer: effective kernel K + D(K-1) is dilation D+1 in the question's (PyTorch) convention",
    )
    b.wrong(
        rf"F \times \left(\frac{{H + 2P - D(K - 1) - 1}}{{S}} + 1 + e^{{-(H - 20)^2}}\right) \times {side.format(n='W')}",
        lambda C, H, W, K, P, S, D, F: (F, o(H, P, D, K, S) + np.exp(-((H - 20) ** 2)), o(W, P, D, K, S)),
        "adds a bump at H = 20, outside a sampled window like [1, 9]",
    )
    b.wrong(
        r"F \times \left(\frac{H + 2D - P(K - 1) - 1}{S} + 1\right) \times \left(\frac{W + 2D - P(K - 1) - 1}{S} + 1\right)",
        lambda C, H, W, K, P, S, D, F: (
            F,
            (H + 2 * D - P * (K - 1) - 1) / S + 1,
            (W + 2 * D - P * (K - 1) - 1) / S + 1,
        ),
        "padding and dilation swapped",
    )
    b.right(
        r"F \times \left(\left\lfloor\frac{H + 2P - D(K - 1) - 1}{S}\right\rfloor + 1\right) \times "
        r"\left(\left\lfloor\frac{W + 2P - D(K - 1) - 1}{S}\right\rfloor + 1\right)",
        lambda C, H, W, K, P, S, D, F: (
            F,
            (H + 2 * P - D * (K - 1) - 1) // S + 1,
            (W + 2 * P - D * (K - 1) - 1) // S + 1,
        ),
        "with the floor, which is exact when the stride divides evenly",
    )
    b.wrong(
        r"F \times \left(\frac{H + 2P - K}{S} + 1\right) \times \left(\frac{W + 2P - K}{S} + 1\right)",
        lambda C, H, W, K, P, S, D, F: (F, (H + 2 * P - K) / S + 1, (W + 2 * P - K) / S + 1),
        "ignores the dilation",
    )
    b.wrong(
        rf"C \times {side.format(n='H')} \times {side.format(n='W')}",
        lambda C, H, W, K, P, S, D, F: (C, o(H, P, D, K, S), o(W, P, D, K, S)),
        "input channels instead of F",
    )
    b.wrong(
        rf"F \times {side.format(n='W')} \times {side.format(n='H')}",
        lambda C, H, W, K, P, S, D, F: (F, o(W, P, D, K, S), o(H, P, D, K, S)),
        "H and W swapped",
    )
    b.wrong(
        rf"{side.format(n='H')} \times {side.format(n='W')}",
        lambda C, H, W, K, P, S, D, F: (o(H, P, D, K, S), o(W, P, D, K, S)),
        "drops F",
    )
    b.wrong(
        r"F \times \left(\frac{H + P - D(K - 1) - 1}{S} + 1\right) \times \left(\frac{W + P - D(K - 1) - 1}{S} + 1\right)",
        lambda C, H, W, K, P, S, D, F: (F, (H + P - D * (K - 1) - 1) / S + 1, (W + P - D * (K - 1) - 1) / S + 1),
        "padding counted once",
    )
    b.wrong(
        r"F \times \left(\frac{H + 2P - D(K - 1) - 1}{S}\right) \times \left(\frac{W + 2P - D(K - 1) - 1}{S}\right)",
        lambda C, H, W, K, P, S, D, F: (F, o(H, P, D, K, S) - 1, o(W, P, D, K, S) - 1),
        "missing + 1",
    )
    b.wrong(
        r"F \times \left(\frac{H + 2P - DK}{S} + 1\right) \times \left(\frac{W + 2P - DK}{S} + 1\right)",
        lambda C, H, W, K, P, S, D, F: (F, (H + 2 * P - D * K) / S + 1, (W + 2 * P - D * K) / S + 1),
        "effective kernel DK instead of D(K-1)+1",
    )
    return b.cases


@cache
def _conv_counts():
    _, mults, adds = mc.conv2d(np.ones((32, 19, 19)), np.ones((64, 32, 7, 7)), (3, 3))
    return mults, adds


def integers() -> list:
    mults, adds = _conv_counts()
    n_out = mc.conv2d(np.ones((7, 1, 11)), np.ones((1, 7, 1, 3)), (1, 2))[0].shape[2]
    table = {
        "nyu-dl-hw2/q1.1/c-i-output-length": (
            n_out,
            ["5", "N = 5", r"\boxed{5}", r"\frac{11-3}{2}+1", "$5$", "5.0", r"\frac{10}{2}"],
            [
                ("4", 4),
                ("6", 6),
                ("11", 11),
                (r"\frac{11-3}{2}", 4),
                ("5.000001", 5.000001),
                ("4.9999999", 4.9999999),
                ("9", 9),
                (r"5 \text{ or } 6", 6, "hedges between two answers"),
                (r"\{5, 6\}", 6, "hedges between two answers"),
                (r"\frac{5}{0}", math.inf),
                (r"\infty", math.inf),
                ("5.0000000001", 5.0000000001),
                ("5 + 10^{-12}", 5 + 1e-12),
            ],
        ),
        "sutd-50039-week8/task2/parameters": (
            mc.conv_param_count(32, 64, 7, 7),
            [
                "32 * 7 * 7 * 64",
                "100352",
                r"32 \cdot 49 \cdot 64",
                r"32 \times 7 \times 7 \times 64",
                r"1.00352 \times 10^5",
                r"100\,352",
            ],
            [
                ("32 * 7 * 7 * 64 + 64", 100352 + 64, "counts a bias; there is none"),
                ("7 * 7 * 64", 3136),
                ("32 * 7 * 7", 1568),
                ("100353", 100353),
                ("100351.9999", 100351.9999),
                ("32 * 7 * 7 * 64 * 25", 100352 * 25),
                (r"1.0035 \times 10^5", 100350),
                ("100352.0000001", 100352.0000001),
                (r"100352 + \frac{0}{0}", math.nan),
            ],
        ),
        "sutd-50039-week8/task2/multiplications": (
            mults,
            [
                "49*32*25*64",
                "2508800",
                r"49 \cdot 32 \cdot 25 \cdot 64",
                r"7^2 \cdot 32 \cdot 5^2 \cdot 64",
                r"2.5088 \times 10^6",
                "2.5088e6",
            ],
            [
                ("49*32*36*64", 49 * 32 * 36 * 64),
                ("49*32*25", 49 * 32 * 25),
                ("49*25*64", 49 * 25 * 64),
                ("(49*32-1)*25*64", (49 * 32 - 1) * 25 * 64),
                ("2508801", 2508801),
                ("49*32*19*19*64", 49 * 32 * 361 * 64),
                (r"2.5 \times 10^6", 2500000),
            ],
        ),
        "sutd-50039-week8/task2/additions": (
            adds,
            ["(49*32-1)*25*64", "2507200", r"(49 \cdot 32 - 1) \cdot 25 \cdot 64", "1567 * 1600"],
            [
                ("49*32*25*64", 49 * 32 * 25 * 64),
                ("(49-1)*32*25*64", 48 * 32 * 25 * 64),
                ("48*25*64", 48 * 25 * 64),
                ("(49*32-1)*25", (49 * 32 - 1) * 25),
                ("2507201", 2507201),
                ("(49*32-1)*36*64", 1567 * 36 * 64),
            ],
        ),
        "sutd-50039-week8/task2/parameters-pointwise": (
            mc.conv_param_count(512, 128, 1, 1),
            ["512 * 128", "65536", "2^{16}", r"512 \times 128"],
            [
                ("512 * 128 + 128", 65536 + 128),
                ("512 * 128 * 29 * 29", 65536 * 841),
                ("65535", 65535),
                ("512 * 128 * 25 * 25", 65536 * 625),
                ("65536.5", 65536.5),
                ("128", 128),
            ],
        ),
    }
    cases = []
    for pid, (truth, rights, wrongs) in table.items():
        for ans in rights:
            cases.append(Case(pid, ans, True, f"the model's count is {truth}"))
        for w in wrongs:
            ans, val = w[0], w[1]
            assert val != truth
            why = w[2] if len(w) > 2 else f"{val} but the model's count is {truth}"
            cases.append(Case(pid, ans, False, why))
    return cases


def input_sizes() -> list:
    pid = "sutd-50039-week8/task2/input-size"
    truth = {x for x in range(9, 120) if mc.conv1d_len(x, 9, 3, 1) == 16}
    dom = range(1, 120)
    cands = [
        (r"52 \le x < 55", lambda x: 52 <= x < 55, "reference"),
        (r"\{52, 53, 54\}", lambda x: x in (52, 53, 54), "the set"),
        (r"52 \le x \le 54", lambda x: 52 <= x <= 54, "sizes are integers"),
        (r"x \in \{52, 53, 54\}", lambda x: x in (52, 53, 54), "membership"),
        (r"52 \leq x < 55", lambda x: 52 <= x < 55, "\\leq"),
        (r"52 \le x \le 55", lambda x: 52 <= x <= 55, "55 gives an output of 17"),
        (r"51 \le x < 55", lambda x: 51 <= x < 55, "51 gives an output of 15"),
        (r"\{52, 53\}", lambda x: x in (52, 53), "misses 54"),
        (r"\{52\}", lambda x: x == 52, "only the smallest"),
        (r"52 < x < 55", lambda x: 52 < x < 55, "misses 52"),
        (r"x \ge 52", lambda x: x >= 52, "unbounded above"),
        (r"\{52, 53, 54, 55\}", lambda x: x in (52, 53, 54, 55), "includes 55"),
        (r"\{51, 52, 53, 54\}", lambda x: x in (51, 52, 53, 54), "includes 51"),
        (r"50 \le x < 53", lambda x: 50 <= x < 53, "shifted window"),
        (r"\{16\}", lambda x: x == 16, "the output size, not the input size"),
        (r"[52, 55)", lambda x: 52 <= x < 55, "the integer sizes in [52, 55)"),
        (r"51 < x < 55", lambda x: 51 < x < 55, "sizes are integers"),
        (r"[52, 55]", lambda x: 52 <= x <= 55, "includes 55"),
        (r"\emptyset", lambda x: False, "empty"),
        (r"\{52, 53, 54, \infty\}", frozenset({52, 53, 54, math.inf}), "infinity is not a size"),
        (r"\{52, 53, 54.5\}", frozenset({52, 53, 54.5}), "54.5 is not a size and 54 is missing"),
        (r"\{54, 53, 52\}", frozenset({52, 53, 54}), "the set in another order"),
        (r"x \in [52, 54]", lambda x: 52 <= x <= 54, "the integer sizes in [52, 54]"),
        (r"x \in (51, 55)", lambda x: 51 < x < 55, "the integer sizes in (51, 55)"),
        (r"52 \le x < 55.5", lambda x: 52 <= x < 55.5, "includes 55"),
        (r"\{52, 53, 54\} \cup \{55\}", frozenset({52, 53, 54, 55}), "includes 55"),
    ]
    cases = []
    for ans, pred, why in cands:
        # an explicit set is compared as a set (a member that is not a size makes it wrong); an inequality or
        # interval is read over the integer sizes
        ok = (set(pred) if isinstance(pred, frozenset) else {x for x in dom if pred(x)}) == truth
        cases.append(Case(pid, ans, ok, why if not ok or why != "reference" else "the reference"))
    return cases


def numbers() -> list:
    probs = _rng.dirichlet(np.ones(4))  # any prediction rule independent of the label
    acc = float(np.sum(probs * np.full(4, 0.25)))  # balanced classes
    logits = np.zeros(4)  # the limit of a randomly initialised net with small weights: uniform output
    loss = float(-np.log(np.exp(logits[0]) / np.exp(logits).sum()))
    # both parts state a tolerance (rtol 2 % and 1 %), so only answers outside it are counted as wrong here
    cases = []
    for pid, truth, rtol, cands in (
        (
            "nyu-dl-hw2/q1.3/d-initial-accuracy",
            acc,
            0.02,
            [
                ("1/4", 0.25),
                ("0.25", 0.25),
                (r"\frac{1}{4}", 0.25),
                (r"\frac14", 0.25),
                ("0.26", 0.26),
                ("1/3", 1 / 3),
                ("25", 25.0),
                ("0", 0.0),
                (r"\infty", math.inf),
                (r"\frac{1}{0}", math.inf),
                (r"e^{\ln(1/4)}", 0.25),
                (r"\frac{1}{4} + 0 \cdot \infty", math.nan),
            ],
        ),
        (
            "nyu-dl-hw2/q1.3/d-initial-loss",
            loss,
            0.01,
            [
                ("1.386", 1.386),
                (r"\ln 4", math.log(4)),
                (r"\ln(4)", math.log(4)),
                (r"-\ln\frac{1}{4}", math.log(4)),
                (r"2 \ln 2", math.log(4)),
                ("ln(4)", math.log(4)),
                (r"\ln 3", math.log(3)),
                (r"\log_2 4", 2.0),
                (r"\log_{10} 4", math.log10(4)),
                ("4", 4.0),
                (r"\frac{1}{4}", 0.25),
                (r"-\ln 4", -math.log(4)),
                (r"\frac{\ln 4}{0}", math.inf),
            ],
        ),
    ):
        for ans, val in cands:
            ok = math.isfinite(val) and abs(val - truth) <= rtol * abs(truth)
            near = math.isfinite(val) and abs(val - truth) <= 1.5 * rtol * abs(truth)
            assert ok or not near, f"{ans}: too close to the part's tolerance to be sure"
            why = (
                "within the part's stated tolerance of the model's value"
                if ok
                else f"{val} but the model gives {truth}"
            )
            cases.append(Case(pid, ans, ok, why))
    return cases


def choices() -> list:
    c_of_h = "yes" if mb.lstm_depends_on("c", 5, "h", 5) else "no"
    u = _rng.normal(size=4)
    a_arg = [mb.forget_argmax_and_max(u, a) for a in (0.0, 2.5)]
    argmax_dep = "no" if np.allclose(a_arg[0][0], a_arg[1][0]) else "yes"
    max_dep = "no" if np.isclose(a_arg[0][1], a_arg[1][1]) else "yes"
    fixed = mb.residual_fixes(_rng)
    (placement,) = mb.setting_with_identity_path(_rng)
    yes_no = {"no": ["no", "No", "No.", "NO", r"\text{no}", r"\textbf{no}", " no "], "yes": ["yes", "Yes", "Yes."]}
    table = [
        ("sutd-50039-week8/task1/c-of-h", c_of_h, yes_no, ["maybe", "yes and no", "yes/no", "no, yes", "no or yes"]),
        ("sutd-50039-week8/task1/argmax-depends", argmax_dep, yes_no, ["maybe", "no yes"]),
        ("sutd-50039-week8/task1/max-depends", max_dep, yes_no, ["maybe", "yes no", "yes/no"]),
        (
            "csc413-2020-hw4/q1.2.3/which-fixed",
            fixed,
            {
                "vanishing only": ["vanishing only", "Vanishing only", "only vanishing", "vanishing only."],
                "exploding only": ["exploding only", "only exploding"],
                "both": ["both"],
                "neither": ["neither"],
            },
            ["vanishing and exploding", "exploding", "vanishing only, exploding only", "vanishing only or both"],
        ),
        (
            "csc413-2020-hw4/q1.3.2/placement",
            placement,
            {"second": ["second", "Second", "the second"], "first": ["first", "First", "the first"]},
            ["both", "second, first", "first or second"],
        ),
    ]
    cases = []
    for pid, truth, meanings, always_wrong in table:
        for meaning, spellings in meanings.items():
            for ans in spellings:
                cases.append(Case(pid, ans, meaning == truth, f"means {meaning!r}; the model says {truth!r}"))
        for ans in always_wrong:
            cases.append(Case(pid, ans, False, f"not the model's answer {truth!r}"))
    return cases
