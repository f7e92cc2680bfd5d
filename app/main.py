"""The FastAPI application: routers per resource, one handler for domain errors, the grading pool in the lifespan."""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from app import metrics
from app.api import assignments, courses, grading, health, jobs, questions, validate
from app.dashboard import routes as dashboard
from app.api.deps import Unauthorized
from app.config import Settings, get_settings
from app.db import get_session
from app.errors import DomainError
from app.jobs import InProcessRunner, session_scope
from app.services.grading import make_pool


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    app.state.grading_pool = make_pool(settings)
    # The queue uses the sessions the requests use (tests override the dependency to point at their database).
    app.state.sessions = session_scope(app.dependency_overrides.get(get_session, get_session))
    runner = InProcessRunner(app.state.sessions, app.state.grading_pool, settings.job_threads)
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
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)


async def unauthorized(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


async def count_requests(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    metrics.observe_request(request.method, response.status_code)
    return response


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Homework grader",
        summary="Grades deep-learning homework answers against NumPy/SymPy reference implementations.",
        lifespan=lifespan,
    )
    app.state.settings = settings or get_settings()
    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(Unauthorized, unauthorized)
    app.middleware("http")(count_requests)
    for module in (health, questions, courses, assignments, validate, grading, jobs, dashboard):
        app.include_router(module.router)
    app.mount("/dashboard/static", StaticFiles(directory=dashboard.STATIC), name="dashboard-static")
    return app
