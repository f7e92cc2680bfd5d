"""The dashboard shows each student's version of a parameterised part: their values, prompt and reference answer."""

import html
import json
import re

import reference
from tests.api.conftest import assignment_body
from tests.api.test_submissions import ON_TIME, submit
from tests.api.test_variants import COUNT, variant, varying
from tests.dashboard.conftest import csrf_of, secret_of

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


def test_the_manual_queue_groups_the_same_words_per_version(client, signed_in, course, instructor, lms) -> None:  # type: ignore[no-untyped-def]
    spikes = reference.get_part("nyu-dl-hw2/q1.3/a-spikes")
    created = client.post(f"/api/v1/courses/{course['id']}/assignments", headers=instructor,
                          json=assignment_body({"spikes": spikes}, variants=True)).json()
    drawn = {name: variant(client, instructor, created, name)[spikes.id]["values"]["classes"]
             for name in (f"student-{n}" for n in range(12))}
    first, second = next((a, b) for a in drawn for b in drawn if drawn[a] != drawn[b])
    for name in (first, second):
        submit(client, lms, created, {spikes.id: "Exploding gradients."}, student=name, at=ON_TIME)
    page = html.unescape(signed_in.get(f"/dashboard/assignments/{created['id']}/manual").text)
    assert page.count("1 student wrote this") == 2
    assert f"Asked with classes = {drawn[first]}" in page and f"Asked with classes = {drawn[second]}" in page


def test_a_mistake_added_from_a_clusters_form_is_for_its_values(client, signed_in, instructor, lms, varying) -> None:  # type: ignore[no-untyped-def]
    alice = variant(client, instructor, varying, "alice")[COUNT]
    submit(client, lms, varying, {COUNT: "12345"}, student="alice", at=ON_TIME)
    clusters = signed_in.get(f"/dashboard/assignments/{varying['id']}/clusters/{COUNT}").text
    sent = html.unescape(re.search(r"name=\"values\" value='([^']*)'", clusters)[1])
    assert json.loads(sent) == alice["values"]  # the attribute carries the JSON intact
    form = {"answer": "12345", "feedback": "Count the channels.", "credit": "50", "values": sent,
            "csrf_token": csrf_of(clusters)}
    signed_in.post(f"/dashboard/assignments/{varying['id']}/mistakes/{COUNT}", data=form)
    listed = client.get(f"/api/v1/assignments/{varying['id']}/parts/{COUNT}/mistakes", headers=instructor).json()
    assert listed[-1] | {"feedback": ""} == {"answer": "12345", "feedback": "", "score": 0.5, "source": "assignment",
                                             "values": alice["values"]}
