"""Multiple choice: one label or several, separated by commas; partial credit per label when allowed."""

import re

from graders.kinds.base import Reading, Verdict, check_length, overlap_verdict, text_latex, wrong
from graders.options import ChoiceOptions
from graders.parsing import ParseError

Options = ChoiceOptions

MAX_LENGTH = 1000


def read_student(text: str, syntax: str, options: ChoiceOptions) -> Reading:
    check_length(text, MAX_LENGTH)
    labels = {_plain(label): label for label in options.choices}
    picked: set[str] = set()
    position = 0
    for piece in text.replace(";", ",").split(","):
        name = _plain(piece)
        if name and name not in labels:
            raise ParseError(f"{piece.strip()!r} is not one of the choices ({', '.join(options.choices)})", position, text)
        if name:
            picked.add(labels[name])
        position += len(piece) + 1
    if not picked:
        raise ParseError("pick at least one of the choices", 0, text)
    shown = ", ".join(sorted(picked))
    return Reading(frozenset(picked), text_latex(shown), shown)


_WRAPPED = re.compile(r"^\\(?:text|textbf|textit|mathrm|mathbf)\{(.*)\}$")


def _plain(piece: str) -> str:
    """A label as written in prose or LaTeX: `No.`, `\\text{no}`, `\\textbf{no}`, `the second` are `no` and `second`."""
    name = piece.strip().strip("$").strip()
    wrapped = _WRAPPED.match(name)
    name = (wrapped.group(1) if wrapped else name).strip().rstrip(".!").strip().casefold()
    return name.removeprefix("the ").strip()


def read_reference(reference: object, syntax: str, options: ChoiceOptions) -> Reading:
    chosen = [reference] if isinstance(reference, str) else list(reference)
    unknown = [c for c in chosen if options.choices and c not in options.choices]
    if unknown:
        raise ValueError(f"choice reference {unknown!r} is not among the choices {options.choices!r}")
    shown = ", ".join(sorted(chosen))
    return Reading(frozenset(chosen), text_latex(shown), shown)


def compare(answer: Reading, expected: Reading, options: ChoiceOptions) -> Verdict:
    if len(expected.value) == 1 and len(answer.value) > 1:
        return wrong("Pick exactly one choice.")
    return overlap_verdict(answer.value, expected.value, options, "choices")


def key(answer: Reading, options: ChoiceOptions) -> str:
    return "|".join(sorted(answer.value))

