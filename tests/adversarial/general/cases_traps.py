"""Wrong answers aimed at the engine's weak spots found by the first runs (references read silently as products,
tolerances that swallow exact-answer errors, differences confined to narrow windows) and a few right answers that
only look wrong."""

from fractions import Fraction

from tests.adversarial.general.case import GeneralCase, R, equations, expressions, numbers, on_line, sets
from tests.adversarial.general.cases_expressions import UNIT, UNIT_V
from tests.adversarial.general.cases_relations import INF, _any, _in, _iv

xy2 = on_line(lambda t: {"x": 2 * t, "y": t})
plane = [{"x": R(1), "y": R(5)}, {"x": R(-2), "y": R(3)}, *xy2]

CASES: list[GeneralCase] = [
    *expressions("atan(x)", "atan(x)", [
        ("atan(x)", "atan(x)", True, "the reference's own spelling"),
        (r"\arctan x", "atan(x)", True, "LaTeX arctan"),
        (r"a\tan x", "a*tan(x)", False, "a times tan x: what a reference 'atan' must not mean"),
    ], {"x": (-1.2, 1.2), "a": (-3, 3)}),
    *expressions("asinh(x)", "asinh(x)", [
        (r"a\sinh x", "a*sinh(x)", False, "a times sinh x"),
        (r"\operatorname{asinh}(x)", "asinh(x)", True, "operatorname asinh"),
    ], {"x": (-3, 3), "a": (-3, 3)}),
    *expressions("acos(x)", "acos(x)", [
        (r"a\cos x", "a*cos(x)", False, "a times cos x"),
        (r"\arccos x", "acos(x)", True, "LaTeX arccos"),
    ], {"x": (-0.9, 0.9), "a": (-3, 3)}),
    *expressions("floor(x)", "floor(x)", [
        (r"\lfloor x + 10^{-9} \rfloor", "floor(x + 1e-9)", False, "differs just below each integer"),
    ], probes=[{"x": 1 - R(1, 10**10)}]),
    *expressions("max(x, 0)", "Max(x, 0)", [
        (r"\max(x, 10^{-9})", "Max(x, 1e-9)", False, "1e-9 instead of 0 for every x < 0"),
    ]),
    *expressions("13/x", "13/x", [
        (r"\frac13 x", "x/3", False, "TeX reads \\frac13 as 1/3: a third of x, not 13/x"),
        (r"\frac{13}{x}", "13/x", True, "braced"),
    ], source="TeX brace-less argument rule"),
    *expressions("12/x", "12/x", [
        (r"\frac12 x", "x/2", False, "half of x, not 12/x"),
    ], source="TeX brace-less argument rule"),
    *expressions("1/sin(x)", "1/sin(x)", [
        (r"\sin^{-1} x", "asin(x)", False, "sin^{-1} is arcsin, not the reciprocal"),
        (r"(\sin x)^{-1}", "1/sin(x)", True, "parenthesised power -1 is the reciprocal"),
        (r"\csc x", "csc(x)", True, "cosecant"),
    ], UNIT_V, UNIT, "STACK/WeBWorK inverse-function notation"),
    *expressions("1/tan(x)", "1/tan(x)", [
        (r"\tan^{-1} x", "atan(x)", False, "arctan, not cot"),
        (r"\cot x", "cot(x)", True, "cotangent"),
    ], UNIT_V, UNIT, "STACK/WeBWorK inverse-function notation"),
    *expressions("1/cos(x)", "1/cos(x)", [
        (r"\cos^{-1}(x)", "acos(x)", False, "arccos, not sec"),
    ], UNIT_V, UNIT, "STACK/WeBWorK inverse-function notation"),
    *expressions("1/sinh(x)", "1/sinh(x)", [
        (r"\sinh^{-1} x", "asinh(x)", False, "arsinh, not csch"),
    ], UNIT_V, UNIT, "STACK/WeBWorK inverse-function notation"),
    *expressions("cos(2)*x", "cos(2)*x", [
        (r"\cos 2x", "cos(2*x)", False, "\\cos 2x is cos(2x) in every textbook"),
        (r"x\cos 2", "x*cos(2)", True, "constant factor written after"),
    ], source="TeX operator argument convention"),
    *expressions("cos(2*x)", "cos(2*x)", [
        (r"\cos 2x", "cos(2*x)", True, "argument without parentheses"),
        (r"\sin 2x", "sin(2*x)", False, "sine"),
        (r"\dfrac{\cos 2x}{1}", "cos(2*x)", True, "inside a fraction"),
    ], source="TeX operator argument convention"),
    *expressions("x^2", "x**2", [
        (r"\sqrt{x^4}", "sqrt(x**4)", True, "even power under the root"),
    ]),
    *expressions("x^3", "x**3", [
        (r"\sqrt{x^6}", "sqrt(x**6)", False, "|x|^3: sign lost for x < 0"),
        (r"|x|^3", "Abs(x)**3", False, "sign lost for x < 0"),
        ("x^2 \\cdot x", "x**2*x", True, "product"),
    ]),
    *expressions("x", "x", [
        ("(x^3)^{1/3}", "(x**3)**Rational(1, 3)", False, "principal cube root: not real for x < 0"),
        (r"\frac{1}{x} \cdot x^2", "x**2/x", True, "removable point at 0"),
    ]),
    *numbers("number", "15", 15, [
        ("1,5", R(3, 2), False, "a decimal comma (1.5), not a thousands separator"),
        ("15.0", 15, True, "trailing .0"),
    ], source="own (European decimal comma)"),
    *numbers("number", "1234", 1234, [
        ("12,34", R(1234, 100), False, "separator not before a group of three: a decimal comma"),
        ("1,234", 1234, True, "thousands separator"),
    ], source="own (European decimal comma)"),
    *numbers("number", "1000.5", R(2001, 2), [
        ("1,000.5", R(2001, 2), True, "separator and decimal point"),
        ("1,0005", R(10005, 10000), False, "a decimal comma"),
    ]),
    *numbers("number", "0.0025", R(1, 400), [
        ("2.5 x 10^-3", R(1, 400), True, "x for times in scientific notation (no variables in a number)"),
        ("2.5 X 10^-3", R(1, 400), True, "capital X for times"),
    ], source="own"),
    *numbers("number", "10^{100}", 10**100, [
        ("10^{100} + 10^{90}", 10**100 + 10**90, False, "1e-10 relative off"),
        ("1e100", 10**100, True, "e notation"),
    ]),
    *numbers("integer", "10^{100}", 10**100, [
        ("10^{100} - 1", 10**100 - 1, False, "off by one: equal in floating point"),
        ("100^{50}", 10**100, True, "other base"),
    ]),
    *equations("x = 2*y", "x - 2*y", xy2, [
        ("0 = 0", "0", plane, False, "an identity: every point"),
        (r"0 \cdot (x - 2y) = 0", "0*(x - 2*y)", plane, False, "multiplied by zero"),
        ("x - 2y = x - 2y", "0", plane, False, "the same expression on both sides"),
        ("x^3 = 8y^3", "x**3 - 8*y**3", xy2, True, "cubes: the same real solution set"),
        ("e^{x-2y} = 1", "exp(x - 2*y) - 1", xy2, True, "exponential form"),
    ], source="own"),
    *sets("[1, 3)", _iv(1, 3, True, False), [
        (r"[1, 3) \cup \{3\}", _iv(1, 3, True, True), False, "closes the right end"),
        (r"[1, 3) \cup (3, 4)", _any(_iv(1, 3, True, False), _iv(3, 4, False, False)), False, "extra piece"),
        ("[1, 2.9999999)", _iv(1, Fraction(29999999, 10**7), True, False), False, "end 1e-7 short"),
        (r"[1, 3) \cup \emptyset", _iv(1, 3, True, False), True, "union with the empty set"),
    ], probes=(Fraction(1), Fraction(3), Fraction(29999999, 10**7) + Fraction(1, 10**9))),
    *sets(r"\{1, 2, 3\}", _in(1, 2, 3), [
        ("(0.9, 3.1)", _iv(Fraction(9, 10), Fraction(31, 10), False, False), True, "decimal ends over the integers"),
        ("(1.1, 3)", _iv(Fraction(11, 10), 3, False, False), False, "misses 1 and 3"),
        (r"\{1, 2, 3\} \cup \{-3\}", _in(1, 2, 3, -3), False, "extra -3"),
    ], {"integer": True}),
    *sets(r"(-\infty, 2]", _iv(-INF, 2, False, True), [
        (r"x \le 2", _iv(-INF, 2, False, True), True, "inequality"),
        (r"2 \ge x", _iv(-INF, 2, False, True), True, "reversed inequality"),
        (r"[2, \infty)", _iv(2, INF, True, False), False, "wrong side"),
        ("x < 2", _iv(-INF, 2, False, False), False, "open end"),
    ], probes=(Fraction(2),)),
]
