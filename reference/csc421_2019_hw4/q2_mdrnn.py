"""Q2 Multidimensional RNN: weights, arithmetic operations, parallel steps, comparison with a conv net."""

import sympy as sp

from reference.part import KnownMistake, Part, PartMaker

G, D, H = sp.symbols("G D H", positive=True)
SIZES = {"variables": {"G": [2, 12], "D": [1, 12], "H": [1, 12]}}
SETTING = r"""One of the predecessors to the PixelRNN architecture was the multidimensional RNN (MDRNN). Instead of a 1-D sequence we have a 2-D grid: every grid square has an input vector and a hidden vector, and each hidden unit receives bottom-up connections from its input square and recurrent connections from its north and west neighbours:

$$\mathbf{h}^{(i,j)} = \phi \left( \mathbf{W}_{\text{in}}^{\top} \mathbf{x}^{(i,j)} + \mathbf{W}_{\text{W}}^{\top} \mathbf{h}^{(i-1,j)} + \mathbf{W}_{\text{N}}^{\top} \mathbf{h}^{(i,j-1)} \right).$$

There are no bias parameters. The grid is $G \times G$, the input dimension is $D$ and the hidden dimension is $H$."""

WEIGHTS = D * H + 2 * H**2
# Per square: three matrix-vector products (H(2D-1) and 2 x H(2H-1) operations) and two vector additions.
OPERATIONS = G**2 * (2 * D * H + 4 * H**2 - H)
STEPS = 2 * G - 1


def parts(make: PartMaker) -> list[Part]:
    return [
        make("q2", "weights", title="Q2(a) Number of weights of the MDRNN", kind="expression", points=0.5,
             prompt=f"{SETTING}\n\nHow many weights does this architecture have? (in terms of $G$, $D$, $H$)",
             answer="D H + 2 H^2", reference=WEIGHTS, options=SIZES, mistakes=(
                 KnownMistake("D H + H^2", "There are two recurrent matrices, one from the west and one from the north neighbour."),
                 KnownMistake("G^2 (D H + 2 H^2)", "The weights are shared by every grid square: they do not grow with the grid."))),
        make("q2", "operations", title="Q2(a) Arithmetic operations of the MDRNN", kind="bigo", points=0.5,
             prompt=f"{SETTING}\n\nHow many arithmetic operations are required to compute the hidden activations? "
                    "Give the order of growth in $G$, $D$ and $H$, e.g. $O(\\dots)$.",
             answer="O(G^2 (D H + H^2))", reference="O(G^2*(D*H + H^2))", options={"variables": ["G", "D", "H"]},
             mistakes=(KnownMistake("O(G^2 D H)", "The recurrent products cost $H^2$ per square each; they can dominate $DH$."),
                       KnownMistake("O(D H + H^2)", "That is the cost of one square; every one of the $G^2$ squares is computed."))),
        make("q2", "steps", title="Q2(b) Parallel steps of the MDRNN", kind="expression", points=0.5,
             prompt=f"{SETTING}\n\nSuppose that in each step you can compute as many matrix-vector multiplications "
                    "as you like. How many steps are required to compute the hidden activations?",
             answer="2G - 1", reference=STEPS, options=SIZES, mistakes=(
                 KnownMistake("G^2", "Squares on the same anti-diagonal do not depend on each other and can be computed together."),
                 KnownMistake("G", "Square $(i, j)$ needs $(i-1, j)$ and $(i, j-1)$: count the anti-diagonals of the grid."),
                 KnownMistake("2G", "Count the anti-diagonals of a $G \\times G$ grid: the corner squares are alone on theirs.", 0.5))),
        make.manual("q2", "steps-explain", title="Q2(b) Why that many parallel steps", points=0.5,
                    prompt=f"{SETTING}\n\nExplain your number of parallel steps.",
                    rubric=("0.5 pt: $\\mathbf{h}^{(i,j)}$ depends on $\\mathbf{h}^{(i-1,j)}$ and $\\mathbf{h}^{(i,j-1)}$, "
                            "so all squares with the same $i + j$ (an anti-diagonal) can be computed in one step once the "
                            "previous anti-diagonal is done; there are $2G - 1$ anti-diagonals (the longest dependency "
                            "path, from corner to corner).")),
        make.manual("q2", "pros-cons", title="Q2(c) MDRNN versus conv net", points=1,
                    prompt=f"{SETTING}\n\nGive one advantage and one disadvantage of an MDRNN compared to a conv net.",
                    rubric=("0.5 pt advantage: each hidden unit sees the whole region above and to the left (unbounded "
                            "receptive field / long-range context with few parameters). 0.5 pt disadvantage: computation "
                            "is sequential along anti-diagonals ($2G-1$ steps vs. one per layer for a conv net), so it "
                            "parallelises poorly and is slow; also harder to train (vanishing/exploding gradients).")),
    ]
