"""A formula that can be evaluated at sample points and turned into SymPy: a parsed Node or a trusted SymPy object."""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import sympy

from graders.parsing import Node
from graders.parsing.terms import Term


@dataclass(frozen=True, eq=False)  # identity hash: a cached reference keeps its cached values
class Formula:
    names: frozenset[str]
    evaluate: Callable[[Mapping[str, np.ndarray]], object]
    symbolic: Callable[[], sympy.Expr]
    # What a student's formula is written with, for the part's `forbidden` list: each symbol's canonical name, each
    # function's name, and `f'` for any derivative of f, mapped to how the answer spelt it.
    uses: Mapping[str, str] = field(default_factory=dict)
    approximate: bool = False  # written with decimals: a reference that is itself rounded
    decimals: tuple[str, ...] = ()  # the decimal numerals a student's formula is written with, as written
    whole: frozenset[str] = frozenset()  # names sampled as whole numbers (bounds of sums)
    complex: bool = False  # its values are complex: compared as a real and an imaginary part

    def values(self, env: Mapping[str, np.ndarray], count: int) -> np.ndarray:
        """Real values at `count` points; nan where the formula is undefined or not real."""
        with np.errstate(all="ignore"):
            raw = np.asarray(self.evaluate(env))
        if np.iscomplexobj(raw):
            raw = np.where(np.abs(raw.imag) <= 1e-12 * np.maximum(1.0, np.abs(raw.real)), raw.real, np.nan)
        return np.broadcast_to(raw.astype(float, copy=False), (count,))


_UNIT = np.asarray(1j)


def with_imaginary_unit(formula: Formula, units: frozenset[str]) -> Formula:
    """The formula with the names `units` (`i`, SymPy's `I`) read as the imaginary unit: a complex formula."""
    units = formula.names & units
    unit_symbols = {sympy.Symbol(unit): sympy.I for unit in units}
    return replace(formula, names=formula.names - units, complex=True,
                   evaluate=lambda env: formula.evaluate({**env, **dict.fromkeys(units, _UNIT)}),
                   symbolic=lambda: formula.symbolic().xreplace(unit_symbols))


@lru_cache(maxsize=256)  # keyed by identity: a cached reference keeps the same parts, and their cached values
def real_and_imaginary(formula: Formula) -> tuple[Formula, Formula]:
    """Two real formulas: the real and the imaginary part, for names that take real values."""
    def part(numeric: Callable[[np.ndarray], np.ndarray], symbolic: Callable[[sympy.Expr], sympy.Expr]) -> Formula:
        return replace(formula, complex=False,
                       evaluate=lambda env: numeric(np.asarray(formula.evaluate(env), dtype=complex)),
                       symbolic=lambda: symbolic(_over_the_reals(formula.symbolic())))
    return part(np.real, sympy.re), part(np.imag, sympy.im)


def _over_the_reals(expression: sympy.Expr) -> sympy.Expr:
    return expression.xreplace({symbol: sympy.Symbol(symbol.name, real=True) for symbol in expression.free_symbols})


def from_node(node: Node) -> Formula:
    uses = {name: spelt for term in node.parts for name, spelt in _uses(term)}
    decimals = tuple(numeral for term in node.parts for numeral in _decimals(term))
    return Formula(names=frozenset(node.free_symbols), evaluate=node.evaluate, symbolic=node.to_sympy, uses=uses,
                   approximate=bool(decimals), decimals=decimals, whole=node.whole_names)


def written_with_decimals(node: Node) -> bool:
    """Whether a numeral with a point or an exponent occurs: a value that may be rounded."""
    return any(True for term in node.parts for _ in _decimals(term))


def _decimals(term: Term) -> Iterator[str]:
    if term.op == "num" and any(mark in str(term.value) for mark in ".eE"):
        yield str(term.value)
    for arg in term.args:
        if isinstance(arg, Term):
            yield from _decimals(arg)


def _uses(term: Term) -> Iterator[tuple[str, str]]:
    if term.op == "name":
        yield term.value, term.latex or term.value
    if term.op == "call":
        function, order = term.value[0], term.value[1]
        yield function, function
        if order:
            yield f"{function}'", f"{function}{chr(39) * order}"
    for arg in term.args:
        if isinstance(arg, Term):
            yield from _uses(arg)


def from_sympy(expr: sympy.Expr) -> Formula:
    """A trusted reference written in SymPy; lambdify is fine here because the bank is ours."""
    symbols = sorted(expr.free_symbols, key=str)
    function = sympy.lambdify(symbols, expr, modules="numpy")
    bounds = (limit for big in expr.atoms(sympy.Sum, sympy.Product) for limit in big.limits)
    whole = frozenset(str(s) for _, low, high in bounds for s in (low.free_symbols | high.free_symbols))
    return Formula(
        names=frozenset(str(s) for s in symbols),
        evaluate=lambda env: function(*(env[str(s)] for s in symbols)),
        symbolic=lambda: expr,
        approximate=bool(expr.atoms(sympy.Float)),
        whole=whole,
        complex=expr.has(sympy.I),
    )
