"""Elements of tuples and matrices: numbers compared with tolerance, formulas by the expression engine."""

from collections.abc import Sequence

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.agreement import EXACT_RTOL, close
from graders.kinds.expression import compare_formulas
from graders.kinds.formula import Formula, from_node, from_sympy
from graders.options import ExpressionOptions, TupleOptions
from graders.parsing import Node, parse


def element_formulas(node: Node) -> tuple[Formula, ...]:
    return tuple(from_node(element) for element in node.elements)


def reference_element(value: object, syntax: str) -> Formula:
    """One trusted element given as a Python number, a SymPy object or text."""
    if isinstance(value, str):
        return from_node(parse(value, syntax=syntax, target="expression"))
    return from_sympy(sympy.sympify(value, strict=True))  # strict: text took the branch above


def reference_elements(values: Sequence[object], syntax: str) -> tuple[Formula, ...]:
    return tuple(reference_element(value, syntax) for value in values)


def elements_equal(student: Sequence[Formula], expected: Sequence[Formula], options: TupleOptions) -> list[bool]:
    """Position by position: constants with the kind's tolerance, formulas at sample points."""
    return [_equal(ours, theirs, options) for ours, theirs in zip(student, expected, strict=True)]


def constant_value(formula: Formula) -> float:
    return float(formula.values({}, 1)[0])


def _equal(student: Formula, expected: Formula, options: TupleOptions) -> bool:
    if not student.names and not expected.names:
        exactly = options.rtol is None and options.atol == 0
        # An exact answer to an exact question is its exact value: `1/3 + 10^{-15}` is not 1/3 and
        # `\cos^2 1 + \sin^2 1` is 1, where floats say otherwise.
        written_exactly = exactly and not student.approximate and not expected.approximate
        same = agreement.exactly_equal(student.symbolic(), expected.symbolic()) if written_exactly else None
        if same is not None:
            return same
        if exactly and expected.symbolic().is_Integer:
            # A size or a count is a whole number: 13.0000000001 is not 13, however small the difference.
            return bool(student.symbolic() == expected.symbolic())
        ours, theirs = np.array([constant_value(student)]), np.array([constant_value(expected)])
        # Shapes and counts are exact unless the part gives a tolerance: (9.000001, 13) is not 9 x 13.
        rtol = EXACT_RTOL if options.rtol is None else options.rtol
        return bool(close(ours, theirs, rtol, max(options.atol, 1e-12)).all())
    sampling = ExpressionOptions(rtol=options.rtol, variables=options.variables, samples=options.samples)
    return bool(compare_formulas(student, expected, sampling, "").correct)


def wrong_positions(flags: Sequence[bool], label: str = "position") -> str:
    """Which positions are wrong (1-based), never what the right values are."""
    positions = [str(index + 1) for index, ok in enumerate(flags) if not ok]
    plural = label + ("s" if len(positions) > 1 else "")
    return f"Check {plural} {', '.join(positions)}."
