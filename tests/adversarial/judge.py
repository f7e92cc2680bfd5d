"""The case type and the judge: a candidate's NumPy function against the model's truth, at many points."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Case:
    part_id: str
    answer: str
    correct: bool
    why: str


def _finite(v) -> bool:
    arr = np.asarray(v, dtype=float)
    return bool(np.all(np.isfinite(arr)))


def agrees(truths: list, candidate: Callable, points: Iterable[tuple], rtol: float = 1e-9) -> bool:
    """True iff the candidate is finite and equal to the truth at every point (the truth is finite there).

    Undefined arithmetic (x/0, 0/0) counts as non-finite, never as an error of the corpus."""
    for p, truth in zip(points, truths, strict=True):
        want = np.asarray(truth, dtype=float)
        try:
            with np.errstate(all="ignore"):
                got = np.asarray(candidate(*p), dtype=float)
        except (ZeroDivisionError, OverflowError, ValueError):
            return False
        if not _finite(got) or got.shape != want.shape:
            return False
        scale = max(1.0, float(np.max(np.abs(want)))) if want.size else 1.0
        if not np.all(np.abs(got - want) <= rtol * scale):
            return False
    return True


class CaseBuilder:
    """Collects cases of one part; every numeric verdict is computed, and must match the verdict the case's
    `why` argues (a mismatch is a bug in the corpus, so it stops the import)."""

    def __init__(self, part_id: str, truth: Callable, points: list[tuple], rtol: float = 1e-9):
        self.part_id, self.points, self.rtol = part_id, points, rtol
        self.truths = [truth(*p) for p in points]  # computed once: some truths run real convolutions
        self.cases: list[Case] = []

    def right(self, answer: str, fn: Callable, why: str = "equivalent to the model's value everywhere") -> None:
        self._add(answer, fn, True, why)

    def wrong(self, answer: str, fn: Callable, why: str) -> None:
        self._add(answer, fn, False, why)

    def rule(self, answer: str, why: str) -> None:
        """Wrong by the question's rule (restates the unknown, leaves asked-for derivatives unevaluated,
        uses letters that are not the question's, the wrong bound operator), not by value."""
        self.cases.append(Case(self.part_id, answer, False, why))

    def _add(self, answer: str, fn: Callable, expect: bool, why: str) -> None:
        verdict = agrees(self.truths, fn, self.points, self.rtol)
        if verdict != expect:
            raise AssertionError(f"corpus bug: {self.part_id} {answer!r}: model says {verdict}, case says {expect}")
        self.cases.append(Case(self.part_id, answer, verdict, why))


def is_int_close(a, b) -> bool:
    return math.isfinite(a) and a == b
