"""Equations: equivalent when they define the same relation, i.e. (lhs - rhs) agree up to a nonzero factor."""

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.base import RIGHT, Reading, Verdict, wrong
from graders.kinds.expression import refuse_undeclared, tolerance, values_at_points, vocabulary
from graders.kinds.formula import Formula, from_node, from_sympy
from graders.kinds.hidden import hidden_term
from graders.kinds.sampling import sample_env
from graders.options import ExpressionOptions
from graders.parsing import parse

Options = ExpressionOptions

NOT_EQUIVALENT = "Not equivalent to the expected equation."


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
    names = student.names | reference.names
    ours, theirs = values_at_points(student, names, options), values_at_points(reference, names, options)
    if agreement.enough_nonzero_points(theirs):
        ratio = agreement.constant_ratio(ours, theirs, tolerance(options))
        if not ratio:
            return wrong(NOT_EQUIVALENT)
        if options.rtol is not None:
            return RIGHT
        if agreement.constant_ratio(ours, theirs, agreement.EXACT_RTOL):
            return wrong(NOT_EQUIVALENT) if _hidden(student, reference, ratio, names, options, theirs) else RIGHT
    return RIGHT if _symbolically_proportional(student, reference) else wrong(NOT_EQUIVALENT)


def _hidden(student: Formula, reference: Formula, ratio: float, names: frozenset[str], options: ExpressionOptions,
            theirs: np.ndarray) -> bool:
    """A hidden term (see graders.kinds.hidden) in the answer's side difference, once scaled like the reference's."""
    factor = sympy.nsimplify(ratio, rational=True, tolerance=agreement.EXACT_RTOL)
    ours = Formula(student.names, student.evaluate, lambda: _sides(student))
    scaled = Formula(reference.names, reference.evaluate, lambda: factor * _sides(reference))
    return hidden_term(ours, scaled, sample_env(names, options), theirs * ratio)


def _sides(formula: Formula) -> sympy.Expr:
    """left - right of an equation read from text (SymPy gives Eq), or the difference a SymPy reference holds."""
    relation = formula.symbolic()
    return relation.lhs - relation.rhs if isinstance(relation, sympy.Equality) else relation


def key(answer: Reading, options: ExpressionOptions) -> str:
    # Scale-free: an equation multiplied through by a constant keeps its key.
    formula: Formula = answer.value
    values = values_at_points(formula, formula.names, options)
    finite = values[np.isfinite(values) & (np.abs(values) > agreement.ABSOLUTE_FLOOR)]
    scale = finite[0] if len(finite) else 1.0
    return " ".join(f"{v:.6g}" for v in values / scale)


def _symbolically_proportional(student: Formula, reference: Formula) -> bool:
    ratio = sympy.simplify(student.symbolic() / reference.symbolic())
    return bool(ratio.is_number and ratio.is_finite and ratio != 0)
