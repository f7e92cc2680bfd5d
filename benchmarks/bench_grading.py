"""Grade the corpora with graders.grade, a plain SymPy baseline and Math-Verify; print a Markdown table each.

Three corpora: the course corpus (grading_corpus.py: seed answers and every spelling of the grading issue), the
general-mathematics corpus (general_corpus.py), and, when present, the independently written adversarial corpus
(tests/adversarial/corpus.py: bank parts, answers and verdicts from its own NumPy models). Per kind it reports
agreement, false accepts (a wrong answer given full marks), false rejects (a right one refused) and warm latencies.

Run from the repository root: `python benchmarks/bench_grading.py [course|general|adversarial]` (all by default).
Latencies are warm: ours after one
warm-up grade of the same case in this process, the baselines inside an already-importing worker process.
"""

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from pebble import ProcessPool

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import general_corpus, grading_corpus
from benchmarks.grading_corpus import Case
from graders import grade

ROOT = Path(__file__).resolve().parents[1]


def adversarial_cases() -> list[Case]:
    """The adversarial corpus as benchmark cases, each graded against its bank part; empty when it is absent."""
    try:
        from tests.adversarial.corpus import CASES as ADVERSARIAL
    except ModuleNotFoundError:
        return []
    import reference

    parts = {case.part_id: reference.get_part(case.part_id) for case in ADVERSARIAL}
    return [Case(parts[c.part_id].kind, c.answer, parts[c.part_id].reference, c.correct,
                 parts[c.part_id].grading_options(), "adversarial") for c in ADVERSARIAL]


BASELINE_TIMEOUT = 5.0
Outcome = tuple[bool, float]  # (verdict, seconds)


def ours(case: Case) -> Outcome:
    grade(case.kind, case.student, case.reference, options=case.options)  # warm the reference cache
    start = time.perf_counter()
    result = grade(case.kind, case.student, case.reference, options=case.options)
    return result.correct is True, time.perf_counter() - start


def _sympy_parse(text: str):
    # Our own corpus, not student input: SymPy's parsers are fine here.
    from sympy.parsing.latex import parse_latex
    from sympy.parsing.sympy_parser import (
        convert_xor,
        implicit_multiplication_application,
        parse_expr,
        standard_transformations,
    )

    if "\\" in text:
        return parse_latex(text, backend="lark")
    return parse_expr(text, transformations=(*standard_transformations, implicit_multiplication_application, convert_xor))


def sympy_baseline(student: str, reference: str) -> Outcome:
    import sympy

    start = time.perf_counter()
    try:
        a, b = _sympy_parse(student), _sympy_parse(reference)
        try:
            verdict = sympy.simplify(a - b) == 0
        except TypeError:  # tuples, sets, relations: no subtraction, so plain equality
            verdict = a == b
    except Exception:
        verdict = False
    return bool(verdict), time.perf_counter() - start


def math_verify_baseline(student: str, reference: str) -> Outcome:
    from math_verify import parse, verify

    start = time.perf_counter()
    try:
        verdict = verify(parse(f"${reference}$"), parse(f"${student}$"))
    except Exception:
        verdict = False
    return bool(verdict), time.perf_counter() - start


def run_baseline(function: Callable[[str, str], Outcome], cases: list[Case]) -> list[Outcome]:
    with ProcessPool(max_workers=2) as pool:
        futures: list[Future] = [
            pool.schedule(function, args=(case.student, str(case.reference)), timeout=BASELINE_TIMEOUT) for case in cases
        ]
        return [_outcome(future) for future in futures]


def _outcome(future: Future) -> Outcome:
    try:
        return future.result()
    except Exception:
        return False, BASELINE_TIMEOUT


def math_verify_installed() -> bool:
    try:
        import math_verify  # noqa: F401
    except ImportError:
        return False
    return True


def summary(outcomes: list[Outcome], indices: list[int], cases: list[Case]) -> list[str]:
    agreed = sum(outcomes[i][0] is cases[i].expected for i in indices)
    false_accepts = sum(outcomes[i][0] and not cases[i].expected for i in indices)
    false_rejects = sum(not outcomes[i][0] and cases[i].expected for i in indices)
    times = sorted(outcomes[i][1] * 1000 for i in indices)
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return [f"{agreed / len(indices):.1%}", str(false_accepts), str(false_rejects), f"{statistics.median(times):.2f}",
            f"{p99:.2f}"]


def table(title: str, cases: list[Case]) -> None:
    columns = {"graders": [ours(case) for case in cases], "SymPy simplify": run_baseline(sympy_baseline, cases)}
    if math_verify_installed():
        columns["Math-Verify"] = run_baseline(math_verify_baseline, cases)
    else:
        print("math-verify is not installed (pip install '.[bench]'): its column is skipped", file=sys.stderr)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        by_kind[case.kind].append(index)
    by_kind["all"] = list(range(len(cases)))
    what = ("agree", "false accepts", "false rejects", "median ms", "p99 ms")
    header = ["kind", "cases"] + [f"{name} {column}" for name in columns for column in what]
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for kind, indices in by_kind.items():
        cells = [kind, str(len(indices))] + [cell for outcomes in columns.values() for cell in summary(outcomes, indices, cases)]
        print("| " + " | ".join(cells) + " |")


CORPORA: dict[str, tuple[str, Callable[[], list[Case]]]] = {
    "course": ("Course corpus (benchmarks/grading_corpus.py)", lambda: grading_corpus.CASES),
    "general": ("General-mathematics corpus (benchmarks/general_corpus.py)", lambda: general_corpus.CASES),
    "adversarial": ("Adversarial corpus (tests/adversarial/corpus.py)", adversarial_cases),
}


def main() -> None:
    for name in sys.argv[1:] or list(CORPORA):
        title, load = CORPORA[name]
        cases = load()
        if cases:
            table(title, cases)


if __name__ == "__main__":
    main()
