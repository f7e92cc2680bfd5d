"""NYU Deep Learning HW2, Theory (the statement reconstructed from the student answers of seed 001)."""

from reference.nyu_dl_hw2 import q1_1_cnn, q1_2_rnn, q1_3_loss_curve
from reference.part import Homework, PartMaker, late_policy

_make = PartMaker("nyu-dl-hw2")

HOMEWORK = Homework(
    id="nyu-dl-hw2",
    title="NYU Deep Learning HW2: Theory",
    source="001_0d13e296e3522753.txt",
    deadline="2026-12-01T23:59:00",
    late_policy=late_policy(20, "day", rounding="up", close_after_periods=1),
    parts=tuple(q1_1_cnn.parts(_make) + q1_2_rnn.parts(_make) + q1_3_loss_curve.parts(_make)),
)
