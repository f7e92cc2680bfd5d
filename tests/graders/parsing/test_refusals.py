"""Hostile and malformed answers: each is refused with a ParseError that says where and why,
quickly, and never with any other exception."""
import time

import pytest

from graders.parsing import Limits, ParseError, parse

HOSTILE = [
    ("9^9^9^9", "exponent 9^9 is too large", "power-tower"),
    ("10^10^10", "exponent 10^10 is too large", "ten-tower"),
    ("x^(10^10)", "exponent 10^10 is too large", "huge-exponent-of-symbol"),
    ("factorial(10^6)", "factorial", "factorial-call"),
    ("(10^6)!", "factorial", "factorial-bang"),
    ("(-3)!", "factorial", "factorial-of-negative"),
    ("2.5!", "factorial", "factorial-of-fraction"),
    ("(" * 5000 + "x" + ")" * 5000, "too long", "5000-parentheses"),
    ("(" * 60 + "x" + ")" * 60, "nested too deeply", "60-parentheses"),
    ("-" * 100 + "x", "nested too deeply", "minus-chain"),
    ("x^" * 100 + "x", "nested too deeply", "symbolic-tower"),
    ("x" * 1_000_000, "too long", "one-megabyte"),
    ("x\x00+1", "control character", "nul-byte"),
    ("x\x1b[2J", "control character", "escape-sequence"),
    ("х+1", "CYRILLIC", "cyrillic-ha"),
    ("Α+1", "looks like a Latin letter", "greek-capital-alpha"),
    ("x\u200b+1", "not allowed", "zero-width-space"),
    ("x\ue000", "not allowed", "private-use"),
    (r"\def\x{1}", r"unsupported command '\def'", "def"),
    (r"\newcommand{\x}{1}", r"unsupported command '\newcommand'", "newcommand"),
    (r"\input{/etc/passwd}", r"unsupported command '\input'", "input"),
    ("__import__('os')", "subscript", "dunder-import"),
    ("().__class__", "unexpected", "class-attribute"),
    ("9" * 100, "too many digits", "long-digits"),
    ("1e400", "too large", "huge-literal"),
    ("(2^1000)^1000", "too large", "huge-power"),
    ("1/0", "too large or undefined", "division-by-zero"),
    ("x" + "+x" * 700, "too many symbols", "many-tokens"),
    ("x+", "unexpected end", "dangling-operator"),
    (")", "unexpected ')'", "stray-parenthesis"),
    ("(x", "never closed", "unclosed-parenthesis"),
    (r"\frac{1}", "unexpected end", "frac-missing-denominator"),
    ("x'", "prime", "prime-on-symbol"),
    ("floor'(x)", "derivative of floor", "derivative-unsupported"),
    ("2 3", "unexpected number", "juxtaposed-numbers"),
    ("", "empty", "empty"),
    ("   ", "empty", "blank"),
    ("x + 1 = 1", "sides of your answer are not equal", "unequal-sides"),
    (r"\mathcal{O}(n)", "unsupported command", "bound-as-expression"),
]


HANG = 2.0


@pytest.mark.parametrize(("text", "reason"), [row[:2] for row in HOSTILE], ids=[row[2] for row in HOSTILE])
def test_hostile_input_is_refused_without_hanging_with_a_reason(text: str, reason: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ParseError) as refused:
        parse(text)
    # A guard against work that grows with the input's value (9^9^9^9 evaluated), not a speed target: those are in
    # benchmarks/. Refusals take well under 10 ms; a loaded CI machine must not turn that into a failure.
    assert time.perf_counter() - started < HANG
    assert reason in refused.value.message


def test_error_shows_position_and_caret() -> None:
    with pytest.raises(ParseError) as refused:
        parse("2*(x+)")
    error = refused.value
    assert error.position == 5
    assert str(error) == "unexpected ')' at position 5:\n2*(x+)\n     ^"


def test_error_position_counts_the_students_characters() -> None:
    with pytest.raises(ParseError) as refused:
        parse("σ(z) + )")  # σ is rewritten internally as \sigma
    assert refused.value.position == 7


def test_caret_line_of_a_long_answer_is_cut_around_the_error() -> None:
    with pytest.raises(ParseError) as refused:
        parse("x+" * 150 + ")")
    assert len(refused.value.caret().splitlines()[0]) <= 80


def test_limits_can_be_tightened() -> None:
    with pytest.raises(ParseError, match="limit 2"):
        parse("x^3", limits=Limits(max_exponent=2))


@pytest.mark.parametrize("text", ["2^1000", "10!", "(1/4)^n", "sqrt(-1)", "e^{-1000}"],
                         ids=["largest-power", "factorial", "symbolic-power", "imaginary", "tiny"])
def test_large_but_reasonable_numbers_are_read(text: str) -> None:
    parse(text)
