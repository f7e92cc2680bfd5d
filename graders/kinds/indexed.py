r"""Indexed formulas: an element of a tensor as a formula in its indices, graded by evaluating it with NumPy.

`f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]` is evaluated for every index value on each sample
of the question's tensors (the part's `inputs`) and compared element by element with the reference values, which the
bank computes with its NumPy model on the same samples. The left side is optional; its index names bind the free
indices (a student may call `n` `j`); without it the part's `index` names are used.

Options (every other name is refused):
- `tensors`: {name: shape} as indexed in answers (`x[n][k]` of an 11-step, 7-channel input is `[11, 7]`);
- `spellings`: {name: [LaTeX spellings]} besides the name itself (`\frac{\partial \ell}{\partial f_W(x)}`);
- `index`: the quantity's index names, a number for an axis of size 1 (`["n", 1, "k", "i"]`);
- `shape`: the quantity's shape; `base`: 1 or 0, where indices start; `rtol`: relative tolerance (default 1e-9);
- `inputs`: the samples, a list of {name: nested list of that tensor's shape}.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Self

import numpy as np

from graders.kinds.base import RIGHT, Reading, Verdict, partial_verdict, wrong
from graders.kinds.indexed_eval import Evaluation, Space, evaluate, named_axes
from graders.kinds.indexed_hidden import hidden_term
from graders.kinds.indexed_latex import latex
from graders.kinds.indexed_read import Written, read, untagged
from graders.options import CommonOptions
from graders.parsing import ParseError
from graders.parsing.limits import Limits, effective


@dataclass(frozen=True)
class IndexedOptions(CommonOptions):
    tensors: str = "{}"  # canonical JSON: name -> shape
    spellings: str = "{}"  # canonical JSON: name -> [spellings]
    index: tuple[str | int, ...] = ()
    shape: tuple[int, ...] = ()
    base: int = 1
    inputs: str = "[]"  # canonical JSON: [{name: nested list}]
    rtol: float = 1e-12  # float rounding only: sums taken in another order differ by ~1e-15

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any] | None) -> Self:
        ours = {"tensors", "spellings", "index", "shape", "base", "inputs"}
        given = dict(options or {})
        own = {name: given.pop(name) for name in ours & set(given)}
        common = super().from_mapping({**given, **dict.fromkeys(own)})  # unknown names still refused
        converted = {name: _CONVERT[name](value) for name, value in own.items() if value is not None}
        return replace(common, **converted)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _index(value: Any) -> tuple[str | int, ...]:
    return tuple(v if isinstance(v, int) else str(v) for v in value)


_CONVERT: dict[str, Any] = {
    "tensors": _json, "spellings": _json, "inputs": _json, "index": _index,
    "shape": lambda v: tuple(int(n) for n in v), "base": int,
}

Options = IndexedOptions


@dataclass(frozen=True)
class Indexed:
    """An answer's values at every element on every sample, or what stops them being compared."""

    values: np.ndarray
    problems: tuple[str, ...]
    names: tuple[str | int, ...]  # the quantity's index names, as the answer wrote them


def read_student(text: str, syntax: str, options: IndexedOptions) -> Reading:
    trusted = effective(Limits()).max_length > Limits().max_length  # bank text: references and known mistakes
    spellings = {name: [] for name in json.loads(options.tensors)} | json.loads(options.spellings)
    written = read(text, spellings, trusted=trusted)
    space = _space(options)
    names = named_axes(written.indices if written.indices is not None else options.index, space)
    _check_ranges(written, names, space)
    try:
        result: Evaluation = evaluate(written.formula, names, space)
    except ParseError as error:  # raised without the text: show the answer under the message
        raise ParseError(error.message, 0, untagged(written.text)[1]) from None
    problems = result.problems
    if not problems and hidden_term(written.formula, names, space, result.values):
        problems = ("A term of your formula is too small to see on these samples, yet it is not zero: the right "
                    "formula has no such term.",)
    left = f"{untagged(written.left)[1]} = " if written.left is not None else ""
    shown = left + latex(written.formula)
    return Reading(Indexed(result.values, problems, names), shown, shown)


def _check_ranges(written: Written, names: tuple[str | int, ...], space: Space) -> None:
    """A stated range (`for n = 1, \\dots, 5`) must be the question's: a formula for other elements is not this one."""
    for name, first, last in written.ranges:
        if name not in names:
            raise ParseError(f"the answer states a range for {name}, which is not an index of the quantity "
                             f"({', '.join(map(str, names))})", 0, untagged(written.text)[1])
        size = space.shape[names.index(name)]
        if (first, last) != (space.base, space.base + size - 1):
            raise ParseError(f"the answer states {name} = {first}, ..., {last}; in the question {name} runs from "
                             f"{space.base} to {space.base + size - 1}", 0, untagged(written.text)[1])


def read_reference(reference: object, syntax: str, options: IndexedOptions) -> Reading:
    """The bank's values on the part's samples (an array of shape (samples, *shape)), or a formula in the answers'
    syntax (a known mistake); either must be computable everywhere."""
    if isinstance(reference, str):
        reading = read_student(reference, syntax, options)
        if reading.value.problems:
            raise ValueError(f"indexed reference {reference!r}: {' '.join(reading.value.problems)}")
        return reading
    values = np.asarray(reference, dtype=float)
    space = _space(options)
    if values.shape != (space.samples, *space.shape):
        raise ValueError(f"indexed reference has shape {values.shape}; the part's {space.samples} samples of a "
                         f"{space.shape} quantity need {(space.samples, *space.shape)}")
    return Reading(Indexed(values, (), options.index), None, None)


def compare(answer: Reading, expected: Reading, options: IndexedOptions) -> Verdict:
    ours, theirs = answer.value, expected.value
    if ours.problems:
        return wrong(" ".join(ours.problems))
    scale = float(np.max(np.abs(theirs.values), initial=0.0))
    close = np.abs(ours.values - theirs.values) <= options.rtol * np.maximum(np.abs(theirs.values), scale) + 1e-300
    right = np.all(close, axis=0)  # an element is right when it is right on every sample
    if right.all():
        return RIGHT
    first = tuple(int(i) for i in np.argwhere(~right)[0])
    where = ", ".join(str(i + options.base) for i in first)
    names = ", ".join(str(n) for n in ours.names)
    hint = f"Your formula gives other values than the right one, first at [{names}] = [{where}]."
    return partial_verdict(int(right.sum()), right.size, "elements", options, hint)


def key(answer: Reading, options: IndexedOptions) -> str:
    value: Indexed = answer.value
    if value.problems:
        return "nan"
    rounded = np.round(value.values, 9) + 0.0  # -0.0 and 0.0 share a key
    return f"{value.values.shape}:" + hashlib.blake2b(rounded.tobytes(), digest_size=8).hexdigest()


def _space(options: IndexedOptions) -> Space:
    return _cached_space(options.tensors, options.inputs, options.shape, options.base)


@lru_cache(maxsize=64)
def _cached_space(tensors: str, inputs: str, shape: tuple[int, ...], base: int) -> Space:
    declared = {name: tuple(size) for name, size in json.loads(tensors).items()}
    samples = json.loads(inputs)
    if not declared or not samples or not shape:
        raise ValueError("an indexed part declares `tensors`, `shape` and at least one sample in `inputs`")
    stacked = {name: np.asarray([sample[name] for sample in samples], dtype=float) for name in declared}
    for name, array in stacked.items():
        if array.shape[1:] != declared[name]:
            raise ValueError(f"the inputs give {name} the shape {array.shape[1:]}; it is declared {declared[name]}")
    if base not in (0, 1):
        raise ValueError(f"base must be 0 or 1, not {base}")
    return Space(stacked, shape, base)

