"""The matrix_expr kind: matrix expressions over declared shapes, evaluated at sample points with matrix semantics."""

import numpy as np
import pytest

import graders
from graders.kinds import matrix_expr
from graders.options import UnknownOptions

OPTIONS = {"shapes": {"A": ["m", "n"], "S": ["m", "m"], "x": ["n"], "y": ["m"], "c": ["m"], "a": []},
           "symbols": {"A": ["A", "\\mathbf{A}"]}, "sizes": {"m": 3, "n": 2}, "what": "the Jacobian"}


def _grade(answer: str, reference: str, options: dict | None = None) -> graders.GradeResult:
    return graders.grade("matrix_expr", answer, reference, options=options or OPTIONS)


SPELLINGS = [
    ("D(y) S", r"\operatorname{diag}(y) S", "diag as an operator"),
    ("D(y) S", r"\text{diag}(y) \cdot S", "diag as text, a centred dot"),
    ("D(y) S", r"D(y) I S", "the identity takes its size from what it meets"),
    ("A^\\top y", r"A^T y", "^T"),
    ("A^\\top y", r"A^{\top} y", "braced \\top"),
    ("A^\\top y", r"A' y", "a prime after a name"),
    ("A^\\top y", r"(y^\intercal A)^\top", "\\intercal, and the transpose of a product"),
    ("y \\odot c", r"c \odot y", "Hadamard products commute"),
    ("y \\odot c", r"D(c) y", "D(c) y is c ⊙ y"),
    ("D(\\sigma'(A x))", r"D(\sigma(A x) \odot (\mathbf{1} - \sigma(A x)))", "sigma' element-wise"),
    ("D(\\sigma'(A x))", r"\operatorname{diag}((\sigma(Ax) \odot (1 - \sigma(Ax)))^\top)", "a row vector inside diag"),
    ("1 - \\tanh(y)^2", r"\mathbf{1} - \tanh(y) \odot \tanh(y)", "tanh and powers element-wise on vectors"),
    ("a S + y y^\\top", r"y y' + S a", "a scalar scales, an outer product"),
    ("S S S + a S", r"S^3 + a S", "a power of a square matrix is a product"),
    ("D(c) - D(c) D(c)", r"D(c) - D(c)^2", "a power of a diagonal matrix"),
]


@pytest.mark.parametrize(("reference", "answer", "why"), SPELLINGS, ids=[s[2] for s in SPELLINGS])
def test_equivalent_spellings_score_full_marks(reference: str, answer: str, why: str) -> None:
    result = _grade(answer, reference)
    assert (result.correct, result.error) == (True, None), result.feedback


WRONG = [
    ("D(y) S", "S D(y)", "Not equal to the Jacobian"),
    ("D(y) S", "D(y) S^\\top", "Not equal"),
    ("S", "S^\\top", "your answer is the transpose of the Jacobian"),
    ("S", "-S", "check the sign"),
    ("S", "A", "Your answer is m×n; the Jacobian is m×m."),
    ("A^\\top y", "A y", "a product of shapes m×n and m×1: the shapes do not chain"),
    ("y", "y \\odot x", "an element-wise product of shapes m×1 and n×1: the shapes differ"),
    ("y", "y / x", "division by a matrix or a vector"),
    ("A", "A^2", "a power of a m×n matrix is ambiguous"),
    ("S", "S^{1/2}", "a power of a matrix must be a whole number"),
    ("y", "D(S) y", "D(·) takes a vector, not m×m"),
    ("S", "S + 10^{-12} S", "too small to see"),
    ("S", "S + 10^{-12} A A^\\top", "too small to see"),
    ("S", "S + e^{-1000} S", "too small to see"),
]


@pytest.mark.parametrize(("reference", "answer", "feedback"), WRONG, ids=[w[1] for w in WRONG])
def test_wrong_answers_get_feedback_not_a_crash(reference: str, answer: str, feedback: str) -> None:
    result = _grade(answer, reference)
    assert result.correct is False and result.score == 0
    assert feedback in result.feedback


SEQUENCES = {"shapes": {"x": ["n"], "g": ["m"], "W": ["m", "n"]}, "sequences": {"x": ["x_{#}", "x^{(#)}"],
                                                                               "g": ["g_{#}", "g^{(#)}", "\\delta_{#}"]},
             "sizes": {"m": 3, "n": 2}, "samples": [
                 {"T": length, "W": [[1, 2], [3, 4], [5, 6]],
                  "x": [None, *([k, -k] for k in range(1, length + 1))],
                  "g": [None, *([k, 1, -k] for k in range(1, length + 1))]} for length in (2, 3, 5)]}
GRADIENT = "\\sum_{t=1}^{T} g_t x_t^\\top"


@pytest.mark.parametrize("answer", [
    r"\sum_{t=1}^{T} g_t x_t^\top", r"\sum^{T}_{t=1} g^{(t)} (x^{(t)})^T", r"\sum_{\tau=1}^{T} \delta_\tau x_\tau'",
    r"\sum_{k=1}^{T} g_{k} x_{k}^\top", r"g_1 x_1^\top + \sum_{t=2}^{T} g_t x_t^\top",
])
def test_sums_over_steps_read_time_indexed_names_by_the_summation_variable(answer: str) -> None:
    assert _grade(answer, GRADIENT, SEQUENCES).correct is True


@pytest.mark.parametrize(("answer", "feedback"), [
    (r"\sum_{t=1}^{3} g_t x_t^\top", "does not exist in a run of 2 steps"),
    (r"\sum_{t=1}^{T-1} g_t x_t^\top", "Not equal"),
    (r"\sum_{t=1}^{T} g_t x_{t+1}^\top", "does not exist"),
    (r"g_t x_t^\top", "the index t is not bound by a sum here"),
    (r"\sum_{t=1}^{T} x_t g_t^\top", "Your answer is n×m; the gradient"),
])
def test_sums_over_the_wrong_steps_are_wrong(answer: str, feedback: str) -> None:
    result = _grade(answer, GRADIENT, {**SEQUENCES, "what": "the gradient"})
    assert result.correct is False and feedback in result.feedback


@pytest.mark.parametrize("answer", [
    r"\sum_{a=1}^{1000}\sum_{b=1}^{1000} S",
    r"\sum_{a=1}^{60}\sum_{b=1}^{60}\sum_{c=1}^{60} S S S S",
    r"\sum_{a=1}^{10^{9}} S",
    r"\sum_{a=1}^{40}\sum_{b=1}^{40} (S + S + S + S)",
])
def test_hostile_sums_are_bounded(answer: str) -> None:
    # the operations are counted over all sample points together: the answer stops within a fraction of a second
    result = _grade(answer, "S", {**OPTIONS, "shapes": {"S": ["m", "m"]}})
    assert result.correct is False and (result.error or "operations" in result.feedback or "terms" in result.feedback)


def test_unknown_options_are_refused() -> None:
    with pytest.raises(UnknownOptions, match="shape"):
        _grade("S", "S", {**OPTIONS, "shape": {"S": ["m", "m"]}})


def test_undeclared_names_are_refused_with_the_declared_ones() -> None:
    result = _grade("S + Z", "S")
    assert result.correct is False and "Z is not a symbol of this question (it uses A, S, a, c, x, y)" in result.error


def test_a_reference_without_a_value_is_a_bank_error() -> None:
    with pytest.raises(ValueError, match="has no value"):
        _grade("S", "S + A")


@pytest.mark.parametrize(("kind", "answer"), [("expression", "x'"), ("expression", "x^\\top")])
def test_scalar_kinds_keep_refusing_transposes(kind: str, answer: str) -> None:
    assert graders.grade(kind, answer, "x").error is not None


@pytest.mark.parametrize(("answer", "correct"), [
    (r"J = D(y) S", True),
    (r"\frac{\partial f}{\partial x} = D(y) S", True),
    (r"\boxed{D(y) S}", True),
    (r"S = D(y) S", False),
    (r"D(y) S = D(y) S", False),  # the scalar check of a chain cannot evaluate D(·): write the answer alone
])
def test_labels_and_chains_around_a_matrix_answer_never_crash(answer: str, correct: bool) -> None:
    assert _grade(answer, "D(y) S").correct is correct


DOT = {**OPTIONS, "dot_arguments": {"\\sigma": "A x"}}


@pytest.mark.parametrize("answer", [r"D(\sigma'(\cdot)) y", r"D(\sigma'\left(\cdot\right)) y", "D(σ′(·)) y"])
def test_a_declared_placeholder_argument_stands_for_what_the_part_says(answer: str) -> None:
    assert _grade(answer, r"D(\sigma'(A x)) y", DOT).correct is True


def test_a_placeholder_argument_is_unread_where_the_part_declares_none() -> None:
    assert _grade(r"D(\sigma'(\cdot)) y", r"D(\sigma'(A x)) y").correct is False


def test_a_placeholder_is_only_the_argument_of_the_declared_function() -> None:
    assert _grade(r"D(\tanh'(\cdot)) y", r"D(\tanh'(A x)) y", DOT).correct is False


@pytest.mark.parametrize(("reference", "answer", "why"), [
    ("D(y) S", r"(y \mathbf{1}^\top) \odot S", "the matrix of the Hadamard product tells the length of 1"),
    ("y x^\\top", r"y \mathbf{1}^\top D(x)", "the next factor tells it"),
    ("x y^\\top", r"D(x) \mathbf{1} y^\top", "a column of ones on the left"),
    ("D(y) (\\mathbf{1} + 0 A)", r"y \mathbf{1}^\top", "the expected answer's shape tells it"),
])
def test_the_length_of_1_in_an_outer_product_is_what_it_must_conform_to(reference: str, answer: str, why: str) -> None:
    result = _grade(answer, reference)
    assert (result.correct, result.error) == (True, None), result.feedback


def test_an_outer_product_with_1_that_conforms_to_nothing_is_feedback() -> None:
    result = _grade(r"(y \mathbf{1}^\top) \odot x", "y")
    assert result.correct is False and "the shapes differ" in result.feedback


@pytest.mark.parametrize(("reference", "answer"), [
    ("y x^\\top", r"y \otimes x"), ("y x^\\top", r"y \otimes x^\top"), ("y x^\\top", r"2 y \otimes x - y x^\top"),
    ("D(y) S", r"S \odot (y \otimes \mathbf{1})"),
])
def test_otimes_of_two_vectors_is_their_outer_product_where_only_that_reading_fits(reference: str, answer: str) -> None:
    result = _grade(answer, reference)
    assert (result.correct, result.error) == (True, None), result.feedback


@pytest.mark.parametrize(("reference", "answer", "feedback"), [
    ("y x^\\top", r"x \otimes y", "Your answer is n×m; the Jacobian is m×n."),
    ("y c^\\top", r"y^\top \otimes c", "\\otimes is ambiguous here"),
    ("S", r"S \otimes S", "\\otimes between matrices is ambiguous"),
])
def test_otimes_that_no_single_reading_fits_is_feedback(reference: str, answer: str, feedback: str) -> None:
    result = _grade(answer, reference)
    assert result.correct is False and feedback in result.feedback


def test_an_error_after_a_placeholder_points_at_what_the_student_wrote() -> None:
    answer = r"D(\sigma'(\cdot)) y + \bogus"
    result = _grade(answer, r"D(\sigma'(A x)) y", DOT)
    assert f"at position {answer.index(chr(92) + 'bogus')}:\n{answer}\n" in str(result.error)


# --- softmax: a column vector in, a column vector out; a matrix column by column; a scalar: 1 ---------------------

LOGITS = {"shapes": {"W": ["m", "n"], "h": ["n"], "z": ["m"], "Z": ["m", "n"]}, "sizes": {"m": 3, "n": 2},
          "what": "the probabilities"}


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


@pytest.mark.parametrize("answer", [
    r"\operatorname{softmax}(W h)", r"\mathrm{softmax}(Wh)", r"\text{softmax}(W h)", r"\textrm{softmax}(W h)",
    "softmax(W h)", r"\operatorname{softargmax}(W h)", "softargmax(W h)", r"\operatorname{softmax}\left(W h\right)",
    r"\frac{\exp(W h)}{\mathbf{1}^\top \exp(W h)}",  # without the shift by the largest entry: the same value
    r"\operatorname{softmax}(h^\top W^\top)^\top",  # a row vector's softmax is over its entries
    r"\operatorname{softmax}(W h + \mathbf{1})",  # softmax does not change when every logit is shifted
])
def test_softmax_spellings_read_as_the_vector_softmax(answer: str) -> None:
    for reference in ("softmax(W h)", r"\frac{\exp(W h)}{\mathbf{1}^\top \exp(W h)}"):
        result = _grade(answer, reference, LOGITS)
        assert (result.correct, result.error) == (True, None), result.feedback


def test_softmax_is_the_numpy_softmax_and_finite_for_large_logits() -> None:
    logits = [[1000.0, 999.0, -1000.0], [0.5, -2.0, 3.0]]
    values = matrix_expr.values_at_points("softmax(z)", {**LOGITS, "samples": [{"z": z} for z in logits]})
    for z, value in zip(logits, values, strict=True):
        np.testing.assert_allclose(value, _softmax(np.array(z)).reshape(-1, 1), rtol=1e-12)


def test_softmax_of_a_matrix_normalises_each_column() -> None:
    samples = [{"Z": [[1.0, -1.0], [2.0, 0.0], [3.0, 5.0]]}]
    [value] = matrix_expr.values_at_points("softmax(Z)", {**LOGITS, "samples": samples})
    np.testing.assert_allclose(value, _softmax(np.array(samples[0]["Z"])), rtol=1e-12)
    assert _grade("softmax(2)", "1", LOGITS).correct is True  # one number is certain


JACOBIAN = r"D(\operatorname{softmax}(z)) - \operatorname{softmax}(z) \operatorname{softmax}(z)^\top"


def test_the_softmax_jacobian_reference_is_the_slope_of_softmax() -> None:
    z = np.array([0.3, -1.2, 2.0])
    [jacobian] = matrix_expr.values_at_points(JACOBIAN, {**LOGITS, "samples": [{"z": list(z)}]})
    step = 1e-6
    slopes = [(_softmax(z + step * e) - _softmax(z - step * e)) / (2 * step) for e in np.eye(3)]
    np.testing.assert_allclose(jacobian, np.column_stack(slopes), atol=1e-8)


@pytest.mark.parametrize("answer", [
    r"\operatorname{diag}(\mathrm{softmax}(z)) - \mathrm{softmax}(z) \mathrm{softmax}(z)^T",
    r"D(\operatorname{softmax}(z)) - \operatorname{softmax}(z) \otimes \operatorname{softmax}(z)",
    r"D(softmax(z)) - D(softmax(z)) \mathbf{1} softmax(z)^\top",  # D(s) 1 is s
])
def test_a_jacobian_written_with_softmax_matches_the_reference(answer: str) -> None:
    result = _grade(answer, JACOBIAN, LOGITS)
    assert (result.correct, result.error) == (True, None), result.feedback


@pytest.mark.parametrize(("reference", "answer", "feedback"), [
    ("softmax(W h)", r"\exp(W h)", "Not equal to the probabilities"),  # not normalised
    ("softmax(Z)", r"\operatorname{softmax}(Z^\top)^\top", "Not equal to the probabilities"),  # over the rows
    ("softmax(Z)", r"\frac{\exp(Z)}{\mathbf{1}^\top \exp(Z) \mathbf{1}}", "Not equal to the probabilities"),  # all
    ("softmax(W h)", r"\operatorname{softmax}(h)", "Your answer is n×1; the probabilities is m×1."),
    ("softmax(W h)", r"\operatorname{softmax}(\mathbf{1})", "the size of softmax(1) cannot be told"),
    (JACOBIAN, r"D(\operatorname{softmax}(z))", "Not equal to the probabilities"),  # the diagonal alone
])
def test_wrong_softmax_answers_are_refused(reference: str, answer: str, feedback: str) -> None:
    result = _grade(answer, reference, LOGITS)
    assert result.correct is False and feedback in result.feedback


@pytest.mark.parametrize(("answer", "error"), [
    (r"\operatorname{softmax}()", "could not be read"),
    ("softmax", "could not be read"),
    ("softmax(z, z)", "softmax takes 1 argument, not 2"),
    ("softmax'(z)", "the derivative of softmax is not supported"),
])
def test_softmax_of_nothing_or_of_two_things_is_unreadable(answer: str, error: str) -> None:
    result = _grade(answer, "softmax(z)", LOGITS)
    assert result.correct is False and result.error is not None and error in result.feedback + result.error


@pytest.mark.parametrize("answer", [
    r"\sum_{a=1}^{60}\sum_{b=1}^{60} \operatorname{softmax}(Z)",
    "softmax(" * 40 + "Z" + ")" * 40 + " + " + " + ".join(["softmax(softmax(Z))"] * 40),
])
def test_hostile_softmax_nesting_is_bounded_by_the_operation_budget(answer: str) -> None:
    result = _grade(answer, "softmax(Z)", LOGITS)
    assert result.correct is False
    assert result.error or "operations" in result.feedback


@pytest.mark.parametrize("answer", [
    "softmax(x)", r"\operatorname{softmax}(x)", r"\mathrm{softmax}(x)", r"\text{softmax}(x)", "softargmax(x)",
    r"2 \operatorname{softmax}(x)",
])
def test_scalar_kinds_refuse_softmax_as_a_vector_function(answer: str) -> None:
    result = graders.grade("expression", answer, "x")
    assert result.correct is False and "is a vector function" in str(result.error)
