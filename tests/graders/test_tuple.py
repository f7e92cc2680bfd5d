"""Tuples: ordered values such as shapes, element-wise with tolerance, with optional partial credit."""

import pytest

from graders import grade


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("9x13", id="x"),
        pytest.param("9×13", id="times-sign"),
        pytest.param(r"9 \times 13", id="latex-times"),
        pytest.param("(9, 13)", id="parentheses"),
        pytest.param("[9,13]", id="brackets"),
        pytest.param("9, 13", id="bare"),
        pytest.param("(27/3, 13.0)", id="arithmetic"),
        pytest.param(r"\langle 9, 13 \rangle", id="angle-brackets"),
        pytest.param(r"\boxed{9 \times 13}", id="boxed"),
        pytest.param(r"\boxed{(9, 13)}", id="boxed-tuple"),
        pytest.param(r"\frac{\partial L}{\partial W} \in \mathbb{R}^{9 \times 13}", id="derivative-label-in-space"),
        pytest.param(r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{W}} \in \mathbb{R}^{9 \times 13}",
                     id="bold-derivative-label"),
        pytest.param(r"\mathbf{W} \in R^{9 \times 13}", id="name-label"),
    ],
)
def test_shape_spellings_are_accepted(student: str) -> None:
    assert grade("tuple", student, (9, 13)).correct is True


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("13x9", id="swapped"),
        pytest.param("(9, 13, 1)", id="too-long"),
        pytest.param("(9)", id="too-short"),
        pytest.param(r"\frac{\partial L}{\partial W} \in \mathbb{R}^{13 \times 9}", id="labelled-swapped"),
        pytest.param(r"\boxed{9 \times 13 \times 1}", id="boxed-too-long"),
        pytest.param("(9, 14)", id="one-wrong"),
    ],
)
def test_wrong_shapes_are_refused(student: str) -> None:
    assert grade("tuple", student, [9, 13]).correct is False


def test_partial_credit_is_the_fraction_of_right_positions_and_names_the_wrong_ones() -> None:
    result = grade("tuple", "(26, 27)", "(26, 28)", options={"partial": True})
    assert result.score == 0.5 and "position 2" in result.feedback and "28" not in result.feedback


def test_without_partial_a_partly_right_tuple_scores_zero() -> None:
    assert grade("tuple", "(26, 27)", "(26, 28)").score == 0


def test_symbolic_elements_are_compared_as_expressions() -> None:
    assert grade("tuple", "(2F, H+1)", ["F+F", "1+H"]).correct is True


def test_tolerance_applies_to_each_element() -> None:
    assert grade("tuple", "(0.333, 2)", (1 / 3, 2), options={"rtol": 1e-2}).correct is True


def test_length_mismatch_says_how_many_values_are_expected() -> None:
    assert "Expected 2 values" in grade("tuple", "(1, 2, 3)", (1, 2)).feedback


@pytest.mark.parametrize("answer", [r"5 \times (1 \times 7 \times 3)", r"\mathbb{R}^{5 \times (1 \times 7 \times 3)}",
                                    r"5 \times \left(1 \times 7 \times 3\right)", "5 x (1 x 7 x 3)",
                                    r"5 \times 1 \times 7 \times 3", "(5, 1, 7, 3)"])
def test_a_grouped_shape_is_the_flattened_shape_where_the_part_says_so(answer: str) -> None:
    assert grade("tuple", answer, (5, 1, 7, 3), options={"grouped": True}).correct is True


@pytest.mark.parametrize("answer", [r"5 \times (1 \times 7 \times 3)", r"5 \times 21", r"5 \times (7 \times 3)"])
def test_a_grouped_shape_is_not_the_flattened_one_without_the_option_nor_a_product(answer: str) -> None:
    assert grade("tuple", answer, (5, 1, 7, 3)).correct is False
    if answer != r"5 \times (1 \times 7 \times 3)":
        assert grade("tuple", answer, (5, 1, 7, 3), options={"grouped": True}).correct is False


EVENLY = {"variables": {"H": [1, 9], "K": [1, 9], "S": [1, 9]}, "divides_evenly": True}
OUTPUT = "((H - K)/S + 1, 4)"


@pytest.mark.parametrize("answer", [r"\left(\left\lfloor\frac{H - K}{S}\right\rfloor + 1, 4\right)",
                                    r"(\lceil (H - K)/S \rceil + 1, 4)", "(floor((H - K)/S) + 1, 4)",
                                    "(⌊(H − K)/S⌋ + 1, 4)", "((H - K)/S + 1, 4)"])
def test_a_floor_changes_nothing_where_the_question_says_the_division_comes_out_whole(answer: str) -> None:
    assert grade("tuple", answer, OUTPUT, options=EVENLY).correct is True


@pytest.mark.parametrize("answer", [r"(\lfloor (H - K + 1)/S \rfloor + 1, 4)", r"(\lfloor (H - K)/S \rfloor, 4)"])
def test_a_wrong_formula_inside_a_floor_is_still_wrong(answer: str) -> None:
    assert grade("tuple", answer, OUTPUT, options=EVENLY).correct is False


def test_without_the_option_a_floor_is_a_floor() -> None:
    options = {key: value for key, value in EVENLY.items() if key != "divides_evenly"}
    assert grade("tuple", r"(\lfloor (H - K)/S \rfloor + 1, 4)", OUTPUT, options=options).correct is False
