"""Built-in functions: their NumPy form and their first derivative as a Term in U."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from graders.parsing.construct import ONE, TWO, U, add, call, div, mul, name, neg, power, sub
from graders.parsing.terms import Term

u = name(U)

NUMPY = {
    "exp": np.exp, "log": np.log, "ln": np.log, "sqrt": np.sqrt, "sin": np.sin, "cos": np.cos,
    "tan": np.tan, "tanh": np.tanh, "sinh": np.sinh, "cosh": np.cosh, "arcsin": np.arcsin,
    "arccos": np.arccos, "arctan": np.arctan, "abs": np.abs, "floor": np.floor, "ceil": np.ceil,
    "sigma": lambda x: 1.0 / (1.0 + np.exp(-x)),
}

FIRST_DERIVATIVE = {
    "exp": call("exp", u),
    "log": div(ONE, u),
    "ln": div(ONE, u),
    "sqrt": div(ONE, mul(TWO, call("sqrt", u))),
    "sin": call("cos", u),
    "cos": neg(call("sin", u)),
    "tan": add(ONE, power(call("tan", u), TWO)),
    "tanh": sub(ONE, power(call("tanh", u), TWO)),
    "sinh": call("cosh", u),
    "cosh": call("sinh", u),
    "arcsin": div(ONE, call("sqrt", sub(ONE, power(u, TWO)))),
    "arccos": neg(div(ONE, call("sqrt", sub(ONE, power(u, TWO))))),
    "arctan": div(ONE, add(ONE, power(u, TWO))),
    "abs": div(u, call("abs", u)),
    "sigma": mul(call("sigma", u), sub(ONE, call("sigma", u))),
}


def numpy_function(function: str) -> Callable[[np.ndarray], np.ndarray]:
    """NumPy callable for a built-in; `log_b` is the logarithm to base b."""
    if function.startswith("log_"):
        base = np.e if function == "log_e" else float(function[4:])
        return lambda x: np.log(x) / np.log(base)
    return NUMPY[function]


def has_derivative(function: str) -> bool:
    return function in FIRST_DERIVATIVE or function.startswith("log_")


def first_derivative(function: str) -> Term:
    if function.startswith("log_"):
        return div(ONE, mul(u, call("ln", _base(function))))
    return FIRST_DERIVATIVE[function]


def _base(function: str) -> Term:
    base = function[4:]
    return Term("const", value="e") if base == "e" else Term("num", value=base, const=float(base))
