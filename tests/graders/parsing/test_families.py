"""The families of spellings students write (issue 10): each a table of accepted spellings and refusals."""
import math

import pytest
import sympy

from graders.parsing import ParseError, parse

x, y, b, n = sympy.symbols("x y b n")


def value(text: str, target: str = "expression") -> sympy.Basic:
    return parse(text, target=target).to_sympy()


def equal(left: sympy.Basic, right: sympy.Basic) -> bool:
    return sympy.simplify(left - right) == 0


FORMS = [
    ("N = 5", 5, "label-equals"),
    ("32*7*7*64 = 100352", 100352, "arithmetic-equals-result"),
    ("x^2 = x*x = x^2", x**2, "chain-all-equal"),
    (r"\sigma_B = 3", 3, "greek-label"),
    (r"\frac{\partial L}{\partial z} = x^2", x**2, "partial-derivative-label"),
    (r"\dfrac{dy}{dx} = 2x", 2 * x, "derivative-label"),
    ("dL/dz = 2x", 2 * x, "text-derivative-label"),
    ("B(n) = 1", 1, "function-label"),
    (r"\partial L / \partial z = 2x", 2 * x, "slashed-partial-label"),
    (r"\det \partial \mathbf{s}^{(k+1)} / \partial \mathbf{s}^{(k)} = x^2", x**2, "jacobian-determinant-label"),
    ("f(x, y) = x y", x * y, "two-argument-label"),
    (r"x \approx 0.33", sympy.Rational(33, 100), "approx"),
    (r"\frac{1}{3} \approx 0.33", sympy.Rational(33, 100), "value-approx-rounded"),
    (r"\approx 0.33", sympy.Rational(33, 100), "leading-approx"),
    ("= 5", 5, "leading-equals"),
    (r"\boxed{5}", 5, "boxed"),
    (r"\boxed{\frac{1}{2}}", sympy.Rational(1, 2), "boxed-fraction"),
    ("$x^2$", x**2, "dollars"),
    ("$$x^2$$", x**2, "double-dollars"),
    (r"\(x^2\)", x**2, "paren-delimiters"),
    ("The answer is $5$.", 5, "sentence-around-maths"),
    ("x^2.", x**2, "full-stop"),
    ("5;", 5, "semicolon"),
    (r"5 \text{ cm}", 5, "unit-after"),
    (r"100352 \text{ parameters}", 100352, "noun-after"),
    (r"\frac{1}{2} \text{ m/s}.", sympy.Rational(1, 2), "unit-and-full-stop"),
    (r"26\ \mathrm{cm}", 26, "upright-unit-after"),
    (r"\mathrm{d} x", sympy.Symbol("d") * x, "upright-letter-is-a-name"),
    (r"\text{The answer is } 5", 5, "prose-before"),
    (r"\text{x}", x, "text-letter"),
    (r"\frac13", sympy.Rational(1, 3), "frac-digits"),
    (r"\frac1x", 1 / x, "frac-digit-letter"),
    (r"\dfrac{1}{2}", sympy.Rational(1, 2), "dfrac"),
    (r"\tfrac{1}{2}", sympy.Rational(1, 2), "tfrac"),
    (r"\cfrac{1}{x}", 1 / x, "cfrac"),
    (r"\left[ x + 1 \right]", x + 1, "left-right-square"),
    (r"\bigg( x \bigg)", x, "bigg-paren"),
    (r"\Big| x \Big|", sympy.Abs(x), "Big-bars"),
    (r"\Bigl( x \Bigr)", x, "Bigl-Bigr"),
]


@pytest.mark.parametrize(("text", "expected"), [row[:2] for row in FORMS], ids=[row[2] for row in FORMS])
def test_forms_around_the_answer_read_the_answer(text: str, expected: object) -> None:
    assert equal(value(text), sympy.sympify(expected))


FORM_REFUSALS = [
    ("a = 2 = 3", "not equal", "chain-unequal"),
    ("x + 1 = 2", "not equal", "lhs-not-a-label-and-unequal"),
    ("x = 2x + 1", "not equal", "label-used-on-the-right"),
    ("f(x) = f(x) + 1", "not equal", "function-label-used-on-the-right"),
    (r"\frac{1}{3} = 0.33", "not equal", "rounded-with-equals"),
    (r"\text{The answer is not } 5", "changes what the answer says", "negation-prose"),
    (r"5 \text{ apples} + 3", "words inside the answer", "prose-inside"),
    (r"\text{at least } 5", "changes what the answer says", "bound-prose"),
    (r"5 \text{ squared}", "changes what the answer says", "operation-prose"),
    (r"5 \text{ thousand}", "changes what the answer says", "scale-prose"),
    (r"5 \text{ or } 6", "changes what the answer says", "alternative-prose"),
    (r"5\,\mathrm{thousand}", "changes what the answer says", "upright-scale-word"),
    ("The answer is at least $5$.", "unknown symbol", "bound-sentence"),
    ("The answer is not $5$.", "unknown symbol", "negated-sentence"),
]


@pytest.mark.parametrize(("text", "reason"), [row[:2] for row in FORM_REFUSALS], ids=[row[2] for row in FORM_REFUSALS])
def test_forms_that_could_hide_a_wrong_answer_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse(text)


NUMBERS = [
    ("65,536", 65536, "comma-thousands"),
    ("2{,}508{,}800", 2508800, "latex-braced-comma"),
    ("1 000", 1000, "space-thousands"),
    (r"1\,000", 1000, "thin-space-thousands"),
    ("1,234,567.5", 1234567.5, "thousands-and-decimals"),
    ("25 %", 0.25, "percent"),
    (r"25\%", 0.25, "latex-percent"),
    (r"1.2 \times 10^{-3}", 1.2e-3, "times-ten-power"),
    (r"1.2 \cdot 10^{-3}", 1.2e-3, "cdot-ten-power"),
    ("1.2e-3", 1.2e-3, "e-notation"),
    ("1.2E-3", 1.2e-3, "capital-e-notation"),
    ("1.2*10^-3", 1.2e-3, "star-ten-power"),
    ("1.2×10⁻³".replace("⁻³", "^{-3}"), 1.2e-3, "unicode-times-ten-power"),
]


@pytest.mark.parametrize(("text", "expected"), [row[:2] for row in NUMBERS], ids=[row[2] for row in NUMBERS])
def test_numbers_in_every_spelling(text: str, expected: float) -> None:
    assert math.isclose(float(value(text)), expected, rel_tol=1e-12)


NUMBER_REFUSALS = [
    ("1,2", "unexpected ','", "comma-not-thousands"),
    ("65,53", "unexpected ','", "short-group"),
    ("1 00", "write \\* between numbers", "space-short-group"),
    (r"\frac0.5", "one digit per argument", "frac-digit-then-point"),
    (r"\frac.51", "one digit per argument", "frac-point-first"),
]


@pytest.mark.parametrize(("text", "reason"), [row[:2] for row in NUMBER_REFUSALS], ids=[row[2] for row in NUMBER_REFUSALS])
def test_ambiguous_numbers_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse(text)


def test_thousands_separators_are_not_read_inside_arguments_or_tuples() -> None:
    assert value("max(1,000)") == 1
    assert value("65,536", target="tuple") == sympy.Tuple(65, 536)


FUNCTIONS = [
    (r"\sec x", sympy.sec(x)), (r"\csc(x)", sympy.csc(x)), (r"\cot x", sympy.cot(x)),
    ("sech(x)", sympy.sech(x)), (r"\operatorname{csch}(x)", sympy.csch(x)), (r"\coth x", sympy.coth(x)),
    ("arcsin(x)", sympy.asin(x)), ("asin(x)", sympy.asin(x)), (r"\arccos x", sympy.acos(x)),
    ("atan(x)", sympy.atan(x)), ("arcsec(x)", sympy.asec(x)), ("acot(x)", sympy.acot(x)),
    ("arsinh(x)", sympy.asinh(x)), ("asinh(x)", sympy.asinh(x)), (r"\operatorname{arcosh}(x)", sympy.acosh(x)),
    ("artanh(x)", sympy.atanh(x)),
    ("log(x, 10)", sympy.log(x, 10)), ("log(x, b)", sympy.log(x, b)), (r"\log_{2} x", sympy.log(x, 2)),
    (r"\log_2(8)", 3), ("log_b(x)", sympy.log(x, b)), (r"\lg 100", 2), (r"\ln x", sympy.log(x)),
    (r"\exp(x)", sympy.exp(x)), ("floor(x)", sympy.floor(x)), ("ceil(x)", sympy.ceiling(x)),
    ("ceiling(x)", sympy.ceiling(x)), (r"\lfloor x \rfloor", sympy.floor(x)),
    (r"\left\lceil x \right\rceil", sympy.ceiling(x)), ("max(x, y)", sympy.Max(x, y)),
    (r"\max(1, x, 3)", sympy.Max(3, x)), (r"\min(x,y)", sympy.Min(x, y)), ("abs(x)", sympy.Abs(x)),
    ("sign(x)", sympy.sign(x)), ("sgn(x)", sympy.sign(x)), (r"\|x\|", sympy.Abs(x)),
    (r"\lVert x \rVert", sympy.Abs(x)), (r"\lvert x \rvert", sympy.Abs(x)),
    (r"\tanh^2(x)", sympy.tanh(x) ** 2), ("sec'(x)", sympy.sec(x) * sympy.tan(x)),
    # inverse-function notation is the inverse, never the reciprocal
    (r"\sin^{-1}(x)", sympy.asin(x)), (r"\cos^{-1} x", sympy.acos(x)), (r"\tan^{-1} x", sympy.atan(x)),
    (r"\sinh^{-1} x", sympy.asinh(x)), (r"\tanh^{-1}(x)", sympy.atanh(x)), (r"\sigma^{-1}(x)", 1 + sympy.exp(-x)),
    # SymPy's own spellings, as references copied from SymPy use them
    ("Abs(x)", sympy.Abs(x)), ("Max(x, 0)", sympy.Max(x, 0)), ("Min(x, 0)", sympy.Min(x, 0)),
    (r"\max\{0, x\}", sympy.Max(x, 0)), (r"\min\{x, y, 1\}", sympy.Min(x, y, 1)),
    # an argument without brackets: a fraction, and a number with the names right after it (TeX's convention)
    (r"\ln\frac{1}{4}", -sympy.log(4)), (r"\sin\frac{\pi}{6}", sympy.Rational(1, 2)), (r"\cos 2x", sympy.cos(2 * x)),
    (r"\sin 2\pi x", sympy.sin(2 * sympy.pi * x)), (r"\sin x \cos 2x", sympy.sin(x) * sympy.cos(2 * x)),
    (r"\binom{10}{3}", 120), (r"\dbinom{n}{2}", sympy.binomial(n, 2)), ("binom(5, 2)", 10), (r"\binom52", 10),
    (r"\cos 2x + 1", sympy.cos(2 * x) + 1), (r"\ln|x|", sympy.log(sympy.Abs(x))), (r"2\ln |x| + 1", 2 * sympy.log(sympy.Abs(x)) + 1),
]


@pytest.mark.parametrize(("text", "expected"), FUNCTIONS, ids=[row[0] for row in FUNCTIONS])
def test_functions_in_every_spelling(text: str, expected: object) -> None:
    assert equal(value(text), sympy.sympify(expected))


@pytest.mark.parametrize("text", [r"\sec x", "sech(x)", "arcsec(x)", "acot(x)", "log(x, 3)", "max(x, 1)", "sign(x)",
                                  r"\binom{x + 3}{2}"])
def test_numpy_and_sympy_forms_of_each_function_agree(text: str) -> None:
    node = parse(text)
    for point in (1.3, 1.9, 2.6):
        numeric = complex(node.evaluate({"x": point}))
        exact = complex(node.to_sympy().subs(x, point).evalf())
        assert math.isclose(numeric.real, exact.real, rel_tol=1e-9, abs_tol=1e-12)


FUNCTION_REFUSALS = [
    ("max()", "unexpected", "max-without-arguments"),
    ("sin(x, y)", "takes 1 argument", "sin-two-arguments"),
    ("log(x, 2, 3)", "takes 1 to 2 arguments", "log-three-arguments"),
    ("max'(x)", "derivative of max", "max-derivative"),
    ("binom(5)", "takes 2 arguments", "binom-one-argument"),
    (r"\lfloor x \rceil", "unexpected", "mismatched-floor"),
]


@pytest.mark.parametrize(("text", "reason"), [row[:2] for row in FUNCTION_REFUSALS],
                         ids=[row[2] for row in FUNCTION_REFUSALS])
def test_misused_functions_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse(text)


ERROR_KINDS = [
    ("x" * 3000, "LimitExceeded", "too-long"),
    ("2^2000", "LimitExceeded", "exponent"),
    ("foo", "UnknownSymbol", "unknown-word"),
    (r"\frobnicate x", "Unsupported", "unknown-command"),
    ("x +* 2", "Unexpected", "grammar"),
]


@pytest.mark.parametrize(("text", "kind"), [row[:2] for row in ERROR_KINDS], ids=[row[2] for row in ERROR_KINDS])
def test_refusals_are_typed_and_keep_the_caret(text: str, kind: str) -> None:
    import graders.parsing as parsing

    with pytest.raises(getattr(parsing, kind)) as refused:
        parse(text)
    assert isinstance(refused.value, ParseError) and "^" in str(refused.value)
