"""What `parse` returns: the kind of answer read, and its parts as Terms."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

import numpy as np
import sympy

from graders.parsing import shapes
from graders.parsing.evaluate import evaluate


class NodeKind(StrEnum):
    """What an answer is; a StrEnum, so that it also equals its name as a string."""

    EXPR = "expr"
    TUPLE = "tuple"
    SET = "set"
    INTERVAL = "interval"
    UNION = "union"
    RELATION = "relation"
    MATRIX = "matrix"
    EQUATION = "equation"
    BIGO = "bigo"


@dataclass(frozen=True)
class Node:
    """kind: "expr" | "tuple" | "set" | "interval" | "union" | "relation" | "matrix" |
    "equation" | "bigo".

    parts: Terms (expr, tuple, set elements, interval ends, relation operands, equation sides,
    bigo), rows of Terms (matrix) or Nodes (union). meta: relation operators ("and", "or" between
    relations), whether each end of an interval is closed, or the operator before each part of a
    union after the first ("cup" or "setminus", applied left to right), or ("vector",) for a matrix
    written as a flat list (a column).
    """

    kind: NodeKind
    parts: tuple = ()
    meta: tuple = ()
    bigo_operator: str | None = None  # "O" | "Theta" | "Omega" when written

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", NodeKind(self.kind))

    @cached_property
    def free_symbols(self) -> frozenset[str]:
        return frozenset().union(*(term.names() for term in shapes.terms_of(self)))

    @cached_property
    def whole_names(self) -> frozenset[str]:
        """Names that must be sampled as whole numbers: the bounds of sums and products."""
        return frozenset().union(*(term.whole_names() for term in shapes.terms_of(self)))

    @property
    def elements(self) -> tuple[Node, ...]:
        """Each element of a tuple, set or vector, or each entry of a matrix, as an "expr" Node."""
        return tuple(Node(NodeKind.EXPR, (term,)) for term in shapes.terms_of(self))

    @property
    def set_operators(self) -> tuple[str, ...]:
        """The operators between the parts of a union ("cup" unless written otherwise)."""
        return self.meta or ("cup",) * (len(self.parts) - 1)

    @property
    def shape(self) -> tuple[int, int] | None:
        """(rows, columns) of a matrix."""
        return (len(self.parts), len(self.parts[0])) if self.kind == "matrix" else None

    def to_sympy(self) -> sympy.Basic:
        from graders.parsing.to_sympy import node_to_sympy
        return node_to_sympy(self)

    def to_latex(self) -> str:
        return shapes.render(self, latex=True)

    def to_text(self) -> str:
        return shapes.render(self, latex=False)

    def evaluate(self, env: Mapping[str, np.ndarray]) -> np.ndarray:
        """Values at the points in `env`: the expression, the inside of O(...), or for an
        equation `left - right`."""
        if self.kind in ("expr", "bigo"):
            return evaluate(self.parts[0], env)
        if self.kind == "equation":
            left, right = self.parts
            return evaluate(left, env) - evaluate(right, env)
        raise TypeError(f"a {self.kind} has no single value; evaluate its elements")
