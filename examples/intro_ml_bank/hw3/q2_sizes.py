"""Q2 Sizes and costs: a convolution's output shape, an MLP's parameters, the cost of a matrix product."""

from typing import Any

import numpy as np

from intro_ml_bank.models import conv2d, mlp, parameter_count
from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters

IMAGE, FILTERS, KERNEL, STRIDE, PADDING = (32, 32, 3), 16, 5, 2, 1
WIDTHS = [784, 128, 10]
MATMUL_MULTIPLICATIONS = "n*m*p"  # counted by models.schoolbook_product in the package's tests


def conv_output_shape(size: int = IMAGE[0], channels: int = IMAGE[2], filters: int = FILTERS, kernel: int = KERNEL,
                      stride: int = STRIDE, padding: int = PADDING) -> tuple[int, ...]:
    """Run the convolution: the shape is whatever the layer produces."""
    output = conv2d(np.zeros((size, size, channels)), np.zeros((kernel, kernel, channels, filters)), stride=stride,
                    padding=padding)
    return tuple(int(n) for n in output.shape)


def _conv_mistakes(size: int, channels: int, filters: int, kernel: int, stride: int, padding: int) -> list[tuple[int, ...]]:
    """The shapes of the three slips the feedback explains: no `+ 1`, no stride and padding, channels kept."""
    side = conv_output_shape(size, channels, filters, kernel, stride, padding)[0]
    return [((size + 2 * padding - kernel) // stride,) * 2 + (filters,), (size - kernel + 1,) * 2 + (filters,),
            (side, side, channels)]


def _conv_distinct(**layer: int) -> bool:
    """Values for which the answer and each known mistake are four different shapes."""
    return len({conv_output_shape(**layer), *_conv_mistakes(**layer)}) == 4


# Each student gets their own layer (a question package declares variants the way the seed bank does).
CONV = Parameters(ranges={"size": (24, 28, 32, 48, 64), "channels": (1, 3), "filters": (8, 16, 32), "kernel": (3, 5),
                          "stride": (2, 3), "padding": (0, 1, 2)},
                  document={"size": IMAGE[0], "channels": IMAGE[2], "filters": FILTERS, "kernel": KERNEL,
                            "stride": STRIDE, "padding": PADDING},
                  valid=_conv_distinct)
FEEDBACK = ("Count the positions of the kernel: $\\lfloor (H + 2P - K) / S \\rfloor + 1$ — the first one too.",
            "The stride and the padding change the output size as well.",
            "Each filter makes one output channel: there are as many channels as filters.")


def _conv_part(**layer: int) -> dict[str, Any]:
    size, channels, filters, kernel = layer["size"], layer["channels"], layer["filters"], layer["kernel"]
    shape = conv_output_shape(**layer)
    return {
        "title": "Q2(a) Output shape of a convolutional layer", "kind": "tuple", "points": 1,
        "prompt": (f"An image of shape ${size} \\times {size} \\times {channels}$ (height, width, channels) goes "
                   f"through a convolutional layer with {filters} filters of size ${kernel} \\times {kernel}$, stride "
                   f"{layer['stride']} and zero padding {layer['padding']}. What is the shape of its output (height, "
                   "width, channels)?"),
        "answer": " \\times ".join(map(str, shape)), "reference": shape,
        "mistakes": tuple(KnownMistake(" \\times ".join(map(str, wrong)), feedback)
                          for wrong, feedback in zip(_conv_mistakes(**layer), FEEDBACK, strict=True)),
    }


def mlp_parameters() -> int:
    return parameter_count(mlp(WIDTHS, np.random.default_rng(0)))


def parts(make: PartMaker) -> list[Part]:
    count = mlp_parameters()
    return [
        make.varying("q2", "conv-shape", CONV, _conv_part),
        make("q2", "mlp-parameters", title="Q2(b) Parameters of a multilayer perceptron", kind="integer", points=1,
             prompt=(f"How many trainable parameters does a fully connected network with layer widths "
                     f"{' → '.join(map(str, WIDTHS))} have (every layer has a bias)?"),
             answer=str(count), reference=count, mistakes=(
                 KnownMistake(str(count - sum(WIDTHS[1:])), "Each of the layers also has one bias per output unit."),
                 KnownMistake(str(WIDTHS[0] * WIDTHS[1] + WIDTHS[1]), "That is the first layer alone: add the output layer."))),
        make("q2", "matmul-cost", title="Q2(c) Cost of a matrix product", kind="bigo", points=1,
             prompt=("How many scalar multiplications does the schoolbook algorithm take to multiply an $n \\times m$ "
                     "matrix by an $m \\times p$ matrix? Give the order of growth, e.g. $O(\\dots)$."),
             answer="O(n m p)", reference=f"O({MATMUL_MULTIPLICATIONS})", options={"variables": ["n", "m", "p"]}, mistakes=(
                 KnownMistake("O(n^3)", "The matrices are not square: give the cost in $n$, $m$ and $p$."),
                 KnownMistake("O(n p)", "That counts the entries of the product; each one is a sum of $m$ products."))),
    ]
