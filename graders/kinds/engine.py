"""grade() and interpret(): read, compare, then look for a known mistake. Errors in student input are values."""

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import sympy

from graders.kinds import kind_module
from graders.kinds.base import Reading, Verdict, trusted
from graders.kinds.forbidden import refusal
from graders.kinds.mistakes import matched_mistake
from graders.options import CommonOptions
from graders.parsing import ParseError, trusted_input
from graders.result import GradeResult, Interpretation, unreadable


def grade(
    kind: str, student: str, reference: object, syntax: str = "auto", options: Mapping[str, Any] | None = None
) -> GradeResult:
    """Grade one answer; bad student input gives `error=...`, a bad kind or reference raises ValueError."""
    return graded(kind, student, reference, syntax, kind_module(kind).Options.from_mapping(options))[0]


def graded(
    kind: str, student: str, reference: object, syntax: str, opts: CommonOptions
) -> tuple[GradeResult, Reading | None]:
    """grade() with the options already built, and the student's reading (None when unreadable), so that a
    caller can fingerprint the answer without reading it twice."""
    module = kind_module(kind)
    expected = expected_reading(kind, reference, syntax, opts)
    try:
        answer = module.read_student(student, syntax, opts)
    except ParseError as error:
        return unreadable(str(error)), None
    refused = refusal(answer, opts)
    if refused is not None:  # before known mistakes: an answer built from the unknown earns nothing
        return _result(answer, refused), answer
    verdict = module.compare(answer, expected, opts)
    if verdict.correct is False:
        mistake = matched_mistake(
            answer,
            opts,
            read=lambda text: expected_reading(kind, text, syntax, opts),
            same=lambda ours, theirs: module.compare(ours, theirs, opts).correct is True,
        )
        if mistake is not None:
            verdict = Verdict(False, opts.mistakes[mistake].score, opts.mistakes[mistake].feedback)
            return _result(answer, verdict, mistake), answer
        if opts.reveal_answer and expected.canonical is not None:
            verdict = Verdict(False, verdict.score, f"{verdict.feedback} The expected answer is {expected.canonical}.")
    return _result(answer, verdict), answer


def check_reference(kind: str, reference: object, syntax: str = "auto", options: Mapping[str, Any] | None = None) -> None:
    """Read a part's options, reference and known mistakes as grading will; ValueError names what is wrong.

    For loading a question (the bank's tests, instructors' scripts): an unreadable reference is an
    error then, never at grading time."""
    module = kind_module(kind)
    opts = module.Options.from_mapping(options)
    expected_reading(kind, reference, syntax, opts)
    for mistake in opts.mistakes:
        expected_reading(kind, mistake.answer, syntax, opts)


def interpret(kind: str, student: str, syntax: str = "auto", options: Mapping[str, Any] | None = None) -> Interpretation:
    """How the answer is read, without grading it."""
    module = kind_module(kind)
    try:
        answer = module.read_student(student, syntax, module.Options.from_mapping(options))
    except ParseError as error:
        return Interpretation(latex=None, error=str(error))
    return Interpretation(latex=answer.latex, error=None, canonical=answer.canonical)


def expected_reading(kind: str, reference: object, syntax: str, options: CommonOptions) -> Reading:
    """The reference as read by the kind, cached per (reference, options) when the reference is hashable."""
    key = _hashable(reference)
    try:
        return _cached_reference(kind, key, syntax, options)
    except TypeError:  # an unhashable reference of a type we do not know: read it every time
        return _read_reference(kind, reference, syntax, options)


@lru_cache(maxsize=2048)
def _cached_reference(kind: str, reference: object, syntax: str, options: CommonOptions) -> Reading:
    return _read_reference(kind, reference, syntax, options)


def _read_reference(kind: str, reference: object, syntax: str, options: CommonOptions) -> Reading:
    module = kind_module(kind)
    with trusted_input():  # bank data: instructors' references and known mistakes
        return trusted(lambda: module.read_reference(reference, syntax, options), f"{kind} reference {reference!r}")


def _hashable(value: object) -> object:
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value)
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(_hashable(v) for v in value)
    return value


def _result(answer: Reading, verdict: Verdict, mistake: int | None = None) -> GradeResult:
    return GradeResult(
        correct=verdict.correct,
        score=verdict.score,
        feedback=verdict.feedback,
        interpreted=answer.latex,
        error=None,
        canonical=answer.canonical,
        mistake=mistake,
    )
