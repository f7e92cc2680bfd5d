"""Service settings, read once from `GRADER_*` environment variables."""

from functools import lru_cache

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GRADER_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./grader.db"
    host: str = "127.0.0.1"
    port: int = 8000
    # Grading is CPU-bound: one worker process per core, each answer stopped after `grade_timeout` seconds.
    grade_workers: int = 2
    grade_timeout: float = 2.0
    # Signs dashboard session cookies; set it in production so sessions survive restarts and replicas agree.
    secret_key: str = ""
    session_hours: int = 8
    # Proxies whose X-Forwarded-Proto/-For are believed (uvicorn's forwarded_allow_ips): behind a TLS proxy
    # the request is then seen as https and the session cookie is Secure. "*" trusts any (a private network).
    forwarded_allow_ips: str = "127.0.0.1"
    # Larger request bodies are refused with 413 before they are read (200 answers of a few kB fit easily).
    max_body_bytes: int = 2_000_000
    # Per API token: requests per moving window (the `limits` notation), and submissions grading at once.
    rate_limit: str = "1200/minute"
    grading_per_token: int = 16
    grading_per_student: int = 4
    # Answers of one token in the grading pool at once; 0 means one worker fewer than there are, so that a token
    # flooding slow answers always leaves a worker to the others.
    grading_share: int = 0

    @field_validator("database_url")
    @classmethod
    def use_psycopg3(cls, url: str) -> str:
        """A plain `postgresql://` URL would pick psycopg2, which we do not ship."""
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url.removeprefix(prefix)
        return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
