"""Frozen, hashable option records per answer kind, built from the plain options dict (unknown keys ignored).

Hashable so that a parsed reference can be cached per (reference, options).
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Self


@dataclass(frozen=True)
class Mistake:
    answer: str
    feedback: str
    score: float


@dataclass(frozen=True)
class Forbidden:
    """A name an answer may not use, and why: the unknown itself, a quantity that makes the question trivial, or
    `f'` (any derivative of the function f) where the derivative is the question."""

    name: str
    reason: str


def _forbidden(value: Any) -> tuple[Forbidden, ...]:
    """A list of {"name", "reason"} records, or a mapping name -> reason."""
    items = value.items() if isinstance(value, Mapping) else ((entry["name"], entry["reason"]) for entry in value)
    return tuple(Forbidden(name=str(name), reason=str(reason)) for name, reason in items)


def _mistakes(value: Any) -> tuple[Mistake, ...]:
    return tuple(
        Mistake(answer=str(m["answer"]), feedback=str(m.get("feedback", "")), score=float(m.get("score", 0.0)))
        for m in value
    )


def _frozen_json(value: Any) -> str:
    # Nested dicts/lists (vocabulary, samples) are kept as canonical JSON: hashable and picklable.
    return json.dumps(value, sort_keys=True)


_CONVERTERS: dict[str, Any] = {
    "mistakes": _mistakes,
    "forbidden": _forbidden,
    "reveal_answer": bool,
    "partial": bool,
    "rtol": float,
    "atol": float,
    "sigfigs": int,
    "accuracy_sigfigs": int,
    "decimal_places": int,
    "literal": bool,
    "variable": str,
    "integer": bool,
    "choices": lambda v: tuple(str(c) for c in v),
    "asymptotic": lambda v: tuple(str(name) for name in v),
    "variables": _frozen_json,
    "symbols": _frozen_json,
    "functions": _frozen_json,
    "samples": _frozen_json,
}


@dataclass(frozen=True)
class CommonOptions:
    mistakes: tuple[Mistake, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()
    reveal_answer: bool = False
    partial: bool = False

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any] | None) -> Self:
        """Keep the keys this kind knows, converted to hashable values; ignore the rest."""
        options = options or {}
        known = {f.name for f in fields(cls)}
        return cls(**{name: _CONVERTERS[name](options[name]) for name in known if options.get(name) is not None})


@dataclass(frozen=True)
class NumberOptions(CommonOptions):
    rtol: float | None = None  # None: exact for an exact reference, 1e-6 for a float one
    atol: float = 0.0
    sigfigs: int | None = None
    accuracy_sigfigs: int | None = None
    decimal_places: int | None = None
    literal: bool = False


@dataclass(frozen=True)
class IntegerOptions(CommonOptions):
    pass


@dataclass(frozen=True)
class TupleOptions(CommonOptions):
    rtol: float | None = None  # None: exact (shapes, counts); a part that accepts rounding says how much
    atol: float = 0.0


@dataclass(frozen=True)
class MatrixOptions(TupleOptions):
    pass


@dataclass(frozen=True)
class SetOptions(CommonOptions):
    variable: str = "x"
    integer: bool = False


@dataclass(frozen=True)
class ExpressionOptions(CommonOptions):
    rtol: float | None = None  # None: the formula itself (close values are decided by SymPy)
    variables: str = "{}"
    symbols: str = "{}"
    functions: str = "{}"
    samples: str = "{}"


@dataclass(frozen=True)
class BigOOptions(CommonOptions):
    # options["variables"] for bigo is a list of asymptotic variable names, not sample ranges.
    asymptotic: tuple[str, ...] | None = None

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any] | None) -> Self:
        options = options or {}
        return super().from_mapping({**options, "asymptotic": options.get("variables")})


@dataclass(frozen=True)
class ChoiceOptions(CommonOptions):
    choices: tuple[str, ...] = ()
