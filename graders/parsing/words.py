"""The words the parser knows without being told: functions, constants, Greek letters.

Also how a run of letters splits into them (`nlogn` -> n log n, `2xy` -> 2 x y).
"""
from __future__ import annotations

from collections.abc import Collection

from graders.parsing.builtins import WORDS

# name as typed -> canonical function name
FUNCTIONS = WORDS
CONSTANTS = {"pi": "pi", "e": "e", "inf": "inf", "infty": "inf", "infinity": "inf"}
GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
    "xi omicron rho varrho tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega".split())
# a run of this many undeclared single letters is more likely a misspelt name than a product
MAX_LETTER_RUN = 2


def split_word(word: str, declared: Collection[str], letter_run: int | None = MAX_LETTER_RUN) -> list[str] | None:
    """Fewest pieces (known words, declared names, single letters) that spell `word`; None if
    the split holds a run of more than `letter_run` undeclared single letters."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 12), end):
            piece, prefix = word[start:end], best[start]
            if prefix is None or not (len(piece) == 1 or _known(piece, declared)):
                continue
            if best[end] is None or len(prefix) + 1 < len(best[end]):
                best[end] = prefix + [piece]
    pieces = best[-1]
    if pieces is None or letter_run is not None and not _letter_runs_ok(pieces, declared, letter_run):
        return None
    return pieces


def _known(piece: str, declared: Collection[str]) -> bool:
    return piece in FUNCTIONS or piece in CONSTANTS or piece in GREEK or piece in declared


def _letter_runs_ok(pieces: list[str], declared: Collection[str], limit: int) -> bool:
    run = 0
    for piece in pieces:
        run = run + 1 if len(piece) == 1 and piece not in declared else 0
        if run > limit:
            return False
    return True


def kind_of(piece: str, declared: Collection[str]) -> str:
    """"name", "function" or "constant" for one piece of a split word."""
    if piece in declared or piece in GREEK or len(piece) == 1 and piece != "e":
        return "name"
    if piece in FUNCTIONS:
        return "function"
    return "constant"


ACCENTS = {"bar": "bar", "overline": "bar", "tilde": "tilde", "widetilde": "tilde", "hat": "hat",
           "widehat": "hat", "vec": "vec", "dot": "dot", "ddot": "ddot", "check": "check",
           "breve": "breve", "underline": "underline"}
