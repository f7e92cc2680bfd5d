"""Counting models: real convolutions (shapes read off the result, operations counted while computing), MDRNN,
WaveNet and PixelCNN connection counts and dependency depths, and the order-of-growth comparison used for big-O."""

from __future__ import annotations

import itertools
import math

import numpy as np


# ---------------------------------------------------------------------------------------------------------------
# Convolutions: real (naive) cross-correlations, shapes read off the result, operations counted while computing
# ---------------------------------------------------------------------------------------------------------------
def conv2d(x, w, stride=(1, 1), padding=(0, 0), dilation=(1, 1)):
    """x: (C, H, W), w: (F, C, KH, KW). PyTorch semantics (dilation 1 = ordinary). Returns (out, mults, adds)."""
    _C, _H, _W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (padding[0], padding[0]), (padding[1], padding[1])))
    eff_h, eff_w = dilation[0] * (KH - 1) + 1, dilation[1] * (KW - 1) + 1
    rows = list(range(0, xp.shape[1] - eff_h + 1, stride[0]))
    cols = list(range(0, xp.shape[2] - eff_w + 1, stride[1]))
    out = np.zeros((F, len(rows), len(cols)))
    mults = adds = 0
    for oi, r in enumerate(rows):
        for oj, c in enumerate(cols):
            patch = xp[:, r : r + eff_h : dilation[0], c : c + eff_w : dilation[1]]
            prods = patch[None] * w  # (F, C, KH, KW): one multiplication per element
            mults += prods.size
            adds += F * (prods[0].size - 1)  # summing n products takes n - 1 additions
            out[:, oi, oj] = prods.reshape(F, -1).sum(axis=1)
    return out, mults, adds


def conv1d_len(n, k, stride, padding, dilation=1):
    out, _, _ = conv2d(np.ones((1, 1, n)), np.ones((1, 1, 1, k)), (1, stride), (0, padding), (1, dilation))
    return out.shape[2]


def conv_param_count(c_in, c_out, kh, kw, bias=False):
    w = np.zeros((c_out, c_in, kh, kw))
    return w.size + (c_out if bias else 0)


# ---------------------------------------------------------------------------------------------------------------
# MDRNN, WaveNet, PixelCNN: weights, instrumented operation counts, connection counts, dependency depths
# ---------------------------------------------------------------------------------------------------------------
def mdrnn_weights(D, H):
    W_in, W_W, W_N = np.zeros((D, H)), np.zeros((H, H)), np.zeros((H, H))
    return W_in.size + W_W.size + W_N.size


def mdrnn_forward_ops(G, D, H, rng=None):
    """Runs the MDRNN on a G x G grid and counts multiplications, additions and activations as they happen."""
    rng = rng or np.random.default_rng(0)
    W_in, W_W, W_N = (rng.normal(size=s) for s in ((D, H), (H, H), (H, H)))
    x = rng.normal(size=(G, G, D))
    h = np.zeros((G + 1, G + 1, H))  # h[0, :], h[:, 0] are the zero boundary
    ops = 0
    for i in range(1, G + 1):
        for j in range(1, G + 1):
            total = np.zeros(H)
            for M, v in ((W_in, x[i - 1, j - 1]), (W_W, h[i - 1, j]), (W_N, h[i, j - 1])):
                total = total + M.T @ v
                ops += M.size + (M.shape[0] - 1) * M.shape[1]  # mat-vec: mults + adds
            ops += 2 * H  # adding three vectors
            h[i, j] = np.tanh(total)
            ops += H  # the non-linearity
    return ops


def mdrnn_ops_closed(G, D, H):
    return G * G * (D * H + (D - 1) * H + 2 * (H * H + (H - 1) * H) + 3 * H)


def grid_depth(G_rows, G_cols, layers=1):
    """Longest dependency chain of a stack of MDRNN layers: (l,i,j) needs (l,i-1,j), (l,i,j-1) and (l-1,i,j)."""
    lvl = np.zeros((layers + 1, G_rows + 1, G_cols + 1), dtype=int)
    for layer in range(1, layers + 1):
        for i in range(1, G_rows + 1):
            for j in range(1, G_cols + 1):
                lvl[layer, i, j] = 1 + max(lvl[layer, i - 1, j], lvl[layer, i, j - 1], lvl[layer - 1, i, j])
    return int(lvl.max())


def grid_depth_closed(d, H, W):
    return d + H + W - 2


def wavenet_connections(d, k, T):
    """Each layer l (dilation 2^(l-1)) connects position t to t and t - 2^(l-1) (if it exists), k x k channels."""
    total = 0
    for layer in range(1, d + 1):
        dil = 2 ** (layer - 1)
        for t in range(T):
            taps = 1 + (t - dil >= 0)
            total += taps * k * k
    return total


def wavenet_connections_closed(d, k, T):
    # layer l has a second tap on the T - 2^(l-1) positions where it exists (l <= L): sum_l (T - 2^(l-1))
    L = min(d, (T - 1).bit_length()) if T > 1 else 0
    return k * k * (d * T + L * T - (2**L - 1))


def wavenet_depth(d, T):
    """Longest chain in the DAG of a stack of causal convolutions, all inputs known."""
    lvl = np.zeros((d + 1, T), dtype=int)
    for layer in range(1, d + 1):
        dil = 2 ** (layer - 1)
        for t in range(T):
            prev = [lvl[layer - 1, t]] + ([lvl[layer - 1, t - dil]] if t - dil >= 0 else [])
            lvl[layer, t] = 1 + max(prev)
    return int(lvl.max())


PIXELCNN_OFFSETS = ((-1, -1), (-1, 0), (-1, 1), (0, -1))  # the 4 pixels above and to the left


def pixelcnn_connections(d, k, H, W):
    total = 0
    for _ in range(d):
        for i in range(H):
            for j in range(W):
                total += k * k * sum(0 <= i + di < H and 0 <= j + dj < W for di, dj in PIXELCNN_OFFSETS)
    return total


def pixelcnn_connections_closed(d, k, H, W):
    # per layer: the 4 offsets, each existing on (H - |di|) (W - |dj|) pixels
    return d * k * k * sum((H - abs(di)) * (W - abs(dj)) for di, dj in PIXELCNN_OFFSETS)


def pixelcnn_depth(d, H, W):
    """Layer l's pixels need only layer l-1's pixels (masked convolution, inputs known): one step per layer."""
    lvl = np.zeros((d + 1, H, W), dtype=int)
    for layer in range(1, d + 1):
        for i in range(H):
            for j in range(W):
                nb = [
                    lvl[layer - 1, i + di, j + dj] for di, dj in PIXELCNN_OFFSETS if 0 <= i + di < H and 0 <= j + dj < W
                ]
                lvl[layer, i, j] = 1 + max([*nb, lvl[layer - 1, i, j]])
    return int(lvl.max())


def mdrnn_stack_connections(d, k, H, W):
    return d * H * W * 3 * k * k


def mdrnn_stack_connections_counted(d, k, H, W):
    total = 0
    for _ in range(d):
        for i in range(H):
            for j in range(W):
                total += k * k  # W_in from the layer below
                total += k * k * (i > 0) + k * k * (j > 0)  # west and north neighbours, where they exist
    return total


def ilog(n: int) -> int:
    """log2 of a (huge) integer size, as an integer, so orders of growth stay exact integer arithmetic."""
    return max(1, int(n).bit_length())


def theta_equivalent(truth, candidate, variables, extra=(), scales=(8, 10**40, 10**200)) -> bool:
    """Same order of growth: truth/candidate stays within a bounded band as every subset of the sizes grows.

    Works on Python integers (exact, no overflow); letters in `extra` are not sizes of the question and get
    values of their own, independent of everything else. A bound off by a log factor moves the ratio by ~460x
    between the smallest and largest scale, a constant factor by at most ~10x.
    """
    names = tuple(variables) + tuple(extra)
    logs = []
    for combo in itertools.product(scales, repeat=len(names)):
        env = dict(zip(names, combo, strict=False))
        t, c = truth(**{n: env[n] for n in variables}), candidate(**env)
        if not (isinstance(c, int | float) and c > 0) or (isinstance(c, float) and not math.isfinite(c)):
            return False
        logs.append(math.log(t) - math.log(c))
    return max(logs) - min(logs) < math.log(100)
