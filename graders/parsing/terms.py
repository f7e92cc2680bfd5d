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
    "fact".
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
        return frozenset().union(*(arg.names() for arg in self.args))
