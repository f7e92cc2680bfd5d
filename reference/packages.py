"""Question packages: other courses' homeworks in the bank's own format, imported from a directory or an entry point.

A package is a Python package (a directory with `__init__.py`). Every module or subpackage directly inside it that
defines `HOMEWORK` (a `reference.Homework`) is one homework, in name order, after the package's own `HOMEWORK` if it
has one; other modules are the package's helpers (NumPy models, notation). A package is code: importing it runs it
with the service's rights, exactly like installing a Python library.
"""

import importlib
import importlib.metadata
import importlib.util
import json
import pkgutil
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from graders import KINDS
from reference.part import Homework, Part

ENTRY_POINT_GROUP = "homework_grader.banks"
ID = re.compile(r"[A-Za-z0-9._-]+/[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")
T = TypeVar("T")


class BankError(Exception):
    """A package that cannot join the bank: it does not import, is malformed, or repeats a part id."""


@dataclass(frozen=True)
class Package:
    name: str  # the module name it is imported under
    origin: str  # where it comes from, for people: its directory, or its entry point
    homeworks: tuple[Homework, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(part for homework in self.homeworks for part in homework.parts)


def from_path(path: str | Path) -> Package:
    """Import the package in directory `path` under the directory's name; BankError says which path and why."""
    directory = Path(path).resolve()
    if not (directory / "__init__.py").is_file():
        raise BankError(f"{directory}: not a question package (a directory with an __init__.py)")
    if not directory.name.isidentifier():
        raise BankError(f"{directory}: the directory name must be a Python identifier: it is the package's module name")
    module = sys.modules.get(directory.name) or _import_directory(directory)
    imported_from = module_directory(module)
    if imported_from != directory:
        raise BankError(f"{directory}: the module name {directory.name!r} is already taken by "
                        f"{imported_from or 'a built-in module'}; rename the package's directory")
    return _package(module, origin=str(directory))


def from_entry_points(group: str = ENTRY_POINT_GROUP) -> list[Package]:
    """The packages that installed distributions declare in the entry point group, in entry point name order."""
    packages = []
    for entry in sorted(importlib.metadata.entry_points(group=group), key=lambda e: e.name):
        origin = f"entry point {entry.name} = {entry.value}"
        module = _guarded(origin, entry.load)
        if not isinstance(module, ModuleType):
            raise BankError(f"{origin}: must name a module (the package of homeworks), not a {type(module).__name__}")
        packages.append(_package(module, origin=f"{origin} ({module_directory(module)})"))
    return packages


def load(paths: Iterable[str | Path], *, entry_points: bool = True) -> tuple[Package, ...]:
    """The packages at `paths`, then those of the entry points; one package named twice is loaded once."""
    found = [from_path(path) for path in paths] + (from_entry_points() if entry_points else [])
    unique = {package.name: package for package in reversed(found)}  # reversed: the first mention wins
    return tuple(package for package in found if unique[package.name] is package)


def verify(loaded: Sequence[Package], *, alongside: Sequence[Package]) -> None:
    """Refuse packages the service could not use: a malformed part, or a part id already in the bank."""
    for package in loaded:
        for part, problem in structure_problems(package):
            raise BankError(f"{package.origin}: part {part.id!r}: {problem}")
    for part_id, owners in duplicate_ids([*alongside, *loaded]).items():
        raise BankError(f"part id {part_id!r} is defined twice: in {owners[0].origin} and in {owners[1].origin}")


def structure_problems(package: Package) -> Iterator[tuple[Part, str]]:
    """What makes a part unusable whatever its answers: checked when a package is loaded, before any grading."""
    for homework in package.homeworks:
        for part in homework.parts:
            for problem in _part_problems(part, homework):
                yield part, problem


def duplicate_ids(bank: Iterable[Package]) -> dict[str, list[Package]]:
    """Each part id defined more than once, with the packages defining it (a package twice if it repeats one)."""
    owners: dict[str, list[Package]] = {}
    for package in bank:
        for part in package.parts:
            owners.setdefault(part.id, []).append(package)
    return {part_id: found for part_id, found in owners.items() if len(found) > 1}


def _part_problems(part: Part, homework: Homework) -> Iterator[str]:
    if part.kind not in KINDS:
        yield f"unknown kind {part.kind!r}; the kinds are {', '.join(KINDS)}"
    if part.homework != homework.id or not part.id.startswith(f"{homework.id}/"):
        yield f"the id must start with its homework's id {homework.id!r}/ (make parts with reference.PartMaker)"
    if not ID.fullmatch(part.id):
        yield "the id must be <homework>/<question>/<part>, each of letters, digits, '.', '_' and '-' (it is in URLs)"
    if not (part.title and part.prompt and part.answer):
        yield "a part needs a title, a prompt and an answer"
    if part.points < 0:
        yield f"points must not be negative (it has {part.points})"
    if part.kind == "manual" and not part.rubric:
        yield "a manual part needs a rubric"
    try:
        json.dumps(part.grading_options())
    except (TypeError, ValueError) as error:
        yield f"its options must be JSON (the API shows them): {error}"


def module_directory(module: ModuleType) -> Path | None:
    """The directory a package (or the file a module) was imported from."""
    file = getattr(module, "__file__", None)  # built-in modules have none
    locations = getattr(module, "__path__", None) or ([file] if file else [])
    return Path(next(iter(locations))).resolve() if locations else None


def _import_directory(directory: Path) -> ModuleType:
    name = directory.name
    spec = importlib.util.spec_from_file_location(name, directory / "__init__.py", submodule_search_locations=[str(directory)])
    assert spec is not None and spec.loader is not None  # a file location always has a spec and a loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # before running it, so that its modules can import each other by absolute name
    try:
        _guarded(str(directory), lambda: spec.loader.exec_module(module))  # type: ignore[union-attr]
    except BankError:
        _forget(name)
        raise
    return module


def _package(module: ModuleType, *, origin: str) -> Package:
    try:
        modules = _guarded(origin, lambda: list(_homework_modules(module)))
        homeworks = tuple(_homework(m, origin) for m in modules)
    except BankError:
        _forget(module.__name__)
        raise
    return Package(name=module.__name__, origin=origin, homeworks=homeworks)


def _homework_modules(package: ModuleType) -> Iterator[ModuleType]:
    if hasattr(package, "HOMEWORK"):
        yield package
    # An entry point may name a single module: it has no __path__, and is one homework or none.
    for info in sorted(pkgutil.iter_modules(getattr(package, "__path__", [])), key=lambda info: info.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(module, "HOMEWORK"):
            yield module


def _homework(module: ModuleType, origin: str) -> Homework:
    homework = module.HOMEWORK
    where = f"{origin}: {module.__name__}.HOMEWORK"
    if not isinstance(homework, Homework):
        raise BankError(f"{where} is a {type(homework).__name__}, not a reference.Homework")
    for position, part in enumerate(homework.parts):
        if not isinstance(part, Part):
            raise BankError(f"{where}.parts[{position}] is a {type(part).__name__}, not a reference.Part")
    return homework


def _guarded(origin: str, run: Callable[[], T]) -> T:
    """Run a package's code; whatever it raises becomes a BankError naming the origin, the place and the reason."""
    try:
        return run()
    except Exception as error:  # noqa: BLE001 - foreign code: any failure means "this package cannot be loaded"
        raise BankError(f"{origin}: cannot import the package: {_reason(error)}") from error


def _reason(error: Exception) -> str:
    if isinstance(error, SyntaxError):  # its own message already names the file and the line
        return f"SyntaxError: {error}"
    # The innermost frame of real code, not of importlib's frozen machinery.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if not f.filename.startswith("<")]
    place = f" ({frames[-1].filename}, line {frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{place}"


def _forget(name: str) -> None:
    """Drop a half-imported package and its modules, so that a corrected package imports afresh."""
    for loaded in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
        del sys.modules[loaded]
