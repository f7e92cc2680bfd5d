"""Expressions: every reasonable spelling of a right answer is accepted, every wrong one refused."""

import numpy as np
import pytest

from graders import grade, interpret

SIGMOID_DERIVATIVE = r"\frac{e^{-z}}{(1+e^{-z})^2}"
LSTM = {
    "symbols": {
        "c_t": ["c^{(t)}", "c_t", "C_t", "c(t)", "c_{t}"],
        "o_t": ["o^{(t)}", "o_t"],
        "hbar_t": ["\\overline{h^{(t)}}", "\\nabla h_t"],
        "cbar_t": ["\\overline{c^{(t)}}", "\\bar{c}_t", "\\nabla c_t", "\\nabla C_t"],
    }
}


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("sigma(z)*(1-sigma(z))", id="text-product"),
        pytest.param(r"\sigma(z)(1-\sigma(z))", id="latex-implicit-product"),
        pytest.param(r"\sigma'(z)", id="latex-derivative"),
        pytest.param("sigma'(z)", id="text-derivative"),
        pytest.param("σ(z)(1-σ(z))", id="unicode-sigma"),
        pytest.param(SIGMOID_DERIVATIVE, id="latex-fraction"),
        pytest.param("exp(-z)/(1+exp(-z))^2", id="text-exp"),
        pytest.param("1/(1+e^(-z)) - 1/(1+e^(-z))^2", id="expanded"),
    ],
)
def test_sigmoid_derivative_is_accepted_in_every_spelling(student: str) -> None:
    assert grade("expression", student, SIGMOID_DERIVATIVE).correct is True


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("sigma(z)", id="no-derivative"),
        pytest.param("sigma(z)*(1+sigma(z))", id="wrong-sign-inside"),
        pytest.param("e^{-z}/(1+e^{-z})", id="missing-square"),
        pytest.param("z", id="unrelated"),
    ],
)
def test_wrong_sigmoid_derivatives_are_refused(student: str) -> None:
    result = grade("expression", student, SIGMOID_DERIVATIVE)
    assert (result.correct, result.score, result.error) == (False, 0.0, None)


@pytest.mark.parametrize(
    "student",
    [
        pytest.param(r"o^{(t)}(1-\tanh^2(c^{(t)}))", id="latex-superscript-names"),
        pytest.param("o_t*(1-tanh(c_t)^2)", id="text-subscripts"),
        pytest.param(r"o_t (1 - \tanh^{2}(C_t))", id="capital-alias"),
        pytest.param("o_t*(1-tanh(c(t))^2)", id="call-alias"),
        pytest.param(r"o_{t}\left(1-\tanh\left(c_{t}\right)^{2}\right)", id="braced-subscripts"),
    ],
)
def test_course_notation_names_are_symbols_not_powers(student: str) -> None:
    assert grade("expression", student, "o_t*(1-tanh(c_t)^2)", options=LSTM).correct is True


def test_squaring_the_wrong_factor_is_refused_in_course_notation() -> None:
    assert grade("expression", "o_t*(1-tanh(c_t))^2", "o_t*(1-tanh(c_t)^2)", options=LSTM).correct is False


def test_a_symbol_outside_the_declared_vocabulary_is_an_error_naming_it() -> None:
    result = grade("expression", "o_t + q_t", "o_t", options=LSTM)
    assert result.error is not None and "q_t" in result.error and result.score == 0


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param("2x", "x+x", id="implicit-product"),
        pytest.param("x^2", "x*x", id="power"),
        pytest.param("(1/4)^n", "4^(-n)", id="fraction-power"),
        pytest.param(r"\frac{1}{2}x", "x/2", id="half-x"),
        pytest.param("sqrt(x^2)", "abs(x)", id="sqrt-of-square"),
        pytest.param(r"1-\tanh^2(x)", "1/cosh(x)^2", id="tanh-identity"),
    ],
)
def test_equivalent_forms_are_accepted(student: str, reference: str) -> None:
    assert grade("expression", student, reference).correct is True


def test_a_sympy_reference_is_compared_like_a_text_one() -> None:
    import sympy

    z = sympy.Symbol("z")
    assert grade("expression", "sigma(z)(1-sigma(z))", sympy.exp(-z) / (1 + sympy.exp(-z)) ** 2).correct is True


def test_consistent_samples_make_intermediate_quantities_count() -> None:
    z = np.random.default_rng(1).normal(size=8)
    options = {
        "symbols": {"i_t": ["i^{(t)}", "i_t"], "z_i": ["z_i"]},
        "samples": {"i_t": (1 / (1 + np.exp(-z))).tolist(), "z_i": z.tolist()},
    }
    assert grade("expression", r"i^{(t)}(1-i^{(t)})", "sigma'(z_i)", options=options).correct is True
    assert grade("expression", r"i^{(t)}(1+i^{(t)})", "sigma'(z_i)", options=options).correct is False


def test_without_samples_intermediate_quantities_are_independent_symbols() -> None:
    options = {"symbols": {"i_t": ["i_t"], "z_i": ["z_i"]}}
    assert grade("expression", "i_t*(1-i_t)", "sigma'(z_i)", options=options).correct is False


@pytest.mark.parametrize(("student", "correct"), [("x", True), ("2x", False)], ids=["equal", "different"])
def test_sympy_decides_where_the_reference_is_undefined_at_every_sample_point(student: str, correct: bool) -> None:
    options = {"variables": {"x": [-3, -1]}}
    assert grade("expression", student, "sqrt(x)^2", options=options).correct is correct


@pytest.mark.parametrize(
    ("student", "hint"),
    [
        pytest.param("-x^2", "sign", id="sign"),
        pytest.param("3x^2", "constant factor", id="factor"),
        pytest.param("x^3", "differ at x =", id="witness-point"),
    ],
)
def test_wrong_answers_get_a_hint_that_hides_the_reference(student: str, hint: str) -> None:
    result = grade("expression", student, "x^2")
    assert hint in result.feedback and "x^2" not in result.feedback


def test_reveal_answer_shows_the_reference() -> None:
    result = grade("expression", "x^3", "x^2", options={"reveal_answer": True})
    assert "x^2" in result.feedback


def test_interpretation_shows_how_the_answer_was_read() -> None:
    assert interpret("expression", "1/2x").latex == r"\frac{1}{2} x"


def test_unreadable_answer_has_a_caret_and_no_interpretation() -> None:
    result = grade("expression", "x +* 2", "x")
    assert result.interpreted is None and "^" in result.error and result.correct is False


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param("log(x^2)", "2*log(x)", id="log-of-square-defined-for-negative-x"),
        pytest.param(r"\sqrt{x^2+x}", "sqrt(x)*sqrt(x+1)", id="root-of-product-defined-below-minus-one"),
        pytest.param("log(abs(x))", "log(x)", id="log-abs-defined-for-negative-x"),
    ],
)
def test_an_answer_defined_where_the_reference_is_not_is_another_function(student: str, reference: str) -> None:
    result = grade("expression", student, reference)
    assert result.correct is False and result.score < 1


LOWER_BOUND = {"symbols": {"s": [r"\sigma_{small}"]}, "variables": {"s": [0.01, 0.5]}, "bound": "lower"}


@pytest.mark.parametrize("student", [r"1 - \sigma_{small}", r"\sigma_{\min} \geq 1 - \sigma_{small}",
                                     r"1 - \sigma_{small} \leq \sigma_{\min}", r"\sigma_{\min} = 1 - \sigma_{small}"])
def test_a_lower_bound_may_be_stated_as_one(student: str) -> None:
    assert grade("expression", student, "1 - s", options=LOWER_BOUND).correct is True


@pytest.mark.parametrize(("student", "why"), [
    (r"\sigma_{\min} \leq 1 - \sigma_{small}", "asks for a lower bound, and your answer states an upper one"),
    (r"\sigma_{small} \geq 1 - \sigma_{small}", "unexpected"),  # no label: the bounded quantity is not named
])
def test_a_bound_stated_the_other_way_or_without_a_label_is_not_read(student: str, why: str) -> None:
    result = grade("expression", student, "1 - s", options=LOWER_BOUND)
    assert result.correct is False and why in (result.error or ""), result


def test_a_wrong_bound_stated_as_one_is_wrong() -> None:
    assert grade("expression", r"\sigma_{\min} \geq \sigma_{small}", "1 - s", options=LOWER_BOUND).correct is False


def test_without_the_option_an_inequality_is_not_an_expression() -> None:
    options = {key: value for key, value in LOWER_BOUND.items() if key != "bound"}
    assert grade("expression", r"\sigma_{\min} \geq 1 - \sigma_{small}", "1 - s", options=options).error is not None


def test_a_bound_is_lower_or_upper() -> None:
    with pytest.raises(ValueError, match="middle"):
        grade("expression", "1 - s", "1 - s", options=LOWER_BOUND | {"bound": "middle"})
