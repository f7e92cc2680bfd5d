"""Per-student variants attacked through the HTTP API alone, on a SQLite file and on PostgreSQL.

Every expected answer comes from tests/adversarial/variants/model.py (closed forms from the seeds, checked against
brute force), computed from the values the variant endpoint shows and from the numbers its prompt is written with.
"""

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from tests.adversarial.variants import model as m
from tests.conftest import TokenFactory, serve

API = "/api/v1"
COURSE = "VAR101"
SETTINGS = Settings(grade_timeout=30, rate_limit="1000000/minute", run_jobs=True)

# 33 ids: plain, unicode (NFC and NFD of the same name), ids differing only in case or inner space, path tricks,
# markup, SQL, the longest the API takes.
STUDENTS = [
    "alice", "Alice", "ALICE", "al ice", "bob", "bob2", "carol",
    "Zoë", "Zoe\u0308", "学生一号", "студент", "😀", "../etc/passwd", "..%2F..%2F",
    "a/b", "a\\b", "?student=bob", "alice#x", "alice&student=bob", "' OR '1'='1", "<script>x</script>", "null",
    "0", "-1", "%00", "x" * 200, "é" * 200, "dave@example.com", "eve.smith", "frank_", "grace-h", "heidi 1",
    "mallory",
]
assert len(set(STUDENTS)) == 33
# 7 ids that would look like another student (a space at an end, control or invisible characters): refused with a
# 422 naming the student wherever an id is taken (the API fuzzing attack's F7), so they never draw values.
LOOK_ALIKES = [" alice", "alice ", "alice\t", "\u202eevil", "al\u200bice", "ivan\n", "judy\r\n"]


# ---------------------------------------------------------------- the model checks itself first


@pytest.mark.parametrize("size", [5, 12, 19, 31])
@pytest.mark.parametrize("kernel,stride,padding", [(1, 1, 2), (3, 2, 0), (5, 3, 2), (7, 3, 0), (3, 4, 1)])
def test_model_output_length_matches_a_sliding_window(size: int, kernel: int, stride: int, padding: int) -> None:
    assert m.out_len(size, kernel, stride, padding) == m.out_len_brute(size, kernel, stride, padding)


@pytest.mark.parametrize("output,kernel,stride,padding", [(16, 9, 3, 1), (8, 3, 2, 0), (20, 11, 4, 2)])
def test_model_input_sizes_are_exactly_those_giving_the_output(output: int, kernel: int, stride: int,
                                                                padding: int) -> None:
    every = [x for x in range(1, 400) if x + 2 * padding >= kernel and m.out_len(x, kernel, stride, padding) == output]
    assert list(m.input_sizes(output, kernel, stride, padding)) == every


@pytest.mark.parametrize("cin,size,kernel,stride,cout", [(3, 9, 3, 2, 4), (2, 19, 7, 3, 5)])
def test_model_operation_counts_match_a_numpy_convolution(cin: int, size: int, kernel: int, stride: int,
                                                          cout: int) -> None:
    v = {"channels_in": cin, "size": size, "kernel": kernel, "stride": stride, "channels_out": cout}
    assert (m.ANSWER[m.MULTIPLICATIONS](v).value, m.ANSWER[m.ADDITIONS](v).value) == m.conv_ops_brute(**v)


def test_model_reproduces_the_seed_numbers() -> None:
    seed = {"channels_in": 32, "size": 19, "kernel": 7, "stride": 3, "channels_out": 64}
    assert m.ANSWER[m.PARAMETERS](seed).value == 32 * 7 * 7 * 64
    assert m.ANSWER[m.MULTIPLICATIONS](seed).value == 49 * 32 * 25 * 64
    assert m.ANSWER[m.ADDITIONS](seed).value == (49 * 32 - 1) * 25 * 64
    assert m.ANSWER[m.PADDED]({"height": 78, "width": 84, "kernel": 5, "stride": 3, "padding": 2}).value == (26, 28)
    assert m.ANSWER[m.RECTANGULAR]({"size": 64, "kernel_height": 3, "kernel_width": 5, "stride": 2}).value == (31, 30)
    assert m.ANSWER[m.INPUT_SIZE]({"output": 16, "kernel": 9, "stride": 3, "padding": 1}).value == (52, 55)
    assert m.ANSWER[m.NYU_SIZE]({"height": 19, "width": 27, "kernel": 3, "stride": 2}).value == (9, 13)


# ---------------------------------------------------------------- set-up through the API


@pytest.fixture
def staff(client: TestClient, admin: dict[str, str], auth: TokenFactory) -> dict[str, dict[str, str]]:
    response = client.post(f"{API}/courses", json={"code": COURSE, "name": "Variants", "timezone": "UTC"},
                           headers=admin)
    assert response.status_code == 201, response.text
    return {"admin": admin, "lms": auth("lms", course=COURSE), "instructor": auth("instructor", course=COURSE),
            "course": response.json()["id"]}


@pytest.fixture
def bank(client: TestClient, staff: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The bank's varying parts as GET /questions lists them (with the handout's answer for staff)."""
    response = client.get(f"{API}/questions", headers=staff["instructor"])
    assert response.status_code == 200, response.text
    varying = {q["id"]: q for q in response.json() if q.get("parameters")}
    assert set(m.ANSWER) <= set(varying), f"parts I model that are not listed as varying: {set(m.ANSWER) - set(varying)}"
    return {qid: varying[qid] for qid in m.ANSWER}


def make_assignment(client: TestClient, staff: dict[str, Any], bank: dict[str, Any], *, variants: bool = True,
                    title: str = "Variants") -> int:
    body = {"title": title, "deadline": "2099-01-01T00:00:00", "attempts": "last", "variants": variants,
            "parts": [{"question_id": qid, "points": 2} for qid in bank]}
    response = client.post(f"{API}/courses/{staff['course']}/assignments", json=body,
                           headers=staff["instructor"])
    assert response.status_code == 201, response.text
    assert response.json()["variants"] is variants
    return int(response.json()["id"])


@pytest.fixture
def assignment(client: TestClient, staff: dict[str, Any], bank: dict[str, Any]) -> int:
    return make_assignment(client, staff, bank)


def variant(client: TestClient, assignment_id: int, student: str, headers: dict[str, str]) -> dict[str, Any]:
    response = client.get(f"{API}/assignments/{assignment_id}/variant", params={"student": student}, headers=headers)
    assert response.status_code == 200, (student, response.status_code, response.text)
    body = response.json()
    assert body["student"] == student and body["assignment_id"] == assignment_id
    return {part["question_id"]: part for part in body["parts"]}


def values_of(parts: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {qid: part["values"] for qid, part in parts.items()}


def answers_for(values: dict[str, dict[str, int]]) -> dict[str, str]:
    return {qid: m.ANSWER[qid](v).text for qid, v in values.items()}


def submit(client: TestClient, assignment_id: int, student: str, answers: dict[str, str],
           headers: dict[str, str]) -> dict[str, Any]:
    response = client.post(f"{API}/assignments/{assignment_id}/submissions",
                           json={"student": student, "answers": answers}, headers=headers)
    assert response.status_code == 201, (student, response.status_code, response.text)
    return response.json()


def scores(submission: dict[str, Any]) -> dict[str, tuple[float, float]]:
    return {p["question_id"]: (p["score"], p["max_score"]) for p in submission["parts"]}


@pytest.fixture
def drawn(client: TestClient, staff: dict[str, Any], assignment: int) -> dict[str, dict[str, dict[str, int]]]:
    """Every student's values as the LMS sees them."""
    return {sid: values_of(variant(client, assignment, sid, staff["lms"])) for sid in STUDENTS}


# ---------------------------------------------------------------- each student's own answer


def test_every_student_gets_full_marks_for_the_answer_to_their_own_values(client, staff, assignment, drawn) -> None:
    wrong: dict[str, Any] = {}
    for sid, values in drawn.items():
        result = submit(client, assignment, sid, answers_for(values), staff["lms"])
        assert result["student"] == sid
        off = {qid: s for qid, s in scores(result).items() if s[0] != s[1]}
        stored = {p["question_id"]: p.get("values") for p in result["parts"]}
        if off or stored != values or result["raw_score"] != result["max_score"]:
            wrong[repr(sid)] = {"scores": off, "shown": values, "graded_with": stored}
    assert not wrong, wrong


@pytest.mark.parametrize("student", LOOK_ALIKES)
def test_a_look_alike_student_id_draws_no_values_and_submits_nothing(client, staff, assignment, student) -> None:
    drawing = client.get(f"{API}/assignments/{assignment}/variant", params={"student": student}, headers=staff["lms"])
    submitting = client.post(f"{API}/assignments/{assignment}/submissions", json={"student": student, "answers": {}},
                             headers=staff["lms"])
    for response, where in ((drawing, "query"), (submitting, "body")):
        assert response.status_code == 422 and response.json()["detail"][0]["loc"] == [where, "student"], response.text


def test_the_prompt_is_written_with_the_values_shown(client, staff, assignment) -> None:
    unreadable = {}
    for sid in STUDENTS:
        for qid, part in variant(client, assignment, sid, staff["lms"]).items():
            if m.values_in_prompt(qid, part["prompt"]) != {k: part["values"][k] for k in m._PROMPT[qid][1]}:
                unreadable[(sid, qid)] = (part["prompt"], part["values"])
    assert not unreadable, unreadable


def test_instructor_sees_the_reference_answer_of_each_students_values(client, staff, assignment) -> None:
    for sid in STUDENTS[:8]:
        for qid, part in variant(client, assignment, sid, staff["instructor"]).items():
            assert part["answer"], (sid, qid)
            # the answer shown to staff for these values scores full marks for this student
            result = submit(client, assignment, sid, {qid: part["answer"]}, staff["lms"])
            assert scores(result)[qid][0] == scores(result)[qid][1], (sid, qid, part["answer"])


def test_another_students_right_answer_is_not_full_marks(client, staff, assignment, drawn) -> None:
    leaked = {}
    ids = list(drawn)
    for sid, other in zip(ids, ids[1:] + ids[:1], strict=True):
        mine = {qid: m.ANSWER[qid](v).value for qid, v in drawn[sid].items()}
        theirs = answers_for(drawn[other])
        differing = {qid: text for qid, text in theirs.items() if m.ANSWER[qid](drawn[other][qid]).value != mine[qid]}
        if not differing:
            continue
        result = submit(client, assignment, sid, differing, staff["lms"])
        full = [qid for qid, (score, top) in scores(result).items() if qid in differing and score == top]
        if full:
            leaked[repr(sid)] = {qid: (differing[qid], mine[qid]) for qid in full}
    assert not leaked, leaked


def test_the_handout_answer_is_not_full_marks_when_the_values_differ(client, staff, bank, assignment, drawn) -> None:
    handout = {qid: q["answer"] for qid, q in bank.items()}
    leaked = {}
    for sid, values in list(drawn.items())[:20]:
        differing = {qid: a for qid, a in handout.items()
                     if m.ANSWER[qid](values[qid]).value != m.ANSWER[qid](_handout_values(bank, qid)).value}
        result = submit(client, assignment, sid, differing, staff["lms"])
        full = [qid for qid, (score, top) in scores(result).items() if qid in differing and score == top]
        if full:
            leaked[repr(sid)] = full
    assert not leaked, leaked


def _handout_values(bank: dict[str, Any], qid: str) -> dict[str, int]:
    values = m.values_in_prompt(qid, bank[qid]["prompt"])
    assert values is not None, bank[qid]["prompt"]
    return values


def test_the_model_reads_the_handout_prompt_as_the_handout_answer(bank) -> None:
    """My prompt reader and model agree with the bank's own handout version (where the numbers are the seed's)."""
    seed = {m.PARAMETERS: 32 * 7 * 7 * 64, m.MULTIPLICATIONS: 49 * 32 * 25 * 64, m.ADDITIONS: (49 * 32 - 1) * 25 * 64,
            m.POINTWISE: 512 * 128, m.PADDED: (26, 28), m.RECTANGULAR: (31, 30), m.INPUT_SIZE: (52, 55),
            m.NYU_SIZE: (9, 13)}
    assert {qid: m.ANSWER[qid](_handout_values(bank, qid)).value for qid in bank} == seed


# ---------------------------------------------------------------- determinism, ranges, independence


def test_the_same_student_gets_the_same_values_on_every_call_and_after_a_restart(client, staff, assignment, drawn,
                                                                                  sessions: sessionmaker[Session]) -> None:
    again = {sid: values_of(variant(client, assignment, sid, staff["lms"])) for sid in STUDENTS}
    assert again == drawn
    with serve(sessions, SETTINGS) as restarted:
        after = {sid: values_of(variant(restarted, assignment, sid, staff["lms"])) for sid in STUDENTS}
    assert after == drawn


def test_values_lie_in_the_declared_ranges_and_make_sense(bank, drawn) -> None:
    outside = {}
    for sid, values in drawn.items():
        for qid, v in values.items():
            declared = bank[qid]["parameters"]
            if v is None or set(v) != set(declared) or any(v[k] not in declared[k] for k in declared):
                outside[(sid, qid)] = v
            elif min(m.OUTPUTS[qid](v)) < 2:
                outside[(sid, qid)] = ("an output of one position", v)
    assert not outside, outside


def test_values_vary_across_students(bank, drawn) -> None:
    for qid, q in bank.items():
        seen = {tuple(sorted(values[qid].items())) for values in drawn.values()}
        assert len(seen) >= 20, (qid, len(seen))
        for name, allowed in q["parameters"].items():
            if len(allowed) > 1:
                assert len({values[qid][name] for values in drawn.values()}) > 1, (qid, name)


def test_parts_of_one_layer_share_the_students_values(drawn) -> None:
    """The seed asks the multiplications and additions 'in this case above': the same layer as the parameters."""
    split = {sid: [v[m.PARAMETERS], v[m.MULTIPLICATIONS], v[m.ADDITIONS]] for sid, v in drawn.items()
             if not v[m.PARAMETERS] == v[m.MULTIPLICATIONS] == v[m.ADDITIONS]}
    assert not split, split


def test_different_assignments_draw_differently(client, staff, bank, drawn) -> None:
    second = make_assignment(client, staff, bank, title="Variants again")
    redrawn = {sid: values_of(variant(client, second, sid, staff["lms"])) for sid in STUDENTS}
    same = [sid for sid in STUDENTS if redrawn[sid] == drawn[sid]]
    assert len(same) <= 2, same


# ---------------------------------------------------------------- who may see what


def test_a_student_sees_only_its_own_variant(client, staff, assignment, auth, drawn) -> None:
    for sid, other in [("alice", "Alice"), ("alice", "al ice"), ("bob", "alice"), ("Zoë", "Zoe\u0308"),
                       ("../etc/passwd", "alice"), ("x" * 200, "x" * 199)]:
        token = auth("student", course=COURSE, student=sid)
        own = variant(client, assignment, sid, token)
        assert values_of(own) == drawn[sid]
        assert all(part.get("answer") is None for part in own.values()), "a student token is shown the answers"
        response = client.get(f"{API}/assignments/{assignment}/variant", params={"student": other}, headers=token)
        assert response.status_code == 403, (sid, other, response.status_code, response.text)
        assert_no_values_leak(response.text, drawn.get(other))


def assert_no_values_leak(text: str, values: dict[str, dict[str, int]] | None) -> None:
    assert "prompt" not in text and "values" not in text, text
    if values:
        for qid, v in values.items():
            assert m.ANSWER[qid](v).text not in text, text


def test_lms_and_instructor_see_any_student_and_other_courses_see_none(client, staff, assignment, auth,
                                                                       drawn, admin) -> None:
    for headers in (staff["lms"], staff["instructor"], admin):
        assert values_of(variant(client, assignment, "carol", headers)) == drawn["carol"]
    client.post(f"{API}/courses", json={"code": "ELSE", "name": "Else", "timezone": "UTC"}, headers=admin)
    for role in ("lms", "instructor"):
        response = client.get(f"{API}/assignments/{assignment}/variant", params={"student": "carol"},
                              headers=auth(role, course="ELSE"))
        assert response.status_code in (403, 404), (role, response.status_code, response.text)
        assert_no_values_leak(response.text, drawn["carol"])
    stranger = auth("student", course="ELSE", student="carol")
    response = client.get(f"{API}/assignments/{assignment}/variant", params={"student": "carol"}, headers=stranger)
    assert response.status_code in (403, 404), response.text


@pytest.mark.parametrize("query", [
    "", "?student=", "?student=%00", "?student=" + "x" * 201, "?Student=alice", "?student=alice&student=bob",
    "?student[]=alice",
])
def test_bad_student_parameters_are_a_clear_4xx(client, staff, assignment, query: str) -> None:
    response = client.get(f"{API}/assignments/{assignment}/variant{query}", headers=staff["lms"])
    if query == "?student=alice&student=bob":
        # two students at once: either refused, or one of them answered consistently (never a mixture)
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            shown = response.json()["student"]
            assert shown in ("alice", "bob")
            assert values_of({p["question_id"]: p for p in response.json()["parts"]}) == values_of(
                variant(client, assignment, shown, staff["lms"]))
        return
    assert 400 <= response.status_code < 500, (query, response.status_code, response.text)
    assert "student" in response.text.lower(), response.text


@pytest.mark.parametrize("path", ["999999", "0", "-1", "abc", "1.5", "99999999999999999999"])
def test_a_wrong_assignment_is_a_clear_4xx(client, staff, assignment, path: str) -> None:
    response = client.get(f"{API}/assignments/{path}/variant", params={"student": "alice"}, headers=staff["lms"])
    assert 400 <= response.status_code < 500, (path, response.status_code, response.text)


# ---------------------------------------------------------------- regrades and hand grades


def test_a_regrade_keeps_every_score_against_the_students_own_values(client, staff, assignment, drawn) -> None:
    before = {}
    for i, (sid, values) in enumerate(drawn.items()):
        answers = answers_for(values)
        if i % 3 == 1:  # some students get one part wrong: their neighbour's answer to it
            other = drawn[STUDENTS[(i + 1) % len(STUDENTS)]]
            answers[m.MULTIPLICATIONS] = m.ANSWER[m.MULTIPLICATIONS](other[m.MULTIPLICATIONS]).text
        before[sid] = scores(submit(client, assignment, sid, answers, staff["lms"]))
    response = client.post(f"{API}/assignments/{assignment}/regrade", headers=staff["instructor"])
    assert response.status_code == 200, response.text
    assert response.json() == {"submissions": len(STUDENTS), "changed": 0}
    listed = client.get(f"{API}/assignments/{assignment}/submissions", headers=staff["instructor"],
                        params={"limit": 1000})
    assert listed.status_code == 200, listed.text
    after = {s["student"]: s for s in listed.json()}
    assert set(after) == set(STUDENTS)
    for sid in STUDENTS:
        assert scores(after[sid]) == before[sid], sid
        assert {p["question_id"]: p.get("values") for p in after[sid]["parts"]} == drawn[sid], sid


def test_a_hand_grade_and_a_regrade_keep_the_total_the_sum_of_the_parts(client, staff, assignment, drawn) -> None:
    sid = "Zoë"
    answers = answers_for(drawn[sid])
    v = drawn[sid][m.ADDITIONS]
    answers[m.ADDITIONS] = str(m.ANSWER[m.ADDITIONS](v).value) + " + 1"  # off by one, as an integer expression
    submission = submit(client, assignment, sid, answers, staff["lms"])
    assert scores(submission)[m.ADDITIONS][0] < 2
    graded = client.put(f"{API}/submissions/{submission['id']}/parts/{m.ADDITIONS}/grade",
                        json={"score": 1.25, "comment": "off by one"}, headers=staff["instructor"])
    assert graded.status_code == 200, graded.text
    graded = client.put(f"{API}/submissions/{submission['id']}/parts/{m.PARAMETERS}/grade",
                        json={"score": 0.5, "comment": "show the work"}, headers=staff["instructor"])
    assert graded.status_code == 200, graded.text
    regrade = client.post(f"{API}/assignments/{assignment}/regrade", headers=staff["instructor"])
    assert regrade.status_code == 200, regrade.text
    stored = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": sid},
                        headers=staff["instructor"]).json()[-1]
    parts = scores(stored)
    assert parts[m.ADDITIONS][0] == 1.25 and parts[m.PARAMETERS][0] == 0.5
    assert stored["raw_score"] == pytest.approx(sum(score for score, _ in parts.values()))
    assert stored["raw_score"] == pytest.approx(len(parts) * 2 - 2 - 2 + 1.25 + 0.5)
    assert stored["final_score"] == pytest.approx(stored["raw_score"])
    row = next(r for r in client.get(f"{API}/assignments/{assignment}/gradebook", headers=staff["instructor"]).json()
               if r["student"] == sid)
    assert row["final_score"] == pytest.approx(stored["raw_score"])


# ---------------------------------------------------------------- what a cheating or confused student tries


def test_submitting_before_fetching_grades_against_the_values_drawn_later(client, staff, bank, assignment) -> None:
    sid = "newcomer"
    handout = {qid: q["answer"] for qid, q in bank.items()}
    blind = submit(client, assignment, sid, handout, staff["lms"])
    stored = {p["question_id"]: p.get("values") for p in blind["parts"]}
    shown = values_of(variant(client, assignment, sid, staff["lms"]))
    assert stored == shown
    for qid, (score, top) in scores(blind).items():
        same = m.ANSWER[qid](shown[qid]).value == m.ANSWER[qid](_handout_values(bank, qid)).value
        assert (score == top) is same, (qid, score, shown[qid])
    assert scores(submit(client, assignment, sid, answers_for(shown), staff["lms"])) == dict.fromkeys(bank, (2, 2))


def test_a_student_token_submits_its_own_answer_and_not_for_another(client, assignment, auth, drawn) -> None:
    token = auth("student", course=COURSE, student="<script>x</script>")
    own = values_of(variant(client, assignment, "<script>x</script>", token))
    result = submit(client, assignment, "<script>x</script>", answers_for(own), token)
    assert result["raw_score"] == result["max_score"]
    response = client.post(f"{API}/assignments/{assignment}/submissions",
                           json={"student": "evil", "answers": answers_for(drawn["bob"])}, headers=token)
    assert response.status_code == 403, response.text


def test_the_students_prompt_numbers_as_answers_are_not_full_marks(client, staff, assignment, drawn) -> None:
    """Echoing the prompt (the numbers, or the parameters formula unevaluated with a slip) earns nothing."""
    sid = "mallory"
    v = drawn[sid]
    p = v[m.PARAMETERS]
    slips = {
        m.PARAMETERS: f"{p['channels_in']} * {p['kernel']} * {p['channels_out']}",
        m.MULTIPLICATIONS: f"{p['kernel'] ** 2} * {p['channels_in']} * {p['size'] ** 2} * {p['channels_out']}",
        m.ADDITIONS: str(m.ANSWER[m.MULTIPLICATIONS](v[m.MULTIPLICATIONS]).value),
        m.PADDED: f"({v[m.PADDED]['height']}, {v[m.PADDED]['width']})",
        m.NYU_SIZE: f"{v[m.NYU_SIZE]['height']} \\times {v[m.NYU_SIZE]['width']}",
    }
    result = scores(submit(client, assignment, sid, slips, staff["lms"]))
    assert all(result[qid][0] < result[qid][1] for qid in slips), result


def test_an_assignment_without_variants_grades_the_handout_for_everyone(client, staff, bank, drawn) -> None:
    plain = make_assignment(client, staff, bank, variants=False, title="No variants")
    response = client.get(f"{API}/assignments/{plain}/variant", params={"student": "alice"}, headers=staff["lms"])
    assert response.status_code == 200, response.text
    for part in response.json()["parts"]:
        assert part["values"] is None and part["prompt"] == bank[part["question_id"]]["prompt"], part
    handout = {qid: q["answer"] for qid, q in bank.items()}
    for sid in ("alice", "Alice", "学生一号"):
        result = submit(client, plain, sid, handout, staff["lms"])
        assert result["raw_score"] == result["max_score"], scores(result)
        assert all(p.get("values") is None for p in result["parts"])
        own = answers_for(drawn[sid])
        differing = {qid: a for qid, a in own.items()
                     if m.ANSWER[qid](drawn[sid][qid]).value != m.ANSWER[qid](_handout_values(bank, qid)).value}
        wrong = scores(submit(client, plain, sid, differing, staff["lms"]))
        assert all(wrong[qid][0] < wrong[qid][1] for qid in differing), wrong


def test_ids_differing_only_in_case_or_inner_space_are_kept_apart_consistently(client, staff, assignment,
                                                                                drawn) -> None:
    """Either the service keeps them as different students (each graded with its own draw) or it merges them; it
    must never grade one id's submission with the values shown to another. (Ids differing by a space at an end or an
    invisible character are refused: LOOK_ALIKES.)"""
    for sid in ("alice", "Alice", "ALICE", "al ice"):
        result = submit(client, assignment, sid, answers_for(drawn[sid]), staff["lms"])
        assert result["raw_score"] == result["max_score"], (repr(sid), scores(result))
        listed = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": sid},
                            headers=staff["instructor"])
        assert listed.status_code == 200, listed.text
        assert [s["student"] for s in listed.json()] == [sid], (repr(sid), [s["student"] for s in listed.json()])


# ---------------------------------------------------------------- known mistakes, clusters and edits per version


def two_students_with_different_counts(drawn: dict[str, Any]) -> tuple[str, str]:
    ids = [sid for sid in STUDENTS if sid.isalpha()]
    return next((a, b) for a in ids for b in ids if m.ANSWER[m.MULTIPLICATIONS](drawn[a][m.MULTIPLICATIONS]).value
                != m.ANSWER[m.MULTIPLICATIONS](drawn[b][m.MULTIPLICATIONS]).value)


def add_mistake(client: TestClient, staff: dict[str, Any], assignment: int, answer: str,
                values: dict[str, int] | None, feedback: str = "You used another layer's numbers."):
    return client.post(f"{API}/assignments/{assignment}/parts/{m.MULTIPLICATIONS}/mistakes",
                       json={"answer": answer, "feedback": feedback, "score": 0.25, "values": values},
                       headers=staff["instructor"])


def test_a_mistake_for_one_version_is_still_another_students_right_answer(client, staff, assignment, drawn) -> None:
    a, b = two_students_with_different_counts(drawn)
    b_right = m.ANSWER[m.MULTIPLICATIONS](drawn[b][m.MULTIPLICATIONS]).text
    response = add_mistake(client, staff, assignment, b_right, drawn[a][m.MULTIPLICATIONS])
    assert response.status_code in (200, 201), response.text
    as_b = scores(submit(client, assignment, b, {m.MULTIPLICATIONS: b_right}, staff["lms"]))[m.MULTIPLICATIONS]
    as_a = submit(client, assignment, a, {m.MULTIPLICATIONS: b_right}, staff["lms"])
    assert as_b == (2, 2)
    assert scores(as_a)[m.MULTIPLICATIONS] == (0.5, 2)
    assert "another layer" in next(p["feedback"] for p in as_a["parts"] if p["question_id"] == m.MULTIPLICATIONS)


def test_a_mistake_for_every_version_never_takes_a_right_answer_away(client, staff, assignment, drawn) -> None:
    """An instructor adds, without values, a number that is wrong for one student; for another it is right."""
    _a, b = two_students_with_different_counts(drawn)
    b_right = m.ANSWER[m.MULTIPLICATIONS](drawn[b][m.MULTIPLICATIONS]).text
    before = scores(submit(client, assignment, b, {m.MULTIPLICATIONS: b_right}, staff["lms"]))[m.MULTIPLICATIONS]
    response = add_mistake(client, staff, assignment, b_right, None)
    if response.status_code == 422:
        return  # refusing a values-less mistake on a varying part is a fine answer too
    assert response.status_code in (200, 201), response.text
    stored = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": b},
                        headers=staff["instructor"]).json()[-1]
    assert before == (2, 2)
    assert scores(stored)[m.MULTIPLICATIONS] == (2, 2), "the regrade took a right answer away"
    again = scores(submit(client, assignment, b, {m.MULTIPLICATIONS: b_right}, staff["lms"]))[m.MULTIPLICATIONS]
    assert again == (2, 2)


@pytest.mark.parametrize("values", [
    {"channels_in": 16, "size": 15, "kernel": 3, "stride": 2},  # one missing
    {"channels_in": 16, "size": 15, "kernel": 3, "stride": 2, "channels_out": 16, "padding": 1},  # one unknown
    {"channels_in": 17, "size": 15, "kernel": 3, "stride": 2, "channels_out": 16},  # outside the declared values
    {"channels_in": 16, "size": 15, "kernel": 3, "stride": 2, "channels_out": -16},
    {"channels_in": 16, "size": 15, "kernel": 3, "stride": 0, "channels_out": 16},  # a stride of 0 divides by 0
    {"channels_in": 16, "size": 3, "kernel": 7, "stride": 2, "channels_out": 16},  # a kernel larger than the input
    {"channels_in": 16, "size": 10**30, "kernel": 3, "stride": 2, "channels_out": 16},  # beyond any integer column
])
def test_mistake_values_that_are_not_a_version_of_the_part_are_refused(client, staff, assignment, values) -> None:
    response = add_mistake(client, staff, assignment, "123", values)
    assert response.status_code == 422, (response.status_code, response.text)
    assert any(name in response.text for name in values), response.text


def test_clusters_never_merge_one_number_given_to_different_values(client, staff, assignment, drawn) -> None:
    a, b = two_students_with_different_counts(drawn)
    for sid in (a, b):
        submit(client, assignment, sid, {m.MULTIPLICATIONS: "12345"}, staff["lms"])
    stats = client.get(f"{API}/assignments/{assignment}/stats", headers=staff["instructor"])
    assert stats.status_code == 200, stats.text
    part = next(p for p in stats.json() if p["question_id"] == m.MULTIPLICATIONS)
    mine = [c for c in part["clusters"] if "12345" in c["answers"]]
    assert sorted(c["count"] for c in mine) == [1, 1], mine
    named = sorted(sorted(c["values"].items()) for c in mine)
    assert named == sorted(sorted(drawn[sid][m.MULTIPLICATIONS].items()) for sid in (a, b)), mine


def test_changing_a_parts_points_regrades_each_student_against_their_own_values(client, staff, assignment,
                                                                               drawn) -> None:
    for sid in STUDENTS[:10]:
        submit(client, assignment, sid, answers_for(drawn[sid]), staff["lms"])
    response = client.patch(f"{API}/assignments/{assignment}/parts/{m.ADDITIONS}", json={"points": 4},
                            headers=staff["instructor"])
    assert response.status_code == 200, response.text
    for sid in STUDENTS[:10]:
        stored = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": sid},
                            headers=staff["instructor"]).json()[-1]
        assert scores(stored)[m.ADDITIONS] == (4, 4), sid
        assert stored["raw_score"] == stored["max_score"] == 18, sid
        assert {p["question_id"]: p.get("values") for p in stored["parts"]} == drawn[sid]


@pytest.mark.parametrize("body", [{"variants": False}, {"no_such_field": 1}])
def test_an_assignment_patch_refuses_what_it_cannot_change(client, staff, assignment, drawn, body) -> None:
    """The README says `variants` is not editable yet: a PATCH naming it must be refused, not silently ignored (the
    instructor would believe the students now all get the handout). The unknown field shows whether it is general."""
    response = client.patch(f"{API}/assignments/{assignment}", json=body, headers=staff["instructor"])
    assert response.json().get("variants") is not False, response.text
    assert values_of(variant(client, assignment, "bob", staff["lms"])) == drawn["bob"]
    assert response.status_code == 422, (response.status_code, response.text)


def test_removing_and_adding_parts_never_redraws_a_students_values(client, staff, bank, assignment, drawn) -> None:
    """The values depend on the seed, the question and the student: not on the parts' order or the part's row."""
    gone = client.delete(f"{API}/assignments/{assignment}/parts/{m.NYU_SIZE}", headers=staff["instructor"])
    assert gone.status_code in (200, 204), gone.text
    also = client.delete(f"{API}/assignments/{assignment}/parts/{m.PADDED}", headers=staff["instructor"])
    assert also.status_code in (200, 204), also.text
    for qid in (m.PADDED, m.NYU_SIZE):  # back, in the other order, at the end
        added = client.post(f"{API}/assignments/{assignment}/parts", json={"question_id": qid, "points": 2},
                            headers=staff["instructor"])
        assert added.status_code in (200, 201), added.text
    for sid in STUDENTS[:15]:
        assert values_of(variant(client, assignment, sid, staff["lms"])) == drawn[sid], sid
        result = submit(client, assignment, sid, answers_for(drawn[sid]), staff["lms"])
        assert result["raw_score"] == result["max_score"], (sid, scores(result))


def test_an_idempotency_key_replayed_for_another_student_never_returns_the_first_students_grades(
        client, staff, assignment, drawn) -> None:
    key = {"Idempotency-Key": "lms-retry-1"}
    first = client.post(f"{API}/assignments/{assignment}/submissions", headers=staff["lms"] | key,
                        json={"student": "alice", "answers": answers_for(drawn["alice"])})
    assert first.status_code == 201, first.text
    second = client.post(f"{API}/assignments/{assignment}/submissions", headers=staff["lms"] | key,
                         json={"student": "bob", "answers": answers_for(drawn["bob"])})
    assert second.status_code in (201, 409, 422), second.text
    if second.status_code == 201:
        assert second.json()["student"] == "bob", "bob's request was answered with alice's graded submission"
    assert_no_values_leak(second.text if second.status_code != 201 else "", drawn["alice"])


def test_the_input_size_set_may_be_written_any_equivalent_way_but_not_off_by_one(client, staff, assignment,
                                                                                  drawn) -> None:
    for sid in STUDENTS[:6]:
        xs = m.input_sizes(**drawn[sid][m.INPUT_SIZE])
        right = ["{" + ", ".join(map(str, xs)) + "}", f"{xs.start} \\le x \\le {xs.stop - 1}",
                 f"{xs.start - 1} < x < {xs.stop}"]
        wrong = [f"{xs.start} \\le x \\le {xs.stop}", f"{xs.start + 1} \\le x < {xs.stop}",
                 "{" + ", ".join(map(str, xs[:-1])) + "}"]
        for answer, full in [(a, True) for a in right] + [(a, False) for a in wrong]:
            score, top = scores(submit(client, assignment, sid, {m.INPUT_SIZE: answer}, staff["lms"]))[m.INPUT_SIZE]
            assert (score == top) is full, (sid, drawn[sid][m.INPUT_SIZE], answer, score)


def test_more_versions_than_the_workers_keep_are_graded_right_even_at_once(client, staff, assignment) -> None:
    """The README: workers build a version when first graded and keep the last 512. 90 students x 8 parts is more
    than that; four threads submit at once, half of them with the next student's answers, then the first ones
    again once their versions were evicted."""
    many = [f"student-{i:03d}" for i in range(90)]
    shown = {sid: values_of(variant(client, assignment, sid, staff["lms"])) for sid in many}

    def attempt(i: int) -> tuple[str, dict[str, Any], bool]:
        sid = many[i % len(many)]
        own = i % 2 == 0
        values = shown[sid] if own else shown[many[(i + 1) % len(many)]]
        return sid, submit(client, assignment, sid, answers_for(values), staff["lms"]), own

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(attempt, range(len(many) + 20)))
    wrong = {}
    for sid, result, own in results:
        i = many.index(sid)
        for qid, (score, top) in scores(result).items():
            other = shown[many[(i + 1) % len(many)]][qid]
            if own and score != top:
                wrong[(sid, qid, "own answer")] = score
            elif not own and score == top and m.ANSWER[qid](other).value != m.ANSWER[qid](shown[sid][qid]).value:
                wrong[(sid, qid, "neighbour's answer")] = score
    assert not wrong, wrong


def test_every_declared_value_is_drawn_for_some_student(client, staff, bank, assignment, drawn) -> None:
    """The ranges are the values the question declares sensible: a value no student is ever asked would mean the
    redraw rule (or the draw) silently narrows them. 130 students make a miss of a listed value vanishingly rare."""
    more = {f"s{i}": values_of(variant(client, assignment, f"s{i}", staff["lms"])) for i in range(90)}
    everyone = list(drawn.values()) + list(more.values())
    never = {(qid, name): sorted(set(allowed) - {v[qid][name] for v in everyone})
             for qid, q in bank.items() for name, allowed in q["parameters"].items() if len(allowed) <= 5}
    assert not {k: v for k, v in never.items() if v}, never


def test_a_student_token_never_lists_other_students_values(client, staff, assignment, auth, drawn) -> None:
    for sid in ("alice", "bob"):
        submit(client, assignment, sid, answers_for(drawn[sid]), staff["lms"])
    token = auth("student", course=COURSE, student="alice")
    listed = client.get(f"{API}/assignments/{assignment}/submissions", headers=token)
    assert listed.status_code in (200, 403), listed.text
    if listed.status_code == 200:
        assert {s["student"] for s in listed.json()} <= {"alice"}, listed.text
    other = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": "bob"}, headers=token)
    assert other.status_code == 403 or other.json() == [], other.text
    for path in ("stats", "gradebook?parts=true"):
        response = client.get(f"{API}/assignments/{assignment}/{path}", headers=token)
        assert response.status_code == 403, (path, response.text)


def test_the_right_answer_of_a_version_added_as_its_mistake_is_refused_or_stays_right(client, staff, assignment,
                                                                                     drawn) -> None:
    sid = "carol"
    right = m.ANSWER[m.MULTIPLICATIONS](drawn[sid][m.MULTIPLICATIONS]).text
    submit(client, assignment, sid, {m.MULTIPLICATIONS: right}, staff["lms"])
    response = add_mistake(client, staff, assignment, right, drawn[sid][m.MULTIPLICATIONS])
    assert response.status_code in (200, 201, 409, 422), response.text
    stored = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": sid},
                        headers=staff["instructor"]).json()[-1]
    assert scores(stored)[m.MULTIPLICATIONS] == (2, 2), (response.status_code, response.text)


@pytest.mark.parametrize("where", ["top", "answers"])
def test_a_student_cannot_choose_the_values_it_is_graded_with(client, bank, assignment, auth, drawn, where) -> None:
    """A cheat sends the handout's values along with the handout's answers: refused, or graded with its own draw."""
    sid = "eve.smith"
    token = auth("student", course=COURSE, student=sid)
    handout_values = {qid: _handout_values(bank, qid) for qid in bank}
    differing = {qid: q["answer"] for qid, q in bank.items()
                 if m.ANSWER[qid](drawn[sid][qid]).value != m.ANSWER[qid](handout_values[qid]).value}
    body: dict[str, Any] = {"student": sid, "answers": dict(differing)}
    if where == "top":
        body["values"] = handout_values
    else:
        body["answers"] |= {f"{qid}/values": str(handout_values[qid]) for qid in differing}
    response = client.post(f"{API}/assignments/{assignment}/submissions", json=body, headers=token)
    assert response.status_code in (201, 422), response.text
    if response.status_code == 201:
        parts = response.json()["parts"]
        assert all(p.get("values") in (None, drawn[sid].get(p["question_id"])) for p in parts), parts
        assert all(p["score"] < p["max_score"] for p in parts if p["question_id"] in differing), parts


def test_one_wrong_number_may_be_a_different_known_mistake_for_each_version(client, staff, assignment, drawn) -> None:
    """The same number, added for two versions with different feedback, is two mistakes: adding the second must
    not replace the first (POST 'adds or replaces one': the one with the same answer *and* values)."""
    a, c = two_students_with_different_counts(drawn)
    for sid, feedback in ((a, "First version's slip."), (c, "Second version's slip.")):
        response = add_mistake(client, staff, assignment, "12345", drawn[sid][m.MULTIPLICATIONS], feedback)
        assert response.status_code in (200, 201), response.text
    for sid, feedback in ((a, "First version"), (c, "Second version")):
        part = next(p for p in submit(client, assignment, sid, {m.MULTIPLICATIONS: "12345"}, staff["lms"])["parts"]
                    if p["question_id"] == m.MULTIPLICATIONS)
        assert (part["score"], feedback in (part["feedback"] or "")) == (0.5, True), (sid, part)


def test_an_extension_and_an_async_regrade_keep_each_students_values(client, staff, assignment, drawn) -> None:
    for sid in STUDENTS[:6]:
        submit(client, assignment, sid, answers_for(drawn[sid]), staff["lms"])
    extended = client.put(f"{API}/assignments/{assignment}/extensions/{STUDENTS[0]}",
                          json={"deadline": "2099-02-01T00:00:00"}, headers=staff["instructor"])
    assert extended.status_code in (200, 201), extended.text
    queued = client.post(f"{API}/assignments/{assignment}/regrade", headers=staff["instructor"] | {
        "Prefer": "respond-async"})
    assert queued.status_code in (200, 202), queued.text
    if queued.status_code == 202:
        for _ in range(200):
            job = client.get(queued.json()["url"], headers=staff["instructor"])
            if job.json().get("status") in ("done", "finished", "succeeded", "failed", "error"):
                break
            time.sleep(0.1)
        assert job.json().get("status") in ("done", "finished", "succeeded"), job.text
    for sid in STUDENTS[:6]:
        stored = client.get(f"{API}/assignments/{assignment}/submissions", params={"student": sid},
                            headers=staff["instructor"]).json()[-1]
        assert stored["raw_score"] == stored["max_score"], (sid, scores(stored))
        assert {p["question_id"]: p.get("values") for p in stored["parts"]} == drawn[sid], sid
