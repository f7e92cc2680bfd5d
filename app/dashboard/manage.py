"""Dashboard pages that manage an assignment: the manual-grading queue (identical answers graded at once, blanks
in one action, rubric buttons, pages that keep the place), the question view, known mistakes deleted, extensions
per student."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

import reference
from app.api.deps import PoolDep, ResourceId, SessionDep, get_assignment, get_submission
from app.dashboard.progress import follow
from app.dashboard.routes import CsrfField, VisitorDep, back_to, bank_parts, check_csrf
from app.dashboard.templating import page
from app.errors import Invalid, NotFound
from app.schemas import MAX_ANSWER_LENGTH, NO_NUL
from app.services import answers, editing, manual, mistakes, queue, regrade
from app.services.clusters import part_clusters

router = APIRouter(prefix="/dashboard", include_in_schema=False)
ANSWERS_PER_PAGE = 100
QuestionFilter = Annotated[str | None, Query(max_length=200)]


def queue_url(assignment_id: int, **params: object) -> str:
    kept = {name: value for name, value in params.items()
            if value not in (None, "", False) and not (name == "page" and value == 1)}
    return f"/dashboard/assignments/{assignment_id}/manual" + (f"?{urlencode(kept)}" if kept else "")


@router.get("/assignments/{assignment_id}/manual", response_class=HTMLResponse)
def manual_queue(request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep,
                 part: QuestionFilter = None, page_number: Annotated[int, Query(alias="page", ge=1)] = 1,
                 anonymous: bool = False) -> Response:
    """Waiting answers of manual parts, identical ones grouped, blanks first, twenty groups a page."""
    assignment = get_assignment(assignment_id, session, visitor.caller)
    bank = bank_parts(assignment)
    shown = queue.page_of(queue.grouped(session, assignment, part), page_number)
    here = {"part": part, "anonymous": anonymous}
    return page(request, "manual.html", visitor=visitor, assignment=assignment, queue=shown, bank=bank, here=here,
                url=lambda **changes: queue_url(assignment.id, **(here | {"page": shown.page} | changes)),
                buttons={g.question_id: queue.rubric_points(bank[g.question_id].rubric, g.max_score)
                         for g in shown.groups},
                manual_parts=[p for p in assignment.parts if bank[p.question_id].kind == "manual"])


@router.post("/assignments/{assignment_id}/manual/grade")
def grade_group(
    assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep,
    question_id: Annotated[str, Form(min_length=1, max_length=200)],
    submission: Annotated[list[int], Form(min_length=1, max_length=5000)],
    score: Annotated[str, Form(max_length=30)] = "", preset: Annotated[str, Form(max_length=30)] = "",
    comment: Annotated[str, Form(max_length=5000, pattern=NO_NUL)] = "",
    part: Annotated[str, Form(max_length=200)] = "", page_number: Annotated[int, Form(alias="page", ge=1)] = 1,
    anonymous: Annotated[bool, Form()] = False, csrf_token: CsrfField = "",
) -> Response:
    """One grade for every answer of a group (a rubric button's points, or the number typed)."""
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    points = points_of(preset or score)
    for submission_id in submission:
        graded = get_submission(submission_id, session, visitor.caller)
        if graded.assignment_id != assignment.id:
            raise Invalid(f"submission {submission_id} is not in assignment {assignment.id}")
        manual.grade_by_hand(session, submission=graded, question_id=question_id, score=points, comment=comment,
                             caller=visitor.caller)
    return back_to(queue_url(assignment.id, part=part, page=page_number, anonymous=anonymous, notice="graded",
                             changed=len(submission)))


def points_of(text: str) -> float:
    try:
        points = float(text)
    except ValueError:
        raise Invalid("score: type the points or press one of the rubric buttons") from None
    if points != points or points in (float("inf"), float("-inf")):
        raise Invalid("score: must be a finite number")
    return points


@router.post("/assignments/{assignment_id}/forget-mistake/{question_id:path}")
def delete_mistake(
    request: Request, assignment_id: ResourceId, question_id: str, session: SessionDep, visitor: VisitorDep,
    answer: Annotated[str, Form(min_length=1, max_length=MAX_ANSWER_LENGTH, pattern=NO_NUL)],
    csrf_token: CsrfField = "",
) -> Response:
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    job = mistakes.remove_known_mistake(session, assignment=assignment, question_id=question_id, answer=answer,
                                        by=visitor.caller.label)
    return follow(request, session, job,
                  f"/dashboard/assignments/{assignment.id}/clusters/{question_id}?notice=mistake-removed")


@router.post("/submissions/{submission_id}/extension")
def set_extension(
    submission_id: ResourceId, session: SessionDep, visitor: VisitorDep, pool: PoolDep,
    deadline: Annotated[str, Form(max_length=40)] = "", remove: Annotated[bool, Form()] = False,
    csrf_token: CsrfField = "",
) -> Response:
    """Give the submission's student their own deadline (course-local), or take it back; reassess their work."""
    check_csrf(visitor, csrf_token)
    submission = get_submission(submission_id, session, visitor.caller)
    assignment = get_assignment(submission.assignment_id, session, visitor.caller)
    if remove:
        regraded = editing.remove_extension(session, pool, assignment=assignment, student=submission.student,
                                            by=visitor.caller.label)
        notice = "extension-removed"
    elif deadline:
        _, regraded = editing.set_extension(session, pool, assignment=assignment, student=submission.student,
                                            deadline=deadline, by=visitor.caller.label)
        notice = "extension"
    else:
        raise Invalid("deadline: choose the student's new deadline")
    return back_to(f"/dashboard/submissions/{submission.id}?notice={notice}&changed={regraded.changed}")


@router.get("/assignments/{assignment_id}/questions/{question_id:path}", response_class=HTMLResponse)
def question_view(request: Request, assignment_id: ResourceId, question_id: str, session: SessionDep,
                  visitor: VisitorDep, pool: PoolDep, verdict: answers.Verdict | None = None,
                  cluster: Annotated[int | None, Query(ge=1, le=10_000)] = None,
                  page_number: Annotated[int, Query(alias="page", ge=1)] = 1) -> Response:
    """Every answer to one part across the class, filterable by verdict and by cluster (its number on the
    clusters page), a hundred a page."""
    assignment = get_assignment(assignment_id, session, visitor.caller)
    part = manual.assignment_part(assignment, question_id)
    among = None
    if cluster is not None:
        found = part_clusters(session, pool, assignment, part)
        if cluster > len(found):
            raise NotFound(f"part {question_id!r} has {len(found)} clusters; there is no cluster {cluster}")
        among = found[cluster - 1].answers
    rows = answers.answers_to(session, assignment, question_id, verdict=verdict, among=among)
    pages = max(1, -(-len(rows) // ANSWERS_PER_PAGE))
    page_number = min(page_number, pages)
    here = {"verdict": verdict, "cluster": cluster}
    return page(request, "question.html", visitor=visitor, assignment=assignment, part=part,
                bank=reference.get_part(question_id), total=len(rows), here=here, page_number=page_number, pages=pages,
                rows=rows[(page_number - 1) * ANSWERS_PER_PAGE:page_number * ANSWERS_PER_PAGE],
                url=lambda **changes: f"?{urlencode({k: v for k, v in (here | changes).items() if v})}")


@router.post("/assignments/{assignment_id}/regrade")
def regrade_assignment(request: Request, assignment_id: ResourceId, session: SessionDep, visitor: VisitorDep,
                       csrf_token: CsrfField = "") -> Response:
    """Regrade every stored answer as a queued job (its progress bar while it runs), then say how many changed."""
    check_csrf(visitor, csrf_token)
    assignment = get_assignment(assignment_id, session, visitor.caller)
    job = regrade.enqueue(session, assignment, by=visitor.caller.label)
    return follow(request, session, job, f"/dashboard/assignments/{assignment.id}?notice=regraded")
