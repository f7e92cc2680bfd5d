"""Q2 The gradient of the memory-gate weight W^{hi}, summed over a sequence of T steps."""

from functools import partial

from reference.lstm_output_hw.q1_gates import SETTING, SPELLING, WEIGHT_SPELLING, WEIGHT_VALUES
from reference.matrix_notation import lstm_options, lstm_runs, lstm_samples
from reference.part import KnownMistake, Part, PartMaker

# Runs of several lengths with h_0 = 0, as the prompt says; each run has its own T and general step t.
RUNS = partial(lstm_runs, biases=True, readout=True)
SAMPLES = lstm_samples(RUNS, WEIGHT_VALUES)
DRAW = (12, 55)
OPTIONS = lstm_options(SAMPLES(*DRAW), SPELLING, WEIGHT_SPELLING, ["\\nabla y_{#}", "\\nabla y^{(#)}"], "the gradient")
GRADIENT = r"\sum_{t=1}^{T} h_{t-1} i_t (1 - i_t) \nabla i_t"


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q2", "grad-w-hi", title="Q2 Gradient of the weight $W^{hi}$", kind="matrix_expr", points=2,
             prompt=(f"{SETTING}\n\nDerive the gradient for the weight $W^{{hi}}$ (shared by every step) for a sequence "
                     "of $T$ steps with $h_0 = 0$, as a sum over time $\\sum_{t=1}^{T}$, using $\\nabla i_t$ (or "
                     "$\\nabla C_t$) and the values at step $t$."),
             answer=GRADIENT, reference=GRADIENT, options=OPTIONS, model=SAMPLES, mistakes=(
                 KnownMistake(r"\sum_{t=1}^{T} h_t i_t (1 - i_t) \nabla i_t",
                              "$W^{hi}$ multiplies the previous hidden state: the term of step $t$ uses $h_{t-1}$."),
                 KnownMistake(r"\sum_{t=1}^{T} h_{t-1} \nabla i_t",
                              "$W^{hi}$ acts inside the sigmoid: each term needs the gate's slope $i_t(1 - i_t)$."),
                 KnownMistake(r"\sum_{i=1}^{T} h_{t-1} i_t (1 - i_t) \nabla i_t",
                              "The terms of the sum must be taken at its own index: sum over $t$ the terms at step $t$."))),
    ]
