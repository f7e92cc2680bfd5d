"""Score history: every change of a part's score or of a submission's final score is kept as a ScoreChange."""

from app.late_policy import LateOutcome, LatePolicy, final_score
from app.models import ScoreChange, Submission

# Scores are stored rounded to this many decimals, so float noise never shows up as a change.
DECIMALS = 6


def record(submission: Submission, question_id: str | None, old: float, new: float, *, why: str, by: str) -> bool:
    """Append a history row if the score really changes; return whether it did."""
    if round(old, DECIMALS) == round(new, DECIMALS):
        return False
    submission.history.append(
        ScoreChange(question_id=question_id, old=old, new=round(new, DECIMALS), why=why, by=by)
    )
    return True


def retotal(submission: Submission, policy: LatePolicy, *, why: str, by: str) -> bool:
    """Recompute the raw and final score from the parts and the stored lateness; return whether the final changed."""
    raw = round(sum(part.score for part in submission.parts), DECIMALS)
    outcome = LateOutcome(late_periods=submission.late_periods, penalty_percent=submission.penalty_percent,
                          closes_at=None)
    final = round(final_score(policy, raw, submission.max_score, outcome), DECIMALS)
    changed = record(submission, None, submission.final_score, final, why=why, by=by)
    if submission.raw_score != raw:
        submission.raw_score = raw
    if changed:
        submission.final_score = final
    return changed
