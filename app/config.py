"""Service settings, read once from `GRADER_*` environment variables."""

import os
from datetime import timedelta
from functools import lru_cache
from typing import Annotated, Literal

import limits
import limits.storage
from limits.errors import ConfigurationError
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GRADER_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./grader.db"
    # Question packages of other courses (README, "Question packages"): directories separated by os.pathsep.
    bank_paths: Annotated[tuple[str, ...], NoDecode] = ()
    host: str = "127.0.0.1"
    port: int = 8000
    # Grading is CPU-bound: one worker process per core. Each answer may use `grade_timeout` seconds of its own CPU
    # time, so a busy machine does not stop correct answers; `grade_wall_timeout` (default: the larger of 30 s and
    # ten times that) is only a backstop, after which the grade is retried and then stored as pending.
    grade_workers: int = 2
    grade_timeout: float = 2.0
    grade_wall_timeout: float | None = None
    # Whether this server also runs queued jobs (regrades, pending parts). "auto": on SQLite, where no `grader worker`
    # shares the file; on PostgreSQL run `grader worker` processes instead (or set it to true).
    run_jobs: bool | Literal["auto"] = "auto"
    job_threads: int = 1
    # Where a `grader worker` serves its grade metrics for Prometheus (its own grades; the API's /metrics has the
    # API's): off when unset.
    worker_metrics_port: int | None = Field(default=None, ge=1, le=65535)
    # A running job's worker beats every sixth of this; a job without a beat for this long is taken by another
    # worker (its worker died or froze). Longer than a database hiccup, short enough not to stall a regrade.
    job_stale_seconds: float = Field(default=30.0, gt=0)
    # A failed job attempt is tried again after this many seconds times 2 to the number of attempts so far (30 s,
    # 1, 2 and 4 minutes by default), until jobs.MAX_ATTEMPTS attempts have failed and the job is failed for good.
    job_retry_seconds: float = Field(default=15.0, gt=0)
    # Finished jobs (done or failed) are deleted this many hours after they finished, by the runners and workers.
    job_retention_hours: float = 168.0
    log_level: str = "INFO"
    # Signs dashboard session cookies and students' signed links. Required (`grader serve` refuses to start
    # without it) on PostgreSQL and with more than one replica, so that sessions survive restarts and every replica
    # accepts the others'; a demo or a single SQLite process signs with a random key of its own.
    secret_key: str = ""
    # How many API processes serve this database (docker compose --scale api=N): more than one needs secret_key.
    replicas: int = Field(default=1, ge=1)
    session_hours: int = 8
    # Where `grader demo load` / `serve --demo` keep the demo instructor's token between runs (default: beside a
    # SQLite database, else ./.grader-demo-token).
    demo_token_file: str = ""
    # Proxies whose X-Forwarded-Proto/-For are believed (uvicorn's forwarded_allow_ips): behind a TLS proxy
    # the request is then seen as https and the session cookie is Secure. "*" trusts any (a private network).
    forwarded_allow_ips: str = "127.0.0.1"
    # Larger request bodies are refused with 413 before they are read (200 answers of a few kB fit easily).
    max_body_bytes: int = 2_000_000
    # Per API token: requests per moving window (the `limits` notation), and submissions grading at once.
    rate_limit: str = "1200/minute"
    # Where the windows are counted (`limits` storage URI): this process's memory, or `redis://host:6379` shared by
    # every replica, so that a token's limit is the same however many serve it.
    rate_limit_storage: str = "memory://"
    grading_per_token: int = 16
    grading_per_student: int = 4
    # Answers of one token in the grading pool at once; 0 means one worker fewer than there are, so that a token
    # flooding slow answers always leaves a worker to the others.
    grading_share: int = 0

    def missing_secret(self, *, demo: bool) -> str | None:
        """Why this configuration may not sign with a random per-process key, or None when it may."""
        if self.secret_key:
            return None
        if self.replicas > 1:
            return (f"GRADER_SECRET_KEY is required with GRADER_REPLICAS={self.replicas}: with a random key per "
                    "process no replica accepts another's dashboard sessions. Set it (see .env.example).")
        if not demo and not self.database_url.startswith("sqlite"):
            return ("GRADER_SECRET_KEY is required outside demo mode on a database other than SQLite: a random key "
                    "would sign every dashboard session and student link out on each restart. Set it (see "
                    ".env.example), e.g. to the output of `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`.")
        return None

    def job_retention(self) -> timedelta:
        return timedelta(hours=self.job_retention_hours)

    def runs_jobs(self) -> bool:
        return self.database_url.startswith("sqlite") if self.run_jobs == "auto" else bool(self.run_jobs)

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

    @field_validator("rate_limit")
    @classmethod
    def known_rate(cls, spec: str) -> str:
        try:
            limits.parse(spec)
        except ValueError as error:
            raise ValueError(f"not a rate in the limits notation (`1200/minute`): {error}") from error
        return spec

    @field_validator("rate_limit_storage")
    @classmethod
    def known_storage(cls, uri: str) -> str:
        try:
            limits.storage.storage_from_string(uri)  # builds the client only: nothing connects yet
        except ConfigurationError as error:
            raise ValueError(f"not a storage the limits library knows (`memory://`, `redis://host:6379`): {error}") \
                from error
        return uri


@lru_cache
def get_settings() -> Settings:
    return Settings()
