"""Helpers for checking the bank's SymPy references against the NumPy models that supplied their samples."""

from collections.abc import Callable

import pytest

from reference import Part


def reference_at_sample(part: Part, row: int) -> float:
    """The part's reference expression evaluated at sample row `row` of its own options."""
    samples = part.options["samples"]
    values = {symbol: samples[symbol.name][row] for symbol in part.reference.free_symbols}
    return float(part.reference.subs(values))


@pytest.fixture
def at_sample() -> Callable[[Part, int], float]:
    return reference_at_sample
