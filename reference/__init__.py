"""The reference bank: every question part of the seed homeworks, then of the loaded question packages."""

from reference.bank import all_parts, get_part, homeworks, load_packages, packages
from reference.packages import BankError, Package
from reference.part import Homework, KnownMistake, Part

__all__ = [
    "BankError", "Homework", "KnownMistake", "Package", "Part", "all_parts", "get_part", "homeworks", "load_packages",
    "packages",
]
