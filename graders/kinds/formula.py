"""A formula that can be evaluated at sample points and turned into SymPy: a parsed Node or a trusted SymPy object."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import sympy

from graders.parsing import Node


@dataclass(frozen=True, eq=False)  # identity hash: a cached reference keeps its cached values
class Formula:
    names: frozenset[str]
    evaluate: Callable[[Mapping[str, np.ndarray]], object]
    symbolic: Callable[[], sympy.Expr]
    whole: frozenset[str] = frozenset()  # names sampled as whole numbers (bounds of sums)

    def values(self, env: Mapping[str, np.ndarray], count: int) -> np.ndarray:
        """Real values at `count` points; nan where the formula is undefined or not real."""
        with np.errstate(all="ignore"):
            raw = np.asarray(self.evaluate(env))
        if np.iscomplexobj(raw):
            raw = np.where(np.abs(raw.imag) <= 1e-12 * np.maximum(1.0, np.abs(raw.real)), raw.real, np.nan)
        return np.broadcast_to(raw.astype(float, copy=False), (count,))


def from_node(node: Node) -> Formula:
    return Formula(names=frozenset(node.free_symbols), evaluate=node.evaluate, symbolic=node.to_sympy,
                   whole=node.whole_names)


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
        whole=whole,
    )
