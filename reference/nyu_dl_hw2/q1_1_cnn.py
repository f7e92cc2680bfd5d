"""1.1 Convolutional neural networks: output sizes (with padding, stride, dilation) and a strided 1-D convolution.

The statement is reconstructed from the student's answers in seed 001: an input whose 3x3, stride-2
convolution is 9 x 13, and a 1-D input of length 11 with 7 channels (the answer's x in R^{7x11}).
"""

from typing import Any

import sympy as sp

from reference.models.conv import output_size
from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters

IMAGE, KERNEL, STRIDE = (19, 27), (3, 3), 2
SEQUENCE, CHANNELS, KERNEL_1D, STRIDE_1D = 11, 7, 3, 2
F, H, W, K, P, S, D = sp.symbols("F H W K P S D", positive=True)
SHAPE = (F, (H + 2 * P - D * (K - 1) - 1) / S + 1, (W + 2 * P - D * (K - 1) - 1) / S + 1)
SHAPE_OPTIONS = {"symbols": {"K": ["K", "H_K", "W_K"]}, "variables": {name: [1, 9] for name in "FHWKPSD"}}
CONV_1D = (f"Consider an input $x[n] \\in \\mathbb{{R}}^{{{CHANNELS}}}$ with $1 \\le n \\le {SEQUENCE}$: a length-{SEQUENCE} sequence "
           f"with {CHANNELS} channels. The convolutional layer $f_W$ has one filter, kernel size {KERNEL_1D}, stride "
           f"{STRIDE_1D}, no dilation and no padding; its only parameter is the weight $W \\in \\mathbb{{R}}^{{1 \\times "
           f"{CHANNELS} \\times {KERNEL_1D}}}$ (no bias, no non-linearity). Convolution is implemented as cross-correlation.")


def _manual_1d(make: PartMaker, name: str, title: str, ask: str, points: float, rubric: str) -> Part:
    return make.manual("q1.1", name, title=title, prompt=f"{CONV_1D}\n\n{ask}", points=points, rubric=rubric)


def _strided_differs(height: int, width: int, kernel: int, stride: int) -> bool:
    """Both output sizes at least 2, and the known mistake (the stride ignored) is another shape."""
    return min(output_size(height, kernel, stride=stride), output_size(width, kernel, stride=stride)) >= 2


# 1.1(a) for each student: another image and kernel size, with a stride (the mistake it teaches needs one).
IMAGE_PARAMETERS = Parameters(
    ranges={"height": tuple(range(12, 41)), "width": tuple(range(12, 41)), "kernel": (2, 3, 4, 5), "stride": (2, 3)},
    document={"height": IMAGE[0], "width": IMAGE[1], "kernel": KERNEL[0], "stride": STRIDE},
    valid=_strided_differs, name="image")


def _output_size_part(height: int, width: int, kernel: int, stride: int) -> dict[str, Any]:
    out_height, out_width = (output_size(n, kernel, stride=stride) for n in (height, width))
    return {
        "title": "1.1(a) Output size of a strided convolution", "kind": "tuple", "points": 1,
        "prompt": (f"Given an input image of dimension ${height} \\times {width}$, what will be the output dimension after "
                f"applying a convolution with a ${kernel} \\times {kernel}$ kernel, stride of {stride} and no padding?"),
        "answer": f"{out_height} \\times {out_width}", "reference": (out_height, out_width), "options": {"partial": True},
        "mistakes": (KnownMistake(f"{height - kernel + 1} \\times {width - kernel + 1}",
                               f"The stride moves the kernel by {stride} positions: divide the span by the stride."),)}


def parts(make: PartMaker) -> list[Part]:
    length = output_size(SEQUENCE, KERNEL_1D, stride=STRIDE_1D)
    return [
        make.varying("q1.1", "a-output-size", IMAGE_PARAMETERS, _output_size_part),
        make("q1.1", "b-output-shape", title="1.1(b) Output shape with padding, stride, dilation and F filters",
             kind="tuple", points=2,
             prompt=("Given an input of dimension $C \\times H \\times W$, what will be the dimension of the output of a "
                     "convolutional layer with a kernel of size $K \\times K$, padding $P$, stride $S$, dilation $D$ and "
                     "$F$ filters? Assume $H \\ge K$, $W \\ge K$, and that the stride divides evenly (ignore rounding). "
                     "Write it as $F \\times (\\dots) \\times (\\dots)$."),
             answer=r"F \times \left(\frac{H + 2P - D(K - 1) - 1}{S} + 1\right) \times \left(\frac{W + 2P - D(K - 1) - 1}{S} + 1\right)",
             reference=SHAPE, options=SHAPE_OPTIONS, mistakes=(
                 KnownMistake(r"F \times \left(\frac{H + 2P - (K + D(K - 1))}{S} + 1\right) \times \left(\frac{W + 2P - (K + D(K - 1))}{S} + 1\right)",
                              "Check the effective kernel size under dilation: a kernel of $K$ taps with dilation $D$ spans "
                              "$D(K-1) + 1$ inputs (with $D = 1$ it must span $K$).", 0.5),
                 KnownMistake(r"F \times \left(\frac{H + 2P - K}{S} + 1\right) \times \left(\frac{W + 2P - K}{S} + 1\right)",
                              "Dilation spreads the kernel's taps apart: it changes the span the kernel covers.", 0.5))),
        make("q1.1", "c-i-output-length", title="1.1(c)(i) Output length of the strided 1-D convolution", kind="integer",
             points=0.5, prompt=f"{CONV_1D}\n\nWhat is the dimension of the output $f_W(x)$? (its length $N$ in $f_W(x) \\in \\mathbb{{R}}^N$)",
             answer=str(length), reference=length, mistakes=(
                 KnownMistake(str(SEQUENCE - KERNEL_1D + 1), "With stride 2 only every second window is computed."),)),
        _manual_1d(make, "c-i-formula", "1.1(c)(i) The elements of the 1-D convolution's output",
                   "Provide an expression for the value of the elements of the output $f_W(x)$.", 0.5,
                   ("0.5 pt: $f_W(x)[n] = \\sum_{k=1}^{7} \\sum_{i=1}^{3} x[2(n-1)+i][k]\\, W[1,k,i]$ for "
                    "$n = 1, \\dots, 5$ (1-based; any consistent indexing).")),
        _manual_1d(make, "c-ii-dw", "1.1(c)(ii) Derivative of the output with respect to the weights",
                   "What is the dimension of $\\frac{\\partial f_W(x)}{\\partial W}$? Provide an expression for its values.", 3,
                   ("1 pt: dimension $5 \\times (1 \\times 7 \\times 3)$. 2 pt: "
                    "$\\frac{\\partial f_W(x)}{\\partial W}[n, 1, k, i] = x[2(n-1)+i][k]$.")),
        _manual_1d(make, "c-iii-dx", "1.1(c)(iii) Derivative of the output with respect to the input",
                   "What is the dimension of $\\frac{\\partial f_W(x)}{\\partial x}$? Provide an expression for its values.", 3,
                   ("1 pt: dimension $5 \\times 7 \\times 11$. 2 pt: $\\frac{\\partial f_W(x)}{\\partial x}[n, k, i] = "
                    "W[1, k, i - 2(n-1)]$ when $2(n-1) < i \\le 2(n-1) + 3$, else 0 (the window of output $n$ "
                    "moves with $n$; a fixed upper bound such as $i \\le 3$ loses 1 pt).")),
        _manual_1d(make, "c-iv-dl-dw", "1.1(c)(iv) Gradient of a loss with respect to the weights",
                   ("Given $\\frac{\\partial \\ell}{\\partial f_W(x)}$ for a scalar loss $\\ell$, what is the dimension of "
                    "$\\frac{\\partial \\ell}{\\partial W}$ and an expression for its values? What are the similarities "
                    "and differences between this expression and the forward pass?"), 3,
                   ("1 pt: $\\frac{\\partial \\ell}{\\partial W} \\in \\mathbb{R}^{1 \\times 7 \\times 3}$. 1 pt: "
                    "$\\frac{\\partial \\ell}{\\partial W}[1,k,i] = \\sum_{n=1}^{5} \\frac{\\partial \\ell}{\\partial "
                    "f_W(x)}[n]\\, x[2(n-1)+i][k]$ (the sum runs over all 5 outputs). 1 pt: it is itself a "
                    "convolution of $x$ with the output gradient, whose taps are spaced by the stride: the stride "
                    "of the forward pass becomes a dilation in the backward pass.")),
    ]
