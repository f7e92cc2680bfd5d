r"""The tensor corpus: right answers in the spellings students write and wrong answers built to pass a sampler,
for the NYU HW2 1.1(c) and 1.2.1(c)-(d) parts and the general-T LSTM weight gradients (issue 11).

Each case is an answer text, its transcription into Python on the models of `models.py`, and a `why`. The verdict
is the oracle's (`models.verdict` on the import draws), never the author's: `right`/`wrong` only state what the
author expects, and a disagreement stops the import (a bug of the corpus, to be fixed here, not in a grader).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tests.adversarial.tensor.models import (
    CSC421,
    HW5,
    IMPORT_SEEDS,
    NYU,
    PARTS,
    D,
    Undefined,
    dsigma,
    sigma,
    steps,
    verdict,
)


@dataclass(frozen=True)
class Case:
    part_id: str
    answer: str
    fn: Callable
    correct: bool
    why: str


class CorpusError(AssertionError):
    """The oracle's verdict is not the one the case's author argued: the case or its transcription is wrong."""


class Book:
    """The cases of one part, each verdict decided by the oracle on the part's import draws."""

    def __init__(self, part_id: str) -> None:
        self.part_id = part_id
        self.draws = PARTS[part_id](IMPORT_SEEDS)
        self.cases: list[Case] = []

    def right(self, answer: str, fn: Callable, why: str = "equal to the model's value at every index and draw") -> None:
        self._add(answer, fn, True, why)

    def wrong(self, answer: str, fn: Callable, why: str) -> None:
        self._add(answer, fn, False, why)

    def _add(self, answer: str, fn: Callable, expected: bool, why: str) -> None:
        decided = verdict(self.draws, fn)
        if decided != expected:
            raise CorpusError(f"{self.part_id} {answer!r}: the oracle says {decided}, the case says {expected}")
        self.cases.append(Case(self.part_id, answer, fn, decided, why))


def free(name: str):
    """A name the answer leaves free (an index no sum binds): the answer is not a value."""
    raise Undefined(f"{name} is free")


S = steps


def conv_sum(x, W, n, pos: Callable[[int, int], int], taps=(1, 3), channels=(1, 7), tap=lambda i: i):
    return sum(x[pos(n, i)][k] * W[1, k, tap(i)] for k in S(*channels) for i in S(*taps))


# ---------------------------------------------------------------- 1.1(c)(i) the output's elements
FW, WIN = r"f_W(x)[n] = ", r"2(n-1)+i"


def formula() -> list[Case]:
    b = Book(f"{NYU}/q1.1/c-i-formula")
    std = lambda x, W, n: conv_sum(x, W, n, lambda n, i: 2 * (n - 1) + i)  # noqa: E731
    b.right(FW + r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", std, "the rubric's answer")
    b.right(r"f_{\mathbf{W}}(\mathbf{x})[n] = \sum_{k=1}^7 \sum_{i=1}^3 \mathbf{x}[2(n-1) + i][k] \mathbf{W}[1, k, i]",
            std, "seed 001's answer, bold names")
    b.right(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", std, "no left-hand side")
    b.right(r"\sum_{i=1}^{3} \sum_{k=1}^{7} W[1,k,i] x[2(n-1)+i][k]", std, "sums and factors in the other order")
    b.right(r"\sum_{k=1}^{7} \sum_{i=1}^{3} W[1,k,i] \cdot x[2n-2+i][k]", std, "\\cdot, 2n-2 expanded")
    b.right(r"\sum_{c=1}^{7} \sum_{j=1}^{3} x[2n+j-2][c]\, W[1,c,j]", std, "renamed summation indices")
    b.right(r"\sum_{k=1}^{7} \sum_{j=0}^{2} x[2(n-1)+j+1][k] W[1,k,j+1]", std, "a tap index from 0, shifted consistently")
    b.right(r"\sum_{k=1}^{7} \sum_{p=2n-1}^{2n+1} x[p][k] W[1,k,p-2n+2]",
            lambda x, W, n: sum(x[p][k] * W[1, k, p - 2 * n + 2] for k in S(1, 7) for p in S(2 * n - 1, 2 * n + 1)),
            "summed over the window's positions")
    b.right(r"\sum_{k=1}^{7} \left(x[2n-1][k] W[1,k,1] + x[2n][k] W[1,k,2] + x[2n+1][k] W[1,k,3]\right)",
            lambda x, W, n: sum(x[2 * n - 1][k] * W[1, k, 1] + x[2 * n][k] * W[1, k, 2] + x[2 * n + 1][k] * W[1, k, 3]
                                for k in S(1, 7)), "the three taps written out")
    b.right(r"f_W(x)[n] = sum_{k=1}^{7} sum_{i=1}^{3} x[2(n-1)+i][k]*W[1,k,i]", std, "plain text")
    b.right(r"sum(sum(x[2*(n-1)+i][k]*W[1,k,i], i, 1, 3), k, 1, 7)", std, "plain sum(f, i, a, b)")
    b.right(FW + r"\sum_{k=1}^{7}\sum_{i=1}^{3} x[2(n-1)+i][k]\,W[1,k,i], \quad n = 1, \dots, 5", std,
            "with the range of n after it")
    b.right(r"\sum^{7}_{k=1} \sum^{3}_{i=1} x[2(n-1)+i][k] W[1,k,i]", std, "bounds written top first")
    b.right(r"$f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]$", std, "in dollars")
    b.right(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i, k]\, W[1,k,i]", std, "x indexed with one bracket")
    b.right(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x_{2(n-1)+i,k}\, W_{1,k,i}", std, "indices as subscripts")
    b.right(r"f_W(x)[j] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(j-1)+i][k] W[1,k,i]", std,
            "the output index renamed on both sides")
    _formula_wrong(b)
    return b.cases


def _formula_wrong(b: Book) -> None:
    at = lambda pos, **kw: (lambda x, W, n: conv_sum(x, W, n, pos, **kw))  # noqa: E731
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[n-1+i][k] W[1,k,i]", at(lambda n, i: n - 1 + i),
            "stride 1: equal to the truth at n = 1 only")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2n+i][k] W[1,k,i]", at(lambda n, i: 2 * n + i),
            "0-based n with 1-based taps: shifted by two, x[13] at n = 5")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2n+i-1][k] W[1,k,i]", at(lambda n, i: 2 * n + i - 1),
            "off by one: x[12] at n = 5")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i-1][k] W[1,k,i]", at(lambda n, i: 2 * (n - 1) + i - 1),
            "off by one the other way: x[0] at n = 1")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=0}^{2} x[2(n-1)+i][k] W[1,k,i+1]", at(lambda n, i: 2 * (n - 1) + i, taps=(0, 2),
            tap=lambda i: i + 1), "0-based tap in x only: x[0] at n = 1, every window shifted")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{2} x[2(n-1)+i][k] W[1,k,i]", at(lambda n, i: 2 * (n - 1) + i, taps=(1, 2)),
            "two taps of three")
    b.wrong(r"\sum_{k=1}^{6} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", at(lambda n, i: 2 * (n - 1) + i, channels=(1, 6)),
            "six channels of seven")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=0}^{3} x[2(n-1)+i][k] W[1,k,i]", at(lambda n, i: 2 * (n - 1) + i, taps=(0, 3)),
            "W[1,k,0] and x[0] do not exist (an engine reading them as 0 would accept it)")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{4} x[2(n-1)+i][k] W[1,k,i]", at(lambda n, i: 2 * (n - 1) + i, taps=(1, 4)),
            "W[1,k,4] does not exist (zero-padding semantics would accept it)")
    b.wrong(r"\sum_{k=1}^{8} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", at(lambda n, i: 2 * (n - 1) + i, channels=(1, 8)),
            "channel 8 does not exist (zero-padding semantics would accept it)")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,4-i]", at(lambda n, i: 2 * (n - 1) + i,
            tap=lambda i: 4 - i), "a flipped kernel (true convolution); the layer is a cross-correlation")
    b.wrong(r"-\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]",
            lambda x, W, n: -conv_sum(x, W, n, lambda n, i: 2 * (n - 1) + i), "sign")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[k][2(n-1)+i] W[1,k,i]",
            lambda x, W, n: sum(x[k][2 * (n - 1) + i] * W[1, k, i] for k in S(1, 7) for i in S(1, 3)),
            "x[k] is position k (x[n] is the n-th position's vector): channel and position swapped")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,i,k]",
            lambda x, W, n: sum(x[2 * (n - 1) + i][k] * W[1, i, k] for k in S(1, 7) for i in S(1, 3)),
            "W's channel and tap indices swapped: W[1,i,k] does not exist for k > 3")
    b.wrong(r"\sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", lambda x, W, n: free("k"), "k is free: no sum over channels")
    b.wrong(r"x[2(n-1)+i][k] W[1,k,i]", lambda x, W, n: free("k, i"), "no sums at all")
    b.wrong(r"\frac{1}{21} \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]",
            lambda x, W, n: conv_sum(x, W, n, lambda n, i: 2 * (n - 1) + i) / 21, "an average, not a sum")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[3(n-1)+i][k] W[1,k,i]", at(lambda n, i: 3 * (n - 1) + i),
            "stride 3: equal at n = 1 only")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[n+2(i-1)][k] W[1,k,i]", at(lambda n, i: n + 2 * (i - 1)),
            "dilation 2 with stride 1 (the backward pass's dilation put in the forward pass); equal at no n")
    b.wrong(r"\sum_{n=1}^{5} \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]",
            lambda x, W, n: sum(conv_sum(x, W, m, lambda m, i: 2 * (m - 1) + i) for m in S(1, 5)),
            "summed over the outputs too: the same number for every n")
    b.wrong(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][1] W[1,k,i]",
            lambda x, W, n: sum(x[2 * (n - 1) + i][1] * W[1, k, i] for k in S(1, 7) for i in S(1, 3)),
            "channel 1 for every k: equal only if every channel of x holds the same values")
    b.wrong(r"f_W(x)[m] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] W[1,k,i]", lambda x, W, n: free("n"),
            "the left-hand side names the index m, the right-hand side uses n: n is free (a reader that drops the "
            "left-hand side accepts it)")


# ---------------------------------------------------------------- 1.1(c)(ii) df/dW
def dw() -> list[Case]:
    b = Book(f"{NYU}/q1.1/c-ii-dw")
    std = lambda x, W, n, o, k, i: x[2 * (n - 1) + i][k]  # noqa: E731
    lhs = r"\frac{\partial f_W(x)}{\partial W}[n, 1, k, i] = "
    b.right(lhs + r"x[2(n-1)+i][k]", std, "the rubric's answer")
    b.right(r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{W}}[n, 1, k, i] = \mathbf{x}[2(n-1) + i][k].",
            std, "seed 001's answer, with its full stop")
    b.right(r"x[2(n-1)+i][k]", std, "no left-hand side")
    b.right(r"x[2n-2+i][k]", std, "2(n-1) expanded")
    b.right(r"x[2n+i-2][k]", std, "terms in another order")
    b.right(r"x[i+2(n-1)][k]", std, "the window offset written last")
    b.right(r"\frac{\partial f_W(x)[n]}{\partial W[1,k,i]} = x[2(n-1)+i][k]", std, "element-wise derivative on the left")
    b.right(r"\mathbf{x}[2(n-1)+i][k]", std, "bold x")
    b.right(r"x[2*(n-1)+i][k]", std, "plain text")
    b.right(r"x[2(n-1)+i, k]", std, "one bracket")
    b.right(r"\frac{\partial f_W(x)}{\partial W}[m, 1, c, j] = x[2(m-1)+j][c]", std, "every index renamed on both sides")
    b.right(r"\sum_{p=1}^{11} x[p][k]\, \delta_{p, 2(n-1)+i}",
            lambda x, W, n, o, k, i: sum(x[p][k] * (p == 2 * (n - 1) + i) for p in S(1, 11)), "a Kronecker delta")
    b.right(r"\sum_{j=1}^{3} x[2(n-1)+j][k]\, \delta_{ij}",
            lambda x, W, n, o, k, i: sum(x[2 * (n - 1) + j][k] * (i == j) for j in S(1, 3)), "a delta over the taps")
    b.right(r"x[2(n-1)+i][k] \text{ for } n = 1, \dots, 5,\ k = 1, \dots, 7,\ i = 1, 2, 3", std, "with the index ranges")
    b.right(r"$x[2(n-1)+i][k]$", std, "in dollars")
    b.right(r"\boxed{x[2(n-1)+i][k]}", std, "boxed")
    at = lambda pos: (lambda x, W, n, o, k, i: x[pos(n, i)][k])  # noqa: E731
    b.wrong(r"x[n-1+i][k]", at(lambda n, i: n - 1 + i), "stride 1: equal at n = 1 only")
    b.wrong(r"x[2n+i][k]", at(lambda n, i: 2 * n + i), "0-based n: shifted, x[13] at n = 5")
    b.wrong(r"x[2(n-1)+i+1][k]", at(lambda n, i: 2 * (n - 1) + i + 1), "off by one")
    b.wrong(r"x[2(n-1)+i-1][k]", at(lambda n, i: 2 * (n - 1) + i - 1), "off by one: x[0] at n = 1, i = 1")
    b.wrong(r"x[2n-1+i][k]", at(lambda n, i: 2 * n - 1 + i), "off by one written as 2n-1")
    b.wrong(r"x[2(n-1)+4-i][k]", at(lambda n, i: 2 * (n - 1) + 4 - i), "flipped taps (convolution): equal at i = 2 only")
    b.wrong(r"x[k][2(n-1)+i]", lambda x, W, n, o, k, i: x[k][2 * (n - 1) + i], "position and channel swapped")
    b.wrong(r"x[2(n-1)+i][k] W[1,k,i]", lambda x, W, n, o, k, i: x[2 * (n - 1) + i][k] * W[1, k, i],
            "the summand, not its derivative")
    b.wrong(r"W[1,k,i]", lambda x, W, n, o, k, i: W[1, k, i], "the weight itself")
    b.wrong(r"\sum_{k=1}^{7} x[2(n-1)+i][k]", lambda x, W, n, o, k, i: sum(x[2 * (n - 1) + i][c] for c in S(1, 7)),
            "summed over the channels: the same for every k")
    b.wrong(r"\sum_{i=1}^{3} x[2(n-1)+i][k]", lambda x, W, n, o, k, i: sum(x[2 * (n - 1) + j][k] for j in S(1, 3)),
            "summed over the taps: the same for every i")
    b.wrong(r"-x[2(n-1)+i][k]", lambda x, W, n, o, k, i: -x[2 * (n - 1) + i][k], "sign")
    b.wrong(r"x[n+2(i-1)][k]", at(lambda n, i: n + 2 * (i - 1)), "dilation 2, stride 1: equal at i = 1 only")
    b.wrong(r"x[3(n-1)+i][k]", at(lambda n, i: 3 * (n - 1) + i), "stride 3: equal at n = 1, undefined at n = 5")
    b.wrong(r"x[2(i-1)+n][k]", at(lambda n, i: 2 * (i - 1) + n), "n and i exchanged: equal at n = i = 1 only")
    b.wrong(r"\begin{cases} x[2(n-1)+i][k] & i \le 2 \\ 0 & \text{otherwise} \end{cases}",
            lambda x, W, n, o, k, i: x[2 * (n - 1) + i][k] if i <= 2 else 0, "drops the third tap: wrong at i = 3 only")
    b.wrong(r"\begin{cases} x[2(n-1)+i][k] & n \le 4 \\ 0 & \text{otherwise} \end{cases}",
            lambda x, W, n, o, k, i: x[2 * (n - 1) + i][k] if n <= 4 else 0, "wrong at the last output n = 5 only")
    b.wrong(r"x[2(n-1)+i][1]", lambda x, W, n, o, k, i: x[2 * (n - 1) + i][1],
            "channel 1 for every k: equal only if x's channels are equal")
    b.wrong(r"\frac{\partial f_W(x)}{\partial W}[n, 1, i, k] = x[2(n-1)+i][k]",
            lambda x, W, n, o, a, b: x[2 * (n - 1) + a][b],
            "the left-hand side puts the tap third: element [n,1,a,b] (a a channel) would be x[2(n-1)+a][b] (a reader "
            "that ignores the left-hand side's order accepts it)")
    return b.cases


# ---------------------------------------------------------------- 1.1(c)(iii) df/dx, with cases
def _cases(value: str, condition: str, otherwise: str = r"\text{otherwise}") -> str:
    return rf"\begin{{cases}} {value} & {condition} \\ 0 & {otherwise} \end{{cases}}"


def _window(lo: Callable[[int], int], hi: Callable[[int], int], tap: Callable[[int, int], int] = lambda n, i: i - 2 * (n - 1)):
    """W[1,k,tap] where lo(n) < i <= hi(n), else 0 (Python's conditional reads W only inside the window)."""
    return lambda x, W, n, k, i: W[1, k, tap(n, i)] if lo(n) < i <= hi(n) else 0


def dx() -> list[Case]:
    b = Book(f"{NYU}/q1.1/c-iii-dx")
    std = _window(lambda n: 2 * (n - 1), lambda n: 2 * (n - 1) + 3)
    rubric = _cases(r"W[1,k,i-2(n-1)]", r"\text{when } 2(n-1) < i \le 2(n-1)+3")
    b.right(r"\frac{\partial f_W(x)}{\partial x}[n,k,i] = " + rubric, std, "the rubric's answer")
    b.right(rubric, std, "no left-hand side")
    b.right(_cases(r"W[1,k,i-2n+2]", r"2n-1 \le i \le 2n+1", r"\text{else}"), std, "bounds as whole numbers, else")
    b.right(r"W[1,k,i-2(n-1)] \cdot \mathbb{1}[2(n-1) < i \le 2n+1]", std, "an indicator instead of cases")
    b.right(r"\sum_{j=1}^{3} W[1,k,j]\, \delta_{i, 2(n-1)+j}",
            lambda x, W, n, k, i: sum(W[1, k, j] * (i == 2 * (n - 1) + j) for j in S(1, 3)), "a Kronecker delta")
    b.right(_cases(r"W[1,k,i-2(n-1)]", r"\text{if } 1 \le i-2(n-1) \le 3"), std, "the tap's range as the condition")
    b.right(_cases(r"W[1,k,i-2n+2]", r"\text{if } |i-2n| \le 1"), std, "a distance to the window's centre")
    b.right(_cases(r"W[1,k,i-2(n-1)]", r"i \in \{2n-1, 2n, 2n+1\}"), std, "the window's positions as a set")
    b.right(r"\begin{cases} 0 & \text{if } i \le 2(n-1) \text{ or } i > 2n+1 \\ W[1,k,i-2(n-1)] & \text{otherwise} "
            r"\end{cases}", std, "the zero case first")
    b.right(r"W[1,k,i-2(n-1)] if 2(n-1) < i <= 2(n-1)+3, 0 otherwise", std, "plain text")
    b.right(_cases(r"\mathbf{W}[1,k,i-2(n-1)]", r"2(n-1) < i \leq 2(n-1)+3"), std, "bold W, \\leq")
    b.right(r"\sum_{j=1}^{3} W[1,k,j]\, \mathbb{1}[i = 2(n-1)+j]",
            lambda x, W, n, k, i: sum(W[1, k, j] * (i == 2 * (n - 1) + j) for j in S(1, 3)), "an indicator per tap")
    b.right(_cases(r"W[1,k,i-2n+2]", r"\text{when } 2n-2 < i < 2n+2"), std, "strict bounds on both sides")
    b.right(r"\frac{\partial f_W(x)[n]}{\partial x[i][k]} = " + rubric, std, "element-wise derivative on the left")
    b.right(r"\begin{cases} W[1,k,1] & i = 2n-1 \\ W[1,k,2] & i = 2n \\ W[1,k,3] & i = 2n+1 \\ 0 & \text{otherwise}"
            r" \end{cases}",
            lambda x, W, n, k, i: W[1, k, {2 * n - 1: 1, 2 * n: 2, 2 * n + 1: 3}[i]] if abs(i - 2 * n) <= 1 else 0,
            "one case per tap")
    _dx_wrong(b)
    return b.cases


def _dx_wrong(b: Book) -> None:
    two = lambda n: 2 * (n - 1)  # noqa: E731
    b.wrong(_cases(r"W[1,k,i-2(n-1)]", r"\text{when } 2(n-1) < i \le 3"), _window(two, lambda n: 3),
            "seed 001: a fixed upper bound i <= 3 (the window does not move with n)")
    b.wrong(r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{x}}[n, k, i] = \begin{cases} \mathbf{W}[1, k, "
            r"i - 2(n-1)] & \text{when } 2(n-1) < i \leq 3 \\ 0 & \text{otherwise} \end{cases}", _window(two, lambda n: 3),
            "seed 001 verbatim: the fixed bound i <= 3")
    b.wrong(r"W[1,k,i-2(n-1)]", lambda x, W, n, k, i: W[1, k, i - 2 * (n - 1)],
            "no 'otherwise 0': W[1,k,0], W[1,k,-1], ... do not exist (zero-padding or wrap-around reads would differ)")
    b.wrong(r"\begin{cases} W[1,k,i-2(n-1)] & 2(n-1) < i \le 2(n-1)+3 \end{cases}",
            lambda x, W, n, k, i: std_dx(W, n, k, i) if 2 * (n - 1) < i <= 2 * n + 1 else free("the value outside"),
            "cases without an 'otherwise': no value outside the window (a reader defaulting to 0 accepts it)")
    b.wrong(_cases(r"W[1,k,i-2(n-1)]", r"2(n-1) < i \le 2(n-1)+4"), _window(two, lambda n: 2 * (n - 1) + 4),
            "window of four: W[1,k,4] does not exist (an engine reading it as 0 accepts this)")
    b.wrong(_cases(r"W[1,k,i-2(n-1)]", r"2(n-1) \le i \le 2(n-1)+3"), _window(lambda n: 2 * (n - 1) - 1,
            lambda n: 2 * (n - 1) + 3), "window from 2(n-1): W[1,k,0] does not exist")
    b.wrong(_cases(r"W[1,k,i-2n]", r"2n < i \le 2n+3"), _window(lambda n: 2 * n, lambda n: 2 * n + 3,
            lambda n, i: i - 2 * n), "0-based n in a 1-based answer: the window shifted by two")
    b.wrong(_cases(r"W[1,k,i-(n-1)]", r"n-1 < i \le n+2"), _window(lambda n: n - 1, lambda n: n + 2,
            lambda n, i: i - (n - 1)), "stride 1: equal at n = 1 only")
    b.wrong(_cases(r"W[1,k,2n+2-i]", r"2(n-1) < i \le 2n+1"), _window(two, lambda n: 2 * n + 1,
            lambda n, i: 2 * n + 2 - i), "a flipped kernel (convolution, not cross-correlation)")
    b.wrong(_cases(r"W[1,k,i-2(n-1)]", r"2(n-1) < i < 2(n-1)+3"), _window(two, lambda n: 2 * (n - 1) + 2),
            "a window of two taps")
    b.wrong(_cases(r"W[1,i-2(n-1),k]", r"2(n-1) < i \le 2(n-1)+3"),
            lambda x, W, n, k, i: W[1, i - 2 * (n - 1), k] if 2 * (n - 1) < i <= 2 * (n - 1) + 3 else 0,
            "W's channel and tap swapped: W[1,j,k] does not exist for k > 3")
    b.wrong(_cases(r"\sum_{k=1}^{7} W[1,k,i-2(n-1)]", r"2(n-1) < i \le 2(n-1)+3"),
            lambda x, W, n, k, i: sum(W[1, c, i - 2 * (n - 1)] for c in S(1, 7)) if 2 * (n - 1) < i <= 2 * n + 1 else 0,
            "summed over the channels")
    b.wrong(_cases(r"-W[1,k,i-2(n-1)]", r"2(n-1) < i \le 2(n-1)+3"),
            lambda x, W, n, k, i: -std_dx(W, n, k, i), "sign")
    b.wrong(_cases(r"W[1,k,i-2(n-1)]", r"2(n-1) < i \le 2(n-1)+3 \text{ and } n \le 4"),
            lambda x, W, n, k, i: std_dx(W, n, k, i) if n <= 4 else 0, "wrong at the last output n = 5 only")
    b.wrong(_cases(r"W[1,k,1]", r"2(n-1) < i \le 2(n-1)+3"), _window(two, lambda n: 2 * n + 1, lambda n, i: 1),
            "the first tap everywhere in the window: equal only for a constant kernel")
    b.right(_cases(r"W[1,k,i-2(n-1)]", r"2(n-1) < i < 2(n-1) + 3.5"), _window(two, lambda n: 2 * (n - 1) + 3.5),
            "a bound that is not a whole number (i is one)")
    b.wrong(_cases(r"W[1,k,i-2(n-1)+1]", r"2(n-1) \le i < 2(n-1)+3"), _window(lambda n: 2 * (n - 1) - 1,
            lambda n: 2 * (n - 1) + 2, lambda n, i: i - 2 * (n - 1) + 1), "the window one position early")
    b.wrong(r"\begin{cases} W[1,k,i-2(n-1)] & 2(n-1) < i \le 2(n-1)+3 \\ 1 & \text{otherwise} \end{cases}",
            lambda x, W, n, k, i: std_dx(W, n, k, i) if 2 * (n - 1) < i <= 2 * n + 1 else 1, "1 outside the window")
    b.wrong(_cases(r"W[1,k,i-3(n-1)]", r"3(n-1) < i \le 3(n-1)+3"), _window(lambda n: 3 * (n - 1),
            lambda n: 3 * (n - 1) + 3, lambda n, i: i - 3 * (n - 1)), "stride 3: equal at n = 1 only")
    b.wrong(r"\mathbb{1}[2(n-1) < i \le 2(n-1)+3]", lambda x, W, n, k, i: float(2 * (n - 1) < i <= 2 * n + 1),
            "the window without the weight")
    b.wrong(_cases(r"x[2(n-1)+i][k]", r"2(n-1) < i \le 2(n-1)+3"),
            lambda x, W, n, k, i: x[2 * (n - 1) + i][k] if 2 * (n - 1) < i <= 2 * n + 1 else 0,
            "the input where the weight belongs (the answer to (ii))")


def std_dx(W, n: int, k: int, i: int):
    return W[1, k, i - 2 * (n - 1)] if 2 * (n - 1) < i <= 2 * (n - 1) + 3 else 0


# ---------------------------------------------------------------- 1.1(c)(iv) dl/dW
G = r"\frac{\partial \ell}{\partial f_W(x)}"


def _dl(first: int, last: int, pos: Callable[[int, int], int] = lambda n, i: 2 * (n - 1) + i,
        gi: Callable[[int], int] = lambda n: n):
    return lambda x, W, g, o, k, i: sum(g[gi(n)] * x[pos(n, i)][k] for n in S(first, last))


def dl_dw() -> list[Case]:
    b = Book(f"{NYU}/q1.1/c-iv-dl-dw")
    std = _dl(1, 5)
    body = G + r"[n]\, x[2(n-1)+i][k]"
    b.right(r"\frac{\partial \ell}{\partial W}[1,k,i] = \sum_{n=1}^{5} " + body, std, "the rubric's answer")
    b.right(r"\sum_{n=1}^{5} " + body, std, "no left-hand side")
    b.right(r"\sum_{n=1}^5 \left(\frac{\partial \ell}{\partial f_{\mathbf{W}}(\mathbf{x})} \right) [n] \cdot "
            r"\mathbf{x}[2(n-1) + i][k]", std, "seed 001's spelling with the right range")
    b.right(r"\sum_{n=1}^{5} x[2(n-1)+i][k]\, " + G + "[n]", std, "factors in the other order")
    b.right(r"\sum_{j=1}^{5} " + G + r"[j]\, x[2j-2+i][k]", std, "renamed index")
    b.right(r"\sum_{n=0}^{4} " + G + r"[n+1]\, x[2n+i][k]", _dl(0, 4, lambda n, i: 2 * n + i, lambda n: n + 1),
            "a summation index from 0, shifted consistently")
    b.right(r"\sum_{n=1}^{5} \frac{\partial \ell}{\partial f_W(x)[n]}\, x[2(n-1)+i][k]", std,
            "the derivative with respect to the element")
    b.right(" + ".join(G + f"[{n}]\\, x[{2 * (n - 1)}+i][k]" if n > 1 else G + "[1]\\, x[i][k]" for n in range(1, 6)),
            std, "the five outputs written out")
    b.right(r"\sum_{n=1}^{5} " + G + r"[n] \cdot x[2n-2+i][k]", std, "\\cdot, 2n-2")
    b.right(r"sum(dl/df_W(x)[n] * x[2*(n-1)+i][k], n, 1, 5)", std, "plain text")
    b.right(r"\sum_{n=1}^{5} x[2(n-1)+i, k]\, " + G + "[n]", std, "one bracket for x")
    b.right(r"\sum_{m=1}^{5} " + G + r"[m]\, x[i+2m-2][k]", std, "renamed, offset last")
    b.right(r"\boxed{\sum_{n=1}^{5} " + body + "}", std, "boxed")
    b.right(r"\sum^{5}_{n=1} " + body, std, "bounds top first")
    b.right(r"\frac{\partial \ell}{\partial \mathbf{W}}[1, k, i] = \sum_{n=1}^{5} " + body + ".", std, "bold W, full stop")
    _dl_wrong(b)
    return b.cases


def _dl_wrong(b: Book) -> None:
    body = G + r"[n]\, x[2(n-1)+i][k]"
    b.wrong(r"\sum_{n=1}^{2} " + body, _dl(1, 2), "seed 001: two outputs of five")
    b.wrong(r"\frac{\partial \ell}{\partial \mathbf{W}}[1, k, i] = \sum_{n=1}^2 \left(\frac{\partial \ell}{\partial "
            r"f_{\mathbf{W}}(\mathbf{x})} \right) [n]. \mathbf{x}[2(n-1) + i][k]", _dl(1, 2),
            "seed 001 verbatim (a full stop for the product): two outputs of five")
    b.wrong(r"\sum_{n=1}^{4} " + body, _dl(1, 4), "four outputs of five")
    b.wrong(r"\sum_{n=1}^{6} " + body, _dl(1, 6), "output 6 does not exist (an engine reading it as 0 accepts this)")
    b.wrong(r"\sum_{n=0}^{5} " + body, _dl(0, 5), "output 0 and x[-1] do not exist (zero-padding semantics accept it)")
    b.wrong(r"\sum_{n=1}^{11} " + body, _dl(1, 11), "summed over the input's length: outputs 6..11 do not exist")
    b.wrong(r"\sum_{n=1}^{9} " + G + r"[n]\, x[n-1+i][k]", _dl(1, 9, lambda n, i: n - 1 + i),
            "stride 1 (nine outputs)")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[n]\, x[n-1+i][k]", _dl(1, 5, lambda n, i: n - 1 + i), "stride 1")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[n]\, x[2n+i][k]", _dl(1, 5, lambda n, i: 2 * n + i), "0-based n: x[13]")
    b.wrong(G + r"[n]\, x[2(n-1)+i][k]", lambda x, W, g, o, k, i: free("n"), "no sum: n is free")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[n]\, W[1,k,i]", lambda x, W, g, o, k, i: sum(g[n] for n in S(1, 5)) * W[1, k, i],
            "the weight for the input")
    b.wrong(r"\sum_{n=1}^{5} " + body + r" W[1,k,i]", lambda x, W, g, o, k, i: _dl(1, 5)(x, W, g, o, k, i) * W[1, k, i],
            "the forward summand, not its derivative")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[n]\, x[2(n-1)+4-i][k]", _dl(1, 5, lambda n, i: 2 * (n - 1) + 4 - i),
            "flipped taps")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[n]\, x[k][2(n-1)+i]",
            lambda x, W, g, o, k, i: sum(g[n] * x[k][2 * (n - 1) + i] for n in S(1, 5)), "position and channel swapped")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[i]\, x[2(n-1)+i][k]", lambda x, W, g, o, k, i: sum(g[i] * x[2 * (n - 1) + i][k] for n in S(1, 5)),
            "the output gradient indexed by the tap")
    b.wrong(r"-\sum_{n=1}^{5} " + body, lambda x, W, g, o, k, i: -_dl(1, 5)(x, W, g, o, k, i), "sign")
    b.wrong(r"\frac{1}{5} \sum_{n=1}^{5} " + body, lambda x, W, g, o, k, i: _dl(1, 5)(x, W, g, o, k, i) / 5, "a mean")
    b.wrong(r"\sum_{n=0}^{4} " + G + r"[n]\, x[2n+i][k]", _dl(0, 4, lambda n, i: 2 * n + i),
            "0-based n for x, 1-based for the gradient: output 0 does not exist")
    b.wrong(r"\sum_{n=1}^{5} " + G + r"[n]\, x[n+2(i-1)][k]", _dl(1, 5, lambda n, i: n + 2 * (i - 1)),
            "dilation and stride exchanged")


# ---------------------------------------------------------------- dimensions
def _shapes(part: str, right: list[tuple[str, tuple]], wrong: list[tuple[str, tuple, str]]) -> list[Case]:
    b = Book(f"{NYU}/q1.1/{part}")
    for answer, shape in right:
        b.right(answer, lambda shape=shape: shape, "the same axes")
    for answer, shape, why in wrong:
        b.wrong(answer, lambda shape=shape: shape, why)
    return b.cases


def dw_shape() -> list[Case]:
    s = (5, (1, 7, 3))
    return _shapes("c-ii-dw-shape", [
        (r"5 \times (1 \times 7 \times 3)", s), (r"5 \times 1 \times 7 \times 3", s),
        (r"\mathbb{R}^{5 \times (1 \times 7 \times 3)}", s), (r"\mathbb{R}^{5 \times 1 \times 7 \times 3}", s),
        (r"\frac{\partial f_W(x)}{\partial W} \in \mathbb{R}^{5 \times (1 \times 7 \times 3)}", s), ("(5, 1, 7, 3)", s),
        ("5 x 1 x 7 x 3", s), ("5x(1x7x3)", s), ("5 by 1 by 7 by 3", s), (r"$5 \times (1 \times 7 \times 3)$", s),
        (r"\boxed{5 \times 1 \times 7 \times 3}", s), (r"5\times1\times7\times3", s), ("R^{5 x 1 x 7 x 3}", s),
        ("[5, 1, 7, 3]", s), ("5 × 1 × 7 × 3", s), (r"The dimension is $5 \times (1 \times 7 \times 3)$.", s),
        (r"5 \times \left(1 \times 7 \times 3\right)", s),
        (r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{W}} \in \mathbb{R}^{5 \times (1 \times 7 \times 3)}", s),
    ], [
        (r"1 \times 7 \times 3", (1, 7, 3), "W's shape: the 5 outputs are missing"),
        (r"5 \times 7 \times 11", (5, 7, 11), "the shape of df/dx"),
        (r"9 \times (1 \times 7 \times 3)", (9, (1, 7, 3)), "stride 1: nine outputs"),
        (r"4 \times (1 \times 7 \times 3)", (4, (1, 7, 3)), "(11-3)/2 without the +1"),
        (r"6 \times (1 \times 7 \times 3)", (6, (1, 7, 3)), "rounded up"),
        (r"(1 \times 7 \times 3) \times 5", ((1, 7, 3), 5), "denominator layout: the rubric writes the output first"),
        (r"5 \times (1 \times 3 \times 7)", (5, (1, 3, 7)), "kernel and channels swapped (same product 21)"),
        (r"5 \times (3 \times 7)", (5, (3, 7)), "axes swapped: a product of 21 again"),
        (r"5 \times (1 \times 7 \times 11)", (5, (1, 7, 11)), "the input's length for the kernel"),
        (r"\mathbb{R}^{5 \times 1 \times 7 \times 5}", (5, 1, 7, 5), "kernel size 5"),
        (r"11 \times (1 \times 7 \times 3)", (11, (1, 7, 3)), "the input's length for the output's"),
        (r"(5, 1, 3, 7)", (5, 1, 3, 7), "axes swapped as a tuple"),
        (r"3 \times 7 \times 1 \times 5", (3, 7, 1, 5), "every axis reversed"),
    ])


def dx_shape() -> list[Case]:
    s = (5, 7, 11)
    return _shapes("c-iii-dx-shape", [
        (r"5 \times 7 \times 11", s), (r"\mathbb{R}^{5 \times 7 \times 11}", s),
        (r"\frac{\partial f_W(x)}{\partial x} \in \mathbb{R}^{5 \times 7 \times 11}", s), ("(5, 7, 11)", s),
        ("5x7x11", s), ("5 by 7 by 11", s), (r"$5 \times 7 \times 11$", s), (r"\boxed{5 \times 7 \times 11}", s),
        (r"5 \times (7 \times 11)", (5, (7, 11))), ("R^{5x7x11}", s), ("[5, 7, 11]", s), ("5 × 7 × 11", s),
        (r"The dimension is $5 \times 7 \times 11$.", s), (r"\mathbb{R}^{5\times 7\times 11}", s),
        (r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{x}} \in \mathbb{R}^{5 \times 7 \times 11}", s),
    ], [
        (r"5 \times 7", (5, 7), "the position axis is missing"),
        (r"7 \times 11", (7, 11), "x's shape: the 5 outputs are missing"),
        (r"9 \times 7 \times 11", (9, 7, 11), "stride 1"),
        (r"4 \times 7 \times 11", (4, 7, 11), "(11-3)/2 without the +1"),
        (r"5 \times 7 \times 3", (5, 7, 3), "the kernel's size for the input's length"),
        (r"5 \times 1 \times 7 \times 3", (5, 1, 7, 3), "the shape of df/dW"),
        (r"7 \times 11 \times 5", (7, 11, 5), "denominator layout: the rubric writes the output first"),
        (r"5 \times 7 \times 9", (5, 7, 9), "the length stride 1 would use"),
        (r"5 \times 11", (5, 11), "the channel axis is missing"),
        (r"6 \times 7 \times 11", (6, 7, 11), "rounded up"),
        (r"5 \times 7 \times 13", (5, 7, 13), "padded input"),
        (r"1 \times 7 \times 11", (1, 7, 11), "one output"),
        (r"5 \times 3 \times 11", (5, 3, 11), "the kernel's size for the channels"),
    ])


def dl_dw_shape() -> list[Case]:
    s = (1, 7, 3)
    return _shapes("c-iv-dl-dw-shape", [
        (r"1 \times 7 \times 3", s), (r"\mathbb{R}^{1 \times 7 \times 3}", s),
        (r"\frac{\partial \ell}{\partial W} \in \mathbb{R}^{1 \times 7 \times 3}", s), ("(1, 7, 3)", s), ("1x7x3", s),
        ("1 by 7 by 3", s), (r"$1 \times 7 \times 3$", s), (r"\boxed{1 \times 7 \times 3}", s), ("R^{1x7x3}", s),
        ("[1, 7, 3]", s), ("1 × 7 × 3", s), (r"The dimension is $1 \times 7 \times 3$.", s),
        (r"1 \times (7 \times 3)", (1, (7, 3))), (r"\mathbb{R}^{1\times 7\times 3}", s),
        (r"\frac{\partial \ell}{\partial \mathbf{W}} \in \mathbb{R}^{1 \times 7 \times 3}", s),
    ], [
        (r"5 \times 7 \times 3", (5, 7, 3), "the output count for W's filter axis"),
        (r"5 \times (1 \times 7 \times 3)", (5, (1, 7, 3)), "the Jacobian's shape: the loss is a scalar"),
        (r"1 \times 7 \times 5", (1, 7, 5), "the output count for the kernel"),
        (r"1 \times 3 \times 7", (1, 3, 7), "channels and kernel swapped"),
        (r"3 \times 7 \times 1", (3, 7, 1), "reversed"),
        (r"1 \times 7 \times 11", (1, 7, 11), "the input's length"),
        (r"1 \times 5", (1, 5), "the output gradient's shape"),
        (r"1 \times 7 \times 2", (1, 7, 2), "the stride for the kernel"),
        (r"2 \times 7 \times 3", (2, 7, 3), "the stride for the filters"),
        (r"1 \times 7 \times 9", (1, 7, 9), "the output length stride 1 would give"),
        (r"\mathbb{R}^{5}", (5,), "a vector of the outputs"),
        (r"1 \times 6 \times 3", (1, 6, 3), "six channels"),
        (r"1 \times (3 \times 7)", (1, (3, 7)), "swapped inside a group (same product 21)"),
    ])


# ---------------------------------------------------------------- 1.2.1(c) the Jacobian dh_t/dh_{t-1}
def _gate_pre(r, t):
    return r.Wc @ r.x[t] + r.Wh @ r.h[t - 1]


def _jac(first, gap, slope, last):
    """first + D(gap) D(slope) last, each a function of (r, t)."""
    return lambda r, t: first(r, t) + D(gap(r, t)) @ D(slope(r, t)) @ last(r, t)


C = lambda r, t: D(r.c[t])  # noqa: E731
GAP = lambda r, t: r.h[t - 1] - r.Wx @ r.x[t]  # noqa: E731
SLOPE = lambda r, t: r.c[t] * (1 - r.c[t])  # noqa: E731
WH = lambda r, t: r.Wh  # noqa: E731
TRUE_JAC = _jac(C, GAP, SLOPE, WH)
RUBRIC_JAC = r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t)) W_h"


def jacobian() -> list[Case]:
    b = Book(f"{NYU}/q1.2.1/c-jacobian")
    b.right(RUBRIC_JAC, TRUE_JAC, "the rubric's answer")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \circ (1 - c_t)) W_h", TRUE_JAC, "\\circ for the Hadamard product")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t) D(\sigma'(\cdot)) W_h", lambda r, t: C(r, t) + D(GAP(r, t)) @ D(
            dsigma(_gate_pre(r, t))) @ r.Wh, "issue 11's spelling: \\sigma'(\\cdot) at the gate's input")
    b.right(r"\frac{\partial h_t}{\partial h_{t-1}} = " + RUBRIC_JAC, TRUE_JAC, "with its left-hand side")
    b.right(r"\operatorname{diag}(c_t) + \operatorname{diag}(h_{t-1} - W_x x_t)\operatorname{diag}(c_t \odot (1-c_t)) W_h",
            TRUE_JAC, "\\operatorname{diag}")
    b.right(r"\text{diag}(c_t) + \text{diag}(h_{t-1} - W_x x_t)\,\text{diag}(c_t \odot (1-c_t))\, W_h", TRUE_JAC,
            "\\text{diag}")
    b.right(r"\mathrm{diag}(c_t) + \mathrm{diag}(h_{t-1} - W_x x_t)\,\mathrm{diag}(c_t)\,\mathrm{diag}(1-c_t)\, W_h",
            TRUE_JAC, "\\mathrm{diag}, the slope as two diagonals")
    b.right(r"D(c_t) + D\left((h_{t-1} - W_x x_t) \odot c_t \odot (1 - c_t)\right) W_h",
            lambda r, t: C(r, t) + D(GAP(r, t) * SLOPE(r, t)) @ r.Wh, "one diagonal of a Hadamard product")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t) D(\sigma'(W_c x_t + W_h h_{t-1})) W_h",
            lambda r, t: C(r, t) + D(GAP(r, t)) @ D(dsigma(_gate_pre(r, t))) @ r.Wh, "\\sigma' of the gate's input")
    b.right(r"D(c_t) + D(h_{t-1}) D(c_t) D(1-c_t) W_h - D(W_x x_t) D(c_t) D(1 - c_t) W_h",
            lambda r, t: C(r, t) + D(r.h[t - 1]) @ D(SLOPE(r, t)) @ r.Wh - D(r.Wx @ r.x[t]) @ D(SLOPE(r, t)) @ r.Wh,
            "the product rule's two terms kept apart")
    b.right(r"D(c_t) + D(c_t \odot (1-c_t) \odot (h_{t-1} - W_x x_t)) W_h",
            lambda r, t: C(r, t) + D(SLOPE(r, t) * GAP(r, t)) @ r.Wh, "Hadamard factors in another order")
    b.right(r"D(c_t) - D(W_x x_t - h_{t-1}) D(c_t \odot (1-c_t)) W_h",
            lambda r, t: C(r, t) - D(r.Wx @ r.x[t] - r.h[t - 1]) @ D(SLOPE(r, t)) @ r.Wh, "the sign moved out")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t) D(\sigma(W_c x_t + W_h h_{t-1}) \odot (1 - \sigma(W_c x_t + W_h h_{t-1}))) W_h",
            lambda r, t: C(r, t) + D(GAP(r, t)) @ D(sigma(_gate_pre(r, t)) * (1 - sigma(_gate_pre(r, t)))) @ r.Wh,
            "the gate written out (seed 001's slope)")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t)(D(c_t) - D(c_t)^2) W_h",
            lambda r, t: C(r, t) + D(GAP(r, t)) @ (C(r, t) - C(r, t) @ C(r, t)) @ r.Wh, "D(c) - D(c)^2")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t)(I - D(c_t)) W_h",
            lambda r, t: C(r, t) + D(GAP(r, t)) @ C(r, t) @ (np.eye(r.m) - C(r, t)) @ r.Wh, "I - D(c)")
    b.right(r"\left(W_h^\top D(c_t \odot (1-c_t)) D(h_{t-1} - W_x x_t) + D(c_t)\right)^\top",
            lambda r, t: (r.Wh.T @ D(SLOPE(r, t)) @ D(GAP(r, t)) + C(r, t)).T, "a transpose of the transposed sum")
    b.right(r"D(c_t)^\top + D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t)) W_h",
            lambda r, t: C(r, t).T + D(GAP(r, t)) @ D(SLOPE(r, t)) @ r.Wh, "a diagonal is its own transpose")
    b.right(r"D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t)) W_h + D(c_t)", TRUE_JAC, "terms in the other order")
    b.right(r"D(c_t) + D(h_{t-1} - \mathbf{W}_x x_t) D(c_t) D(\mathbf{1} - c_t) \mathbf{W}_h", TRUE_JAC,
            "bold weights, \\mathbf{1}")
    b.right(r"D(c_t) + D(c_t \odot (1 - c_t)) D(h_{t-1} - W_x x_t) W_h",
            lambda r, t: C(r, t) + D(SLOPE(r, t)) @ D(GAP(r, t)) @ r.Wh, "diagonal matrices commute")
    b.right(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t) D(1 - c_t) W_h", TRUE_JAC, "plain D's, no \\odot")
    b.right(r"D(c_t) + \left(\left((h_{t-1} - W_x x_t) \odot c_t \odot (1 - c_t)\right) \mathbf{1}^\top\right) \odot W_h",
            lambda r, t: C(r, t) + np.outer(GAP(r, t) * SLOPE(r, t), np.ones(r.m)) * r.Wh,
            "a row scaling as a Hadamard product with an outer product")
    _jacobian_wrong(b)
    return b.cases


def _jacobian_wrong(b: Book) -> None:
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t)) W_h^\top", _jac(C, GAP, SLOPE, lambda r, t: r.Wh.T),
            "W_h transposed: denominator layout's factor in a numerator-layout answer (seed 001); equal only for a "
            "symmetric W_h")
    b.wrong(r"D(c_t) + W_h^\top D(c_t \odot (1-c_t)) D(h_{t-1} - W_x x_t)",
            lambda r, t: C(r, t) + r.Wh.T @ D(SLOPE(r, t)) @ D(GAP(r, t)), "the whole Jacobian transposed")
    b.wrong(r"D(c_t) + W_h D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t))",
            lambda r, t: C(r, t) + r.Wh @ D(GAP(r, t)) @ D(SLOPE(r, t)), "W_h on the wrong side")
    b.wrong(r"D(c_t) + D(W_x x_t - h_{t-1}) D(c_t \odot (1-c_t)) W_h",
            _jac(C, lambda r, t: -GAP(r, t), SLOPE, WH), "sign of the gap")
    b.wrong(r"D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t)) W_h", lambda r, t: D(GAP(r, t)) @ D(SLOPE(r, t)) @ r.Wh,
            "the direct term D(c_t) is missing")
    b.wrong(r"D(c_t) + D(h_{t-1}) D(c_t \odot (1-c_t)) W_h", _jac(C, lambda r, t: r.h[t - 1], SLOPE, WH),
            "the W_x x_t part of the gap is missing")
    b.wrong(r"D(c_t) - D(W_x x_t) D(c_t \odot (1-c_t)) W_h", _jac(C, lambda r, t: -r.Wx @ r.x[t], SLOPE, WH),
            "h_{t-1} dropped: equal to the truth at t = 1 (h_0 = 0) only")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(\sigma'(W_c x_t)) W_h",
            _jac(C, GAP, lambda r, t: dsigma(r.Wc @ r.x[t]), WH), "W_h h_{t-1} missing in the slope: equal at t = 1 only")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t) W_h", _jac(C, GAP, lambda r, t: r.c[t], WH), "sigma for sigma'")
    b.wrong(r"D(1 - c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1-c_t)) W_h",
            _jac(lambda r, t: D(1 - r.c[t]), GAP, SLOPE, WH), "1 - c_t weighs W_x x_t, not h_{t-1}")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot c_t) W_h", _jac(C, GAP, lambda r, t: r.c[t] ** 2, WH),
            "c^2 for c(1 - c)")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t)) W_c", _jac(C, GAP, SLOPE, lambda r, t: r.Wc),
            "W_c for W_h: m x n, not m x m")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1 - c_t))", lambda r, t: C(r, t) + D(GAP(r, t)) @ D(SLOPE(r, t)),
            "W_h missing (the shape still fits)")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1-c_t)) W_h + D(c_t \odot (1 - c_t))^{8}",
            lambda r, t: TRUE_JAC(r, t) + np.linalg.matrix_power(D(SLOPE(r, t)), 8),
            "an extra term below (1/4)^8: too small for a loose tolerance, not zero")
    b.wrong(r"D(c_t) + c_t^\top (1 - c_t)\, D(h_{t-1} - W_x x_t) W_h",
            lambda r, t: C(r, t) + float(r.c[t] @ (1 - r.c[t])) * D(GAP(r, t)) @ r.Wh, "an inner product for the slope")
    b.wrong(r"D(c_t) + D(h_t - W_x x_t) D(c_t \odot (1-c_t)) W_h", _jac(C, lambda r, t: r.h[t] - r.Wx @ r.x[t], SLOPE, WH),
            "h_t for h_{t-1}")
    b.wrong(r"D(c_{t-1}) + D(h_{t-1} - W_x x_t) D(c_{t-1} \odot (1 - c_{t-1})) W_h",
            _jac(lambda r, t: D(r.c[t - 1]), GAP, lambda r, t: r.c[t - 1] * (1 - r.c[t - 1]), WH),
            "the previous step's gate (c_0 does not exist)")
    b.wrong(r"I - D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1-c_t)) W_h",
            _jac(lambda r, t: np.eye(r.m) - D(r.c[t]), GAP, SLOPE, WH), "I - D(c_t) for D(c_t)")
    b.wrong(r"\left(D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1-c_t)) W_h\right)^\top", lambda r, t: TRUE_JAC(r, t).T,
            "the right matrix transposed: denominator layout")
    b.wrong(r"D(c_t) + D(h_{t-1} + W_x x_t) D(c_t \odot (1 - c_t)) W_h",
            _jac(C, lambda r, t: r.h[t - 1] + r.Wx @ r.x[t], SLOPE, WH), "a sum for the gap")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_{t-1}) D(c_t \odot (1-c_t)) W_h",
            _jac(C, lambda r, t: r.h[t - 1] - r.Wx @ r.x[t - 1], SLOPE, WH), "the previous input (x_0 does not exist)")
    sig = r"\sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1})"
    b.wrong(rf"D(c_t) + D(h_{{t-1}}) D({sig} \odot (1 - {sig})) \mathbf{{W}}_h^\top - D(\mathbf{{W}}_x x_t) D({sig} \odot "
            rf"(1 - {sig})) \mathbf{{W}}_h^\top",
            lambda r, t: C(r, t) + D(GAP(r, t)) @ D(dsigma(_gate_pre(r, t))) @ r.Wh.T,
            "seed 001's two lines put together: W_h transposed in numerator layout")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(\sigma'(c_t)) W_h", _jac(C, GAP, lambda r, t: dsigma(r.c[t]), WH),
            "sigma' of the gate's output c_t, not of its input")
    b.wrong(r"D(c_t) + D(h_{t-1} - W_x x_t) D(c_t \odot (1-c_t)) W_h W_h",
            _jac(C, GAP, SLOPE, lambda r, t: r.Wh @ r.Wh), "W_h twice")


# ---------------------------------------------------------------- 1.2.1(d) dl/dW_x, a sum over the K steps
def _over(first, last, term):
    """sum_{t=first(r)}^{last(r)} term(r, t) (an empty sum is the number 0, as Python's sum gives it)."""
    return lambda r: sum((term(r, t) for t in S(first(r), last(r))), 0)


ONE = lambda r: 1  # noqa: E731
KK = lambda r: r.K  # noqa: E731
GRAD_TERM = lambda r, t: np.outer(r.hbar[t] * (1 - r.c[t]), r.x[t])  # noqa: E731
TRUE_W = _over(ONE, KK, GRAD_TERM)
RUBRIC_W = r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top"


def weight() -> list[Case]:
    b = Book(f"{NYU}/q1.2.1/d-weight-gradient")
    b.right(RUBRIC_W, TRUE_W, "the rubric's answer (total gradient at h_t)")
    b.right(r"\sum_{t=1}^{K} (\overline{h_t} \circ (1 - c_t))\, x_t^{\mathsf{T}}", TRUE_W, "\\circ, \\mathsf{T}")
    b.right(r"\frac{\partial \ell}{\partial W_x} = " + RUBRIC_W, TRUE_W, "with its left-hand side")
    b.right(r"\sum_{t=1}^{K} D(1 - c_t)\, \overline{h_t}\, x_t^\top", TRUE_W, "a diagonal matrix for the Hadamard product")
    b.right(r"\sum_{t=1}^{K} \operatorname{diag}(1 - c_t)\, \overline{h_t}\, x_t^\top", TRUE_W, "\\operatorname{diag}")
    b.right(r"\sum_{t=1}^{K} ((1 - c_t) \odot \overline{h_t})\, x_t^\top", TRUE_W, "Hadamard factors swapped")
    b.right(r"\sum_{s=1}^{K} (\overline{h_s} \odot (1 - c_s))\, x_s^\top", TRUE_W, "renamed step")
    b.right(r"\sum_{t=0}^{K-1} (\overline{h_{t+1}} \odot (1 - c_{t+1}))\, x_{t+1}^\top",
            _over(lambda r: 0, lambda r: r.K - 1, lambda r, t: GRAD_TERM(r, t + 1)), "the step shifted by one")
    b.right(r"\sum_{t=1}^{K} (\overline{h_t} - \overline{h_t} \odot c_t)\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] - r.hbar[t] * r.c[t], r.x[t])), "expanded")
    b.right(r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - \sigma(W_c x_t + W_h h_{t-1})))\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * (1 - sigma(_gate_pre(r, t))), r.x[t])),
            "the gate written out")
    b.right(r"\sum_{t=1}^{K} (\overline{h_t} \odot (\mathbf{1} - c_t))\, x_t^\top", TRUE_W, "\\mathbf{1}")
    b.right(r"\sum_{t=1}^{K} D(\overline{h_t}) (1 - c_t)\, x_t^\top", TRUE_W, "D of the gradient times the vector")
    b.right(r"\left(\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top\right)", TRUE_W, "in brackets")
    b.right(r"(\overline{h_1} \odot (1 - c_1))\, x_1^\top + \sum_{t=2}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top",
            lambda r: GRAD_TERM(r, 1) + _over(lambda r: 2, KK, GRAD_TERM)(r), "the first step apart (K = 1: empty sum)")
    b.right(r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t)) \otimes x_t", TRUE_W, "an outer product written \\otimes")
    b.right(r"\sum_{t=1}^{K} \overline{h_t}\, x_t^\top - \sum_{t=1}^{K} (\overline{h_t} \odot c_t)\, x_t^\top",
            lambda r: _over(ONE, KK, lambda r, t: np.outer(r.hbar[t], r.x[t]))(r)
            - _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * r.c[t], r.x[t]))(r), "split into two sums")
    b.right(r"\sum_{t=1}^{K} \left[(1 - c_t) \odot \overline{h_t}\right] x_t^{\top}", TRUE_W, "square brackets")
    b.right(r"\sum^{K}_{t=1} (\overline{h_t} \odot (1 - c_t))\, x_t^\top", TRUE_W, "bounds top first")
    b.right(r"sum(D(1 - c_t) hbar_t x_t^T, t, 1, K)", TRUE_W, "plain text, hbar_t, ^T for the transpose")
    _weight_wrong(b)
    return b.cases


def _weight_wrong(b: Book) -> None:
    # No "direct gradient only" case: the prompt defines \frac{\partial \ell}{\partial h_t} as the total gradient
    # and names no spelling for the direct term (FINDINGS.md, "Notation").
    b.wrong(r"\sum_{t=1}^{K} (\overline{h_t} \odot c_t)\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * r.c[t], r.x[t])), "c_t weighs h_{t-1}, not W_x x_t")
    b.wrong(r"\sum_{t=1}^{K} x_t (\overline{h_t} \odot (1 - c_t))^\top", _over(ONE, KK, lambda r, t: GRAD_TERM(r, t).T),
            "transposed: n x m, not W_x's m x n")
    b.wrong(r"\sum_{t=1}^{K-1} (\overline{h_t} \odot (1 - c_t))\, x_t^\top", _over(ONE, lambda r: r.K - 1, GRAD_TERM),
            "the last step is missing")
    b.wrong(r"\sum_{t=2}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top", _over(lambda r: 2, KK, GRAD_TERM),
            "the first step is missing (x_1 is not zero even when h_0 is)")
    b.wrong(r"(\overline{h_1} \odot (1 - c_1)) x_1^\top + (\overline{h_2} \odot (1 - c_2)) x_2^\top + "
            r"(\overline{h_3} \odot (1 - c_3)) x_3^\top", lambda r: sum(GRAD_TERM(r, t) for t in (1, 2, 3)),
            "written out for K = 3: equal for K = 3 only")
    b.wrong(r"\sum_{t=1}^{3} (\overline{h_t} \odot (1 - c_t))\, x_t^\top", _over(ONE, lambda r: 3, GRAD_TERM),
            "a fixed bound 3: equal for K = 3 only")
    b.wrong(r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, x_{t-1}^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * (1 - r.c[t]), r.x[t - 1])), "x_0 does not exist")
    b.wrong(r"\sum_{t=1}^{K} (\overline{h_{t+1}} \odot (1 - c_t))\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t + 1] * (1 - r.c[t]), r.x[t])), "h_{K+1} does not exist")
    b.wrong(r"\sum_{t=1}^{K} \overline{h_t}\, x_t^\top", _over(ONE, KK, lambda r, t: np.outer(r.hbar[t], r.x[t])),
            "the factor 1 - c_t is missing")
    b.wrong(r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t) \odot c_t)\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * (1 - r.c[t]) * r.c[t], r.x[t])), "a sigmoid slope too many")
    b.wrong(r"-\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top", lambda r: -TRUE_W(r), "sign")
    b.wrong(r"\sum_{t=1}^{K} (h_t \odot (1 - c_t))\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.h[t] * (1 - r.c[t]), r.x[t])), "the state for its gradient")
    b.wrong(r"\frac{1}{K} \sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top", lambda r: TRUE_W(r) / r.K,
            "a mean over steps: equal for K = 1 only")
    b.wrong(r"K (\overline{h_K} \odot (1 - c_K))\, x_K^\top", lambda r: r.K * GRAD_TERM(r, r.K),
            "the last step K times: equal for K = 1 only")
    b.wrong(r"(\overline{h_K} \odot (1 - c_K))\, x_K^\top", lambda r: GRAD_TERM(r, r.K), "the last step only")
    b.wrong(r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_{t-1}))\, x_t^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * (1 - r.c[t - 1]), r.x[t])), "c_0 does not exist")
    b.wrong(r"\sum_{t=1}^{K} D(\overline{h_t}) D(1 - c_t)\, x_t",
            _over(ONE, KK, lambda r, t: D(r.hbar[t]) @ D(1 - r.c[t]) @ r.x[t]), "a matrix times x_t: not m x n")
    b.wrong(r"\sum_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, (W_x x_t)^\top",
            _over(ONE, KK, lambda r, t: np.outer(r.hbar[t] * (1 - r.c[t]), r.Wx @ r.x[t])), "W_x x_t for x_t: m x m")
    b.wrong(r"\prod_{t=1}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top",
            lambda r: np.prod([GRAD_TERM(r, t) for t in S(1, r.K)], axis=0), "a product: equal for K = 1 only")
    b.wrong(r"(\overline{h_t} \odot (1 - c_t))\, x_t^\top", lambda r: free("t"), "no sum: t is free")
    b.wrong(r"\sum_{t=\max(1, K-2)}^{K} (\overline{h_t} \odot (1 - c_t))\, x_t^\top",
            _over(lambda r: max(1, r.K - 2), KK, GRAD_TERM), "truncated to the last 3 steps: equal for K <= 3 only")


# ---------------------------------------------------------------- CSC421 Q1(b) the weight w_ix, general T
def _lstm_sum(first, last, term):
    return lambda r: sum((term(r, t) for t in S(first(r), last(r))), 0.0)


TT = lambda r: r.T  # noqa: E731
IX = lambda r, t: r.bar["i"][t] * r.i[t] * (1 - r.i[t]) * r.x[t]  # noqa: E731
TRUE_IX = _lstm_sum(ONE, TT, IX)
I_SLOPE = r"\overline{i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}"


def _pre(r, t, gate="i"):
    return r.w[gate + "x"] * r.x[t] + r.w[gate + "h"] * r.h[t - 1] + r.w["0" + gate]


def w_ix() -> list[Case]:
    b = Book(f"{CSC421}/q1/w-ix-bar")
    b.right(r"\sum_{t=1}^{T} " + I_SLOPE, TRUE_IX, "the sum over every step")
    b.right(r"\overline{w_{ix}} = \sum_{t=1}^{T} " + I_SLOPE, TRUE_IX, "with its left-hand side")
    b.right(r"\sum_{t=1}^{T} \overline{i^{(t)}} \sigma'(w_{ix}x^{(t)} + w_{ih}h^{(t-1)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * dsigma(_pre(r, t)) * r.x[t]), "\\sigma' of the gate's input")
    b.right(r"\sum_{t=1}^{T} x^{(t)} i^{(t)} (1 - i^{(t)}) \overline{i^{(t)}}", TRUE_IX, "factors in another order")
    b.right(r"\sum_{s=1}^{T} \overline{i^{(s)}} i^{(s)}(1-i^{(s)}) x^{(s)}", TRUE_IX, "renamed step")
    b.right(r"\sum_{t=0}^{T-1} \overline{i^{(t+1)}} i^{(t+1)}(1-i^{(t+1)}) x^{(t+1)}",
            _lstm_sum(lambda r: 0, lambda r: r.T - 1, lambda r, t: IX(r, t + 1)), "shifted step")
    b.right(r"\sum_{t=1}^{T} \overline{c^{(t)}} g^{(t)} i^{(t)}(1-i^{(t)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["c"][t] * r.g[t] * r.i[t] * (1 - r.i[t]) * r.x[t]),
            "the gate's gradient expanded")
    b.right(r"\sum_{t=1}^{T} \overline{i^{(t)}} (i^{(t)} - (i^{(t)})^2) x^{(t)}", TRUE_IX, "i - i^2")
    b.right(r"\sum_{t=1}^{T} \overline{i^{(t)}} \cdot i^{(t)} \cdot (1-i^{(t)}) \cdot x^{(t)}", TRUE_IX, "\\cdot")
    b.right(r"\overline{i^{(1)}} i^{(1)}(1-i^{(1)}) x^{(1)} + \sum_{t=2}^{T} " + I_SLOPE,
            lambda r: IX(r, 1) + _lstm_sum(lambda r: 2, TT, IX)(r), "the first step apart")
    b.right(r"\sum_{t=1}^{T} \overline{i^{(t)}} \sigma(w_{ix}x^{(t)} + w_{ih}h^{(t-1)})(1 - \sigma(w_{ix}x^{(t)} + "
            r"w_{ih}h^{(t-1)})) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * sigma(_pre(r, t)) * (1 - sigma(_pre(r, t))) * r.x[t]),
            "the gate written out")
    b.right(r"\sum^{T}_{t=1} " + I_SLOPE, TRUE_IX, "bounds top first")
    b.right(r"\sum_{t=1}^{T} \overline{c^{(t)}} g^{(t)} \sigma'(w_{ix}x^{(t)}+w_{ih}h^{(t-1)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["c"][t] * r.g[t] * dsigma(_pre(r, t)) * r.x[t]),
            "expanded gradient and \\sigma'")
    b.right(r"\sum_{t=1}^{T} i^{(t)}(1-i^{(t)}) x^{(t)} \overline{c^{(t)}} g^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.i[t] * (1 - r.i[t]) * r.x[t] * r.bar["c"][t] * r.g[t]), "reordered")
    b.right(r"\sum_{t=1}^{T} \frac{\partial \mathcal{L}}{\partial i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}", TRUE_IX,
            "the adjoint as a partial of the loss")
    b.right(r"\sum_{t=1}^{T} \overline{i^{(t)}}\, i^{(t)}\left(1-i^{(t)}\right) x^{(t)}.", TRUE_IX, "\\left( and a full stop")
    _w_ix_wrong(b)
    return b.cases


def _w_ix_wrong(b: Book) -> None:
    three = r"\overline{i^{(1)}} i^{(1)}(1-i^{(1)}) x^{(1)} + \overline{i^{(2)}} i^{(2)}(1-i^{(2)}) x^{(2)} + " \
            r"\overline{i^{(3)}} i^{(3)}(1-i^{(3)}) x^{(3)}"
    b.wrong(three, lambda r: sum(IX(r, t) for t in (1, 2, 3)), "the old T = 3 answer: equal for T = 3 only")
    b.wrong(r"\sum_{t=1}^{3} " + I_SLOPE, _lstm_sum(ONE, lambda r: 3, IX), "a fixed bound 3: equal for T = 3 only")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} x^{(t)}", _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * r.x[t]),
            "the sigmoid's slope is missing")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} i^{(t)}(1-i^{(t)}) h^{(t-1)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * r.i[t] * (1 - r.i[t]) * r.h[t - 1]),
            "w_ih's gradient (h^{(t-1)} for x^{(t)})")
    b.wrong(r"\sum_{t=1}^{T-1} " + I_SLOPE, _lstm_sum(ONE, lambda r: r.T - 1, IX), "the last step is missing")
    b.wrong(r"\sum_{t=2}^{T} " + I_SLOPE, _lstm_sum(lambda r: 2, TT, IX), "the first step is missing")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t-1)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * r.i[t] * (1 - r.i[t]) * r.x[t - 1]), "x^{(0)} does not exist")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t+1)}} i^{(t)}(1-i^{(t)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t + 1] * r.i[t] * (1 - r.i[t]) * r.x[t]),
            "the next step's gradient (i^{(T+1)} does not exist)")
    b.wrong(r"\sum_{t=1}^{T} \overline{c^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["c"][t] * r.i[t] * (1 - r.i[t]) * r.x[t]), "g^{(t)} is missing")
    b.wrong(r"\sum_{t=1}^{T} \overline{h^{(t)}} i^{(t)}(1-i^{(t)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["h"][t] * r.i[t] * (1 - r.i[t]) * r.x[t]), "the hidden state's gradient")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} (1-(i^{(t)})^2) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * (1 - r.i[t] ** 2) * r.x[t]), "tanh's slope for the sigmoid's")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} i^{(t)}(i^{(t)}-1) x^{(t)}", lambda r: -TRUE_IX(r), "sign")
    b.wrong(I_SLOPE, lambda r: free("t"), "no sum: t is free")
    b.wrong(r"\sum_{t=\max(1, T-2)}^{T} " + I_SLOPE, _lstm_sum(lambda r: max(1, r.T - 2), TT, IX),
            "truncated BPTT over the last 3 steps: equal for T <= 3 only")
    b.wrong(r"\sum_{t=T-2}^{T} " + I_SLOPE, _lstm_sum(lambda r: r.T - 2, TT, IX),
            "the last 3 steps: equal for T = 3 only (x^{(0)} does not exist for T < 3)")
    b.wrong(r"\overline{i^{(T)}} i^{(T)}(1-i^{(T)}) x^{(T)}", lambda r: IX(r, r.T), "the last step only: equal for T = 1")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} f^{(t)}(1-f^{(t)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * r.f[t] * (1 - r.f[t]) * r.x[t]), "the forget gate's slope")
    b.wrong(r"\sum_{t=1}^{T} \overline{i^{(t)}} \sigma'(w_{ix}x^{(t)}) x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["i"][t] * dsigma(r.w["ix"] * r.x[t]) * r.x[t]),
            "w_ih h^{(t-1)} missing in the slope: equal for T = 1 from a zero state only")
    b.wrong(r"\frac{1}{T} \sum_{t=1}^{T} " + I_SLOPE, lambda r: TRUE_IX(r) / r.T, "a mean: equal for T = 1 only")
    b.wrong(r"\prod_{t=1}^{T} " + I_SLOPE, lambda r: float(np.prod([IX(r, t) for t in S(1, r.T)])),
            "a product: equal for T = 1 only")
    b.wrong(r"\sum_{t=1}^{T} \overline{c^{(t)}} g^{(t)} x^{(t)}",
            _lstm_sum(ONE, TT, lambda r, t: r.bar["c"][t] * r.g[t] * r.x[t]), "expanded, but without the slope")
    b.wrong(r"\sum_{t=1}^{T} " + I_SLOPE + r" w_{ix}", lambda r: TRUE_IX(r) * r.w["ix"], "times the weight")


# ---------------------------------------------------------------- HW5 Q2 the weight W^{hi}, general T
HI = lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.bar["i"][t]  # noqa: E731
TRUE_HI = _lstm_sum(ONE, TT, HI)
HI_TERM = r"h_{t-1} i_t (1 - i_t) \nabla i_t"
LOCAL = lambda r, t: (r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.g[t] * r.o[t] * (1 - np.tanh(r.c[t]) ** 2)  # noqa: E731
                      * r.w["y"] * r.y[t] * (1 - r.y[t]) * r.u[t])


def w_hi() -> list[Case]:
    b = Book(f"{HW5}/q2/grad-w-hi")
    b.right(r"\sum_{t=1}^{T} " + HI_TERM, TRUE_HI, "the sum over every step")
    b.right(r"\nabla W^{hi} = \sum_{t=1}^{T} " + HI_TERM, TRUE_HI, "with its left-hand side")
    b.right(r"\sum_{t=1}^{T} h_{t-1} i_t (1 - i_t) \tilde{C}_t \nabla C_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.g[t] * r.bar["c"][t]),
            "the gate's gradient expanded through C_t")
    b.right(r"\sum_{t=1}^{T} \nabla i_t\, i_t (1 - i_t) h_{t-1}", TRUE_HI, "reordered")
    b.right(r"\sum_{t=1}^{T} h_{t-1} \sigma'(W^{hi}h_{t-1} + W^{xi}X_t + W_0^i) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * dsigma(_pre(r, t)) * r.bar["i"][t]), "\\sigma' of the gate's input")
    b.right(r"\sum_{t=0}^{T-1} h_t i_{t+1} (1 - i_{t+1}) \nabla i_{t+1}",
            _lstm_sum(lambda r: 0, lambda r: r.T - 1, lambda r, t: HI(r, t + 1)), "shifted step")
    b.right(r"\sum_{k=1}^{T} h_{k-1} i_k (1 - i_k) \nabla i_k", TRUE_HI, "renamed step")
    b.right(r"\sum_{t=1}^{T} h_{t-1} (i_t - i_t^2) \nabla i_t", TRUE_HI, "i - i^2")
    b.right(r"\sum_{t=1}^{T} h_{t-1} \times i_t \times (1 - i_t) \times \nabla i_t", TRUE_HI, "\\times")
    b.right(r"\sum_{t=1}^{T} h_{t-1} \sigma(W^{hi}h_{t-1} + W^{xi}X_t + W_0^i)(1 - \sigma(W^{hi}h_{t-1} + W^{xi}X_t + "
            r"W_0^i)) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * sigma(_pre(r, t)) * (1 - sigma(_pre(r, t))) * r.bar["i"][t]),
            "the gate written out")
    b.right(r"\sum_{t=1}^{T} h_{t-1} \cdot i_t \cdot (1 - i_t) \cdot \tilde{C}_t \cdot \nabla C_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.g[t] * r.bar["c"][t]), "\\cdot")
    b.right(r"\sum_{t=1}^{T} i_t (1 - i_t) h_{t-1} \nabla i_t", TRUE_HI, "the slope first")
    b.right(r"h_0 i_1 (1 - i_1) \nabla i_1 + \sum_{t=2}^{T} " + HI_TERM,
            lambda r: HI(r, 1) + _lstm_sum(lambda r: 2, TT, HI)(r), "the first step apart")
    b.right(r"\sum^{T}_{t=1} " + HI_TERM, TRUE_HI, "bounds top first")
    b.right(r"\nabla W^{hi} = \sum_{t=1}^{T} h_{t-1}\, i_t\, (1 - i_t)\, \tilde{C}_t\, \nabla C_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.g[t] * r.bar["c"][t]), "thin spaces")
    _w_hi_wrong(b)
    return b.cases


def _w_hi_wrong(b: Book) -> None:
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} i_t (1 - i_t) \tilde{C}_t o_t (1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t",
            _lstm_sum(ONE, TT, LOCAL), "seed 004: only the path through y_t; equal for T = 1, and for T = 2 from h_0 = 0")
    b.wrong(r"h_0 i_1 (1 - i_1) \nabla i_1 + h_1 i_2 (1 - i_2) \nabla i_2 + h_2 i_3 (1 - i_3) \nabla i_3",
            lambda r: sum(HI(r, t) for t in (1, 2, 3)), "the old T = 3 answer: equal for T = 3 only")
    b.wrong(r"\sum_{t=1}^{3} " + HI_TERM, _lstm_sum(ONE, lambda r: 3, HI), "a fixed bound 3: equal for T = 3 only")
    b.wrong(r"\sum_{t=1}^{T} h_t i_t (1 - i_t) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t] * r.i[t] * (1 - r.i[t]) * r.bar["i"][t]), "h_t for h_{t-1}")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} \nabla i_t", _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.bar["i"][t]),
            "the slope is missing")
    b.wrong(r"\sum_{t=1}^{T-1} " + HI_TERM, _lstm_sum(ONE, lambda r: r.T - 1, HI), "the last step is missing")
    b.wrong(r"\sum_{t=1}^{T} X_t i_t (1 - i_t) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.x[t] * r.i[t] * (1 - r.i[t]) * r.bar["i"][t]), "W^{xi}'s gradient")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} i_t (1 - i_t) \nabla C_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.bar["c"][t]), "\\tilde{C}_t missing")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} i_t (1 - i_t) \nabla h_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.bar["h"][t]), "the state's gradient")
    b.wrong(r"\sum_{i=1}^{T} " + HI_TERM, lambda r: free("t"),
            "seed 004's index: the sum runs over i, so t is free (and i is the gate)")
    b.wrong(r"h_{T-1} i_T (1 - i_T) \nabla i_T", lambda r: HI(r, r.T), "the last step only")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} i_{t-1} (1 - i_{t-1}) \nabla i_{t-1}",
            _lstm_sum(ONE, TT, lambda r, t: HI(r, t - 1)), "the previous step's gate (i_0 does not exist)")
    b.wrong(r"\sum_{t=1}^{T} " + HI_TERM + r" W^{hi}", lambda r: TRUE_HI(r) * r.w["ih"], "times the weight")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} i_t (1 + i_t) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 + r.i[t]) * r.bar["i"][t]), "sign in the slope")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} \sigma'(W^{hi}h_{t-1}) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * dsigma(r.w["ih"] * r.h[t - 1]) * r.bar["i"][t]),
            "the input and the bias missing from the slope")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} (1 - i_t^2) \nabla i_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * (1 - r.i[t] ** 2) * r.bar["i"][t]), "tanh's slope")
    b.wrong(r"\sum_{t=1}^{T} h_{t-1} i_t (1 - i_t) C_t \nabla C_t",
            _lstm_sum(ONE, TT, lambda r, t: r.h[t - 1] * r.i[t] * (1 - r.i[t]) * r.c[t] * r.bar["c"][t]),
            "C_t for \\tilde{C}_t")
    b.wrong(r"\prod_{t=1}^{T} " + HI_TERM, lambda r: float(np.prod([HI(r, t) for t in S(1, r.T)])), "a product")
    b.wrong(r"\frac{1}{T} \sum_{t=1}^{T} " + HI_TERM, lambda r: TRUE_HI(r) / r.T, "a mean")
    b.wrong(r"-\sum_{t=1}^{T} " + HI_TERM, lambda r: -TRUE_HI(r), "sign")
    b.wrong(r"\sum_{t=\max(1, T-2)}^{T} " + HI_TERM, _lstm_sum(lambda r: max(1, r.T - 2), TT, HI),
            "truncated BPTT over the last 3 steps: equal for T <= 3 only")


# ---------------------------------------------------------------- the corpus
GROUPS: tuple[Callable[[], list[Case]], ...] = (
    formula, dw, dx, dl_dw, dw_shape, dx_shape, dl_dw_shape, jacobian, weight, w_ix, w_hi)


def build() -> list[Case]:
    cases = [case for group in GROUPS for case in group()]
    keys = [(c.part_id, c.answer) for c in cases]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise CorpusError(f"the same answer twice: {sorted(duplicates)}")
    return cases


CASES: list[Case] = build()
