"""Values of matrix expressions: a parsed Term evaluated with matrix semantics at one sample point.

Vectors are columns (k×1), so that `x^\\top` is a row and `a b^\\top` an outer product. Juxtaposition, `*`, `\\cdot`
and `\\times` are matrix products (a scalar scales), and so is a whole power of a square matrix (`A^2 = A A`);
`\\odot` and `\\circ` are element-wise; `^\\top`, `^T` and a prime after a name transpose; `D(v)`/`diag(v)` is
the diagonal matrix of a vector and `softmax(v)` its softmax (of a matrix: column by column); `\\mathbf{1}` and `I`
take their size from what they meet (so does an outer product `v \\mathbf{1}^\\top`, or from the expected answer's
shape); functions of the builtins table apply element-wise. Anything that does not fit (shapes that do not chain, a matrix inside `\\sigma`'s derivative of a
product, ...) is a MatrixError whose message is feedback for the student, never a crash. Work is bounded: each
answer may spend `BUDGET` operations.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from graders.parsing.evaluate import apply
from graders.parsing.terms import Op, Term

TRANSPOSE = "top"          # the name `\top`, `\intercal`, `^T` and a prime read as
ONES = "ones"              # `\mathbf{1}`
IDENTITY = "identity"      # `I`
BUDGET = 20_000            # operations one answer may spend at all its points together (sums of sums stop here)
MAX_SUM_TERMS = 64
MAX_POWER = 64             # `A^k` of a square matrix: k products at most
_HADAMARD = {"\\odot", "\\circ"}
TENSOR = "\\otimes"
OUTER, KRONECKER = "outer", "kronecker"  # the readings of `a \\otimes b` (matrix_expr keeps the one whose shape fits)
_PRODUCT = {"", "*", "\\cdot", "\\times", "\\ast"}
# canonical names of time-indexed quantities: `x@t-1`, `h@3`, `c@T`
_INDEXED = re.compile(r"^(?P<stem>.+)@(?P<var>[A-Za-z]|tau)?(?P<offset>[+-]?\d+)?$")


class MatrixError(ValueError):
    """An answer that has no value here; the message tells the student why."""


@dataclass(frozen=True)
class Flexible:
    """`\\mathbf{1}` or `I`: sized by what it meets."""

    kind: str
    transposed: bool = False

    def sized(self, rows: int, columns: int) -> np.ndarray:
        if self.kind == IDENTITY:
            if rows != columns:
                raise MatrixError(f"I meets a {rows}×{columns} matrix, which is not square")
            return np.eye(rows)
        return np.ones((rows, columns))


@dataclass(frozen=True)
class Open:
    """A product with `\\mathbf{1}` whose length only what it meets tells: `v \\mathbf{1}^\\top` has v's rows and as
    many columns as the matrix it is added to, multiplied with, or the expected answer has. None: not told yet."""

    rows: int | None
    columns: int | None
    build: Callable[[int, int], np.ndarray]

    def sized(self, rows: int, columns: int) -> np.ndarray:
        if self.rows not in (None, rows) or self.columns not in (None, columns):
            raise MatrixError(f"a {self.rows or '?'}×{self.columns or '?'} outer product with 1 meets a {rows}×{columns}"
                              " matrix: the shapes differ")
        return self.build(rows, columns)

    def transposed(self) -> Open:
        return Open(self.columns, self.rows, lambda rows, columns: self.build(columns, rows).T)

    def scaled(self, factor: float) -> Open:
        return Open(self.rows, self.columns, lambda rows, columns: factor * self.build(rows, columns))


Value = float | np.ndarray | Flexible | Open
SIZELESS = (Flexible, Open)  # values whose size what they meet tells


@dataclass
class Budget:
    """Operations one answer may still spend, over all its sample points."""

    spent: int = 0

    def charge(self, amount: int) -> None:
        self.spent += amount
        if self.spent > BUDGET:
            raise MatrixError(f"the answer takes more than {BUDGET} operations to evaluate")


@dataclass
class Point:
    """One sample point: values of plain names, sequences by step, whole numbers (lengths, the general step)."""

    values: Mapping[str, np.ndarray | float]
    sequences: Mapping[str, list[np.ndarray | float | None]]
    describe: Callable[[tuple[int, ...]], str]
    budget: Budget = field(default_factory=Budget)
    bound: dict[str, int] = field(default_factory=dict)
    tensor: str = ""  # how `\\otimes` reads here: OUTER, KRONECKER, or not at all ("")

    def charge(self, amount: int = 1) -> None:
        self.budget.charge(amount)

    def lookup(self, name: str) -> Value:
        if name == ONES:
            return Flexible(ONES)
        if name == IDENTITY:
            return Flexible(IDENTITY)
        if name in self.values:
            return self.values[name]
        found = _INDEXED.match(name)
        if found is None or found["stem"] not in self.sequences:
            raise MatrixError(f"no value for {name}")
        return self._step(found["stem"], found["var"], int(found["offset"] or 0))

    def whole(self, name: str) -> int:
        if name in self.bound:
            return self.bound[name]
        value = self.values.get(name)
        if isinstance(value, float | int) and float(value).is_integer():
            return int(value)
        raise MatrixError(f"the index {name} is not bound by a sum here")

    def _step(self, stem: str, variable: str | None, offset: int) -> Value:
        step = offset if variable is None else self.whole(variable) + offset
        steps = self.sequences[stem]
        value = steps[step] if 0 <= step < len(steps) else None
        if value is None:
            raise MatrixError(f"{stem} at step {step} does not exist in a run of {len(steps) - 1} steps")
        return value


def subterms(term: Term, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Term]]:
    """Every node of a formula with its path (argument indices from the root)."""
    yield path, term
    for index, arg in enumerate(term.args):
        yield from subterms(arg, (*path, index))


def replaced(term: Term, path: tuple[int, ...], new: Term) -> Term:
    """The formula with the node at `path` replaced (folded values along the path are recomputed)."""
    if not path:
        return new
    args = list(term.args)
    args[path[0]] = replaced(args[path[0]], path[1:], new)
    return dataclasses.replace(term, args=tuple(args), const=None)


def evaluate(term: Term, point: Point, expected: tuple[int, ...] | None = None) -> float | np.ndarray:
    """The value at one point; a `\\mathbf{1}` whose size nothing else tells takes the expected answer's shape."""
    value = _value(term, point)
    if isinstance(value, SIZELESS):
        if expected is None or len(expected) != 2:
            raise MatrixError("the size of 1 or I cannot be told from the answer")
        point.charge(expected[0] * expected[1])
        return value.sized(*expected)
    return value


def shape_of(value: float | np.ndarray) -> tuple[int, ...]:
    return np.shape(value)


def _value(term: Term, point: Point) -> Value:
    point.charge()
    if term.const is not None:
        return float(term.const)
    match term.op:
        case Op.NAME:
            return point.lookup(term.value)
        case Op.ADD:
            return _add(term, point)
        case Op.MUL:
            return _mul(term, point)
        case Op.DIV:
            return _div(term, point)
        case Op.POW:
            return _pow(term, point)
        case Op.NEG:
            return _scaled(-1.0, _value(term.args[0], point))
        case Op.CALL:
            return _call(term, point)
        case Op.SUM:
            return _sum(term, point)
        case Op.ROOT | Op.ABS | Op.FACT:
            values = [_value(arg, point) for arg in term.args]
            if any(isinstance(v, SIZELESS) for v in values):
                raise MatrixError("the size of 1 or I cannot be told here")
            return _elementwise(term, values)
    raise MatrixError(f"cannot evaluate {term.op} in a matrix expression")


def _scaled(factor: float, value: Value) -> Value:
    if isinstance(value, Open):
        return value.scaled(factor)
    if isinstance(value, Flexible):
        raise MatrixError("write the size of 1 or I where it is scaled")
    return factor * value


def _shape_text(value: float | np.ndarray, point: Point) -> str:
    return point.describe(np.shape(value))


def _resolved(value: Value, other: Value) -> float | np.ndarray:
    """A flexible value sized like the other operand of an element-wise operation."""
    if not isinstance(value, SIZELESS):
        return value
    if isinstance(other, SIZELESS) or np.ndim(other) == 0:
        raise MatrixError("the size of 1 or I cannot be told here")
    return value.sized(*np.shape(other))


def _elementwise_pair(left: Value, right: Value, what: str, point: Point) -> tuple[float | np.ndarray, float | np.ndarray]:
    left, right = _resolved(left, right), _resolved(right, left)
    if np.ndim(left) and np.ndim(right) and np.shape(left) != np.shape(right):
        raise MatrixError(f"{what} of shapes {_shape_text(left, point)} and {_shape_text(right, point)}: "
                          "the shapes differ")
    point.charge(max(np.size(left), np.size(right)))
    return left, right


def _add(term: Term, point: Point) -> Value:
    total: Value = 0.0
    for index, (sign, arg) in enumerate(zip(term.value, term.args, strict=True)):
        value = _value(arg, point)
        if index == 0:
            total = value if sign == "+" else _scaled(-1.0, value)
            continue
        left, right = _elementwise_pair(total, value, "a sum", point)
        total = left - right if sign == "-" else left + right
    return total


def _mul(term: Term, point: Point) -> Value:
    product = _value(term.args[0], point)
    for operator, arg in zip(term.value[1:], term.args[1:], strict=True):
        right = _value(arg, point)
        if operator in _HADAMARD:
            left, right = _elementwise_pair(product, right, "an element-wise product", point)
            product = left * right
        elif operator in _PRODUCT:
            product = _matmul(product, right, point)
        else:
            product = _tensor_product(product, right, point) if operator == TENSOR \
                else _scalar_only(product, right, operator)
    return product


def _scalar_only(left: Value, right: Value, operator: str) -> Value:
    if isinstance(left, SIZELESS) or isinstance(right, SIZELESS) or np.ndim(left) or np.ndim(right):
        raise MatrixError(f"{operator} between matrices is ambiguous here: write \\odot for an element-wise "
                          "product or a product of matrices")
    return left * right


def _tensor_product(left: Value, right: Value, point: Point) -> Value:
    """`a \\otimes b` in the point's reading: the outer product `a b^\\top` of two vectors, or the Kronecker product."""
    if point.tensor == OUTER and _vector(left) and _vector(right):
        return _matmul(_oriented(left, column=True), _oriented(right, column=False), point)
    if isinstance(left, SIZELESS) or isinstance(right, SIZELESS):
        raise MatrixError("the size of 1 or I inside \\otimes cannot be told")
    if np.ndim(left) == 0 or np.ndim(right) == 0:
        return _scaled(float(left), right) if np.ndim(left) == 0 else _scaled(float(right), left)
    if point.tensor == KRONECKER:
        point.charge(np.size(left) * np.size(right))
        return np.kron(left, right)
    raise MatrixError("\\otimes between matrices is ambiguous here: write a b^\\top for an outer product, \\odot for an "
                      "element-wise product, or a product of matrices")


def _vector(value: Value) -> bool:
    if isinstance(value, Flexible):
        return value.kind == ONES
    return not isinstance(value, Open) and np.ndim(value) == 2 and min(np.shape(value)) == 1


def _oriented(vector: Value, *, column: bool) -> Value:
    """A vector (or `\\mathbf{1}`) as a column or as a row, whichever way it was written."""
    if isinstance(vector, Flexible):
        return Flexible(ONES, transposed=not column)
    return np.asarray(vector).reshape((-1, 1) if column else (1, -1))


def _matmul(left: Value, right: Value, point: Point) -> Value:
    if isinstance(left, SIZELESS) and isinstance(right, SIZELESS):
        raise MatrixError("the size of 1 or I cannot be told here")
    if not isinstance(left, SIZELESS) and np.ndim(left) == 0:
        return _scaled(float(left), right)
    if not isinstance(right, SIZELESS) and np.ndim(right) == 0:
        return _scaled(float(right), left)
    if isinstance(left, Open) or isinstance(right, Open):
        return _open_product(left, right, point)
    if _outer_with_ones(left, right):
        return _ones_outer(left, right)
    first = _flexible_factor(left, np.shape(np.asarray(right))[0], left=True) if isinstance(left, Flexible) \
        else np.asarray(left)
    second = _flexible_factor(right, first.shape[1], left=False) if isinstance(right, Flexible) else np.asarray(right)
    left, right = first, second
    if np.shape(left)[1] != np.shape(right)[0]:
        raise MatrixError(f"a product of shapes {_shape_text(left, point)} and {_shape_text(right, point)}: "
                          "the shapes do not chain")
    point.charge(np.shape(left)[0] * np.shape(left)[1] * np.shape(right)[1])
    product = first @ second
    return float(product[0, 0]) if product.shape == (1, 1) else product


def _outer_with_ones(left: Value, right: Value) -> bool:
    """`\\mathbf{1} r^\\top` or `v \\mathbf{1}^\\top`: an outer product one of whose lengths is the length of 1."""
    if isinstance(left, Flexible) and left.kind == ONES and not left.transposed:
        return np.asarray(right).shape[0] == 1
    if isinstance(right, Flexible) and right.kind == ONES and right.transposed:
        return np.asarray(left).shape[1] == 1
    return False


def _ones_outer(left: Value, right: Value) -> Open:
    if isinstance(left, Flexible):
        row = np.asarray(right)
        return Open(None, row.shape[1], lambda rows, _columns: np.ones((rows, 1)) @ row)
    column = np.asarray(left)
    return Open(column.shape[0], None, lambda _rows, columns: column @ np.ones((1, columns)))


def _open_product(left: Value, right: Value, point: Point) -> Value:
    """A product with an outer product with 1 (the other factor a matrix): the matrix tells the inner length."""
    if isinstance(left, Open):
        matrix = np.asarray(right)
        inner, columns = matrix.shape
        if left.rows is not None:
            return _matmul(left.sized(left.rows, inner), matrix, point)
        return Open(None, columns, lambda rows, _columns: left.sized(rows, inner) @ matrix)
    assert isinstance(right, Open)
    matrix = np.asarray(left)
    rows, inner = matrix.shape
    if right.columns is not None:
        return _matmul(matrix, right.sized(inner, right.columns), point)
    return Open(rows, None, lambda _rows, columns: matrix @ right.sized(inner, columns))


def _flexible_factor(value: Flexible, inner: int, *, left: bool) -> np.ndarray:
    """I next to a matrix is the identity of the size that chains; `\\mathbf{1}^\\top A` a row of ones."""
    if value.kind == IDENTITY:
        return np.eye(inner)
    if value.transposed == left:
        return np.ones((1, inner)) if left else np.ones((inner, 1))
    raise MatrixError("the length of 1 in an outer product cannot be told; write it as a sum or with its size")


def _div(term: Term, point: Point) -> Value:
    top, bottom = (_value(arg, point) for arg in term.args)
    if isinstance(bottom, SIZELESS) or np.ndim(bottom):
        raise MatrixError("division by a matrix or a vector is not defined; multiply by an inverse or use \\odot")
    return _scaled(1.0 / float(bottom), top) if float(bottom) != 0 else _scaled(np.nan, top)


def _transposes(exponent: Term) -> bool:
    return exponent.op is Op.NAME and exponent.value in (TRANSPOSE, "T")


def _pow(term: Term, point: Point) -> Value:
    base = _value(term.args[0], point)
    if _transposes(term.args[1]):
        if isinstance(base, Flexible):
            return Flexible(base.kind, not base.transposed)
        if isinstance(base, Open):
            return base.transposed()
        return base if np.ndim(base) == 0 else np.transpose(base)
    exponent = _value(term.args[1], point)
    if isinstance(exponent, SIZELESS) or np.ndim(exponent):
        raise MatrixError("an exponent must be a number")
    if isinstance(base, Flexible):
        return base
    if isinstance(base, Open):
        raise MatrixError("the size of a power of an outer product with 1 cannot be told")
    if np.ndim(base) and min(np.shape(base)) > 1:
        return _matrix_power(np.asarray(base), float(exponent), point)
    point.charge(np.size(base))
    return _elementwise(term, [base, exponent])


def _matrix_power(base: np.ndarray, exponent: float, point: Point) -> np.ndarray:
    """A power of a square matrix is a product, `A^2 = A A`; of a non-square one it has no standard meaning."""
    rows, columns = np.shape(base)
    if rows != columns:
        raise MatrixError(f"a power of a {point.describe((rows, columns))} matrix is ambiguous: only a square matrix "
                          "has powers; write \\odot for element-wise")
    if not exponent.is_integer() or not 0 <= exponent <= MAX_POWER:
        raise MatrixError(f"a power of a matrix must be a whole number from 0 to {MAX_POWER}; write an inverse "
                          "as a product with it")
    point.charge(int(exponent) * rows ** 3)
    return np.linalg.matrix_power(base, int(exponent))


def _call(term: Term, point: Point) -> Value:
    function, order, _definition = term.value
    arguments = [_value(arg, point) for arg in term.args]
    if function in VECTOR_FUNCTIONS:
        if order:
            raise MatrixError(f"{function}' has no meaning here: write its Jacobian as a matrix")
        if len(arguments) != 1:
            raise MatrixError(f"{function}(·) takes one vector, not {len(arguments)} arguments")
        return VECTOR_FUNCTIONS[function](function, arguments[0], point)
    if any(isinstance(a, SIZELESS) for a in arguments):
        raise MatrixError(f"the size of 1 or I inside {function} cannot be told")
    point.charge(max(np.size(np.asarray(a)) for a in arguments))
    return _elementwise(term, arguments)


def _diagonal(function: str, argument: Value, point: Point) -> np.ndarray:
    if isinstance(argument, SIZELESS):
        raise MatrixError(f"the size of {function}(1) cannot be told")
    if np.ndim(argument) == 0 or min(np.shape(argument)) != 1:
        raise MatrixError(f"{function}(·) takes a vector, not {_shape_text(argument, point)}")
    point.charge(np.size(argument) ** 2)
    return np.diag(np.ravel(argument))


def _softmax(function: str, argument: Value, point: Point) -> float | np.ndarray:
    """exp(v - max v) / its sum: the shift keeps large entries finite without changing the value. A matrix is a
    column of vectors (vectors are columns here): each column is normalised; a row vector over its entries."""
    if isinstance(argument, SIZELESS):
        raise MatrixError(f"the size of {function}(1) cannot be told")
    if np.ndim(argument) == 0:
        return 1.0
    array = np.asarray(argument, dtype=float)
    axis = 1 if array.shape[0] == 1 else 0
    point.charge(3 * array.size)
    shifted = np.exp(array - array.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


# the functions of a whole vector or matrix, by canonical name (graders.parsing.builtins.VECTOR_FUNCTIONS spells them)
VECTOR_FUNCTIONS: dict[str, Callable[[str, Value, Point], float | np.ndarray]] = {
    "D": _diagonal, "diag": _diagonal, "softmax": _softmax}


def _elementwise(term: Term, values: list) -> float | np.ndarray:
    """Builtin functions, roots, powers and absolute values act on each entry."""
    result = apply(term, values)
    array = np.asarray(result, dtype=float)
    return float(array) if array.ndim == 0 else array


def _sum(term: Term, point: Point) -> Value:
    (kind, variable), (operand, low_term, high_term) = term.value, term.args
    low, high = (_bound(_value(bound, point)) for bound in (low_term, high_term))
    if high - low + 1 > MAX_SUM_TERMS:
        raise MatrixError(f"this sum has more than {MAX_SUM_TERMS} terms here")
    saved = point.bound.get(variable)
    total: Value = 0.0 if kind == "sum" else 1.0
    try:
        for step in range(low, high + 1):
            point.bound[variable] = step
            value = _value(operand, point)
            if kind == "sum":
                total = value if step == low else _add_values(total, value, point)
            else:
                total = _scalar_only(total, value, "\\prod")
    finally:
        if saved is None:
            point.bound.pop(variable, None)
        else:
            point.bound[variable] = saved
    return total


def _add_values(left: Value, right: Value, point: Point) -> Value:
    left, right = _elementwise_pair(left, right, "a sum", point)
    return left + right


def _bound(value: Value) -> int:
    if isinstance(value, SIZELESS) or np.ndim(value) or not np.isfinite(value) or float(value) != int(value):
        raise MatrixError("the bounds of a sum must be whole numbers")
    return int(value)
