"""Hidden terms in an indexed formula: `\\sum_k \\sum_i x[2(n-1)+i][k] W[1,k,i] + 10^{-13}` agrees with the reference
to rounding at every element of every sample, yet it is not the reference (graders/kinds/hidden.py for the expression
kind; the same idea here). The formula is expanded into its terms, sums and products distributed over additions, and
each term is evaluated on the samples: an equal answer written differently has terms that cancel but are each of the
answer's size; a hidden part is a term that is not zero yet too small to see."""

import numpy as np

from graders.kinds import indexed_tree as tree
from graders.kinds.hidden import INVISIBLE, MAX_TERMS
from graders.kinds.indexed_eval import Space, evaluate
from graders.parsing import ParseError


class _TooMany(Exception):
    pass


def hidden_term(formula: tree.Node, names: tuple[str | int, ...], space: Space, values: np.ndarray) -> bool:
    """Has the formula a term that is not zero but at most INVISIBLE of its values' size on every sample?"""
    try:
        terms = _terms(formula)
    except _TooMany:
        return False  # a longer expansion is not searched (the pool's time limit bounds the grade)
    if len(terms) < 2:
        return False
    scale = max(1.0, float(np.max(np.abs(values), initial=0.0)))
    for term in terms:
        try:
            found = evaluate(term, names, space)
        except ParseError:
            continue  # a term that cannot stand alone (a lookup only its case guards) is no hidden constant
        largest = float(np.max(np.abs(found.values), initial=0.0))
        if not found.problems and 0 < largest <= INVISIBLE * scale:
            return True
    return False


def _terms(node: tree.Node) -> list[tree.Node]:
    match node:
        case tree.Bin(operator="+" | "-" as operator, left=left, right=right):
            rest = _terms(right)
            found = _terms(left) + (rest if operator == "+" else [tree.Neg(term) for term in rest])
        case tree.Neg(operand=operand):
            found = [tree.Neg(term) for term in _terms(operand)]
        case tree.Bin(operator="*", left=left, right=right):
            found = [tree.Bin("*", a, b) for a in _terms(left) for b in _terms(right)]
        case tree.Bin(operator="/", left=left, right=right):
            found = [tree.Bin("/", term, right) for term in _terms(left)]
        case tree.Sum(variable=variable, low=low, high=high, body=body):
            found = [tree.Sum(variable, low, high, term) for term in _terms(body)]
        case _:
            found = [node]
    if len(found) > MAX_TERMS:
        raise _TooMany
    return found
