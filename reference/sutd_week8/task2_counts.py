"""Task 2: trainable parameters, multiplications and additions of convolutional layers (no bias)."""

import math

from reference.models.conv import output_size
from reference.part import KnownMistake, Part, PartMaker

LAYER = {"channels_in": 32, "size": 19, "kernel": 7, "stride": 3, "padding": 0, "channels_out": 64}
POINTWISE = {"channels_in": 512, "size": 25, "kernel": 1, "stride": 1, "padding": 2, "channels_out": 128}


def _layer_text(channels_in: int, size: int, kernel: int, stride: int, padding: int, channels_out: int) -> str:
    pad = "no padding" if padding == 0 else f"padding {padding}"
    return (f"a 2-D convolutional layer with input $({channels_in}, {size}, {size})$, kernel size $({kernel}, {kernel})$, "
            f"stride {stride}, {channels_out} kernel channels, {pad}, no bias term")


def parameters(channels_in: int, kernel: int, channels_out: int, **_: int) -> int:
    return channels_in * kernel * kernel * channels_out


def positions(size: int, kernel: int, stride: int, padding: int, **_: int) -> int:
    return output_size(size, kernel, stride=stride, padding=padding) ** 2


def inner_product_length(channels_in: int, kernel: int, **_: int) -> int:
    return channels_in * kernel * kernel


def multiplications(**layer: int) -> int:
    return inner_product_length(**layer) * positions(**layer) * layer["channels_out"]


def additions(**layer: int) -> int:
    # Each output value sums n = C_in k^2 products: n - 1 additions, over all channels at once.
    return (inner_product_length(**layer) - 1) * positions(**layer) * layer["channels_out"]


def parts(make: PartMaker) -> list[Part]:
    layer, k2, c_in, c_out = LAYER, LAYER["kernel"] ** 2, LAYER["channels_in"], LAYER["channels_out"]
    n = positions(**layer)
    count = f"How many trainable parameters are in {_layer_text(**layer)}?"
    ops = f"Consider {_layer_text(**layer)}. How many {{}} are performed to compute its output?"
    per_channel = (k2 - 1) * c_in * n * c_out
    return [
        make("task2", "parameters", title="Task 2: parameters of a 7x7 convolution", kind="integer", points=0.5,
             prompt=count, answer=f"{c_in} * {layer['kernel']} * {layer['kernel']} * {c_out}",
             reference=parameters(**layer), mistakes=(
                 KnownMistake(str(k2 * c_out), "Each of the 64 kernels spans all 32 input channels: multiply by the "
                                               "input channels too."),
                 KnownMistake(str(parameters(**layer) + c_out), "The layer has no bias term."))),
        make("task2", "multiplications", title="Task 2: multiplications of a 7x7 convolution", kind="integer",
             points=0.5, prompt=ops.format("multiplications"), answer=f"{k2}*{c_in}*{n}*{c_out}",
             reference=multiplications(**layer), mistakes=(
                 KnownMistake(str(k2 * c_in * c_out), f"That is one output position; the kernel is placed at "
                                                      f"{math.isqrt(n)} x {math.isqrt(n)} = {n} positions."),
                 KnownMistake(str(k2 * c_in * (layer["size"] - layer["kernel"] + 1) ** 2 * c_out),
                              "With stride 3 the kernel is placed only every third position: floor((19 - 7)/3) + 1 = 5 "
                              "per axis."))),
        make("task2", "additions", title="Task 2: additions of a 7x7 convolution", kind="integer", points=0.5,
             prompt=ops.format("additions"), answer=f"({k2}*{c_in}-1)*{n}*{c_out}",
             reference=additions(**layer), mistakes=(
                 KnownMistake(str(per_channel),
                              f"Adding the {k2} products within each channel is not all: the {c_in} per-channel sums are "
                              f"added too. One output is a single inner product of {k2 * c_in} terms: "
                              f"{k2 * c_in - 1} additions.", 0.5),
                 KnownMistake(str(multiplications(**layer)),
                              "Summing n numbers takes n - 1 additions, not n (there is no bias to add).", 0.5))),
        make("task2", "parameters-pointwise", title="Task 2: parameters of a 1x1 convolution", kind="integer",
             points=0.5, prompt=f"How many trainable parameters are in {_layer_text(**POINTWISE)}?",
             answer=f"{POINTWISE['channels_in']} * {POINTWISE['channels_out']}", reference=parameters(**POINTWISE), mistakes=(
                 KnownMistake(str(POINTWISE["channels_out"]), "A 1x1 kernel still spans all 512 input channels."),
                 KnownMistake(str(parameters(**POINTWISE) * positions(**POINTWISE)),
                              "Parameters are shared across positions: padding and the input size do not change them."))),
    ]
