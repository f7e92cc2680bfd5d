"""Q2 Sizes and costs: a convolution's output shape, an MLP's parameters, the cost of a matrix product."""

import numpy as np

from intro_ml_bank.models import conv2d, mlp, parameter_count
from reference.part import KnownMistake, Part, PartMaker

IMAGE, FILTERS, KERNEL, STRIDE, PADDING = (32, 32, 3), 16, 5, 2, 1
WIDTHS = [784, 128, 10]
MATMUL_MULTIPLICATIONS = "n*m*p"  # counted by models.schoolbook_product in the package's tests


def conv_output_shape() -> tuple[int, ...]:
    """Run the convolution: the shape is whatever the layer produces."""
    output = conv2d(np.zeros(IMAGE), np.zeros((KERNEL, KERNEL, IMAGE[2], FILTERS)), stride=STRIDE, padding=PADDING)
    return tuple(int(n) for n in output.shape)


def mlp_parameters() -> int:
    return parameter_count(mlp(WIDTHS, np.random.default_rng(0)))


def parts(make: PartMaker) -> list[Part]:
    shape, count = conv_output_shape(), mlp_parameters()
    return [
        make("q2", "conv-shape", title="Q2(a) Output shape of a convolutional layer", kind="tuple", points=1,
             prompt=(f"An image of shape ${IMAGE[0]} \\times {IMAGE[1]} \\times {IMAGE[2]}$ (height, width, channels) goes "
                     f"through a convolutional layer with {FILTERS} filters of size ${KERNEL} \\times {KERNEL}$, stride "
                     f"{STRIDE} and zero padding {PADDING}. What is the shape of its output (height, width, channels)?"),
             answer=" \\times ".join(map(str, shape)), reference=shape, mistakes=(
                 KnownMistake("14 \\times 14 \\times 16", "Count the positions of the kernel: "
                                                          "$\\lfloor (H + 2P - K) / S \\rfloor + 1$ — the first one too."),
                 KnownMistake("28 \\times 28 \\times 16", "The stride and the padding change the output size as well."),
                 KnownMistake("15 \\times 15 \\times 3", "Each filter makes one output channel: there are as many "
                                                         "channels as filters."))),
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
