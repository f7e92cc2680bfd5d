"""The API tests' fixtures (a course, its instructor and LMS tokens, an assignment with parts), shared here."""

from tests.api.conftest import assignment, course, instructor, lms, parts  # noqa: F401 - fixtures
