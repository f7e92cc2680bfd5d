"""Convolution sizes of the bank, and the derivatives the NYU 1.1(c) rubrics expect, checked on actual arrays."""

import numpy as np
import pytest
import sympy as sp

import graders
from reference import get_part
from reference.models.conv import convolve, finite_difference, output_size
from reference.nyu_dl_hw2 import q1_1_elements as elements

rng = np.random.default_rng(0)

AXIS_CASES = [
    pytest.param(11, 3, 1, 0, 1, id="plain"),
    pytest.param(11, 3, 2, 0, 1, id="stride 2"),
    pytest.param(12, 4, 3, 1, 1, id="stride 3, padding 1, rounding down"),
    pytest.param(20, 3, 1, 0, 2, id="dilation 2"),
    pytest.param(25, 5, 2, 3, 3, id="stride, padding and dilation"),
    pytest.param(7, 7, 1, 0, 1, id="kernel as long as the input"),
]


@pytest.mark.parametrize(("size", "kernel", "stride", "padding", "dilation"), AXIS_CASES)
def test_output_size_matches_an_actual_convolution(size: int, kernel: int, stride: int, padding: int, dilation: int) -> None:
    result = convolve(rng.normal(size=(2, size)), rng.normal(size=(3, 2, kernel)), stride=stride, padding=padding,
                      dilation=dilation)
    assert result.output.shape == (3, output_size(size, kernel, stride=stride, padding=padding, dilation=dilation))


def test_convolution_computes_the_cross_correlation() -> None:
    x, w = rng.normal(size=(1, 9)), rng.normal(size=(1, 1, 3))
    expected = [x[0, 2 * n: 2 * n + 5: 2] @ w[0, 0] for n in range(3)]   # stride 2, dilation 2
    assert convolve(x, w, stride=2, dilation=2).output[0] == pytest.approx(expected)


SIZE_PARTS = [
    pytest.param("nyu-dl-hw2/q1.1/a-output-size", (19, 27), (3, 3), 2, 0, id="19x27, 3x3, stride 2"),
]


@pytest.mark.parametrize(("part_id", "size", "kernel", "stride", "padding"), SIZE_PARTS)
def test_bank_output_size_is_the_shape_of_an_actual_convolution(part_id: str, size: tuple, kernel: tuple, stride: int,
                                                                padding: int) -> None:
    result = convolve(np.zeros((1, *size)), np.zeros((1, 1, *kernel)), stride=stride, padding=padding)
    assert result.output.shape[1:] == tuple(get_part(part_id).reference)


def test_bank_1d_output_length_is_that_of_an_actual_convolution() -> None:
    result = convolve(np.zeros((7, 11)), np.zeros((1, 7, 3)), stride=2)
    assert result.output.shape == (1, get_part("nyu-dl-hw2/q1.1/c-i-output-length").reference)


SHAPE_CASES = [
    pytest.param({"F": 4, "H": 9, "W": 13, "K": 3, "P": 1, "S": 2, "D": 1}, id="stride 2, padding 1"),
    pytest.param({"F": 2, "H": 11, "W": 15, "K": 3, "P": 0, "S": 2, "D": 2}, id="dilation 2"),
    pytest.param({"F": 1, "H": 15, "W": 9, "K": 2, "P": 2, "S": 3, "D": 3}, id="stride, padding and dilation"),
]


@pytest.mark.parametrize("sizes", SHAPE_CASES)
def test_bank_general_output_shape_matches_an_actual_convolution(sizes: dict) -> None:
    result = convolve(np.zeros((1, sizes["H"], sizes["W"])), np.zeros((sizes["F"], 1, sizes["K"], sizes["K"])),
                      stride=sizes["S"], padding=sizes["P"], dilation=sizes["D"])
    formula = get_part("nyu-dl-hw2/q1.1/b-output-shape").reference
    assert tuple(sp.sympify(e).subs({sp.Symbol(k, positive=True): v for k, v in sizes.items()}) for e in formula) \
        == result.output.shape



def _strided_conv(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return convolve(x, w, stride=2).output[0]


def test_rubric_derivative_by_the_weights_is_the_input_window() -> None:
    x, w = rng.normal(size=(7, 11)), rng.normal(size=(1, 7, 3))
    expected = np.array([[[[x[k, 2 * n + i] for i in range(3)] for k in range(7)]] for n in range(5)])
    assert finite_difference(lambda v: _strided_conv(x, v), w) == pytest.approx(expected, abs=1e-6)


def test_rubric_derivative_by_the_input_is_the_kernel_in_a_moving_window() -> None:
    x, w = rng.normal(size=(7, 11)), rng.normal(size=(1, 7, 3))
    expected = np.zeros((5, 7, 11))
    for n in range(5):
        expected[n, :, 2 * n: 2 * n + 3] = w[0]     # 2(n-1) < i <= 2(n-1) + 3 in 1-based indices
    assert finite_difference(lambda v: _strided_conv(v, w), x) == pytest.approx(expected, abs=1e-6)


def test_rubric_weight_gradient_sums_over_all_five_outputs() -> None:
    x, w, upstream = rng.normal(size=(7, 11)), rng.normal(size=(1, 7, 3)), rng.normal(size=5)
    expected = sum(upstream[n] * x[:, 2 * n: 2 * n + 3] for n in range(5))
    gradient = finite_difference(lambda v: np.array(upstream @ _strided_conv(x, v)), w)
    assert gradient[0] == pytest.approx(expected, abs=1e-6)


# --- the indexed parts' references: NumPy derivatives checked against finite differences of the real convolution ----

def _tensors() -> dict[str, np.ndarray]:
    return {"x": rng.normal(size=(11, 7)), "W": rng.normal(size=(1, 7, 3)), "g": rng.normal(size=5)}


def test_bank_forward_reference_is_the_convolution_in_the_answers_indexing() -> None:
    t = _tensors()
    expected = [sum(t["x"][2 * n + i, k] * t["W"][0, k, i] for k in range(7) for i in range(3)) for n in range(5)]
    assert elements.HANDOUT.forward(t["x"], t["W"]) == pytest.approx(expected)


def test_bank_derivative_by_the_weights_is_the_finite_difference() -> None:
    t = _tensors()
    numeric = finite_difference(lambda w: elements.HANDOUT.forward(t["x"], w), t["W"])
    assert elements.HANDOUT.d_weights(t["x"]) == pytest.approx(numeric, abs=1e-6)


def test_bank_derivative_by_the_input_is_the_finite_difference() -> None:
    t = _tensors()
    numeric = finite_difference(lambda x: elements.HANDOUT.forward(x, t["W"]), t["x"])  # (n, step, channel)
    assert elements.HANDOUT.d_input(t["W"]) == pytest.approx(numeric.transpose(0, 2, 1), abs=1e-6)


def test_bank_loss_gradient_is_the_finite_difference_of_the_loss() -> None:
    t = _tensors()
    numeric = finite_difference(lambda w: np.array(t["g"] @ elements.HANDOUT.forward(t["x"], w)), t["W"])
    assert elements.HANDOUT.loss_gradient(t["x"], t["g"]) == pytest.approx(numeric, abs=1e-6)


@pytest.mark.parametrize("name", sorted(elements.QUANTITIES))
def test_bank_indexed_reference_is_the_numpy_quantity_on_the_parts_samples(name: str) -> None:
    part = get_part(f"nyu-dl-hw2/q1.1/{name}")
    samples = [{k: np.asarray(v) for k, v in s.items()} for s in part.options["inputs"]]
    values = [elements.QUANTITIES[name](elements.HANDOUT, s) for s in samples]
    assert np.asarray(part.reference) == pytest.approx(np.stack(values))


def test_seed_001_window_with_a_fixed_upper_bound_is_right_for_the_first_output_only() -> None:
    # 001's (iii): W[1, k, i - 2(n-1)] when 2(n-1) < i <= 3 (1-based), written here in 0-based NumPy
    w = rng.normal(size=(1, 7, 3))
    theirs = np.zeros((5, 7, 11))
    for n, i in ((n, i) for n in range(5) for i in range(11) if 2 * n <= i < 3):
        theirs[n, :, i] = w[0, :, i - 2 * n]
    right = elements.HANDOUT.d_input(w)
    assert np.allclose(theirs[0], right[0]) and not any(np.allclose(theirs[n], right[n]) for n in range(1, 5))


def test_seed_001_loss_gradient_summed_to_two_misses_three_outputs() -> None:
    t = _tensors()
    theirs = np.einsum("n,nfki->fki", t["g"][:2], elements.HANDOUT.d_weights(t["x"])[:2])
    assert not np.allclose(theirs, elements.HANDOUT.loss_gradient(t["x"], t["g"]))


@pytest.mark.parametrize(("name", "answer"), [
    ("c-i-formula", r"f_W(x)[n] = \sum_{k=0}^{6} \sum_{i=0}^{2} x[2n+i][k] W[0,k,i]"),
    ("c-ii-dw", r"\frac{\partial f_W(x)}{\partial W}[n,0,k,i] = x[2n+i][k]"),
    ("c-iv-dl-dw", r"\sum_{n=0}^{4} g[n] x[2n+i][k]"),
])
def test_a_zero_based_answer_is_told_that_the_question_counts_from_one(name: str, answer: str) -> None:
    part = get_part(f"nyu-dl-hw2/q1.1/{name}")
    result = graders.grade(part.kind, answer, part.reference, options=part.grading_options())
    shown = f"{result.feedback} {result.error}"
    assert result.correct is False and "counts from 1" in shown
