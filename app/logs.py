"""Structured logs: one JSON object per line, for `grader serve` (uvicorn's loggers included) and `grader worker`.

What we log at info level names things by id (job, submission, assignment, question) and never carries a token
or a student's answer: those stay in the database, which has its own access rules.
"""

import json
import logging
import logging.config
from datetime import UTC, datetime
from typing import Any

# Attributes every LogRecord has; anything else was passed with `extra=` and becomes a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "color_message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry |= {key: value for key, value in vars(record).items() if key not in _STANDARD}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def config(level: str = "INFO") -> dict[str, Any]:
    """A dictConfig for our loggers and uvicorn's (pass it to uvicorn.run(log_config=...))."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    quiet = {"handlers": ["default"], "level": level, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level},
        "loggers": {"uvicorn": quiet, "uvicorn.error": quiet | {"propagate": False}, "uvicorn.access": quiet},
    }


def setup(level: str = "INFO") -> None:
    logging.config.dictConfig(config(level))
