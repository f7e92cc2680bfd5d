"""Q1 Gradients of the classification losses: logistic regression, then softmax with cross-entropy."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

w, x, b, y = sp.symbols("w x b y", real=True)
p_k, y_k = sp.symbols("p_k y_k", positive=True)

LOGISTIC_GRADIENT = (1 / (1 + sp.exp(-(w * x + b))) - y) * x
SOFTMAX_GRADIENT = p_k - y_k

LOGISTIC = (r"Logistic regression with one feature predicts $p = \sigma(w x + b)$ and is trained on the cross-entropy "
            r"$L = -y \log p - (1 - y) \log(1 - p)$ of an example $(x, y)$ with $y \in \{0, 1\}$.")
SOFTMAX = (r"A classifier outputs logits $z \in \mathbb{R}^K$, turned into probabilities $p = \operatorname{softmax}(z)$, "
           r"$p_k = e^{z_k} / \sum_j e^{z_j}$, and is trained on $L = -\sum_j y_j \log p_j$ for a one-hot label $y$.")


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q1", "logistic-gradient", title="Q1(a) Gradient of the logistic loss", kind="expression", points=2,
             prompt=f"{LOGISTIC}\n\nGive $\\frac{{\\partial L}}{{\\partial w}}$ in terms of $w$, $x$, $b$ and $y$.",
             answer=r"(\sigma(w x + b) - y) x", reference=LOGISTIC_GRADIENT,
             options={"variables": {"w": [-2, 2], "x": [-3, 3], "b": [-1, 1], "y": [0, 1]}}, mistakes=(
                 KnownMistake(r"(y - \sigma(w x + b)) x",
                              "Check the sign: the loss falls as $p$ moves towards $y$, so the gradient is $p - y$ times $x$."),
                 KnownMistake(r"\sigma(w x + b) - y",
                              "That is $\\partial L / \\partial b$: the chain rule through $w x + b$ multiplies by $x$."),
                 KnownMistake(r"\sigma(w x + b) (1 - \sigma(w x + b)) x",
                              "That is $\\partial p / \\partial w$; the loss's own derivative $\\partial L / \\partial p$ "
                              "cancels the $p(1 - p)$."))),
        make("q1", "softmax-gradient", title="Q1(b) Gradient of softmax with cross-entropy", kind="expression", points=2,
             prompt=f"{SOFTMAX}\n\nGive $\\frac{{\\partial L}}{{\\partial z_k}}$ in terms of $p_k$ and $y_k$.",
             answer="p_k - y_k", reference=SOFTMAX_GRADIENT,
             options={"variables": {"p_k": [0.01, 0.99], "y_k": [0, 1]}}, mistakes=(
                 KnownMistake("y_k - p_k", "Check the sign: raising the logit of the right class lowers the loss."),
                 KnownMistake("p_k (1 - p_k)", "That is only the diagonal of the softmax Jacobian, "
                                               "$\\partial p_k / \\partial z_k$; chain it with $\\partial L / \\partial p$."),
                 KnownMistake(r"-\frac{y_k}{p_k}", "That is $\\partial L / \\partial p_k$: go on through the softmax to $z_k$."))),
    ]
