"""Tuples, sets, matrices, equations and bounds: each target's accepted spellings."""
import pytest
import sympy

from graders.parsing import parse

x, y = sympy.symbols("x y")
d, k, H, W, n = sympy.symbols("d k H W n")

TUPLES = [
    ("9x13", "9x13"), ("9×13", "unicode-times"), (r"9 \times 13", "latex-times"),
    ("(9, 13)", "parenthesised"), ("[9,13]", "bracketed"), ("9, 13", "bare"), ("9 X 13", "capital-x"),
]


@pytest.mark.parametrize("text", [row[0] for row in TUPLES], ids=[row[1] for row in TUPLES])
def test_shape_spellings_read_as_one_tuple(text: str) -> None:
    assert parse(text, target="tuple").to_sympy() == sympy.Tuple(9, 13)


def test_x_between_a_number_and_a_letter_stays_a_symbol() -> None:
    assert parse("(2x, 3)", target="tuple").to_sympy() == sympy.Tuple(2 * x, 3)


def test_three_dimensional_shape() -> None:
    assert parse(r"1 \times 7 \times 3", target="tuple").to_sympy() == sympy.Tuple(1, 7, 3)


SETS = [
    ("{52,53,54}", sympy.FiniteSet(52, 53, 54), "braces"),
    (r"\{52, 53, 54\}", sympy.FiniteSet(52, 53, 54), "latex-braces"),
    ("[52,55)", sympy.Interval.Ropen(52, 55), "closed-open"),
    ("(0, 1]", sympy.Interval.Lopen(0, 1), "open-closed"),
    ("(0, 1)", sympy.Interval.open(0, 1), "open"),
    (r"\left[0, \frac{1}{4}\right]", sympy.Interval(0, sympy.Rational(1, 4)), "left-right-closed"),
    (r"[52,55) \cup {60}", sympy.Union(sympy.Interval.Ropen(52, 55), sympy.FiniteSet(60)), "union"),
    ("[52,55) ∪ {60}", sympy.Union(sympy.Interval.Ropen(52, 55), sympy.FiniteSet(60)), "unicode-union"),
    (r"\emptyset", sympy.EmptySet, "empty"),
    (r"\mathbb{R}", sympy.Interval(-sympy.oo, sympy.oo), "reals"),
    (r"x \in [1, 2]", sympy.Interval(1, 2), "membership"),
    ("[52,55) U {60}", sympy.Union(sympy.Interval.Ropen(52, 55), sympy.FiniteSet(60)), "capital-u-union"),
]


@pytest.mark.parametrize(("text", "expected"), [row[:2] for row in SETS], ids=[row[2] for row in SETS])
def test_sets_read_as_expected(text: str, expected: sympy.Set) -> None:
    assert parse(text, target="set").to_sympy() == expected


RELATIONS = [
    ("52 <= x < 55", sympy.And(x >= 52, x < 55), "text-chain"),
    (r"52 \le x < 55", sympy.And(x >= 52, x < 55), "latex-chain"),
    ("52 ≤ x < 55", sympy.And(x >= 52, x < 55), "unicode-chain"),
    ("x > 3", x > 3, "one-sided"),
    (r"x \geq 3", x >= 3, "geq"),
]


@pytest.mark.parametrize(("text", "expected"), [row[:2] for row in RELATIONS], ids=[row[2] for row in RELATIONS])
def test_inequalities_read_as_relations(text: str, expected: sympy.Basic) -> None:
    node = parse(text, target="set")
    assert node.kind == "relation"
    assert node.to_sympy() == expected


CONJUNCTIONS = [
    (r"(x \ge 52) \text{ and } (x < 55)", "latex-parenthesised-text-and"),
    ("x >= 52 and x < 55", "text-and"),
    (r"x \ge 52, x < 55", "comma"),
    (r"x \ge 52 \land x < 55", "land"),
    (r"x \ge 52 \wedge x < 55", "wedge"),
    ("x >= 52 && x < 55", "double-ampersand"),
    ("x ≥ 52 ∧ x < 55", "unicode-and"),
    (r"(52 \le x < 55)", "parenthesised-chain"),
]


@pytest.mark.parametrize("text", [row[0] for row in CONJUNCTIONS], ids=[row[1] for row in CONJUNCTIONS])
def test_joined_inequalities_read_as_one_relation(text: str) -> None:
    node = parse(text, target="set")
    assert node.kind == "relation"
    assert node.to_sympy() == sympy.And(x >= 52, x < 55)


@pytest.mark.parametrize("text", [r"(x \ge 52) \text{ and } (x < 55)", r"52 \le x < 55"],
                         ids=["seed-002-and", "seed-002-chain"])
def test_seed_inequalities_grade_as_the_integer_interval(text: str) -> None:
    from graders import grade
    assert grade("set", text, "[52,55)", options={"integer": True}).correct is True


def test_parenthesised_sum_before_a_relation_stays_a_sum() -> None:
    assert parse("(x+1) >= 3", target="set").to_sympy() == (x + 1 >= 3)


MATRICES = [
    ("[[1,2],[3,4]]", "nested-lists"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "pmatrix"),
    (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \\ \end{bmatrix}", "bmatrix-trailing-row-break"),
    (r"\left[\begin{matrix} 1 & 2 \\ 3 & 4 \end{matrix}\right]", "matrix-in-brackets"),
]


@pytest.mark.parametrize("text", [row[0] for row in MATRICES], ids=[row[1] for row in MATRICES])
def test_matrices_read_row_by_row(text: str) -> None:
    node = parse(text, target="matrix")
    assert node.to_sympy() == sympy.Matrix([[1, 2], [3, 4]])
    assert node.shape == (2, 2)


@pytest.mark.parametrize("text", ["[1, 2, 3]", "(1, 2, 3)", r"\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix}"],
                         ids=["bracket-list", "paren-list", "pmatrix-column"])
def test_vectors_are_columns(text: str) -> None:
    assert parse(text, target="matrix").to_sympy() == sympy.Matrix([1, 2, 3])


def test_ragged_matrix_is_refused() -> None:
    from graders.parsing import ParseError
    with pytest.raises(ParseError, match="same number of entries"):
        parse("[[1,2],[3]]", target="matrix")


@pytest.mark.parametrize(("text", "left", "right"), [
    ("y = 2x + 1", y, 2 * x + 1),
    ("2x - y + 1 = 0", 2 * x - y + 1, 0),
], ids=["solved-for-y", "implicit-form"])
def test_equations_keep_both_sides(text: str, left: sympy.Expr, right: sympy.Expr) -> None:
    equation = parse(text, target="equation").to_sympy()
    assert (equation.lhs, equation.rhs) == (left, right)


BOUNDS = [
    ("O(d k^2 H W)", "O", d * k**2 * H * W, "spaced"),
    (r"\mathcal{O}(dk^2 HW)", "O", d * k**2 * H * W, "mathcal-juxtaposed"),
    (r"\mathcal{O}(dk^2H \times W)", "O", d * k**2 * H * W, "mathcal-times"),
    (r"\Theta(n log n)", "Theta", n * sympy.log(n), "theta-log"),
    ("Omega(n)", "Omega", n, "omega-word"),
    ("O(3 d k^2 HW + d)", "O", 3 * d * k**2 * H * W + d, "with-lower-term"),
    ("d k^2 H W", None, d * k**2 * H * W, "bare"),
    ("O(dkHW)", "O", d * k * H * W, "run-of-letters"),
    ("O(nlogn)", "O", n * sympy.log(n), "letters-around-log"),
]


@pytest.mark.parametrize(("text", "operator", "inside"), [row[:3] for row in BOUNDS], ids=[row[3] for row in BOUNDS])
def test_bounds_read_operator_and_inside(text: str, operator: str | None, inside: sympy.Expr) -> None:
    node = parse(text, target="bigo")
    assert (node.kind, node.bigo_operator) == ("bigo", operator)
    assert sympy.expand(node.to_sympy() - inside) == 0


def test_tuple_elements_are_expression_nodes() -> None:
    elements = parse("(2x, 3)", target="tuple").elements
    assert [element.kind for element in elements] == ["expr", "expr"]
    assert elements[0].to_sympy() == 2 * x
