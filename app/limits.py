"""One client must not be able to hurt the others.

- A rate limit per token (the `limits` library's moving window, in this process's memory or in Redis shared by
  every replica).
- A cap on the requests grading at once per token and per student: the excess gets 429 with Retry-After.
- A fair share of the grading pool: one token has at most `share` answers in the pool at a time, the rest wait in
  its own queue, so its slow answers can never occupy every worker while other tokens' answers queue behind them.
"""

import logging
import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from app.errors import DomainError
from graders import GradingPool
from graders.options import Mistake
from graders.pool import Outcome, Variant

log = logging.getLogger(__name__)


class TooMany(DomainError):
    status_code = 429

    def __init__(self, detail: str, retry_after: float) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(max(1, math.ceil(retry_after)))}


class RateLimit:
    def __init__(self, spec: str, storage: str = "memory://") -> None:
        self.item: RateLimitItem = parse(spec)
        # wrap_exceptions: a shared store that fails raises StorageError, whatever its client library raises.
        options = {} if storage.startswith("memory://") else {"wrap_exceptions": True}
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage, **options))

    def hit(self, key: str) -> None:
        try:
            if self.limiter.hit(self.item, key):
                return
            reset = self.limiter.get_window_stats(self.item, key).reset_time
        except StorageError:
            # Unreachable shared store: serving without the limit beats refusing every client for it.
            log.exception("the rate-limit store failed; this request is not counted")
            return
        raise TooMany(f"rate limit: at most {self.item} requests with one token; slow down",
                      retry_after=reset - time.time())


@dataclass
class InFlight:
    """How many requests of each key are grading right now, refused over `limit`."""

    limit: int
    what: str
    retry_after: float
    _counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def admit(self, key: str) -> Iterator[None]:
        with self._lock:
            if self._counts[key] >= self.limit:
                raise TooMany(f"{self.what} already has {self.limit} submissions being graded; wait for them",
                              retry_after=self.retry_after)
            self._counts[key] += 1
        try:
            yield
        finally:
            with self._lock:
                self._counts[key] -= 1
                if not self._counts[key]:
                    del self._counts[key]


Waiting = tuple[str, tuple[Any, ...], "Future[Outcome]"]


class FairPool:
    """The grading pool shared fairly between keys (API tokens)."""

    def __init__(self, pool: GradingPool, share: int) -> None:
        self.pool = pool
        self.share = max(1, share)
        self._waiting: dict[str, deque[Waiting]] = defaultdict(deque)
        self._running: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()

    def scoped(self, key: str) -> "ScopedPool":
        return ScopedPool(self, key)

    def submit(self, key: str, method: str, args: tuple[Any, ...]) -> "Future[Outcome]":
        """Call the pool's `method` (grade or grade_question) with `args` once the key's share allows."""
        result: Future[Outcome] = Future()
        with self._lock:
            self._waiting[key].append((method, args, result))
        self._pump(key)
        return result

    def _pump(self, key: str) -> None:
        """Hand the key's waiting answers to the pool while it has fewer than `share` there."""
        while True:
            with self._lock:
                if self._running[key] >= self.share or not self._waiting[key]:
                    if not self._waiting[key]:
                        self._waiting.pop(key, None)
                    return
                method, args, result = self._waiting[key].popleft()
                self._running[key] += 1
            scheduled: Future[Outcome] = getattr(self.pool, method)(*args)
            scheduled.add_done_callback(partial(self._finished, key, result=result))

    def _finished(self, key: str, done: "Future[Outcome]", result: "Future[Outcome]") -> None:
        with self._lock:
            self._running[key] -= 1
            if not self._running[key]:
                del self._running[key]
        result.set_result(done.result())
        self._pump(key)


@dataclass(frozen=True)
class ScopedPool:
    """A GradingPool look-alike (app.services.grading.Grades) whose answers go through one key's fair share."""

    fair: FairPool
    key: str

    def grade(self, kind: str, student: str, reference: object, syntax: str = "auto",
              options: Mapping[str, Any] | None = None) -> "Future[Outcome]":
        return self.fair.submit(self.key, "grade", (kind, student, reference, syntax, options))

    def grade_question(self, question_id: str, answer: str, extra_mistakes: tuple[Mistake, ...] = (),
                       fingerprint: bool = False, variant: Variant = ()) -> "Future[Outcome]":
        return self.fair.submit(self.key, "grade_question", (question_id, answer, extra_mistakes, fingerprint, variant))


class Gate:
    """What every grading request passes: its token's and its student's in-flight caps, then its fair share."""

    def __init__(self, pool: GradingPool, *, per_token: int, per_student: int, share: int) -> None:
        self.fair = FairPool(pool, share)
        self.tokens = InFlight(per_token, "this token", retry_after=pool.timeout)
        self.students = InFlight(per_student, "this student", retry_after=pool.timeout)

    @contextmanager
    def admit(self, token_id: int, student: str | None) -> Iterator[ScopedPool]:
        with self.tokens.admit(str(token_id)):
            if student is None:
                yield self.fair.scoped(str(token_id))
                return
            with self.students.admit(student):
                yield self.fair.scoped(str(token_id))
