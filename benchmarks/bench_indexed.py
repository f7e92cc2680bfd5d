"""Time the `indexed` kind: warm grades of the NYU 1.1(c) parts' answers, and of hostile answers at its work bound.

Run from the repository root: `python benchmarks/bench_indexed.py`. Prints a Markdown table: per part the number of
answers (the reference, its known mistakes, the mutants of the mutation self-test), the median and slowest warm grade
in ms, and the time of the most expensive answer the kind still evaluates and of one it refuses for its work.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import reference
from graders import grade
from reference.mutations import mutants

HEAVY = " + ".join([r"\sum_{a=1}^{160}\sum_{b=1}^{160} n a b x[1][1]"] * 8)  # just within the work bound
REFUSED = " + ".join([r"\sum_{a=1}^{160}\sum_{b=1}^{160} n a b x[1][1]"] * 12)  # beyond it


def _ms(part: reference.Part, answer: str) -> float:
    options = part.grading_options()
    grade(part.kind, answer, part.reference, options=options)  # warm: the reference and the samples are read
    start = time.perf_counter()
    grade(part.kind, answer, part.reference, options=options)
    return 1000 * (time.perf_counter() - start)


def main() -> None:
    print("| part | answers | median ms | slowest ms | heavy answer ms | refused answer ms |")
    print("|---|---|---|---|---|---|")
    for part in (p for p in reference.all_parts() if p.kind == "indexed"):
        answers = [part.answer, *(m.answer for m in part.mistakes), *(m.answer for m in mutants(part))]
        times = [_ms(part, answer) for answer in answers]
        print(f"| {part.id} | {len(answers)} | {statistics.median(times):.2f} | {max(times):.2f} | "
              f"{_ms(part, HEAVY):.1f} | {_ms(part, REFUSED):.1f} |")


if __name__ == "__main__":
    main()
