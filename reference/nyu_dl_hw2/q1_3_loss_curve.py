"""1.3 Debugging loss curves: spikes in an RNN's training loss on a 4-class sequence classification task."""

import math

from reference.part import KnownMistake, Part, PartMaker

CLASSES = 4
SETTING = (f"Training the RNN of the sequence-classification notebook ({CLASSES} balanced classes, cross-entropy loss, "
           "randomly initialised weights), the training loss shows large spikes early in training, some of them "
           "above the initial loss.")


def parts(make: PartMaker) -> list[Part]:
    def manual(name: str, title: str, ask: str, rubric: str) -> Part:
        return make.manual("q1.3", name, title=title, prompt=f"{SETTING}\n\n{ask}", points=1, rubric=rubric)

    return [
        manual("a-spikes", "1.3(a) What causes the spikes", "What causes the spikes on the left?",
               "1 pt: exploding gradients — a large gradient makes a huge step (the RNN's repeated multiplication by "
               "the recurrent weights)."),
        manual("b-above-initial", "1.3(b) Why spikes exceed the initial loss", "How can they be higher than the initial value of the loss?",
               "1 pt: a huge step lands far from the current region, where the network is confidently wrong; the "
               "cross-entropy of confident wrong predictions is unbounded, so it can exceed $\\ln 4$ of the uniform start."),
        manual("c-fix", "1.3(c) How to avoid the spikes", "What are some ways to fix them?",
               "1 pt: gradient clipping (by norm or value); also a lower learning rate, gated units (LSTM/GRU), "
               "careful (orthogonal) initialisation. Regularisation alone is not a fix."),
        make("q1.3", "d-initial-accuracy", title="1.3(d) Accuracy before training", kind="number", points=0.5,
             prompt=f"{SETTING}\n\nWhat is the accuracy before training starts (as a fraction)?",
             answer=f"1/{CLASSES}", reference=1 / CLASSES, options={"rtol": 0.02}, mistakes=(
                 KnownMistake("0", "An untrained classifier still guesses one of the classes: it is right by chance."),)),
        make("q1.3", "d-initial-loss", title="1.3(d) Loss before training", kind="number", points=0.5,
             prompt=f"{SETTING}\n\nWhat is the cross-entropy loss (natural log) before training starts?",
             answer=f"\\ln {CLASSES}", reference=math.log(CLASSES), options={"rtol": 0.01}, mistakes=(
                 KnownMistake(f"\\log_2 {CLASSES}", "The loss uses the natural logarithm."),)),
        manual("d-explain", "1.3(d) Why these initial values", "Explain why the loss and accuracy are at these values before training.",
               f"1 pt: random small weights give near-uniform predictions over the {CLASSES} classes: accuracy "
               f"$1/{CLASSES}$ by chance and loss $-\\ln(1/{CLASSES}) = \\ln {CLASSES}$."),
    ]
