"""Integers: exact, from literals or integer arithmetic (`32*7*7*64`, `2^10`)."""

from typing import SupportsInt

import sympy

from graders.kinds.base import RIGHT, Reading, Verdict, wrong
from graders.kinds.number import read_constant
from graders.options import IntegerOptions

Options = IntegerOptions


def read_student(text: str, syntax: str, options: IntegerOptions) -> Reading:
    node = read_constant(text, syntax)
    value = node.to_sympy()
    return Reading(value, node.to_latex(), sympy.sstr(value))


def read_reference(reference: object, syntax: str, options: IntegerOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    if not isinstance(reference, SupportsInt):
        raise TypeError(f"integer reference {reference!r} is not a number")
    if int(reference) != reference:
        raise ValueError(f"integer reference {reference!r} is not a whole number")
    return Reading(sympy.Integer(int(reference)), str(int(reference)), str(int(reference)))


def compare(answer: Reading, expected: Reading, options: IntegerOptions) -> Verdict:
    if not _is_whole(answer.value):
        return wrong("A whole number was expected.")
    return RIGHT if answer.value == expected.value else wrong("Not the expected whole number.")


def key(answer: Reading, options: IntegerOptions) -> str:
    return sympy.sstr(answer.value)


def _is_whole(value: sympy.Expr) -> bool:
    return bool(value.is_real and value.is_finite and value == sympy.floor(value))
