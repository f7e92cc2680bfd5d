"""Fingerprints: equivalent answers share a key, different ones do not, unreadable ones have none."""

import pytest

from graders import fingerprint

LSTM = {"symbols": {"c_t": ["c^{(t)}", "c_t"], "o_t": ["o^{(t)}", "o_t"]}}


@pytest.mark.parametrize(
    ("kind", "first", "second", "options"),
    [
        pytest.param("expression", "sigma(z)(1-sigma(z))", r"\sigma'(z)", None, id="expression"),
        pytest.param("expression", r"o^{(t)}(1-\tanh^2(c^{(t)}))", "o_t - o_t*tanh(c_t)^2", LSTM, id="aliases"),
        pytest.param("number", "32*7*7*64", "100352", None, id="number"),
        pytest.param("integer", "2^10", "1024", None, id="integer"),
        pytest.param("tuple", "9x13", "(9, 13)", None, id="tuple"),
        pytest.param("set", "{3,2,1}", r"\{1,2,3\}", None, id="finite-set"),
        pytest.param("set", "52 <= x < 55", "[52,55)", None, id="interval"),
        pytest.param("bigo", "O(3 d k^2 H W + d)", r"\mathcal{O}(dk^2HW)", None, id="bigo"),
        pytest.param("equation", "y = 2x + 1", "2y = 4x + 2", None, id="equation"),
        pytest.param("matrix", "[[1, 2], [3, 4]]", r"\begin{pmatrix}1&2\\3&4\end{pmatrix}", None, id="matrix"),
        pytest.param("choice", "a, c", "C,A", {"choices": ["A", "B", "C"]}, id="choice"),
    ],
)
def test_equivalent_answers_share_a_fingerprint(kind: str, first: str, second: str, options: dict | None) -> None:
    assert fingerprint(kind, first, options) == fingerprint(kind, second, options) is not None


@pytest.mark.parametrize(
    ("kind", "first", "second"),
    [
        pytest.param("expression", "sigma(z)", "sigma(z)^2", id="expression"),
        pytest.param("number", "26", "28", id="number"),
        pytest.param("tuple", "9x13", "13x9", id="tuple"),
        pytest.param("bigo", "O(dHW)", "O(dk^2HW)", id="bigo"),
    ],
)
def test_different_answers_have_different_fingerprints(kind: str, first: str, second: str) -> None:
    assert fingerprint(kind, first) != fingerprint(kind, second)


def test_an_unreadable_answer_has_no_fingerprint() -> None:
    assert fingerprint("expression", "x +* 2") is None


def test_a_fingerprint_is_sixteen_hex_characters() -> None:
    key = fingerprint("expression", "x^2")
    assert len(key) == 16 and int(key, 16) >= 0


@pytest.mark.parametrize("answer", [
    pytest.param("sqrt(-1 - x^2)", id="undefined-everywhere"),
    pytest.param("log(-1 - x^2)", id="log-of-negative"),
    pytest.param("x/0", id="infinite-everywhere"),
])
def test_an_answer_with_no_finite_value_has_no_fingerprint(answer: str) -> None:
    # Otherwise every such answer shares one bucket, and clustering compares them all pairwise.
    assert fingerprint("expression", answer) is None
