"""The reference bank: every question part of the seed homeworks, with verified reference answers."""

from reference.bank import all_parts, get_part, homeworks
from reference.part import Homework, KnownMistake, Part

__all__ = ["Homework", "KnownMistake", "Part", "all_parts", "get_part", "homeworks"]
