r"""The `indexed` kind: an element of a tensor as a formula in its indices, evaluated for every index value on the
part's sample tensors and compared with values computed by NumPy (here: a strided 1-D convolution, stride 2, kernel
3, 7 channels, 11 steps, counted from 1 as the NYU question does)."""

import numpy as np
import pytest

import graders
from graders.kinds.indexed_eval import MAX_ELEMENTS

rng = np.random.default_rng(7)
SAMPLES = [{"x": rng.normal(size=(11, 7)), "W": rng.normal(size=(1, 7, 3))} for _ in range(3)]


def _forward(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return np.array([np.sum(x[2 * n : 2 * n + 3].T * w[0]) for n in range(5)])


def _d_input(w: np.ndarray) -> np.ndarray:
    out = np.zeros((5, 7, 11))
    for n in range(5):
        out[n, :, 2 * n : 2 * n + 3] = w[0]
    return out


def _options(index: list, shape: list, base: int = 1, **more: object) -> dict:
    inputs = [{k: v.tolist() for k, v in s.items()} for s in SAMPLES]
    return {"tensors": {"x": [11, 7], "W": [1, 7, 3]}, "index": index, "shape": shape, "base": base, "inputs": inputs,
            **more}


FORWARD = (np.stack([_forward(s["x"], s["W"]) for s in SAMPLES]), _options(["n"], [5]))
D_INPUT = (np.stack([_d_input(s["W"]) for s in SAMPLES]), _options(["n", "k", "i"], [5, 7, 11]))


def _grade(answer: str, part: tuple = FORWARD, **options: object) -> graders.GradeResult:
    reference, base_options = part
    return graders.grade("indexed", answer, reference, options={**base_options, **options})


@pytest.mark.parametrize("answer", [
    pytest.param(r"f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", id="with its left side"),
    pytest.param(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", id="without a left side"),
    pytest.param(r"f[j] = \sum_{c=1}^{7} \sum_{t=1}^{3} x[2j-2+t][c] \cdot W_{1,c,t}", id="its own index names"),
    pytest.param(r"$f_{\mathbf{W}}(\mathbf{x})[n] = \sum_{i=1}^3 \sum_{k=1}^7 \boldsymbol{W}[1, k, i] \, \mathbf{x}[2(n-1) + i][k]$",
                 id="fonts, dollars, sums swapped"),
    pytest.param(r"sum_{k=1}^{7} sum_{i=1}^{3} x[2(n-1)+i, k]*W[1][k][i]", id="plain text, comma indices"),
    pytest.param(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[k,i]", id="W's axis of size 1 unwritten"),
    pytest.param(r"\sum\limits_{k=1}^{7} \left( \sum_{i=1}^{3} x[2n-2+i][k] W[1,k,i] \right)", id="limits, sized brackets"),
    pytest.param(r"\sum^{7}_{k=1} \sum^{3}_{i=1} x[2(n-1)+i][k] W[1,k,i]", id="upper bound written first"),
    pytest.param(r"sum(sum(x[2*(n-1)+i][k]*W[1,k,i], i, 1, 3), k, 1, 7)", id="plain text sum(f, k, low, high)"),
    pytest.param(r"The answer is $f[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]$.", id="in a sentence"),
    pytest.param(r"\(\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]\)", id="between \\( and \\)"),
])
def test_right_forward_formulas_are_accepted(answer: str) -> None:
    result = _grade(answer)
    assert (result.correct, result.error) == (True, None)


def test_axes_of_size_one_may_go_unnamed_on_the_left_side() -> None:
    windows = np.stack([np.stack([s["x"][2 * n : 2 * n + 3].T for n in range(5)])[:, None] for s in SAMPLES])
    d_weights = (windows, _options(["n", 1, "k", "i"], [5, 1, 7, 3]))
    for left in ("[n, 1, k, i]", "[n, k, i]", "_{n,k,i}"):
        assert _grade(rf"\frac{{\partial f}}{{\partial W}}{left} = x[2(n-1)+i][k]", d_weights).correct is True
    assert "names the index n twice" in _grade(r"f[n, n, i] = x[n][i]", d_weights).error
    wrong = _grade(r"\frac{\partial f}{\partial W}[n, k, i] = x[n+i-1][k]", d_weights)
    assert "[n, 1, k, i] = [2, 1, 1, 1]" in wrong.feedback


def test_a_zero_based_part_reads_zero_based_indices() -> None:
    zero_based = (FORWARD[0], _options(["n"], [5], base=0))
    assert _grade(r"\sum_{k=0}^{6} \sum_{i=0}^{2} x[2n+i][k] W[0,k,i]", zero_based).correct is True
    assert _grade(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", zero_based).correct is False


@pytest.mark.parametrize("answer", [
    pytest.param(r"\frac{\partial f_W(x)}{\partial x}[n,k,i] = \begin{cases} W[1,k,i-2(n-1)] & \text{when } "
                 r"2(n-1) < i \le 2(n-1)+3 \\ 0 & \text{otherwise} \end{cases}", id="cases with when/otherwise"),
    pytest.param(r"\begin{cases} W[1,k,i-2n+2], & \text{if } 2n-1 \leq i \text{ and } i \leq 2n+1 \\ 0, & \text{else} "
                 r"\end{cases}", id="if/and/else, commas"),
    pytest.param(r"W[1,k,i-2(n-1)] \, \mathbb{1}_{2(n-1) < i \le 2(n-1)+3}", id="an indicator guards the lookup"),
    pytest.param(r"\mathbb{1}[2n-1 \le i \le 2n+1] \cdot W[1,k,i-2n+2]", id="indicator with brackets, chained"),
    pytest.param(r"\sum_{j=1}^{3} W[1,k,j] \delta_{i, 2(n-1)+j}", id="Kronecker delta"),
    pytest.param(r"\frac{\partial f}{\partial x}[m,c,t] = \begin{cases} 0 & t \le 2(m-1) \lor t > 2m+1 \\ "
                 r"W[1,c,t-2m+2] & \text{otherwise} \end{cases}", id="renamed, the zero case first, or"),
    pytest.param(r"\begin{cases} W[1,k,i-2(n-1)] & \text{if } i \in \{2n-1, 2n, 2n+1\} \\ 0 & \text{otherwise} "
                 r"\end{cases}", id="membership in a listed set"),
    pytest.param(r"W[1,k,i-2(n-1)] \, \mathbb{1}[i \in \{2n-1, \dots, 2n+1\}]", id="membership in a range"),
    pytest.param(r"W[1,k,i-2(n-1)] \text{ if } i \in [2n-1, 2n+1] \text{ else } 0", id="inline if/else"),
    pytest.param(r"W[1,k,i-2(n-1)] \text{ if } 2(n-1) < i \le 2(n-1)+3; \; 0 \text{ otherwise}", id="inline otherwise"),
    pytest.param("W[1,k,i−2(n−1)] if 2(n−1) < i ≤ 2(n−1)+3 else 0", id="plain text with unicode"),
    pytest.param(r"f[n,k,i] = W[1,k,i-2(n-1)] \text{ if } i - 2(n-1) = 1 \lor i - 2n = 0 \lor i = 2n+1 \text{ else } 0",
                 id="an equation in an inline condition"),
    pytest.param(r"\begin{cases} W[1,k,i-2n+2] & \text{if } |i-2n| \le 1 \\ 0 & \text{otherwise} \end{cases}",
                 id="an absolute value bounded"),
    pytest.param(r"\begin{cases} 0 & \left\lvert 2n - i \right\rvert > 1 \\ W[1,k,i-2n+2] & \text{otherwise} \end{cases}",
                 id="an absolute value exceeding, lvert"),
    pytest.param("W[1,k,i-2(n-1)] if 2(n-1) < i <= 2(n-1)+3, 0 otherwise", id="inline, a comma before otherwise"),
])
def test_right_derivatives_with_cases_are_accepted(answer: str) -> None:
    result = _grade(answer, D_INPUT)
    assert (result.correct, result.error) == (True, None)


@pytest.mark.parametrize("answer", [
    r"\begin{cases} W[1,k,i-2n+2] & \text{if } |i-2n| < 2 \\ 0 & \text{otherwise} \end{cases}",
    r"\begin{cases} W[1,k,i-2n+2] & \text{if } |i-2n| = 1 \\ 0 & \text{otherwise} \end{cases}",
    r"\begin{cases} W[1,k,i-2n+2] & \text{if } |i-2n| \ne 0 \\ 0 & \text{otherwise} \end{cases}",
])
def test_an_absolute_value_in_a_condition_is_read_as_written(answer: str) -> None:
    right = "< 2" in answer  # |i - 2n| < 2 is the window; = 1 and != 0 leave its middle out (and != 0 looks outside)
    assert _grade(answer, D_INPUT).correct is right


def test_a_fixed_upper_bound_is_wrong_and_says_where() -> None:
    result = _grade(r"\begin{cases} W[1,k,i-2(n-1)] & \text{when } 2(n-1) < i \le 3 \\ 0 & \text{otherwise} \end{cases}",
                    D_INPUT)
    assert result.correct is False and "[n, k, i] = [2, 1, 4]" in result.feedback


def test_an_index_out_of_range_is_feedback_naming_it() -> None:
    result = _grade(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2n+i][k] W[1,k,i]")
    assert (result.correct, result.error) == (False, None)
    assert "x[2n+i][k] is out of range" in result.feedback and "reaches 13" in result.feedback


def test_a_lookup_outside_its_case_is_not_an_error_but_an_unguarded_one_is() -> None:
    assert "out of range" in _grade(r"W[1,k,i-2(n-1)]", D_INPUT).feedback


def test_cases_that_leave_elements_out_say_so() -> None:
    result = _grade(r"\begin{cases} W[1,k,i-2(n-1)] & 2(n-1) < i \le 2(n-1)+3 \end{cases}", D_INPUT)
    assert result.correct is False and "No case" in result.feedback


@pytest.mark.parametrize(("answer", "says"), [
    (r"\sum_{k=1}^{7} x[(n+1)/2][k]", "not a whole number"),
    (r"x[0/0][1]", "not a whole number (or not finite)"),
    (r"x[10^{400}][1]", "not a whole number (or not finite)"),
    (r"x[10^{300}][1]", "reaches 1e+300"),
    (r"x[1][1] / (n - n)", "undefined"),
    (r"(2 + x[1][1]^2)^{10^{10}}", "undefined"),
])
def test_indices_and_values_that_cannot_be_are_feedback(answer: str, says: str) -> None:
    result = _grade(answer)
    assert (result.correct, result.error) == (False, None) and says in result.feedback


@pytest.mark.parametrize(("answer", "says"), [
    pytest.param(r"\sum_{k=1}^{7} x[2(n-1)+1][k] W[1,k,1] + q", "unknown index 'q'", id="unknown index"),
    pytest.param(r"x[n][1] = \sum_{k=1}^{7} x[n][k]", "names a tensor the question gives", id="left side is an input"),
    pytest.param(r"f[n, k] = x[n][k]", "the quantity has 1 indices", id="left side with two indices"),
    pytest.param(r"\sum_{k=1}^{7} x[n]", "x has 2", id="too few indices of a tensor"),
    pytest.param(r"x W", "needs its indices", id="a tensor without indices"),
    pytest.param(r"n[1] W[1,1,1]", "n is not a tensor", id="an index indexed"),
    pytest.param(r"\sum_{n=1}^{5} x[n][1]", "already an index", id="a sum over a free index"),
    pytest.param(r"f[n] = a = b", "several '='", id="two equals"),
    pytest.param(r"\sum_{k=1}^{100000} x[1][1]", "more than 10,000 terms", id="a long sum"),
    pytest.param(r"\sum_{a=1}^{999}\sum_{b=1}^{999}\sum_{c=1}^{999} x[1][1]", f"more than {MAX_ELEMENTS:,}",
                 id="nested sums beyond the bound"),
    pytest.param("x[1][1]" + " + x[1][1]" * 300, "longer than 2000", id="long answer"),
    pytest.param("(" * 60 + "x[1][1]" + ")" * 60, "nested more than", id="deep answer"),
    pytest.param("1+" * 999 + "1", "more than 150 operations", id="a long chain"),
    pytest.param("-" * 1999 + "1", "more than 150 operations", id="many signs"),
    pytest.param(r"\sum_{k=1}^{7} x[2(n-1)+i][k] W[1,k,i", "unexpected", id="unclosed bracket"),
])
def test_unreadable_answers_get_an_error_naming_why(answer: str, says: str) -> None:
    result = _grade(answer)
    assert result.correct is False and result.error is not None and says in result.error


def test_work_is_bounded_over_the_whole_formula() -> None:
    many = " + ".join([r"\sum_{a=1}^{160}\sum_{b=1}^{160} n a b x[1][1]"] * 12)  # each sum within MAX_ELEMENTS
    result = _grade(many)
    assert result.error is not None and "too much work" in result.error


def test_partial_credit_counts_right_elements_when_the_part_allows_it() -> None:
    stride_one = r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[n+i-1][k] W[1,k,i]"
    assert _grade(stride_one).score == 0
    assert _grade(stride_one, partial=True).score == pytest.approx(1 / 5)  # n = 1 reads the same window


def test_unknown_options_are_refused() -> None:
    with pytest.raises(ValueError, match="shapes"):
        _grade("x[1][1]", shapes=[5])


def test_equivalent_answers_share_a_fingerprint() -> None:
    options = FORWARD[1]
    a = graders.fingerprint("indexed", r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[n+i-1][k] W[1,k,i]", options)
    b = graders.fingerprint("indexed", r"g[j] = \sum_{i=1}^{3} \sum_{c=1}^{7} W[1,c,i] x[j-1+i][c]", options)
    assert a is not None and a == b


def test_the_known_mistake_feedback_reaches_the_student() -> None:
    mistakes = [{"answer": r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[n+i-1][k] W[1,k,i]", "feedback": "stride", "score": 0.25}]
    result = _grade(r"\sum_{i=1}^{3} \sum_{k=1}^{7} x[n-1+i][k] \cdot W[1,k,i]", mistakes=mistakes)
    assert (result.mistake, result.score, result.feedback) == (0, 0.25, "stride")


@pytest.mark.parametrize(("answer", "part"), [
    pytest.param(r"f[j] = \sum_{c=1}^{7} \sum_{t=1}^{3} x[2j-2+t][c] \cdot W_{1,c,t}", FORWARD, id="forward"),
    pytest.param(r"-(x[1][1] - (x[2][1]+x[3][n]))/2 \cdot (-3) + (\sum_{j=1}^{2} x[j][1]) x[1][1] + x[1][1]^{2+n}",
                 FORWARD, id="precedence"),
    pytest.param(r"\begin{cases} W[1,k,i-2n+2], & \text{if } 2n-1 \leq i \text{ and } i \leq 2n+1 \\ 0, & \text{else} "
                 r"\end{cases}", D_INPUT, id="cases"),
    pytest.param(r"\mathbb{1}[2n-1 \le i \le 2n+1 \lor i = 0] \cdot W[1,k,i-2n+2] \delta_{k,k}", D_INPUT, id="indicator"),
])
def test_the_reading_shown_to_the_student_reads_back_to_the_same_values(answer: str, part: tuple) -> None:
    shown = graders.interpret("indexed", answer, options=part[1]).latex
    assert shown is not None and "\\T{" not in shown
    ours = graders.fingerprint("indexed", answer, part[1])
    assert ours is not None and graders.fingerprint("indexed", shown, part[1]) == ours


def test_a_zero_based_answer_to_a_one_based_part_names_the_index_and_the_counting() -> None:
    result = _grade(r"\sum_{k=0}^{6} \sum_{i=0}^{2} x[2n+i][k] W[0,k,i]")
    assert "W[0,k,i] is out of range" in result.feedback and "the question counts from 1" in result.feedback


def _loss_gradient_part() -> tuple:
    g = [rng.normal(size=5) for _ in SAMPLES]
    windows = [np.stack([s["x"][2 * n : 2 * n + 3].T for n in range(5)]) for s in SAMPLES]
    values = np.stack([np.einsum("n,nki->ki", gs, w)[None] for gs, w in zip(g, windows, strict=True)])
    options = _options([1, "k", "i"], [1, 7, 3], spellings={"g": [r"\frac{\partial \ell}{\partial f_W(x)}"]})
    options["tensors"] = {**options["tensors"], "g": [5]}
    options["inputs"] = [{**sample, "g": gs.tolist()} for sample, gs in zip(options["inputs"], g, strict=True)]
    return values, options


@pytest.mark.parametrize("answer", [
    pytest.param(r"\sum_{n=1}^{5} \frac{\partial \ell}{\partial f_W(x)}[n] \, x[2(n-1)+i][k]", id="as declared"),
    pytest.param(r"\sum_{n=1}^{5} \frac{\partial \ell}{\partial f_W(x)[n]} \, x[2(n-1)+i][k]", id="index inside"),
    pytest.param(r"sum(dl/df_W(x)[n] * x[2*(n-1)+i][k], n, 1, 5)", id="plain text slash"),
    pytest.param(r"\sum_{n=1}^{5} \partial \ell/\partial f_W(x)[n] \, x[2(n-1)+i][k]", id="LaTeX slash"),
    pytest.param(r"\boxed{\sum_{n=1}^{5} \frac{\partial \ell}{\partial f_W(x)}[n] \, x[2(n-1)+i][k]}", id="boxed"),
])
def test_a_declared_fraction_is_read_in_its_other_spellings(answer: str) -> None:
    result = _grade(answer, _loss_gradient_part())
    assert (result.correct, result.error) == (True, None)


def test_a_kronecker_delta_may_join_its_two_indices() -> None:
    windows = np.stack([np.stack([s["x"][2 * n : 2 * n + 3].T for n in range(5)])[:, None] for s in SAMPLES])
    d_weights = (windows, _options(["n", 1, "k", "i"], [5, 1, 7, 3]))
    assert _grade(r"\sum_{j=1}^{3} x[2(n-1)+j][k] \, \delta_{ij}", d_weights).correct is True
    assert _grade(r"\sum_{j=1}^{3} x[2(n-1)+j][k] \, \delta_{jk}", d_weights).correct is False


@pytest.mark.parametrize("clause", [r", \quad n = 1, \dots, 5", r" \text{ for } n = 1, 2, 3, 4, 5",
                                    r" \text{ for all } 1 \le n \le 5"])
def test_a_closing_clause_restating_the_range_is_read_and_checked(clause: str) -> None:
    formula = r"f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]"
    assert (_grade(formula + clause).correct, _grade(formula + clause).error) == (True, None)


@pytest.mark.parametrize(("clause", "says"), [
    (r", \quad n = 0, \dots, 4", "in the question n runs from 1 to 5"),
    (r" \text{ for } n = 1, 2, 3", "in the question n runs from 1 to 5"),
    (r" \text{ for } n = 1, 3, 5", "not a run of whole numbers"),
    (r", \quad k = 1, \dots, 7", "not an index of the quantity"),
])
def test_a_range_clause_other_than_the_question_s_is_refused(clause: str, says: str) -> None:
    result = _grade(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]" + clause)
    assert result.correct is False and says in (result.error or "")


@pytest.mark.parametrize("hidden", [
    r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i] + 10^{-13}",
    r"(1 + 10^{-13}) \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]",
    r"\sum_{k=1}^{7} \sum_{i=1}^{3} (x[2(n-1)+i][k] - 10^{-14} \cdot W[1,k,i]) W[1,k,i]",
])
def test_a_term_too_small_to_see_on_the_samples_is_still_a_term(hidden: str) -> None:
    result = _grade(hidden)
    assert result.correct is False and "too small to see" in result.feedback


def test_terms_that_cancel_are_no_hidden_term() -> None:
    answer = r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i] + x[2n][1] - x[2n][1] + 0 \cdot W[1,1,1]"
    assert _grade(answer).correct is True
