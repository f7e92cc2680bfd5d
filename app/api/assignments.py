from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from app.api.deps import AssignmentDep, CallerDep, GateDep, SessionDep, StaffDep, StaffOrLmsDep
from app.schemas import (
    AssignmentOut,
    ExtensionIn,
    ExtensionOut,
    GradebookRow,
    NO_NUL,
    SubmissionIn,
    SubmissionOut,
)
from app.services import assignments, gradebook, submissions, visibility

router = APIRouter(prefix="/api/v1/assignments", tags=["assignments"])


@router.get("/{assignment_id}", response_model=AssignmentOut)
def get_assignment(assignment: AssignmentDep) -> AssignmentOut:
    """One assignment with its parts and closing time."""
    return assignments.to_out(assignment)


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
    student: Annotated[str, Path(min_length=1, max_length=200, pattern=NO_NUL)],
) -> ExtensionOut:
    """Give one student their own deadline; the late policy counts from it."""
    extension = assignments.set_extension(
        session, assignment=assignment, student=student, deadline=extension_in.deadline
    )
    return ExtensionOut.model_validate(extension)


@router.post("/{assignment_id}/submissions", response_model=SubmissionOut, status_code=status.HTTP_201_CREATED)
def create_submission(
    body: SubmissionIn,
    assignment: AssignmentDep,
    session: SessionDep,
    caller: CallerDep,
    gate: GateDep,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> SubmissionOut:
    """Grade and store a submission; the same Idempotency-Key returns the first response and stores nothing new.

    429 with Retry-After when the token or the student already has too many submissions being graded."""
    with gate.admit(caller.token_id, body.student) as pool:
        submission, _created = submissions.create_submission(
            session, pool, caller=caller, assignment=assignment, body=body, idempotency_key=idempotency_key
        )
    return visibility.present(session, caller, assignment, submission)


@router.get("/{assignment_id}/submissions", response_model=list[SubmissionOut])
def list_submissions(
    assignment: AssignmentDep,
    session: SessionDep,
    caller: CallerDep,
    student: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
) -> list[SubmissionOut]:
    """Stored submissions, oldest first; a student token sees only its own."""
    found = submissions.list_submissions(session, caller=caller, assignment=assignment, student=student)
    return [visibility.present(session, caller, assignment, s) for s in found]


@router.get(
    "/{assignment_id}/gradebook",
    response_model=list[GradebookRow],
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with `Accept: text/csv`."}},
)
def get_gradebook(
    assignment: AssignmentDep,
    session: SessionDep,
    caller: StaffOrLmsDep,
    request: Request,
    parts: Annotated[bool, Query(description="Add each part's score (always in the CSV).")] = False,
) -> list[GradebookRow] | Response:
    """One row per student with the effective submission's scores."""
    as_csv = "text/csv" in request.headers.get("accept", "")
    rows = gradebook.gradebook(session, assignment, with_parts=parts or as_csv)
    if as_csv:
        filename = f"assignment-{assignment.id}-gradebook.csv"
        return Response(
            gradebook.to_csv(assignment, rows),
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    return rows
