"""1.3 Batch normalization: the diagonal derivative dy_i/dx_i, and where to put it in a residual block."""

import numpy as np
import sympy as sp

from reference.models.batch_norm import BatchNorm
from reference.part import KnownMistake, Part, PartMaker
from reference.vocabulary import Notation, sampled_options

BATCH_NORM = r"""A batch normalization layer normalises one feature over a mini-batch $\mathcal{B} = \{x_1, \dots, x_m\}$:

$$\mu_{\mathcal{B}} = \frac{1}{m} \sum_{j=1}^{m} x_j, \quad \sigma_{\mathcal{B}}^2 = \frac{1}{m} \sum_{j=1}^{m} (x_j - \mu_{\mathcal{B}})^2, \quad \hat{x}_i = \frac{x_i - \mu_{\mathcal{B}}}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}}, \quad y_i = \gamma \hat{x}_i + \beta.$$"""


def _batches(count: int, seed: int) -> list[tuple[BatchNorm, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [(BatchNorm(float(rng.uniform(0.5, 2)), float(rng.normal()), float(rng.uniform(1e-3, 0.1))),
             rng.normal(size=int(rng.integers(2, 17)))) for _ in range(count)]


BATCHES = _batches(8, seed=413)
NOTATION = [
    Notation("m", ["m"], lambda b: len(b[1])),
    Notation("gamma", ["\\gamma"], lambda b: b[0].gamma),
    Notation("eps", ["\\epsilon", "\\varepsilon"], lambda b: b[0].eps),
    Notation("x_i", ["x_i", "x_{i}"], lambda b: b[1][0]),
    Notation("mu", ["\\mu_{\\mathcal{B}}", "\\mu_B", "\\mu_{B}", "\\mu"], lambda b: b[1].mean()),
    Notation("var", ["\\sigma_{\\mathcal{B}}^2", "\\sigma_B^2", "\\sigma_{B}^2", "\\sigma^2"], lambda b: b[1].var()),
    Notation("xhat_i", ["\\hat{x}_i", "\\hat{x}_{i}", "\\hat x_i"], lambda b: (b[1][0] - b[1].mean()) / np.sqrt(b[1].var() + b[0].eps)),
]
OPTIONS = sampled_options(NOTATION, BATCHES)
gamma, var, eps, m, x_i, mu = sp.symbols("gamma var eps m x_i mu")
DIAGONAL = gamma / sp.sqrt(var + eps) * (1 - 1 / m - (x_i - mu) ** 2 / (m * (var + eps)))


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q1.3.1", "dy-dx", title="1.3.1 Gradient of batch norm", kind="expression", points=1,
             prompt=(f"{BATCH_NORM}\n\nCompute $\\frac{{\\partial y_i}}{{\\partial x_i}}$ (remember that $\\mu_{{\\mathcal{{B}}}}$ "
                     "and $\\sigma_{\\mathcal{B}}^2$ depend on $x_i$). Ungraded in the original handout."),
             answer=(r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} \left(1 - \frac{1}{m} - "
                     r"\frac{(x_i - \mu_{\mathcal{B}})^2}{m(\sigma_{\mathcal{B}}^2 + \epsilon)}\right)"),
             reference=DIAGONAL, options=OPTIONS, mistakes=(
                 KnownMistake(r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}}",
                              "$\\mu_{\\mathcal{B}}$ and $\\sigma_{\\mathcal{B}}^2$ are computed from the batch, $x_i$ included: differentiate them too."),
                 KnownMistake(r"\frac{\gamma}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} \left(1 - \frac{1}{m}\right)",
                              "The mean's dependence on $x_i$ is right; $\\sigma_{\\mathcal{B}}^2$ depends on $x_i$ as well.", 0.5))),
        make.manual("q1.3.2", "bn-resnet", title="1.3.2 Batch normalization in a residual block", points=1,
                    prompt=(f"{BATCH_NORM}\n\nTwo residual block designs: (A) $z_{{t+1}} = \\mathrm{{BN}}(z_t + f(z_t))$, "
                            "normalising after the addition; (B) $z_{t+1} = z_t + \\mathrm{BN}(f(z_t))$, normalising "
                            "inside the residual branch. Which design keeps the benefit of the residual connection "
                            "for gradient flow? Explain."),
                    rubric=("0.5 pt: (B). 0.5 pt: in (B) the identity path is untouched, so "
                            "$\\partial z_{t+1} / \\partial z_t = I + \\partial \\mathrm{BN}(f) / \\partial z_t$ keeps "
                            "singular values near 1; in (A) every block's Jacobian is rescaled by the normalisation "
                            "($\\gamma / \\sqrt{\\sigma^2 + \\epsilon}$), which compounds over depth.")),
    ]
