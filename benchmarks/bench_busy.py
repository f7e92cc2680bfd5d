"""Busy machine: with CPU-burning processes running, reference answers graded through a freshly started server.

Starts the burners, then `grader serve` (so its workers warm up under load too), then submits the bank's reference
answers to csc421-2019-hw4/q1 (h-bar, c-bar, ...: the parts that came back 0 under load before) and counts how
the parts came back: correct, scored 0 (must be none), pending (finished later by the queue).

    .venv/bin/python -m benchmarks.bench_busy [--burners 2] [--submissions 8] [--concurrency 4]
"""

import argparse
import multiprocessing
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

import reference
from benchmarks.servers import headers, make_assignment, server, token

PARTS = ["h-bar", "c-bar", "g-bar", "o-bar", "f-bar"]


def burn() -> None:
    while True:
        pass


def outcome(part: dict) -> str:
    if part["pending"]:
        return "pending"
    return "correct" if part["correct"] else "scored 0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burners", type=int, default=2)
    parser.add_argument("--submissions", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    question_ids = [f"csc421-2019-hw4/q1/{name}" for name in PARTS]
    answers = {q: reference.get_part(q).answer for q in question_ids}
    burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(args.burners)]
    for process in burners:
        process.start()
    try:
        with tempfile.TemporaryDirectory() as directory:
            url = f"sqlite:///{directory}/busy.db"
            admin = token(url)
            started = time.monotonic()
            with server(url) as base:
                ready = time.monotonic() - started
                assignment = make_assignment(base, admin, "BUSY", question_ids)

                def submit(number: int) -> list[str]:
                    response = httpx.post(f"{base}/api/v1/assignments/{assignment}/submissions", headers=headers(admin),
                                          json={"student": f"s{number}", "answers": answers}, timeout=300)
                    response.raise_for_status()
                    return [outcome(part) for part in response.json()["parts"]]

                began = time.monotonic()
                with ThreadPoolExecutor(args.concurrency) as threads:
                    counts = Counter(o for parts in threads.map(submit, range(args.submissions)) for o in parts)
                elapsed = time.monotonic() - began
    finally:
        for process in burners:
            process.terminate()
    total = sum(counts.values())
    print("| burners | parts graded | correct | scored 0 | pending | server ready after | grading wall time |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {args.burners} | {total} | {counts['correct']} | {counts['scored 0']} | {counts['pending']} "
          f"| {ready:.1f} s | {elapsed:.1f} s |")


if __name__ == "__main__":
    main()
