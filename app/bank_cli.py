"""`grader bank list` and `grader bank check`: what the question bank holds, and whether a package may join it."""

import argparse
import sys

import reference
from app.config import get_settings
from reference.bank import seed_package
from reference.check import PartReport, check_package
from reference.packages import BankError, Package, from_path


def load_configured_packages() -> tuple[Package, ...]:
    """The question packages the settings name (GRADER_BANK_PATHS) and the installed entry points."""
    return reference.load_packages(get_settings().bank_paths)


def bank_list(_args: argparse.Namespace) -> None:
    print("homework\tpart\tkind\tpoints\tsource")
    for package in reference.packages():
        for homework in package.homeworks:
            for part in homework.parts:
                print(f"{homework.id}\t{part.id}\t{part.kind}\t{part.points:g}\t{package.origin}")


def bank_check(args: argparse.Namespace) -> None:
    checked = [seed_package()]  # each package's ids must be new to the seed bank and to the packages before it
    passed: list[bool] = []
    for path in args.paths:
        passed += _check(path, checked)
    if not all(passed):
        sys.exit(f"grader: bank check failed: {passed.count(False)} of {len(passed)} checked failed")
    print(f"All {len(passed)} parts passed.")


def _check(path: str, checked: list[Package]) -> list[bool]:
    try:
        package = from_path(path)
    except BankError as error:
        print(f"FAILED  {error}")
        return [False]
    print(f"{package.name} ({package.origin}): {len(package.homeworks)} homework(s), {len(package.parts)} part(s)")
    reports = check_package(package, alongside=checked, time_limit=get_settings().grade_timeout)
    for report in reports:
        print(report_line(report))
    checked.append(package)
    return [report.ok for report in reports]


def report_line(report: PartReport) -> str:
    part = report.part
    about = f"{part.id}  ({part.kind}, {part.points:g} pt)"
    return f"OK      {about}" if report.ok else f"FAILED  {about}: {'; '.join(report.problems)}"


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    bank_cmd = commands.add_parser("bank", help="list the question bank; check a question package")
    actions = bank_cmd.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every part loaded: the seed bank, then GRADER_BANK_PATHS and entry points")
    listing.set_defaults(run=bank_list)
    check = actions.add_parser("check", help="check question packages the way the bank's own tests do")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a package directory (with an __init__.py)")
    # It checks the packages it is given, whatever the settings name.
    check.set_defaults(run=bank_check, loads_bank=False)
