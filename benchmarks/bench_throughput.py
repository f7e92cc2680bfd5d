"""Throughput: graded submissions per second (5 auto-graded parts) as a ratio of a no-grading submission on the same
server, at several client concurrencies, on SQLite and PostgreSQL, with 1, 2 and 4 grading workers.

The no-grading submission is the same request to the same assignment with no answers: the same rows are written,
nothing is sent to the pool. Each cell runs for `--seconds` per side, in three alternating rounds.

    .venv/bin/python -m benchmarks.bench_throughput [--seconds 8] [--workers 1 2 4] [--concurrency 1 8 32]
"""

import argparse
import itertools
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

import reference
from benchmarks.servers import headers, make_assignment, postgres_database, server, token

ROUNDS = 3
PARTS = ["csc421-2019-hw4/q1/h-bar", "csc421-2019-hw4/q1/c-bar", "csc421-2019-hw4/q3/det-jacobian",
         "csc421-2019-hw4/q3/inverse-theta", "csc421-2019-hw4/q2/weights"]


def rate(base: str, admin: str, assignment: int, answers: dict[str, str], concurrency: int, seconds: float) -> float:
    """Submissions per second with `concurrency` clients sending back to back."""
    counter, stop = itertools.count(), threading.Event()
    done, failures = [0] * concurrency, Counter[str]()

    def client(slot: int) -> None:
        with httpx.Client(base_url=base, headers=headers(admin), timeout=120) as http:
            while not stop.is_set():
                try:
                    response = http.post(f"/api/v1/assignments/{assignment}/submissions",
                                         json={"student": f"s{next(counter)}", "answers": answers})
                except httpx.HTTPError as error:
                    failures[type(error).__name__] += 1
                    continue
                if response.status_code != 201:
                    failures[f"{response.status_code} {response.text[:80]}"] += 1
                    continue
                done[slot] += 1

    with ThreadPoolExecutor(concurrency) as threads:
        for slot in range(concurrency):
            threads.submit(client, slot)
        time.sleep(1.0)  # warm-up: connections open, workers busy
        first, began = sum(done), time.monotonic()
        time.sleep(seconds)
        counted, elapsed = sum(done) - first, time.monotonic() - began
        stop.set()
    if failures:
        print(f"failed requests at concurrency {concurrency}: {dict(failures)}", file=sys.stderr)
    return counted / elapsed


def measure(url: str, workers: int, concurrencies: list[int], seconds: float) -> list[tuple[int, float, float]]:
    admin = token(url)
    answers = {q: reference.get_part(q).answer for q in PARTS}
    with server(url, grade_workers=workers) as base:
        assignment = make_assignment(base, admin, f"T{workers}x{int(time.time() * 1000) % 10**6}", PARTS)
        rows = []
        for concurrency in concurrencies:
            # Alternating short rounds, so that the other work on a shared machine weighs on both sides alike.
            rounds = [(rate(base, admin, assignment, {}, concurrency, seconds / ROUNDS),
                       rate(base, admin, assignment, answers, concurrency, seconds / ROUNDS)) for _ in range(ROUNDS)]
            rows.append((concurrency, *(sum(side) / ROUNDS for side in zip(*rounds, strict=False))))
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print("| database | grading workers | concurrency | no-grading /s | graded /s | ratio |")
    print("|---|---|---|---|---|---|")
    for database in ("SQLite", "PostgreSQL"):
        for workers in args.workers:
            if database == "SQLite":
                with tempfile.TemporaryDirectory() as directory:
                    rows = measure(f"sqlite:///{directory}/t.db", workers, args.concurrency, args.seconds)
            else:
                with postgres_database(args.postgres) as url:
                    rows = measure(url, workers, args.concurrency, args.seconds)
            for concurrency, baseline, graded in rows:
                print(f"| {database} | {workers} | {concurrency} | {baseline:.1f} | {graded:.1f} "
                      f"| {graded / baseline:.2f} |", flush=True)


if __name__ == "__main__":
    main()
