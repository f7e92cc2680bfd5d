"""1.3 Debugging loss curves: spikes in an RNN's training loss on a 4-class sequence classification task."""

import math
from collections.abc import Callable
from typing import Any

from reference.part import KnownMistake, Part, PartMaker
from reference.variants import Parameters

CLASSES = 4
# Each student's own number of classes (the question's arithmetic is the same for any balanced classification).
CLASS_COUNT = Parameters(ranges={"classes": tuple(range(3, 11))}, document={"classes": CLASSES}, name="classes")


def _setting(classes: int) -> str:
    return (f"Training the RNN of the sequence-classification notebook ({classes} balanced classes, cross-entropy loss, "
            "randomly initialised weights), the training loss shows large spikes early in training, some of them "
            "above the initial loss.")


def _manual(title: str, ask: str, rubric: Callable[[int], str]) -> Callable[..., dict[str, Any]]:
    """A hand-graded part of the question, its setting (and rubric) with the student's number of classes."""
    def fields(classes: int) -> dict[str, Any]:
        model = rubric(classes)
        return {"title": title, "prompt": f"{_setting(classes)}\n\n{ask}", "kind": "manual", "points": 1,
                "answer": model, "reference": model, "rubric": model}
    return fields


def _accuracy(classes: int) -> dict[str, Any]:
    return {"title": "1.3(d) Accuracy before training", "kind": "number", "points": 0.5,
            "prompt": f"{_setting(classes)}\n\nWhat is the accuracy before training starts (as a fraction)?",
            "answer": f"1/{classes}", "reference": 1 / classes, "options": {"rtol": 0.02}, "mistakes": (
                KnownMistake("0", "An untrained classifier still guesses one of the classes: it is right by chance."),)}


def _loss(classes: int) -> dict[str, Any]:
    return {"title": "1.3(d) Loss before training", "kind": "number", "points": 0.5,
            "prompt": f"{_setting(classes)}\n\nWhat is the cross-entropy loss (natural log) before training starts?",
            "answer": f"\\ln {classes}", "reference": math.log(classes), "options": {"rtol": 0.01}, "mistakes": (
                KnownMistake(f"\\log_2 {classes}", "The loss uses the natural logarithm."),)}


def parts(make: PartMaker) -> list[Part]:
    def varying(name: str, fields: Callable[..., dict[str, Any]]) -> Part:
        return make.varying("q1.3", name, CLASS_COUNT, fields)

    return [
        varying("a-spikes", _manual(
            "1.3(a) What causes the spikes", "What causes the spikes on the left?",
            lambda classes: "1 pt: exploding gradients — a large gradient makes a huge step (the RNN's repeated "
                            "multiplication by the recurrent weights).")),
        varying("b-above-initial", _manual(
            "1.3(b) Why spikes exceed the initial loss", "How can they be higher than the initial value of the loss?",
            lambda classes: "1 pt: a huge step lands far from the current region, where the network is confidently "
                            "wrong; the cross-entropy of confident wrong predictions is unbounded, so it can exceed "
                            f"$\\ln {classes}$ of the uniform start.")),
        varying("c-fix", _manual(
            "1.3(c) How to avoid the spikes", "What are some ways to fix them?",
            lambda classes: "1 pt: gradient clipping (by norm or value); also a lower learning rate, gated units "
                            "(LSTM/GRU), careful (orthogonal) initialisation. Regularisation alone is not a fix.")),
        varying("d-initial-accuracy", _accuracy),
        varying("d-initial-loss", _loss),
        varying("d-explain", _manual(
            "1.3(d) Why these initial values", "Explain why the loss and accuracy are at these values before training.",
            lambda classes: f"1 pt: random small weights give near-uniform predictions over the {classes} classes: "
                            f"accuracy $1/{classes}$ by chance and loss $-\\ln(1/{classes}) = \\ln {classes}$.")),
    ]
