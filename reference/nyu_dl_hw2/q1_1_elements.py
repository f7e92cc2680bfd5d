r"""1.1(c) The strided 1-D convolution element by element: its output, its derivatives and their dimensions.

Answers are indexed formulas (kind `indexed`), 1-based as the question counts: `x[n][k]` is channel k of input step n,
`W[1, k, i]` is tap i of channel k, `g[n]` is the loss gradient's element n. Their references are NumPy: the output is
the real convolution (reference.models.conv.convolve), the derivatives are computed here by slicing, and the bank's
tests check them against finite differences of that convolution. Each part carries samples of random tensors of
the declared shapes and the reference values on them; the mutation self-test draws fresh ones from `model`.

The whole question varies per student (`SIZES`): sequence length, channels, kernel size and stride, the same for all
its parts; the handout's (11, 7, 3, 2) is the bank's own version.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from reference.models.conv import convolve, output_size
from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters

SAMPLES, SEED = 3, 20261130
GRADIENT = {"g": [r"\frac{\partial \ell}{\partial f_W(x)}", r"\frac{\partial \ell}{\partial f_W}",
                  r"\frac{\partial \ell}{\partial f}", r"\frac{d \ell}{d f_W(x)}", r"\nabla_{f_W(x)} \ell"]}
ORDINALS = {2: "second", 3: "third", 4: "fourth"}
DW = r"\frac{\partial f_W(x)}{\partial W}"
DX = r"\frac{\partial f_W(x)}{\partial x}"
DL = r"\frac{\partial \ell}{\partial W}"


@dataclass(frozen=True)
class Conv1d:
    """One version of the question: a length-`sequence` input of `channels` channels, one filter of `kernel` taps
    moved by `stride`, no padding or dilation."""

    sequence: int
    channels: int
    kernel: int
    stride: int

    @property
    def outputs(self) -> int:
        return output_size(self.sequence, self.kernel, stride=self.stride)

    @property
    def tensors(self) -> dict[str, list[int]]:
        return {"x": [self.sequence, self.channels], "W": [1, self.channels, self.kernel], "g": [self.outputs]}

    def forward(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        """f_W(x): x is (steps, channels) as the answers index it; the convolution takes (channels, steps)."""
        return convolve(x.T, w, stride=self.stride).output[0]

    def d_weights(self, x: np.ndarray) -> np.ndarray:
        """df[n]/dW[1, k, i] = x[S(n-1)+i][k] (1-based), as an array (outputs, 1, channels, kernel)."""
        windows = np.stack([x[self.stride * n : self.stride * n + self.kernel].T for n in range(self.outputs)])
        return windows[:, None]

    def d_input(self, w: np.ndarray) -> np.ndarray:
        """df[n]/dx[i][k], as an array (outputs, channels, steps): W's taps placed at output n's window."""
        result = np.zeros((self.outputs, self.channels, self.sequence))
        for n in range(self.outputs):
            result[n, :, self.stride * n : self.stride * n + self.kernel] = w[0]
        return result

    def loss_gradient(self, x: np.ndarray, g: np.ndarray) -> np.ndarray:
        """dl/dW = sum over every output n of dl/df[n] df[n]/dW: shape (1, channels, kernel)."""
        return np.einsum("n,nfki->fki", g, self.d_weights(x))

    def draw(self, count: int, seed: int) -> list[dict[str, np.ndarray]]:
        rng = np.random.default_rng(seed)
        return [{name: rng.normal(size=shape) for name, shape in self.tensors.items()} for _ in range(count)]


QUANTITIES: dict[str, Callable[[Conv1d, Mapping[str, np.ndarray]], np.ndarray]] = {
    "c-i-formula": lambda c, t: c.forward(t["x"], t["W"]),
    "c-ii-dw": lambda c, t: c.d_weights(t["x"]),
    "c-iii-dx": lambda c, t: c.d_input(t["W"]),
    "c-iv-dl-dw": lambda c, t: c.loss_gradient(t["x"], t["g"]),
}


def short_sum(conv: Conv1d) -> int:
    """The bound of seed 001's sum that stops early (2 in the handout), below the number of outputs."""
    return min(2, conv.outputs - 1)


def _sensible(sequence: int, channels: int, kernel: int, stride: int) -> bool:
    """The kernel fits and there are at least 2 outputs: the window moves, so the known mistakes (the stride ignored,
    a fixed bound, a sum that stops early) differ from the answers; the stride is at least 2 by its range."""
    return kernel <= sequence and output_size(sequence, kernel, stride=stride) >= 2


HANDOUT = Conv1d(sequence=11, channels=7, kernel=3, stride=2)
# Each student's sizes: a short sequence, a few channels, a small kernel and a stride (the mistakes teach the stride).
SIZES = Parameters(
    ranges={"sequence": tuple(range(8, 17)), "channels": tuple(range(2, 9)), "kernel": (2, 3, 4, 5), "stride": (2, 3)},
    document={"sequence": HANDOUT.sequence, "channels": HANDOUT.channels, "kernel": HANDOUT.kernel,
              "stride": HANDOUT.stride},
    valid=_sensible, name="conv1d")


def setting(c: Conv1d) -> str:
    return (f"Consider an input $x[n] \\in \\mathbb{{R}}^{{{c.channels}}}$ with $1 \\le n \\le {c.sequence}$: a "
            f"length-{c.sequence} sequence with {c.channels} channels. The convolutional layer $f_W$ has one filter, "
            f"kernel size {c.kernel}, stride {c.stride}, no dilation and no padding; its only parameter is the weight "
            f"$W \\in \\mathbb{{R}}^{{1 \\times {c.channels} \\times {c.kernel}}}$ (no bias, no non-linearity). "
            "Convolution is implemented as cross-correlation.")


def _gradient_setting(c: Conv1d) -> str:
    return (f"{setting(c)}\n\nWrite $g[n] = \\frac{{\\partial \\ell}}{{\\partial f_W(x)}}[n]$ for the given gradient "
            "of the scalar loss $\\ell$.")


def _notation(c: Conv1d) -> str:
    return ("Write the element as a formula in its indices, counting from 1 as the question does: $x[n][k]$ is channel "
            "$k$ of input step $n$, $W[1, k, i]$ is tap $i$ of channel $k$; sums with their bounds "
            f"($\\sum_{{k=1}}^{{{c.channels}}}$) and `cases` are allowed.")


def _window(c: Conv1d) -> str:
    """The start of output n's window, as the answers write it: `2(n-1)`."""
    return f"{c.stride}(n-1)"


def _stride_feedback(c: Conv1d) -> str:
    s = _window(c)
    return (f"The stride is {c.stride}: output $n$ reads the inputs ${s}+1, \\dots, {s}+{c.kernel}$, not "
            f"$n, \\dots, n+{c.kernel - 1}$.")


def _nested(array: np.ndarray) -> Any:
    """Nested tuples: data a grading worker can unpickle and the bank can compare with ==."""
    return tuple(_nested(item) for item in array) if array.ndim else float(array)


def _model(c: Conv1d, name: str) -> Callable[[int, int], Mapping[str, list[Any]]]:
    def model(count: int, seed: int) -> Mapping[str, list[Any]]:
        samples = c.draw(count, seed)
        return {"inputs": [{k: v.tolist() for k, v in s.items()} for s in samples],
                "outputs": [QUANTITIES[name](c, s).tolist() for s in samples]}
    return model


def _indexed(c: Conv1d, name: str, *, title: str, ask: str, points: float, answer: str, index: list[str | int],
             mistakes: tuple[KnownMistake, ...], prompt: str) -> dict[str, Any]:
    samples = c.draw(SAMPLES, SEED)
    values = np.stack([QUANTITIES[name](c, s) for s in samples])
    options = {"tensors": c.tensors, "spellings": GRADIENT, "index": index, "shape": list(values.shape[1:]), "base": 1,
               "inputs": [{k: v.tolist() for k, v in s.items()} for s in samples]}
    return {"title": title, "kind": "indexed", "points": points, "prompt": f"{prompt}\n\n{ask} {_notation(c)}",
            "answer": answer, "reference": _nested(values), "options": options, "mistakes": mistakes,
            "model": _model(c, name)}


def _shape(*, title: str, ask: str, reference: tuple[int, ...], prompt: str,
           mistakes: tuple[KnownMistake, ...]) -> dict[str, Any]:
    answer = r"\mathbb{R}^{" + r" \times ".join(map(str, reference)) + "}"
    return {"title": title, "kind": "tuple", "points": 1, "prompt": f"{prompt}\n\n{ask}", "answer": answer,
            "reference": reference, "options": {"grouped": True}, "mistakes": mistakes}


def _output_length(c: Conv1d) -> dict[str, Any]:
    ask = "What is the dimension of the output $f_W(x)$? (its length $N$ in $f_W(x) \\in \\mathbb{R}^N$)"
    return {"title": "1.1(c)(i) Output length of the strided 1-D convolution", "kind": "integer", "points": 0.5,
            "prompt": f"{setting(c)}\n\n{ask}", "answer": str(c.outputs), "reference": c.outputs, "mistakes": (
                KnownMistake(str(c.sequence - c.kernel + 1),
                             f"With stride {c.stride} only every {ORDINALS[c.stride]} window is computed."),)}


def _forward(c: Conv1d) -> dict[str, Any]:
    answer = (f"f_W(x)[n] = \\sum_{{k=1}}^{{{c.channels}}} \\sum_{{i=1}}^{{{c.kernel}}} x[{_window(c)}+i][k] \\, "
              "W[1,k,i]")
    return _indexed(c, "c-i-formula", title="1.1(c)(i) The elements of the 1-D convolution's output", points=0.5,
                    prompt=setting(c), ask="Provide an expression for the value of the elements $f_W(x)[n]$ of the output.",
                    answer=answer, index=["n"], mistakes=(
                        KnownMistake(f"\\sum_{{k=1}}^{{{c.channels}}} \\sum_{{i=1}}^{{{c.kernel}}} x[n+i-1][k] W[1,k,i]",
                                     _stride_feedback(c)),))


def _dw_shape(c: Conv1d) -> dict[str, Any]:
    n, weights = c.outputs, f"1 \\times {c.channels} \\times {c.kernel}"
    return _shape(title="1.1(c)(ii) Dimension of the derivative with respect to the weights", prompt=setting(c),
                  ask=f"What is the dimension of ${DW}$?", reference=(n, 1, c.channels, c.kernel), mistakes=(
                      KnownMistake(weights, f"Each of the {n} outputs has its own derivative: ${n} \\times ({weights})$."),
                      KnownMistake(f"{n} \\times {c.channels * c.kernel}",
                                   f"Keep the weights' shape: ${n} \\times ({weights})$.", 0.5)))


def _dw(c: Conv1d) -> dict[str, Any]:
    return _indexed(c, "c-ii-dw", title="1.1(c)(ii) Derivative of the output with respect to the weights", points=2,
                    prompt=setting(c), ask=f"Provide an expression for the values ${DW}[n, 1, k, i]$.",
                    answer=f"{DW}[n,1,k,i] = x[{_window(c)}+i][k]", index=["n", 1, "k", "i"], mistakes=(
                        KnownMistake(r"x[n+i-1][k]", _stride_feedback(c)),))


def _dx_shape(c: Conv1d) -> dict[str, Any]:
    n = c.outputs
    return _shape(title="1.1(c)(iii) Dimension of the derivative with respect to the input", prompt=setting(c),
                  ask=f"What is the dimension of ${DX}$?", reference=(n, c.channels, c.sequence), mistakes=(
                      KnownMistake(f"{n} \\times {c.sequence}", f"The input has {c.channels} channels too: "
                                   f"${n} \\times {c.channels} \\times {c.sequence}$."),))


def _cases(tap: str, condition: str) -> str:
    return (f"\\begin{{cases}} W[1,k,{tap}] & \\text{{when }} {condition} \\\\ 0 & \\text{{otherwise}} "
            "\\end{cases}")


def _dx(c: Conv1d) -> dict[str, Any]:
    s, k = _window(c), c.kernel
    answer = (f"{DX}[n,k,i] = \\begin{{cases}} W[1,k,i-{s}] & \\text{{when }} {s} < i \\le {s}+{k} \\\\ 0 & "
              "\\text{otherwise} \\end{cases}")
    return _indexed(c, "c-iii-dx", title="1.1(c)(iii) Derivative of the output with respect to the input", points=2,
                    prompt=setting(c), ask=f"Provide an expression for the values ${DX}[n, k, i]$ ($i$ the input step).",
                    answer=answer, index=["n", "k", "i"], mistakes=(
                        KnownMistake(_cases(f"i-{s}", f"{s} < i \\le {k}"),
                                     f"The window of output $n$ moves with $n$: it covers the inputs ${s}+1$ to "
                                     f"${s}+{k}$, so the upper bound is ${s}+{k}$, not {k}.", 0.5),
                        KnownMistake(_cases("i-n+1", f"n \\le i \\le n+{k - 1}"), _stride_feedback(c))))


def _dl_shape(c: Conv1d) -> dict[str, Any]:
    n, weights = c.outputs, f"1 \\times {c.channels} \\times {c.kernel}"
    return _shape(title="1.1(c)(iv) Dimension of the loss gradient with respect to the weights",
                  prompt=_gradient_setting(c), ask=f"What is the dimension of ${DL}$?",
                  reference=(1, c.channels, c.kernel), mistakes=(
                      KnownMistake(f"{n} \\times {weights}", "The loss is a scalar: its gradient has the "
                                   f"weights' shape, ${weights}$."),))


def _dl(c: Conv1d) -> dict[str, Any]:
    n, s = c.outputs, _window(c)
    return _indexed(c, "c-iv-dl-dw", title="1.1(c)(iv) Gradient of a loss with respect to the weights", points=1,
                    prompt=_gradient_setting(c), ask=f"Provide an expression for the values ${DL}[1, k, i]$.",
                    answer=f"{DL}[1,k,i] = \\sum_{{n=1}}^{{{n}}} g[n] \\, x[{s}+i][k]", index=[1, "k", "i"], mistakes=(
                        KnownMistake(f"\\sum_{{n=1}}^{{{short_sum(c)}}} g[n] x[{s}+i][k]",
                                     f"The sum runs over all {n} outputs $n = 1, \\dots, {n}$: every output's window "
                                     "touches the weights."),
                        KnownMistake(f"\\sum_{{n=1}}^{{{n}}} g[n] x[n+i-1][k]", _stride_feedback(c))))


def _compare(c: Conv1d) -> dict[str, Any]:
    rubric = ("1 pt: it is itself a convolution of $x$ with the output gradient, whose taps are spaced by the "
              "stride: the stride of the forward pass becomes a dilation in the backward pass.")
    ask = ("What are the similarities and differences between the expression for $\\frac{\\partial \\ell}{\\partial W}$ "
           "and the forward pass?")
    return {"title": "1.1(c)(iv) The loss gradient compared with the forward pass", "kind": "manual", "points": 1,
            "prompt": f"{setting(c)}\n\n{ask}", "answer": rubric, "reference": rubric, "rubric": rubric}


FIELDS: dict[str, Callable[[Conv1d], dict[str, Any]]] = {
    "c-i-output-length": _output_length, "c-i-formula": _forward, "c-ii-dw-shape": _dw_shape, "c-ii-dw": _dw,
    "c-iii-dx-shape": _dx_shape, "c-iii-dx": _dx, "c-iv-dl-dw-shape": _dl_shape, "c-iv-dl-dw": _dl,
    "c-iv-compare": _compare,
}


def parts(make: PartMaker) -> list[Part]:
    """(c)(i)-(iv): the output length, the formulas with their dimensions and the comparison, in the order the question
    asks them; every part drawn with the same sizes for a student."""
    def varying(name: str) -> Part:
        return make.varying("q1.1", name, SIZES, lambda **sizes: FIELDS[name](Conv1d(**sizes)))
    return [varying(name) for name in FIELDS]
