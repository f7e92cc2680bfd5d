"""`grader bank check` in the library: each part passes the seed bank's own tests, or its report says why not."""

from pathlib import Path

import pytest

from reference import check
from reference.bank import seed_package
from reference.check import PartReport, check_package
from reference.packages import BankError, from_path
from tests.package_factory import homework, packages_root, part, write_package

__all__ = ["packages_root"]  # the fixture, used by name

SEED = seed_package().origin
# A class of the package: a worker process that never imported the package cannot unpickle it.
PACKAGE_CLASS = "class Six(int):\n    pass\n\n"


def reports(root: Path, *parts: str, prelude: str = "", time_limit: float = 30) -> dict[str, PartReport]:
    source = homework("course-hw1", *parts)
    package = from_path(write_package(root, "course_bank", {"hw1.py": prelude + source}))
    return {r.part.id.rsplit("/", 1)[1]: r for r in check_package(package, alongside=[seed_package()], time_limit=time_limit)}


def test_a_sound_package_passes_every_part(packages_root: Path) -> None:
    found = reports(packages_root, part("product"), part("sum", answer="5", reference="5", mistakes=(("6", "Add."),)),
                    part("why", kind="manual", extra=", rubric='1 pt: because'"))
    assert {name: r.problems for name, r in found.items()} == {"product": (), "sum": (), "why": ()}


FAILING = [
    pytest.param(part(answer="7"), "the reference answer '7' is not graded right: it is graded 0 with the feedback "
                                   "'Not the expected whole number", id="answer-not-right"),
    pytest.param(part(kind="expression", answer="x", reference="'x +'"),
                 "grading the reference answer raised ValueError: bad expression reference 'x +'", id="reference-unreadable"),
    pytest.param(part(mistakes=(("6", "Multiply."),)), "known mistake 0 ('6') is not recognised: it is graded right",
                 id="mistake-is-right"),
    pytest.param(part(mistakes=(("5", "Add."), ("2 + 3", "Five."))),
                 "known mistake 1 ('2 + 3') is not recognised: it is graded as known mistake 0", id="mistake-shadowed"),
    pytest.param(part(mistakes=(("five", "Digits."),)), "known mistake 0 ('five') is not recognised: it is unreadable",
                 id="mistake-unreadable"),
    pytest.param(part(reference="Six(6)"), "the reference cannot be sent to a grading worker: UnpicklingError: it "
                                           "refers to course_bank.hw1.Six, code of the package", id="reference-is-package-code"),
    pytest.param(part(kind="essay"), "unknown kind 'essay'", id="unknown-kind"),
    pytest.param(part("det-jacobian").replace('"q1"', '"q3"').replace("_make(", "PartMaker('csc421-2019-hw4')(", 1),
                 f"the id is also defined in {SEED}", id="id-of-the-seed-bank"),
]


@pytest.mark.parametrize(("source", "problem"), FAILING)
def test_a_failing_part_is_reported_with_the_reason(packages_root: Path, source: str, problem: str) -> None:
    found = reports(packages_root, part("sound"), source, prelude=PACKAGE_CLASS)
    (failed,) = [r for name, r in found.items() if name != "sound"]
    assert not failed.ok and any(p.startswith(problem) for p in failed.problems), failed.problems
    assert found["sound"].ok


def test_a_part_id_repeated_within_the_package_is_reported(packages_root: Path) -> None:
    package = from_path(write_package(packages_root, "course_bank", {"hw1.py": homework("course-hw1", part(), part())}))
    found = check_package(package, alongside=[], time_limit=30)
    assert [r.problems for r in found] == [("the id is also defined elsewhere in this package",)] * 2


def test_grading_slower_than_the_service_allows_is_reported(packages_root: Path) -> None:
    (found,) = reports(packages_root, part(), time_limit=0).values()
    assert found.problems[0].startswith("grading the reference answer took")
    assert found.problems[0].endswith("the service stops a grade after 0 s")


def test_a_check_added_to_part_checks_runs_on_every_automatic_part(packages_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # How a further check plugs in (the mutation self-test and the variants' check did).
    monkeypatch.setattr(check, "PART_CHECKS", [*check.PART_CHECKS, lambda part, context: [f"{part.id} has a live mutant"]])
    found = reports(packages_root, part(), part("why", kind="manual", extra=", rubric='1 pt: because'"))
    assert (found["product"].problems, found["why"].problems) == (("course-hw1/q1/product has a live mutant",), ())


VARYING = '''
from reference.variants import Parameters

def _doubled(n):
    return dict(title=f"Q2 twice {n}", prompt=f"What is 2 times {n}?", kind="integer", points=1, answer=str(2 * n),
                reference=2 * n, mistakes=(KnownMistake(str(n + 2), "Multiply, do not add."),))

TWICE = Parameters(ranges={"n": RANGES}, document={"n": 3})
'''


def varying_reports(root: Path, ranges: str) -> PartReport:
    source = homework("course-hw1", "_make.varying('q2', 'twice', TWICE, _doubled), ")
    package = from_path(write_package(root, "course_bank", {"hw1.py": VARYING.replace("RANGES", ranges) + source}))
    (report,) = check_package(package, alongside=[seed_package()], time_limit=30)
    return report


def test_every_variant_drawn_is_checked_and_counted(packages_root: Path) -> None:
    report = varying_reports(packages_root, "(5, 6, 7, 8, 9)")
    assert report.ok, report.problems
    assert any(note.endswith("variants gradable") and int(note.split()[0]) > 2 for note in report.notes)


def test_a_variant_whose_known_mistake_is_its_answer_fails_with_its_values(packages_root: Path) -> None:
    # n + 2 is 2n for n = 2: the handout's n = 3 passes, the drawn n = 2 does not.
    report = varying_reports(packages_root, "(2,)")
    assert report.problems == ("the variant {'n': 2}: known mistake 0 ('4') is not recognised: it is graded right",)


def test_parameters_without_values_are_an_error_naming_them(packages_root: Path) -> None:
    with pytest.raises(BankError, match="parameters without values: n"):
        varying_reports(packages_root, "()")
