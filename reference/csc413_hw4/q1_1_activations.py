"""1.1 Warmup, a single-neuron network: the gradient bound through a chain of sigmoids or tanhs."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

n = sp.Symbol("n", positive=True, integer=True)
SETTING = (r"Consider an $n$ layered fully connected network that has scalar inputs and outputs. Assume that all the "
           r"hidden layers have a single unit, and that the weight matrices are set to 1 (each is $1 \times 1$); "
           r"the biases are arbitrary. Let $x$ be the input to the network and $f: \mathbb{R} \to \mathbb{R}$ the "
           r"function the network computes.")
BOUND_OPTIONS = {"variables": {"n": [1, 12]}}
SIGMOID_BOUND = sp.Rational(1, 4) ** n
TANH_BOUND = sp.Integer(1)


def _bound(make: PartMaker, question: str, activation: str, reference: sp.Expr, answer: str,
           mistakes: tuple[KnownMistake, ...]) -> Part:
    return make(question, "bound", title=f"1.1 Gradient bound through {activation} layers", kind="expression",
                points=0.5, prompt=(f"{SETTING} The activation is {activation}. Give the smallest $B(n)$ such that "
                                    r"$0 \le \left|\frac{\partial f(x)}{\partial x}\right| \le B(n)$ for every input "
                                    "and every choice of biases."),
                answer=answer, reference=reference, options=BOUND_OPTIONS, mistakes=mistakes)


def _vanish(make: PartMaker, question: str, activation: str, rubric: str) -> Part:
    return make.manual(question, "vanish-or-explode", title=f"1.1 Do gradients vanish or explode with {activation}?",
                       points=0.5, prompt=(f"{SETTING} The activation is {activation}. Do the gradients necessarily "
                                           "have to vanish or explode as they are backpropagated? Justify with a "
                                           "bound on the magnitude of the gradient."), rubric=rubric)


def parts(make: PartMaker) -> list[Part]:
    return [
        _bound(make, "q1.1.1", "sigmoid", SIGMOID_BOUND, r"\left(\frac{1}{4}\right)^n", (
            KnownMistake(r"\frac{1}{4}", "That is one layer's factor $\\max \\sigma' = 1/4$; the chain rule multiplies "
                                         "$n$ of them."),
            KnownMistake(r"\left(\frac{1}{2}\right)^n", "$\\sigma'(a) = \\sigma(a)(1 - \\sigma(a))$ is at most $1/4$ "
                                                       "(at $a = 0$), not $1/2$."))),
        _vanish(make, "q1.1.1", "sigmoid",
                "0.5 pt: $\\partial f / \\partial x = \\prod_{i=1}^n \\sigma'(a_i)$ with $0 < \\sigma' \\le 1/4$, so "
                "$|\\partial f / \\partial x| \\le (1/4)^n$: the gradient cannot explode and necessarily vanishes "
                "(exponentially) as $n$ grows."),
        _bound(make, "q1.1.2", "tanh", TANH_BOUND, "1", (
            KnownMistake(r"\left(\frac{1}{4}\right)^n", "$\\tanh'(a) = 1 - \\tanh^2(a)$ reaches 1 at $a = 0$; the "
                                                       "$1/4$ belongs to the sigmoid."),)),
        _vanish(make, "q1.1.2", "tanh",
                "0.5 pt: $\\partial f / \\partial x = \\prod_i (1 - \\tanh^2(a_i))$ with each factor in $(0, 1]$, so "
                "$|\\partial f / \\partial x| \\le 1$: no explosion, and no *necessary* vanishing (biases that keep "
                "every $a_i$ near 0 give a gradient near 1), although it can still vanish. (Note "
                "$\\tanh(x) \\in (-1, 1)$, not $[0, 1]$.)"),
    ]
