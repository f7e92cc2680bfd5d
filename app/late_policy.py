"""Late policy: how late a submission is, what it costs, and when submissions close.

Pure: no database, no HTTP. Every instant is an aware datetime; lateness is elapsed time, so a "day"
is always 24 hours, also across a daylight-saving change.

Course-local wall times (a deadline without an offset) follow PEP 495's `fold=0`, chosen on purpose:
- a time that does not exist (inside the spring-forward gap, e.g. 02:30 on 2019-03-10 in Toronto) is
  read with the offset in force before the change, so it lands as far past the gap as it was inside
  it (02:30 becomes 03:30 EDT);
- a time that occurs twice (inside the fall-back fold, e.g. 01:30 on 2019-11-03 in Toronto) is the
  first occurrence (01:30 EDT), the one a clock on the wall shows first.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

PERIODS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}
# Far enough for any course, near enough that adding a grace period and the longest closing window
# to a deadline can never overflow `datetime`.
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def _not_true_or_false(value: object) -> object:
    """pydantic reads `true` as 1: a client sending a truth value for a percentage means something else (the
    dashboard's form sends text, which is read as usual)."""
    if isinstance(value, bool):
        raise ValueError("a number was expected, not true or false")
    return value


Number = Annotated[float, BeforeValidator(_not_true_or_false)]
Whole = Annotated[int, BeforeValidator(_not_true_or_false)]


class LatePolicy(BaseModel):
    """The contract's `late_policy` object; the defaults are seed 000's "10% per day, rounded up, 3 days"."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    percent_per_period: Number = Field(default=10.0, ge=0, le=100)
    period: Literal["hour", "day"] = Field(default="day", description="A day is 24 hours of elapsed time.")
    rounding: Literal["up", "down", "exact"] = Field(
        default="up", description="A partial period counts whole (up), is forgiven (down) or counts pro rata (exact)."
    )
    close_after_periods: Whole | None = Field(
        default=3, ge=0, le=10_000, description="Submissions later than deadline + grace + this many periods are refused."
    )
    grace_minutes: Number = Field(default=0.0, ge=0, le=525_600, description="Shifts the effective deadline.")
    min_percent: Number = Field(default=0.0, ge=0, le=100, description="The penalty never takes a score below this %.")
    deduct_from: Literal["earned", "possible"] = Field(
        default="earned", description="final = earned * (1 - p), or max(0, earned - possible * p)."
    )


@dataclass(frozen=True)
class LateOutcome:
    late_periods: float
    penalty_percent: float
    closes_at: datetime | None


class SubmissionClosed(Exception):
    def __init__(self, closes_at: datetime) -> None:
        super().__init__(f"submissions closed at {closes_at.isoformat()}")
        self.closes_at = closes_at


def course_deadline(value: datetime | str, timezone: str) -> datetime:
    """An aware UTC instant; a value without an offset is a wall time in the IANA zone `timezone`."""
    zone = _zone(timezone)
    when = _parse(value) if isinstance(value, str) else value
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone, fold=0)
    try:
        instant = when.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{when.isoformat()} is outside the calendar") from None
    if instant >= LATEST:
        raise ValueError(f"{when.isoformat()} is after {LATEST.year}")
    return instant


def closes_at(policy: LatePolicy, deadline: datetime) -> datetime | None:
    if policy.close_after_periods is None:
        return None
    return _effective_deadline(policy, deadline) + policy.close_after_periods * PERIODS[policy.period]


def assess(policy: LatePolicy, deadline: datetime, submitted_at: datetime) -> LateOutcome:
    """Raises SubmissionClosed when `submitted_at` is after the closing time (the closing instant itself is open)."""
    submitted = _utc(submitted_at, "submitted_at")
    closing = closes_at(policy, deadline)
    if closing is not None and submitted > closing:
        raise SubmissionClosed(closing)
    late_periods = _late_periods(policy, submitted - _effective_deadline(policy, deadline))
    penalty = min(late_periods * policy.percent_per_period, 100 - policy.min_percent)
    return LateOutcome(late_periods=late_periods, penalty_percent=penalty, closes_at=closing)


def final_score(policy: LatePolicy, earned: float, possible: float, outcome: LateOutcome) -> float:
    fraction = outcome.penalty_percent / 100
    if policy.deduct_from == "possible":
        return max(0.0, earned - possible * fraction)
    return earned * (1 - fraction)


def _late_periods(policy: LatePolicy, late: timedelta) -> float:
    if late <= timedelta(0):
        return 0.0
    period = PERIODS[policy.period]
    # Whole periods are counted on timedeltas (exact microseconds) so that 24 h late is exactly one day.
    whole, rest = divmod(late, period)
    if policy.rounding == "up":
        return float(whole + (rest > timedelta(0)))
    if policy.rounding == "down":
        return float(whole)
    return late / period


def _effective_deadline(policy: LatePolicy, deadline: datetime) -> datetime:
    return _utc(deadline, "deadline") + timedelta(minutes=policy.grace_minutes)


def _utc(when: datetime, name: str) -> datetime:
    # In UTC, `+ timedelta` and `-` are elapsed time; on a zone's wall clock they would skip or repeat DST hours.
    if when.tzinfo is None or when.utcoffset() is None:
        # A bug upstream (course_deadline makes every instant aware), not bad input.
        raise ValueError(f"{name} must be timezone-aware; pass it through course_deadline first")
    return when.astimezone(UTC)


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _zone(timezone: str) -> ZoneInfo:
    # Checked against the list first: ZoneInfo() itself would open any file path it is given.
    if timezone not in _known_zones():
        raise ValueError(f"unknown time zone {timezone[:64]!r}; use an IANA name such as 'America/Toronto'")
    return ZoneInfo(timezone)


def _parse(text: str) -> datetime:
    try:
        date.fromisoformat(text)
    except ValueError:
        pass
    else:
        raise ValueError(f"{text!r} has no time of day; write it as e.g. '{text}T23:59'")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text[:64]!r} is not an ISO 8601 date and time such as '2019-03-14T23:59'") from None
