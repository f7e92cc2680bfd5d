"""Numbers and integers: every spelling of a right value, and wrong values built to slip through."""

import sympy as sp

from tests.adversarial.general.case import GeneralCase, R, numbers

pi, e, sqrt = sp.pi, sp.E, sp.sqrt
MV = "Math-Verify tests"
SIG = "STACK NumSigFigs docs"
DP = "STACK NumDecPlaces docs"
TOL = "STACK NumRelative/NumAbsolute docs"
WW = "WeBWorK num_cmp docs"

CASES: list[GeneralCase] = [
    *numbers("number", r"\frac{1}{3}", R(1, 3), [
        (r"\frac13", R(1, 3), True, "\\frac with single-digit arguments, no braces"),
        (r"\dfrac{1}{3}", R(1, 3), True, "display fraction"),
        (r"\tfrac{1}{3}", R(1, 3), True, "text fraction"),
        (r"$\frac{1}{3}$", R(1, 3), True, "inline math delimiters"),
        (r"\boxed{\frac{1}{3}}", R(1, 3), True, "boxed"),
        ("x = 1/3", R(1, 3), True, "lhs names the unknown"),
        ("1/3.", R(1, 3), True, "trailing full stop"),
        ("2/6", R(1, 3), True, "unreduced fraction"),
        ("3^{-1}", R(1, 3), True, "negative power"),
        (r"\frac{1}{3} + 10^{-9}", R(1, 3) + R(1, 10**9), False, "off by 1e-9 on an exact answer"),
        ("0.333333", "0.333333", False, "six-digit decimal for an exact answer, no tolerance stated"),
        ("0.3333333333", "0.3333333333", False, "ten-digit decimal: 1e-10 relative off"),
        ("3/10", R(3, 10), False, "wrong fraction"),
        ("1/0", None, False, "division by zero is not a number"),
    ], source=MV),
    *numbers("number", "0.0025", R(1, 400), [
        (r"2.5 \times 10^{-3}", R(1, 400), True, "LaTeX scientific notation"),
        (r"2.5\cdot 10^{-3}", R(1, 400), True, "cdot scientific notation"),
        ("2.5e-3", R(1, 400), True, "e notation"),
        ("2.5E-3", R(1, 400), True, "capital E notation"),
        ("2.5*10^(-3)", R(1, 400), True, "plain-text power of ten"),
        (r"25 \times 10^{-4}", R(1, 400), True, "unnormalised mantissa"),
        (r"0.25\%", R(1, 400), True, "percent"),
        ("1/400", R(1, 400), True, "fraction"),
        (r"\approx 0.0025", R(1, 400), True, "leading approx sign"),
        ("2.5e3", R(2500), False, "exponent sign dropped"),
        (r"2.5 \times 10^{3}", R(2500), False, "exponent sign dropped (LaTeX)"),
        ("2.5e-4", R(1, 4000), False, "exponent off by one"),
        (r"0.0025\%", R(1, 40000), False, "percent applied twice"),
        ("-2.5e-3", R(-1, 400), False, "sign"),
    ], source=MV),
    *numbers("number", "65536", 65536, [
        ("65,536", 65536, True, "comma thousands separator"),
        ("65{,}536", 65536, True, "LaTeX braced comma separator"),
        (r"65\,536", 65536, True, "thin-space separator"),
        ("65 536", 65536, True, "space separator"),
        ("2^{16}", 65536, True, "power"),
        (r"6.5536 \times 10^4", 65536, True, "scientific notation"),
        ("65536.0", 65536, True, "trailing .0"),
        ("65.536", R(65536, 1000), False, "decimal point, not a separator"),
        ("65535", 65535, False, "off by one"),
        ("2^{16}-1", 65535, False, "off by one, as a power"),
    ], source="own"),
    *numbers("number", "2508800", 2508800, [
        ("2{,}508{,}800", 2508800, True, "two braced separators"),
        ("2,508,800", 2508800, True, "two comma separators"),
        (r"2.5088 \times 10^{6}", 2508800, True, "scientific"),
        ("2,508,000", 2508000, False, "close but wrong"),
        ("2,508,800.5", R(5017601, 2), False, "fraction of one"),
    ]),
    *numbers("number", "0.25", R(1, 4), [
        (r"25\%", R(1, 4), True, "percent"),
        ("25 %", R(1, 4), True, "percent after a space"),
        (r"25 \%", R(1, 4), True, "LaTeX percent after a space"),
        (r"\frac{1}{4}", R(1, 4), True, "fraction"),
        (r"2.5\%", R(1, 40), False, "wrong percent"),
        ("25", 25, False, "percent sign dropped"),
    ], source=WW),
    *numbers("number", "pi", pi, [
        (r"\pi", pi, True, "LaTeX pi"),
        (r"4\arctan(1)", pi, True, "arctan identity"),
        ("acos(-1)", pi, True, "plain acos"),
        (r"2\arcsin 1", pi, True, "arcsin without parentheses"),
        ("3.14159", R(314159, 100000), False, "decimal for exact pi, no tolerance"),
        ("22/7", R(22, 7), False, "classic approximation, no tolerance"),
        (r"\pi + 10^{-8}", pi + R(1, 10**8), False, "off by 1e-8"),
        (r"\pi^2", pi**2, False, "squared"),
    ], source=MV),
    *numbers("number", "pi", pi, [
        ("3.14159", "3.14159", True, "within rtol 1e-5"),
        ("3.1416", "3.1416", True, "within rtol 1e-5"),
        ("3.1415", "3.1415", False, "2.9e-5 relative off: outside rtol 1e-5"),
        ("22/7", R(22, 7), False, "4e-4 relative off"),
    ], {"rtol": 1e-5}, TOL),
    *numbers("number", "sqrt(2)", sqrt(2), [
        (r"\sqrt{2}", sqrt(2), True, "LaTeX root"),
        ("2^{1/2}", sqrt(2), True, "half power"),
        (r"\sqrt[4]{4}", sqrt(2), True, "fourth root of 4"),
        (r"\frac{2}{\sqrt{2}}", sqrt(2), True, "unrationalised"),
        (r"\sqrt{8}/2", sqrt(2), True, "unsimplified root"),
        ("1.41421356", R(141421356, 10**8), False, "8 decimals for an exact root"),
        (r"-\sqrt{2}", -sqrt(2), False, "other root"),
        (r"\sqrt{-2}", None, False, "not real"),
    ], source=MV),
    *numbers("number", "e", e, [
        ("e", e, True, "Euler's number"),
        (r"\exp(1)", e, True, "exp"),
        ("e^1", e, True, "power one"),
        ("2.718281828", R(2718281828, 10**9), False, "nine decimals for an exact e"),
        ("2.71828", "2.71828", False, "6.6e-7 relative off, default tolerance"),
    ]),
    *numbers("number", "e", e, [
        ("2.71828", "2.71828", True, "6.6e-7 relative off, rtol 1e-6"),
        ("2.7182", "2.7182", False, "3e-5 relative off, rtol 1e-6"),
    ], {"rtol": 1e-6}, TOL),
    *numbers("number", "0", 0, [
        ("0/1", 0, True, "zero as a fraction"),
        ("0.0", 0, True, "zero with a decimal"),
        ("-0", 0, True, "negative zero"),
        (r"\sin(\pi)", 0, True, "exactly zero, 1.2e-16 in floating point"),
        ("1/0", None, False, "not a number"),
        ("0/0", None, False, "not a number"),
        (r"\infty", None, False, "infinity"),
        ("10^{-10}", R(1, 10**10), False, "tiny but not zero"),
    ], source=MV),
    *numbers("number", "1", 1, [
        ("1.05", R(105, 100), True, "on the rtol boundary (inclusive); 1.05-1 > 0.05 in binary floating point"),
        ("0.95", R(95, 100), True, "on the lower rtol boundary"),
        ("1.0500001", R(10500001, 10**7), False, "just outside rtol"),
        ("0.9499", R(9499, 10**4), False, "just outside rtol below"),
    ], {"rtol": 0.05}, "issue 10 / STACK NumRelative docs"),
    *numbers("number", "0.3", R(3, 10), [
        ("0.4", R(2, 5), True, "on the atol boundary; 0.4-0.3 = 0.10000000000000003 in floating point"),
        ("0.2", R(1, 5), True, "on the lower atol boundary"),
        ("0.1+0.2", R(3, 10), True, "0.30000000000000004 in floating point"),
        ("0.41", R(41, 100), False, "outside atol"),
        ("0.1999", R(1999, 10**4), False, "just outside atol below"),
    ], {"atol": 0.1}, TOL),
    *numbers("number", "100", 100, [
        ("100.5", R(201, 2), True, "on the atol boundary"),
        ("99.5", R(199, 2), True, "on the lower atol boundary"),
        ("100.51", R(10051, 100), False, "outside atol"),
        ("1e2", 100, True, "e notation without mantissa decimals"),
    ], {"atol": 0.5}, TOL),
    *numbers("number", "26", 26, [
        ("26.1", R(261, 10), False, "0.4% off with no tolerance"),
        (r"26 \text{ cm}", 26, True, "unit after the answer"),
        (r"26\ \mathrm{cm}", 26, True, "upright unit"),
        ("N = 26", 26, True, "named quantity"),
        ("26.", 26, True, "trailing full stop"),
        (r"\boxed{26}", 26, True, "boxed"),
        (r"\(26\)", 26, True, "\\( \\) delimiters"),
        ("$$26$$", 26, True, "display delimiters"),
        (r"\text{about } 26", 26, True, "prose before the answer"),
    ]),
    *numbers("number", "-2", -2, [
        (r"\begin{vmatrix}1&2\\3&4\end{vmatrix}", -2, True, "vmatrix is a determinant"),
        (r"\det\begin{pmatrix}1&2\\3&4\end{pmatrix}", -2, True, "det of a pmatrix"),
        (r"\det\begin{pmatrix}1&3\\2&4\end{pmatrix}", -2, True, "det of the transpose"),
        (r"\begin{vmatrix}2&1\\3&4\end{vmatrix}", 5, False, "columns swapped: 5"),
        ("2", 2, False, "sign"),
    ]),
]
