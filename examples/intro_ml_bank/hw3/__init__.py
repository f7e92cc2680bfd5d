"""Introduction to Machine Learning, Homework 3: gradients of the classification losses, shapes and costs."""

from intro_ml_bank.hw3 import q1_gradients, q2_sizes
from reference.part import Homework, PartMaker, late_policy

_make = PartMaker("intro-ml-hw3")

HOMEWORK = Homework(
    id="intro-ml-hw3",
    title="Introduction to Machine Learning, Homework 3",
    source="examples/intro_ml_bank",
    deadline="2026-10-09T23:59:00",
    late_policy=late_policy(5, "day", rounding="up", close_after_periods=5),
    parts=tuple(q1_gradients.parts(_make) + q2_sizes.parts(_make)),
)
