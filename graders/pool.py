"""A hard wall-time limit per answer: grading runs in worker processes that are killed when they overrun."""

import logging
from dataclasses import replace
from collections.abc import Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired, ProcessPool

from graders.fingerprint import fingerprint
from graders.kinds.engine import grade
from graders.result import GradeResult

log = logging.getLogger(__name__)


class GradingPool:
    def __init__(self, workers: int = 2, timeout: float = 2.0) -> None:
        self.timeout = timeout
        self._pool = ProcessPool(max_workers=workers)

    def grade(
        self,
        kind: str,
        student: str,
        reference: object,
        syntax: str = "auto",
        options: Mapping[str, Any] | None = None,
        fingerprint: bool = False,
    ) -> "Future[GradeResult]":
        """A future that always resolves to a GradeResult, within about `timeout` seconds.

        With `fingerprint`, a wrong answer that was read also carries its fingerprint, computed in the same
        time-limited worker because it reads the same hostile text."""
        task = grade_with_fingerprint if fingerprint else grade
        scheduled = self._pool.schedule(task, args=(kind, student, reference, syntax, options), timeout=self.timeout)
        result: Future[GradeResult] = Future()
        scheduled.add_done_callback(lambda done: result.set_result(self._outcome(done)))
        return result

    def close(self) -> None:
        self._pool.stop()
        self._pool.join()

    def _outcome(self, done: "Future[GradeResult]") -> GradeResult:
        try:
            return done.result()
        except FutureTimeout:
            return _failed(f"grading took longer than {self.timeout} s and was stopped")
        except ProcessExpired as error:
            log.error("grading worker died: %s", error)
            return _failed("grading stopped unexpectedly; the answer was not graded")
        except Exception:
            # A bug (or a bad reference) must not hang or crash the request; it is logged for us to fix.
            log.exception("grading raised")
            return _failed("grading failed on this answer; it scored 0 and was logged for the operators")


def grade_with_fingerprint(
    kind: str, student: str, reference: object, syntax: str, options: Mapping[str, Any] | None
) -> GradeResult:
    result = grade(kind, student, reference, syntax, options)
    if result.correct is False and result.error is None:
        return replace(result, fingerprint=fingerprint(kind, student, options))
    return result


def _failed(error: str) -> GradeResult:
    return GradeResult(correct=False, score=0.0, feedback="", interpreted=None, error=error)
