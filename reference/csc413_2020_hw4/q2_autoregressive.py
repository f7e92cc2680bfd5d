"""2 Auto-regressive models: connections and sequential steps of WaveNet, PixelCNN and a multidimensional RNN."""

from reference.part import KnownMistake, Part, PartMaker

WAVENET = (r"A WaveNet-style model has $d$ layers of causal dilated 1-D convolutions with filter size 2 (the dilation "
           r"doubles with each layer) and $k$ channels per layer, on a sequence of length $T$ (zero padding, so every "
           r"layer has $T$ positions).")
PIXELCNN = (r"A PixelCNN has $d$ layers of masked $3 \times 3$ convolutions with $k$ channels per layer on an "
            r"$H \times W$ image (zero padding: every layer keeps the image size).")
MDRNN = (r"A multidimensional RNN has $d$ layers on an $H \times W$ image; in each layer "
         r"$\mathbf{h}^{(i,j)} = \phi(\mathbf{W}_{\text{in}}^{\top} \mathbf{x}^{(i,j)} + \mathbf{W}_{\text{W}}^{\top} "
         r"\mathbf{h}^{(i-1,j)} + \mathbf{W}_{\text{N}}^{\top} \mathbf{h}^{(i,j-1)})$ with $\mathbf{x}^{(i,j)}, "
         r"\mathbf{h}^{(i,j)} \in \mathbb{R}^k$ (the input of a layer is the hidden state of the layer below).")
CONNECTIONS = "How many connections does the network have, as a function of its sizes? Give the order, $O(\\dots)$."
PARALLEL = ("Suppose you can compute as many units in parallel as you like once their inputs are known (all input "
            "pixels or samples are given, as in training). What is the minimum number of sequential steps? Give the order.")
IMAGE = ["d", "k", "H", "W"]


def _bigo(make: PartMaker, question: str, name: str, title: str, prompt: str, answer: str, variables: list[str],
          points: float, mistakes: tuple[KnownMistake, ...] = ()) -> Part:
    return make(question, name, title=title, kind="bigo", points=points, prompt=prompt, answer=answer,
                reference=answer, options={"variables": variables}, mistakes=mistakes)


def parts(make: PartMaker) -> list[Part]:
    return [
        _bigo(make, "q2.1.1", "wavenet-connections", "2.1.1 Connections of WaveNet", f"{WAVENET}\n\n{CONNECTIONS} (ungraded in the original handout)",
              "O(d k^2 T)", ["d", "k", "T"], 1),
        _bigo(make, "q2.1.2", "wavenet-parallel", "2.1.2 Sequential steps of WaveNet", f"{WAVENET}\n\n{PARALLEL} (ungraded in the original handout)",
              "O(d)", ["d", "k", "T"], 1, (KnownMistake("O(T)", "In training every input sample is known: all $T$ positions of a layer are computed at once."),)),
        make.manual("q2.1.3", "wavenet-discussion", title="2.1.3 WaveNet discussion", points=1,
                    prompt=f"{WAVENET}\n\nHow large is the receptive field after $d$ layers, and why does WaveNet use dilation? (ungraded in the original handout)",
                    rubric="0.5 pt: receptive field $2^d$ (doubling dilations). 0.5 pt: dilation grows the context exponentially with depth at a cost linear in $d$."),
        _bigo(make, "q2.2.1", "pixelcnn-connections", "2.2.1 Connections of PixelCNN", f"{PIXELCNN}\n\n{CONNECTIONS}",
              "O(d k^2 H W)", IMAGE, 1),
        _bigo(make, "q2.2.2", "pixelcnn-parallel", "2.2.2 Sequential steps of PixelCNN", f"{PIXELCNN}\n\n{PARALLEL}",
              "O(d)", IMAGE, 1, (KnownMistake("O(d H W)", "Within a layer every pixel's inputs are known (they come from the layer below): the whole layer is one step."),)),
        _bigo(make, "q2.3.1", "mdrnn-connections", "2.3.1 Connections of the MDRNN", f"{MDRNN}\n\n{CONNECTIONS}",
              "O(d k^2 H W)", IMAGE, 1),
        _bigo(make, "q2.3.2", "mdrnn-parallel", "2.3.2 Sequential steps of the MDRNN", f"{MDRNN}\n\n{PARALLEL} (ungraded in the original handout)",
              "O(d + H + W)", IMAGE, 1, (
                  KnownMistake("O(d H W)", "Units on the same anti-diagonal ($i + j$ constant) do not depend on each other "
                                           "and can be computed in the same step."),
                  KnownMistake("O(d (H + W))", "Layers can be pipelined: unit $(i, j)$ of a layer can start as soon as unit "
                                               "$(i, j)$ of the layer below is done, not when the whole layer is.", 0.5))),
        make.manual("q2.3.3", "discussion", title="2.3.3 PixelCNN versus MDRNN", points=1,
                    prompt=f"{PIXELCNN}\n\n{MDRNN}\n\nGive an advantage and a disadvantage of each of PixelCNN and the MDRNN.",
                    rubric=("0.25 pt each: PixelCNN pro — fully parallel within a layer ($O(d)$ steps in training); "
                            "con — bounded receptive field (grows linearly with depth, blind spot of masked convs). "
                            "MDRNN pro — each unit sees the whole region above and to the left (unbounded context); "
                            "con — sequential along anti-diagonals, slow and harder to train. A claimed memory "
                            "advantage is not credited (training keeps all activations for backprop).")),
    ]
