"""Question packages written to disk for the tests: real directories, imported by the real loader."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import reference

HOMEWORK = '''\
from reference.part import Homework, KnownMistake, Part, PartMaker, late_policy

_make = PartMaker({homework!r})

HOMEWORK = Homework(id={homework!r}, title="Homework {homework}", source="tests", deadline="2026-10-09T23:59:00",
                    late_policy=late_policy(10, "day"), parts=({parts}))
'''


def part(name: str = "product", *, kind: str = "integer", points: float = 1, answer: str = "6", reference: str = "6",
         mistakes: tuple[tuple[str, str], ...] = (("5", "Multiply, do not add."),), extra: str = "") -> str:
    """A part's source: `reference` is Python source; each mistake is (answer, feedback)."""
    known = "".join(f"KnownMistake({answer!r}, {feedback!r}), " for answer, feedback in mistakes)
    return (f'_make("q1", {name!r}, title="Q1 {name}", prompt="What is 2 times 3?", kind={kind!r}, points={points}, '
            f"answer={answer!r}, reference={reference}, mistakes=({known}){extra}), ")


def homework(homework_id: str = "course-hw1", *parts: str) -> str:
    """A homework module's source with these parts (one integer part when none is given)."""
    return HOMEWORK.format(homework=homework_id, parts="".join(parts or [part()]))


def write_package(root: Path, name: str, files: dict[str, str]) -> Path:
    """The package directory `root/name` with an empty `__init__.py` unless `files` gives one."""
    directory = root / name
    for relative, text in {"__init__.py": "", **files}.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return directory


def install_entry_point(site: Path, value: str) -> None:
    """A distribution installed in `site` that declares `value` in the bank's entry point group."""
    info = site / "course_bank_dist-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: course-bank-dist\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[homework_grader.banks]\ncourse = {value}\n")


@pytest.fixture
def packages_root(tmp_path: Path) -> Iterator[Path]:
    """Where a test writes its packages; afterwards the bank is the seed bank again and their modules are gone."""
    yield tmp_path
    reference.load_packages([], entry_points=False)
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", None) or "").startswith(str(tmp_path)):
            del sys.modules[name]
