"""Plain canonical text of a Term: `sigma(z)*(1 - sigma(z))`, `x^2`, `(1/4)^n`."""
from __future__ import annotations

from collections.abc import Callable

from graders.parsing.precedence import ATOM, POWER, PRODUCT, join_sum, precedence
from graders.parsing.terms import Op, Term


def to_text(term: Term) -> str:
    return _PRINTERS[term.op](term)


def _wrap(term: Term, minimum: int) -> str:
    text = to_text(term)
    return f"({text})" if precedence(term) < minimum else text


def _mul(term: Term) -> str:
    return "*".join(_wrap(arg, PRODUCT + (index > 0)) for index, arg in enumerate(term.args))


def _div(term: Term) -> str:
    if term.value == "percent":
        return f"{_wrap(term.args[0], ATOM)}%"
    return f"{_wrap(term.args[0], PRODUCT)}/{_wrap(term.args[1], POWER)}"


def _pow(term: Term) -> str:
    return f"{_wrap(term.args[0], ATOM)}^{_wrap(term.args[1], ATOM)}"


def _call(term: Term) -> str:
    function, order, _ = term.value
    return f"{function}{chr(39) * order}({', '.join(map(to_text, term.args))})"


def _root(term: Term) -> str:
    if len(term.args) == 1:
        return f"sqrt({to_text(term.args[0])})"
    return f"{_wrap(term.args[0], ATOM)}^(1/{_wrap(term.args[1], ATOM)})"


def _big_operator(term: Term) -> str:
    (kind, variable), (operand, low, high) = term.value, term.args
    return f"{kind}({to_text(operand)}, {variable}, {to_text(low)}, {to_text(high)})"


_PRINTERS: dict[Op, Callable[[Term], str]] = {
    Op.NUM: lambda term: term.value,
    Op.NAME: lambda term: term.value,
    Op.CONST: lambda term: term.value,
    Op.ADD: lambda term: join_sum(term, _wrap),
    Op.MUL: _mul,
    Op.DIV: _div,
    Op.POW: _pow,
    Op.NEG: lambda term: "-" + _wrap(term.args[0], PRODUCT),
    Op.CALL: _call,
    Op.ROOT: _root,
    Op.ABS: lambda term: f"abs({to_text(term.args[0])})",
    Op.FACT: lambda term: _wrap(term.args[0], ATOM) + "!",
    Op.SUM: _big_operator,
}
