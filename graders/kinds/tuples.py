"""Ordered values such as shapes: `9x13`, `9×13`, `9 \\times 13`, `(26, 28)`, `[26,28]`."""

import re
from collections.abc import Iterable

from graders.kinds.base import Reading, Verdict, partial_verdict, wrong
from graders.kinds.elements import element_formulas, elements_equal, reference_elements, wrong_positions
from graders.kinds.expression import key as expression_key
from graders.kinds.expression import refuse_undeclared, vocabulary
from graders.options import ExpressionOptions, TupleOptions
from graders.parsing import Vocabulary, parse

Options = TupleOptions


def read_student(text: str, syntax: str, options: TupleOptions) -> Reading:
    words = _vocabulary(options)
    if options.grouped:
        text = flattened_groups(text)
    if options.divides_evenly:
        text = without_rounding(text)
    node = parse(text, syntax=syntax, target="tuple", vocabulary=words)
    refuse_undeclared(node, text, words)
    return Reading(element_formulas(node), node.to_latex(), node.to_text())


# a bracketed group of sizes separated by `\times`, `×` or `x` (numbers or one-letter names only)
_SIZE = r"(?:\d+|[A-Za-z])"
_GROUP = re.compile(rf"(?:\\left\s*)?[(\[]\s*({_SIZE}(?:\s*(?:\\times|×|x)\s*{_SIZE})+)\s*(?:\\right\s*)?[)\]]")


def flattened_groups(text: str) -> str:
    """`5 \\times (1 \\times 7 \\times 3)` as `5 \\times 1 \\times 7 \\times 3`, for parts whose shape is grouped
    (the derivative of a vector by a tensor); a comma-separated answer is a tuple and is left alone."""
    if "," in text:
        return text
    return _GROUP.sub(lambda m: m.group(1), text)


# Rounding brackets and functions: `\lfloor`, `⌈`, `floor(` (its brackets stay).
_ROUNDING = re.compile(r"\\[lr](?:floor|ceil)\b|[⌊⌋⌈⌉]|\b(?:floor|ceil|ceiling)\s*(?=\()")
_OPENS = {r"\lfloor", r"\lceil", "⌊", "⌈"}
_CLOSES = {r"\rfloor", r"\rceil", "⌋", "⌉"}


def without_rounding(text: str) -> str:
    """`\\lfloor \\frac{H - K}{S} \\rfloor + 1` as `(\\frac{H - K}{S}) + 1`, for parts whose question says the
    division comes out whole (the stride divides evenly): there a floor or ceiling changes nothing."""
    def bracket(match: re.Match[str]) -> str:
        found = match.group(0)
        return "(" if found in _OPENS else ")" if found in _CLOSES else ""

    return _ROUNDING.sub(bracket, text)


def _vocabulary(options: TupleOptions) -> Vocabulary:
    """The expression kind's vocabulary, from the same four fields a tuple part declares."""
    return vocabulary(ExpressionOptions(variables=options.variables, symbols=options.symbols,
                                        functions=options.functions, samples=options.samples))


def read_reference(reference: object, syntax: str, options: TupleOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    if not isinstance(reference, Iterable):
        raise TypeError(f"tuple reference {reference!r} is not a sequence")
    values = tuple(reference)
    shown = ", ".join(map(str, values))
    return Reading(reference_elements(values, syntax), rf"\left({shown}\right)", f"({shown})")


def compare(answer: Reading, expected: Reading, options: TupleOptions) -> Verdict:
    if len(answer.value) != len(expected.value):
        return wrong(f"Expected {len(expected.value)} values in order; your answer has {len(answer.value)}.")
    flags = elements_equal(answer.value, expected.value, options)
    return partial_verdict(sum(flags), len(flags), "values", options, wrong_positions(flags))


def key(answer: Reading, options: TupleOptions) -> str:
    return "; ".join(expression_key(Reading(element, None, None), ExpressionOptions()) for element in answer.value)
