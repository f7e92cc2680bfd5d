"""Small constructors of Terms, for trees the parser writes itself (derivatives, definitions)."""
from __future__ import annotations

from graders.parsing.terms import Op, Term

U = "\u2022u"  # the argument of a built-in function's derivative; no answer can spell it
ONE, TWO = Term(Op.NUM, value="1", const=1.0), Term(Op.NUM, value="2", const=2.0)
ZERO = Term(Op.NUM, value="0", const=0.0)


def name(canonical: str) -> Term:
    return Term(Op.NAME, value=canonical)


def add(*terms: Term, signs: tuple[str, ...] | None = None) -> Term:
    return Term(Op.ADD, terms, signs or ("+",) * len(terms))


def sub(left: Term, right: Term) -> Term:
    return add(left, right, signs=("+", "-"))


def mul(*terms: Term) -> Term:
    return Term(Op.MUL, terms, ("",) + ("*",) * (len(terms) - 1))


def div(numerator: Term, denominator: Term) -> Term:
    return Term(Op.DIV, (numerator, denominator), "frac")


def power(base: Term, exponent: Term) -> Term:
    return Term(Op.POW, (base, exponent))


def neg(term: Term) -> Term:
    return Term(Op.NEG, (term,))


def call(function: str, argument: Term, order: int = 0, definition: object = None) -> Term:
    return Term(Op.CALL, (argument,), (function, order, definition))
