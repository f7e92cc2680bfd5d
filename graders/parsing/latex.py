"""LaTeX of a Term as it was READ: `1/2x` prints `\\frac{1}{2} x`, `\\frac{1}{2x}` prints
`\\frac{1}{2 x}`, operators as the student wrote them (`\\cdot`, `\\odot`, implicit)."""
from __future__ import annotations

from collections.abc import Callable

from graders.parsing.builtins import BUILTINS
from graders.parsing.precedence import ATOM, PRODUCT, join_sum, precedence
from graders.parsing.terms import Op, Term
from graders.parsing.words import GREEK

_CONSTANTS = {"e": "e", "pi": "\\pi", "inf": "\\infty", "i": "i"}


def to_latex(term: Term) -> str:
    return _PRINTERS[term.op](term)


def _wrap(term: Term, minimum: int) -> str:
    latex = to_latex(term)
    return f"\\left({latex}\\right)" if precedence(term) < minimum else latex


def _number(term: Term) -> str:
    literal = term.value.lower()
    if "e" not in literal:
        return literal
    mantissa, exponent = literal.split("e")
    return f"{mantissa} \\cdot 10^{{{int(exponent)}}}"


def _mul(term: Term) -> str:
    parts = [_wrap(term.args[0], PRODUCT)]
    for operator, arg in zip(term.value[1:], term.args[1:]):
        factor = _wrap(arg, PRODUCT + 1)
        if operator == "*" or not operator and factor[:1].isdigit():
            operator = "\\cdot"  # juxtaposed digits would read as one number
        parts.append(f" {operator} {factor}" if operator else f" {factor}")
    return "".join(parts)


def _pow(term: Term) -> str:
    base, exponent = term.args
    if term.value == "function":  # `\tanh^{2}\left(x\right)`, as written
        return _call(base, f"^{{{to_latex(exponent)}}}")
    shown = _wrap(base, ATOM)
    if base.op == "name" and "^" in to_latex(base):
        shown = f"\\left({shown}\\right)"  # W^{hf} squared
    return f"{shown}^{{{to_latex(exponent)}}}"


def _function(function: str) -> str:
    row = BUILTINS.get(function)
    if row is not None:
        return row.latex_name
    if function in GREEK:
        return "\\" + function
    return function if len(function) == 1 else f"\\operatorname{{{function}}}"


def _call(term: Term, power: str = "") -> str:
    function, order, _ = term.value
    row = BUILTINS.get(function)
    if row is not None and row.delimiters and order == 0 and not power:
        left, right = row.delimiters
        return f"{left}{to_latex(term.args[0])}{right}"
    if function == "log" and len(term.args) == 2:
        return f"\\log_{{{to_latex(term.args[1])}}}{power}\\left({to_latex(term.args[0])}\\right)"
    inside = ", ".join(map(to_latex, term.args))
    return f"{_function(function)}{chr(39) * order}{power}\\left({inside}\\right)"


def _div(term: Term) -> str:
    if term.value == "percent":
        return f"{_wrap(term.args[0], ATOM)}\\%"
    return f"\\frac{{{to_latex(term.args[0])}}}{{{to_latex(term.args[1])}}}"


def _root(term: Term) -> str:
    index = f"[{to_latex(term.args[1])}]" if len(term.args) == 2 else ""
    return f"\\sqrt{index}{{{to_latex(term.args[0])}}}"


def _big_operator(term: Term) -> str:
    (kind, variable), (operand, low, high) = term.value, term.args
    return f"\\{kind}_{{{variable} = {to_latex(low)}}}^{{{to_latex(high)}}} {_wrap(operand, PRODUCT)}"


_PRINTERS: dict[Op, Callable[[Term], str]] = {
    Op.NUM: _number,
    Op.NAME: lambda term: term.latex or term.value,
    Op.CONST: lambda term: _CONSTANTS[term.value],
    Op.ADD: lambda term: join_sum(term, _wrap),
    Op.MUL: _mul,
    Op.DIV: _div,
    Op.POW: _pow,
    Op.NEG: lambda term: "-" + _wrap(term.args[0], PRODUCT),
    Op.CALL: _call,
    Op.ROOT: _root,
    Op.ABS: lambda term: f"\\left|{to_latex(term.args[0])}\\right|",
    Op.FACT: lambda term: _wrap(term.args[0], ATOM) + "!",
    Op.SUM: _big_operator,
}
