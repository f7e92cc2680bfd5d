"""`\\sum_{t=1}^{3} i^{(t)} x^{(t)}` where the question names each step (`i^{(1)}`, `x^{(2)}`, ...): the sum written out.

A name whose script holds the summation variable (`i^{(t)}`, `h_{t-1}`, `\\nabla i_t`) stands for the question's name
at each step; the sum is read as its terms, each with the step's declared name. Only when every such name is declared
at every step: otherwise the sum is left as it is (and an undeclared name is refused as usual).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from graders.parsing.terms import Op, Term
from graders.parsing.vocabulary import Vocabulary

Make = Callable[..., Term]
_SCRIPT = re.compile(r"[_^](?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9])")
_OFFSET = re.compile(r"(\d+)\s*([+-])\s*(\d+)")


def unrolled(kind: str, variable: str, operand: Term, low: Term, high: Term, vocabulary: Vocabulary,
             make: Make) -> Term | None:
    """The sum (or product) as its terms, or None when it does not range over the question's named steps."""
    if low.const is None or high.const is None or not vocabulary.declared:
        return None
    stepped = {term.latex or term.value for term in _names(operand) if _mentions(term.latex or term.value, variable)}
    if not stepped:
        return None
    terms = []
    for step in range(int(low.const), int(high.const) + 1):
        renamed = {spelling: _at_step(spelling, variable, step) for spelling in stepped}
        declared = {spelling: vocabulary.named(written) for spelling, written in renamed.items()}
        if None in declared.values():
            return None
        terms.append(_renamed(operand, variable, step, renamed, declared, make))  # type: ignore[arg-type]
    if kind == "prod":
        return make(Op.MUL, tuple(terms), ("",) + ("*",) * (len(terms) - 1), operand.pos)
    return make(Op.ADD, tuple(terms), ("+",) * len(terms), operand.pos)


def _names(term: Term) -> list[Term]:
    if term.op is Op.NAME:
        return [term]
    return [name for arg in term.args for name in _names(arg)]


def _mentions(spelling: str, variable: str) -> bool:
    pattern = re.compile(rf"(?<![A-Za-z\\]){re.escape(variable)}(?![A-Za-z])")
    return any(pattern.search(script.group()) for script in _SCRIPT.finditer(spelling))


def _at_step(spelling: str, variable: str, step: int) -> str:
    """`h_{t-1}` at step 2 is `h_{1}`: the variable replaced in each script, and offsets worked out."""
    pattern = re.compile(rf"(?<![A-Za-z\\]){re.escape(variable)}(?![A-Za-z])")

    def script(found: re.Match[str]) -> str:
        text = pattern.sub(str(step), found.group())
        while (offset := _OFFSET.search(text)) is not None:
            left, sign, right = int(offset[1]), offset[2], int(offset[3])
            text = text[: offset.start()] + str(left + right if sign == "+" else left - right) + text[offset.end() :]
        return text

    return _SCRIPT.sub(script, spelling)


def _renamed(term: Term, variable: str, step: int, renamed: dict[str, str], declared: dict[str, str],
             make: Make) -> Term:
    if term.op is Op.NAME and term.value == variable:
        return Term(Op.NUM, value=str(step), const=float(step), pos=term.pos)
    if term.op is Op.NAME:
        spelling = term.latex or term.value
        if spelling not in declared:
            return term
        return Term(Op.NAME, value=declared[spelling], latex=renamed[spelling], pos=term.pos)
    if not term.args:
        return term
    args = tuple(_renamed(arg, variable, step, renamed, declared, make) for arg in term.args)
    return make(term.op, args, term.value, term.pos, term.latex)
