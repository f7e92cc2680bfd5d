"""Integers: exact, from literals or integer arithmetic (`32*7*7*64`, `2^10`)."""

import math
from typing import SupportsInt

import sympy

from graders.kinds.base import RIGHT, Reading, Verdict, wrong
from graders.kinds.number import read_constant
from graders.options import IntegerOptions
from graders.parsing import ParseError

Options = IntegerOptions

# Python refuses to print an integer of more than 4,300 digits (sys.get_int_max_str_digits), and no count or size
# asked here comes near this many: an answer whose exact value is longer (`200!^{999}`) is refused as written.
MAX_DIGITS = 4000


def read_student(text: str, syntax: str, options: IntegerOptions) -> Reading:
    node = read_constant(text, syntax)
    value = node.to_sympy()
    if isinstance(value, sympy.Rational) and max(abs(value.p), value.q).bit_length() > MAX_DIGITS * math.log2(10):
        raise ParseError(f"the value has more than {MAX_DIGITS:,} digits; no answer here is that long", 0, text)
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
