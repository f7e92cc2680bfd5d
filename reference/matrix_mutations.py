"""Mutants of a `matrix_expr` reference: a term dropped or its sign flipped, a matrix transposed, a step shifted, a
sum's range cut at either end, a quantity swapped for a similar one of the question, the answer negated.

Whether a mutant differs is decided at fresh runs of the part's model (`part.model(count, seed)`, points the grader
never saw): the mutant and the reference are evaluated there and compared by value; a mutant that has no value there
(a shape that does not fit, a step that does not exist) differs. The values come from graders' matrix evaluator (there
is no second one): what is independent of the grader is the points, and the reference itself, which
tests/reference/test_matrix_parts.py checks against finite differences of the model.
"""

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np

from graders.kinds.matrix_expr import values_at_points
from graders.kinds.matrix_values import TRANSPOSE, MatrixError, replaced, subterms
from graders.parsing import Node, ParseError, trusted_input
from graders.parsing.node import NodeKind
from graders.parsing.terms import Op, Term
from reference.part import Part

_INDEXED = re.compile(r"^(?P<stem>.+)@(?P<var>[A-Za-z]+)?(?P<offset>[+-]?\d+)?$")
TRUTH_POINTS = 24


def matrix_mutants(part: Part, seed: int) -> Iterator[tuple[str, str, bool]]:
    """(how, mutant text, whether it differs) for each mutant of the part's reference."""
    reference = _read(part)
    fresh = {**part.options, "samples": part.model(TRUTH_POINTS, seed) if part.model else part.options["samples"]}
    truth = values_at_points(str(part.reference), fresh)
    for how, term in _mutations(reference, dict(part.options)):
        text = Node(NodeKind.EXPR, (term,)).to_latex()
        try:
            different = _differs(text, fresh, truth)
        except ParseError:  # printed in a form the reader refuses (`i (1) x`): not a slip a student writes
            continue
        yield how, text, different
    for name in part.options.get("forbidden", {}):
        yield "the unknown restated", (part.options.get("symbols", {}).get(name) or [name])[0], True


def _read(part: Part) -> Term:
    from graders.kinds import matrix_expr
    options = matrix_expr.Options.from_mapping(part.options)
    with trusted_input():
        return matrix_expr.read_student(str(part.reference), "auto", options).value[1]


def _differs(text: str, options: dict[str, Any], truth: list) -> bool:
    try:
        values = values_at_points(text, options)
    except MatrixError:
        return True
    return any(np.shape(a) != np.shape(b) or not np.allclose(a, b, rtol=1e-8, atol=1e-10)
               for a, b in zip(values, truth, strict=True))


def _mutations(term: Term, options: dict[str, Any]) -> Iterator[tuple[str, Term]]:
    yield "negated", Term(Op.NEG, (term,))
    for path, node in subterms(term):
        yield from ((how, replaced(term, path, new)) for how, new in _local(node, options))


def _local(node: Term, options: dict[str, Any]) -> Iterator[tuple[str, Term]]:
    """Slips at one node of the formula."""
    if node.op is Op.ADD and len(node.args) > 1:
        for index in range(len(node.args)):
            rest = [(s, a) for k, (s, a) in enumerate(zip(node.value, node.args, strict=True)) if k != index]
            kept = Term(Op.ADD, tuple(a for _, a in rest), (rest[0][0], *(s for s, _ in rest[1:])))
            yield f"dropped the term {index + 1}", kept if len(rest) > 1 or rest[0][0] == "-" else rest[0][1]
            if index:  # the first term's sign is the whole answer negated
                flipped = tuple(("-" if s == "+" else "+") if k == index else s for k, s in enumerate(node.value))
                yield f"flipped the sign of term {index + 1}", replace(node, value=flipped, const=None)
    if node.op is Op.NAME:
        yield from _name_slips(node, options)
    if node.op is Op.SUM:
        operand, low, high = node.args
        one = Term(Op.NUM, value="1", const=1.0)
        yield "the sum starts one step late", replace(node, args=(operand, Term(Op.ADD, (low, one), ("+", "+")), high))
        yield "the sum stops one step early", replace(node, args=(operand, low, Term(Op.ADD, (high, one), ("+", "-"))))


def _name_slips(node: Term, options: dict[str, Any]) -> Iterator[tuple[str, Term]]:
    shapes, sequences = options.get("shapes", {}), options.get("sequences", {})
    found = _INDEXED.match(node.value)
    stem = found["stem"] if found and found["stem"] in sequences else node.value
    if len(shapes.get(stem, [])) == 2:
        yield f"{node.value} transposed", Term(Op.POW, (node, Term(Op.NAME, value=TRANSPOSE, latex="\\top")))
    if found is None or stem not in sequences:
        for other in _similar(stem, options.get("symbols", {})):
            yield f"{node.value} -> {other}", Term(Op.NAME, value=other, latex=options["symbols"][other][0])
        return
    variable, offset = found["var"] or "", int(found["offset"] or 0)
    for delta in (-1, 1):
        yield f"{node.value} shifted by {delta:+d}", _indexed(stem, variable, offset + delta, sequences)
    for other in _similar(stem, sequences):
        yield f"{stem} -> {other}", _indexed(other, variable, offset, sequences)


def _indexed(stem: str, variable: str, offset: int, sequences: dict[str, list[str]]) -> Term:
    suffix = f"{variable}{offset:+d}" if variable and offset else variable or str(offset)
    written = "\\tau" + suffix[3:] if variable == "tau" else suffix
    return Term(Op.NAME, value=f"{stem}@{suffix}", latex=sequences[stem][0].replace("#", written))


def _similar(name: str, declared: dict[str, Any]) -> list[str]:
    """Names of the question of the same length that differ in one character: W_c and W_h, ibar and fbar."""
    return [other for other in sorted(declared) if other != name and len(other) == len(name) and "@" not in other
            and sum(a != b for a, b in zip(other, name, strict=True)) == 1]
