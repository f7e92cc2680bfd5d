"""The case record and the helpers that append one only after the oracle agrees with its stated verdict."""

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy as sp

from tests.adversarial.general import oracle


@dataclass(frozen=True)
class GeneralCase:
    kind: str
    reference: str
    answer: str
    correct: bool
    options: dict | None
    source: str
    why: str


class VerdictMismatch(AssertionError):
    """The corpus states a verdict that its own independent check does not reproduce."""


def _check(case: GeneralCase, decided: bool) -> GeneralCase:
    if decided != case.correct:
        raise VerdictMismatch(f"{case.kind} {case.answer!r} vs {case.reference!r}: stated {case.correct}, oracle {decided}")
    return case


# A row is (answer, intended meaning, stated verdict, why); the meaning's type depends on the kind.
Row = tuple[str, Any, bool, str]


def numbers(kind: str, reference: str, value: Any, rows: list[Row], options: dict | None = None,
            source: str = "own") -> list[GeneralCase]:
    """Meaning: an exact value (int, Fraction, SymPy number), a numeral string (sigfigs/decimal places are read
    from it), or None for something that is not a finite real number."""
    out = []
    for answer, meaning, correct, why in rows:
        numeral = meaning if isinstance(meaning, str) else None
        decided = oracle.number_ok(value, meaning, options, numeral)
        if kind == "integer" and meaning is not None and not isinstance(meaning, str):
            decided = decided and sp.Rational(meaning) == sp.Rational(value)
        out.append(_check(GeneralCase(kind, reference, answer, correct, options, source, why), decided))
    return out


def expressions(reference: str, py_ref: str, rows: list[Row], variables: dict[str, Any] | None = None,
                options: dict | None = None, source: str = "own", real: bool = True,
                probes: list[dict[str, Any]] | None = None) -> list[GeneralCase]:
    """Meaning: the Python text of the student's intended function (NumPy and SymPy namespaces of the oracle).
    `probes` are exact points where a difference hides from random sampling (a narrow window, an integer)."""
    variables = variables or {"x": (-3.0, 3.0)}
    out = []
    for answer, py_ans, correct, why in rows:
        decided = oracle.same_function(py_ans, py_ref, variables, real)
        for point in probes or []:
            decided = decided and oracle.residual_zero(f"({py_ans}) - ({py_ref})", point)
        out.append(_check(GeneralCase("expression", reference, answer, correct, options, source, why), decided))
    return out


def equations(reference: str, py_ref: str, ref_points: list[dict[str, Any]], rows: list[tuple[str, str, list, bool, str]],
              options: dict | None = None, source: str = "own") -> list[GeneralCase]:
    """Meaning: a residual (zero exactly on the solution set) and points of the student's solution set; the sets
    agree when each side's points solve the other side (compared where both are defined)."""
    assert all(oracle.residual_zero(py_ref, p) for p in ref_points), reference
    out = []
    for answer, py_ans, ans_points, correct, why in rows:
        assert all(oracle.residual_zero(py_ans, p) for p in ans_points), answer
        decided = all(oracle.residual_zero(py_ans, p) for p in ref_points) and all(
            oracle.residual_zero(py_ref, p) for p in ans_points)
        out.append(_check(GeneralCase("equation", reference, answer, correct, options, source, why), decided))
    return out


Predicate = Callable[[Fraction], bool]


def sets(reference: str, ref_pred: Predicate, rows: list[tuple[str, Predicate, bool, str]], options: dict | None = None,
         source: str = "own", probes: tuple[Fraction, ...] = ()) -> list[GeneralCase]:
    integer = bool((options or {}).get("integer"))
    return [_check(GeneralCase("set", reference, answer, correct, options, source, why),
                   oracle.same_membership(pred, ref_pred, integer, probes)) for answer, pred, correct, why in rows]


def matrices(kind: str, reference: str, value: list, rows: list[Row], options: dict | None = None,
             source: str = "own") -> list[GeneralCase]:
    """Meaning: nested lists of exact entries (a tuple is a one-row matrix, compared in order)."""
    return [_check(GeneralCase(kind, reference, answer, correct, options, source, why), oracle.same_matrix(meaning, value))
            for answer, meaning, correct, why in rows]


R = sp.Rational
F = Fraction


def on_line(param: Callable[[Any], dict[str, Any]], ts: tuple = (2, 3, -1, R(1, 3), R(-5, 7))) -> list[dict[str, Any]]:
    """Points of a one-parameter solution family at exact parameter values."""
    return [param(sp.Rational(t)) for t in ts]
