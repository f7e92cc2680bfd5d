"""Asymptotic bounds: same class when the dominant terms agree after dropping constant factors.

`O(3 d k^2 H W + d)` = `O(d k^2 H W)`; `O(dHW)` ≠ `O(d k^2 HW)`. The operator is kept: a tight bound (Theta)
answers a question that asks for an upper (O) or a lower (Omega) bound, but O and Omega answer only themselves.
A letter that is not one of the question's sizes is an error naming it, never a silent constant.
"""

import math
from dataclasses import dataclass

import sympy

from graders.kinds.base import RIGHT, Reading, Verdict, first_position, wrong
from graders.options import BigOOptions
from graders.parsing import ParseError, parse

Options = BigOOptions

# Expanding (n + 1)^1000 or (a + b + ... + h)^12 would take too long; a human grader would not expand it either.
MAX_EXPANDED_TERMS = 2000
MAX_EXPANDED_POWER = 60  # beyond it the binomial coefficients alone make expansion slow


@dataclass(frozen=True)
class Growth:
    """How one term grows: per variable (exponential rate, power, power of its log), other factors verbatim."""

    rates: tuple[tuple[str, tuple[sympy.Expr, sympy.Expr, sympy.Expr]], ...]
    others: tuple[str, ...]

    def dominates(self, other: "Growth") -> bool:
        if self.others != other.others:
            return False
        mine, theirs = dict(self.rates), dict(other.rates)
        return all(mine.get(name, _CONSTANT) >= theirs.get(name, _CONSTANT) for name in mine.keys() | theirs.keys())


_CONSTANT = (sympy.Integer(0),) * 3


@dataclass(frozen=True)
class Bound:
    expression: sympy.Expr
    dominant: frozenset[Growth]
    operator: str | None = None  # "O" | "Theta" | "Omega" as written; None for a bare class


# What a written operator claims, as the set of bounds it implies.
_CLAIMS = {"O": {"O"}, "Omega": {"Omega"}, "Theta": {"O", "Omega", "Theta"}}
_NAMES = {"O": "an upper bound O(...)", "Omega": "a lower bound \\Omega(...)", "Theta": "a tight bound \\Theta(...)"}


def read_student(text: str, syntax: str, options: BigOOptions) -> Reading:
    node = parse(text, syntax=syntax, target="bigo")
    expression = node.to_sympy()
    if options.asymptotic is not None:
        _refuse_other_letters(node.free_symbols, set(options.asymptotic), text)
    variables = set(options.asymptotic) if options.asymptotic is not None else set(node.free_symbols)
    if too_big_to_expand(expression):
        raise ParseError("simplify the bound first: a power of a sum this large is not expanded", 0, text)
    if expression.has(sympy.zoo, sympy.nan, sympy.oo):
        raise ParseError("the bound is not a finite expression (a division by zero or an infinity)", 0, text)
    bound = Bound(expression, _dominant(expression, variables), node.bigo_operator)
    return Reading(bound, node.to_latex(), node.to_text())


def _refuse_other_letters(names: frozenset[str], sizes: set[str], text: str) -> None:
    """`O(d + N)` where the sizes are d, k, T: N is not a size of the question, and not a constant either."""
    other = names - sizes
    if other:
        message = f"{_listed(other)} not a size of this question (its sizes are {', '.join(sorted(sizes))})"
        raise ParseError(message, first_position(text, other), text)


def read_reference(reference: object, syntax: str, options: BigOOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    expression = sympy.sympify(reference, strict=True)  # bank data; strict: never parses text
    variables = set(options.asymptotic or (str(s) for s in expression.free_symbols))
    latex = rf"\mathcal{{O}}\left({sympy.latex(expression)}\right)"
    return Reading(Bound(expression, _dominant(expression, variables), "O"), latex, f"O({sympy.sstr(expression)})")


def compare(answer: Reading, expected: Reading, options: BigOOptions) -> Verdict:
    other = _letters(answer.value) - _letters(expected.value)
    if options.asymptotic is None and other:
        return wrong(f"{_listed(other)} not a size of this question.")
    asked, written = expected.value.operator, answer.value.operator
    if asked is not None and written is not None and asked not in _CLAIMS[written]:
        return wrong(f"The question asks for {_NAMES[asked]}; your answer is {_NAMES[written]}.")
    ours, theirs = _regrown(answer.value, expected.value, options), expected.value.dominant
    if ours == theirs:
        return RIGHT
    if _all_dominated(theirs, ours):
        return wrong("Not the expected asymptotic class: your bound grows faster.")
    if _all_dominated(ours, theirs):
        return wrong("Not the expected asymptotic class: your bound grows more slowly.")
    return wrong("Not the expected asymptotic class.")


def key(answer: Reading, options: BigOOptions) -> str:
    return " + ".join(sorted(_show(growth) for growth in answer.value.dominant))


def _listed(names: set[str] | frozenset[str]) -> str:
    return f"{', '.join(sorted(names))} {'is' if len(names) == 1 else 'are'}"


def _letters(bound: Bound) -> set[str]:
    return {str(s) for s in bound.expression.free_symbols}


def _regrown(answer: Bound, expected: Bound, options: BigOOptions) -> frozenset[Growth]:
    """With no declared variables, the reference's symbols are asymptotic too (a student may omit one)."""
    if options.asymptotic is not None:
        return answer.dominant
    names = {str(s) for s in answer.expression.free_symbols | expected.expression.free_symbols}
    return _dominant(answer.expression, names)


def _dominant(expression: sympy.Expr, variables: set[str]) -> frozenset[Growth]:
    # sizes are positive, so max(a, b) <= a + b <= 2 max(a, b): the same class as the sum
    if expression.has(sympy.Max):
        expression = expression.replace(sympy.Max, lambda *args: sympy.Add(*args))
    growths = {_growth(term, variables) for term in sympy.Add.make_args(sympy.expand(expression))}
    return frozenset(g for g in growths if not any(o != g and o.dominates(g) for o in growths))


def _growth(term: sympy.Expr, variables: set[str]) -> Growth:
    rates: dict[str, list[sympy.Expr]] = {}
    others = []
    for factor in sympy.Mul.make_args(term):
        if not {str(s) for s in factor.free_symbols} & variables:
            continue  # a constant factor
        slot = _rate_slot(factor, variables)
        if slot is None:
            others.append(sympy.sstr(factor))
            continue
        name, index, amount = slot
        rates.setdefault(name, list(_CONSTANT))[index] += amount
    return Growth(tuple(sorted((name, tuple(rate)) for name, rate in rates.items())), tuple(sorted(others)))


def _rate_slot(factor: sympy.Expr, variables: set[str]) -> tuple[str, int, sympy.Expr] | None:
    """(variable, 0 for b^n / 1 for n^p / 2 for log(n)^p, amount) of one factor, or None if it is none of these."""
    base, exponent = factor.as_base_exp()
    if base.is_Symbol and exponent.is_Rational:
        return str(base), 1, exponent
    if isinstance(base, sympy.log) and base.args[0].is_Symbol and exponent.is_Rational:
        return str(base.args[0]), 2, exponent
    names = {str(s) for s in exponent.free_symbols} & variables
    if base.is_number and base.is_positive and len(names) == 1:
        rate = sympy.diff(exponent, sympy.Symbol(next(iter(names))))
        if rate.is_number:
            return next(iter(names)), 0, rate * sympy.log(base)
    return None


def _all_dominated(lower: frozenset[Growth], upper: frozenset[Growth]) -> bool:
    return all(any(u.dominates(low) for u in upper) for low in lower)


def too_big_to_expand(expression: sympy.Expr) -> bool:
    return any(_expansion_too_big(p) for p in expression.atoms(sympy.Pow) if p.base.is_Add and p.exp.is_Integer)


def _expansion_too_big(power: sympy.Pow) -> bool:
    """A sum of m terms to the n expands to C(n + m - 1, m - 1) terms."""
    n, m = abs(int(power.exp)), len(power.base.args)
    return n > MAX_EXPANDED_POWER or math.comb(n + m - 1, m - 1) > MAX_EXPANDED_TERMS


def _show(growth: Growth) -> str:
    factors = [f"{name}:{rate}" for name, rate in growth.rates]
    return " ".join(factors + list(growth.others)) or "1"
