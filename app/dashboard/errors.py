"""Errors on the pages people read are pages: a 403, a 404 or a refused form shows what went wrong and a way
back, never the API's raw `{"detail": ...}`. The JSON API keeps its JSON errors."""

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import Scope

from app.body_limit import too_large_detail
from app.dashboard.templating import page
from app.errors import DomainError

PAGES = ("/dashboard", "/student")
Handler = Callable[[Request, Any], Response | Awaitable[Response]]  # as Starlette stores them
TITLES = {400: "This request cannot be done", 401: "Sign in first", 403: "Not allowed", 404: "Not found",
          409: "Conflict", 413: "Too large", 422: "This form has a mistake", 429: "Too many requests"}


def is_page(request: Request) -> bool:
    return request.url.path.startswith(PAGES) and not request.url.path.startswith("/dashboard/static")


def error_page(request: Request, status_code: int, messages: list[str]) -> Response:
    home = "/student" if request.url.path.startswith("/student") else "/dashboard"
    return page(request, "error.html", status_code, title=TITLES.get(status_code, "Something went wrong"),
                messages=messages, home=home)


def too_large_page(scope: Scope, detail: str) -> Response | None:
    """The 413 of a body declared too large, as a page on the pages people read (None: the API's JSON)."""
    request = Request(scope)
    return error_page(request, 413, [detail]) if is_page(request) else None


def field_message(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
    return f"{where}: {error.get('msg', 'invalid')}"


async def _respond(handler: Handler, request: Request, exc: Exception) -> Response:
    response = handler(request, exc)
    return response if isinstance(response, Response) else await response


def install(app: FastAPI) -> None:
    """Render errors of page routes as pages; call after the API's own handlers are registered."""
    api_domain_error: Handler = app.exception_handlers[DomainError]
    # The API's own 422 names the field without echoing the input (app.main.request_invalid); FastAPI's default
    # would send a student's answer, or megabytes of it, back.
    api_validation_error: Handler = app.exception_handlers.get(RequestValidationError,
                                                                request_validation_exception_handler)
    api_too_large: Handler = app.exception_handlers.get(413, http_exception_handler)
    api_not_allowed: Handler = app.exception_handlers.get(405, http_exception_handler)

    async def domain_error(request: Request, exc: DomainError) -> Response:
        if is_page(request):
            return error_page(request, exc.status_code, [exc.detail])
        return await _respond(api_domain_error, request, exc)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        if is_page(request) and exc.status_code >= 400:
            return error_page(request, exc.status_code, [str(exc.detail)])
        return await http_exception_handler(request, exc)

    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if is_page(request):
            return error_page(request, 422, [field_message(error) for error in exc.errors()])
        return await _respond(api_validation_error, request, exc)

    async def too_large(request: Request, exc: HTTPException) -> Response:
        """A streamed body over the limit (Starlette's counter raises 413, which a status handler catches)."""
        if is_page(request):
            return error_page(request, 413, [too_large_detail(request.app.state.settings.max_body_bytes)])
        response = api_too_large(request, exc)
        return response if isinstance(response, Response) else await response

    async def not_allowed(request: Request, exc: HTTPException) -> Response:
        """A status handler of the API's (its `Allow` lists every method) would otherwise answer pages too."""
        if is_page(request):
            return error_page(request, 405, [str(exc.detail)])
        return await _respond(api_not_allowed, request, exc)

    # Starlette types a handler's exception as Exception, so a handler of a narrower one does not fit its stub
    app.add_exception_handler(DomainError, domain_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(413, too_large)  # type: ignore[arg-type]
    app.add_exception_handler(405, not_allowed)  # type: ignore[arg-type]
