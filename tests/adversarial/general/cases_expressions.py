"""Expressions: functions and notations instructors and students write, and wrong answers that hide from sampling."""

from tests.adversarial.general.case import GeneralCase, R, expressions

MV = "Math-Verify tests"
ALG = "STACK AlgEquiv docs"
PL = "PrairieLearn symbolic input docs"
WW = "WeBWorK answer checkers"


def dom(lo: float, hi: float, name: str = "x") -> tuple[dict, dict]:
    """The same domain for the grader (option) and for the oracle."""
    return {"variables": {name: [lo, hi]}}, {name: (lo, hi)}


POS, POS_V = dom(0.5, 3)
UNIT, UNIT_V = dom(-0.9, 0.9)

CASES: list[GeneralCase] = [
    *expressions("sin(x)^2", "sin(x)**2", [
        (r"\sin^2 x", "sin(x)**2", True, "power on the function name"),
        (r"\sin^{2}(x)", "sin(x)**2", True, "braced power on the name"),
        (r"(\sin x)^2", "sin(x)**2", True, "parenthesised"),
        (r"\frac{1-\cos(2x)}{2}", "(1-cos(2*x))/2", True, "double-angle identity"),
        (r"1 - \cos^2 x", "1-cos(x)**2", True, "Pythagorean identity"),
        (r"\sin(x^2)", "sin(x**2)", False, "argument squared"),
        (r"2\sin x", "2*sin(x)", False, "doubled, not squared"),
        (r"\sin^2 x + 10^{-9}", "sin(x)**2 + 1e-9", False, "off by 1e-9"),
    ], source=ALG),
    *expressions("sec(x)", "sec(x)", [
        (r"\frac{1}{\cos x}", "1/cos(x)", True, "reciprocal of cos"),
        (r"\sec x", "sec(x)", True, "LaTeX sec"),
        ("1/cos(x)", "1/cos(x)", True, "plain"),
        (r"\cos(x)^{-1}", "1/cos(x)", True, "power -1 after the argument"),
        (r"\csc x", "csc(x)", False, "cosecant"),
        (r"\cos^{-1} x", "acos(x)", False, "arccos, not the reciprocal"),
    ], {"x": (-1.2, 1.2)}, source=WW),
    *expressions("asin(x)", "asin(x)", [
        (r"\arcsin x", "asin(x)", True, "LaTeX arcsin"),
        (r"\sin^{-1}(x)", "asin(x)", True, "inverse-function notation"),
        ("arcsin(x)", "asin(x)", True, "plain arcsin"),
        (r"\frac{\pi}{2} - \arccos(x)", "pi/2 - acos(x)", True, "complementary identity"),
        (r"1/\sin(x)", "1/sin(x)", False, "reciprocal, not inverse"),
        (r"\arccos x", "acos(x)", False, "other function"),
    ], UNIT_V, UNIT, WW),
    *expressions("atan(x)", "atan(x)", [
        (r"\tan^{-1} x", "atan(x)", True, "inverse notation"),
        (r"\operatorname{arctan}(x)", "atan(x)", True, "operatorname"),
        (r"\arcsin\left(\frac{x}{\sqrt{1+x^2}}\right)", "asin(x/sqrt(1+x**2))", True, "arcsin form"),
        (r"\frac{\pi}{2} - \arctan\frac{1}{x}", "pi/2 - atan(1/x)", False, "equal only for x > 0"),
        (r"\arctan(x) + \pi", "atan(x) + pi", False, "another branch"),
    ], source=ALG),
    *expressions("tanh(x)", "tanh(x)", [
        (r"\frac{e^x - e^{-x}}{e^x + e^{-x}}", "(exp(x)-exp(-x))/(exp(x)+exp(-x))", True, "exponential form"),
        (r"\frac{\sinh x}{\cosh x}", "sinh(x)/cosh(x)", True, "ratio"),
        (r"1/\coth(x)", "1/coth(x)", True, "reciprocal of coth"),
        (r"\frac{e^{2x}-1}{e^{2x}+1}", "(exp(2*x)-1)/(exp(2*x)+1)", True, "one exponential"),
        (r"\frac{e^x - e^{-x}}{2}", "sinh(x)", False, "sinh"),
        (r"\tanh^{-1} x", "atanh(x)", False, "inverse"),
    ], {"x": (-0.9, 0.9)}, UNIT, MV),
    *expressions("sech(x)^2", "sech(x)**2", [
        (r"1-\tanh^2 x", "1-tanh(x)**2", True, "identity"),
        (r"\operatorname{sech}^2(x)", "sech(x)**2", True, "operatorname with power"),
        (r"\frac{4}{(e^x+e^{-x})^2}", "4/(exp(x)+exp(-x))**2", True, "exponentials"),
        (r"\cosh(x)^{-2}", "cosh(x)**-2", True, "negative power"),
        (r"\operatorname{sech}(x)", "sech(x)", False, "not squared"),
        (r"\operatorname{csch}^2(x)", "csch(x)**2", False, "csch"),
    ]),
    *expressions("asinh(x)", "asinh(x)", [
        (r"\ln\left(x + \sqrt{x^2+1}\right)", "log(x+sqrt(x**2+1))", True, "log form"),
        (r"\sinh^{-1}(x)", "asinh(x)", True, "inverse notation"),
        (r"\operatorname{arsinh}(x)", "asinh(x)", True, "ISO name"),
        (r"\ln\left(x + \sqrt{x^2-1}\right)", "log(x+sqrt(x**2-1))", False, "arcosh's formula"),
    ]),
    *expressions("log(x, 2)", "log(x)/log(2)", [
        (r"\log_2 x", "log(x)/log(2)", True, "subscript base"),
        (r"\log_{2}(x)", "log(x)/log(2)", True, "braced base"),
        (r"\frac{\ln x}{\ln 2}", "log(x)/log(2)", True, "change of base"),
        (r"\log_2(2x) - 1", "log(2*x)/log(2) - 1", True, "shifted argument"),
        (r"\lg x", "log(x)/log(10)", False, "lg is base 10"),
        (r"\log_{10} x", "log(x)/log(10)", False, "base 10"),
        (r"\ln x", "log(x)", False, "natural log"),
    ], POS_V, POS, WW),
    *expressions("log(x, 10)", "log(x)/log(10)", [
        (r"\lg x", "log(x)/log(10)", True, "lg"),
        (r"\log_{10} x", "log(x)/log(10)", True, "subscript base 10"),
        ("log(x, 10)", "log(x)/log(10)", True, "two-argument log"),
        (r"\frac{\ln x}{\ln 10}", "log(x)/log(10)", True, "change of base"),
        (r"\log_{10}(10x)", "log(10*x)/log(10)", False, "off by one"),
    ], POS_V, POS),
    *expressions("log(x^2)", "log(x**2)", [
        (r"2\ln|x|", "2*log(Abs(x))", True, "absolute value keeps x < 0"),
        (r"\ln(x^2)", "log(x**2)", True, "as given"),
        (r"2\ln x", "2*log(x)", False, "undefined for x < 0 where the reference is defined"),
        (r"\ln(2x)", "log(2*x)", False, "2x, not x squared"),
    ], source=ALG),
    *expressions("exp(-x^2/2)", "exp(-x**2/2)", [
        (r"e^{-x^2/2}", "exp(-x**2/2)", True, "e power"),
        (r"\exp\left(-\frac{x^2}{2}\right)", "exp(-x**2/2)", True, "exp with \\left"),
        (r"e^{-\frac{1}{2}x^2}", "exp(-x**2/2)", True, "coefficient first"),
        (r"\frac{1}{\sqrt{e^{x^2}}}", "1/sqrt(exp(x**2))", True, "root of exponential"),
        (r"e^{-x^{2}}/2", "exp(-x**2)/2", False, "halved outside the exponent"),
        (r"e^{-(x/2)^2}", "exp(-(x/2)**2)", False, "x/2 squared"),
    ], source=MV),
    *expressions("abs(x)", "Abs(x)", [
        (r"\sqrt{x^2}", "sqrt(x**2)", True, "root of a square"),
        ("|x|", "Abs(x)", True, "bars"),
        (r"\left|x\right|", "Abs(x)", True, "\\left| \\right|"),
        (r"\max(x,-x)", "Max(x,-x)", True, "max"),
        (r"\operatorname{sign}(x)\, x", "sign(x)*x", True, "sign times x"),
        ("(x^2)^(1/2)", "(x**2)**Rational(1, 2)", True, "half power of a square"),
        ("x", "x", False, "wrong for x < 0"),
        (r"(\sqrt{x})^2", "sqrt(x)**2", False, "undefined for x < 0"),
    ], source=ALG),
    *expressions("x", "x", [
        (r"\sqrt{x^2}", "sqrt(x**2)", False, "|x|, not x"),
        (r"\ln(e^x)", "log(exp(x))", True, "log of exp"),
        (r"e^{\ln x}", "exp(log(x))", False, "undefined for x <= 0"),
        (r"\arccos(\cos x)", "acos(cos(x))", False, "principal branch: |x| on [-pi, pi]"),
        (r"\sqrt[3]{x^3}", "cbrt(x**3)", True, "real cube root of a cube"),
        (r"\frac{x^2}{x}", "x**2/x", True, "removable point"),
    ], source=ALG),
    *expressions("floor(x)", "floor(x)", [
        (r"\lfloor x \rfloor", "floor(x)", True, "LaTeX floor"),
        (r"-\lceil -x \rceil", "-ceiling(-x)", True, "ceiling identity"),
        (r"\operatorname{floor}(x)", "floor(x)", True, "operatorname"),
        (r"\lfloor x + 0.5 \rfloor", "floor(x + 0.5)", False, "rounding"),
        (r"\lceil x \rceil - 1", "ceiling(x) - 1", False, "differs only at integers"),
    ], probes=[{"x": R(1)}, {"x": R(-2)}]),
    *expressions("max(x, 0)", "Max(x, 0)", [
        (r"\max(x,0)", "Max(x,0)", True, "LaTeX max"),
        (r"\max\{0, x\}", "Max(0,x)", True, "braces"),
        (r"\frac{x+|x|}{2}", "(x+Abs(x))/2", True, "abs form"),
        (r"\max(x, 1)", "Max(x,1)", False, "other bound"),
        (r"\min(x,0)", "Min(x,0)", False, "min"),
    ]),
    *expressions("x^(1/3)", "x**Rational(1, 3)", [
        (r"\sqrt[3]{x}", "x**Rational(1, 3)", True, "root index"),
        ("x^{1/3}", "x**Rational(1, 3)", True, "fractional power"),
        (r"\sqrt{x}^{2/3}", "sqrt(x)**Rational(2, 3)", True, "power of a root"),
        ("x^{0.333}", "x**0.333", False, "decimal exponent"),
        (r"\sqrt[3]{x} + 10^{-10}", "x**Rational(1, 3) + 1e-10", False, "1e-10 off"),
    ], POS_V, POS),
    *expressions("2*x*y", "2*x*y", [
        ("2xy", "2*x*y", True, "implicit product"),
        ("2 x y", "2*x*y", True, "spaces"),
        ("2(x)(y)", "2*x*y", True, "parenthesised factors"),
        (r"2\cdot x\cdot y", "2*x*y", True, "cdot"),
        (r"2 \times x \times y", "2*x*y", True, "times"),
        ("2x+y", "2*x+y", False, "sum"),
        ("2^{xy}", "2**(x*y)", False, "power"),
    ], {"x": (-3, 3), "y": (-3, 3)}, source=PL),
    *expressions("x/3", "x/3", [
        (r"\frac13 x", "x/3", True, "brace-less \\frac"),
        (r"\frac 1 3 x", "x/3", True, "\\frac with spaces"),
        (r"\dfrac{x}{3}", "x/3", True, "dfrac"),
        (r"\tfrac{1}{3}x", "x/3", True, "tfrac"),
        (r"\cfrac{x}{3}", "x/3", True, "cfrac"),
        (r"x\frac{1}{3}", "x/3", True, "coefficient after"),
        (r"\frac{1}{3x}", "1/(3*x)", False, "x in the denominator"),
        ("x/3.0001", "x/3.0001", False, "denominator off by 1e-4"),
    ], source=MV),
    *expressions("(x+1)^2/(x-1)", "(x+1)**2/(x-1)", [
        (r"\left(x+1\right)^2 / (x-1)", "(x+1)**2/(x-1)", True, "\\left( \\right)"),
        (r"\frac{\left(x+1\right)^{2}}{x-1}", "(x+1)**2/(x-1)", True, "frac with \\left"),
        (r"\frac{x^2+2x+1}{x-1}", "(x**2+2*x+1)/(x-1)", True, "expanded numerator"),
        (r"\Bigl(x+1\Bigr)^2/(x-1)", "(x+1)**2/(x-1)", True, "\\Bigl \\Bigr"),
        (r"x+3+\frac{4}{x-1}", "x+3+4/(x-1)", True, "polynomial division"),
        ("(x+1)^2/x - 1", "(x+1)**2/x - 1", False, "precedence"),
    ]),
    *expressions("sin(x)", "sin(x)", [
        (r"\sin(x + 2\pi)", "sin(x + 2*pi)", True, "period"),
        (r"-\sin(-x)", "-sin(-x)", True, "odd function"),
        (r"\cos\left(x - \frac{\pi}{2}\right)", "cos(x - pi/2)", True, "phase shift"),
        (r"\sin(x) + 10^{-8}", "sin(x) + 1e-8", False, "1e-8 off"),
        (r"\sin(1.0000001x)", "sin(1.0000001*x)", False, "frequency 1e-7 off"),
        (r"x - \frac{x^3}{6} + \frac{x^5}{120}", "x - x**3/6 + x**5/120", False, "Taylor polynomial"),
        (r"\sin(x + \pi)", "sin(x + pi)", False, "half period"),
        (r"\sin x\,(1 + 10^{-10})", "sin(x)*(1 + 1e-10)", False, "relative 1e-10 off"),
    ], source=ALG),
    *expressions("x^2", "x**2", [
        (r"x^2 + \max(0, x - 2.95)", "x**2 + Max(0, x - 2.95)", False, "differs only on (2.95, 3]"),
        (r"x^2 + \max(0, |x| - 1000)", "x**2 + Max(0, Abs(x) - 1000)", False, "differs only for |x| > 1000"),
        (r"x^2 (1 + 10^{-7})", "x**2*(1 + 1e-7)", False, "relative 1e-7"),
        (r"|x|^2", "Abs(x)**2", True, "abs squared"),
        (r"x \cdot x", "x*x", True, "product"),
    ], probes=[{"x": R(299, 100)}, {"x": R(2000)}]),
    *expressions("(x+1)^50", "(x+1)**50", [
        ("(1+x)^{50}", "(1+x)**50", True, "commuted"),
        ("(x+1)^{49}(x+1)", "(x+1)**49*(x+1)", True, "split power"),
        ("(x+1)^{51}/(x+1)", "(x+1)**51/(x+1)", True, "cancelled power"),
        ("x^{50}+1", "x**50+1", False, "freshman's dream"),
        ("(x+1)^{50} + 1", "(x+1)**50 + 1", False, "+1 is invisible in float64 where (x+1)^50 is huge"),
    ], {"x": (0.5, 3)}, {"variables": {"x": [0.5, 3]}}),
    *expressions("sqrt(x)*sqrt(x+1)", "sqrt(x)*sqrt(x+1)", [
        (r"\sqrt{x(x+1)}", "sqrt(x*(x+1))", False, "defined for x < -1 where the product is not"),
        (r"\sqrt{x}\sqrt{x+1}", "sqrt(x)*sqrt(x+1)", True, "two roots"),
        (r"\sqrt{x^2+x}", "sqrt(x**2+x)", False, "defined for x < -1"),
    ], source=ALG),
    *expressions("sqrt(x)*sqrt(x+1)", "sqrt(x)*sqrt(x+1)", [
        (r"\sqrt{x(x+1)}", "sqrt(x*(x+1))", True, "equal on x > 0"),
        (r"\sqrt{x^2+x}", "sqrt(x**2+x)", True, "equal on x > 0"),
    ], POS_V, POS, ALG),
]
