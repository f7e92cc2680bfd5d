"""What every answer kind provides, and the small records passed between a kind and the engine."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from graders.options import CommonOptions
from graders.parsing import ParseError


@dataclass(frozen=True)
class Reading:
    """An answer as a kind read it: the value it compares, and how to show it."""

    value: Any
    latex: str | None
    canonical: str | None


@dataclass(frozen=True)
class Verdict:
    correct: bool | None  # None only for manual grading
    score: float
    feedback: str


RIGHT = Verdict(correct=True, score=1.0, feedback="Correct.")


class Kind(Protocol):
    """One answer kind: a module under graders/kinds with these names."""

    @property
    def Options(self) -> type[CommonOptions]:  # read-only, so that a kind's own subclass of the options fits
        ...

    def read_student(self, text: str, syntax: str, options: Any) -> Reading: ...

    def read_reference(self, reference: object, syntax: str, options: Any) -> Reading: ...

    def compare(self, answer: Reading, expected: Reading, options: Any) -> Verdict: ...

    def key(self, answer: Reading, options: Any) -> str: ...


def wrong(feedback: str, score: float = 0.0) -> Verdict:
    return Verdict(correct=False, score=score, feedback=feedback)


def partial_verdict(right: int, total: int, what: str, options: CommonOptions, wrong_feedback: str) -> Verdict:
    """All right, or partial credit (when the part allows it) as the fraction of right elements."""
    if right == total:
        return RIGHT
    score = right / total if options.partial and total else 0.0
    return wrong(f"{right} of {total} {what} right. {wrong_feedback}".strip(), score)


def trusted(read: Callable[[], Reading], what: str) -> Reading:
    """Read a bank-supplied value; a failure is a bug in the bank, reported as ValueError."""
    try:
        return read()
    except ParseError as error:
        raise ValueError(f"bad {what}: {error}") from error


def overlap_verdict(answer: frozenset, expected: frozenset, options: CommonOptions, what: str) -> Verdict:
    """Unordered collections: right when equal; partial credit is |common| / |either| so extras cost too."""
    if answer == expected:
        return RIGHT
    missing, extra = len(expected - answer), len(answer - expected)
    notes = [f"{n} of your {what} {'is' if n == 1 else 'are'} not expected" for n in [extra] if n]
    notes += [f"{n} expected {what[:-1] if n == 1 else what} {'is' if n == 1 else 'are'} missing" for n in [missing] if n]
    score = len(answer & expected) / len(answer | expected) if options.partial else 0.0
    return wrong("Not right: " + " and ".join(notes) + ".", score)


_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def text_latex(text: str) -> str:
    """Plain text shown inside LaTeX, with LaTeX's special characters escaped."""
    escaped = "".join(_TEXT_ESCAPES.get(c, f"\\{c}" if c in "{}$&#_%" else c) for c in text)
    return rf"\text{{{escaped}}}"


def check_length(text: str, limit: int) -> None:
    """Free-text kinds bypass the parser, so they bound the length themselves."""
    if len(text) > limit:
        raise ParseError(f"the answer is longer than {limit} characters", limit, text[: limit + 40])


def first_position(text: str, names: frozenset[str] | set[str]) -> int:
    """Where the first of `names` is spelled as-is in the answer (0 when spelled through an alias)."""
    return min((text.find(name) for name in names if name in text), default=0)
