"""Per-student variants in the bank: values drawn deterministically within the declared ranges, and each student's
version computed by the same NumPy references (checked here against actual convolutions) and gradable."""

import itertools

import numpy as np
import pytest

import reference
from graders import grade
from reference.check import Context, mistakes_are_recognised, reference_scores_full_marks
from reference.models.conv import convolve, input_sizes
from reference.part import Part
from reference.variants import Parameters

VARYING = [part for part in reference.all_parts() if part.variants is not None]
STUDENTS = [f"student-{n}" for n in range(6)]


def test_the_seed_banks_numeric_questions_vary() -> None:
    assert {part.id for part in VARYING} >= {
        "sutd-50039-week8/task2/parameters", "sutd-50039-week8/task2/multiplications",
        "sutd-50039-week8/task2/additions", "sutd-50039-week8/task2/parameters-pointwise",
        "sutd-50039-week8/task2/output-size-padded", "sutd-50039-week8/task2/output-size-rectangular",
        "sutd-50039-week8/task2/input-size", "nyu-dl-hw2/q1.1/a-output-size", "nyu-dl-hw2/q1.3/d-initial-accuracy",
        "nyu-dl-hw2/q1.3/d-initial-loss", "nyu-dl-hw2/q1.1/c-i-output-length", "nyu-dl-hw2/q1.1/c-i-formula",
        "nyu-dl-hw2/q1.1/c-ii-dw-shape", "nyu-dl-hw2/q1.1/c-ii-dw", "nyu-dl-hw2/q1.1/c-iii-dx-shape",
        "nyu-dl-hw2/q1.1/c-iii-dx", "nyu-dl-hw2/q1.1/c-iv-dl-dw-shape", "nyu-dl-hw2/q1.1/c-iv-dl-dw"}


@pytest.mark.parametrize("part", VARYING, ids=lambda p: p.id)
def test_the_bank_lists_the_handouts_version(part: Part) -> None:
    assert part.values == part.variants.parameters.document
    # equal, not identical: another test may have loaded the bank again
    assert part.for_values(None) == part and part.for_values(part.values) == part


@pytest.mark.parametrize("part", VARYING, ids=lambda p: p.id)
def test_a_student_gets_the_same_values_every_time_within_the_ranges(part: Part) -> None:
    ranges = part.variants.parameters.ranges
    for student in STUDENTS:
        values = part.draw(1234, student)
        assert values == part.draw(1234, student)
        assert all(values[name] in choices for name, choices in ranges.items())
        assert part.variants.parameters.is_valid(values)


@pytest.mark.parametrize("part", VARYING, ids=lambda p: p.id)
def test_students_and_assignments_get_different_values(part: Part) -> None:
    assert len({str(part.draw(1234, student)) for student in STUDENTS}) >= 3
    assert len({str(part.draw(seed, "alice")) for seed in range(6)}) >= 3


def test_a_students_whole_question_is_asked_with_their_numbers() -> None:
    # The hand-graded parts of NYU 1.3 state the same number of classes as the numeric ones, and their rubric follows.
    question = [part for part in reference.all_parts() if part.id.startswith("nyu-dl-hw2/q1.3/")]
    classes = {part.draw(3, "alice")["classes"] for part in question}
    (n,) = classes
    assert all(f"({n} balanced classes" in part.for_values({"classes": n}).prompt for part in question)
    explain = reference.get_part("nyu-dl-hw2/q1.3/d-explain").for_values({"classes": n})
    assert f"over the {n} classes" in explain.rubric and explain.kind == "manual"


def test_parts_of_one_question_share_a_students_values() -> None:
    parameters, additions = (reference.get_part(f"sutd-50039-week8/task2/{name}") for name in ("parameters", "additions"))
    assert all(parameters.draw(7, student) == additions.draw(7, student) for student in STUDENTS)


@pytest.mark.parametrize("part", [part for part in VARYING if part.kind != "manual"], ids=lambda p: p.id)
def test_each_students_version_grades_its_own_answer_and_mistakes(part: Part) -> None:
    context = Context(package=reference.bank.seed_package(), time_limit=30)
    for student in STUDENTS:
        version = part.for_values(part.draw(99, student))
        assert [*reference_scores_full_marks(version, context), *mistakes_are_recognised(version, context)] == []


def test_the_prompt_is_rendered_with_the_students_values() -> None:
    part = reference.get_part("nyu-dl-hw2/q1.1/a-output-size")
    values = part.draw(5, "alice")
    assert f"${values['height']} \\times {values['width']}$" in part.for_values(values).prompt


def test_another_students_answer_is_wrong_for_yours() -> None:
    part = reference.get_part("sutd-50039-week8/task2/multiplications")
    mine, theirs = (part.for_values(part.draw(5, student)) for student in ("alice", "bob"))
    assert mine.reference != theirs.reference
    assert grade(part.kind, theirs.answer, mine.reference, options=mine.grading_options()).score == 0


def _layer(values: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    image = np.zeros((values["channels_in"], values["size"], values["size"]))
    return image, np.zeros((values["channels_out"], values["channels_in"], values.get("kernel", 1), values.get("kernel", 1)))


@pytest.mark.parametrize("student", STUDENTS[:3])
def test_each_students_counts_are_those_of_an_actual_convolution(student: str) -> None:
    name = "sutd-50039-week8/task2/{}"
    values = reference.get_part(name.format("multiplications")).draw(11, student)
    image, weights = _layer(values)
    counted = convolve(image, weights, stride=values["stride"])
    version = {what: reference.get_part(name.format(what)).for_values(values).reference
               for what in ("parameters", "multiplications", "additions")}
    assert version == {"parameters": weights.size, "multiplications": counted.multiplications,
                       "additions": counted.additions}


@pytest.mark.parametrize("student", STUDENTS[:3])
def test_each_students_shapes_are_those_of_an_actual_convolution(student: str) -> None:
    padded = reference.get_part("sutd-50039-week8/task2/output-size-padded")
    v = padded.draw(11, student)
    output = convolve(np.zeros((1, v["height"], v["width"])), np.zeros((1, 1, v["kernel"], v["kernel"])),
                      stride=v["stride"], padding=v["padding"]).output
    assert padded.for_values(v).reference == output.shape[1:]
    strided = reference.get_part("nyu-dl-hw2/q1.1/a-output-size")
    v = strided.draw(11, student)
    output = convolve(np.zeros((1, v["height"], v["width"])), np.zeros((1, 1, v["kernel"], v["kernel"])),
                      stride=v["stride"]).output
    assert strided.for_values(v).reference == output.shape[1:]


def test_each_students_input_sizes_give_their_output_size() -> None:
    part = reference.get_part("sutd-50039-week8/task2/input-size")
    v = part.draw(11, "alice")
    sizes = input_sizes(v["output"], v["kernel"], stride=v["stride"], padding=v["padding"])
    assert part.for_values(v).reference == f"{min(sizes)} \\le x < {max(sizes) + 1}"
    assert all(convolve(np.zeros((1, n)), np.zeros((1, 1, v["kernel"])), stride=v["stride"],
                        padding=v["padding"]).output.shape[1] == v["output"] for n in sizes)


def test_values_are_checked_when_a_version_is_built() -> None:
    part = reference.get_part("nyu-dl-hw2/q1.1/a-output-size")
    with pytest.raises(ValueError, match="must name exactly the parameters"):
        part.for_values({"height": 20})
    with pytest.raises(ValueError, match="whole numbers"):
        part.for_values({**part.values, "stride": 2.5})


def test_parameters_whose_values_are_never_sensible_are_an_error() -> None:
    never = Parameters(ranges={"n": (1, 2)}, document={"n": 1}, valid=lambda n: n > 5)
    with pytest.raises(ValueError, match="no valid values"):
        never.draw(1, "alice")


@pytest.mark.parametrize(("values", "named"), [
    ({"channels_in": 17}, "channels_in is 17; it may be 16, 24, 32, 48, 64"), ({"size": 10**30}, "size is 10"),
    ({"stride": 0}, "stride is 0; it may be 2, 3"), ({"channels_out": -16}, "channels_out is -16")])
def test_values_given_from_outside_must_be_a_version_some_student_can_be_asked(values, named) -> None:
    part = reference.get_part("sutd-50039-week8/task2/parameters")
    with pytest.raises(ValueError, match=named):
        part.asked_with({**part.values, **values})


def test_a_declared_combination_that_makes_no_sense_is_refused_by_name() -> None:
    """A square kernel on a square input: the mistake the part teaches (the kernel taken as square) is the answer."""
    part = reference.get_part("sutd-50039-week8/task2/output-size-rectangular")
    square = {"size": 32, "kernel_height": 1, "kernel_width": 1, "stride": 2}
    assert not part.variants.parameters.is_valid(square)
    with pytest.raises(ValueError, match="no student is asked this combination"):
        part.asked_with(square)


@pytest.mark.parametrize("part", VARYING, ids=lambda p: p.id)
def test_every_admitted_extreme_of_the_ranges_builds_its_version(part: Part) -> None:
    parameters = part.variants.parameters
    for corner in itertools.product(*({min(c), max(c)} for c in parameters.ranges.values())):
        values = dict(zip(parameters.ranges, corner, strict=True))
        if parameters.is_valid(values):
            assert part.asked_with(values).values == values
