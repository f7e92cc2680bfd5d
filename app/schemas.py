"""Request and response bodies of the JSON API (apart from the ORM models on purpose)."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.late_policy import LatePolicy


# Long enough for a written proof; anything longer is refused before it reaches the grader or the database.
MAX_ANSWER_LENGTH = 20_000
# PostgreSQL text cannot hold U+0000 and no answer needs it: every text a client sends is refused with a 422 naming
# the field if it contains one, rather than failing at the database after grading.
NO_NUL = r"^[^\x00]*$"


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


class CourseIn(BaseModel):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    timezone: str = Field(default="UTC", max_length=64, pattern=NO_NUL, description="An IANA time zone such as America/Toronto.")


class CourseOut(Orm):
    id: int
    code: str
    name: str
    timezone: str


class PartIn(BaseModel):
    question_id: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    points: float | None = Field(default=None, gt=0, le=1000)


class AssignmentIn(BaseModel):
    title: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    deadline: datetime | str = Field(description="ISO 8601; without an offset it is course-local.")
    late_policy: LatePolicy = LatePolicy()
    attempts: Literal["last", "best"] = "last"
    parts: list[PartIn] = Field(min_length=1, max_length=200)


class CoursePatch(BaseModel):
    code: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str | None = Field(default=None, min_length=1, max_length=200, pattern=NO_NUL)
    timezone: str | None = Field(default=None, max_length=64, pattern=NO_NUL,
                                 description="Deadlines already stored keep their instant.")


class AssignmentPatch(BaseModel):
    """Only the fields sent change; a new deadline or late policy regrades the assignment."""

    title: str | None = Field(default=None, min_length=1, max_length=200, pattern=NO_NUL)
    deadline: datetime | str | None = Field(default=None, description="ISO 8601; without an offset it is course-local.")
    late_policy: LatePolicy | None = None
    attempts: Literal["last", "best"] | None = None


class PointsIn(BaseModel):
    points: float = Field(gt=0, le=1000, allow_inf_nan=False)


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
    closes_at: datetime | None
    parts: list[PartOut]


class AssignmentEditOut(AssignmentOut):
    regrade: RegradedOut | None = Field(description="The regrade the edit caused; null when no score could change.")


class ExtensionIn(BaseModel):
    deadline: datetime | str


class ExtensionOut(Orm):
    assignment_id: int
    student: str
    deadline: datetime
    regrade: RegradedOut | None = Field(default=None, description="The student's submissions reassessed.")


class SubmissionIn(BaseModel):
    student: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    answers: dict[str, Annotated[str, Field(max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)]] = Field(max_length=200)
    submitted_at: datetime | None = None


class PartResultOut(Orm):
    question_id: str
    answer: str | None = Field(validation_alias="raw_answer")
    score: float
    max_score: float
    correct: bool | None
    feedback: str = Field(description=FEEDBACK_FORMAT)
    interpreted: str | None
    error: str | None
    graded_by: str | None = None
    comment: str | None = Field(default=None, description="The instructor's comment, in the feedback's format.")


class ScoreChangeOut(Orm):
    question_id: str | None
    at: datetime
    by: str
    why: str
    old: float
    new: float


class SubmissionOut(Orm):
    id: int
    assignment_id: int
    student: str
    submitted_at: datetime
    received_at: datetime
    late_periods: float
    penalty_percent: float
    raw_score: float
    max_score: float
    final_score: float
    parts: list[PartResultOut]
    history: list[ScoreChangeOut]


class GradebookRow(BaseModel):
    student: str
    submission_id: int
    submissions: int
    submitted_at: datetime
    late_periods: float
    penalty_percent: float
    raw_score: float
    max_score: float
    final_score: float
    waiting_parts: int = Field(default=0, description="Parts of this submission that wait for an instructor's grade.")
    provisional: bool = Field(default=False, description="True while a part waits: the scores may still rise.")
    parts: dict[str, float] | None = Field(default=None, description="Each part's score, with `?parts=true`.")


class ValidateIn(BaseModel):
    question_id: str = Field(min_length=1, max_length=200)
    answer: str = Field(max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)


class ValidateOut(BaseModel):
    interpreted: str | None
    error: str | None
