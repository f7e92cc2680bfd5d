"""Do two formulas agree at the sample points? Domain-aware: points where the reference is undefined are skipped."""

from dataclasses import dataclass

import numpy as np
import sympy

# Cancellation leaves tiny nonzero values where the exact value is 0; below this they count as 0.
ABSOLUTE_FLOOR = 1e-10
ENOUGH_POINTS = 4


@dataclass(frozen=True)
class Agreement:
    decided: bool
    equal: bool
    witness: int | None = None  # a point where they differ


UNDECIDED = Agreement(decided=False, equal=False)


def close(student: np.ndarray, expected: np.ndarray, rtol: float, atol: float = ABSOLUTE_FLOOR) -> np.ndarray:
    """Element-wise closeness, relative to the larger magnitude; nan is never close."""
    return np.abs(student - expected) <= rtol * np.maximum(np.abs(student), np.abs(expected)) + atol


def agree(student: np.ndarray, expected: np.ndarray, rtol: float, symbolic: bool = True) -> Agreement:
    """Compare values where the reference is defined; too few such points leaves the question undecided."""
    valid = np.flatnonzero(np.isfinite(expected))
    needed = min(ENOUGH_POINTS, len(expected)) if symbolic else 1
    if len(valid) < needed:
        return UNDECIDED
    ok = close(student[valid], expected[valid], rtol)
    if ok.all():
        return Agreement(decided=True, equal=True)
    return Agreement(decided=True, equal=False, witness=int(valid[np.argmin(ok)]))


def enough_nonzero_points(expected: np.ndarray) -> bool:
    nonzero = np.isfinite(expected) & (np.abs(expected) > ABSOLUTE_FLOOR)
    return int(nonzero.sum()) >= min(ENOUGH_POINTS, len(expected))


def constant_ratio(student: np.ndarray, expected: np.ndarray, rtol: float) -> float | None:
    """The constant c with student == c * expected at every valid point, if there is one."""
    valid = np.isfinite(expected) & (np.abs(expected) > ABSOLUTE_FLOOR)
    if not enough_nonzero_points(expected):
        return None
    ratio = student[valid] / expected[valid]
    zeros_match = close(student[~valid & np.isfinite(expected)], 0.0, rtol).all()
    if zeros_match and close(ratio, ratio[0], rtol).all():
        return float(ratio[0])
    return None


def symbolically_equal(student: sympy.Expr, expected: sympy.Expr) -> bool:
    """The slow fallback; the worker pool's time limit bounds it."""
    try:
        return sympy.simplify(student - expected) == 0
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False  # SymPy could not decide either, so the answer is not shown equivalent
