"""Hostile input: whatever a student types, every kind returns a GradeResult and never raises or hangs.

Known attacks are graded in this process: the parser's limits alone must bound them. Generated ones go through the
grading pool, as every answer does in the service: an unlucky combination of fragments may need more work than the
limits foresee (seen once on a loaded machine), and then the pool's CPU-time limit stops it, graded wrong saying so.
"""

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graders import KINDS, GradeResult, GradingPool, grade

REFERENCES: dict[str, tuple[object, dict]] = {
    "number": (100352, {}),
    "integer": (100352, {}),
    "tuple": ((9, 13), {"partial": True}),
    "set": ("[52, 55)", {"integer": True}),
    "expression": ("sigma'(z) + x^2", {"symbols": {"c_t": ["c^{(t)}", "C_t"]}, "variables": {"z": [-2, 2], "x": [0, 1]}}),
    "equation": ("y = 2x + 1", {}),
    "matrix": ([[1, 0], [0, 1]], {"partial": True}),
    "matrix_expr": ("D(\\sigma(W x)) W + x x^\\top", {"shapes": {"W": ["m", "m"], "x": ["m"]}, "sizes": {"m": 3}}),
    "bigo": ("O(d k^2 H W)", {}),
    "choice": ("A", {"choices": ["A", "B"]}),
    "manual": (None, {}),
    "indexed": ([[3.0, 5.0, 7.0]], {"tensors": {"x": [4], "W": [1, 2]}, "index": ["n"], "shape": [3],
                                    "inputs": [{"x": [1, 2, 3, 4], "W": [[1, 1]]}]}),  # x[n] + x[n+1]
}

FRAGMENTS = [
    "^9", "9^9^9", "10^10^10", "\\frac{", "(", ")", "\\left(", "\\right)", "{", "}", "[", "]", "\x00", "\\def",
    "\\sigma'", "sigma(", "factorial(", "!", "x", "c^{(t)}", "ⅹ", "х", "𝑥", "−", "∗", "×", "\\times", "O(", "\\mathcal{O}",
    "\\begin{pmatrix}", "&", "\\\\", "\\end{pmatrix}", "<=", "=", ",", "U", "\\cup", "e", "0", "1e308", ".", "/", "-",
    "\\sqrt[", "|", "\u202e", "\ufeff", " ", "\\overline{", "log(", "tanh^2", "9" * 80,
    "\\sum_{t=1}^{", "T}", "\\prod_{j=0}^{10^6}", "sum(", "\\pm", " or ", "\\text{ or }", "...", "x^x", "\\det",
    "\\begin{vmatrix}", "\\end{vmatrix}", "%", "\\approx", "max(", "65,536", "y", "a b",
]

INDEXED_FRAGMENTS = [
    "x[", "]", "[", "n", "k", "+1", "W_{1,", "W[1,k]", "\\sum_{k=1}^{", "9}", "\\sum_{n=1}^{3}", "\\begin{cases}",
    "\\end{cases}", "&", "\\\\", "\\text{otherwise}", "\\text{when }", "<", "\\le", "\\mathbb{1}_{", "\\delta_{",
    ",", "=", "f[n] =", "x[n]", "/0", "(", ")", "{", "}", "^{", "-", ".", "\\frac{", "\\T{", "x}", "10^{300}",
]
hostile_text = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
any_text = st.text(max_size=200)


@pytest.fixture(scope="module")
def pool() -> Iterator[GradingPool]:
    pool = GradingPool(workers=2, timeout=2.0)
    yield pool
    pool.close()


def _check(kind: str, student: str, pool: GradingPool | None = None) -> None:
    reference, options = REFERENCES[kind]
    result = grade(kind, student, reference, options=options) if pool is None else \
        pool.grade(kind, student, reference, options=options).result(timeout=300)
    assert isinstance(result, GradeResult), result  # Unfinished: the grader raised, or the pool broke
    assert 0.0 <= result.score <= 1.0
    assert result.error is not None or result.interpreted is not None or kind == "manual"


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(student=hostile_text)
def test_strings_of_hostile_fragments_never_raise(pool: GradingPool, kind: str, student: str) -> None:
    _check(kind, student, pool)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(student=st.lists(st.sampled_from(INDEXED_FRAGMENTS), max_size=40).map("".join))
def test_strings_of_indexed_fragments_never_raise(pool: GradingPool, student: str) -> None:
    _check("indexed", student, pool)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=100, deadline=None)
@given(student=any_text)
def test_random_text_never_raises(pool: GradingPool, kind: str, student: str) -> None:
    _check(kind, student, pool)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "student",
    [
        pytest.param("9^9^9^9", id="tower"),
        pytest.param("10^10^10", id="power-tower"),
        pytest.param("factorial(10^6)", id="factorial"),
        pytest.param("(" * 500 + "x" + ")" * 500, id="deep-nesting"),
        pytest.param("x+" * 500_000 + "x", id="one-megabyte"),
        pytest.param("\x00x", id="nul"),
        pytest.param("\\def\\x{x}\\x", id="macro"),
        pytest.param("(n+1)^1000", id="huge-expansion"),
    ],
)
def test_known_attacks_give_a_result_quickly(kind: str, student: str) -> None:
    _check(kind, student)
