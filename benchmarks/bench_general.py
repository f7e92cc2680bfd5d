"""Grade the general-mathematics adversarial corpus with graders.grade and with Math-Verify.

Run from the repository root: `python benchmarks/bench_general.py` prints agreement, false accepts, false rejects and
median warm latency per kind for both; `--findings` prints instead the Markdown tables of FINDINGS.md (every case
graders.grade gets wrong today). A grade that raises is counted apart: it is neither a verdict nor a pass.
Math-Verify gets the same strings (wrapped in `$...$` when they carry no delimiter) and no options: it has no
significant-figure, tolerance, domain or integer-set semantics, so those cases measure what it does without them.
"""

import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from pebble import ProcessPool

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graders import grade
from tests.adversarial.general.corpus import CASES, GeneralCase

MV_TIMEOUT = 5.0


@dataclass(frozen=True)
class Outcome:
    full: bool  # full marks
    seconds: float
    raised: str | None = None  # an exception escaped grade()
    error: str | None = None  # the answer could not be read


def ours(case: GeneralCase) -> Outcome:
    try:
        grade(case.kind, case.answer, case.reference, options=case.options)  # warm the reference cache
        start = time.perf_counter()
        result = grade(case.kind, case.answer, case.reference, options=case.options)
    except Exception as exc:
        return Outcome(False, 0.0, raised=f"{type(exc).__name__}: {exc}"[:120])
    return Outcome(result.score == 1.0, time.perf_counter() - start, error=result.error)


def _mv_parse(text: str):
    from math_verify import parse

    wrapped = text if "$" in text or r"\(" in text else f"${text}$"
    return parse(wrapped) or parse(text)


def math_verify(answer: str, reference: str) -> Outcome:
    from math_verify import verify

    start = time.perf_counter()
    try:
        verdict = bool(verify(_mv_parse(reference), _mv_parse(answer)))
    except Exception:
        verdict = False
    return Outcome(verdict, time.perf_counter() - start)


def run_math_verify() -> list[Outcome]:
    with ProcessPool(max_workers=2) as pool:
        futures: list[Future] = [
            pool.schedule(math_verify, args=(case.answer, case.reference), timeout=MV_TIMEOUT) for case in CASES
        ]
        return [_result(future) for future in futures]


def _result(future: Future) -> Outcome:
    try:
        return future.result()
    except Exception:
        return Outcome(False, MV_TIMEOUT)


def by_kind() -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, case in enumerate(CASES):
        groups[case.kind].append(index)
    groups["all"] = list(range(len(CASES)))
    return groups


def summary(outcomes: list[Outcome], indices: list[int]) -> list[str]:
    agree = sum(outcomes[i].full is CASES[i].correct for i in indices)
    false_accepts = sum(outcomes[i].full and not CASES[i].correct for i in indices)
    false_rejects = sum(not outcomes[i].full and CASES[i].correct for i in indices)
    times = [outcomes[i].seconds * 1000 for i in indices if outcomes[i].raised is None]
    median = f"{statistics.median(times):.2f}" if times else "-"
    return [f"{agree / len(indices):.1%}", str(false_accepts), str(false_rejects), median]


def print_summary(columns: dict[str, list[Outcome]]) -> None:
    header = ["kind", "cases", "right/wrong"] + [
        f"{name} {what}" for name in columns for what in ("agree", "false accepts", "false rejects", "median ms")]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for kind, indices in by_kind().items():
        right = sum(CASES[i].correct for i in indices)
        cells = [kind, str(len(indices)), f"{right}/{len(indices) - right}"]
        cells += [cell for outcomes in columns.values() for cell in summary(outcomes, indices)]
        print("| " + " | ".join(cells) + " |")
    raised = sum(o.raised is not None for o in columns["graders"])
    print(f"\ngraders.grade raised on {raised} cases (counted as not full marks).")


def _cell(text: object) -> str:
    return "`" + str(text).replace("|", "\\|").replace("`", "'") + "`" if text is not None else ""


def print_findings(ours_outcomes: list[Outcome]) -> None:
    for title, want in (("False accepts (wrong answers given full marks)", False),
                        ("False rejects (right answers refused)", True)):
        rows = [(c, o) for c, o in zip(CASES, ours_outcomes, strict=True) if c.correct is want and o.full is not want]
        print(f"## {title}: {len(rows)}\n")
        counts = defaultdict(int)
        for case, _ in rows:
            counts[case.kind] += 1
        print("Per kind: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + "\n")
        print("| kind | answer | reference | options | why | what happened | source |")
        print("|---|---|---|---|---|---|---|")
        for case, outcome in rows:
            happened = outcome.raised or outcome.error or ("full marks" if outcome.full else "not full marks")
            print(f"| {case.kind} | {_cell(case.answer)} | {_cell(case.reference)} | {_cell(case.options or '')} | "
                  f"{case.why} | {_cell(happened)} | {case.source} |")
        print()
    raised = [(c, o) for c, o in zip(CASES, ours_outcomes, strict=True) if o.raised and not c.correct]
    print(f"## Wrong answers whose grading raised (the reference was not read): {len(raised)}\n")
    print("| kind | answer | reference | exception |")
    print("|---|---|---|---|")
    for case, outcome in raised:
        print(f"| {case.kind} | {_cell(case.answer)} | {_cell(case.reference)} | {_cell(outcome.raised)} |")


def main() -> None:
    ours_outcomes = [ours(case) for case in CASES]
    if "--findings" in sys.argv:
        print_findings(ours_outcomes)
        return
    columns = {"graders": ours_outcomes}
    try:
        import math_verify  # noqa: F401

        columns["Math-Verify"] = run_math_verify()
    except ImportError:
        print("math-verify is not installed (pip install '.[bench]'): its columns are skipped", file=sys.stderr)
    print_summary(columns)


if __name__ == "__main__":
    main()
