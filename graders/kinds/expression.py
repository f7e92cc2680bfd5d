"""Expressions: equal values at the sample points, with SymPy only where the points cannot decide."""

import json
from functools import lru_cache

import numpy as np
import sympy

from graders.kinds import agreement
from graders.kinds.base import RIGHT, Reading, Verdict, first_position, wrong
from graders.kinds.formula import Formula, from_node, from_sympy
from graders.kinds.sampling import point_count, sample_env
from graders.options import ExpressionOptions
from graders.parsing import Node, ParseError, Vocabulary, parse

Options = ExpressionOptions

NOT_EQUIVALENT = "Not equivalent to the expected expression"


def read_student(text: str, syntax: str, options: ExpressionOptions) -> Reading:
    node = parse(text, syntax=syntax, target="expression", vocabulary=vocabulary(options))
    refuse_undeclared(node, text, vocabulary(options))
    return Reading(from_node(node), node.to_latex(), node.to_text())


def refuse_undeclared(node: Node, text: str, words: Vocabulary) -> None:
    """A question that declares its symbols accepts no others, though the parser reads any letter."""
    unknown = node.free_symbols - words.declared
    if words.declared and unknown:
        names = ", ".join(sorted(unknown))
        message = f"{names} is not a symbol of this question (it uses {', '.join(sorted(words.declared))})"
        raise ParseError(message, first_position(text, unknown), text)


def read_reference(reference: object, syntax: str, options: ExpressionOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    expr = sympy.sympify(reference, strict=True)  # bank data; strict: never parses text
    return Reading(from_sympy(expr), sympy.latex(expr), sympy.sstr(expr))


def compare(answer: Reading, expected: Reading, options: ExpressionOptions) -> Verdict:
    return compare_formulas(answer.value, expected.value, options, NOT_EQUIVALENT)


def key(answer: Reading, options: ExpressionOptions) -> str:
    formula: Formula = answer.value
    return " ".join(f"{v:.6g}" for v in values_at_points(formula, formula.names, options))


def compare_formulas(student: Formula, expected: Formula, options: ExpressionOptions, not_equal: str) -> Verdict:
    """Numeric agreement, else the SymPy fallback; wrong answers get a hint that does not reveal the reference."""
    names, whole = student.names | expected.names, student.whole | expected.whole
    ours = values_at_points(student, names, options, whole)
    theirs = _reference_values(expected, tuple(sorted(names)), options, whole)
    outcome = agreement.agree(ours, theirs, options.rtol, symbolic=bool(names))
    if outcome.equal or (not outcome.decided and agreement.symbolically_equal(student.symbolic(), expected.symbolic())):
        return RIGHT
    return wrong(f"{not_equal}{_hint(ours, theirs, names, outcome.witness, options)}.")


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
    ratio = agreement.constant_ratio(ours, theirs, options.rtol)
    if ratio is not None and abs(ratio + 1) <= options.rtol:
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
