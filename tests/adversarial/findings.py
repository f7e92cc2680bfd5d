"""Grades the corpus and writes FINDINGS.md: every false accept and false reject, with totals by part and kind.

Run: .venv/bin/python -m tests.adversarial.findings
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path

import reference
from tests.adversarial.corpus import CASES
from tests.adversarial.test_corpus import grade_case

OUT = Path(__file__).with_name("FINDINGS.md")

# issue 9's families, recognised from the case's `why` (first match wins)
FAMILIES = (
    ("1 non-finite values", ("infinite", "undefined", "overflows", "infinity")),
    ("2 restating the unknown", ("restates", "circular", "unevaluated", "left unevaluated")),
    (
        "3 sample points (fixed step, t+2, f c(t-2), h_0)",
        (
            "fixed step",
            "only when t = 2",
            "step 2",
            "step 3",
            "h_0",
            "t+2",
            "drops f",
            "c_0",
            "bump",
            "vanishes",
            "when t = 2",
            "absolute value",
            "sqrt of a square",
            "|gamma|",
            "zero initial state",
            "signed square",
        ),
    ),
    ("4 big-O (letters, operator)", ("not sizes of the question", "lower bound, not O", "little-o", "adds N")),
    (
        "5 tolerance",
        (
            "not exact",
            "float-invisible",
            "but the model gives",
            "not an integer size",
            "too small",
            "not the smallest",
            "not the largest",
            "but the model gives",
        ),
    ),
)


def family(why: str) -> str:
    for name, keys in FAMILIES:
        if any(k in why for k in keys):
            return name
    return "other (ordinary wrong formula or spelling)"


def _cell(text: str | None, limit: int = 160) -> str:
    text = (text or "").replace("|", "\\|").replace("\n", " ")
    return "`" + (text if len(text) <= limit else text[: limit - 1] + "…") + "`"


def main() -> None:
    started = time.time()
    accepts, rejects = [], []
    by_part: dict[str, Counter] = defaultdict(Counter)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_family: dict[str, Counter] = defaultdict(Counter)
    for case in CASES:
        kind = reference.get_part(case.part_id).kind
        r = grade_case(case)
        outcome = "ok"
        if case.correct and r.score != 1:
            outcome = "false reject"
            rejects.append((case, r))
        elif not case.correct and r.score >= 1:
            outcome = "false accept"
            accepts.append((case, r))
        for table, key in (
            (by_part, case.part_id),
            (by_kind, kind),
            (by_family, family(case.why) if not case.correct else "right answers (spellings, equivalent forms)"),
        ):
            table[key]["right" if case.correct else "wrong"] += 1
            table[key][outcome] += 1
    lines = [
        "# Adversarial corpus: findings",
        "",
        "Written by an independent tester (issue 9) from the seeds, the bank's prompts and the contract; verdicts from",
        "the NumPy models in `models.py`. Regenerate with `.venv/bin/python -m tests.adversarial.findings`;",
        "the same cases run as tests in `test_corpus.py`.",
        "",
        f"Cases: {len(CASES)} ({sum(c.correct for c in CASES)} right, {sum(not c.correct for c in CASES)} wrong) "
        f"over {len(by_part)} parts. **False accepts: {len(accepts)}. False rejects: {len(rejects)}.** "
        f"(graded in {time.time() - started:.0f} s)",
        "",
        "Families (issue 9): 1 non-finite answers (x/0, 0/0, 1/(z-z), an infinite tuple element); 2 restating the",
        "unknown (the asked quantity, dL/dv for v-bar, unevaluated partials, a downstream adjoint divided back, times 1,",
        "plus 0, half of it); 3 answers that agree only on the grader's sample points (a fixed step t = 2 of a 3-step",
        "run, t+1 written as 3, dropped recursion through t+2, dropped f c(t-2), added h_0, sigma'(w x) without the",
        "h(0) term, absolute values of signed quantities, narrow bumps and bumps outside the sampled window);",
        "4 big-O with letters that are not the question's sizes, Omega or little-o where O is asked; 5 tolerances:",
        "shapes, counts and exact bounds off by 1e-6 .. 1e-12, exact numbers inside the part's rtol.",
        "",
        "## By kind",
        "",
        "| kind | right | wrong | false accepts | false rejects |",
        "|---|---|---|---|---|",
    ]
    for kind, c in sorted(by_kind.items()):
        lines.append(f"| {kind} | {c['right']} | {c['wrong']} | {c['false accept']} | {c['false reject']} |")
    lines += [
        "",
        "## By family of issue 9",
        "",
        "| family | right | wrong | false accepts | false rejects |",
        "|---|---|---|---|---|",
    ]
    for fam, c in sorted(by_family.items()):
        lines.append(f"| {fam} | {c['right']} | {c['wrong']} | {c['false accept']} | {c['false reject']} |")
    lines += ["", "## By part", "", "| part | right | wrong | false accepts | false rejects |", "|---|---|---|---|---|"]
    for pid, c in sorted(by_part.items()):
        lines.append(f"| {pid} | {c['right']} | {c['wrong']} | {c['false accept']} | {c['false reject']} |")
    lines += [
        "",
        "## False accepts (wrong answers given full marks)",
        "",
        "| part | answer | why it is wrong | family |",
        "|---|---|---|---|",
    ]
    lines += [f"| {c.part_id} | {_cell(c.answer)} | {c.why} | {family(c.why)[:1]} |" for c, _ in accepts]
    lines += [
        "",
        "## False rejects (right answers refused)",
        "",
        "| part | answer | why it is right | grader said |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {c.part_id} | {_cell(c.answer)} | {c.why} | score {r.score:g}: {_cell(r.error or r.feedback, 120)} |"
        for c, r in rejects
    ]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(CASES)} cases, {len(accepts)} false accepts, {len(rejects)} false rejects -> {OUT}")


if __name__ == "__main__":
    main()
