"""Question packages join the bank after the seed homeworks; one that cannot is refused at load, saying where and why."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import reference
from app.config import Settings
from reference import BankError
from reference.bank import seed_package
from tests.package_factory import homework, install_entry_point, packages_root, part, write_package

__all__ = ["packages_root"]  # the fixture, used by name

SEED = seed_package().origin


def refusal(paths: list[Path]) -> str:
    """Why the bank refuses to load these packages."""
    with pytest.raises(BankError) as refused:
        reference.load_packages(paths)
    return str(refused.value)


def test_package_parts_follow_the_seed_bank(packages_root: Path) -> None:
    seed_parts = reference.all_parts()
    directory = write_package(packages_root, "course_bank", {"hw1.py": homework("course-hw1")})
    (package,) = reference.load_packages([directory])
    assert reference.all_parts() == seed_parts + package.parts
    assert reference.get_part("course-hw1/q1/product").answer == "6"
    assert [p.origin for p in reference.packages()] == [SEED, str(directory)]


def test_every_module_with_a_homework_is_one_in_name_order(packages_root: Path) -> None:
    directory = write_package(packages_root, "course_bank", {
        "__init__.py": homework("course-hw0"), "b_hw.py": homework("course-hw2"), "a_hw.py": homework("course-hw1"),
        "helpers.py": "VALUE = 6\n", "hw3/__init__.py": homework("course-hw3")})
    (package,) = reference.load_packages([directory])
    assert [h.id for h in package.homeworks] == ["course-hw0", "course-hw1", "course-hw2", "course-hw3"]


def test_modules_of_a_package_import_each_other_by_its_name(packages_root: Path) -> None:
    source = "from course_bank import helpers\n" + homework("course-hw1", part(reference="helpers.VALUE"))
    directory = write_package(packages_root, "course_bank", {"hw1.py": source, "helpers.py": "VALUE = 6\n"})
    reference.load_packages([directory])
    assert reference.get_part("course-hw1/q1/product").reference == 6


REFUSED = [
    pytest.param({"hw1.py": "HOMEWORK = (\n"}, ["cannot import the package", "SyntaxError", "hw1.py"], id="syntax-error"),
    pytest.param({"hw1.py": "import numpy\nRATE = 1 / 0\n"}, ["ZeroDivisionError: division by zero", "hw1.py, line 2"],
                 id="raises"),
    pytest.param({"hw1.py": "import course_bank_missing_module\n"}, ["ModuleNotFoundError", "course_bank_missing_module"],
                 id="missing-module"),
    pytest.param({"__init__.py": "raise RuntimeError('no network here')\n"}, ["RuntimeError: no network here"],
                 id="init-raises"),
    pytest.param({"hw1.py": "HOMEWORK = 3\n"}, ["course_bank.hw1.HOMEWORK is a int, not a reference.Homework"],
                 id="not-a-homework"),
    pytest.param({"hw1.py": homework("course-hw1", "'a part', ")}, ["HOMEWORK.parts[0] is a str, not a reference.Part"],
                 id="part-not-a-part"),
    pytest.param({"hw1.py": homework("course-hw1", part(kind="essay"))}, ["'course-hw1/q1/product'", "unknown kind 'essay'"],
                 id="unknown-kind"),
    pytest.param({"hw1.py": homework("course-hw1", 'Part(id="other/q1/x", homework="other", title="t", prompt="p", '
                                                   'kind="integer", points=1, answer="6", reference=6), ')},
                 ["'other/q1/x'", "must start with its homework's id 'course-hw1'/"], id="part-of-another-homework"),
    pytest.param({"hw1.py": homework("course-hw1", part("the product?"))}, ["'course-hw1/q1/the product?'",
                 "the id must be <homework>/<question>/<part>, each of letters, digits"], id="id-not-url-safe"),
    pytest.param({"hw1.py": homework("course-hw1", part(extra=", options={'variables': {1, 2}}"))},
                 ["options must be JSON"], id="options-not-json"),
    pytest.param({"hw1.py": homework("course-hw1", part(kind="manual"))}, ["a manual part needs a rubric"],
                 id="manual-without-rubric"),
    pytest.param({"hw1.py": homework("course-hw1", part(points=-1))},
                 ["points must not be negative"], id="negative-points"),
]


@pytest.mark.parametrize(("files", "reasons"), REFUSED)
def test_a_package_that_cannot_join_is_refused_naming_path_and_reason(
    packages_root: Path, files: dict[str, str], reasons: list[str]
) -> None:
    directory = write_package(packages_root, "course_bank", files)
    message = refusal([directory])
    assert str(directory) in message
    for reason in reasons:
        assert reason in message


@pytest.mark.parametrize(("name", "files", "reason"), [
    pytest.param("course_bank", {}, "not a question package (a directory with an __init__.py)", id="no-init"),
    pytest.param("course-bank", {"__init__.py": ""}, "must be a Python identifier", id="name-not-identifier"),
    pytest.param("json", {"__init__.py": ""}, "the module name 'json' is already taken by", id="name-taken"),
    pytest.param("sys", {"__init__.py": ""}, "the module name 'sys' is already taken by a built-in module", id="name-of-a-builtin"),
])
def test_a_directory_that_is_not_a_package_is_refused(packages_root: Path, name: str, files: dict[str, str],
                                                       reason: str) -> None:
    directory = packages_root / name
    directory.mkdir()
    for relative, text in files.items():
        (directory / relative).write_text(text)
    assert reason in refusal([directory])


def test_an_id_already_in_the_seed_bank_is_refused_naming_both_sources(packages_root: Path) -> None:
    source = homework("csc421-2019-hw4", part("det-jacobian").replace('"q1"', '"q3"'))
    directory = write_package(packages_root, "course_bank", {"hw1.py": source})
    assert refusal([directory]) == (f"part id 'csc421-2019-hw4/q3/det-jacobian' is defined twice: in {SEED} "
                                  f"and in {directory}")


def test_an_id_in_two_packages_is_refused_naming_both(packages_root: Path) -> None:
    first = write_package(packages_root, "first_bank", {"hw1.py": homework("course-hw1")})
    second = write_package(packages_root, "second_bank", {"hw1.py": homework("course-hw1")})
    assert refusal([first, second]).endswith(f"'course-hw1/q1/product' is defined twice: in {first} and in {second}")


def test_a_refused_load_keeps_the_bank_and_the_corrected_package_loads(packages_root: Path) -> None:
    good = write_package(packages_root, "good_bank", {"hw1.py": homework("course-hw1")})
    broken = write_package(packages_root, "broken_bank", {"hw2.py": homework("course-hw2").replace("HOMEWORK =", "1/0\nX =")})
    reference.load_packages([good])
    assert "ZeroDivisionError" in refusal([good, broken])
    assert [p.origin for p in reference.packages()] == [SEED, str(good)]

    (broken / "hw2.py").write_text(homework("course-hw2"))
    reference.load_packages([good, broken])
    assert reference.get_part("course-hw2/q1/product").kind == "integer"


def test_a_package_named_twice_is_loaded_once(packages_root: Path) -> None:
    directory = write_package(packages_root, "course_bank", {"hw1.py": homework("course-hw1")})
    assert len(reference.load_packages([directory, str(directory), directory / ".." / "course_bank"])) == 1


def test_loading_no_packages_leaves_the_seed_bank(packages_root: Path) -> None:
    reference.load_packages([write_package(packages_root, "course_bank", {"hw1.py": homework("course-hw1")})])
    reference.load_packages([])
    assert reference.packages() == (seed_package(),)
    with pytest.raises(KeyError):
        reference.get_part("course-hw1/q1/product")


def test_an_installed_entry_point_adds_its_package(packages_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = packages_root / "site"
    directory = write_package(site, "course_bank", {"hw1.py": homework("course-hw1")})
    install_entry_point(site, "course_bank")
    monkeypatch.syspath_prepend(str(site))
    (package,) = reference.load_packages([])
    assert package.origin == f"entry point course = course_bank ({directory})"
    assert reference.get_part("course-hw1/q1/product").points == 1


def test_an_entry_point_may_name_a_single_homework_module(packages_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = packages_root / "site"
    write_package(site, "course_bank", {"hw1.py": homework("course-hw1")})
    install_entry_point(site, "course_bank.hw1")
    monkeypatch.syspath_prepend(str(site))
    (package,) = reference.load_packages([])
    assert [h.id for h in package.homeworks] == ["course-hw1"]


@pytest.mark.parametrize(("value", "files", "reason"), [
    pytest.param("course_bank:RATE", {"__init__.py": "RATE = 3\n"}, "must name a module (the package of homeworks), not a int",
                 id="not-a-module"),
    pytest.param("course_bank", {"__init__.py": "import course_bank_missing_module\n"},
                 "entry point course = course_bank: cannot import the package: ModuleNotFoundError", id="import-fails"),
])
def test_an_entry_point_that_cannot_join_is_refused_naming_it(
    packages_root: Path, monkeypatch: pytest.MonkeyPatch, value: str, files: dict[str, str], reason: str
) -> None:
    site = packages_root / "site"
    write_package(site, "course_bank", files)
    install_entry_point(site, value)
    monkeypatch.syspath_prepend(str(site))
    assert reason in refusal([])


@pytest.mark.parametrize(("entries", "paths"), [
    pytest.param(["/srv/a"], ("/srv/a",), id="one"),
    pytest.param(["/srv/a", "/srv/b"], ("/srv/a", "/srv/b"), id="two"),
    pytest.param(["", "/srv/a", "", "/srv/b", ""], ("/srv/a", "/srv/b"), id="empty-entries-skipped"),
    pytest.param([""], (), id="none"),
])
def test_bank_paths_setting_is_split_like_path(monkeypatch: pytest.MonkeyPatch, entries: list[str], paths: tuple[str, ...]) -> None:
    monkeypatch.setenv("GRADER_BANK_PATHS", os.pathsep.join(entries))
    assert Settings().bank_paths == paths


def test_the_bank_and_its_loader_import_no_service_layer() -> None:
    script = ("import sys, reference, reference.packages, reference.check\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('app', 'fastapi', 'sqlalchemy', 'alembic')))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
