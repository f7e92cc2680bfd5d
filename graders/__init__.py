"""Grading library: read student answers safely and compare them with a reference, per answer kind."""

from graders.fingerprint import fingerprint
from graders.kinds import KINDS
from graders.kinds.engine import check_reference, grade, interpret
from graders.pool import GradingPool
from graders.result import GradeResult, Interpretation

__all__ = ["KINDS", "GradeResult", "GradingPool", "Interpretation", "check_reference", "fingerprint", "grade", "interpret"]
