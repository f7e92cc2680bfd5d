"""The dashboard's sessions: a row per sign-in, a signed cookie naming it, and the checks around signing in.

The cookie holds a random session id signed with `Settings.secret_key` (or a random key per process when none is
set, so sessions then end with the process); the database keeps only its SHA-256 with the API token's id, the
form CSRF token and the expiry. Signing out deletes the row, so a copied cookie stops working at once, and so does
revoking the token (the row goes with it). The cookie is HttpOnly, SameSite=Strict, Secure when the request came
over HTTPS (behind a TLS proxy: see `Settings.forwarded_allow_ips`), and expires after `Settings.session_hours`.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.models import DashboardSession as SessionRow
from app.models import utcnow

COOKIE = "grader_session"
_PROCESS_SECRET = secrets.token_urlsafe(32)
# A browser tells where a form was submitted from; these values mean "from our own pages" (or typed by hand).
SAME_SITE = frozenset({"same-origin", "none"})


@dataclass(frozen=True)
class DashboardSession:
    token_id: int
    csrf: str


@lru_cache
def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="grader-dashboard-session")


def serializer(settings: Settings) -> URLSafeTimedSerializer:
    return _serializer(settings.secret_key or _PROCESS_SECRET)


def _hashed(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start(db: Session, response: Response, settings: Settings, token_id: int, *, secure: bool) -> None:
    """Store a new session for the token and set its cookie."""
    session_id = secrets.token_urlsafe(32)
    lifetime = timedelta(hours=settings.session_hours)
    db.add(SessionRow(id_hash=_hashed(session_id), token_id=token_id, csrf=secrets.token_urlsafe(24),
                      expires_at=utcnow() + lifetime))
    response.set_cookie(
        COOKIE, serializer(settings).dumps(session_id), max_age=int(lifetime.total_seconds()), httponly=True,
        samesite="strict", secure=secure, path="/dashboard",
    )


def _session_id(request: Request, settings: Settings) -> str | None:
    value = request.cookies.get(COOKIE)
    if not value:
        return None
    try:
        return str(serializer(settings).loads(value, max_age=settings.session_hours * 3600))
    except BadSignature:
        return None


def read(db: Session, request: Request, settings: Settings) -> DashboardSession | None:
    """The session of a valid cookie whose row still exists and has not expired; None otherwise."""
    session_id = _session_id(request, settings)
    if session_id is None:
        return None
    row = db.scalar(select(SessionRow).where(SessionRow.id_hash == _hashed(session_id),
                                             SessionRow.expires_at > utcnow()))
    return DashboardSession(token_id=row.token_id, csrf=row.csrf) if row else None


def end(db: Session, request: Request, response: Response, settings: Settings) -> None:
    """Delete the session on the server (and expired ones with it), and the cookie in the browser."""
    session_id = _session_id(request, settings)
    if session_id is not None:
        db.execute(delete(SessionRow).where(SessionRow.id_hash == _hashed(session_id)))
    db.execute(delete(SessionRow).where(SessionRow.expires_at <= utcnow()))
    response.delete_cookie(COOKIE, path="/dashboard", httponly=True, samesite="strict")


def csrf_matches(expected: str, submitted: str | None) -> bool:
    return submitted is not None and hmac.compare_digest(expected, submitted)


def cross_site(request: Request) -> bool:
    """Whether a form post came from another site (login CSRF), by the browser's Fetch Metadata or Origin.

    Scripts send neither header and are not refused: login CSRF needs a victim's browser."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in SAME_SITE
    origin = request.headers.get("origin")
    return origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}"
