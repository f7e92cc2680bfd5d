"""My own model of the parameterised convolution questions, written from the seeds (SUTD week 8 task 2, NYU HW2
1.1(a)) and the prompts, never from the service's reference code.

Each question's answer is computed twice: from the values the variant endpoint shows, and from the numbers written
in the variant's prompt (read back with a regular expression). The two must agree, and the closed forms are
themselves checked against brute force (sliding a window over a NumPy array and counting) in test_model_*.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

NYU_SIZE = "nyu-dl-hw2/q1.1/a-output-size"
PADDED = "sutd-50039-week8/task2/output-size-padded"
RECTANGULAR = "sutd-50039-week8/task2/output-size-rectangular"
INPUT_SIZE = "sutd-50039-week8/task2/input-size"
PARAMETERS = "sutd-50039-week8/task2/parameters"
MULTIPLICATIONS = "sutd-50039-week8/task2/multiplications"
ADDITIONS = "sutd-50039-week8/task2/additions"
POINTWISE = "sutd-50039-week8/task2/parameters-pointwise"


def out_len(size: int, kernel: int, stride: int, padding: int = 0) -> int:
    """Positions of a window of `kernel` moved by `stride` over `size` cells padded by `padding` on each side."""
    return (size + 2 * padding - kernel) // stride + 1


def out_len_brute(size: int, kernel: int, stride: int, padding: int = 0) -> int:
    """The same by sliding the window over a real array and counting the placements that fit."""
    cells = np.arange(size + 2 * padding)
    return sum(1 for start in cells[::stride] if start + kernel <= cells.size)


def input_sizes(output: int, kernel: int, stride: int, padding: int) -> range:
    """Every input size x of a 1-D convolution whose output has `output` positions (floor((x+2p-k)/s)+1 = output)."""
    low = (output - 1) * stride + kernel - 2 * padding
    return range(low, low + stride)


def conv_ops_brute(channels_in: int, size: int, kernel: int, stride: int, channels_out: int) -> tuple[int, int]:
    """(multiplications, additions) of a bias-free unpadded 2-D convolution, counted while computing it in NumPy."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((channels_in, size, size))
    w = rng.standard_normal((channels_out, channels_in, kernel, kernel))
    side = out_len(size, kernel, stride)
    mults = adds = 0
    for i in range(side):
        for j in range(side):
            patch = x[:, i * stride:i * stride + kernel, j * stride:j * stride + kernel]
            products = w * patch  # one product per weight of every filter
            mults += products.size
            adds += channels_out * (products[0].size - 1)  # summing n products takes n - 1 additions
    return mults, adds


@dataclass(frozen=True)
class Expected:
    """The answer a student with these values must give, as text to submit and as a comparable value."""

    text: str
    value: object


def _pair(a: int, b: int, times: bool = False) -> Expected:
    return Expected(f"{a} \\times {b}" if times else f"({a}, {b})", (a, b))


def _int(n: int) -> Expected:
    return Expected(str(n), n)


def _nyu_dims(v: dict[str, int]) -> tuple[int, int]:
    return out_len(v["height"], v["kernel"], v["stride"]), out_len(v["width"], v["kernel"], v["stride"])


def _padded_dims(v: dict[str, int]) -> tuple[int, int]:
    k, s, p = v["kernel"], v["stride"], v["padding"]
    return out_len(v["height"], k, s, p), out_len(v["width"], k, s, p)


def _rectangular_dims(v: dict[str, int]) -> tuple[int, int]:
    return out_len(v["size"], v["kernel_height"], v["stride"]), out_len(v["size"], v["kernel_width"], v["stride"])


def _nyu(v: dict[str, int]) -> Expected:
    return _pair(*_nyu_dims(v), times=True)


def _padded(v: dict[str, int]) -> Expected:
    return _pair(*_padded_dims(v))


def _rectangular(v: dict[str, int]) -> Expected:
    return _pair(*_rectangular_dims(v))


def _input_size(v: dict[str, int]) -> Expected:
    xs = input_sizes(v["output"], v["kernel"], v["stride"], v["padding"])
    return Expected(f"{xs.start} \\le x < {xs.stop}", (xs.start, xs.stop))


def _side(v: dict[str, int]) -> int:
    return out_len(v["size"], v["kernel"], v["stride"])


def _parameters(v: dict[str, int]) -> Expected:
    return _int(v["channels_in"] * v["kernel"] ** 2 * v["channels_out"])


def _multiplications(v: dict[str, int]) -> Expected:
    return _int(v["kernel"] ** 2 * v["channels_in"] * _side(v) ** 2 * v["channels_out"])


def _additions(v: dict[str, int]) -> Expected:
    return _int((v["kernel"] ** 2 * v["channels_in"] - 1) * _side(v) ** 2 * v["channels_out"])


def _pointwise(v: dict[str, int]) -> Expected:
    return _int(v["channels_in"] * v["channels_out"])


ANSWER: dict[str, Callable[[dict[str, int]], Expected]] = {
    NYU_SIZE: _nyu, PADDED: _padded, RECTANGULAR: _rectangular, INPUT_SIZE: _input_size,
    PARAMETERS: _parameters, MULTIPLICATIONS: _multiplications, ADDITIONS: _additions, POINTWISE: _pointwise,
}

# The spatial outputs each question's values produce: the README says a draw with an output of one position is
# redrawn, so every one of them must be at least 2.
OUTPUTS: dict[str, Callable[[dict[str, int]], list[int]]] = {
    NYU_SIZE: lambda v: list(_nyu_dims(v)),
    PADDED: lambda v: list(_padded_dims(v)),
    RECTANGULAR: lambda v: list(_rectangular_dims(v)),
    INPUT_SIZE: lambda v: [v["output"]],
    PARAMETERS: lambda v: [_side(v)],
    MULTIPLICATIONS: lambda v: [_side(v)],
    ADDITIONS: lambda v: [_side(v)],
    POINTWISE: lambda v: [out_len(v["size"], 1, 1, v["padding"])],
}

N = r"(\d+)"
_PROMPT = {
    NYU_SIZE: (rf"dimension \$?{N}\s*\\times\s*{N}\$?.*?\$?{N}\s*\\times\s*{N}\$?\s*kernel,\s*stride of {N}",
               ("height", "width", "kernel", "kernel", "stride")),
    PADDED: (rf"input size \$\({N},\s*{N}\)\$.*?kernel of size \$\({N},\s*{N}\)\$ and stride {N} with padding of {N}",
             ("height", "width", "kernel", "kernel", "stride", "padding")),
    RECTANGULAR: (rf"input size \$\({N},\s*{N}\)\$.*?kernel of size \$\({N},\s*{N}\)\$ and stride {N}",
                  ("size", "size", "kernel_height", "kernel_width", "stride")),
    INPUT_SIZE: (rf"kernel of size {N} and stride {N} with padding {N}.*?output size of {N}",
                 ("kernel", "stride", "padding", "output")),
    POINTWISE: (rf"input \$\({N},\s*{N},\s*{N}\)\$.*?{N} kernel channels, padding {N}",
                ("channels_in", "size", "size", "channels_out", "padding")),
}
_CONV = (rf"input \$\({N},\s*{N},\s*{N}\)\$, kernel size \$\({N},\s*{N}\)\$, stride {N}, {N} kernel channels",
         ("channels_in", "size", "size", "kernel", "kernel", "stride", "channels_out"))
_PROMPT |= {PARAMETERS: _CONV, MULTIPLICATIONS: _CONV, ADDITIONS: _CONV}


def values_in_prompt(question_id: str, prompt: str) -> dict[str, int] | None:
    """The parameter values written in a prompt, or None when the prompt does not read as the template."""
    pattern, names = _PROMPT[question_id]
    match = re.search(pattern, prompt, flags=re.S)
    if match is None:
        return None
    found: dict[str, int] = {}
    for name, text in zip(names, match.groups(), strict=True):
        if found.setdefault(name, int(text)) != int(text):
            return None  # a square size or kernel written with two different numbers
    return found
