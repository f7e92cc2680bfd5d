"""List endpoints paginate with `limit` and `cursor`; without `limit` a list is whole, as before."""

import pytest

from tests.api.conftest import assignment_body, right_answers
from tests.api.test_submissions import ON_TIME, submit


def walk(client, headers, path: str, limit: int) -> tuple[list[int], int]:  # type: ignore[no-untyped-def]
    """Every id by following `Link: rel=next`, and how many pages that took."""
    ids, pages, url = [], 0, f"{path}?limit={limit}"
    while url:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        ids += [item["id"] for item in response.json()]
        pages += 1
        link = response.headers.get("link")
        url = link[link.index("<") + 1:link.index(">")].removeprefix("http://testserver") if link else None
    return ids, pages


class TestSubmissions:
    @pytest.fixture
    def five(self, client, lms, assignment, parts) -> list[int]:  # type: ignore[no-untyped-def]
        return [submit(client, lms, assignment, right_answers(parts), student=f"s{i}", at=ON_TIME).json()["id"]
                for i in range(5)]

    @pytest.mark.parametrize(("limit", "pages"), [(2, 3), (5, 1), (100, 1)], ids=["partial-last", "exact", "large"])
    def test_following_next_gives_every_submission_once(self, client, instructor, assignment, five, limit, pages) -> None:
        assert walk(client, instructor, f"/api/v1/assignments/{assignment['id']}/submissions", limit) == (five, pages)

    def test_the_cursor_header_names_the_next_page(self, client, instructor, assignment, five) -> None:
        first = client.get(f"/api/v1/assignments/{assignment['id']}/submissions?limit=2", headers=instructor)
        cursor = first.headers["x-next-cursor"]
        second = client.get(f"/api/v1/assignments/{assignment['id']}/submissions?limit=2&cursor={cursor}",
                            headers=instructor)
        assert [s["id"] for s in second.json()] == five[2:4]

    def test_without_limit_the_list_is_whole(self, client, instructor, assignment, five) -> None:
        response = client.get(f"/api/v1/assignments/{assignment['id']}/submissions", headers=instructor)
        assert [s["id"] for s in response.json()] == five and "link" not in response.headers

    @pytest.mark.parametrize("query", ["limit=0", "limit=1001", "cursor=abc"], ids=["zero", "too-many", "not-a-cursor"])
    def test_a_bad_page_is_422(self, client, instructor, assignment, query) -> None:
        response = client.get(f"/api/v1/assignments/{assignment['id']}/submissions?{query}", headers=instructor)
        assert response.status_code == 422


def test_assignments_paginate(client, instructor, course, parts) -> None:  # type: ignore[no-untyped-def]
    made = [client.post(f"/api/v1/courses/{course['id']}/assignments", json=assignment_body(parts, title=f"A{i}"),
                        headers=instructor).json()["id"] for i in range(3)]
    assert walk(client, instructor, f"/api/v1/courses/{course['id']}/assignments", 2) == (made, 2)


def test_courses_paginate(client, admin, course, other_course) -> None:  # type: ignore[no-untyped-def]
    assert walk(client, admin, "/api/v1/courses", 1) == ([course["id"], other_course["id"]], 2)
