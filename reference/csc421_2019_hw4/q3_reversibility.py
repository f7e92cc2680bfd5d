"""Q3 Reversibility: gradient descent with momentum is invertible; the Jacobian determinant of one step."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

beta, D = sp.symbols("beta D", positive=True)
theta_next, p_next, grad = sp.symbols("theta_next p_next gradJ")
SETTING = r"""Gradient descent with momentum is a reversible operation. The parameter vector $\boldsymbol{\theta}$ and the velocity $\mathbf{p}$ are $D$-dimensional, and the updates are

$$\mathbf{p}^{(k+1)} \leftarrow \beta \mathbf{p}^{(k)} - \alpha \nabla \mathcal{J}(\boldsymbol{\theta}^{(k)})$$
$$\boldsymbol{\theta}^{(k+1)} \leftarrow \boldsymbol{\theta}^{(k)} + \mathbf{p}^{(k+1)}$$

With $\mathbf{s}^{(k)} = (\boldsymbol{\theta}^{(k)}, \mathbf{p}^{(k)})$ these define a function $\mathbf{s}^{(k+1)} = f(\mathbf{s}^{(k)})$."""

_THETA = ("\\boldsymbol{\\theta}", "\\theta", "\\mathbf{\\theta}")
INVERSE_OPTIONS = {
    "symbols": {
        "theta_next": [f"{t}^{{(k+1)}}" for t in _THETA] + ["\\theta_{k+1}"],
        "p_next": ["\\mathbf{p}^{(k+1)}", "\\boldsymbol{p}^{(k+1)}", "p^{(k+1)}", "p_{k+1}", "\\mathbf{p}_{k+1}"],
        "gradJ": [f"\\nabla \\mathcal{{J}}({t}^{{(k)}})" for t in _THETA] + ["\\nabla J(\\theta^{(k)})", "\\nabla J(\\theta_k)"],
        "alpha": ["\\alpha"], "beta": ["\\beta"],
    },
    "variables": {"alpha": [0.01, 1], "beta": [0.1, 0.99]},
}


def parts(make: PartMaker) -> list[Part]:
    ask_inverse = f"{SETTING}\n\nShow how to compute the inverse $\\mathbf{{s}}^{{(k)}} = f^{{-1}}(\\mathbf{{s}}^{{(k+1)}})$. "
    return [
        make("q3", "inverse-theta", title="Q3(a) Inverse of the momentum step: the parameters", kind="expression",
             points=0.5, prompt=ask_inverse + "Give $\\boldsymbol{\\theta}^{(k)} =$ (in terms of the step $k+1$ quantities)",
             answer="\\boldsymbol{\\theta}^{(k+1)} - \\mathbf{p}^{(k+1)}", reference=theta_next - p_next,
             options=INVERSE_OPTIONS),
        make("q3", "inverse-p", title="Q3(a) Inverse of the momentum step: the velocity", kind="expression",
             points=0.5, prompt=ask_inverse + ("Give $\\mathbf{p}^{(k)} =$ (you may use $\\nabla \\mathcal{J}(\\boldsymbol{\\theta}^{(k)})$, "
                                               "which is known once $\\boldsymbol{\\theta}^{(k)}$ is recovered)"),
             answer="\\frac{\\mathbf{p}^{(k+1)} + \\alpha \\nabla \\mathcal{J}(\\boldsymbol{\\theta}^{(k)})}{\\beta}",
             reference=(p_next + sp.Symbol("alpha") * grad) / sp.Symbol("beta"), options=INVERSE_OPTIONS, mistakes=(
                 KnownMistake("\\frac{\\mathbf{p}^{(k+1)} - \\alpha \\nabla \\mathcal{J}(\\boldsymbol{\\theta}^{(k)})}{\\beta}",
                              "Solve $\\mathbf{p}^{(k+1)} = \\beta \\mathbf{p}^{(k)} - \\alpha \\nabla \\mathcal{J}$ for "
                              "$\\mathbf{p}^{(k)}$ carefully: check the sign of the gradient term."),)),
        make("q3", "det-jacobian", title="Q3(b) Determinant of the momentum Jacobian", kind="expression", points=2,
             prompt=(f"{SETTING}\n\nFind the determinant of the Jacobian, $\\det \\partial \\mathbf{{s}}^{{(k+1)}} / "
                     "\\partial \\mathbf{s}^{(k)}$.\n\nHint: first write the Jacobian as a product of two matrices, one "
                     "for each step of the algorithm."),
             answer="\\beta^D", reference=beta**D,
             options={"variables": {"beta": [0.1, 0.99], "D": [1, 8]}, "symbols": {"beta": ["\\beta"]}}, mistakes=(
                 KnownMistake("\\beta", "The Jacobian is $2D \\times 2D$: every one of the $D$ velocity coordinates is scaled by $\\beta$."),
                 KnownMistake("1", "The position update alone preserves volume, but the velocity is scaled by $\\beta$ at every step."),
                 KnownMistake("\\beta^{2D}", "Only the velocity block is scaled by $\\beta$; the position update has determinant 1."))),
    ]
