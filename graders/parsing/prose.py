"""`\\text{...}`: a word the question knows reads as that word; prose around the answer is dropped.

Prose (`\\text{The answer is }`, units `\\text{ cm}`) is dropped only before the first token or
after the last one, so that it can never change what the answer says. Prose with a word that
changes the value beside it (`\\text{not }`, `\\text{at least }`, `\\text{ squared}`,
`\\text{ thousand}`) is refused rather than dropped.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graders.parsing.builtins import VECTOR_FUNCTIONS, WORDS, vector_function_refused
from graders.parsing.words import GREEK

if TYPE_CHECKING:
    from graders.parsing.lexer import Lexer

_CONTENT = re.compile(r"\s*\{([^{}$]*)\}")
_KNOWN = re.compile(r"[A-Za-z]+")
_ARITHMETIC = re.compile(r"[\d\s.+\-*/^()]*")
# words that change what the number or formula beside them says: refused, never dropped
CHANGES_MEANING = re.compile(
    r"\b(?:not|no|never|neither|nor|except|isn't|cannot|can't|none|false|wrong|at least|at most|more|less|"
    r"greater|smaller|fewer|larger|between|plus|minus|times|over|divided|squared|cubed|square|cube|root|"
    r"power|percent|per cent|half|twice|double|triple|inverse|reciprocal|negative|thousands?|"
    r"millions?|billions?|hundreds?|dozens?|or|and|up to|above|below|under|exceeds?)\b", re.I)
# what may follow prose at the end: spaces, punctuation, more prose, LaTeX spacing
_TAIL = re.compile(r"(?:\s|[.;,:!]|\\(?:text\w*|mbox)\s*\{[^{}$]*\}|\\[,;! ]|\\q?quad)*")
SET_WORDS = {"or": "OR", "and": "AND"}


def text_command(lexer: Lexer, end: int) -> None:
    found = _CONTENT.match(lexer.text, end)
    if found is None:
        raise lexer.error("\\text needs its words in braces, as in \\text{ cm}")
    content, after = found.group(1).strip(), found.end()
    if not content:
        lexer.position = after
    elif content.lower() in SET_WORDS and lexer.target in ("set", "equation") and lexer.tokens:
        lexer.emit(SET_WORDS[content.lower()], content.lower(), after)
    elif _reads_as_maths(content, lexer):
        brace = lexer.text.index("{", end)
        lexer.position = brace
        lexer.open("", "transparent", 1)
    elif content in VECTOR_FUNCTIONS:  # `\text{softmax}(z)` dropped as prose would leave z
        raise lexer.error(vector_function_refused(content))
    elif CHANGES_MEANING.search(content):
        raise lexer.error(f"'{content}' changes what the answer says; write the answer alone")
    elif not lexer.tokens or _TAIL.fullmatch(lexer.text, after):
        lexer.position = after
    else:
        raise lexer.error(f"words inside the answer ('{content}'); write it with symbols alone")


def is_unit(lexer: Lexer, brace: int) -> bool:
    """`26\\ \\mathrm{cm}`: upright letters that are no name, function or number of the question, after the whole
    answer: a unit, dropped as `\\text{ cm}` is. Elsewhere the letters are read as they always were (`\\mathrm{diag}`)."""
    found = _CONTENT.match(lexer.text, brace)
    if found is None or not lexer.tokens or not _TAIL.fullmatch(lexer.text, found.end()):
        return False
    content = found.group(1).strip()
    return len(content) > 1 and content.isalpha() and not _reads_as_maths(content, lexer)


def _reads_as_maths(content: str, lexer: Lexer) -> bool:
    """`\\text{softmax}`, `\\text{W}`, `\\text{25}`: a name, function or number in upright type."""
    if _ARITHMETIC.fullmatch(content):
        return True
    if not _KNOWN.fullmatch(content):
        return False
    return len(content) == 1 or content in WORDS or content in GREEK or content in lexer.vocabulary.words
