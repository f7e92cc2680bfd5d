"""The regrade queue under attack: a class of 320 submissions on two `grader serve` replicas and `grader worker`s on
one PostgreSQL database, on a machine kept busy by two CPU burners.

While an instructor adds a known mistake, changes a part's points and the late policy (each a queued regrade) and
starts more regrades on the other replica, a grader hand-grades parts, students submit new attempts with idempotent
retries to the other replica, and a worker (with its grading processes) is SIGKILLed mid-regrade and replaced.
When the queue is drained, the database and the API must show no lost or corrupted grade.

The scenario runs once (a module fixture records what was sent and seen); each test checks one invariant, so a
failure names what broke. Expected scores are computed here from what was sent, never read back from the service.
"""

import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

import reference
from app.models import Job, PartResult, RegradeRun, ScoreChange, Submission
from benchmarks.servers import GRADER, ROOT, environment, free_port, headers, token, wait_ready
from tests.conftest import postgres_database

# A killed worker's chunk is taken again only after about two minutes (FINDINGS.md), which sets the run time.
pytestmark = [pytest.mark.postgres, pytest.mark.timeout(600)]

STUDENTS = 300
NEW_ATTEMPTS = 24
HAND_GRADES = 60
DRAIN_SECONDS = 150
PAUSE = 20
SMALL_CLASS = 60

JACOBIAN = "csc421-2019-hw4/q3/det-jacobian"   # expression, 2 pt: gains a known mistake
OPERATIONS = "csc421-2019-hw4/q2/operations"   # bigo, 0.5 pt: its points change to 2
EXPLAIN = "csc421-2019-hw4/q1/explain"         # manual, 1 pt: graded by hand
PARTS = [JACOBIAN, OPERATIONS, EXPLAIN]

DEADLINE = datetime(2020, 1, 10, tzinfo=UTC)
LATE_HOURS = [-1, 5, 30, 70]                   # 0, 1, 2 and 3 days late (rounded up)
POLICY = {"percent_per_period": 10, "period": "day", "rounding": "up", "close_after_periods": None}
NEW_POLICY = POLICY | {"percent_per_period": 25}
MISTAKE: dict[str, Any] = {"answer": "\\beta^{D+1}", "feedback": "One factor of beta too many.", "score": 0.5}
NEW_POINTS, OTHER_POINTS = 2.0, 3.0
OTHER_POLICY = POLICY | {"percent_per_period": 30}
SHORT_LIVED: dict[str, Any] = {"answer": "O(H)", "feedback": "Added, then deleted at once.", "score": 0.25}  # a "wrong" answer
ASYNC_CALLS, SYNC_EDITS = 6, 2

# What a student wrote, per part: right, a wrong answer the instructor will add as a known mistake, plain wrong,
# blank.
ANSWERS: dict[str, dict[str, str]] = {
    JACOBIAN: {"right": reference.get_part(JACOBIAN).answer, "mistake": MISTAKE["answer"], "wrong": "D \\beta",
               "blank": ""},
    OPERATIONS: {"right": reference.get_part(OPERATIONS).answer, "mistake": "O(G D H)", "wrong": "O(H)",
                 "blank": ""},
    EXPLAIN: {"right": "Both gates are closed, so nothing flows back.", "mistake": "No idea.", "wrong": "It grows.",
              "blank": ""},
}
ASYNC = {"Prefer": "respond-async"}
# One client for every thread: a client per request would build a TLS context each time, CPU the machine lacks.
HTTP = httpx.Client(timeout=300, limits=httpx.Limits(max_connections=32))


@dataclass
class Sent:
    """What the scenario sent and saw; the tests compare the service's state with it."""

    categories: dict[int, dict[str, str]] = field(default_factory=dict)   # submission id -> part -> category
    late_hours: dict[int, int] = field(default_factory=dict)
    initial: dict[int, dict[str | None, float]] = field(default_factory=dict)  # part scores and final at creation
    hand: dict[tuple[int, str], float] = field(default_factory=dict)           # the last hand grade answered 200
    async_answers: list[httpx.Response] = field(default_factory=list)          # every Prefer: respond-async answer
    sync_regrades: list[httpx.Response] = field(default_factory=list)
    edits: list[httpx.Response] = field(default_factory=list)
    retries: list[tuple[httpx.Response, httpx.Response]] = field(default_factory=list)
    progress: dict[int, list[tuple[str, int, int | None]]] = field(default_factory=dict)  # API GET /jobs/{id}
    dashboard: dict[int, list[dict[str, Any]]] = field(default_factory=dict)              # progress.json
    dashboard_pages: list[tuple[int, int, str]] = field(default_factory=list)
    killed_during: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    drained: bool = False
    workers: list[Any] = field(default_factory=list)  # the live `grader worker` processes
    points: dict[str, float] = field(default_factory=dict)       # the final settings, read back once drained
    percent: float = 0.0
    mistakes: dict[str, dict[str, float]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    assignment: int = 0


# ---------------------------------------------------------------- processes


@contextmanager
def spawn(args: list[str], url: str, log: Any = subprocess.DEVNULL, **settings: Any) -> Iterator[subprocess.Popen[bytes]]:
    """A process in its own group, so that the whole group (a worker and its grading processes) can be killed."""
    process = subprocess.Popen(["nice", "-n", "5", *args], env=environment(url, **settings), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    try:
        yield process
    finally:
        kill_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            kill_group(process, signal.SIGKILL)
            process.wait()


def kill_group(process: subprocess.Popen[bytes], sig: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


@contextmanager
def replica(url: str) -> Iterator[str]:
    port = free_port()
    with tempfile.TemporaryFile("w+") as log, spawn([GRADER, "serve", "--port", str(port)], url, log, run_jobs=False,
                                                    grade_workers=1, rate_limit="1000000/minute") as process:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base, process, 150, log)  # type: ignore[arg-type]  # bytes or text: only its exit is read
        yield base


def queue_worker(url: str) -> Any:
    return spawn([GRADER, "worker", "--concurrency", "1", "--grading-workers", "1"], url)


@contextmanager
def burners(count: int = 2) -> Iterator[None]:
    """CPU-burning processes: the machine is busy while the queue works."""
    spinning = [subprocess.Popen(["python3", "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for process in spinning:
            process.kill()
            process.wait()


# ---------------------------------------------------------------- the scenario


def expected_part(question_id: str, answer: str, points: float, mistakes: dict[str, float]) -> float:
    """The score of an answer under the final settings; `mistakes` are the assignment's own (answer -> credit)."""
    if question_id == EXPLAIN or answer == "":
        return 0.0
    if answer == ANSWERS[question_id]["right"]:
        return points
    return points * mistakes.get(answer, 0.0)


def submit(client: httpx.Client, base: str, admin: dict[str, str], assignment: int, student: str,
           categories: dict[str, str], late: int, key: str) -> httpx.Response:
    body = {"student": student, "submitted_at": (DEADLINE + timedelta(hours=late)).isoformat(),
            "answers": {q: ANSWERS[q][c] for q, c in categories.items()}}
    return client.post(f"{base}/api/v1/assignments/{assignment}/submissions", json=body,
                       headers=admin | {"Idempotency-Key": key}, timeout=120)


def record(sent: Sent, response: httpx.Response, categories: dict[str, str], late: int) -> None:
    assert response.status_code == 201, response.text
    body = response.json()
    sent.categories[body["id"]] = categories
    sent.late_hours[body["id"]] = late
    sent.initial[body["id"]] = {p["question_id"]: p["score"] for p in body["parts"]} | {None: body["final_score"]}


def submit_class(bases: list[str], admin: dict[str, str], sent: Sent) -> None:
    rng = random.Random(421)
    plans = [(f"s{n:03d}", {q: rng.choice(list(ANSWERS[q])) for q in PARTS}, rng.choice(LATE_HOURS))
             for n in range(STUDENTS)]
    lock = threading.Lock()

    def one(index: int) -> None:
        student, categories, late = plans[index]
        response = submit(HTTP, bases[index % 2], admin, sent.assignment, student, categories, late,
                          f"first-{student}")
        with lock:
            record(sent, response, categories, late)

    with ThreadPoolExecutor(8) as threads:
        list(threads.map(one, range(STUDENTS)))


def instructor(bases: list[str], admin: dict[str, str], sent: Sent) -> None:
    """The changes that regrade: on both replicas, async and waiting, some of them at the same moment."""
    a, b = bases
    assignment = f"/api/v1/assignments/{sent.assignment}"

    def call(method: str, url: str, *, prefer: bool, **body: Any) -> None:
        answer = HTTP.request(method, url, headers=admin | (ASYNC if prefer else {}), **body)
        (sent.async_answers if prefer else sent.sync_regrades if url.endswith("/regrade") else sent.edits
         ).append(answer)

    def together(*calls: tuple[Any, ...]) -> None:
        with ThreadPoolExecutor(len(calls)) as threads:
            for future in [threads.submit(call, *c[:2], prefer=c[2], **c[3]) for c in calls]:
                future.result()

    call("POST", f"{a}{assignment}/parts/{JACOBIAN}/mistakes", prefer=True, json=MISTAKE)
    together(("PATCH", f"{b}{assignment}/parts/{OPERATIONS}", False, {"json": {"points": NEW_POINTS}}),
             ("PATCH", f"{a}{assignment}/parts/{OPERATIONS}", True, {"json": {"points": OTHER_POINTS}}))
    call("POST", f"{b}{assignment}/parts/{OPERATIONS}/mistakes", prefer=True, json=SHORT_LIVED)
    call("DELETE", f"{a}{assignment}/parts/{OPERATIONS}/mistakes", prefer=True,
         params={"answer": SHORT_LIVED["answer"]})
    together(("PATCH", f"{a}{assignment}", True, {"json": {"late_policy": NEW_POLICY}}),
             ("PATCH", f"{b}{assignment}", False, {"json": {"late_policy": OTHER_POLICY}}))
    together(("POST", f"{b}{assignment}/regrade", True, {}), ("POST", f"{a}{assignment}/regrade", False, {}))


def hand_grader(bases: list[str], admin: dict[str, str], sent: Sent, targets: list[int]) -> None:
    """Hand grades one after another, so that 'the last one answered' is well defined per part."""
    rng = random.Random(14)
    for number in range(HAND_GRADES):
        submission, question_id = rng.choice(targets), rng.choice([EXPLAIN, EXPLAIN, JACOBIAN])
        score = rng.choice([0.0, 0.5, 1.0]) * (2 if question_id == JACOBIAN else 1)
        response = HTTP.put(f"{bases[number % 2]}/api/v1/submissions/{submission}/parts/{question_id}/grade",
                            json={"score": score, "comment": f"hand {number}"}, headers=admin)
        if response.status_code == 200:
            sent.hand[(submission, question_id)] = score
        else:
            sent.errors.append(f"hand grade {number}: {response.status_code} {response.text[:200]}")


def new_attempts(bases: list[str], admin: dict[str, str], sent: Sent) -> None:
    rng = random.Random(7)
    lock = threading.Lock()

    def one(number: int) -> None:
        student = f"s{rng.randrange(STUDENTS):03d}"
        categories = {q: rng.choice(list(ANSWERS[q])) for q in PARTS}
        late = rng.choice(LATE_HOURS)
        first, other = (bases[0], bases[1]) if number % 2 else (bases[1], bases[0])
        response = submit(HTTP, first, admin, sent.assignment, student, categories, late, f"again-{number}")
        retry = submit(HTTP, other, admin, sent.assignment, student, categories, late, f"again-{number}")
        with lock:
            record(sent, response, categories, late)
            sent.retries.append((response, retry))

    with ThreadPoolExecutor(3) as threads:
        list(threads.map(one, range(NEW_ATTEMPTS)))


def running_chunk(database: Engine, timeout: float = 90) -> list[tuple[Any, ...]]:
    deadline = time.monotonic() + timeout
    with Session(database) as session:
        while time.monotonic() < deadline:
            running = session.scalars(select(Job).where(Job.status == "running", Job.parent_id.is_not(None))).all()
            if running:
                return [(j.id, j.task, j.done, j.total, j.worker, j.attempts) for j in running]
            session.rollback()
            time.sleep(0.05)
    return []


def kill_a_worker_mid_regrade(database: Engine, workers: list[Any], url: str, stack: ExitStack, sent: Sent) -> None:
    """Once a regrade chunk is running, SIGKILL the first worker's whole process group and start another worker;
    at the next running chunk, freeze the second worker (SIGSTOP) for PAUSE seconds, then let it go on."""
    sent.killed_during["kill"] = running_chunk(database)
    kill_group(workers[0], signal.SIGKILL)
    killed_at = time.monotonic()
    workers[0].wait()
    workers.append(stack.enter_context(queue_worker(url)))
    threading.Thread(target=time_the_takeover, args=(database, sent, killed_at), daemon=True).start()
    time.sleep(1)
    sent.killed_during["pause"] = running_chunk(database)
    kill_group(workers[1], signal.SIGSTOP)
    time.sleep(PAUSE)
    kill_group(workers[1], signal.SIGCONT)


def time_the_takeover(database: Engine, sent: Sent, killed_at: float) -> None:
    """How long the chunk of the killed worker waits before another worker takes it (for FINDINGS.md)."""
    job_id, worker = sent.killed_during["kill"][0][0], sent.killed_during["kill"][0][4]
    with Session(database) as session:
        while time.monotonic() - killed_at < DRAIN_SECONDS:
            job = session.get(Job, job_id)
            if job is None or job.worker != worker or job.status == "done":
                sent.killed_during["taken again after s"] = round(time.monotonic() - killed_at, 1)
                return
            session.rollback()
            session.expire_all()
            time.sleep(0.5)


def watch_progress(bases: list[str], admin: dict[str, str], database: Engine, sent: Sent,
                   stop: threading.Event) -> None:
    """Follow every regrade job (not its chunks) through the API of alternating replicas and the dashboard."""
    dashboard = httpx.Client(base_url=bases[1], timeout=30)
    signed = dashboard.post("/dashboard/sign-in", data={"token": admin["Authorization"].removeprefix("Bearer ")})
    if signed.status_code not in (200, 303):
        sent.errors.append(f"dashboard sign-in: {signed.status_code}")
    api = HTTP
    turn = 0
    while True:
        finishing = stop.is_set()
        with Session(database) as session:
            ids = session.scalars(select(Job.id).where(Job.parent_id.is_(None), Job.task.like("%regrade%"))).all()
        for job_id in ids:
            turn += 1
            answer = api.get(f"{bases[turn % 2]}/api/v1/jobs/{job_id}", headers=admin)
            if answer.status_code == 200:
                body = answer.json()
                sent.progress.setdefault(job_id, []).append((body["status"], body["done"], body["total"]))
            json_answer = dashboard.get(f"/dashboard/jobs/{job_id}/progress.json")
            if json_answer.status_code == 200:
                sent.dashboard.setdefault(job_id, []).append(json_answer.json())
            page = dashboard.get(f"/dashboard/jobs/{job_id}")
            sent.dashboard_pages.append((job_id, page.status_code, page.text[:4000]))
        if finishing:
            break
        time.sleep(0.1)
    dashboard.close()


def drain(database: Engine, sent: Sent) -> None:
    deadline = time.monotonic() + DRAIN_SECONDS
    with Session(database) as session:
        while time.monotonic() < deadline:
            if not session.scalars(select(Job.id).where(Job.status.in_(["queued", "running"]))).first():
                sent.drained = True
                return
            session.rollback()
            time.sleep(0.25)


@pytest.fixture(scope="module")
def database() -> Iterator[Engine]:
    with postgres_database() as engine:
        yield engine


@pytest.fixture(scope="module")
def scenario(database: Engine) -> Iterator[tuple[Sent, list[str], dict[str, str]]]:
    url = database.url.render_as_string(hide_password=False).replace("+psycopg", "", 1)
    sent = Sent()
    began = time.monotonic()

    def mark(phase: str) -> None:
        sent.timings[phase] = round(time.monotonic() - began, 1)
        print(f"{phase} after {sent.timings[phase]} s", file=sys.stderr, flush=True)

    with ExitStack() as stack:
        with ThreadPoolExecutor(2) as starting:
            starts = [starting.submit(stack.enter_context, replica(url)) for _ in range(2)]
            bases = [s.result() for s in starts]
        mark("replicas ready")
        workers = [stack.enter_context(queue_worker(url)) for _ in range(2)]
        admin = headers(token(url))
        sent.assignment = make_assignment(bases[0], admin)
        submit_class(bases, admin, sent)
        mark("class submitted")
        stack.enter_context(burners())  # from here on the machine is busy: the queue's work happens under load
        targets = sorted(sent.categories)[: STUDENTS // 3]

        stop = threading.Event()
        watcher = threading.Thread(target=watch_progress, args=(bases, admin, database, sent, stop))
        watcher.start()
        with ThreadPoolExecutor(4) as threads:
            running = [threads.submit(instructor, bases, admin, sent),
                       threads.submit(hand_grader, bases, admin, sent, targets),
                       threads.submit(new_attempts, bases, admin, sent),
                       threads.submit(kill_a_worker_mid_regrade, database, workers, url, stack, sent)]
            for future in running:
                future.result()
        mark("changes answered")
        drain(database, sent)
        mark("drained")
        stop.set()
        watcher.join()
        read_final_settings(bases[0], admin, sent)
        sent.workers = [w for w in workers if w.poll() is None]
        print("timings", sent.timings, "killed during", sent.killed_during)
        yield sent, bases, admin


def read_final_settings(base: str, admin: dict[str, str], sent: Sent) -> None:
    assignment = HTTP.get(f"{base}/api/v1/assignments/{sent.assignment}", headers=admin, timeout=60).json()
    sent.points = {p["question_id"]: p["points"] for p in assignment["parts"]}
    sent.percent = assignment["late_policy"]["percent_per_period"]
    for question_id in PARTS:
        known = HTTP.get(f"{base}/api/v1/assignments/{sent.assignment}/parts/{question_id}/mistakes",
                          headers=admin, timeout=60).json()
        sent.mistakes[question_id] = {m["answer"]: m["score"] for m in known if m["source"] == "assignment"}


def make_assignment(base: str, admin: dict[str, str], code: str = "QUEUE") -> int:
    course = HTTP.post(f"{base}/api/v1/courses", headers=admin,
                       json={"code": code, "name": "Queue attack", "timezone": "UTC"}, timeout=60)
    course.raise_for_status()
    body = {"title": "Queue attack", "deadline": DEADLINE.isoformat(), "late_policy": POLICY,
            "parts": [{"question_id": q} for q in PARTS]}
    response = HTTP.post(f"{base}/api/v1/courses/{course.json()['id']}/assignments", headers=admin, json=body,
                          timeout=60)
    response.raise_for_status()
    return response.json()["id"]


# ---------------------------------------------------------------- the invariants


def stored(database: Engine, assignment: int) -> list[Submission]:
    with Session(database) as session:
        return list(session.scalars(select(Submission).where(Submission.assignment_id == assignment)
                                    .order_by(Submission.id)).all())


def test_the_queue_drains_and_no_part_is_left_pending(scenario, database: Engine) -> None:
    sent, _, _ = scenario
    assert sent.drained, f"jobs still queued or running {DRAIN_SECONDS} s after the last change"
    with Session(database) as session:
        stuck = session.execute(select(Job.id, Job.task, Job.status, Job.attempts, Job.error)
                                .where(Job.status != "done")).all()
        pending = session.scalars(select(PartResult.id).where(PartResult.status != "graded")).all()
    assert not stuck, stuck
    assert not pending, f"{len(pending)} parts left pending"
    assert all(s.pending_parts == 0 for s in stored(database, sent.assignment))


def test_no_request_failed(scenario) -> None:
    sent, _, _ = scenario
    assert not sent.errors, sent.errors
    assert [r.status_code for r in sent.edits + sent.sync_regrades] == [200] * (SYNC_EDITS + 1), \
        [(r.request.method, str(r.request.url), r.request.content[:100], r.status_code, r.text[:300])
         for r in sent.edits + sent.sync_regrades]


def test_every_total_is_the_sum_of_its_parts_and_its_late_penalty(scenario, database: Engine) -> None:
    sent, _, _ = scenario
    wrong = []
    for s in stored(database, sent.assignment):
        periods = max(0, math.ceil(sent.late_hours[s.id] / 24))
        penalty = min(100, sent.percent * periods)
        raw = sum(p.score for p in s.parts)
        if (s.raw_score != pytest.approx(raw) or s.penalty_percent != pytest.approx(penalty)
                or s.final_score != pytest.approx(raw * (1 - penalty / 100))
                or s.max_score != pytest.approx(sum(p.max_score for p in s.parts))):
            wrong.append((s.id, s.raw_score, raw, s.penalty_percent, penalty, s.final_score, s.max_score))
    assert not wrong, f"{len(wrong)} submissions: (id, raw, sum of parts, penalty, expected, final, max) {wrong[:10]}"


def test_the_final_settings_are_one_of_the_concurrent_edits(scenario) -> None:
    sent, _, _ = scenario
    assert sent.points[OPERATIONS] in (NEW_POINTS, OTHER_POINTS), sent.points
    assert sent.percent in (NEW_POLICY["percent_per_period"], OTHER_POLICY["percent_per_period"])
    assert sent.mistakes == {JACOBIAN: {MISTAKE["answer"]: MISTAKE["score"]}, OPERATIONS: {}, EXPLAIN: {}}


def test_every_part_has_the_score_of_its_answer_under_the_final_settings(scenario, database: Engine) -> None:
    """Right answers get the part's final points, the added known mistake its credit, the known mistake added and
    deleted again nothing, wrong and blank answers 0; the last hand grade wins."""
    sent, _, _ = scenario
    wrong = []
    for s in stored(database, sent.assignment):
        for p in s.parts:
            answer = ANSWERS[p.question_id][sent.categories[s.id][p.question_id]]
            hand = sent.hand.get((s.id, p.question_id))
            points = sent.points[p.question_id]
            expected = hand if hand is not None else expected_part(p.question_id, answer, points,
                                                                    sent.mistakes[p.question_id])
            if p.score != pytest.approx(expected) or p.max_score != pytest.approx(points):
                wrong.append((s.id, p.question_id, answer, hand, p.score, expected, p.max_score, points))
    assert not wrong, f"{len(wrong)} parts: (submission, part, answer, hand grade, stored, expected, max, points) " \
                      f"{wrong[:10]}"


def test_the_last_hand_grade_of_each_part_is_the_one_stored(scenario, database: Engine) -> None:
    sent, _, _ = scenario
    assert len(sent.hand) > 10
    with Session(database) as session:
        rows = {(r.submission_id, r.question_id): r for r in session.scalars(select(PartResult)).all()}
    lost = [(key, score, rows[key].score, rows[key].graded_by) for key, score in sent.hand.items()
            if rows[key].score != pytest.approx(score) or rows[key].graded_by is None]
    assert not lost, f"(submission, part), last hand grade, stored, graded_by: {lost}"


def test_one_history_entry_per_change_and_no_change_without_one(scenario, database: Engine) -> None:
    """From the score at creation, each entry starts where the previous ended, changes something, and the last
    ends at the stored score: a duplicated, lost or extra entry breaks the chain."""
    sent, _, _ = scenario
    broken = []
    with Session(database) as session:
        for s in stored(database, sent.assignment):
            changes = session.scalars(select(ScoreChange).where(ScoreChange.submission_id == s.id)
                                      .order_by(ScoreChange.id)).all()
            current = {p.question_id: p.score for p in s.parts} | {None: s.final_score}
            for question_id, score in current.items():
                chain = [(c.old, c.new, c.why) for c in changes if c.question_id == question_id]
                values = [sent.initial[s.id][question_id]] + [new for _, new, _ in chain]
                starts = [old for old, _, _ in chain]
                if (any(o != pytest.approx(v) for o, v in zip(starts, values, strict=False))
                        or any(old == pytest.approx(new) for old, new, _ in chain)
                        or values[-1] != pytest.approx(score)):
                    broken.append((s.id, question_id, sent.initial[s.id][question_id], chain, score))
    assert not broken, f"{len(broken)} chains (submission, part, at creation, [(old, new, why)], stored): " \
                       f"{broken[:6]}"


def test_every_regrade_job_finished_once_with_counts_that_add_up(scenario, database: Engine) -> None:
    sent, _, _ = scenario
    with Session(database) as session:
        jobs = session.scalars(select(Job).where(Job.task.like("%regrade%"))).all()
        runs = session.scalars(select(RegradeRun).where(RegradeRun.assignment_id == sent.assignment)).all()
        submissions = len(stored(database, sent.assignment))
        parents = [j for j in jobs if j.parent_id is None]
        assert len(parents) >= ASYNC_CALLS + SYNC_EDITS + 1, [(j.id, j.task) for j in parents]
        problems: list[tuple[Any, ...]] = []
        for job in parents:
            chunks = [j for j in jobs if j.parent_id == job.id]
            result = job.result or {}
            if (job.status != "done" or job.finished_at is None or job.total is None or job.done != job.total
                    or not chunks or any(c.status != "done" for c in chunks)
                    or not 0 <= result.get("changed", -1) <= result.get("submissions", -1) <= submissions):
                problems.append(("job", job.id, job.status, job.done, job.total, result,
                                 [(c.id, c.args, c.status, c.done, c.total, c.attempts, c.worker, c.result)
                                  for c in chunks]))
        for run in runs:
            if (run.finished_at is None or run.chunks_done != run.chunks or run.changed > run.submissions
                    or (run.claim is not None and run.finished_at is None)):
                problems.append(("run", run.id, run.job_id, run.chunks, run.chunks_done, run.submissions,
                                 run.changed, run.finished_at))
        job_ids = [run.job_id for run in runs if run.job_id is not None]
        if len(job_ids) != len(set(job_ids)):
            problems.append(("two runs answer one job", sorted(job_ids)))
    assert not problems, problems


def test_a_worker_was_killed_while_a_regrade_ran(scenario) -> None:
    """The scenario itself: the kill landed on a running regrade (otherwise the other tests prove less)."""
    sent, _, _ = scenario
    assert sent.killed_during.get("kill"), "no regrade job was seen running before the kill"
    assert sent.killed_during.get("pause"), "no regrade job was seen running before the pause"


def test_progress_is_monotone_and_ends_at_100_percent(scenario) -> None:
    sent, _, _ = scenario
    assert sent.progress
    problems = []
    for job_id, seen in sent.progress.items():
        done = [d for _, d, _ in seen]
        totals = {t for _, _, t in seen if t is not None}
        last_status, last_done, last_total = seen[-1]
        if done != sorted(done) or len(totals) > 1 or last_status != "done" or last_done != last_total:
            problems.append((job_id, seen[:3], seen[-3:], sorted(totals)))
    assert not problems, problems


def test_respond_async_answers_202_with_a_job_that_get_shows(scenario) -> None:
    sent, bases, admin = scenario
    assert [r.status_code for r in sent.async_answers] == [202] * ASYNC_CALLS, [(r.status_code, r.text[:300])
                                                                                for r in sent.async_answers]
    for answer in sent.async_answers:
        job = answer.json()
        assert job["status"] in ("queued", "running"), job
        seen = sent.progress.get(job["id"])
        assert seen, f"job {job['id']} never answered GET"
        follow = HTTP.get(f"{bases[1]}/api/v1/jobs/{job['id']}", headers=admin, timeout=30).json()
        assert follow["status"] == "done" and follow["done"] == follow["total"], follow
        assert HTTP.get(bases[0] + job["url"] if job["url"].startswith("/") else job["url"], headers=admin,
                         timeout=30).status_code == 200


def test_a_regrade_without_prefer_waits_and_answers_the_contract(scenario, database: Engine) -> None:
    sent, _, _ = scenario
    (answer,) = sent.sync_regrades
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"submissions", "changed"}, body
    assert STUDENTS <= body["submissions"] <= len(stored(database, sent.assignment))
    assert 0 <= body["changed"] <= body["submissions"]
    for edit in sent.edits:
        assert edit.status_code == 200, (edit.request.method, str(edit.request.url), edit.text)
        assert edit.json()["regrade"]["submissions"] >= STUDENTS, edit.json()


def test_idempotent_retries_on_the_other_replica_return_the_first_submission(scenario, database: Engine) -> None:
    sent, _, _ = scenario
    assert len(sent.retries) == NEW_ATTEMPTS
    for first, retry in sent.retries:
        assert retry.status_code == 201 and retry.json()["id"] == first.json()["id"], (first.text, retry.text)
        assert retry.headers.get("Idempotent-Replayed") == "true"
    assert len(stored(database, sent.assignment)) == STUDENTS + NEW_ATTEMPTS


def test_the_dashboard_progress_agrees_with_the_api_and_ends_done(scenario) -> None:
    sent, _, _ = scenario
    assert sent.dashboard, "the dashboard's progress.json never answered"
    for job_id, seen in sent.dashboard.items():
        done = [s["done"] for s in seen]
        assert done == sorted(done), (job_id, done)
        assert seen[-1]["status"] == "done" and seen[-1]["done"] == seen[-1]["total"], (job_id, seen[-1])
    codes = {code for _, code, _ in sent.dashboard_pages}
    assert codes <= {200, 303}, codes


# ---------------------------------------------------------------- targeted: a small class of its own


@pytest.fixture(scope="module")
def small_class(scenario) -> tuple[Sent, list[str], dict[str, str]]:
    """A second assignment on the same replicas and workers, with SMALL_CLASS submissions."""
    _, bases, admin = scenario
    small = Sent()
    small.assignment = make_assignment(bases[0], admin, code="QUEUE2")
    rng = random.Random(2)
    for number in range(SMALL_CLASS):
        categories = {q: rng.choice(list(ANSWERS[q])) for q in PARTS}
        record(small, submit(HTTP, bases[number % 2], admin, small.assignment, f"t{number:03d}", categories, -1,
                             f"small-{number}"), categories, -1)
    return small, bases, admin


def test_submissions_during_a_regrade_never_push_its_progress_past_100_percent(small_class) -> None:
    """A job's `done` counts submissions of its chunks; one submitted after the split must not make done > total."""
    small, bases, admin = small_class
    job = HTTP.post(f"{bases[0]}/api/v1/assignments/{small.assignment}/regrade", headers=admin | ASYNC).json()
    seen: list[dict[str, Any]] = []
    number = 0
    while not seen or seen[-1]["status"] != "done":
        categories = dict.fromkeys(PARTS, "right")
        record(small, submit(HTTP, bases[1], admin, small.assignment, f"late{number}", categories, -1,
                             f"during-{number}"), categories, -1)
        number += 1
        seen.append(HTTP.get(f"{bases[1]}/api/v1/jobs/{job['id']}", headers=admin).json())
        assert number < 200, seen[-1]
    final = seen[-1]
    assert final["done"] == final["total"], f"{number} submissions sent while it ran: {final}"
    assert final["result"]["submissions"] <= final["total"], final


@contextmanager
def chunks_held_at_their_first_read(database: Engine) -> Iterator[None]:
    """While this lasts, a claimed `regrade_chunk` job stays running: the `extensions` table is locked against reads,
    and a chunk reads the assignment's extensions before it grades, locks or writes anything, while the `regrade` job
    that splits the run never reads them. So the watcher cannot miss the chunk between two polls, however short it
    is, and its frozen worker holds no row lock once this ends."""
    with Session(database) as session:
        session.execute(text("SET LOCAL lock_timeout = '30s'"))  # a session idle in a transaction would fail it here
        session.execute(text("LOCK TABLE extensions IN ACCESS EXCLUSIVE MODE"))
        try:
            yield
        finally:
            session.rollback()


def test_an_edit_without_prefer_waits_for_a_running_regrade(scenario, small_class, database: Engine) -> None:
    """README: one regrade runs per assignment and a second waits for it; an edit that regrades is no exception.
    Without `Prefer: respond-async` the edit must wait and answer 200 with its regrade, not 409. The worker running
    the first regrade's chunk is frozen (SIGSTOP) meanwhile, so that its run still holds the assignment; the chunk is
    held running until then (`chunks_held_at_their_first_read`)."""
    small, bases, admin = small_class
    workers = scenario[0].workers
    frozen: list[Any] = []
    try:
        with chunks_held_at_their_first_read(database):
            running = HTTP.post(f"{bases[0]}/api/v1/assignments/{small.assignment}/regrade", headers=admin | ASYNC,
                                timeout=60)
            assert running.status_code == 202, running.text
            chunk = running_chunk(database, timeout=60)
            assert chunk, "the regrade's chunk never ran"
            frozen = [w for w in workers if f":{w.pid}:" in (chunk[0][4] or "")]
            for worker in frozen:
                kill_group(worker, signal.SIGSTOP)
        try:
            edit = HTTP.patch(f"{bases[1]}/api/v1/assignments/{small.assignment}/parts/{OPERATIONS}",
                              json={"points": OTHER_POINTS}, headers=admin, timeout=60)
        except httpx.TimeoutException:
            edit = None  # still waiting after a minute: waiting is what the README promises
    finally:
        for worker in frozen:
            kill_group(worker, signal.SIGCONT)
    if edit is None:
        return
    stored_points = {p["question_id"]: p["points"] for p in HTTP.get(
        f"{bases[1]}/api/v1/assignments/{small.assignment}", headers=admin).json()["parts"]}
    assert edit.status_code == 200, (edit.text, f"yet the points stored are now {stored_points[OPERATIONS]}")
    assert edit.json()["regrade"]["submissions"] >= SMALL_CLASS, edit.json()
