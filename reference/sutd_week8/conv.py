"""A 2-D convolution (stride, zero padding, dilation) that counts its scalar operations as it runs.

The bank's shapes and operation counts for convolution questions are read off actual runs of this loop,
so that the floor formula of the prompts is checked against a computation, not restated.
"""

from dataclasses import dataclass

import numpy as np

Pair = int | tuple[int, int]


@dataclass
class OperationCount:
    multiplications: int = 0
    additions: int = 0


def _pair(value: Pair) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else value


def output_size(size: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """floor((size + 2 padding - dilation (kernel - 1) - 1) / stride) + 1: the positions a kernel fits."""
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def convolve(x: np.ndarray, kernels: np.ndarray, stride: Pair = 1, padding: Pair = 0,
             dilation: Pair = 1) -> tuple[np.ndarray, OperationCount]:
    """Cross-correlate x (C_in, H, W) with kernels (C_out, C_in, kh, kw); every output is one inner product."""
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    channels_out, _, kh, kw = kernels.shape
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)))
    rows = (padded.shape[1] - dh * (kh - 1) - 1) // sh + 1
    cols = (padded.shape[2] - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((channels_out, rows, cols))
    count = OperationCount()
    for k in range(channels_out):
        for r in range(rows):
            for c in range(cols):
                window = padded[:, r * sh: r * sh + dh * (kh - 1) + 1: dh, c * sw: c * sw + dw * (kw - 1) + 1: dw]
                out[k, r, c] = np.sum(window * kernels[k])
                count.multiplications += window.size
                count.additions += window.size - 1   # summing n products takes n - 1 additions
    return out, count


def input_sizes(output: int, kernel: int, stride: int, padding: int, *, largest: int = 1000) -> set[int]:
    """Every input length (up to `largest`) whose convolution has the given output length."""
    return {size for size in range(1, largest + 1) if output_size(size, kernel, stride, padding) == output}
