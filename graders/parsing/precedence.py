"""How tightly each kind of Term binds, for printers deciding where parentheses go."""
from __future__ import annotations

from collections.abc import Callable

from graders.parsing.terms import Op, Term

SUM, PRODUCT, NEGATION, POWER, ATOM = 1, 2, 3, 4, 5


def precedence(term: Term) -> int:
    match term.op:
        case Op.ADD:
            return SUM
        case Op.MUL | Op.DIV | Op.SUM:
            return PRODUCT
        case Op.NEG:
            return NEGATION
        case Op.POW | Op.FACT:
            return POWER
        case Op.NUM if any(mark in term.value for mark in "eE"):
            return PRODUCT  # 2.5e-3 prints as 2.5 \cdot 10^{-3}
    return ATOM


def join_sum(term: Term, wrap: Callable[[Term, int], str]) -> str:
    """`a + b - (c + d)`: a subtracted sum keeps its parentheses, an added one does not."""
    parts = [wrap(term.args[0], SUM)]
    for sign, arg in zip(term.value[1:], term.args[1:]):
        parts.append(f" {sign} {wrap(arg, PRODUCT if sign == '-' else SUM + 1)}")
    return "".join(parts)
