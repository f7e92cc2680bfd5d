"""The notation of univariate-LSTM questions bound to runs of `models.lstm`.

Relative steps (-1, 0, +1 around the question's `t`) and absolute steps (1..T) of the same runs are
both available, so a weight gradient can be written out term by term over a short sequence.
"""

from collections.abc import Iterable, Mapping

from reference.models.lstm import GATES, Run
from reference.vocabulary import Notation, adjoint, quantity

CENTER = 2    # the step that plays `t` in a run of three steps: t-1 and t+1 both exist
STEPS = 3

Spelling = Mapping[str, tuple[str, ...]]


def _step(step: int | str) -> int:
    return int(step) if isinstance(step, str) else CENTER + step


def states(spelling: Spelling, steps: Iterable[int | str], names: Iterable[str]) -> list[Notation]:
    """Values of the named quantities (x, h, c, gates, y) at the given steps."""
    result = []
    for step in steps:
        for name in names:
            symbol, aliases = quantity(spelling[name], step, name=name)
            result.append(Notation(symbol, aliases, lambda run, n=name, s=_step(step): run.trace[n][s]))
    return result


def adjoints(spelling: Spelling, steps: Iterable[int | str], names: Iterable[str]) -> list[Notation]:
    """Loss gradients with respect to the named quantities at the given steps."""
    result = []
    for step in steps:
        for name in names:
            symbol, aliases = adjoint(spelling[name], step, name=name)
            result.append(Notation(symbol, aliases, lambda run, n=name, s=_step(step): run.bars[n][s]))
    return result


def upstream(aliases: list[str], steps: Iterable[int | str], *, name: str = "u") -> list[Notation]:
    """The gradient arriving from outside the recurrence at each step; `{t}` in an alias is the step."""
    result = []
    for step in steps:
        symbol, _ = quantity((name,), step)
        written = step if isinstance(step, str) else {-1: "t-1", 0: "t", 1: "t+1"}[step]
        result.append(Notation(symbol, [a.replace("{t}", written) for a in aliases],
                               lambda run, s=_step(step): run.upstream[s - 1]))
    return result


def weights(spellings: Mapping[str, list[str]]) -> list[Notation]:
    """Recurrent and input weights: canonical `w_ix`, `w_ih`, ..., bias `b_i`, readout `w_y`, `b_y`."""
    result = []
    for name, aliases in spellings.items():
        result.append(Notation(name, aliases, lambda run, n=name: _weight(run, n)))
    return result


def _weight(run: Run, name: str) -> float:
    if name in ("w_y", "b_y"):
        return run.model.readout[0 if name == "w_y" else 1]
    kind, gate, source = name[0], name[2], name[3:]
    if kind == "b":
        return run.model.bias[name[2]]
    return (run.model.w_x if source == "x" else run.model.w_h)[gate]


__all__ = ["CENTER", "GATES", "STEPS", "adjoints", "states", "upstream", "weights"]
