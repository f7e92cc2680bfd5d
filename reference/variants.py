"""Per-student variants: a part's parameters (sizes, strides, counts) drawn for each student.

A parameterised part declares the sensible values of its parameters and builds itself for any values of them:
prompt, answer, reference and known mistakes come from the same NumPy reference as the handout's own numbers. A
student's values are drawn by a NumPy Generator seeded with a hash of (assignment seed, question, student): the same
anywhere, at any time, with nothing stored but the assignment's seed. The service still stores the values it graded
with beside each result, so that a later change of the ranges never changes a stored grade on a regrade.
"""

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

# Draws tried before a parameter space is declared to have no sensible values (a bug of the question).
MAX_DRAWS = 200
Values = Mapping[str, int]


@dataclass(frozen=True)
class Parameters:
    """The parameters of one question, shared by its parts that use the same numbers.

    `ranges`: each parameter's sensible values, in draw order. `document`: the handout's own values (the part as
    the bank lists it). `valid`: values for which the question makes sense (an output size of at least 1, known
    mistakes that differ from the answer); draws that are not valid are drawn again. `name` tells apart independent
    parameter sets of one question."""

    ranges: Mapping[str, Sequence[int]]
    document: Values
    valid: Callable[..., bool] | None = field(default=None, compare=False)
    name: str = ""

    def __post_init__(self) -> None:
        if set(self.document) != set(self.ranges):
            raise ValueError(f"the document's values {sorted(self.document)} must name exactly the parameters "
                             f"{sorted(self.ranges)}")
        if empty := [name for name, choices in self.ranges.items() if not len(choices)]:
            raise ValueError(f"parameters without values: {', '.join(empty)}")

    def draw(self, seed: int, key: str) -> dict[str, int]:
        """The values for this seed and key (question and student): deterministic, within the ranges."""
        digest = hashlib.sha256(f"{seed}\x1f{key}".encode()).digest()
        rng = np.random.default_rng(int.from_bytes(digest[:16], "big"))
        for _ in range(MAX_DRAWS):
            values = {name: int(rng.choice(np.asarray(choices))) for name, choices in self.ranges.items()}
            if self.is_valid(values):
                return values
        raise ValueError(f"no valid values among {MAX_DRAWS} draws of {dict(self.ranges)}")

    def is_valid(self, values: Values) -> bool:
        return self.valid is None or bool(self.valid(**values))

    def check(self, values: Values) -> dict[str, int]:
        """`values` as plain ints naming exactly the parameters (ValueError otherwise); outside the ranges is allowed:
        values stored before the ranges changed must still build their part."""
        if set(values) != set(self.ranges):
            raise ValueError(f"values {sorted(values)} must name exactly the parameters {sorted(self.ranges)}")
        if bad := [name for name, value in values.items() if isinstance(value, bool) or not isinstance(value, int)]:
            raise ValueError(f"parameters {', '.join(bad)} must be whole numbers")
        return {name: int(values[name]) for name in self.ranges}

    def admit(self, values: Values) -> dict[str, int]:
        """Values given from outside (an instructor's known mistake): `check`, then a version some student can be
        asked: the handout's own, or each value among its declared ones and the combination `valid`. ValueError names
        the parameter and the values it may take."""
        checked = self.check(values)
        if checked == dict(self.document):
            return checked
        for name, value in checked.items():
            if value not in self.ranges[name]:
                raise ValueError(f"{name} is {value}; it may be {allowed(self.ranges[name])}")
        if not self.is_valid(checked):
            raise ValueError(f"{', '.join(f'{k}={v}' for k, v in checked.items())}: no student is asked this "
                             "combination (it makes no sensible version of the part)")
        return checked


def allowed(choices: Sequence[int]) -> str:
    """A parameter's declared values for a message: `a..b` when they are every whole number between."""
    ordered = sorted(choices)
    if len(ordered) > 3 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}..{ordered[-1]}"
    return ", ".join(map(str, ordered))


def student_key(question_key: str, student: str) -> str:
    return f"{question_key}\x1f{student}"
