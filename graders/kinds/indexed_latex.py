"""An indexed formula as LaTeX, as the grader read it: one spelling for every way of writing it."""

from graders.kinds.indexed_tree import (
    Bin,
    Cases,
    Compare,
    Delta,
    Indicator,
    Logic,
    Lookup,
    Name,
    Neg,
    Node,
    Num,
    Sum,
    TensorRef,
)

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 3, "^": 4}
_RELATIONS = {"<": "<", ">": ">", "<=": r"\le", "le": r"\le", ">=": r"\ge", "ge": r"\ge", "=": "=", "!=": r"\ne",
              "ne": r"\ne"}


def latex(node: Node) -> str:
    match node:
        case Num(value=value):
            return str(int(value)) if value == int(value) else repr(value)
        case Name(name=name) | TensorRef(name=name):
            return name
        case Lookup(tensor=tensor, indices=indices):
            return f"{tensor}[{', '.join(latex(i) for i in indices)}]"
        case Bin(operator="/", left=left, right=right):
            return rf"\frac{{{latex(left)}}}{{{latex(right)}}}"
        case Bin(operator="^", left=left, right=right):
            return f"{_operand(left, 5)}^{{{latex(right)}}}"
        case Bin(operator="*", left=left, right=right):
            joint = r" \cdot " if isinstance(right, Num | Neg) else " "
            return f"{_operand(left, 2)}{joint}{latex(right) if isinstance(right, Sum) else _operand(right, 2)}"
        case Bin(operator=operator, left=left, right=right):
            return f"{latex(left)} {operator} {_operand(right, 2 if operator == '-' else 1)}"
        case Neg(operand=operand):
            return f"-{_operand(operand, 2)}"
        case Sum(variable=variable, low=low, high=high, body=body):
            inner = latex(body) if isinstance(body, Sum) else _operand(body, 2)  # nested sums read without brackets
            return rf"\sum_{{{variable}={latex(low)}}}^{{{latex(high)}}} {inner}"
        case Compare(terms=terms, operators=operators):
            pieces = [latex(terms[0])]
            for operator, term in zip(operators, terms[1:], strict=True):
                pieces += [_RELATIONS[operator], latex(term)]
            return " ".join(pieces)
        case Logic(operator=operator, left=left, right=right):
            return rf"{latex(left)} \text{{ {operator} }} {latex(right)}"
        case Cases(rows=rows):
            shown = [rf"{latex(value)} & \text{{otherwise}}" if c is None else rf"{latex(value)} & \text{{if }} {latex(c)}"
                     for c, value in rows]
            return r"\begin{cases} " + r" \\ ".join(shown) + r" \end{cases}"
        case Indicator(condition=condition):
            return rf"\mathbb{{1}}_{{{latex(condition)}}}"
        case Delta(left=left, right=right):
            return rf"\delta_{{{latex(left)}, {latex(right)}}}"
    raise AssertionError(f"unknown node {node!r}")


def _operand(node: Node, needed: int) -> str:
    """The node, in brackets when it binds less tightly than its place needs."""
    own = _PRECEDENCE.get(node.operator, 9) if isinstance(node, Bin) else 1 if isinstance(node, Neg | Sum) else 9
    shown = latex(node)
    return f"({shown})" if own < needed else shown
