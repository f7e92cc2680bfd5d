"""Sign-in: one token field, a signed HttpOnly SameSite=Strict cookie that expires, staff only."""

from urllib.parse import urlencode

import pytest

from tests.dashboard.conftest import csrf_of, secret_of, sign_in


class TestSignInForm:
    def test_a_visitor_without_a_session_gets_a_form_with_one_token_field(self, browser) -> None:
        page = browser.get("/dashboard").text
        assert page.count("<input") == 1 and 'name="token"' in page

    @pytest.mark.parametrize("path", ["/dashboard/courses/1", "/dashboard/assignments/1", "/dashboard/submissions/1"])
    def test_pages_send_a_visitor_without_a_session_to_sign_in(self, browser, path) -> None:
        response = browser.get(path, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, f"/dashboard?{urlencode({'next': path})}")

    def test_signing_in_lands_on_the_page_asked_for(self, browser, instructor, course, assignment) -> None:
        asked = f"/dashboard/assignments/{assignment['id']}?tab=1"
        form = browser.get(browser.get(asked, follow_redirects=False).headers["location"]).text
        action = form[form.index('action="') + 8:form.index('"', form.index('action="') + 8)].replace("&amp;", "&")
        response = browser.post(action, data={"token": secret_of(instructor)}, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, asked)

    @pytest.mark.parametrize("target", [
        "https://evil.example/dashboard", "//evil.example/dashboard", "/\\evil.example", "/dashboardx/../evil",
        "javascript:alert(1)", "/api/v1/courses", "/dashboard\r\nSet-Cookie: x=1",
    ], ids=["absolute", "scheme-relative", "backslash", "prefix-trick", "javascript", "other-path", "header-split"])
    def test_a_foreign_target_lands_on_the_course_list(self, browser, instructor, target) -> None:
        response = browser.post(f"/dashboard/sign-in?{urlencode({'next': target})}",
                                data={"token": secret_of(instructor)}, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/dashboard")

    def test_an_unknown_token_is_refused(self, browser) -> None:
        response = browser.post("/dashboard/sign-in", data={"token": "nope"})
        assert response.status_code == 401 and "Unknown or revoked token" in response.text


class TestCookie:
    def test_cookie_is_httponly_strict_and_expires(self, browser, instructor, client) -> None:
        cookie = sign_in(browser, instructor).headers["set-cookie"].lower()
        assert all(flag in cookie for flag in ("httponly", "samesite=strict", "max-age=28800", "path=/dashboard"))

    def test_the_cookie_does_not_contain_the_token(self, browser, instructor) -> None:
        assert secret_of(instructor) not in sign_in(browser, instructor).headers["set-cookie"]

    def test_a_tampered_cookie_is_no_session(self, signed_in) -> None:
        value = signed_in.cookies.get("grader_session")
        signed_in.cookies.set("grader_session", value[:-2] + "xx", path="/dashboard")
        assert 'name="token"' in signed_in.get("/dashboard").text


class TestStaffOnly:
    def test_an_instructor_sees_the_course_linked_by_code(self, signed_in, course) -> None:
        assert f'<a href="/dashboard/courses/{course["id"]}">CSC421</a>' in signed_in.get("/dashboard").text

    def test_the_course_page_links_the_assignment_by_title(self, signed_in, course, assignment) -> None:
        page = signed_in.get(f"/dashboard/courses/{course['id']}").text
        assert f'<a href="/dashboard/assignments/{assignment["id"]}">Homework 4</a>' in page

    def test_an_admin_may_sign_in(self, browser, admin, course) -> None:
        sign_in(browser, admin)
        assert "CSC421" in browser.get("/dashboard").text

    @pytest.mark.parametrize("role", ["student", "lms"])
    def test_student_and_lms_tokens_get_403_with_a_clear_message(self, browser, auth, course, role) -> None:
        response = sign_in(browser, auth(role, course="CSC421", student="alice"))
        assert response.status_code == 403
        assert f"for instructors and admins only; a {role} token cannot open it" in response.text
        assert "set-cookie" not in response.headers

    def test_a_student_bearer_token_gets_no_page(self, browser, auth, course) -> None:
        response = browser.get("/dashboard", headers=auth("student", student="alice"))
        assert response.status_code == 403 and "instructors and admins only" in response.text
        assert response.headers["content-type"].startswith("text/html")

    def test_another_course_is_forbidden(self, signed_in, other_course) -> None:
        assert signed_in.get(f"/dashboard/courses/{other_course['id']}").status_code == 403

    def test_signing_out_ends_the_session(self, signed_in) -> None:
        csrf = csrf_of(signed_in.get("/dashboard").text)
        signed_in.post("/dashboard/sign-out", data={"csrf_token": csrf})
        assert 'name="token"' in signed_in.get("/dashboard").text
