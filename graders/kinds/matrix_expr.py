"""Matrix expressions: `D(c_t) + D(h_{t-1} - W_x x_t) D(\\sigma'(W_c x_t + W_h h_{t-1})) W_h`, evaluated with matrix
semantics (graders.kinds.matrix_values) at sample points and compared with the reference's values.

A part declares its names with shapes (`shapes`, in size names: `{"W_h": ["m", "m"], "x_t": ["n"]}`), their
spellings (`symbols`), and time-indexed quantities (`sequences`: `{"x": ["x_{#}", "x^{(#)}"]}`, `#` the step), so
that `x_t`, `x^{(t-1)}`, `x_3` and, inside `\\sum_{t=1}^{T}`, the summation variable's step all read. Sample points
are the part's own `samples` (runs of its model: plain values, sequences by step, whole numbers such as `T` and the
general step `t`), else random values of the declared shapes at `sizes`. A shape that differs is feedback naming
both shapes in the question's sizes ("your answer is m×n; the Jacobian is m×m").
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import sympy

from graders.kinds.base import RIGHT, Reading, Verdict, first_position, wrong
from graders.kinds.formula import from_node
from graders.kinds.matrix_values import (
    IDENTITY,
    KRONECKER,
    ONES,
    OUTER,
    TENSOR,
    TRANSPOSE,
    Budget,
    MatrixError,
    Point,
    evaluate,
    replaced,
    subterms,
)
from graders.options import MatrixExprOptions
from graders.parsing import FunctionDef, ParseError, Vocabulary, parse, trusted_input
from graders.parsing.builtins import VECTOR_FUNCTIONS
from graders.parsing.terms import Op, Term
from graders.parsing.to_sympy import term_to_sympy

Options = MatrixExprOptions

RANDOM_POINTS = 6
EXACT_RTOL = 1e-9
_TRANSPOSE_SPELLINGS = ["\\top", "\\intercal", "\\mathsf{T}", "\\mathsf T"]  # `^T` reads as the name T
_ONES_SPELLINGS = ["\\mathbf{1}", "\\mathbf 1", "\\boldsymbol{1}", "\\mathbb{1}", "\\mathbb 1", "\\vec{1}"]
_IDENTITY_SPELLINGS = ["I", "\\mathbb{I}", "\\mathbf{I}", "\\mathrm{I}"]


def _upright(*words: str) -> tuple[str, ...]:
    """A function's name as it is typeset: `\\operatorname{diag}`, `\\text{diag}`, ..."""
    return tuple(f"\\{style}{{{word}}}" for word in words for style in ("operatorname", "text", "mathrm", "textrm"))


def _spelt(name: str) -> FunctionDef:
    words = [word for word, canonical in VECTOR_FUNCTIONS.items() if canonical == name]
    return FunctionDef(name, aliases=(*words, *_upright(*words)))


# the functions of a whole vector (graders.kinds.matrix_values.VECTOR_FUNCTIONS evaluates them)
_FUNCTIONS = {"D": FunctionDef("D"), "diag": FunctionDef("diag", aliases=(*_upright("diag"), "\\operatorname{Diag}")),
              **{name: _spelt(name) for name in sorted(set(VECTOR_FUNCTIONS.values()))}}
# the letters a sum may run over, and how far from them a step may be written
_STEP_LETTERS = {"t": "t", "i": "i", "j": "j", "k": "k", "s": "s", "tau": "\\tau"}
_OFFSETS = (-2, -1, 0, 1, 2)


def read_student(text: str, syntax: str, options: MatrixExprOptions) -> Reading:
    words = vocabulary(options)
    filled, placed = _dot_arguments_filled(text, options.dot_arguments)
    try:
        node = parse(filled, syntax=syntax, target="expression", vocabulary=words)
    except ParseError as error:  # shown in what the student wrote
        error.position, error.text = _written_position(error.position, placed), text
        raise
    unknown = node.free_symbols - words.declared
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ParseError(f"{names} is not a symbol of this question (it uses {_readable(options)})",
                         first_position(text, unknown), text)
    return Reading((from_node(node), node.parts[0]), node.to_latex(), node.to_text())


def read_reference(reference: object, syntax: str, options: MatrixExprOptions) -> Reading:
    if not isinstance(reference, str):
        raise TypeError(f"a matrix_expr reference is the answer's text, not {type(reference).__name__}")
    reading = read_student(reference, syntax, options)
    try:
        _reference_values(reading.value[1], options)
    except MatrixError as error:
        raise ValueError(f"the reference {reference!r} has no value: {error}") from error
    return reading


def compare(answer: Reading, expected: Reading, options: MatrixExprOptions) -> Verdict:
    what = options.what
    theirs = _reference_values(expected.value[1], options)
    try:
        ours, tensor = _answer_values(answer.value[1], options, theirs)
    except MatrixError as error:
        return wrong(f"Your answer has no value: {error}.")
    describe = _describer(options.sizes)
    for a, b in zip(ours, theirs, strict=True):
        if np.shape(a) != np.shape(b):
            return wrong(f"Your answer is {describe(np.shape(a))}; {what} is {describe(np.shape(b))}.")
    if all(_close(a, b, options) for a, b in zip(ours, theirs, strict=True)):
        if _hidden_constant(answer.value[1], theirs, options, tensor):
            return wrong(f"Not equal to {what}: a part of it is too small to see at the points checked, but it is "
                         "not zero.")
        return RIGHT
    return wrong(f"Not equal to {what} at the points checked{_hint(ours, theirs, options)}.")


def values_at_points(text: str, options: Mapping[str, Any] | None = None) -> list[float | np.ndarray]:
    """A trusted formula's values at the part's sample points (for the bank's tests against its NumPy models)."""
    opts = MatrixExprOptions.from_mapping(options)
    with trusted_input():
        return _values(read_student(text, "auto", opts).value[1], opts)


def key(answer: Reading, options: MatrixExprOptions) -> str:
    try:
        values = _values(answer.value[1], options, tensor=OUTER)
    except MatrixError:
        return "nan"
    return f"{np.shape(values[0])} " + " ".join(f"{v:.6g}" for value in values[:2] for v in np.ravel(value))


def _close(ours: float | np.ndarray, theirs: float | np.ndarray, options: MatrixExprOptions) -> bool:
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        return False
    defined = np.isfinite(theirs)
    if not np.isfinite(ours[defined]).all():
        return False
    rtol = EXACT_RTOL if options.rtol is None else options.rtol
    scale = float(np.max(np.abs(theirs[defined]), initial=1.0))
    return bool(np.allclose(ours[defined], theirs[defined], rtol=rtol, atol=rtol * scale))


TINY = 1e-6


def _hidden_constant(term: Term, theirs: list, options: MatrixExprOptions, tensor: str) -> bool:
    """Whether a constant too small to see (`10^{-12}`) changes the value once it is made visible: the answer
    agrees only because that part of it is tiny at these points."""
    for path, node in subterms(term):
        visible = _made_visible(node)
        if visible is not None:
            scaled = replaced(term, path, Term(Op.NUM, value=repr(visible), const=visible))
            try:
                values = _values(scaled, options, theirs, tensor)
            except MatrixError:
                return True
            if not all(_close(a, b, options) for a, b in zip(values, theirs, strict=True)):
                return True
    return False


def _made_visible(node: Term) -> float | None:
    """A tiny constant scaled up to a visible size; `e^{-1000}`, which is 0.0 in floats, made 1. None otherwise."""
    if node.const is None or abs(node.const) >= TINY or node.op is Op.NUM:
        return None
    if node.const != 0:
        return float(node.const) / TINY
    try:  # a constant that underflowed: SymPy tells an exact zero (1 - 1) from a tiny one
        exact = sympy.N(term_to_sympy(node), 30)
        return 1.0 if exact.is_number and exact != 0 else None
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return None


def _hint(ours: list, theirs: list, options: MatrixExprOptions) -> str:
    if all(_close(-np.asarray(a), b, options) for a, b in zip(ours, theirs, strict=True)):
        return "; check the sign"
    if np.ndim(theirs[0]) and all(_close(np.transpose(a), b, options) for a, b in zip(ours, theirs, strict=True)):
        return f": your answer is the transpose of {options.what} (check the layout the question asks for)"
    return ""


def _answer_values(term: Term, options: MatrixExprOptions, theirs: list) -> tuple[list[float | np.ndarray], str]:
    """The answer's values and how its `\\otimes` reads: as the outer product `a b^\\top` of two vectors where that is
    the only reading whose shape fits the expected one (the Kronecker product's does not) or both readings agree;
    refused where both fit and differ, or only the Kronecker product fits."""
    if not any(node.op is Op.MUL and TENSOR in node.value for _path, node in subterms(term)):
        return _values(term, options, theirs), ""
    fitting, budget = {}, Budget()  # one budget for all readings
    for reading in (OUTER, KRONECKER):
        try:
            values = _values(term, options, theirs, reading, budget)
        except MatrixError:
            continue
        if all(np.shape(a) == np.shape(b) for a, b in zip(values, theirs, strict=True)):
            fitting[reading] = values
    if not fitting:  # the outer reading's error or shape is the feedback
        return _values(term, options, theirs, OUTER, budget), OUTER
    if list(fitting) == [KRONECKER]:
        raise MatrixError("a \\otimes b read as the outer product a b^\\top does not have the expected shape; write the "
                          "product you mean with ^\\top")
    if len(fitting) == 1 or all(_close(a, b, options) for a, b in zip(*fitting.values(), strict=True)):
        return fitting[OUTER], OUTER  # the only reading that fits, or both fit and agree (`y \\otimes x^\\top`)
    raise MatrixError("\\otimes is ambiguous here (a Kronecker product has the expected shape too): write a b^\\top for "
                      "an outer product")


def _values(term: Term, options: MatrixExprOptions, expected: list | None = None, tensor: str = "",
            budget: Budget | None = None) -> list[float | np.ndarray]:
    """Values at the sample points; `expected` (the reference's values) sizes a `\\mathbf{1}` nothing else sizes."""
    points = _points(options, tensor, budget or Budget())
    shapes = [np.shape(value) for value in expected] if expected is not None else [None] * len(points)
    return [evaluate(term, point, shape) for point, shape in zip(points, shapes, strict=True)]


@lru_cache(maxsize=512)
def _reference_values(term: Term, options: MatrixExprOptions) -> list[float | np.ndarray]:
    return _values(term, options)


# --- `\sigma'(\cdot)`: a placeholder argument the part declares -----------------------------------------------------

_MARKS = r"(?P<marks>(?:\s*['′])*)"
_DOT = r"\s*(?:\\left\s*)?\(\s*(?:\\cdot|·|⋅)\s*(?:\\right\s*)?\)"


Placed = list[tuple[int, int, int, int]]  # each filled-in argument: (start, end) in the filled text, in the written


def _dot_arguments_filled(text: str, arguments: tuple[tuple[str, str], ...]) -> tuple[str, Placed]:
    """`\\sigma'(\\cdot)` with the argument `(\\cdot)` stands for in this part written in (`\\sigma'(W_c x_t + ...)`),
    and where each one was put."""
    if not arguments:
        return text, []
    pattern, argument_of = _dot_pattern(arguments)
    pieces, placed, last, length = [], [], 0, 0
    for found in pattern.finditer(text):
        before = text[last:found.start()]
        filled = f"{found['function']}{found['marks']}({argument_of[found['function']]})"
        pieces += [before, filled]
        length += len(before)
        placed.append((length, length + len(filled), found.start(), found.end()))
        length, last = length + len(filled), found.end()
    return "".join([*pieces, text[last:]]), placed


def _written_position(position: int, placed: Placed) -> int:
    """A position in the filled text as a position in the written one (inside an argument: its `\\sigma'(\\cdot)`)."""
    shift = 0
    for start, end, written_start, written_end in placed:
        if position < start:
            break
        if position < end:
            return written_start
        shift = end - written_end
    return position - shift


@lru_cache(maxsize=32)
def _dot_pattern(arguments: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    argument_of = dict(arguments)
    for function, argument in arguments:
        if function.startswith("\\") and function[1:].isalpha():  # `σ'(·)` as well as `\sigma'(\cdot)`
            with contextlib.suppress(KeyError):  # not a Greek letter
                argument_of[unicodedata.lookup(f"GREEK SMALL LETTER {function[1:].upper()}")] = argument
    spellings = [re.escape(f) + (r"(?![A-Za-z])" if f[-1].isalpha() else "")
                 for f in sorted(argument_of, key=len, reverse=True)]
    return re.compile(rf"(?P<function>{'|'.join(spellings)}){_MARKS}{_DOT}"), argument_of


# --- the question's names -----------------------------------------------------------------------------------------

def vocabulary(options: MatrixExprOptions) -> Vocabulary:
    return _vocabulary(options.symbols, options.shapes, options.sequences, options.samples)


@lru_cache(maxsize=128)
def _vocabulary(symbols: str, shapes: str, sequences: str, samples: str) -> Vocabulary:
    declared: dict[str, list[str]] = {name: list(aliases) for name, aliases in json.loads(symbols).items()}
    points = json.loads(samples)
    lengths = sorted({name for point in points for name, value in point.items()
                      if isinstance(value, int | float) and name not in json.loads(shapes)})
    longest = max((len(steps) for point in points for steps in point.values() if isinstance(steps, list)), default=4)
    for stem, spellings in json.loads(sequences).items():
        for written, suffix in _step_labels(lengths, longest):
            forms = [s.replace("#", written) for s in spellings]
            if written.startswith("\\"):  # `x_\tau` as well as `x_{\tau}`
                forms += [s.replace("_{#}", "_" + written) for s in spellings if "_{#}" in s]
            declared.setdefault(f"{stem}@{suffix}", []).extend(forms)
    declared[TRANSPOSE] = _TRANSPOSE_SPELLINGS
    declared[ONES] = _ONES_SPELLINGS
    if "I" not in declared and "I" not in json.loads(shapes):
        declared[IDENTITY] = _IDENTITY_SPELLINGS
    names = [*json.loads(shapes), *lengths, "T"]  # `x^T`: a transpose wherever T is not a length
    return Vocabulary(declared, _FUNCTIONS, names)


def _readable(options: MatrixExprOptions) -> str:
    """The question's names as a student writes them: `W_h`, `x_{t}`, not the canonical `x@t`."""
    symbols, sequences = json.loads(options.symbols), json.loads(options.sequences)
    plain = [aliases[0] if aliases else name for name, aliases in symbols.items() if "@" not in name]
    plain += [name for name in json.loads(options.shapes) if name not in symbols and name not in sequences]
    steps = [spellings[0].replace("#", "t") for spellings in sequences.values() if spellings]
    return ", ".join([*plain, *steps])


def _step_labels(lengths: list[str], longest: int) -> list[tuple[str, str]]:
    """(the step as written, its suffix in the canonical name): `t-1`, `\\tau+1`, `T`, `3`."""
    labels = [(str(step), str(step)) for step in range(longest)]
    letters = {**_STEP_LETTERS, **{name: name for name in lengths}}
    for suffix, written in letters.items():
        for offset in _OFFSETS if suffix == "t" else _OFFSETS[1:-1]:
            shown = f"{offset:+d}" if offset else ""
            labels.append((f"{written}{shown}", f"{suffix}{shown}"))
    return labels


# --- sample points ------------------------------------------------------------------------------------------------

def _points(options: MatrixExprOptions, tensor: str, budget: Budget) -> list[Point]:
    describe = _describer(options.sizes)
    return [Point(values, sequences, describe, budget, tensor=tensor) for values, sequences in
            _point_values(options.shapes, options.sequences, options.sizes, options.samples)]


@lru_cache(maxsize=128)
def _point_values(shapes: str, sequences: str, sizes: str, samples: str) -> list[tuple[dict, dict]]:
    declared, stems, size = json.loads(shapes), json.loads(sequences), json.loads(sizes)
    given = json.loads(samples)
    if not given:
        if stems:
            raise ValueError("a part with sequences needs sample points from its model (option 'samples')")
        return [(_random_point(declared, size, index), {}) for index in range(RANDOM_POINTS)]
    points = []
    for point in given:
        values = {name: _array(value, declared.get(name)) for name, value in point.items() if name not in stems}
        steps = {stem: [None if v is None else _array(v, declared.get(stem)) for v in point[stem]]
                 for stem in stems if stem in point}
        points.append((values, steps))
    return points


def _array(value: Any, shape: list | None) -> float | np.ndarray:
    array = np.asarray(value, dtype=float)
    if array.ndim == 0:
        return float(array)
    array = array.reshape(-1, 1) if array.ndim == 1 else array
    array.flags.writeable = False
    return array


def _random_point(shapes: dict[str, list], sizes: dict[str, int], index: int) -> dict[str, float | np.ndarray]:
    point: dict[str, float | np.ndarray] = {}
    for name, dims in shapes.items():
        seed = int.from_bytes(hashlib.blake2b(f"{name}:{index}".encode(), digest_size=8).digest(), "big")
        numbers = [sizes[d] if isinstance(d, str) else int(d) for d in dims]
        draw = np.random.default_rng(seed).normal(size=numbers)
        point[name] = _array(draw, dims) if numbers else float(draw)
    return point


def _describer(sizes: str) -> Callable[[tuple[int, ...]], str]:
    """Shapes in the question's size names where they tell the sizes apart: `m×n`, `m×1`, `a scalar`."""
    names: dict[int, str | None] = {}
    for name, value in json.loads(sizes).items():
        names[value] = None if value in names else name
    return lambda shape: "a scalar" if not shape else "×".join(names.get(n) or str(n) for n in shape)


__all__ = ["Options", "compare", "key", "read_reference", "read_student", "values_at_points"]
