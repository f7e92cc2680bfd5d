"""Numbers: literals, scientific notation, fractions and arithmetic, compared with tolerance or significant figures."""

import cmath
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.agreement import EXACT_RTOL
from graders.kinds.base import RIGHT, Reading, Verdict, first_position, wrong
from graders.kinds.formula import written_with_decimals
from graders.kinds.numerals import Numeral, numeral, round_figures, round_places
from graders.options import NumberOptions
from graders.parsing import Node, ParseError, parse

Options = NumberOptions

# A float reference comes from a computation (a model, a measurement): it is only known to about this accuracy.
APPROXIMATE_RTOL = 1e-6
FLOAT_ROUNDING = 1e-12  # how far NumPy's value of an exact expression may be from it

_DIGITS = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_POWER_OF_TEN = r"(?:\\times|\\cdot|\*|×|·)\s*10\s*\^\s*(?:\{\s*[+-]?\d+\s*\}|[+-]?\d+)"
_LITERAL = re.compile(rf"\$?\s*{_DIGITS}\s*(?:[eE][+-]?\d+|{_POWER_OF_TEN})?\s*\$?")
# `2.5 x 10^-3`: a letter x between a number and a power of ten is a times sign (a number has no variables)
_X_TIMES = re.compile(r"(?<=[\d.])\s*[xX]\s*(?=10\s*\^)")


@dataclass(frozen=True)
class Written:
    """A number as read, and as written when it is a plain numeral (for figures and places)."""

    value: float | complex
    numeral: Numeral | None = None
    exact: bool = False  # a reference known exactly (an int, a SymPy rational or constant, text without decimals)
    symbolic: Callable[[], sympy.Expr] | None = None  # the exact value, for what floats cannot settle
    decimals: bool = False  # an answer written with a decimal numeral: a value that may be rounded


def read_student(text: str, syntax: str, options: NumberOptions) -> Reading:
    text = _X_TIMES.sub(r" \\times ", text)
    if options.literal and not _LITERAL.fullmatch(text.strip()):
        raise ParseError("write the value as a plain number (such as 3136 or 2.5e-3), not as arithmetic", 0, text)
    try:
        node, imaginary = read_constant(text, syntax, options.complex), options.complex
    except ParseError:
        if options.complex or not _uses_the_imaginary_unit(text, syntax):
            raise
        node, imaginary = read_constant(text, syntax, imaginary=True), True
    return _reading(node, numeral(text), imaginary)


def read_reference(reference: object, syntax: str, options: NumberOptions) -> Reading:
    """An exact reference (an int, a SymPy rational or constant, text without decimals) is compared exactly; a
    Python float or complex is an approximate reference."""
    if isinstance(reference, str):
        node = read_constant(reference, syntax, options.complex)
        return _reading(node, None, options.complex, exact=_is_exact(node.to_sympy(), options.complex))
    if isinstance(reference, float | complex | np.floating | np.complexfloating):
        value = complex(reference) if options.complex else float(reference.real)
        return Reading(Written(value), sympy.latex(sympy.sympify(value, strict=True)), _shown(value))
    exact = sympy.sympify(reference, strict=True)  # bank data; strict: never parses text
    if not _is_exact(exact, options.complex):
        raise ValueError(f"number reference {reference!r} is not a number")
    value = complex(exact) if options.complex else float(exact)
    return Reading(Written(value, exact=True, symbolic=lambda: exact), sympy.latex(exact), sympy.sstr(exact))


def compare(answer: Reading, expected: Reading, options: NumberOptions) -> Verdict:
    student, reference = answer.value.value, expected.value.value
    if not cmath.isfinite(student):
        return wrong("Your answer is not a finite number.")
    if not options.complex and abs(complex(student).imag) > FLOAT_ROUNDING * max(1.0, abs(student)):
        return wrong("Your answer is not a real number.")
    if options.sigfigs is not None or options.decimal_places is not None:
        return _written_to_precision(answer.value.numeral, reference, options)
    exactly = options.rtol is None and not options.atol and options.accuracy_sigfigs is None
    if expected.value.exact and not expected.value.decimals and exactly:
        if _is_the_exact_value(answer.value, expected.value, options):
            return RIGHT
    elif abs(student - reference) <= _tolerance(reference, options, expected.value.exact):
        return RIGHT
    if reference and abs(student - reference) <= 1e-2 * abs(reference):
        return wrong("Close, but not within the required accuracy.")
    return wrong("Not the expected value.")


def key(answer: Reading, options: NumberOptions) -> str:
    return _shown(answer.value.value, 6)


def _shown(value: float | complex, digits: int = 15) -> str:
    if isinstance(value, complex) and value.imag:
        return f"{value.real:.{digits}g}{value.imag:+.{digits}g}i"
    return f"{value.real:.{digits}g}"


def _written_to_precision(written: Numeral | None, reference: float, options: NumberOptions) -> Verdict:
    """STACK's test: a numeral with the asked figures (or places), correctly rounded."""
    if options.sigfigs is not None:
        return _figures_verdict(written, reference, options.sigfigs, options)
    assert options.decimal_places is not None, "a precision verdict is asked only when figures or places are set"
    return _places_verdict(written, reference, options.decimal_places, options)


def _figures_verdict(written: Numeral | None, reference: float, figures: int, options: NumberOptions) -> Verdict:
    asked = f"{figures} significant figure{'s' * (figures != 1)}"
    if written is None:
        return wrong(f"Write the value as a number with {asked}.")
    fewest, most = written.figures
    if most < figures or (not options.at_least and fewest > figures):
        return wrong(f"Write your answer with {'at least ' * options.at_least}{asked}.")
    if options.accuracy_sigfigs is not None:
        accurate = abs(float(written.value) - reference) <= _tolerance(reference, options)
        return RIGHT if accurate else wrong(f"Not right to {options.accuracy_sigfigs} significant figures.")
    candidates = range(max(figures, fewest), most + 1) if options.at_least else (figures,)
    if any(written.value == round_figures(reference, count) for count in candidates):
        return RIGHT
    return wrong(f"Not the expected value correctly rounded to {asked}.")


def _places_verdict(written: Numeral | None, reference: float, places: int, options: NumberOptions) -> Verdict:
    asked = f"{places} decimal place{'s' * (places != 1)}"
    if written is None or written.places is None:
        return wrong(f"Write the value as a decimal number with {asked}.")
    if written.places < places or (not options.at_least and written.places > places):
        return wrong(f"Write your answer with {'at least ' * options.at_least}{asked}.")
    if written.value == round_places(reference, written.places):
        return RIGHT
    return wrong(f"Not the expected value correctly rounded to {asked}.")


def _uses_the_imaginary_unit(text: str, syntax: str) -> bool:
    """`e^{i\\pi}`: a number has no variables, so an `i` (or `I`) in it, alone, is the imaginary unit; without
    `complex` the value is still compared as a complex number with the real reference, so it must be real."""
    try:
        names = parse(text, syntax=syntax, target="expression").free_symbols
    except ParseError:
        return False
    return bool(names) and names <= {"i", "I"}


def read_constant(text: str, syntax: str, imaginary: bool = False) -> Node:
    """Parse text that must be a constant: any symbol in it is an error naming the symbol."""
    node = parse(text, syntax=syntax, target="expression", imaginary=imaginary)
    if node.free_symbols:
        names = ", ".join(sorted(node.free_symbols))
        message = f"a number was expected, but the answer contains the symbol(s) {names}"
        raise ParseError(message, first_position(text, node.free_symbols), text)
    return node


def _reading(node: Node, written: Numeral | None, allow_complex: bool = False, exact: bool = False) -> Reading:
    if allow_complex:  # exact first (sqrt(-1), e^{i pi}); the expression is a bounded constant
        value: float | complex = complex(sympy.N(node.to_sympy()))
    else:
        with np.errstate(all="ignore"):
            value = complex(np.asarray(node.evaluate({}))).real
    written_value = Written(value, written, exact, node.to_sympy, decimals=written_with_decimals(node))
    return Reading(written_value, node.to_latex(), node.to_text())


def _is_the_exact_value(answer: Written, expected: Written, options: NumberOptions) -> bool:
    """An exact reference asked without a tolerance. An answer without decimals is its exact value
    (`\\sin(\\pi)` is 0, though NumPy gives 1.2e-16; `1/3 + 10^{-15}` is not 1/3, nor `10^{20} + 1` 10^{20}).
    A decimal stands for the value rounded where it stops: within EXACT_RTOL, and a plain numeral must be the
    reference correctly rounded at its last digit (`0.333333333333` is 1/3, `0.2500000000001` is not 1/4)."""
    assert answer.symbolic is not None and expected.symbolic is not None  # both read from text or SymPy
    same = agreement.exactly_equal(answer.symbolic(), expected.symbolic())
    if same or (same is not None and not answer.decimals):
        return bool(same)
    if abs(answer.value - expected.value) > _tolerance(expected.value, options, exact=True):
        return False
    return answer.numeral is None or _rounded_at_its_last_digit(answer.numeral, expected)


def _rounded_at_its_last_digit(written: Numeral, expected: Written) -> bool:
    assert expected.symbolic is not None
    places = -int(written.value.as_tuple().exponent)
    return agreement.rounds_to(sympy.Rational(str(written.value)), places, expected.symbolic())


def _is_exact(value: sympy.Basic, allow_complex: bool) -> bool:
    real = allow_complex or value.is_real
    return bool(value.is_number and value.is_finite and real and not value.atoms(sympy.Float))


def _tolerance(reference: float | complex, options: NumberOptions, exact: bool = False) -> float:
    """Boundaries are inclusive: 1.05 against 1 with rtol 0.05 is right (float slack included)."""
    magnitude = abs(reference)
    if options.accuracy_sigfigs is not None:
        exponent = math.floor(math.log10(magnitude)) if magnitude else 0
        # Right to n significant figures: within half a unit of the n-th digit.
        return 0.5 * 10.0 ** (exponent - options.accuracy_sigfigs + 1) * (1 + 1e-9)
    rtol = options.rtol if options.rtol is not None else EXACT_RTOL if exact else APPROXIMATE_RTOL
    return max(options.atol, rtol * magnitude) * (1 + 1e-9)

