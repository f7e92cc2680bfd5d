"""Mutants of the bank's reference answers, each with whether it is mathematically different: the mutation self-test.

A mutant is a slip a student makes: a term dropped, a sign flipped, a time index shifted by one, a symbol swapped
for a similar one of the question (another gate, weight or step), the general step replaced by a fixed one, the
answer replaced by the unknown. Whether a mutant differs from the reference is decided here, independently of
graders: by NumPy at fresh runs of the part's model (or fresh points of its variables' ranges), by growth rates for
asymptotic bounds, by value for numbers, sets and choices. A mutant that differs must be refused by the grader.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import cast

import numpy as np
import sympy as sp

from graders.parsing import parse
from reference.indexed_mutations import indexed_mutants
from reference.matrix_mutations import matrix_mutants
from reference.part import Part

TRUTH_ROWS = 40
TRUTH_SEED = 90210
DEFAULT_RANGE = (-2.0, 2.0)
_STEP = re.compile(r"^(?P<stem>.+?)_(?P<step>t|tm\d|tp\d|\d+)$")


@dataclass(frozen=True)
class Mutant:
    how: str
    answer: str        # the mutant as text, read by the grader like a student's answer
    different: bool    # decided without the grader


def mutants(part: Part) -> list[Mutant]:
    """Every mutant of an auto-graded part, one per distinct answer text."""
    makers = {"expression": _expression, "tuple": _tuple, "number": _number, "integer": _number, "set": _set,
              "choice": _choice, "bigo": _bigo, "matrix_expr": _matrix_expr, "indexed": _indexed}
    found: dict[str, Mutant] = {}
    for mutant in makers[part.kind](part):
        found.setdefault(mutant.answer, mutant)
    return list(found.values())


# --- formulas ------------------------------------------------------------------------------------------------------

def _declared(part: Part) -> set[str]:
    options = part.options
    return {*options.get("symbols", {}), *options.get("samples", {}), *options.get("variables", {})}


def formula_mutations(expr: sp.Expr, declared: set[str]) -> Iterator[tuple[str, sp.Expr]]:
    """(how, mutant) for one formula; only names the question declares are swapped in."""
    yield "negated", -expr
    for add in (node for node in sp.preorder_traversal(expr) if isinstance(node, sp.Add)):
        for term in add.args:
            yield f"dropped the term {term}", expr.xreplace({add: add - term})
            yield f"flipped the sign of {term}", expr.xreplace({add: add - 2 * term})
    for power in (node for node in sp.preorder_traversal(expr) if isinstance(node, sp.Pow) and node.exp.free_symbols):
        for delta in (-1, 1):
            yield f"exponent {power.exp} {delta:+d}", expr.xreplace({power: sp.Pow(power.base, power.exp + delta)})
    for number in sorted({n for n in expr.atoms(sp.Rational) if abs(n) != 1} | ({expr} if expr.is_number else set()), key=str):
        yield f"{number} doubled", expr.xreplace({number: 2 * number}) if number != expr else 2 * expr
        yield f"{number} halved", expr.xreplace({number: number / 2}) if number != expr else expr / 2
    for symbol in sorted(expr.free_symbols, key=str):
        for other in [*_shifted(symbol.name, declared), *_similar(symbol.name, declared)]:
            yield f"{symbol} -> {other}", expr.xreplace({symbol: sp.Symbol(other)})
    for delta in (-1, 1):
        yield f"every step shifted by {delta:+d}", _all_steps(expr, declared, partial(_shift, "rel", delta))
    for step in range(1, 10):
        yield f"general step t fixed at {step}", _all_steps(expr, declared, partial(_shift, "abs", step))
    for initial in sorted(name for name in declared if (_step_of(name) or ("", "", None))[1:] == ("abs", 0)):
        yield f"plus the initial state {initial}", expr + sp.Symbol(initial)


def _shift(kind: str, by: int, offset: int) -> tuple[str, int]:
    return kind, offset + by


def _step_of(name: str) -> tuple[str, str, int] | None:
    """(stem, "rel" | "abs", offset or step) of a name with a time index: c_tm1 is ("c", "rel", -1)."""
    found = _STEP.match(name)
    if not found:
        return None
    stem, step = found["stem"], found["step"]
    if step.isdigit():
        return stem, "abs", int(step)
    return stem, "rel", 0 if step == "t" else int(step[2:]) * (1 if step[1] == "p" else -1)


def _named(stem: str, kind: str, step: int) -> str:
    if kind == "abs":
        return f"{stem}_{step}"
    return f"{stem}_{'t' if step == 0 else ('tp' if step > 0 else 'tm') + str(abs(step))}"


def _shifted(name: str, declared: set[str]) -> list[str]:
    parsed = _step_of(name)
    if parsed is None:
        return []
    stem, kind, step = parsed
    return [other for other in (_named(stem, kind, step - 1), _named(stem, kind, step + 1)) if other in declared]


def _similar(name: str, declared: set[str]) -> list[str]:
    """Names of the question at the same step whose stem differs in one letter: i_t and f_t, w_ix and w_fx."""
    stem, _, step = name.rpartition("_") if _step_of(name) else (name, "", "")
    result = []
    for other in sorted(declared - {name}):
        other_stem, _, other_step = other.rpartition("_") if _step_of(other) else (other, "", "")
        if other_step == step and len(other_stem) == len(stem) and _one_letter_apart(stem, other_stem):
            result.append(other)
    return result


def _one_letter_apart(a: str, b: str) -> bool:
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _all_steps(expr: sp.Expr, declared: set[str], where: Callable[[int], tuple[str, int]]) -> sp.Expr:
    """Every name at a step relative to t moved to `where(offset)`; unchanged if one of the new names is unknown."""
    swaps = {}
    for symbol in expr.free_symbols:
        parsed = _step_of(symbol.name)
        if parsed is None or parsed[1] != "rel":
            continue
        kind, step = where(parsed[2])
        other = _named(parsed[0], kind, step)
        if other not in declared:
            return expr
        swaps[symbol] = sp.Symbol(other)
    return expr.xreplace(swaps)


def _points(part: Part, names: set[str]) -> dict[str, np.ndarray]:
    """The independent truth: fresh runs of the part's model, else fresh points of its variables' ranges."""
    given = {k: np.asarray(v, dtype=float) for k, v in (part.model(TRUTH_ROWS, TRUTH_SEED) if part.model else {}).items()}
    count = len(next(iter(given.values()))) if given else 64
    declared = part.options.get("variables")
    ranges: Mapping[str, tuple[float, float]] = declared if isinstance(declared, Mapping) else {}
    rng = np.random.default_rng(TRUTH_SEED)
    return {name: given[name] if name in given else rng.uniform(*ranges.get(name, DEFAULT_RANGE), count)
            for name in sorted(names)}


def differs(mutant: sp.Expr, reference: sp.Expr, points: Mapping[str, np.ndarray]) -> bool:
    """Does the mutant take another value than the reference somewhere the reference is defined?"""
    names = sorted({s.name for s in (mutant.free_symbols | reference.free_symbols)})
    count = len(next(iter(points.values()))) if points else 1
    with np.errstate(all="ignore"):
        ours, theirs = (np.broadcast_to(np.asarray(sp.lambdify([sp.Symbol(n) for n in names], e, "numpy")(
            *(points[n] for n in names)), dtype=complex), (count,)) for e in (mutant, reference))
    defined = np.isfinite(theirs) & (np.abs(theirs.imag) < 1e-12)
    if not np.isfinite(ours[defined]).all():
        return True
    return not np.allclose(ours[defined], theirs[defined], rtol=1e-8, atol=1e-10)


def _unknowns(part: Part, reference: sp.Expr) -> Iterator[Mutant]:
    """The answer replaced by what the part forbids (the unknown, a derivative operator): always wrong."""
    for name in part.options.get("forbidden", {}):
        if name.endswith("'") and len(reference.free_symbols) == 1:
            yield Mutant("the unknown restated", f"{name}({next(iter(reference.free_symbols))})", True)
        elif not name.endswith("'"):
            yield Mutant("the unknown restated", name, True)


def _expression(part: Part) -> Iterator[Mutant]:
    reference = sp.sympify(part.reference, strict=True)
    declared = _declared(part)
    candidates = [(how, e) for how, e in formula_mutations(reference, declared) if e != reference]
    points = _points(part, {s.name for e in (reference, *(e for _, e in candidates)) for s in e.free_symbols})
    for how, mutant in candidates:
        yield Mutant(how, sp.sstr(mutant), differs(mutant, reference, points))
    yield from _unknowns(part, reference)


def _tuple(part: Part) -> Iterator[Mutant]:
    elements = [sp.sympify(e, strict=True) for e in cast(Iterable[object], part.reference)]
    declared = _declared(part)
    points = _points(part, {s.name for e in elements for s in e.free_symbols} | declared)

    def shown(values: list[sp.Expr]) -> str:
        return "(" + ", ".join(sp.sstr(v) for v in values) + ")"

    if elements != elements[::-1]:
        yield Mutant("elements in reverse order", shown(elements[::-1]), True)
    for index, element in enumerate(elements):
        changes = [(f"{element} + 1", element + 1), (f"{element} - 1", element - 1)]
        if element.free_symbols:
            changes += list(formula_mutations(element, declared))
        for how, other in changes:
            if other != element:
                mutated = [*elements[:index], other, *elements[index + 1:]]
                yield Mutant(f"element {index + 1}: {how}", shown(mutated), differs(other, element, points))


def _matrix_expr(part: Part) -> Iterator[Mutant]:
    for how, text, different in matrix_mutants(part, TRUTH_SEED):
        yield Mutant(how, text, different)


def _indexed(part: Part) -> Iterator[Mutant]:
    for how, text, different in indexed_mutants(part, TRUTH_SEED):
        yield Mutant(how, text, different)


# --- values --------------------------------------------------------------------------------------------------------

def _number(part: Part) -> Iterator[Mutant]:
    exact = not isinstance(part.reference, float)
    value = float(cast(float, part.reference))
    rtol = part.options.get("rtol", 0.0 if exact else 1e-6)
    for how, other in [("+1", value + 1), ("-1", value - 1), ("doubled", 2 * value), ("negated", -value),
                       ("off by 1e-9", value * (1 + 1e-9) + 1e-9), ("off by 5%", value * 1.05)]:
        text = str(int(other)) if other == int(other) and part.kind == "integer" else repr(other)
        yield Mutant(how, text, abs(other - value) > rtol * abs(value))


_INTERVAL = re.compile(r"^(-?\d+) (\\le|<) x (\\le|<) (-?\d+)$")


def _set(part: Part) -> Iterator[Mutant]:
    found = _INTERVAL.match(str(part.reference))
    if not found or not part.options.get("integer"):
        return
    low, low_op, high_op, high = int(found[1]), found[2], found[3], int(found[4])
    truth = _integers(low, low_op, high_op, high)
    flip = {"<": "\\le", "\\le": "<"}
    for a, a_op, b_op, b in [(low - 1, low_op, high_op, high), (low + 1, low_op, high_op, high),
                             (low, low_op, high_op, high - 1), (low, low_op, high_op, high + 1),
                             (low, flip[low_op], high_op, high), (low, low_op, flip[high_op], high)]:
        yield Mutant("an end moved", f"{a} {a_op} x {b_op} {b}", _integers(a, a_op, b_op, b) != truth)


def _integers(low: int, low_op: str, high_op: str, high: int) -> set[int]:
    first = low + (low_op == "<")
    last = high - (high_op == "<")
    return set(range(first, last + 1))


def _choice(part: Part) -> Iterator[Mutant]:
    for choice in part.options.get("choices", []):
        if choice != part.reference:
            yield Mutant("another choice", choice, True)


# --- asymptotic bounds ---------------------------------------------------------------------------------------------

def _bigo(part: Part) -> Iterator[Mutant]:
    inner = parse(str(part.reference), target="bigo").to_sympy()
    sizes = [sp.Symbol(name) for name in part.options.get("variables") or sorted(map(str, inner.free_symbols))]
    yield Mutant("a lower bound instead", f"\\Omega({sp.sstr(inner)})", True)
    for how, other in _bound_mutations(inner, sizes):
        yield Mutant(how, f"O({sp.sstr(other)})", _grows_differently(other, inner, sizes))


def _bound_mutations(inner: sp.Expr, sizes: list[sp.Symbol]) -> Iterator[tuple[str, sp.Expr]]:
    for factor in sp.Mul.make_args(inner):
        if factor.free_symbols:
            yield f"dropped the factor {factor}", inner / factor
            yield f"squared the factor {factor}", inner * factor
    for size in sizes:
        yield f"times {size}", inner * size
        yield f"plus {size}", inner + size
    for add in (node for node in sp.preorder_traversal(inner) if isinstance(node, sp.Add)):
        for term in add.args:
            yield f"dropped the term {term}", inner.xreplace({add: add - term})


def _grows_differently(a: sp.Expr, b: sp.Expr, sizes: list[sp.Symbol]) -> bool:
    """Does log(a / b) keep changing as every size grows (along several random directions)?"""
    rng = np.random.default_rng(TRUTH_SEED)
    for _ in range(6):
        powers = rng.uniform(0.5, 1.5, len(sizes))

        def log_ratio(scale: float, powers: np.ndarray = powers) -> float:
            at = {s: sp.Float(scale) ** float(p) for s, p in zip(sizes, powers, strict=True)}
            return float(sp.log(a.subs(at) / b.subs(at)).evalf())

        if abs(log_ratio(1e12) - log_ratio(1e4)) > 0.5:
            return True
    return False
