"""NYU HW2 1.1(c) per student: every part of the strided 1-D convolution question is asked with one student's sizes
(sequence length, channels, kernel, stride), graded against references that are those of the actual convolution
of that size, and the handout's version is the bank's own, unchanged."""

import itertools

import numpy as np
import pytest

import reference
from graders import grade
from reference.check import Context, mistakes_are_recognised, mutants_are_refused, reference_scores_full_marks
from reference.models.conv import convolve, finite_difference
from reference.nyu_dl_hw2.q1_1_elements import FIELDS, SIZES
from reference.part import Part

QUESTION = [reference.get_part(f"nyu-dl-hw2/q1.1/{name}") for name in FIELDS]
GRADED = [part for part in QUESTION if part.kind != "manual"]
STUDENTS = [f"student-{n}" for n in range(4)]
SEED = 31


def _versions() -> list[dict[str, int]]:
    return [QUESTION[0].draw(SEED, student) for student in STUDENTS]


def test_students_draw_several_sensible_versions_of_the_sizes() -> None:
    versions = _versions()
    assert len({str(v) for v in versions}) >= 3
    for v in versions:
        assert v["kernel"] <= v["sequence"] and v["stride"] >= 2
        assert convolve(np.zeros((1, v["sequence"])), np.zeros((1, 1, v["kernel"])), stride=v["stride"]).output.shape[1] >= 2


def test_every_part_of_the_question_shares_a_students_sizes() -> None:
    for student in STUDENTS:
        assert len({str(part.draw(SEED, student)) for part in QUESTION}) == 1


def test_the_bank_lists_the_handouts_version_with_todays_answers() -> None:
    parts = {part.id.rsplit("/", 1)[1]: part for part in QUESTION}
    assert all(part.values == SIZES.document == {"sequence": 11, "channels": 7, "kernel": 3, "stride": 2}
               for part in QUESTION)
    assert parts["c-i-output-length"].reference == 5
    assert parts["c-i-formula"].answer == r"f_W(x)[n] = \sum_{k=1}^{7} \sum_{i=1}^{3} x[2(n-1)+i][k] \, W[1,k,i]"
    assert parts["c-iii-dx"].mistakes[0].answer == (r"\begin{cases} W[1,k,i-2(n-1)] & \text{when } 2(n-1) < i \le 3 "
                                                    r"\\ 0 & \text{otherwise} \end{cases}")
    assert parts["c-iv-dl-dw"].answer == r"\frac{\partial \ell}{\partial W}[1,k,i] = \sum_{n=1}^{5} g[n] \, x[2(n-1)+i][k]"
    assert parts["c-iv-dl-dw"].mistakes[0].answer == r"\sum_{n=1}^{2} g[n] x[2(n-1)+i][k]"


@pytest.mark.parametrize("part", QUESTION, ids=lambda p: p.id)
def test_the_prompt_states_the_students_sizes(part: Part) -> None:
    for v in _versions():
        prompt = part.for_values(v).prompt
        assert f"a length-{v['sequence']} sequence with {v['channels']} channels" in prompt
        assert f"kernel size {v['kernel']}, stride {v['stride']}," in prompt


@pytest.mark.parametrize("part", GRADED, ids=lambda p: p.id)
def test_each_version_grades_its_reference_right_and_recognises_its_known_mistakes(part: Part) -> None:
    context = Context(package=reference.bank.seed_package(), time_limit=30)
    for v in _versions():
        version = part.for_values(v)
        assert [*reference_scores_full_marks(version, context), *mistakes_are_recognised(version, context)] == []


def _every_sensible_window() -> list[dict[str, int]]:
    """Every declared (sequence, kernel, stride) some student can be asked, the channels cycling through theirs."""
    windows = itertools.product(*(SIZES.ranges[name] for name in ("sequence", "kernel", "stride")))
    versions = [{"sequence": n, "channels": channels, "kernel": k, "stride": s}
                for (n, k, s), channels in zip(windows, itertools.cycle(SIZES.ranges["channels"]), strict=False)]
    return [v for v in versions if SIZES.is_valid(v)]


def test_every_sensible_window_grades_its_references_and_mistakes() -> None:
    # The smallest versions (2 outputs, where the sum that stops early stops after 1) included.
    context, versions = Context(package=reference.bank.seed_package(), time_limit=30), _every_sensible_window()
    assert any(part.for_values(v).reference == 2 for v in versions for part in QUESTION[:1])
    for part, v in itertools.product(GRADED, versions):
        version = part.for_values(v)
        assert [*reference_scores_full_marks(version, context), *mistakes_are_recognised(version, context)] == [], v


@pytest.mark.parametrize("part", GRADED, ids=lambda p: p.id)
def test_each_versions_mutants_are_refused(part: Part) -> None:
    context = Context(package=reference.bank.seed_package(), time_limit=30)
    for v in _versions():
        assert list(mutants_are_refused(part.for_values(v), context)) == [], v


def _actual(v: dict[str, int], name: str, t: dict[str, np.ndarray]) -> np.ndarray:
    """The quantity of part `name` for the tensors t, from the convolution itself (finite differences for the
    derivatives); x is (steps, channels) as the answers index it."""
    def forward(x: np.ndarray, w: np.ndarray) -> np.ndarray:
        return convolve(x.T, w, stride=v["stride"]).output[0]

    if name == "c-i-formula":
        return forward(t["x"], t["W"])
    if name == "c-ii-dw":
        return finite_difference(lambda w: forward(t["x"], w), t["W"])
    if name == "c-iii-dx":
        return finite_difference(lambda x: forward(x, t["W"]), t["x"]).transpose(0, 2, 1)
    return finite_difference(lambda w: np.array(t["g"] @ forward(t["x"], w)), t["W"])


@pytest.mark.parametrize("name", ["c-i-formula", "c-ii-dw", "c-iii-dx", "c-iv-dl-dw"])
def test_each_versions_references_are_those_of_the_actual_convolution(name: str) -> None:
    part = reference.get_part(f"nyu-dl-hw2/q1.1/{name}")
    for v in _versions():
        version = part.for_values(v)
        samples = [{k: np.asarray(value) for k, value in s.items()} for s in version.options["inputs"]]
        assert samples[0]["x"].shape == (v["sequence"], v["channels"]) and samples[0]["W"].shape == (1, v["channels"], v["kernel"])
        actual = np.stack([_actual(v, name, s) for s in samples])
        assert np.asarray(version.reference) == pytest.approx(actual, abs=1e-6)
        assert list(actual.shape[1:]) == version.options["shape"]


def test_each_versions_shapes_and_length_are_those_of_the_actual_convolution() -> None:
    parts = {name: reference.get_part(f"nyu-dl-hw2/q1.1/{name}") for name in FIELDS}
    for v in _versions():
        x, w = np.zeros((v["sequence"], v["channels"])), np.zeros((1, v["channels"], v["kernel"]))
        output = convolve(x.T, w, stride=v["stride"]).output[0]
        assert parts["c-i-output-length"].for_values(v).reference == output.size
        assert parts["c-ii-dw-shape"].for_values(v).reference == (*output.shape, *w.shape)
        assert parts["c-iii-dx-shape"].for_values(v).reference == (*output.shape, *x.T.shape)
        assert parts["c-iv-dl-dw-shape"].for_values(v).reference == w.shape


@pytest.mark.parametrize("part", GRADED, ids=lambda p: p.id)
def test_another_versions_right_answer_is_not_full_marks_where_the_answers_differ(part: Part) -> None:
    versions = [part.for_values(v) for v in _versions()]
    compared = 0
    for mine in versions:
        for theirs in versions:
            if theirs.answer != mine.answer:
                compared += 1
                result = grade(part.kind, theirs.answer, mine.reference, options=mine.grading_options())
                assert result.score < 1, (mine.values, theirs.values)
    assert compared
