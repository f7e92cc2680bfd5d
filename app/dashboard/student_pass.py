"""Who a visitor of the student page is: a signed cookie, started by a student token or by a signed link.

A signed link is what an LMS hands a student ("see your feedback"): it names the course and the student and
expires; opening it starts the same cookie a student token would. Both are signed with the dashboard's secret
under their own salts, so neither can be passed off as the other or as an instructor's session.
"""

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.config import Settings
from app.dashboard import session as dashboard_session

COOKIE = "grader_student"
PATH = "/student"


@dataclass(frozen=True)
class StudentPass:
    student: str
    course_id: int | None  # None: every course (a student token minted without --course)
    token_id: int | None  # the token signed in with; None for a signed link


def _serializer(settings: Settings, purpose: str) -> URLSafeTimedSerializer:
    secret = dashboard_session.serializer(settings).secret_key
    return URLSafeTimedSerializer(secret, salt=f"grader-student-{purpose}")


def make_link(settings: Settings, *, student: str, course_id: int, hours: int) -> tuple[str, datetime]:
    """The signed part of a link to the student page, and when it stops working."""
    expires = int(time.time()) + hours * 3600
    signed = _serializer(settings, "link").dumps({"student": student, "course_id": course_id, "expires": expires})
    return f"{PATH}/link/{signed}", datetime.fromtimestamp(expires, UTC)


def open_link(settings: Settings, signed: str) -> StudentPass | None:
    try:
        data = _serializer(settings, "link").loads(signed)
    except BadSignature:
        return None
    if data["expires"] < time.time():
        return None
    return StudentPass(student=str(data["student"]), course_id=int(data["course_id"]), token_id=None)


def start(response: Response, settings: Settings, visitor: StudentPass, *, secure: bool) -> None:
    value = _serializer(settings, "session").dumps(
        {"student": visitor.student, "course_id": visitor.course_id, "token_id": visitor.token_id})
    # Lax, not Strict: the signed link is opened from the LMS, another site, and must land signed in.
    # Nothing on the student page changes state but signing out.
    response.set_cookie(COOKIE, value, max_age=settings.session_hours * 3600, httponly=True, samesite="lax",
                        secure=secure, path=PATH)


def end(response: Response) -> None:
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="lax")


def read(request: Request, settings: Settings) -> StudentPass | None:
    value = request.cookies.get(COOKIE)
    if not value:
        return None
    try:
        data = _serializer(settings, "session").loads(value, max_age=settings.session_hours * 3600)
    except BadSignature:
        return None
    return StudentPass(student=str(data["student"]), course_id=data["course_id"], token_id=data["token_id"])
