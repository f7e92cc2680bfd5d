"""Task 1, first bullet: is c_{t-1} a function of h_{t-1}?"""

from reference.part import KnownMistake, Part, PartMaker

EQUATIONS = r"""$$\begin{split} i_t &= \sigma(W^i x_t + U^i h_{t-1}) \\ f_t &= \sigma(W^f x_t + U^f h_{t-1}) \\ o_t &= \sigma(W^o x_t + U^o h_{t-1}) \\ u_t &= \tanh(W^c x_t + U^c h_{t-1}) \\ c_t &= f_t \circ c_{t-1} + i_t \circ u_t \\ h_t &= o_t \circ \tanh(c_t) \end{split}$$"""
SETTING = (f"The following are the defining equations for an LSTM cell with a forget gate $f_t$:\n\n{EQUATIONS}\n\n"
           r"The symbol $\circ$ denotes element-wise multiplication and $\sigma(x) = \frac{1}{1 + e^{-x}}$.")
QUESTION = r"Is $c_{t-1}$ a function of $h_{t-1}$?"


def parts(make: PartMaker) -> list[Part]:
    return [
        make("task1", "c-of-h", title="Task 1: is the previous cell a function of the previous output?", kind="choice",
             points=0.5, prompt=f"{SETTING}\n\n{QUESTION} Answer yes or no.", answer="no", reference="no",
             options={"choices": ["yes", "no"]}, mistakes=(
                 KnownMistake("yes", "Look at what $c_{t-1}$ is computed from: $f_{t-1}, c_{t-2}, i_{t-1}, u_{t-1}$, which "
                                     "depend on $x_{t-1}$ and $h_{t-2}$. $h_{t-1}$ is computed *from* $c_{t-1}$, not the "
                                     "other way round."),)),
        make.manual("task1", "c-of-h-why", title="Task 1: why the previous cell is not a function of the previous output",
                    points=0.5, prompt=f"{SETTING}\n\n{QUESTION} Give 3 sentences at most as answer why or why not.",
                    rubric=("0.5 pt: no. $c_{t-1} = f_{t-1} \\circ c_{t-2} + i_{t-1} \\circ u_{t-1}$ is computed from "
                            "gates that depend only on $x_{t-1}$ and $h_{t-2}$ (and from $c_{t-2}$); $h_{t-1} = o_{t-1} "
                            "\\circ \\tanh(c_{t-1})$ is computed from $c_{t-1}$, so the dependence runs the other way. "
                            "(Equivalently: if it were, $c_t$ would be a function of $h_t$, which the equations do not "
                            "say.) Hence $\\partial c_{t-1} / \\partial h_{t-1} = 0$.")),
    ]
