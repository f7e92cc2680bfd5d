"""Sessions live on the server, sign-in cannot be forged from another site, and every dashboard response tells
browsers not to frame, refer or cache it; the API docs load nothing from a CDN."""

import re

import pytest

from tests.dashboard.conftest import csrf_of


class TestServerSideSession:
    def test_a_copied_cookie_stops_working_when_its_owner_signs_out(self, signed_in, client, course) -> None:
        copied = signed_in.cookies.get("grader_session")
        signed_in.post("/dashboard/sign-out", data={"csrf_token": csrf_of(signed_in.get("/dashboard").text)})
        signed_in.cookies.set("grader_session", copied, path="/dashboard")
        assert 'name="token"' in signed_in.get("/dashboard").text

    def test_revoking_the_token_ends_its_sessions(self, signed_in, db, course) -> None:
        from app.models import ApiToken
        from app.security import revoke_token

        for token in db.query(ApiToken).filter(ApiToken.role == "instructor").all():
            revoke_token(db, token.id)
        db.commit()
        assert 'name="token"' in signed_in.get("/dashboard").text


class TestLoginCsrf:
    @pytest.mark.parametrize(("headers", "status"), [
        pytest.param({"Sec-Fetch-Site": "cross-site"}, 403, id="fetch-metadata-cross-site"),
        pytest.param({"Origin": "https://evil.example"}, 403, id="foreign-origin"),
        pytest.param({"Sec-Fetch-Site": "same-origin"}, 303, id="our-own-form"),
        pytest.param({"Origin": "http://testserver"}, 303, id="our-origin"),
        pytest.param({}, 303, id="a-script-without-browser-headers"),
    ])
    def test_a_sign_in_posted_from_another_site_is_refused(self, browser, instructor, headers, status) -> None:
        from tests.dashboard.conftest import secret_of

        response = browser.post("/dashboard/sign-in", data={"token": secret_of(instructor)}, headers=headers,
                                follow_redirects=False)
        assert response.status_code == status
        assert ("set-cookie" in response.headers) == (status == 303)


class TestHeaders:
    @pytest.mark.parametrize("path", ["/dashboard", "/dashboard/courses/{course}",
                                      "/dashboard/assignments/{assignment}/gradebook.csv", "/dashboard/courses/999999"])
    def test_every_dashboard_response_forbids_framing_referrers_and_caching(
        self, signed_in, course, assignment, path
    ) -> None:
        response = signed_in.get(path.format(course=course["id"], assignment=assignment["id"]))
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"

    def test_the_api_csv_is_not_cached(self, client, instructor, assignment) -> None:
        response = client.get(f"/api/v1/assignments/{assignment['id']}/gradebook",
                              headers=instructor | {"Accept": "text/csv"})
        assert response.headers["cache-control"] == "no-store"

    def test_the_cookie_is_secure_behind_a_tls_proxy(self, browser, instructor) -> None:
        # uvicorn's proxy headers turn X-Forwarded-Proto into the request's scheme; TestClient can say https.
        response = browser.post("https://testserver/dashboard/sign-in",
                                data={"token": instructor["Authorization"][7:]}, follow_redirects=False)
        assert "secure" in response.headers["set-cookie"].lower()


def test_the_api_docs_load_their_assets_from_this_server(client) -> None:
    page = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)
    assert assets and all(url.startswith("/") for url in assets), assets
    assert "cdn" not in page
    assert all(client.get(url).status_code == 200 for url in assets)
