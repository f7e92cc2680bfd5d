"""Short keys that equivalent answers share, for clustering wrong answers without comparing every pair."""

import hashlib
from collections.abc import Mapping
from typing import Any

from graders.kinds import kind_module
from graders.kinds.base import Reading
from graders.options import CommonOptions
from graders.parsing import ParseError


def fingerprint(kind: str, student: str, options: Mapping[str, Any] | None = None) -> str | None:
    """16 hex characters; the same for answers grade() would judge equivalent (values at the part's
    sample points, or the canonical value), None when the answer cannot be read or its values say nothing
    (undefined or infinite at every sample point: such answers share no value, only a symptom)."""
    module = kind_module(kind)
    opts = module.Options.from_mapping(options)
    try:
        answer = module.read_student(student, "auto", opts)
    except ParseError:
        return None
    return key_of(kind, answer, opts)


def key_of(kind: str, answer: Reading, opts: CommonOptions) -> str | None:
    """The fingerprint of an answer already read (by grade), so it is not read a second time."""
    key = kind_module(kind).key(answer, opts)
    if _no_finite_value(key):
        return None
    material = f"{kind}:{key}"
    return hashlib.blake2b(material.encode(), digest_size=8).hexdigest()


_NOT_FINITE = frozenset({"nan", "inf", "-inf", "+inf", "-nan", "zoo", "oo", "-oo"})


def _no_finite_value(key: str) -> bool:
    tokens = key.split()
    return bool(tokens) and all(token.lower() in _NOT_FINITE for token in tokens)
