"""The dashboard shows each student's version of a parameterised part: their values, prompt and reference answer."""

import html

from tests.api.test_submissions import ON_TIME, submit
from tests.api.test_variants import COUNT, variant, varying
from tests.dashboard.conftest import secret_of

__all__ = ["varying"]  # the fixture, used by name


def own_numbers(values: dict[str, int]) -> str:
    """The words of the count question's prompt that carry the student's stride and filters (outside the maths)."""
    return f"stride {values['stride']}, {values['channels_out']} kernel channels"


def test_the_submission_page_shows_the_students_values_and_prompt(client, signed_in, instructor, lms, varying) -> None:  # type: ignore[no-untyped-def]
    alice = variant(client, instructor, varying, "alice")[COUNT]
    submitted = submit(client, lms, varying, {COUNT: alice["answer"]}, student="alice", at=ON_TIME).json()
    page = html.unescape(signed_in.get(f"/dashboard/submissions/{submitted['id']}").text)
    shown = ", ".join(f"{name} = {value}" for name, value in sorted(alice["values"].items()))
    assert f"alice's version: {shown}" in page
    assert own_numbers(alice["values"]) in page and alice["answer"] in page


def test_clusters_say_which_values_an_answer_was_given_to(client, signed_in, instructor, lms, varying) -> None:  # type: ignore[no-untyped-def]
    alice = variant(client, instructor, varying, "alice")[COUNT]
    submit(client, lms, varying, {COUNT: "12345"}, student="alice", at=ON_TIME)
    page = html.unescape(signed_in.get(f"/dashboard/assignments/{varying['id']}/clusters/{COUNT}").text)
    assert "to " + ", ".join(f"{name} = {value}" for name, value in sorted(alice["values"].items())) in page


def test_the_student_page_shows_the_question_with_the_students_own_values(client, instructor, lms, auth, varying) -> None:  # type: ignore[no-untyped-def]
    alice = variant(client, instructor, varying, "alice")[COUNT]
    submitted = submit(client, lms, varying, {COUNT: alice["answer"]}, student="alice", at=ON_TIME).json()
    client.cookies.clear()
    signed = client.post("/student/sign-in", data={"token": secret_of(auth("student", student="alice"))},
                         follow_redirects=False)
    assert signed.status_code == 303, signed.text
    page = html.unescape(client.get(f"/student/submissions/{submitted['id']}").text)
    client.cookies.clear()
    assert own_numbers(alice["values"]) in page
