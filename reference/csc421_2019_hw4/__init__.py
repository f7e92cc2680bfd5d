"""CSC421 Winter 2019 Homework 4 (questions only): LSTM gradient, multidimensional RNN, reversibility."""

from reference.csc421_2019_hw4 import q1_lstm, q2_mdrnn, q3_reversibility
from reference.part import Homework, PartMaker, late_policy

_make = PartMaker("csc421-2019-hw4")

HOMEWORK = Homework(
    id="csc421-2019-hw4",
    title="CSC421 Winter 2019 Homework 4",
    source="000_f7a0746002027825.txt",
    deadline="2019-03-14T23:59:00",
    late_policy=late_policy(10, "day", rounding="up", close_after_periods=3),
    parts=tuple(q1_lstm.parts(_make) + q2_mdrnn.parts(_make) + q3_reversibility.parts(_make)),
)
