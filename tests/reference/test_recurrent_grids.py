"""MDRNN counts and parallel steps (CSC421 Q2) from running the grid and its dependency graph."""

import numpy as np
import pytest

import graders
from reference import get_part
from reference.csc421_2019_hw4 import q2_mdrnn
from reference.models.mdrnn import forward, parallel_steps, weight_count

SIZES = [pytest.param(g, d, h, id=f"G={g} D={d} H={h}") for g, d, h in [(1, 1, 1), (3, 2, 4), (4, 5, 3), (6, 3, 2)]]
rng = np.random.default_rng(1)


def _subs(expression: object, **values: int) -> int:
    return int(expression.subs({getattr(q2_mdrnn, k): v for k, v in values.items()}))


@pytest.mark.parametrize(("grid", "inputs", "hidden"), SIZES)
def test_weight_count_is_the_size_of_the_weight_matrices(grid: int, inputs: int, hidden: int) -> None:
    assert weight_count(inputs, hidden) == _subs(get_part("csc421-2019-hw4/q2/weights").reference, D=inputs, H=hidden)


@pytest.mark.parametrize(("grid", "inputs", "hidden"), SIZES)
def test_operation_count_is_that_of_running_the_grid(grid: int, inputs: int, hidden: int) -> None:
    _, count = forward(rng.normal(size=(grid, grid, inputs)), rng.normal(size=(inputs, hidden)),
                       rng.normal(size=(hidden, hidden)), rng.normal(size=(hidden, hidden)))
    assert count.total == _subs(q2_mdrnn.OPERATIONS, G=grid, D=inputs, H=hidden)


def test_bank_operations_order_is_that_of_the_exact_count() -> None:
    part = get_part("csc421-2019-hw4/q2/operations")
    exact = f"O({q2_mdrnn.OPERATIONS})".replace("**", "^")
    assert graders.grade("bigo", exact, part.reference, options=part.grading_options()).correct is True


@pytest.mark.parametrize("grid", range(1, 8))
def test_parallel_steps_are_the_longest_path_of_the_dependency_grid(grid: int) -> None:
    assert parallel_steps(grid) == _subs(get_part("csc421-2019-hw4/q2/steps").reference, G=grid)

