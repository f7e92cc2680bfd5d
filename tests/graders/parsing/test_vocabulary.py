"""A question's vocabulary: aliases name one symbol, declared functions have derivatives,
unknown words are refused by name."""
import numpy as np
import pytest
import sympy

from graders.parsing import ParseError, Vocabulary, parse

OPTIONS = {
    "symbols": {
        "c_t": ["c^{(t)}", "c_t", "C_t", "c(t)", "c_{t}"],
        "cbar_t": [r"\overline{c^{(t)}}", r"\bar{c}_t", r"\nabla c_t"],
        "w_ix": ["w_{ix}", "W^{xi}"],
        "i_t": ["i^{(t)}", "i_t"],
    },
    "functions": {"g": {"aliases": [r"\phi"], "argument": "z", "definition": "1/(1+exp(-z))"}},
    "variables": {"lr": [0, 1], "z": [-2, 2]},
}
VOCABULARY = Vocabulary.from_options(OPTIONS)

ALIASES = [
    ("c^{(t)}", "c_t"), ("c_t", "c_t"), ("C_t", "c_t"), ("c(t)", "c_t"), ("c_{t}", "c_t"),
    ("c ^ { ( t ) }", "c_t"), (r"\overline{c^{(t)}}", "cbar_t"), (r"\bar{c}_t", "cbar_t"),
    (r"\nabla c_t", "cbar_t"), ("w_{ix}", "w_ix"), ("w_ix", "w_ix"), ("W^{xi}", "w_ix"), ("lr", "lr"),
]


@pytest.mark.parametrize(("text", "canonical"), ALIASES, ids=[row[0] for row in ALIASES])
def test_each_alias_is_one_symbol_with_its_canonical_name(text: str, canonical: str) -> None:
    assert parse(text, vocabulary=VOCABULARY).free_symbols == {canonical}


def test_aliases_inside_an_expression() -> None:
    node = parse(r"c^{(t)}(1-\tanh^2(c(t)))", vocabulary=VOCABULARY)
    c_t = sympy.Symbol("c_t")
    assert node.to_sympy() == c_t * (1 - sympy.tanh(c_t) ** 2)


@pytest.mark.parametrize(("text", "names"), [
    ("c_{t-1}", {"c_{t-1}"}), ("w_ixy", {"w_{ixy}"}), ("w_{ix}y", {"w_ix", "y"}), ("C_{t}x", {"c_t", "x"}),
], ids=["longer-subscript", "longer-bare-subscript", "braced-then-letter", "braced-single-then-letter"])
def test_alias_matches_whole_names_only(text: str, names: set[str]) -> None:
    assert parse(text, syntax="text", vocabulary=VOCABULARY).free_symbols == names


def test_latex_shows_the_spelling_the_student_used() -> None:
    assert parse(r"\nabla c_t + C_t", vocabulary=VOCABULARY).to_latex() == r"\nabla c_t + C_t"


@pytest.mark.parametrize("text", ["g'(z)", r"\phi'(z)"], ids=["name", "alias"])
def test_declared_function_derivative_matches_logistic_identity(text: str) -> None:
    points = {"z": np.linspace(-3, 3, 7)}
    derivative = parse(text, vocabulary=VOCABULARY).evaluate(points)
    identity = parse("sigma(z)*(1-sigma(z))").evaluate(points)
    np.testing.assert_allclose(derivative, identity, rtol=1e-12)


def test_declared_function_converts_to_sympy_through_its_definition() -> None:
    z = sympy.Symbol("z")
    expected = sympy.diff(1 / (1 + sympy.exp(-z)), z)
    assert sympy.simplify(parse("g'(z)", vocabulary=VOCABULARY).to_sympy() - expected) == 0


@pytest.mark.parametrize("text", ["foo", "xyz", "relu(x)", r"\mathrm{relu}(x)"],
                         ids=["foo", "three-letters", "unknown-function", "mathrm-word"])
def test_unknown_words_are_refused_by_name(text: str) -> None:
    with pytest.raises(ParseError) as refused:
        parse(text)
    assert "unknown symbol" in refused.value.message
    assert "single letters" in refused.value.message


def test_refusal_lists_the_declared_names() -> None:
    with pytest.raises(ParseError) as refused:
        parse("foo", vocabulary=VOCABULARY)
    assert "cbar_t" in refused.value.message


def test_declared_single_letters_may_run_together() -> None:
    vocabulary = Vocabulary.from_options({"variables": ["d", "k", "H", "W"]})
    assert parse("dkHW", vocabulary=vocabulary).free_symbols == {"d", "k", "H", "W"}


def test_two_undeclared_letters_are_a_product() -> None:
    assert parse("xy").to_sympy() == sympy.Symbol("x") * sympy.Symbol("y")


SUBSCRIPTED_OPTIONS = {"symbols": {"cbar_next": [r"\bar{c}_{next}"], "c_prev": [], "w_ih": [], "hbar_t": [],
                                   "x_in": [], "W_in": []}}
SUBSCRIPTED_NAMES = [
    ("cbar_next", "cbar_next", "canonical-multi-letter-core-and-subscript"),
    ("c_prev", "c_prev", "canonical-multi-letter-subscript"),
    ("c_{prev}", "c_prev", "braced-subscript"),
    ("w_ih", "w_ih", "two-letter-subscript"),
    ("hbar_t", "hbar_t", "multi-letter-core"),
    (r"\bar{c}_{next}", "cbar_next", "declared-alias"),
    (r"x_{\mathrm{in}}", "x_in", "mathrm-subscript"),
    (r"W_{\text{in}}", "W_in", "text-subscript"),
    ("x_{in}", "x_in", "braced-plain-subscript"),
    ("x_in", "x_in", "bare-plain-subscript"),
]


@pytest.mark.parametrize(("text", "canonical"), [row[:2] for row in SUBSCRIPTED_NAMES],
                         ids=[row[2] for row in SUBSCRIPTED_NAMES])
def test_declared_subscripted_names_read_as_written(text: str, canonical: str) -> None:
    vocabulary = Vocabulary.from_options(SUBSCRIPTED_OPTIONS)
    assert parse(text, vocabulary=vocabulary).free_symbols == {canonical}


def test_canonical_names_in_a_product() -> None:
    vocabulary = Vocabulary.from_options(SUBSCRIPTED_OPTIONS)
    node = parse("cbar_next*c_prev + w_ih", vocabulary=vocabulary)
    cbar_next, c_prev, w_ih = sympy.symbols("cbar_next c_prev w_ih")
    assert node.to_sympy() == cbar_next * c_prev + w_ih


def test_styled_subscript_without_vocabulary_is_the_plain_subscript() -> None:
    assert parse(r"x_{\mathrm{in}}").free_symbols == parse("x_{in}").free_symbols == {"x_{in}"}


def test_plain_multi_letter_subscript_prints_braced_in_latex() -> None:
    vocabulary = Vocabulary.from_options(SUBSCRIPTED_OPTIONS)
    assert parse("c_prev", vocabulary=vocabulary).to_latex() == "c_{prev}"


@pytest.mark.parametrize("text", ["softmax(x)", r"\operatorname{softargmax}(x)", r"\text{softmax}(x)"])
def test_vector_functions_are_refused_by_name_in_an_answer_of_numbers(text: str) -> None:
    # never read as letters, nor `\text{softmax}` dropped as prose (which left x)
    with pytest.raises(ParseError, match="is a vector function"):
        parse(text)


def test_a_function_declared_without_a_definition_is_refused_when_the_options_are_read() -> None:
    # its values at the sample points would be unknown: an answer using it once raised KeyError while graded
    with pytest.raises(ValueError, match="'f' needs a definition"):
        Vocabulary.from_options({"functions": {"f": {"argument": "x"}}})
