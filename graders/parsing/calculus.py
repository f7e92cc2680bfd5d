"""Symbolic differentiation of Terms, so that `sigma'(z)` evaluates without SymPy."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from graders.parsing import builtins
from graders.parsing.construct import ONE, U, ZERO, add, call, div, mul, neg, power
from graders.parsing.terms import Op, Term


def differentiate(term: Term, variable: str) -> Term:
    """d term / d variable; no simplification (the result is only evaluated)."""
    if variable not in term.names():
        return ZERO
    rule = _RULES.get(term.op)
    if rule is None:
        raise ValueError(f"cannot differentiate {term.op}")
    return rule(term, variable)


def derivative_body(function: str, order: int, definition: tuple[str, Term] | None) -> tuple[str, Term]:
    """(argument name, body) of the `order`-th derivative of a function."""
    if definition is not None:
        argument, body = definition
        for _ in range(order):
            body = differentiate(body, argument)
        return argument, body
    return U, _builtin_derivative(function, order)


@lru_cache(maxsize=256)
def _builtin_derivative(function: str, order: int) -> Term:
    body = builtins.first_derivative(function)
    for _ in range(order - 1):
        body = differentiate(body, U)
    return body


def _add(term: Term, variable: str) -> Term:
    return add(*(differentiate(arg, variable) for arg in term.args), signs=term.value)


def _mul(term: Term, variable: str) -> Term:
    factors = term.args
    products = [mul(*factors[:index], differentiate(factor, variable), *factors[index + 1 :])
                for index, factor in enumerate(factors)]
    return add(*products)


def _div(term: Term, variable: str) -> Term:
    top, bottom = term.args
    numerator = add(mul(differentiate(top, variable), bottom), mul(top, differentiate(bottom, variable)),
                    signs=("+", "-"))
    return div(numerator, power(bottom, Term("num", value="2", const=2.0)))


def _pow(term: Term, variable: str) -> Term:
    base, exponent = term.args
    if variable not in exponent.names():
        lowered = add(exponent, ONE, signs=("+", "-"))
        return mul(exponent, power(base, lowered), differentiate(base, variable))
    logarithm = call("ln", base)
    return mul(term, differentiate(mul(exponent, logarithm), variable))


def _neg(term: Term, variable: str) -> Term:
    return neg(differentiate(term.args[0], variable))


def _call(term: Term, variable: str) -> Term:
    function, order, definition = term.value
    if len(term.args) > 1:  # log(x, b) = ln(x) / ln(b); max and min have no derivative
        if function != "log":
            raise ValueError(f"cannot differentiate {function}")
        argument, base = term.args
        return differentiate(div(call("ln", argument), call("ln", base)), variable)
    argument = term.args[0]
    return mul(call(function, argument, order + 1, definition), differentiate(argument, variable))


def _root(term: Term, variable: str) -> Term:
    index = term.args[1] if len(term.args) == 2 else Term("num", value="2", const=2.0)
    return differentiate(power(term.args[0], div(ONE, index)), variable)


def _abs(term: Term, variable: str) -> Term:
    return differentiate(call("abs", term.args[0]), variable)


# a name reaching its rule is the variable itself: differentiate() returned ZERO otherwise
_RULES: dict[Op, Callable[[Term, str], Term]] = {
    Op.NAME: lambda term, variable: ONE, Op.ADD: _add, Op.MUL: _mul, Op.DIV: _div, Op.POW: _pow,
    Op.NEG: _neg, Op.CALL: _call, Op.ROOT: _root, Op.ABS: _abs,
}
