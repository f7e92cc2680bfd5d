"""Every solution of seed 002 and every student answer of seed 003, verbatim, with the verdict we decided.

`answer` is the LaTeX as written in the seed (for a part that asks for one side of an equation or inequality,
the side that answers it). `correct` is None for manual parts (they wait for an instructor).
"""

from typing import NamedTuple


class SeedAnswer(NamedTuple):
    part_id: str
    answer: str
    correct: bool | None
    feedback_contains: str
    source: str


W8 = "sutd-50039-week8"
H4 = "csc413-2020-hw4"

SEED_ANSWERS_002 = [
    SeedAnswer(f"{W8}/task1/c-of-h", "no", True, "Correct", "002 Task 1: 'So: nope!'"),
    SeedAnswer(f"{W8}/task1/c-of-h-why",
               r"if  $c_{t-1}$  were a function of  $h_{t-1}$ , then  $c_t$  is a function of  $h_t$ , too. This is not "
               r"the case according to the equations.  $c_t$  is computed from  $f_t, c_{t-1}$   $i_t$   $u_t$ , all of "
               r"them depend only on  $x_t, h_{t-1}$ . So: nope!", None, "instructor", "002 Task 1, first bullet"),
    SeedAnswer(f"{W8}/task1/dh-dh",
               r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ (\tanh'(c_t) \frac{\partial c_t}{\partial h_{t-1}})",
               False, "resolve", "002 Task 1 solution, first line alone (stops at dc_t/dh_{t-1})"),
    SeedAnswer(f"{W8}/task1/dh-dh",
               r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ (\tanh'(c_t) (\frac{\partial f_t}{\partial h_{t-1}} \circ c_{t-1} + f_t \circ \frac{\partial c_{t-1}}{\partial h_{t-1}} + \frac{\partial i_t}{\partial h_{t-1}} \circ u_t + i_t \circ \frac{\partial u_t}{\partial h_{t-1}}))",
               True, "Correct", "002 Task 1 solution, the second line substituted into the first"),
    SeedAnswer(f"{W8}/task1/dh-dh",
               r"\frac{\partial o_t}{\partial h_{t-1}} \circ \tanh(c_t) + o_t \circ (\tanh'(c_t) (\frac{\partial f_t}{\partial h_{t-1}} \circ c_{t-1} + 0 + \frac{\partial i_t}{\partial h_{t-1}} \circ u_t + i_t \circ \frac{\partial u_t}{\partial h_{t-1}}))",
               True, "Correct", "002 Task 1 solution, the simplified second line substituted into the first"),
    SeedAnswer(f"{W8}/task1/sigmoid-prime", r"-1 \frac{1}{(1 + e^{-z})^2} (-e^{-z})", True, "Correct",
               "002 Task 1, sigma'(z), middle form"),
    SeedAnswer(f"{W8}/task1/sigmoid-prime", r"\frac{e^{-z}}{(1 + e^{-z})^2}", True, "Correct",
               "002 Task 1, sigma'(z), final form"),
    SeedAnswer(f"{W8}/task1/df-dh", r"\sigma'(W^f[d_1,:] \cdot x_t + U^f[d_1,:] \cdot h_{t-1})U^f[d_1,d_2]", True,
               "Correct", "002 Task 1, df_t[d_1]/dh_{t-1}[d_2], final line"),
    SeedAnswer(f"{W8}/task1/activate-gate",
               r"If an LSTM has a forget gate, then it is good practice to initialize it such that  $f_t$  is a vector of "
               r"values close to 1 at the start of the training. This is done usually by adjusting the bias terms (, which "
               r"we dropped here, though). [...] and thus  $\frac{\partial c_t}{\partial c_{t-1}} \approx 1$ , that is the "
               r"gradient flows back through time unchallenged through the memory cell vectors  $c_t$ .",
               None, "instructor", "002 Task 1, how to activate a gate"),
    SeedAnswer(f"{W8}/task1/argmax", r"\frac{U^f(d)}{\|U^f(d)\|_2}", True, "Correct",
               "002 Task 1: 'Therefore:  h_{t-1} = \\frac{U^f(d)}{\\|U^f(d)\\|_2}' (right-hand side)"),
    SeedAnswer(f"{W8}/task1/argmax-depends", "no", True, "Correct",
               "002 Task 1: 'The argmax ... does not depend on it.'"),
    SeedAnswer(f"{W8}/task1/max-depends", "yes", True, "Correct",
               "002 Task 1: 'The value of the objective does depend on  W^f(d) \\cdot x_t.'"),
    SeedAnswer(f"{W8}/task1/depends-why",
               r"The argmax - the vector  $h_{t-1}$  which maximizes the objective does not depend on it. The value of the "
               r"objective does depend on  $W^f(d) \cdot x_t$ . One can compare  $x_t = 0$  - then we have  "
               r"$\sigma(U^f(d) \cdot \frac{U^f(d)}{\|U^f(d)\|_2}) = \sigma(1)$  versus  $x_t = 10000 "
               r"\frac{W^f(d)}{\|W^f(d)\|_2}$ b - then we would have  $\sigma(10000 + 1)$  which is larger than  $\sigma(1)$ .",
               None, "instructor", "002 Task 1, argmax/max justification"),
    SeedAnswer(f"{W8}/task2/output-size-padded", "(26, 28)", True, "Correct", "002 Task 2: '= 26', '= 28'"),
    SeedAnswer(f"{W8}/task2/output-size-rectangular", "(31, 30)", True, "Correct", "002 Task 2: '= 31', '= 30'"),
    SeedAnswer(f"{W8}/task2/input-size", r"52 \le x < 55", True, "Correct", "002 Task 2: '\\Rightarrow 52 \\le x < 55'"),
    SeedAnswer(f"{W8}/task2/parameters", "32 * 7 * 7 * 64", True, "Correct", "002 Task 2: '32 * 7 * 7 * 64'"),
    SeedAnswer(f"{W8}/task2/multiplications", "49*32*25*64", True, "Correct",
               "002 Task 2: '49*n_{in}*25*n_{out} mul ... where n_{in}=32 and n_{out}=64' (values substituted)"),
    SeedAnswer(f"{W8}/task2/additions", "(49*32-1)*25*64", True, "Correct",
               "002 Task 2: '(49*n_{in}-1)*25*n_{out} add ops' (values substituted); the formula is right"),
    SeedAnswer(f"{W8}/task2/additions", "48*32*25*64", False, "per-channel sums",
               "002 Task 2 text: '49 multiplications and 48 addition ops' per (7, 7) kernel, taken per channel"),
    SeedAnswer(f"{W8}/task2/parameters-pointwise", "512 * 128", True, "Correct", "002 Task 2: '512 * 128'"),
]

SEED_ANSWERS_003 = [
    SeedAnswer(f"{H4}/q1.1.1/bound", r"\left( \frac{1}{4} \right)^n", True, "Correct",
               "003 1.1.1 (1.13): '0 \\le |df/dx| \\le (1/4)^n' (the bound)"),
    SeedAnswer(f"{H4}/q1.1.1/vanish-or-explode",
               "The sigmoid activation solves the gradient exploding problem, but it is still for the model to suffer "
               "from gradient vanishing problem.", None, "instructor", "003 1.1.1 conclusion"),
    SeedAnswer(f"{H4}/q1.1.2/bound", "1", True, "Correct", "003 1.1.2 (1.16): '0 \\le |df/dx| \\le 1'"),
    SeedAnswer(f"{H4}/q1.1.2/vanish-or-explode",
               "The tanh activation solves the gradient exploding problem, but it is still for the model to suffer from "
               "gradient vanishing problem.", None, "instructor", "003 1.1.2 conclusion"),
    SeedAnswer(f"{H4}/q1.2.1/bound", r"\left(\frac{1}{2}\right)^{n-1}", True, "Correct", "003 1.2.1 (1.24)"),
    SeedAnswer(f"{H4}/q1.2.1/proof",
               r"$\sigma_{max}\left(\prod_{t=1}^{n-1} \frac{\partial x_{t+1}}{\partial x_t}\right) \le \prod_{t=1}^{n-1} "
               r"\sigma_{max}\left(\frac{\partial x_{t+1}}{\partial x_t}\right) = \left(\frac{1}{2}\right)^{n-1}$ Still have "
               r"to show  $0 \le \sigma_{\max} \left( \frac{\partial x_n}{\partial x_1} \right)$", None, "instructor",
               "003 1.2.1 (1.17)-(1.24)"),
    SeedAnswer(f"{H4}/q1.2.2/smallest", r"1 - \sigma_{small}", True, "Correct", "003 1.2.2 (1.32)"),
    SeedAnswer(f"{H4}/q1.2.2/largest", r"\sigma_{big} - 1", True, "Correct", "003 1.2.2 (1.38)"),
    SeedAnswer(f"{H4}/q1.2.3/which-fixed", "vanishing only", True, "Correct",
               "003 1.2.3: 'the gradient vanishing problem is solved ... The gradient exploding problem is not solved.'"),
    SeedAnswer(f"{H4}/q1.2.3/benefits",
               "In the previous part, we've shown that the singular values of Jacobian matrix in each layer is bounded "
               "below and bounded away from zero. Hence, as the number of layers, n, grows the gradient does not vanish "
               "as fast as before, the gradient vanishing problem is solved. However, the residual connection does not "
               "help bound singular values from above, therefore, it is still possible for the gradient to explode as n "
               "grows large. The gradient exploding problem is not solved.", None, "instructor", "003 1.2.3"),
    SeedAnswer(f"{H4}/q1.3.1/dy-dx",
               r"\frac{\gamma}{\sigma_{\mathcal{B}}^2 + \epsilon} \left[ \frac{m-1}{m} \frac{\sigma_{\mathcal{B}}^2 + "
               r"\epsilon}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} - \frac{1}{m} \frac{(x_i - \mu_{\mathcal{B}})^2}"
               r"{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} \right]", True, "Correct",
               "003 1.3.1 (1.49), marked 'Not Finished' but already equal to the answer"),
    SeedAnswer(f"{H4}/q1.3.2/placement", "second", True, "Correct", "003 1.3.2: 'we should use the second setting'"),
    SeedAnswer(f"{H4}/q1.3.2/placement-why",
               "Unsure. The batch normalization layer aims to bound the magnitude of gradient flow  "
               r"$\frac{\partial y_i}{\partial x_i}$  to prevent exploding / vanishing gradient. In the first setup, if "
               "we add the residual connection after the batch normalization, the gradient is still possible to "
               "explode. Therefore, we should use the second setting.", None, "instructor", "003 1.3.2"),
    SeedAnswer(f"{H4}/q2.1.1/connections", "", False, "could not be read", "003 2.1.1 left blank"),
    SeedAnswer(f"{H4}/q2.1.2/parallel", "", False, "could not be read", "003 2.1.2 left blank"),
    SeedAnswer(f"{H4}/q2.1.3/discussion", "", None, "instructor", "003 2.1.3 left blank"),
    SeedAnswer(f"{H4}/q2.2.1/connections", r"\mathcal{O}(dk^2H \times W)", True, "Correct", "003 2.2.1 (2.1)"),
    SeedAnswer(f"{H4}/q2.2.2/parallel", r"\mathcal{O}(d)", True, "Correct", "003 2.2.2 (2.2)"),
    SeedAnswer(f"{H4}/q2.3.1/connections", r"\mathcal{O}(dk^2H \times W)", True, "Correct", "003 2.3.1 (2.4)"),
    SeedAnswer(f"{H4}/q2.3.2/parallel", r"\mathcal{O}(dH \times W)", False, "anti-diagonal", "003 2.3.2 (2.5)"),
    SeedAnswer(f"{H4}/q2.3.3/discussion",
               "PixelCNN: Pro (1): Better parallelization potentials since all operations within one layer can be run "
               "in parallel. Con (1): Pixel CNN has small context window, for k = 3, the model is only looking at 4 "
               "other pixels. MDRNN: Pro (1): MDRNN has a larger context window [...] Effectively, the context window "
               "is infinitely large. Pro (2): MDRNN has lower memory cost [...] Con (1): MDRNN has worse "
               "parallelization potential since operations within each layer cannot be fully run in parallel.",
               None, "instructor", "003 2.3.3"),
]

SEED_ANSWERS_002_003 = SEED_ANSWERS_002 + SEED_ANSWERS_003
