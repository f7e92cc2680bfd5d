"""Issue 14, "Correct under load", attacked from outside: the real service on a busy 2-core machine.

The service runs as processes (`grader serve` on its own PostgreSQL database and `grader worker` for the queue),
CPU burners (plain Python busy loops, one per core plus one, at the niceness pytest runs with, so never above
the server's priority) compete with it, and everything asserted is what the API, the gradebook (JSON and CSV),
the course gradebook and the dashboard say.

What the issue and the README promise, and what is checked here:
- a right answer is never scored wrong: it is full marks or *pending*, and a pending part is graded (full marks) by
  the queue once the load stops, within a bounded time;
- a pending part is marked as such (`"pending": true`, `"correct": null`, the submission's `final_score` null),
  the gradebook gives no final score for it (JSON or CSV), and the dashboard says "pending";
- hostile answers (exponent towers, huge factorials, deep nesting, long inputs, answers that make SymPy work) are
  stopped: scored wrong or refused with a 4xx, never full marks, never a 500, never a hang, never left pending;
- a grading process killed with SIGKILL while it grades costs no right answer its marks.

Right answers are the bank's reference answers (`GET /api/v1/questions` with an admin token, as the README shows)
written in the spellings the README promises to read: `$...$`, `\\boxed{...}`, a sentence around the maths,
thousands separators, `= value`, `9x13`; choices in other cases.
"""

from __future__ import annotations

import ast
import csv
import io
import operator
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import pytest

from app.late_policy import LatePolicy
from benchmarks import servers

BURNERS = (os.cpu_count() or 2) + 1
# The wall-time backstop is 30 s and a grade is retried once, then stored pending: a submission that takes
# longer than this has hung, whatever the load.
REQUEST_TIMEOUT = 75.0
SLOW = 60.0  # a right submission slower than this was delayed unboundedly by the hostile ones
PENDING_DEADLINE = 45.0  # after the load stops, the queue has this long to grade every pending part (one retry)
STUDENTS = 10  # submissions of right answers, each to every auto-graded part
CONCURRENCY = 8


# --------------------------------------------------------------------------------------------- right answers

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}


def _whole_number_value(text: str) -> int | None:
    """The value of a reference written as whole-number arithmetic (`(49*32-1)*25*64`), else None."""
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        return None

    def value(node: ast.AST) -> int:
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](value(node.left), value(node.right))
        raise ValueError(node)

    try:
        return value(tree)
    except ValueError:
        return None


def spellings(kind: str, answer: str) -> list[str]:
    """A right answer as students write it, in forms the README says are read around any answer."""
    if kind == "choice":
        return [answer, answer.upper(), answer.capitalize() + "."]
    forms = [answer, f"${answer}$", f"\\boxed{{{answer}}}"]
    if kind != "indexed":  # the sentence form for indexed parts is its own test below
        forms.append(f"The answer is ${answer}$.")
    number = _whole_number_value(answer) if kind == "integer" else None
    if number is not None:
        forms += [f"{number:,}", f"{answer} = {number}", f"$N = {number}$"]
    pair = re.fullmatch(r"\((\d+), (\d+)\)|(\d+) \\times (\d+)", answer)
    if kind == "tuple" and pair:
        a, b = [g for g in pair.groups() if g]
        forms += [f"{a}x{b}", f"{a} \\times {b}", f"({a}, {b})", f"{a} by {b}"]
    return forms


# --------------------------------------------------------------------------------------------- hostile answers

DET = "csc421-2019-hw4/q3/det-jacobian"  # expression in beta, D; reference beta^D
WEIGHTS = "csc421-2019-hw4/q2/weights"  # expression in D, H
INPUT_SIZE = "sutd-50039-week8/task2/input-size"  # set of integers
PARAMETERS = "sutd-50039-week8/task2/parameters"  # integer
OPERATIONS = "csc421-2019-hw4/q2/operations"  # bigo
PADDED = "sutd-50039-week8/task2/output-size-padded"  # tuple

HOSTILE: list[tuple[str, str, str]] = [
    ("tower 9^9^9^9", DET, "9^9^9^9"),
    ("tower in the exponent", DET, "\\beta^{9^{9^{9^{9}}}}"),
    ("tower 2^2^2^2^2", PARAMETERS, "2^{2^{2^{2^{2}}}}"),
    ("factorial of a googol", PARAMETERS, "factorial(10^{100})"),
    ("huge factorial power", PARAMETERS, "200!^{999}"),
    ("huge factorial power in a product", PARAMETERS, "32 * 7 * 7 * 64 + 200!^{999} - 200!^{999} + 1"),
    ("factorial chain", PARAMETERS, "99999!!!"),
    ("nested parentheses, too deep", DET, "(" * 5000 + "\\beta^D" + ")" * 5000),
    ("nested parentheses at the limit, wrong inside", DET, "(" * 39 + "\\beta^{D+1}" + ")" * 39),
    ("long input under the API limit", WEIGHTS, ("D H + " * 3300) + "2 H^2"),
    ("long input over the API limit", WEIGHTS, "H+" * 12000 + "H"),
    ("polynomial inequality of degree 999", INPUT_SIZE, "x^{999} - 3x^{500} + 7 > 0"),
    (
        "two high-degree inequalities",
        INPUT_SIZE,
        "x^{997} - 3 x^{555} + 2x^{123} - 5 x^{77} + 1 > 0 \\text{ and } x^{991} - 2 x^{333} < 9",
    ),
    (
        "product of factors to a high power",
        INPUT_SIZE,
        "(x-52)(x-53)(x-54)(x-55)(x-56)(x-57)(x-58)(x-59)(x-60)(x-61)(x-62)(x-63)^{999} \\le 0",
    ),
    ("trigonometric inequality", INPUT_SIZE, "\\sin(x)^{999} > 0.5"),
    ("huge power of a sum in a bound", OPERATIONS, "O((G+D+H)^{999})"),
    ("close but not equal: relative 1e-10", DET, "\\beta^D (1 + 10^{-10})"),
    ("close but not equal: 1.0000000001", DET, "1.0000000001 \\beta^D"),
    ("close but not equal, for SymPy", WEIGHTS, "D H + 2 H^2 + 10^{-14} (D+H)^{50} e^{-(D+H)^{3}}"),
    ("tuple with a tower", PADDED, "(26, 28^{9^{9^9}})"),
]


# --------------------------------------------------------------------------------------------- processes


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


class Burners:
    """CPU-burning busy loops, one per core plus one, killed whatever happens."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self) -> None:
        if self.procs:
            return
        for _ in range(BURNERS):
            self.procs.append(subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True))

    def stop(self) -> None:
        for p in self.procs:
            p.kill()
        for p in self.procs:
            p.wait(timeout=10)
        self.procs = []


@dataclass
class Service:
    url: str
    admin: str
    lms: str
    server: subprocess.Popen[bytes]
    database: str
    questions: dict[str, dict] = field(default_factory=dict)
    course_id: int = 0
    code: str = ""

    def new_lms_token(self, name: str) -> str:
        return servers.token(self.database, "lms", course=self.code, name=name)

    def client(self, token: str | None = None) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, timeout=REQUEST_TIMEOUT, headers={"Authorization": f"Bearer {token or self.admin}"}
        )

    def auto_parts(self) -> list[dict]:
        return [q for q in self.questions.values() if q["kind"] != "manual" and q["points"] > 0]

    def new_assignment(self, title: str, parts: list[dict]) -> int:
        body = {
            "title": f"{title} {uuid.uuid4().hex[:6]}",
            "deadline": "2099-01-01T00:00:00",
            "late_policy": LatePolicy(close_after_periods=None).model_dump(),
            "attempts": "last",
            "parts": [{"question_id": q["id"], "points": q["points"]} for q in parts],
        }
        with self.client() as c:
            r = c.post(f"/api/v1/courses/{self.course_id}/assignments", json=body)
        assert r.status_code == 201, r.text
        return int(r.json()["id"])


@pytest.fixture(scope="module")
def burners() -> Iterator[Burners]:
    b = Burners()
    try:
        yield b
    finally:
        b.stop()


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    with servers.postgres_database() as url:
        yield url


@pytest.fixture(scope="module")
def service(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    tmp = tmp_path_factory.mktemp("busy")
    env = servers.environment(database)
    port = servers.free_port()
    url = f"http://127.0.0.1:{port}"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with (tmp / "serve.log").open("w+") as server_log:
            # Sessions of their own: each stops with its grading processes (servers.stop).
            server = subprocess.Popen([servers.GRADER, "serve", "--port", str(port)], env=env, cwd=tmp,
                                      stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True)
            procs.append(server)
            servers.wait_ready(url, server, 150, server_log)
        procs.append(subprocess.Popen([servers.GRADER, "worker"], env=env, cwd=tmp,
                                      stdout=(tmp / "worker.log").open("wb"), stderr=subprocess.STDOUT,
                                      start_new_session=True))
        admin = servers.token(database, "admin", name="busy-admin")
        svc = Service(url=url, admin=admin, lms="", server=server, database=database)
        code = f"B{uuid.uuid4().hex[:6].upper()}"
        with svc.client() as c:
            r = c.post("/api/v1/courses", json={"code": code, "name": "Busy machine", "timezone": "UTC"})
            assert r.status_code == 201, r.text
            svc.course_id = int(r.json()["id"])
            svc.questions = {q["id"]: q for q in c.get("/api/v1/questions").json()}
        svc.code = code
        svc.lms = svc.new_lms_token("canvas")
        yield svc
    finally:
        for p in reversed(procs):
            servers.stop(p)


# --------------------------------------------------------------------------------------------- helpers


@dataclass
class Sent:
    student: str
    answers: dict[str, str]
    status: int = 0
    body: dict | None = None
    seconds: float = 0.0


def submit(svc: Service, assignment: int, sent: Sent, token: str | None = None) -> Sent:
    started = time.monotonic()
    with svc.client(token or svc.lms) as c:
        try:
            r = c.post(
                f"/api/v1/assignments/{assignment}/submissions", json={"student": sent.student, "answers": sent.answers}
            )
            sent.status = r.status_code
            sent.body = r.json() if r.headers.get("content-type", "").startswith("application/json") else None
        except httpx.TimeoutException:
            sent.status = -1
    sent.seconds = time.monotonic() - started
    return sent


def submit_all(svc: Service, assignment: int, batch: list[Sent], token: str | None = None) -> list[Sent]:
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        return list(pool.map(lambda s: submit(svc, assignment, s, token), batch))


def right_batch(svc: Service, prefix: str, students: int) -> list[Sent]:
    """Each student answers every auto-graded part rightly, each part in another spelling per student."""
    batch = []
    for n in range(students):
        answers = {}
        for q in svc.auto_parts():
            forms = spellings(q["kind"], q["answer"])
            answers[q["id"]] = forms[n % len(forms)]
        batch.append(Sent(f"{prefix}-{n:02d}", answers))
    return batch


def wrongly_scored(sent: Sent) -> list[str]:
    """Right answers this response scored as wrong (anything but full marks or pending)."""
    bad = []
    for p in (sent.body or {}).get("parts", []):
        if p["question_id"] not in sent.answers:
            continue
        full = p["correct"] is True and p["score"] == pytest.approx(p["max_score"])
        pending = p.get("pending") is True and p["correct"] is None
        if not (full or pending):
            bad.append(
                f"{sent.student} {p['question_id']} answer={sent.answers[p['question_id']][:60]!r} "
                f"score={p['score']} correct={p['correct']} status={p.get('status')} "
                f"error={(p.get('error') or p.get('feedback') or '')[:90]!r}"
            )
    return bad


def submissions(svc: Service, assignment: int) -> list[dict]:
    out: list[dict] = []
    with svc.client() as c:
        url: str | None = f"/api/v1/assignments/{assignment}/submissions?limit=200"
        while url:
            r = c.get(url)
            assert r.status_code == 200, r.text
            out += r.json()
            cursor = r.headers.get("X-Next-Cursor")
            url = f"/api/v1/assignments/{assignment}/submissions?limit=200&cursor={cursor}" if cursor else None
    return out


def wait_until_graded(svc: Service, assignment: int, limit: float = PENDING_DEADLINE) -> tuple[list[dict], float]:
    started = time.monotonic()
    while True:
        stored = submissions(svc, assignment)
        waiting = [s for s in stored if any(p.get("pending") for p in s["parts"])]
        if not waiting or time.monotonic() - started > limit:
            return stored, time.monotonic() - started
        time.sleep(2)


def dashboard_page(svc: Service, path: str) -> str:
    with httpx.Client(base_url=svc.url, timeout=REQUEST_TIMEOUT, follow_redirects=True) as c:
        r = c.post("/dashboard/sign-in", data={"token": svc.admin})
        assert r.status_code == 200, r.text[:500]
        page = c.get(path)
        assert page.status_code == 200, page.text[:500]
        return page.text


def kill_grading_processes(server_pid: int, every_one: bool = False) -> list[int]:
    """SIGKILL one live grading process of the server (a child that is not a zombie), or every one."""
    out = subprocess.run(["ps", "--ppid", str(server_pid), "-o", "pid=,stat="], capture_output=True, text=True).stdout
    live = [
        int(pid)
        for pid, stat in (line.split() for line in out.splitlines() if line.strip())
        if not stat.startswith("Z")
    ]
    for pid in live if every_one else live[:1]:
        os.kill(pid, signal.SIGKILL)
    return live if every_one else live[:1]


# --------------------------------------------------------------------------------------------- the tests

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(600)]


@dataclass
class LoadRun:
    assignment: int
    right: list[Sent]
    hostile: list[tuple[str, Sent]]
    stored: list[dict]
    settle_seconds: float


@pytest.fixture(scope="module")
def load_run(service: Service, burners: Burners) -> LoadRun:
    """Right answers of many students and hostile answers mixed in, all at once, on a busy machine, with one
    grading process of the server killed now and then; then the load stops and the queue gets its bounded time."""
    assignment = service.new_assignment("Busy night", service.auto_parts())
    right = right_batch(service, "right", STUDENTS)
    hostile = [(why, Sent(f"hostile-{i:02d}", {qid: text})) for i, (why, qid, text) in enumerate(HOSTILE)]
    batch: list[Sent] = []
    for i, sent in enumerate(right):  # hostile students interleaved with right ones
        batch.append(sent)
        batch += [s for _, s in hostile[i * 2 : i * 2 + 2]]
    batch += [s for _, s in hostile[len(right) * 2 :]]
    burners.start()
    try:
        time.sleep(2)  # let the burners take the cores
        submit_all(service, assignment, batch)
    finally:
        burners.stop()
    stored, settle = wait_until_graded(service, assignment)
    pending = [
        (s.student, p["question_id"])
        for s in batch
        for p in (s.body or {}).get("parts", [])
        if p.get("pending") and p["question_id"] in s.answers
    ]
    print(
        f"\nload run: {len(batch)} submissions ({len(right)} right x {len(service.auto_parts())} parts, "
        f"{len(hostile)} hostile), {BURNERS} burners; "
        f"latency right max {max(s.seconds for s in right):.1f} s, hostile max "
        f"{max(s.seconds for _, s in hostile):.1f} s; pending at first {len(pending)}: {pending[:12]}; "
        f"queue settled in {settle:.0f} s"
    )
    return LoadRun(assignment, right, hostile, stored, settle)


def test_every_right_answer_is_full_marks_or_pending_under_load(load_run: LoadRun) -> None:
    assert [s.status for s in load_run.right] == [201] * len(load_run.right), [
        (s.student, s.status, (s.body or {}).get("detail")) for s in load_run.right if s.status != 201
    ]
    bad = [line for s in load_run.right for line in wrongly_scored(s)]
    assert not bad, f"{len(bad)} right answers scored wrong under load:\n" + "\n".join(bad[:40])


def test_a_pending_right_answer_never_counts_as_zero_in_the_response(load_run: LoadRun) -> None:
    for s in load_run.right:
        parts = (s.body or {}).get("parts", [])
        if any(p.get("pending") for p in parts):
            assert s.body is not None and s.body["final_score"] is None, (s.student, s.body)
            assert s.body["pending_parts"] == sum(bool(p.get("pending")) for p in parts)


def test_right_answers_are_graded_within_a_bounded_time_under_load(load_run: LoadRun) -> None:
    slow = sorted((round(s.seconds, 1), s.student) for s in load_run.right if s.seconds > SLOW or s.status == -1)
    assert not slow, f"right submissions that took over {SLOW} s with hostile answers mixed in: {slow}"


def test_the_lms_token_can_submit_again_once_the_load_is_over(service: Service, load_run: LoadRun) -> None:
    """Slots of a token's submissions being graded are given back when the grading ends, even if it hung."""
    sent = submit(service, load_run.assignment, Sent("right-00", {DET: "\\beta^D"}))
    assert sent.status == 201, f"{sent.status} {sent.body}"


def not_full_marks_now(batch: list[Sent], stored: list[dict]) -> list[str]:
    """The right answers of `batch` whose stored grade is not full marks (pending included)."""
    by_student = {s["student"]: s for s in stored}
    bad = []
    for sent in batch:
        found = by_student.get(sent.student)
        if found is None:
            bad.append(f"{sent.student}: no stored submission ({sent.status} after {sent.seconds:.0f} s)")
            continue
        bad += [
            f"{sent.student} {p['question_id']} {sent.answers[p['question_id']][:50]!r}: score={p['score']} "
            f"correct={p['correct']} pending={p.get('pending')}"
            for p in found["parts"]
            if p["question_id"] in sent.answers and not (p["correct"] is True and p["score"] == p["max_score"])
        ]
        if found["final_score"] != pytest.approx(found["max_score"]):
            bad.append(f"{sent.student}: final_score={found['final_score']} of {found['max_score']}")
    return bad


def test_every_pending_right_answer_is_graded_full_marks_once_the_load_stops(load_run: LoadRun) -> None:
    bad = not_full_marks_now(load_run.right, load_run.stored)
    assert not bad, f"{load_run.settle_seconds:.0f} s after the load stopped:\n" + "\n".join(bad[:40])


@pytest.mark.parametrize("case", range(len(HOSTILE)), ids=[h[0] for h in HOSTILE])
def test_a_hostile_answer_is_stopped_on_the_busy_machine(load_run: LoadRun, case: int) -> None:
    why, sent = load_run.hostile[case]
    ((qid, text),) = sent.answers.items()
    assert sent.status != -1, f"{why}: no answer within {REQUEST_TIMEOUT} s"
    assert sent.seconds < SLOW, f"{why}: took {sent.seconds:.1f} s"
    assert sent.status < 500, f"{why}: {sent.status} {sent.body}"
    if sent.status != 201:
        assert 400 <= sent.status < 500 and sent.body and sent.body.get("detail"), (sent.status, sent.body)
        return
    assert sent.body is not None
    part = next(p for p in sent.body["parts"] if p["question_id"] == qid)
    assert part["correct"] is not True and part["score"] < part["max_score"], f"{why}: full marks for {text[:80]!r}"
    stored = next(s for s in load_run.stored if s["student"] == sent.student)  # the only one it sent
    final = next(p for p in stored["parts"] if p["question_id"] == qid)
    assert final["correct"] is False and not final.get("pending"), (
        f"{why}: {text[:60]!r} is still {final.get('status')} {load_run.settle_seconds:.0f} s after the load stopped "
        f"(first answer: status={part.get('status')} error={part.get('error')!r})"
    )
    assert final["score"] < final["max_score"]


def test_a_sentence_around_an_indexed_answer_is_read(service: Service) -> None:
    """README, "Forms around the answer": a sentence around the maths (`The answer is $5$.`) is read."""
    parts = [q for q in service.auto_parts() if q["kind"] == "indexed"]
    assignment = service.new_assignment("Sentences", parts)
    sent = submit(service, assignment, Sent("sentence", {q["id"]: f"The answer is ${q['answer']}$." for q in parts}))
    assert sent.status == 201, sent.body
    bad = wrongly_scored(sent)
    assert not bad, "\n".join(bad)


@dataclass
class KillRun:
    assignment: int
    batch: list[Sent]
    killed: list[int]
    reads: dict[str, dict]  # student -> what the API, gradebooks and dashboard said while it was still pending
    token: str
    stored: list[dict] = field(default_factory=list)
    settle_seconds: float = 0.0

    def pending(self) -> list[Sent]:
        return [s for s in self.batch if any(p.get("pending") for p in (s.body or {}).get("parts", []))]


def _read_marks(svc: Service, assignment: int, sent: Sent) -> dict | None:
    """Everything that shows the submission, read while it stays pending (the queue may grade it meanwhile: then
    None, as these reads would not be of a pending part)."""
    path = f"/api/v1/submissions/{(sent.body or {})['id']}"
    with svc.client() as c:
        before = c.get(path).json()
        gradebook = c.get(f"/api/v1/assignments/{assignment}/gradebook?parts=true").json()
        text = c.get(f"/api/v1/assignments/{assignment}/gradebook", headers={"Accept": "text/csv"}).text
        course = c.get(f"/api/v1/courses/{svc.course_id}/gradebook").json()
        page = dashboard_page(svc, f"/dashboard/submissions/{before['id']}")
        after = c.get(path).json()
    if after["pending_parts"] == 0 or after["pending_parts"] != before["pending_parts"]:
        return None
    return {
        "stored": before,
        "pending": [p["question_id"] for p in before["parts"] if p.get("pending")],
        "row": next((r for r in gradebook if r["student"] == sent.student), None),
        "csv": next((r for r in csv.DictReader(io.StringIO(text)) if r.get("student") == sent.student), None),
        "course": next((r for r in course if r.get("student") == sent.student), None),
        "page": page,
    }


@pytest.fixture(scope="module")
def kill_run(service: Service, burners: Burners, load_run: LoadRun) -> KillRun:
    """Right answers graded on a busy machine while the server's grading processes are killed with SIGKILL (all
    of them after 2 s, and whatever replaced them 4 s later): their grades must be retried on a warm worker or stored pending, never 0.
    The marks of pending parts are read before the queue (`grader worker`, whose processes are not touched) can
    grade them, then the load stops and the queue gets its bounded time."""
    assignment = service.new_assignment("Killed night", service.auto_parts())
    batch = right_batch(service, "killed", 8)
    token = service.new_lms_token("canvas-2")
    killed: list[int] = []
    burners.start()
    try:
        with ThreadPoolExecutor(1) as one:
            graded = one.submit(submit_all, service, assignment, batch, token)
            for delay in (2.0, 4.0):
                time.sleep(delay)
                killed += kill_grading_processes(service.server.pid, every_one=True)
            graded.result()
        reads = {
            s.student: _read_marks(service, assignment, s)
            for s in batch
            if s.body and any(p.get("pending") for p in s.body["parts"])
        }
        reads = {student: read for student, read in reads.items() if read is not None}
    finally:
        burners.stop()
    run = KillRun(assignment, batch, killed, reads, token)
    run.stored, run.settle_seconds = wait_until_graded(service, assignment)
    print(
        f"\nkill run: killed {killed}; answers {[(s.status, round(s.seconds, 1)) for s in batch]}; "
        f"pending parts {[(s.body or {}).get('pending_parts') for s in batch]}; final scores "
        f"{[(s.body or {}).get('final_score') for s in batch]}; queue settled in {run.settle_seconds:.0f} s; "
        f"CSV rows while pending {[r['csv'] for r in reads.values()][:1]}"
    )
    return run


def test_killed_grading_processes_never_score_a_right_answer_zero(kill_run: KillRun) -> None:
    assert kill_run.killed, "the test killed no grading process"
    failed = [(s.student, s.status, s.body) for s in kill_run.batch if s.status != 201]
    assert not failed, f"after killing {kill_run.killed}: {failed}"
    bad = [line for s in kill_run.batch for line in wrongly_scored(s)]
    assert not bad, f"killed {kill_run.killed}:\n" + "\n".join(bad[:40])


def _only_when_pending(run: KillRun) -> list[Sent]:
    pending = run.pending()
    if not pending:
        pytest.skip("the killed processes' grades were all retried in time: nothing was pending to check")
    return pending


def _read_while_pending(run: KillRun) -> list[tuple[Sent, dict]]:
    read = [(s, run.reads[s.student]) for s in _only_when_pending(run) if s.student in run.reads]
    if not read:
        pytest.skip("the queue graded every pending part before the gradebooks could be read")
    return read


@pytest.mark.parametrize("source", ["POST response", "GET /api/v1/submissions/{id}"])
def test_a_submission_with_pending_parts_has_no_final_score_in_the_response(kill_run: KillRun, source: str) -> None:
    """What the LMS receives when it posts the submission or reads it back: a pending part never counts as 0 in a
    final score."""
    for sent in _only_when_pending(kill_run):
        if source == "POST response":
            body = sent.body
        elif sent.student in kill_run.reads:
            body = kill_run.reads[sent.student]["stored"]
        else:
            continue
        assert body is not None
        pending = [p["question_id"] for p in body["parts"] if p.get("pending")]
        assert all(p["correct"] is None for p in body["parts"] if p.get("pending")), body["parts"]
        assert body["pending"] is True and body["pending_parts"] == len(pending)
        assert body["final_score"] is None, (
            f"{sent.student}: {len(pending)} of {len(body['parts'])} parts pending, yet raw_score="
            f"{body['raw_score']} final_score={body['final_score']} of {body['max_score']}"
        )


def test_a_pending_part_is_marked_in_the_gradebook(kill_run: KillRun) -> None:
    for sent, read in _read_while_pending(kill_run):
        row = read["row"]
        assert row is not None, f"{sent.student} missing from the gradebook"
        assert row["final_score"] is None and row["pending_parts"] > 0 and row["provisional"] is True, row


def test_the_csv_export_never_counts_a_pending_part_as_zero(kill_run: KillRun) -> None:
    for sent, read in _read_while_pending(kill_run):
        row = read["csv"]
        assert row is not None, f"{sent.student} missing from the CSV"
        final = {k: v for k, v in row.items() if k and "final" in k.lower()}
        assert final, f"no final score column in the CSV: {list(row)}"
        assert all(v in ("", None) for v in final.values()), f"the CSV exports {final} for pending parts: {row}"


def test_the_gradebooks_never_export_a_pending_part_as_zero(kill_run: KillRun) -> None:
    """A pending part is marked as such in the gradebook: its own column is not a 0 an LMS would import."""
    for sent, read in _read_while_pending(kill_run):
        exported = {q: read["csv"].get(q) for q in read["pending"]}
        zero = {q: v for q, v in exported.items() if v not in ("", None) and v.lower() != "pending"}
        assert not zero, f"{sent.student}: the CSV exports {len(zero)} pending parts as {set(zero.values())}"
        parts = read["row"].get("parts") or {}
        scores = parts if isinstance(parts, dict) else {p.get("question_id"): p.get("score") for p in parts}
        zero_json = {q: scores.get(q) for q in read["pending"] if scores.get(q) is not None}
        assert not zero_json, f"{sent.student}: the JSON gradebook scores pending parts {zero_json}"


def test_the_course_gradebook_has_no_total_while_a_part_is_pending(kill_run: KillRun) -> None:
    for sent, read in _read_while_pending(kill_run):
        row = read["course"]
        assert row is not None, f"{sent.student} missing from the course gradebook"
        assert row["total"] is None and row["scores"][str(kill_run.assignment)] is None, row
        assert row["provisional"] is True, row


def test_the_dashboard_says_pending(kill_run: KillRun) -> None:
    for _, read in _read_while_pending(kill_run):
        page = read["page"]
        assert re.search(r"\bpending\b", page, re.IGNORECASE), page[:2000]


def test_the_queue_grades_the_killed_grades_full_marks_once_the_load_stops(kill_run: KillRun) -> None:
    bad = not_full_marks_now(kill_run.batch, kill_run.stored)
    assert not bad, f"{kill_run.settle_seconds:.0f} s after the load stopped:\n" + "\n".join(bad[:40])


@dataclass
class AfterKill:
    sent: Sent
    killed_idle: list[int]
    ready: str
    again: Sent  # the kill run's LMS token, once more


def test_the_lms_token_can_submit_again_after_the_kills(after_kill: AfterKill) -> None:
    """Slots of a token's submissions being graded are given back when the grading ends, even if it hung."""
    again = after_kill.again
    assert again.status == 201, f"{again.status} {again.body}"


@pytest.fixture(scope="module")
def after_kill(service: Service, kill_run: KillRun) -> AfterKill:
    """One more grading process is killed on the idle machine (a worker that dies between grades, as an
    out-of-memory kill would do); after 30 s to warm a replacement (about 1 s of CPU by the README) the reference
    answers are submitted."""
    killed = kill_grading_processes(service.server.pid)
    deadline = time.monotonic() + 30
    time.sleep(1)
    while time.monotonic() < deadline and httpx.get(service.url + "/readyz", timeout=10).status_code != 200:
        time.sleep(1)
    ready = httpx.get(service.url + "/readyz", timeout=10).text
    assignment = service.new_assignment("After the kills", service.auto_parts())
    sent = submit(
        service,
        assignment,
        Sent("after-01", {q["id"]: q["answer"] for q in service.auto_parts()}),
        service.new_lms_token("canvas-3"),
    )
    again = submit(service, kill_run.assignment, Sent("killed-again", {DET: "\\beta^D"}), kill_run.token)
    return AfterKill(sent, killed, ready, again)


def test_the_server_grades_again_after_its_processes_were_killed(after_kill: AfterKill, kill_run: KillRun) -> None:
    """A dead worker is replaced by a warmed one that takes work: the idle server is ready and grades at once."""
    sent = after_kill.sent
    assert sent.status == 201, sent.body
    assert sent.body is not None and sent.body["pending_parts"] == 0, (
        f"{sent.body['pending_parts']} of {len(sent.body['parts'])} parts pending on an idle server 30 s after "
        f"killing {kill_run.killed} under load and {after_kill.killed_idle} idle; /readyz: {after_kill.ready}"
    )
    assert not wrongly_scored(sent)


def test_the_lms_never_receives_a_final_score_counting_pending_parts_as_zero(after_kill: AfterKill) -> None:
    body = after_kill.sent.body
    assert body is not None
    pending = [p for p in body["parts"] if p.get("pending")]
    if not pending:
        pytest.skip("nothing was pending after the idle kill")
    assert body["final_score"] is None, (
        f"{len(pending)} of {len(body['parts'])} parts pending, yet final_score={body['final_score']} "
        f"of {body['max_score']}"
    )
