"""Built-in functions: ONE typed table. Adding a function is one row here.

Each row gives the spellings that read as the function (as plain words and as LaTeX commands), its
NumPy and SymPy forms, its first derivative as a Term in U (None: no derivative), and how it
prints in LaTeX. Every other module derives its view from this table.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce

import numpy as np
import sympy

from graders.parsing.construct import ONE, TWO, U, add, call, div, mul, name, neg, power, sub
from graders.parsing.terms import Op, Term

u = name(U)
# a value while evaluating: a number, or an array of them at every sample point at once
Value = np.ndarray | np.number | float | complex


@dataclass(frozen=True)
class Builtin:
    name: str  # canonical
    numpy: Callable[..., Value]
    sympy: Callable[..., sympy.Basic]
    derivative: Term | None  # d f(u) / du for one-argument functions
    words: tuple[str, ...] = ()  # plain-text spellings besides the name
    latex: str | None = None  # LaTeX of the function's name; None: \operatorname{name}
    arity: tuple[int, int] = (1, 1)  # fewest and most arguments
    delimiters: tuple[str, str] | None = None  # printed around the argument: |x|, floor

    @property
    def latex_name(self) -> str:
        return self.latex or f"\\operatorname{{{self.name}}}"


def _sigma(x: Value) -> Value:
    return 1.0 / (1.0 + np.exp(-x))


def _log(x: Value, base: Value | None = None) -> Value:
    return np.log(x) if base is None else np.log(x) / np.log(base)


def _sympy_log(x: sympy.Expr, base: sympy.Expr | None = None) -> sympy.Expr:
    return sympy.log(x) if base is None else sympy.log(x, base)


def _reduced(function: Callable[[Value, Value], Value]) -> Callable[..., Value]:
    return lambda *values: reduce(function, values)


def _binomial(n: Value, k: Value) -> Value:
    """n choose k as factorials (Γ), so that a symbolic `\\binom{n}{2}` has a value at every sample point."""
    return factorial(n) / (factorial(k) * factorial(n - k))


def _sqrt_of_square_minus_one() -> Term:
    return call("sqrt", sub(power(u, TWO), ONE))


_SIGMA = call("sigma", u)
_ANY = (1, 64)
_ROWS = [
    Builtin("exp", np.exp, sympy.exp, call("exp", u), latex="\\exp"),
    Builtin("log", _log, _sympy_log, div(ONE, u), latex="\\log", arity=(1, 2)),
    Builtin("ln", np.log, sympy.log, div(ONE, u), latex="\\ln"),
    Builtin("lg", np.log10, lambda x: sympy.log(x, 10),
            div(ONE, mul(u, call("ln", Term(Op.NUM, value="10", const=10.0)))),
            words=(), latex="\\lg"),
    Builtin("sqrt", np.sqrt, sympy.sqrt, div(ONE, mul(TWO, call("sqrt", u))), delimiters=("\\sqrt{", "}")),
    Builtin("sin", np.sin, sympy.sin, call("cos", u), latex="\\sin"),
    Builtin("cos", np.cos, sympy.cos, neg(call("sin", u)), latex="\\cos"),
    Builtin("tan", np.tan, sympy.tan, add(ONE, power(call("tan", u), TWO)), latex="\\tan"),
    Builtin("sec", lambda x: 1 / np.cos(x), sympy.sec, mul(call("sec", u), call("tan", u)),
            latex="\\sec"),
    Builtin("csc", lambda x: 1 / np.sin(x), sympy.csc, neg(mul(call("csc", u), call("cot", u))),
            words=("cosec",), latex="\\csc"),
    Builtin("cot", lambda x: 1 / np.tan(x), sympy.cot, neg(power(call("csc", u), TWO)), words=("cotan",),
            latex="\\cot"),
    Builtin("sinh", np.sinh, sympy.sinh, call("cosh", u), latex="\\sinh"),
    Builtin("cosh", np.cosh, sympy.cosh, call("sinh", u), latex="\\cosh"),
    Builtin("tanh", np.tanh, sympy.tanh, sub(ONE, power(call("tanh", u), TWO)),
            latex="\\tanh"),
    Builtin("sech", lambda x: 1 / np.cosh(x), sympy.sech, neg(mul(call("sech", u), call("tanh", u)))),
    Builtin("csch", lambda x: 1 / np.sinh(x), sympy.csch, neg(mul(call("csch", u), call("coth", u)))),
    Builtin("coth", lambda x: 1 / np.tanh(x), sympy.coth, neg(power(call("csch", u), TWO)),
            latex="\\coth"),
    Builtin("arcsin", np.arcsin, sympy.asin, div(ONE, call("sqrt", sub(ONE, power(u, TWO)))), words=("asin",),
            latex="\\arcsin"),
    Builtin("arccos", np.arccos, sympy.acos, neg(div(ONE, call("sqrt", sub(ONE, power(u, TWO))))),
            words=("acos",), latex="\\arccos"),
    Builtin("arctan", np.arctan, sympy.atan, div(ONE, add(ONE, power(u, TWO))), words=("atan",),
            latex="\\arctan"),
    Builtin("arcsec", lambda x: np.arccos(1 / x), sympy.asec,
            div(ONE, mul(call("abs", u), _sqrt_of_square_minus_one())), words=("asec",)),
    Builtin("arccsc", lambda x: np.arcsin(1 / x), sympy.acsc,
            neg(div(ONE, mul(call("abs", u), _sqrt_of_square_minus_one()))), words=("acsc",)),
    Builtin("arccot", lambda x: np.arctan(1 / x), sympy.acot, neg(div(ONE, add(ONE, power(u, TWO)))),
            words=("acot",)),
    Builtin("arsinh", np.arcsinh, sympy.asinh, div(ONE, call("sqrt", add(power(u, TWO), ONE))),
            words=("asinh", "arcsinh")),
    Builtin("arcosh", np.arccosh, sympy.acosh, div(ONE, _sqrt_of_square_minus_one()),
            words=("acosh", "arccosh")),
    Builtin("artanh", np.arctanh, sympy.atanh, div(ONE, sub(ONE, power(u, TWO))),
            words=("atanh", "arctanh")),
    Builtin("abs", np.abs, sympy.Abs, div(u, call("abs", u)), words=("Abs",), delimiters=("\\left|", "\\right|")),
    Builtin("sign", np.sign, sympy.sign, None, words=("sgn",)),
    Builtin("floor", np.floor, sympy.floor, None, delimiters=("\\left\\lfloor ", " \\right\\rfloor")),
    Builtin("ceil", np.ceil, sympy.ceiling, None, words=("ceiling",),
            delimiters=("\\left\\lceil ", " \\right\\rceil")),
    Builtin("max", _reduced(np.maximum), sympy.Max, None, words=("Max",), latex="\\max", arity=_ANY),
    Builtin("min", _reduced(np.minimum), sympy.Min, None, words=("Min",), latex="\\min", arity=_ANY),
    Builtin("binom", _binomial, sympy.binomial, None, words=("binomial",), arity=(2, 2)),
    Builtin("sigma", _sigma, lambda x: 1 / (1 + sympy.exp(-x)), mul(_SIGMA, sub(ONE, _SIGMA)),
            words=("sigmoid",), latex="\\sigma"),
]

BUILTINS: dict[str, Builtin] = {row.name: row for row in _ROWS}
# `\\sin^{-1} x` is arcsin x and `\\sinh^{-1} x` is arsinh x, as textbooks write them (never a reciprocal)
INVERSES: dict[str, str] = {inverse.removeprefix(prefix): inverse for inverse in BUILTINS for prefix in ("arc", "ar")
                            if inverse.startswith(prefix) and inverse.removeprefix(prefix) in BUILTINS}
# plain word -> canonical name; `factorial(n)` is read as `n!`
WORDS: dict[str, str] = {spelling: row.name for row in _ROWS for spelling in (row.name, *row.words)}
WORDS["factorial"] = "factorial"
WORDS.pop("lg")  # `lg` typed as text is l*g; only `\lg` names the logarithm
# LaTeX commands: `\\sin`, `\\arcsinh`; `\\operatorname{sech}` reads its word
COMMANDS: dict[str, str] = {spelling: row.name for row in _ROWS for spelling in (row.name, *row.words)}
# functions of a whole vector (a column in, a column out), spelling -> canonical name: the matrix_expr kind reads
# them; an answer of numbers refuses them by name rather than reading the letters as a product
VECTOR_FUNCTIONS: dict[str, str] = {"softmax": "softmax", "softargmax": "softmax"}


def vector_function_refused(word: str) -> str:
    return (f"{word} is a vector function (it takes a whole vector, not a number); it is not read in this answer: "
            "write the formula for one entry")


def has_derivative(function: str) -> bool:
    row = BUILTINS.get(function)
    return row is not None and row.derivative is not None


def first_derivative(function: str) -> Term:
    derivative = BUILTINS[function].derivative
    if derivative is None:
        raise ValueError(f"the derivative of {function} is not supported")
    return derivative


def factorial(values: Value) -> Value:
    """x! as Γ(x + 1): exact for the whole numbers a student may write, and defined for the symbolic
    factorials of trusted references (`factorial(n + 1)`) at every sample point."""
    if isinstance(values, float):
        return _gamma_of_successor(values)
    return np.vectorize(_gamma_of_successor, otypes=[float])(values)


def _gamma_of_successor(value: float) -> float:
    if value == int(value) and 0 <= value <= 170:
        return float(math.factorial(int(value)))
    try:
        return math.gamma(value + 1)
    except (OverflowError, ValueError):  # beyond floats, or a pole at a negative whole number
        return math.inf if value > 0 else math.nan
