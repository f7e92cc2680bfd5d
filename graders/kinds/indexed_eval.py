"""Evaluating an indexed formula with NumPy for every index value at once, on every sample of the tensors.

The evaluation space has one axis for the samples, one per axis of the quantity (its free indices) and one per level
of nested sums; index values are whole-number arrays along their axis, so a formula costs a few array operations.
Answers are hostile: every array is bounded (`MAX_ELEMENTS`), and so is the total work (`MAX_WORK`).

A lookup outside a tensor is not an error of the reading but of the answer: it is recorded with the elements where it
happens, and reported only if those elements reach the result (`W[1, k, i - 2(n-1)]` is out of range outside the
case that selects it, and that is right).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from graders.kinds import indexed_tree as tree
from graders.parsing import ParseError

MAX_ELEMENTS = 400_000  # elements of one array: samples x index values x summation terms
MAX_WORK = 8_000_000  # elements computed over the whole formula
MAX_TERMS = 10_000  # terms of one sum

Problems = dict[str, np.ndarray]  # message -> where it happens (bool, broadcastable to the evaluation space)


@dataclass
class Value:
    array: np.ndarray
    problems: Problems = field(default_factory=dict)
    guard: bool = False  # an indicator or delta: where it is 0, the factor it multiplies need not exist


@dataclass(frozen=True)
class Space:
    """The samples of the question's tensors (each with a leading sample axis) and how the quantity is indexed."""

    tensors: Mapping[str, np.ndarray]
    shape: tuple[int, ...]
    base: int

    @property
    def samples(self) -> int:
        return len(next(iter(self.tensors.values())))


@dataclass(frozen=True)
class Evaluation:
    values: np.ndarray  # (samples, *shape)
    problems: tuple[str, ...]


def evaluate(formula: tree.Node, indices: tuple[str | int, ...], space: Space) -> Evaluation:
    """The formula's value at every element of the quantity, on every sample; ParseError for what cannot be computed."""
    indices = named_axes(indices, space)
    if len(indices) != len(space.shape):
        raise ParseError(f"the quantity has {len(space.shape)} indices ({_shape(space.shape)}); "
                         f"the answer gives {len(indices)}")
    run = _Run(space, ndim=1 + len(indices) + tree.sum_depth(formula))
    env = run.free_indices(indices)
    try:
        value = run.value_of(formula, env, 0)
    except RecursionError:
        raise ParseError("the formula is nested too deeply") from None
    full = (space.samples, *space.shape)
    array = np.broadcast_to(value.array, full + (1,) * (run.ndim - len(full))).reshape(full).astype(float)
    problems = [message for message, where in value.problems.items() if np.any(where)]
    if not problems and not np.isfinite(array).all():
        problems.append("Your formula is undefined (infinite or not a number) at some elements: a division by zero?")
    return Evaluation(array, tuple(problems))


def named_axes(indices: tuple[str | int, ...], space: Space) -> tuple[str | int, ...]:
    """`\\frac{\\partial f}{\\partial W}[n, k, i]` for a 5 × 1 × 7 × 3 quantity: the axes of size 1 may go unnamed."""
    if len(indices) >= len(space.shape) or len(indices) != sum(size > 1 for size in space.shape):
        return indices
    named = iter(indices)
    return tuple(space.base if size == 1 else next(named) for size in space.shape)


def _shape(shape: tuple[int, ...]) -> str:
    return " × ".join(map(str, shape))


class _Run:
    def __init__(self, space: Space, ndim: int) -> None:
        self.space, self.ndim, self.work = space, ndim, 0
        self.free_count = len(space.shape)

    def axis_values(self, axis: int, values: np.ndarray) -> np.ndarray:
        shape = [1] * self.ndim
        shape[axis] = len(values)
        return values.reshape(shape)

    def free_indices(self, indices: tuple[str | int, ...]) -> dict[str, np.ndarray]:
        env: dict[str, np.ndarray] = {}
        base = self.space.base
        for axis, (index, size) in enumerate(zip(indices, self.space.shape, strict=True)):
            if isinstance(index, int):
                if size != 1 or index != base:
                    counting = f" (the question counts from {base})" if index < base else ""
                    raise ParseError(f"the left side fixes index {axis + 1} of the quantity at {index}, but it runs "
                                     f"from {base} to {base + size - 1}{counting}")
                continue
            env[index] = self.axis_values(1 + axis, np.arange(base, base + size, dtype=float))
        return env

    def scope(self, env: Mapping[str, np.ndarray]) -> int:
        shape = np.broadcast_shapes((self.space.samples,) + (1,) * (self.ndim - 1), *(v.shape for v in env.values()))
        return int(np.prod(shape))

    def charge(self, value: Value) -> Value:
        self.spend(value.array.size)
        return value

    def spend(self, elements: int) -> None:
        self.work += elements
        if self.work > MAX_WORK:
            raise ParseError(f"the formula takes too much work to evaluate (more than {MAX_WORK:,} values); "
                             "write it with fewer or shorter sums")

    def value_of(self, node: tree.Node, env: dict[str, np.ndarray], depth: int) -> Value:
        return self.charge(self._value(node, env, depth))

    def _value(self, node: tree.Node, env: dict[str, np.ndarray], depth: int) -> Value:
        match node:
            case tree.Num(value=number):
                return Value(np.asarray(number, dtype=float))
            case tree.Name(name=name):
                if name not in env:
                    raise ParseError(f"unknown index '{name}': the answer's indices are "
                                     f"{', '.join(env) or 'none'} and its summation variables")
                return Value(env[name])
            case tree.TensorRef(name=name):
                raise ParseError(f"the tensor {name} needs its indices, as in {name}[...]")
            case tree.Lookup():
                return self.lookup(node, env, depth)
            case tree.Bin(operator=operator, left=left, right=right):
                a, b = self.value_of(left, env, depth), self.value_of(right, env, depth)
                if operator == "*":
                    return _guarded_product(a, b)
                return Value(_arithmetic(operator, a.array, b.array), _merged(a.problems, b.problems))
            case tree.Neg(operand=operand):
                a = self.value_of(operand, env, depth)
                return Value(-a.array, a.problems)
            case tree.Sum():
                return self.sum(node, env, depth)
            case tree.Compare(terms=terms, operators=operators):
                values = [self.value_of(term, env, depth) for term in terms]
                result = np.asarray(True)
                for operator, a, b in zip(operators, values, values[1:], strict=False):
                    result = result & _compare(operator, a.array, b.array)
                return Value(result, _merged(*(v.problems for v in values)))
            case tree.Logic(operator=operator, left=left, right=right):
                a, b = self.value_of(left, env, depth), self.value_of(right, env, depth)
                joined = (a.array & b.array) if operator == "and" else (a.array | b.array)
                return Value(joined, _merged(a.problems, b.problems))
            case tree.Cases(rows=rows):
                return self.cases(rows, env, depth)
            case tree.Indicator(condition=condition):
                a = self.value_of(condition, env, depth)
                return Value(a.array.astype(float), a.problems, guard=True)
            case tree.Delta(left=left, right=right):
                a, b = self.value_of(left, env, depth), self.value_of(right, env, depth)
                return Value((a.array == b.array).astype(float), _merged(a.problems, b.problems), guard=True)
        raise AssertionError(f"unknown node {node!r}")

    def lookup(self, node: tree.Lookup, env: dict[str, np.ndarray], depth: int) -> Value:
        name = node.tensor
        tensor = self.space.tensors.get(name)
        shown = node.text.replace(f"\\T{{{name}}}", name)
        if tensor is None:
            raise ParseError(f"unknown tensor {name}")
        shape = tensor.shape[1:]
        indices = tree.filled(node.indices, shape, self.space.base)
        if len(indices) != len(shape):
            raise ParseError(f"{shown} gives {len(indices)} indices; {name} has {len(shape)} ({_shape(shape)})")
        values = [self.value_of(index, env, depth) for index in indices]
        samples = self.axis_values(0, np.arange(self.space.samples))
        arrays = np.broadcast_arrays(samples, *(v.array for v in values))
        problems = _merged(*(v.problems for v in values))
        positions = []
        for place, (index, size) in enumerate(zip(arrays[1:], shape, strict=True)):
            finite = np.isfinite(index)
            whole = np.where(finite, np.round(np.where(finite, index, 0.0)), self.space.base)
            if np.any(not_whole := ~finite | (np.abs(np.where(finite, index, whole) - whole) > 1e-9)):
                problems = _merged(problems, {f"{shown} has an index that is not a whole number (or not finite).": not_whole})
            outside = (whole < self.space.base) | (whole >= self.space.base + size)
            if np.any(outside):
                reached = int(whole[outside].max() if whole[outside].max() >= self.space.base + size
                              else whole[outside].min())
                problems = _merged(problems, {_out_of_range(shown, place, reached, size, self.space.base): outside})
            positions.append(np.clip(whole - self.space.base, 0, size - 1).astype(int))
        gathered = tensor[(arrays[0], *positions)]
        return Value(gathered, problems)

    def sum(self, node: tree.Sum, env: dict[str, np.ndarray], depth: int) -> Value:
        if node.variable in env:
            raise ParseError(f"the summation variable {node.variable} is already an index of the answer")
        low, high = (self.bound(bound, env, depth, node.variable) for bound in (node.low, node.high))
        first, last = int(low.min()), int(high.max())
        if last < first:
            return Value(np.asarray(0.0))
        if last - first + 1 > MAX_TERMS:
            raise ParseError(f"the sum over {node.variable} has more than {MAX_TERMS:,} terms")
        axis = 1 + self.free_count + depth
        variable = self.axis_values(axis, np.arange(first, last + 1, dtype=float))
        inner = {**env, node.variable: variable}
        if self.scope(inner) > MAX_ELEMENTS:
            raise ParseError(f"the sum over {node.variable} makes more than {MAX_ELEMENTS:,} values to evaluate")
        within = (variable >= low) & (variable <= high)
        body = self.value_of(node.body, inner, depth + 1)
        self.spend(int(np.prod(np.broadcast_shapes(within.shape, body.array.shape))))  # the selection below
        total = np.where(within, body.array, 0.0).sum(axis=axis, keepdims=True)
        problems = {message: np.any(where & within, axis=axis, keepdims=True) for message, where in body.problems.items()}
        return Value(total, _merged(problems))

    def bound(self, bound: tree.Node, env: dict[str, np.ndarray], depth: int, variable: str) -> np.ndarray:
        value = self.value_of(bound, env, depth)
        if any(np.any(where) for where in value.problems.values()) or not np.isfinite(value.array).all():
            raise ParseError(f"a bound of the sum over {variable} cannot be computed")
        if np.any(np.abs(value.array - np.round(value.array)) > 1e-9):
            raise ParseError(f"a bound of the sum over {variable} is not a whole number")
        return np.round(value.array)

    def cases(self, rows: tuple[tuple[tree.Node | None, tree.Node], ...], env: dict[str, np.ndarray], depth: int) -> Value:
        chosen = np.asarray(False)
        result = np.asarray(0.0)
        problems: Problems = {}
        for condition, row in rows:
            if condition is None:
                taken = ~chosen
            else:
                test = self.value_of(condition, env, depth)
                problems = _merged(problems, _within(test.problems, ~chosen))
                taken = test.array & ~chosen
            value = self.value_of(row, env, depth)
            result = np.where(taken, value.array, result)
            problems = _merged(problems, _within(value.problems, taken))
            chosen = chosen | taken
        problems = _merged(problems, {"No case of your answer applies at some elements: add `0 & \\text{otherwise}`?": ~chosen})
        return Value(result, problems)


def _arithmetic(operator: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        match operator:
            case "+":
                return a + b
            case "-":
                return a - b
            case "*":
                return a * b
            case "/":
                return a / b
        return np.power(a.astype(float), b)


def _guarded_product(a: Value, b: Value) -> Value:
    """`W[1, k, i - 2(n-1)] \\mathbb{1}_{...}`: the indicator selects where the lookup must exist, as a case would."""
    problems_a = _within(a.problems, b.array != 0) if b.guard else a.problems
    problems_b = _within(b.problems, a.array != 0) if a.guard else b.problems
    return Value(_arithmetic("*", a.array, b.array), _merged(problems_a, problems_b), guard=a.guard and b.guard)


_COMPARISONS = {"<": np.less, "<=": np.less_equal, "le": np.less_equal, ">": np.greater, ">=": np.greater_equal,
                "ge": np.greater_equal, "=": np.equal, "!=": np.not_equal, "ne": np.not_equal}


def _compare(operator: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray(_COMPARISONS[operator](a, b))


def _within(problems: Problems, where: np.ndarray) -> Problems:
    return {message: mask & where for message, mask in problems.items()}


def _merged(*groups: Problems) -> Problems:
    merged: Problems = {}
    for group in groups:
        for message, where in group.items():
            if np.any(where):
                merged[message] = (merged[message] | where) if message in merged else where
    return merged


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def _out_of_range(shown: str, place: int, reached: int, size: int, base: int) -> str:
    ordinal = _ORDINALS[place] if place < len(_ORDINALS) else f"{place + 1}th"
    counting = f" (the question counts from {base})" if reached < base or reached == base + size else ""
    value = str(reached) if abs(reached) < 10**6 else f"{float(reached):.3g}"
    return (f"{shown} is out of range: its {ordinal} index reaches {value}, but it runs from {base} to "
            f"{base + size - 1}{counting}.")
