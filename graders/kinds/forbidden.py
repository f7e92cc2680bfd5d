"""A part's `forbidden` names: an answer written with the unknown (or with what makes the question trivial) is refused,
whatever its value. The bank samples such quantities with their true values, so only the name can tell."""

from collections.abc import Iterator

from graders.kinds.base import Reading, Verdict, wrong
from graders.kinds.formula import Formula
from graders.options import CommonOptions


def refusal(answer: Reading, options: CommonOptions) -> Verdict | None:
    """A zero-score verdict naming the first forbidden name the answer uses, if it uses one."""
    if not options.forbidden:
        return None
    uses = {name: spelt for formula in _formulas(answer.value) for name, spelt in formula.uses.items()}
    for entry in options.forbidden:
        if entry.name in uses:
            return wrong(f"Your answer uses {uses[entry.name]}, which may not appear in it: {entry.reason}")
    return None


def _formulas(value: object) -> Iterator[Formula]:
    """The formulas inside a reading's value: one (expression, equation), or several (tuple, matrix)."""
    if isinstance(value, Formula):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _formulas(item)
