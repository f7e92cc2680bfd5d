"""The grading benchmark's corpus: (kind, student, reference, options, expected verdict) cases.

Seed answers are quoted from /work/shared/seeds (001, 003, 004: student answers; 002: the solutions),
each judged against the question's true answer; the rest cover every spelling the grading issue lists.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    kind: str
    student: str
    reference: Any
    expected: bool
    options: dict[str, Any] = field(default_factory=dict)
    source: str = "own"


def _cases(kind: str, reference: Any, right: list[str], wrong: list[str], options: dict | None = None, source: str = "own") -> list[Case]:
    options = options or {}
    return [Case(kind, s, reference, True, options, source) for s in right] + [
        Case(kind, s, reference, False, options, source) for s in wrong
    ]


LSTM_SYMBOLS = {
    "symbols": {
        "o_t": ["o^{(t)}", "o_t"],
        "c_t": ["c^{(t)}", "C_t", "c_{t}", "c(t)"],
        "cprev": ["c^{(t-1)}", "C_{t-1}", "c_{t-1}"],
        "f_t": ["f^{(t)}", "f_t"],
        "i_t": ["i^{(t)}", "i_t"],
        "g_t": ["g^{(t)}", "\\tilde{C}_t", "u_t"],
        "hprev": ["h^{(t-1)}", "h_{t-1}"],
        "hbar_t": ["\\overline{h^{(t)}}", "\\nabla h_t", "\\bar{h}_t"],
        "cbar_t": ["\\overline{c^{(t)}}", "\\nabla C_t", "\\bar{c}_t", "\\nabla c_t"],
        "cnextbar": ["\\overline{c^{(t+1)}}", "\\nabla C_{t+1}"],
        "ibar_t": ["\\overline{i^{(t)}}", "\\nabla i_t"],
        "ybar_t": ["\\nabla y_t"],
        "y_t": ["y_t"],
        "w_y": ["w^y", "W^y", "w^{y}"],
    }
}

SEEDS: list[Case] = [
    # 001: HW2, a student's answers
    *_cases("tuple", (9, 13), ["9×13", r"9 \times 13"], [], source="seed-001"),
    *_cases("number", 5, [r"\frac{11-3}{2} + 1"], [r"\frac{11-3}{2}"], source="seed-001"),
    *_cases("expression", "sigma(x)*(1-sigma(x))", [r"\sigma(x)(1 - \sigma(x))", r"\sigma'(x)"], [], source="seed-001"),
    *_cases(
        "tuple",
        ("F", "(H + 2P - (K + D(K - 1)))/S + 1", "(W + 2P - (K + D(K - 1)))/S + 1"),
        [r"F \times \frac{(H + 2P) - (K + D(K - 1))}{S} + 1 \times \frac{(W + 2P) - (K + D(K - 1))}{S} + 1"],
        [],
        source="seed-001",
    ),
    # 002: solutions of the Week 08 sheet
    *_cases("tuple", (26, 28), ["(26, 28)", "26x28", "[26,28]", r"26 \times 28"], ["(28, 26)"], source="seed-002"),
    *_cases("tuple", (31, 30), ["(31, 30)", "31 x 30"], ["(30, 31)", "(32, 30)"], source="seed-002"),
    *_cases("set", "[52, 55)", [r"52 \le x < 55", "52 <= x < 55", "[52,55)"], ["52 < x < 55", "[52, 55]"], source="seed-002"),
    *_cases("set", [52, 53, 54], [r"52 \le x < 55", "{52,53,54}"], ["{52,53,54,55}"], {"integer": True}, "seed-002"),
    *_cases("integer", 100352, ["32 * 7 * 7 * 64", "100352"], ["32 * 7 * 7", "32*7*64"], source="seed-002"),
    *_cases("integer", 65536, ["512 * 128", "65536"], ["512 * 128 * 4"], source="seed-002"),
    *_cases("integer", 26, ["floor((78 + 2*2 - 5)/3) + 1"], ["(78 + 2*2 - 5)/3 + 1"], source="seed-002"),
    *_cases("integer", 2508800, ["49*32*25*64"], ["49*25*64"], source="seed-002"),
    *_cases("integer", 2507200, ["(49*32-1)*25*64"], ["48*32*25*64"], source="seed-002"),
    *_cases(
        "expression",
        "sigma(z)*(1-sigma(z))",
        [r"\frac{e^{-z}}{(1 + e^{-z})^2}", r"-1 \frac{1}{(1 + e^{-z})^2} (-e^{-z})"],
        [r"\frac{1}{(1 + e^{-z})^2}"],
        source="seed-002",
    ),
    # 003: CSC413 HW4, a student's answers
    *_cases("expression", "(1/4)^n", [r"\left(\frac{1}{4}\right)^n", "(1/4)^n", "4^(-n)"], ["1/4^(n-1)"], source="seed-003"),
    *_cases("expression", "1 - tanh(x)^2", [r"1 - \tanh^2(x)", r"\tanh'(x)"], [r"1 - \tanh(x)"], source="seed-003"),
    *_cases("expression", "sigma(a_1)*(1-sigma(a_1))", [r"\sigma(a_1) (1 - \sigma(a_1))"], [], source="seed-003"),
    *_cases("expression", "(1 - tanh(W*x_t)^2)*W", [r"(1 - \tanh^2(Wx_t))W"], [r"(1 - \tanh(Wx_t))W"], source="seed-003"),
    *_cases("bigo", "O(d k^2 H W)", [r"\mathcal{O}(dk^2H \times W)", r"\mathcal{O}(4k^2H \times W d)"], [], source="seed-003"),
    *_cases("bigo", "O(d)", [r"\mathcal{O}(d)"], [], source="seed-003"),
    *_cases("bigo", "O(d (H + W))", [], [r"\mathcal{O}(dH \times W)"], source="seed-003"),
    # 004: HW5 LSTM, a student's answers (univariate)
    *_cases(
        "expression",
        "o_t*(1 - tanh(c_t)^2)*hbar_t + f_t*cnextbar",
        [r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_t \nabla C_{t+1}"],
        [r"o_t(1 - \tanh(C_t)) \nabla h_t + f_t \nabla C_{t+1}"],
        LSTM_SYMBOLS,
        "seed-004",
    ),
    *_cases("expression", "tanh(c_t)*hbar_t", [r"\tanh(C_t) \nabla h_t"], [r"\tanh'(C_t) \nabla h_t"], LSTM_SYMBOLS, "seed-004"),
    *_cases("expression", "cprev*cbar_t", [r"C_{t-1} \nabla C_t"], [r"C_t \nabla C_t"], LSTM_SYMBOLS, "seed-004"),
    *_cases("expression", "g_t*cbar_t", [r"\tilde{C}_t \nabla C_t"], [r"i_t \nabla C_t"], LSTM_SYMBOLS, "seed-004"),
    *_cases("expression", "hprev*i_t*(1-i_t)*ibar_t", [r"h_{t-1} i_t (1 - i_t) \nabla i_t"], [r"h_{t-1} i_t \nabla i_t"], LSTM_SYMBOLS, "seed-004"),
    *_cases("expression", "w_y*y_t*(1-y_t)*ybar_t", [r"w^y y_t (1 - y_t) \nabla y_t"], [r"w^y y_t \nabla y_t"], LSTM_SYMBOLS, "seed-004"),
]

OWN: list[Case] = [
    # number
    *_cases("number", 0.0025, ["2.5e-3", "0.0025", r"2.5 \times 10^{-3}", "1/400", r"\frac{1}{400}", "25/10000"], ["2.5e-2", "0.025", "1/40"]),
    *_cases("number", 0.36787944117144233, ["e^{-1}", "exp(-1)", "1/e", r"\frac{1}{e}", "0.36787944117144233"], ["e", "0.37"]),
    *_cases("number", 1024, ["2^10", "1024", "2^{10}", "4^5", "32*32"], ["2^11", "1000"]),
    # significant figures as STACK counts them: a numeral with exactly (or, with at_least, at least) 3 figures
    *_cases("number", 3.14159, ["3.14", "$3.14$"], ["3.15", "3.1", "3.142", "pi"], {"sigfigs": 3}),
    *_cases("number", 3.14159, ["3.14", "3.142", "3.1416"], ["3.141", "3.1", "pi"], {"sigfigs": 3, "at_least": True}),
    *_cases("number", 0.333, ["1/3", "0.33333"], ["0.3", "0.34"], {"rtol": 0.01}),
    *_cases("number", 6.02e23, ["6.02e23", r"6.02 \times 10^{23}", "602*10^21"], ["6.02e22", "6.2e23"]),
    *_cases("number", -0.5, ["-0.5", "-1/2", r"-\frac{1}{2}", "-.5"], ["0.5", "-2"]),
    *_cases("number", 100352, ["100352", "1.00352e5"], ["32*7*7*64", "100353"], {"literal": True}),
    # integer
    *_cases("integer", 3136, ["56^2", "3136", "7*7*64", "2^6 * 7^2"], ["3137", "3136.5", "56*57"]),
    *_cases("integer", 12, ["3 \\cdot 4", "24/2", "(64 - 3)/5 - 0.2"], ["13", "11"]),
    # tuple
    *_cases("tuple", (9, 13), ["9x13", "9×13", r"9 \times 13", "(9, 13)", "[9,13]", "9, 13", "(18/2, 13)"], ["13x9", "(9, 13, 1)", "(9, 12)", "9"]),
    *_cases("tuple", (64, 3, 3), ["64x3x3", r"64 \times 3 \times 3", "(64, 3, 3)"], ["(3, 3, 64)", "64x3"]),
    *_cases("tuple", (0.5, 0.25), ["(1/2, 1/4)", "(0.5, 0.25)", r"\left(\frac{1}{2}, \frac{1}{4}\right)"], ["(0.25, 0.5)"]),
    # set
    *_cases("set", "[52, 55)", [r"52 \le x < 55", "52 <= x < 55", "[52,55)", "x >= 52 and x < 55"], ["52 < x <= 55", "(52, 55)"]),
    *_cases("set", [52, 53, 54], ["[52,55)", "52 <= x <= 54", "{54, 53, 52}", r"\{52, 53, 54\}", "(51, 54.5]"], ["{52, 53}", "[52, 55]"], {"integer": True}),
    *_cases("set", "(0, 2)", ["(0, 1] ∪ (1, 2)", r"(0, 1] \cup [1, 2)", "0 < x < 2"], ["[0, 2)", "(0, 1) ∪ (1, 2)"]),
    *_cases("set", "{1, 2, 3}", ["{3, 2, 1}", r"\{1,2,3\}", "{1, 2, 3, 3}"], ["{1, 2}", "{1, 2, 3, 4}"]),
    *_cases("set", "[0, inf)", ["x >= 0", r"x \ge 0", "[0, inf)"], ["x > 0", "(0, inf)"]),
    # expression
    *_cases(
        "expression",
        "sigma(z)*(1-sigma(z))",
        ["sigma(z)*(1-sigma(z))", r"\sigma(z)(1-\sigma(z))", r"\sigma'(z)", "sigma'(z)", "σ(z)(1-σ(z))",
         "exp(-z)/(1+exp(-z))^2", "1/(1+e^(-z)) - 1/(1+e^(-z))^2", r"\frac{1}{1+e^{-z}} \cdot \frac{e^{-z}}{1+e^{-z}}",
         r"\frac{e^{z}}{(1+e^{z})^2}"],
        ["sigma(z)", "sigma(z)^2", "sigma(z)*(1+sigma(z))", r"\frac{e^{-z}}{1+e^{-z}}", "1 - sigma(z)", "z*(1-z)"],
    ),
    *_cases("expression", "2*x", ["2x", "x+x", "2*x", r"2 \cdot x", r"\frac{4x}{2}"], ["x^2", "2", "x/2"]),
    *_cases("expression", "x^2", ["x^2", "x*x", "x**2", r"x^{2}", "(-x)^2", "|x|^2"], ["2x", "x^3", "-x^2"]),
    *_cases("expression", "x/2", [r"\frac{1}{2}x", "x/2", "0.5x", r"\frac{x}{2}"], [r"\frac{1}{2x}", "2x"]),
    *_cases("expression", "sqrt(x^2 + 1)", [r"\sqrt{x^2+1}", "sqrt(1 + x^2)", "(x^2+1)^(1/2)"], ["x + 1", r"\sqrt{x^2}+1"]),
    *_cases("expression", "log(x)", ["ln(x)", "log(x)", r"\ln x", r"\log(x)", "2*log(sqrt(x))"], ["log(2x)", "log(x)/2"], {"variables": {"x": [0.5, 3]}}),
    *_cases("expression", "1 - tanh(x)^2", [r"1-\tanh^2(x)", r"\tanh'(x)", "1/cosh(x)^2", r"\frac{1}{\cosh^2(x)}"], ["1 - tanh(x)", "tanh(x)^2"]),
    *_cases("expression", "sin(x)^2 + cos(x)^2", ["1", r"\sin^2 x + \cos^2 x"], ["0", "2 sin(x)"]),
    *_cases("expression", "(x+1)^3", ["x^3 + 3x^2 + 3x + 1", "(1+x)^3", "(x+1)(x+1)^2"], ["x^3 + 1", "x^3 + 3x^2 + 3x"]),
    *_cases("expression", "(1/4)^n", ["(1/4)^n", r"\left(\frac{1}{4}\right)^{n}", "4^(-n)", "2^(-2n)", "0.25^n"], ["4^n", "(1/2)^n"]),
    *_cases(
        "expression",
        "o_t*(1-tanh(c_t)^2)",
        [r"o^{(t)}(1-\tanh^2(c^{(t)}))", "o_t*(1-tanh(c_t)^2)", r"o_t (1 - \tanh^{2}(C_t))", "o_t*(1-tanh(c(t))^2)",
         r"o_{t}\left(1-\tanh\left(c_{t}\right)^{2}\right)", r"o^{(t)} \tanh'(c^{(t)})"],
        ["o_t*(1-tanh(c_t))^2", r"o^{(t)}\tanh(c^{(t)})", "1 - tanh(c_t)^2"],
        LSTM_SYMBOLS,
    ),
    *_cases(
        "expression",
        "cbar_t*f_t",
        [r"\overline{c^{(t)}} f^{(t)}", r"\nabla C_t \circ f_t", r"f_t \odot \bar{c}_t", r"f^{(t)} \otimes \nabla c_t"],
        [r"\overline{c^{(t)}}", r"f^{(t)} c^{(t)}"],
        LSTM_SYMBOLS,
    ),
    # equation
    *_cases("equation", "y = 2*x + 1", ["y = 2x + 1", "2x - y + 1 = 0", "2y = 4x + 2", "-y = -2x - 1", "y - 1 = 2x", r"\frac{y-1}{2} = x"],
            ["y = 2x - 1", "y = x + 1", "y^2 = (2x+1)^2", "x = 2y + 1"]),
    *_cases("equation", "x^2 + y^2 = 1", ["y^2 = 1 - x^2", "2x^2 + 2y^2 = 2", "x^2 + y^2 - 1 = 0"], ["x + y = 1", "x^2 - y^2 = 1"]),
    # matrix
    *_cases("matrix", [[1, 0], [0, 2]], ["[[1, 0], [0, 2]]", r"\begin{pmatrix} 1 & 0 \\ 0 & 2 \end{pmatrix}",
            r"\begin{bmatrix} 1 & 0 \\ 0 & 2 \end{bmatrix}", "[[1, 0], [0, 4/2]]"], ["[[1, 0], [0, 3]]", "[[1, 0, 0], [0, 2, 0]]", "[[0, 1], [2, 0]]"]),
    *_cases("matrix", [[1, 1], [0, 1]], [r"\begin{pmatrix} 1 & 1 \\ 0 & 1 \end{pmatrix}", "[[1,1],[0,1]]"], ["[[1, 0], [1, 1]]"]),
    *_cases("matrix", [[0.5], [0.25]], [r"\begin{pmatrix} \frac{1}{2} \\ \frac{1}{4} \end{pmatrix}", "[[0.5], [0.25]]"], ["[[0.5, 0.25]]"]),
    # bigo
    *_cases("bigo", "O(d k^2 H W)", ["O(d k^2 H W)", r"\mathcal{O}(dk^2H \times W)", r"\mathcal{O}(dk^2HW)", "O(3 d k^2 HW + d)",
            r"\Theta(4 d k^2 H W)", "O(d*k^2*H*W + k^2 + H*W)"], ["O(dHW)", "O(d^2 k^2 H W)", "O(d k H W)", "O(k^2 H W)"]),
    *_cases("bigo", "O(n log(n))", ["O(n log n + n)", r"\mathcal{O}(n \log n)", r"\Theta(3 n \log(n))"], ["O(n)", "O(n^2)", "O(log n)"]),
    *_cases("bigo", "O(2^n)", ["O(2^n + n^5)", r"\mathcal{O}(2^{n})"], ["O(3^n)", "O(n^5)"]),
    *_cases("bigo", "O(n^2)", ["O(n^2 + n)", "O((n+1)^2)", r"\mathcal{O}(\frac{n^2}{2})"], ["O(n^3)", "O(n)"]),
    *_cases("bigo", "O(G^2 H^2)", ["O(G^2 H^2 + G H)", r"\mathcal{O}(G^2H^2)"], ["O(G^2 H)", "O(G H)"]),
    # choice
    *_cases("choice", "B", ["B", "b", " B "], ["A", "C"], {"choices": ["A", "B", "C", "D"]}),
    *_cases("choice", ["A", "C"], ["A, C", "C,A", "c; a"], ["A", "A, B", "A, B, C"], {"choices": ["A", "B", "C", "D"]}),
]

CASES: list[Case] = SEEDS + OWN
