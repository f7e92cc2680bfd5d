"""1.1 Convolutional neural networks: output sizes (with padding, stride, dilation) and a strided 1-D convolution.

The statement is reconstructed from the student's answers in seed 001: an input whose 3x3, stride-2
convolution is 9 x 13, and a 1-D input of length 11 with 7 channels (the answer's x in R^{7x11}).
"""

from typing import Any

import sympy as sp

from reference.models.conv import output_size
from reference.nyu_dl_hw2 import q1_1_elements
from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters

IMAGE, KERNEL, STRIDE = (19, 27), (3, 3), 2
F, H, W, K, P, S, D = sp.symbols("F H W K P S D", positive=True)
SHAPE = (F, (H + 2 * P - D * (K - 1) - 1) / S + 1, (W + 2 * P - D * (K - 1) - 1) / S + 1)
SHAPE_OPTIONS = {"symbols": {"K": ["K", "H_K", "W_K"]}, "variables": {name: [1, 9] for name in "FHWKPSD"},
                 "divides_evenly": True}  # the prompt: "assume the stride divides evenly (ignore rounding)"


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
        *q1_1_elements.parts(make),
    ]
