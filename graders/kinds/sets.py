"""Sets: finite sets, intervals, unions and inequalities in one variable; optionally of integers only."""

from collections.abc import Iterable
from typing import cast

import sympy

from graders.kinds import agreement
from graders.kinds.base import RIGHT, Reading, Verdict, first_position, overlap_verdict, wrong
from graders.options import SetOptions
from graders.parsing import Node, ParseError, parse

Options = SetOptions

# An integer range larger than this is kept as a Range, not listed element by element.
MAX_LISTED = 10_000


def read_student(text: str, syntax: str, options: SetOptions) -> Reading:
    node = parse(text, syntax=syntax, target="set")
    return Reading(_as_set(node, text, options), node.to_latex(), node.to_text())


def read_reference(reference: object, syntax: str, options: SetOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    if isinstance(reference, sympy.Set):
        value = reference
    else:
        # strict: numbers and SymPy objects only, never text through SymPy's own parser.
        value = sympy.FiniteSet(*(sympy.sympify(v, strict=True) for v in cast(Iterable[object], reference)))
    value = _restrict(value, options)
    return Reading(value, sympy.latex(value), sympy.sstr(value))


def compare(answer: Reading, expected: Reading, options: SetOptions) -> Verdict:
    ours, theirs = answer.value, expected.value
    if ours == theirs:
        return RIGHT
    if isinstance(ours, sympy.FiniteSet) and isinstance(theirs, sympy.FiniteSet):
        return overlap_verdict(_matched(ours, theirs), _rounded(theirs), options, "elements")
    return wrong("Not the expected set.")


def key(answer: Reading, options: SetOptions) -> str:
    if isinstance(answer.value, sympy.FiniteSet):
        return "{" + ", ".join(sorted(_rounded(answer.value))) + "}"
    return sympy.sstr(answer.value)


def _as_set(node: Node, text: str, options: SetOptions) -> sympy.Set:
    stated = {label for label in node.meta if node.kind == "set" and label is not None} - {options.variable}
    if stated:
        message = f"the answer is about {options.variable}, not {', '.join(sorted(stated))}"
        raise ParseError(message, first_position(text, stated), text)
    unknown = node.free_symbols - ({options.variable} if node.kind == "relation" else set())
    if unknown:
        names = ", ".join(sorted(unknown))
        message = f"write the set with numbers and the variable {options.variable} only; {names} is not known here"
        raise ParseError(message, 0, text)
    value = node.to_sympy()
    if isinstance(value, sympy.FiniteSet) and not all(element.is_finite for element in value):
        # Before the integer restriction, which would silently drop it: {52, 53, 54, oo} is not {52, 53, 54}.
        raise ParseError("every element of a set must be a finite number", 0, text)
    if node.kind == "relation":
        value = value.as_set() if node.free_symbols else sympy.S.EmptySet
    return _restrict(value, options)


def _restrict(value: sympy.Set, options: SetOptions) -> sympy.Set:
    """With `integer`, keep only the integers: [52, 55) becomes {52, 53, 54}, and so does
    [52, 53] ∪ {54} (each part of a union is listed on its own, then joined)."""
    if not options.integer:
        return value
    parts = [_integers_of(part) for part in (value.args if isinstance(value, sympy.Union) else (value,))]
    return sympy.Union(*parts)


def _integers_of(value: sympy.Set) -> sympy.Set:
    value = value.intersect(sympy.S.Integers)
    if isinstance(value, sympy.Range) and value.is_finite_set and value.size <= MAX_LISTED:
        return sympy.FiniteSet(*value)
    return value


def _rounded(value: sympy.FiniteSet) -> frozenset[str]:
    return frozenset(_key(element) for element in value)


def _key(element: sympy.Basic) -> str:
    return f"{float(element):.12g}" if element.is_number else sympy.sstr(element)


def _matched(ours: sympy.FiniteSet, theirs: sympy.FiniteSet) -> frozenset[str]:
    """Our elements' keys; one that rounds like an expected element without being it exactly (`1/3 + 10^{-15}`,
    `2^{60}` for 2^{60} + 1) gets a key of its own."""
    expected = {_key(element): element for element in theirs}
    keys = set()
    for element in ours:
        key = _key(element)
        if key in expected and not _is(element, expected[key]):
            key = f"{key} (not exactly)"
        keys.add(key)
    return frozenset(keys)


def _is(element: sympy.Basic, expected: sympy.Basic) -> bool:
    """Exactly, or as a decimal correctly rounded (`0.333333333333` for 1/3: how it was written is not kept)."""
    if agreement.exactly_equal(element, expected) is not False:
        return True
    places = agreement.decimal_places(element) if element.is_Rational else None
    return places is not None and agreement.rounds_to(element, places, expected)
