r"""Every student answer of seeds 001, 003 and 004 and every solution of seed 002, with the verdict decided for it.

Seeds 001 and 004 are written here; 002 and 003 come from `tests/seed_answers_002_003.py` (the engineer who wrote
those homeworks) and are joined into `SEED_ANSWERS`. Plain data, importable without graders, so that the service tests can submit the same table through the API.
`correct` is None for manual parts (graded by an instructor): `note` then records the verdict an instructor
should reach. `answer` is the LaTeX as the document writes it; where a document derives its answer through a chain
of equalities, the answer is the final right-hand side (earlier forms that are answers in their own right get
their own row). `unreadable_notation` names notation the grader does not read yet, where the verdict depends on it.
"""

from dataclasses import dataclass

from tests.seed_answers_002_003 import SEED_ANSWERS_002_003


@dataclass(frozen=True)
class SeedAnswer:
    part_id: str
    answer: str
    correct: bool | None
    feedback_contains: str | None
    source: str
    note: str = ""
    unreadable_notation: str | None = None


NYU = "nyu-dl-hw2"
LSTM5 = "lstm-output-hw5"

_ONLY_OUTPUT = "keeps only the path through $y_t$"

SEED_ANSWERS_001_004: list[SeedAnswer] = [
    # --- 001: NYU Deep Learning HW2, a student's answers --------------------------------------------------------
    SeedAnswer(f"{NYU}/q1.1/a-output-size", "9×13", True, None, "001 1.1(a)"),
    SeedAnswer(f"{NYU}/q1.1/b-output-shape",
               r"F \times \left[\frac{(H + 2P) - (H_K + D(H_K - 1))}{S} + 1 \right] \times \left[\frac{(W + 2P) - (W_K + D(W_K - 1))}{S} + 1 \right]",
               False, "effective kernel size", "001 1.1(b)",
               note="the dilated kernel spans D(K-1)+1 inputs, not K + D(K-1)"),
    SeedAnswer(f"{NYU}/q1.1/c-i-output-length", "5", True, None, "001 1.1(c)(i)"),
    SeedAnswer(f"{NYU}/q1.1/c-i-formula",
               r"f_{\mathbf{W}}(\mathbf{x})[n] = \sum_{k=1}^7 \sum_{i=1}^3 \mathbf{x}[2(n-1) + i][k] \mathbf{W}[1, k, i]",
               True, None, "001 1.1(c)(i)", note="the strided convolution's elements, 1-based"),
    SeedAnswer(f"{NYU}/q1.1/c-ii-dw-shape", r"\mathbb{R}^{5 \times (1 \times 7 \times 3)}", True, None,
               "001 1.1(c)(ii)", note="the grouped shape is the part's (5, 1, 7, 3)"),
    SeedAnswer(f"{NYU}/q1.1/c-ii-dw",
               r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{W}}[n, 1, k, i] = \mathbf{x}[2(n-1) + i][k].",
               True, None, "001 1.1(c)(ii)"),
    SeedAnswer(f"{NYU}/q1.1/c-iii-dx-shape", r"\mathbb{R}^{5 \times 7 \times 11}", True, None, "001 1.1(c)(iii)"),
    SeedAnswer(f"{NYU}/q1.1/c-iii-dx",
               r"\frac{\partial f_{\mathbf{W}}(\mathbf{x})}{\partial \mathbf{x}}[n, k, i] = \begin{cases} \mathbf{W}[1, k, i - 2(n-1)] & \text{when } 2(n-1) < i \leq 3 \\ 0 & \text{otherwise} \end{cases}",
               False, "the upper bound is $2(n-1)+3$, not 3", "001 1.1(c)(iii)",
               note="right for n = 1 only: output 2's window is inputs 3..5, the answer keeps only i = 3 (1 of 2 pt)"),
    SeedAnswer(f"{NYU}/q1.1/c-iv-dl-dw-shape", r"\mathbb{R}^{1 \times 7 \times 3}", True, None, "001 1.1(c)(iv)"),
    SeedAnswer(f"{NYU}/q1.1/c-iv-dl-dw",
               r"\frac{\partial \ell}{\partial \mathbf{W}}[1, k, i] = \sum_{n=1}^2 \left(\frac{\partial \ell}{\partial f_{\mathbf{W}}(\mathbf{x})} \right) [n]. \mathbf{x}[2(n-1) + i][k]",
               False, "The sum runs over all 5 outputs", "001 1.1(c)(iv)",
               note="outputs 3..5 are left out of the sum (0 of 1 pt)"),
    SeedAnswer(f"{NYU}/q1.1/c-iv-compare",
               "This formula is calculating gradient for a backward pass, while the first part (i) is a forward pass. "
               "The initial forward pass performs a stride (size 2), which makes the backward pass perform a dilation "
               "operation.", None, None, "001 1.1(c)(iv)", note="the stride becomes a dilation: 1 of 1 pt"),
    SeedAnswer(f"{NYU}/q1.2.1/a-graph", "Attached is the graph of the RNN.", None, None, "001 1.2.1(a)",
               note="no drawing in the document: 0"),
    SeedAnswer(f"{NYU}/q1.2.1/b-dim-c", r"\mathbb{R}^m", True, None, "001 1.2.1(b)"),
    SeedAnswer(f"{NYU}/q1.2.1/c-jacobian",
               r"D(c_t) + D(h_{t-1}) \frac{\partial c_t}{\partial h_{t-1}} - D(\mathbf{W}_x x_t) \frac{\partial c_t}{\partial h_{t-1}}, \quad \frac{\partial c_t}{\partial h_{t-1}} = D(\sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1}) \odot (1 - \sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1}))) \mathbf{W}_h^\top",
               False, None, "001 1.2.1(c)",
               note="as written it leaves dc_t/dh_{t-1} as a partial (the grader does not read \\partial); substituted, see below"),
    SeedAnswer(f"{NYU}/q1.2.1/c-jacobian",
               r"D(c_t) + D(h_{t-1}) D(\sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1}) \odot (1 - \sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1}))) \mathbf{W}_h^\top - D(\mathbf{W}_x x_t) D(\sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1}) \odot (1 - \sigma(\mathbf{W}_c x_t + \mathbf{W}_h h_{t-1}))) \mathbf{W}_h^\top",
               False, "numerator layout", "001 1.2.1(c), dc_t/dh_{t-1} substituted",
               note="right structure and sign; W_h^T where numerator layout has W_h: the known mistake, 2 of 3"),
    SeedAnswer(f"{NYU}/q1.2.1/d-weight-gradient",
               r"\frac{\partial \ell}{\partial \mathbf{W}_x} = \sum_{t=1}^K \frac{\partial \ell}{\partial h_t} \left(\frac{\partial \tilde{h}_t}{\partial \mathbf{W}_x} + \sum_{i=1}^{t-1} \left(\prod_{j=1}^{t-1} \frac{\partial h_{i+1}}{\partial h_i} \right) \frac{\partial \tilde{h}_i}{\partial \mathbf{W}_x} \right)",
               False, None, "001 1.2.1(d)",
               note="unread tensor derivatives (\\partial, a 3-tensor W~); the Jacobian product runs over a fixed range j = 1..t-1 "
                    "instead of i..t-1: wrong either way"),
    SeedAnswer(f"{NYU}/q1.2.1/e-vanishing-exploding",
               "The network cannot have exploding gradient since the state vector does not get multiplied with a c > 1 constant during each time step. The network can have a vanishing gradient, since sigmoid can produce a value close to 0.",
               None, None, "001 1.2.1(e)", note="vanishing right; exploding ignores the W_h term (1.5 of 2)"),
    SeedAnswer(f"{NYU}/q1.2.2/a-graph", "(the recurrent gated unit graph is the same as the graph above, given the intermediate state z_t)",
               None, None, "001 1.2.2(a)", note="no drawing: 0"),
    SeedAnswer(f"{NYU}/q1.2.2/b-attention-k", r"h[t] = \sum_{i=1}^k a_i[t]v_i[t]", None, None, "001 1.2.2(b)",
               note="the sum must start at i = 0 (0.5 of 1)"),
    SeedAnswer(f"{NYU}/q1.2.2/c-attention-inf", r"h[t] = \sum_{i=1}^{t-1} a_i[t]v_i[t]", None, None, "001 1.2.2(c)",
               note="same off-by-one as (b); V_k typo (0.5 of 1)"),
    SeedAnswer(f"{NYU}/q1.2.2/d-jacobian",
               r"\frac{\partial h[t]}{\partial h[t-1]} = \sum_{i=0}^2 \left(a_i[t] \frac{\partial v_i[t]}{\partial h[t-1]} + v_i[t] \frac{\partial a_i[t]}{\partial h[t-1]} \right)",
               False, None, "001 1.2.2(d)",
               note="left as unevaluated partials (\\partial); the softmax uses k_0 for every score and the index-1 term is garbled"),
    SeedAnswer(f"{NYU}/q1.2.2/e-backprop", r"\frac{\partial \ell}{\partial h[T]} = \sum_{t>T} \frac{\partial h[t]}{\partial h[T]} \frac{\partial \ell}{\partial h[t]}",
               False, None, "001 1.2.2(e)",
               note="a sum over every later step of total derivatives, not the question's g[T] + sum_i J_i[T+i]^T hbar[T+i] "
                    "for general k; t > T is not a range the grader sums over"),
    SeedAnswer(f"{NYU}/q1.3/a-spikes", "Spike on the left due to exploding gradients.", None, None, "001 1.3(a)", note="correct"),
    SeedAnswer(f"{NYU}/q1.3/b-above-initial",
               "Exploding gradients can create unstable optimization environment, e.g., let the gradient step onto the different local minima, making the loss spiking point larger than the initial loss.",
               None, None, "001 1.3(b)", note="partly: a huge step, but no reason why the loss exceeds ln 4 (0.5)"),
    SeedAnswer(f"{NYU}/q1.3/c-fix", "We can use gradient clipping or regularization to avoid the spikes.", None, None, "001 1.3(c)",
               note="clipping is right (1)"),
    SeedAnswer(f"{NYU}/q1.3/d-initial-accuracy", "1/4", True, None, "001 1.3(d)"),
    SeedAnswer(f"{NYU}/q1.3/d-explain", "The model is randomly initialized so the accuracy is roughly 1/4 initially.",
               None, None, "001 1.3(d)", note="accuracy explained, the loss value not (0.5)"),
    # --- 004: univariate LSTM with output, a student's answers ------------------------------------------------------
    SeedAnswer(f"{LSTM5}/q1/grad-h",
               r"w^y y_t (1 - y_t) \nabla y_t + \frac{\partial f_{t+1}}{\partial h_t} \nabla f_{t+1} + \frac{\partial i_{t+1}}{\partial h_t} \nabla i_{t+1} + \frac{\partial o_{t+1}}{\partial h_t} \nabla o_{t+1} + \frac{\partial \tilde{C}_{t+1}}{\partial h_t} \nabla \tilde{C}_{t+1}",
               False, "is part of what you are asked to derive", "004 1.1 (first derivation)",
               note="the paths are right, but the local partials are left unevaluated: a restated chain rule (issue 9)"),
    SeedAnswer(f"{LSTM5}/q1/grad-h", r"w^y y_t (1 - y_t) \nabla y_t", False, _ONLY_OUTPUT, "004 1.1 (final)"),
    SeedAnswer(f"{LSTM5}/q1/grad-c", r"o_t(1 - (\tanh(C_t))^2) \nabla h_t + f_t \nabla C_{t+1}", False,
               "time index of the forget gate", "004 1.2 (first derivation)"),
    SeedAnswer(f"{LSTM5}/q1/grad-c", r"o_t(1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t", False, _ONLY_OUTPUT,
               "004 1.2 (final)"),
    SeedAnswer(f"{LSTM5}/q1/grad-o", r"\tanh(C_t) w^y y_t (1 - y_t) \nabla y_t", False, _ONLY_OUTPUT, "004 1.3 o_t"),
    SeedAnswer(f"{LSTM5}/q1/grad-f", r"C_{t-1} o_t (1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t", False, _ONLY_OUTPUT,
               "004 1.3 f_t"),
    SeedAnswer(f"{LSTM5}/q1/grad-i", r"\tilde{C}_t o_t (1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t", False,
               _ONLY_OUTPUT, "004 1.3 i_t"),
    SeedAnswer(f"{LSTM5}/q2/grad-w-hi",
               r"\sum_{i=1}^T h_{t-1} i_t (1 - i_t) \tilde{C}_t o_t (1 - (\tanh(C_t))^2) w^y y_t (1 - y_t) \nabla y_t",
               False, "Not equal to the gradient", "004 2",
               note="sums over i a term of the general step t (T times one step), and drops the recurrent terms of the adjoints"),
    SeedAnswer(f"{LSTM5}/q3/explain",
               r"if the value of the forget gates are close to 1 and memory gates are close to 0, which means $f_t \rightarrow 1, i_t \rightarrow 0$. Then $c_t \approx c_{t+1}$, the memory cell will always be close to the initial value ... so the gradient will not explode.",
               None, None, "004 3", note="argues from small values, not from f_{t+1} carrying the gradient unchanged (0.5 of 2)"),
]

SEED_ANSWERS: list[SeedAnswer] = SEED_ANSWERS_001_004 + [
    SeedAnswer(row.part_id, row.answer, row.correct, row.feedback_contains if row.correct is not None else None, row.source)
    for row in SEED_ANSWERS_002_003
]
