"""The univariate LSTM: BPTT against finite differences, the bank's BPTT references at their sample points, and how
graders judges equivalent and incomplete answers with those samples."""

from collections.abc import Callable

import numpy as np
import pytest

import graders
from reference import Part, get_part
from reference.csc421_2019_hw4 import q1_lstm
from reference.lstm_output_hw import q1_gates
from reference.models.lstm import (
    GATES,
    STATES,
    Run,
    adjoint_by_finite_difference,
    runs,
    weight_gradient_by_finite_difference,
)

CONFIGS = {"no biases, loss on h": {}, "biases, sigmoid output": {"biases": True, "readout": True}}
APPROX = {"rel": 1e-5, "abs": 1e-8}


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@pytest.mark.parametrize("name", STATES)
def test_bptt_adjoint_matches_finite_difference(config: dict, name: str) -> None:
    for run in runs(3, 4, seed=11, **config):
        expected = [adjoint_by_finite_difference(run.model, run.x, run.upstream, name, t) for t in range(1, 5)]
        assert run.bars[name][1:5] == pytest.approx(expected, **APPROX)


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@pytest.mark.parametrize(("gate", "source"), [(g, s) for g in GATES for s in "xh"])
def test_weight_gradient_matches_finite_difference(config: dict, gate: str, source: str) -> None:
    for run in runs(3, 4, seed=12, **config):
        expected = weight_gradient_by_finite_difference(run.model, run.x, run.upstream, gate, source)
        assert float(run.bars[f"w_{gate}{source}"]) == pytest.approx(expected, **APPROX)


def _adjoint(name: str) -> Callable[[Run], float]:
    return lambda run: adjoint_by_finite_difference(run.model, run.x, run.upstream, name, run.t, initial=run.initial)


CHECKS = [
    ("csc421-2019-hw4/q1/h-bar", q1_lstm.RUNS, _adjoint("h")),
    ("csc421-2019-hw4/q1/c-bar", q1_lstm.RUNS, _adjoint("c")),
    *[(f"csc421-2019-hw4/q1/{g}-bar", q1_lstm.RUNS, _adjoint(g)) for g in GATES],
    ("lstm-output-hw5/q1/grad-h", q1_gates.RUNS, _adjoint("h")),
    ("lstm-output-hw5/q1/grad-c", q1_gates.RUNS, _adjoint("c")),
    *[(f"lstm-output-hw5/q1/grad-{g}", q1_gates.RUNS, _adjoint(g)) for g in "ofi"],
]


@pytest.mark.parametrize(("part_id", "model_runs", "independent"), CHECKS, ids=[c[0] for c in CHECKS])
def test_bank_reference_matches_finite_differences_at_every_sample(
        part_id: str, model_runs: list[Run], independent: Callable[[Run], float],
        at_sample: Callable[[Part, int], float]) -> None:
    part = get_part(part_id)
    assert [at_sample(part, k) for k in range(len(model_runs))] == pytest.approx(
        [independent(run) for run in model_runs], **APPROX)


EQUIVALENT = [
    ("csc421-2019-hw4/q1/h-bar", "sigma' of the pre-activations",
     r"\frac{\partial \mathcal{L}}{\partial h^{(t)}} + \overline{i^{(t+1)}} \sigma'(w_{ix}x^{(t+1)} + w_{ih}h^{(t)}) w_{ih}"
     r" + \overline{f^{(t+1)}} \sigma'(w_{fx}x^{(t+1)} + w_{fh}h^{(t)}) w_{fh} + \overline{o^{(t+1)}} \sigma'(w_{ox}x^{(t+1)} + w_{oh}h^{(t)}) w_{oh}"
     r" + \overline{g^{(t+1)}} \tanh'(w_{gx}x^{(t+1)} + w_{gh}h^{(t)}) w_{gh}"),
    ("csc421-2019-hw4/q1/c-bar", "tanh' and subscript notation",
     r"\bar{h}_t o_t \tanh'(c_t) + \bar{c}_{t+1} f_{t+1}"),
    ("csc421-2019-hw4/q1/i-bar", "the cell adjoint expanded",
     r"(\overline{h^{(t)}} o^{(t)} (1 - \tanh^2(c^{(t)})) + \overline{c^{(t+1)}} f^{(t+1)}) g^{(t)}"),
    ("lstm-output-hw5/q1/grad-h", "sigma of the output pre-activation",
     r"W^y \sigma'(W^y h_t + W_0^y) \nabla y_t + W^{hf} f_{t+1}(1-f_{t+1}) \nabla f_{t+1} + W^{hi} i_{t+1}(1-i_{t+1}) \nabla i_{t+1}"
     r" + W^{ho} o_{t+1}(1-o_{t+1}) \nabla o_{t+1} + W^{hc}(1-(\tilde{C}_{t+1})^2) \nabla \tilde{C}_{t+1}"),
    ("lstm-output-hw5/q1/grad-f", "the cell adjoint expanded",
     r"C_{t-1} (o_t (1 - \tanh^2(C_t)) \nabla h_t + f_{t+1} \nabla C_{t+1})"),
]


@pytest.mark.parametrize(("part_id", "answer"), [(p, a) for p, _, a in EQUIVALENT], ids=[e[1] for e in EQUIVALENT])
def test_equivalent_notation_is_accepted(part_id: str, answer: str) -> None:
    part = get_part(part_id)
    assert graders.grade(part.kind, answer, part.reference, options=part.grading_options()).correct is True


FORGOTTEN_RECURRENCE = [
    ("csc421-2019-hw4/q1/h-bar", "only the direct loss term", r"\frac{\partial \mathcal{L}}{\partial h^{(t)}}"),
    ("csc421-2019-hw4/q1/c-bar", "no carry through c(t+1)", r"\overline{h^{(t)}} o^{(t)} \tanh'(c^{(t)})"),
    ("csc421-2019-hw4/q1/h-bar", "one gate of step t+1 only",
     r"\frac{\partial \mathcal{L}}{\partial h^{(t)}} + \overline{i^{(t+1)}} i^{(t+1)}(1-i^{(t+1)}) w_{ih}"),
    ("lstm-output-hw5/q1/grad-h", "only the output path", r"W^y y_t (1 - y_t) \nabla y_t"),
]


@pytest.mark.parametrize(("part_id", "answer"), [(p, a) for p, _, a in FORGOTTEN_RECURRENCE],
                         ids=[f[1] for f in FORGOTTEN_RECURRENCE])
def test_bptt_answer_without_recurrent_terms_is_refused(part_id: str, answer: str) -> None:
    part = get_part(part_id)
    result = graders.grade(part.kind, answer, part.reference, options=part.grading_options())
    assert (result.correct, result.score < 1) == (False, True)


@pytest.mark.parametrize("part_id", ["csc421-2019-hw4/q1/h-bar", "lstm-output-hw5/q1/grad-h"])
def test_sample_rows_vary_so_that_answers_are_told_apart(part_id: str) -> None:
    # Before issue 9, f at step 1 multiplied a zero initial cell and was 0 in every row.
    samples = get_part(part_id).options["samples"]
    assert {name for name, values in samples.items() if len(set(np.round(values, 9))) == 1} == set()


@pytest.mark.parametrize("model_runs", [q1_lstm.RUNS, q1_gates.RUNS], ids=["csc421", "lstm-output"])
def test_general_step_runs_vary_t_away_from_the_ends_and_start_from_a_nonzero_state(model_runs: list[Run]) -> None:
    steps = len(model_runs[0].x)
    assert all(3 <= run.t <= steps - 2 for run in model_runs) and len({run.t for run in model_runs}) > 1
    assert all(min(abs(h), abs(c)) > 0 for h, c in (run.initial for run in model_runs))


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
def test_bptt_from_a_nonzero_initial_state_matches_finite_difference(config: dict) -> None:
    for run in runs(2, 5, seed=13, random_initial_state=True, **config):
        expected = [adjoint_by_finite_difference(run.model, run.x, run.upstream, "c", t, initial=run.initial)
                    for t in range(1, 6)]
        assert run.bars["c"][1:6] == pytest.approx(expected, **APPROX)
