"""Options of `matrix_expr` parts: spellings of time-indexed quantities (`#` is the step) and sample points built
from NumPy runs of a model, as plain JSON data (arrays as nested lists, a sequence as a list over steps)."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from reference.models.lstm import GATES, Run, runs
from reference.vocabulary import loss_partials


def plain(value: Any) -> Any:
    """A NumPy value as JSON: a float, a list (a vector) or a list of rows."""
    if value is None:
        return None
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array.tolist()


def steps(values: Iterable[Any], first: int = 0) -> list[Any]:
    """A quantity over steps 0..T as a list indexed by step; steps before `first` do not exist (None)."""
    return [None] * first + [plain(v) for v in values]


def quantity(letters: Sequence[str]) -> list[str]:
    """`x^{(#)}`, `x_{#}` for each spelling of a quantity (braced, so that `x_t-1` is never `x_{t-1}`)."""
    return [form for letter in letters for form in (f"{letter}^{{(#)}}", f"{letter}_{{#}}")]


def adjoint(letters: Sequence[str], *, partials: bool = True) -> list[str]:
    """The loss gradient of a quantity: `\\overline{x^{(#)}}`, `\\bar{x}_{#}`, `\\nabla x_{#}`, ... and, with
    `partials` (the loss reaches the quantity only through others), `\\frac{\\partial \\mathcal{L}}{\\partial x^{(#)}}`."""
    forms = loss_partials(quantity(letters)) if partials else []
    for letter in letters:
        forms += [f"\\overline{{{letter}^{{(#)}}}}", f"\\bar{{{letter}}}^{{(#)}}", f"\\overline{{{letter}_{{#}}}}",
                  f"\\bar{{{letter}}}_{{#}}", f"\\overline{{{letter}}}_{{#}}", f"\\nabla {letter}_{{#}}",
                  f"\\nabla {letter}^{{(#)}}"]
    return forms


# --- the univariate LSTM over runs of several lengths ----------------------------------------------------------------

LENGTHS = (2, 3, 4, 5, 6, 7)
# the loss reads h directly (the upstream gradient), so `\\frac{\\partial \\mathcal{L}}{\\partial h^{(t)}}` is the direct term
READ_BY_LOSS = ("h",)


def lstm_point(run: Run, weight_names: Mapping[str, Callable[[Run], float]]) -> dict[str, Any]:
    """One sample point of a run: every state and adjoint by step, the upstream gradient, weights, T and t."""
    length = len(run.x)
    point: dict[str, Any] = {"T": length, "t": run.t}
    for name in ("x", "y", *GATES):
        point[name] = steps(run.trace[name][1:], first=1)
    for name in ("h", "c"):
        point[name] = steps(run.trace[name])
    for name in ("h", "c", *GATES):
        point[f"{name}bar"] = steps(run.bars[name][1 : length + 1], first=1)
    point["u"] = steps(run.upstream, first=1)
    point.update({name: float(value(run)) for name, value in weight_names.items()})
    return point


def lstm_runs(count: int, seed: int, **config: Any) -> list[Run]:
    """`count` runs whose lengths cycle through LENGTHS, so that a sum's upper bound T takes several values."""
    return [runs(1, LENGTHS[k % len(LENGTHS)], seed=seed + k, **config)[0] for k in range(count)]


def lstm_options(samples: list[dict[str, Any]], letters: Mapping[str, Sequence[str]],
                 weight_spellings: Mapping[str, list[str]], upstream: list[str], what: str) -> dict[str, Any]:
    """Options of a scalar LSTM question over whole runs: every quantity and adjoint by step, `T` and `t`."""
    sequences = {name: quantity(letters[name]) for name in ("x", "h", "c", "y", *GATES) if name in letters}
    sequences.update({f"{name}bar": adjoint(letters[name], partials=name not in READ_BY_LOSS)
                      for name in ("h", "c", *GATES)})
    sequences["u"] = upstream
    shapes: dict[str, list[str]] = {name: [] for name in [*sequences, *weight_spellings]}
    return {"shapes": shapes, "symbols": dict(weight_spellings), "sequences": sequences, "samples": samples,
            "what": what}


def lstm_samples(runs_of: Callable[[int, int], list[Run]], weights: Mapping[str, Callable[[Run], float]]
                 ) -> Callable[[int, int], list[dict[str, Any]]]:
    """(count, seed) -> sample points of fresh runs."""
    return lambda count, seed: [lstm_point(run, weights) for run in runs_of(count, seed)]
