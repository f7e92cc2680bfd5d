"""requirements.lock pins every runtime dependency of pyproject.toml exactly, at a version its bound allows, and
nothing of the test extras: the image and `make demo` install what the tests ran with."""

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


@cache
def pins() -> dict[str, str]:
    """name -> version of each `name==version` line; anything else but comments is an error."""
    found = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][^\s;#]*)", line.strip())
        assert match, f"requirements.lock: {line!r} is not an exact pin"
        found[canonicalize_name(match[1])] = match[2]
    return found


@pytest.mark.parametrize("dependency", PROJECT["dependencies"])
def test_each_runtime_dependency_is_pinned_within_its_bound(dependency: str) -> None:
    requirement = Requirement(dependency)
    name = canonicalize_name(requirement.name)
    assert name in pins(), f"{requirement.name} is missing from requirements.lock (run `make lock`)"
    assert requirement.specifier.contains(pins()[name], prereleases=True), \
        f"requirements.lock pins {requirement.name}=={pins()[name]}, outside {requirement.specifier}"


def test_the_extras_of_a_dependency_are_pinned_too() -> None:
    """uvicorn[standard] brings uvloop, httptools, ...: a lock without them would serve differently."""
    assert {"uvloop", "httptools", "websockets", "psycopg-binary"} <= set(pins())


def test_no_test_tool_is_in_the_lock() -> None:
    """The lock is frozen from a runtime-only venv (pyyaml is there as uvicorn[standard]'s, not as a test extra)."""
    tools = {"pytest", "pytest-timeout", "hypothesis", "playwright", "ruff", "mypy", "math-verify"}
    assert not tools & set(pins())
