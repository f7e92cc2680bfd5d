r"""Orders of growth: a candidate is right iff it is an upper bound written with O and of the same order as the
count or depth computed on the model (instrumented loops and dependency DAGs, closed forms checked in
test_models.py); letters that are not the question's sizes get values of their own."""

from __future__ import annotations

import math
from functools import cache

from tests.adversarial import models_counts as mc
from tests.adversarial.judge import Case


def _bigo(pid, truth, sizes, cands):
    truth = cache(truth)  # the same sizes come back for every candidate
    ref, _, ref_fn, _, _ = cands[0]
    inner = ref[2:-1]
    cands = [
        *cands,
        (f"$O({inner})$", "O", ref_fn, (), "the reference in $...$"),
        (f"o({inner})", "o", ref_fn, (), "little-o: strictly smaller order, which is false"),
        (r"O(\infty)", "O", lambda **kw: math.inf, (), "infinite: not an order of growth"),
        (r"O(0 \cdot " + inner + ")", "O", lambda **kw: 0, (), "O(0): nothing grows"),
        (f"O({inner}) + O(N)", "O", lambda **kw: ref_fn(**{k: kw[k] for k in sizes}) + kw["N"], ("N",), "adds N"),
    ]
    cases = []
    for ans, op, fn, extra, why in cands:
        ok = op == "O" and mc.theta_equivalent(truth, fn, sizes, extra)
        if extra:
            assert not ok
            why = f"{why}; letters {', '.join(extra)} are not sizes of the question"
        cases.append(Case(pid, ans, ok, why))
    return cases


def bigo() -> list:
    cases = []
    # MDRNN operations: the instrumented forward pass equals the closed form (test_models), which is used at scale
    ops = mc.mdrnn_ops_closed
    cases += _bigo(
        "csc421-2019-hw4/q2/operations",
        ops,
        "GDH",
        [
            ("O(G^2 (D H + H^2))", "O", lambda G, D, H: G**2 * (D * H + H**2), (), "reference"),
            (r"O(G^2 H \max(D, H))", "O", lambda G, D, H: G**2 * H * max(D, H), (), "D + H is within 2x of max(D, H)"),
            ("O(G^2 D H + G^2 H^2)", "O", lambda G, D, H: G**2 * D * H + G**2 * H**2, (), "expanded"),
            ("O(G^2 H (D + H))", "O", lambda G, D, H: G**2 * H * (D + H), (), "factored"),
            ("O(2 G^2 (D H + 2 H^2))", "O", lambda G, D, H: 2 * G**2 * (D * H + 2 * H**2), (), "constants"),
            (r"\mathcal{O}(G^2(DH+H^2))", "O", lambda G, D, H: G**2 * (D * H + H**2), (), "mathcal O"),
            ("O(G^2 H^2)", "O", lambda G, D, H: G**2 * H**2, (), "drops D H (wrong when D >> H)"),
            ("O(G^2 D H)", "O", lambda G, D, H: G**2 * D * H, (), "drops H^2 (wrong when H >> D)"),
            ("O(G (D H + H^2))", "O", lambda G, D, H: G * (D * H + H**2), (), "G instead of G^2"),
            ("O(D H + H^2)", "O", lambda G, D, H: D * H + H**2, (), "per square only"),
            ("O(G^2 (D + H))", "O", lambda G, D, H: G**2 * (D + H), (), "per unit, not per weight"),
            ("O(G^2 D H^2)", "O", lambda G, D, H: G**2 * D * H**2, (), "too loose"),
            (r"\Omega(G^2 (D H + H^2))", "Omega", lambda G, D, H: G**2 * (D * H + H**2), (), "a lower bound, not O"),
            (r"\Theta(G^2 H^2)", "Theta", lambda G, D, H: G**2 * H**2, (), "wrong order (and Theta)"),
            ("O(G^2 (D H + H^2) + N)", "O", lambda G, D, H, N: G**2 * (D * H + H**2) + N, ("N",), "adds N"),
            (
                "O(d k^2 H W T)",
                "O",
                lambda G, D, H, d, k, W, T: d * k**2 * H * W * T,
                ("d", "k", "W", "T"),
                "another question's answer",
            ),
        ],
    )
    wn = mc.wavenet_connections_closed
    cases += _bigo(
        "csc413-2020-hw4/q2.1.1/connections",
        wn,
        "dkT",
        [
            ("O(d k^2 T)", "O", lambda d, k, T: d * k**2 * T, (), "reference"),
            ("O(2 d k^2 T)", "O", lambda d, k, T: 2 * d * k**2 * T, (), "constant 2 (filter width)"),
            ("O(T d k^2)", "O", lambda d, k, T: d * k**2 * T, (), "reordered"),
            (r"O(d \cdot k^2 \cdot T)", "O", lambda d, k, T: d * k**2 * T, (), "with \\cdot"),
            (r"\mathcal{O}\left(d k^2 T\right)", "O", lambda d, k, T: d * k**2 * T, (), "\\left( \\right)"),
            (r"O(d\,k^2\,T)", "O", lambda d, k, T: d * k**2 * T, (), "thin spaces"),
            (r"d \cdot O(k^2 T)", "O", lambda d, k, T: d * k**2 * T, (), "d times O(k^2 T)"),
            ("O(dk^2T)", "O", lambda d, k, T: d * k**2 * T, (), "no spaces"),
            (r"O(\frac{d k^2 T}{0})", "O", lambda d, k, T: math.inf, (), "infinite"),
            ("O(d k T)", "O", lambda d, k, T: d * k * T, (), "k instead of k^2"),
            ("O(k^2 T)", "O", lambda d, k, T: k**2 * T, (), "drops d"),
            ("O(2^d k^2 T)", "O", lambda d, k, T: 2 ** min(d, 3000) * k**2 * T, (), "exponential in d"),
            ("O(d k^2 T^2)", "O", lambda d, k, T: d * k**2 * T**2, (), "T^2"),
            (r"O(d k^2 \log T)", "O", lambda d, k, T: d * k**2 * mc.ilog(T), (), "log T"),
            (r"O(d k^2 T \log T)", "O", lambda d, k, T: d * k**2 * T * mc.ilog(T), (), "extra log T"),
            (r"\Omega(d k^2 T)", "Omega", lambda d, k, T: d * k**2 * T, (), "a lower bound, not O"),
            ("O(d + N)", "O", lambda d, k, T, N: d + N, ("N",), "not the count"),
            ("O(d k^2 H W T)", "O", lambda d, k, T, H, W: d * k**2 * H * W * T, ("H", "W"), "image sizes"),
        ],
    )
    depth = lambda d, T: d  # noqa: E731  (the DAG depth, checked against wavenet_depth in test_models)
    cases += _bigo(
        "csc413-2020-hw4/q2.1.2/parallel",
        depth,
        "dT",
        [
            ("O(d)", "O", lambda d, T: d, (), "reference"),
            (r"O(d) \text{ or } O(T)", "O", lambda d, T: T, (), "hedges between two answers"),
            ("O(2d + 1)", "O", lambda d, T: 2 * d + 1, (), "constants"),
            ("O(T)", "O", lambda d, T: T, (), "sampling-time sequentiality, not training"),
            (r"O(d) \cdot T", "O", lambda d, T: d * T, (), "O(d) times T is O(d T)"),
            ("O(d) + O(T)", "O", lambda d, T: d + T, (), "O(d) + O(T) is O(d + T)"),
            (r"T \cdot O(1)", "O", lambda d, T: T, (), "O(T)"),
            ("O(d k^2 T)", "O", lambda d, T, k: d * k**2 * T, ("k",), "the number of connections, not of steps"),
            (r"O(\log d)", "O", lambda d, T: mc.ilog(d), (), "log of the depth"),
            ("O(d T)", "O", lambda d, T: d * T, (), "no parallelism within a layer"),
            (r"O(\log T)", "O", lambda d, T: mc.ilog(T), (), "receptive-field depth"),
            ("O(1)", "O", lambda d, T: 1, (), "layers are sequential"),
            ("O(d + T)", "O", lambda d, T: d + T, (), "adds T"),
            ("O(2^d)", "O", lambda d, T: 2 ** min(d, 3000), (), "the receptive field, not the depth"),
            (r"\Theta(T)", "Theta", lambda d, T: T, (), "wrong order"),
            (r"\Omega(d)", "Omega", lambda d, T: d, (), "a lower bound, not O"),
            (r"O(d \log n)", "O", lambda d, T, n: d * mc.ilog(n), ("n",), "log of n, not a size of the question"),
            ("O(d + N)", "O", lambda d, T, N: d + N, ("N",), "adds N"),
        ],
    )
    px = mc.pixelcnn_connections_closed
    cases += _bigo(
        "csc413-2020-hw4/q2.2.1/connections",
        px,
        "dkHW",
        [
            ("O(d k^2 H W)", "O", lambda d, k, H, W: d * k**2 * H * W, (), "reference"),
            ("O(4 d k^2 H W)", "O", lambda d, k, H, W: 4 * d * k**2 * H * W, (), "constant 4"),
            (r"O(d k^2 H \times W)", "O", lambda d, k, H, W: d * k**2 * H * W, (), "the seed's spelling"),
            ("O(d k H W)", "O", lambda d, k, H, W: d * k * H * W, (), "k instead of k^2"),
            ("O(k^2 H W)", "O", lambda d, k, H, W: k**2 * H * W, (), "drops d"),
            ("O(d k^2 (H + W))", "O", lambda d, k, H, W: d * k**2 * (H + W), (), "H + W instead of H W"),
            ("O(d k^2 H^2)", "O", lambda d, k, H, W: d * k**2 * H**2, (), "assumes a square image"),
            ("O(d k^2 H W T)", "O", lambda d, k, H, W, T: d * k**2 * H * W * T, ("T",), "adds T"),
            (r"\Omega(d k^2 H W)", "Omega", lambda d, k, H, W: d * k**2 * H * W, (), "a lower bound, not O"),
            ("O(9 d k^2 H W)", "O", lambda d, k, H, W: 9 * d * k**2 * H * W, (), "constant 9: still the same order"),
        ],
    )
    cases += _bigo(
        "csc413-2020-hw4/q2.2.2/parallel",
        lambda d, H, W: d,
        "dHW",
        [
            ("O(d)", "O", lambda d, H, W: d, (), "reference"),
            ("O(d + 1)", "O", lambda d, H, W: d + 1, (), "constant"),
            ("O(d H W)", "O", lambda d, H, W: d * H * W, (), "no parallelism within a layer"),
            ("O(H + W)", "O", lambda d, H, W: H + W, (), "MDRNN-style diagonal"),
            ("O(d + H + W)", "O", lambda d, H, W: d + H + W, (), "that is the MDRNN"),
            ("O(H W)", "O", lambda d, H, W: H * W, (), "sampling order, not training"),
            (r"\Omega(d)", "Omega", lambda d, H, W: d, (), "a lower bound, not O"),
            ("O(d + N)", "O", lambda d, H, W, N: d + N, ("N",), "adds N"),
            (r"O(d \log n)", "O", lambda d, H, W, n: d * mc.ilog(n), ("n",), "log of n, not a size of the question"),
        ],
    )
    cases += _bigo(
        "csc413-2020-hw4/q2.3.1/connections",
        mc.mdrnn_stack_connections,
        "dkHW",
        [
            ("O(d k^2 H W)", "O", lambda d, k, H, W: d * k**2 * H * W, (), "reference"),
            ("O(3 d k^2 H W)", "O", lambda d, k, H, W: 3 * d * k**2 * H * W, (), "constant 3"),
            ("O(d k^2)", "O", lambda d, k, H, W: d * k**2, (), "weights, not connections"),
            ("O(k^2 H W)", "O", lambda d, k, H, W: k**2 * H * W, (), "drops d"),
            ("O(d k H W)", "O", lambda d, k, H, W: d * k * H * W, (), "k instead of k^2"),
            ("O(d k^3 H W)", "O", lambda d, k, H, W: d * k**3 * H * W, (), "k^3"),
            ("O(d k^2 H W T)", "O", lambda d, k, H, W, T: d * k**2 * H * W * T, ("T",), "adds T"),
            (r"\Omega(d k^2 H W)", "Omega", lambda d, k, H, W: d * k**2 * H * W, (), "a lower bound, not O"),
        ],
    )
    cases += _bigo(
        "csc413-2020-hw4/q2.3.2/parallel",
        mc.grid_depth_closed,
        "dHW",
        [
            ("O(d + H + W)", "O", lambda d, H, W: d + H + W, (), "reference"),
            ("O(H + W + d)", "O", lambda d, H, W: d + H + W, (), "reordered"),
            ("O(d) + O(H) + O(W)", "O", lambda d, H, W: d + H + W, (), "sum of orders"),
            (r"O(d) \cdot O(H + W)", "O", lambda d, H, W: d * (H + W), (), "product of orders: O(d (H + W))"),
            (r"O(\max(d, H, W))", "O", lambda d, H, W: max(d, H, W), (), "max is within a factor 3 of the sum"),
            ("O(d + H + W - 2)", "O", lambda d, H, W: d + H + W - 2, (), "exact depth"),
            ("O(d H W)", "O", lambda d, H, W: d * H * W, (), "the seed's answer: no parallelism at all"),
            ("O(d (H + W))", "O", lambda d, H, W: d * (H + W), (), "layers are pipelined: depths add, not multiply"),
            ("O(H + W)", "O", lambda d, H, W: H + W, (), "drops d"),
            ("O(d)", "O", lambda d, H, W: d, (), "drops the diagonal chain"),
            ("O(d + 2H)", "O", lambda d, H, W: d + 2 * H, (), "assumes a square image"),
            ("O(H W)", "O", lambda d, H, W: H * W, (), "one pixel per step"),
            (r"\Omega(d + H + W)", "Omega", lambda d, H, W: d + H + W, (), "a lower bound, not O"),
            ("O(d + H + W + N)", "O", lambda d, H, W, N: d + H + W + N, ("N",), "adds N"),
        ],
    )
    return cases
