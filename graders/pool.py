"""Grading in worker processes: warm workers, a CPU-time limit per answer, and a typed outcome for "not finished".

Why CPU time: on a busy machine a worker may get a fifth of a core, so a wall-time limit turns correct answers
into timeouts exactly when a class submits. Each answer may spend `timeout` seconds of its own CPU time (an
ITIMER_PROF timer interrupts Python code; RLIMIT_CPU kills a worker stuck in C code, such as a huge power);
that is the answer's fault and grades it wrong. A generous wall-time backstop and a dead worker are ours: the
grade is retried once, and if it still does not finish the outcome is `Unfinished`, never a wrong answer.

Workers start warm: the pool initializer (supplied by the caller, since this library knows no question bank)
calls `install` with the questions, which reads each reference and grades its reference answer once, so the
grammar, vocabularies, NumPy evaluations and sample points are built before the first student's answer. Pebble
runs the initializer in a replacement worker before it takes work. A grade then sends only the question's id,
the answer and the few known mistakes an instructor added.
"""

import logging
import math
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import CancelledError, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from pebble import ProcessExpired, ProcessPool

from graders.fingerprint import key_of
from graders.kinds import kind_module
from graders.kinds.engine import graded
from graders.options import CommonOptions, Mistake
from graders.parsing import ParseError, parse
from graders.result import GradeResult

log = logging.getLogger(__name__)

# Seconds of CPU past the limit before the kernel kills a worker stuck in C code (RLIMIT_CPU counts whole seconds).
KILL_GRACE = 2


@dataclass(frozen=True)
class Question:
    """What a worker needs to grade answers to one question; `answer` (text that scores full marks) warms it."""

    kind: str
    reference: object
    options: Mapping[str, Any]
    answer: str | None = None


@dataclass(frozen=True)
class Unfinished:
    """A grade that did not finish for reasons of ours (an overloaded machine, a dead worker, a grader bug).

    Never a wrong answer: the caller stores the part as pending and grades it again later."""

    reason: str
    retry: bool = True  # False: retrying at once would fail the same way (a bug in the grader or the bank)


Outcome = GradeResult | Unfinished


@dataclass(frozen=True)
class Timed:
    """An answer of a batch: its result and the seconds its grade took in the worker (for latency metrics)."""

    result: GradeResult
    seconds: float

# A version of a question with variants: its parameters' values, sorted by name (hashable, small to send).
Variant = tuple[tuple[str, int], ...]
VariantBuilder = Callable[[str, Variant], Question]
VERSIONS_KEPT = 512
WATCH_SECONDS = 0.5  # how often a pool looks whether pebble gave it up
# Seconds a warm pool may hold waiting tasks with none running before it is taken as stopped: longer than a worker
# that pebble replaced (after an answer overran its CPU time) takes to warm up on a busy machine.
WEDGED_AFTER = 60.0
WARM_UP_ATTEMPTS = 3


class WarmUpFailed(RuntimeError):
    """The grading workers die before they can grade: a pool that would only ever leave answers pending."""


class AnswerTooExpensive(BaseException):
    """Raised in a worker when an answer spent its CPU time. A BaseException so that no `except Exception` in a
    grader swallows it and turns a stopped answer into a verdict."""


class GradingPool:
    def __init__(
        self,
        workers: int = 2,
        timeout: float = 2.0,
        *,
        wall_timeout: float | None = None,
        initializer: Callable[[], None] | None = None,
        wedged_after: float = WEDGED_AFTER,
    ) -> None:
        self.timeout = timeout
        self.wall_timeout = wall_timeout or max(30.0, 10 * timeout)
        self.wedged_after = wedged_after
        self.workers = workers
        self._initializer = initializer
        self._closed = threading.Event()
        self._replacing = threading.Lock()
        # The current pebble pool's unfinished tasks, with when each was scheduled.
        self._inflight: dict[Future[Any], float] = {}
        self._start()
        # Nothing else looks at a pool that broke while no grade was being scheduled; its queued tasks would wait
        # for ever (a request hanging on them, its grading slot never given back).
        threading.Thread(target=self._watch, name="grading-pool-watch", daemon=True).start()

    def _start(self) -> None:
        self._progress = time.monotonic()
        self._pool = ProcessPool(max_workers=self.workers, initializer=start_worker, initargs=(self._initializer,))
        # Done once a worker has finished its initializer: the pool can grade at warm speed.
        self._warm = self._pool.schedule(_ping)

    def _watch(self) -> None:
        while not self._closed.wait(WATCH_SECONDS):
            pool = self._live()
            if self._wedged():
                self._replace(pool, "the grading pool stopped taking work (its workers died holding its task channel)")

    def _wedged(self) -> bool:
        """Warm, with tasks waiting, none running, and nothing started or finished for a while: no worker reads the
        task channel any more (a warm pool with a waiting task starts it at once)."""
        with self._replacing:
            if not self._warm.done() or not self._inflight or any(task.running() for task in self._inflight):
                return False
            return time.monotonic() - max(self._progress, min(self._inflight.values())) > self.wedged_after

    def _track(self, pool: ProcessPool, scheduled: "Future[Any]") -> None:
        with self._replacing:
            replaced = pool is not self._pool
            if not replaced:
                self._inflight[scheduled] = time.monotonic()
        if replaced:  # scheduled on a pool that broke meanwhile: it will never run there
            scheduled.cancel()
        scheduled.add_done_callback(self._untrack)

    def _untrack(self, done: "Future[Any]") -> None:
        with self._replacing:
            self._inflight.pop(done, None)
            self._progress = time.monotonic()

    def _live(self) -> ProcessPool:
        """The pebble pool, or a new one in its place if it broke. Pebble replaces a worker that dies during a task,
        but gives the whole pool up when one dies outside a task (killed while idle, perhaps holding the lock of the
        task channel): every later grade would be pending."""
        pool = self._pool
        if pool.active or self._closed.is_set():
            return pool
        return self._replace(pool, "the grading pool broke (a worker died outside a task)")

    def _replace(self, pool: ProcessPool, why: str) -> ProcessPool:
        """Start a new pool in place of `pool` (once, whoever asks first); the new one warms up before it takes work
        (its initializer runs first). The old pool's unfinished tasks are cancelled: each is retried on the new one."""
        with self._replacing:
            stranded: list[Future[Any]] = []
            if self._pool is pool:
                log.error("%s; starting a new one", why)
                self._start()
                stranded, self._inflight = list(self._inflight), {}
                threading.Thread(target=_dispose, args=(pool,), name="grading-pool-dispose", daemon=True).start()
            live = self._pool
        for task in stranded:
            task.cancel()
        return live

    def grade(
        self,
        kind: str,
        student: str,
        reference: object,
        syntax: str = "auto",
        options: Mapping[str, Any] | None = None,
    ) -> "Future[Outcome]":
        """Grade against any reference (all its options are sent along): for answers compared with each other."""
        return self._submit(grade_any, (kind, student, reference, syntax, options, self.timeout))

    def grade_question(
        self,
        question_id: str,
        answer: str,
        extra_mistakes: tuple[Mistake, ...] = (),
        fingerprint: bool = False,
        variant: Variant = (),
    ) -> "Future[Outcome]":
        """Grade an answer to a question installed in the workers; only its id, the answer and the version's values
        (`variant`, empty for the question as installed) travel.

        With `fingerprint`, a wrong answer that was read carries its fingerprint, from the same reading."""
        return self._submit(grade_installed, (question_id, answer, extra_mistakes, fingerprint, self.timeout, variant))

    def grade_questions(self, items: Sequence[tuple[str, str, tuple[Mistake, ...], Variant]],
                        fingerprint: bool = False) -> "Future[list[Timed] | Unfinished]":
        """Grade many (question id, answer, extra mistakes, version's values) in one task: one round trip to a worker instead of one
        per answer, each answer still under its own CPU-time limit (the wall-time backstop grows with the count) and
        timed on its own. Unfinished if the task did not finish as a whole (a worker died on one of them): grade each
        on its own."""
        result: Future[list[Timed] | Unfinished] = Future()
        try:
            pool = self._live()
            scheduled = pool.schedule(grade_installed_many, args=(tuple(items), fingerprint, self.timeout),
                                      timeout=self.wall_timeout * max(1, len(items)))
        except RuntimeError as error:  # the pool is closing
            result.set_result(Unfinished(f"the grading pool is not running: {error}", retry=False))
            return result
        self._track(pool, scheduled)

        def settle(done: "Future[list[Timed]]") -> None:
            try:
                result.set_result(done.result())
            except Exception as error:  # the backstop, a dead worker, a grader bug: the caller grades one by one
                result.set_result(Unfinished(f"the batch did not finish: {type(error).__name__}"))

        scheduled.add_done_callback(settle)
        return result

    def alive(self) -> bool:
        return self._live().active

    def warm(self) -> bool:
        return _succeeded(self._warm)

    def wait_warm(self, timeout: float | None = None) -> bool:
        """Block until a worker has warmed up (or `timeout` seconds passed); return whether one has. Raises
        WarmUpFailed once WARM_UP_ATTEMPTS pools in a row died warming up (their initializer raised, say)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for _ in range(WARM_UP_ATTEMPTS):
            with self._replacing:
                pool, warming = self._pool, self._warm
            wait((warming,), None if deadline is None else max(0.0, deadline - time.monotonic()))
            if not warming.done() or _succeeded(warming):
                return warming.done()
            self._replace(pool, "the grading workers died while warming up")
        raise WarmUpFailed(f"the grading workers died while warming up, {WARM_UP_ATTEMPTS} times in a row "
                           "(their error is logged above)")

    def close(self) -> None:
        self._closed.set()
        self._pool.stop()
        self._pool.join()

    def _submit(self, task: Callable[..., GradeResult], args: tuple[Any, ...]) -> "Future[Outcome]":
        result: Future[Outcome] = Future()
        self._schedule(task, args, result, retries=1)
        return result

    def _schedule(self, task: Callable[..., GradeResult], args: tuple[Any, ...], result: "Future[Outcome]",
                  retries: int) -> None:
        try:
            pool = self._live()
            scheduled = pool.schedule(task, args=args, timeout=self.wall_timeout)
        except RuntimeError as error:  # the pool is closing, or broke since _live looked at it
            if not self._closed.is_set() and retries > 0:
                self._schedule(task, args, result, retries - 1)
            else:
                result.set_result(Unfinished(f"the grading pool is not running: {error}",
                                             retry=not self._closed.is_set()))
            return
        self._track(pool, scheduled)

        def settle(done: "Future[GradeResult]") -> None:
            outcome = self._outcome(done)
            if isinstance(outcome, Unfinished) and outcome.retry and retries > 0:
                log.warning("grade did not finish (%s); retrying on a warm worker", outcome.reason)
                self._schedule(task, args, result, retries - 1)
            else:
                result.set_result(outcome)

        scheduled.add_done_callback(settle)

    def _outcome(self, done: "Future[GradeResult]") -> Outcome:
        try:
            return done.result()
        except FutureTimeout:
            return Unfinished(f"grading did not finish within {self.wall_timeout:g} s on a busy machine")
        except ProcessExpired as error:
            if error.exitcode == -signal.SIGXCPU:
                return too_expensive(self.timeout)  # stuck in C code past its CPU time: the answer's doing
            log.error("grading worker died: %s", error)
            return Unfinished("the grading worker stopped unexpectedly")
        except (BrokenProcessPool, CancelledError):  # its pool broke: the retry runs on the pool that replaces it
            return Unfinished("the grading workers stopped unexpectedly")
        except Exception:
            # A bug (or a bad reference) must neither hang the request nor score the student 0: logged for us.
            log.exception("grading raised")
            return Unfinished("grading failed on this answer; it was logged for the operators", retry=False)


def _succeeded(future: "Future[Any]") -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _dispose(pool: ProcessPool) -> None:
    pool.stop()
    pool.join()


_STOPPED = "of computing time and was stopped"


def too_expensive(seconds: float) -> GradeResult:
    return GradeResult(correct=False, score=0.0, feedback="Your answer could not be graded.", interpreted=None,
                       error=f"grading this answer took more than {seconds:g} s {_STOPPED}")


def was_stopped(result: GradeResult) -> bool:
    """Whether the answer was stopped at its CPU-time limit (for metrics)."""
    return result.error is not None and result.error.endswith(_STOPPED)


# --- in the worker processes -------------------------------------------------------------------------------

_QUESTIONS: dict[str, tuple[Question, CommonOptions]] = {}
_VARIANTS: list[VariantBuilder] = []


def start_worker(initializer: Callable[[], None] | None) -> None:
    """Pebble's initializer: the CPU-limit machinery, then the caller's warm-up, before any task."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a worker killed by RLIMIT_CPU leaves no core file
    signal.signal(signal.SIGPROF, _out_of_time)
    parse("x")  # builds the grammar (about 40 % of a cold first grade)
    if initializer is not None:
        initializer()


def install(questions: Mapping[str, Question], variants: VariantBuilder | None = None) -> None:
    """Register the questions this worker grades by id, and grade each reference answer once to warm its caches;
    `variants` builds the version of a question for a variant's values when a grade first asks for it."""
    _VARIANTS[:] = [variants] if variants is not None else []
    _version.cache_clear()
    _options.cache_clear()
    for question_id, question in questions.items():
        options = kind_module(question.kind).Options.from_mapping(question.options)
        _QUESTIONS[question_id] = (question, options)
        if question.answer is not None:
            try:
                graded(question.kind, question.answer, question.reference, "auto", options)
            except (ParseError, ValueError):
                log.exception("warming %s failed", question_id)


def grade_installed(question_id: str, answer: str, extra_mistakes: tuple[Mistake, ...], fingerprint: bool,
                    cpu_seconds: float, variant: Variant = ()) -> GradeResult:
    question, _ = _installed(question_id, variant)
    options = _options(question_id, variant, extra_mistakes)
    try:
        with cpu_limit(cpu_seconds):
            result, reading = graded(question.kind, answer, question.reference, "auto", options)
            if fingerprint and reading is not None and result.correct is False:
                result = replace(result, fingerprint=key_of(question.kind, reading, options))
    except AnswerTooExpensive:
        return too_expensive(cpu_seconds)
    return result


def grade_installed_many(items: tuple[tuple[str, str, tuple[Mistake, ...], Variant], ...], fingerprint: bool,
                         cpu_seconds: float) -> list[Timed]:
    return [timed(grade_installed, question_id, answer, mistakes, fingerprint, cpu_seconds, variant)
            for question_id, answer, mistakes, variant in items]


def timed(grade: Callable[..., GradeResult], *args: Any) -> Timed:
    started = time.perf_counter()
    result = grade(*args)
    return Timed(result, time.perf_counter() - started)


def grade_any(kind: str, student: str, reference: object, syntax: str, options: Mapping[str, Any] | None,
              cpu_seconds: float) -> GradeResult:
    opts = kind_module(kind).Options.from_mapping(options)
    try:
        with cpu_limit(cpu_seconds):
            return graded(kind, student, reference, syntax, opts)[0]
    except AnswerTooExpensive:
        return too_expensive(cpu_seconds)


@lru_cache(maxsize=VERSIONS_KEPT)
def _version(question_id: str, variant: Variant) -> tuple[Question, CommonOptions]:
    """The question as asked with these values, built (outside the answer's CPU time) the first time it is graded."""
    if not _VARIANTS:
        raise LookupError(f"{question_id}: a variant was asked for, but this worker was given no variant builder")
    question = _VARIANTS[0](question_id, variant)
    return question, kind_module(question.kind).Options.from_mapping(question.options)


def _installed(question_id: str, variant: Variant) -> tuple[Question, CommonOptions]:
    return _version(question_id, variant) if variant else _QUESTIONS[question_id]


@lru_cache(maxsize=1024)
def _options(question_id: str, variant: Variant, extra_mistakes: tuple[Mistake, ...]) -> CommonOptions:
    # Built once per worker: the bank's options (with 15 KB of samples) are never serialised per grade.
    options = _installed(question_id, variant)[1]
    return replace(options, mistakes=options.mistakes + extra_mistakes) if extra_mistakes else options


@contextmanager
def cpu_limit(seconds: float) -> Iterator[None]:
    """At most `seconds` of this process's CPU time: AnswerTooExpensive in Python code, SIGXCPU in C code."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(usage.ru_utime + usage.ru_stime + seconds) + KILL_GRACE, hard))
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))


def _ping() -> None:
    pass


def _out_of_time(_signum: int, _frame: object) -> None:
    raise AnswerTooExpensive
