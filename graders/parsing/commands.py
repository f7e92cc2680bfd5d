"""The lexer's handling of LaTeX commands and of scripts (`_`, `^`): which token each makes."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from lark import Token

from graders.parsing import prose
from graders.parsing.builtins import COMMANDS
from graders.parsing.errors import Unsupported
from graders.parsing.names import Name
from graders.parsing.words import ACCENTS, GREEK

if TYPE_CHECKING:
    from graders.parsing.lexer import Lexer

OPENER_NAMES = {"paren": "bracket", "group": "bracket", "brace": "'{'", "set": "set brace", "transparent": "'{'",
                "accent": "'{'", "bar": "'|'", "floor": "\\lfloor", "ceil": "\\lceil",
                "determinant": "determinant", "wrapper": "bracket", "arguments": "set brace",
                "angle": "\\langle"}
BIGO_WORDS = {"O": "O", "Theta": "Theta", "Omega": "Omega"}
_SKIPPED = {",", ";", ":", "!", " ", "quad", "qquad", "displaystyle", "textstyle", "limits", "middle"}
_SIZERS = {"left": "open", "right": "close", "bigl": "open", "bigr": "close", "Bigl": "open",
           "Bigr": "close", "biggl": "open", "biggr": "close", "Biggl": "open", "Biggr": "close", "big": None,
           "Big": None, "bigg": None, "Bigg": None}
_TIMES = {"cdot", "times", "circ", "odot", "otimes", "ast", "star", "bullet"}
_RELATIONS = {"neq": "!=", "ne": "!=", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
              "geqslant": ">=", "lt": "<", "gt": ">"}
_STYLES = {"mathbf", "boldsymbol", "bm", "mathrm", "mathit", "mathsf", "mathtt", "operatorname", "mathnormal",
           "boxed"}
_UPRIGHT = {"mathrm", "operatorname"}  # where a word may be a unit (`\mathrm{cm}`) rather than letters
_PROSE = {"text", "textrm", "textit", "textbf", "mbox", "textnormal"}
_SIMPLE = {"oplus": ("PLUS", "+"), "div": ("SLASH", "/"), "cup": ("CUP", "cup"),
           "setminus": ("CUP", "setminus"), "emptyset": ("EMPTYSET", "{}"), "varnothing": ("EMPTYSET", "{}"),
           "infty": ("CONST", "inf"), "pi": ("CONST", "pi"), "frac": ("FRAC", "frac"),
           "dfrac": ("FRAC", "frac"), "tfrac": ("FRAC", "frac"), "cfrac": ("FRAC", "frac"),
           "binom": ("FRAC", "binom"), "dbinom": ("FRAC", "binom"), "tbinom": ("FRAC", "binom"), "sqrt": ("SQRT", "sqrt"),
           "prime": ("PRIME", "'")}
_MATRICES = {"pmatrix", "bmatrix", "matrix", "Bmatrix", "vmatrix", "smallmatrix", "array"}
_COLUMN_SPECIFICATION = re.compile(r"\s*\{[lcr| ]*\}")  # `\begin{array}{cc}`
_SCRIPT_CHARS = re.compile(r"[A-Za-z0-9,+\-\\'()]+")
_TEXT_SCRIPT = re.compile(r"[A-Za-z]+|\d+")
_MAX_SCRIPT = 30
_SCALAR_NORMS = {"1", "2", "\\infty"}
# `x_{\mathrm{in}}`: a style inside a script changes how it looks, not which name it is
_STYLED_SCRIPT = re.compile(rf"\\(?:{'|'.join(sorted(_STYLES | _PROSE))})\{{([A-Za-z0-9]*)\}}")


Handler = Callable[["Lexer", str, int], None]


def command(lexer: Lexer, spelling: str) -> None:
    """One LaTeX command (`spelling` includes the backslash), dispatched through HANDLERS."""
    name = spelling[1:]
    if not name:
        raise lexer.error("unexpected '\\' at the end")
    handler = HANDLERS.get(name)
    if handler is None:
        raise lexer.error(f"unsupported command '{spelling}'", kind=Unsupported)
    handler(lexer, name, lexer.position + len(spelling))


def _skip(lexer: Lexer, name: str, end: int) -> None:
    lexer.position = end


def _function(lexer: Lexer, name: str, end: int) -> None:
    lexer.emit("FUNC", COMMANDS[name], end)


def _greek(lexer: Lexer, name: str, end: int) -> None:
    if name in BIGO_WORDS and lexer.target == "bigo" and lexer.opens_bracket(end):
        lexer.emit("BIGO", BIGO_WORDS[name], end)
    else:
        lexer.emit_name(Name.letter(name), end)


def _tag(lexer: Lexer, name: str, end: int) -> None:
    """An equation number pasted with the answer."""
    found = re.compile(r"\s*\{[^{}]*\}").match(lexer.text, end)
    lexer.position = found.end() if found else end


def _nabla(lexer: Lexer, name: str, end: int) -> None:
    lexer.pending_nabla, lexer.position = lexer.position, end


def _set_word(lexer: Lexer, name: str, end: int) -> None:
    token = {"in": "_IN", "lor": "OR", "vee": "OR"}.get(name, "AND")
    if lexer.target != "set" and not (lexer.target == "equation" and token == "OR"):  # `a = 0 \lor b = 0`
        raise lexer.error(f"unsupported command '\\{name}' here")
    lexer.emit(token, {"_IN": "in", "OR": "or"}.get(token, "and"), end)


def _plus_minus(lexer: Lexer, name: str, end: int) -> None:
    lexer.emit("PM", "\\pm", end)


def _approx(lexer: Lexer, name: str, end: int) -> None:
    """`x \\approx 0.33`: the stated value, as after `=`; a leading `\\approx` is dropped."""
    if lexer.tokens:
        lexer.emit("EQUAL", "~", end)
    else:
        lexer.position = end


def _floor_or_ceiling(lexer: Lexer, name: str, end: int) -> None:
    """`\\lfloor x \\rfloor` is floor(x): a function name and a bracket the closing command closes."""
    if name in ("lfloor", "lceil"):
        lexer.emit("FUNC", name[1:], end)
        lexer.open("_LPAR", name[1:], 0)
    else:
        lexer.close((name[1:],), "_RPAR", end - lexer.position)


def _bar(lexer: Lexer, name: str, end: int) -> None:
    """`\\lvert`, `\\rVert`, `\\Vert`, `\\mid`: bars of an absolute value or a norm."""
    side = "open" if name.startswith("l") else "close" if name.startswith("r") else None
    if side is not None:
        lexer.sized = (side, lexer.position)
    lexer.bar(end - lexer.position)


def _angle(lexer: Lexer, name: str, end: int) -> None:
    """`\\langle 1, 2 \\rangle`: a tuple (a vector) in angle brackets, read as in parentheses."""
    if name == "langle":
        lexer.open("_LPAR", "angle", end - lexer.position)
    else:
        lexer.close(("angle",), "_RPAR", end - lexer.position)


def _text(lexer: Lexer, name: str, end: int) -> None:
    prose.text_command(lexer, end)


def _handlers() -> dict[str, Handler]:
    table: dict[str, Handler] = dict.fromkeys(GREEK, _greek)
    table.update(dict.fromkeys(COMMANDS, _function))
    table.update(dict.fromkeys((*_STYLES, *ACCENTS), _group_command))
    table.update(dict.fromkeys(_SKIPPED, _skip))
    table.update(dict.fromkeys(_SIZERS, _sizer))
    table.update(dict.fromkeys(("{", "}", "|", "\\", "%"), _escaped))
    table.update(dict.fromkeys((*_SIMPLE, *_TIMES, *_RELATIONS), _operator))
    table.update(dict.fromkeys(("mathbb", "mathcal", "mathscr", "begin", "end"), _braced_word_command))
    table.update(dict.fromkeys(("lfloor", "rfloor", "lceil", "rceil"), _floor_or_ceiling))
    table.update(dict.fromkeys(("lvert", "rvert", "lVert", "rVert", "vert", "Vert", "mid"), _bar))
    table.update(dict.fromkeys(_PROSE, _text))
    table.update(tag=_tag, nabla=_nabla, approx=_approx, simeq=_approx, land=_set_word, wedge=_set_word,
                 lor=_set_word, vee=_set_word, pm=_plus_minus, det=_det, dots=_dots, ldots=_dots, cdots=_dots,
                 sum=_big_operator, prod=_big_operator, langle=_angle, rangle=_angle)
    table["in"] = _set_word
    return table


def _sizer(lexer: Lexer, name: str, end: int) -> None:
    lexer.position = end
    while lexer.position < len(lexer.text) and lexer.text[lexer.position].isspace():
        lexer.position += 1
    if lexer.text.startswith(".", lexer.position):  # \left. is an invisible delimiter
        lexer.position += 1
    lexer.sized = (_SIZERS[name], lexer.position)


def _escaped(lexer: Lexer, name: str, end: int) -> None:
    if name == "{" and lexer.previous() == "FUNC":
        lexer.open("_LPAR", "arguments", 2)  # `\\max\\{0, x\\}`: the braces hold the function's arguments
    elif name == "{":
        lexer.open("_LSET", "set", 2)
    elif name == "}" and lexer.stack and lexer.stack[-1][0] == "arguments":
        lexer.close(("arguments",), "_RPAR", 2)
    elif name == "}":
        lexer.close(("set",), "_RSET", 2)
    elif name == "%":
        lexer.emit("PERCENT", "%", lexer.position + 2)
    elif name == "|":
        lexer.bar(2)
    else:
        lexer.emit("_ROWSEP", "\\\\", lexer.position + 2)


def _operator(lexer: Lexer, name: str, end: int) -> None:
    if name in _RELATIONS:
        lexer.emit("REL", _RELATIONS[name], end)
    elif name in _TIMES:
        tuple_separator = name == "times" and lexer.separates_here()
        lexer.emit("TUPLE_SEP" if tuple_separator else "STAR", "\\" + name, end)
    else:
        kind, value = _SIMPLE[name]
        lexer.emit(kind, value, end)
        if kind == "FRAC":
            lexer.frac_arguments = 2


def _braced_word_command(lexer: Lexer, name: str, end: int) -> None:
    found = re.compile(r"\s*\{\s*([A-Za-z*]+)\s*\}").match(lexer.text, end)
    if found is None:
        raise lexer.error(f"unsupported command '\\{name}{{}}'")
    word, end = found.group(1), found.end()
    if name == "mathbb" and word == "R" and lexer.space_of_shape(end):
        return
    if name == "mathbb" and word == "R":
        lexer.emit("REALS", "R", end)
    elif name == "mathcal" and word == "O" and lexer.target == "bigo":
        lexer.emit("BIGO", "O", end)
    elif name in ("begin", "end") and word in _MATRICES:
        _environment(lexer, name, word, end)
    elif name in ("mathcal", "mathscr") and len(word) == 1 and word != "O":
        script = f"\\{name}{{{word}}}"  # `\mathcal{L}` is a name of its own, not L
        lexer.emit_name(Name(script, script), end)
    else:
        raise lexer.error(f"unsupported command '\\{name}{{{word}}}'")


def _environment(lexer: Lexer, name: str, word: str, end: int) -> None:
    """A matrix; in an expression, `vmatrix` (or a matrix after `\\det`) is its determinant."""
    found = _COLUMN_SPECIFICATION.match(lexer.text, end) if (name, word) == ("begin", "array") else None
    end = found.end() if found else end
    if lexer.target == "matrix":
        lexer.emit(name.upper(), word, end)
    elif name == "begin" and (word == "vmatrix" or lexer.previous() == "DET"):
        if lexer.previous() == "DET":
            lexer.tokens.pop()
        lexer.open("DETBEGIN", "determinant", end - lexer.position)
    elif name == "end" and lexer.stack and lexer.stack[-1][0] == "determinant":
        lexer.close(("determinant",), "DETEND", end - lexer.position)
    else:
        raise lexer.error(f"a matrix is not expected here; \\begin{{{word}}} is read only as a determinant")


def _big_operator(lexer: Lexer, name: str, end: int) -> None:
    lexer.emit("BIGOP", name, end)


def _after_big_operator(lexer: Lexer) -> bool:
    """Whether the last tokens are `\\sum` or `\\sum^{...}` (the upper bound written first)."""
    kinds = [token.type for token in lexer.tokens]
    if kinds[-1:] == ["BIGOP"]:
        return True
    depth, index = 0, len(kinds) - 1
    while index >= 0 and (depth or index == len(kinds) - 1):
        depth += {"_RBRACE": 1, "_LBRACE": -1}.get(kinds[index], 0)
        index -= 1
    return index >= 1 and kinds[index] == "POW" and kinds[index - 1] == "BIGOP"


def _dots(lexer: Lexer, name: str, end: int) -> None:
    lexer.emit("ELLIPSIS", "...", end)


def _det(lexer: Lexer, name: str, end: int) -> None:
    lexer.emit("DET", "det", end)


def _group_command(lexer: Lexer, name: str, end: int) -> None:
    if lexer.next_char(end) != "{":
        if name in _STYLES:  # `\mathbf x`: the style alone changes nothing
            lexer.position = end
            return
        letter = re.compile(r"\s*([A-Za-z])").match(lexer.text, end)
        if letter is None:
            raise lexer.error(f"\\{name} needs a letter or a {{name}} after it")
        lexer.emit_name(Name.letter(letter.group(1)).accented(ACCENTS[name]), letter.end())
        return
    brace = lexer.text.index("{", end)
    if name in _UPRIGHT and prose.is_unit(lexer, brace):
        prose.text_command(lexer, end)  # `26\ \mathrm{cm}`: a unit, as `\text{ cm}` is
        return
    lexer.position = brace
    if name in _STYLES:
        lexer.open("", "transparent", 1)
    else:
        lexer.accents.append((len(lexer.tokens), ACCENTS[name]))
        lexer.open("", "accent", 1)


def close_accent(lexer: Lexer, length: int) -> None:
    start, accent = lexer.accents.pop()
    inside = lexer.tokens[start:]
    if len(inside) != 1 or inside[0].type != "NAME":
        raise lexer.error(f"\\{accent}{{...}} must hold one name")
    lexer.close(("accent",), "", length)
    _replace_name(lexer, inside[0].value.accented(accent), lexer.position)


_TRANSPOSES = {"T", "\\top", "\\intercal", "\\mathsf{T}", "\\mathrm{T}", "t"}


def superscript(lexer: Lexer) -> None:
    script = _read_script(lexer, lexer.position + 1, braced_only=False)
    if script is not None and script[0] in _TRANSPOSES and lexer.transposes():
        lexer.emit("TRANSPOSE", "^T", script[2])
        return
    previous = lexer.tokens[-1] if lexer.tokens else None
    if script is not None and previous is not None and previous.type == "NAME" \
            and _names_a_symbol(lexer, previous.value, *script[:2]):
        if previous.value.sup:
            raise lexer.error("a name has only one superscript")
        _replace_name(lexer, replace(previous.value, sup=script[0]), script[2])
    else:
        lexer.emit("POW", "^", None)


def _names_a_symbol(lexer: Lexer, name: Name, content: str, braced: bool) -> bool:
    """`c^{(t)}` always names; letters name (`W^{hf}`, `W^f`, `W_0^f`) outside bigo, where
    `N^k` is a power."""
    if name.declared:
        return False
    if braced and len(content) > 2 and content[0] == "(" and content[-1] == ")":
        return True
    if not content.isalpha() or lexer.target == "bigo":
        return False
    uppercase_letter = len(name.core) == 1 and name.core.isupper()
    return (braced and len(content) >= 2) or bool(name.sub) or uppercase_letter


def subscript(lexer: Lexer) -> None:
    if lexer.tokens and _after_big_operator(lexer):
        lexer.emit("_SUB", "_", None)  # `\\sum_{t=1}`: the bound is read as an equation in braces
        return
    script = _read_script(lexer, lexer.position + 1, braced_only=False)
    previous = lexer.tokens[-1] if lexer.tokens else None
    if script is None:
        raise lexer.error("expected a subscript after '_'")
    content, _, end = script
    if previous is not None and previous.type == "NAME" and not previous.value.sub:
        _replace_name(lexer, _declared(lexer, replace(previous.value, sub=content)), end)
    elif previous is not None and previous.type == "FUNC" and previous.value == "log" \
            and (content.isdigit() or (content.isalpha() and len(content) == 1)):
        lexer.tokens[-1] = Token("FUNC", f"log_{content}", start_pos=previous.start_pos, end_pos=end)
        lexer.position = end
    elif previous is not None and previous.type == "FUNC" and previous.value == "sigma":
        # `\sigma_{max}`, `\sigma_i`: a subscripted sigma names a value, not the logistic function
        name = Name("sigma", "\\sigma")
        lexer.tokens[-1] = Token("NAME", _declared(lexer, replace(name, sub=content)),
                                 start_pos=previous.start_pos, end_pos=end)
        lexer.position = end
    elif previous is not None and previous.type == "_RABS" and content in _SCALAR_NORMS:
        lexer.position = end  # `\|u\|_2`: every p-norm of a number is its absolute value
    else:
        raise lexer.error("a subscript must follow a name, as in x_1")


def _declared(lexer: Lexer, name: Name) -> Name:
    """`x_{in}` is the question's `x_in` when it declares that name."""
    canonical = None if name.declared else lexer.vocabulary.declared_as(name.canonical)
    return name if canonical is None else Name.alias(canonical, name.latex)


def _read_script(lexer: Lexer, at: int, braced_only: bool) -> tuple[str, bool, int] | None:
    """(content without spaces, was it braced, end) of the script starting at `at`."""
    text = lexer.text
    while at < len(text) and text[at].isspace():
        at += 1
    if text.startswith("{", at):
        close = _matching_brace(text, at)
        if close is None:
            return None
        content = _STYLED_SCRIPT.sub(r"\1", "".join(text[at + 1 : close].split()))
        return (content, True, close + 1) if _SCRIPT_CHARS.fullmatch(content) else None
    if braced_only or at >= len(text):
        return None
    if lexer.syntax == "text" and text[at] != "\\":
        found = _TEXT_SCRIPT.match(text, at)
    else:
        found = re.compile(r"\\[A-Za-z]+|[A-Za-z0-9]").match(text, at)
    return (found.group(), False, found.end()) if found else None


def _matching_brace(text: str, at: int) -> int | None:
    depth = 0
    for index in range(at, min(len(text), at + _MAX_SCRIPT + 2)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return None


def _replace_name(lexer: Lexer, name: Name, end: int) -> None:
    old = lexer.tokens[-1]
    lexer.tokens[-1] = Token("NAME", name, start_pos=old.start_pos, end_pos=end)
    lexer.position = end


HANDLERS: dict[str, Handler] = _handlers()
