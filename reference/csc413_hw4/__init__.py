"""CSC413 Winter 2020 Homework 4 (statements written from the student answers of seed 003): gradient bounds
through activations and RNNs, residual connections, batch norm, and WaveNet/PixelCNN/MDRNN."""

from reference.csc413_hw4 import q1_1_activations, q1_2_rnn_matrices, q1_3_batch_norm, q2_autoregressive
from reference.part import Homework, PartMaker, late_policy

_make = PartMaker("csc413-2020-hw4")

HOMEWORK = Homework(
    id="csc413-2020-hw4",
    title="CSC413/2516 Winter 2020 Homework 4",
    source="003_3500a45c06a6d3c4.txt",
    deadline="2020-03-20T23:59:00",
    late_policy=late_policy(10, "day", rounding="up", close_after_periods=3),
    parts=tuple(part for module in (q1_1_activations, q1_2_rnn_matrices, q1_3_batch_norm, q2_autoregressive)
                for part in module.parts(_make)),
)
