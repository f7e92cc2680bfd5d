"""Replicas behind a load balancer share a token's rate limit through Redis (GRADER_RATE_LIMIT_STORAGE): three
replicas must not give a token three times its limit. Redis is the server named by GRADER_TEST_REDIS_URL (default:
the local one); where none answers these tests are skipped, unless GRADER_REQUIRE_REDIS=1 (CI)."""

import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import httpx
import pytest
import redis
from pydantic import ValidationError

from app.config import Settings
from app.limits import RateLimit, TooMany
from benchmarks import servers

REDIS_URL = os.environ.get("GRADER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="module")
def shared() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("GRADER_REQUIRE_REDIS") == "1":
            pytest.fail(f"Redis is required but not reachable at {REDIS_URL}: {error}")
        pytest.skip(f"Redis not reachable at {REDIS_URL} (set GRADER_TEST_REDIS_URL): {error}")
    return REDIS_URL


def allowed(limit: RateLimit, key: str) -> bool:
    try:
        limit.hit(key)
    except TooMany:
        return False
    return True


def test_replicas_sharing_redis_count_one_window_per_token(shared: str) -> None:
    replicas = [RateLimit("10/minute", shared) for _ in range(3)]
    token = f"token-{uuid.uuid4().hex}"  # a key of this test alone: runs sharing the server never meet
    with ThreadPoolExecutor(8) as racing:
        outcomes = list(racing.map(lambda n: allowed(replicas[n % 3], token), range(30)))
    assert outcomes.count(True) == 10


def test_the_refusal_says_when_to_come_back(shared: str) -> None:
    one, other = RateLimit("2/minute", shared), RateLimit("2/minute", shared)
    token = f"token-{uuid.uuid4().hex}"
    one.hit(token)
    other.hit(token)
    with pytest.raises(TooMany) as refused:
        one.hit(token)
    assert 1 <= int(refused.value.headers["Retry-After"]) <= 60


def test_without_a_shared_store_each_process_counts_its_own() -> None:
    replicas = [RateLimit("10/minute") for _ in range(3)]
    outcomes = [allowed(replicas[n % 3], "token") for n in range(30)]
    assert outcomes.count(True) == 30


def test_an_unreachable_store_lets_requests_through_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    nowhere = RateLimit("1/minute", "redis://127.0.0.1:1/0?socket_connect_timeout=1")
    assert [allowed(nowhere, "token") for _ in range(3)] == [True] * 3
    assert "rate-limit store failed" in caplog.text


@pytest.mark.parametrize(("setting", "value", "says"), [
    ("rate_limit_storage", "memcache-ish://cache", "not a storage the limits library knows"),
    ("rate_limit", "lots", "not a rate in the limits notation"),
])
def test_a_setting_the_limits_library_cannot_read_stops_the_start_naming_it(setting: str, value: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says) as refused:
        Settings(**{setting: value})
    assert refused.value.errors()[0]["loc"] == (setting,)


def test_two_replicas_refuse_a_token_past_its_one_limit(shared: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Real `grader serve` processes on one database: three requests to each of two replicas fill a limit of six,
    and the seventh is refused whichever replica takes it."""
    url = f"sqlite:///{tmp_path / 'replicas.db'}"
    limited = {"rate_limit": "6/minute", "rate_limit_storage": shared, "grade_workers": 1}
    with ExitStack() as stack:
        bases = [stack.enter_context(servers.server(url, **limited)) for _ in range(2)]
        auth = servers.headers(servers.token(url))
        statuses = [httpx.get(f"{bases[n % 2]}/api/v1/courses", headers=auth).status_code for n in range(7)]
    assert statuses == [200] * 6 + [429]
