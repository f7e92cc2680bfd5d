"""The bank as a whole: ids, homeworks, points, options, and every reference answer graded through graders."""

import json
import pickle
import re

import pytest

import graders
import reference
from reference import get_part, homeworks

SEED_FILES = ["000_f7a0746002027825.txt", "001_0d13e296e3522753.txt", "002_b2f9e884247261e4.txt",
              "003_3500a45c06a6d3c4.txt", "004_e470ad415450e6e1.txt"]
PARTS = reference.all_parts()
AUTO = [p for p in PARTS if p.kind != "manual"]
MISTAKES = [(p, k) for p in AUTO for k in range(len(p.mistakes))]


def test_homeworks_follow_seed_order() -> None:
    assert [h.source for h in homeworks()] == SEED_FILES


@pytest.mark.parametrize("homework", homeworks(), ids=lambda h: h.id)
def test_every_homework_has_parts_worth_points(homework: reference.Homework) -> None:
    assert sum(part.points for part in homework.parts) > 0


def test_homework_titles_are_unique() -> None:
    titles = [h.title for h in homeworks()]
    assert len(set(titles)) == len(titles)


def test_part_ids_are_unique() -> None:
    ids = [p.id for p in PARTS]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.id)
def test_part_id_names_its_homework_question_and_part(part: reference.Part) -> None:
    homework, question, name = part.id.split("/")
    assert homework == part.homework and re.fullmatch(r"(q|task)[0-9.]+", question) and re.fullmatch(r"[a-z0-9-]+", name)


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.id)
def test_part_is_well_formed(part: reference.Part) -> None:
    assert part.kind in graders.KINDS
    assert part.points >= 0     # 0 for the practice parts the handouts mark [0pt]
    assert part.title and part.prompt and part.answer


@pytest.mark.parametrize("part", [p for p in PARTS if p.kind == "manual"], ids=lambda p: p.id)
def test_manual_part_has_a_rubric(part: reference.Part) -> None:
    assert part.rubric and "pt" in part.rubric


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.id)
def test_grading_options_are_json_and_references_picklable(part: reference.Part) -> None:
    json.dumps(part.grading_options())
    assert pickle.loads(pickle.dumps(part.reference)) == part.reference


def test_get_part_finds_a_part_by_id() -> None:
    assert get_part("csc421-2019-hw4/q3/det-jacobian").title == "Q3(b) Determinant of the momentum Jacobian"


def test_get_part_refuses_an_unknown_id() -> None:
    with pytest.raises(KeyError):
        get_part("csc421-2019-hw4/q9/nothing")


def test_demo_homework_keeps_the_seed_deadline_and_late_policy() -> None:
    homework = homeworks()[0]
    assert (homework.deadline, dict(homework.late_policy)) == ("2019-03-14T23:59:00", {
        "percent_per_period": 10, "period": "day", "rounding": "up", "close_after_periods": 3,
        "grace_minutes": 0, "min_percent": 0, "deduct_from": "earned"})


@pytest.mark.parametrize("part", AUTO, ids=lambda p: p.id)
def test_reference_options_and_mistakes_load(part: reference.Part) -> None:
    graders.check_reference(part.kind, part.reference, options=part.grading_options())


@pytest.mark.parametrize("part", AUTO, ids=lambda p: p.id)
def test_reference_answer_scores_full_marks(part: reference.Part) -> None:
    result = graders.grade(part.kind, part.answer, part.reference, options=part.grading_options())
    assert (result.correct, result.score, result.error) == (True, 1.0, None)


@pytest.mark.parametrize(("part", "index"), MISTAKES, ids=lambda v: v.id if isinstance(v, reference.Part) else str(v))
def test_known_mistake_is_recognised_with_its_feedback(part: reference.Part, index: int) -> None:
    mistake = part.mistakes[index]
    result = graders.grade(part.kind, mistake.answer, part.reference, options=part.grading_options())
    assert (result.correct, result.mistake, result.score, result.feedback) == (False, index, mistake.score, mistake.feedback)



FORBIDDING = [(p, name) for p in AUTO for name in p.options.get("forbidden", {})]


def _spelling(part: reference.Part, name: str) -> str:
    """An answer that is the forbidden name itself, in the question's notation."""
    if name.endswith("'"):
        return f"{name}(z)"
    return part.options["symbols"][name][0]


@pytest.mark.parametrize(("part", "name"), FORBIDDING, ids=lambda v: v.id if isinstance(v, reference.Part) else v)
def test_a_forbidden_name_is_a_name_of_the_question_and_is_refused(part: reference.Part, name: str) -> None:
    samples = part.options.get("samples", {})  # a list of sample points in matrix_expr parts
    declared = {*part.options.get("symbols", {}), *part.options.get("variables", {}),
                *(samples if isinstance(samples, dict) else ())}
    assert name in declared or name.endswith("'")
    result = graders.grade(part.kind, _spelling(part, name), part.reference, options=part.grading_options())
    assert (result.correct, result.score, result.error) == (False, 0.0, None) and "may not appear" in result.feedback

