from typing import Annotated, Literal

from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from app.api.deps import AssignmentDep, CallerDep, GateDep, PoolDep, SessionDep, StaffDep, StaffOrLmsDep
from app.api.json_body import JSONBodyRoute
from app.api.pagination import PageDep, limit_query, one_page
from app.api.responses import RESOURCE, errors
from app.models import Submission
from app.schemas import (
    AssignmentOut,
    ExtensionIn,
    ExtensionOut,
    GradebookRow,
    RegradedOut,
    StudentId,
    SubmissionIn,
    SubmissionOut,
    VariantOut,
)
from app.services import assignments, editing, gradebook, submissions, variants, visibility

router = APIRouter(prefix="/api/v1/assignments", tags=["assignments"], responses=RESOURCE,
                   route_class=JSONBodyRoute)


@router.get("/{assignment_id}", response_model=AssignmentOut)
def get_assignment(assignment: AssignmentDep) -> AssignmentOut:
    """One assignment with its parts and closing time."""
    return assignments.to_out(assignment)


@router.get("/{assignment_id}/variant", response_model=VariantOut)
def get_variant(
    assignment: AssignmentDep,
    caller: CallerDep,
    student: Annotated[StudentId, Query()],
) -> VariantOut:
    """The student's own version of each part (per-student variants): its prompt with the student's values, so the
    LMS shows each student their numbers; instructors and admins also get each reference answer. A student token
    may ask only for itself (403 otherwise)."""
    return variants.student_variant(caller, assignment, student)


@router.post("/{assignment_id}/release", response_model=AssignmentOut)
def release_results(assignment: AssignmentDep, session: SessionDep, caller: StaffDep) -> AssignmentOut:
    """Show students their scores and feedback now (assignments whose feedback policy is 'on_release')."""
    return assignments.to_out(assignments.release_results(session, assignment=assignment))


@router.put("/{assignment_id}/extensions/{student}", response_model=ExtensionOut)
def put_extension(
    extension_in: ExtensionIn,
    assignment: AssignmentDep,
    session: SessionDep,
    caller: StaffOrLmsDep,
    pool: PoolDep,
    student: Annotated[StudentId, Path()],
) -> ExtensionOut:
    """Give one student their own deadline; the late policy counts from it, for submissions already made too."""
    extension, regraded = editing.set_extension(
        session, pool, assignment=assignment, student=student, deadline=extension_in.deadline, by=caller.label
    )
    out = ExtensionOut.model_validate(extension)
    out.regrade = RegradedOut(submissions=regraded.submissions, changed=regraded.changed)
    return out


@router.post("/{assignment_id}/submissions", response_model=SubmissionOut, status_code=status.HTTP_201_CREATED,
             responses=errors(409))
def create_submission(
    body: SubmissionIn,
    assignment: AssignmentDep,
    session: SessionDep,
    caller: CallerDep,
    gate: GateDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> SubmissionOut:
    """Grade and store a submission; the same Idempotency-Key returns the first response, stores nothing new and
    says so with `Idempotent-Replayed: true`.

    429 with Retry-After when the token or the student already has too many submissions being graded."""
    with gate.admit(caller.token_id, body.student) as pool:
        submission, created = submissions.create_submission(
            session, pool, caller=caller, assignment=assignment, body=body, idempotency_key=idempotency_key
        )
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return visibility.present(session, caller, assignment, submission)


@router.get("/{assignment_id}/submissions", response_model=list[SubmissionOut])
def list_submissions(
    assignment: AssignmentDep,
    session: SessionDep,
    caller: CallerDep,
    page: PageDep,
    request: Request,
    response: Response,
    student: Annotated[StudentId | None, Query()] = None,
) -> list[SubmissionOut]:
    """Stored submissions, oldest first; a student token sees only its own. Paginated with `limit` and `cursor`."""
    query = submissions.submissions_query(caller=caller, assignment=assignment, student=student)
    found = one_page(list(session.scalars(limit_query(query, Submission.id, page))), page, request, response)
    return [visibility.present(session, caller, assignment, s) for s in found]


@router.get(
    "/{assignment_id}/gradebook",
    response_model=list[GradebookRow],
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with `Accept: text/csv` or `?format=csv`."}},
)
def get_gradebook(
    assignment: AssignmentDep,
    session: SessionDep,
    caller: StaffOrLmsDep,
    request: Request,
    parts: Annotated[bool, Query(description="Add each part's score (always in the CSV).")] = False,
    format: Annotated[Literal["json", "csv"] | None, Query(description="`csv`: the same as `Accept: text/csv`.")] = None,
) -> list[GradebookRow] | Response:
    """One row per student with the effective submission's scores."""
    as_csv = format == "csv" or (format is None and "text/csv" in request.headers.get("accept", ""))
    rows = gradebook.gradebook(session, assignment, with_parts=parts or as_csv)
    if as_csv:
        filename = f"assignment-{assignment.id}-gradebook.csv"
        return Response(
            gradebook.to_csv(assignment, rows),
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    return rows
