"""One step of the vector LSTM cell of the SUTD Week 8 tasks, and its Jacobians by central differences.

A `Sample` is one consistent point for grading element-wise answers: a random cell and state, an output
index d1 and an input index d2, the step's values at d1, and the [d1, d2] entries of the Jacobians of every
gate (and of h_t, c_t) with respect to h_{t-1}, all measured on the same run.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

GATES = ("i", "f", "o", "u")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


@dataclass(frozen=True)
class Cell:
    w: dict[str, np.ndarray]   # W^g: hidden x inputs
    u: dict[str, np.ndarray]   # U^g: hidden x hidden

    @classmethod
    def random(cls, rng: np.random.Generator, inputs: int, hidden: int) -> "Cell":
        return cls(w={g: rng.normal(size=(hidden, inputs)) for g in GATES},
                   u={g: rng.normal(size=(hidden, hidden)) for g in GATES})


def step(cell: Cell, x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray) -> dict[str, np.ndarray]:
    """Pre-activations z_g, gates, the cell c and the output h of one step, as in the task's equations."""
    values = {f"z_{g}": cell.w[g] @ x + cell.u[g] @ h_prev for g in GATES}
    values.update({g: sigmoid(values[f"z_{g}"]) for g in ("i", "f", "o")})
    values["u"] = np.tanh(values["z_u"])
    values["c"] = values["f"] * c_prev + values["i"] * values["u"]
    values["h"] = values["o"] * np.tanh(values["c"])
    return values


def jacobian(function: Callable[[np.ndarray], np.ndarray], at: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """d function / d at, column by column, by central differences."""
    columns = []
    for j in range(at.size):
        nudge = np.zeros_like(at)
        nudge[j] = eps
        columns.append((function(at + nudge) - function(at - nudge)) / (2 * eps))
    return np.stack(columns, axis=1)


@dataclass(frozen=True)
class Sample:
    cell: Cell
    d1: int
    d2: int
    values: dict[str, np.ndarray]              # the step's quantities (vectors), with c_prev
    partials: dict[str, np.ndarray]            # name -> Jacobian with respect to h_{t-1}


def _partials(cell: Cell, x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray) -> dict[str, np.ndarray]:
    """Each quantity's Jacobian with respect to h_{t-1}, by finite differences."""
    def quantity(name: str) -> Callable[[np.ndarray], np.ndarray]:
        return lambda h: step(cell, x, h, c_prev)[name]
    return {name: jacobian(quantity(name), h_prev) for name in (*GATES, "c", "h")}


def samples(count: int, *, seed: int, inputs: int = 3, hidden: int = 4) -> list[Sample]:
    """`count` independent runs, each with its own random entry (d1, d2) of the Jacobians."""
    rng = np.random.default_rng(seed)
    result = []
    for _ in range(count):
        cell = Cell.random(rng, inputs, hidden)
        x, h_prev, c_prev = rng.normal(size=inputs), rng.normal(size=hidden), rng.normal(size=hidden)
        values = {**step(cell, x, h_prev, c_prev), "c_prev": c_prev}
        partials = _partials(cell, x, h_prev, c_prev)
        d1, d2 = (int(i) for i in rng.integers(hidden, size=2))
        result.append(Sample(cell, d1, d2, values, partials))
    return result
