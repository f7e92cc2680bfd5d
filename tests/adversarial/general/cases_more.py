"""A second pass over every kind, weighted towards wrong answers: non-finite values, branches, domains, interval ends,
missing solutions, and exact answers off by amounts below a floating-point tolerance."""

from fractions import Fraction

import sympy as sp

from tests.adversarial.general.case import GeneralCase, R, equations, expressions, matrices, numbers, on_line, sets
from tests.adversarial.general.cases_expressions import POS, POS_V, UNIT, UNIT_V
from tests.adversarial.general.cases_relations import _any, _in, _iv

ALG = "STACK AlgEquiv docs"
MV = "Math-Verify tests"
circle = [{"x": sp.cos(t), "y": sp.sin(t)} for t in (R(1, 3), R(2), R(4), R(-1, 2))]
hyp = on_line(lambda t: {"x": t, "y": 1 / t})
quad = [{"x": R(2)}, {"x": R(3)}]

CASES: list[GeneralCase] = [
    *numbers("number", "1/2", R(1, 2), [
        (r"50\%", R(1, 2), True, "percent"),
        (r"\sin\frac{\pi}{6}", R(1, 2), True, "trig value"),
        (r"\cos(\pi/3)", R(1, 2), True, "trig value"),
        (r"e^{\ln 0.5}", R(1, 2), True, "exp of log"),
        (r"\sqrt{1/4}", R(1, 2), True, "root"),
        (r"\frac{1}{2}\%", R(1, 200), False, "percent of a half"),
        (r"\cos(\pi/6)", sp.sqrt(3) / 2, False, "wrong angle"),
        ("0.5000001", R(5000001, 10**7), False, "2e-7 relative off"),
        (r"\frac{1}{2.0000001}", 1 / R(20000001, 10**7), False, "denominator 1e-7 off"),
        (r"\frac{0}{0}", None, False, "indeterminate"),
        (r"\ln(-1)", None, False, "not real"),
        ("-1/2", R(-1, 2), False, "sign"),
    ], source=MV),
    *numbers("number", "10^{-10}", R(1, 10**10), [
        ("1e-10", R(1, 10**10), True, "e notation"),
        (r"1 \times 10^{-10}", R(1, 10**10), True, "LaTeX scientific"),
        ("0.0000000001", R(1, 10**10), True, "all zeros"),
        ("0", 0, False, "zero: within any absolute tolerance of 1e-9"),
        ("1e-11", R(1, 10**11), False, "ten times too small"),
        ("2e-10", R(2, 10**10), False, "twice"),
    ]),
    *numbers("number", "10^{10}", 10**10, [
        ("10000000000", 10**10, True, "all digits"),
        ("10,000,000,000", 10**10, True, "separators"),
        ("1e10", 10**10, True, "e notation"),
        ("10^{10} + 1", 10**10 + 1, False, "off by one at 1e10 (1e-10 relative)"),
        ("9999999999", 10**10 - 1, False, "off by one"),
    ]),
    *numbers("number", "-1", -1, [
        (r"\cos\pi", -1, True, "cos pi"),
        (r"\frac{1}{-1}", -1, True, "negative denominator"),
        (r"e^{i\pi}", -1, True, "Euler's identity (imaginary part 1.2e-16 in floating point)"),
        ("-1.0000001", R(-10000001, 10**7), False, "1e-7 off"),
        ("1", 1, False, "sign"),
        (r"-\infty", None, False, "infinite"),
    ]),
    *numbers("integer", "7", 7, [
        (r"\frac{14}{2}", 7, True, "fraction"),
        (r"\sqrt{49}", 7, True, "root"),
        (r"7 \text{ apples}", 7, True, "prose after the number"),
        (r"\lfloor 7.9 \rfloor", 7, True, "floor"),
        ("|-7|", 7, True, "absolute value"),
        ("6.9999999999", R(69999999999, 10**10), False, "near-integer"),
        (r"\sqrt{50}", sp.sqrt(50), False, "irrational"),
        ("7!", 5040, False, "factorial"),
        (r"\lfloor -7.5 \rfloor", -8, False, "floor of a negative"),
        ("-7", -7, False, "sign"),
    ]),
    *expressions("1/(1+exp(-x))", "1/(1+exp(-x))", [
        (r"\frac{e^x}{1+e^x}", "exp(x)/(1+exp(x))", True, "multiplied through"),
        (r"\frac{1}{2}\left(1 + \tanh\frac{x}{2}\right)", "(1+tanh(x/2))/2", True, "tanh form"),
        (r"\sigma(x)", "1/(1+exp(-x))", True, "the logistic function by name"),
        (r"\frac{1}{1+e^{x}}", "1/(1+exp(x))", False, "sign of the exponent"),
        (r"\frac{1}{1-e^{-x}}", "1/(1-exp(-x))", False, "sign in the denominator"),
    ], source="own"),
    *expressions("x*exp(x)", "x*exp(x)", [
        ("e^x x", "exp(x)*x", True, "commuted"),
        ("xe^x", "x*exp(x)", True, "implicit product with e"),
        ("x e^{x}", "x*exp(x)", True, "braced exponent"),
        ("e^{x^2}", "exp(x**2)", False, "different function"),
        ("x e^{x + 10^{-9}}", "x*exp(x + 1e-9)", False, "exponent 1e-9 off"),
    ], source=MV),
    *expressions("cos(2*x)", "cos(2*x)", [
        (r"\cos^2 x - \sin^2 x", "cos(x)**2 - sin(x)**2", True, "double angle"),
        (r"2\cos^2 x - 1", "2*cos(x)**2 - 1", True, "double angle"),
        (r"1 - 2\sin^2 x", "1 - 2*sin(x)**2", True, "double angle"),
        (r"2\cos x", "2*cos(x)", False, "factor outside"),
        (r"\cos^2(2x)", "cos(2*x)**2", False, "squared"),
        (r"\cos(2)x", "cos(2)*x", False, "cos(2) times x"),
    ], source=ALG),
    *expressions("tan(x)", "tan(x)", [
        (r"\frac{\sin x}{\cos x}", "sin(x)/cos(x)", True, "ratio"),
        (r"\cot\left(\frac{\pi}{2} - x\right)", "cot(pi/2 - x)", True, "cofunction"),
        (r"\frac{1}{\cot x}", "1/cot(x)", True, "reciprocal"),
        (r"\tan^{-1} x", "atan(x)", False, "arctan"),
        (r"\frac{\cos x}{\sin x}", "cos(x)/sin(x)", False, "cot"),
    ], {"x": (-1.2, 1.2)}, {"variables": {"x": [-1.2, 1.2]}}),
    *expressions("1/x", "1/x", [
        ("x^{-1}", "x**-1", True, "negative power"),
        (r"\frac{x}{x^2}", "x/x**2", True, "unsimplified"),
        (r"\frac{1}{|x|}", "1/Abs(x)", False, "wrong for x < 0"),
        (r"\frac{1}{x + 10^{-9}}", "1/(x + 1e-9)", False, "shifted pole"),
    ]),
    *expressions("log(x)", "log(x)", [
        (r"\ln x", "log(x)", True, "ln"),
        (r"\frac{\ln(x^2)}{2}", "log(x**2)/2", True, "halved log of square on x > 0"),
        (r"\ln|x|", "log(Abs(x))", True, "equal on x > 0"),
        (r"\ln(1+x)", "log(1+x)", False, "shifted"),
        (r"\log_{10} x", "log(x)/log(10)", False, "base 10"),
    ], POS_V, POS),
    *expressions("exp(x)", "exp(x)", [
        ("e^x", "exp(x)", True, "power of e"),
        (r"\exp x", "exp(x)", True, "exp without parentheses"),
        ("2.71828^x", "2.71828**x", False, "decimal base"),
        ("e^{x} + 10^{-12}", "exp(x) + 1e-12", False, "1e-12 off"),
    ]),
    *expressions("x^2 - 1", "x**2 - 1", [
        ("(x-1)(x+1)", "(x-1)*(x+1)", True, "factored"),
        ("(1-x)(-1-x)", "(1-x)*(-1-x)", True, "factored with signs"),
        ("(x-1)^2", "(x-1)**2", False, "square"),
        ("x^2+1", "x**2+1", False, "sign"),
    ], source=MV),
    *expressions("sqrt(x^2 + 2*x + 1)", "sqrt(x**2 + 2*x + 1)", [
        ("|x+1|", "Abs(x+1)", True, "absolute value"),
        ("x+1", "x+1", False, "wrong for x < -1"),
    ], source=ALG),
    *expressions("acos(x)", "acos(x)", [
        (r"\frac{\pi}{2} - \arcsin x", "pi/2 - asin(x)", True, "complement"),
        (r"\cos^{-1}x", "acos(x)", True, "inverse notation"),
        (r"\pi - \arccos(-x)", "pi - acos(-x)", True, "reflection"),
        (r"\arccos(-x)", "acos(-x)", False, "reflected"),
    ], UNIT_V, UNIT),
    *expressions("Abs(x)", "Abs(x)", [
        ("|x|", "Abs(x)", True, "SymPy-spelled reference Abs"),
        ("-x", "-x", False, "wrong for x > 0"),
    ], source="CONTRACT (reference may be SymPy)"),
    *expressions("Max(x, 0)", "Max(x, 0)", [
        (r"\max(0, x)", "Max(0, x)", True, "SymPy-spelled reference Max"),
        (r"\max(0, -x)", "Max(0, -x)", False, "reflected"),
    ], source="CONTRACT (reference may be SymPy)"),
    *equations("x^2 + y^2 = 1", "x**2 + y**2 - 1", circle, [
        (r"\sqrt{x^2+y^2} = 1", "sqrt(x**2 + y**2) - 1", circle, True, "root form"),
        (r"y = \sqrt{1-x^2}", "y - sqrt(1 - x**2)", [circle[0], circle[1]], False, "upper half only"),
        ("x^2 + y^2 = 2", "x**2 + y**2 - 2", [{"x": 1, "y": 1}], False, "radius"),
    ], source=MV),
    *equations("y = 1/x", "y - 1/x", hyp, [
        ("xy = 1", "x*y - 1", hyp, True, "product"),
        ("x = 1/y", "x - 1/y", hyp, True, "solved for x"),
        ("xy = -1", "x*y + 1", on_line(lambda t: {"x": t, "y": -1 / t}), False, "sign"),
    ]),
    *equations("x^2 - 5*x + 6 = 0", "x**2 - 5*x + 6", quad, [
        (r"x = 2 \text{ or } x = 3", "(x-2)*(x-3)", quad, True, "roots in words"),
        ("(x-2)(x-3) = 0", "(x-2)*(x-3)", quad, True, "factored"),
        ("x = 2", "x - 2", quad[:1], False, "missing 3"),
        (r"x = -2 \text{ or } x = -3", "(x+2)*(x+3)", [{"x": -2}, {"x": -3}], False, "signs"),
    ]),
    *sets("(0, 1]", _iv(0, 1, False, True), [
        (r"0 < x \le 1", _iv(0, 1, False, True), True, "inequality"),
        ("]0, 1]", _iv(0, 1, False, True), True, "French bracket notation"),
        ("[0, 1)", _iv(0, 1, True, False), False, "ends swapped"),
        ("(0, 1)", _iv(0, 1, False, False), False, "open"),
        (r"(0, 1] \cup \{2\}", _any(_iv(0, 1, False, True), _in(2)), False, "extra point"),
        ("(-1, 0]", _iv(-1, 0, False, True), False, "signs"),
    ], probes=(Fraction(0), Fraction(1))),
    *sets("[-1, 1]", _iv(-1, 1, True, True), [
        (r"|x| \le 1", _iv(-1, 1, True, True), True, "absolute value"),
        (r"x^2 \le 1", _iv(-1, 1, True, True), True, "square"),
        (r"-1 \le x \le 1", _iv(-1, 1, True, True), True, "chain"),
        ("|x| < 1", _iv(-1, 1, False, False), False, "strict"),
        (r"[-1, 1] \setminus \{0\}", lambda p: -1 <= p <= 1 and p != 0, False, "missing 0"),
    ], probes=(Fraction(-1), Fraction(0), Fraction(1))),
    *sets(r"\{1, 2, 3\}", _in(1, 2, 3), [
        (r"\{3,1,2\}", _in(1, 2, 3), True, "order"),
        ("1, 2, 3", _in(1, 2, 3), True, "bare list"),
        (r"\{1, 2, 3, 3\}", _in(1, 2, 3), True, "repeated element"),
        ("[1, 3]", _iv(1, 3, True, True), False, "an interval over the reals"),
        (r"\{1, 2, 3.0000001\}", _in(1, 2, Fraction(30000001, 10**7)), False, "element 1e-7 off"),
    ], probes=(Fraction(3, 2),)),
    *matrices("matrix", "[[0,1],[1,0]]", [[0, 1], [1, 0]], [
        (r"\begin{pmatrix}0&1\\1&0\end{pmatrix}", [[0, 1], [1, 0]], True, "pmatrix"),
        ("[[1,0],[0,1]]", [[1, 0], [0, 1]], False, "identity"),
        ("[[0,1],[1,10^{-9}]]", [[0, 1], [1, R(1, 10**9)]], False, "1e-9 where 0 is exact"),
        ("[[0,1],[1,0],[0,0]]", [[0, 1], [1, 0], [0, 0]], False, "extra row"),
        ("[[0,1]]", [[0, 1]], False, "one row"),
    ]),
    *matrices("tuple", "(2, -3)", [[2, -3]], [
        ("(2,-3)", [[2, -3]], True, "no space"),
        ("(-3, 2)", [[-3, 2]], False, "order"),
        ("(2, 3)", [[2, 3]], False, "sign"),
        ("(2, -3.0000001)", [[2, R(-30000001, 10**7)]], False, "1e-7 off"),
    ]),
]
