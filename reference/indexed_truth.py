"""An indexed formula's values computed one element at a time with plain Python: the mutation self-test's judge.

The grader evaluates an indexed formula with NumPy over every index value at once (graders/kinds/indexed_eval.py);
this module evaluates the same tree element by element, term by term, as the formula reads, so that whether a
mutant differs from the model is decided by a second, independent evaluation rather than by the grader's own.
Only the reading (text to tree) is shared. An element that looks outside a tensor, divides by zero or falls in no
case has no value: the whole formula then has none (None).
"""

import itertools
from collections.abc import Mapping

import numpy as np

from graders.kinds import indexed_tree as tree


class NoValue(Exception):
    """The element is undefined: an index outside its tensor, a division by zero, no case applies."""


def element_values(formula: tree.Node, names: tuple[str | int, ...], shape: tuple[int, ...],
                   tensors: Mapping[str, np.ndarray], base: int) -> np.ndarray | None:
    """The quantity's values (shape `shape`), or None when some element has no value."""
    if len(names) < len(shape):  # axes of size 1 left unnamed
        named = iter(names)
        names = tuple(base if size == 1 else next(named) for size in shape)
    result = np.zeros(shape)
    for position in itertools.product(*(range(size) for size in shape)):
        env = {name: base + p for name, p in zip(names, position, strict=True) if isinstance(name, str)}
        try:
            result[position] = _value(formula, env, tensors, base)
        except (NoValue, KeyError, ZeroDivisionError, OverflowError, TypeError, ValueError):  # a complex power, int(nan)
            return None
    return result


def _value(node: tree.Node, env: dict[str, int], tensors: Mapping[str, np.ndarray], base: int) -> float:
    def value(n: tree.Node) -> float:
        return _value(n, env, tensors, base)

    match node:
        case tree.Num(value=number):
            return number
        case tree.Name(name=name):
            return env[name]
        case tree.Lookup(tensor=tensor, indices=indices):
            array = tensors[tensor]
            places = [value(index) for index in tree.filled(indices, array.shape, base)]
            if len(places) != array.ndim:
                raise NoValue
            if any(p != int(p) or not base <= p < base + size for p, size in zip(places, array.shape, strict=True)):
                raise NoValue
            return float(array[tuple(int(p) - base for p in places)])
        case tree.Bin(operator="*", left=left, right=right):
            for guard in (left, right):
                if isinstance(guard, tree.Indicator | tree.Delta) and value(guard) == 0:
                    return 0.0  # the indicator selects where the other factor must exist
            return value(left) * value(right)
        case tree.Bin(operator=operator, left=left, right=right):
            a, b = value(left), value(right)
            return {"+": a + b, "-": a - b}[operator] if operator in "+-" else a / b if operator == "/" else a ** b
        case tree.Neg(operand=operand):
            return -value(operand)
        case tree.Sum(variable=variable, low=low, high=high, body=body):
            low_value, high_value = value(low), value(high)
            if low_value != int(low_value) or high_value != int(high_value) or variable in env:
                raise NoValue
            terms = range(int(low_value), int(high_value) + 1)
            return sum(_value(body, {**env, variable: j}, tensors, base) for j in terms)
        case tree.Compare() | tree.Logic():
            return float(_holds(node, env, tensors, base))
        case tree.Cases(rows=rows):
            for condition, row in rows:
                if condition is None or _holds(condition, env, tensors, base):
                    return value(row)
            raise NoValue
        case tree.Indicator(condition=condition):
            return float(_holds(condition, env, tensors, base))
        case tree.Delta(left=left, right=right):
            return float(value(left) == value(right))
    raise NoValue


_RELATIONS = {"<": float.__lt__, "<=": float.__le__, "le": float.__le__, ">": float.__gt__, ">=": float.__ge__,
              "ge": float.__ge__, "=": float.__eq__, "!=": float.__ne__, "ne": float.__ne__}


def _holds(node: tree.Node, env: dict[str, int], tensors: Mapping[str, np.ndarray], base: int) -> bool:
    match node:
        case tree.Compare(terms=terms, operators=operators):
            values = [float(_value(term, env, tensors, base)) for term in terms]
            return all(_RELATIONS[op](a, b) for op, a, b in zip(operators, values, values[1:], strict=False))
        case tree.Logic(operator=operator, left=left, right=right):
            a, b = _holds(left, env, tensors, base), _holds(right, env, tensors, base)
            return (a and b) if operator == "and" else (a or b)
    raise NoValue
