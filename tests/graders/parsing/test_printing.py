"""`interpreted` LaTeX shows what was READ, and plain text is canonical."""
import pytest

from graders.parsing import detect_syntax, parse

LATEX = [
    ("1/2x", r"\frac{1}{2} x", "division-then-product"),
    (r"\frac{1}{2x}", r"\frac{1}{2 x}", "frac-of-product"),
    ("sigma(z)*(1-sigma(z))", r"\sigma\left(z\right) \cdot \left(1 - \sigma\left(z\right)\right)", "explicit-product"),
    (r"\sigma(z)(1-\sigma(z))", r"\sigma\left(z\right) \left(1 - \sigma\left(z\right)\right)", "implicit-product"),
    ("(1/4)^n", r"\left(\frac{1}{4}\right)^{n}", "parenthesised-base"),
    ("2.5e-3", r"2.5 \cdot 10^{-3}", "scientific"),
    ("a - (b + c)", r"a - \left(b + c\right)", "subtracted-sum"),
    ("2*3", r"2 \cdot 3", "numbers-keep-a-dot"),
    (r"a \odot b", r"a \odot b", "operator-as-written"),
    ("tanh'(x)", r"\tanh'\left(x\right)", "derivative"),
    (r"\tanh^2(x)", r"\tanh^{2}\left(x\right)", "function-power"),
    (r"W^{hf} x", r"W^{hf} x", "name-superscript"),
    ("(W^{hf})^2", r"\left(W^{hf}\right)^{2}", "power-of-name-with-superscript"),
    ("|x|", r"\left|x\right|", "abs"),
    ("sqrt(x)", r"\sqrt{x}", "sqrt-call"),
    ("alpha_1", r"\alpha_1", "greek-subscript"),
    ("-x y", r"-x y", "negated-product"),
]


@pytest.mark.parametrize(("text", "latex"), [row[:2] for row in LATEX], ids=[row[2] for row in LATEX])
def test_latex_shows_what_was_read(text: str, latex: str) -> None:
    assert parse(text).to_latex() == latex


TEXT = [
    (r"\frac{1}{2x}", "1/(2*x)", "frac"),
    (r"\sigma'(z)", "sigma'(z)", "derivative"),
    (r"e^{-z}", "e^(-z)", "exponent-in-parentheses"),
    (r"\tanh^2(x)", "tanh(x)^2", "function-power"),
    ("2xy", "2*x*y", "implicit-product"),
]


@pytest.mark.parametrize(("text", "plain"), [row[:2] for row in TEXT], ids=[row[2] for row in TEXT])
def test_plain_text_is_canonical(text: str, plain: str) -> None:
    assert parse(text).to_text() == plain


TARGETS = [
    ("9x13", "tuple", r"\left(9, 13\right)", "(9, 13)"),
    (r"[52,55) \cup {60}", "set", r"\left[52, 55\right) \cup \left\{60\right\}", "[52, 55) ∪ {60}"),
    ("x >= 52 and x < 55", "set", r"x \ge 52 \text{ and } x < 55", "x >= 52 and x < 55"),
    ("52 <= x < 55", "set", r"52 \le x < 55", "52 <= x < 55"),
    (r"\emptyset", "set", r"\emptyset", "{}"),
    ("[[1,2],[3,4]]", "matrix", r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "[[1, 2], [3, 4]]"),
    ("y = 2x", "equation", "y = 2 x", "y = 2*x"),
    (r"\Theta(n log n)", "bigo", r"\Theta\left(n \log\left(n\right)\right)", "Theta(n*log(n))"),
]


@pytest.mark.parametrize(("text", "target", "latex", "plain"), TARGETS, ids=[row[1] + "-" + row[0] for row in TARGETS])
def test_each_target_prints_in_both_forms(text: str, target: str, latex: str, plain: str) -> None:
    node = parse(text, target=target)
    assert (node.to_latex(), node.to_text()) == (latex, plain)


@pytest.mark.parametrize(("text", "syntax"), [
    (r"\frac{1}{2}", "latex"), ("x^2", "text"), ("e^{-1}", "text"), ("σ(z)", "text"),
], ids=["command", "caret", "braces-without-command", "unicode"])
def test_detect_syntax(text: str, syntax: str) -> None:
    assert detect_syntax(text) == syntax


@pytest.mark.parametrize("text", [row[0] for row in LATEX], ids=[row[2] for row in LATEX])
def test_printed_latex_reads_back_to_the_same_value(text: str) -> None:
    node = parse(text)
    assert parse(node.to_latex()).to_sympy() == node.to_sympy()


ROUND_TRIPS = [
    ("9x13", "tuple"), (r"[52,55) \cup {60} \cup (70, 80]", "set"), (r"(x \ge 52) \text{ and } (x < 55)", "set"),
    ("52 <= x < 55", "set"), (r"\emptyset", "set"), (r"\mathbb{R}", "set"), ("[[1,2],[3,4]]", "matrix"),
    ("y = 2x", "equation"), (r"\Theta(n log n)", "bigo"), (r"\frac{e^{-z}}{(1+e^{-z})^2}", "expression"),
]


@pytest.mark.parametrize(("text", "target"), ROUND_TRIPS, ids=[row[1] + "-" + row[0] for row in ROUND_TRIPS])
def test_plain_text_and_latex_read_back_as_the_same_answer(text: str, target: str) -> None:
    node = parse(text, target=target)
    assert parse(node.to_text(), target=target).to_sympy() == node.to_sympy()
    assert parse(node.to_latex(), target=target).to_sympy() == node.to_sympy()
