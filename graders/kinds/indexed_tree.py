"""The tree of an indexed formula: whole-number index arithmetic, tensor lookups, sums, cases and conditions."""

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Name:
    """An index: free (bound by the left side or the part) or a summation variable."""

    name: str


@dataclass(frozen=True)
class TensorRef:
    """A declared tensor written without indices: only valid as the base of a Lookup."""

    name: str


@dataclass(frozen=True)
class Lookup:
    tensor: str
    indices: tuple["Node", ...]
    text: str  # as written, for feedback


@dataclass(frozen=True)
class Bin:
    operator: str  # + - * / ^
    left: "Node"
    right: "Node"


@dataclass(frozen=True)
class Neg:
    operand: "Node"


@dataclass(frozen=True)
class Sum:
    variable: str
    low: "Node"
    high: "Node"
    body: "Node"


@dataclass(frozen=True)
class Compare:
    terms: tuple["Node", ...]
    operators: tuple[str, ...]  # < <= > >= = != le ge ne


@dataclass(frozen=True)
class Logic:
    operator: str  # and / or
    left: "Node"
    right: "Node"

    @staticmethod
    def any_of(conditions: tuple["Node", ...]) -> "Node":
        """`i \\in \\{a, b, c\\}`: one of the conditions holds."""
        first, *rest = conditions
        for condition in rest:
            first = Logic("or", first, condition)
        return first


@dataclass(frozen=True)
class Cases:
    rows: tuple[tuple["Node | None", "Node"], ...]  # (condition, value); None: otherwise


@dataclass(frozen=True)
class Indicator:
    condition: "Node"


@dataclass(frozen=True)
class Delta:
    left: "Node"
    right: "Node"


Node = Num | Name | TensorRef | Lookup | Bin | Neg | Sum | Compare | Logic | Cases | Indicator | Delta


def children(node: Node) -> Iterator[Node]:
    match node:
        case Lookup(indices=indices):
            yield from indices
        case Bin(left=a, right=b) | Logic(left=a, right=b) | Delta(left=a, right=b):
            yield from (a, b)
        case Neg(operand=a) | Indicator(condition=a):
            yield a
        case Sum(low=low, high=high, body=body):
            yield from (low, high, body)
        case Compare(terms=terms):
            yield from terms
        case Cases(rows=rows):
            for condition, value in rows:
                if condition is not None:
                    yield condition
                yield value


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in children(node):
        yield from walk(child)


def sum_depth(node: Node) -> int:
    """How deeply sums nest: each nested sum adds one axis to the evaluation."""
    inner = max((sum_depth(child) for child in children(node)), default=0)
    return inner + isinstance(node, Sum)


def filled(indices: tuple[Node, ...], shape: tuple[int, ...], base: int) -> tuple[Node, ...]:
    """`W[k, i]` for a 1 × 7 × 3 tensor is `W[1, k, i]`: axes of size 1 may go unwritten, as on the left side."""
    if len(indices) >= len(shape) or len(indices) != sum(size > 1 for size in shape):
        return indices
    given = iter(indices)
    return tuple(Num(float(base)) if size == 1 else next(given) for size in shape)
