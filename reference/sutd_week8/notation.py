"""The notation of the Week 8 LSTM tasks (`i_t`, `c_{t-1}`, `\\frac{\\partial i_t}{\\partial h_{t-1}}`), bound to
`lstm_cell.Sample` runs so that grading samples are consistent with the cell's equations."""

from reference.sutd_week8.lstm_cell import GATES, Sample
from reference.vocabulary import Notation, quantity

_BOTTOM = ("h_{t-1}", "h^{(t-1)}")


def at_d1(letter: str, step: int, key: str) -> Notation:
    """The quantity `letter` at a relative step, component d1 of the sample's vector `key`."""
    name, aliases = quantity((letter,), step)
    return Notation(name, aliases, lambda s: s.values[key][s.d1])


def partial(letter: str, step: int, key: str) -> Notation:
    """d letter_(step) / d h_{t-1}, entry [d1, d2] of the measured Jacobian; c_{t-1} is computed before h_{t-1}
    and does not depend on it, so its entry is 0."""
    name, tops = quantity((letter,), step)
    aliases = [f"\\frac{{\\partial {top}}}{{\\partial {bottom}}}" for top in tops for bottom in _BOTTOM]
    return Notation(f"d{name}", aliases, lambda s: s.partials[key][s.d1, s.d2] if key in s.partials else 0.0)


STEP_VALUES = [at_d1(g, 0, g) for g in GATES] + [at_d1("c", 0, "c"), at_d1("c", -1, "c_prev"), at_d1("h", 0, "h")]
GATE_PARTIALS = [partial(g, 0, g) for g in GATES]
CELL_PARTIAL = partial("c", 0, "c")
PREVIOUS_CELL_PARTIAL = partial("c", -1, "c_prev")


def exact_derivative(sample: Sample) -> float:
    """d h_t[d1] / d h_{t-1}[d2], measured on the run."""
    return float(sample.partials["h"][sample.d1, sample.d2])
