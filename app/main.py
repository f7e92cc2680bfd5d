"""The FastAPI application: routers per resource, one handler for domain errors, the grading pool in the lifespan."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

import reference
from graders import GradingPool
from app.api import assignments, courses, grading, health, manage, questions, students, tokens, validate
from app.dashboard import errors as dashboard_errors, manage as dashboard_manage, routes as dashboard, student
from app.dashboard import editor as dashboard_editor, tokens as dashboard_tokens
from app.dashboard.templating import STATIC
from app.api.deps import Unauthorized
from app.config import Settings, get_settings
from app.errors import DomainError


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    app.state.grading_pool = GradingPool(workers=settings.grade_workers, timeout=settings.grade_timeout)
    try:
        yield
    finally:
        app.state.grading_pool.close()


async def domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)


async def unauthorized(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Homework grader",
        summary="Grades deep-learning homework answers against NumPy/SymPy reference implementations.",
        lifespan=lifespan,
    )
    app.state.settings = settings or get_settings()
    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(Unauthorized, unauthorized)
    dashboard_errors.install(app)
    for module in (health, questions, courses, assignments, manage, students, tokens, validate, grading, dashboard,
                   dashboard_manage, dashboard_editor, dashboard_tokens, student):
        app.include_router(module.router)
    app.mount("/dashboard/static", StaticFiles(directory=STATIC), name="dashboard-static")
    # At start, so that a package that does not import stops the service here, never a grade later.
    reference.load_packages(app.state.settings.bank_paths)
    return app
