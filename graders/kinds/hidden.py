"""Hidden terms: an answer that agrees with the reference at every sample point only because one of its parts is
too small to see there (a bump e^{-10^6 w^2}, a constant 10^{-12}, a factor 1 + 10^{-12}) is not the reference:
that part is not zero, so somewhere outside the samples the answer is wrong.

Each term of the expanded difference (answer - reference) is evaluated at the sample points. An equal answer
written differently leaves terms that cancel each other but are each of the reference's size; a hidden part
leaves a term that is invisible on its own.
"""

from collections.abc import Mapping
from decimal import Decimal

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.bigo import too_big_to_expand
from graders.kinds.formula import Formula

INVISIBLE = 1e-9   # relative to the reference's largest value at the points
MAX_TERMS = 400    # a longer difference is not searched (the pool's time limit still bounds the grade)
HIGH_PRECISION_POINTS = 3
ROUNDING_SLACK = 1e-6  # the allowance is a first-order estimate: a rounding exactly at half a unit stays right


def hidden_term(student: Formula, expected: Formula, env: Mapping[str, np.ndarray], reference_values: np.ndarray,
                given: frozenset[str]) -> bool:
    """Does the difference have a term that is not zero yet vanishes at every sample point? `given`: the names
    whose values the question gives (related to each other only to float precision)."""
    if expected.approximate:
        return False  # a reference written with decimals is rounded: small differences are its own
    try:
        difference = agreement.difference(student.symbolic(), expected.symbolic())
        if too_big_to_expand(difference):
            return False
        terms = sympy.Add.make_args(sympy.expand(difference, power_exp=False, power_base=False, log=False))
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return False
    if len(terms) > MAX_TERMS or difference == 0:
        return False
    finite = reference_values[np.isfinite(reference_values)]
    scale = max(1.0, float(np.max(np.abs(finite)))) if len(finite) else 1.0
    if any(_invisible(term, env, INVISIBLE * scale) for term in terms if term != 0):
        return True
    return _seen_at_high_precision(difference, student, expected, env, scale, given)


def _seen_at_high_precision(difference: sympy.Expr, student: Formula, expected: Formula,
                            env: Mapping[str, np.ndarray], scale: float, given: frozenset[str]) -> bool:
    """A difference below float precision that expands to no invisible term (β^{D + 10^{-13}} − β^D): the exact
    formulas evaluated at a few of the points with agreement.DIGITS digits. Formulas equal in exact arithmetic agree
    to all of them at independently drawn points (not at values the question gives, i_t = σ(z_t): those are
    rounded). A decimal the answer is written with stands for any value it is a rounding of: the difference may be
    as large as moving each by half a unit of its last digit makes it (3.14159265358979 x for \\pi x is right,
    x^{1.00000000000001} for x is not). A large real difference is one floats lost in cancellation
    (`10^{20}(x + 10^{-20}) - 10^{20} x + x` is x + 1); a complex one is SymPy taking another branch than the numeric
    evaluation (the principal cube root of a negative), and decides nothing."""
    rounded = _rounded_decimals(student)
    if rounded is None:
        return False  # a decimal merged into another number: its rounding cannot be followed
    try:
        moved = agreement.difference(student.symbolic().xreplace({value: d for value, (d, _) in rounded.items()}),
                                     expected.symbolic())
        slopes = [(moved.diff(d), half) for d, half in rounded.values()]
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return False
    symbols = sorted(difference.free_symbols, key=str)
    if any(str(s) not in env or str(s) in given for s in symbols):
        return False
    decimals = {d: value for value, (d, _) in rounded.items()}
    for point in range(min(HIGH_PRECISION_POINTS, min((len(env[str(s)]) for s in symbols), default=1))):
        at = {s: sympy.Rational(float(env[str(s)][point])) for s in symbols}
        try:
            gap = complex(sympy.N(difference, agreement.DIGITS, subs=at))
            allowance = sum(abs(complex(sympy.N(slope, agreement.DIGITS, subs=at | decimals))) * half
                            for slope, half in slopes)
        except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError, RecursionError):
            continue
        if gap.imag == 0 and agreement.BEYOND_ROUNDING * scale + allowance * (1 + ROUNDING_SLACK) < abs(gap):
            return True
    return False


def _rounded_decimals(student: Formula) -> dict[sympy.Rational, tuple[sympy.Symbol, sympy.Rational]] | None:
    """Each decimal the answer is written with: the exact value it was read as -> a symbol standing for it, and
    half a unit of its last digit. None when one of them is no longer in the formula as written (`1 + 0.25` is
    read as 5/4)."""
    atoms = student.symbolic().atoms(sympy.Rational) if student.decimals else set()
    rounded = {}
    for number, written in enumerate(student.decimals):
        value = sympy.Rational(written)
        if value not in atoms and -value not in atoms:
            return None
        places = -int(Decimal(written).as_tuple().exponent)
        rounded[value] = (sympy.Symbol(f"decimal_{number}"), sympy.Rational(1, 2 * 10 ** places) if places >= 0
                          else sympy.Integer(10) ** -places / 2)
    return rounded


def _invisible(term: sympy.Expr, env: Mapping[str, np.ndarray], threshold: float) -> bool:
    symbols = sorted(term.free_symbols, key=str)
    if any(str(s) not in env for s in symbols):
        return False
    if any(not env[str(s)].any() for s in symbols):
        return False  # a quantity the question makes 0 (h_0 = 0, a partial that vanishes): a term with it is 0
    try:
        with np.errstate(all="ignore"):
            values = np.asarray(sympy.lambdify(symbols, term, "numpy")(*(env[str(s)] for s in symbols)), dtype=complex)
    except (TypeError, ValueError, NameError, ZeroDivisionError, OverflowError, NotImplementedError):
        return False  # NotImplementedError: NumPy has no printer for it (a symbolic Sum or Product)
    return bool(np.isfinite(values).all() and np.max(np.abs(values), initial=0.0) <= threshold)


STEP_FUNCTIONS = frozenset({"floor", "ceil", "sign"})
JUST_OFF = 1e-10  # within float64's reach of a whole number of the sample ranges, and beyond rounding error


def hidden_jump(student: Formula, expected: Formula, env: Mapping[str, np.ndarray], free: frozenset[str],
                rtol: float) -> bool:
    """Does an answer with a floor, ceiling or sign differ from the reference only where they jump? They jump at
    whole numbers (sign at 0), where random points never land: `\\lceil x \\rceil - 1` is `\\lfloor x \\rfloor` except
    at whole x, `\\lfloor x + 10^{-9} \\rfloor` except just below them. The `free` names (sampled from ranges, not the
    question's consistent samples or the bounds of sums) are moved onto whole numbers and just off them."""
    if not STEP_FUNCTIONS & student.uses.keys() or not free & env.keys():
        return False
    count = len(next(iter(env.values())))
    for shift in (0.0, -JUST_OFF, JUST_OFF):
        moved = {name: np.round(column) + shift if name in free else column for name, column in env.items()}
        outcome = agreement.agree(student.values(moved, count), expected.values(moved, count), rtol)
        if outcome.decided and not outcome.equal:
            return True
    return False
