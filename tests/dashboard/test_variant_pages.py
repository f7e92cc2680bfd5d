"""The dashboard shows each student's version of a parameterised part: their values, prompt and reference answer."""

import html

from tests.api.test_submissions import ON_TIME, submit
from tests.api.test_variants import COUNT, variant, varying

__all__ = ["varying"]  # the fixture, used by name


def test_the_submission_page_shows_the_students_values_and_prompt(client, signed_in, instructor, lms, varying) -> None:  # type: ignore[no-untyped-def]
    alice = variant(client, instructor, varying, "alice")[COUNT]
    submitted = submit(client, lms, varying, {COUNT: alice["answer"]}, student="alice", at=ON_TIME).json()
    page = html.unescape(signed_in.get(f"/dashboard/submissions/{submitted['id']}").text)
    shown = ", ".join(f"{name} = {value}" for name, value in sorted(alice["values"].items()))
    assert f"alice's version: {shown}" in page
    assert alice["prompt"].split("$")[0] in page and alice["answer"] in page


def test_clusters_say_which_values_an_answer_was_given_to(client, signed_in, instructor, lms, varying) -> None:  # type: ignore[no-untyped-def]
    alice = variant(client, instructor, varying, "alice")[COUNT]
    submit(client, lms, varying, {COUNT: "12345"}, student="alice", at=ON_TIME)
    page = html.unescape(signed_in.get(f"/dashboard/assignments/{varying['id']}/clusters/{COUNT}").text)
    assert "to " + ", ".join(f"{name} = {value}" for name, value in sorted(alice["values"].items())) in page
