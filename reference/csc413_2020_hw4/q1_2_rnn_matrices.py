"""1.2 Matrices and RNNs: the input-output Jacobian of a tanh RNN, and residual connections."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

n = sp.Symbol("n", positive=True, integer=True)
TANH_RNN = r"""Consider the RNN $x_{t+1} = \tanh(W x_t)$ with $x_t \in \mathbb{R}^d$, whose weight matrix has largest singular value $\sigma_{\max}(W) = \frac{1}{2}$. Hint: $\sigma_{\max}(AB) \le \sigma_{\max}(A)\, \sigma_{\max}(B)$."""
RESIDUAL = r"""Consider a residual network $z_{t+1} = z_t + f_t(z_t)$ with $z_t \in \mathbb{R}^n$, where half of the singular values of each Jacobian $\frac{\partial f_t(z_t)}{\partial z_t}$ are very small ($\sigma_{\text{small}} \ll 1$) and half are very large ($\sigma_{\text{big}} \gg 1$). Hint: $\sigma_i(A + B) \ge |\sigma_i(A) - \sigma_{\max}(B)|$."""


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q1.2.1", "tanh-rnn-bound", title="1.2.1 Bound on the input-output Jacobian of a tanh RNN",
             kind="expression", points=1,
             prompt=(f"{TANH_RNN}\n\nGive the tightest upper bound on $\\sigma_{{\\max}}\\left(\\frac{{\\partial x_n}}"
                     "{\\partial x_1}\\right)$ as a function of $n$."),
             answer=r"\left(\frac{1}{2}\right)^{n-1}", reference=sp.Rational(1, 2) ** (n - 1),
             options={"variables": {"n": [1, 12]}}, mistakes=(
                 KnownMistake(r"\left(\frac{1}{2}\right)^{n}", "From $x_1$ to $x_n$ there are $n - 1$ steps, hence $n - 1$ Jacobian factors.", 0.5),)),
        make.manual("q1.2.2", "residual-singular-values", title="1.2.2 Singular values through residual connections",
                    points=1, prompt=(f"{RESIDUAL}\n\nBound the smallest and largest singular values of "
                                      "$\\frac{\\partial z_{t+1}}{\\partial z_t}$ (ungraded in the original handout)."),
                    rubric=("0.5 pt: $\\frac{\\partial z_{t+1}}{\\partial z_t} = I + \\frac{\\partial f_t}{\\partial z_t}$; "
                            "for the small directions $\\sigma_i \\ge 1 - \\sigma_{\\text{small}} \\approx 1$, so the "
                            "smallest singular value stays near 1 (bounded away from 0). 0.5 pt: for the big directions "
                            "$\\sigma_i \\ge \\sigma_{\\text{big}} - 1 \\gg 1$: the largest is not bounded above.")),
        make.manual("q1.2.3", "residual-benefits", title="1.2.3 Benefits of residual connections", points=1,
                    prompt=f"{RESIDUAL}\n\nWhich of vanishing and exploding gradients do residual connections help with, and why?",
                    rubric=("0.5 pt: vanishing is solved — the identity keeps every singular value of the layer "
                            "Jacobian near or above 1, so the product over layers does not shrink geometrically. "
                            "0.5 pt: exploding is not — nothing bounds the large singular values from above.")),
    ]
