"""Frozen, hashable option records per answer kind, built from the plain options dict.

An option name the kind does not know is refused with an error naming it: a misspelt `sigfig`
must not silently grade without significant figures.

Hashable so that a parsed reference can be cached per (reference, options).
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar, Self


@dataclass(frozen=True)
class Mistake:
    answer: str
    feedback: str
    score: float


class Bound(StrEnum):
    """What a part asking for a bound asks for: an answer may state it as one (`\\sigma_{\\min} \\geq 1 - s`)."""

    LOWER = "lower"
    UPPER = "upper"


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
    "at_least": bool,
    "complex": bool,
    "literal": bool,
    "variable": str,
    "integer": bool,
    "grouped": bool,
    "divides_evenly": bool,
    "choices": lambda v: tuple(str(c) for c in v),
    "synonyms": lambda v: tuple((str(label), tuple(map(str, others))) for label, others in sorted(v.items())),
    "asymptotic": lambda v: tuple(str(name) for name in v),
    "variables": _frozen_json,
    "symbols": _frozen_json,
    "functions": _frozen_json,
    "samples": _frozen_json,
    "shapes": _frozen_json,
    "sequences": _frozen_json,
    "sizes": _frozen_json,
    "what": str,
    "bound": Bound,
    "dot_arguments": lambda v: tuple(sorted((str(function), str(argument)) for function, argument in v.items())),
}


class UnknownOptions(ValueError):
    """Options a kind does not know: a bug in the bank or the caller, never in a student's answer."""


@dataclass(frozen=True)
class CommonOptions:
    mistakes: tuple[Mistake, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()
    reveal_answer: bool = False
    partial: bool = False

    # names read under another field's name (bigo's `variables` are its `asymptotic` variables)
    RENAMED: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any] | None) -> Self:
        """The keys this kind knows, converted to hashable values; any other key is refused by name."""
        options = options or {}
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known - cls.RENAMED)
        if unknown:
            raise UnknownOptions(f"unknown option{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))} "
                                 f"for this kind; it knows {', '.join(sorted(known | cls.RENAMED))}")
        return cls(**{name: _CONVERTERS[name](options[name]) for name in known if options.get(name) is not None})


@dataclass(frozen=True)
class NumberOptions(CommonOptions):
    rtol: float | None = None  # None: exact for an exact reference, 1e-6 for a float one
    atol: float = 0.0
    sigfigs: int | None = None
    accuracy_sigfigs: int | None = None
    decimal_places: int | None = None
    at_least: bool = False  # sigfigs / decimal_places are the fewest a numeral may be written with
    literal: bool = False
    complex: bool = False  # `i`/`I` is the imaginary unit and values are compared as complex numbers


@dataclass(frozen=True)
class IntegerOptions(CommonOptions):
    pass


@dataclass(frozen=True)
class TupleOptions(CommonOptions):
    rtol: float | None = None  # None: exact (shapes, counts); a part that accepts rounding says how much
    atol: float = 0.0
    # elements are read with the part's own vocabulary (`H_K`, `W_K`) and sample ranges
    variables: str = "{}"
    symbols: str = "{}"
    functions: str = "{}"
    samples: str = "{}"
    grouped: bool = False  # `5 \times (1 \times 7 \times 3)` is the shape (5, 1, 7, 3): a Jacobian of a tensor
    divides_evenly: bool = False  # the question says divisions come out whole: a floor or ceiling changes nothing


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
    bound: Bound | None = None


@dataclass(frozen=True)
class MatrixExprOptions(CommonOptions):
    rtol: float | None = None  # None: the formula itself, up to rounding
    shapes: str = "{}"  # name -> its dimensions, size names or numbers ([] a scalar, ["m"] a column vector)
    symbols: str = "{}"  # name -> its aliases
    sequences: str = "{}"  # stem of a time-indexed quantity -> its spellings, "#" standing for the step
    sizes: str = "{}"  # size name -> its value at random sample points, and in shape feedback
    samples: str = "[]"  # sample points (from a model's runs); none: random values of the declared shapes
    what: str = "the expected answer"  # how feedback names the answer: "the Jacobian"
    # function -> what `(\cdot)` stands for as its argument: {"\sigma": "W_c x_t + W_h h_{t-1}"} reads
    # `\sigma'(\cdot)` as the gate's slope; a part that declares nothing leaves `(\cdot)` unread
    dot_arguments: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class BigOOptions(CommonOptions):
    # options["variables"] for bigo is a list of asymptotic variable names, not sample ranges.
    asymptotic: tuple[str, ...] | None = None

    RENAMED: ClassVar[frozenset[str]] = frozenset({"variables"})

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any] | None) -> Self:
        options = dict(options or {})
        asymptotic = options.pop("variables", None)
        return super().from_mapping({**options, "asymptotic": asymptotic})


@dataclass(frozen=True)
class ChoiceOptions(CommonOptions):
    choices: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # label -> other spellings
