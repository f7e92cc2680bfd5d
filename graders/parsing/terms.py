"""The parser's own small immutable tree: what was read, before any SymPy exists."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Op(StrEnum):
    """What a Term is; a StrEnum, so that it also equals its name as a string."""

    NUM = "num"
    NAME = "name"
    CONST = "const"
    ADD = "add"
    MUL = "mul"
    DIV = "div"
    POW = "pow"
    NEG = "neg"
    CALL = "call"
    ROOT = "root"
    ABS = "abs"
    FACT = "fact"
    SUM = "sum"


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

    op: Op
    args: tuple[Term, ...] = ()
    value: Any = None
    latex: str | None = field(default=None, compare=False)
    depth: int = field(default=1, compare=False)
    const: float | None = field(default=None, compare=False)  # value when no name occurs
    pos: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "op", Op(self.op))  # a misspelt op fails here, not when printed

    def names(self) -> frozenset[str]:
        match self.op:
            case Op.NAME:
                return frozenset((self.value,))
            case Op.SUM:  # the summation variable is bound: not a name of the answer
                operand, low, high = self.args
                return (operand.names() - {self.value[1]}) | low.names() | high.names()
            case _:
                return frozenset().union(*(arg.names() for arg in self.args))

    def whole_names(self) -> frozenset[str]:
        """Names that must be whole numbers: the free names in the bounds of sums and products."""
        own = frozenset().union(*(arg.names() for arg in self.args[1:])) if self.op is Op.SUM else frozenset()
        return own.union(*(arg.whole_names() for arg in self.args))
