"""Task 2: trainable parameters, multiplications and additions of convolutional layers (no bias)."""

import math
from typing import Any

from reference.models.conv import output_size
from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters

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


def _sensible(**values: int) -> bool:
    """The kernel fits more than once and each known mistake differs from the answer and from the other mistakes."""
    layer = LAYER | values
    n = positions(**layer)
    return n > 1 and layer["channels_in"] > 1 and n != (layer["size"] - layer["kernel"] + 1) ** 2


# The handout's layers, and the sizes a student's own version draws from (the same kinds of layers, smaller or larger).
LAYER_PARAMETERS = Parameters(
    ranges={"channels_in": (16, 24, 32, 48, 64), "size": tuple(range(15, 32)), "kernel": (3, 5, 7), "stride": (2, 3),
            "channels_out": (16, 32, 64, 128)},
    document={name: LAYER[name] for name in ("channels_in", "size", "kernel", "stride", "channels_out")},
    valid=_sensible, name="layer")
POINTWISE_PARAMETERS = Parameters(
    ranges={"channels_in": (128, 256, 384, 512, 1024), "size": tuple(range(14, 33)), "padding": (1, 2, 3),
            "channels_out": (32, 64, 128, 256)},
    document={name: POINTWISE[name] for name in ("channels_in", "size", "padding", "channels_out")},
    name="pointwise")


def _parameters_part(**values: int) -> dict[str, Any]:
    layer = LAYER | values
    k, c_in, c_out = layer["kernel"], layer["channels_in"], layer["channels_out"]
    return {
        "title": f"Task 2: parameters of a {k}x{k} convolution", "kind": "integer", "points": 0.5,
        "prompt": f"How many trainable parameters are in {_layer_text(**layer)}?", "answer": f"{c_in} * {k} * {k} * {c_out}",
        "reference": parameters(**layer), "mistakes": (
            KnownMistake(str(k * k * c_out), f"Each of the {c_out} kernels spans all {c_in} input channels: multiply by "
                                             "the input channels too."),
            KnownMistake(str(parameters(**layer) + c_out), "The layer has no bias term."))}


def _operations_prompt(layer: dict[str, int], what: str) -> str:
    return f"Consider {_layer_text(**layer)}. How many {what} are performed to compute its output?"


def _multiplications_part(**values: int) -> dict[str, Any]:
    layer = LAYER | values
    k, c_in, c_out, stride = layer["kernel"], layer["channels_in"], layer["channels_out"], layer["stride"]
    n, k2, size = positions(**layer), k * k, layer["size"]
    return {
        "title": f"Task 2: multiplications of a {k}x{k} convolution", "kind": "integer", "points": 0.5,
        "prompt": _operations_prompt(layer, "multiplications"), "answer": f"{k2}*{c_in}*{n}*{c_out}",
        "reference": multiplications(**layer), "mistakes": (
            KnownMistake(str(k2 * c_in * c_out), f"That is one output position; the kernel is placed at "
                                                 f"{math.isqrt(n)} x {math.isqrt(n)} = {n} positions."),
            KnownMistake(str(k2 * c_in * (size - k + 1) ** 2 * c_out),
                         f"With stride {stride} the kernel is placed only every {_nth(stride)} position: "
                         f"floor(({size} - {k})/{stride}) + 1 = {math.isqrt(n)} per axis."))}


def _additions_part(**values: int) -> dict[str, Any]:
    layer = LAYER | values
    k, c_in, c_out, n = layer["kernel"], layer["channels_in"], layer["channels_out"], positions(**layer)
    k2 = k * k
    return {
        "title": f"Task 2: additions of a {k}x{k} convolution", "kind": "integer", "points": 0.5,
        "prompt": _operations_prompt(layer, "additions"), "answer": f"({k2}*{c_in}-1)*{n}*{c_out}",
        "reference": additions(**layer), "mistakes": (
            KnownMistake(str((k2 - 1) * c_in * n * c_out),
                         f"Adding the {k2} products within each channel is not all: the {c_in} per-channel sums are "
                         f"added too. One output is a single inner product of {k2 * c_in} terms: "
                         f"{k2 * c_in - 1} additions.", 0.5),
            KnownMistake(str(multiplications(**layer)),
                         "Summing n numbers takes n - 1 additions, not n (there is no bias to add).", 0.5))}


def _pointwise_part(**values: int) -> dict[str, Any]:
    layer = POINTWISE | values
    c_in, c_out = layer["channels_in"], layer["channels_out"]
    return {
        "title": "Task 2: parameters of a 1x1 convolution", "kind": "integer", "points": 0.5,
        "prompt": f"How many trainable parameters are in {_layer_text(**layer)}?", "answer": f"{c_in} * {c_out}",
        "reference": parameters(**layer), "mistakes": (
            KnownMistake(str(c_out), f"A 1x1 kernel still spans all {c_in} input channels."),
            KnownMistake(str(parameters(**layer) * positions(**layer)),
                         "Parameters are shared across positions: padding and the input size do not change them."))}


def _nth(stride: int) -> str:
    return {2: "second", 3: "third"}.get(stride, f"{stride}th")


def parts(make: PartMaker) -> list[Part]:
    return [
        make.varying("task2", "parameters", LAYER_PARAMETERS, _parameters_part),
        make.varying("task2", "multiplications", LAYER_PARAMETERS, _multiplications_part),
        make.varying("task2", "additions", LAYER_PARAMETERS, _additions_part),
        make.varying("task2", "parameters-pointwise", POINTWISE_PARAMETERS, _pointwise_part),
    ]
