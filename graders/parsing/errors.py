"""The one exception the parser raises: a message, where it happened, and the text it was reading."""
from __future__ import annotations


class ParseError(Exception):
    """Refusal to read a student answer; `str()` is what the student sees."""

    def __init__(self, message: str, position: int = 0, text: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = max(0, min(position, len(text)))
        self.text = text

    def caret(self) -> str:
        """The line of input holding `position`, and a caret under it (long lines are cut around it)."""
        start = self.text.rfind("\n", 0, self.position) + 1
        end = self.text.find("\n", self.position)
        line = self.text[start : end if end >= 0 else len(self.text)]
        column = self.position - start
        if len(line) > 80:  # a 1 MB answer must not produce a 1 MB error message
            cut = max(0, column - 40)
            line, column = line[cut : cut + 80], column - cut
        return f"{line}\n{' ' * column}^"

    def __str__(self) -> str:
        return f"{self.message} at position {self.position}:\n{self.caret()}"


class LimitExceeded(ParseError):
    """The answer is longer, deeper or larger than the limits allow (graders.parsing.Limits)."""


class UnknownSymbol(ParseError):
    """A word that is no known function, constant, Greek letter or declared name."""


class Unsupported(ParseError):
    """Notation the reader does not know (a LaTeX command, a misplaced operator)."""


class Unexpected(ParseError):
    """The answer does not follow the grammar at this point."""
