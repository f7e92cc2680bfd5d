"""Many machines: two `grader serve` replicas on one PostgreSQL database plus one `grader worker`, fed submissions,
idempotent retries, hand grades and regrades at random; afterwards every invariant holds."""

import random
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from itertools import pairwise

import httpx
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

import reference
from app.models import Job, ScoreChange, Submission
from benchmarks.servers import headers, make_assignment, server, token, worker
from tests.conftest import postgres_database

pytestmark = pytest.mark.postgres

PARTS = ["csc421-2019-hw4/q1/h-bar", "csc421-2019-hw4/q3/det-jacobian", "csc421-2019-hw4/q2/operations",
         "csc421-2019-hw4/q1/explain"]
OPERATIONS = 80


@pytest.fixture(scope="module")
def database() -> Iterator[Engine]:
    with postgres_database() as engine:
        yield engine


@pytest.fixture(scope="module")
def cluster(database: Engine) -> Iterator[tuple[list[str], str, int]]:
    """Two API replicas that run no jobs, and one worker that does; all three migrate the same database at once."""
    url = database.url.render_as_string(hide_password=False)
    with ExitStack() as stack:
        stack.enter_context(worker(url))
        bases = [stack.enter_context(server(url, run_jobs=False)) for _ in range(2)]
        admin = token(url)
        yield bases, admin, make_assignment(bases[0], admin, "REPLICAS", PARTS)


def answers(rng: random.Random) -> dict[str, str]:
    chosen = {}
    for question_id in PARTS:
        part = reference.get_part(question_id)
        chosen[question_id] = part.answer if rng.random() < 0.6 else f"2*({part.answer})"
    return chosen


def run_operations(bases: list[str], admin: str, assignment: int) -> dict[str, int]:
    rng, lock = random.Random(14), threading.Lock()
    sent: dict[str, int] = {"submissions": 0, "retries": 0, "hand grades": 0, "regrades": 0}
    stored: list[int] = []

    def operation(number: int) -> None:
        with lock:
            roll, base, other = rng.random(), *rng.sample(bases, 2)
            body = {"student": f"s{rng.randint(1, 12)}", "answers": answers(rng)}
            target = rng.choice(stored) if stored else None
        auth = headers(admin)
        if roll < 0.15 and target is not None:
            url = f"{base}/api/v1/submissions/{target}/parts/{PARTS[-1]}/grade"
            response = httpx.put(url, headers=auth, json={"score": (number % 3) / 2, "comment": "hand"}, timeout=120)
            kind = "hand grades"
        elif roll < 0.2:
            response = httpx.post(f"{base}/api/v1/assignments/{assignment}/regrade", headers=auth, timeout=300)
            kind = "regrades"
        else:
            key = {"Idempotency-Key": f"k{number}"}
            response = httpx.post(f"{base}/api/v1/assignments/{assignment}/submissions", headers=auth | key,
                                  json=body, timeout=120)
            retry = httpx.post(f"{other}/api/v1/assignments/{assignment}/submissions", headers=auth | key,
                               json=body, timeout=120)
            assert retry.json()["id"] == response.json()["id"], (response.text, retry.text)
            kind = "submissions"
            with lock:
                stored.append(response.json()["id"])
                sent["retries"] += 1
        assert response.status_code in (200, 201), response.text
        with lock:
            sent[kind] += 1

    with ThreadPoolExecutor(8) as threads:
        list(threads.map(operation, range(OPERATIONS)))
    return sent


def test_every_invariant_holds_after_random_traffic_to_two_replicas(cluster, database: Engine) -> None:
    bases, admin, assignment = cluster
    sent = run_operations(bases, admin, assignment)
    assert min(sent.values()) > 0, sent
    drain(database)
    with Session(database) as session:
        submissions = session.scalars(select(Submission).where(Submission.assignment_id == assignment)).all()
        assert len(submissions) == sent["submissions"]  # one stored submission per Idempotency-Key
        for submission in submissions:
            assert submission.raw_score == pytest.approx(sum(p.score for p in submission.parts))
            assert_history_is_one_entry_per_change(session, submission)



def drain(database: Engine, timeout: float = 120) -> None:
    """Wait until the worker has run every job (pending parts wait a few seconds before theirs)."""
    deadline = time.monotonic() + timeout
    with Session(database) as session:
        while session.scalar(select(func.count()).where(Job.status != "done")):
            assert time.monotonic() < deadline, "the worker did not finish the queued jobs"
            session.rollback()
            time.sleep(0.2)


def assert_history_is_one_entry_per_change(session: Session, submission: Submission) -> None:
    """Per part and for the final score, each entry starts where the previous one ended and the last one ends at
    the stored score: a duplicated or lost entry breaks the chain."""
    current = {p.question_id: p.score for p in submission.parts} | {None: submission.final_score}
    changes = session.scalars(select(ScoreChange).where(ScoreChange.submission_id == submission.id)
                              .order_by(ScoreChange.id)).all()
    for question_id, score in current.items():
        chain = [c for c in changes if c.question_id == question_id]
        for before, after in pairwise(chain):
            assert after.old == pytest.approx(before.new), (submission.id, question_id, chain)
        if chain:
            assert chain[-1].new == pytest.approx(score), (submission.id, question_id)
        assert all(c.old != pytest.approx(c.new) for c in chain)
