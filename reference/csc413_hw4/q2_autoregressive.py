"""2 Auto-regressive models: connections and sequential steps of WaveNet, PixelCNN and a multidimensional RNN.

Orders are checked in the tests against connection counts by enumeration and the longest paths of the
dependency graphs (`models.py`)."""

from reference.part import KnownMistake, Part, PartMaker

WAVENET = (r"A WaveNet has $d$ layers of causal dilated 1-D convolutions with filter width 2 (dilation $1, 2, 4, "
           r"\dots$), $k$ channels per time step in every layer, on a sequence of length $T$ (zero padding keeps $T$ "
           r"positions per layer).")
PIXELCNN = (r"A PixelCNN has $d$ layers of masked $3 \times 3$ convolutions (each output pixel sees the 4 pixels above "
            r"and to its left in the layer below) with $k$ channels per pixel, on an $H \times W$ image (zero padding).")
MDRNN = (r"A multidimensional RNN has $d$ layers on an $H \times W$ image; in each layer "
         r"$\mathbf{h}^{(i,j)} = \phi(\mathbf{W}_{\text{in}}^{\top} \mathbf{x}^{(i,j)} + \mathbf{W}_{\text{W}}^{\top} "
         r"\mathbf{h}^{(i-1,j)} + \mathbf{W}_{\text{N}}^{\top} \mathbf{h}^{(i,j-1)})$ with $\mathbf{x}^{(i,j)}, "
         r"\mathbf{h}^{(i,j)} \in \mathbb{R}^k$; the input of a layer is the hidden state of the layer below.")
CONNECTIONS = "How many connections are there in the network? Give the order in its sizes, $O(\\dots)$."
PARALLEL = ("Suppose you may compute as many matrix-vector products at once as you like, once their inputs are known "
            "(all inputs are given, as in training). What is the minimum number of sequential steps? Give the order.")
ANTI_DIAGONAL = ("Units on the same anti-diagonal ($i + j$ constant) do not depend on each other and can be computed "
                 "in the same step.")
PIPELINE = ("Layers can be pipelined: unit $(i, j)$ of a layer can start as soon as unit $(i, j)$ of the layer below "
            "is done, not when the whole layer is. The longest dependency path has $d + H + W - 2$ units.")


def _bigo(make: PartMaker, question: str, name: str, title: str, setting: str, ask: str, answer: str,
          variables: str, mistakes: tuple[KnownMistake, ...] = (), points: float = 1) -> Part:
    return make(question, name, title=title, kind="bigo", points=points, prompt=f"{setting}\n\n{ask}", answer=answer,
                reference=answer, options={"variables": list(variables)}, mistakes=mistakes)


def parts(make: PartMaker) -> list[Part]:
    return [
        _bigo(make, "q2.1.1", "connections", "2.1.1 Connections of WaveNet", WAVENET, CONNECTIONS, "O(d k^2 T)", "dkT",
              (KnownMistake("O(2^d k^2 T)", "The receptive field grows like $2^d$, but each unit still has only 2 "
                                            "inputs per channel: count connections, not the receptive field."),), 0),
        _bigo(make, "q2.1.2", "parallel", "2.1.2 Sequential steps of WaveNet", WAVENET, PARALLEL, "O(d)", "dkT",
              (KnownMistake("O(T)", "In training every input sample is known: all $T$ positions of a layer are "
                                    "computed at once. (Sampling, not training, takes $T$ steps.)"),), 0),
        make.manual("q2.1.3", "discussion", title="2.1.3 WaveNet discussion", points=0,
                    prompt=f"{WAVENET}\n\nWhat is the receptive field after $d$ layers, and what are an advantage and a "
                           "disadvantage of WaveNet compared with an RNN?",
                    rubric=("Receptive field $2^d$ (dilations double). Pro: fully parallel training ($O(d)$ steps), "
                            "context exponential in depth at linear cost. Con: finite context; sampling is sequential "
                            "($T$ steps).")),
        _bigo(make, "q2.2.1", "connections", "2.2.1 Connections of PixelCNN", PIXELCNN, CONNECTIONS, "O(d k^2 H W)", "dkHW"),
        _bigo(make, "q2.2.2", "parallel", "2.2.2 Sequential steps of PixelCNN", PIXELCNN, PARALLEL, "O(d)", "dkHW",
              (KnownMistake("O(d H W)", "Within a layer every pixel's inputs come from the layer below and are known: "
                                        "the whole layer is one step."),)),
        _bigo(make, "q2.3.1", "connections", "2.3.1 Connections of the MDRNN", MDRNN, CONNECTIONS, "O(d k^2 H W)", "dkHW"),
        _bigo(make, "q2.3.2", "parallel", "2.3.2 Sequential steps of the MDRNN", MDRNN, PARALLEL, "O(d + H + W)", "dkHW",
              (KnownMistake("O(d H W)", ANTI_DIAGONAL), KnownMistake("O(d (H + W))", PIPELINE, 0.5)), 0),
        make.manual("q2.3.3", "discussion", title="2.3.3 PixelCNN versus MDRNN", points=1,
                    prompt=f"{PIXELCNN}\n\n{MDRNN}\n\nGive advantages and disadvantages of PixelCNN and of the MDRNN.",
                    rubric=("0.25 pt each: PixelCNN pro: parallel within a layer ($O(d)$ steps); con: bounded "
                            "receptive field (grows linearly with depth; blind spot). MDRNN pro: each unit sees the "
                            "whole region above and to the left; con: sequential along anti-diagonals "
                            "($O(d + H + W)$ steps), slower. A memory advantage is not credited (training keeps every "
                            "activation for backprop).")),
    ]
