"""Request and response bodies of the JSON API (apart from the ORM models on purpose)."""

import json
import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StringConstraints,
    computed_field,
    field_validator,
    model_validator,
)

from app.late_policy import LatePolicy

# Long enough for a written proof; anything longer is refused before it reaches the grader or the database.
MAX_ANSWER_LENGTH = 20_000
# An assignment has at most this many parts, so a submission never needs more answers.
MAX_ANSWERS = 200
# PostgreSQL text cannot hold U+0000 and no answer needs it: every text a client sends is refused with a 422 naming
# the field if it contains one, rather than failing at the database after grading.
NO_NUL = r"^[^\x00]*$"


def _visible(student: str) -> str:
    """A student id is matched, shown and exported as written: one that differs from another only by an invisible
    or control character, or a space at an end (`demo-student-03\\n`, U+200B), would be a second student who looks
    like the first. U+FFFD is what a path or query that was not UTF-8 decodes to."""
    if student != student.strip():
        raise ValueError("a student id may not start or end with a space")
    for position, char in enumerate(student):
        if char == "\ufffd" or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise ValueError(f"a student id may not contain the invisible or control character U+{ord(char):04X} "
                             f"(at position {position})")
    return student


StudentId = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_visible)]


def _not_a_number(value: object) -> object:
    """pydantic reads a number as seconds since 1970: a client sending 0 for a date means something else."""
    if isinstance(value, int | float):
        raise ValueError("an ISO 8601 date and time was expected (2030-01-01T23:59:00Z), not a number")
    return value


Instant = Annotated[datetime, BeforeValidator(_not_a_number)]


Feedback = Literal["immediate", "after_deadline", "on_release"]


class In(BaseModel):
    """A request body: numbers must be finite, so NaN, Infinity and 1e999 are a 422 naming the field; a field it does
    not have is a 422 naming it (a misspelt field silently ignored would leave the client believing it changed)."""

    model_config = ConfigDict(allow_inf_nan=False, extra="forbid")
FEEDBACK_FORMAT = (
    "For the student. A Markdown subset (paragraphs, *emphasis*, **strong**, `code`, lists; no HTML, links or "
    "images) with LaTeX between `$...$` (inline) or `$$...$$` (display). Escape it as text, then typeset the "
    "LaTeX with KaTeX or MathJax with trust off; never insert it as HTML. For a part that waits for an "
    "instructor it says so; once graded by hand it is the instructor's comment."
)


class Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class QuestionOut(BaseModel):
    id: str
    homework: str
    title: str
    prompt: str
    kind: str
    points: float
    options: dict[str, Any]
    answer: str | None = Field(default=None, description="The reference answer; instructors and admins only.")
    rubric: str | None = None
    parameters: dict[str, list[int]] | None = Field(default=None, description=(
        "A part with per-student variants: each parameter's values a student may be asked with (the prompt here has "
        "the handout's); null for a part with one version."))


class CourseIn(In):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    timezone: str = Field(default="UTC", max_length=64, pattern=NO_NUL, description="An IANA time zone such as America/Toronto.")


class CourseOut(Orm):
    id: int
    code: str
    name: str
    timezone: str


class PartIn(In):
    question_id: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    points: StrictFloat | None = Field(default=None, gt=0, le=1000)


class AssignmentIn(In):
    title: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    deadline: datetime | str = Field(description="ISO 8601; without an offset it is course-local.")
    late_policy: LatePolicy = LatePolicy()
    attempts: Literal["last", "best"] = "last"
    max_attempts: int | None = Field(default=None, ge=1, le=10_000,
                                     description="Submissions a student may make; none: no limit.")
    feedback: Feedback = Field(default="immediate", description=(
        "What a student token's responses show: 'immediate' (scores and feedback now), 'after_deadline' "
        "(scores, correctness and feedback once the student's deadline has passed), 'on_release' (once an "
        "instructor releases them). LMS, instructor and admin tokens always see everything."))
    variants: bool = Field(default=False, description=(
        "Per-student variants: each student is asked the parameterised parts with their own values (drawn from the "
        "assignment's seed and the student id); the LMS shows each student GET .../variant?student=ID. Off: everybody "
        "is asked the bank's prompt."))
    parts: list[PartIn] = Field(min_length=1, max_length=MAX_ANSWERS)


class CoursePatch(In):
    code: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str | None = Field(default=None, min_length=1, max_length=200, pattern=NO_NUL)
    timezone: str | None = Field(default=None, max_length=64, pattern=NO_NUL,
                                 description="Deadlines already stored keep their instant.")


class AssignmentPatch(In):
    """Only the fields sent change; a new deadline or late policy regrades the assignment."""

    @model_validator(mode="before")
    @classmethod
    def variants_are_fixed(cls, data: Any) -> Any:
        if isinstance(data, dict) and "variants" in data:
            raise ValueError("variants: cannot change after the assignment is created (changing it would redraw "
                             "the questions its students were asked)")
        return data

    title: str | None = Field(default=None, min_length=1, max_length=200, pattern=NO_NUL)
    deadline: datetime | str | None = Field(default=None, description="ISO 8601; without an offset it is course-local.")
    late_policy: LatePolicy | None = None
    attempts: Literal["last", "best"] | None = None
    max_attempts: int | None = Field(default=None, ge=1, le=10_000, description="Submissions a student may make.")
    feedback: Feedback | None = Field(default=None, description="What a student token's responses show.")


class PointsIn(In):
    points: StrictFloat = Field(gt=0, le=1000, allow_inf_nan=False)


class RegradedOut(BaseModel):
    submissions: int = Field(description="Submissions the edit regraded.")
    changed: int = Field(description="Of them, how many changed (each change is in their history).")


class PartOut(Orm):
    question_id: str
    points: float


class AssignmentOut(Orm):
    id: int
    course_id: int
    title: str
    deadline: datetime
    late_policy: LatePolicy
    attempts: str
    max_attempts: int | None = None
    feedback: Feedback = "immediate"
    released: bool = False
    variants: bool = False
    closes_at: datetime | None
    parts: list[PartOut]


class AssignmentEditOut(AssignmentOut):
    regrade: RegradedOut | None = Field(description="The regrade the edit caused; null when no score could change.")


class ExtensionIn(In):
    deadline: datetime | str


class ExtensionOut(Orm):
    assignment_id: int
    student: str
    deadline: datetime
    regrade: RegradedOut | None = Field(default=None, description="The student's submissions reassessed.")


class SubmissionIn(In):
    student: StudentId
    answers: dict[
        Annotated[str, Field(max_length=200, pattern=NO_NUL)],
        Annotated[str, Field(max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)],
    ] = Field(max_length=MAX_ANSWERS, description=f"At most {MAX_ANSWERS} answers, one per part of the assignment.")
    submitted_at: Instant | None = None


class PartResultOut(Orm):
    question_id: str
    answer: str | None = Field(validation_alias="raw_answer")
    score: float | None = Field(description="None while the assignment's feedback policy withholds results.")
    max_score: float
    correct: bool | None
    feedback: str | None = Field(description=FEEDBACK_FORMAT + " None while the assignment's feedback policy "
                                 "withholds results.")
    interpreted: str | None
    error: str | None
    graded_by: str | None = None
    comment: str | None = Field(default=None, description="The instructor's comment, in the feedback's format.")
    status: str = Field(default="graded", description="`pending`: not graded yet (our delay, not the answer's).")
    values: dict[str, int] | None = Field(
        default=None, validation_alias="variant",
        description="The values of the part's parameters this student was asked with (per-student variants); null "
                    "for a part with one version.")

    @field_validator("values", mode="before")
    @classmethod
    def _stored_values(cls, stored: object) -> object:
        return json.loads(stored) if isinstance(stored, str) else stored  # stored as canonical JSON text

    @computed_field  # type: ignore[prop-decorator]
    @property
    def pending(self) -> bool:
        return self.status == "pending"


class VariantPartOut(BaseModel):
    question_id: str
    title: str
    kind: str
    points: float
    prompt: str = Field(description="The prompt with the student's values.")
    values: dict[str, int] | None = Field(description="The student's values of the part's parameters; null for a part "
                                                      "with one version.")
    answer: str | None = Field(default=None, description=(
        "The reference answer for these values, for instructor and admin tokens only; null for the LMS and students "
        "(the LMS shows the variant to the student)."))


class VariantOut(BaseModel):
    assignment_id: int
    student: str
    parts: list[VariantPartOut]


class ScoreChangeOut(Orm):
    question_id: str | None
    at: datetime
    by: str
    why: str
    old: float
    new: float


WAITING_PARTS = "Parts that wait for an instructor's grade (hand-graded parts not graded yet); 0 while withheld."


class SubmissionOut(Orm):
    id: int
    assignment_id: int
    student: str
    submitted_at: datetime
    received_at: datetime
    late_periods: float
    penalty_percent: float
    raw_score: float | None
    max_score: float
    final_score: float | None = Field(description="null while parts are pending (`pending_parts`): a total that counts "
                                                  "a part not graded yet as 0 is never given out.")
    pending_parts: int = 0
    parts: list[PartResultOut]
    history: list[ScoreChangeOut]
    withheld: str | None = Field(default=None, description="Why scores are not shown yet (a student token only).")

    @model_validator(mode="after")
    def _no_final_score_while_pending(self) -> "SubmissionOut":
        # An LMS reads final_score from this answer: a pending part counted as 0 would be imported as a grade.
        if self.pending_parts:
            self.final_score = None
        return self

    @computed_field(description="Some parts are not graded yet: the scores are provisional.")  # type: ignore[prop-decorator]
    @property
    def pending(self) -> bool:
        return self.pending_parts > 0

    @computed_field(description=WAITING_PARTS)  # type: ignore[prop-decorator]
    @property
    def waiting_parts(self) -> int:
        if self.withheld:
            return 0
        return sum(part.correct is None and part.status != "pending" for part in self.parts)

    @computed_field(description="The total can still change: parts are pending or wait for an instructor.")  # type: ignore[prop-decorator]
    @property
    def provisional(self) -> bool:
        return self.pending or self.waiting_parts > 0


class GradebookRow(BaseModel):
    student: str
    submission_id: int
    submissions: int
    submitted_at: datetime
    late_periods: float
    penalty_percent: float
    raw_score: float
    max_score: float
    final_score: float | None = Field(description="None while parts are pending: a provisional total is never exported.")
    pending_parts: int = Field(default=0, description="Parts not graded yet for reasons of ours (the queue grades them).")
    waiting_parts: int = Field(default=0, description="Parts of this submission that wait for an instructor's grade.")
    provisional: bool = Field(default=False, description="True while a part waits: the scores may still rise.")
    parts: dict[str, float | None] | None = Field(
        default=None, description="Each part's score, with `?parts=true`; null for a pending part.")


class ValidateIn(In):
    question_id: str = Field(min_length=1, max_length=200)
    answer: str = Field(max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)


class ValidateOut(BaseModel):
    interpreted: str | None
    error: str | None
