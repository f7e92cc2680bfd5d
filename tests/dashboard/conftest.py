"""Dashboard fixtures: the API tests' course and assignment, and a client signed in through the sign-in form."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import assignment, course, instructor, lms, other_course, parts  # noqa: F401 - fixtures


def secret_of(headers: dict[str, str]) -> str:
    return headers["Authorization"].removeprefix("Bearer ")


def sign_in(client: TestClient, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    return client.post("/dashboard/sign-in", data={"token": secret_of(headers)}, follow_redirects=False)


@pytest.fixture
def browser(client: TestClient) -> Iterator[TestClient]:
    """The shared test client with no cookies before and after, as a fresh browser would be."""
    client.cookies.clear()
    yield client
    client.cookies.clear()


@pytest.fixture
def signed_in(browser: TestClient, instructor: dict[str, str]) -> TestClient:  # noqa: F811 - the fixture imported above
    assert sign_in(browser, instructor).status_code == 303
    return browser


def csrf_of(page: str) -> str:
    marker = 'name="csrf_token" value="'
    start = page.index(marker) + len(marker)
    return page[start:page.index('"', start)]
