"""Task 1: dh_t/dh_{t-1} through the gate derivatives, read element-wise at one entry [d1, d2]."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker
from reference.sutd_week8.lstm_cell import samples
from reference.sutd_week8.notation import CELL_PARTIAL, GATE_PARTIALS, PREVIOUS_CELL_PARTIAL, STEP_VALUES
from reference.sutd_week8.task1_memory import SETTING
from reference.vocabulary import Notation, Sampling, merge, sampled_options

SAMPLES = samples(10, seed=50039)
_s = sp.Symbol
CELL = _s("dc_t")
# The seed's first line: dh_t/dh_{t-1} in terms of dc_t/dh_{t-1}; the second line resolves that term.
H_OF_CELL = _s("do_t") * sp.tanh(_s("c_t")) + _s("o_t") * (1 - sp.tanh(_s("c_t")) ** 2) * CELL
CELL_TERMS = _s("df_t") * _s("c_tm1") + _s("f_t") * _s("dc_tm1") + _s("di_t") * _s("u_t") + _s("i_t") * _s("du_t")
REFERENCE = H_OF_CELL.subs(CELL, CELL_TERMS)

NOTATION: list[Notation] = [*STEP_VALUES, *GATE_PARTIALS, PREVIOUS_CELL_PARTIAL]
# dc_t/dh_{t-1} is known to the parser but left out of the samples (drawn at random), so that an answer
# that stops at it is refused and recognised as the unfinished first step.
# The independent truth also knows dc_t/dh_{t-1}, which the grader draws at random.
TRUTH = Sampling((*NOTATION, CELL_PARTIAL), lambda count, seed: samples(count, seed=seed))
OPTIONS = {**sampled_options(NOTATION, SAMPLES),
           "symbols": merge(*[(n.name, n.aliases) for n in (*NOTATION, CELL_PARTIAL)])}

PROMPT = (f"{SETTING}\n\nWrite down the derivative $\\frac{{\\partial h_t}}{{\\partial h_{{t-1}}}}$ expressed as a "
          r"function of $\frac{\partial i_t}{\partial h_{t-1}}$, $\frac{\partial f_t}{\partial h_{t-1}}$, "
          r"$\frac{\partial o_t}{\partial h_{t-1}}$, $\frac{\partial u_t}{\partial h_{t-1}}$. You do not need to resolve "
          "these four terms. Note that for element-wise multiplications the product rule holds, even if you multiply "
          r"two vectors; write $\circ$ for the element-wise product. You may use $\tanh'$.")

ANSWER = (r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ ("
          r"\frac{\partial f_t}{\partial h_{t-1}} \circ c_{t-1} + \frac{\partial i_t}{\partial h_{t-1}} \circ u_t"
          r" + i_t \circ \frac{\partial u_t}{\partial h_{t-1}})")


def parts(make: PartMaker) -> list[Part]:
    return [make(
        "task1", "dh-dh", title="Task 1: the derivative of h_t with respect to h_{t-1}", kind="expression", points=1,
        prompt=PROMPT, answer=ANSWER, reference=REFERENCE, options=OPTIONS, model=TRUTH.fresh, mistakes=(
            KnownMistake(r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ (\tanh'(c_t) "
                         r"\frac{\partial c_t}{\partial h_{t-1}})",
                         r"Right first step. Now resolve $\frac{\partial c_t}{\partial h_{t-1}}$ with the product rule on "
                         r"$c_t = f_t \circ c_{t-1} + i_t \circ u_t$.", 0.5),
            KnownMistake(r"o_t \circ \tanh'(c_t) \circ (\frac{\partial f_t}{\partial h_{t-1}} \circ c_{t-1} + "
                         r"\frac{\partial i_t}{\partial h_{t-1}} \circ u_t + i_t \circ \frac{\partial u_t}{\partial h_{t-1}})",
                         r"$o_t$ depends on $h_{t-1}$ too: the product rule on $h_t = o_t \circ \tanh(c_t)$ gives a term "
                         r"with $\frac{\partial o_t}{\partial h_{t-1}}$.", 0.5),
            KnownMistake(r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ \tanh'(c_t) \circ ("
                         r"\frac{\partial f_t}{\partial h_{t-1}} \circ c_{t-1} + \frac{\partial i_t}{\partial h_{t-1}} \circ u_t)",
                         r"$u_t$ depends on $h_{t-1}$ as well: the product $i_t \circ u_t$ gives two terms.", 0.5),
        ))]
