"""The late policy as a specification: seed 000's table first, then each option on its own."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from app.late_policy import LatePolicy, SubmissionClosed, assess, closes_at, course_deadline, final_score

TORONTO = "America/Toronto"
SEED_000 = LatePolicy()  # "10% per day, rounded up"; "open until 3 days after the deadline"
SEED_000_DEADLINE = course_deadline("2019-03-14T23:59", TORONTO)


def late_by(**elapsed: float) -> datetime:
    return SEED_000_DEADLINE + timedelta(**elapsed)


@pytest.mark.parametrize(
    ("submitted_at", "late_periods", "penalty_percent"),
    [
        pytest.param(late_by(seconds=-1), 0, 0, id="a second early"),
        pytest.param(late_by(), 0, 0, id="at the deadline itself"),
        pytest.param(late_by(seconds=1), 1, 10, id="one second late is one day"),
        pytest.param(late_by(hours=23, minutes=59, seconds=59), 1, 10, id="23:59:59 late"),
        pytest.param(late_by(hours=24), 1, 10, id="exactly 24 h late"),
        pytest.param(late_by(hours=24, seconds=1), 2, 20, id="24 h + 1 s late"),
        pytest.param(late_by(hours=48, seconds=1), 3, 30, id="48 h + 1 s late"),
        pytest.param(late_by(hours=72), 3, 30, id="exactly 72 h late is still open"),
    ],
)
def test_seed_000_penalty(submitted_at: datetime, late_periods: float, penalty_percent: float) -> None:
    outcome = assess(SEED_000, SEED_000_DEADLINE, submitted_at)
    assert (outcome.late_periods, outcome.penalty_percent) == (late_periods, penalty_percent)


def test_seed_000_deadline_is_thursday_2359_toronto_daylight_time() -> None:
    assert datetime(2019, 3, 15, 3, 59, tzinfo=UTC) == SEED_000_DEADLINE


def test_seed_000_refuses_one_second_after_72_hours() -> None:
    with pytest.raises(SubmissionClosed) as closed:
        assess(SEED_000, SEED_000_DEADLINE, late_by(hours=72, seconds=1))
    assert closed.value.closes_at == datetime(2019, 3, 18, 3, 59, tzinfo=UTC)
    assert "2019-03-18T03:59:00+00:00" in str(closed.value)


def test_seed_000_closing_time_is_sunday_2359_toronto() -> None:
    expected = datetime.fromisoformat("2019-03-17T23:59-04:00")
    assert closes_at(SEED_000, SEED_000_DEADLINE) == expected
    assert assess(SEED_000, SEED_000_DEADLINE, late_by(seconds=1)).closes_at == expected


@pytest.mark.parametrize(
    ("deadline", "submitted", "rounding", "late_periods"),
    [
        # Spring forward on 2019-03-10: the same wall time a day later is only 23 h of elapsed time.
        pytest.param("2019-03-09T23:59", "2019-03-10T23:59", "up", 1, id="spring forward, up"),
        pytest.param("2019-03-09T23:59", "2019-03-10T23:59", "down", 0, id="spring forward, down"),
        pytest.param("2019-03-09T23:59", "2019-03-10T23:59", "exact", 23 / 24, id="spring forward, exact"),
        # Fall back on 2019-11-03: the same wall time a day later is 25 h of elapsed time.
        pytest.param("2019-11-02T23:59", "2019-11-03T23:59", "up", 2, id="fall back, up"),
        pytest.param("2019-11-02T23:59", "2019-11-03T23:59", "down", 1, id="fall back, down"),
        pytest.param("2019-11-02T23:59", "2019-11-03T23:59", "exact", 25 / 24, id="fall back, exact"),
        pytest.param("2019-11-02T23:59", "2019-11-03T22:59", "up", 1, id="fall back, 24 h by the wall clock minus one"),
    ],
)
def test_a_day_is_24_hours_across_daylight_saving(deadline: str, submitted: str, rounding: str, late_periods: float) -> None:
    policy = LatePolicy(rounding=rounding, close_after_periods=None)
    outcome = assess(policy, course_deadline(deadline, TORONTO), course_deadline(submitted, TORONTO))
    assert outcome.late_periods == pytest.approx(late_periods)


def test_a_deadline_on_a_zone_wall_clock_still_counts_elapsed_time() -> None:
    # Arithmetic on a ZoneInfo datetime is wall-clock arithmetic; the policy must not inherit it.
    deadline = datetime(2019, 3, 9, 23, 59, tzinfo=ZoneInfo(TORONTO))
    submitted = datetime(2019, 3, 10, 23, 59, tzinfo=ZoneInfo(TORONTO))
    policy = LatePolicy(rounding="down")
    assert assess(policy, deadline, submitted).late_periods == 0
    assert closes_at(policy, deadline) == deadline.astimezone(UTC) + timedelta(hours=72)


@pytest.mark.parametrize(
    ("rounding", "late", "late_periods"),
    [
        pytest.param("up", timedelta(hours=36), 2, id="up counts the partial day"),
        pytest.param("down", timedelta(hours=36), 1, id="down forgives the partial day"),
        pytest.param("down", timedelta(hours=23), 0, id="down forgives the whole first day"),
        pytest.param("exact", timedelta(hours=36), 1.5, id="exact counts pro rata"),
        pytest.param("exact", timedelta(hours=48), 2, id="exact whole days"),
    ],
)
def test_rounding_of_a_partial_day(rounding: str, late: timedelta, late_periods: float) -> None:
    outcome = assess(LatePolicy(rounding=rounding), SEED_000_DEADLINE, SEED_000_DEADLINE + late)
    assert outcome.late_periods == pytest.approx(late_periods)
    assert outcome.penalty_percent == pytest.approx(10 * late_periods)


@pytest.mark.parametrize(
    ("late", "late_periods", "penalty_percent"),
    [
        pytest.param(timedelta(seconds=1), 1, 2, id="one second is one hour"),
        pytest.param(timedelta(minutes=60), 1, 2, id="exactly one hour"),
        pytest.param(timedelta(minutes=61), 2, 4, id="one hour and a minute"),
        pytest.param(timedelta(hours=10), 10, 20, id="ten hours, the closing instant"),
    ],
)
def test_hour_periods(late: timedelta, late_periods: float, penalty_percent: float) -> None:
    policy = LatePolicy(percent_per_period=2, period="hour", close_after_periods=10)
    outcome = assess(policy, SEED_000_DEADLINE, SEED_000_DEADLINE + late)
    assert (outcome.late_periods, outcome.penalty_percent) == (late_periods, penalty_percent)


def test_hour_periods_close_after_n_hours() -> None:
    policy = LatePolicy(period="hour", close_after_periods=10)
    assert closes_at(policy, SEED_000_DEADLINE) == SEED_000_DEADLINE + timedelta(hours=10)


@pytest.mark.parametrize(
    ("late", "late_periods"),
    [
        pytest.param(timedelta(minutes=15), 0, id="inside the grace period"),
        pytest.param(timedelta(minutes=15, seconds=1), 1, id="one second after the grace period"),
        pytest.param(timedelta(hours=24, minutes=15), 1, id="a day after the grace period"),
    ],
)
def test_grace_minutes_shift_the_deadline(late: timedelta, late_periods: float) -> None:
    outcome = assess(LatePolicy(grace_minutes=15), SEED_000_DEADLINE, SEED_000_DEADLINE + late)
    assert outcome.late_periods == late_periods


def test_grace_minutes_shift_the_closing_time() -> None:
    policy = LatePolicy(grace_minutes=15)
    assert closes_at(policy, SEED_000_DEADLINE) == SEED_000_DEADLINE + timedelta(days=3, minutes=15)


def test_min_percent_caps_the_penalty() -> None:
    policy = LatePolicy(percent_per_period=50, close_after_periods=None, min_percent=30)
    assert assess(policy, SEED_000_DEADLINE, late_by(days=5)).penalty_percent == 70


def test_penalty_never_exceeds_100_percent() -> None:
    policy = LatePolicy(percent_per_period=40, close_after_periods=None)
    assert assess(policy, SEED_000_DEADLINE, late_by(days=4)).penalty_percent == 100


def test_without_a_closing_period_submissions_never_close() -> None:
    policy = LatePolicy(close_after_periods=None, percent_per_period=1)
    outcome = assess(policy, SEED_000_DEADLINE, late_by(days=3650))
    assert closes_at(policy, SEED_000_DEADLINE) is None
    assert (outcome.closes_at, outcome.late_periods) == (None, 3650)


def test_zero_closing_periods_refuse_the_first_late_second() -> None:
    policy = LatePolicy(close_after_periods=0)
    assert assess(policy, SEED_000_DEADLINE, SEED_000_DEADLINE).late_periods == 0
    with pytest.raises(SubmissionClosed):
        assess(policy, SEED_000_DEADLINE, late_by(seconds=1))


@pytest.mark.parametrize(
    ("policy", "earned", "possible", "late_days", "expected"),
    [
        pytest.param(LatePolicy(), 8, 10, 0, 8, id="on time keeps the earned score"),
        pytest.param(LatePolicy(), 8, 10, 2, 6.4, id="earned: 20% of the earned 8"),
        pytest.param(LatePolicy(deduct_from="possible"), 8, 10, 2, 6, id="possible: 20% of the possible 10"),
        pytest.param(LatePolicy(deduct_from="possible"), 1, 10, 2, 0, id="possible: never below zero"),
        pytest.param(LatePolicy(min_percent=85), 8, 10, 3, 6.8, id="earned: floor at 85% of earned"),
    ],
)
def test_final_score(policy: LatePolicy, earned: float, possible: float, late_days: int, expected: float) -> None:
    outcome = assess(policy, SEED_000_DEADLINE, late_by(days=late_days))
    assert final_score(policy, earned, possible, outcome) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2019-03-14T23:59", "2019-03-15T03:59+00:00", id="naive is course-local (EDT)"),
        pytest.param("2019-01-14T23:59", "2019-01-15T04:59+00:00", id="naive is course-local (EST)"),
        pytest.param("2019-03-14 23:59:00", "2019-03-15T03:59+00:00", id="space instead of T"),
        pytest.param("2019-03-14T23:59:00+01:00", "2019-03-14T22:59+00:00", id="an offset is kept"),
        pytest.param("2019-03-14T23:59:00Z", "2019-03-14T23:59+00:00", id="Z is UTC"),
        pytest.param(datetime(2019, 3, 14, 23, 59), "2019-03-15T03:59+00:00", id="naive datetime object"),
        pytest.param(datetime(2019, 3, 14, 23, 59, tzinfo=UTC), "2019-03-14T23:59+00:00", id="aware datetime object"),
        # Spring-forward gap: read with the offset before the change, so 02:30 EST = 03:30 EDT.
        pytest.param("2019-03-10T02:30", "2019-03-10T07:30+00:00", id="nonexistent time moves past the gap"),
        # Fall-back fold: 01:30 happens twice; the first (EDT) one counts.
        pytest.param("2019-11-03T01:30", "2019-11-03T05:30+00:00", id="ambiguous time is the first occurrence"),
    ],
)
def test_course_deadline(value: datetime | str, expected: str) -> None:
    deadline = course_deadline(value, TORONTO)
    assert deadline == datetime.fromisoformat(expected)
    assert deadline.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "timezone", "message"),
    [
        pytest.param("2019-03-14T23:59", "Mars/Olympus_Mons", "unknown time zone", id="unknown zone"),
        pytest.param("2019-03-14T23:59", "../../etc/passwd", "unknown time zone", id="a path is not a zone"),
        pytest.param("2019-03-14T23:59", "America", "unknown time zone", id="a zone directory is not a zone"),
        pytest.param("2019-03-14T23:59", "", "unknown time zone", id="empty zone"),
        pytest.param("Thursday at midnight", TORONTO, "not an ISO 8601", id="prose"),
        pytest.param("2019-02-30T23:59", TORONTO, "not an ISO 8601", id="no such day"),
        pytest.param("2019-03-14", TORONTO, "no time of day", id="date without a time"),
        pytest.param("", TORONTO, "not an ISO 8601", id="empty deadline"),
        pytest.param("9999-12-31T23:59", TORONTO, "outside the calendar", id="past the end of the calendar"),
        pytest.param("0001-01-01T00:00+05:00", TORONTO, "outside the calendar", id="before the calendar"),
        pytest.param("8999-12-31T23:59", "Etc/GMT+12", "after 9000", id="too far ahead for a closing time"),
    ],
)
def test_course_deadline_rejects(value: str, timezone: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        course_deadline(value, timezone)


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"percent_per_period": -1}, id="negative percent"),
        pytest.param({"percent_per_period": 101}, id="over 100 percent"),
        pytest.param({"percent_per_period": float("nan")}, id="percent is not a number"),
        pytest.param({"period": "week"}, id="unknown period"),
        pytest.param({"rounding": "nearest"}, id="unknown rounding"),
        pytest.param({"close_after_periods": -1}, id="negative closing periods"),
        pytest.param({"close_after_periods": 1.5}, id="fractional closing periods"),
        pytest.param({"grace_minutes": -5}, id="negative grace"),
        pytest.param({"grace_minutes": float("inf")}, id="endless grace"),
        pytest.param({"min_percent": 120}, id="floor above 100"),
        pytest.param({"deduct_from": "total"}, id="unknown deduction base"),
        pytest.param({"percent": 10}, id="misspelt field"),
    ],
)
def test_policy_rejects(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        LatePolicy.model_validate(fields)


def test_policy_round_trips_through_json() -> None:
    policy = LatePolicy(percent_per_period=5, period="hour", rounding="exact", close_after_periods=None)
    assert LatePolicy.model_validate_json(policy.model_dump_json()) == policy


def test_naive_instants_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        assess(SEED_000, datetime(2019, 3, 14, 23, 59), SEED_000_DEADLINE)


policies = st.builds(
    LatePolicy,
    percent_per_period=st.floats(0, 100),
    period=st.sampled_from(["hour", "day"]),
    rounding=st.sampled_from(["up", "down", "exact"]),
    close_after_periods=st.none(),
    grace_minutes=st.floats(0, 600),
    min_percent=st.floats(0, 100),
    deduct_from=st.sampled_from(["earned", "possible"]),
)
offsets = st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(days=30))


@given(policy=policies, first=offsets, second=offsets)
def test_a_later_submission_never_costs_less(policy: LatePolicy, first: timedelta, second: timedelta) -> None:
    earlier, later = sorted([first, second])
    early = assess(policy, SEED_000_DEADLINE, SEED_000_DEADLINE + earlier)
    late = assess(policy, SEED_000_DEADLINE, SEED_000_DEADLINE + later)
    assert early.penalty_percent <= late.penalty_percent
    assert final_score(policy, 7, 10, early) >= final_score(policy, 7, 10, late)


@given(policy=policies, late=offsets)
def test_final_score_stays_between_the_floor_and_the_earned_score(policy: LatePolicy, late: timedelta) -> None:
    outcome = assess(policy, SEED_000_DEADLINE, SEED_000_DEADLINE + late)
    score = final_score(policy, 7, 10, outcome)
    assert 0 <= score <= 7
    if policy.deduct_from == "earned":
        assert score >= 7 * policy.min_percent / 100 - 1e-9
