"""Equations compared by solution set, and sets/intervals compared by membership."""

from fractions import Fraction

from tests.adversarial.general.case import R, equations, on_line, sets

EQ = "issue 10 / STACK AlgEquiv (equations) docs"
MV = "Math-Verify tests"
xy2 = on_line(lambda t: {"x": 2 * t, "y": t})
hyper = on_line(lambda t: {"x": t, "y": t / (2 * t - 1)})
axes = [{"a": 0, "b": t} for t in (R(2), R(-3), R(1, 5))] + [{"a": t, "b": 0} for t in (R(2), R(-3), R(1, 5))]
pm2 = [{"x": R(2)}, {"x": R(-2)}]
parab = on_line(lambda t: {"x": t, "y": t**2 + 1})
line = on_line(lambda t: {"x": t, "y": 1 - t})

CASES: list = [
    *equations("x = 2*y", "x - 2*y", xy2, [
        ("x/y = 2", "x/y - 2", xy2, True, "divided through: same set where both are defined"),
        ("y = x/2", "y - x/2", xy2, True, "solved for y"),
        ("2y = x", "2*y - x", xy2, True, "sides swapped"),
        ("x - 2y = 0", "x - 2*y", xy2, True, "zero right side"),
        (r"\frac{x}{2} = y", "x/2 - y", xy2, True, "fraction"),
        ("(x-2y)^2 = 0", "(x-2*y)**2", xy2, True, "squared: same zero set"),
        (r"\boxed{x = 2y}", "x - 2*y", xy2, True, "boxed"),
        ("$x = 2y$", "x - 2*y", xy2, True, "math delimiters"),
        ("y = 2x", "y - 2*x", on_line(lambda t: {"x": t, "y": 2 * t}), False, "roles swapped"),
        ("x = 2y + 1", "x - 2*y - 1", on_line(lambda t: {"x": 2 * t + 1, "y": t}), False, "shifted"),
        ("x^2 = 4y^2", "x**2 - 4*y**2", [*xy2, *on_line(lambda t: {"x": -2 * t, "y": t})], False, "adds x = -2y"),
    ], source=EQ),
    *equations("1/x + 1/y = 2", "1/x + 1/y - 2", hyper, [
        (r"y = \frac{x}{2x-1}", "y - x/(2*x-1)", hyper, True, "solved for y"),
        ("x + y = 2xy", "x + y - 2*x*y", hyper, True, "cleared denominators"),
        (r"y = \frac{x}{2x+1}", "y - x/(2*x+1)", on_line(lambda t: {"x": t, "y": t / (2 * t + 1)}), False, "sign"),
        ("x + y = 2", "x + y - 2", on_line(lambda t: {"x": t, "y": 2 - t}), False, "inverted terms"),
    ], source=EQ),
    *equations("a*b = 0", "a*b", axes, [
        (r"a = 0 \text{ or } b = 0", "a*b", axes, True, "disjunction in words"),
        (r"a = 0 \lor b = 0", "a*b", axes, True, "logical or"),
        ("a^2 b^2 = 0", "a**2*b**2", axes, True, "squared"),
        ("a = 0", "a", axes[:3], False, "missing solution b = 0"),
        (r"a = 0 \text{ and } b = 0", "a**2 + b**2", [{"a": 0, "b": 0}], False, "conjunction: only the origin"),
        ("ab = 1", "a*b - 1", on_line(lambda t: {"a": t, "b": 1 / t}), False, "wrong constant"),
    ], source=EQ),
    *equations("x^2 = 4", "x**2 - 4", pm2, [
        (r"x = \pm 2", "x**2 - 4", pm2, True, "plus-minus"),
        (r"x = 2 \text{ or } x = -2", "(x-2)*(x+2)", pm2, True, "two equations in words"),
        ("x = 2, x = -2", "(x-2)*(x+2)", pm2, True, "comma-separated equations"),
        ("(x-2)(x+2) = 0", "(x-2)*(x+2)", pm2, True, "factored"),
        ("|x| = 2", "Abs(x) - 2", pm2, True, "absolute value"),
        ("x = 2", "x - 2", pm2[:1], False, "missing -2"),
        (r"x = \sqrt{4}", "x - 2", pm2[:1], False, "principal root only"),
        ("x = 2.0000001", "x - Rational(20000001, 10000000)", [{"x": R(20000001, 10000000)}], False, "1e-7 off"),
    ], source=MV),
    *equations("y = x^2 + 1", "y - x**2 - 1", parab, [
        ("y - 1 = x^2", "y - 1 - x**2", parab, True, "rearranged"),
        ("2y = 2x^2 + 2", "2*y - 2*x**2 - 2", parab, True, "scaled"),
        (r"x = \sqrt{y-1}", "x - sqrt(y-1)", parab[:2] + parab[3:4], False, "only x >= 0"),
        ("y = (x+1)^2", "y - (x+1)**2", on_line(lambda t: {"x": t, "y": (t + 1) ** 2}), False, "wrong square"),
        ("y = x^2 + 1.0000001", "y - x**2 - Rational(10000001, 10000000)",
         on_line(lambda t: {"x": t, "y": t**2 + R(10000001, 10000000)}), False, "1e-7 off"),
    ], source=EQ),
    *equations("x + y = 1", "x + y - 1", line, [
        ("y = 1 - x", "y - 1 + x", line, True, "solved"),
        (r"\frac{x+y}{2} = \frac12", "(x+y)/2 - Rational(1, 2)", line, True, "halved"),
        ("x - y = 1", "x - y - 1", on_line(lambda t: {"x": t, "y": t - 1}), False, "sign"),
        ("(x+y)^2 = 1", "(x+y)**2 - 1", [*line, *on_line(lambda t: {"x": t, "y": -1 - t})], False, "adds x + y = -1"),
    ]),
    *equations("e^y = x", "exp(y) - x", on_line(lambda t: {"x": __import__("sympy").exp(t), "y": t}), [
        (r"y = \ln x", "y - log(x)", on_line(lambda t: {"x": __import__("sympy").exp(t), "y": t}), True, "inverse function"),
        (r"y = \log_{10} x", "y - log(x)/log(10)", on_line(lambda t: {"x": 10**t, "y": t}), False, "base 10"),
    ]),
    *equations("x = 3", "x - 3", [{"x": R(3)}], [
        ("3 = x", "3 - x", [{"x": R(3)}], True, "reversed"),
        ("2x = 6", "2*x - 6", [{"x": R(3)}], True, "scaled"),
        ("x = 3.", "x - 3", [{"x": R(3)}], True, "trailing full stop"),
        ("x^2 = 9", "x**2 - 9", [{"x": R(3)}, {"x": R(-3)}], False, "adds -3"),
        ("x = 3.0000001", "x - Rational(30000001, 10000000)", [{"x": R(30000001, 10000000)}], False, "1e-7 off"),
    ]),
]


def _in(*members: float) -> "callable":
    values = {Fraction(m) for m in members}
    return lambda p: p in values


def _iv(lo: float, hi: float, lo_closed: bool, hi_closed: bool) -> "callable":
    return lambda p: (lo < p or (lo_closed and p == lo)) and (p < hi or (hi_closed and p == hi))


def _any(*preds: "callable") -> "callable":
    return lambda p: any(f(p) for f in preds)


INF = 10**9
CASES += [
    *sets(r"\{-2, 2\}", _in(-2, 2), [
        (r"\pm 2", _in(-2, 2), True, "plus-minus"),
        (r"x = \pm 2", _in(-2, 2), True, "named plus-minus"),
        (r"\{2, -2\}", _in(-2, 2), True, "order"),
        (r"x = 2 \text{ or } x = -2", _in(-2, 2), True, "words"),
        (r"\{-2,2\}.", _in(-2, 2), True, "trailing full stop"),
        (r"\{2\}", _in(2), False, "missing -2"),
        (r"\{-2, 0, 2\}", _in(-2, 0, 2), False, "extra 0"),
        ("[-2, 2]", _iv(-2, 2, True, True), False, "interval, not two points"),
    ], source=MV, probes=(Fraction(-2), Fraction(2))),
    *sets("[1, 3)", _iv(1, 3, True, False), [
        (r"1 \le x < 3", _iv(1, 3, True, False), True, "inequality"),
        (r"\left[1, 3\right)", _iv(1, 3, True, False), True, "\\left[ \\right)"),
        (r"x \geq 1 \text{ and } x < 3", _iv(1, 3, True, False), True, "two inequalities in words"),
        (r"3 > x \ge 1", _iv(1, 3, True, False), True, "reversed chain"),
        (r"[1, 2] \cup (2, 3)", _iv(1, 3, True, False), True, "union of adjacent pieces"),
        (r"[1, 2) \cup [2, 3)", _iv(1, 3, True, False), True, "half-open pieces"),
        ("[1, 3]", _iv(1, 3, True, True), False, "closed right end"),
        ("(1, 3)", _iv(1, 3, False, False), False, "open left end"),
        ("1 < x < 3", _iv(1, 3, False, False), False, "strict left"),
        (r"[1,2)\cup(2,3)", _any(_iv(1, 2, True, False), _iv(2, 3, False, False)), False, "missing the point 2"),
        ("[-3, -1)", _iv(-3, -1, True, False), False, "signs of the ends"),
        ("[1, 3.001)", _iv(1, Fraction(3001, 1000), True, False), False, "end 0.001 off"),
    ], source=MV, probes=(Fraction(1), Fraction(2), Fraction(3))),
    *sets(r"(-\infty, -1) \cup (1, \infty)", _any(_iv(-INF, -1, False, False), _iv(1, INF, False, False)), [
        ("|x| > 1", _any(_iv(-INF, -1, False, False), _iv(1, INF, False, False)), True, "absolute value"),
        (r"x < -1 \text{ or } x > 1", _any(_iv(-INF, -1, False, False), _iv(1, INF, False, False)), True, "words"),
        (r"\mathbb{R} \setminus [-1, 1]", _any(_iv(-INF, -1, False, False), _iv(1, INF, False, False)), True, "complement"),
        ("x^2 > 1", _any(_iv(-INF, -1, False, False), _iv(1, INF, False, False)), True, "quadratic inequality"),
        (r"(-\infty,-1] \cup [1,\infty)", _any(_iv(-INF, -1, False, True), _iv(1, INF, True, False)), False, "closed ends"),
        (r"(1, \infty)", _iv(1, INF, False, False), False, "one side only"),
        (r"(-1, 1)", _iv(-1, 1, False, False), False, "the complement"),
    ], probes=(Fraction(-1), Fraction(1))),
    *sets(r"[0, \infty)", _iv(0, INF, True, False), [
        (r"x \ge 0", _iv(0, INF, True, False), True, "inequality"),
        (r"[0, +\infty)", _iv(0, INF, True, False), True, "+infinity"),
        ("[0, oo)", _iv(0, INF, True, False), True, "plain oo"),
        (r"(0, \infty)", _iv(0, INF, False, False), False, "open at 0"),
        (r"x \le 0", _iv(-INF, 0, False, True), False, "direction"),
    ], probes=(Fraction(0),)),
    *sets("(-2, 2)", _iv(-2, 2, False, False), [
        ("x^2 < 4", _iv(-2, 2, False, False), True, "quadratic"),
        ("|x| < 2", _iv(-2, 2, False, False), True, "absolute value"),
        ("-2 < x < 2", _iv(-2, 2, False, False), True, "chain"),
        ("x < 2", _iv(-INF, 2, False, False), False, "one-sided"),
        ("[-2, 2]", _iv(-2, 2, True, True), False, "closed"),
        ("(-2, 2]", _iv(-2, 2, False, True), False, "half closed"),
    ], probes=(Fraction(-2), Fraction(2))),
    *sets(r"\mathbb{R} \setminus \{0\}", _any(_iv(-INF, 0, False, False), _iv(0, INF, False, False)), [
        (r"x \neq 0", _any(_iv(-INF, 0, False, False), _iv(0, INF, False, False)), True, "not equal"),
        (r"(-\infty, 0) \cup (0, \infty)", _any(_iv(-INF, 0, False, False), _iv(0, INF, False, False)), True, "union"),
        (r"\mathbb{R}", _iv(-INF, INF, False, False), False, "includes 0"),
        (r"(0, \infty)", _iv(0, INF, False, False), False, "positive only"),
    ], probes=(Fraction(0),)),
    *sets(r"\{1, 2, 3\}", _in(1, 2, 3), [
        ("[1, 3]", _iv(1, 3, True, True), True, "interval over the integers"),
        (r"1 \le x \le 3", _iv(1, 3, True, True), True, "inequality over the integers"),
        ("(0, 4)", _iv(0, 4, False, False), True, "open interval over the integers"),
        ("(0.5, 3.5)", _iv(Fraction(1, 2), Fraction(7, 2), False, False), True, "half-integer ends"),
        (r"\{1,2\} \cup \{3\}", _in(1, 2, 3), True, "union of finite sets"),
        (r"[1,2] \cup \{3\}", _any(_iv(1, 2, True, True), _in(3)), True, "interval and point"),
        ("[1, 3)", _iv(1, 3, True, False), False, "misses 3"),
        (r"\{0,1,2,3\}", _in(0, 1, 2, 3), False, "extra 0"),
        ("(1, 4)", _iv(1, 4, False, False), False, "misses 1"),
    ], {"integer": True}, "issue 10"),
    *sets(r"[52,53] \cup \{54\}", _any(_iv(52, 53, True, True), _in(54)), [
        (r"\{52,53,54\}", _in(52, 53, 54), True, "the issue's example"),
        ("[52, 55)", _iv(52, 55, True, False), True, "half-open"),
        (r"\{52, 53\}", _in(52, 53), False, "missing 54"),
    ], {"integer": True}, "issue 10"),
]
