"""Equations: equivalent when they have the same solution set.

Fast path: (lhs - rhs) agree up to a nonzero constant factor at the sample points. Otherwise the
solutions for each unknown are compared (`x/y = 2` is `x = 2y`; `1/x + 1/y = 2` is
`y = x/(2x - 1)`; `a = 0 or b = 0` is `ab = 0`), numerically at sample points.
"""

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.base import RIGHT, Reading, Verdict, wrong
from graders.kinds.expression import refuse_undeclared, tolerance, values_at_points, vocabulary
from graders.kinds.formula import Formula, from_node, from_sympy
from graders.kinds.hidden import hidden_term
from graders.kinds.sampling import given, sample_env
from graders.options import ExpressionOptions
from graders.parsing import parse

Options = ExpressionOptions

NOT_EQUIVALENT = "Not equivalent to the expected equation."
_MAX_UNKNOWNS = 3  # solve for at most this many of the symbols
_MAX_OPERATIONS = 60  # beyond it SymPy's solve may take unbounded time: the relation is not solved
_MAX_DEGREE = 4
_CHECK_POINTS = (0.37, 1.29, 2.13, -0.71, -1.83)


def read_student(text: str, syntax: str, options: ExpressionOptions) -> Reading:
    node = parse(text, syntax=syntax, target="equation", vocabulary=vocabulary(options))
    refuse_undeclared(node, text, vocabulary(options))
    return Reading(from_node(node), node.to_latex(), node.to_text())


def read_reference(reference: object, syntax: str, options: ExpressionOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    if not isinstance(reference, sympy.Eq):
        raise ValueError(f"equation reference {reference!r} is not a sympy.Eq")
    return Reading(from_sympy(reference.lhs - reference.rhs), sympy.latex(reference), sympy.sstr(reference))


def compare(answer: Reading, expected: Reading, options: ExpressionOptions) -> Verdict:
    student, reference = answer.value, expected.value
    names, whole = student.names | reference.names, student.whole | reference.whole
    ours, theirs = values_at_points(student, names, options, whole), values_at_points(reference, names, options, whole)
    if agreement.enough_nonzero_points(theirs):
        ratio = agreement.constant_ratio(ours, theirs, tolerance(options))
        if ratio and (options.rtol is not None or agreement.constant_ratio(ours, theirs, agreement.EXACT_RTOL)):
            hidden = options.rtol is None and _hidden(student, reference, ratio, names, whole, options, theirs)
            return wrong(NOT_EQUIVALENT) if hidden else RIGHT
        if ratio:  # proportional only up to rounding: the formula itself is asked for, not a close one
            return RIGHT if _symbolically_proportional(student, reference) else wrong(NOT_EQUIVALENT)
    elif _symbolically_proportional(student, reference):
        return RIGHT
    return RIGHT if _same_solutions(student.symbolic(), reference.symbolic()) else wrong(NOT_EQUIVALENT)


def _hidden(student: Formula, reference: Formula, ratio: float, names: frozenset[str], whole: frozenset[str],
            options: ExpressionOptions, theirs: np.ndarray) -> bool:
    """A hidden term (see graders.kinds.hidden) in the answer's side difference, once scaled like the reference's."""
    factor = sympy.nsimplify(ratio, rational=True, tolerance=agreement.EXACT_RTOL)
    ours = Formula(student.names, student.evaluate, lambda: _difference(student.symbolic()))
    scaled = Formula(reference.names, reference.evaluate, lambda: factor * _difference(reference.symbolic()))
    return hidden_term(ours, scaled, sample_env(names, options, whole), theirs * ratio, given(options))


def key(answer: Reading, options: ExpressionOptions) -> str:
    # Scale-free: an equation multiplied through by a constant keeps its key.
    formula: Formula = answer.value
    values = values_at_points(formula, formula.names, options)
    finite = values[np.isfinite(values) & (np.abs(values) > agreement.ABSOLUTE_FLOOR)]
    scale = finite[0] if len(finite) else 1.0
    return " ".join(f"{v:.6g}" for v in values / scale)


def _symbolically_proportional(student: Formula, reference: Formula) -> bool:
    ratio = sympy.simplify(_difference(student.symbolic()) / _difference(reference.symbolic()))
    return bool(ratio.is_number and ratio.is_finite and ratio != 0)



def _same_solutions(student: sympy.Expr, reference: sympy.Expr) -> bool:
    """Solved for each unknown (that both can be solved for), the same solutions as functions of the rest:
    `a = 0` is not `ab = 0`, because solved for b one has no solution and the other has b = 0."""
    student, reference = _real(_difference(student)), _real(_difference(reference))
    unknowns = sorted(student.free_symbols | reference.free_symbols, key=str)
    compared = False
    for unknown in unknowns[:_MAX_UNKNOWNS]:
        ours, theirs = _solutions(student, unknown), _solutions(reference, unknown)
        if ours is None or theirs is None or (not ours and not theirs):
            continue
        others = [symbol for symbol in unknowns if symbol != unknown]
        if not ours or not theirs or not _same_functions(ours, theirs, others):
            return False
        compared = True
    return compared


def _solutions(expression: sympy.Expr, unknown: sympy.Symbol) -> list[sympy.Expr] | None:
    """The solutions for `unknown` ([] when there are none), or None when SymPy cannot say quickly:
    only rational functions of low degree, or relations where the unknown occurs once, are solved."""
    if not _quickly_solvable(expression, unknown):
        return None
    try:
        found = sympy.solve(expression, unknown, dict=False)
    except (NotImplementedError, ValueError, TypeError, ArithmeticError, RecursionError):
        return None
    if not isinstance(found, list) or not all(isinstance(item, sympy.Expr) for item in found):
        return None
    return found


def _real(expression: sympy.Expr) -> sympy.Expr:
    """Unknowns are real (only real solutions are compared), which lets SymPy solve `|x| = 2`."""
    return expression.xreplace({symbol: sympy.Symbol(symbol.name, real=True) for symbol in expression.free_symbols})


def _difference(relation: sympy.Basic) -> sympy.Expr:
    """left - right of an equation read from text (SymPy gives Eq), or the difference a SymPy reference holds."""
    return relation.lhs - relation.rhs if isinstance(relation, sympy.Equality) else relation


def _quickly_solvable(expression: sympy.Expr, unknown: sympy.Symbol) -> bool:
    if sympy.count_ops(expression) > _MAX_OPERATIONS:
        return False
    if expression.count(unknown) == 1:
        return True
    if not expression.is_rational_function(unknown):
        return False
    numerator = sympy.fraction(sympy.together(expression))[0]
    try:
        return sympy.Poly(numerator, unknown).degree() <= _MAX_DEGREE
    except sympy.PolynomialError:
        return False


def _same_functions(ours: list[sympy.Expr], theirs: list[sympy.Expr], others: list[sympy.Symbol]) -> bool:
    """Every real solution of each is a solution of the other, at several points of the other unknowns."""
    compared = 0
    for offset in range(len(_CHECK_POINTS)):
        values = {symbol: sympy.Float(_CHECK_POINTS[(offset + index) % len(_CHECK_POINTS)])
                  for index, symbol in enumerate(others)}
        mine, yours = _values(ours, values), _values(theirs, values)
        if mine is None and yours is None:
            continue
        if mine is None or yours is None or not (_covered(mine, yours) and _covered(yours, mine)):
            return False
        compared += 1
    return compared > 0


def _values(solutions: list[sympy.Expr], point: dict) -> list[complex] | None:
    """The real solutions at one point (a complex branch such as log(-sqrt(y)) is no real solution)."""
    try:
        values = [complex(solution.subs(point).evalf()) for solution in solutions]
    except (TypeError, ValueError):
        return None
    real = [value for value in values if np.isfinite(value) and abs(value.imag) <= 1e-9 * max(1.0, abs(value))]
    return real or None


def _covered(values: list[complex], by: list[complex]) -> bool:
    return all(any(abs(value - other) <= agreement.EXACT_RTOL * max(1.0, abs(value)) for other in by) for value in values)
