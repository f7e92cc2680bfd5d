"""General mathematics: numbers, expressions, equations, sets, intervals and matrices as the users of
STACK, WeBWorK, PrairieLearn and Math-Verify write them (forms modelled on those tools' documentation and
test suites: boxed answers, `$...$`, units, thousands separators, \\dfrac, \\left( \\right), solution sets,
unions of intervals, pmatrix), plus our own. Every verdict is decided by hand from the mathematics: a
right answer in any spelling is True; a different value, a missing root or a wrong endpoint is False.

References are strings, so that every grader reads the same text.
"""

from benchmarks.grading_corpus import Case


def _cases(kind: str, reference: str, right: list[str], wrong: list[str], options: dict | None = None,
           source: str = "general") -> list[Case]:
    options = options or {}
    return [Case(kind, s, reference, True, options, source) for s in right] + [
        Case(kind, s, reference, False, options, source) for s in wrong
    ]


NUMBERS = [
    *_cases("number", "1/2", ["0.5", r"\frac{1}{2}", r"\frac12", r"\dfrac{1}{2}", r"\boxed{\frac{1}{2}}", "$0.5$",
                              "2/4", r"\tfrac{1}{2}", "50%", r"50\%", "The answer is $\\frac{1}{2}$."],
            ["0.51", "2", r"\frac{1}{3}", "5%", "-0.5"]),
    *_cases("number", "65536", ["65,536", "65536", "2^{16}", "2^16", "65 536", r"65\,536",
                                r"\boxed{65536}", "4^8", "65536.0"],
            ["65,535", "6553.6", "2^{15}", "65 537"]),
    *_cases("number", "2508800", ["2{,}508{,}800", "2,508,800", "2508800", r"2.5088 \times 10^{6}", "2.5088e6",
                                  "2.5088E6", r"2.5088 \cdot 10^6"],
            ["2,508,000", "2.5088e5", "250880"]),
    *_cases("number", "0.0012", [r"1.2 \times 10^{-3}", "1.2e-3", "1.2E-3", "0.0012", r"\frac{12}{10000}", "1.2*10^-3",
                                 r"0.12\%"],
            ["1.2e-2", "0.012", r"1.2 \times 10^{3}", "12%"]),
    *_cases("number", "3.14159265358979", [r"\pi", "pi", r"\frac{22}{7} - \frac{22}{7} + \pi", r"\boxed{\pi}"],
            ["3.14", r"\frac{22}{7}", "3"]),
    *_cases("number", "2.718281828459045", ["e", "e^1", r"\exp(1)", r"\mathrm{e}"], ["2.71", "e^2"]),
    *_cases("number", "1.4142135623730951", [r"\sqrt{2}", "sqrt(2)", "2^(1/2)", r"\sqrt[2]{2}", r"2^{\frac{1}{2}}",
                                             r"\frac{2}{\sqrt{2}}"],
            ["1.41", r"\sqrt{3}", "2^(1/3)"]),
    *_cases("number", "100352", ["32*7*7*64 = 100352", "100352", "100,352", "N = 100352", r"32 \cdot 7 \cdot 7 \cdot 64"],
            ["100351", "32*7*7*63", "N = 100353"]),
    *_cases("number", "0.25", ["25%", r"25\%", "1/4", r"\frac{1}{4}", "0.250", r"\left(\frac{1}{2}\right)^2"],
            ["25", "0.2", "4"]),
    *_cases("number", "6", ["3!", "6", "3*2", r"\lfloor 6.7 \rfloor", r"\lceil 5.2 \rceil",
                            "max(1, 6, 3)", r"\log_2 64", "log(64, 2)", r"\left| -6 \right|"],
            ["5", r"\lfloor 5.7 \rfloor", "min(6, 7, 1)", r"\log_{2} 32"]),
    *_cases("number", "2", [r"\lg 100", r"\log_{10} 100", "log(100, 10)", r"\ln e^2", r"\sqrt{4}", r"\frac{4}{2}"],
            [r"\ln 100", "log(100)", r"\sqrt{2}"]),
    *_cases("number", "1", [r"\sin^2(1) + \cos^2(1)", r"\sec(0)", r"\cosh(0)",
                            r"\tan\left(\frac{\pi}{4}\right)", r"\cot\left(\frac{\pi}{4}\right)"],
            [r"\sin(1)", r"\csc\left(\frac{\pi}{4}\right)"]),
]

EXPRESSIONS = [
    *_cases("expression", "x^2 + 2x + 1", ["(x+1)^2", "x^2+2x+1", "x*x + 2*x + 1", "(1+x)(x+1)", r"\left(x + 1\right)^{2}",
                                          r"x^{2} + 2 x + 1", "1 + 2x + x^2", r"\boxed{(x+1)^2}", "$(x+1)^2$"],
            ["(x-1)^2", "x^2+1", "x^2 + 2x", "(x+1)^3"]),
    *_cases("expression", r"\frac{1}{x}", ["1/x", "x^{-1}", r"\frac{2}{2x}", r"\dfrac{1}{x}", "x^(-1)", r"\cfrac{1}{x}"],
            ["-1/x", "x", r"\frac{1}{x^2}"]),
    *_cases("expression", r"\sin(2x)", [r"2\sin(x)\cos(x)", r"2 \sin x \cos x", "2*sin(x)*cos(x)", r"\sin(2 x)"],
            [r"2\sin(x)", r"\sin(x)\cos(x)", r"\cos(2x)"]),
    *_cases("expression", r"\frac{1}{\cos(x)}", [r"\sec(x)", r"\sec x", "sec(x)", r"\frac{1}{\cos x}"],
            [r"\csc(x)", r"\cos(x)"]),
    *_cases("expression", r"\frac{\cos(x)}{\sin(x)}", [r"\cot(x)", r"\cot x", r"\frac{1}{\tan(x)}"], [r"\tan(x)", r"-\cot(x)"]),
    *_cases("expression", r"\frac{e^x - e^{-x}}{2}", [r"\sinh(x)", "sinh(x)", r"\frac{e^{x}-e^{-x}}{2}"], [r"\cosh(x)", r"e^x"]),
    *_cases("expression", r"\frac{1}{\cosh(x)}", [r"\operatorname{sech}(x)", "sech(x)"], [r"\cosh(x)"]),
    *_cases("expression", r"\ln(x) + \ln(y)", [r"\ln(xy)", "log(x*y)", r"\log(x) + \log(y)", "ln(x y)"],
            [r"\ln(x + y)", r"\ln(x) \ln(y)"], {"variables": {"x": [0.5, 3], "y": [0.5, 3]}}),
    *_cases("expression", r"\log_2(x)", [r"\frac{\ln x}{\ln 2}", "log(x, 2)", r"\log_{2} x", "log_2(x)"],
            [r"\log_{10}(x)", r"\ln(x)", "log(2, x)"], {"variables": {"x": [0.5, 4]}}),
    *_cases("expression", r"\frac{x^3}{3} + C", [r"\frac{1}{3}x^3 + C", "x^3/3 + C", r"C + \frac{x^{3}}{3}"],
            [r"3x^2 + C", r"\frac{x^3}{3}", r"\frac{x^4}{4} + C"]),
    *_cases("expression", r"\sqrt{x^2}", [r"\left|x\right|", "|x|", "abs(x)", r"\lvert x \rvert"], ["x", "-x"]),
    *_cases("expression", r"\max(x, 0)", ["max(x, 0)", r"\frac{x + |x|}{2}", r"\max(0, x)"], ["min(x, 0)", "|x|"]),
    *_cases("expression", r"\frac{1}{1+e^{-z}}", [r"\sigma(z)", "sigmoid(z)", r"\frac{e^z}{1+e^z}", "1/(1+exp(-z))"],
            [r"\frac{1}{1+e^{z}}", r"\tanh(z)"]),
    *_cases("expression", r"\frac{e^{-z}}{(1+e^{-z})^2}", [r"\sigma(z)(1-\sigma(z))", r"\sigma'(z) = \sigma(z)(1-\sigma(z))",
                                                        r"\frac{e^{-z}}{\left(1+e^{-z}\right)^{2}}"],
            [r"\sigma(z)^2", r"\sigma'(z) = \sigma(z)"]),
    *_cases("expression", r"\frac{T(T+1)}{2}", [r"\sum_{t=1}^{T} t", "sum(t, t, 1, T)", r"\sum^{T}_{t=1} t"],
            [r"\sum_{t=0}^{T+1} t", r"\frac{T^2}{2}"]),
    *_cases("expression", r"\frac{1 - \gamma^{k}}{1 - \gamma}", [r"\sum_{i=0}^{k-1} \gamma^{i}", r"\frac{\gamma^k - 1}{\gamma - 1}"],
            [r"\sum_{i=0}^{k} \gamma^{i}", r"\frac{1 - \gamma^{k+1}}{1 - \gamma}"]),
    *_cases("expression", "n!", [r"\prod_{j=1}^{n} j", "factorial(n)", "n (n-1)!"], [r"\prod_{j=1}^{n} 2j", "(n+1)!"]),
    *_cases("expression", r"a d - b c", [r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}",
                                         r"\det \begin{pmatrix} a & b \\ c & d \end{pmatrix}", "ad - bc", "-(bc - ad)"],
            [r"\begin{vmatrix} a & c \\ b & d \end{vmatrix} + 1", "ad + bc"]),
    *_cases("expression", r"\lfloor x \rfloor", ["floor(x)", r"\left\lfloor x \right\rfloor"], ["ceil(x)", r"\lceil x \rceil"]),
    *_cases("expression", r"\arctan(x)", ["atan(x)", "arctan(x)"], [r"\frac{1}{\tan(x)}"]),
    *_cases("expression", r"2^{n}", ["2^n", "2**n", r"2^{n}", r"e^{n \ln 2}"], ["n^2", "2n"]),
    *_cases("expression", r"\frac{d k^2 H W}{2}", ["d k^2 H W / 2", r"\frac{1}{2} d k^{2} H W", "0.5 d k^2 H W"],
            ["d k^2 H W", "d k H W / 2"]),
]

EQUATIONS = [
    *_cases("equation", "y = 2x + 1", ["y = 2x + 1", "2x - y + 1 = 0", "2y = 4x + 2", r"\frac{y-1}{2} = x", "y - 2x = 1"],
            ["y = 2x - 1", "y = x + 1", "x = 2y + 1"]),
    *_cases("equation", "x = 2y", ["x/y = 2", "x - 2y = 0", r"\frac{x}{2} = y", "3x = 6y"], ["x = 3y", "y = 2x"]),
    *_cases("equation", "y = x/(2x - 1)", ["1/x + 1/y = 2", r"\frac{1}{x} + \frac{1}{y} = 2", "x + y = 2xy"],
            ["1/x + 1/y = 1", "y = x/(2x + 1)"]),
    *_cases("equation", "ab = 0", [r"a = 0 \text{ or } b = 0", "a b = 0", "ba = 0"], ["a = 0", "b = 0", "a + b = 0"]),
    *_cases("equation", "x^2 + y^2 = 1", ["y^2 = 1 - x^2", "2x^2 + 2y^2 = 2", "x^2 + y^2 - 1 = 0"],
            ["x + y = 1", "x^2 - y^2 = 1", "x^2 + y^2 = 2"]),
    *_cases("equation", "x^2 = 4", ["x = 2 or x = -2", r"x = 2 \text{ or } x = -2", "(x-2)(x+2) = 0", "x^2 - 4 = 0"],
            ["x = 2", "x = -2", "x = 4"]),
    *_cases("equation", "y = e^{2x}", [r"\ln y = 2x", "y = exp(2x)", r"y = \left(e^{x}\right)^{2}"], ["y = e^x", "y = 2e^x"]),
]

SETS = [
    *_cases("set", r"\{-2, 2\}", [r"\pm 2", r"x = \pm 2", r"x = 2 \text{ or } x = -2", "x = 2 or x = -2", r"\{2, -2\}",
                                   "{-2, 2}", "2, -2", r"x = -2 \lor x = 2"],
            ["x = 2", r"\{2\}", r"\{-2, 2, 0\}", r"\pm 4"]),
    *_cases("set", r"\{1, 2, 3, 4\}", [r"\{1,3\} \cup \{2,4\}", r"\{4, 3, 2, 1\}", r"\{1, 2\} \cup \{3, 4\}", "{1,2,3,4}"],
            [r"\{1, 2, 3\}", r"\{1,3\} \cup \{2,5\}"]),
    *_cases("set", "[0, 1]", [r"\left[0, 1\right]", "0 <= x <= 1", r"0 \le x \le 1", r"[0, \frac{1}{2}] \cup [\frac{1}{2}, 1]",
                              r"x \in [0, 1]", r"x \geq 0 \text{ and } x \leq 1"],
            ["(0, 1)", "[0, 1)", "0 < x <= 1", "[0, 2]"]),
    *_cases("set", r"(-\infty, 0) \cup (0, \infty)",
            [r"\left(-\infty, 0\right) \cup \left(0, \infty\right)", r"(0, \infty) \cup (-\infty, 0)", r"(-\infty,0)\cup(0,\infty)"],
            [r"(-\infty, \infty)", r"(-\infty, 0]\cup(0, \infty)", r"(0, \infty)"]),
    *_cases("set", "[2, 5)", ["2 <= x < 5", r"2 \le x < 5", r"[2, 3) \cup [3, 5)", r"x \geq 2, x < 5", r"\left[2, 5\right)"],
            ["(2, 5)", "[2, 5]", "2 < x < 5", "[2, 4)"]),
    *_cases("set", r"\{52, 53, 54\}", [r"[52, 53] \cup \{54\}", "[52, 55)", "52 <= x < 55", r"\{52, 53, 54\}",
                                       r"\{52\} \cup [53, 54]"],
            ["[52, 54)", r"\{52, 53\}", "52 < x < 55"], {"integer": True}),
    *_cases("set", r"\emptyset", [r"\emptyset", r"\varnothing", "{}", r"\{\}"], [r"\{0\}", "[0, 0]"]),
    *_cases("set", r"\{1 - \sqrt{2}, 1 + \sqrt{2}\}", [r"1 \pm \sqrt{2}", r"x = 1 \pm \sqrt{2}", r"\{1+\sqrt 2, 1-\sqrt 2\}"],
            [r"\{1 + \sqrt{2}\}", r"1 \pm 2", r"\pm \sqrt{2}"]),
    *_cases("set", "(1, 3]", [r"\left(1, 3\right]", "1 < x <= 3", r"(1, 2) \cup [2, 3]", r"3 \geq x > 1"],
            ["[1, 3]", "(1, 3)", "1 <= x <= 3"]),
]

MATRICES = [
    *_cases("matrix", "[[1, 2], [3, 4]]", ["Matrix([[1,2],[3,4]])", "[[1,2],[3,4]]", r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
                                          r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}", r"\left[\begin{matrix}1 & 2\\3 & 4\end{matrix}\right]",
                                          r"\begin{pmatrix} \frac{2}{2} & 2 \\ 3 & 2^2 \end{pmatrix}"],
            ["[[1,3],[2,4]]", "[[1,2],[3,5]]", "[[1,2,0],[3,4,0]]", r"\begin{pmatrix} 4 & 3 \\ 2 & 1 \end{pmatrix}"]),
    *_cases("matrix", r"\begin{pmatrix} \frac{1}{2} \\ -1 \end{pmatrix}", ["[[0.5], [-1]]", r"\begin{bmatrix} 0.5 \\ -1 \end{bmatrix}",
                                                                     r"\begin{pmatrix} 1/2 \\ -1 \end{pmatrix}"],
            ["[[0.5, -1]]", "[[-0.5], [1]]"]),
    *_cases("matrix", r"\begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix}",
            [r"\begin{bmatrix} \cos(\theta) & -\sin(\theta) \\ \sin(\theta) & \cos(\theta) \end{bmatrix}",
             r"[[cos(theta), -sin(theta)], [sin(theta), cos(theta)]]"],
            [r"\begin{pmatrix} \cos\theta & \sin\theta \\ -\sin\theta & \cos\theta \end{pmatrix}"]),
    *_cases("matrix", "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]", [r"\begin{pmatrix} 1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \end{pmatrix}",
                                                          "Matrix([[1,0,0],[0,1,0],[0,0,1]])"],
            [r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}", "[[1,0,0],[0,1,0],[0,0,0]]"]),
]

TUPLES = [
    *_cases("tuple", "(9, 13)", ["9x13", r"9 \times 13", "9 by 13", r"\mathbb{R}^{9 \times 13}", "(9, 13)", "[9, 13]",
                                 r"\left(9, 13\right)", "9×13"],
            ["(13, 9)", "9x12", r"\mathbb{R}^{9}"]),
    *_cases("tuple", "(1, -2)", ["(1, -2)", r"\left(1, -2\right)", "(2/2, -4/2)"], ["(-2, 1)", "(1, 2)"]),
    *_cases("tuple", "(2, 3, 4)", [r"2 \times 3 \times 4", "(2,3,4)", r"\mathbb{R}^{2 \times 3 \times 4}"], ["(2, 3)", "(2, 4, 3)"]),
]

CASES: list[Case] = NUMBERS + EXPRESSIONS + EQUATIONS + SETS + MATRICES + TUPLES
