"""1.3 Batch normalization: the diagonal derivative dy_i/dx_i, and where to put BN in a residual block."""

import numpy as np
import sympy as sp

from reference.models.batch_norm import BatchNorm
from reference.part import KnownMistake, Part, PartMaker
from reference.vocabulary import Notation, Sampling

SETTING = (r"Batch normalization of one feature over a mini-batch $\mathcal{B} = \{x_1, \dots, x_m\}$: "
           r"$\mu_{\mathcal{B}} = \frac{1}{m}\sum_j x_j$, $\sigma_{\mathcal{B}}^2 = \frac{1}{m}\sum_j (x_j - "
           r"\mu_{\mathcal{B}})^2$, $\hat{x}_i = \frac{x_i - \mu_{\mathcal{B}}}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}}$, "
           r"$y_i = \gamma \hat{x}_i + \beta$.")


def batches(count: int, *, seed: int) -> list[tuple[BatchNorm, np.ndarray, int]]:
    """(layer, batch, index i) triples: consistent grading points with batch sizes 2..9."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(count):
        m = int(rng.integers(2, 10))
        # gamma is a learned real scale, of either sign: |gamma| must not pass for gamma.
        gamma = float(rng.choice([-1, 1]) * rng.uniform(0.5, 2))
        layer = BatchNorm(gamma=gamma, beta=float(rng.normal()), eps=float(rng.uniform(1e-3, 0.1)))
        rows.append((layer, rng.normal(size=m) * rng.uniform(0.5, 2), int(rng.integers(m))))
    return rows


BATCHES = batches(10, seed=413)
NOTATION = [
    Notation("gamma", ["\\gamma"], lambda r: r[0].gamma),
    Notation("eps", ["\\epsilon", "\\varepsilon"], lambda r: r[0].eps),
    Notation("m", ["m"], lambda r: len(r[1])),
    Notation("x_i", ["x_i", "x_{i}"], lambda r: r[1][r[2]]),
    Notation("mu", ["\\mu_{\\mathcal{B}}", "\\mu_B", "\\mu_{B}", "\\mu"], lambda r: r[1].mean()),
    Notation("sd", ["\\sigma_{\\mathcal{B}}", "\\sigma_B", "\\sigma_{B}"], lambda r: r[1].std()),
]
SAMPLING = Sampling(tuple(NOTATION), lambda count, seed: batches(count, seed=seed))
OPTIONS = SAMPLING.options(BATCHES)
gamma, eps, m, x_i, mu, sd = (sp.Symbol(n.name) for n in NOTATION)
REFERENCE = gamma / sp.sqrt(sd**2 + eps) * ((m - 1) / m - (x_i - mu) ** 2 / (m * (sd**2 + eps)))
SETTINGS = (r"Two ways to combine batch normalization with a residual connection: in the **first** setting the block "
            r"computes $z_{t+1} = \mathrm{BN}(z_t + f_t(z_t))$ (normalise after the addition); in the **second**, "
            r"$z_{t+1} = z_t + \mathrm{BN}(f_t(z_t))$ (normalise inside the residual branch, before the addition).")


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q1.3.1", "dy-dx", title="1.3.1 Gradient of batch norm", kind="expression", points=0,
             prompt=(f"{SETTING}\n\nDerive $\\frac{{\\partial y_i}}{{\\partial x_i}}$ (remember that $\\mu_{{\\mathcal{{B}}}}$ "
                     r"and $\sigma_{\mathcal{B}}^2$ depend on $x_i$) in terms of $\gamma$, $m$, $x_i$, "
                     r"$\mu_{\mathcal{B}}$, $\sigma_{\mathcal{B}}^2$ and $\epsilon$."),
             answer=(r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} \left(\frac{m-1}{m} - "
                     r"\frac{(x_i - \mu_{\mathcal{B}})^2}{m (\sigma_{\mathcal{B}}^2 + \epsilon)}\right)"),
             reference=REFERENCE, options=OPTIONS, model=SAMPLING.fresh, mistakes=(
                 KnownMistake(r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}}",
                              "The batch mean and variance depend on $x_i$ too: differentiate them as well.", 0.25),
                 KnownMistake(r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} \frac{m-1}{m}",
                              "You differentiated the mean but not the variance: $\\partial \\sigma_{\\mathcal{B}}^2 / "
                              "\\partial x_i = \\frac{2}{m}(x_i - \\mu_{\\mathcal{B}})$.", 0.5))),
        make("q1.3.2", "placement", title="1.3.2 Batch normalization and ResNet", kind="choice", points=0.5,
             prompt=f"{SETTINGS}\n\nWhich setting keeps the benefit of the residual connection? Answer first or second.",
             answer="second", reference="second", options={"choices": ["first", "second"]}, mistakes=(
                 KnownMistake("first", "Normalising after the addition puts BN on the identity path: the gradient "
                                       "through the skip connection is no longer the identity."),)),
        make.manual("q1.3.2", "placement-why", title="1.3.2 Why that placement", points=0.5,
                    prompt=f"{SETTINGS}\n\nJustify your choice.",
                    rubric=("0.5 pt: in the second setting $\\partial z_{t+1} / \\partial z_t = I + \\partial "
                            "\\mathrm{BN}(f_t) / \\partial z_t$ keeps the identity (the 1.2.2 argument still applies: no "
                            "vanishing), while BN controls the scale of the branch. In the first, every block's "
                            "Jacobian is multiplied by BN's, which rescales by $1/\\sigma_{\\mathcal{B}}$ and removes the "
                            "clean identity path.")),
    ]
