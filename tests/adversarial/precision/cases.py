"""The precision corpus: wrong answers that differ from the reference below float precision, and right answers
in equal forms that float arithmetic may wrongly refuse.

Each case has the grader's inputs (kind, student, reference, options), the intended meaning of both as Python
(mpmath callables; SymPy builders for equations; log-growth for bigo), a family name and ``intended``: the verdict
I meant when writing the case.  The verdict the tests use is *derived* by ``oracle.verdict(case)`` from the
meanings; ``test_oracle_matches_intent`` checks that the derivation agrees with the intent, so a slip in a
meaning shows up as a failing test rather than a wrong expectation.

``XFAIL`` lists the cases where the grader's verdict differs from the derived one (found by running it), keyed by
(kind, student, reference), with what was found.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mpmath as M
import sympy

Meaning = Callable[..., Any]


def T(k: Any) -> Any:
    """10^k at the working precision (evaluated when the meaning is called)."""
    return M.mpf(10) ** k


@dataclass(frozen=True)
class Case:
    id: str
    family: str
    kind: str
    student: str
    reference: str
    options: dict[str, Any] | None
    student_py: Meaning
    reference_py: Meaning
    intended: bool
    note: str = ""
    dps: int = 60
    witnesses: Sequence[dict[str, float]] = ()
    domain: dict[str, Sequence[float]] | None = None  # overrides options["variables"] as the question's domain
    elem_tol: Any = None  # decimal-numeral tolerance for tuple/matrix elements or set ends, derived from the text
    grader_options: dict[str, Any] | None = field(default=None)


CASES: list[Case] = []
_ids: set[str] = set()


def _add(case: Case) -> None:
    assert case.id not in _ids, case.id
    _ids.add(case.id)
    CASES.append(case)


def _id(family: str, n: int) -> str:
    return f"{family}-{n:02d}"


_counters: dict[str, int] = {}


def _next(family: str) -> str:
    _counters[family] = _counters.get(family, 0) + 1
    return _id(family, _counters[family])


def E(family: str, student: str, reference: str, dom: dict[str, Sequence[float]] | None, fs: Meaning, fr: Meaning,
      intended: bool, note: str = "", dps: int = 60, wit: Sequence[dict[str, float]] = (),
      domain: dict[str, Sequence[float]] | None = None, options: dict[str, Any] | None = None) -> None:
    opts = options if options is not None else ({"variables": dom} if dom else None)
    _add(Case(_next(family), family, "expression", student, reference, opts, fs, fr, intended, note, dps, wit, domain))


def N(family: str, kind: str, student: str, reference: str, fs: Meaning, fr: Meaning, intended: bool,
      note: str = "", options: dict[str, Any] | None = None, dps: int = 60, elem_tol: Any = None) -> None:
    _add(Case(_next(family), family, kind, student, reference, options, fs, fr, intended, note, dps,
              elem_tol=elem_tol))


def Q(family: str, student: str, reference: str, fs: Meaning, fr: Meaning, intended: bool, note: str = "",
      dom: tuple[float, float] = (-2, 2), dps: int = 60, wit: Sequence[dict[str, float]] = ()) -> None:
    opts = {"variables": {"x": list(dom), "y": [-2, 2]}}
    _add(Case(_next(family), family, "equation", student, reference, opts, fs, fr, intended, note, dps, wit,
              domain={"x": dom}))


X = {"x": [-2, 2]}
XP = {"x": [0.1, 3]}
NN = {"n": [1, 12]}
Rat = sympy.Rational
e, ln, sqrt, sin, cos, tanh, cosh, sinh = M.exp, M.log, M.sqrt, M.sin, M.cos, M.tanh, M.cosh, M.sinh
floor, ceil, pi = M.floor, M.ceil, M.pi


def cbrt(v: Any) -> Any:
    return M.sign(v) * M.cbrt(abs(v))


# ---------------------------------------------------------------- A. tiny changes inside functions (all wrong)
F = "tiny-in-function"
E(F, "2^{x+10^{-15}}", "2^x", X, lambda x: M.power(2, x + T(-15)), lambda x: M.power(2, x), False)
E(F, "(1+10^{-16})^x", "1", X, lambda x: M.power(1 + T(-16), x), lambda x: M.mpf(1), False,
  note="differs by x*1e-16; zero only at x = 0")
E(F, "x^{1+10^{-14}}", "x", XP, lambda x: M.power(x, 1 + T(-14)), lambda x: x, False)
E(F, "\\tanh(x + 10^{-17})", "\\tanh(x)", X, lambda x: tanh(x + T(-17)), lambda x: tanh(x), False)
E(F, "\\sin(x + 10^{-16})", "\\sin x", X, lambda x: sin(x + T(-16)), lambda x: sin(x), False)
E(F, "\\log(x + 10^{-15})", "\\log x", XP, lambda x: ln(x + T(-15)), lambda x: ln(x), False)
E(F, "\\sqrt{x + 10^{-16}}", "\\sqrt{x}", XP, lambda x: sqrt(x + T(-16)), lambda x: sqrt(x), False)
E(F, "\\sqrt{x^2 + 10^{-30}}", "|x|", X, lambda x: sqrt(x**2 + T(-30)), lambda x: abs(x), False)
E(F, "e^{x(1+10^{-15})}", "e^x", X, lambda x: e(x * (1 + T(-15))), lambda x: e(x), False)
E(F, "\\frac{1}{x^2 + 1 + 10^{-15}}", "\\frac{1}{x^2+1}", X, lambda x: 1 / (x**2 + 1 + T(-15)),
  lambda x: 1 / (x**2 + 1), False)
E(F, "x + 10^{-15}", "x", X, lambda x: x + T(-15), lambda x: x, False)
E(F, "x^2 + 10^{-300} x", "x^2", X, lambda x: x**2 + T(-300) * x, lambda x: x**2, False, dps=700)
E(F, "\\sin(x)^{2 + 10^{-15}}", "\\sin(x)^2", XP, lambda x: M.power(sin(x), 2 + T(-15)), lambda x: sin(x) ** 2,
  False)
E(F, "3^{x} - 3^{x - 10^{-15}}", "0", X, lambda x: M.power(3, x) - M.power(3, x - T(-15)), lambda x: M.mpf(0),
  False)
E(F, "\\frac{1 - \\cos(10^{-5}x)}{x^2} + x", "\\frac{1 - \\cos(10^{-5}x)}{x^2}", X,
  lambda x: (1 - cos(T(-5) * x)) / x**2 + x, lambda x: (1 - cos(T(-5) * x)) / x**2, False)
E(F, "10^{20}(x + 10^{-20}) - 10^{20}x + x", "x", X, lambda x: T(20) * (x + T(-20)) - T(20) * x + x,
  lambda x: x, False, note="the big terms cancel to exactly 1: the answer is x + 1")

# tiny changes scaled by huge factors (wrong or right, decided by the exact arithmetic)
F = "scaled-tiny"
E(F, "10^{30}\\sin(x + 10^{-30}) - 10^{30}\\sin(x)", "\\cos x", X,
  lambda x: T(30) * sin(x + T(-30)) - T(30) * sin(x), lambda x: cos(x), False, dps=100,
  note="a difference quotient: cos x - 5e-31 sin x + ..., not cos x")
E(F, "10^{20}(x + 10^{-20}) - 10^{20} x", "1", X, lambda x: T(20) * (x + T(-20)) - T(20) * x, lambda x: M.mpf(1),
  True, dps=80, note="exactly 1: the products cancel")
E(F, "10^{16} + x - 10^{16}", "x", X, lambda x: T(16) + x - T(16), lambda x: x, True,
  note="exactly x; in doubles 1e16 + x loses x's low bits")
E(F, "(10^{16} + x) - 10^{16}", "x", X, lambda x: (T(16) + x) - T(16), lambda x: x, True)
E(F, "10^{15}(2^{x + 10^{-15}} - 2^{x})", "2^x \\ln 2", X,
  lambda x: T(15) * (M.power(2, x + T(-15)) - M.power(2, x)), lambda x: M.power(2, x) * ln(2), False, dps=80,
  note="a forward difference: 2^x ln2 (1 + 3.5e-16 ...), not the derivative itself")
E(F, "10^{15}(x + 10^{-15})^2 - 10^{15} x^2", "2x", X,
  lambda x: T(15) * (x + T(-15)) ** 2 - T(15) * x**2, lambda x: 2 * x, False, dps=80,
  note="2x + 1e-15 exactly")
E(F, "10^{15}(x + 10^{-15})^2 - 10^{15} x^2 - 10^{-15}", "2x", X,
  lambda x: T(15) * (x + T(-15)) ** 2 - T(15) * x**2 - T(-15), lambda x: 2 * x, True, dps=80,
  note="exactly 2x")
E(F, "(x+10^{-8})^2 - 10^{-16}", "x^2 + 2\\cdot 10^{-8} x", X, lambda x: (x + T(-8)) ** 2 - T(-16),
  lambda x: x**2 + 2 * T(-8) * x, True)
E(F, "2^{1000} x - 2^{1000} x + x", "x", X, lambda x: M.power(2, 1000) * x - M.power(2, 1000) * x + x, lambda x: x,
  True, dps=700)
E(F, "10^{200}(x^2 + 10^{-200}) - 10^{200} x^2", "1", X,
  lambda x: T(200) * (x**2 + T(-200)) - T(200) * x**2, lambda x: M.mpf(1), True, dps=500)

# ---------------------------------------------------------------- B. underflowing terms (all wrong)
F = "underflow"
E(F, "x + 10^{-300}", "x", X, lambda x: x + T(-300), lambda x: x, False, dps=700)
E(F, "x + e^{-1000}", "x", X, lambda x: x + e(-1000), lambda x: x, False, dps=1000)
E(F, "x + 4^{-100}", "x", X, lambda x: x + M.power(4, -100), lambda x: x, False, dps=200)
E(F, "x(1 + e^{-800})", "x", X, lambda x: x * (1 + e(-800)), lambda x: x, False, dps=800)
E(F, "x + 2^{-1074}", "x", X, lambda x: x + M.power(2, -1074), lambda x: x, False, dps=700)
E(F, "\\pi + 10^{-20}", "\\pi", None, lambda: pi + T(-20), lambda: pi, False)
E(F, "10^{20} + 1", "10^{20}", None, lambda: T(20) + 1, lambda: T(20), False)

# ---------------------------------------------------------------- C. differences only near one point
F = "narrow-bump"
E(F, "x + e^{-10^{8}(x-0.3)^2}", "x", X, lambda x: x + e(-T(8) * (x - M.mpf("0.3")) ** 2), lambda x: x, False,
  dps=60, wit=[{"x": 0.3}])
E(F, "x + e^{-10^{4}(x-0.3)^2}", "x", X, lambda x: x + e(-T(4) * (x - M.mpf("0.3")) ** 2), lambda x: x, False,
  wit=[{"x": 0.3}])
E(F, "x + e^{-(x-0.3)^2 \\cdot 10^{6}}", "x", X, lambda x: x + e(-T(6) * (x - M.mpf("0.3")) ** 2), lambda x: x,
  False, wit=[{"x": 0.3}])
E(F, "x + \\max(0, 1 - 10^{6}|x-0.3|)", "x", X, lambda x: x + max(0, 1 - T(6) * abs(x - M.mpf("0.3"))),
  lambda x: x, False, wit=[{"x": 0.3}])
E(F, "x + \\max(0, 10^{-3} - |x-0.3|)", "x", X, lambda x: x + max(0, T(-3) - abs(x - M.mpf("0.3"))), lambda x: x,
  False, wit=[{"x": 0.3}])
E(F, "x + \\frac{1}{10^{20}(x-0.3)^2+1}", "x", X, lambda x: x + 1 / (T(20) * (x - M.mpf("0.3")) ** 2 + 1),
  lambda x: x, False, wit=[{"x": 0.3}])
E(F, "x + \\frac{10^{-30}}{(x-0.3)^2+10^{-40}}", "x", X,
  lambda x: x + T(-30) / ((x - M.mpf("0.3")) ** 2 + T(-40)), lambda x: x, False, wit=[{"x": 0.3}])
E(F, "x + e^{-10^{4}(x-1.9)^2}", "x", X, lambda x: x + e(-T(4) * (x - M.mpf("1.9")) ** 2), lambda x: x, False,
  wit=[{"x": 1.9}])
E(F, "x + \\max(0, x - 1.99999999)", "x", X, lambda x: x + max(0, x - M.mpf("1.99999999")), lambda x: x, False,
  wit=[{"x": 2}])
E(F, "x + \\max(0, -x - 1.9999)", "x", X, lambda x: x + max(0, -x - M.mpf("1.9999")), lambda x: x, False,
  wit=[{"x": -2}])
E(F, "\\max(x, 0.1000001)", "x", XP, lambda x: max(x, M.mpf("0.1000001")), lambda x: x, False,
  wit=[{"x": 0.1}], note="differs on [0.1, 0.1000001), inside the declared domain")
E(F, "\\max(x, 0.10000000001)", "x", XP, lambda x: max(x, M.mpf("0.10000000001")), lambda x: x, False,
  wit=[{"x": 0.1}])

# ---------------------------------------------------------------- D. floor / ceil / sign / max / abs tricks
F = "piecewise"
E(F, "\\lfloor x \\rfloor", "x", X, lambda x: floor(x), lambda x: x, False)
E(F, "x + \\lfloor x/3 \\rfloor", "x", X, lambda x: x + floor(x / 3), lambda x: x, False)
E(F, "x + \\lceil 10^{-15} x \\rceil", "x", XP, lambda x: x + ceil(T(-15) * x), lambda x: x, False)
E(F, "x + \\lfloor 10^{-15} x \\rfloor", "x", X, lambda x: x + floor(T(-15) * x), lambda x: x, False,
  note="-1 for every negative x")
E(F, "x + \\lfloor 10^{-15} x \\rfloor", "x", XP, lambda x: x + floor(T(-15) * x), lambda x: x, True,
  note="floor(1e-15 x) is exactly 0 for 0 < x < 1e15, so this is x on the domain and far beyond it")
E(F, "x + \\lfloor (x+2)/4.0001 \\rfloor", "x", X, lambda x: x + floor((x + 2) / M.mpf("4.0001")), lambda x: x,
  True, note="(x+2)/4.0001 is in [0, 1) for x in [-2, 2]: the floor is 0 on the declared domain (not beyond it)")
E(F, "x + \\lfloor (x+2.0001)/4 \\rfloor", "x", X, lambda x: x + floor((x + M.mpf("2.0001")) / 4), lambda x: x,
  False, wit=[{"x": 2}])
E(F, "x + \\max(0, x - 5)", "x", X, lambda x: x + max(0, x - 5), lambda x: x, True,
  note="0 on the declared domain [-2, 2]; differs only for x > 5, outside it")
E(F, "x + \\max(0, x - 1.999)", "x", X, lambda x: x + max(0, x - M.mpf("1.999")), lambda x: x, False,
  wit=[{"x": 2}])
E(F, "x + \\operatorname{sign}(x - 1.9999) + 1", "x", X, lambda x: x + M.sign(x - M.mpf("1.9999")) + 1,
  lambda x: x, False, wit=[{"x": 2}])
E(F, "\\operatorname{sign}(x) x", "|x|", X, lambda x: M.sign(x) * x, lambda x: abs(x), True)
E(F, "|x|", "x", XP, lambda x: abs(x), lambda x: x, True, note="x > 0 on the declared domain")
E(F, "x", "|x|", {"x": [0, 3]}, lambda x: x, lambda x: abs(x), True)
E(F, "\\max(x, 10^{-15})", "x", XP, lambda x: max(x, T(-15)), lambda x: x, True)
E(F, "\\max(x, 0.1)", "x", XP, lambda x: max(x, M.mpf("0.1")), lambda x: x, True)
E(F, "\\sqrt{x^2}", "|x|", X, lambda x: sqrt(x**2), lambda x: abs(x), True)
E(F, "\\sqrt{x^2}", "x", X, lambda x: sqrt(x**2), lambda x: x, False)
E(F, "\\min(x, 5)", "x", X, lambda x: min(x, 5), lambda x: x, True, note="differs only for x > 5")
E(F, "\\frac{x + |x|}{2}", "\\max(x, 0)", X, lambda x: (x + abs(x)) / 2, lambda x: max(x, 0), True)

# polynomials vanishing at many points
F = "vanishing-poly"
E(F, "x(x-1)(x-2)(x+1)(x+2)+x", "x", X, lambda x: x * (x - 1) * (x - 2) * (x + 1) * (x + 2) + x, lambda x: x, False)
E(F, "x+\\prod_{k=1}^{7}(x-k)", "x", {"x": [1, 7]}, lambda x: x + M.fprod([x - k for k in range(1, 8)]),
  lambda x: x, False)
E(F, "n + \\sin(\\pi n)", "n", NN, lambda n: n + sin(pi * n), lambda n: n, False,
  note="zero at every whole n, but n is sampled as a real")
E(F, "n + (n-1)(n-2)(n-3)(n-4)(n-5)(n-6)(n-7)(n-8)(n-9)(n-10)(n-11)(n-12)", "n", NN,
  lambda n: n + M.fprod([n - k for k in range(1, 13)]), lambda n: n, False)

# ---------------------------------------------------------------- E. decimals that change the value slightly
F = "near-one-decimal"
E(F, "x + 0.000000000000001", "x", X, lambda x: x + M.mpf("1e-15"), lambda x: x, False)
E(F, "1.00000000000001 x", "x", X, lambda x: M.mpf("1.00000000000001") * x, lambda x: x, False)
E(F, "x^{1.00000000000001}", "x", XP, lambda x: M.power(x, M.mpf("1.00000000000001")), lambda x: x, False,
  note="x^(1+1e-14): wrong exactly as x^{1+10^{-14}} is")
E(F, "\\sin(1.0000000000001 x)", "\\sin x", X, lambda x: sin(M.mpf("1.0000000000001") * x), lambda x: sin(x),
  False)
E(F, "0.2500000000001^n", "(\\frac{1}{4})^n", NN, lambda n: M.power(M.mpf("0.2500000000001"), n),
  lambda n: M.power(M.mpf(1) / 4, n), False)
E(F, "(0.25000000000000001)^n", "(\\frac{1}{4})^n", NN, lambda n: M.power(M.mpf("0.25000000000000001"), n),
  lambda n: M.power(M.mpf(1) / 4, n), False, note="a 17-digit decimal that is not 1/4")
E(F, "e^{1.0000000000001 x}", "e^{x}", X, lambda x: e(M.mpf("1.0000000000001") * x), lambda x: e(x), False)
E(F, "0.25^n", "(\\frac{1}{4})^n", NN, lambda n: M.power(M.mpf("0.25"), n), lambda n: M.power(M.mpf(1) / 4, n),
  True)
E(F, "0.5 x", "\\frac{x}{2}", X, lambda x: M.mpf("0.5") * x, lambda x: x / 2, True)

E(F, "x^{2.000000000000001}", "x^2", XP, lambda x: M.power(x, M.mpf("2.000000000000001")), lambda x: x**2, False)
E(F, "\\sqrt{1.0000000000001}x", "x", X, lambda x: sqrt(M.mpf("1.0000000000001")) * x, lambda x: x, False)
E(F, "\\log(1.0000000000001 x)", "\\log x", XP, lambda x: ln(M.mpf("1.0000000000001") * x), lambda x: ln(x), False)
E(F, "x + \\frac{1}{3} - 0.333333333333333", "x", X, lambda x: x + M.mpf(1) / 3 - M.mpf("0.333333333333333"),
  lambda x: x, False, note="the constant 1/3 - 0.333333333333333 = 3.3e-16 is not 0")
E(F, "\\frac{\\lfloor 10^{15}x \\rfloor}{10^{15}}", "x", X, lambda x: floor(T(15) * x) / T(15), lambda x: x, False,
  note="x truncated to 15 places")

# ---------------------------------------------------------------- F. identities (right)
F = "identity"
E(F, "\\sin^2 x + \\cos^2 x", "1", X, lambda x: sin(x) ** 2 + cos(x) ** 2, lambda x: M.mpf(1), True)
E(F, "\\cosh^2 x - \\sinh^2 x", "1", X, lambda x: cosh(x) ** 2 - sinh(x) ** 2, lambda x: M.mpf(1), True)
E(F, "\\log(e^x)", "x", X, lambda x: ln(e(x)), lambda x: x, True)
E(F, "e^{\\log x}", "x", XP, lambda x: e(ln(x)), lambda x: x, True)
E(F, "\\sqrt[3]{x^3}", "x", X, lambda x: cbrt(x**3), lambda x: x, True, note="the real cube root")
E(F, "\\frac{x^2-1}{x-1}", "x+1", X, lambda x: (x**2 - 1) / (x - 1), lambda x: x + 1, True,
  note="a removable hole at x = 1; a careful human grader accepts it")
E(F, "\\frac{\\sinh(40x)}{\\cosh(40 x)}", "\\tanh(40x)", X, lambda x: sinh(40 * x) / cosh(40 * x),
  lambda x: tanh(40 * x), True)
E(F, "\\frac{1-\\cos x}{x^2}", "\\frac{2\\sin^2(x/2)}{x^2}", X, lambda x: (1 - cos(x)) / x**2,
  lambda x: 2 * sin(x / 2) ** 2 / x**2, True)
E(F, "\\frac{1-\\cos(10^{-5}x)}{x^2}", "\\frac{2\\sin^2(10^{-5}x/2)}{x^2}", X,
  lambda x: (1 - cos(T(-5) * x)) / x**2, lambda x: 2 * sin(T(-5) * x / 2) ** 2 / x**2, True,
  note="the same function; in doubles the left side loses every digit to cancellation")
E(F, "\\cosh^2(10 x) - \\sinh^2(10 x)", "1", X, lambda x: cosh(10 * x) ** 2 - sinh(10 * x) ** 2,
  lambda x: M.mpf(1), True, dps=80, note="cosh^2(20)-sinh^2(20) cancels 2^70-sized terms")
E(F, "\\cosh^2(30) - \\sinh^2(30)", "1", None, lambda: cosh(30) ** 2 - sinh(30) ** 2, lambda: M.mpf(1), True,
  dps=80)
E(F, "\\frac{e^{40x}+1}{e^{40x}} - e^{-40x}", "1", X, lambda x: (e(40 * x) + 1) / e(40 * x) - e(-40 * x),
  lambda x: M.mpf(1), True, dps=100)
E(F, "(1+x)^{100} - \\sum_{k=0}^{100}\\binom{100}{k}x^k + x", "x", X,
  lambda x: (1 + x) ** 100 - M.fsum(M.binomial(100, k) * x**k for k in range(101)) + x, lambda x: x, True,
  dps=120, note="the binomial theorem: the two big terms are the same polynomial")
E(F, "\\sqrt{x+10^{8}} - \\sqrt{10^{8}}", "\\frac{x}{\\sqrt{x+10^{8}}+10^{4}}", XP,
  lambda x: sqrt(x + T(8)) - sqrt(T(8)), lambda x: x / (sqrt(x + T(8)) + T(4)), True)
E(F, "\\sqrt{x+10^{16}} - 10^{8}", "\\frac{x}{\\sqrt{x+10^{16}}+10^{8}}", XP,
  lambda x: sqrt(x + T(16)) - T(8), lambda x: x / (sqrt(x + T(16)) + T(8)), True,
  note="rationalised: equal, the left side cancels 8 digits more than a double has")
E(F, "e^{x+700}e^{-700}", "e^x", X, lambda x: e(x + 700) * e(-700), lambda x: e(x), True)
E(F, "e^{x+800}e^{-800}", "e^x", X, lambda x: e(x + 800) * e(-800), lambda x: e(x), True,
  note="e^800 overflows a double, the product is e^x")
E(F, "\\frac{e^{x+800}}{e^{800}}", "e^x", X, lambda x: e(x + 800) / e(800), lambda x: e(x), True)
E(F, "\\log(e^{800 x})/800", "x", X, lambda x: ln(e(800 * x)) / 800, lambda x: x, True)
E(F, "\\frac{x^{400}}{x^{399}}", "x", {"x": [0.5, 2]}, lambda x: x**400 / x**399, lambda x: x, True)
E(F, "\\frac{x^{1000}}{x^{999}}", "x", X, lambda x: x**1000 / x**999, lambda x: x, True,
  note="x for x != 0; in doubles x^1000 underflows to 0 for |x| < 0.5 and overflows past 2")
E(F, "(x+1)^{50} - (x+1)^{50} + x", "x", X, lambda x: (x + 1) ** 50 - (x + 1) ** 50 + x, lambda x: x, True)
E(F, "4^{-n}", "(\\frac{1}{4})^n", NN, lambda n: M.power(4, -n), lambda n: M.power(M.mpf(1) / 4, n), True)
E(F, "2^{-2n}", "(\\frac{1}{4})^n", NN, lambda n: M.power(2, -2 * n), lambda n: M.power(M.mpf(1) / 4, n), True)
E(F, "e^{-n\\ln 4}", "(\\frac{1}{4})^n", NN, lambda n: e(-n * ln(4)), lambda n: M.power(M.mpf(1) / 4, n), True)
E(F, "\\frac{\\log(1+10^{-12}x)}{10^{-12}}", "\\frac{\\log(1+10^{-12}x)}{10^{-12}}", XP,
  lambda x: ln(1 + T(-12) * x) / T(-12), lambda x: ln(1 + T(-12) * x) / T(-12), True)
E(F, "\\tan(x)\\cos(x)", "\\sin x", {"x": [-1.5, 1.5]}, lambda x: M.tan(x) * cos(x), lambda x: sin(x), True)
E(F, "\\frac{1}{1+e^{-x}} + \\frac{1}{1+e^{x}}", "1", {"x": [-40, 40]},
  lambda x: 1 / (1 + e(-x)) + 1 / (1 + e(x)), lambda x: M.mpf(1), True)
E(F, "\\frac{x^3 - 8}{x - 2}", "x^2 + 2x + 4", X, lambda x: (x**3 - 8) / (x - 2), lambda x: x**2 + 2 * x + 4, True)
E(F, "\\sqrt[3]{x^3} + 10^{-15}", "x", X, lambda x: cbrt(x**3) + T(-15), lambda x: x, False)
E(F, "\\log(x^2)", "2\\log x", XP, lambda x: ln(x**2), lambda x: 2 * ln(x), True)
E(F, "\\log(x^2)", "2\\log|x|", X, lambda x: ln(x**2), lambda x: 2 * ln(abs(x)), True)

# ---------------------------------------------------------------- H. numbers
F = "number"
num = "number"
third = lambda: M.mpf(1) / 3  # noqa: E731
N(F, num, "0.333333333333333", "1/3", lambda: M.mpf("0.333333333333333"), third, True,
  note="1/3 correctly rounded to 15 places")
N(F, num, "0.3333333333333333", "1/3", lambda: M.mpf("0.3333333333333333"), third, True)
N(F, num, "0.333333333333333333333333333333333", "1/3", lambda: M.mpf("0.333333333333333333333333333333333"),
  third, True)
N(F, num, "1/3 + 10^{-15}", "1/3", lambda: third() + T(-15), third, False,
  note="an exact expression that is not 1/3")
N(F, num, "1/3 + 10^{-30}", "1/3", lambda: third() + T(-30), third, False)
N(F, num, "1/3 + e^{-1000}", "1/3", lambda: third() + e(-1000), third, False, dps=1000)
N(F, num, "\\pi + 10^{-20}", "\\pi", lambda: pi + T(-20), lambda: pi, False)
N(F, num, "3.14159265358979", "\\pi", lambda: M.mpf("3.14159265358979"), lambda: pi, True)
N(F, num, "3.141592653589793", "\\pi", lambda: M.mpf("3.141592653589793"), lambda: pi, True)
N(F, num, "\\frac{355}{113}", "\\pi", lambda: M.mpf(355) / 113, lambda: pi, False)
N(F, num, "\\sqrt{2}", "1.4142135623730951", lambda: sqrt(2), lambda: M.mpf("1.4142135623730951"), True,
  note="the reference is a float: sqrt 2 rounds to it")
N(F, num, "\\frac{2}{\\sqrt 2}", "\\sqrt 2", lambda: 2 / sqrt(2), lambda: sqrt(2), True)
N(F, num, "10^{20}+1", "10^{20}", lambda: T(20) + 1, lambda: T(20), False, note="two different whole numbers")
N(F, num, "\\sin(\\pi)", "0", lambda: sin(pi), lambda: M.mpf(0), True)
N(F, num, "\\sin(\\pi)+10^{-16}", "0", lambda: sin(pi) + T(-16), lambda: M.mpf(0), False)
N(F, num, "10^{-20}", "0", lambda: T(-20), lambda: M.mpf(0), False)
N(F, num, "0.1+0.2", "3/10", lambda: M.mpf("0.1") + M.mpf("0.2"), lambda: M.mpf(3) / 10, True)
N(F, num, "1 - 10^{-16}", "1", lambda: 1 - T(-16), lambda: M.mpf(1), False)
N(F, num, "\\frac{10^{17}+1}{10^{17}}", "1", lambda: (T(17) + 1) / T(17), lambda: M.mpf(1), False)
N(F, num, "\\cos^2(1)+\\sin^2(1)", "1", lambda: cos(1) ** 2 + sin(1) ** 2, lambda: M.mpf(1), True)
N(F, num, "\\cosh^2(3)-\\sinh^2(3)", "1", lambda: cosh(3) ** 2 - sinh(3) ** 2, lambda: M.mpf(1), True)
N(F, num, "2^{1.00000000000001}", "2", lambda: M.power(2, M.mpf("1.00000000000001")), lambda: M.mpf(2), False,
  note="not a numeral: an exact expression that is 2(1 + 6.9e-15)")
N(F, num, "\\ln 4 + 10^{-17}", "\\ln 4", lambda: ln(4) + T(-17), lambda: ln(4), True, options={"rtol": 0.01},
  note="within the part's rtol")
N(F, num, "\\frac{10^{17}+1}{10^{17}}", "1", lambda: (T(17) + 1) / T(17), lambda: M.mpf(1), True,
  options={"rtol": 1e-9})
N(F, num, "0.3333", "1/3", lambda: M.mpf("0.3333"), third, False, note="4 places is not exact")
N(F, num, "2^{-1074}", "0", lambda: M.power(2, -1074), lambda: M.mpf(0), False, dps=700)
N(F, num, "e^{i\\pi} + 1", "0", lambda: M.mpf(0), lambda: M.mpf(0), True, note="Euler: exactly 0")
N(F, num, "\\sqrt{2}^2", "2", lambda: sqrt(2) ** 2, lambda: M.mpf(2), True)

N(F, num, "\\frac{1}{3} + \\sin(10^{-15})", "1/3", lambda: third() + sin(T(-15)), third, False)
N(F, num, "\\sqrt{2} + 10^{-12}", "\\sqrt 2", lambda: sqrt(2) + T(-12), lambda: sqrt(2), False)
N(F, num, "0.9999999999999", "1", lambda: M.mpf("0.9999999999999"), lambda: M.mpf(1), False,
  note="13 nines: not 1 rounded to 13 places (that is 1.0000000000000)")
N(F, num, "1.4142135624", "\\sqrt 2", lambda: M.mpf("1.4142135624"), lambda: sqrt(2), False,
  note="11 significant figures: fewer than the 12 an exact reference asks for in this model")
N(F, num, "1.41421356237", "\\sqrt 2", lambda: M.mpf("1.41421356237"), lambda: sqrt(2), True,
  note="sqrt 2 correctly rounded to 12 significant figures")

F = "integer"
it = "integer"
N(F, it, "100000000000000000001", "100000000000000000000", lambda: T(20) + 1, lambda: T(20), False, dps=80)
N(F, it, "10^{20}+1", "10^{20}", lambda: T(20) + 1, lambda: T(20), False, dps=80)
N(F, it, "10^{20}", "100000000000000000000", lambda: T(20), lambda: T(20), True, dps=80)
N(F, it, "2^{64}+1", "18446744073709551616", lambda: M.power(2, 64) + 1, lambda: M.power(2, 64), False, dps=80)
N(F, it, "2^{53}+1", "9007199254740992", lambda: M.power(2, 53) + 1, lambda: M.power(2, 53), False, dps=80)
N(F, it, "9007199254740993", "9007199254740992", lambda: M.power(2, 53) + 1, lambda: M.power(2, 53), False,
  dps=80)
N(F, it, "10^{20}-1+1", "10^{20}", lambda: T(20), lambda: T(20), True, dps=80)
N(F, it, "\\cosh^2(3)-\\sinh^2(3)", "1", lambda: cosh(3) ** 2 - sinh(3) ** 2, lambda: M.mpf(1), True,
  note="exactly the whole number 1")
N(F, it, "\\lfloor 2.9999999999999999 \\rfloor", "2", lambda: floor(M.mpf("2.9999999999999999")), lambda: M.mpf(2),
  True, note="the decimal is below 3 (though it rounds to 3.0 as a double)")
N(F, it, "\\lceil 3.00000000000000001 \\rceil", "4", lambda: ceil(M.mpf("3.00000000000000001")), lambda: M.mpf(4),
  True)
N(F, it, "\\lfloor 3 - 10^{-20} \\rfloor", "2", lambda: floor(3 - T(-20)), lambda: M.mpf(2), True)
N(F, it, "\\sqrt{2}^2", "2", lambda: sqrt(2) ** 2, lambda: M.mpf(2), True)
N(F, it, "1.00000000000000000001e20", "100000000000000000000", lambda: M.mpf("1.00000000000000000001e20"),
  lambda: T(20), False, dps=80)


N(F, it, "(2^{60}+1)^2 - 2^{120} - 2^{61}", "1", lambda: (M.power(2, 60) + 1) ** 2 - M.power(2, 120) - M.power(2, 61),
  lambda: M.mpf(1), True, dps=80)
N(F, it, "\\lfloor 10^{20}/3 \\rfloor + 1", "33333333333333333333", lambda: floor(T(20) / 3) + 1,
  lambda: M.mpf("33333333333333333333"), False, dps=80)

# ---------------------------------------------------------------- J. sets
F = "set"
st = "set"
INF = M.inf


def iv(a: Any, b: Any, lc: bool = True, rc: bool = True) -> tuple[Any, ...]:
    return ("interval", a, b, lc, rc)


def pt(v: Any) -> tuple[Any, ...]:
    return ("point", v)


N(F, st, "[0, 1+10^{-15}]", "[0,1]", lambda: [iv(0, 1 + T(-15))], lambda: [iv(0, 1)], False)
N(F, st, "[0, 1.000000000000001]", "[0,1]", lambda: [iv(0, M.mpf("1.000000000000001"))], lambda: [iv(0, 1)],
  False, elem_tol="5e-16", note="a 15-place end that is not 1 rounded")
N(F, st, "[0, 1)", "[0,1]", lambda: [iv(0, 1, True, False)], lambda: [iv(0, 1)], False)
N(F, st, "(10^{-15}, 1]", "[0,1]", lambda: [iv(T(-15), 1, False)], lambda: [iv(0, 1)], False)
N(F, st, "[0, \\frac{\\pi}{4}]", "[0, \\arctan 1]", lambda: [iv(0, pi / 4)], lambda: [iv(0, M.atan(1))], True)
N(F, st, "[0, 0.7853981633974483]", "[0, \\frac{\\pi}{4}]", lambda: [iv(0, M.mpf("0.7853981633974483"))],
  lambda: [iv(0, pi / 4)], True, elem_tol="5e-17",
  note="pi/4 correctly rounded to 16 places, as the number kind accepts 3.141592653589793 for pi")
N(F, st, "[0, \\frac{\\pi}{4}+10^{-16}]", "[0, \\frac{\\pi}{4}]", lambda: [iv(0, pi / 4 + T(-16))],
  lambda: [iv(0, pi / 4)], False)
N(F, st, "\\{1/3+10^{-15}, 2\\}", "\\{1/3, 2\\}", lambda: [pt(M.mpf(1) / 3 + T(-15)), pt(2)],
  lambda: [pt(M.mpf(1) / 3), pt(2)], False)
N(F, st, "\\{10^{20}+1\\}", "\\{10^{20}\\}", lambda: [pt(T(20) + 1)], lambda: [pt(T(20))], False, dps=80)
N(F, st, "x < 10^{20}+1", "x < 10^{20}", lambda: [iv(-INF, T(20) + 1, False, False)],
  lambda: [iv(-INF, T(20), False, False)], False, dps=80)
N(F, st, "x^2 < 2", "(-\\sqrt2, \\sqrt 2)", lambda: [iv(-sqrt(2), sqrt(2), False, False)],
  lambda: [iv(-sqrt(2), sqrt(2), False, False)], True)
N(F, st, "[52, 55 - 10^{-20}]", "[52,55)", lambda: [iv(52, 55 - T(-20))], lambda: [iv(52, 55, True, False)],
  False)
N(F, st, "(-\\infty, 10^{-300})", "(-\\infty, 0)", lambda: [iv(-INF, T(-300), False, False)],
  lambda: [iv(-INF, 0, False, False)], False, dps=700)
N(F, st, "\\mathbb{R}\\setminus\\{10^{-16}\\}", "\\mathbb{R}\\setminus\\{0\\}",
  lambda: [iv(-INF, T(-16), False, False), iv(T(-16), INF, False, False)],
  lambda: [iv(-INF, 0, False, False), iv(0, INF, False, False)], False)
N(F, st, "\\{\\cos^2(1) + \\sin^2(1), 2\\}", "\\{1, 2\\}", lambda: [pt(cos(1) ** 2 + sin(1) ** 2), pt(2)],
  lambda: [pt(1), pt(2)], True)
N(F, st, "[0, \\cosh^2(5)-\\sinh^2(5)]", "[0,1]", lambda: [iv(0, cosh(5) ** 2 - sinh(5) ** 2)],
  lambda: [iv(0, 1)], True)
IS = {"variable": "x", "integer": True}
N(F, st, "52 \\le x < 55+10^{-15}", "\\{52, 53, 54\\}", lambda: [iv(52, 55 + T(-15), True, False)],
  lambda: [pt(52), pt(53), pt(54)], False, options=IS)
N(F, st, "52 - 10^{-15} \\le x < 55", "52 \\le x < 55", lambda: [iv(52 - T(-15), 55, True, False)],
  lambda: [iv(52, 55, True, False)], True, options=IS)
N(F, st, "52 \\le x \\le 54.99999999999", "52 \\le x < 55", lambda: [iv(52, M.mpf("54.99999999999"))],
  lambda: [iv(52, 55, True, False)], True, options=IS)
N(F, st, "52 \\le x \\le 55 - 10^{-20}", "52 \\le x < 55", lambda: [iv(52, 55 - T(-20))],
  lambda: [iv(52, 55, True, False)], True, options=IS)
N(F, st, "52 \\le x < 55", "\\{52, 53, 54\\}", lambda: [iv(52, 55, True, False)],
  lambda: [pt(52), pt(53), pt(54)], True, options=IS)
N(F, st, "51.9999999999999 < x < 55", "52 \\le x < 55", lambda: [iv(M.mpf("51.9999999999999"), 55, False, False)],
  lambda: [iv(52, 55, True, False)], True, options=IS)
N(F, st, "51.9999999999999 \\le x < 55", "52 \\le x < 55",
  lambda: [iv(M.mpf("51.9999999999999"), 55, True, False)], lambda: [iv(52, 55, True, False)], True, options=IS)

N(F, st, "\\{2^{60}\\}", "\\{1152921504606846977\\}", lambda: [pt(M.power(2, 60))],
  lambda: [pt(M.mpf(1152921504606846977))], False, dps=80, note="2^60 = 1152921504606846976, one less")

# ---------------------------------------------------------------- L. matrices and tuples
F = "matrix"
mx = "matrix"


def I2(a: Any = 1, b: Any = 0, c: Any = 0, d: Any = 1) -> list[Any]:
    return [a, b, c, d]


N(F, mx, "[[1,2],[3,4+10^{-14}]]", "[[1,2],[3,4]]", lambda: [1, 2, 3, 4 + T(-14)], lambda: [1, 2, 3, 4], False)
N(F, mx, "[[1,2],[3,4.00000000000001]]", "[[1,2],[3,4]]", lambda: [1, 2, 3, M.mpf("4.00000000000001")],
  lambda: [1, 2, 3, 4], False, elem_tol=[0, 0, 0, "5e-15"])
N(F, mx, "[[0.333333333333333,2],[3,4]]", "[[1/3,2],[3,4]]", lambda: [M.mpf("0.333333333333333"), 2, 3, 4],
  lambda: [M.mpf(1) / 3, 2, 3, 4], True, elem_tol=["5e-16", 0, 0, 0])
N(F, mx, "[[10^{20}+1,2],[3,4]]", "[[10^{20},2],[3,4]]", lambda: [T(20) + 1, 2, 3, 4], lambda: [T(20), 2, 3, 4],
  False, dps=80)
N(F, mx, "[[\\cos^2(1)+\\sin^2(1),0],[0,1]]", "[[1,0],[0,1]]", lambda: I2(cos(1) ** 2 + sin(1) ** 2), I2, True)
N(F, mx, "[[\\cosh^2(5)-\\sinh^2(5),0],[0,1]]", "[[1,0],[0,1]]", lambda: I2(cosh(5) ** 2 - sinh(5) ** 2), I2, True)
N(F, mx, "[[1+10^{-300},0],[0,1]]", "[[1,0],[0,1]]", lambda: I2(1 + T(-300)), I2, False, dps=700)
N(F, mx, "[[10^{-300},0],[0,1]]", "[[0,0],[0,1]]", lambda: I2(T(-300), 0, 0, 1), lambda: I2(0, 0, 0, 1), False,
  dps=700)
N(F, mx, "[[\\sin(\\pi),0],[0,1]]", "[[0,0],[0,1]]", lambda: I2(sin(pi), 0, 0, 1), lambda: I2(0, 0, 0, 1), True)
N(F, mx, "[[1/3 + 10^{-15},0],[0,1]]", "[[1/3,0],[0,1]]", lambda: I2(M.mpf(1) / 3 + T(-15)),
  lambda: I2(M.mpf(1) / 3), False)
N(F, mx, "[[2\\sin(1)\\cos(1), 0],[0,1]]", "[[\\sin(2), 0],[0,1]]", lambda: I2(2 * sin(1) * cos(1)),
  lambda: I2(sin(2)), True)

F = "tuple"
tp = "tuple"
N(F, tp, "(26, 28+10^{-15})", "(26, 28)", lambda: [26, 28 + T(-15)], lambda: [26, 28], False)
N(F, tp, "(10^{20}+1, 28)", "(10^{20}, 28)", lambda: [T(20) + 1, 28], lambda: [T(20), 28], False, dps=80)
N(F, tp, "(\\cos^2(1)+\\sin^2(1), 2)", "(1, 2)", lambda: [cos(1) ** 2 + sin(1) ** 2, 2], lambda: [1, 2], True)
N(F, tp, "(\\cosh^2(5)-\\sinh^2(5), 2)", "(1, 2)", lambda: [cosh(5) ** 2 - sinh(5) ** 2, 2], lambda: [1, 2], True)
N(F, tp, "(\\sqrt 2 ^2, 28)", "(2, 28)", lambda: [sqrt(2) ** 2, 28], lambda: [2, 28], True)
N(F, tp, "(26, 28 - 2^{-60})", "(26, 28)", lambda: [26, 28 - M.power(2, -60)], lambda: [26, 28], False)
N(F, tp, "(26, 28^{1.00000000000001})", "(26, 28)", lambda: [26, M.power(28, M.mpf("1.00000000000001"))],
  lambda: [26, 28], False)

N(F, tp, "(2^{60}, 3)", "(1152921504606846977, 3)", lambda: [M.power(2, 60), 3],
  lambda: [M.mpf(1152921504606846977), 3], False, dps=80)

# ---------------------------------------------------------------- K. equations (solution set in y)
F = "equation"
line = lambda x, y: y - (2 * x + 1)  # noqa: E731
Q(F, "y = 2x+1", "y=2x+1", line, line, True)
Q(F, "2x+1 = y", "y=2x+1", lambda x, y: 2 * x + 1 - y, line, True)
Q(F, "10^{20} y = 10^{20}(2x+1)", "y=2x+1", lambda x, y: 10**20 * y - 10**20 * (2 * x + 1), line, True)
Q(F, "10^{-20} y = 10^{-20}(2x+1)", "y=2x+1",
  lambda x, y: y / 10**20 - (2 * x + 1) / 10**20, line, True, note="the same line scaled by 1e-20")
Q(F, "y = 2x+1+10^{-15}", "y=2x+1", lambda x, y: y - (2 * x + 1) - Rat(1, 10**15), line, False)
Q(F, "y(1+10^{-15}) = 2x+1", "y=2x+1", lambda x, y: y * (1 + Rat(1, 10**15)) - (2 * x + 1), line, False)
Q(F, "(y - 2x - 1)^3 = 0", "y=2x+1", lambda x, y: (y - 2 * x - 1) ** 3, line, True)
Q(F, "y^3 = (2x+1)^3", "y=2x+1", lambda x, y: y**3 - (2 * x + 1) ** 3, line, True,
  note="real solutions only: y = 2x+1")
Q(F, "y^3 = (2x+1)^3+10^{-20}", "y=2x+1", lambda x, y: y**3 - (2 * x + 1) ** 3 - Rat(1, 10**20), line, False,
  note="y = cbrt((2x+1)^3 + 1e-20): at x = -1/2, y = 2.15e-7, not 0")
Q(F, "y^3 = (2x+1)^3 + 10^{-6}", "y=2x+1", lambda x, y: y**3 - (2 * x + 1) ** 3 - Rat(1, 10**6), line, False)
Q(F, "10^{16} + y = 10^{16} + 2x + 1", "y=2x+1", lambda x, y: 10**16 + y - (10**16 + 2 * x + 1), line, True)
Q(F, "(y-2x-1)(y - 100) = 0", "y=2x+1", lambda x, y: (y - 2 * x - 1) * (y - 100), line, False)
Q(F, "(y-2x-1)(y - 2x - 1 - 10^{-15}) = 0", "y=2x+1",
  lambda x, y: (y - 2 * x - 1) * (y - 2 * x - 1 - Rat(1, 10**15)), line, False,
  note="a second line 1e-15 above: the solution set has two points at each x")
Q(F, "y - 1 = 2x + 10^{-15}(y - 2x - 1)", "y=2x+1",
  lambda x, y: y - 1 - 2 * x - (y - 2 * x - 1) / 10**15, line, True, note="(1 - 1e-15)(y - 2x - 1) = 0: the line")
Q(F, "y = \\sqrt{(2x+1)^2}", "y=2x+1", lambda x, y: y - abs(2 * x + 1), line, False)
Q(F, "y + x^{1+10^{-14}} = 3x + 1", "y=2x+1", lambda x, y: y + x ** (1 + Rat(1, 10**14)) - 3 * x - 1, line, False,
  dom=(0.1, 2))
Q(F, "y = 2x+1 + e^{-10^{4}(x-0.3)^2}", "y=2x+1",
  lambda x, y: y - (2 * x + 1) - sympy.exp(-(10**4) * (x - Rat(3, 10)) ** 2), line, False, wit=[{"x": 0.3}],
  note="a bump of height 1 (width 0.01) at x = 0.3: y is 1 too large there")
Q(F, "y = 2x+1 + e^{-100(x-0.3)^2}", "y=2x+1",
  lambda x, y: y - (2 * x + 1) - sympy.exp(-100 * (x - Rat(3, 10)) ** 2), line, False, wit=[{"x": 0.3}])
Q(F, "y^3 = (2x+1)^3 + 10^{-12}", "y=2x+1", lambda x, y: y**3 - (2 * x + 1) ** 3 - Rat(1, 10**12), line, False,
  wit=[{"x": -0.5}], note="at x = -1/2 the student's y is 1e-4, the line's 0")
Q(F, "y^3 = (2x+1)^3 + 10^{-15}", "y=2x+1", lambda x, y: y**3 - (2 * x + 1) ** 3 - Rat(1, 10**15), line, False,
  wit=[{"x": -0.5}])
Q(F, "y = \\sqrt[3]{(2x+1)^3 + 10^{-20}}", "y=2x+1",
  lambda x, y: y - sympy.real_root((2 * x + 1) ** 3 + Rat(1, 10**20), 3), line, False, wit=[{"x": -0.5}])
Q(F, "(y - 2x - 1)^2 = 10^{-30}", "y=2x+1", lambda x, y: (y - 2 * x - 1) ** 2 - Rat(1, 10**30), line, False,
  note="two lines 1e-15 either side of y = 2x+1, neither of them the line")
Q(F, "(y-2x-1)^2 = 10^{-12}", "y=2x+1", lambda x, y: (y - 2 * x - 1) ** 2 - Rat(1, 10**12), line, False)
Q(F, "y - 2x - 1 = 10^{-300}", "y=2x+1", lambda x, y: y - 2 * x - 1 - Rat(1, 10**300), line, False, dps=700)

# ---------------------------------------------------------------- M. big-O (SymPy: the limit of f/g as n -> oo)
F = "bigo"
bo = "bigo"
BV = {"variables": ["n"]}
R = sympy.Rational
L15 = R(1, 10**15)


def BO(student: str, reference: str, fs: Meaning, fr: Meaning, intended: bool, note: str = "") -> None:
    _add(Case(_next(F), F, bo, student, reference, BV, fs, fr, intended, note))


n2 = lambda n: n**2  # noqa: E731
BO("O(n^{2+10^{-15}})", "O(n^2)", lambda n: n ** (2 + L15), n2, False)
BO("O(n^2 \\log n)", "O(n^2)", lambda n: n**2 * sympy.log(n), n2, False)
BO("O(n^{2} + 10^{-300} n^3)", "O(n^2)", lambda n: n**2 + R(1, 10**300) * n**3, n2, False,
   note="for large n the n^3 term dominates")
BO("O(10^{300} n^2)", "O(n^2)", lambda n: 10**300 * n**2, n2, True)
BO("O(n^{2.0000000001})", "O(n^2)", lambda n: n ** R("2.0000000001"), n2, False)
BO("O(2^{n})", "O(2^{n+10^{-15}})", lambda n: 2**n, lambda n: 2 ** (n + L15), True)
BO("O(2^{n(1+10^{-15})})", "O(2^{n})", lambda n: 2 ** (n * (1 + L15)), lambda n: 2**n, False)
BO("O(n^{2}\\log(n)^{10^{-15}})", "O(n^2)", lambda n: n**2 * sympy.log(n) ** L15, n2, False,
   note="grows without bound, astronomically slowly")
BO("O(n^{1.9999999999999999})", "O(n^2)", lambda n: n ** R("1.9999999999999999"), n2, False)
BO("O(n^2 + 10^{300} n)", "O(n^2)", lambda n: n**2 + 10**300 * n, n2, True)

# ---------------------------------------------------------------- N. real bank parts (reference = the part's answer)
BANK = json.loads((Path(__file__).with_name("bank_parts.json")).read_text())


def B(part: str, student: str, fs: Meaning, fr: Meaning, intended: bool, note: str = "", dps: int = 60,
      domain: dict[str, Sequence[float]] | None = None, wit: Sequence[dict[str, float]] = ()) -> None:
    p = BANK[part]
    fam = "bank"
    _add(Case(_next(fam), fam, p["kind"], student, p["answer"], p["options"], fs, fr, intended,
              f"{part}: {note}" if note else part, dps, wit, domain))


W = "csc421-2019-hw4/q2/weights"
# D and H are sizes: the question's domain is every positive whole size, wider than the sampling ranges.
DH_WIDE = {"D": [1, 5000], "H": [1, 5000], "G": [2, 5000]}
w_ref = lambda D, H, G: D * H + 2 * H**2  # noqa: E731
B(W, "D H + 2 H^{2+10^{-15}}", lambda D, H, G: D * H + 2 * M.power(H, 2 + T(-15)), w_ref, False)
B(W, "H(D + 2H)", lambda D, H, G: H * (D + 2 * H), w_ref, True)
B(W, "DH + 2H^2 + 10^{-12}", lambda D, H, G: D * H + 2 * H**2 + T(-12), w_ref, False)
B(W, "DH + H^2 + H^2 \\cos^2(10^{-8} D)", lambda D, H, G: D * H + H**2 + H**2 * cos(T(-8) * D) ** 2, w_ref, False)
B(W, "DH + 2H^2 + \\lfloor 10^{-3} D \\rfloor", lambda D, H, G: D * H + 2 * H**2 + floor(T(-3) * D), w_ref, False,
  note="0 on the sampled sizes but 1 for D >= 1000, a real input size", domain=DH_WIDE)
B(W, "DH + 2H^2 + \\cos^2(D) + \\sin^2(D) - 1", lambda D, H, G: D * H + 2 * H**2 + cos(D) ** 2 + sin(D) ** 2 - 1,
  w_ref, True)
B(W, "D H + 2 H^2 + 10^{20}(H + 10^{-20}) - 10^{20}H",
  lambda D, H, G: D * H + 2 * H**2 + T(20) * (H + T(-20)) - T(20) * H, w_ref, False, dps=100, note="one too many")
S = "csc421-2019-hw4/q2/steps"
s_ref = lambda D, H, G: 2 * G - 1  # noqa: E731
B(S, "2G - 1 + \\sin(\\pi G)", lambda D, H, G: 2 * G - 1 + sin(pi * G), s_ref, False,
  note="G is sampled as a real, so the grader may see this; for whole G it is 2G-1 -- wrong as a formula in G")
B(S, "2G - 1 + 10^{-15}G", lambda D, H, G: 2 * G - 1 + T(-15) * G, s_ref, False)
B(S, "2G - \\cos^2(G) - \\sin^2(G)", lambda D, H, G: 2 * G - cos(G) ** 2 - sin(G) ** 2, s_ref, True)
B(S, "\\log_2(2^{2G-1})", lambda D, H, G: M.log(M.power(2, 2 * G - 1), 2), s_ref, True)
B(S, "2G - 1 + 2^{-2000 G}", lambda D, H, G: 2 * G - 1 + M.power(2, -2000 * G), s_ref, False, dps=3000)
DJ = "csc421-2019-hw4/q3/det-jacobian"
dj_ref = lambda beta, D: M.power(beta, D)  # noqa: E731
B(DJ, "\\beta^{D+10^{-13}}", lambda beta, D: M.power(beta, D + T(-13)), dj_ref, False)
B(DJ, "e^{D \\ln \\beta}", lambda beta, D: e(D * ln(beta)), dj_ref, True)
B(DJ, "\\beta^{D}(1+10^{-15})", lambda beta, D: M.power(beta, D) * (1 + T(-15)), dj_ref, False)
B(DJ, "(1.0000000000001\\beta)^{D}", lambda beta, D: M.power(M.mpf("1.0000000000001") * beta, D), dj_ref, False,
  note="a 13-zero decimal factor inside the power")
B(DJ, "\\beta^{D-1}\\beta", lambda beta, D: M.power(beta, D - 1) * beta, dj_ref, True)
B(DJ, "\\prod_{k=1}^{D}\\beta", lambda beta, D: M.power(beta, D), dj_ref, True,
  note="D is whole in the question; the product is beta^D", domain={"beta": [0.1, 0.99], "D": [1, 8]})
IT = "csc421-2019-hw4/q3/inverse-theta"
it_ref = lambda theta_next, p_next, alpha, beta, gradJ: theta_next - p_next  # noqa: E731
B(IT, "\\theta^{(k+1)} - p^{(k+1)} + 10^{-15}\\alpha",
  lambda theta_next, p_next, alpha, beta, gradJ: theta_next - p_next + T(-15) * alpha, it_ref, False,
  domain={"theta_next": [-2, 2], "p_next": [-2, 2], "alpha": [0.01, 1], "beta": [0.1, 0.99], "gradJ": [-2, 2]})
B(IT, "\\theta^{(k+1)} - 1.000000000001 p^{(k+1)}",
  lambda theta_next, p_next, alpha, beta, gradJ: theta_next - M.mpf("1.000000000001") * p_next, it_ref, False,
  domain={"theta_next": [-2, 2], "p_next": [-2, 2], "alpha": [0.01, 1], "beta": [0.1, 0.99], "gradJ": [-2, 2]})
IP = "csc421-2019-hw4/q3/inverse-p"
ip_dom = {"theta_next": [-2, 2], "p_next": [-2, 2], "alpha": [0.01, 1], "beta": [0.1, 0.99], "gradJ": [-2, 2]}
ip_ref = lambda theta_next, p_next, alpha, beta, gradJ: (p_next + alpha * gradJ) / beta  # noqa: E731
B(IP, "\\frac{p^{(k+1)} + \\alpha \\nabla J(\\theta^{(k)})}{\\beta + 10^{-15}}",
  lambda theta_next, p_next, alpha, beta, gradJ: (p_next + alpha * gradJ) / (beta + T(-15)), ip_ref, False,
  domain=ip_dom)
B(IP, "\\frac{p^{(k+1)}}{\\beta} + \\frac{\\alpha}{\\beta}\\nabla J(\\theta^{(k)})",
  lambda theta_next, p_next, alpha, beta, gradJ: p_next / beta + alpha / beta * gradJ, ip_ref, True, domain=ip_dom)
B(IP, "\\frac{p^{(k+1)} + \\alpha \\nabla J(\\theta^{(k)})}{\\beta^{1.00000000000001}}",
  lambda theta_next, p_next, alpha, beta, gradJ: (p_next + alpha * gradJ) / M.power(beta, M.mpf("1.00000000000001")),
  ip_ref, False, domain=ip_dom)
BD = "nyu-dl-hw2/q1.2.1/b-dim-c"
bd_ref = lambda m, n: m  # noqa: E731
B(BD, "m + 10^{-15}n", lambda m, n: m + T(-15) * n, bd_ref, False)
B(BD, "m^{1.0000000000001}", lambda m, n: M.power(m, M.mpf("1.0000000000001")), bd_ref, False)
B(BD, "m + \\lfloor n/65 \\rfloor", lambda m, n: m + floor(n / 65), bd_ref, False,
  note="0 for n < 65 (the sampling range) but not for a layer of 65 or more units",
  domain={"m": [1, 500], "n": [1, 500]})
SP = "sutd-50039-week8/task1/sigmoid-prime"
sp_ref = lambda z: e(-z) / (1 + e(-z)) ** 2  # noqa: E731
B(SP, "\\frac{e^{-z}}{(1+e^{-z})^{2+10^{-15}}}", lambda z: e(-z) / M.power(1 + e(-z), 2 + T(-15)), sp_ref, False)
B(SP, "\\frac{1}{(1+e^{-z})(1+e^{z})}", lambda z: 1 / ((1 + e(-z)) * (1 + e(z))), sp_ref, True)
B(SP, "\\frac{1}{4\\cosh^2(z/2)}", lambda z: 1 / (4 * cosh(z / 2) ** 2), sp_ref, True)
B(SP, "\\frac{e^{z}}{(1+e^{z})^2}", lambda z: e(z) / (1 + e(z)) ** 2, sp_ref, True)
B(SP, "\\frac{1}{4}(1-\\tanh^2(z/2))", lambda z: (1 - tanh(z / 2) ** 2) / 4, sp_ref, True)
B(SP, "\\frac{e^{-z}}{(1+e^{-z})^2} + e^{-10^{4}(z-1)^2}", lambda z: sp_ref(z) + e(-T(4) * (z - 1) ** 2), sp_ref,
  False, wit=[{"z": 1}])
B(SP, "\\frac{e^{-z}}{1+2e^{-z}+e^{-2z}}", lambda z: e(-z) / (1 + 2 * e(-z) + e(-2 * z)), sp_ref, True)
B(SP, "\\frac{e^{-z}}{(1+e^{-z})^2}(1 + 10^{-16}z^2)", lambda z: sp_ref(z) * (1 + T(-16) * z**2), sp_ref, False)
B1 = "csc413-2020-hw4/q1.1.1/bound"
b1_ref = lambda n: M.power(M.mpf(1) / 4, n)  # noqa: E731
B(B1, "4^{-n}", lambda n: M.power(4, -n), b1_ref, True)
B(B1, "0.25^n", lambda n: M.power(M.mpf("0.25"), n), b1_ref, True)
B(B1, "0.2500000000001^n", lambda n: M.power(M.mpf("0.2500000000001"), n), b1_ref, False)
B(B1, "(\\frac{1}{4})^{n+10^{-14}}", lambda n: M.power(M.mpf(1) / 4, n + T(-14)), b1_ref, False)
B2 = "csc413-2020-hw4/q1.1.2/bound"
B(B2, "\\sin^2(n)+\\cos^2(n)", lambda n: sin(n) ** 2 + cos(n) ** 2, lambda n: M.mpf(1), True)
B(B2, "1 + 10^{-16}", lambda n: 1 + T(-16), lambda n: M.mpf(1), False)
B(B2, "0.99999999999999", lambda n: M.mpf("0.99999999999999"), lambda n: M.mpf(1), False)
B(B2, "10^{20}(1+10^{-20}) - 10^{20}", lambda n: T(20) * (1 + T(-20)) - T(20), lambda n: M.mpf(1), True, dps=100,
  note="exactly 1")
B(B2, "(10^{20} + 2) - 10^{20}", lambda n: (T(20) + 2) - T(20), lambda n: M.mpf(1), False, dps=100)
B3 = "csc413-2020-hw4/q1.2.1/bound"
b3_ref = lambda n: M.power(M.mpf(1) / 2, n - 1)  # noqa: E731
B(B3, "2^{1-n}", lambda n: M.power(2, 1 - n), b3_ref, True)
B(B3, "\\frac{2}{2^n}+10^{-300}", lambda n: 2 / M.power(2, n) + T(-300), b3_ref, False, dps=700)
B(B3, "2^{1-n+10^{-15}}", lambda n: M.power(2, 1 - n + T(-15)), b3_ref, False)
SM = "csc413-2020-hw4/q1.2.2/smallest"
sm_ref = lambda s_small, s_big: 1 - s_small  # noqa: E731
B(SM, "1-\\sigma_{small}^{1+10^{-15}}", lambda s_small, s_big: 1 - M.power(s_small, 1 + T(-15)), sm_ref, False)
B(SM, "\\frac{1 - \\sigma_{small}^2}{1 + \\sigma_{small}}", lambda s_small, s_big: (1 - s_small**2) / (1 + s_small),
  sm_ref, True)
LG = "csc413-2020-hw4/q1.2.2/largest"
lg_ref = lambda s_small, s_big: s_big - 1  # noqa: E731
B(LG, "\\sigma_{big}(1+10^{-15}) - 1", lambda s_small, s_big: s_big * (1 + T(-15)) - 1, lg_ref, False)
B(LG, "\\frac{\\sigma_{big}^2 - 1}{\\sigma_{big}+1}", lambda s_small, s_big: (s_big**2 - 1) / (s_big + 1), lg_ref,
  True)
DY = "csc413-2020-hw4/q1.3.1/dy-dx"
dy_dom = {"gamma": [-2, 2], "eps": [0.001, 1], "m": [2, 64], "x_i": [-2, 2], "mu": [-2, 2], "sd": [0.1, 2]}


def dy_ref(gamma: Any, eps: Any, m: Any, x_i: Any, mu: Any, sd: Any) -> Any:
    v = sd**2 + eps
    return gamma / sqrt(v) * ((m - 1) / m - (x_i - mu) ** 2 / (m * v))


B(DY, "\\frac{\\gamma}{\\sqrt{\\sigma_B^2 + \\epsilon + 10^{-15}}} \\left(\\frac{m-1}{m} - \\frac{(x_i - \\mu_B)^2}"
  "{m (\\sigma_B^2 + \\epsilon)}\\right)",
  lambda gamma, eps, m, x_i, mu, sd: gamma / sqrt(sd**2 + eps + T(-15))
  * ((m - 1) / m - (x_i - mu) ** 2 / (m * (sd**2 + eps))), dy_ref, False, domain=dy_dom)
B(DY, "\\frac{\\gamma ((m-1)(\\sigma_B^2+\\epsilon) - (x_i-\\mu_B)^2)}{m(\\sigma_B^2+\\epsilon)^{3/2}}",
  lambda gamma, eps, m, x_i, mu, sd: gamma * ((m - 1) * (sd**2 + eps) - (x_i - mu) ** 2)
  / (m * M.power(sd**2 + eps, M.mpf(3) / 2)), dy_ref, True, domain=dy_dom)
GF = "lstm-output-hw5/q1/grad-f"
gf_dom = {"c_tm1": [-2, 2], "cbar_t": [-2, 2]}
B(GF, "C_{t-1} \\nabla C_t (1 + 10^{-15})", lambda c_tm1, cbar_t: c_tm1 * cbar_t * (1 + T(-15)),
  lambda c_tm1, cbar_t: c_tm1 * cbar_t, False, domain=gf_dom)
B(GF, "\\nabla C_t \\cdot C_{t-1}", lambda c_tm1, cbar_t: cbar_t * c_tm1, lambda c_tm1, cbar_t: c_tm1 * cbar_t, True,
  domain=gf_dom)
AM = "sutd-50039-week8/task1/argmax"
am_dom = {"u": [-2, 2], "norm_u": [0.1, 3]}
B(AM, "\\frac{U^f(d)}{\\|U^f(d)\\|_2 + 10^{-15}}", lambda u, norm_u: u / (norm_u + T(-15)),
  lambda u, norm_u: u / norm_u, False, domain=am_dom)
LO = "nyu-dl-hw2/q1.3/d-initial-loss"
B(LO, "2\\ln 2", lambda: 2 * ln(2), lambda: ln(4), True)
B(LO, "\\ln 4 + 10^{-15}", lambda: ln(4) + T(-15), lambda: ln(4), True, note="within the part's rtol 0.01")
AC = "nyu-dl-hw2/q1.3/d-initial-accuracy"
IN = "sutd-50039-week8/task2/input-size"
in_ref = lambda: [iv(52, 55, True, False)]  # noqa: E731
B(IN, "52 \\le x \\le 55 - 10^{-15}", lambda: [iv(52, 55 - T(-15))], in_ref, True)
B(IN, "\\{52,53,54\\}", lambda: [pt(52), pt(53), pt(54)], in_ref, True)
B(IN, "51 + 10^{-15} \\le x < 55", lambda: [iv(51 + T(-15), 55, True, False)], in_ref, True)
B(IN, "52 \\le x < 55 + 10^{-15}", lambda: [iv(52, 55 + T(-15), True, False)], in_ref, False)


# ---------------------------------------------------------------- grader disagreements (found by running it)
def xfail_key(case: Case) -> tuple[str, str, str, str]:
    """A case's inputs (kind, student, reference, and its options without the long name tables)."""
    opts = {k: v for k, v in (case.options or {}).items() if k not in ("symbols", "forbidden")}
    return (case.kind, case.student, case.reference, json.dumps(opts, sort_keys=True))


XFAIL: dict[tuple[str, str, str, str], str] = {
    ('expression', '\\max(x, 0.1000001)', 'x', '{"variables": {"x": [0.1, 3]}}'): (
        'FALSE ACCEPT: max(x, 0.1000001) differs from x on [0.1, 0.1000001) inside the declared domain [0.1, 3]; decimals are compared only to float tolerance at the points'
    ),
    ('expression', '\\max(x, 0.10000000001)', 'x', '{"variables": {"x": [0.1, 3]}}'): (
        'FALSE ACCEPT: max(x, 0.10000000001) is not x at x = 0.1, an end of the declared domain'
    ),
    ('expression', 'x + \\lfloor 10^{-15} x \\rfloor', 'x', '{"variables": {"x": [0.1, 3]}}'): (
        "FALSE REJECT: floor(1e-15 x) is exactly 0 for 0 < x < 1e15 (the whole domain [0.1, 3] and far beyond); refused as 'a part too small to see'"
    ),
    ('expression', 'x + \\lfloor (x+2)/4.0001 \\rfloor', 'x', '{"variables": {"x": [-2, 2]}}'): (
        "FALSE REJECT (arguable: differs outside the domain): floor((x+2)/4.0001) is exactly 0 for x in [-2, 2]; refused as 'too small to see'"
    ),
    ('expression', 'x + \\max(0, x - 5)', 'x', '{"variables": {"x": [-2, 2]}}'): (
        "FALSE REJECT (arguable: differs only for x > 5, outside the declared domain [-2, 2]): max(0, x-5) is 0 on the domain; refused as 'too small to see' although it is exactly 0 there"
    ),
    ('expression', '\\sqrt{1.0000000000001}x', 'x', '{"variables": {"x": [-2, 2]}}'): (
        'FALSE ACCEPT: sqrt(1.0000000000001) x is (1 + 5e-14) x, not x; accepted (1.00000000000001 x is refused)'
    ),
    ('expression', '\\frac{1-\\cos(10^{-5}x)}{x^2}', '\\frac{2\\sin^2(10^{-5}x/2)}{x^2}', '{"variables": {"x": [-2, 2]}}'): (
        "FALSE REJECT: (1-cos(1e-5 x))/x^2 equals 2 sin^2(1e-5 x/2)/x^2 identically; refused as 'a part too small to see'"
    ),
    ('expression', '(1+x)^{100} - \\sum_{k=0}^{100}\\binom{100}{k}x^k + x', 'x', '{"variables": {"x": [-2, 2]}}'): (
        'FALSE REJECT: (1+x)^100 - sum binom(100,k) x^k + x is exactly x (binomial theorem); refused'
    ),
    ('expression', 'e^{x+800}e^{-800}', 'e^x', '{"variables": {"x": [-2, 2]}}'): (
        'FALSE REJECT: e^{x+800} e^{-800} = e^x; refused (e^800 overflows a double)'
    ),
    ('expression', '\\frac{e^{x+800}}{e^{800}}', 'e^x', '{"variables": {"x": [-2, 2]}}'): (
        "FALSE REJECT: e^{x+800}/e^{800} = e^x; refused as unreadable ('the number e^800 is too large')"
    ),
    ('expression', '\\log(e^{800 x})/800', 'x', '{"variables": {"x": [-2, 2]}}'): (
        'FALSE REJECT: log(e^{800x})/800 = x for real x; refused (overflow)'
    ),
    ('expression', '\\frac{x^{1000}}{x^{999}}', 'x', '{"variables": {"x": [-2, 2]}}'): (
        "FALSE REJECT: x^1000/x^999 = x for x != 0; refused ('they differ at x = 0.252': x^1000 underflows)"
    ),
    ('number', '2^{1.00000000000001}', '2', '{}'): (
        'FALSE ACCEPT: 2^{1.00000000000001} is an exact expression that is not 2; accepted by the 1e-11 tolerance'
    ),
    ('integer', '\\cosh^2(3)-\\sinh^2(3)', '1', '{}'): (
        "FALSE REJECT: cosh^2(3) - sinh^2(3) is exactly the whole number 1; refused with 'A whole number was expected'"
    ),
    ('set', '[0, 0.7853981633974483]', '[0, \\frac{\\pi}{4}]', '{}'): (
        'FALSE REJECT (arguable): the end 0.7853981633974483 is pi/4 correctly rounded to 16 places (the number kind accepts 3.141592653589793 for pi); the set kind refuses it'
    ),
    ('set', '[0, \\cosh^2(5)-\\sinh^2(5)]', '[0,1]', '{}'): (
        'FALSE REJECT: [0, cosh^2(5) - sinh^2(5)] is [0, 1]; refused'
    ),
    ('equation', '10^{-20} y = 10^{-20}(2x+1)', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE REJECT: 10^-20 y = 10^-20 (2x+1) is the line y = 2x+1 scaled; refused (10^20 scaling is accepted)'
    ),
    ('equation', 'y^3 = (2x+1)^3+10^{-20}', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE ACCEPT: y^3 = (2x+1)^3 + 10^-20 gives y = cbrt((2x+1)^3 + 1e-20), which at x = -1/2 is 2.15e-7, not 0; accepted'
    ),
    ('equation', '(y-2x-1)(y - 2x - 1 - 10^{-15}) = 0', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE ACCEPT: (y-2x-1)(y-2x-1-10^-15) = 0 has a second line 1e-15 above; accepted'
    ),
    ('equation', 'y - 1 = 2x + 10^{-15}(y - 2x - 1)', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE REJECT: y - 1 = 2x + 10^-15(y-2x-1) is (1-10^-15)(y-2x-1) = 0, exactly the line; refused'
    ),
    ('equation', 'y = 2x+1 + e^{-10^{4}(x-0.3)^2}', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE ACCEPT: y = 2x+1 + e^{-10^4(x-0.3)^2} is 1 higher than the line at x = 0.3 (a bump of width 0.01); accepted although the expression kind refuses the same bump'
    ),
    ('equation', 'y^3 = (2x+1)^3 + 10^{-12}', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE ACCEPT: y^3 = (2x+1)^3 + 10^-12 gives y = 1e-4 at x = -1/2 where the line has 0, a difference far above float precision; accepted'
    ),
    ('equation', 'y^3 = (2x+1)^3 + 10^{-15}', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE ACCEPT: y^3 = (2x+1)^3 + 10^-15 gives y = 1e-5 at x = -1/2; accepted'
    ),
    ('equation', '(y - 2x - 1)^2 = 10^{-30}', 'y=2x+1', '{"variables": {"x": [-2, 2], "y": [-2, 2]}}'): (
        'FALSE ACCEPT: (y-2x-1)^2 = 10^-30 is the pair of lines y = 2x+1 +- 1e-15, not y = 2x+1; accepted'
    ),
}
