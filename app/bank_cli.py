"""`grader bank list` and `grader bank check`: what the question bank holds, and whether a package may join it."""

import argparse
import sys
from collections.abc import Callable
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

import reference
from app.config import get_settings
from app.db import session_factory
from app.models import AssignmentPart
from reference.bank import seed_package
from reference.check import PartReport, check_package
from reference.packages import BankError, Package, from_entry_points, from_path


def load_configured_packages() -> tuple[Package, ...]:
    """The question packages the settings name (GRADER_BANK_PATHS) and the installed entry points."""
    return reference.load_packages(get_settings().bank_paths)


def require_assignment_parts() -> None:
    """Refuse to serve assignments whose parts the bank no longer holds: grading them and their pages would fail."""
    with session_factory()() as session:
        missing = missing_parts(session)
    if missing:
        used = "; ".join(f"{part_id} (assignment {', '.join(map(str, ids))})" for part_id, ids in missing.items())
        raise BankError(f"assignments use parts that no loaded question package defines: {used}; "
                        "add their packages to GRADER_BANK_PATHS or install them")


def missing_parts(session: Session) -> dict[str, list[int]]:
    """Each part id an assignment uses that the loaded bank does not hold, with the assignments using it."""
    known = {part.id for part in reference.all_parts()}
    rows = session.execute(select(AssignmentPart.question_id, AssignmentPart.assignment_id)
                           .order_by(AssignmentPart.question_id, AssignmentPart.assignment_id)).all()
    missing: dict[str, list[int]] = {}
    for part_id, assignment_id in rows:
        if part_id not in known:
            missing.setdefault(part_id, []).append(assignment_id)
    return missing


def bank_list(_args: argparse.Namespace) -> None:
    print("homework\tpart\tkind\tpoints\tsource")
    for package in reference.packages():
        for homework in package.homeworks:
            for part in homework.parts:
                print(f"{homework.id}\t{part.id}\t{part.kind}\t{part.points:g}\t{package.origin}")


def bank_check(args: argparse.Namespace) -> None:
    checked = [seed_package()]  # each package's ids must be new to the seed bank and to the packages before it
    passed: list[bool] = []
    for load in _targets(args.paths):
        passed += _check(load, checked)
    if not all(passed):
        sys.exit(f"grader: bank check failed: {passed.count(False)} of {len(passed)} checked failed")
    print(f"All {len(passed)} parts passed." if passed else "No parts to check: name a package, or set GRADER_BANK_PATHS.")


def _targets(paths: list[str]) -> list[Callable[[], list[Package]]]:
    """The packages at `paths`; with none, those the service loads (GRADER_BANK_PATHS, then the entry points)."""
    if paths:
        return [partial(_one, path) for path in paths]
    return [*(partial(_one, path) for path in get_settings().bank_paths), from_entry_points]


def _one(path: str) -> list[Package]:
    return [from_path(path)]


def _check(load: Callable[[], list[Package]], checked: list[Package]) -> list[bool]:
    try:
        packages = load()
    except BankError as error:
        print(f"FAILED  {error}")
        return [False]
    passed: list[bool] = []
    for package in packages:
        print(f"{package.name} ({package.origin}): {len(package.homeworks)} homework(s), {len(package.parts)} part(s)")
        reports = check_package(package, alongside=checked, time_limit=get_settings().grade_timeout)
        for report in reports:
            print(report_line(report))
        checked.append(package)
        passed += [report.ok for report in reports]
    return passed


def report_line(report: PartReport) -> str:
    part = report.part
    about = f"{part.id}  ({part.kind}, {part.points:g} pt)"
    counted = f"  [{'; '.join(report.notes)}]" if report.notes else ""
    return f"OK      {about}{counted}" if report.ok else f"FAILED  {about}: {'; '.join(report.problems)}{counted}"


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    bank_cmd = commands.add_parser("bank", help="list the question bank; check a question package")
    actions = bank_cmd.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every part loaded: the seed bank, then GRADER_BANK_PATHS and entry points")
    listing.set_defaults(run=bank_list)
    check = actions.add_parser("check", help="check question packages the way the bank's own tests do")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="a package directory (with an __init__.py); none: the packages the service loads")
    # It checks the packages it is given, whatever the settings name.
    check.set_defaults(run=bank_check, loads_bank=False)
