"""Fairness benchmark: one token's median submission latency, idle and while another token floods slow answers.

Starts the real server (`python -m app serve`, SQLite in a temporary directory, the default 2 grading workers
and 2 s limit), then measures a victim student token's submissions (two quick parts) one after another: first on
an idle server, then while a flooding student token keeps its in-flight cap full of submissions whose answers
take SymPy about a second each. The flooder waits as long as a 429's Retry-After says (or, with
`--ignore-retry-after`, only 50 ms: a request flood on top). The server runs with its default settings, rate limit
included. Prints both medians and their ratio; the target is at most 2x.

    .venv/bin/python -m benchmarks.bench_fairness [--submissions 15] [--flooders 8] [--ignore-retry-after]
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

import reference

SLOW_SET_ANSWER = "x^9-3x^7+2x^5-x^3+x > 1"  # about a second of SymPy solving an inequality


def set_part() -> reference.Part:
    return next(part for part in reference.all_parts() if part.kind == "set")


def number_part() -> reference.Part:
    return next(part for part in reference.all_parts() if part.kind in ("integer", "number"))


def cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("the server exited before answering")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not come up")


def setup(base: str, env: dict[str, str]) -> tuple[int, dict[str, str], dict[str, str]]:
    admin = {"Authorization": f"Bearer {cli(env, 'token', 'create', '--role', 'admin')}"}
    course = httpx.post(f"{base}/api/v1/courses", json={"code": "BENCH", "name": "bench"}, headers=admin).json()
    body = {"title": "open", "deadline": "2100-01-01T00:00:00",
            "parts": [{"question_id": set_part().id}, {"question_id": number_part().id}]}
    assignment = httpx.post(f"{base}/api/v1/courses/{course['id']}/assignments", json=body, headers=admin).json()
    victim = cli(env, "token", "create", "--role", "student", "--student", "victim")
    flooder = cli(env, "token", "create", "--role", "student", "--student", "mallory")
    return assignment["id"], {"Authorization": f"Bearer {victim}"}, {"Authorization": f"Bearer {flooder}"}


def submit(client: httpx.Client, url: str, headers: dict[str, str], student: str, answer: str) -> httpx.Response:
    body = {"student": student, "answers": {set_part().id: answer, number_part().id: number_part().answer}}
    return client.post(url, json=body, headers=headers, timeout=120)


def victim_latencies(url: str, headers: dict[str, str], count: int) -> list[float]:
    took = []
    with httpx.Client() as client:
        for _ in range(count):
            started = time.perf_counter()
            assert submit(client, url, headers, "victim", "{1, 2}").status_code == 201
            took.append(time.perf_counter() - started)
    return took


def flood(url: str, headers: dict[str, str], stop: threading.Event, statuses: Counter[int], polite: bool) -> None:
    with httpx.Client() as client:
        while not stop.is_set():
            response = submit(client, url, headers, "mallory", SLOW_SET_ANSWER)
            statuses[response.status_code] += 1
            if response.status_code == 429:
                stop.wait(float(response.headers["Retry-After"]) if polite else 0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=15)
    parser.add_argument("--flooders", type=int, default=8)
    parser.add_argument("--ignore-retry-after", action="store_true", help="the flooder retries a 429 after 50 ms")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"GRADER_DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.db'}"}
        cli(env, "migrate")
        server = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base, server)
            assignment_id, victim, flooder = setup(base, env)
            url = f"{base}/api/v1/assignments/{assignment_id}/submissions"
            victim_latencies(url, victim, 3)  # warm the workers
            idle = statistics.median(victim_latencies(url, victim, args.submissions))
            stop, statuses = threading.Event(), Counter[int]()
            polite = not args.ignore_retry_after
            flooders = [threading.Thread(target=flood, args=(url, flooder, stop, statuses, polite))
                        for _ in range(args.flooders)]
            for thread in flooders:
                thread.start()
            time.sleep(2)  # the flood fills its share of the pool
            loaded = statistics.median(victim_latencies(url, victim, args.submissions))
            stop.set()
            for thread in flooders:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"victim median latency idle:            {idle * 1000:8.1f} ms")
    print(f"victim median latency under the flood: {loaded * 1000:8.1f} ms  ({loaded / idle:.2f}x idle; target <= 2x)")
    print(f"flooder responses: {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    main()
