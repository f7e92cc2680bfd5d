"""Expressions: equal values at the sample points, with SymPy only where the points cannot decide."""

import json
from dataclasses import replace
from functools import lru_cache

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.base import RIGHT, Reading, Verdict, first_position, wrong
from graders.kinds.formula import Formula, from_node, from_sympy, real_and_imaginary, with_imaginary_unit
from graders.kinds.hidden import hidden_jump, hidden_term
from graders.kinds.sampling import given, point_count, sample_env
from graders.options import Bound, ExpressionOptions
from graders.parsing import Node, ParseError, Vocabulary, parse
from graders.parsing.node import NodeKind
from graders.parsing.terms import Op, Term

Options = ExpressionOptions

NOT_EQUIVALENT = "Not equivalent to the expected expression"


def read_student(text: str, syntax: str, options: ExpressionOptions) -> Reading:
    try:
        node = parse(text, syntax=syntax, target="expression", vocabulary=vocabulary(options))
    except ParseError:
        given = _given_as_the_unknown(text, syntax, options) or _stated_bound(text, syntax, options)
        if given is None:
            raise
        node = given
    refuse_undeclared(node, text, vocabulary(options))
    return Reading(from_node(node), node.to_latex(), node.to_text())


def _given_as_the_unknown(text: str, syntax: str, options: ExpressionOptions) -> Node | None:
    """`\\overline{h^{(t)}} = ...` or `\\sigma'(z) = ...`: the answer names the unknown it gives, so its right
    side is the answer. Only when the left side is exactly a name the part forbids (the unknown)."""
    if not options.forbidden:
        return None
    try:
        equation = parse(text, syntax=syntax, target="equation", vocabulary=vocabulary(options))
    except ParseError:
        return None
    left, right = equation.parts
    forbidden = {entry.name for entry in options.forbidden}
    named = left.op == "name" and left.value in forbidden
    derivative = left.op == "call" and left.value[1] > 0 and f"{left.value[0]}'" in forbidden
    return Node(NodeKind.EXPR, (right,)) if named or derivative else None


# Which way a relation states each bound, with the bounded quantity on its left.
_STATES = {">=": Bound.LOWER, ">": Bound.LOWER, "<=": Bound.UPPER, "<": Bound.UPPER}
_MIRRORED = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}


def _stated_bound(text: str, syntax: str, options: ExpressionOptions) -> Node | None:
    """`\\sigma_{\\min} \\geq 1 - \\sigma_{small}` to a part asking for a lower bound: the answer names the quantity it
    bounds, so its other side is the answer. Only when one side is a bare name occurring nowhere else (a label, as
    in `N = 5`); a bound stated the other way round is refused, saying which way the question asks."""
    if options.bound is None:
        return None
    try:
        node = parse(text, syntax=syntax, target="set", vocabulary=vocabulary(options))
    except ParseError:
        return None
    if node.kind != NodeKind.RELATION or len(node.parts) != 2:
        return None
    (left, right), (operator,) = node.parts, node.meta
    if not _labels(left, right):
        if not _labels(right, left):
            return None
        left, right, operator = right, left, _MIRRORED[operator]
    if _STATES[operator] != options.bound:
        raise ParseError(f"the question asks for {'an upper' if options.bound == Bound.UPPER else 'a lower'} bound, "
                         f"and your answer states {'an upper' if options.bound == Bound.LOWER else 'a lower'} one; "
                         "give the bound alone", 0, text)
    return Node(NodeKind.EXPR, (right,))


def _labels(side: Term, other: Term) -> bool:
    return side.op == Op.NAME and side.value not in other.names()


def refuse_undeclared(node: Node, text: str, words: Vocabulary) -> None:
    """A question that declares its symbols accepts no others, though the parser reads any letter."""
    unknown = node.free_symbols - words.declared
    if words.declared and unknown:
        names = ", ".join(sorted(unknown))
        message = f"{names} is not a symbol of this question (it uses {', '.join(sorted(words.declared))})"
        raise ParseError(message, first_position(text, unknown), text)


# How the imaginary unit is written: in a reference, SymPy's `I`; in an answer to a complex reference, `i` or `I`.
_REFERENCE_UNIT, _ANSWER_UNITS = frozenset({"I"}), frozenset({"i", "I"})


def read_reference(reference: object, syntax: str, options: ExpressionOptions) -> Reading:
    if isinstance(reference, str):
        reading = read_student(reference, syntax, options)
        units = _REFERENCE_UNIT & reading.value.names - vocabulary(options).declared
        return replace(reading, value=with_imaginary_unit(reading.value, units)) if units else reading
    expr = sympy.sympify(reference, strict=True)  # bank data; strict: never parses text
    return Reading(from_sympy(expr), sympy.latex(expr), sympy.sstr(expr))


def compare(answer: Reading, expected: Reading, options: ExpressionOptions) -> Verdict:
    if expected.value.complex:
        return _compare_complex(answer.value, expected.value, options)
    return compare_formulas(answer.value, expected.value, options, NOT_EQUIVALENT)


def _compare_complex(student: Formula, expected: Formula, options: ExpressionOptions) -> Verdict:
    """A complex reference (`e^{ix}`): the answer's `i` is the imaginary unit unless the part declares it, and the
    real and the imaginary parts must each be the reference's."""
    student = with_imaginary_unit(student, _ANSWER_UNITS - vocabulary(options).declared)
    for ours, theirs in zip(real_and_imaginary(student), real_and_imaginary(expected), strict=True):
        verdict = compare_formulas(ours, theirs, options, NOT_EQUIVALENT)
        if not verdict.correct:
            return verdict
    return RIGHT


def key(answer: Reading, options: ExpressionOptions) -> str:
    formula: Formula = answer.value
    return " ".join(f"{v:.6g}" for v in values_at_points(formula, formula.names, options))


def compare_formulas(student: Formula, expected: Formula, options: ExpressionOptions, not_equal: str) -> Verdict:
    """Numeric agreement, else the SymPy fallback; wrong answers get a hint that does not reveal the reference."""
    names, whole = student.names | expected.names, student.whole | expected.whole
    ours = values_at_points(student, names, options, whole)
    theirs = _reference_values(expected, tuple(sorted(names)), options, whole)
    outcome = agreement.agree(ours, theirs, tolerance(options), symbolic=bool(names))
    if outcome.decided and not outcome.equal and _lost_in_floats(student, expected, (ours, theirs), names, options, whole):
        outcome = agreement.Agreement(decided=True, equal=True)
    if outcome.equal and _exact_enough(ours, theirs, student, expected, options):
        env = sample_env(names, options, whole)
        if options.rtol is None and hidden_term(student, expected, env, theirs, given(options)):
            return wrong(f"{not_equal}: a part of it is too small to see at the points checked, but it is not zero.")
        free = frozenset(names - whole - given(options))
        if hidden_jump(student, expected, env, free, tolerance(options)):
            return wrong(f"{not_equal}: it differs where a floor, ceiling or sign jumps.")
        return RIGHT
    if not outcome.decided and agreement.symbolically_equal(student.symbolic(), expected.symbolic()):
        return RIGHT
    return wrong(f"{not_equal}{_hint(ours, theirs, names, outcome.witness, options)}.")


def _lost_in_floats(student: Formula, expected: Formula, values: tuple[np.ndarray, np.ndarray], names: frozenset[str],
                    options: ExpressionOptions, whole: frozenset[str]) -> bool:
    """Equal formulas that floats tell apart (`\\cosh^2(10x) - \\sinh^2(10x)` for 1, `10^{16} + x - 10^{16}` for x):
    both defined at the first points, and equal there with agreement.DIGITS digits (at independently drawn points,
    not given values). Where one is undefined the domains differ (`e^{\\ln x}` is not x), and a wrong answer is
    told apart at the first point already."""
    points = min(agreement.ENOUGH_POINTS + 2, point_count(options))
    if names & given(options) or expected.approximate or not all(np.isfinite(v[:points]).all() for v in values):
        return False
    env = sample_env(names, options, whole)
    try:
        difference = agreement.difference(student.symbolic(), expected.symbolic())
        for point in range(points):
            at = {symbol: sympy.Rational(float(env[str(symbol)][point])) for symbol in difference.free_symbols}
            gap = sympy.N(difference, agreement.DIGITS, subs=at)
            if not (gap.is_number and abs(complex(gap)) <= agreement.BEYOND_ROUNDING * max(1.0, abs(values[1][point]))):
                return False
    except (TypeError, ValueError, KeyError, ArithmeticError, NotImplementedError, RecursionError, AttributeError):
        return False
    return True


def tolerance(options: ExpressionOptions) -> float:
    return agreement.CLOSE_RTOL if options.rtol is None else options.rtol


def _exact_enough(ours: np.ndarray, theirs: np.ndarray, student: Formula, expected: Formula, options: ExpressionOptions) -> bool:
    """A part without a tolerance of its own asks for the formula itself: values that are only close (a term of
    size 10^{-9} added) are not equal unless SymPy shows the formulas are."""
    if options.rtol is not None or agreement.agree(ours, theirs, agreement.EXACT_RTOL).equal:
        return True
    if expected.approximate:
        return True  # a reference written with decimals is rounded itself
    return agreement.symbolically_equal(student.symbolic(), expected.symbolic())


def values_at_points(formula: Formula, names: frozenset[str] | tuple[str, ...], options: ExpressionOptions,
                     whole: frozenset[str] | None = None) -> np.ndarray:
    whole = formula.whole if whole is None else whole
    return formula.values(sample_env(names, options, whole), point_count(options))


@lru_cache(maxsize=2048)
def _reference_values(formula: Formula, names: tuple[str, ...], options: ExpressionOptions,
                      whole: frozenset[str] = frozenset()) -> np.ndarray:
    # Keyed by the formula's identity, which is stable because the engine caches the reference's reading.
    values = values_at_points(formula, names, options, whole)
    values.flags.writeable = False
    return values


def _hint(ours: np.ndarray, theirs: np.ndarray, names: frozenset[str], witness: int | None, options: ExpressionOptions) -> str:
    ratio = agreement.constant_ratio(ours, theirs, tolerance(options))
    if ratio is not None and abs(ratio + 1) <= tolerance(options):
        return "; check the sign"
    if ratio is not None and ratio != 0:
        return "; it is off by a constant factor"
    if witness is None or not names:
        return ""
    env = sample_env(sorted(names)[:4], options)
    point = ", ".join(f"{name} = {env[name][witness]:.3g}" for name in env)
    return f": they differ at {point}"


@lru_cache(maxsize=256)
def _vocabulary(symbols: str, functions: str, variables: str, samples: str) -> Vocabulary:
    return Vocabulary.from_options(
        {
            "symbols": json.loads(symbols),
            "functions": json.loads(functions),
            "variables": json.loads(variables),
            "samples": json.loads(samples),
        }
    )


def vocabulary(options: ExpressionOptions) -> Vocabulary:
    return _vocabulary(options.symbols, options.functions, options.variables, options.samples)
