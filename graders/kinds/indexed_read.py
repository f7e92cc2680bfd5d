r"""Reading an indexed (element-wise) tensor formula: `f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]`.

A language of its own, kept apart from the scalar grammar (graders/parsing): bracket indexing of declared tensors,
finite sums with bounds, `cases`, indicators and Kronecker deltas, over whole-number indices. Its own small Lark
grammar reads it into the tree of `indexed_tree`; student text is never evaluated as code. The text is first brought
to one spelling (fonts, sizes, spacing and `\text{}` words dropped; a declared tensor's long spellings, such as
`\frac{\partial \ell}{\partial f_W(x)}`, replaced by the tensor's name) so that the grammar stays small.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from graders.kinds import indexed_tree as tree
from graders.parsing import ParseError
from graders.parsing.normalize import strip_delimiters

_GRAMMAR = r"""
start: expr
     | expr WHEN condition OTHERWISE expr -> inline_else
     | expr WHEN condition ";" expr OTHERWISE -> inline_otherwise
     | expr WHEN conjunction "," expr OTHERWISE -> inline_otherwise
?expr: expr PLUS term -> add
     | expr MINUS term -> add
     | term
?term: term MUL signed -> mul
     | term "/" signed -> div
     | term power -> mul
     | signed
?signed: MINUS signed -> neg
       | PLUS signed -> pos
       | power
?power: postfix "^" bound -> pow
      | postfix
      | SUM "_" "{" NAME "=" expr "}" "^" bound term -> sum
      | SUM "^" bound "_" "{" NAME "=" expr "}" term -> sum_high_first
      | SUM "(" expr "," NAME "," expr "," expr ")" -> sum_call
?bound: "{" expr "}"
      | NUMBER -> number
      | NAME -> name
?postfix: base ("[" args "]")+ -> lookup
        | base "_" "{" args "}" -> lookup
        | base "_" (NAME | NUMBER) -> lookup
        | base
?base: NUMBER -> number
     | NAME -> name
     | TENSOR -> tensor
     | "(" expr ")"
     | "{" expr "}"
     | FRAC "{" expr "}" "{" expr "}" -> frac
     | BEGIN_CASES row (ROWSEP row)* [ROWSEP] END_CASES -> cases
     | ONE "_" "{" condition "}" -> indicator
     | ONE "[" condition "]" -> indicator
     | ONE "(" condition ")" -> indicator
     | DELTA "_" "{" expr "," expr "}" -> delta
args: expr ("," expr)*
row: expr [","] "&" [WHEN] condition [","] -> guarded
   | expr [","] "&" OTHERWISE [","] -> otherwise
?condition: condition OR conjunction -> either
          | conjunction
?conjunction: conjunction (AND | ",") comparison -> both
            | comparison
comparison: expr (REL expr)+
          | "|" expr "|" REL expr -> absolute
          | expr IN "\\{" args "\\}" -> member
          | expr IN "\\{" expr "," DOTS "," expr "\\}" -> member_range
          | expr IN "[" expr "," expr "]" -> member_range

PLUS: "+"
MINUS: "-"
MUL: "*" | "\\cdot" | "\\times" | "."
REL: "<=" | ">=" | "!=" | "<" | ">" | "=" | "\\leq" | "\\le" | "\\geq" | "\\ge" | "\\neq" | "\\ne"
SUM.3: /\\?sum(?![A-Za-z])/
FRAC.3: /\\[dt]?frac(?![A-Za-z])/
BEGIN_CASES.3: "\\begin{cases}"
END_CASES.3: "\\end{cases}"
ROWSEP.3: "\\\\"
ONE.3: /\\(?:mathbb|mathbf|mathds|mathbbm)\{1\}|\\one(?![A-Za-z])/
DELTA.3: "\\delta"
IN.3: /\\in(?![A-Za-z])/
DOTS.3: /\\[lc]?dots(?![A-Za-z])|\.\.\./
WHEN.3: /(?:when|if|for|where)(?![A-Za-z])/
OTHERWISE.3: /(?:otherwise|else)(?![A-Za-z])/
AND.3: /(?:and(?![A-Za-z])|\\land(?![A-Za-z])|\\wedge(?![A-Za-z]))/
OR.3: /(?:or(?![A-Za-z])|\\lor(?![A-Za-z])|\\vee(?![A-Za-z]))/
TENSOR.3: /\\T\{[A-Za-z][A-Za-z0-9_]*\}/
NAME: /[A-Za-z]/
NUMBER: /\d+(\.\d+)?/
%ignore /\s+/
"""

# Student text is bounded before it reaches the grammar; bank text (references, known mistakes) gets more room.
MAX_LENGTH, TRUSTED_LENGTH = 2000, 20_000
MAX_DEPTH = 40  # brackets inside one another
MAX_TREE_DEPTH = 150  # operations inside one another: each walk of the tree recurses once per level

_SPACING = re.compile(r"(?<!\\)\\[,;:! ]|\\q?quad(?![A-Za-z])|~|\\displaystyle|\\limits|\\nolimits|\\middle")
_BARS = re.compile(r"\\[lr]?vert(?![A-Za-z])")
_SIZES = re.compile(r"\\(?:left|right|[bB]igg?[lrm]?)(?![A-Za-z])\s*")
_FONT = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit|mathsf|vec|pmb)\s*(?:\{([^{}]*)\}|([A-Za-z]))")
_TEXT = re.compile(r"\\(?:text|mbox|textrm|textnormal|mathrm|textit)\s*\{([^{}]*)\}")
_WRAPPER = re.compile(r"\\(?:boxed|fbox)\s*\{")
_DELTA_PAIR = re.compile(r"\\delta_\{\s*([A-Za-z])\s*([A-Za-z])\s*\}")  # `\delta_{ij}`: two one-letter indices
_BRACED_CHARACTER = re.compile(r"([_^])\{(\w)\}")
_SPACE = re.compile(r"\s+")
_LOOSE_SPACE = re.compile(r"(?<![A-Za-z]) | (?![A-Za-z])")
_UNICODE = {"≤": "\\le ", "≥": "\\ge ", "≠": "\\ne ", "∑": "\\sum", "·": "\\cdot ", "×": "\\times ", "−": "-",
            "∈": "\\in ", "…": "\\dots ", "⋯": "\\dots ", "ℓ": "\\ell "}
_WORDS = {"leqslant": "le", "geqslant": "ge", "leq": "le", "geq": "ge", "neq": "ne"}


def canonical(text: str) -> str:
    r"""One spelling for equal LaTeX: `\mathbf{x}` is `x`, `f_{W}` is `f_W`, sizes and spacing dropped."""
    text = "".join(_UNICODE.get(c, c) for c in text).strip().strip("$").strip()
    text = _SPACING.sub(" ", text)
    text = _BARS.sub("|", _DELTA_PAIR.sub(r"\\delta_{\1,\2}", _unwrapped(_SIZES.sub("", text))))
    for _ in range(3):  # nested fonts: \mathbf{\bm{x}}
        text = _FONT.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _TEXT.sub(lambda m: f" {m.group(1).strip()} ", text)
    text = _BRACED_CHARACTER.sub(r"\1\2", text)
    text = re.sub(r"\\(leqslant|geqslant|leq|geq|neq)(?![A-Za-z])", lambda m: "\\" + _WORDS[m.group(1)], text)
    text = _SPACE.sub(" ", text).strip()
    return _LOOSE_SPACE.sub("", text).replace("\\\\", "\\\\ ")  # `\\ W`: a row ends, no command `\W` starts


def _unwrapped(text: str) -> str:
    """`\\boxed{...}` marks the answer on the page; it is not part of the formula: its braces go with it."""
    while (found := _WRAPPER.search(text)) is not None:
        depth, end = 1, found.end()
        while end < len(text) and depth:
            depth += (text[end] == "{") - (text[end] == "}")
            end += 1
        if depth:
            return text  # not closed: the grammar says where
        text = text[: found.start()] + " " + text[found.end() : end - 1] + " " + text[end:]
    return text


@dataclass(frozen=True)
class Written:
    """An answer split into the element it defines (its index names, or None without a left side) and the formula."""

    indices: tuple[str | int, ...] | None
    left: str | None
    formula: tree.Node
    text: str
    ranges: tuple[tuple[str, int, int], ...] = ()  # a closing `for n = 1, \dots, 5`: (index, first, last)


def read(text: str, spellings: Mapping[str, Sequence[str]], *, trusted: bool = False) -> Written:
    """Read an answer; ParseError says where and why it could not be read."""
    limit = TRUSTED_LENGTH if trusted else MAX_LENGTH
    if len(text) > limit:
        raise ParseError(f"the answer is longer than {limit} characters", limit, text[: limit + 40])
    # The same pasted forms as every other kind: `$...$`, `\(...\)`, `The answer is $...$.`
    source = _named_tensors(canonical(strip_delimiters(text)), spellings).rstrip(".,; ")
    try:
        source, ranges = _range_clause(source)
        left, right = _sides(source)
        indices = _left_indices(left, source) if left is not None else None
        formula = _formula(right, source, len(source) - len(right))
    except ParseError as error:
        raise ParseError(error.message, *untagged(source, error.position)) from None
    return Written(indices, left, formula, source, ranges)


_VALUES = r"\d+(?:,(?:\d+|\\[lc]?dots|\.\.\.))+"
_RANGE = rf"[A-Za-z]=(?:{_VALUES})|\d+\\le ?[A-Za-z]\\le ?\d+"
_RANGE_CLAUSE = re.compile(rf"[,;]?(?:(?:for|where) ?(?:all ?)?)?((?:{_RANGE})(?:(?:,|and ?)(?:{_RANGE}))*)$")


def _range_clause(text: str) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The formula without a closing clause that states the indices' ranges (`..., n = 1, \\dots, 5`, `for
    1 \\le k \\le 7`), and those ranges, which the grader checks against the question's."""
    found = _RANGE_CLAUSE.search(text)
    if found is None or found.start() == 0:
        return text, ()
    ranges = []
    for item in re.finditer(_RANGE, found.group(1)):
        chained = re.fullmatch(r"(\d+)\\le ?([A-Za-z])\\le ?(\d+)", item.group())
        if chained is not None:
            ranges.append((chained.group(2), int(chained.group(1)), int(chained.group(3))))
            continue
        name, values = item.group().split("=")
        numbers = [int(v) for v in values.split(",") if v.isdigit()]
        listed = numbers == list(range(numbers[0], numbers[-1] + 1))
        if numbers != sorted(set(numbers)) or (not listed and len(numbers) == len(values.split(","))):
            raise ParseError(f"the range {item.group()} is not a run of whole numbers", found.start(), text)
        ranges.append((name, numbers[0], numbers[-1]))
    return text[: found.start()], tuple(ranges)


_TAG = re.compile(r"\\T\{([^{}]*)\}")


def untagged(text: str, position: int = 0) -> tuple[int, str]:
    r"""(position, text) with `\T{x}` written `x` again, the position moved with the text, for the student's eyes."""
    shift = sum(len(m.group()) - len(m.group(1)) for m in _TAG.finditer(text, 0, position) if m.end() <= position)
    return position - shift, _TAG.sub(lambda m: m.group(1), text)


def _named_tensors(text: str, spellings: Mapping[str, Sequence[str]]) -> str:
    r"""Every declared tensor written as `\T{name}`, longest spellings first (`\frac{\partial \ell}{\partial f_W(x)}`)."""
    pattern, lookup = _spelling_table(tuple((name, tuple(names)) for name, names in sorted(spellings.items())))
    return pattern.sub(lambda m: _tagged(m.group(), lookup), text) if lookup else text


def _tagged(written: str, lookup: Mapping[str, str]) -> str:
    if written in lookup:
        return f"\\T{{{lookup[written]}}}"
    index = written.index("[")  # a fraction with the index inside its denominator: `}` follows the index
    return f"\\T{{{lookup[written[:index] + '}']}}}{written[index:-1]}"


@lru_cache(maxsize=64)
def _spelling_table(spellings: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = [(written, name) for name, names in spellings for spelling in (name, *names)
             for written in _variants(canonical(spelling))]
    pattern = "|".join(_spelling_pattern(s) for s, _ in sorted(pairs, key=lambda p: -len(p[0])) if s)
    return re.compile(pattern or "(?!)"), dict(pairs)


_FRACTION = re.compile(r"\\[dt]?frac\{((?:[^{}]|\{[^{}]*\})*)\}\{((?:[^{}]|\{[^{}]*\})*)\}")


def _variants(spelling: str) -> tuple[str, ...]:
    r"""A fraction's spelling as a slash too, in LaTeX (`\partial\ell/\partial f`) and plain text (`dl/df`)."""
    found = _FRACTION.fullmatch(spelling)
    if found is None:
        return (spelling,)
    slash = f"{found.group(1)}/{found.group(2)}"
    plain = re.sub(r"\\(?:partial|mathrm\{d\})\s*", "d", slash).replace("\\ell", "l").replace(" ", "")
    return (spelling, slash, plain)


def _spelling_pattern(spelling: str) -> str:
    # A one-letter name is a tensor only where it is a whole word (not the `x` of `\max`, not inside `\T{x}`).
    if re.fullmatch(r"[A-Za-z]", spelling):
        return rf"(?<![A-Za-z\\{{]){re.escape(spelling)}(?![A-Za-z}}])"
    if _FRACTION.fullmatch(spelling):  # `\frac{\partial \ell}{\partial f[n]}` is `\frac{\partial \ell}{\partial f}[n]`
        return rf"{re.escape(spelling)}|{re.escape(spelling[:-1])}(?:\[[^\[\]]*\])+\}}"
    return re.escape(spelling) + ("(?![A-Za-z])" if spelling[-1].isalpha() else "")  # `\ell` is not `\ellipsis`


def _sides(text: str) -> tuple[str | None, str]:
    """(left side or None, right side), split at the one `=` outside brackets, braces and `cases`."""
    splits = _top_level_equals(text)
    if not splits:
        return None, text
    if len(splits) > 1:
        raise ParseError("write one formula, `element = formula`: the answer has several '='", splits[1], text)
    return text[: splits[0]].strip(), text[splits[0] + 1 :].strip()


_CONDITION_WORD = re.compile(r"(?<![A-Za-z\\])(?:when|if|for|where)(?![A-Za-z])")


def _top_level_equals(text: str) -> list[int]:
    """Where `=` separates sides: outside brackets and `cases`, and before an inline condition (`A if n = 1 else B`)."""
    condition = _CONDITION_WORD.search(text)
    depth, cases, found = 0, 0, []
    for index, char in enumerate(text[: condition.start() if condition else len(text)]):
        if text.startswith("\\begin{cases}", index):
            cases += 1
        elif text.startswith("\\end{cases}", index):
            cases -= 1
        depth += (char in "([{") - (char in ")]}")
        if char == "=" and depth == 0 and cases == 0 and text[index - 1 : index] not in ("<", ">", "!"):
            found.append(index)
    return found


_LEFT_INDEX = re.compile(r"(?:\[([^\[\]]*)\])+$|_\{([^{}]*)\}$|_([A-Za-z0-9])$")


def _left_indices(left: str, text: str) -> tuple[str | int, ...] | None:
    """The index names of `f_W(x)[n] =` or `\\frac{..}{..}[n, 1, k, i] =`; None when the left side has none."""
    found = _LEFT_INDEX.search(left)
    if found is None or found.start() == 0:
        return None
    if re.fullmatch(r"\\T\{[^{}]*\}", left[: found.start()]):
        raise ParseError(f"the left side {left!r} names a tensor the question gives, not the quantity asked", 0, text)
    inside = re.findall(r"\[([^\[\]]*)\]", found.group()) or [found.group(2) or found.group(3)]
    names = [name.strip() for group in inside for name in group.split(",")]
    indices: list[str | int] = []
    for name in names:
        if re.fullmatch(r"\d+", name):
            indices.append(int(name))
        elif name in indices:
            raise ParseError(f"the left side names the index {name} twice", text.find(left), text)
        elif re.fullmatch(r"[A-Za-z]", name):
            indices.append(name)
        else:
            raise ParseError(f"the left side's index {name!r} is not a one-letter name or a number "
                             "(write the element as `f[n] = ...`)", text.find(left), text)
    return tuple(indices)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(_GRAMMAR, parser="lalr", propagate_positions=True, maybe_placeholders=True)


def _formula(text: str, whole: str, offset: int) -> tree.Node:
    if not text:
        raise ParseError("the formula is empty", offset, whole)
    if _depth(text) > MAX_DEPTH:
        raise ParseError(f"the formula is nested more than {MAX_DEPTH} deep", offset, whole)
    try:
        parsed = _parser().parse(text)  # an LALR parse is iterative: no depth limit is needed until the tree is walked
        if _tree_depth(parsed) > MAX_TREE_DEPTH:
            raise ParseError(f"the formula has more than {MAX_TREE_DEPTH} operations inside one another (a chain of "
                             "+ counts as one inside another)", offset, whole)
        return _Build(text).transform(parsed)
    except UnexpectedEOF:
        raise ParseError("unexpected end of the formula", len(whole), whole) from None
    except UnexpectedToken as error:
        if error.token.type == "$END":
            unclosed = sum((c in "([{") - (c in ")]}") for c in text) > 0
            hint = ": a bracket or brace is not closed" if unclosed else ""
            raise ParseError(f"unexpected end of the formula{hint}", offset + len(text), whole) from None
        where = error.token.start_pos or 0
        raise ParseError(f"unexpected '{text[where : where + 12]}'", offset + where, whole) from None
    except UnexpectedCharacters as error:
        where = getattr(error, "pos_in_stream", None) or 0
        shown = text[where : where + 12] or "end"
        raise ParseError(f"unexpected '{shown}'", offset + where, whole) from None
    except UnexpectedInput:
        raise ParseError("the formula could not be read", offset, whole) from None
    except VisitError as error:
        if isinstance(error.orig_exc, ParseError):
            raise ParseError(str(error.orig_exc.args[0]), offset, whole) from None
        raise


def _tree_depth(parsed: Tree) -> int:
    """The depth of Lark's tree, walked without recursion: the walks that follow (building our nodes, evaluating,
    printing) recurse once per level, so this bounds them."""
    deepest, stack = 0, [(parsed, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))
    return deepest


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += (char in "([{") - (char in ")]}")
        deepest = max(deepest, depth)
    return deepest


@v_args(inline=True)
class _Build(Transformer):
    """Lark's tree to our nodes; a lookup keeps the text it was written with, for feedback."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def start(self, node: tree.Node) -> tree.Node:
        return node

    def inline_else(self, value: tree.Node, _when: Token, condition: tree.Node, _else: Token, other: tree.Node) -> tree.Node:
        return tree.Cases(((condition, value), (None, other)))

    def inline_otherwise(self, value: tree.Node, _when: Token, condition: tree.Node, other: tree.Node, _word: Token) -> tree.Node:
        return tree.Cases(((condition, value), (None, other)))

    def absolute(self, value: tree.Node, relation: Token, bound: tree.Node) -> tree.Node:
        """`|i - 2n| \\le 1` is `-1 \\le i - 2n \\le 1`: a condition, so the tree needs no absolute value."""
        operator = str(relation).lstrip("\\")
        if operator in ("<", "<=", "le"):
            return tree.Compare((tree.Neg(bound), value, bound), (operator, operator))
        mirrored = {">": "<", ">=": "<=", "ge": "le", "=": "=", "!=": "!=", "ne": "ne"}[operator]
        both = (tree.Compare((value, bound), (operator,)), tree.Compare((value, tree.Neg(bound)), (mirrored,)))
        return tree.Logic("and", *both) if operator in ("!=", "ne") else tree.Logic("or", *both)

    def member(self, element: tree.Node, _in: Token, items: tuple[tree.Node, ...]) -> tree.Node:
        return tree.Logic.any_of(tuple(tree.Compare((element, item), ("=",)) for item in items))

    def member_range(self, element: tree.Node, _in: Token, low: tree.Node, *rest: object) -> tree.Node:
        return tree.Compare((low, element, rest[-1]), ("<=", "<="))  # type: ignore[arg-type]

    def number(self, token: Token) -> tree.Node:
        return tree.Num(float(token))

    def name(self, token: Token) -> tree.Node:
        return tree.Name(str(token))

    def tensor(self, token: Token) -> tree.Node:
        return tree.TensorRef(str(token)[3:-1])

    def add(self, a: tree.Node, operator: Token, b: tree.Node) -> tree.Node:
        return tree.Bin(str(operator), a, b)

    def mul(self, a: tree.Node, *rest: tree.Node | Token) -> tree.Node:
        return tree.Bin("*", a, rest[-1])  # type: ignore[arg-type]

    def div(self, a: tree.Node, b: tree.Node) -> tree.Node:
        return tree.Bin("/", a, b)

    def frac(self, _: Token, a: tree.Node, b: tree.Node) -> tree.Node:
        return tree.Bin("/", a, b)

    def pow(self, a: tree.Node, b: tree.Node) -> tree.Node:
        return tree.Bin("^", a, b)

    def neg(self, _: Token, a: tree.Node) -> tree.Node:
        return tree.Neg(a)

    def pos(self, _: Token, a: tree.Node) -> tree.Node:
        return a

    def sum(self, _: Token, variable: Token, low: tree.Node, high: tree.Node, body: tree.Node) -> tree.Node:
        return tree.Sum(str(variable), low, high, body)

    def sum_high_first(self, _: Token, high: tree.Node, variable: Token, low: tree.Node, body: tree.Node) -> tree.Node:
        return tree.Sum(str(variable), low, high, body)  # `\sum^{7}_{k=1}`: LaTeX takes the scripts in either order

    def sum_call(self, _: Token, body: tree.Node, variable: Token, low: tree.Node, high: tree.Node) -> tree.Node:
        return tree.Sum(str(variable), low, high, body)  # plain text `sum(f, k, 1, 7)`, as SymPy and Maxima write it

    @v_args(inline=False, meta=True)
    def lookup(self, meta: object, children: list[object]) -> tree.Node:
        base, *groups = children
        indices = tuple(i for group in groups for i in (group if isinstance(group, tuple) else (_leaf(group),)))
        if not isinstance(base, tree.TensorRef):
            shown = base.name if isinstance(base, tree.Name) else "this"
            raise ParseError(f"{shown} is not a tensor of the question: it cannot be indexed")
        text = self.text[getattr(meta, "start_pos", 0) : getattr(meta, "end_pos", 0)]
        return tree.Lookup(base.name, indices, text)

    @v_args(inline=False)
    def args(self, children: list[tree.Node]) -> tuple[tree.Node, ...]:
        return tuple(children)

    def cases(self, _: Token, *rows: object) -> tree.Node:
        return tree.Cases(tuple(r for r in rows if isinstance(r, tuple)))

    def guarded(self, value: tree.Node, _when: Token | None, condition: tree.Node) -> tuple:
        return (condition, value)

    def otherwise(self, value: tree.Node, _word: Token) -> tuple:
        return (None, value)

    def either(self, a: tree.Node, _: Token, b: tree.Node) -> tree.Node:
        return tree.Logic("or", a, b)

    def both(self, a: tree.Node, *rest: object) -> tree.Node:
        return tree.Logic("and", a, rest[-1])  # type: ignore[arg-type]

    @v_args(inline=False)
    def comparison(self, children: list[object]) -> tree.Node:
        terms = tuple(c for c in children if not isinstance(c, Token))
        operators = tuple(str(c).lstrip("\\") for c in children if isinstance(c, Token))
        return tree.Compare(terms, operators)  # type: ignore[arg-type]

    def indicator(self, _: Token, condition: tree.Node) -> tree.Node:
        return tree.Indicator(condition)

    def delta(self, _: Token, a: tree.Node, b: tree.Node) -> tree.Node:
        return tree.Delta(a, b)


def _leaf(value: object) -> tree.Node:
    if isinstance(value, Token):
        return tree.Num(float(value)) if value.type == "NUMBER" else tree.Name(str(value))
    return value  # type: ignore[return-value]
