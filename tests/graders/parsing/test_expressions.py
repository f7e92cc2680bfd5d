"""Plain-text and LaTeX expressions read to the SymPy value a careful human grader would."""
import numpy as np
import pytest
import sympy

from graders.parsing import parse

x, y, z, n, a, b = sympy.symbols("x y z n a b")
sigma = 1 / (1 + sympy.exp(-z))


def same(left: sympy.Basic, right: sympy.Basic) -> bool:
    return sympy.simplify(left - right) == 0


TEXT = [
    ("sigma(z)*(1-sigma(z))", sigma * (1 - sigma), "logistic-product"),
    ("2x", 2 * x, "implicit-number-letter"),
    ("x^2", x**2, "caret-power"),
    ("x**2", x**2, "python-power"),
    ("(1/4)^n", sympy.Rational(1, 4) ** n, "fraction-power"),
    ("e^{-1}", sympy.exp(-1), "e-braced-exponent"),
    ("e^(-1)", sympy.exp(-1), "e-paren-exponent"),
    ("e^-1", sympy.exp(-1), "e-signed-exponent"),
    ("exp(-1)", sympy.exp(-1), "exp-call"),
    ("sqrt(x)", sympy.sqrt(x), "sqrt-call"),
    ("32*7*7*64", sympy.Integer(100352), "integer-arithmetic"),
    ("2^10", sympy.Integer(1024), "integer-power"),
    ("2.5e-3", sympy.Rational(1, 400), "scientific"),
    ("1/4", sympy.Rational(1, 4), "fraction"),
    ("1/2x", x / 2, "division-before-implicit-product"),
    ("2xy", 2 * x * y, "implicit-letters"),
    ("2(x+1)", 2 * x + 2, "number-times-group"),
    ("(a)(b)", a * b, "group-times-group"),
    ("σ(z)", sigma, "unicode-sigma"),
    ("2×x", 2 * x, "unicode-times"),
    ("2·x", 2 * x, "unicode-middle-dot"),
    ("2−x", 2 - x, "unicode-minus"),
    ("√x", sympy.sqrt(x), "unicode-root"),
    ("√(x+1)", sympy.sqrt(x + 1), "unicode-root-group"),
    ("x²", x**2, "unicode-superscript-two"),
    ("sigma'(z)", sigma * (1 - sigma), "logistic-derivative"),
    ("tanh'(x)", 1 - sympy.tanh(x) ** 2, "tanh-derivative"),
    ("ln(x)", sympy.log(x), "ln"),
    ("log(x)", sympy.log(x), "log-natural"),
    ("log_2(x)", sympy.log(x, 2), "log-base"),
    ("abs(x)", sympy.Abs(x), "abs-call"),
    ("|x|", sympy.Abs(x), "abs-bars"),
    ("2|x|+|y|", 2 * sympy.Abs(x) + sympy.Abs(y), "abs-bars-implicit"),
    ("-x^2", -(x**2), "negation-below-power"),
    ("x^-1y", y / x, "signed-exponent-then-product"),
    ("2^3^2", sympy.Integer(2**9), "power-right-associative"),
    ("nlogn", n * sympy.log(n), "letters-around-function"),
    ("sin x^2", sympy.sin(x**2), "bare-function-argument"),
    ("sigma(z)^2", sigma**2, "call-then-power"),
    ("10!", sympy.factorial(10), "factorial"),
    ("pi*x", sympy.pi * x, "pi"),
    ("alpha+theta", sympy.Symbol("alpha") + sympy.Symbol("theta"), "greek-words"),
    ("x_1 + w_ix", sympy.Symbol("x_1") + sympy.Symbol("w_{ix}"), "subscripts"),
    ("$x^2$", x**2, "math-delimiters"),
]

LATEX = [
    (r"\frac{e^{-z}}{(1+e^{-z})^2}", sympy.exp(-z) / (1 + sympy.exp(-z)) ** 2, "frac-logistic-derivative"),
    (r"\sigma'(z)", sigma * (1 - sigma), "sigma-prime"),
    (r"\sigma(z)(1-\sigma(z))", sigma * (1 - sigma), "sigma-product"),
    (r"\tanh^2(x)", sympy.tanh(x) ** 2, "function-power"),
    (r"\tanh^{2}\left(x\right)", sympy.tanh(x) ** 2, "function-braced-power"),
    (r"\left( x + 1 \right)^2", (x + 1) ** 2, "left-right"),
    (r"a \cdot b", a * b, "cdot"),
    (r"a \times b", a * b, "times"),
    (r"\dfrac{1}{2}", sympy.Rational(1, 2), "dfrac"),
    (r"\sqrt{x}", sympy.sqrt(x), "sqrt"),
    (r"\sqrt[3]{x}", sympy.root(x, 3), "cube-root"),
    (r"x^{2}", x**2, "braced-power"),
    (r"\exp(x)", sympy.exp(x), "exp"),
    (r"\ln x", sympy.log(x), "ln-bare"),
    (r"\mathrm{e}^{x}", sympy.exp(x), "mathrm-e"),
    (r"a\,b", a * b, "thin-space"),
    (r"\operatorname{tanh}(x)", sympy.tanh(x), "operatorname"),
    (r"a \circ b", a * b, "circ"),
    (r"a \odot b", a * b, "odot"),
    (r"a \otimes b", a * b, "otimes"),
    (r"a \oplus b", a + b, "oplus"),
    (r"\mathbf{W} x", sympy.Symbol("W") * x, "mathbf"),
    (r"\alpha \beta", sympy.Symbol("alpha") * sympy.Symbol("beta"), "greek-commands"),
    (r"\left|x\right|", sympy.Abs(x), "left-right-bars"),
    (r"\frac{1}{2x}", 1 / (2 * x), "frac-of-product"),
    (r"\tanh'(x)", 1 - sympy.tanh(x) ** 2, "tanh-prime"),
    (r"\log_{2} x", sympy.log(x, 2), "log-base"),
    (r"a \times \left[\frac{x - 3}{2} + 1\right]", a * ((x - 3) / 2 + 1), "left-right-square-brackets"),
    ("2[x+1]", 2 * x + 2, "square-brackets-group"),
    (r"a\left[x+1\right]", a * (x + 1), "sized-square-brackets-after-a-name"),
    (r"\left(x\right)|y|", x * sympy.Abs(y), "bars-after-a-sized-parenthesis"),
    (r"\frac{x}{\|x\|_2}", x / sympy.Abs(x), "two-norm-of-a-number"),
    ("x/||x||_2^2", x / sympy.Abs(x) ** 2, "double-bar-norm-squared"),
    (r"\|x\|_{\infty}", sympy.Abs(x), "max-norm"),
    (r"x^2 \tag{1.3}", x**2, "equation-number-ignored"),
]


@pytest.mark.parametrize(("text", "expected"), [row[:2] for row in TEXT], ids=[row[2] for row in TEXT])
def test_plain_text_reads_as_expected(text: str, expected: sympy.Basic) -> None:
    assert same(parse(text, syntax="text").to_sympy(), expected)


@pytest.mark.parametrize(("text", "expected"), [row[:2] for row in LATEX], ids=[row[2] for row in LATEX])
def test_latex_reads_as_expected(text: str, expected: sympy.Basic) -> None:
    assert same(parse(text).to_sympy(), expected)


NAMES = [
    (r"h^{(t-1)}", "h^{(t-1)}", "parenthesised-superscript"),
    (r"c^{(t)}", "c^{(t)}", "step-superscript"),
    (r"W^{hf}", "W^{hf}", "letters-superscript"),
    (r"W^f", "W^f", "capital-with-letter-superscript"),
    (r"W_0^f", "W_0^f", "subscript-then-superscript"),
    (r"x_{t}", "x_t", "braced-single-subscript"),
    (r"w_{ix}", "w_{ix}", "braced-subscript"),
    (r"\overline{c^{(t)}}", r"\bar{c^{(t)}}", "overline"),
    (r"\bar{x}", r"\bar{x}", "bar"),
    (r"\tilde{C}_t", r"\tilde{C}_t", "tilde-then-subscript"),
    (r"\nabla C_t", r"\nabla C_t", "nabla"),
    (r"\mathbf{W}_x", "W_x", "bold-then-subscript"),
    (r"\sigma_{max}", "sigma_{max}", "subscripted-sigma"),
    (r"\mathcal{L}", r"\mathcal{L}", "calligraphic-letter"),
    (r"\sigma_i", "sigma_i", "sigma-with-index"),
    (r"x_{\mathrm{in}}", "x_{in}", "mathrm-subscript"),
]


@pytest.mark.parametrize(("text", "name"), [row[:2] for row in NAMES], ids=[row[2] for row in NAMES])
def test_course_notation_is_one_symbol(text: str, name: str) -> None:
    node = parse(text)
    assert node.free_symbols == {name}
    assert node.to_sympy() == sympy.Symbol(name)


def test_lowercase_letter_superscript_is_a_power() -> None:
    assert parse("x^n").to_sympy() == x**n


def test_superscript_in_bigo_is_a_power() -> None:
    node = parse("O(N^k)", target="bigo")
    assert node.to_sympy() == sympy.Symbol("N") ** sympy.Symbol("k")


def test_lstm_cell_gradient_reads_with_names_as_symbols() -> None:
    node = parse(r"o^{(t)}(1-\tanh^2(c^{(t)}))")
    o_t, c_t = sympy.Symbol("o^{(t)}"), sympy.Symbol("c^{(t)}")
    assert same(node.to_sympy(), o_t * (1 - sympy.tanh(c_t) ** 2))


@pytest.mark.parametrize("text", [row[0] for row in TEXT + LATEX], ids=[row[2] for row in TEXT + LATEX])
def test_numpy_value_equals_sympy_value(text: str) -> None:
    node = parse(text)
    names = sorted(node.free_symbols)
    points = np.random.default_rng(7).uniform(0.2, 1.8, size=(len(names), 5))
    env = dict(zip(names, points, strict=True))
    fast = np.broadcast_to(node.evaluate(env), (5,))
    exact = sympy.lambdify([sympy.Symbol(name) for name in names], node.to_sympy(), "numpy")(*points)
    np.testing.assert_allclose(fast, np.broadcast_to(exact, (5,)), rtol=1e-9)


def test_sigma_without_subscript_stays_the_logistic_function() -> None:
    node = parse(r"\sigma_i \sigma(z)")
    assert same(node.to_sympy(), sympy.Symbol("sigma_i") * sigma)


def test_square_bracket_after_a_name_is_refused_as_an_index() -> None:
    from graders.parsing import ParseError
    with pytest.raises(ParseError, match="index"):
        parse("h[t]")
