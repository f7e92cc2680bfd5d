"""`grader bank list` and `grader bank check` as an instructor runs them: the real command in a subprocess."""

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy.orm import Session

import reference
from app.db import make_engine
from app.migrate import upgrade_to_head
from app.schemas import AssignmentIn, CourseIn, PartIn
from app.services.assignments import create_assignment
from app.services.courses import create_course
from reference.bank import seed_package
from reference.packages import from_path
from tests.package_factory import homework, install_entry_point, packages_root, part, write_package

__all__ = ["packages_root"]  # the fixture, used by name

EXAMPLE = Path(__file__).parents[2] / "examples" / "intro_ml_bank"


def run_grader(*args: str, bank_paths: tuple[Path, ...] = (), db: Path | None = None,
               pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"GRADER_BANK_PATHS": os.pathsep.join(map(str, bank_paths))}
    if pythonpath is not None:  # where a distribution with an entry point is installed
        env["PYTHONPATH"] = str(pythonpath)
    if db is not None:
        env["GRADER_DATABASE_URL"] = f"sqlite:///{db}"
    return subprocess.run([sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=120)


def test_the_example_package_passes_bank_check() -> None:
    result = run_grader("bank", "check", str(EXAMPLE))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    parts = from_path(EXAMPLE).parts
    assert lines[0] == f"intro_ml_bank ({EXAMPLE}): 1 homework(s), {len(parts)} part(s)"
    assert [line.split("  [")[0] for line in lines[1:-1]] == [f"OK      {p.id}  ({p.kind}, {p.points:g} pt)" for p in parts]
    assert lines[-1] == f"All {len(parts)} parts passed."
    # The counts of the mutation self-test and of the variants checked.
    assert all(re.search(r"\[\d+ of \d+ mutants differ, (\d+) refused", line) for line in lines[1:-1])
    assert "variants gradable]" in next(line for line in lines if "/q2/conv-shape" in line)


def test_bank_check_reports_each_failure_and_exits_non_zero(packages_root: Path) -> None:
    unsound = write_package(packages_root, "unsound_bank", {
        "hw1.py": homework("course-hw1", part("product"), part("sum", answer="5", reference="5", mistakes=(("5", "Add."),)))})
    broken = write_package(packages_root, "broken_bank", {"hw1.py": "import numpy\nRATE = 1 / 0\n"})
    result = run_grader("bank", "check", str(unsound), str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:] == [
        "OK      course-hw1/q1/product  (integer, 1 pt)  [6 of 6 mutants differ, 6 refused]",
        "FAILED  course-hw1/q1/sum  (integer, 1 pt): known mistake 0 ('5') is not recognised: it is graded right  "
        "[6 of 6 mutants differ, 6 refused]",
        f"FAILED  {broken}: cannot import the package: ZeroDivisionError: division by zero ({broken / 'hw1.py'}, line 2)",
    ]
    assert result.stderr.strip() == "grader: bank check failed: 2 of 3 checked failed"


def test_bank_check_fails_a_reference_that_accepts_its_own_mutant(packages_root: Path) -> None:
    lenient = write_package(packages_root, "lenient_bank", {"hw1.py": homework(
        "course-hw1", part("product", kind="number", mistakes=(), extra=", options={'atol': 1}"))})
    result = run_grader("bank", "check", str(lenient))
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == (
        "FAILED  course-hw1/q1/product  (number, 1 pt): 4 of 6 mutants that differ from the reference are accepted: "
        "'7.0' (+1), '5.0' (-1), '6.000000007000001' (off by 1e-9), '6.300000000000001' (off by 5%)  "
        "[6 of 6 mutants differ, 2 refused]")


def test_bank_check_checks_its_paths_whatever_the_settings_name(packages_root: Path) -> None:
    broken = write_package(packages_root, "broken_bank", {"hw1.py": "import course_bank_missing_module\n"})
    result = run_grader("bank", "check", str(EXAMPLE), bank_paths=(broken,))
    assert result.returncode == 0, result.stdout + result.stderr


def test_bank_check_without_paths_checks_what_the_service_loads(packages_root: Path) -> None:
    site = packages_root / "site"
    write_package(site, "installed_bank", {"hw2.py": homework("course-hw2")})
    install_entry_point(site, "installed_bank")
    result = run_grader("bank", "check", bank_paths=(EXAMPLE,), pythonpath=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split(" (")[0] for line in result.stdout.splitlines() if not line.startswith("OK")] == [
        "intro_ml_bank", "installed_bank", f"All {len(from_path(EXAMPLE).parts) + 1} parts passed."]


def test_bank_list_shows_the_seed_bank_then_each_package_with_its_source() -> None:
    result = run_grader("bank", "list", bank_paths=(EXAMPLE,))
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    expected = [(seed_package().origin, p) for p in seed_package().parts]
    expected += [(str(EXAMPLE), p) for p in from_path(EXAMPLE).parts]
    assert rows[0] == ["homework", "part", "kind", "points", "source"]
    assert rows[1:] == [[p.homework, p.id, p.kind, f"{p.points:g}", origin] for origin, p in expected]


def test_bank_list_with_a_package_that_fails_to_import_names_it(packages_root: Path) -> None:
    broken = write_package(packages_root, "broken_bank", {"hw1.py": "import course_bank_missing_module\n"})
    result = run_grader("bank", "list", bank_paths=(broken,))
    assert result.returncode == 1
    assert result.stderr.startswith(f"grader: {broken}: cannot import the package: ModuleNotFoundError: "
                                    "No module named 'course_bank_missing_module'")


def test_serve_with_a_package_that_fails_to_import_stops_before_serving(packages_root: Path) -> None:
    broken = write_package(packages_root, "broken_bank", {"__init__.py": "raise RuntimeError('no network here')\n"})
    result = run_grader("serve", "--port", "0", bank_paths=(broken,), db=packages_root / "g.db")
    assert result.returncode == 1
    assert "RuntimeError: no network here" in result.stderr.splitlines()[-1]
    assert not (packages_root / "g.db").exists()  # it stopped before migrating


def test_serve_refuses_assignments_whose_package_is_no_longer_loaded(packages_root: Path) -> None:
    db = packages_root / "g.db"
    upgrade_to_head(f"sqlite:///{db}")
    reference.load_packages([EXAMPLE])  # as the service did when the assignment was made
    with Session(make_engine(f"sqlite:///{db}")) as session:
        course = create_course(session, course_in=CourseIn(code="ML101", name="Intro ML", timezone="UTC"))
        parts = [PartIn(question_id="intro-ml-hw3/q2/conv-shape")]
        assignment_id = create_assignment(session, course=course, assignment_in=AssignmentIn(
            title="Homework 3", deadline="2026-10-09T23:59:00", parts=parts)).id
        session.commit()  # services flush; the caller's unit of work commits
    result = run_grader("serve", "--port", "0", db=db)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"grader: assignments use parts that no loaded question package defines: intro-ml-hw3/q2/conv-shape "
        f"(assignment {assignment_id}); add their packages to GRADER_BANK_PATHS or install them")
