"""`grader bank check`: a package passes when the service would grade each of its parts as its author intends.

The checks are those the seed bank's own tests make (tests/reference/test_bank.py, test_mutations.py), run on any
package: the part is well formed and its id is new, the reference answer scores full marks, each known mistake is
recognised with its feedback and credit, the reference reaches the grading workers intact and in time, every mutant
of the reference that differs from it is refused (the mutation self-test, reference.mutations), and a part with
per-student variants passes the same grading checks for several draws of its values.
"""

import pickle
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from io import BytesIO

import numpy as np

import graders
from graders import GradeResult
from reference.mutations import mutants
from reference.packages import Package, duplicate_ids, structure_problems
from reference.part import Part

# Draws of a parameterised part's values checked besides the handout's own (seeds 0.., one student name).
VARIANT_DRAWS = 8


@dataclass(frozen=True)
class Context:
    package: Package
    time_limit: float  # the service stops a grade after this many seconds (GRADER_GRADE_TIMEOUT)
    # What the checks counted, per part id, for the report (mutants refused, variants checked).
    notes: dict[str, list[str]] = field(default_factory=dict)

    def note(self, part: Part, text: str) -> None:
        self.notes.setdefault(part.id, []).append(text)


@dataclass(frozen=True)
class PartReport:
    part: Part
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


PartCheck = Callable[[Part, Context], Iterable[str]]


def check_package(package: Package, *, alongside: Sequence[Package], time_limit: float) -> list[PartReport]:
    """One report per part; the grading checks run only on parts that are well formed and have a new id."""
    context = Context(package, time_limit)
    malformed: dict[str, list[str]] = {}
    for part, problem in structure_problems(package):
        malformed.setdefault(part.id, []).append(problem)
    for part_id, owners in duplicate_ids([*alongside, package]).items():
        others = sorted({owner.origin for owner in owners} - {package.origin})
        where = f"in {', '.join(others)}" if others else "elsewhere in this package"
        malformed.setdefault(part_id, []).append(f"the id is also defined {where}")
    reports = [(part, tuple(malformed.get(part.id) or _grading_problems(part, context))) for part in package.parts]
    return [PartReport(part, problems, tuple(context.notes.get(part.id, ()))) for part, problems in reports]


def reference_scores_full_marks(part: Part, context: Context) -> Iterator[str]:
    result = yield from _graded(part, part.answer, context, "the reference answer")
    if result is not None and (result.correct, result.score, result.error) != (True, 1.0, None):
        yield f"the reference answer {part.answer!r} is not graded right: it is {_verdict(result)}"


def mistakes_are_recognised(part: Part, context: Context) -> Iterator[str]:
    for index, mistake in enumerate(part.mistakes):
        label = f"known mistake {index} ({mistake.answer!r})"
        result = yield from _graded(part, mistake.answer, context, label)
        recognised = (False, index, mistake.score, mistake.feedback)
        if result is not None and (result.correct, result.mistake, result.score, result.feedback) != recognised:
            yield f"{label} is not recognised: it is {_verdict(result)}"


def reference_reaches_workers(part: Part, context: Context) -> Iterator[str]:
    """Grading runs in worker processes: the reference must reach them as data, pickled, without the package's code."""
    try:
        copy = _PlainUnpickler(BytesIO(pickle.dumps(part.reference)), forbidden=context.package.name).load()
    except Exception as error:  # whatever the reference is made of, say why it cannot travel
        yield f"the reference cannot be sent to a grading worker: {type(error).__name__}: {error}"
        return
    if not _same(copy, part.reference):
        yield "the reference changes when it is pickled for a grading worker"


def mutants_are_refused(part: Part, context: Context) -> Iterator[str]:
    """The mutation self-test: a mutant judged different from the reference (by reference.mutations, without the
    grader) that the grader accepts shows a reference or options too lenient to tell a slip from the answer."""
    try:
        found = mutants(part)
    except KeyError:  # a kind without mutants (equation, matrix): nothing to count
        context.note(part, f"no mutation self-test for kind {part.kind}")
        return
    except Exception as error:  # the part's model or reference cannot be mutated: the reason is the report
        yield f"the mutation self-test could not make mutants: {type(error).__name__}: {error}"
        return
    different = [mutant for mutant in found if mutant.different]
    accepted = []
    for mutant in different:
        result = yield from _graded(part, mutant.answer, context, f"the mutant {mutant.answer!r}")
        if result is not None and result.correct is True:
            accepted.append(f"{mutant.answer!r} ({mutant.how})")
    if accepted:
        yield f"{len(accepted)} of {len(different)} mutants that differ from the reference are accepted: {', '.join(accepted)}"
    context.note(part, f"{len(different)} of {len(found)} mutants differ, {len(different) - len(accepted)} refused")


def variants_are_gradable(part: Part, context: Context) -> Iterator[str]:
    """Each sampled version of a parameterised part scores its own reference answer full and recognises its known
    mistakes; values that cannot be drawn or built are reported with the values."""
    if part.variants is None:
        return
    seen: set[tuple[tuple[str, int], ...]] = {tuple(sorted(part.values.items()))}
    for seed in range(VARIANT_DRAWS):
        try:
            values = part.variants.draw(seed, "bank-check")
            if tuple(sorted(values.items())) in seen:
                continue
            version = part.for_values(values)
        except Exception as error:  # a range without valid values, or a version that cannot be built
            yield f"drawing or building a variant (seed {seed}) raised {type(error).__name__}: {error}"
            return
        seen.add(tuple(sorted(values.items())))
        for problem in [*reference_scores_full_marks(version, context), *mistakes_are_recognised(version, context)]:
            yield f"the variant {values}: {problem}"
    context.note(part, f"{len(seen)} variants gradable")


# Run on each well-formed automatic part, in this order.
PART_CHECKS: list[PartCheck] = [reference_reaches_workers, reference_scores_full_marks, mistakes_are_recognised,
                                mutants_are_refused, variants_are_gradable]


def _grading_problems(part: Part, context: Context) -> list[str]:
    if part.kind == "manual":  # kept for an instructor: nothing is graded automatically
        return []
    return [problem for check in PART_CHECKS for problem in check(part, context)]


def _graded(part: Part, answer: str, context: Context, label: str) -> Generator[str, None, GradeResult | None]:
    """Grade `answer` as the service does (yields the problems; returns the result, None if grading raised)."""
    # CPU time, not wall time: the verdict must not depend on how busy the machine running the check is.
    started = time.process_time()
    try:
        result = graders.grade(part.kind, answer, part.reference, options=part.grading_options())
    except Exception as error:  # an unreadable reference or options: the reason is the report
        yield f"grading {label} raised {type(error).__name__}: {error}"
        return None
    seconds = time.process_time() - started
    if seconds > context.time_limit:
        yield f"grading {label} took {seconds:.1f} s of CPU; the service stops a grade after {context.time_limit:g} s"
    return result


def _verdict(result: GradeResult) -> str:
    if result.error is not None:
        return f"unreadable: {result.error}"
    if result.correct:
        return "graded right" if result.score == 1 else f"graded right with {result.score:g} of the marks"
    if result.mistake is not None:
        return f"graded as known mistake {result.mistake} ({result.score:g}, {result.feedback!r})"
    return f"graded {result.score:g} with the feedback {result.feedback!r}"


def _same(copy: object, original: object) -> bool:
    if isinstance(original, np.ndarray):
        return isinstance(copy, np.ndarray) and np.array_equal(copy, original)
    try:
        return bool(copy == original)
    except ValueError:  # a container of arrays has no truth value: its pickle stands for it
        return pickle.dumps(copy) == pickle.dumps(original)


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles like a worker that never imported the package: its classes and functions are not data."""

    def __init__(self, file: BytesIO, *, forbidden: str) -> None:
        super().__init__(file)
        self.forbidden = forbidden

    def find_class(self, module: str, name: str) -> object:
        if module == self.forbidden or module.startswith(f"{self.forbidden}."):
            raise pickle.UnpicklingError(f"it refers to {module}.{name}, code of the package; use numbers, "
                                         "strings, tuples, NumPy arrays or SymPy objects")
        return super().find_class(module, name)
