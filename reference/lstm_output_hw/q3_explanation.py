"""Q3 Why the gradient does not explode with forget gates near 1 and memory gates near 0."""

from reference.lstm_output_hw.q1_gates import SETTING
from reference.part import Part, PartMaker


def parts(make: PartMaker) -> list[Part]:
    return [
        make.manual("q3", "explain", title="Q3 Why the gradient does not explode", points=2,
                    prompt=(f"{SETTING}\n\nBased on your answers above, explain why the gradient doesn't explode if "
                            "the values of the forget gates are very close to 1 and the values of the memory gates are "
                            "very close to 0."),
                    rubric=("1 pt: $\\nabla C_t = o_t \\tanh'(C_t) \\nabla h_t + f_{t+1} \\nabla C_{t+1}$ with "
                            "$f_{t+1} \\approx 1$ carries the gradient back unchanged (a factor of 1, not a weight "
                            "matrix), so it neither explodes nor vanishes along the memory. 1 pt: with $i_t \\approx 0$ "
                            "the terms through the memory gate ($\\nabla i_t$, $\\nabla W^{hi}$) and the recurrent "
                            "path through $\\tilde{C}_t$ are damped, so no factor above 1 is multiplied in repeatedly. "
                            "Arguments about small initial values or preprocessed inputs alone earn no credit.")),
    ]
