"""The bank's records: a homework, its parts, and the known mistakes a part recognises."""

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class KnownMistake:
    answer: str
    feedback: str
    score: float = 0.0


@dataclass(frozen=True)
class Part:
    id: str
    homework: str
    title: str
    prompt: str
    kind: str
    points: float
    answer: str
    reference: object
    options: Mapping[str, Any] = field(default_factory=dict)
    mistakes: tuple[KnownMistake, ...] = ()
    rubric: str | None = None
    # For a part graded at consistent samples of a model: fresh sample rows (count, seed) of that model, so that
    # the mutation self-test can tell mutants apart independently of the grader's own samples.
    model: Callable[[int, int], Any] | None = field(default=None, compare=False, repr=False)

    def grading_options(self) -> dict[str, Any]:
        """Exactly what the service passes to graders.grade for this part."""
        return {**self.options, "mistakes": [asdict(m) for m in self.mistakes]}


@dataclass(frozen=True)
class Homework:
    id: str
    title: str
    source: str
    deadline: str
    late_policy: Mapping[str, Any]
    parts: tuple[Part, ...]


def late_policy(
    percent_per_period: float, period: str, *, rounding: str = "up", close_after_periods: int | None = None,
    grace_minutes: int = 0, min_percent: float = 0, deduct_from: str = "earned",
) -> dict[str, Any]:
    """A late policy in the contract's shape."""
    return {
        "percent_per_period": percent_per_period, "period": period, "rounding": rounding,
        "close_after_periods": close_after_periods, "grace_minutes": grace_minutes,
        "min_percent": min_percent, "deduct_from": deduct_from,
    }


class PartMaker:
    """Builds the parts of one homework so that ids and the homework field stay consistent."""

    def __init__(self, homework: str) -> None:
        self.homework = homework

    def __call__(self, question: str, name: str, **fields: Any) -> Part:
        return Part(id=f"{self.homework}/{question}/{name}", homework=self.homework, **fields)

    def manual(self, question: str, name: str, *, title: str, prompt: str, points: float, rubric: str) -> Part:
        """A part an instructor grades by the rubric; its `answer` is the rubric's model answer."""
        return self(question, name, title=title, prompt=prompt, kind="manual", points=points,
                    answer=rubric, reference=rubric, rubric=rubric)
