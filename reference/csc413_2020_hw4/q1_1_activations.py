"""1.1 Warm-up, a single-neuron RNN: gradient bounds through chains of sigmoids and of tanh."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

n = sp.Symbol("n", positive=True, integer=True)
CHAIN = r"""Consider a single-neuron network unrolled over $n$ steps, with pre-activations

$$a_1 = W_1 x + b_1, \qquad a_k = W_k \phi(a_{k-1}) + b_k \ (k = 2, \dots, n), \qquad f(x) = W_{n+1} \phi(a_n) + b_{n+1},$$

where every weight is $W_k = 1$ and the biases $b_k$ are arbitrary."""
STEPS = {"variables": {"n": [1, 12]}}


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q1.1.1", "sigmoid-bound", title="1.1.1 Gradient bound through sigmoids", kind="expression", points=1,
             prompt=(f"{CHAIN}\n\nLet $\\phi = \\sigma$, the logistic sigmoid. Give the tightest upper bound on "
                     "$\\left|\\frac{\\partial f(x)}{\\partial x}\\right|$ as a function of $n$."),
             answer=r"\left(\frac{1}{4}\right)^n", reference=sp.Rational(1, 4) ** n, options=STEPS, mistakes=(
                 KnownMistake(r"\frac{1}{4}", "Each of the $n$ sigmoids on the path contributes a factor of at most $1/4$."),
                 KnownMistake("1", "The sigmoid's slope is at most $\\sigma(0)(1 - \\sigma(0)) = 1/4$, not 1."))),
        make("q1.1.2", "tanh-bound", title="1.1.2 Gradient bound through tanh", kind="number", points=1,
             prompt=(f"{CHAIN}\n\nLet $\\phi = \\tanh$. Give the tightest upper bound on "
                     "$\\left|\\frac{\\partial f(x)}{\\partial x}\\right|$ (it does not depend on $n$)."),
             answer="1", reference=1, mistakes=(
                 KnownMistake(r"\frac{1}{4}", "That is the sigmoid's maximal slope; $\\tanh'(0) = 1$."),)),
    ]
