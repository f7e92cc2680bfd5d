"""Domain errors carry their HTTP status; one handler in `app.main` renders them as `{"detail": ...}`."""


class DomainError(Exception):
    status_code = 400
    headers: dict[str, str] | None = None

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    status_code = 404


class Forbidden(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409


class Invalid(DomainError):
    """A well-formed request that names something that does not fit (an unknown question, a bad time zone)."""

    status_code = 422


class Unavailable(DomainError):
    """We could not do it now (a queued job failed and will be retried); the request may be sent again later."""

    status_code = 503
