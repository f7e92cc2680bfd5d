"""Response headers that keep pages and grades out of other sites' frames, referrers and caches.

Every dashboard and student-page response (pages, redirects, errors, the CSV) may carry a student's name or grade: no frame may
embed it, no referrer leaks its URL, and no cache keeps it. API responses carry grades too: not cached either.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DASHBOARD = {
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
API = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
# Versioned, public files: cacheable, but never framed or sniffed.
STATIC = {key: value for key, value in DASHBOARD.items() if key != "Cache-Control"}


def headers_for(path: str) -> dict[str, str]:
    if path.startswith("/dashboard/static/"):
        return STATIC
    if path in ("/dashboard", "/student") or path.startswith(("/dashboard/", "/student/")):
        return DASHBOARD
    if path.startswith("/api/"):
        return API
    return {}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        extra = headers_for(scope["path"]) if scope["type"] == "http" else {}
        if not extra:
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)
