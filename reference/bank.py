"""The question bank: every homework of the seed documents, in seed order, then the loaded question packages."""

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from reference import packages as question_packages
from reference.packages import Package
from reference.part import Homework, Part

# Set by load_packages: the service loads the packages its settings name once, at start.
_loaded: tuple[Package, ...] = ()


@cache
def homeworks() -> tuple[Homework, ...]:
    """The five seed homeworks, 000..004 (imported lazily: building the references runs the NumPy models)."""
    from reference import csc413_hw4, csc421_2019_hw4, lstm_output_hw, nyu_dl_hw2, sutd_week8

    return (csc421_2019_hw4.HOMEWORK, nyu_dl_hw2.HOMEWORK, sutd_week8.HOMEWORK, csc413_hw4.HOMEWORK, lstm_output_hw.HOMEWORK)


@cache
def seed_package() -> Package:
    return Package(name="reference", origin=str(Path(__file__).parent), homeworks=homeworks())


def packages() -> tuple[Package, ...]:
    """The seed bank, then each loaded question package."""
    return (seed_package(), *_loaded)


def load_packages(paths: Iterable[str | Path] = (), *, entry_points: bool = True) -> tuple[Package, ...]:
    """Load the question packages at `paths` and of the entry points, in place of those loaded before.

    BankError if one does not import, is malformed or repeats a part id; the bank is unchanged then."""
    global _loaded
    loaded = question_packages.load(paths, entry_points=entry_points)
    if loaded:
        question_packages.verify(loaded, alongside=[seed_package()])
    _loaded = loaded
    _index.cache_clear()
    return loaded


@cache
def _index() -> dict[str, Part]:
    return {part.id: part for package in packages() for part in package.parts}


def all_parts() -> tuple[Part, ...]:
    return tuple(_index().values())


def get_part(part_id: str) -> Part:
    """The part with this id; KeyError if the bank has none."""
    return _index()[part_id]
