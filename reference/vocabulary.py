"""Notation students use for the quantities of a question, as graders `symbols` options.

A quantity at a time step has one canonical name (`c_t`, `c_tm1`, `c_tp1`, `c_2`) and the spellings
of the seeds and of common textbooks as aliases: `c^{(t)}`, `c_t`, `C_{t-1}`; an adjoint (the gradient
of the loss) adds `\\overline{c^{(t)}}`, `\\bar{c}_t`, `\\nabla c_t` and, where the loss reaches the quantity only
through others, `\\frac{\\partial \\mathcal{L}}{\\partial c^{(t)}}`.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Vocabulary = dict[str, list[str]]

_STEP_LABELS = {-2: ("tm2", "t-2"), -1: ("tm1", "t-1"), 0: ("t", "t"), 1: ("tp1", "t+1"), 2: ("tp2", "t+2")}


def step_label(step: int | str) -> tuple[str, str]:
    """(suffix of the canonical name, the step as written) for a relative offset or an absolute step."""
    if isinstance(step, str):
        return step, step
    return _STEP_LABELS[step]


def _subscripts(letter: str, written: str) -> list[str]:
    forms = [f"{letter}_{{{written}}}"]
    if len(written) == 1:
        forms.append(f"{letter}_{written}")
    return forms


def _spellings(letters: Iterable[str], written: str) -> list[str]:
    forms: list[str] = []
    for letter in letters:
        forms += [f"{letter}^{{({written})}}", *_subscripts(letter, written)]
    return forms


def quantity(letters: tuple[str, ...], step: int | str, *, name: str | None = None) -> tuple[str, list[str]]:
    """Canonical name and aliases of a quantity at a step; `letters` are its spellings (`("c", "C")`)."""
    suffix, written = step_label(step)
    return f"{name or letters[0]}_{suffix}", _spellings(letters, written)


def adjoint(letters: tuple[str, ...], step: int | str, *, name: str | None = None) -> tuple[str, list[str]]:
    """Canonical name and aliases of the loss gradient with respect to a quantity at a step."""
    suffix, written = step_label(step)
    forms: list[str] = []
    for letter in letters:
        plain = [f"{letter}^{{({written})}}", *_subscripts(letter, written)]
        forms += [f"\\overline{{{letter}^{{({written})}}}}", f"\\bar{{{letter}}}^{{({written})}}"]
        forms += [f"\\bar{{{letter}}}" + form[len(letter):] for form in plain[1:]]
        forms += [f"\\bar {letter}" + form[len(letter):] for form in plain[1:]]
        forms += [f"\\overline{{{letter}}}" + form[len(letter):] for form in plain[1:]]
        forms += [f"\\nabla {form}" for form in plain]
    return f"{name or letters[0]}bar_{suffix}", forms


LOSSES = ("\\mathcal{L}", "L", "\\ell")  # how the handouts write the loss


def loss_partials(forms: Iterable[str]) -> list[str]:
    """The loss gradient written as a partial derivative, `\\frac{\\partial \\mathcal{L}}{\\partial i^{(t)}}`, for
    each spelling of a quantity. It is the adjoint only of a quantity the loss reaches through others alone; where
    the loss also reads the quantity directly (h in an LSTM), handouts write the partial for the direct term."""
    return [f"\\frac{{\\partial {loss}}}{{\\partial {form}}}" for form in forms for loss in LOSSES]


def merge(*entries: tuple[str, list[str]] | Vocabulary) -> Vocabulary:
    """One vocabulary from (name, aliases) pairs and whole vocabularies."""
    merged: Vocabulary = {}
    for entry in entries:
        pairs = entry.items() if isinstance(entry, dict) else [entry]
        for name, aliases in pairs:
            merged.setdefault(name, [])
            merged[name] += [a for a in aliases if a not in merged[name]]
    return merged


@dataclass(frozen=True)
class Notation:
    """One symbol of a question: its canonical name, its spellings, and its value in a model run."""

    name: str
    aliases: list[str]
    value: Callable[[Any], float]


@dataclass(frozen=True)
class Sampling:
    """A question's symbols bound to a model, and how to draw runs of that model: (count, seed) -> rows."""

    notations: tuple[Notation, ...]
    draw: Callable[[int, int], Sequence[Any]]

    def options(self, rows: Sequence[Any], **extra: Any) -> dict[str, Any]:
        return sampled_options(self.notations, rows, **extra)

    def fresh(self, count: int, seed: int) -> dict[str, list[float]]:
        """Rows of new runs, which the grader never saw: the independent truth of the mutation self-test."""
        return self.options(self.draw(count, seed))["samples"]


def sampled_options(notations: Iterable[Notation], rows: Sequence[Any], **extra: Any) -> dict[str, Any]:
    """graders options whose samples are consistent: row k of every symbol comes from run `rows[k]`."""
    notations = list(notations)
    return {
        "symbols": merge(*[(n.name, n.aliases) for n in notations]),
        "samples": {n.name: [float(n.value(row)) for row in rows] for n in notations},  # full precision: relations hold
        **extra,
    }


def asked_for(name: str, written: str) -> dict[str, str]:
    """A `forbidden` entry for the unknown: the bank samples it with its true value, so only its name gives it away."""
    return {name: f"${written}$ is the quantity the question asks for; write it in terms of the other quantities."}


def computed_from(unknown: str, shown: Mapping[str, str]) -> dict[str, str]:
    """`forbidden` entries for quantities computed from the unknown (o-bar = h-bar tanh c): dividing one by its
    factor restates the unknown."""
    return {name: f"${written}$ is computed from ${unknown}$, so an answer written with it restates ${unknown}$."
            for name, written in shown.items()}


def unevaluated(notations: Iterable[Notation]) -> dict[str, str]:
    """`forbidden` entries for local derivatives an answer must evaluate, not restate (named by their first alias)."""
    return {n.name: f"${n.aliases[0]}$ is part of what you are asked to derive: evaluate it from the equations."
            for n in notations}
