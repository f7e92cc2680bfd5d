"""The bank's records: a homework, its parts, and the known mistakes a part recognises."""

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from reference.variants import Parameters, Values, student_key


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
    # A parameterised part (per-student variants, reference.variants): its parameters and how to build it for any
    # values of them; `values` are those this version was built with (the handout's for the bank's own).
    variants: "Variants | None" = field(default=None, compare=False, repr=False)
    values: Mapping[str, int] = field(default_factory=dict)

    def grading_options(self) -> dict[str, Any]:
        """Exactly what the service passes to graders.grade for this part."""
        return {**self.options, "mistakes": [asdict(m) for m in self.mistakes]}

    def draw(self, seed: int, student: str) -> dict[str, int] | None:
        """The student's values of this part's parameters (None: the part has one version for everybody)."""
        return None if self.variants is None else self.variants.draw(seed, student)

    def for_values(self, values: Values | None) -> "Part":
        """This part as asked with `values` (stored with a result, or drawn); itself without parameters or values."""
        if self.variants is None or not values:
            return self
        return self.variants.build(values)

    def asked_with(self, values: Values | None) -> "Part":
        """This part as asked with values given from outside (ValueError unless some student can be asked them)."""
        if values and self.variants is None:
            raise ValueError(f"part {self.id!r} has one version for every student; leave them out")
        if self.variants is None or not values:
            return self
        return self.variants.build(self.variants.parameters.admit(values))


@dataclass(frozen=True)
class Variants:
    """How a parameterised part is drawn and built; parts of a question sharing `key` get the same values."""

    parameters: Parameters
    key: str
    make: Callable[[dict[str, int]], Part] = field(repr=False)
    _built: dict[tuple[tuple[str, int], ...], Part] = field(default_factory=dict, compare=False, repr=False)

    def draw(self, seed: int, student: str) -> dict[str, int]:
        return self.parameters.draw(seed, student_key(self.key, student))

    def build(self, values: Values) -> Part:
        checked = self.parameters.check(values)
        cache_key = tuple(checked.items())
        if cache_key not in self._built:
            if len(self._built) > 1024:  # one version per student value set: keep memory bounded
                self._built.clear()
            self._built[cache_key] = self.make(checked)
        return self._built[cache_key]


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

    def varying(self, question: str, name: str, parameters: Parameters, fields: Callable[..., dict[str, Any]]) -> Part:
        """A parameterised part: `fields(**values)` gives its fields (prompt, answer, reference, mistakes...) for any
        values; the part returned is the handout's (`parameters.document`)."""
        def make(values: dict[str, int]) -> Part:
            return self(question, name, variants=variants, values=values, **fields(**values))

        variants = Variants(parameters, f"{self.homework}/{question}#{parameters.name}", make)
        return variants.build(parameters.document)

    def manual(self, question: str, name: str, *, title: str, prompt: str, points: float, rubric: str) -> Part:
        """A part an instructor grades by the rubric; its `answer` is the rubric's model answer."""
        return self(question, name, title=title, prompt=prompt, kind="manual", points=points,
                    answer=rubric, reference=rubric, rubric=rubric)
