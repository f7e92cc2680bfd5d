"""Tokens over HTTP (admins): create (the secret once), list (never a secret, with last use), revoke (401 at once)."""

import pytest


def create(client, headers, **body):  # type: ignore[no-untyped-def]
    return client.post("/api/v1/tokens", json={"role": "instructor", "course": "CSC421", "name": "TA"} | body,
                       headers=headers)


class TestTokens:
    def test_a_new_token_works_at_once(self, client, admin, course) -> None:
        response = create(client, admin)
        assert response.status_code == 201, response.text
        made = response.json()
        assert (made["role"], made["course"], made["name"]) == ("instructor", "CSC421", "TA")
        mine = {"Authorization": f"Bearer {made['secret']}"}
        assert [c["code"] for c in client.get("/api/v1/courses", headers=mine).json()] == ["CSC421"]

    def test_the_list_shows_last_use_and_no_secret(self, client, admin, course) -> None:
        made = create(client, admin).json()
        client.get("/api/v1/courses", headers={"Authorization": f"Bearer {made['secret']}"})
        listed = {t["id"]: t for t in client.get("/api/v1/tokens", headers=admin).json()}
        assert listed[made["id"]]["last_used_at"] is not None and "secret" not in listed[made["id"]]
        assert made["secret"] not in client.get("/api/v1/tokens", headers=admin).text

    def test_a_revoked_token_is_401_at_once(self, client, admin, course) -> None:
        made = create(client, admin).json()
        assert client.delete(f"/api/v1/tokens/{made['id']}", headers=admin).status_code == 204
        assert client.get("/api/v1/courses", headers={"Authorization": f"Bearer {made['secret']}"}).status_code == 401

    @pytest.mark.parametrize(("body", "status"), [
        ({"role": "instructor", "course": None}, 422), ({"course": "NOPE"}, 404), ({"role": "student"}, 422),
        ({"role": "wizard"}, 422),
    ], ids=["instructor-without-course", "unknown-course", "student-without-id", "unknown-role"])
    def test_bad_tokens_are_refused(self, client, admin, course, body, status) -> None:
        assert create(client, admin, **body).status_code == status

    @pytest.mark.parametrize("method", ["get", "post"])
    def test_only_admins(self, client, instructor, method) -> None:
        response = client.request(method, "/api/v1/tokens", headers=instructor,
                                  json={"role": "admin"} if method == "post" else None)
        assert response.status_code == 403

    def test_revoking_an_unknown_token_is_404(self, client, admin) -> None:
        assert client.delete("/api/v1/tokens/999999", headers=admin).status_code == 404
