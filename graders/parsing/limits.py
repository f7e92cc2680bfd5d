"""Bounds on what the parser accepts, checked before anything big is built."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_length: int = 2000  # characters of input
    max_depth: int = 40  # nesting of brackets and of the expression tree
    max_digits: int = 60  # digits in one number literal
    max_exponent: int = 1000  # |constant exponent|; also bounds the size of constant numbers
    max_tokens: int = 600
    max_factorial: int = 200
    max_magnitude: int = 305  # |log10| of any constant value (beyond it floats overflow)
    max_terms: int = 10_000  # terms of a sum or product, at every sample point
    symbolic_factorial: bool = True  # `(n + 1)!` of a symbol: evaluated as Γ(n + 2) at the points


# Bank data (references, known mistakes) is written by instructors: trusted, and read with room
# for what instructors write, such as `(x - a)^{6000}` and `factorial(n + 1)`.
TRUSTED = Limits(max_length=20_000, max_depth=200, max_digits=400, max_exponent=10**6, max_tokens=20_000,
                 max_factorial=10**4, symbolic_factorial=True)
_TRUSTING: ContextVar[bool] = ContextVar("trusting", default=False)


@contextmanager
def trusted_input() -> Iterator[None]:
    """Within this block `parse` reads with the TRUSTED limits (the bank's own text only)."""
    reset = _TRUSTING.set(True)
    try:
        yield
    finally:
        _TRUSTING.reset(reset)


def effective(limits: Limits) -> Limits:
    return TRUSTED if _TRUSTING.get() and limits == Limits() else limits
