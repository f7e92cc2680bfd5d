"""Second step: split normalised text into tokens for the grammar.

Hand-written because reading maths needs context a regular lexer lacks: whether `x` separates
the numbers of a shape, whether `^{(t)}` names a symbol or raises it to a power, whether `{`
opens a set or a group, whether `|` opens or closes, and how `nlogn` splits into words.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lark import Token

from graders.parsing import commands
from graders.parsing.builtins import VECTOR_FUNCTIONS, vector_function_refused
from graders.parsing.errors import LimitExceeded, ParseError, UnknownSymbol, Unsupported
from graders.parsing.limits import Limits
from graders.parsing.names import Name
from graders.parsing.normalize import Normalised
from graders.parsing.vocabulary import Vocabulary
from graders.parsing.words import CONSTANTS, FUNCTIONS, MAX_LETTER_RUN, kind_of, split_word

_NUMBER = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WORD = re.compile(r"[A-Za-z]+")
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)?")
_SCRIPT_RUN = re.compile(r"[A-Za-z]+|\d+")
_TRANSPOSED = "top"  # the name a question of matrices declares for `^\\top`: a prime after an operand transposes
_OPERAND_ENDS = {"NUMBER", "NAME", "CONST", "_RPAR", "_RBRACK", "_RBRACE", "_RABS", "BANG", "_RSET"}
_OPENING_PARENTHESIS = re.compile(r"\s*(?:\\(?:left|bigl|Bigl|biggl|big|Big)\s*)?\(")
_SET_ENDS = {"_RSET", "_RPAR", "_RBRACK", "REALS", "EMPTYSET"}
# targets in which `[...]` can only group, as `(...)` does: `\\left[\\frac{H-K}{S} + 1\\right]`
_GROUPING_TARGETS = {"expression", "equation", "bigo"}
_SIMPLE = {"+": "PLUS", "-": "MINUS", "/": "SLASH", ",": "_COMMA", "=": "EQUAL", "&": "_AMP",
           "!": "BANG", "%": "PERCENT"}
# `65,536`, `2{,}508{,}800`, `1 000`, `1\,000`: one number (only where a comma cannot separate values)
_GROUPED = re.compile(r"\d{1,3}(?:(?P<sep>,|\{,\}|\\,|\\ | )\d{3})(?:(?P=sep)\d{3})*(?:\.\d+)?(?![\d.]|\{,\}\d|,\d)")
_GROUPING_SEPARATORS = re.compile(r",|\{,\}|\\,|\\ | ")


_SPACE_POWER = re.compile(r"\s*\^\s*")
_BRACED = r"\{(?:[^{}$=]|\{(?:[^{}$=]|\{[^{}$=]*\})*\})*\}"  # three levels: `f_{\mathbf{W}}(\mathbf{x})`
_DERIVATIVE = (rf"\\[dtc]?frac\s*\{{\s*(?:\\partial|d)(?:[^{{}}$=]|{_BRACED})*\}}"
               rf"\s*\{{\s*(?:\\partial|d)(?:[^{{}}$=]|{_BRACED})*\}}"
               r"|\\partial(?:[^{}$=/]|\{[^{}$=]*\})*/\s*\\partial(?:[^{}$=]|\{[^{}$=]*\})*"
               r"|d[A-Za-z]\w*\s*/\s*d[A-Za-z]\w*")
# `\frac{\partial L}{\partial z} =`, `\dfrac{dy}{dx} =`, `dL/dz =`: a label naming the derivative asked for; with `\det`
# before it (`\det \partial s / \partial s =`), the determinant of a Jacobian, likewise
_DERIVATIVE_LABEL = re.compile(rf"\s*(?:\\det\s*)?(?:{_DERIVATIVE})\s*=(?!=)")
# `\frac{\partial f}{\partial W} \in \mathbb{R}^{5 \times 7}`, `\mathbf{W} \in R^{7 \times 3}`: a label naming the
# quantity whose dimensions are the answer
_NAMED = r"(?:\\[A-Za-z]+\s*\{[A-Za-z]\}|\\?[A-Za-z]+)(?:\s*_\s*(?:\w|" + _BRACED + r"))?(?:\([^()$=]*\))?"
_SPACE_LABEL = re.compile(rf"\s*(?:{_DERIVATIVE}|{_NAMED})\s*\\in(?![A-Za-z])(?=\s*(?:\\mathbb\s*\{{\s*R\s*\}}|R\s*\^))")
_WRAPPER = re.compile(r"\\boxed\s*(?=\{)")
# `B(n) =`, `f(x, y) =`: a letter applied to names labels the quantity asked for, when the letter occurs nowhere after
_ARGUMENT = r"[A-Za-z](?:_\{?\w+\}?)?"
_FUNCTION_LABEL = re.compile(rf"\s*([A-Za-z])\s*\(\s*{_ARGUMENT}(?:\s*,\s*{_ARGUMENT})*\s*\)\s*=(?!=)")


def _label(text: str) -> re.Match[str] | None:
    """The label before the answer, if any: a derivative (`dL/dz =`) or a function of the question's names."""
    found = _DERIVATIVE_LABEL.match(text) or _FUNCTION_LABEL.match(text)
    if found is None or found.re is _DERIVATIVE_LABEL:
        return found
    elsewhere = re.compile(rf"(?<![A-Za-z\\]){found[1]}(?![A-Za-z])").search(text, found.end())
    return None if elsewhere else found


def _shape_depth(text: str) -> int | None:
    """0, or 1 inside one bracket around the whole answer; None when commas separate the elements
    there, so that `(D \\times (K-1) + 1, 5)` multiplies inside its first element."""
    core = text.strip()
    boxed = _WRAPPER.match(core)  # `\boxed{5 \times 7}`: the box's braces wrap the whole answer
    if boxed is not None and _closing(core[boxed.end() :]) == len(core) - boxed.end() - 1:
        inner = _shape_depth(core[boxed.end() + 1 : -1])
        return None if inner is None else inner + 1
    wrapped = text.strip()[:1] in "([" and _closing(text.strip()) == len(text.strip()) - 1
    level, depth = int(wrapped), 0
    for char in text:
        depth += (char in "([{") - (char in ")]}")
        if char == "," and depth == level:
            return None
    return level


def _closing(text: str) -> int:
    depth = 0
    for index, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        if depth == 0:
            return index
    return -1


@dataclass
class Lexer:
    """Reads one normalised answer into a list of lark Tokens (positions are normalised).

    All of its state is here; the LaTeX command handlers (commands.HANDLERS) change it through
    the methods below and these fields, and nothing else does."""

    source: Normalised
    syntax: str
    target: str
    vocabulary: Vocabulary
    limits: Limits
    position: int = 0
    tokens: list[Token] = field(default_factory=list)
    stack: list[tuple[str, int]] = field(default_factory=list)  # (kind of opener, its position)
    pending_nabla: int | None = None
    sized: tuple[str | None, int] | None = None  # `\left|`: ("open", where `|` is)
    accents: list[tuple[int, str]] = field(default_factory=list)  # (index of the first token inside, accent)
    frac_arguments: int = 0  # `{` groups still owed to \frac: groups, never sets
    frac_digit: bool = False  # the next digit is \frac's second argument
    # depth at which `\times` separates the elements of a shape; None: it multiplies
    shape_depth: int | None = None
    imaginary: bool = False  # `i` and `I` are the imaginary unit
    def __post_init__(self) -> None:
        self.shape_depth = _shape_depth(self.text) if self.target == "tuple" else None

    @property
    def text(self) -> str:
        return self.source.text

    def error(self, message: str, position: int | None = None, kind: type[ParseError] = ParseError) -> ParseError:
        return self.source.error(message, self.position if position is None else position, kind)

    def matched(self, pattern: re.Pattern[str]) -> str:
        """The text `pattern` matches here; the character that chose it (normalised ASCII) always starts one."""
        found = pattern.match(self.text, self.position)
        if found is None:
            raise self.error(f"unexpected '{self.text[self.position]}'")
        return found.group()

    def run(self) -> list[Token]:
        labels: dict[str, Callable[[str], re.Match[str] | None]] = {"expression": _label, "tuple": _SPACE_LABEL.match}
        label = labels[self.target](self.text) if self.target in labels else None
        if label is not None:
            self.position = label.end()
            if self.target == "tuple":
                self.shape_depth = _shape_depth(self.text[label.end() :])
        while self.position < len(self.text):
            self.step()
            if len(self.tokens) > self.limits.max_tokens:
                raise self.error(f"answer has too many symbols (limit {self.limits.max_tokens})", kind=LimitExceeded)
        if self.stack:
            kind, where = self.stack[-1]
            raise self.error(f"this {commands.OPENER_NAMES[kind]} is never closed", where)
        if self.pending_nabla is not None:
            raise self.error("\\nabla needs a name after it", self.pending_nabla)
        return _coefficients_bound(self.tokens)

    def step(self) -> None:
        char = self.text[self.position]
        if char.isspace():
            self.position += 1
        elif (found := self.vocabulary.match(self.text, self.position)) is not None:
            spelling = " ".join(self.text[self.position : found.end].split())
            if found.kind == "name":
                self.emit_name(Name.alias(found.canonical, spelling), found.end)
            else:
                self.emit("FUNC", found.canonical, found.end)
        elif char.isdigit() or (char == "." and self.text[self.position + 1 : self.position + 2].isdigit()):
            self.number()
        elif char.isalpha():
            self.word(self.matched(_WORD))
        elif char == "\\":
            commands.command(self, self.matched(_COMMAND))
        else:
            self.punctuation(char)

    # --- emitting ---------------------------------------------------------------------------
    def emit(self, kind: str, value: object, end: int | None) -> Token:
        start = self.position
        end = start + len(str(value)) if end is None else end
        token = Token(kind, value, start_pos=start, end_pos=end)
        self.tokens.append(token)
        self.position = end
        return token

    def emit_name(self, name: Name, end: int) -> None:
        if self.pending_nabla is not None:
            name, self.pending_nabla = name.with_nabla(), None
        self.emit("NAME", name, end)

    def previous(self) -> str | None:
        return self.tokens[-1].type if self.tokens else None

    def next_char(self, at: int) -> str:
        rest = self.text[at:].lstrip()
        return rest[:1]

    def opens_bracket(self, at: int) -> bool:
        """Whether `(` follows, sized (`\\left(`) or not."""
        return _OPENING_PARENTHESIS.match(self.text, at) is not None

    def number(self) -> None:
        grouped = _GROUPED.match(self.text, self.position)
        if grouped and not self.stack and self.target in ("expression", "equation"):
            self.emit("NUMBER", _GROUPING_SEPARATORS.sub("", grouped.group()), grouped.end())
        elif self.previous() == "FRAC" or self.frac_digit:  # `\frac13`: one digit per argument
            if not self.text[self.position].isdigit():  # `\frac0.5` would read a lone '.' as a number
                raise self.error("\\frac without braces takes one digit per argument; write \\frac{a}{b}")
            self.frac_digit = self.previous() == "FRAC"
            self.emit("NUMBER", self.text[self.position], self.position + 1)
        else:
            self.emit("NUMBER", self.matched(_NUMBER), None)

    # --- words ------------------------------------------------------------------------------
    def word(self, word: str) -> None:
        end = self.position + len(word)
        if self.target == "bigo" and word in commands.BIGO_WORDS and self.opens_bracket(end):
            self.emit("BIGO", commands.BIGO_WORDS[word], end)
        elif self.target == "tuple" and word in ("x", "X") and self.previous() == "NUMBER" \
                and self.next_char(end).isdigit():
            self.emit("TUPLE_SEP", word, end)
        elif word == "by" and self.separates_here() and self.previous() in _OPERAND_ENDS:
            self.emit("TUPLE_SEP", word, end)  # `9 by 13`
        elif word == "R" and self.space_of_shape(end):
            pass
        elif word in ("sum", "prod", "product") and self.target != "bigo" and self.opens_bracket(end):
            self.emit("BIGOPCALL", "prod" if word == "product" else word, end)  # `sum(f(t), t, 1, T)`
        elif self.target == "matrix" and word == "diag":
            self.emit("DIAG", word, end)  # `diag(1, 2)`, `\operatorname{diag}(1, 2)`
        elif self.target == "matrix" and word in ("Matrix", "matrix", "array") and self.opens_bracket(end):
            self.position = end  # `Matrix([[1, 2], [3, 4]])`: the call around the rows
            self.position = self.text.index("(", end)
            self.open("", "wrapper", 1)
        elif self.target == "equation" and word == "or" and self.previous() in _OPERAND_ENDS:
            self.emit("OR", word, end)
        elif self.target == "set" and word in ("in", "and", "or"):
            self.emit({"in": "_IN", "and": "AND", "or": "OR"}[word], word, end)
        elif self.target == "set" and word == "oo":
            self.emit("CONST", "inf", end)  # `[0, oo)`: SymPy's infinity, in intervals only (elsewhere o*o)
        elif self.target == "set" and word == "U" and self.previous() in _SET_ENDS:
            self.emit("CUP", word, end)  # `[1,2) U {5}`: a union typed without unicode
        else:
            self.split(word, end)

    def separates_here(self) -> bool:
        """Whether `\\times` here separates the elements of a shape rather than multiplying."""
        # `\boxed{9 \times 13}`: a style's braces group nothing
        depth = sum(kind != "transparent" for kind, _ in self.stack) if self.stack else 0
        return self.shape_depth is not None and depth <= self.shape_depth

    def space_of_shape(self, end: int) -> bool:
        """`R^5`, `\\mathbb{R}^{9 \\times 13}` as a whole shape answer: read the exponent as the shape."""
        found = _SPACE_POWER.match(self.text, end)
        if self.target != "tuple" or self.tokens or found is None:
            return False
        self.position = found.end()
        if self.text.startswith("{", self.position):
            self.open("", "transparent", 1)
            self.shape_depth = None if self.shape_depth is None else self.shape_depth + 1
        return True

    def split(self, word: str, end: int) -> None:
        declared = self.vocabulary.words
        # in a bound every letter is a size (`O(dkHW)`); elsewhere `foo` is a misspelt name
        if word in VECTOR_FUNCTIONS and word not in declared:
            raise self.error(vector_function_refused(word), kind=Unsupported)
        pieces = split_word(word, declared, None if self.target == "bigo" else MAX_LETTER_RUN)
        if pieces is None:
            raise self.error(f"unknown symbol '{word}' (allowed: {self.vocabulary.describe()}; "
                             "write products with *)", kind=UnknownSymbol)
        for piece in pieces:
            piece_end = self.position + len(piece)
            kind = kind_of(piece, declared)
            if kind == "name" and self.imaginary and piece in ("i", "I"):
                self.emit("CONST", "i", piece_end)  # the imaginary unit, where the question allows it
            elif kind == "name":
                self.emit_name(Name.letter(piece), piece_end)
            elif kind == "function":
                self.emit("FUNC", FUNCTIONS[piece], piece_end)
            else:
                self.emit("CONST", CONSTANTS[piece], piece_end)

    # --- punctuation ------------------------------------------------------------------------
    def punctuation(self, char: str) -> None:
        if self.text.startswith("...", self.position):
            self.emit("ELLIPSIS", "...", None)
        elif self.target == "set" and self.text.startswith("&&", self.position):
            self.emit("AND", "&&", None)
        elif char == "=" and not self.tokens and self.target != "equation":
            self.position += 1  # `= 5`: the rest of a line that stated what it computes
        elif char in _SIMPLE:
            self.emit(_SIMPLE[char], char, None)
        elif char == "*":
            double = self.text.startswith("**", self.position)
            self.emit("POW" if double else "STAR", "**" if double else "*", None)
        elif char == "^":
            commands.superscript(self)
        elif char == "_":
            commands.subscript(self)
        elif char in "<>":
            operator = char + ("=" if self.text.startswith("=", self.position + 1) else "")
            self.emit("REL", operator, None)
        elif char == "'":
            self.prime()
        elif char in "[]" and self.reversed_bracket(char):
            pass
        elif char == "[":
            self.open_square()
        elif char == "]":
            self.close_square()
        elif char == "(":
            self.open("_LPAR", "paren", 1)
        elif char == ")" and self.stack and self.stack[-1][0] == "wrapper":
            self.close(("wrapper",), "", 1)
        elif char == ")":
            self.close(("paren",), "_RPAR", 1)
        elif char == "{":
            self.open_brace(1)
        elif char == "}":
            self.close_brace(1)
        elif char == "|":
            self.bar(1)
        else:
            raise self.error(f"unexpected character '{char}'")

    def prime(self) -> None:
        if self.transposes():
            self.emit("TRANSPOSE", "'", None)
            return
        count = len(self.text[self.position :]) - len(self.text[self.position :].lstrip("'"))
        if count == 1 and self.previous() in _OPERAND_ENDS and _TRANSPOSED in self.vocabulary.declared:
            # `x_t'` in a question of matrices (it declares the transpose): x_t^\top
            self.emit("POW", "^", self.position)
            self.emit_name(Name(_TRANSPOSED, "\\top", declared=True), self.position + 1)
            return
        if self.previous() != "FUNC":
            raise self.error("a prime (') must follow a function name, as in sigma'(z)")
        self.emit("PRIME", "'" * count, None)

    def transposes(self) -> bool:
        """Whether a transpose (`^T`, `^\\top`, `'`) may follow here: right after a whole matrix."""
        return self.target == "matrix" and self.previous() in ("_RBRACK", "_RPAR", "END") and not self.stack

    # --- brackets ---------------------------------------------------------------------------
    def open(self, token: str, kind: str, length: int) -> None:
        if len(self.stack) >= self.limits.max_depth:
            raise self.error(f"brackets are nested too deeply (limit {self.limits.max_depth})", kind=LimitExceeded)
        self.stack.append((kind, self.position))
        if token:
            self.emit(token, self.text[self.position : self.position + length], self.position + length)
        else:
            self.position += length

    def close(self, kinds: tuple[str, ...], token: str, length: int) -> str:
        if not self.stack or self.stack[-1][0] not in kinds:
            raise self.error(f"unexpected '{self.text[self.position : self.position + length]}'")
        kind = self.stack.pop()[0]
        if token:
            self.emit(token, self.text[self.position : self.position + length], self.position + length)
        else:
            self.position += length
        return kind

    def sized_here(self) -> bool:
        """Whether `\\left`, `\\right` or a `\\big` size sizes the delimiter at this position."""
        return self.sized is not None and self.sized[1] == self.position

    def reversed_bracket(self, char: str) -> bool:
        """`]0, 1]`, `[0, 1[`: the French spelling of open ends of an interval, in sets only. A `]` opens where no
        value ends before it; a `[` closes a bracket opened by `[` or `]` right after a value."""
        if self.target != "set":
            return False
        if char == "]" and self.previous() not in _OPERAND_ENDS:
            self.open("_LPAR", "paren", 1)
            return True
        after_value = self.previous() in _OPERAND_ENDS and bool(self.stack) and self.stack[-1][0] == "paren"
        if char == "[" and after_value and self.text[self.stack[-1][1]] in "[]":
            self.close(("paren",), "_RPAR", 1)
            return True
        return False

    def open_square(self) -> None:
        if self.target == "tuple" and self.tokens and self.previous() != "SQRT":
            self.open("_LPAR", "group", 1)  # `F \times \left[\frac{H - K}{S} + 1\right]`: an element
        elif self.target not in _GROUPING_TARGETS or self.previous() == "SQRT":  # `\sqrt[3]{x}`
            self.open("_LBRACK", "paren", 1)
        elif self.previous() == "NAME" and not self.sized_here():
            raise self.error("'[' after a name reads as an index; write * before a bracket")
        else:
            self.open("_LPAR", "group", 1)

    def close_square(self) -> None:
        grouping = bool(self.stack) and self.stack[-1][0] == "group"
        self.close(("paren", "group"), "_RPAR" if grouping else "_RBRACK", 1)

    def open_brace(self, length: int) -> None:
        free_standing = self.previous() not in ("POW", "FRAC", "SQRT", "FUNC", "_RBRACK", "_SUB") \
            and not self.frac_arguments
        if self.target == "set" and free_standing:
            self.open("_LSET", "set", length)
        else:
            self.frac_arguments = max(0, self.frac_arguments - 1)
            self.open("_LBRACE", "brace", length)

    def close_brace(self, length: int) -> None:
        kind = self.stack[-1][0] if self.stack else None
        if kind == "transparent":
            self.close(("transparent",), "", length)
        elif kind == "accent":
            commands.close_accent(self, length)
        else:
            self.close(("brace", "set"), "_RSET" if kind == "set" else "_RBRACE", length)

    def bar(self, length: int) -> None:
        hint = self.sized[0] if self.sized is not None and self.sized_here() else None
        closing = hint == "close" or (hint is None and bool(self.stack)
                                      and self.stack[-1][0] == "bar" and self.previous() in _OPERAND_ENDS)
        if closing:
            self.close(("bar",), "_RABS", length)
        else:
            self.open("_LABS", "bar", length)


_FACTORS = frozenset({"NAME", "CONST"})
_CONTINUES = frozenset({"POW", "_LPAR", "BANG", "PERCENT", "PRIME", "_SUB"})


def _coefficients_bound(tokens: list[Token]) -> list[Token]:
    """`\\cos 2x` is cos(2x), as in every textbook, not cos(2)·x: after a function, a number and the names right
    after it are its argument. Braces are added around them, unless a power or a bracket follows (`\\sin 2x^2`),
    where the reading would be a guess."""
    bound: list[Token] = []
    index = 0
    while index < len(tokens):
        end = index + 2
        while end < len(tokens) and tokens[end].type in _FACTORS:
            end += 1
        follows = tokens[end].type if end < len(tokens) else None
        if (tokens[index].type == "FUNC" and end > index + 2 and tokens[index + 1].type == "NUMBER"
                and follows not in _CONTINUES):
            first, last = tokens[index + 1], tokens[end - 1]
            bound += [tokens[index], Token("_LBRACE", "{", start_pos=first.start_pos, end_pos=first.start_pos),
                      *tokens[index + 1:end], Token("_RBRACE", "}", start_pos=last.end_pos, end_pos=last.end_pos)]
            index = end
        else:
            bound.append(tokens[index])
            index += 1
    return bound
