r"""Do two formulas agree at the sample points? Domain-aware: a function is its values and its domain, so an answer
that is undefined (or infinite) where the reference is finite, or defined where the reference is not, is not the
same function (`\sqrt{x^2+x}` is not `\sqrt{x}\sqrt{x+1}`, `\log(x^2)` is not `2\log x`)."""

from dataclasses import dataclass

import numpy as np
import sympy

# Cancellation leaves tiny nonzero values where the exact value is 0; below this they count as 0.
ABSOLUTE_FLOOR = 1e-10
ENOUGH_POINTS = 4
# Equivalent formulas evaluated in floating point differ by rounding only: far below this. A difference above it
# (1 + 10^{-9} n against 1) is a different formula, unless the part declares a tolerance of its own.
EXACT_RTOL = 1e-11
# Within this, values are "close": a different formula, or an equal one evaluated with heavy cancellation.
CLOSE_RTOL = 1e-6


@dataclass(frozen=True)
class Agreement:
    decided: bool
    equal: bool
    witness: int | None = None  # a point where they differ


UNDECIDED = Agreement(decided=False, equal=False)


def close(student: np.ndarray, expected: np.ndarray, rtol: float, atol: float = ABSOLUTE_FLOOR) -> np.ndarray:
    """Element-wise closeness, relative to the larger magnitude; nan and infinity are never close to anything."""
    student, expected = np.asarray(student, dtype=float), np.asarray(expected, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        near = np.abs(student - expected) <= rtol * np.maximum(np.abs(student), np.abs(expected)) + atol
    return near & np.isfinite(student) & np.isfinite(expected)


def agree(student: np.ndarray, expected: np.ndarray, rtol: float, symbolic: bool = True) -> Agreement:
    """Compare values where the reference is defined; too few such points leaves the question undecided.

    A point where exactly one of the two is finite decides "different" at once: `1/(z-z)`, `G/0` or `e^{1000 G}`
    are not the reference, whatever `inf <= rtol * inf` says, and neither is an answer defined beyond its domain.
    """
    valid = np.flatnonzero(np.isfinite(expected))
    needed = min(ENOUGH_POINTS, len(expected)) if symbolic else 1
    undefined = valid[~np.isfinite(student[valid])]
    if len(undefined):
        return Agreement(decided=True, equal=False, witness=int(undefined[0]))
    if len(valid) < needed:
        return UNDECIDED  # points drawn outside the reference's domain cannot judge its domain either
    beyond = np.flatnonzero(np.isfinite(student) & ~np.isfinite(expected))
    if len(beyond):
        return Agreement(decided=True, equal=False, witness=int(beyond[0]))
    ok = close(student[valid], expected[valid], rtol)
    if ok.all():
        return Agreement(decided=True, equal=True)
    return Agreement(decided=True, equal=False, witness=int(valid[np.argmin(ok)]))


def enough_nonzero_points(expected: np.ndarray) -> bool:
    nonzero = np.isfinite(expected) & (np.abs(expected) > ABSOLUTE_FLOOR)
    return int(nonzero.sum()) >= min(ENOUGH_POINTS, len(expected))


def constant_ratio(student: np.ndarray, expected: np.ndarray, rtol: float) -> float | None:
    """The constant c with student == c * expected at every valid point, if there is one."""
    finite = np.isfinite(expected)
    if not np.isfinite(student[finite]).all() or not enough_nonzero_points(expected):
        return None
    valid = finite & (np.abs(expected) > ABSOLUTE_FLOOR)
    ratio = student[valid] / expected[valid]
    zeros_match = close(student[~valid & finite], np.zeros(1), rtol).all()
    if zeros_match and close(ratio, ratio[0], rtol).all():
        return float(ratio[0])
    return None


def difference(student: sympy.Expr, expected: sympy.Expr) -> sympy.Expr:
    """student − expected, the answer's symbols taken as the reference's of the same name: a bank reference declares
    its symbols (positive, integer) and an answer's are plain, and SymPy keeps symbols of different assumptions
    apart, so that β^D − β^D would not even be 0."""
    declared = {symbol.name: symbol for symbol in expected.free_symbols if isinstance(symbol, sympy.Symbol)}
    renamed = {symbol: declared[symbol.name] for symbol in student.free_symbols
               if isinstance(symbol, sympy.Symbol) and symbol.name in declared}
    return student.xreplace(renamed) - expected


def symbolically_equal(student: sympy.Expr, expected: sympy.Expr) -> bool:
    """The slow fallback; the worker pool's time limit bounds it. An undefined difference (zoo, nan) is not 0."""
    try:
        gap = sympy.simplify(difference(student, expected))
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False  # SymPy could not decide either, so the answer is not shown equivalent
    return gap == 0
