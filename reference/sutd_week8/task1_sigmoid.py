"""Task 1: the derivative of the sigmoid."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

z = sp.Symbol("z")
REFERENCE = sp.exp(-z) / (1 + sp.exp(-z)) ** 2
OPTIONS = {"variables": {"z": [-4, 4]},
           "forbidden": {"sigma'": "$\\sigma'$ is what you are asked to calculate: write it without $\\sigma'$."}}


def parts(make: PartMaker) -> list[Part]:
    return [make(
        "task1", "sigmoid-prime", title="Task 1: the derivative of the sigmoid", kind="expression", points=0.5,
        prompt=(r"Calculate $\sigma'(z)$, the derivative of the sigmoid $\sigma(z) = \frac{1}{1 + e^{-z}}$ "
                "(not all tasks can be hard, right?)."),
        answer=r"\frac{e^{-z}}{(1 + e^{-z})^2}", reference=REFERENCE, options=OPTIONS, mistakes=(
            KnownMistake(r"-\frac{e^{-z}}{(1 + e^{-z})^2}",
                         "Check the sign: the chain rule multiplies by the derivative of $-z$, which is $-1$; the two "
                         "minus signs cancel (the sigmoid is increasing)."),
            KnownMistake(r"-\frac{1}{(1 + e^{-z})^2}",
                         "You differentiated $1/v$ but forgot the chain rule: multiply by $v' = -e^{-z}$."),
            KnownMistake(r"\sigma(z)^2", "Use $1 - \\sigma(z) = \\frac{e^{-z}}{1 + e^{-z}}$: the result is "
                                         "$\\sigma(z)(1 - \\sigma(z))$."),
        ))]
