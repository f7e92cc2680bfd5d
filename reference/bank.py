"""The question bank: every homework of the seed documents, in seed order."""

from functools import cache

from reference.part import Homework, Part


@cache
def homeworks() -> tuple[Homework, ...]:
    """The five seed homeworks, 000..004 (imported lazily: building the references runs the NumPy models)."""
    from reference import csc413_hw4, csc421_2019_hw4, lstm_output_hw, nyu_dl_hw2, sutd_week8

    return (csc421_2019_hw4.HOMEWORK, nyu_dl_hw2.HOMEWORK, sutd_week8.HOMEWORK, csc413_hw4.HOMEWORK, lstm_output_hw.HOMEWORK)


@cache
def _index() -> dict[str, Part]:
    return {part.id: part for homework in homeworks() for part in homework.parts}


def all_parts() -> tuple[Part, ...]:
    return tuple(_index().values())


def get_part(part_id: str) -> Part:
    """The part with this id; KeyError if the bank has none."""
    return _index()[part_id]
