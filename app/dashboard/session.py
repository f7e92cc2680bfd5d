"""The dashboard's signed session cookie and its CSRF token.

The cookie holds the id of the API token the instructor signed in with (never the secret) and a random CSRF
token, signed with `Settings.secret_key` (or a random key per process when none is set, so sessions then end
with the process). It is HttpOnly and SameSite=Strict and expires after `Settings.session_hours`.
"""

import hmac
import secrets
from dataclasses import dataclass
from functools import lru_cache

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.config import Settings

COOKIE = "grader_session"
_PROCESS_SECRET = secrets.token_urlsafe(32)


@dataclass(frozen=True)
class DashboardSession:
    token_id: int
    csrf: str


@lru_cache
def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="grader-dashboard-session")


def serializer(settings: Settings) -> URLSafeTimedSerializer:
    return _serializer(settings.secret_key or _PROCESS_SECRET)


def start(response: Response, settings: Settings, token_id: int, *, secure: bool) -> None:
    value = serializer(settings).dumps({"token_id": token_id, "csrf": secrets.token_urlsafe(24)})
    response.set_cookie(
        COOKIE, value, max_age=settings.session_hours * 3600, httponly=True, samesite="strict", secure=secure,
        path="/dashboard",
    )


def end(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/dashboard", httponly=True, samesite="strict")


def read(request: Request, settings: Settings) -> DashboardSession | None:
    """The session of a valid, unexpired cookie; None otherwise."""
    value = request.cookies.get(COOKIE)
    if not value:
        return None
    try:
        data = serializer(settings).loads(value, max_age=settings.session_hours * 3600)
    except BadSignature:
        return None
    return DashboardSession(token_id=int(data["token_id"]), csrf=str(data["csrf"]))


def csrf_matches(expected: str, submitted: str | None) -> bool:
    return submitted is not None and hmac.compare_digest(expected, submitted)
