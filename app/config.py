"""Service settings, read once from `GRADER_*` environment variables."""

import os
from functools import lru_cache
from typing import Annotated

from pydantic import field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GRADER_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./grader.db"
    # Question packages of other courses (README, "Question packages"): directories separated by os.pathsep.
    bank_paths: Annotated[tuple[str, ...], NoDecode] = ()
    host: str = "127.0.0.1"
    port: int = 8000
    # Grading is CPU-bound: one worker process per core, each answer stopped after `grade_timeout` seconds.
    grade_workers: int = 2
    grade_timeout: float = 2.0
    # Signs dashboard session cookies; set it in production so sessions survive restarts and replicas agree.
    secret_key: str = ""
    session_hours: int = 8

    @field_validator("database_url")
    @classmethod
    def use_psycopg3(cls, url: str) -> str:
        """A plain `postgresql://` URL would pick psycopg2, which we do not ship."""
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url.removeprefix(prefix)
        return url

    @field_validator("bank_paths", mode="before")
    @classmethod
    def split_paths(cls, value: object) -> object:
        """GRADER_BANK_PATHS is one string, its directories separated as in PATH; empty entries are skipped."""
        return tuple(path for path in value.split(os.pathsep) if path) if isinstance(value, str) else value


@lru_cache
def get_settings() -> Settings:
    return Settings()
