"""Task 2: spatial output sizes of 2-D convolutions, and the input sizes that give a 1-D output size."""

from typing import Any, NamedTuple

from reference.models.conv import input_sizes, output_size
from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters


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


def _padded_differs(height: int, width: int, kernel: int, stride: int, padding: int) -> bool:
    conv = Conv2d((height, width), (kernel, kernel), stride, padding)
    return min(output_shape(*conv._replace(padding=0))) >= 1 and output_shape(*conv) != output_shape(*conv._replace(padding=0))


def _rectangular_differs(size: int, kernel_height: int, kernel_width: int, stride: int) -> bool:
    shape = output_shape((size, size), (kernel_height, kernel_width), stride, 0)
    return shape[0] != shape[1] and min(shape) > 1


# The handout's convolutions, and the sizes a student's own version draws from.
PADDED = Parameters(ranges={"height": tuple(range(48, 97)), "width": tuple(range(48, 97)), "kernel": (3, 5, 7),
                            "stride": (2, 3, 4), "padding": (1, 2, 3)},
                    document={"height": FIRST.size[0], "width": FIRST.size[1], "kernel": FIRST.kernel[0],
                              "stride": FIRST.stride, "padding": FIRST.padding},
                    valid=_padded_differs, name="padded")
RECTANGULAR = Parameters(ranges={"size": tuple(range(32, 97)), "kernel_height": (1, 3, 5, 7), "kernel_width": (1, 3, 5, 7),
                                 "stride": (2, 3)},
                         document={"size": SECOND.size[0], "kernel_height": SECOND.kernel[0],
                                   "kernel_width": SECOND.kernel[1], "stride": SECOND.stride},
                         valid=_rectangular_differs, name="rectangular")
INPUT_SIZES = Parameters(ranges={"output": tuple(range(8, 33)), "kernel": (3, 5, 7, 9, 11), "stride": (2, 3, 4),
                                 "padding": (0, 1, 2)},
                         document=INPUT, name="input")


def _padded_part(height: int, width: int, kernel: int, stride: int, padding: int) -> dict[str, Any]:
    conv = Conv2d((height, width), (kernel, kernel), stride, padding)
    shape, unpadded = output_shape(*conv), output_shape(*conv._replace(padding=0))
    return {"title": f"Task 2: output size with stride {stride} and padding {padding}", "kind": "tuple", "points": 0.5,
                "prompt": _shape_prompt(*conv), "answer": f"({shape[0]}, {shape[1]})", "reference": shape, "mistakes": (
                    KnownMistake(str(unpadded), f"The padding of {padding} adds {padding} rows (columns) on *each* side: "
                                                "use input + 2·pad."),)}


def _rectangular_part(size: int, kernel_height: int, kernel_width: int, stride: int) -> dict[str, Any]:
    conv = Conv2d((size, size), (kernel_height, kernel_width), stride, 0)
    shape = output_shape(*conv)
    return {"title": f"Task 2: output size with a ({kernel_height}, {kernel_width}) kernel and stride {stride}",
                "kind": "tuple", "points": 0.5, "prompt": _shape_prompt(*conv), "answer": f"({shape[0]}, {shape[1]})",
                "reference": shape, "mistakes": (
                    KnownMistake(str(shape[::-1]), f"The kernel's first size ({kernel_height}) goes with the first "
                                                   f"spatial axis, its second ({kernel_width}) with the second."),
                    KnownMistake(str((shape[0] - 1, shape[1] - 1)),
                                 "Count the positions the kernel fits: floor((input + 2 pad - kernel) / stride) **+ 1**."))}


def _input_part(output: int, kernel: int, stride: int, padding: int) -> dict[str, Any]:
    sizes = set(input_sizes(output, kernel, stride=stride, padding=padding))
    return {
        "title": "Task 2: input sizes for a given output size", "kind": "set", "points": 1,
        "prompt": (f"You are given a 1-dimensional convolution, using a kernel of size {kernel} and stride {stride} with "
                f"padding {padding}. What spatial input size $x$ do you need to have, so that you have a spatial output "
                f"size of {output}? Give every possible $x$ (a set, an interval, or inequalities such as $a \\le x < b$)."),
        "answer": _bounds(sizes), "reference": _bounds(sizes), "options": {"variable": "x", "integer": True}, "mistakes": (
            KnownMistake(f"\\{{{min(sizes)}\\}}", "That size works, but so do the next ones: the floor in the output "
                                                f"size maps {len(sizes)} input sizes to the same output.", 0.5),)}


def parts(make: PartMaker) -> list[Part]:
    return [
        make.varying("task2", "output-size-padded", PADDED, _padded_part),
        make.varying("task2", "output-size-rectangular", RECTANGULAR, _rectangular_part),
        make.varying("task2", "input-size", INPUT_SIZES, _input_part),
    ]
