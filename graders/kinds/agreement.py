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
# Exact constants are compared with this many digits: equal ones agree to all of them, and a difference float
# cannot see (1/3 + 10^{-15}, 10^{20} + 1) is far above their rounding.
DIGITS = 50
BEYOND_ROUNDING = 1e-30  # relative to the larger magnitude (at least 1)


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


def exactly_equal(student: sympy.Expr, expected: sympy.Expr) -> bool | None:
    """Two exact constants compared with DIGITS digits (`\\cos^2 1 + \\sin^2 1` is 1; `2^{60}` is not
    1152921504606846977); None when SymPy gives no finite number for one of them."""
    try:
        difference = student - expected
        if difference.is_zero is not None:  # decided exactly: 10^{-300} is not 0, (1 + √2)² − 3 − 2√2 is
            return bool(difference.is_zero)
        gap, size = sympy.N(difference, DIGITS), sympy.N(expected, DIGITS)
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return None
    if not (gap.is_number and size.is_number and gap.is_finite and size.is_finite):
        return None
    return bool(abs(complex(gap)) <= BEYOND_ROUNDING * max(1.0, abs(complex(size))))


def rounds_to(value: sympy.Rational, places: int, expected: sympy.Expr) -> bool:
    """Whether a decimal with `places` digits after the point (negative: whole tens, hundreds) is `expected`
    correctly rounded at its last digit, or `expected`'s own double as a program prints it (`1.4142135623730951`
    for √2 is 5e-17 past half a unit)."""
    try:
        if places > 0 and float(value) == float(expected):  # not 10^{20} + 1 for 10^{20}: a whole number is exact
            return True
        gap = sympy.N(value - expected, DIGITS)
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return False
    return bool(gap.is_number and gap.is_finite and abs(complex(gap)) <= 0.5 * 10.0 ** -places)


def decimal_places(value: sympy.Rational) -> int | None:
    """How many digits after the point a terminating decimal needs (0 for a whole number); None for 1/3."""
    twos, fives = sympy.multiplicity(2, value.q), sympy.multiplicity(5, value.q)
    return max(twos, fives) if 2 ** twos * 5 ** fives == value.q else None
