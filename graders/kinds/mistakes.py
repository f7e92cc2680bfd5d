"""Known mistakes: wrong answers listed by the part, matched with the same equivalence as the reference."""

from collections.abc import Callable

from graders.kinds.base import Reading
from graders.options import CommonOptions


def matched_mistake(
    answer: Reading, options: CommonOptions, read: Callable[[str], Reading], same: Callable[[Reading, Reading], bool]
) -> int | None:
    """Index of the first known mistake the answer is equivalent to."""
    for index, mistake in enumerate(options.mistakes):
        if same(answer, read(mistake.answer)):
            return index
    return None
