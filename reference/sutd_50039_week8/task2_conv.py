"""Task 2: convolution output sizes, the input size for a given output, parameter and operation counts."""

from reference.models.conv import input_sizes, output_size, parameter_count
from reference.part import KnownMistake, Part, PartMaker

NO_CHANNELS = "Note that spatial size does not depend on the number of input or output channels."


def _spatial(size: tuple[int, int], kernel: tuple[int, int], stride: int, padding: int) -> tuple[int, int]:
    return tuple(output_size(n, k, stride=stride, padding=padding) for n, k in zip(size, kernel))


def _conv_size_part(make: PartMaker, name: str, size: tuple[int, int], kernel: tuple[int, int], stride: int,
                    padding: int, mistakes: tuple[KnownMistake, ...]) -> Part:
    expected = _spatial(size, kernel, stride, padding)
    return make("task2", name, title=f"Task 2 Output size of a {kernel[0]}x{kernel[1]} convolution on {size[0]}x{size[1]}",
                kind="tuple", points=1,
                prompt=(f"You are given a 2-dimensional convolution with spatial size {size}. When using a kernel of size "
                        f"{kernel} and stride {stride} with padding of {padding}, what will be the spatial size of the "
                        f"feature map which is the output of the convolution? {NO_CHANNELS}"),
                answer=f"({expected[0]}, {expected[1]})", reference=expected, options={"partial": True}, mistakes=mistakes)


# The layer of the counting questions: input (32, 19, 19), 7x7 kernels, stride 3, 64 output channels, no padding.
LAYER = {"in_channels": 32, "size": 19, "kernel": 7, "stride": 3, "out_channels": 64}
POSITIONS = output_size(LAYER["size"], LAYER["kernel"], stride=LAYER["stride"]) ** 2
PRODUCTS_PER_OUTPUT = LAYER["kernel"] ** 2 * LAYER["in_channels"]
MULTIPLICATIONS = PRODUCTS_PER_OUTPUT * POSITIONS * LAYER["out_channels"]
ADDITIONS = (PRODUCTS_PER_OUTPUT - 1) * POSITIONS * LAYER["out_channels"]
LAYER_TEXT = "a 2-D convolutional layer with input (32, 19, 19), kernel size (7, 7), stride 3, 64 kernel channels, no padding, no bias term"


def _count_part(make: PartMaker, name: str, title: str, question: str, expected: int, answer: str,
                mistakes: tuple[KnownMistake, ...] = ()) -> Part:
    return make("task2", name, title=title, kind="integer", points=1, prompt=question, answer=answer,
                reference=expected, mistakes=mistakes)


def parts(make: PartMaker) -> list[Part]:
    lower, *_, upper = input_sizes(16, 9, stride=3, padding=1)
    return [
        _conv_size_part(make, "size-78x84", (78, 84), (5, 5), 3, 2, (
            KnownMistake("(27, 29)", "Round down: a window that does not fit entirely is not computed ($\\lfloor 77/3 \\rfloor + 1 = 26$)."),
            KnownMistake("(25, 27)", "Include the padding on both sides: the padded input is $78 + 2 \\cdot 2$ long."))),
        _conv_size_part(make, "size-64x64", (64, 64), (3, 5), 2, 0, (
            KnownMistake("(30, 31)", "The kernel is 3 tall and 5 wide: the first output size uses the kernel's first size."),
            KnownMistake("(32, 31)", "Round down: $\\lfloor (64 - 3)/2 \\rfloor + 1 = 31$."))),
        make("task2", "input-size", title="Task 2 Input size for a 1-D output of 16", kind="set", points=2,
             prompt=("You are given a 1-dimensional convolution, using a kernel of size 9 and stride 3 with padding 1. "
                     "What spatial input size $x$ do you need to have so that you have a spatial output size of 16? "
                     "Give every possible size (a set or an inequality in $x$)."),
             answer=f"{lower} \\le x < {upper + 1}", reference=list(range(lower, upper + 1)),
             options={"integer": True, "variable": "x", "partial": True}, mistakes=(
                 KnownMistake(f"\\{{{lower}\\}}", "The floor in the size formula means several input sizes give the same output: give all of them.", 0.5),)),
        _count_part(make, "params-7x7", "Task 2 Trainable parameters of a 7x7 convolution",
                    f"How many trainable parameters are in {LAYER_TEXT}?",
                    parameter_count(32, 64, (7, 7)), "32 * 7 * 7 * 64", (
                        KnownMistake("32 * 7 * 7 * 64 + 64", "This layer has no bias term."),
                        KnownMistake("7 * 7 * 64", "Each of the 64 kernels spans all 32 input channels."))),
        _count_part(make, "multiplications", "Task 2 Multiplications of the 7x7 convolution",
                    f"How many multiplications are performed in {LAYER_TEXT}?", MULTIPLICATIONS,
                    "49 * 32 * 25 * 64", (
                        KnownMistake("49 * 32 * 169 * 64", "With stride 3 the kernel fits only $\\lfloor (19-7)/3 \\rfloor + 1 = 5$ times per dimension."),)),
        _count_part(make, "additions", "Task 2 Additions of the 7x7 convolution",
                    f"How many additions are performed in {LAYER_TEXT}?", ADDITIONS,
                    "(49 * 32 - 1) * 25 * 64", (
                        KnownMistake("48 * 32 * 25 * 64", "Each output sums all $49 \\cdot 32$ products across the input channels: that takes $49 \\cdot 32 - 1$ additions."),
                        KnownMistake("49 * 32 * 25 * 64", "Adding $n$ numbers takes $n - 1$ additions.", 0.5))),
        _count_part(make, "params-1x1", "Task 2 Trainable parameters of a 1x1 convolution",
                    ("How many trainable parameters are in a 2-D convolutional layer with input (512, 25, 25), kernel "
                     "size (1, 1), stride 1, 128 kernel channels, padding 2, no bias term?"),
                    parameter_count(512, 128, (1, 1)), "512 * 128", (
                        KnownMistake("512 * 128 + 128", "This layer has no bias term."),
                        KnownMistake("512 * 128 * 29 * 29", "Parameters are shared across positions: padding and input size do not change them."))),
    ]
