"""Per-student variants in the service: the values each student is asked with, and the versions they build.

A student's values are drawn from the assignment's seed (reference.variants); a graded result keeps the values it was
graded with, and every later grade of that result (a regrade, a pending part) uses them, never a new draw.
"""

import json
from collections.abc import Mapping

import reference
from app.errors import Forbidden, Invalid
from app.models import Assignment, PartResult, Submission
from app.schemas import VariantOut, VariantPartOut
from app.security import Caller, Role
from graders.pool import Question, Variant

Values = Mapping[str, int]


def encode(values: Values | None) -> str | None:
    """The stored form: canonical JSON (sorted keys), None for a part with one version."""
    return json.dumps(dict(values), sort_keys=True, separators=(",", ":")) if values else None


def decode(stored: str | None) -> dict[str, int] | None:
    return json.loads(stored) if stored else None


def stored_values(result: PartResult) -> dict[str, int] | None:
    return decode(result.variant)


def as_variant(values: Values | None) -> Variant:
    """What travels to a grading worker: the values as a small sorted tuple (empty: the part as installed)."""
    return tuple(sorted(values.items())) if values else ()


def student_values(assignment: Assignment, student: str) -> dict[str, dict[str, int] | None]:
    """Each part's values for the student, drawn from the assignment's seed (None for a part with one version, and
    for every part when the assignment has no variants)."""
    if not assignment.variants:
        return dict.fromkeys((part.question_id for part in assignment.parts), None)
    return {part.question_id: reference.get_part(part.question_id).draw(assignment.seed, student)
            for part in assignment.parts}


def version(question_id: str, values: Values | None) -> reference.Part:
    """The part as asked with these values."""
    return reference.get_part(question_id).for_values(values)


def asked_version(question_id: str, values: Values | None) -> reference.Part:
    """The part as asked with values an instructor gives (a known mistake's): Invalid naming the parameter and its
    allowed values unless some student can be asked them. Every entry point taking values checks them here."""
    try:
        return reference.get_part(question_id).asked_with(values)
    except (ValueError, ArithmeticError) as error:  # a declared version that fails to build is still not a 500
        raise Invalid(f"values: {error}") from None


def question(question_id: str, variant: Variant) -> Question:
    """The grading workers' builder of a variant's question (graders.pool.install)."""
    part = version(question_id, dict(variant))
    return Question(part.kind, part.reference, part.grading_options(), part.answer)


def check_student(caller: Caller, student: str) -> None:
    if caller.role is Role.student and student != caller.student:
        raise Forbidden(f"student: a student token sees only its own variant ({caller.student!r})")


def student_variant(caller: Caller, assignment: Assignment, student: str) -> VariantOut:
    """Each part as this student is asked it; instructors and admins see its reference answer too."""
    check_student(caller, student)
    drawn = student_values(assignment, student)
    staff = caller.role in (Role.admin, Role.instructor)
    parts = []
    for assignment_part in assignment.parts:
        values = drawn[assignment_part.question_id]
        part = version(assignment_part.question_id, values)
        parts.append(VariantPartOut(question_id=part.id, title=part.title, kind=part.kind, points=assignment_part.points,
                                    prompt=part.prompt, values=values, answer=part.answer if staff else None))
    return VariantOut(assignment_id=assignment.id, student=student, parts=parts)


def versions(submission: Submission) -> dict[str, reference.Part]:
    """Each part of the submission as its student was asked it (the bank's part where it has one version)."""
    return {result.question_id: version(result.question_id, stored_values(result)) for result in submission.parts}


def form_values(text: str) -> dict[str, int] | None:
    """A form's values field (JSON of a cluster's values; empty: every version), or Invalid naming the field."""
    if not text.strip():
        return None
    try:
        found = json.loads(text)
    except ValueError:
        found = None
    if not isinstance(found, dict) or not all(isinstance(k, str) and type(v) is int for k, v in found.items()):
        raise Invalid("values: must be a JSON object of whole numbers, such as a cluster's values")
    return found
