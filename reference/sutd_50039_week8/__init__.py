"""SUTD 50.039 Theory and Practice of Deep Learning, Week 8 tasks (with the solutions of seed 002)."""

from reference.part import Homework, PartMaker, late_policy
from reference.sutd_50039_week8 import task1_lstm, task2_conv

_make = PartMaker("sutd-50039-week8")

HOMEWORK = Homework(
    id="sutd-50039-week8",
    title="SUTD 50.039 Week 8: LSTM and Convolutions",
    source="002_b2f9e884247261e4.txt",
    deadline="2026-12-04T23:59:00",
    late_policy=late_policy(10, "day", rounding="up", close_after_periods=5, grace_minutes=10),
    parts=tuple(task1_lstm.parts(_make) + task2_conv.parts(_make)),
)
