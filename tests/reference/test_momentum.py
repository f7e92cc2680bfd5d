"""Gradient descent with momentum (CSC421 Q3): the inverse map and the Jacobian determinant, numerically."""

import numpy as np
import pytest
import sympy as sp

from reference import get_part
from reference.csc421_2019_hw4 import q3_reversibility as q3
from reference.models.momentum import inverse_step, jacobian_by_finite_difference, step

rng = np.random.default_rng(3)
ALPHA = 0.1


def _gradient(size: int):
    a = rng.normal(size=(size, size))
    return lambda theta: a @ a.T @ theta + np.sin(theta)   # a nonlinear gradient: its Hessian varies


@pytest.mark.parametrize("size", [1, 3, 5])
def test_inverse_step_recovers_the_state(size: int) -> None:
    grad, theta, p = _gradient(size), rng.normal(size=size), rng.normal(size=size)
    recovered = inverse_step(*step(theta, p, grad, ALPHA, 0.9), grad, ALPHA, 0.9)
    assert np.concatenate(recovered) == pytest.approx(np.concatenate([theta, p]))


def test_bank_inverse_formulas_give_the_previous_state() -> None:
    grad, theta, p = _gradient(1), rng.normal(size=1), rng.normal(size=1)
    theta_next, p_next = step(theta, p, grad, ALPHA, 0.7)
    values = {q3.theta_next: theta_next[0], q3.p_next: p_next[0], sp.Symbol("alpha"): ALPHA, sp.Symbol("beta"): 0.7}
    theta_back = float(get_part("csc421-2019-hw4/q3/inverse-theta").reference.subs(values))
    p_back = float(get_part("csc421-2019-hw4/q3/inverse-p").reference.subs({**values, q3.grad: grad(theta)[0]}))
    assert (theta_back, p_back) == pytest.approx((theta[0], p[0]))


@pytest.mark.parametrize(("size", "beta"), [(1, 0.5), (2, 0.9), (4, 0.3), (6, 0.95)])
def test_jacobian_determinant_is_the_bank_reference(size: int, beta: float) -> None:
    jacobian = jacobian_by_finite_difference(rng.normal(size=size), rng.normal(size=size), _gradient(size), ALPHA, beta)
    expected = float(get_part("csc421-2019-hw4/q3/det-jacobian").reference.subs({q3.beta: beta, q3.D: size}))
    assert np.linalg.det(jacobian) == pytest.approx(expected, rel=1e-6)
