"""The FastAPI application: routers per resource, one handler for domain errors, the grading pool in the lifespan."""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.routing import get_route_path

import reference
from app import metrics
from app.api import assignments, courses, grading, health, jobs, manage, questions, students, tokens, validate
from app.api.deps import Unauthorized
from app.api.responses import document_errors
from app.body_limit import DeclaredLengthLimit, too_large_detail
from app.config import Settings, get_settings
from app.dashboard import editor as dashboard_editor
from app.dashboard import errors as dashboard_errors
from app.dashboard import jobs as dashboard_jobs
from app.dashboard import manage as dashboard_manage
from app.dashboard import routes as dashboard
from app.dashboard import student
from app.dashboard import tokens as dashboard_tokens
from app.dashboard.templating import STATIC
from app.db import get_session
from app.errors import DomainError
from app.headers import SecurityHeaders
from app.jobs import InProcessRunner, session_scope
from app.limits import Gate, RateLimit
from app.retry import RetryOnConflict
from app.services.grading import make_pool


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    app.state.grading_pool = make_pool(settings)
    app.state.gate = Gate(app.state.grading_pool, per_token=settings.grading_per_token,
                          per_student=settings.grading_per_student,
                          share=settings.grading_share or settings.grade_workers - 1)
    # The queue uses the sessions the requests use (tests override the dependency to point at their database).
    app.state.sessions = session_scope(app.dependency_overrides.get(get_session, get_session))
    runner = InProcessRunner(app.state.sessions, app.state.grading_pool, settings.job_threads,
                             retention=settings.job_retention())
    if settings.runs_jobs():
        runner.start()
    try:
        yield
    finally:
        if settings.runs_jobs():
            runner.stop()
        app.state.grading_pool.close()


async def domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def unauthorized(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


# A field name (a question id) is shown back up to this many characters; answers themselves never are.
NAME_SHOWN = 64


def shown(part: str | int) -> str | int:
    """A location part safe to send back: valid UTF-8 (lone surrogates escaped) and short."""
    if isinstance(part, int):
        return part
    text = part.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= NAME_SHOWN else text[: NAME_SHOWN - 3] + "..."


async def request_invalid(_request: Request, exc: Exception) -> JSONResponse:
    """422 with where and what, never the input itself: it may be a student's answer or megabytes of it."""
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": [shown(p) for p in error["loc"]], "msg": error["msg"], "type": error["type"]}
              for error in exc.errors()]
    return JSONResponse({"detail": errors}, status_code=422)


async def method_not_allowed(request: Request, _exc: Exception) -> JSONResponse:
    """405 with every method of the path in `Allow`: FastAPI makes a route per operation, and Starlette's 405
    lists the methods of the first route whose path matched."""
    path = get_route_path(request.scope)
    allowed = ", ".join(sorted({method for route in iter_route_contexts(request.app.routes)
                                if route.methods and route.path_regex.fullmatch(path) for method in route.methods}))
    return JSONResponse({"detail": f"method not allowed: this path answers {allowed}"}, status_code=405,
                        headers={"Allow": allowed})


def too_large(limit: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def refuse(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": too_large_detail(limit)}, status_code=413)

    return refuse


async def count_requests(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    metrics.observe_request(request.method, response.status_code)
    return response


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # The docs' Swagger UI and ReDoc assets are served from the fastapi-offline package, never from a CDN.
    app = FastAPIOffline(
        title="Homework grader",
        summary="Grades deep-learning homework answers against NumPy/SymPy reference implementations.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.rate_limit = RateLimit(settings.rate_limit, settings.rate_limit_storage)
    app.add_exception_handler(RequestValidationError, request_invalid)
    app.add_exception_handler(405, method_not_allowed)
    app.add_exception_handler(413, too_large(settings.max_body_bytes))
    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(Unauthorized, unauthorized)
    # The last added runs first: a declared or streamed body over the limit never reaches the retry's replay, and
    # the request counter sees every status, the 413s and the retry's 503s included.
    app.add_middleware(RetryOnConflict)
    app.add_middleware(DeclaredLengthLimit, max_body_size=settings.max_body_bytes, page=dashboard_errors.too_large_page)
    app.add_middleware(SecurityHeaders)
    app.middleware("http")(count_requests)
    dashboard_errors.install(app)
    for module in (health, questions, courses, assignments, manage, students, tokens, validate, grading, jobs,
                   dashboard, dashboard_manage, dashboard_editor, dashboard_tokens, dashboard_jobs, student):
        app.include_router(module.router)
    app.mount("/dashboard/static", StaticFiles(directory=STATIC), name="dashboard-static")
    # At start, so that a package that does not import stops the service here, never a grade later.
    reference.load_packages(app.state.settings.bank_paths)
    generate = app.openapi
    app.openapi = lambda: document_errors(generate())  # type: ignore[method-assign]
    return app
