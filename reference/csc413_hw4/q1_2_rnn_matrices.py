"""1.2 Matrices and RNN: the Jacobian of a tanh RNN, residual layers' singular values, what residuals fix."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

n = sp.Symbol("n", positive=True, integer=True)
RNN = (r"A very simple RNN-like architecture computes $x_{t+1} = \tanh(W x_t)$ (a deep network using the same weight "
       r"matrix at each layer). The largest singular value of the weight matrix is $\sigma_{\max}(W) = \frac{1}{2}$. "
       r"Hint: if $C = AB$ then $\sigma_{\max}(C) \le \sigma_{\max}(A)\sigma_{\max}(B)$, and the input-output "
       "Jacobian is the product of the layer-wise Jacobians.")
RESIDUAL = (r"A residual layer computes $z_{t+1} = z_t + f_t(z_t)$ with $z_t \in \mathbb{R}^n$. Use Weyl's inequality "
            r"for singular values, $\sigma_i(A + B) \ge \sigma_i(A) - \sigma_{\max}(B)$.")
SMALL, BIG = sp.Symbol("s_small"), sp.Symbol("s_big")
RESIDUAL_OPTIONS = {"symbols": {"s_small": ["\\sigma_{small}", "\\sigma_{\\text{small}}"],
                                "s_big": ["\\sigma_{big}", "\\sigma_{\\text{big}}"]},
                    "variables": {"s_small": [0.01, 0.5], "s_big": [2, 50]},
                    "bound": "lower"}  # both parts ask for the largest lower bound
FIXES = ["vanishing only", "exploding only", "both", "neither"]


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q1.2.1", "bound", title="1.2.1 Bound on the tanh RNN's input-output Jacobian", kind="expression",
             points=0.5, prompt=(f"{RNN}\n\nGive the smallest $B(n)$ such that $0 \\le \\sigma_{{\\max}}\\left("
                                 r"\frac{\partial x_n}{\partial x_1}\right) \le B(n)$ holds for every $W$ with "
                                 r"$\sigma_{\max}(W) = \frac{1}{2}$ and every $x_1$."),
             answer=r"\left(\frac{1}{2}\right)^{n-1}", reference=sp.Rational(1, 2) ** (n - 1),
             options={"variables": {"n": [1, 12]}}, mistakes=(
                 KnownMistake(r"\left(\frac{1}{2}\right)^n", "From $x_1$ to $x_n$ there are $n - 1$ layers, hence "
                                                            "$n - 1$ Jacobian factors.", 0.5),)),
        make.manual("q1.2.1", "proof", title="1.2.1 Why the Jacobian is bounded", points=0.5,
                    prompt=f"{RNN}\n\nShow that $0 \\le \\sigma_{{\\max}}(\\partial x_n / \\partial x_1) \\le (1/2)^{{n-1}}$.",
                    rubric=("0.25 pt: layer Jacobian $\\mathrm{diag}(1 - \\tanh^2(W x_t)) W$, the diagonal factor has "
                            "singular values in $[0, 1]$, so each layer's $\\sigma_{\\max} \\le 1/2$. 0.25 pt: the chain "
                            "rule gives a product of $n - 1$ such factors; the hint applied inductively gives "
                            "$(1/2)^{n-1}$; $\\sigma_{\\max} \\ge 0$ because singular values are non-negative.")),
        make("q1.2.2", "smallest", title="1.2.2 Residual layer: smallest singular value", kind="expression",
             points=0, prompt=(f"{RESIDUAL}\n\nSuppose every singular value of $\\frac{{\\partial f_t}}{{\\partial z_t}}$ "
                               r"is at most $\sigma_{small} \ll 1$. Give the largest lower bound on "
                               r"$\sigma_{\min}\left(\frac{\partial z_{t+1}}{\partial z_t}\right)$ in terms of $\sigma_{small}$."),
             answer=r"1 - \sigma_{small}", reference=1 - SMALL, options=RESIDUAL_OPTIONS, mistakes=(
                 KnownMistake(r"\sigma_{small}", "The identity path adds 1: with $A = I$, $B = \\partial f_t / \\partial "
                                                 "z_t$, Weyl gives $\\sigma_{\\min} \\ge 1 - \\sigma_{small}$."),)),
        make("q1.2.2", "largest", title="1.2.2 Residual layer: largest singular value", kind="expression",
             points=0, prompt=(f"{RESIDUAL}\n\nSuppose the largest singular value of $\\frac{{\\partial f_t}}{{\\partial "
                               r"z_t}}$ is $\sigma_{big} \gg 1$. Give the largest lower bound on $\sigma_{\max}\left("
                               r"\frac{\partial z_{t+1}}{\partial z_t}\right)$ in terms of $\sigma_{big}$."),
             answer=r"\sigma_{big} - 1", reference=BIG - 1, options=RESIDUAL_OPTIONS, mistakes=(
                 KnownMistake(r"\sigma_{big} + 1", "That is an upper bound; the identity can cancel part of "
                                                   "$\\partial f_t / \\partial z_t$ (e.g. $-\\sigma_{big} I$)."),)),
        make("q1.2.3", "which-fixed", title="1.2.3 What residual connections fix", kind="choice", points=0.5,
             prompt=(f"{RESIDUAL}\n\nWhich gradient problem do residual connections solve, by the bounds of 1.2.2? "
                     f"Choose one of: {', '.join(FIXES)}."),
             answer="vanishing only", reference="vanishing only", options={"choices": FIXES}, mistakes=(
                 KnownMistake("both", "Nothing bounds $\\sigma_{\\max}$ from above: a layer with large singular values "
                                      "still makes the product grow."),)),
        make.manual("q1.2.3", "benefits", title="1.2.3 Benefits of residual connections", points=0.5,
                    prompt=f"{RESIDUAL}\n\nWhat are the benefits of residual connections for vanishing and exploding "
                           "gradients? Explain with the singular values of the layer Jacobians.",
                    rubric=("0.25 pt: the identity keeps the singular values of $\\partial z_{t+1} / \\partial z_t$ near "
                            "or above 1 where $\\partial f_t / \\partial z_t$ is small, so the product over layers does "
                            "not vanish. 0.25 pt: nothing bounds them from above, so exploding gradients remain possible.")),
    ]
