"""Vectorised NumPy evaluation of Terms: the fast path of grading (no SymPy here)."""
from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from graders.parsing import builtins
from graders.parsing.builtins import Value
from graders.parsing.calculus import derivative_body
from graders.parsing.terms import Op, Term

_CONSTANTS = {"e": math.e, "pi": math.pi, "inf": math.inf, "i": 1j}


def evaluate(term: Term, env: Mapping[str, np.ndarray]) -> np.ndarray:
    """Value of `term` with each name bound by `env`; NaN/inf where undefined."""
    with np.errstate(all="ignore"):
        return np.asarray(_value(term, env))


def apply(term: Term, values: list) -> Value:
    """The value of one node given the values of its arguments (used to fold constants)."""
    with np.errstate(all="ignore"):
        return _apply(term, values)


def _value(term: Term, env: Mapping[str, Value]) -> Value:
    if term.op is Op.NAME:
        if term.value not in env:
            raise ValueError(f"no value for symbol '{term.value}'")
        return env[term.value]
    if term.const is not None:
        return term.const
    if term.op is Op.SUM:
        return _big_operator(term, env)
    return _apply(term, [_value(arg, env) for arg in term.args])


def _apply(term: Term, values: list) -> Value:
    """One node's value from its arguments' values."""
    match term.op:
        case Op.NUM:
            return float(term.value)
        case Op.CONST:
            return _CONSTANTS[term.value]
        case Op.ADD:
            return _add(term, values)
        case Op.MUL:
            return _mul(values)
        case Op.DIV:
            return np.divide(values[0], values[1])
        case Op.POW:
            return _pow(*values)
        case Op.NEG:
            return -values[0]
        case Op.CALL:
            return _call(term, values)
        case Op.ROOT:
            return _root(values)
        case Op.ABS:
            return np.abs(values[0])
        case Op.FACT:
            return builtins.factorial(values[0])
    raise ValueError(f"cannot evaluate {term.op}")


MAX_TERMS = 10_000


def _big_operator(term: Term, env: Mapping[str, Value]) -> Value:
    """Sum or product at every point at once: term k counts where low <= k <= high; NaN where a
    bound is not a whole number or the range is longer than MAX_TERMS."""
    (kind, variable), (operand, low_term, high_term) = term.value, term.args
    low, high = np.asarray(_value(low_term, env), dtype=float), np.asarray(_value(high_term, env), dtype=float)
    whole = np.isfinite(low) & np.isfinite(high) & (low == np.round(low)) & (high == np.round(high))
    whole &= high - low < MAX_TERMS
    neutral = 0.0 if kind == "sum" else 1.0
    if not whole.any():
        return np.full(np.broadcast(low, high).shape, np.nan)
    first, last = int(np.min(low[whole] if low.ndim else low)), int(np.max(high[whole] if high.ndim else high))
    total: Value = neutral
    for k in range(first, last + 1):
        value = _value(operand, {**env, variable: np.float64(k)})
        counted = np.where((low <= k) & (k <= high), value, neutral)
        total = total + counted if kind == "sum" else total * counted
    return np.where(whole, total, np.nan)


def _add(term: Term, values: list) -> Value:
    total = 0.0
    for sign, value in zip(term.value, values, strict=True):
        total = total - value if sign == "-" else total + value
    return total


def _mul(values: list) -> Value:
    product = 1.0
    for value in values:
        product = product * value
    return product


def _pow(base: Value, exponent: Value) -> Value:
    if isinstance(base, float) and isinstance(exponent, float):
        return float(np.float64(base) ** np.float64(exponent))
    return np.power(np.asarray(base, dtype=np.result_type(base, 1.0)), exponent)


def _call(term: Term, values: list) -> Value:
    function, order, definition = term.value
    if order == 0 and definition is None:
        return builtins.BUILTINS[function].numpy(*values)
    variable, body = derivative_body(function, order, definition)
    return _value(body, {variable: values[0]})


def _root(values: list) -> Value:
    if len(values) == 1:
        return np.sqrt(values[0])
    radicand, index = values
    odd = isinstance(index, float) and index == int(index) and int(index) % 2 == 1
    with np.errstate(divide="ignore"):
        exponent = np.where(np.asarray(index) == 0, np.nan, np.divide(1.0, index))  # a zeroth root is undefined
    if odd:  # the real cube root of -8 is -2
        return np.sign(radicand) * np.abs(radicand) ** exponent
    return np.power(radicand, exponent)
