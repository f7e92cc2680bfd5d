"""Per-student variants: the cost of drawing a class's values, of building a version, and of grading variants in the
warm worker pool (a version is built in the worker the first time it is graded, then kept).

Run from the repository root: `python -m benchmarks.bench_variants [students]` (200 by default). It prints a
Markdown table; the pool runs one worker, so latencies are those of one answer at a time.
"""

import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future

import reference
from app.services.grading import warm_worker
from app.services.variants import as_variant
from graders import GradingPool
from graders.pool import Outcome

PART = "sutd-50039-week8/task2/multiplications"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def grade_all(pool: GradingPool, answers: list[tuple[str, tuple[tuple[str, int], ...]]]) -> list[float]:
    """One answer at a time, so each latency is that answer's own."""
    latencies = []
    for answer, variant in answers:
        started = time.perf_counter()
        future: Future[Outcome] = pool.grade_question(PART, answer, variant=variant)
        outcome = future.result()
        latencies.append(time.perf_counter() - started)
        assert getattr(outcome, "correct", None) is True, outcome
    return latencies


def main(students: int) -> None:
    part = reference.get_part(PART)
    varying = [p for p in reference.all_parts() if p.variants is not None]
    names = [f"student-{n}" for n in range(students)]
    draw = timed(lambda: [p.draw(2026, name) for p in varying for name in names]) / (len(varying) * students)
    values = [part.draw(2026, name) for name in names]
    build = timed(lambda: [part.for_values(v) for v in values]) / students
    answers = [(part.for_values(v).answer, as_variant(v)) for v in values]
    pool = GradingPool(workers=1, timeout=10, initializer=warm_worker)
    try:
        pool.grade_question(PART, part.answer).result()  # the worker is warm
        installed = grade_all(pool, [(part.answer, ())] * 50)
        first = grade_all(pool, answers)
        again = grade_all(pool, answers)
    finally:
        pool.close()
    versions = len({a[1] for a in answers})
    print(f"| {students} students, {versions} versions of {PART} | median ms |\n|---|---|")
    print(f"| draw one student's values (per part) | {draw * 1000:.3f} |")
    print(f"| build one version in this process (cached after) | {build * 1000:.3f} |")
    print(f"| grade the installed version | {statistics.median(installed) * 1000:.1f} |")
    print(f"| grade a student's version, first time (built in the worker) | {statistics.median(first) * 1000:.1f} |")
    print(f"| grade a student's version again (kept in the worker) | {statistics.median(again) * 1000:.1f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
