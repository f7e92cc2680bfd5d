"""CPU time of grading the matrix_expr parts: the first grade in a fresh process (reading the part's vocabulary and
its reference at every sample point) and warm grades of the reference, of each known mistake and of a shape error.

Run from the repository root: `python benchmarks/bench_matrix.py`. Prints a Markdown table (milliseconds).
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import graders
import reference

REPEATS = 20


def _cpu_ms(part: reference.Part, answer: str) -> float:
    start = time.process_time()
    graders.grade(part.kind, answer, part.reference, options=part.grading_options())
    return (time.process_time() - start) * 1000


def main() -> None:
    graders.grade("expression", "x", "x")  # the grammar is built once per process, for every kind
    print("| part | samples | first grade | warm reference (median) | warm wrong answers (median) |")
    print("|---|---|---|---|---|")
    for part in (p for p in reference.all_parts() if p.kind == "matrix_expr"):
        first = _cpu_ms(part, part.answer)
        warm = statistics.median(_cpu_ms(part, part.answer) for _ in range(REPEATS))
        wrong = [m.answer for m in part.mistakes] + ["\\mathbf{1}"]
        warm_wrong = statistics.median(_cpu_ms(part, answer) for answer in wrong for _ in range(REPEATS // 4))
        print(f"| `{part.id}` | {len(part.options['samples'])} | {first:.0f} | {warm:.1f} | {warm_wrong:.1f} |")


if __name__ == "__main__":
    main()
