"""LaTeX of a Term as it was READ: `1/2x` prints `\\frac{1}{2} x`, `\\frac{1}{2x}` prints
`\\frac{1}{2 x}`, operators as the student wrote them (`\\cdot`, `\\odot`, implicit)."""
from __future__ import annotations

from graders.parsing.precedence import ATOM, PRODUCT, join_sum, precedence
from graders.parsing.terms import Term
from graders.parsing.words import GREEK

_NAMED = {"exp", "log", "ln", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arcsin", "arccos",
          "arctan", "sigma"}
_DELIMITED = {"sqrt": "\\sqrt{{{}}}", "abs": "\\left|{}\\right|",
              "floor": "\\left\\lfloor {} \\right\\rfloor", "ceil": "\\left\\lceil {} \\right\\rceil"}
_CONSTANTS = {"e": "e", "pi": "\\pi", "inf": "\\infty"}


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
    shown = _wrap(base, ATOM)
    if base.op == "name" and "^" in to_latex(base):
        shown = f"\\left({shown}\\right)"  # W^{hf} squared
    return f"{shown}^{{{to_latex(exponent)}}}"


def _function(function: str) -> str:
    if function in _NAMED:
        return "\\" + function
    if function.startswith("log_"):
        return f"\\log_{{{function[4:]}}}"
    if function in GREEK:
        return "\\" + function
    return function if len(function) == 1 else f"\\operatorname{{{function}}}"


def _call(term: Term) -> str:
    function, order, _ = term.value
    if function in _DELIMITED and order == 0 and len(term.args) == 1:
        return _DELIMITED[function].format(to_latex(term.args[0]))
    power = f"^{{{to_latex(term.args[1])}}}" if len(term.args) == 2 else ""
    return f"{_function(function)}{chr(39) * order}{power}\\left({to_latex(term.args[0])}\\right)"


def _root(term: Term) -> str:
    index = f"[{to_latex(term.args[1])}]" if len(term.args) == 2 else ""
    return f"\\sqrt{index}{{{to_latex(term.args[0])}}}"


_PRINTERS = {
    "num": _number,
    "name": lambda term: term.latex or term.value,
    "const": lambda term: _CONSTANTS[term.value],
    "add": lambda term: join_sum(term, _wrap),
    "mul": _mul,
    "div": lambda term: f"\\frac{{{to_latex(term.args[0])}}}{{{to_latex(term.args[1])}}}",
    "pow": _pow,
    "neg": lambda term: "-" + _wrap(term.args[0], PRODUCT),
    "call": _call,
    "root": _root,
    "abs": lambda term: f"\\left|{to_latex(term.args[0])}\\right|",
    "fact": lambda term: _wrap(term.args[0], ATOM) + "!",
}
