"""The parser's own small immutable tree: what was read, before any SymPy exists."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Term:
    """One node of an expression.

    op: "num" (value: the literal), "name" (value: canonical name, latex: spelling),
    "const" ("e" | "pi" | "inf"), "add" (value: sign of each argument), "mul" (value: the
    operator written before each argument after the first; "" when implicit), "div" (value:
    "frac" | "/"), "pow", "neg", "call" (value: (function, derivative order); args: argument
    and, for `\\tanh^2(x)`, the power), "root" (args: radicand and optional index), "abs",
    "fact", "sum" (value: ("sum" | "prod", variable); args: operand, low, high).
    """

    op: str
    args: tuple[Term, ...] = ()
    value: Any = None
    latex: str | None = field(default=None, compare=False)
    depth: int = field(default=1, compare=False)
    const: float | None = field(default=None, compare=False)  # value when no name occurs
    pos: int = field(default=0, compare=False)

    def names(self) -> frozenset[str]:
        if self.op == "name":
            return frozenset((self.value,))
        if self.op == "sum":  # the summation variable is bound: not a name of the answer
            operand, low, high = self.args
            return (operand.names() - {self.value[1]}) | low.names() | high.names()
        return frozenset().union(*(arg.names() for arg in self.args))

    def whole_names(self) -> frozenset[str]:
        """Names that must be whole numbers: the free names in the bounds of sums and products."""
        own = frozenset().union(*(arg.names() for arg in self.args[1:])) if self.op == "sum" else frozenset()
        return own.union(*(arg.whole_names() for arg in self.args))
