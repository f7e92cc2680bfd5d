"""Mutants of an `indexed` reference: an offset, stride or bound off by one, an index swapped for another, a strict
bound made loose, a factor dropped, the sign flipped.

Whether a mutant differs is decided on fresh tensors drawn by the part's model against the model's NumPy values there
(not on the samples the grader holds), by evaluating the mutant element by element in plain Python
(reference.indexed_truth) rather than with the grader's vectorised evaluation.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from graders.kinds.indexed_read import read
from graders.parsing import ParseError, trusted_input
from reference.indexed_truth import element_values
from reference.part import Part

_LEFT = re.compile(r"^(.*?\])\s*=\s*")
_INTEGER = re.compile(r"(?<![A-Za-z\\])\d+")
_INDEX_LETTER = re.compile(r"(?<![A-Za-z\\{])([a-z])(?![A-Za-z}])")
_LOOKUP = re.compile(r"(?<![A-Za-z\\])[A-Za-z](?:\[[^\[\]]*\])+")
TRUTH_TENSORS = 4


def indexed_mutants(part: Part, seed: int) -> Iterator[tuple[str, str, bool]]:
    """Slips in an element formula: an offset, stride or bound off by one, an index swapped for another, a strict
    bound made loose, a factor dropped, the sign flipped. Whether one differs is decided on fresh tensors drawn by the
    part's model against the model's NumPy values there (not on the samples the grader holds), by evaluating the mutant
    element by element (reference.indexed_truth) rather than with the grader's evaluation."""
    assert part.model is not None, f"{part.id}: an indexed part needs its model for fresh tensors"
    truth = part.model(TRUTH_TENSORS, seed)
    options = {**part.options, "inputs": truth["inputs"]}
    expected = np.asarray(truth["outputs"], dtype=float)
    found = _LEFT.match(part.answer)
    left, right = (found.group(), part.answer[found.end():]) if found else ("", part.answer)
    for how, mutated in _index_slips(right):
        if mutated.strip() and mutated != right:
            answer = left + mutated
            yield how, answer, values_differ(answer, options, expected)


def _index_slips(formula: str) -> Iterator[tuple[str, str]]:
    for number in _INTEGER.finditer(formula):
        for delta in (-1, 1):
            value = int(number.group()) + delta
            yield (f"{number.group()} at {number.start()} {delta:+d}",
                   f"{formula[:number.start()]}{{{value}}}{formula[number.end():]}")
    letters = sorted(set(_INDEX_LETTER.findall(formula)))
    for letter in _INDEX_LETTER.finditer(formula):
        for other in letters:
            if other != letter.group():
                yield (f"{letter.group()} at {letter.start()} -> {other}",
                       f"{formula[:letter.start()]}{other}{formula[letter.end():]}")
    for bound in re.finditer(r"\\le\b|<", formula):
        swapped = "<" if bound.group() != "<" else "\\le "
        yield f"bound {bound.group()} at {bound.start()} swapped", formula[:bound.start()] + swapped + formula[bound.end():]
    for lookup in _LOOKUP.finditer(formula):
        yield f"dropped the factor {lookup.group()}", formula[:lookup.start()] + formula[lookup.end():]
    yield "negated", f"-\\left({formula}\\right)"


def values_differ(answer: str, options: Mapping[str, Any], expected: np.ndarray) -> bool:
    """Does the mutant take other values than the model on the fresh tensors (or none at all)? Evaluated element by
    element by reference.indexed_truth, not by the grader's vectorised evaluation."""
    spellings: dict[str, list[str]] = {str(name): list[str]() for name in options["tensors"]}
    spellings |= dict(options.get("spellings", {}))
    try:
        with trusted_input():
            written = read(answer, spellings, trusted=True)
    except ParseError:
        return True  # not a formula at all: different from any reference
    names = written.indices if written.indices is not None else tuple(options["index"])
    shape, base = tuple(options["shape"]), int(options.get("base", 1))
    for sample, truth in zip(options["inputs"], expected, strict=True):
        tensors = {name: np.asarray(values, dtype=float) for name, values in sample.items()}
        values = element_values(written.formula, names, shape, tensors, base)
        if values is None or not np.allclose(values, truth, rtol=1e-9, atol=1e-12):
            return True
    return False
