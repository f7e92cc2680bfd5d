"""Numbers: literals, scientific notation, fractions and arithmetic, compared with tolerance or significant figures."""

import math
import re

import numpy as np
import sympy

from graders.kinds.agreement import EXACT_RTOL
from graders.kinds.base import RIGHT, Reading, Verdict, first_position, wrong
from graders.options import NumberOptions
from graders.parsing import Node, ParseError, parse

Options = NumberOptions

# A float reference comes from a computation (a model, a measurement): it is only known to about this accuracy.
APPROXIMATE_RTOL = 1e-6

_DIGITS = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_POWER_OF_TEN = r"(?:\\times|\\cdot|\*|×|·)\s*10\s*\^\s*(?:\{\s*[+-]?\d+\s*\}|[+-]?\d+)"
_LITERAL = re.compile(rf"\$?\s*{_DIGITS}\s*(?:[eE][+-]?\d+|{_POWER_OF_TEN})?\s*\$?")


def read_student(text: str, syntax: str, options: NumberOptions) -> Reading:
    if options.literal and not _LITERAL.fullmatch(text.strip()):
        raise ParseError("write the value as a plain number (such as 3136 or 2.5e-3), not as arithmetic", 0, text)
    return _reading(read_constant(text, syntax))


def read_reference(reference: object, syntax: str, options: NumberOptions) -> Reading:
    """An exact reference (an int, a SymPy rational or constant, text without decimals) is kept exact: its value is
    a SymPy number; a Python float is an approximate reference and stays a float."""
    if isinstance(reference, str):
        node = read_constant(reference, syntax)
        reading = _reading(node)
        exact = node.to_sympy()
        return Reading(exact, reading.latex, reading.canonical) if _is_exact(exact) else reading
    if isinstance(reference, float | np.floating):
        value = float(reference)
        return Reading(value, sympy.latex(sympy.Float(value, 15)), f"{value:.15g}")
    exact = sympy.sympify(reference, strict=True)  # bank data; strict: never parses text
    if not _is_exact(exact):
        raise ValueError(f"number reference {reference!r} is not a number")
    return Reading(exact, sympy.latex(exact), sympy.sstr(exact))


def compare(answer: Reading, expected: Reading, options: NumberOptions) -> Verdict:
    student, reference = float(answer.value), float(expected.value)
    if not math.isfinite(student):
        return wrong("Your answer is not a finite number.")
    if abs(student - reference) <= _tolerance(reference, options, exact=not isinstance(expected.value, float)):
        return RIGHT
    if options.sigfigs is not None:
        return wrong(f"Not the expected value to {options.accuracy_sigfigs or options.sigfigs} significant figures.")
    if reference and abs(student - reference) <= 1e-2 * abs(reference):
        return wrong("Close, but not within the required accuracy.")
    return wrong("Not the expected value.")


def key(answer: Reading, options: NumberOptions) -> str:
    return f"{float(answer.value):.6g}"


def read_constant(text: str, syntax: str) -> Node:
    """Parse text that must be a constant: any symbol in it is an error naming the symbol. `N = 5` is 5."""
    try:
        node = parse(text, syntax=syntax, target="expression")
    except ParseError:
        node = _labelled(text, syntax)
        if node is None:
            raise
    if node.free_symbols:
        names = ", ".join(sorted(node.free_symbols))
        message = f"a number was expected, but the answer contains the symbol(s) {names}"
        raise ParseError(message, first_position(text, node.free_symbols), text)
    return node


def _labelled(text: str, syntax: str) -> Node | None:
    """The value of `name = value`, where the left side is one name and the right side has none."""
    try:
        left, right = parse(text, syntax=syntax, target="equation").parts
    except ParseError:
        return None
    return Node("expr", (right,)) if left.op == "name" and not right.names() else None


def _reading(node: Node) -> Reading:
    with np.errstate(all="ignore"):
        value = complex(np.asarray(node.evaluate({}))).real
    return Reading(value, node.to_latex(), node.to_text())


def _is_exact(value: sympy.Basic) -> bool:
    return bool(value.is_number and value.is_finite and value.is_real and not value.atoms(sympy.Float))


def _tolerance(reference: float, options: NumberOptions, exact: bool) -> float:
    magnitude = abs(reference)
    if options.decimal_places is not None:
        return 0.5 * 10.0 ** -options.decimal_places * (1 + 1e-9)
    if options.sigfigs is not None:
        digits = options.accuracy_sigfigs or options.sigfigs
        exponent = math.floor(math.log10(magnitude)) if magnitude else 0
        # Right to n significant figures: within half a unit of the n-th digit (plus float slack).
        return 0.5 * 10.0 ** (exponent - digits + 1) * (1 + 1e-9)
    rtol = options.rtol if options.rtol is not None else EXACT_RTOL if exact else APPROXIMATE_RTOL
    return max(options.atol, rtol * magnitude)

