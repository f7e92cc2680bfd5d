"""An indexed formula as LaTeX, as the grader read it: one spelling for every way of writing it."""

from graders.kinds import indexed_tree as tree

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 3, "^": 4}
_RELATIONS = {"<": "<", ">": ">", "<=": r"\le", "le": r"\le", ">=": r"\ge", "ge": r"\ge", "=": "=", "!=": r"\ne",
              "ne": r"\ne"}


def latex(node: tree.Node) -> str:
    match node:
        case tree.Num(value=value):
            return str(int(value)) if value == int(value) else repr(value)
        case tree.Name(name=name) | tree.TensorRef(name=name):
            return name
        case tree.Lookup(tensor=tensor, indices=indices):
            return f"{tensor}[{', '.join(latex(i) for i in indices)}]"
        case tree.Bin(operator="/", left=left, right=right):
            return rf"\frac{{{latex(left)}}}{{{latex(right)}}}"
        case tree.Bin(operator="^", left=left, right=right):
            return f"{_operand(left, 5)}^{{{latex(right)}}}"
        case tree.Bin(operator="*", left=left, right=right):
            joint = r" \cdot " if isinstance(right, tree.Num | tree.Neg) else " "
            return f"{_operand(left, 2)}{joint}{latex(right) if isinstance(right, tree.Sum) else _operand(right, 2)}"
        case tree.Bin(operator=operator, left=left, right=right):
            return f"{latex(left)} {operator} {_operand(right, 2 if operator == '-' else 1)}"
        case tree.Neg(operand=operand):
            return f"-{_operand(operand, 2)}"
        case tree.Sum(variable=variable, low=low, high=high, body=body):
            inner = latex(body) if isinstance(body, tree.Sum) else _operand(body, 2)  # nested sums read without brackets
            return rf"\sum_{{{variable}={latex(low)}}}^{{{latex(high)}}} {inner}"
        case tree.Compare(terms=terms, operators=operators):
            pieces = [latex(terms[0])]
            for operator, term in zip(operators, terms[1:], strict=True):
                pieces += [_RELATIONS[operator], latex(term)]
            return " ".join(pieces)
        case tree.Logic(operator=operator, left=left, right=right):
            return rf"{latex(left)} \text{{ {operator} }} {latex(right)}"
        case tree.Cases(rows=rows):
            shown = [rf"{latex(value)} & \text{{otherwise}}" if c is None else rf"{latex(value)} & \text{{if }} {latex(c)}"
                     for c, value in rows]
            return r"\begin{cases} " + r" \\ ".join(shown) + r" \end{cases}"
        case tree.Indicator(condition=condition):
            return rf"\mathbb{{1}}_{{{latex(condition)}}}"
        case tree.Delta(left=left, right=right):
            return rf"\delta_{{{latex(left)}, {latex(right)}}}"
    raise AssertionError(f"unknown node {node!r}")


def _operand(node: tree.Node, needed: int) -> str:
    """The node, in brackets when it binds less tightly than its place needs."""
    own = _PRECEDENCE.get(node.operator, 9) if isinstance(node, tree.Bin) else 1 if isinstance(node, tree.Neg | tree.Sum) else 9
    shown = latex(node)
    return f"({shown})" if own < needed else shown
