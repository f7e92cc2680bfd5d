"""JSON request bodies read strictly, so that a body the API cannot take is a 422 that says what and where.

`json.loads` accepts what a hostile client can use to make two readers disagree (a key given twice: a proxy or
an LMS log reading the first sees another student than the one graded) and fails without saying where (bytes
that are not text, nesting past Python's recursion limit, an integer too long to convert), which FastAPI answers
with an undeclared 400 "There was an error parsing the body". Every API route reads its body through `read_json`.
"""

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

# Far deeper than any body the API takes; deeper ones are refused before parsing, so that the limit is this number
# and not wherever the parser's recursion happens to stop.
MAX_DEPTH = 64
# A string (skipped whole: brackets inside it are text) or a bracket.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)

Location = tuple[str | int, ...]


class _TooLong:
    """Stands in for an integer with more digits than Python converts, until its place in the body is known."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


class _Marks:
    """What the parser's hooks met that JSON allows and the API refuses, found again by identity after the parse.

    Each marked object is kept, so that no other takes its id before the search; one dropped from the result (the
    value of a key given twice) lies inside an object that is itself marked."""

    def __init__(self) -> None:
        self.repeated: dict[int, list[str]] = {}
        self.kept: list[object] = []

    def to_dict(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        if len(value) < len(pairs):
            self.kept.append(value)
            self.repeated[id(value)] = [key for key, n in Counter(key for key, _ in pairs).items() if n > 1]
        return value

    def to_int(self, digits: str) -> int | _TooLong:
        try:
            return int(digits)
        except ValueError:
            self.kept.append(too_long := _TooLong(len(digits.lstrip("-"))))
            return too_long

    def errors(self, value: Any) -> list[dict[str, Any]]:
        if not self.kept:
            return []
        return [error for path, item in _paths(value) for error in self._at(path, item)]

    def _at(self, path: Location, item: Any) -> Iterator[dict[str, Any]]:
        if isinstance(item, _TooLong):
            yield {"loc": ("body", *path), "type": "int_parsing_size",
                   "msg": f"a number of {item.digits} digits: at most {sys.get_int_max_str_digits()} are read"}
        for key in self.repeated.get(id(item), []):
            yield {"loc": ("body", *path, key), "type": "json_duplicate_key",
                   "msg": "a key given more than once in one object: which one counts is ambiguous"}


def _error(loc: Location, msg: str, kind: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", *loc), "msg": msg, "type": kind}])


def _decode(body: bytes) -> str:
    encoding = json.detect_encoding(body)
    try:
        # As `json.loads` does: a lone surrogate is decoded here and refused by the field that holds it.
        return body.decode(encoding, "surrogatepass")
    except UnicodeDecodeError as error:
        name = encoding.upper().removesuffix("-SIG")
        raise _error((error.start,), f"the body is not {name} text: byte {error.start} cannot be decoded",
                     "json_invalid") from None


def _where(text: str, pos: int) -> str:
    line, column = text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)
    return f"line {line} column {column}"


def _check_depth(text: str) -> None:
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for token in _TOKEN.finditer(text):
        bracket = token.group()
        depth += 1 if bracket in "[{" else -1 if bracket in "]}" else 0
        if depth > MAX_DEPTH:
            raise _error((token.start(),), f"the body is not valid JSON: nesting deeper than {MAX_DEPTH} at "
                         f"{_where(text, token.start())}", "json_invalid")


def _paths(value: Any, path: Location = ()) -> Iterator[tuple[Location, Any]]:
    yield path, value
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths(item, (*path, key))


def read_json(body: bytes) -> Any:
    """The body as JSON, or a RequestValidationError at the place of each thing wrong with it."""
    text = _decode(body)
    _check_depth(text)
    marks = _Marks()
    try:
        value = json.loads(text, object_pairs_hook=marks.to_dict, parse_int=marks.to_int)
    except json.JSONDecodeError as error:
        raise _error((error.pos,), f"the body is not valid JSON: {error.msg} at {_where(text, error.pos)}",
                     "json_invalid") from None
    if errors := marks.errors(value):
        raise RequestValidationError(errors)
    return value


class JSONBodyRequest(Request):
    async def json(self) -> Any:
        return read_json(await self.body())


class JSONBodyRoute(APIRoute):
    """The route class of every API router: its JSON body is read by `read_json`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def read_strictly(request: Request) -> Response:
            try:
                return await handle(JSONBodyRequest(request.scope, request.receive))
            except HTTPException as error:
                # FastAPI answers any failure of `request.json()` but a JSONDecodeError with a bare 400, the
                # failure as its cause.
                if isinstance(error.__cause__, RequestValidationError):
                    raise error.__cause__ from None
                raise

        return read_strictly
