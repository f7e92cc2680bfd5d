r"""The NumPy models and the oracle that decide every verdict of the tensor corpus.

Written from the seeds (001 for NYU HW2, 000 for CSC421, 004 for HW5), the prompts and the rubric text only. Each
truth is computed by differentiation with a complex step (`Im f(v + i h e) / h`, exact to rounding, no subtraction
error) of a plain forward pass: the strided 1-D cross-correlation, the gated RNN, the univariate LSTM. Adjoints
(`\overline{h_t}`, `\nabla i_t`, ...) are complex steps too: a perturbation injected into the quantity after it is
computed, carried through the rest of the run. The hand-derived backward passes below are used only by the
self-checks, to show the two agree.

A candidate is a Python transcription of an answer, evaluated on these models:

- conv parts: a function of the one-based tensors `x` (x[position][channel], as the seed writes `x[2(n-1)+i][k]`),
  `W` (W[1,k,i]), `g` (the given dl/df_W(x), length 5) and the element's indices, called for every index value;
- shape parts: a function of nothing returning the (possibly nested) shape the answer writes;
- recurrent parts: a function of a run `r` (sequences indexed by step, weights), and of `t` for the Jacobian.

An index or a step that does not exist (`x[0]`, `W[1,k,4]`, `c_0`, `x^{(T+1)}`) is `Undefined`: never wrapped
around, never read as zero padding. A candidate that is undefined anywhere the truth is defined is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

STEP = 1e-30          # the complex step: derivatives exact to rounding
RTOL = 1e-9           # a candidate equals the truth within this, relative to max(1, |truth|)
DIFFER = 1e-6         # a wrong candidate must miss the truth by more than this on fresh draws


class Undefined(Exception):
    """The candidate uses an index, a step or a name that does not exist in the question."""


def sigma(z):
    return 1 / (1 + np.exp(-z))


def dsigma(z):
    s = sigma(z)
    return s * (1 - s)


def D(v) -> np.ndarray:
    """The diagonal matrix of a vector (the seed's D(.), diag, \\operatorname{diag})."""
    v = np.asarray(v)
    if v.ndim != 1:
        raise Undefined("D() of something that is not a vector")
    return np.diag(v)


def steps(first: int, last: int) -> range:
    """The steps of a sum written sum_{t=first}^{last} (empty when last < first, as in mathematics)."""
    return range(int(first), int(last) + 1)


class OneBased:
    """A tensor indexed from 1 as the question writes it: `x[p][k]`, `x[p, k]`, `W[1, k, i]`."""

    def __init__(self, array) -> None:
        self.array = np.asarray(array)

    @property
    def shape(self) -> tuple[int, ...]:
        return self.array.shape

    def __getitem__(self, index):
        index = index if isinstance(index, tuple) else (index,)
        if len(index) > self.array.ndim:
            raise Undefined(f"{len(index)} indices into a tensor of {self.array.ndim} axes")
        zero = []
        for i, size in zip(index, self.array.shape, strict=False):
            if int(i) != i or not 1 <= i <= size:
                raise Undefined(f"index {i} outside 1..{size}")
            zero.append(int(i) - 1)
        value = self.array[tuple(zero)]
        return OneBased(value) if np.ndim(value) else value.item()


class Seq:
    """Values per step, indexed by the step; a step outside [first, last] is Undefined."""

    def __init__(self, values: dict[int, object]) -> None:
        self.values = values

    def __getitem__(self, t):
        if int(t) != t or int(t) not in self.values:
            raise Undefined(f"step {t} does not exist")
        return self.values[int(t)]


def complex_step(f: Callable[[np.ndarray], np.ndarray], at: np.ndarray) -> np.ndarray:
    """d f / d at, shape f.shape + at.shape, by one complex step per entry of `at`."""
    at = np.asarray(at, dtype=complex)
    out = np.asarray(f(at)).shape
    jac = np.zeros(out + at.shape)
    for idx in np.ndindex(*at.shape):
        bumped = at.copy()
        bumped[idx] += 1j * STEP
        jac[(..., *idx)] = np.imag(f(bumped)) / STEP
    return jac


# ---------------------------------------------------------------- 1.1(c): the strided 1-D cross-correlation
LENGTH, CHANNELS, KERNEL, STRIDE = 11, 7, 3, 2


def correlate(x: np.ndarray, w: np.ndarray, stride: int = STRIDE) -> np.ndarray:
    """f_W(x): one filter, no padding, no dilation; x is (positions, channels), w is (1, channels, kernel)."""
    kernel = w.shape[2]
    count = (x.shape[0] - kernel) // stride + 1
    return np.array([np.sum(x[stride * n: stride * n + kernel, :].T * w[0]) for n in range(count)])


@dataclass(frozen=True)
class ConvDraw:
    x: np.ndarray
    w: np.ndarray
    g: np.ndarray           # dl/df_W(x)
    f: np.ndarray           # (5,)
    d_w: np.ndarray         # (5, 1, 7, 3): [n, o, k, i]
    d_x: np.ndarray         # (5, 7, 11): [n, k, i], k a channel, i a position
    dl_dw: np.ndarray       # (1, 7, 3)


def conv_draw(seed: int) -> ConvDraw:
    rng = np.random.default_rng(seed)
    x, w = rng.normal(size=(LENGTH, CHANNELS)), rng.normal(size=(1, CHANNELS, KERNEL))
    f = correlate(x, w)
    g = rng.normal(size=f.shape)
    d_w = complex_step(lambda v: correlate(x, v), w)
    d_x = np.transpose(complex_step(lambda v: correlate(v, w), x), (0, 2, 1))
    dl_dw = complex_step(lambda v: np.dot(g, correlate(x, v)), w)
    return ConvDraw(x, w, g, f, d_w, d_x, dl_dw)


def conv_grid(draw: ConvDraw, part: str) -> tuple[np.ndarray, Callable[[Callable, tuple[int, ...]], Any]]:
    """The truth of a conv part and how a candidate is called at one (one-based) index of it."""
    x, w, g = OneBased(draw.x), OneBased(draw.w), OneBased(draw.g)
    if part == "formula":
        return draw.f, lambda fn, idx: fn(x, w, *idx)
    if part == "dw":
        return draw.d_w, lambda fn, idx: fn(x, w, *idx)
    if part == "dx":
        return draw.d_x, lambda fn, idx: fn(x, w, *idx)
    if part == "dl-dw":
        return draw.dl_dw, lambda fn, idx: fn(x, w, g, *idx)
    raise ValueError(part)


def conv_value(draw: ConvDraw, part: str, fn: Callable) -> np.ndarray:
    """The candidate at every index value of the part's tensor (Undefined if any of them is)."""
    truth, call = conv_grid(draw, part)
    got = np.zeros(truth.shape)
    for idx in np.ndindex(*truth.shape):
        value = call(fn, tuple(i + 1 for i in idx))
        if np.ndim(value) != 0:
            raise Undefined("an element that is not a number (a free index or a whole tensor)")
        got[idx] = float(value)
    return got


def shape_truth(draw: ConvDraw, part: str) -> tuple[int, ...]:
    return {"dw-shape": draw.d_w.shape, "dx-shape": draw.d_x.shape, "dl-dw-shape": draw.dl_dw.shape}[part]


def flatten_shape(shape) -> tuple[int, ...]:
    """5 x (1 x 7 x 3) and 5 x 1 x 7 x 3 are the same axes."""
    if isinstance(shape, tuple | list):
        return tuple(n for s in shape for n in flatten_shape(s))
    return (shape,)


def squeeze(shape: tuple[int, ...]) -> tuple[int, ...]:
    """The other reading a grader may take: 5 x 7 x 3 for 5 x (1 x 7 x 3). A shape whose verdict changes with
    it (a dropped or added 1) is ambiguous, and the corpus refuses it."""
    return tuple(n for n in shape if n != 1)


# ---------------------------------------------------------------- 1.2.1: the gated RNN
def gated_step(h_prev, x, wc, wh, wx):
    c = sigma(wc @ x + wh @ h_prev)
    return c, c * h_prev + (1 - c) * (wx @ x)


@dataclass
class GatedRun:
    m: int
    n: int
    K: int
    Wc: np.ndarray
    Wh: np.ndarray
    Wx: np.ndarray
    x: Seq
    h: Seq
    c: Seq
    dl_dh: Seq                       # the direct dl/dh_t (the loss is sum_t dl_dh_t . h_t)
    hbar: Seq = field(default=None)  # type: ignore[assignment]  # the total gradient at h_t


def gated_forward(h0, xs, wc, wh, wx, inject: dict[int, np.ndarray] | None = None):
    """h_1..h_K (and c_1..c_K); `inject[t]` is added to h_t after it is computed (for adjoints)."""
    hs, cs = {0: h0 + (inject or {}).get(0, 0)}, {}
    for t in range(1, len(xs) + 1):
        cs[t], h = gated_step(hs[t - 1], xs[t - 1], wc, wh, wx)
        hs[t] = h + (inject or {}).get(t, 0)
    return hs, cs


def gated_loss(h0, xs, gs, wc, wh, wx, inject=None):
    hs, _ = gated_forward(h0, xs, wc, wh, wx, inject)
    return sum(np.dot(gs[t - 1], hs[t]) for t in range(1, len(xs) + 1))


def gated_run(seed: int, m: int, n: int, K: int, random_h0: bool) -> tuple[GatedRun, dict]:
    rng = np.random.default_rng(seed)
    wc, wh, wx = rng.normal(size=(m, n)), rng.normal(size=(m, m)), rng.normal(size=(m, n))
    xs = [rng.normal(size=n) for _ in range(K)]
    gs = [rng.normal(size=m) for _ in range(K)]
    h0 = rng.normal(size=m) if random_h0 else np.zeros(m)
    hs, cs = gated_forward(h0, xs, wc, wh, wx)
    run = GatedRun(m, n, K, wc, wh, wx, Seq({t + 1: v for t, v in enumerate(xs)}), Seq(hs), Seq(cs),
                   Seq({t + 1: v for t, v in enumerate(gs)}))
    run.hbar = Seq({t: complex_step(lambda d, t=t: gated_loss(h0, xs, gs, wc, wh, wx, {t: d}), np.zeros(m))
                    for t in range(1, K + 1)})
    truth = {
        "jacobian": {t: complex_step(lambda v, t=t: gated_step(v, xs[t - 1], wc, wh, wx)[1], hs[t - 1])
                     for t in range(1, K + 1)},
        "weight": complex_step(lambda v: gated_loss(h0, xs, gs, wc, wh, v), wx),
    }
    return run, truth


# ---------------------------------------------------------------- CSC421 Q1 and HW5 Q2: the univariate LSTM
GATES = ("i", "f", "o", "g")


@dataclass
class LstmRun:
    T: int
    w: dict[str, float]              # w["ix"], w["ih"], ..., b["i"] in w["0i"], readout w["y"], w["0y"]
    x: Seq
    h: Seq
    c: Seq
    i: Seq
    f: Seq
    o: Seq
    g: Seq
    y: Seq
    u: Seq                           # the direct dL/dh^{(t)} (CSC421) or the given grad of y_t (HW5)
    bar: dict[str, Seq]              # total gradients: bar["i"][t] = dL/di^{(t)}, also "h", "c", "f", "o", "g"


def lstm_forward(w, xs, h0, c0, readout: bool, inject: dict[tuple[str, int], complex] | None = None):
    inject = inject or {}
    trace: dict[str, dict[int, Any]] = {q: {} for q in ("h", "c", "y", *GATES)}
    trace["h"][0], trace["c"][0] = h0 + inject.get(("h", 0), 0), c0 + inject.get(("c", 0), 0)
    for t in range(1, len(xs) + 1):
        x, hp = xs[t - 1], trace["h"][t - 1]
        for q in GATES:
            z = w[q + "x"] * x + w[q + "h"] * hp + w["0" + q]
            trace[q][t] = (np.tanh(z) if q == "g" else sigma(z)) + inject.get((q, t), 0)
        trace["c"][t] = trace["f"][t] * trace["c"][t - 1] + trace["i"][t] * trace["g"][t] + inject.get(("c", t), 0)
        trace["h"][t] = trace["o"][t] * np.tanh(trace["c"][t]) + inject.get(("h", t), 0)
        trace["y"][t] = sigma(w["y"] * trace["h"][t] + w["0y"]) if readout else trace["h"][t]
    return trace


def lstm_loss(w, xs, us, h0, c0, readout, inject=None):
    trace = lstm_forward(w, xs, h0, c0, readout, inject)
    return sum(us[t - 1] * trace["y"][t] for t in range(1, len(xs) + 1))


def lstm_run(seed: int, T: int, random_initial: bool, readout: bool) -> tuple[LstmRun, dict[str, float]]:
    """CSC421 (no biases, dL/dh^{(t)} given) or HW5 (biases, y_t = sigma(W^y h_t + W_0^y), grad of y_t given)."""
    rng = np.random.default_rng(seed)
    w = {q + s: rng.normal() for q in GATES for s in "xh"}
    w.update({"0" + q: (rng.normal() if readout else 0.0) for q in GATES})
    w.update({"y": rng.normal(), "0y": rng.normal()})
    xs, us = list(rng.normal(size=T)), list(rng.normal(size=T))
    h0, c0 = (rng.normal(), rng.normal()) if random_initial else (0.0, 0.0)
    trace = lstm_forward(w, xs, h0, c0, readout)

    def adjoint(q: str, t: int) -> float:
        return float(complex_step(lambda d: lstm_loss(w, xs, us, h0, c0, readout, {(q, t): d[0]}), np.zeros(1))[0])

    bar = {q: Seq({t: adjoint(q, t) for t in range(1, T + 1)}) for q in ("h", "c", *GATES)}
    seqs = {q: Seq({t: float(np.real(v)) for t, v in trace[q].items()}) for q in trace}
    run = LstmRun(T, w, Seq({t + 1: v for t, v in enumerate(xs)}), seqs["h"], seqs["c"], seqs["i"], seqs["f"],
                  seqs["o"], seqs["g"], seqs["y"], Seq({t + 1: v for t, v in enumerate(us)}), bar)

    def weight_gradient(name: str) -> float:
        def loss(v):
            return lstm_loss({**w, name: v[0]}, xs, us, h0, c0, readout)
        return float(complex_step(loss, np.array([w[name]]))[0])

    return run, {"w_ix": weight_gradient("ix"), "w_hi": weight_gradient("ih")}


# ---------------------------------------------------------------- the oracle
@dataclass(frozen=True)
class Draw:
    """One evaluation: the candidate's value (or Undefined) against the truth, under one convention."""
    convention: str
    truth: Any
    evaluate: Callable[[Any], Any]
    where: str = ""     # the draw's length and step, to say where a wrong candidate happens to agree


def _equal(truth, got, rtol: float) -> bool:
    if isinstance(truth, tuple):
        return isinstance(got, tuple) and truth == got
    want = np.asarray(truth, dtype=float)
    with np.errstate(all="ignore"):
        got = np.asarray(got, dtype=complex)
    if got.shape != want.shape or not np.all(np.isfinite(got)) or np.any(np.imag(got) != 0):
        return False
    scale = max(1.0, float(np.max(np.abs(want)))) if want.size else 1.0
    return bool(np.all(np.abs(np.real(got) - want) <= rtol * scale))


def agrees(draw: Draw, fn: Callable, rtol: float = RTOL) -> bool:
    try:
        with np.errstate(all="ignore"):
            got = draw.evaluate(fn)
    except (Undefined, ZeroDivisionError, OverflowError, ValueError, IndexError, KeyError, TypeError):
        return False
    return _equal(draw.truth, got, rtol)


class AmbiguousVerdict(Exception):
    """The candidate is right under one admissible convention (h_0 = 0, say) and wrong under another."""


def verdict(draws: Sequence[Draw], fn: Callable, rtol: float = RTOL) -> bool:
    """Right iff equal to the truth on every draw; a verdict that changes with the convention is refused."""
    by_convention: dict[str, bool] = {}
    for d in draws:
        by_convention[d.convention] = by_convention.get(d.convention, True) and agrees(d, fn, rtol)
    if len(set(by_convention.values())) > 1:
        raise AmbiguousVerdict(by_convention)
    return all(by_convention.values())


def agreeing(draws: Iterable[Draw], fn: Callable) -> set[str]:
    """Where a candidate equals the truth: for a wrong one, the draws a sampler must avoid relying on alone."""
    return {f"{d.where} ({d.convention})" for d in draws if agrees(d, fn)}


def misses_by_more_than(draws: Iterable[Draw], fn: Callable, tol: float = DIFFER) -> bool:
    """A wrong candidate misses the truth by more than `tol` (or is undefined) on at least one of the draws."""
    return any(not agrees(d, fn, tol) for d in draws)


# ---------------------------------------------------------------- the parts: where each part's draws come from
NYU, CSC421, HW5 = "nyu-dl-hw2", "csc421-2019-hw4", "lstm-output-hw5"
IMPORT_SEEDS = (11, 12)       # the draws that decide the verdicts when the corpus is imported
FRESH_SEEDS = (9001, 9002)    # the self-checks' draws: a verdict must not depend on the seeds
LENGTHS = (1, 2, 3, 4, 5, 7)  # sequence lengths of a sum over time: T = 3 alone would hide a written-out answer
SHAPES = ((4, 3), (3, 5))     # m != n, so that a transposed W_x or a W_c for W_h is a shape error


def conv_draws(part: str, seeds: Iterable[int]) -> list[Draw]:
    draws = []
    for seed in seeds:
        d = conv_draw(seed)
        if part.endswith("shape"):
            truth = flatten_shape(shape_truth(d, part))
            draws.append(Draw("axes as written", truth, lambda fn: flatten_shape(fn())))
            draws.append(Draw("singleton axes dropped", squeeze(truth), lambda fn: squeeze(flatten_shape(fn()))))
        else:
            draws.append(Draw("-", conv_grid(d, part)[0], lambda fn, d=d: conv_value(d, part, fn)))
    return draws


def _h0(random_h0: bool) -> str:
    return "random initial state" if random_h0 else "zero initial state"


def jacobian_draws(seeds: Iterable[int]) -> list[Draw]:
    draws = []
    for seed in seeds:
        for (m, n), random_h0 in ((s, r) for s in SHAPES for r in (False, True)):
            run, truth = gated_run(seed, m, n, 5, random_h0)
            draws += [Draw(_h0(random_h0), truth["jacobian"][t], lambda fn, run=run, t=t: fn(run, t), f"t={t}")
                      for t in steps(1, run.K)]
    return draws


def weight_draws(seeds: Iterable[int]) -> list[Draw]:
    draws = []
    for seed in seeds:
        for k, random_h0 in ((k, r) for k in LENGTHS for r in (False, True)):
            m, n = SHAPES[k % len(SHAPES)]
            run, truth = gated_run(seed + 100 * k, m, n, k, random_h0)
            draws.append(Draw(_h0(random_h0), truth["weight"], lambda fn, run=run: fn(run), f"K={k}"))
    return draws


def lstm_draws(seeds: Iterable[int], readout: bool, weight: str) -> list[Draw]:
    draws = []
    for seed in seeds:
        for T, random_initial in ((T, r) for T in LENGTHS for r in (False, True)):
            run, truth = lstm_run(seed + 100 * T, T, random_initial, readout)
            draws.append(Draw(_h0(random_initial), truth[weight], lambda fn, run=run: fn(run), f"T={T}"))
    return draws


PARTS: dict[str, Callable[[Iterable[int]], list[Draw]]] = {
    f"{NYU}/q1.1/c-i-formula": lambda seeds: conv_draws("formula", seeds),
    f"{NYU}/q1.1/c-ii-dw": lambda seeds: conv_draws("dw", seeds),
    f"{NYU}/q1.1/c-iii-dx": lambda seeds: conv_draws("dx", seeds),
    f"{NYU}/q1.1/c-iv-dl-dw": lambda seeds: conv_draws("dl-dw", seeds),
    f"{NYU}/q1.1/c-ii-dw-shape": lambda seeds: conv_draws("dw-shape", seeds),
    f"{NYU}/q1.1/c-iii-dx-shape": lambda seeds: conv_draws("dx-shape", seeds),
    f"{NYU}/q1.1/c-iv-dl-dw-shape": lambda seeds: conv_draws("dl-dw-shape", seeds),
    f"{NYU}/q1.2.1/c-jacobian": jacobian_draws,
    f"{NYU}/q1.2.1/d-weight-gradient": weight_draws,
    f"{CSC421}/q1/w-ix-bar": lambda seeds: lstm_draws(seeds, False, "w_ix"),
    f"{HW5}/q2/grad-w-hi": lambda seeds: lstm_draws(seeds, True, "w_hi"),
}
