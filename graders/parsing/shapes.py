"""The Terms inside each kind of Node, and how each kind prints around them."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from graders.parsing.latex import to_latex
from graders.parsing.terms import Term
from graders.parsing.text import to_text

if TYPE_CHECKING:
    from graders.parsing.node import Node

_RELATIONS_LATEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge", "!=": "\\neq", "and": "\\text{ and }",
                    "or": "\\text{ or }"}
_SET_OPERATORS = {"cup": (" \\cup ", " ∪ "), "setminus": (" \\setminus ", " \\ ")}
_OPERATORS_LATEX = {"O": "\\mathcal{O}", "Theta": "\\Theta", "Omega": "\\Omega"}


def terms_of(node: Node) -> tuple[Term, ...]:
    if node.kind == "matrix":
        return tuple(term for row in node.parts for term in row)
    if node.kind == "union":
        return tuple(term for part in node.parts for term in terms_of(part))
    return node.parts


def render(node: Node, latex: bool) -> str:
    show: Callable[[Term], str] = to_latex if latex else to_text
    items = ", ".join(show(term) for term in node.parts) if node.kind in ("tuple", "set") else ""
    if node.kind in ("expr",):
        return show(node.parts[0])
    if node.kind == "tuple":
        return f"\\left({items}\\right)" if latex else f"({items})"
    if node.kind == "set" and not node.parts:
        return "\\emptyset" if latex else "{}"
    if node.kind == "set":
        return f"\\left\\{{{items}\\right\\}}" if latex else f"{{{items}}}"
    if node.kind == "interval":
        return _interval(node, show, latex)
    if node.kind == "union":
        operators = (_SET_OPERATORS[operator][not latex] for operator in node.set_operators)
        return render(node.parts[0], latex) + "".join(
            operator + render(part, latex) for operator, part in zip(operators, node.parts[1:], strict=True))
    if node.kind == "relation":
        return _relation(node, show, latex)
    if node.kind == "matrix":
        return _matrix(node, show, latex)
    if node.kind == "equation":
        return f"{show(node.parts[0])} = {show(node.parts[1])}"
    return _bigo(node, show, latex)


def _interval(node: Node, show: Callable[[Term], str], latex: bool) -> str:
    left = "[" if node.meta[0] else "("
    right = "]" if node.meta[1] else ")"
    inside = f"{show(node.parts[0])}, {show(node.parts[1])}"
    return f"\\left{left}{inside}\\right{right}" if latex else f"{left}{inside}{right}"


def _relation(node: Node, show: Callable[[Term], str], latex: bool) -> str:
    pieces = [show(node.parts[0])]
    for operator, term in zip(node.meta, node.parts[1:], strict=True):
        pieces += [_RELATIONS_LATEX[operator] if latex else operator, show(term)]
    return " ".join(pieces)


def _matrix(node: Node, show: Callable[[Term], str], latex: bool) -> str:
    if latex:
        rows = " \\\\ ".join(" & ".join(show(term) for term in row) for row in node.parts)
        return f"\\begin{{pmatrix}} {rows} \\end{{pmatrix}}"
    rows = ", ".join("[" + ", ".join(show(term) for term in row) + "]" for row in node.parts)
    return f"[{rows}]"


def _bigo(node: Node, show: Callable[[Term], str], latex: bool) -> str:
    inside = show(node.parts[0])
    if node.bigo_operator is None:
        return inside
    operator = _OPERATORS_LATEX[node.bigo_operator] if latex else node.bigo_operator
    return f"{operator}\\left({inside}\\right)" if latex else f"{operator}({inside})"
