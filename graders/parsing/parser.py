"""`parse`: normalise, split into tokens, build with the grammar; refuse with ParseError."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer as LarkLexer

from graders.parsing.build import CONTEXT, Builder, Context
from graders.parsing.errors import LimitExceeded, ParseError, Unexpected
from graders.parsing.lexer import Lexer
from graders.parsing.limits import Limits, effective
from graders.parsing.node import Node
from graders.parsing.normalize import Normalised, normalise
from graders.parsing.vocabulary import Vocabulary

TARGETS = ("expression", "tuple", "set", "matrix", "equation", "bigo")
_NO_VOCABULARY = Vocabulary()


class _TokenList(LarkLexer):
    """Hands Lark the tokens our own lexer made (Lark's lexers have no context)."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, tokens: list[Token]) -> Iterator[Token]:
        return iter(tokens)


@lru_cache(maxsize=1)
def _grammar() -> Lark:
    grammar = files("graders.parsing").joinpath("grammar.lark").read_text()
    return Lark(grammar, parser="lalr", lexer=_TokenList, transformer=Builder(),
                start=[f"{target}_target" for target in TARGETS], maybe_placeholders=True)


def detect_syntax(text: str) -> str:
    """"latex" when the answer uses a backslash command, else "text"."""
    return "latex" if "\\" in text else "text"


def parse(text: str, *, syntax: str = "auto", target: str = "expression",
          vocabulary: Vocabulary | None = None, limits: Limits = Limits(), imaginary: bool = False) -> Node:
    """Read one answer; raises ParseError (and nothing else) for anything it refuses. With
    `imaginary`, `i` and `I` are the imaginary unit (for questions that allow complex numbers)."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}")
    limits = effective(limits)
    source = normalise(text, limits)
    if syntax == "auto":
        syntax = detect_syntax(source.text)
    vocabulary = vocabulary or _NO_VOCABULARY
    tokens = Lexer(source, syntax, target, vocabulary, limits, imaginary=imaginary).run()
    if not tokens:
        raise ParseError("the answer is empty", 0, text)
    reset = CONTEXT.set(Context(source, vocabulary, limits))
    try:
        return _grammar().parse(tokens, start=f"{target}_target")
    except UnexpectedInput as error:
        raise _unexpected(error, source) from None
    except RecursionError:
        raise source.error("answer is nested too deeply", 0, LimitExceeded) from None
    finally:
        CONTEXT.reset(reset)


def _unexpected(error: UnexpectedInput, source: Normalised) -> ParseError:
    token = getattr(error, "token", None)
    if not isinstance(error, UnexpectedToken) or token is None or token.type == "$END":
        return source.error("unexpected end of answer", len(source.text), Unexpected)
    shown = source.text[token.start_pos : token.end_pos] or str(token)
    return source.error(f"unexpected '{shown}'", token.start_pos, Unexpected)
