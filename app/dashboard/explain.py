"""The late-policy arithmetic of one submission, spelled out for the instructor."""

from datetime import datetime, tzinfo

from app.late_policy import LatePolicy
from app.models import Submission


def local(when: datetime, zone: tzinfo) -> str:
    return when.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def late_arithmetic(policy: LatePolicy, deadline: datetime, submission: Submission, zone: tzinfo) -> list[str]:
    """One line per step, from the deadline to the final score."""
    lines = [f"Deadline {local(deadline, zone)}"
             + (f", plus {policy.grace_minutes:g} minutes of grace" if policy.grace_minutes else "")
             + f"; submitted {local(submission.submitted_at, zone)}."]
    periods = submission.late_periods
    if periods == 0:
        lines.append("On time: no penalty.")
    else:
        lines.append(
            f"{periods:g} {policy.period}(s) late (partial periods rounded {policy.rounding}) × "
            f"{policy.percent_per_period:g}% per {policy.period} = {periods * policy.percent_per_period:g}%"
            + (f", capped at {submission.penalty_percent:g}% so at least {policy.min_percent:g}% remains"
               if submission.penalty_percent < periods * policy.percent_per_period else "")
            + "."
        )
    fraction = submission.penalty_percent / 100
    raw, possible = submission.raw_score, submission.max_score
    if policy.deduct_from == "possible":
        lines.append(f"Final = max(0, {raw:g} − {possible:g} × {fraction:g}) = {submission.final_score:g} "
                     f"of {possible:g}.")
    else:
        lines.append(f"Final = {raw:g} × (1 − {fraction:g}) = {submission.final_score:g} of {possible:g}.")
    return lines
