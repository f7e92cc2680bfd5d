"""Cold start: seconds from launching `grader serve` to ready, and to the first graded submission.

    .venv/bin/python -m benchmarks.bench_start [--postgres URL]
"""

import argparse
import tempfile
import time

import httpx

import reference
from benchmarks.servers import headers, make_assignment, server, token

PART = "csc421-2019-hw4/q1/h-bar"


def cold_start(url: str) -> tuple[float, float]:
    admin = token(url)
    started = time.monotonic()
    with server(url) as base:
        ready = time.monotonic() - started
        assignment = make_assignment(base, admin, f"COLD{int(started)}", [PART])
        response = httpx.post(f"{base}/api/v1/assignments/{assignment}/submissions", headers=headers(admin),
                              json={"student": "s", "answers": {PART: reference.get_part(PART).answer}}, timeout=120)
        assert response.json()["parts"][0]["correct"] is True, response.text
        return ready, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| run | ready (s) | first graded submission (s) |")
    print("|---|---|---|")
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as directory:
            ready, first = cold_start(f"sqlite:///{directory}/cold.db")
        print(f"| {run + 1} | {ready:.1f} | {first:.1f} |")


if __name__ == "__main__":
    main()
