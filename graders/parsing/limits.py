"""Bounds on what the parser accepts, checked before anything big is built."""
from __future__ import annotations

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
