"""Families of right answers as students write them, graded end to end (issue 10): accepted spellings and refusals."""

import pytest

from graders import grade

SETS = [
    # (student, reference, options, correct)
    (r"\pm 2", r"\{2, -2\}", {}, True, "plus-minus"),
    (r"x = \pm 2", r"\{2, -2\}", {}, True, "stated-plus-minus"),
    (r"x = 2 \text{ or } x = -2", r"\{2, -2\}", {}, True, "text-or"),
    ("x = 2 or x = -2", r"\{2, -2\}", {}, True, "plain-or"),
    (r"x = 2 \lor x = -2", r"\{2, -2\}", {}, True, "lor"),
    ("2, -2", r"\{2, -2\}", {}, True, "bare-list"),
    (r"1 \pm \sqrt{2}", r"\{1 - \sqrt{2}, 1 + \sqrt{2}\}", {}, True, "centre-plus-minus"),
    (r"[52,53] \cup \{54\}", r"\{52,53,54\}", {"integer": True}, True, "union-over-integers"),
    (r"\{52\} \cup [53, 54]", "[52, 55)", {"integer": True}, True, "union-against-interval"),
    ("x = 2", r"\{2, -2\}", {}, False, "one-of-two"),
    ("x = 2 or x = 3", r"\{2, -2\}", {}, False, "wrong-second"),
    (r"[52,53] \cup \{54\}", r"\{52,53,54\}", {}, False, "union-over-reals-differs"),
    (r"\{1, 2, \dots, 5\}", r"\{1, 2, 3, 4, 5\}", {}, True, "dots-progression"),
    ("{1, 3, ..., 9}", r"\{1, 3, 5, 7, 9\}", {}, True, "text-dots"),
    (r"\{1, 2, \dots, 5\}", r"\{1, 2, 3, 4\}", {}, False, "dots-one-too-far"),
    (r"\mathbb{R} \setminus \{0\}", r"x \neq 0", {}, True, "setminus-point"),
    (r"\mathbb{R} \setminus [-1, 1]", r"(-\infty, -1) \cup (1, \infty)", {}, True, "setminus-interval"),
    (r"[0, 2] \setminus \{1\} \cup \{1\}", "[0, 2]", {}, True, "left-to-right"),
    (r"\mathbb{R} \setminus \{1\}", r"x \neq 0", {}, False, "setminus-other-point"),
    (r"\mathbb{R}", r"\mathbb{R} \setminus \{0\}", {}, False, "point-not-removed"),
    ("]0, 1]", "(0, 1]", {}, True, "reversed-open-left"),
    ("[0, 1[", "[0, 1)", {}, True, "reversed-open-right"),
    (r"[1, 2] \cup ]3, 4]", r"[1, 2] \cup (3, 4]", {}, True, "reversed-in-a-union"),
    ("]0, 1]", "[0, 1]", {}, False, "reversed-is-open"),
    ("x < -1 or x > 1", r"(-\infty, -1) \cup (1, \infty)", {}, True, "inequalities-or"),
    (r"x < -1 \text{ or } x > 1", r"(-\infty, -1) \cup (1, \infty)", {}, True, "inequalities-text-or"),
    (r"x > 0, x < 1 \lor x > 2", r"(0, 1) \cup (2, \infty)", {}, True, "and-binds-tighter"),
    ("x < -1 and x > 1", r"(-\infty, -1) \cup (1, \infty)", {}, False, "and-is-not-or"),
    ("x < -1 or x > 2", r"(-\infty, -1) \cup (1, \infty)", {}, False, "inequalities-other-bound"),
]


@pytest.mark.parametrize(("student", "reference", "options", "correct"), [row[:4] for row in SETS],
                         ids=[row[4] for row in SETS])
def test_sets_in_every_spelling(student: str, reference: str, options: dict, correct: bool) -> None:
    assert grade("set", student, reference, options=options).correct is correct


def test_a_set_stated_for_another_variable_is_refused_by_name() -> None:
    assert "not y" in grade("set", r"y = \pm 2", r"\{2, -2\}").error


EQUATIONS = [
    ("x/y = 2", "x = 2y", True, "divided-through"),
    ("1/x + 1/y = 2", "y = x/(2x - 1)", True, "solved-for-y"),
    (r"a = 0 \text{ or } b = 0", "ab = 0", True, "or-is-product"),
    ("x = 2 or x = -2", "x^2 = 4", True, "roots-of-square"),
    ("y = 2x + 1", "y = 2x + 1", True, "same"),
    ("x = 3y", "x = 2y", False, "other-slope"),
    ("a = 0", "ab = 0", False, "one-factor-only"),
    ("x = 2", "x^2 = 4", False, "one-root-only"),
    ("y^2 = (2x + 1)^2", "y = 2x + 1", False, "extra-branch"),
    (r"a = 0 \lor b = 0", "ab = 0", True, "lor-is-product"),
    (r"x = \pm 2", "x^2 = 4", True, "plus-minus"),
    (r"x = 1 \pm \sqrt{2}", "x^2 - 2x - 1 = 0", True, "centre-plus-minus"),
    ("x = 2, x = -2", "x^2 = 4", True, "list-of-solutions"),
    ("|x| = 2", "x^2 = 4", True, "absolute-value"),
    (r"x = \pm 3", "x^2 = 4", False, "plus-minus-other-value"),
    ("x = 2, x = 3", "x^2 = 4", False, "list-with-a-wrong-solution"),
    ("|x| = 2", "x = 2", False, "absolute-value-adds-a-root"),
]


@pytest.mark.parametrize(("student", "reference", "correct"), [row[:3] for row in EQUATIONS],
                         ids=[row[3] for row in EQUATIONS])
def test_equations_with_the_same_solution_set(student: str, reference: str, correct: bool) -> None:
    assert grade("equation", student, reference).correct is correct


def test_equations_of_different_unknowns_separated_by_commas_are_refused() -> None:
    """`x = 2, y = -2` could be a system: it is not read as alternatives."""
    assert "values of one unknown" in grade("equation", "x = 2, y = -2", "(x - 2)(y + 2) = 0").error


SHAPES = [
    (r"\mathbb{R}^{9 \times 13}", (9, 13), {}, True, "real-space"),
    ("R^5", (5,), {}, True, "plain-real-space"),
    ("ℝ^{3 × 4}", (3, 4), {}, True, "unicode-real-space"),
    ("9 by 13", (9, 13), {}, True, "by"),
    (r"(9 \times 13)", (9, 13), {}, True, "parenthesised-times"),
    (r"(D \times (K-1) + 1, 5)", ("D*(K-1)+1", 5), {}, True, "times-inside-an-element"),
    (r"H_K \times W_K", ("H_K", "W_K"), {"symbols": {"H_K": [], "W_K": []}}, True, "declared-names"),
    (r"F \times \left[\frac{H - K}{S} + 1\right]", ("F", "(H-K)/S + 1"), {}, True, "sized-bracket-element"),
    (r"\boxed{9 \times 13}", (9, 13), {}, True, "boxed-shape"),
    (r"\boxed{(D \times (K-1) + 1, 5)}", ("D*(K-1)+1", 5), {}, True, "boxed-times-inside-an-element"),
    ("9 by 12", (9, 13), {}, False, "wrong-shape"),
    (r"\boxed{9 \times 12}", (9, 13), {}, False, "boxed-wrong-shape"),
    (r"D \times (K-1) + 1", ("D*(K-1)+1",), {}, False, "times-at-top-level-separates"),
]


@pytest.mark.parametrize(("student", "reference", "options", "correct"), [row[:4] for row in SHAPES],
                         ids=[row[4] for row in SHAPES])
def test_shapes_and_tuples(student: str, reference: tuple, options: dict, correct: bool) -> None:
    assert grade("tuple", student, reference, options=options).correct is correct


def test_a_tuple_refuses_a_symbol_its_part_does_not_declare() -> None:
    result = grade("tuple", "(H_K, Q)", ("H_K", "W_K"), options={"symbols": {"H_K": [], "W_K": []}})
    assert "Q is not a symbol" in result.error


def test_unknown_option_names_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'sigfig'"):
        grade("number", "3.14", 3.14159, options={"sigfig": 3})


CHOICES = [
    ("No.", "No", {"choices": ["Yes", "No"]}, True, "punctuation"),
    ("nope", "No", {"choices": ["Yes", "No"]}, True, "common-synonym"),
    ("NO!", "No", {"choices": ["Yes", "No"]}, True, "case"),
    ("the second one", "No", {"choices": ["Yes", "No"]}, True, "ordinal-with-articles"),
    ("the 2nd", "B", {"choices": ["A", "B", "C"]}, True, "numbered-ordinal"),
    ("option B", "B", {"choices": ["A", "B", "C"]}, True, "filler-word"),
    ("Sigmoid", "B", {"choices": ["A", "B", "C"], "synonyms": {"B": ["sigmoid"]}}, True, "part-synonym"),
    ("yes", "No", {"choices": ["Yes", "No"]}, False, "other-label"),
    ("the first one", "No", {"choices": ["Yes", "No"]}, False, "other-ordinal"),
    ("only vanishing", "vanishing only", {"choices": ["vanishing only", "exploding only"]}, True, "word-order"),
    ("only exploding", "vanishing only", {"choices": ["vanishing only", "exploding only"]}, False, "reordered-other"),
]


@pytest.mark.parametrize(("student", "reference", "options", "correct"), [row[:4] for row in CHOICES],
                         ids=[row[4] for row in CHOICES])
def test_choices_in_every_spelling(student: str, reference: str, options: dict, correct: bool) -> None:
    assert grade("choice", student, reference, options=options).correct is correct


def test_words_in_another_order_are_refused_when_two_labels_share_them() -> None:
    options = {"choices": ["train then test", "test then train"]}
    assert grade("choice", "test then train", "test then train", options=options).correct is True
    assert "not one of the choices" in grade("choice", "then train test", "test then train", options=options).error


NAMES = {"symbols": {"hbar_t": [r"\overline{h^{(t)}}", r"\nabla h_t"], "g_t": [r"\tilde{C}_t"],
                     "cbar_t": [r"\nabla C_t"], "W_hf": ["W^{hf}"], "s_B": [r"\sigma_B"], "eps": [r"\varepsilon"]}}
SPELLINGS = [
    ("dh_t", "hbar_t", "nabla-as-d"),
    ("W_hf", "W_hf", "superscript-as-subscript"),
    ("W^hf", "W_hf", "bare-superscript"),
    ("sigma_B", "s_B", "greek-word"),
    ("epsilon", "eps", "var-greek-word"),
    (r"\epsilon", "eps", "epsilon-for-varepsilon"),
    (r"2\cdot\overline{h^{(t)}}", "2*hbar_t", "command-against-alias"),
    (r"\tilde{C}_t\nabla C_t", "g_t*cbar_t", "alias-against-alias"),
    (r"\boldsymbol\theta", "theta", "bold-without-braces"),
]


@pytest.mark.parametrize(("student", "reference"), [row[:2] for row in SPELLINGS], ids=[row[2] for row in SPELLINGS])
def test_plain_spellings_of_declared_names(student: str, reference: str) -> None:
    options = {**NAMES, "symbols": {**NAMES["symbols"], "theta": []}}
    assert grade("expression", student, reference, options=options).correct is True


NAME_REFUSALS = [
    # spellings that are not generated from a declared name: refused naming them, never read as another name
    ("sigma_C", "sigma_C is not a symbol", "other-subscript"),
    ("W_fh", "W_{fh} is not a symbol", "scripts-in-another-order"),
    ("dh", "d, h is not a symbol", "nabla-without-its-script"),
    ("hbar", "unknown symbol 'hbar'", "accent-without-its-script"),
    ("sigmaB", "B is not a symbol", "script-without-underscore"),
]


@pytest.mark.parametrize(("student", "reason"), [row[:2] for row in NAME_REFUSALS], ids=[row[2] for row in NAME_REFUSALS])
def test_spellings_not_generated_from_a_declared_name_are_refused(student: str, reason: str) -> None:
    options = {**NAMES, "symbols": {**NAMES["symbols"], "theta": []}}
    assert reason in grade("expression", student, "hbar_t", options=options).error


MATRICES = [
    ("Matrix([[1,2],[3,4]])", [[1, 2], [3, 4]], True, "sympy-call"),
    ("[[1,2],[3,4]]", [[1, 2], [3, 4]], True, "nested-lists"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", [[1, 2], [3, 4]], True, "pmatrix"),
    (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}", [[1, 2], [3, 4]], True, "bmatrix"),
    (r"\left[\begin{matrix} 1 & 2 \\ 3 & 4 \end{matrix}\right]", [[1, 2], [3, 4]], True, "bracketed-matrix"),
    ("Matrix([[1,2],[4,3]])", [[1, 2], [3, 4]], False, "swapped-entries"),
    (r"\left[\begin{array}{cc}1&2\\3&4\end{array}\right]", [[1, 2], [3, 4]], True, "array-environment"),
    ("[[1,3],[2,4]]^T", [[1, 2], [3, 4]], True, "transpose"),
    (r"\begin{pmatrix}1 & 3 \\ 2 & 4\end{pmatrix}^\top", [[1, 2], [3, 4]], True, "top-transpose"),
    (r"\begin{pmatrix}1 & 2\end{pmatrix}'", [[1], [2]], True, "prime-transpose"),
    ("[1,2,3]^T", [[1], [2], [3]], True, "flat-list-transposed-is-a-column"),
    ("[[1,2],[3,4]]^T", [[1, 2], [3, 4]], False, "transpose-of-the-reference"),
    (r"\frac{1}{-2}\begin{pmatrix}4&-2\\-3&1\end{pmatrix}", [[-2, 1], [1.5, -0.5]], True, "fraction-times"),
    ("-2*[[1,2],[3,4]]", [[-2, -4], [-6, -8]], True, "negative-scalar-times"),
    ("2[[1,2],[3,4]]", [[1, 2], [3, 4]], False, "scalar-not-applied"),
    (r"\operatorname{diag}(1,2,3)", [[1, 0, 0], [0, 2, 0], [0, 0, 3]], True, "diag"),
    (r"2\operatorname{diag}(1,2)", [[2, 0], [0, 4]], True, "scalar-times-diag"),
    ("diag(1,2)", [[1, 0], [0, 1]], False, "diag-other-entry"),
    ("[[1,2],[3,4]]^{-1}", [[-2, 1], [1.5, -0.5]], False, "inverse-not-read"),
]


@pytest.mark.parametrize(("student", "reference", "correct"), [row[:3] for row in MATRICES], ids=[row[3] for row in MATRICES])
def test_matrices_in_every_spelling(student: str, reference: list, correct: bool) -> None:
    assert grade("matrix", student, reference).correct is correct


DETERMINANTS = [
    (r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}", "a d - b c", True, "vmatrix"),
    (r"\det \begin{pmatrix} a & b \\ c & d \end{pmatrix}", "a d - b c", True, "det-pmatrix"),
    (r"\begin{vmatrix} 1 & 2 & 0 \\ 3 & 4 & 1 \\ 0 & 0 & 2 \end{vmatrix}", "-4", True, "three-by-three"),
    (r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}", "a d + b c", False, "wrong-sign"),
]


@pytest.mark.parametrize(("student", "reference", "correct"), [row[:3] for row in DETERMINANTS],
                         ids=[row[3] for row in DETERMINANTS])
def test_vmatrix_is_a_determinant_where_a_value_is_asked(student: str, reference: str, correct: bool) -> None:
    assert grade("expression", student, reference).correct is correct


SUMS = [
    (r"\sum_{t=1}^{T} t", "T(T+1)/2", True, "sum-to-symbol"),
    (r"\sum^{T}_{t=1} t", "T(T+1)/2", True, "upper-bound-first"),
    ("sum(t^2, t, 1, T)", "T(T+1)(2T+1)/6", True, "text-sum"),
    (r"\sum_{i=0}^{k-1} \gamma^i", r"\frac{1-\gamma^k}{1-\gamma}", True, "geometric"),
    (r"\prod_{j=1}^{n} j", "factorial(n)", True, "product-is-factorial"),
    (r"\sum_{t=1}^{3} t x", "6x", True, "constant-bounds"),
    (r"\sum_{t=1}^{T} t", "T^2/2", False, "wrong-closed-form"),
    (r"\sum_{i=0}^{k-1} \gamma^i", r"\frac{1-\gamma^{k+1}}{1-\gamma}", False, "off-by-one"),
]


@pytest.mark.parametrize(("student", "reference", "correct"), [row[:3] for row in SUMS], ids=[row[3] for row in SUMS])
def test_sums_and_products_with_bounds(student: str, reference: str, correct: bool) -> None:
    assert grade("expression", student, reference).correct is correct


@pytest.mark.parametrize(("student", "reason"), [
    (r"\sum_{n=0}^{\infty} x^n", "unbounded"),
    (r"\sum_{i=1}^{100000} i", "more than 10000 terms"),
    (r"\sum_{i=1}^{i} i", "depends on its own variable"),
    (r"\sum_{i=1}^{2.5} i", "whole numbers"),
], ids=["infinite", "too-long", "self-bound", "fractional-bound"])
def test_sums_that_cannot_be_evaluated_are_refused(student: str, reason: str) -> None:
    assert reason in grade("expression", student, "x").error


STEPS = {"symbols": {f"{name}_{step}": [f"{name}^{{({step})}}", f"\\overline{{{name}^{{({step})}}}}" if name == "g" else
                                         f"{name}_{{{step}}}"] for name in "xg" for step in range(4)}}
STEP_SUMS = [
    # (student, correct): a sum over the question's named steps, against x_1 g_1 + 2 x_2 g_2 + 3 x_3 g_3
    (r"\sum_{t=1}^{3} t\, x^{(t)} g^{(t)}", True, "named-steps"),
    (r"\sum_{t=1}^{3} t\, x_{t} g_t", True, "subscripted-steps"),
    (r"\sum_{t=1}^{3} t\, x^{(t)} \bar{g^{(t)}}", True, "another-accent-command"),
    (r"\sum_{s=2}^{4} (s-1) x^{(s-1)} g^{(s-1)}", True, "offset-steps"),
    (r"\sum_{t=1}^{2} t\, x^{(t)} g^{(t)}", False, "a-step-missing"),
    (r"\sum_{t=1}^{3} t\, x^{(t-1)} g^{(t)}", False, "shifted-step"),
]


@pytest.mark.parametrize(("student", "correct"), [row[:2] for row in STEP_SUMS], ids=[row[2] for row in STEP_SUMS])
def test_sums_over_the_named_steps_of_a_question_are_written_out(student: str, correct: bool) -> None:
    assert grade("expression", student, "x_1 g_1 + 2 x_2 g_2 + 3 x_3 g_3", options=STEPS).correct is correct


def test_a_sum_reaching_a_step_the_question_does_not_name_is_refused() -> None:
    assert "is not a symbol of this question" in grade("expression", r"\sum_{t=1}^{4} x^{(t)}", "x_1", options=STEPS).error


REFERENCES = [
    ("x", "(x-a)^{6000}", "expression", False, "large-exponent"),
    ("(n+1)!", "factorial(n+1)", "expression", True, "symbolic-factorial"),
    ("log(x)/log(10)", "log(x, 10)", "expression", True, "log-with-base"),
    ("[[1,2],[3,4]]", "Matrix([[1,2],[3,4]])", "matrix", True, "sympy-matrix-text"),
]


@pytest.mark.parametrize(("student", "reference", "kind", "correct"), [row[:4] for row in REFERENCES],
                         ids=[row[4] for row in REFERENCES])
def test_references_as_instructors_write_them_are_read(student: str, reference: str, kind: str, correct: bool) -> None:
    assert grade(kind, student, reference).correct is correct


def test_a_student_still_may_not_write_a_large_exponent() -> None:
    assert "too large" in grade("expression", "(x-a)^{6000}", "(x-a)^{6000}").error


def test_an_unreadable_reference_is_an_error_when_the_question_is_loaded() -> None:
    from graders import check_reference

    with pytest.raises(ValueError, match="bad expression reference"):
        check_reference("expression", "x +* 2")
    with pytest.raises(ValueError, match="bad expression reference"):
        check_reference("expression", "x", options={"mistakes": [{"answer": "((x", "feedback": "", "score": 0}]})


COMPLEX = [
    ("3+4i", "3+4i", True, "i"),
    ("3+4I", "3+4i", True, "capital-i"),
    (r"\sqrt{-1}", "i", True, "root-of-minus-one"),
    (r"e^{i\pi}", "-1", True, "euler"),
    ("1/(1+i)", "(1-i)/2", True, "division"),
    ("3-4i", "3+4i", False, "conjugate"),
    ("3", "3+4i", False, "real-part-only"),
]


@pytest.mark.parametrize(("student", "reference", "correct"), [row[:3] for row in COMPLEX], ids=[row[3] for row in COMPLEX])
def test_complex_numbers_where_the_question_allows_them(student: str, reference: str, correct: bool) -> None:
    assert grade("number", student, reference, options={"complex": True}).correct is correct


def test_upright_letters_inside_a_number_are_not_a_unit() -> None:
    assert "contains the symbol(s) c, m" in grade("number", r"5 \mathrm{cm} + 3", 8).error


def test_without_complex_i_is_the_imaginary_unit_of_a_value_that_must_be_real() -> None:
    assert grade("number", r"e^{i\pi}", -1).correct is True
    assert grade("number", "i^2", -1).correct is True
    assert grade("number", "3+4i", 3).feedback == "Your answer is not a real number."
    assert grade("number", r"\sqrt{-1}", 0).correct is False
    assert "contains the symbol(s) i, x" in grade("number", "i x", 0).error


COMPLEX_EXPRESSIONS = [
    # (student, reference, options, correct): a reference with SymPy's I makes the answer's i the imaginary unit
    (r"\cos x + i\sin x", "exp(I*x)", {}, True, "euler-formula"),
    ("e^{ix}", "exp(I*x)", {}, True, "implicit-product"),
    ("I x", "I*x", {}, True, "capital-i"),
    ("(1+i)^2", "2*I", {}, True, "arithmetic"),
    (r"\cos x - i\sin x", "exp(I*x)", {}, False, "conjugate"),
    ("e^{-ix}", "exp(I*x)", {}, False, "conjugate-power"),
    (r"\cos x", "exp(I*x)", {}, False, "real-part-only"),
    ("x", "I*x", {}, False, "unit-dropped"),
    ("e^{ix} + 10^{-12} i", "exp(I*x)", {}, False, "hidden-imaginary-term"),
]


@pytest.mark.parametrize(("student", "reference", "options", "correct"), [row[:4] for row in COMPLEX_EXPRESSIONS],
                         ids=[row[4] for row in COMPLEX_EXPRESSIONS])
def test_complex_values_in_expressions(student: str, reference: str, options: dict, correct: bool) -> None:
    assert grade("expression", student, reference, options=options).correct is correct


def test_a_complex_sympy_reference_reads_i_as_the_unit_too() -> None:
    import sympy

    x = sympy.Symbol("x")
    assert grade("expression", "e^{ix}", sympy.exp(sympy.I * x)).correct is True
    assert grade("expression", "e^{-ix}", sympy.exp(sympy.I * x)).correct is False


@pytest.mark.parametrize("kind", ["number", "integer", "expression"])
@pytest.mark.parametrize("student", ["x = 2 or x = -2", r"x = 2 \text{ or } x = -2", r"\pm 2", "x = 2, x = -2", "2 = 2 = -2"],
                         ids=["or", "text-or", "plus-minus", "comma", "chain"])
def test_two_values_never_answer_a_question_about_one(kind: str, student: str) -> None:
    assert grade(kind, student, "2").correct is False


BOUNDS = [
    ("O(d) + O(H) + O(W)", "O(d + H + W)", True, "sum-of-orders"),
    (r"d \cdot O(k^2 T)", "O(d k^2 T)", True, "factor-outside"),
    ("d O(k^2 T)", "O(d k^2 T)", True, "implicit-factor-outside"),
    (r"O(\max(d, H, W))", "O(d + H + W)", True, "max-of-sizes"),
    (r"O(G^2 H \max(D, H))", "O(G^2 H D + G^2 H^2)", True, "max-inside-a-product"),
    ("O(d) + O(H)", "O(d)", False, "sum-grows-faster"),
    (r"O(\max(d, H))", "O(d)", False, "max-is-not-its-first"),
    (r"d \cdot O(H)", "O(d + H)", False, "factor-multiplies"),
    (r"O(\min(d, H))", "O(d + H)", False, "min-is-not-max"),
]


@pytest.mark.parametrize(("student", "reference", "correct"), [row[:3] for row in BOUNDS], ids=[row[3] for row in BOUNDS])
def test_bounds_written_as_sums_products_and_maxima_of_orders(student: str, reference: str, correct: bool) -> None:
    assert grade("bigo", student, reference).correct is correct


def test_a_sum_of_different_kinds_of_bound_is_refused() -> None:
    assert "not one bound" in grade("bigo", r"O(d) + \Omega(H)", "O(d + H)").error
