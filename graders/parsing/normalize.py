"""First step of parsing: refuse what no answer contains, and spell unicode maths as LaTeX.

The result keeps a map from each normalised character back to the student's text, so that
errors point at what the student typed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graders.parsing.errors import LimitExceeded, ParseError
from graders.parsing.limits import Limits
from graders.parsing.prose import CHANGES_MEANING

_SYMBOLS = {
    "×": r"\times", "·": r"\cdot", "⋅": r"\cdot", "∙": r"\cdot", "∘": r"\circ", "⊙": r"\odot",
    "⊗": r"\otimes", "⊕": r"\oplus", "÷": "/", "−": "-", "–": "-", "‐": "-", "≤": r"\le",
    "≥": r"\ge", "⩽": r"\le", "⩾": r"\ge", "√": r"\sqrt", "∞": r"\infty", "∪": r"\cup",
    "∅": r"\emptyset", "ℝ": r"\mathbb{R}", "∇": r"\nabla", "′": "'", "″": "''", "∈": r"\in", "∧": r"\land", "∨": r"\lor", "±": r"\pm",
    "²": "^2", "³": "^3", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
# Letters that look like Latin ones but are not: refused by name rather than silently mapped,
# because a student who typed them will otherwise be told about a symbol they cannot see.
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "ARMENIAN", "FULLWIDTH", "MATHEMATICAL")


@dataclass(frozen=True)
class Normalised:
    text: str  # what the lexer reads
    origin: tuple[int, ...] | None  # origin[i] = index in the student's text; None when identical
    source: str  # the student's text

    def error(self, message: str, position: int, kind: type[ParseError] = ParseError) -> ParseError:
        """A ParseError (of `kind`) located in the student's own text."""
        return kind(message, self.original_position(position), self.source)

    def original_position(self, position: int) -> int:
        if self.origin is None:
            return position
        if position >= len(self.origin):
            return len(self.source)
        return self.origin[position]


def normalise(text: str, limits: Limits) -> Normalised:
    if not isinstance(text, str):
        raise ParseError("the answer must be text", 0, "")
    if len(text) > limits.max_length:
        raise LimitExceeded(
            f"answer is too long ({len(text)} characters, limit {limits.max_length})",
            limits.max_length, text[: limits.max_length + 1])
    if text.isascii() and text.isprintable():
        return Normalised(strip_delimiters(text), None, text)
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        replacement = _replace(char, index, text)
        pieces.append(replacement)
        origin.extend([index] * len(replacement))
    mapped = "".join(pieces)
    stripped = strip_delimiters(mapped)
    offset = mapped.index(stripped) if stripped else 0
    return Normalised(stripped, tuple(origin[offset : offset + len(stripped)]), text)


def strip_delimiters(text: str) -> str:
    """The maths of an answer pasted with its delimiters, its full stop, or a sentence around it:
    `$$x^2$$`, `\\(x^2\\)`, `x^2.`, `The answer is $x^2$.`"""
    core = _TRAILING.sub("", text.strip())
    region = _MATH_REGION.fullmatch(core)
    if region and not CHANGES_MEANING.search(region.group("before") + " " + region.group("after")):
        maths = next(group for group in region.group("a", "b", "c", "d") if group is not None)
        core = _TRAILING.sub("", maths.strip())
    return core if core != text.strip() else text


_DELIMITERS = r"\$\$(?P<a>[^$]+)\$\$|\$(?P<b>[^$]+)\$|\\\((?P<c>.+?)\\\)|\\\[(?P<d>.+?)\\\]"
_PROSE = r"[A-Za-z\s,.:;!?'\"()-]*"
_MATH_REGION = re.compile(rf"(?P<before>{_PROSE}?)(?:{_DELIMITERS})(?P<after>{_PROSE})", re.S)
_TRAILING = re.compile(r"(?:\s|;|(?<!\.)\.)+$")


def _replace(char: str, index: int, text: str) -> str:
    if char.isascii():
        if char in "\t\n\r":
            return " "
        if not char.isprintable():
            raise ParseError(f"control character U+{ord(char):04X} is not allowed", index, text)
        return char
    if char in _SYMBOLS:
        return " " + _SYMBOLS[char] + " " if _SYMBOLS[char].startswith("\\") else _SYMBOLS[char]
    name = unicodedata.name(char, "")
    if name.startswith(("GREEK SMALL LETTER ", "GREEK CAPITAL LETTER ")):
        return _greek(name, char, index, text)
    if any(name.startswith(script) for script in _LOOKALIKE_SCRIPTS) and char.isalpha():
        raise ParseError(
            f"character '{char}' ({name}) is not a Latin letter; retype it on a Latin keyboard",
            index, text)
    label = f"'{char}' ({name})" if name and char.isprintable() else f"U+{ord(char):04X}"
    raise ParseError(f"character {label} is not allowed", index, text)


def _greek(name: str, char: str, index: int, text: str) -> str:
    word = name.rsplit(" ", 1)[-1].lower()
    if word == "lamda":
        word = "lambda"
    if word in ("alpha", "beta", "epsilon", "zeta", "eta", "iota", "kappa", "mu", "nu",
                "omicron", "rho", "tau", "upsilon", "chi") and "CAPITAL" in name:
        # capital Alpha, Beta, ... are drawn exactly like Latin letters
        raise ParseError(f"character '{char}' ({name}) looks like a Latin letter; "
                         "retype it on a Latin keyboard", index, text)
    if "CAPITAL" in name:
        word = word.capitalize()
    return f" \\{word} "
