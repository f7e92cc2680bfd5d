"""Multiple choice: one label or several, separated by commas; partial credit per label when allowed.

A label is recognised whatever its case and punctuation (`No.`), with articles and fillers around
it (`the second one`, `option B`), by its position (`second`, `2nd`), and by the part's synonyms
(options["synonyms"]: label -> other spellings; `yes`/`no` labels know `yep`, `nope`, ...).
"""

import re
from collections.abc import Iterable
from typing import cast

from graders.kinds.base import Reading, Verdict, check_length, overlap_verdict, text_latex, wrong
from graders.options import ChoiceOptions
from graders.parsing import ParseError

Options = ChoiceOptions

MAX_LENGTH = 1000


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_FILLERS = {"a", "an", "the", "option", "choice", "answer", "one", "is", "it", "i", "think", "my"}
_COMMON_SYNONYMS = {"yes": ("y", "yeah", "yep", "true", "correct"), "no": ("n", "nope", "false", "incorrect")}


def _spoken(text: str) -> str:
    """Lower case, punctuation dropped, and fillers dropped while a word remains: `The second one.` -> `second`."""
    words = re.findall(r"[^\W_]+", text.casefold())
    kept = [word for word in words if word not in _FILLERS]
    return " ".join(kept if kept else words)


def _spellings(options: ChoiceOptions) -> dict[str, str]:
    """Every accepted spelling -> its label; a label's own spelling wins over any other."""
    table: dict[str, str] = {}
    for index, label in enumerate(options.choices):
        if index < len(_ORDINALS):
            table.update({_ORDINALS[index]: label, f"{index + 1}{('st', 'nd', 'rd')[index] if index < 3 else 'th'}": label})
        table.update({_spoken(other): label for other in _COMMON_SYNONYMS.get(_spoken(label), ())})
    for label, others in options.synonyms:
        table.update({_spoken(other): label for other in others})
    table.update({_spoken(label): label for label in options.choices})
    return table


def _reordered(table: dict[str, str]) -> dict[str, str]:
    """`only vanishing` for `vanishing only`: the words of a spelling in any order, unless two labels share them."""
    bags: dict[str, set[str]] = {}
    for spelling, label in table.items():
        bags.setdefault(" ".join(sorted(spelling.split())), set()).add(label)
    return {bag: labels.pop() for bag, labels in bags.items() if len(labels) == 1}


def read_student(text: str, syntax: str, options: ChoiceOptions) -> Reading:
    check_length(text, MAX_LENGTH)
    labels = _spellings(options)
    reordered = _reordered(labels)
    picked: set[str] = set()
    position = 0
    for piece in text.replace(";", ",").split(","):
        name = _spoken(_unwrapped(piece))
        label = labels.get(name) or reordered.get(" ".join(sorted(name.split())))
        if name and label is None:
            raise ParseError(f"{piece.strip()!r} is not one of the choices ({', '.join(options.choices)})", position, text)
        if label is not None:
            picked.add(label)
        position += len(piece) + 1
    if not picked:
        raise ParseError("pick at least one of the choices", 0, text)
    shown = ", ".join(sorted(picked))
    return Reading(frozenset(picked), text_latex(shown), shown)


_WRAPPED = re.compile(r"^\\(?:text|textbf|textit|mathrm|mathbf)\{(.*)\}$")


def _unwrapped(piece: str) -> str:
    """A label as written in LaTeX: `$no$`, `\\text{no}`, `\\textbf{no}` are `no`."""
    name = piece.strip().strip("$").strip()
    wrapped = _WRAPPED.match(name)
    return wrapped.group(1) if wrapped else name


def read_reference(reference: object, syntax: str, options: ChoiceOptions) -> Reading:
    chosen = [reference] if isinstance(reference, str) else list(cast(Iterable[str], reference))
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

