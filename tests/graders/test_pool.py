"""The worker pool: warm workers grading installed questions by id, a CPU-time limit per answer (the answer's
fault: graded wrong), and a typed Unfinished outcome for what is ours (the wall-time backstop, a bug)."""

import contextlib
import hashlib
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import warm_up
from graders import GradeResult, GradingPool, fingerprint
from graders.options import Mistake
from graders.pool import Question, Unfinished, WarmUpFailed, cpu_limit, install, start_worker, too_expensive

# A legitimate grade that takes well over a second of CPU: a question with a million sample points.
SLOW = ("expression", "x^2", "x*x", "auto", {"samples": {"x": [0.5] * 1_000_000}})
SIGMOID = Question("expression", "sigma(z)(1-sigma(z))", {"mistakes": [{"answer": "sigma(z)", "feedback": "derivative?"}]},
                   answer="sigma'(z)")


def install_sigmoid() -> None:
    install({"sigmoid-derivative": SIGMOID})


@pytest.fixture(scope="module")
def pool() -> Iterator[GradingPool]:
    pool = GradingPool(workers=2, timeout=5.0, initializer=install_sigmoid)
    yield pool
    pool.close()


def test_a_normal_grade_resolves_to_its_result(pool: GradingPool) -> None:
    result = pool.grade("expression", "sigma(z)(1-sigma(z))", "sigma'(z)").result(timeout=30)
    assert isinstance(result, GradeResult) and result.correct is True


@pytest.mark.parametrize(
    ("answer", "correct", "feedback"),
    [
        pytest.param("sigma(z)*(1-sigma(z))", True, "Correct.", id="right"),
        pytest.param("sigma(z)", False, "derivative?", id="bank-mistake"),
        pytest.param("1-sigma(z)", False, "late mistake", id="instructor-mistake"),
    ],
)
def test_an_installed_question_is_graded_by_its_id(pool: GradingPool, answer: str, correct: bool, feedback: str) -> None:
    late = (Mistake(answer="1-sigma(z)", feedback="late mistake", score=0.0),)
    result = pool.grade_question("sigmoid-derivative", answer, late).result(timeout=30)
    assert isinstance(result, GradeResult) and (result.correct, result.feedback) == (correct, feedback)


def test_a_wrong_answer_carries_the_fingerprint_of_its_one_reading(pool: GradingPool) -> None:
    result = pool.grade_question("sigmoid-derivative", "2*sigma(z)", fingerprint=True).result(timeout=30)
    assert isinstance(result, GradeResult) and result.correct is False
    assert result.fingerprint == fingerprint("expression", "sigma(z)+sigma(z)", SIGMOID.options) is not None


def test_an_answer_that_spends_its_cpu_time_is_graded_wrong_saying_so() -> None:
    impatient = GradingPool(workers=1, timeout=0.05)
    try:
        result = impatient.grade(*SLOW).result(timeout=60)
    finally:
        impatient.close()
    assert result == too_expensive(0.05)


def test_a_grade_past_the_wall_time_backstop_is_unfinished_not_wrong() -> None:
    # A generous CPU limit and a tiny backstop: what a starved worker on a busy machine looks like.
    starved = GradingPool(workers=1, timeout=60, wall_timeout=0.01)
    try:
        result = starved.grade(*SLOW).result(timeout=60)
        starved.wall_timeout = 30
        after = starved.grade("expression", "x", "x").result(timeout=60)
    finally:
        starved.close()
    assert isinstance(result, Unfinished) and result.retry and "busy" in result.reason
    assert isinstance(after, GradeResult) and after.correct is True  # the replacement worker grades


def test_a_bad_reference_is_unfinished_and_not_retried(pool: GradingPool) -> None:
    result = pool.grade("expression", "x", "x +* 1").result(timeout=30)
    assert isinstance(result, Unfinished) and not result.retry


def test_bad_student_input_comes_back_as_the_parse_error(pool: GradingPool) -> None:
    result = pool.grade("number", "9^9^9^9", 1).result(timeout=30)
    assert isinstance(result, GradeResult) and result.correct is False
    assert result.error is not None and "computing time" not in result.error


def _spin_in_c() -> None:
    start_worker(None)
    with cpu_limit(0.2):
        hashlib.pbkdf2_hmac("sha256", b"x", b"y", 10**9)  # one long C call: no Python handler runs, RLIMIT_CPU stops it


def test_a_worker_stuck_in_c_code_is_killed_by_its_cpu_limit() -> None:
    process = multiprocessing.get_context("fork").Process(target=_spin_in_c)
    process.start()
    process.join(timeout=60)
    assert process.exitcode == -signal.SIGXCPU


def double(question_id: str, variant: tuple[tuple[str, int], ...]) -> Question:
    """The version of "twice" for these values: what a bank's variant builder gives the workers."""
    values = dict(variant)
    return Question("integer", 2 * values["n"], {"mistakes": [{"answer": str(values["n"] + 2), "feedback": "Times."}]})


def install_twice() -> None:
    install({"twice": double("twice", (("n", 3),))}, variants=double)


def test_a_variant_is_graded_against_its_own_version_built_in_the_worker() -> None:
    pool = GradingPool(workers=1, timeout=5.0, initializer=install_twice)
    try:
        mine, installed, theirs = (pool.grade_question("twice", answer, variant=variant).result() for answer, variant in
                                   [("14", (("n", 7),)), ("6", ()), ("6", (("n", 7),))])
        assert (mine.correct, installed.correct, theirs.correct) == (True, True, False)
        mistake = pool.grade_question("twice", "9", variant=(("n", 7),)).result()
        assert (mistake.mistake, mistake.feedback) == (0, "Times.")
    finally:
        pool.close()


def install_sigmoid_and_slow() -> None:
    install({"sigmoid-derivative": SIGMOID, "slow": Question(SLOW[0], SLOW[2], SLOW[4])})


def test_each_answer_of_a_batch_comes_back_with_its_own_time_in_the_worker() -> None:
    """Not the batch's time shared out: a quick answer beside one stopped at its CPU-time limit stays quick."""
    # A limit SLOW always overruns (as in the tests above), and that a warm grade never comes near.
    pool = GradingPool(workers=1, timeout=0.2, initializer=install_sigmoid_and_slow)
    try:
        batch = pool.grade_questions([("sigmoid-derivative", "sigma(z)(1-sigma(z))", (), ()),
                                      ("slow", "x^2", (), ())]).result(timeout=120)
    finally:
        pool.close()
    assert not isinstance(batch, Unfinished), batch
    quick, slow = batch
    assert (quick.result.correct, slow.result) == (True, too_expensive(0.2))
    # Shared out, both would be equal; under load a warm grade's wall time grows, but not to half a stopped one's.
    assert slow.seconds >= 0.2 and quick.seconds < slow.seconds / 2, (quick.seconds, slow.seconds)


def test_a_variant_without_a_builder_is_unfinished_not_wrong(pool: GradingPool) -> None:
    outcome = pool.grade_question("sigmoid-derivative", "x", variant=(("n", 7),)).result()
    assert isinstance(outcome, Unfinished) and not outcome.retry


def children() -> set[int]:
    """This process's child processes, from /proc (a `ps` would be one of them)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):  # a process that ended meanwhile
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid():
                found.add(int(stat.parent.name))
    return found


def test_a_worker_killed_while_idle_does_not_stop_the_pool_from_grading() -> None:
    """Pebble gives a pool up when a worker dies outside a task (an OOM kill of an idle worker): a new pool takes
    its place, so the grades after it are graded, not pending."""
    before = children()
    pool = GradingPool(workers=2, timeout=5.0, initializer=install_sigmoid)
    try:
        assert pool.wait_warm(60)
        time.sleep(1)  # both workers idle, waiting for a task
        for pid in children() - before:
            os.kill(pid, signal.SIGKILL)
        graded = [pool.grade_question("sigmoid-derivative", "sigma(z)(1-sigma(z))").result(timeout=120)
                  for _ in range(3)]
        assert all(isinstance(result, GradeResult) and result.correct for result in graded), graded
        assert pool.alive()
    finally:
        pool.close()


def test_grades_queued_when_every_worker_is_killed_all_come_back_and_none_is_wrong() -> None:
    """A pool whose workers all die (an OOM kill) with grades queued: every grade comes back, graded or unfinished
    (pending, for the queue), none waits for ever (a request hanging on it would keep its grading slot) and none
    is a wrong verdict; the pool grades again afterwards."""
    before = children()
    # Found stopped after 5 s without progress instead of a minute: the test waits for it (the workers warm in 1 s).
    pool = GradingPool(workers=2, timeout=5.0, initializer=install_sigmoid, wedged_after=5.0)
    try:
        assert pool.wait_warm(60)
        queued = [pool.grade_question("sigmoid-derivative", "sigma(z)(1-sigma(z))") for _ in range(300)]
        for pid in children() - before:
            os.kill(pid, signal.SIGKILL)
        outcomes = [future.result(timeout=120) for future in queued]
        assert all(outcome.correct if isinstance(outcome, GradeResult) else outcome.retry for outcome in outcomes)
        after = pool.grade_question("sigmoid-derivative", "sigma(z)(1-sigma(z))").result(timeout=120)
        assert isinstance(after, GradeResult) and after.correct, after
    finally:
        pool.close()


def fail_to_warm_up() -> None:
    raise RuntimeError("the bank cannot be read in this worker")


def test_a_pool_whose_workers_die_warming_up_is_never_warm_and_says_so() -> None:
    """A worker that cannot warm up would leave every answer pending: it is not ready, and waiting for it stops."""
    pool = GradingPool(workers=1, timeout=5.0, initializer=fail_to_warm_up)
    try:
        with pytest.raises(WarmUpFailed, match="died while warming up, 3 times in a row"):
            pool.wait_warm(120)
        assert not pool.warm()
        with pytest.raises(SystemExit, match="grader worker: the grading workers died while warming up"):
            warm_up(pool)
    finally:
        pool.close()
