"""SUTD 50.039 Theory and Practice of Deep Learning, Week 8 tasks (with solutions): LSTM derivatives, the
sigmoid's derivative, forget-gate maximisation, convolution sizes, parameter and operation counts."""

from reference.part import Homework, PartMaker, late_policy
from reference.sutd_week8 import (
    task1_forget_gate,
    task1_memory,
    task1_recurrence,
    task1_sigmoid,
    task2_counts,
    task2_shapes,
)

_make = PartMaker("sutd-50039-week8")

HOMEWORK = Homework(
    id="sutd-50039-week8",
    title="SUTD 50.039 Theory and Practice of Deep Learning, Week 8",
    source="002_b2f9e884247261e4.txt",
    deadline="2021-03-26T23:59:00",
    late_policy=late_policy(20, "day", rounding="up", close_after_periods=2),
    parts=tuple(
        part
        for module in (task1_memory, task1_recurrence, task1_sigmoid, task1_forget_gate, task2_shapes, task2_counts)
        for part in module.parts(_make)
    ),
)
