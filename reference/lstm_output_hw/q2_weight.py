"""Q2 The gradient of the memory-gate weight W^{hi}, summed over a short sequence."""

from reference.lstm_notation import input_weight_bar
from reference.lstm_output_hw.q1_gates import SEQUENCE, SEQUENCE_OPTIONS, SETTING
from reference.part import KnownMistake, Part, PartMaker


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q2", "grad-w-hi", title="Q2 Gradient of the weight $W^{hi}$", kind="expression", points=2,
             prompt=(f"{SETTING}\n\nDerive the gradient for the weight $W^{{hi}}$ (shared by every step) for a sequence "
                     "of $T = 3$ steps with $h_0 = 0$. Write the sum over time out term by term, using "
                     "$\\nabla i_1, \\nabla i_2, \\nabla i_3$ (or $\\nabla C_1, \\nabla C_2, \\nabla C_3$)."),
             answer=r"h_0 i_1 (1 - i_1) \nabla i_1 + h_1 i_2 (1 - i_2) \nabla i_2 + h_2 i_3 (1 - i_3) \nabla i_3",
             reference=input_weight_bar("i", "h", (1, 2, 3)), options=SEQUENCE_OPTIONS, model=SEQUENCE.fresh, mistakes=(
                 KnownMistake(r"h_1 i_1 (1 - i_1) \nabla i_1 + h_2 i_2 (1 - i_2) \nabla i_2 + h_3 i_3 (1 - i_3) \nabla i_3",
                              "$W^{hi}$ multiplies the previous hidden state: the term of step $t$ uses $h_{t-1}$."),
                 KnownMistake(r"h_0 \nabla i_1 + h_1 \nabla i_2 + h_2 \nabla i_3",
                              "$W^{hi}$ acts inside the sigmoid: each term needs the gate's slope $i_t(1 - i_t)$."))),
    ]
