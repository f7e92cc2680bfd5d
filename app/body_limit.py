"""Request bodies over the configured size are refused with 413 before they are read.

Starlette's RequestBodyLimitMiddleware counts the bytes of a body as they stream in (no Content-Length, or a
false one) and FastAPI turns its error into an HTTPException(413) that our handler renders; a declared
Content-Length over the limit is answered here at once, without reading a byte: as JSON like every other API
error, or by `page` (the dashboard's error page for the pages people read) when it returns a response.
"""

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

PageRefusal = Callable[[Scope, str], Response | None]


def too_large_detail(limit: int) -> str:
    return f"request body: larger than the limit of {limit} bytes"


class DeclaredLengthLimit:
    def __init__(self, app: ASGIApp, max_body_size: int, page: PageRefusal | None = None) -> None:
        self.app = RequestBodyLimitMiddleware(app, max_body_size=max_body_size)
        self.limit = max_body_size
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and declared_length(scope) > self.limit:
            detail = too_large_detail(self.limit)
            refused = (self.page and self.page(scope, detail)) or JSONResponse({"detail": detail}, status_code=413)
            refused.headers["Connection"] = "close"
            await refused(scope, receive, send)
            return
        await self.app(scope, receive, send)


def declared_length(scope: Scope) -> int:
    value = Headers(scope=scope).get("content-length", "")
    return int(value) if value.isdigit() else 0
