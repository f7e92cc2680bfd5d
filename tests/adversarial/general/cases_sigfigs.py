"""Significant figures and decimal places (STACK semantics), and integers (exact, big, factorial forms)."""

import sympy as sp

from tests.adversarial.general.case import GeneralCase, R, numbers

SIG = "STACK NumSigFigs docs"
DP = "STACK NumDecPlaces docs"

CASES: list[GeneralCase] = [
    *numbers("number", "pi", sp.pi, [
        ("3.142", "3.142", True, "4 figures, correctly rounded"),
        ("3.141", "3.141", False, "truncated, not rounded"),
        ("3.1416", "3.1416", False, "5 figures"),
        ("3.14", "3.14", False, "3 figures"),
        (r"\pi", None, False, "not a numeral"),
        (r"3.142 \times 10^{0}", "3.142", True, "scientific with exponent 0"),
    ], {"sigfigs": 4}, SIG),
    *numbers("number", "0.001234", R(1234, 10**6), [
        ("0.00123", "0.00123", True, "leading zeros are not significant"),
        ("1.23e-3", "1.23e-3", True, "e notation"),
        (r"1.23 \times 10^{-3}", "1.23e-3", True, "LaTeX scientific"),
        ("0.001234", "0.001234", False, "4 figures"),
        ("0.0012", "0.0012", False, "2 figures"),
        ("0.00124", "0.00124", False, "wrongly rounded"),
    ], {"sigfigs": 3}, SIG),
    *numbers("number", "9.995", R(9995, 1000), [
        ("10.0", "10.0", True, "rounding carries into a new digit: 3 figures"),
        ("10", "10", False, "1 figure"),
        ("9.99", "9.99", False, "not rounded up"),
        ("10.00", "10.00", False, "4 figures"),
    ], {"sigfigs": 3}, SIG),
    *numbers("number", "12.345", R(12345, 1000), [
        ("12.35", "12.35", True, "half up: 12.345 is 12.3449999... in binary"),
        ("12.34", "12.34", False, "binary rounding of 12.345"),
    ], {"sigfigs": 4}, SIG),
    *numbers("number", "0.5", R(1, 2), [
        ("0.50", "0.50", True, "trailing zero after the point is significant"),
        (".50", ".50", True, "no leading zero"),
        ("0.5", "0.5", False, "1 figure"),
        ("5.0e-1", "5.0e-1", True, "scientific, 2 figures"),
    ], {"sigfigs": 2}, SIG),
    *numbers("number", "2/3", R(2, 3), [
        ("0.667", "0.667", True, "3 figures"),
        ("6.67e-1", "6.67e-1", True, "scientific"),
        ("0.666", "0.666", False, "truncated"),
        ("2/3", None, False, "exact fraction where a numeral is asked for"),
        ("0.6667", "0.6667", False, "4 figures"),
    ], {"sigfigs": 3}, SIG),
    *numbers("number", "1234.5", R(24691, 20), [
        ("1.2e3", "1.2e3", True, "2 figures in scientific notation"),
        (r"1.2 \times 10^{3}", "1.2e3", True, "LaTeX scientific"),
        ("1235", "1235", False, "4 figures"),
        ("1.3e3", "1.3e3", False, "wrongly rounded"),
    ], {"sigfigs": 2}, SIG),
    *numbers("number", "pi", sp.pi, [
        ("3.14", "3.14", True, "2 places"),
        ("3.1416", "3.1416", False, "4 places"),
        ("3.1", "3.1", False, "1 place"),
        ("3.15", "3.15", False, "wrong last digit"),
    ], {"decimal_places": 2}, DP),
    *numbers("number", "2.675", R(2675, 1000), [
        ("2.68", "2.68", True, "half up: Python's round(2.675, 2) gives 2.67"),
        ("2.67", "2.67", False, "binary rounding"),
    ], {"decimal_places": 2}, DP),
    *numbers("number", "1/8", R(1, 8), [
        ("0.13", "0.13", True, "half up"),
        ("0.12", "0.12", False, "banker's rounding"),
        ("0.125", "0.125", False, "3 places"),
    ], {"decimal_places": 2}, DP),
    *numbers("number", "1/8", R(1, 8), [
        ("0.125", "0.125", True, "3 places exactly"),
        ("0.1250", "0.1250", False, "4 places"),
        (r"\frac{1}{8}", None, False, "not a decimal numeral"),
    ], {"decimal_places": 3}, DP),
    *numbers("integer", "100352", 100352, [
        ("100{,}352", 100352, True, "braced separator"),
        ("100,352", 100352, True, "comma separator"),
        (r"1.00352 \times 10^5", 100352, True, "scientific notation of an integer"),
        (r"32 \cdot 7 \cdot 7 \cdot 64", 100352, True, "product"),
        ("32*7*7*64 = 100352", 100352, True, "working shown before the result"),
        (r"\boxed{100352}", 100352, True, "boxed"),
        ("100352.5", R(200705, 2), False, "not an integer"),
        ("100351", 100351, False, "off by one"),
    ], source="issue 10"),
    *numbers("integer", "120", 120, [
        ("5!", 120, True, "factorial"),
        (r"\binom{10}{3}", 120, True, "binomial coefficient"),
        (r"\frac{10!}{3!\,7!}", 120, True, "factorials with a thin space"),
        (r"\frac{10!}{7!}", 720, False, "permutations, not combinations"),
        (r"\lfloor 120.7 \rfloor", 120, True, "floor"),
        (r"\lceil 119.2 \rceil", 120, True, "ceiling"),
        (r"\lceil 120.2 \rceil", 121, False, "ceiling rounds up"),
        ("119.9999999", R(1199999999, 10**7), False, "near-integer"),
        ("120 + 10^{-12}", 120 + R(1, 10**12), False, "1e-12 above the integer"),
    ]),
    *numbers("integer", "2^64", 2**64, [
        ("18446744073709551616", 2**64, True, "all digits"),
        ("18446744073709551617", 2**64 + 1, False, "off by one: equal in binary floating point"),
        ("1.8446744073709552e19", 18446744073709552000, False, "float rendering, not the integer"),
        ("2^{64}", 2**64, True, "LaTeX power"),
        ("4^{32}", 2**64, True, "other base"),
        ("2^{64}+1", 2**64 + 1, False, "off by one as a power"),
    ]),
    *numbers("integer", "10^20 + 1", 10**20 + 1, [
        ("100000000000000000001", 10**20 + 1, True, "all digits"),
        ("10^{20}", 10**20, False, "off by one at 1e20"),
    ]),
]
