"""Sample points for comparing formulas numerically: the question's own consistent samples, else seeded draws.

Each symbol's column depends only on its name and the question's options, never on which other symbols an
answer uses, so every student's answer is evaluated at the same points (fingerprints rely on it).
"""

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from graders.options import ExpressionOptions

DEFAULT_POINTS = 12
DEFAULT_RANGE = (-2.0, 2.0)


WHOLE_RANGE = (1, 7)  # bounds of sums: small whole numbers keep the sums short


def sample_env(names: Iterable[str], options: ExpressionOptions,
               whole: frozenset[str] = frozenset()) -> dict[str, np.ndarray]:
    """One column of values per symbol name, all of the same length; `whole` names get whole numbers."""
    return {name: _column(name, options.variables, options.samples, name in whole) for name in names}


def given(options: ExpressionOptions) -> frozenset[str]:
    """The names whose values the question gives: consistent with each other only to float precision."""
    return frozenset(_samples(options.samples))


def point_count(options: ExpressionOptions) -> int:
    samples = _samples(options.samples)
    return len(next(iter(samples.values()))) if samples else DEFAULT_POINTS


@lru_cache(maxsize=4096)
def _column(name: str, variables: str, samples: str, whole: bool = False) -> np.ndarray:
    given = _samples(samples)
    if name in given:
        return given[name]
    low, high = _ranges(variables).get(name, WHOLE_RANGE if whole else DEFAULT_RANGE)
    count = len(next(iter(given.values()))) if given else DEFAULT_POINTS
    seed = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big")
    generator = np.random.default_rng(seed)
    column = generator.integers(int(low), int(high) + 1, count).astype(float) if whole else generator.uniform(low, high, count)
    column.flags.writeable = False
    return column


@lru_cache(maxsize=256)
def _ranges(variables: str) -> dict[str, tuple[float, float]]:
    return {name: (float(low), float(high)) for name, (low, high) in json.loads(variables).items()}


@lru_cache(maxsize=256)
def _samples(samples: str) -> dict[str, np.ndarray]:
    columns = {name: np.asarray(values, dtype=float) for name, values in json.loads(samples).items()}
    if len({len(c) for c in columns.values()}) > 1:
        raise ValueError("every array in options['samples'] must have the same length")
    for column in columns.values():
        column.flags.writeable = False
    return columns
