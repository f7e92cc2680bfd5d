"""Independent verdicts for the general-mathematics corpus.

Nothing here reads a student's or a reference's string: every check works on Python values the corpus author wrote
for the intended meaning (NumPy/SymPy expressions in Python syntax, exact rationals, membership predicates).
"""

from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal, getcontext
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

getcontext().prec = 60
_RNG = np.random.default_rng(20261130)
TIGHT = Decimal("1e-12")  # no tolerance option: a decimal approximation of an exact reference is wrong

# One namespace per engine: the same Python text evaluates to a NumPy function and to a SymPy expression.
_NP: dict[str, Any] = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log, "sqrt": np.sqrt,
    "asin": np.arcsin, "acos": np.arccos, "atan": np.arctan, "sinh": np.sinh, "cosh": np.cosh,
    "tanh": np.tanh, "asinh": np.arcsinh, "acosh": np.arccosh, "atanh": np.arctanh, "Abs": np.abs,
    "floor": np.floor, "ceiling": np.ceil, "Max": np.maximum, "Min": np.minimum, "pi": np.pi, "E": np.e,
    "sec": lambda t: 1 / np.cos(t), "csc": lambda t: 1 / np.sin(t), "cot": lambda t: 1 / np.tan(t),
    "sech": lambda t: 1 / np.cosh(t), "csch": lambda t: 1 / np.sinh(t), "coth": lambda t: 1 / np.tanh(t),
    "sign": np.sign, "cbrt": np.cbrt, "atan2": np.arctan2, "I": 1j,
    "factorial": lambda t: np.vectorize(lambda v: float(sp.factorial(round(v))))(t),
    "Sum": None, "Rational": lambda a, b: a / b,
}
_SP: dict[str, Any] = {
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh, "Abs": sp.Abs, "floor": sp.floor,
    "ceiling": sp.ceiling, "Max": sp.Max, "Min": sp.Min, "pi": sp.pi, "E": sp.E, "sec": sp.sec, "csc": sp.csc,
    "cot": sp.cot, "sech": sp.sech, "csch": sp.csch, "coth": sp.coth, "sign": sp.sign, "cbrt": lambda a: sp.real_root(a, 3),
    "atan2": sp.atan2, "I": sp.I, "factorial": sp.factorial, "Rational": sp.Rational,
}


def _np_sum(term: Callable[[int], Any], lo: Any, hi: Any) -> Any:
    """A finite sum whose bounds may be arrays of integers (one per sample point)."""
    lo_a, hi_a = np.broadcast_arrays(np.asarray(lo), np.asarray(hi))
    out = [sum(term(k) for k in range(int(a), int(b) + 1)) for a, b in zip(lo_a.ravel(), hi_a.ravel(), strict=True)]
    return np.asarray(out, dtype=complex).reshape(lo_a.shape)


def _sp_sum(term: Callable[[Any], Any], lo: Any, hi: Any) -> Any:
    return sp.Add(*[term(sp.Integer(k)) for k in range(int(lo), int(hi) + 1)])


def _np_prod(term: Callable[[int], Any], lo: Any, hi: Any) -> Any:
    lo_a, hi_a = np.broadcast_arrays(np.asarray(lo), np.asarray(hi))
    out = [np.prod([term(k) for k in range(int(a), int(b) + 1)]) for a, b in zip(lo_a.ravel(), hi_a.ravel(), strict=True)]
    return np.asarray(out, dtype=complex).reshape(lo_a.shape)


_NP.update(Sum=_np_sum, Prod=_np_prod)
_SP.update(Sum=_sp_sum, Prod=lambda f, a, b: sp.Mul(*[f(sp.Integer(k)) for k in range(int(a), int(b) + 1)]))


def _samples(variables: dict[str, tuple[float, float] | str], n: int) -> dict[str, np.ndarray]:
    out = {}
    for name, dom in variables.items():
        if dom == "int":
            out[name] = _RNG.integers(1, 9, n).astype(float)
        else:
            out[name] = _RNG.uniform(dom[0], dom[1], n)
    return out


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    fa, fb = np.isfinite(a), np.isfinite(b)
    if not np.array_equal(fa, fb):  # one side defined where the other is not: a different function
        return False
    both = fa & fb
    return bool(np.all(np.abs(a[both] - b[both]) <= 1e-9 * (1 + np.abs(b[both]))))


def same_function(py_a: str, py_b: str, variables: dict[str, Any], real: bool = True) -> bool:
    """NumPy at 40 random points (real values: complex results of real inputs count as undefined) and SymPy at
    three exact rational points with 40 digits; the functions are the same only if both agree."""
    pts = _samples(variables, 40)
    with np.errstate(all="ignore"):
        vals = []
        for text in (py_a, py_b):
            env = {**_NP, **{k: v.astype(complex) if not real else v for k, v in pts.items()}}
            v = np.asarray(eval(text, {"__builtins__": {}}, env), dtype=complex) * np.ones(40)
            if real:
                v = np.where(np.abs(v.imag) > 1e-12, np.nan, v.real)
            vals.append(v)
    if not _close(vals[0], vals[1]):
        return False
    for i in range(3):
        env = {**_SP}
        for name, dom in variables.items():
            if dom == "int":
                env[name] = sp.Integer(2 + 2 * i)
            else:
                lo, hi = dom
                env[name] = sp.Rational(round((lo + (hi - lo) * (0.23 + 0.31 * i)) * 1000), 1000)
        a = sp.N(eval(py_a, {"__builtins__": {}}, env), 40)
        b = sp.N(eval(py_b, {"__builtins__": {}}, env), 40)
        if a.has(sp.zoo, sp.nan) or b.has(sp.zoo, sp.nan):
            if a != b:
                return False
            continue
        if real and (abs(sp.im(a)) > 1e-30) != (abs(sp.im(b)) > 1e-30):
            return False
        if abs(a - b) > sp.Float("1e-30", 40) * (1 + abs(b)):
            return False
    return True


def decimal_of(value: Any) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, (int, str)):
        return Decimal(value)
    return Decimal(str(sp.N(value, 50)))


def sig_figs(numeral: str) -> int:
    """Significant figures of a plain or e-notation numeral (`0.00120` -> 3, `1.20e-3` -> 3, `10.0` -> 3)."""
    mantissa = numeral.lower().lstrip("+-").split("e")[0]
    digits = mantissa.replace(".", "").lstrip("0")
    if "." not in mantissa:
        digits = digits.rstrip("0") or digits  # trailing zeros of an integer are not significant
    return max(len(digits), 1)


def decimals(numeral: str) -> int:
    mantissa = numeral.lower().split("e")[0]
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def round_sig(value: Decimal, n: int) -> Decimal:
    if value == 0:
        return value
    exp = value.adjusted() - n + 1
    return value.quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_UP)


def number_ok(ref: Any, ans: Any, options: dict | None, numeral: str | None) -> bool:
    """STACK-like number semantics: sigfigs/decimal_places need the written numeral; tolerances are inclusive."""
    options = options or {}
    r = decimal_of(ref)
    if "sigfigs" in options or "decimal_places" in options:
        if numeral is None:
            return False
        written = Decimal(numeral)
        if "sigfigs" in options:
            n = options["sigfigs"]
            return sig_figs(numeral) == n and written == round_sig(r, n)
        k = options["decimal_places"]
        return decimals(numeral) == k and written == r.quantize(Decimal(1).scaleb(-k), rounding=ROUND_HALF_UP)
    if ans is None:  # not a finite number (1/0, oo, nan, a symbol)
        return False
    a = decimal_of(ans)
    bound = Decimal(str(options.get("atol", 0))) + Decimal(str(options.get("rtol", 0))) * abs(r)
    if not options.get("atol") and not options.get("rtol"):
        bound = TIGHT * max(abs(r), Decimal(1))
    return abs(a - r) <= bound


def same_membership(pred_a: Callable[[Fraction], bool], pred_b: Callable[[Fraction], bool], integer: bool,
                    probes: Iterable[Fraction] = ()) -> bool:
    """Two subsets of R (or Z) agree on a grid of quarters in [-20, 20] (integers in [-100, 100]), on huge values, and on given probes."""
    grid = [Fraction(k) for k in range(-100, 101)] if integer else [Fraction(k, 4) for k in range(-80, 81)]
    extra = [Fraction(10**6), Fraction(-10**6)]
    if not integer:
        extra += [p + d for p in probes for d in (Fraction(0), Fraction(1, 10**9), Fraction(-1, 10**9))]
    return all(pred_a(p) == pred_b(p) for p in [*grid, *extra])


def same_matrix(a: list, b: list) -> bool:
    ea = np.array([[complex(sp.N(v)) for v in row] for row in a])
    eb = np.array([[complex(sp.N(v)) for v in row] for row in b])
    if ea.shape != eb.shape:
        return False
    da = [[decimal_of(sp.re(v)) for v in row] for row in a]
    db = [[decimal_of(sp.re(v)) for v in row] for row in b]
    exact = all(abs(x - y) <= TIGHT * max(abs(y), Decimal(1)) for ra, rb in zip(da, db, strict=False) for x, y in zip(ra, rb, strict=False))
    return bool(np.allclose(ea, eb, rtol=1e-12, atol=1e-12)) and exact


def residual_zero(py_residual: str, point: dict[str, Any]) -> bool:
    env = {**_SP, **point}
    v = sp.N(eval(py_residual, {"__builtins__": {}}, env), 40)
    if v.has(sp.zoo, sp.nan, sp.oo):
        return False
    return abs(v) < sp.Float("1e-25", 40)
