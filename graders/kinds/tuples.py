"""Ordered values such as shapes: `9x13`, `9×13`, `9 \\times 13`, `(26, 28)`, `[26,28]`."""

from graders.kinds.base import Reading, Verdict, partial_verdict, wrong
from graders.kinds.elements import element_formulas, elements_equal, reference_elements, wrong_positions
from graders.kinds.expression import key as expression_key
from graders.kinds.expression import refuse_undeclared, vocabulary
from graders.options import ExpressionOptions, TupleOptions
from graders.parsing import parse

Options = TupleOptions


def read_student(text: str, syntax: str, options: TupleOptions) -> Reading:
    node = parse(text, syntax=syntax, target="tuple", vocabulary=vocabulary(options))
    refuse_undeclared(node, text, vocabulary(options))
    return Reading(element_formulas(node), node.to_latex(), node.to_text())


def read_reference(reference: object, syntax: str, options: TupleOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    values = tuple(reference)  # type: ignore[arg-type]
    shown = ", ".join(map(str, values))
    return Reading(reference_elements(values, syntax), rf"\left({shown}\right)", f"({shown})")


def compare(answer: Reading, expected: Reading, options: TupleOptions) -> Verdict:
    if len(answer.value) != len(expected.value):
        return wrong(f"Expected {len(expected.value)} values in order; your answer has {len(answer.value)}.")
    flags = elements_equal(answer.value, expected.value, options)
    return partial_verdict(sum(flags), len(flags), "values", options, wrong_positions(flags))


def key(answer: Reading, options: TupleOptions) -> str:
    return "; ".join(expression_key(Reading(element, None, None), ExpressionOptions()) for element in answer.value)
