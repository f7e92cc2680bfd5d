"""Sound grading: wrong answers of every family the soundness issue lists are refused at the mechanism."""

import numpy as np
import pytest

from graders import grade
from graders.kinds.agreement import agree, close

Z = {"variables": {"z": [-2, 2]}}


@pytest.mark.parametrize(
    ("kind", "student", "reference"),
    [
        pytest.param("expression", r"\frac{1}{z-z}", "z", id="division-by-a-zero-difference"),
        pytest.param("expression", r"\frac{G}{0}", "G", id="division-by-zero"),
        pytest.param("expression", r"e^{1000 G}", "G", id="overflow"),
        pytest.param("expression", r"z + \frac{1}{z-z}", "z", id="undefined-term-added"),
        pytest.param("tuple", r"(\frac{1}{z-z}, 2)", ("z", 2), id="tuple-element"),
        pytest.param("tuple", r"(e^{1000}^{1000}, 2)", (1, 2), id="tuple-constant-overflow"),
        pytest.param("matrix", r"[[\frac{1}{0}, 0], [0, 1]]", [[1, 0], [0, 1]], id="matrix-entry"),
        pytest.param("number", r"\frac{1}{0}", 1, id="number"),
        pytest.param("equation", r"y = \frac{x}{x-x}", "y = x", id="equation"),
    ],
)
def test_an_answer_undefined_where_the_reference_is_finite_is_refused(kind: str, student: str, reference: object) -> None:
    result = grade(kind, student, reference)
    assert result.correct is False and result.score == 0


def test_a_known_mistake_is_not_matched_by_an_undefined_answer() -> None:
    options = {"mistakes": [{"answer": "2z", "feedback": "doubled", "score": 0.5}]}
    result = grade("expression", r"\frac{z}{0}", "z", options=options)
    assert (result.correct, result.score, result.mistake) == (False, 0.0, None)


@pytest.mark.parametrize(
    ("student", "expected"),
    [
        pytest.param([np.inf], [np.inf], id="infinity-is-not-close-to-infinity"),
        pytest.param([np.inf], [1.0], id="infinity-is-not-close-to-a-number"),
        pytest.param([np.nan], [1.0], id="nan"),
    ],
)
def test_non_finite_values_are_never_close(student: list[float], expected: list[float]) -> None:
    assert not close(np.array(student), np.array(expected), 1e-6).any()


def test_agreement_is_decided_against_an_answer_undefined_at_a_point_where_the_reference_is_not() -> None:
    outcome = agree(np.array([1.0, np.nan, 3.0, 4.0, 5.0]), np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 1e-6)
    assert (outcome.decided, outcome.equal, outcome.witness) == (True, False, 1)


@pytest.mark.parametrize(
    ("kind", "student", "reference", "options"),
    [
        pytest.param("tuple", "(9.000001, 13)", (9, 13), {}, id="shape-off-by-a-millionth"),
        pytest.param("number", "0.999999", 1, {}, id="exact-bound"),
        pytest.param("number", "0.333333", "1/3", {}, id="rounded-exact-fraction"),
        pytest.param("expression", r"1 + 10^{-9} n", "1", {"variables": {"n": [1, 12]}}, id="tiny-term"),
        pytest.param("expression", r"\left(\frac{1}{4}\right)^n (1 + 10^{-8})", "(1/4)^n", {"variables": {"n": [1, 12]}},
                     id="tiny-factor"),
        pytest.param("expression", "0.333333 x", "x/3", {}, id="rounded-coefficient"),
        pytest.param("equation", "y = x + 10^{-9}", "y = x", {}, id="equation-tiny-term"),
    ],
)
def test_exact_references_compare_exactly_by_default(kind: str, student: str, reference: object, options: dict) -> None:
    assert grade(kind, student, reference, options=options).correct is False


@pytest.mark.parametrize(
    ("kind", "student", "reference", "options"),
    [
        pytest.param("tuple", "(9.000001, 13)", (9, 13), {"rtol": 1e-3}, id="shape-with-declared-rtol"),
        pytest.param("number", "0.999999", 1, {"rtol": 1e-3}, id="number-with-declared-rtol"),
        pytest.param("number", "0.333", "1/3", {"sigfigs": 3}, id="number-with-sigfigs"),
        pytest.param("number", "0.3678794", 0.36787944117, {}, id="float-reference-is-approximate"),
        pytest.param("expression", "0.333333 x", "x/3", {"rtol": 1e-4}, id="expression-with-declared-rtol"),
        pytest.param("expression", "0.5 x", "x/2", {}, id="exact-decimal"),
        pytest.param("expression", "(1+x)^2 - x^2 - 2x", "1", {"variables": {"x": [1e3, 1e4]}}, id="cancellation"),
        pytest.param("expression", r"\frac{x}{3}", "0.333333333333333 x", {}, id="reference-written-with-decimals"),
    ],
)
def test_close_values_pass_when_the_part_accepts_them_or_the_formulas_are_equal(
    kind: str, student: str, reference: object, options: dict
) -> None:
    assert grade(kind, student, reference, options=options).correct is True


@pytest.mark.parametrize(
    ("student", "reference", "correct"),
    [
        pytest.param(r"\lceil x \rceil - 1", "floor(x)", False, id="ceiling-minus-one-differs-at-whole-numbers"),
        pytest.param(r"\lfloor x + 10^{-9} \rfloor", "floor(x)", False, id="floor-shifted-differs-just-below-them"),
        pytest.param(r"\operatorname{sign}(x) + \operatorname{sign}(x)^2 - 1", "sign(x)", False, id="sign-differs-at-zero"),
        pytest.param(r"-\lceil -x \rceil", "floor(x)", True, id="floor-as-a-ceiling"),
        pytest.param(r"\lfloor \frac{H - K}{S} \rfloor + 1", "floor((H - K + S)/S)", True, id="output-size"),
    ],
)
def test_step_functions_are_compared_where_they_jump(student: str, reference: str, correct: bool) -> None:
    assert grade("expression", student, reference).correct is correct


@pytest.mark.parametrize(
    ("student", "reference"),
    [
        pytest.param(r"\sin(\pi)", "0", id="sine-of-pi-is-zero"),
        pytest.param(r"\sqrt{2}^2", 2, id="square-of-a-root"),
        pytest.param(r"\ln(e^3)", "3", id="log-of-a-power"),
    ],
)
def test_a_number_equal_to_an_exact_reference_but_for_float_rounding_is_right(student: str, reference: object) -> None:
    assert grade("number", student, reference).correct is True


def test_a_number_off_an_exact_reference_by_less_than_float_rounding_is_still_wrong() -> None:
    assert grade("number", "10^{-20}", "0").correct is False


SIGMA = {"variables": {"z": [-4, 4]}}
UNKNOWN = {
    "symbols": {"hbar": [r"\overline{h^{(t)}}", r"\nabla h_t"], "u": ["u_t"], "w": ["w"], "a": ["a"]},
    "samples": {"hbar": [1.5, -0.25, 2.0, 0.75], "u": [1.0, -1.0, 1.5, 0.5], "w": [0.5, 0.75, 0.5, 0.25],
                "a": [1.0, 1.0, 1.0, 1.0]},
}


@pytest.mark.parametrize(
    ("kind", "student", "reference", "options", "named"),
    [
        pytest.param("expression", r"\sigma'(z)", "e^(-z)/(1+e^(-z))^2",
                     {**SIGMA, "forbidden": {"sigma'": "the derivative is the question"}}, "sigma'", id="derivative-operator"),
        pytest.param("expression", r"\sigma''(z) + \sigma'(z) - \sigma''(z)", "e^(-z)/(1+e^(-z))^2",
                     {**SIGMA, "forbidden": [{"name": "sigma'", "reason": "the derivative is the question"}]}, "sigma",
                     id="derivative-of-any-order"),
        pytest.param("expression", r"\nabla h_t", "u_t + w a", {**UNKNOWN, "forbidden": {"hbar": "it is the unknown"}},
                     r"\nabla h_t", id="the-unknown"),
        pytest.param("expression", r"2 \overline{h^{(t)}} - \overline{h^{(t)}}", "u_t + w a",
                     {**UNKNOWN, "forbidden": {"hbar": "it is the unknown"}}, r"\overline{h^{(t)}}", id="unknown-cancelled"),
        pytest.param("equation", r"y = \sigma'(z)", "y = e^(-z)/(1+e^(-z))^2",
                     {"variables": {"z": [-4, 4], "y": [-1, 1]}, "forbidden": {"sigma'": "the derivative is the question"}},
                     "sigma'", id="equation"),
        pytest.param("tuple", r"(\sigma'(z), 1)", ("e^(-z)/(1+e^(-z))^2", 1),
                     {"forbidden": {"sigma'": "the derivative is the question"}}, "sigma'", id="tuple-element"),
    ],
)
def test_an_answer_written_with_a_forbidden_name_is_refused_naming_it(
    kind: str, student: str, reference: object, options: dict, named: str
) -> None:
    result = grade(kind, student, reference, options=options)
    assert (result.correct, result.score, result.error) == (False, 0.0, None)
    assert named in result.feedback and "may not appear" in result.feedback


def test_a_forbidden_answer_earns_no_partial_credit_from_a_known_mistake() -> None:
    options = {**UNKNOWN, "forbidden": {"hbar": "it is the unknown"},
               "mistakes": [{"answer": r"\overline{h^{(t)}}", "feedback": "restated", "score": 0.5}]}
    result = grade("expression", r"\overline{h^{(t)}}", "hbar", options=options)
    assert (result.correct, result.score, result.mistake) == (False, 0.0, None)


def test_an_answer_without_the_forbidden_names_is_graded_as_usual() -> None:
    options = {**SIGMA, "forbidden": {"sigma'": "the derivative is the question"}}
    assert grade("expression", r"\sigma(z)(1 - \sigma(z))", "e^(-z)/(1+e^(-z))^2", options=options).correct is True


SIGMOID_PRIME = "e^(-z)/(1+e^(-z))^2"


@pytest.mark.parametrize(
    ("student", "correct"),
    [("2y = 4x + 2", True), ("y = 2x + 1 + e^{-10^{6} x^2}", False), ("-y = -2x - 1 - 10^{-13}", False)],
    ids=["scaled", "bump", "tiny-constant"],
)
def test_equations_are_checked_for_hidden_terms_too(student: str, correct: bool) -> None:
    assert grade("equation", student, "y = 2x + 1").correct is correct


@pytest.mark.parametrize(
    ("student", "options"),
    [
        pytest.param(r"\frac{e^{-z}}{(1 + e^{-z})^2} + e^{-10^{6} z^2}", SIGMA, id="narrow-bump-inside-the-window"),
        pytest.param(r"\frac{e^{-z}}{(1 + e^{-z})^2} + e^{-100 (z - 6)^2}", SIGMA, id="bump-outside-the-window"),
        pytest.param(r"\frac{e^{-z}}{(1 + e^{-z})^2} + 4^{-100}", SIGMA, id="float-invisible-constant"),
        pytest.param(r"\frac{e^{-z}}{(1 + e^{-z})^2} (1 + 10^{-13})", SIGMA, id="float-invisible-factor"),
        pytest.param(r"\frac{e^{-z}}{(1 + e^{-z})^2} + e^{-10^{6} w^2}",
                     {"symbols": {"w": ["w"], "z": ["z"]}, "samples": {"w": [0.3, -1.2, 0.8, 2.0], "z": [0.1, 1.0, -2.0, 3.0]}},
                     id="bump-in-a-sampled-symbol"),
    ],
)
def test_a_part_too_small_to_see_at_the_points_is_not_zero(student: str, options: dict) -> None:
    result = grade("expression", student, SIGMOID_PRIME, options=options)
    assert result.correct is False and "too small to see" in result.feedback


@pytest.mark.parametrize(
    ("student", "reference", "options"),
    [
        pytest.param(r"\sigma(z)(1 - \sigma(z))", SIGMOID_PRIME, SIGMA, id="another-form"),
        pytest.param(r"\frac{1}{4} - \frac{\tanh^2(z/2)}{4}", SIGMOID_PRIME, SIGMA, id="terms-that-cancel"),
        pytest.param("a b", "a b + h_0 a",
                     {"symbols": {"a": ["a"], "b": ["b"], "h_0": ["h_0"]},
                      "samples": {"a": [1.0, 2.0, 3.0, 4.0], "b": [0.5, 0.1, 2.0, 1.0], "h_0": [0.0, 0.0, 0.0, 0.0]}},
                     id="a-term-with-a-quantity-the-question-makes-zero"),
    ],
)
def test_equal_answers_are_not_mistaken_for_hidden_terms(student: str, reference: str, options: dict) -> None:
    assert grade("expression", student, reference, options=options).correct is True


@pytest.mark.parametrize(
    ("student", "correct"),
    [
        pytest.param(r"\nabla h_t = u_t + w a", True, id="the-unknown-named-on-the-left"),
        pytest.param(r"\nabla h_t = \nabla h_t", False, id="the-unknown-on-both-sides"),
        pytest.param(r"u_t = u_t + w a", False, id="another-name-on-the-left-is-not-read"),
    ],
)
def test_an_answer_may_name_the_unknown_it_gives(student: str, correct: bool) -> None:
    options = {**UNKNOWN, "forbidden": {"hbar": "it is the unknown"}}
    assert grade("expression", student, "u + w a", options=options).correct is correct


def test_a_derivative_answer_may_name_the_derivative_it_gives() -> None:
    options = {**SIGMA, "forbidden": {"sigma'": "the derivative is the question"}}
    assert grade("expression", r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2}", SIGMOID_PRIME, options=options).correct is True


POSITIVE_X = {"variables": {"x": [0.5, 3]}}


@pytest.mark.parametrize(
    ("kind", "student", "expected", "options"),
    [
        ("expression", "x^{2 + 10^{-14}}", "x^2", POSITIVE_X),
        ("expression", "2^{x + 10^{-15}}", "2^x", None),
        ("expression", r"\sin(x + 10^{-16})", r"\sin x", None),
        ("expression", r"\log(x (1 + 10^{-15}))", r"\log x", POSITIVE_X),
        ("equation", "y = 2^{x + 10^{-15}}", "y = 2^x", None),
    ],
    ids=["in-an-exponent", "in-an-exponential", "inside-a-sine", "inside-a-log", "in-an-equation"],
)
def test_a_change_below_float_precision_inside_a_function_is_wrong(kind: str, student: str, expected: str,
                                                                    options: dict | None) -> None:
    """Inside a function a tiny change expands to no tiny term (2^{x + ε} is 2^x 2^ε): seen at higher precision."""
    assert grade(kind, student, expected, options=options).correct is False


@pytest.mark.parametrize(
    ("student", "expected"),
    [(r"\sqrt{x^2}", "|x|"), (r"\sin^2 x + \cos^2 x", "1"), (r"e^{\log 2 \cdot x}", "2^x"),
     (r"\frac{\sinh x}{\cosh x}", r"\tanh x"), (r"\sqrt[3]{x^3}", "x")],
)
def test_identities_stay_right_at_higher_precision(student: str, expected: str) -> None:
    assert grade("expression", student, expected).correct is True


@pytest.mark.parametrize("student", [
    r"\beta^D (1 + 10^{-10})",
    r"1.0000000001 \beta^D",
    r"\beta^D (1 + 10^{-12})",
    r"1.0000000000001\beta^D",
    r"\beta^{D + 10^{-13}}",
    r"e^{D \log \beta + 10^{-14}}",
    r"\beta^D + 10^{-20} \beta^{D - 1}",
])
def test_a_formula_off_a_sympy_reference_by_a_tiny_factor_is_wrong(student: str) -> None:
    """The bank's references are SymPy expressions whose symbols carry assumptions (positive); an answer's symbols
    are plain. The tiny difference must still be seen (busy-machine attack F4)."""
    import reference

    part = reference.get_part("csc421-2019-hw4/q3/det-jacobian")
    result = grade(part.kind, student, part.reference, options=part.grading_options())
    assert result.correct is False, result
    right = grade(part.kind, r"\beta^D", part.reference, options=part.grading_options())
    assert right.correct is True, right


@pytest.mark.parametrize(
    ("kind", "student", "expected", "correct"),
    [
        ("number", "1/3 + 10^{-15}", "1/3", False),
        ("number", "10^{20} + 1", "10^{20}", False),
        ("number", r"\pi + 10^{-20}", r"\pi", False),
        ("number", r"\cos^2 1 + \sin^2 1", "1", True),
        ("number", r"\sin(\pi)", "0", True),
        ("number", "0.333333333333", "1/3", True),  # 1/3 correctly rounded where it stops
        ("number", "0.2500000000001", "1/4", False),  # not 1/4 rounded to 13 places
        ("number", "0.9999999999999", "1", False),
        ("number", "1.4142135623730951", r"\sqrt{2}", True),  # the double a program prints for √2
        ("number", r"\sqrt{2}", "1.4142135623730951", True),  # a reference with decimals is itself rounded
        ("set", r"\{1/3 + 10^{-15}, 2\}", r"\{1/3, 2\}", False),
        ("set", r"\{2^{60}\}", r"\{1152921504606846977\}", False),
        ("set", r"\{0.333333333333\}", r"\{1/3\}", True),
        ("tuple", r"(\cos^2 1 + \sin^2 1, 2)", "(1, 2)", True),
        ("matrix", "[[1 + 10^{-300}, 0], [0, 1]]", "[[1, 0], [0, 1]]", False),
        ("matrix", "[[1/3 + 10^{-15}, 0], [0, 1]]", "[[1/3, 0], [0, 1]]", False),
    ],
)
def test_exact_constants_are_compared_exactly_and_decimals_as_rounded_values(kind: str, student: str, expected: str,
                                                                             correct: bool) -> None:
    assert grade(kind, student, expected).correct is correct


@pytest.mark.parametrize(
    ("student", "expected", "options", "correct"),
    [
        ("x^{1.00000000000001}", "x", {"variables": {"x": [0.1, 3]}}, False),
        (r"\sin(1.0000000000001 x)", r"\sin x", None, False),
        ("0.2500000000001^n", "(1/4)^n", {"variables": {"n": [1, 12]}}, False),
        ("0.25^n", "(1/4)^n", {"variables": {"n": [1, 12]}}, True),
        ("3.14159265358979 x", r"\pi x", None, True),  # π rounded where it stops
        ("2.718281828459045^x", "e^x", None, True),
    ],
)
def test_a_decimal_in_a_formula_is_right_only_as_a_rounding_of_the_value(student: str, expected: str,
                                                                          options: dict | None, correct: bool) -> None:
    """A decimal stands for the values it is a rounding of; one that is not (1.00000000000001 for 1) is caught by the
    50-digit check, which allows the difference moving each decimal by half a unit of its last digit makes."""
    assert grade("expression", student, expected, options=options).correct is correct


@pytest.mark.parametrize(
    ("student", "expected", "correct"),
    [
        (r"\cosh^2(10 x) - \sinh^2(10 x)", "1", True),
        ("10^{16} + x - 10^{16}", "x", True),
        (r"10^{20}(x + 10^{-20}) - 10^{20} x", "1", True),
        (r"10^{20}(x + 10^{-20}) - 10^{20} x + x", "x", False),  # exactly x + 1, though floats see x
        (r"e^{\ln x}", "x", False),  # undefined for x <= 0: not the same function
        ("2.71828^x", "e^x", False),
    ],
)
def test_formulas_floats_tell_apart_are_decided_with_50_digits(student: str, expected: str, correct: bool) -> None:
    assert grade("expression", student, expected).correct is correct
