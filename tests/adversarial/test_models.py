"""The models behind the corpus' verdicts are right: analytic backprop against finite differences, closed forms
against instrumented loops and dependency DAGs, shapes against real convolutions, suprema against search."""

import math

import numpy as np
import pytest

from tests.adversarial import models as m
from tests.adversarial import models_bounds as mb
from tests.adversarial import models_counts as mc


@pytest.fixture
def rng():
    return np.random.default_rng(12345)


@pytest.mark.parametrize("T", [3, 6, 9])
def test_lstm_adjoints_match_finite_differences(rng, T):
    run = m.lstm_run(rng, T)
    for node in ("h", "c", "i", "f", "o", "g"):
        for t in range(1, T + 1):
            assert run.bar[node][t] == pytest.approx(m.lstm_fd_adjoint(run, node, t), abs=1e-7), (node, t)
    for name in ("ix", "ih", "gh"):
        assert run.wbar[name] == pytest.approx(m.lstm_fd_weight(run, name), abs=1e-7)


def test_lstm_direct_term_is_the_partial_of_the_loss(rng):
    run = m.lstm_run(rng, 5)
    # perturbing h(T) has no later steps: the total adjoint is the direct partial there
    assert run.dLdh[5] == pytest.approx(m.lstm_fd_adjoint(run, "h", 5), abs=1e-7)


def test_lstm_runs_start_from_non_zero_states(rng):
    run = m.lstm_run(rng, 6)
    assert run.h[0] != 0 and run.c[0] != 0


@pytest.mark.parametrize("T", [3, 7])
def test_lstm5_adjoints_match_finite_differences(rng, T):
    run = m.lstm5_run(rng, T)
    for node in ("h", "C", "i", "f", "o", "Ct"):
        for t in range(1, T + 1):
            assert run.g[node][t] == pytest.approx(m.lstm5_fd(run, node, t), abs=1e-7), (node, t)
    assert run.gW["hi"] == pytest.approx(m.lstm5_fd_weight(run, "hi"), abs=1e-7)


def test_sutd_partials_and_jacobian(rng):
    cell = m.sutd_cell(rng)
    d, eps = cell.partials(), 1e-6
    for k, key in (("i", "i"), ("f", "f"), ("o", "o"), ("u", "u")):
        fd = (cell.step(cell.hp + eps)[key] - cell.step(cell.hp - eps)[key]) / (2 * eps)
        assert d[k] == pytest.approx(fd, abs=1e-7)


def test_sigmoid_derivative(rng):
    z = rng.normal(size=20) * 3
    assert np.allclose(m.dsigmoid(z), (m.sigmoid(z + 1e-6) - m.sigmoid(z - 1e-6)) / 2e-6, atol=1e-9)


def test_forget_gate_jacobian_is_sigma_prime_times_U(rng):
    Wf, Uf, x, h = rng.normal(size=(4, 3)), rng.normal(size=(4, 4)), rng.normal(size=3), rng.normal(size=4)
    J = m.forget_jacobian_fd(Wf, Uf, x, h)
    assert np.allclose(J, m.dsigmoid(Wf @ x + Uf @ h)[:, None] * Uf, atol=1e-8)


@pytest.mark.parametrize("a", [0.0, 2.0, -3.0])
def test_forget_argmax_beats_random_search(rng, a):
    u = rng.normal(size=4)
    h, best = mb.forget_argmax_and_max(u, a)
    _, searched = m.unit_argmax_search(u, a, rng)
    assert np.linalg.norm(h) == pytest.approx(1.0)
    assert best >= searched - 1e-12
    assert best == pytest.approx(m.sigmoid(a + np.linalg.norm(u)))


@pytest.mark.parametrize("D", [1, 2, 4])
def test_momentum_jacobian_and_inverse(rng, D):
    mod = m.momentum_model(rng, D)
    th, p = rng.normal(size=D), rng.normal(size=D)
    assert np.allclose(mod.jacobian(th, p), mod.jacobian_fd(th, p), atol=1e-7)
    assert np.linalg.det(mod.jacobian(th, p)) == pytest.approx(mod.beta**D, rel=1e-10)
    eps = 1e-6
    g_fd = np.array([(mod.J(th + e) - mod.J(th - e)) / (2 * eps) for e in np.eye(D) * eps])
    assert np.allclose(mod.grad(th), g_fd, atol=1e-7)
    th1, p1 = mod.step(th, p)
    assert np.allclose(th1 - p1, th)
    assert np.allclose((p1 + mod.alpha * mod.grad(th)) / mod.beta, p)


@pytest.mark.parametrize(
    "x_shape, w_shape, stride, padding, dilation",
    [((1, 19, 27), (1, 1, 3, 3), 2, 0, 1), ((2, 10, 12), (3, 2, 3, 3), 1, 1, 2), ((1, 9, 9), (1, 1, 2, 2), 3, 2, 1)],
)
def test_conv_matches_a_scalar_loop(rng, x_shape, w_shape, stride, padding, dilation):
    x, w = rng.normal(size=x_shape), rng.normal(size=w_shape)
    out, mults, adds = mc.conv2d(x, w, (stride, stride), (padding, padding), (dilation, dilation))
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    F, C, K, _ = w.shape
    ref_mults = 0
    for f in range(F):
        for i in range(out.shape[1]):
            for j in range(out.shape[2]):
                acc = 0.0
                for c in range(C):
                    for a in range(K):
                        for b in range(K):
                            acc += xp[c, i * stride + a * dilation, j * stride + b * dilation] * w[f, c, a, b]
                            ref_mults += 1
                assert out[f, i, j] == pytest.approx(acc)
    assert mults == ref_mults
    assert adds == ref_mults - out.size


def test_conv_shapes_of_the_questions():
    assert mc.conv2d(np.ones((1, 19, 27)), np.ones((1, 1, 3, 3)), (2, 2))[0].shape[1:] == (9, 13)
    assert mc.conv2d(np.ones((1, 78, 84)), np.ones((1, 1, 5, 5)), (3, 3), (2, 2))[0].shape[1:] == (26, 28)
    assert mc.conv2d(np.ones((1, 64, 64)), np.ones((1, 1, 3, 5)), (2, 2))[0].shape[1:] == (31, 30)
    assert [x for x in range(1, 100) if mc.conv1d_len(x, 9, 3, 1) == 16] == [52, 53, 54]


@pytest.mark.parametrize("G, D, H", [(1, 1, 1), (2, 3, 4), (4, 2, 5)])
def test_mdrnn_operation_count_closed_form(G, D, H):
    assert mc.mdrnn_forward_ops(G, D, H) == mc.mdrnn_ops_closed(G, D, H)


@pytest.mark.parametrize("rows, cols, layers", [(1, 1, 1), (4, 4, 1), (3, 5, 2), (6, 2, 4)])
def test_grid_depth_closed_form(rows, cols, layers):
    assert mc.grid_depth(rows, cols, layers) == mc.grid_depth_closed(layers, rows, cols)


@pytest.mark.parametrize("d, k, T", [(1, 1, 1), (2, 1, 2), (3, 2, 5), (5, 3, 9), (6, 1, 4), (10, 2, 8)])
def test_wavenet_counts(d, k, T):
    assert mc.wavenet_connections(d, k, T) == mc.wavenet_connections_closed(d, k, T)
    assert mc.wavenet_depth(d, T) == d


@pytest.mark.parametrize("d, k, H, W", [(1, 1, 2, 2), (2, 3, 4, 5), (3, 2, 6, 3)])
def test_pixelcnn_and_mdrnn_stack_counts(d, k, H, W):
    assert mc.pixelcnn_connections(d, k, H, W) == mc.pixelcnn_connections_closed(d, k, H, W)
    assert mc.pixelcnn_depth(d, H, W) == d
    counted = mc.mdrnn_stack_connections_counted(d, k, H, W)
    assert counted <= mc.mdrnn_stack_connections(d, k, H, W) <= 3 * counted


@pytest.mark.parametrize(
    "candidate, expected",
    [
        (lambda d, k, T: d * k * k * T, True),
        (lambda d, k, T: 7 * d * k * k * T + d, True),
        (lambda d, k, T: d * k * k * T * mc.ilog(T), False),
        (lambda d, k, T: k * k * T, False),
    ],
)
def test_theta_equivalence_separates_orders(candidate, expected):
    assert mc.theta_equivalent(mc.wavenet_connections_closed, candidate, "dkT") is expected


@pytest.mark.parametrize("n", [1, 2, 5])
@pytest.mark.parametrize("act, bound", [("sigmoid", lambda n: 0.25**n), ("tanh", lambda n: 1.0)])
def test_chain_supremum_is_attained_and_never_exceeded(rng, n, act, bound):
    assert mb.chain_sup(n, act) == pytest.approx(bound(n), rel=1e-12)
    for _ in range(2000):
        d = mb.chain_derivative(rng.normal() * 3, rng.normal(size=n) * 3, act)
        assert abs(d) <= bound(n) + 1e-15


@pytest.mark.parametrize("n", [1, 2, 4, 7])
def test_tanh_rnn_supremum(rng, n):
    assert mb.tanh_rnn_sup(n) == pytest.approx(0.5 ** (n - 1), rel=1e-12)
    for _ in range(200):
        W = rng.normal(size=(3, 3))
        W *= 0.5 / np.linalg.svd(W, compute_uv=False)[0]
        J = mb.tanh_rnn_jacobian(W, rng.normal(size=3) * 2, n)
        assert np.linalg.svd(J, compute_uv=False)[0] <= 0.5 ** (n - 1) + 1e-12


@pytest.mark.parametrize("s", [0.05, 0.3])
def test_residual_bounds_hold_for_random_branches(rng, s):
    assert mb.residual_extreme_singular(s, "min") == pytest.approx(1 - s)
    for _ in range(300):
        A = mb._unit_spectral(rng, 4) * s
        assert np.linalg.svd(np.eye(4) + A, compute_uv=False).min() >= 1 - s - 1e-12
    big = 20.0
    assert mb.residual_extreme_singular(big, "max") == pytest.approx(big - 1)
    for _ in range(300):
        A = mb._unit_spectral(rng, 4) * big
        assert np.linalg.svd(np.eye(4) + A, compute_uv=False).max() >= big - 1 - 1e-9


def test_batchnorm_derivative_closed_form(rng):
    for mm in (2, 4, 9):
        x = rng.normal(size=mm)
        mu, var, g, e = x.mean(), x.var(), 1.3, 0.01
        for i in range(mm):
            closed = g / math.sqrt(var + e) * ((mm - 1) / mm - (x[i] - mu) ** 2 / (mm * (var + e)))
            assert mb.batchnorm_dyi_dxi_fd(x, i, g, e) == pytest.approx(closed, rel=1e-6)


def test_choice_models(rng):
    assert not mb.lstm_depends_on("c", 4, "h", 4)  # c(t-1) is not a function of h(t-1)
    assert mb.lstm_depends_on("c", 5, "h", 4)  # but c(t) is of h(t-1)
    assert mb.residual_fixes(rng) == "vanishing only"
    assert mb.setting_with_identity_path(rng) == ["second"]
