"""A univariate LSTM with a sigmoid output (Homework 5, student answers in seed 004): gate and weight gradients."""

from reference.lstm_output_hw import q1_gates, q2_weight, q3_explanation
from reference.part import Homework, PartMaker, late_policy

_make = PartMaker("lstm-output-hw5")

HOMEWORK = Homework(
    id="lstm-output-hw5",
    title="Univariate LSTM with Output, Homework 5",
    source="004_e470ad415450e6e1.txt",
    deadline="2026-12-11T17:00:00",
    late_policy=late_policy(5, "hour", rounding="up", close_after_periods=48, grace_minutes=15, min_percent=20),
    parts=tuple(q1_gates.parts(_make) + q2_weight.parts(_make) + q3_explanation.parts(_make)),
)
