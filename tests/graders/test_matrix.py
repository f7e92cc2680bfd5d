"""Matrices: nested lists and LaTeX environments, shape checked, then element-wise with tolerance."""

import numpy as np
import pytest

from graders import grade

IDENTITY_LIKE = [[1, 0], [0, 2]]


@pytest.mark.parametrize(
    "student",
    [
        pytest.param("[[1, 0], [0, 2]]", id="nested-lists"),
        pytest.param(r"\begin{pmatrix} 1 & 0 \\ 0 & 2 \end{pmatrix}", id="pmatrix"),
        pytest.param(r"\begin{bmatrix} 1 & 0 \\ 0 & 2 \end{bmatrix}", id="bmatrix"),
        pytest.param("[[1, 0], [0, 4/2]]", id="arithmetic-entry"),
    ],
)
def test_equal_matrices_are_accepted(student: str) -> None:
    assert grade("matrix", student, IDENTITY_LIKE).correct is True


@pytest.mark.parametrize(
    ("options", "correct"),
    [pytest.param({}, False, id="exact-by-default"), pytest.param({"rtol": 1e-9}, True, id="within-declared-rtol")],
)
def test_entries_of_an_exact_matrix_compare_exactly_unless_the_part_gives_a_tolerance(options: dict, correct: bool) -> None:
    assert grade("matrix", "[[1.0000000001, 0], [0, 2]]", IDENTITY_LIKE, options=options).correct is correct


def test_a_numpy_reference_is_accepted() -> None:
    assert grade("matrix", "[[1, 0], [0, 2]]", np.array(IDENTITY_LIKE)).correct is True


def test_a_wrong_shape_is_refused_with_both_shapes_named() -> None:
    result = grade("matrix", "[[1, 0, 0], [0, 2, 0]]", IDENTITY_LIKE)
    assert result.correct is False and "2×2" in result.feedback and "2×3" in result.feedback


def test_partial_credit_names_the_wrong_entries_not_their_values() -> None:
    result = grade("matrix", "[[1, 0], [5, 2]]", IDENTITY_LIKE, options={"partial": True})
    assert result.score == 0.75 and "(2, 1)" in result.feedback


def test_without_partial_one_wrong_entry_scores_zero() -> None:
    assert grade("matrix", "[[1, 0], [5, 2]]", IDENTITY_LIKE).score == 0


def test_a_column_vector_is_a_one_column_matrix() -> None:
    assert grade("matrix", r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", [[1], [2]]).correct is True
