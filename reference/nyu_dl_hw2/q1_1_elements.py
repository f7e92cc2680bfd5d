r"""1.1(c) The strided 1-D convolution element by element: its output, its derivatives and their dimensions.

Answers are indexed formulas (kind `indexed`), 1-based as the question counts: `x[n][k]` is channel k of input step n,
`W[1, k, i]` is tap i of channel k, `g[n]` is the loss gradient's element n. Their references are NumPy: the output is
the real convolution (reference.models.conv.convolve), the derivatives are computed here by slicing, and the bank's
tests check them against finite differences of that convolution. Each part carries samples of random tensors of
the declared shapes and the reference values on them; the mutation self-test draws fresh ones from `model`.
"""

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from reference.models.conv import convolve, output_size
from reference.part import KnownMistake, Part, PartMaker

SEQUENCE, CHANNELS, KERNEL, STRIDE = 11, 7, 3, 2
OUTPUTS = output_size(SEQUENCE, KERNEL, stride=STRIDE)
SAMPLES, SEED = 3, 20261130
TENSORS = {"x": [SEQUENCE, CHANNELS], "W": [1, CHANNELS, KERNEL], "g": [OUTPUTS]}
GRADIENT = {"g": [r"\frac{\partial \ell}{\partial f_W(x)}", r"\frac{\partial \ell}{\partial f_W}",
                  r"\frac{\partial \ell}{\partial f}", r"\frac{d \ell}{d f_W(x)}", r"\nabla_{f_W(x)} \ell"]}
NOTATION = ("Write the element as a formula in its indices, counting from 1 as the question does: $x[n][k]$ is channel "
            "$k$ of input step $n$, $W[1, k, i]$ is tap $i$ of channel $k$; sums with their bounds "
            "($\\sum_{k=1}^{7}$) and `cases` are allowed.")


def forward(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """f_W(x): x is (steps, channels) as the answers index it; the convolution takes (channels, steps)."""
    return convolve(x.T, w, stride=STRIDE).output[0]


def d_weights(x: np.ndarray) -> np.ndarray:
    """df[n]/dW[1, k, i] = x[2(n-1)+i][k] (1-based), as an array (outputs, 1, channels, kernel)."""
    windows = np.stack([x[STRIDE * n : STRIDE * n + KERNEL].T for n in range(OUTPUTS)])
    return windows[:, None]


def d_input(w: np.ndarray) -> np.ndarray:
    """df[n]/dx[i][k], as an array (outputs, channels, steps): W's taps placed at output n's window."""
    result = np.zeros((OUTPUTS, CHANNELS, SEQUENCE))
    for n in range(OUTPUTS):
        result[n, :, STRIDE * n : STRIDE * n + KERNEL] = w[0]
    return result


def loss_gradient(x: np.ndarray, g: np.ndarray) -> np.ndarray:
    """dl/dW = sum over every output n of dl/df[n] df[n]/dW: shape (1, channels, kernel)."""
    return np.einsum("n,nfki->fki", g, d_weights(x))


QUANTITIES: dict[str, Callable[[Mapping[str, np.ndarray]], np.ndarray]] = {
    "c-i-formula": lambda t: forward(t["x"], t["W"]),
    "c-ii-dw": lambda t: d_weights(t["x"]),
    "c-iii-dx": lambda t: d_input(t["W"]),
    "c-iv-dl-dw": lambda t: loss_gradient(t["x"], t["g"]),
}


def draw(count: int, seed: int) -> list[dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [{name: rng.normal(size=shape) for name, shape in TENSORS.items()} for _ in range(count)]


def _nested(array: np.ndarray) -> Any:
    """Nested tuples: data a grading worker can unpickle and the bank can compare with ==."""
    return tuple(_nested(item) for item in array) if array.ndim else float(array)


def _model(name: str) -> Callable[[int, int], Mapping[str, list[Any]]]:
    def model(count: int, seed: int) -> Mapping[str, list[Any]]:
        samples = draw(count, seed)
        return {"inputs": [{k: v.tolist() for k, v in s.items()} for s in samples],
                "outputs": [QUANTITIES[name](s).tolist() for s in samples]}
    return model


def _indexed(make: PartMaker, name: str, *, title: str, ask: str, points: float, answer: str, index: list[str | int],
             mistakes: tuple[KnownMistake, ...], prompt: str) -> Part:
    samples = draw(SAMPLES, SEED)
    values = np.stack([QUANTITIES[name](s) for s in samples])
    options = {"tensors": TENSORS, "spellings": GRADIENT, "index": index, "shape": list(values.shape[1:]), "base": 1,
               "inputs": [{k: v.tolist() for k, v in s.items()} for s in samples]}
    return make("q1.1", name, title=title, kind="indexed", points=points, prompt=f"{prompt}\n\n{ask} {NOTATION}",
                answer=answer, reference=_nested(values), options=options, mistakes=mistakes, model=_model(name))


def _shape(make: PartMaker, name: str, *, title: str, ask: str, reference: tuple[int, ...], prompt: str,
           mistakes: tuple[KnownMistake, ...]) -> Part:
    answer = r"\mathbb{R}^{" + r" \times ".join(map(str, reference)) + "}"
    return make("q1.1", name, title=title, kind="tuple", points=1, prompt=f"{prompt}\n\n{ask}", answer=answer,
                reference=reference, options={"grouped": True}, mistakes=mistakes)


FORWARD = r"f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] \, W[1,k,i]"
D_WEIGHTS = r"\frac{\partial f_W(x)}{\partial W}[n,1,k,i] = x[2(n-1)+i][k]"
D_INPUT = (r"\frac{\partial f_W(x)}{\partial x}[n,k,i] = \begin{cases} W[1,k,i-2(n-1)] & \text{when } 2(n-1) < i \le "
           r"2(n-1)+3 \\ 0 & \text{otherwise} \end{cases}")
LOSS = r"\frac{\partial \ell}{\partial W}[1,k,i] = \sum_{n=1}^{5} g[n] \, x[2(n-1)+i][k]"
_STRIDE = "The stride is 2: output $n$ reads the inputs $2(n-1)+1, \\dots, 2(n-1)+3$, not $n, \\dots, n+2$."


def parts(make: PartMaker, prompt: str) -> list[Part]:
    """(c)(i)-(iv): the formulas with their dimensions, in the order the question asks them."""
    dw = r"\frac{\partial f_W(x)}{\partial W}"
    dx = r"\frac{\partial f_W(x)}{\partial x}"
    dl = r"\frac{\partial \ell}{\partial W}"
    gradient = (f"{prompt}\n\nWrite $g[n] = \\frac{{\\partial \\ell}}{{\\partial f_W(x)}}[n]$ for the given gradient of "
                "the scalar loss $\\ell$.")
    return [
        _indexed(make, "c-i-formula", title="1.1(c)(i) The elements of the 1-D convolution's output", points=0.5,
                 prompt=prompt, ask="Provide an expression for the value of the elements $f_W(x)[n]$ of the output.",
                 answer=FORWARD, index=["n"], mistakes=(
                     KnownMistake(r"\sum_{k=1}^{7} \sum_{i=1}^{3} x[n+i-1][k] W[1,k,i]", _STRIDE),)),
        _shape(make, "c-ii-dw-shape", title="1.1(c)(ii) Dimension of the derivative with respect to the weights",
               prompt=prompt, ask=f"What is the dimension of ${dw}$?", reference=(OUTPUTS, 1, CHANNELS, KERNEL), mistakes=(
                   KnownMistake(r"1 \times 7 \times 3", "Each of the 5 outputs has its own derivative: "
                                "$5 \\times (1 \\times 7 \\times 3)$."),
                   KnownMistake(r"5 \times 21", "Keep the weights' shape: $5 \\times (1 \\times 7 \\times 3)$.", 0.5))),
        _indexed(make, "c-ii-dw", title="1.1(c)(ii) Derivative of the output with respect to the weights", points=2,
                 prompt=prompt, ask=f"Provide an expression for the values ${dw}[n, 1, k, i]$.",
                 answer=D_WEIGHTS, index=["n", 1, "k", "i"], mistakes=(
                     KnownMistake(r"x[n+i-1][k]", _STRIDE),)),
        _shape(make, "c-iii-dx-shape", title="1.1(c)(iii) Dimension of the derivative with respect to the input",
               prompt=prompt, ask=f"What is the dimension of ${dx}$?", reference=(OUTPUTS, CHANNELS, SEQUENCE), mistakes=(
                   KnownMistake(r"5 \times 11", "The input has 7 channels too: $5 \\times 7 \\times 11$."),)),
        _indexed(make, "c-iii-dx", title="1.1(c)(iii) Derivative of the output with respect to the input", points=2,
                 prompt=prompt, ask=f"Provide an expression for the values ${dx}[n, k, i]$ ($i$ the input step).",
                 answer=D_INPUT, index=["n", "k", "i"], mistakes=(
                     KnownMistake(r"\begin{cases} W[1,k,i-2(n-1)] & \text{when } 2(n-1) < i \le 3 \\ 0 & "
                                  r"\text{otherwise} \end{cases}",
                                  "The window of output $n$ moves with $n$: it covers the inputs $2(n-1)+1$ to "
                                  "$2(n-1)+3$, so the upper bound is $2(n-1)+3$, not 3.", 0.5),
                     KnownMistake(r"\begin{cases} W[1,k,i-n+1] & \text{when } n \le i \le n+2 \\ 0 & "
                                  r"\text{otherwise} \end{cases}", _STRIDE))),
        _shape(make, "c-iv-dl-dw-shape", title="1.1(c)(iv) Dimension of the loss gradient with respect to the weights",
               prompt=gradient, ask=f"What is the dimension of ${dl}$?", reference=(1, CHANNELS, KERNEL), mistakes=(
                   KnownMistake(r"5 \times 1 \times 7 \times 3", "The loss is a scalar: its gradient has the "
                                "weights' shape, $1 \\times 7 \\times 3$."),)),
        _indexed(make, "c-iv-dl-dw", title="1.1(c)(iv) Gradient of a loss with respect to the weights", points=1,
                 prompt=gradient, ask=f"Provide an expression for the values ${dl}[1, k, i]$.",
                 answer=LOSS, index=[1, "k", "i"], mistakes=(
                     KnownMistake(r"\sum_{n=1}^{2} g[n] x[2(n-1)+i][k]",
                                  "The sum runs over all 5 outputs $n = 1, \\dots, 5$: every output's window "
                                  "touches the weights."),
                     KnownMistake(r"\sum_{n=1}^{5} g[n] x[n+i-1][k]", _STRIDE))),
    ]
