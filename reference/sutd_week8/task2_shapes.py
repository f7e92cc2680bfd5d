"""Task 2: spatial output sizes of 2-D convolutions, and the input sizes that give a 1-D output size."""

from typing import NamedTuple

from reference.models.conv import input_sizes, output_size
from reference.part import KnownMistake, Part, PartMaker


class Conv2d(NamedTuple):
    size: tuple[int, int]
    kernel: tuple[int, int]
    stride: int
    padding: int


SAME_SIZE = "Note that the spatial size does not depend on the number of input or output channels."
FIRST = Conv2d(size=(78, 84), kernel=(5, 5), stride=3, padding=2)
SECOND = Conv2d(size=(64, 64), kernel=(3, 5), stride=2, padding=0)
INPUT = {"output": 16, "kernel": 9, "stride": 3, "padding": 1}


def output_shape(size: tuple[int, int], kernel: tuple[int, int], stride: int, padding: int) -> tuple[int, int]:
    height, width = (output_size(n, k, stride=stride, padding=padding) for n, k in zip(size, kernel, strict=True))
    return height, width


def _shape_prompt(size: tuple[int, int], kernel: tuple[int, int], stride: int, padding: int) -> str:
    return (f"You are given a 2-dimensional convolution with spatial input size $({size[0]}, {size[1]})$. When using a "
            f"kernel of size $({kernel[0]}, {kernel[1]})$ and stride {stride} with padding of {padding}, what will be the "
            f"spatial size of the feature map which is the output of the convolution? {SAME_SIZE} Answer as "
            "(height, width).")


def _bounds(sizes: set[int]) -> str:
    return f"{min(sizes)} \\le x < {max(sizes) + 1}"


def parts(make: PartMaker) -> list[Part]:
    first, second = output_shape(*FIRST), output_shape(*SECOND)
    sizes = set(input_sizes(INPUT['output'], INPUT['kernel'], stride=INPUT['stride'], padding=INPUT['padding']))
    unpadded = output_shape(*FIRST._replace(padding=0))
    return [
        make("task2", "output-size-padded", title="Task 2: output size with stride 3 and padding 2", kind="tuple",
             points=0.5, prompt=_shape_prompt(*FIRST), answer=f"({first[0]}, {first[1]})", reference=first, mistakes=(
                 KnownMistake(str(unpadded), "The padding of 2 adds 2 rows (columns) on *each* side: use input + 2·pad."),)),
        make("task2", "output-size-rectangular", title="Task 2: output size with a (3, 5) kernel and stride 2",
             kind="tuple", points=0.5, prompt=_shape_prompt(*SECOND), answer=f"({second[0]}, {second[1]})",
             reference=second, mistakes=(
                 KnownMistake(str(second[::-1]), "The kernel's first size (3) goes with the first spatial axis, its "
                                                 "second (5) with the second."),
                 KnownMistake(str((second[0] - 1, second[1] - 1)),
                              "Count the positions the kernel fits: floor((input + 2 pad - kernel) / stride) **+ 1**."))),
        make("task2", "input-size", title="Task 2: input sizes for a given output size", kind="set", points=1,
             prompt=(f"You are given a 1-dimensional convolution, using a kernel of size {INPUT['kernel']} and stride "
                     f"{INPUT['stride']} with padding {INPUT['padding']}. What spatial input size $x$ do you need to have, "
                     f"so that you have a spatial output size of {INPUT['output']}? Give every possible $x$ (a set, an "
                     r"interval, or inequalities such as $a \le x < b$)."),
             answer=_bounds(sizes), reference=_bounds(sizes), options={"variable": "x", "integer": True}, mistakes=(
                 KnownMistake(f"\\{{{min(sizes)}\\}}", "That size works, but so do the next ones: the floor in the output size "
                                               f"maps {len(sizes)} input sizes to the same output.", 0.5),)),
    ]
