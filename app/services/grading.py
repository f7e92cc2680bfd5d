"""Grade an assignment's answers against the bank, in the worker pool, all parts at once.

The pool's workers are warmed by `warm_worker` with every bank part, so a grade sends only the part's id, the
answer, the known mistakes the instructor added to this assignment and, for a part with per-student variants, the
student's values (the worker builds that version itself, app.services.variants.question).
"""

import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from functools import partial
from typing import Any, Protocol, TypeGuard

import reference
from app import metrics
from app.config import Settings
from app.models import AssignmentPart
from app.services import variants
from app.services.variants import Values
from graders import GradeResult, GradingPool
from graders.options import CommonOptions, Mistake
from graders.pool import Outcome, Question, Timed, Unfinished, Variant, install

# What the pool needs to grade one answer of a batch: the question, the answer, the extra mistakes, the version.
Asked = tuple[str, str, tuple[Mistake, ...], Variant]


class Grades(Protocol):
    """What grading needs of a pool: the GradingPool itself, or one caller's fair share of it (app.limits)."""

    def grade(self, kind: str, student: str, reference: object, syntax: str = "auto",
              options: Mapping[str, Any] | None = None) -> "Future[Outcome]": ...

    def grade_question(self, question_id: str, answer: str, extra_mistakes: tuple[Mistake, ...] = (),
                       fingerprint: bool = False, variant: Variant = ()) -> "Future[Outcome]": ...


NO_ANSWER = GradeResult(correct=False, score=0.0, feedback="", interpreted=None, error="no answer was submitted")


def bank_questions() -> dict[str, Question]:
    return {
        part.id: Question(part.kind, part.reference, part.grading_options(), part.answer)
        for part in reference.all_parts()
    }


def warm_worker(bank_paths: tuple[str, ...] = ()) -> None:
    """The pool initializer: every grading worker knows and has warmed every bank part, the question packages'
    too, before it takes work."""
    reference.load_packages(bank_paths)  # a worker started by spawn, not fork, has not loaded them
    install(bank_questions(), variants=variants.question)


def make_pool(settings: Settings) -> GradingPool:
    # This process reads the parts too (their kinds and options): `grader worker` and `grader regrade` have no app.
    reference.load_packages(settings.bank_paths)
    return GradingPool(workers=settings.grade_workers, timeout=settings.grade_timeout,
                       wall_timeout=settings.grade_wall_timeout, initializer=partial(warm_worker, settings.bank_paths))


def grading_options(part: reference.Part, assignment_part: AssignmentPart, values: Values | None = None) -> dict[str, Any]:
    """The bank's options (of the version asked with `values`) with the instructor's known mistakes after the bank's
    own (for reading a new mistake, and comparing answers to each other)."""
    options = part.for_values(values).grading_options()
    if added := added_mistakes(assignment_part, values):
        options = {**options, "mistakes": [*options.get("mistakes", []), *added]}
    return options


def added_mistakes(assignment_part: AssignmentPart, values: Values | None = None) -> list[dict[str, Any]]:
    """The known mistakes the instructor added that apply to the version asked with `values`: those for every
    student, and those added for exactly these values (a number wrong for one version may be right for another)."""
    wanted = dict(values) if values else None
    return [{"answer": m["answer"], "feedback": m["feedback"], "score": m.get("score", 0.0)}
            for m in assignment_part.extra_mistakes or [] if m.get("values") in (None, wanted)]


def extra_mistakes(assignment_part: AssignmentPart, values: Values | None = None) -> tuple[Mistake, ...]:
    """The known mistakes the instructor added for this assignment (and version), checked after the bank's own."""
    return CommonOptions.from_mapping({"mistakes": added_mistakes(assignment_part, values)}).mistakes


def grade_answer(pool: Grades, assignment_part: AssignmentPart, answer: str,
                 values: Values | None = None) -> "Future[Outcome]":
    """One answer to one part, as asked with the student's `values`; wrong answers come back with the fingerprint
    that clusters them on the dashboard."""
    kind = reference.get_part(assignment_part.question_id).kind
    started = time.perf_counter()
    future = pool.grade_question(assignment_part.question_id, answer, extra_mistakes(assignment_part, values),
                                 fingerprint=True, variant=variants.as_variant(values))
    future.add_done_callback(lambda done: metrics.observe_grade(kind, time.perf_counter() - started, done.result()))
    return future


def grade_batch(pool: GradingPool, asked: Sequence[Asked]) -> "Future[list[GradeResult] | Unfinished]":
    """Many answers in one task of the pool, wrong ones with their fingerprint; each answer's own time in the worker
    is observed per kind, as a single grade's is (Unfinished: the caller grades them one by one, observed then)."""
    kinds = [reference.get_part(question_id).kind for question_id, *_ in asked]
    graded: Future[list[GradeResult] | Unfinished] = Future()

    def observe(batch: "Future[list[Timed] | Unfinished]") -> None:
        answers = batch.result()
        if isinstance(answers, Unfinished):
            graded.set_result(answers)
            return
        graded.set_result([answer.result for answer in answers])  # first: nothing here may keep a regrade waiting
        for kind, answer in zip(kinds, answers, strict=True):
            metrics.observe_grade(kind, answer.seconds, answer.result)

    pool.grade_questions(asked, fingerprint=True).add_done_callback(observe)
    return graded


def answered(answer: str | None) -> TypeGuard[str]:
    return answer is not None and bool(answer.strip())


def grade_parts(pool: Grades, parts: list[AssignmentPart], answers: Mapping[str, str | None],
                values: Mapping[str, Values | None]) -> dict[str, Outcome]:
    """Schedule every answered part (with the student's values of each), then wait; each future resolves within the
    pool's limits."""
    futures = {
        part.question_id: grade_answer(pool, part, answer, values.get(part.question_id))
        for part in parts
        if answered(answer := answers.get(part.question_id))
    }
    return {p.question_id: futures[p.question_id].result() if p.question_id in futures else NO_ANSWER for p in parts}


def is_pending(outcome: Outcome) -> bool:
    return isinstance(outcome, Unfinished)
