"""Free text kept for an instructor: never graded here."""

from graders.kinds.base import Reading, Verdict, check_length
from graders.options import CommonOptions

Options = CommonOptions

MAX_LENGTH = 20_000
WAITING = Verdict(correct=None, score=0.0, feedback="waiting for an instructor")


def read_student(text: str, syntax: str, options: CommonOptions) -> Reading:
    check_length(text, MAX_LENGTH)
    return Reading(" ".join(text.split()), None, None)


def read_reference(reference: object, syntax: str, options: CommonOptions) -> Reading:
    return Reading(None if reference is None else str(reference), None, None)


def compare(answer: Reading, expected: Reading, options: CommonOptions) -> Verdict:
    return WAITING


def key(answer: Reading, options: CommonOptions) -> str:
    return answer.value.casefold()
