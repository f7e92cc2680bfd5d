"""Forms around an answer: `N = 5`, `32*7*7*64 = 100352`, `a = b = c`, `x \\approx 0.33`.

The answer is the last side. Every other side is checked equal to it (at fixed sample points, so
`a = b = c` cannot hide a wrong side); only a first side that is a bare name (`N`, `\\sigma_B`)
occurring nowhere else is a label naming what is asked and is not checked (`x = 2x + 1` is no label). Nothing here can make the last side count for
more than it is: the kind grades it as if it had been written alone.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from graders.parsing.errors import ParseError
from graders.parsing.evaluate import evaluate
from graders.parsing.terms import Term
from graders.parsing.text import to_text

_POINTS = np.random.default_rng(20261130).uniform(0.3, 2.7, 9)
EXACT_RTOL = 1e-9
APPROXIMATE_RTOL = 0.05  # `\approx`: a rounded value, to about two significant figures


def settle(sides: list[Term], links: list[str], error: Callable[[str, int], ParseError]) -> Term:
    """The last side, once every other side is shown equal to it; `links` are "=" or "~"."""
    rest = frozenset().union(*(side.names() for side in sides[1:]))
    labelled = sides[0].op == "name" and sides[0].value not in rest
    checked = sides[1:] if labelled else sides
    last = sides[-1]
    for side in checked[:-1]:
        if not _equal(side, last, APPROXIMATE_RTOL if "~" in links else EXACT_RTOL):
            raise error(f"the sides of your answer are not equal: {to_text(side)} is not {to_text(last)}; "
                        "write the answer alone", side.pos)
    return last


def _equal(left: Term, right: Term, rtol: float) -> bool:
    env = dict.fromkeys(left.names() | right.names(), _POINTS)
    try:
        ours, theirs = (np.broadcast_to(np.asarray(evaluate(side, env), dtype=complex), _POINTS.shape)
                        for side in (left, right))
    except (ValueError, TypeError, ArithmeticError, LookupError):  # LookupError: a question's function with no body
        return False
    defined = np.isfinite(ours) & np.isfinite(theirs)
    if not defined.any():
        return False
    gap = np.abs(ours[defined] - theirs[defined])
    return bool((gap <= rtol * np.maximum(np.abs(ours[defined]), np.abs(theirs[defined])) + 1e-12).all()
                and defined.sum() >= 3)
