"""The notation of univariate-LSTM questions bound to runs of `models.lstm`.

Relative steps (-2..+2 around the run's own `t`) and absolute steps (0..T) of the same runs are both available.
A question about a general step samples long runs whose `t` varies from run to run and whose initial state is
not zero, so that `c^{(2)}` is not `c^{(t)}` and nothing vanishes at the ends of the sequence; a question about a
short sequence written out term by term (T = 3) samples runs of exactly that length.
"""

from collections.abc import Callable, Iterable, Mapping
from functools import partial

import sympy as sp

from reference.models.lstm import GATES, Run, gate_slope
from reference.vocabulary import Notation, adjoint, quantity, step_label

GENERAL_STEPS = 7   # t in 3..5: t-2 and t+2 exist in every run
SEQUENCE_STEPS = 3  # the questions that write a sum over time out term by term
RELATIVE = (-2, -1, 0, 1, 2)

Spelling = Mapping[str, tuple[str, ...]]


def _step(run: Run, step: int | str) -> int:
    return int(step) if isinstance(step, str) else run.t + step


def absolute(first: int, last: int) -> tuple[str, ...]:
    """Absolute steps first..last, as the step labels of `states` and `adjoints`."""
    return tuple(str(step) for step in range(first, last + 1))


def _bound(spelling: Spelling, steps: Iterable[int | str], names: Iterable[str], *, adjoints: bool) -> list[Notation]:
    spell, table = (adjoint, "bars") if adjoints else (quantity, "trace")
    result = []
    for step in steps:
        for name in names:
            symbol, aliases = spell(spelling[name], step, name=name)
            result.append(Notation(symbol, aliases, partial(_traced, table, name, step)))
    return result


def states(spelling: Spelling, steps: Iterable[int | str], names: Iterable[str]) -> list[Notation]:
    """Values of the named quantities (x, h, c, gates, y) at the given steps."""
    return _bound(spelling, steps, names, adjoints=False)


def adjoints(spelling: Spelling, steps: Iterable[int | str], names: Iterable[str]) -> list[Notation]:
    """Loss gradients with respect to the named quantities at the given steps."""
    return _bound(spelling, steps, names, adjoints=True)


def upstream(aliases: list[str], steps: Iterable[int | str], *, name: str = "u") -> list[Notation]:
    """The gradient arriving from outside the recurrence at each step; `{t}` in an alias is the step."""
    result = []
    for step in steps:
        symbol, _ = quantity((name,), step)
        written = step_label(step)[1]
        result.append(Notation(symbol, [a.replace("{t}", written) for a in aliases], partial(_upstream, step)))
    return result


def weights(spellings: Mapping[str, list[str]]) -> list[Notation]:
    """Recurrent and input weights: canonical `w_ix`, `w_ih`, ..., bias `b_i`, readout `w_y`, `b_y`."""
    result = []
    for name, aliases in spellings.items():
        result.append(Notation(name, aliases, partial(_weight, name)))
    return result


def _traced(table: str, name: str, step: int | str, run: Run) -> float:
    return float(getattr(run, table)[name][_step(run, step)])


def _upstream(step: int | str, run: Run) -> float:
    return float(run.upstream[_step(run, step) - 1])


def _weight(name: str, run: Run) -> float:
    if name in ("w_y", "b_y"):
        assert run.model.readout is not None, f"{name} is declared for a model without a readout"
        return run.model.readout[0 if name == "w_y" else 1]
    kind, gate, source = name[0], name[2], name[3:]
    if kind == "b":
        return run.model.bias[name[2]]
    return (run.model.w_x if source == "x" else run.model.w_h)[gate]


def partials(entries: Mapping[str, tuple[list[str], Callable[[Run], float]]]) -> list[Notation]:
    """Partial derivatives a student may leave unresolved, e.g. `\\frac{\\partial f_{t+1}}{\\partial h_t}`, as
    symbols whose sample values are the derivative in that run; `entries` maps a name to (aliases, value of run)."""
    return [Notation(name, aliases, value) for name, (aliases, value) in entries.items()]


def at(run: Run, name: str, step: int) -> float:
    """The quantity `name` at a relative step of the run's own `t`."""
    return float(run.trace[name][run.t + step])


def slope_at(run: Run, gate: str, step: int) -> float:
    """d gate / d pre-activation at a relative step, in that run."""
    return float(gate_slope(gate, at(run, gate, step)))


# The adjoints at step t computed from another one's: h-bar feeds c-bar and o-bar, c-bar feeds the other gates'.
COMPUTED_FROM = {"h": ("c", "o", "f", "i", "g"), "c": ("f", "i", "g")}

# Reference BPTT equations in canonical names (the same for every spelling of the question).
_s = sp.Symbol
RECURRENT_H = sum(_s(f"w_{g}h") * gate_slope(g, _s(f"{g}_tp1")) * _s(f"{g}bar_tp1") for g in GATES)
C_BAR = _s("hbar_t") * _s("o_t") * (1 - sp.tanh(_s("c_t")) ** 2) + _s("cbar_tp1") * _s("f_tp1")
GATE_BARS = {
    "g": _s("cbar_t") * _s("i_t"),
    "o": _s("hbar_t") * sp.tanh(_s("c_t")),
    "f": _s("cbar_t") * _s("c_tm1"),
    "i": _s("cbar_t") * _s("g_t"),
}


def input_weight_bar(gate: str, source: str, steps: Iterable[int]) -> sp.Expr:
    """d loss / d w_{gate source} written out over absolute steps: sum of gate adjoint * slope * input."""
    inputs = {"x": lambda s: _s(f"x_{s}"), "h": lambda s: _s(f"h_{s - 1}")}[source]
    return sum(_s(f"{gate}bar_{s}") * gate_slope(gate, _s(f"{gate}_{s}")) * inputs(s) for s in steps)


__all__ = ["COMPUTED_FROM", "C_BAR", "GATES", "GATE_BARS", "GENERAL_STEPS", "RECURRENT_H", "RELATIVE", "SEQUENCE_STEPS", "absolute",
           "adjoints", "at", "input_weight_bar", "partials", "slope_at", "states", "upstream", "weights"]
