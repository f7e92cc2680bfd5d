"""Requests the API cannot take get a declared 4xx that says what and where: bodies that are not JSON the API
reads, methods a path does not have, and the 422 body the OpenAPI document declares."""

import json
import re
from typing import Any

import pytest
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from app.api.json_body import MAX_DEPTH, JSONBodyRoute, read_json
from app.main import create_app


def refusals(body: bytes) -> list[tuple[list[Any], str, str]]:
    with pytest.raises(RequestValidationError) as refused:
        read_json(body)
    return [(list(error["loc"]), error["msg"], error["type"]) for error in refused.value.errors()]


def nested(depth: int) -> bytes:
    return b'{"x": ' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"


def test_nesting_is_read_to_the_limit_and_refused_past_it_where_it_goes_deeper() -> None:
    assert read_json(nested(MAX_DEPTH))
    assert refusals(b"\n" + nested(MAX_DEPTH + 1)) == [
        (["body", MAX_DEPTH + 6], f"the body is not valid JSON: nesting deeper than {MAX_DEPTH} at line 2 column "
         f"{MAX_DEPTH + 6}", "json_invalid")]


def test_brackets_inside_strings_are_text() -> None:
    answer = "\\frac{" * 500 + '\\"[' * 500
    assert read_json(json.dumps({"answer": answer}).encode()) == {"answer": answer}


def test_a_key_given_twice_is_refused_at_its_place_however_deep() -> None:
    body = b'{"answers": {"a/b/c": "5", "x/y/z": "1", "a/b/c": "7"}, "parts": [{}, {"points": 1, "points": 2}]}'
    duplicate = "a key given more than once in one object: which one counts is ambiguous"
    assert refusals(body) == [(["body", "answers", "a/b/c"], duplicate, "json_duplicate_key"),
                              (["body", "parts", 1, "points"], duplicate, "json_duplicate_key")]


def test_an_object_dropped_with_a_repeated_key_is_refused_once_at_the_key() -> None:
    assert [loc for loc, _, _ in refusals(b'{"a": {"x": 1, "x": 2}, "a": 3}')] == [["body", "a"]]


def test_an_integer_too_long_to_read_is_refused_at_its_place() -> None:
    assert refusals(b'{"parts": [1, -' + b"9" * 5000 + b"]}") == [
        (["body", "parts", 1], "a number of 5000 digits: at most 4300 are read", "int_parsing_size")]


def test_text_that_is_not_in_its_encoding_is_refused_at_the_byte() -> None:
    assert refusals(b'{"student": "caf\xe9"}') == [
        (["body", 16], "the body is not UTF-8 text: byte 16 cannot be decoded", "json_invalid")]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_json_in_unicode_encodings_is_read(encoding: str) -> None:
    assert read_json('{"student": "é\\ud800"}'.encode(encoding)) == {"student": "é\ud800"}


def test_a_syntax_error_says_what_and_where() -> None:
    assert refusals(b'{"student": "s",\n "answers": {}} x') == [
        (["body", 33], "the body is not valid JSON: Extra data at line 2 column 17", "json_invalid")]


def test_every_api_route_with_a_body_reads_it_strictly() -> None:
    with_body = [route.original_route for route in iter_route_contexts(create_app().routes)
                 if isinstance(route.original_route, APIRoute) and route.original_route.body_field is not None
                 and route.path.startswith("/api/")]
    assert with_body and [route.path for route in with_body if not isinstance(route, JSONBodyRoute)] == []


def test_a_refused_body_is_a_422_over_http(client: TestClient, admin: dict[str, str]) -> None:
    response = client.post("/api/v1/courses", content=b'{"code": "A", "code": "B", "name": "n", "timezone": "UTC"}',
                           headers=admin | {"Content-Type": "application/json"})
    assert (response.status_code, response.json()["detail"][0]["loc"]) == (422, ["body", "code"]), response.text


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return create_app().openapi()  # type: ignore[no-any-return]


def example_url(path: str) -> str:
    return re.sub(r"\{[a-z_]+\}", "1", path.replace("{question_id}", "hw/q1/a"))


def test_a_method_a_path_lacks_is_405_allowing_every_method_the_path_declares(
    client: TestClient, spec: dict[str, Any]
) -> None:
    wrong = {}
    for path, operations in spec["paths"].items():
        response = client.request("OPTIONS", example_url(path))
        allowed = {method.strip() for method in response.headers.get("allow", "").split(",")}
        if response.status_code != 405 or allowed != {method.upper() for method in operations}:
            wrong[path] = (response.status_code, response.headers.get("allow"))
    assert wrong == {}


@pytest.mark.parametrize("method", ["PATCH", "PUT"])
def test_a_part_id_never_takes_in_the_name_of_a_resource_below_it(
    client: TestClient, admin: dict[str, str], method: str
) -> None:
    response = client.request(method, "/api/v1/assignments/1/parts/hw/q1/a/mistakes", json={"points": 1},
                              headers=admin)
    assert (response.status_code, response.headers["allow"]) == (405, "DELETE, GET, POST"), response.text


def test_every_422_is_declared_with_the_body_sent(spec: dict[str, Any]) -> None:
    declared = {operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
                for operations in spec["paths"].values() for operation in operations.values()
                if "422" in operation["responses"]}
    assert declared == {"#/components/schemas/ErrorOut"}
    detail = spec["components"]["schemas"]["ErrorOut"]["properties"]["detail"]["anyOf"]
    assert detail == [{"type": "string"}, {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}]
    assert {"HTTPValidationError", "ValidationError"}.isdisjoint(spec["components"]["schemas"])
