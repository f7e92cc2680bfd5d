"""One module per answer kind; `KINDS` names them in the order of the contract."""

from graders.kinds import (
    bigo,
    choice,
    equation,
    expression,
    indexed,
    integer,
    manual,
    matrix,
    matrix_expr,
    number,
    sets,
    tuples,
)
from graders.kinds.base import Kind

# each module provides the Kind protocol (Options, read_student, read_reference, compare, key)
_MODULES: dict[str, Kind] = {
    "number": number,
    "integer": integer,
    "tuple": tuples,
    "set": sets,
    "expression": expression,
    "equation": equation,
    "matrix": matrix,
    "matrix_expr": matrix_expr,
    "bigo": bigo,
    "choice": choice,
    "manual": manual,
    "indexed": indexed,
}

KINDS: tuple[str, ...] = tuple(_MODULES)


def kind_module(kind: str) -> Kind:
    """The module that grades `kind`; an unknown kind is a bug in the caller."""
    try:
        return _MODULES[kind]
    except KeyError:
        raise ValueError(f"unknown answer kind {kind!r}; expected one of {', '.join(KINDS)}") from None
