"""The one result shape every kind returns, and the shape `interpret` returns."""

from dataclasses import dataclass


@dataclass(frozen=True)
class GradeResult:
    correct: bool | None
    score: float
    feedback: str
    interpreted: str | None
    error: str | None
    canonical: str | None = None
    mistake: int | None = None
    # Set by GradingPool.grade(..., fingerprint=True) on a wrong answer that was read: see graders.fingerprint.
    fingerprint: str | None = None


@dataclass(frozen=True)
class Interpretation:
    latex: str | None
    error: str | None
    canonical: str | None = None


def unreadable(error: str) -> GradeResult:
    """The answer could not be read: no credit, and the reason for the student."""
    return GradeResult(correct=False, score=0.0, feedback="Your answer could not be read.", interpreted=None, error=error)
