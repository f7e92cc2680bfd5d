"""Matrices and tuples (compared entry by entry, in order), sums, products and complex expressions."""

import sympy as sp

from tests.adversarial.general.case import GeneralCase, R, expressions, matrices

s3 = sp.sqrt(3)
M = [[1, 2], [3, 4]]
MT = [[1, 3], [2, 4]]
INV = [[-2, 1], [R(3, 2), R(-1, 2)]]
ROT = [[R(1, 2), -s3 / 2], [s3 / 2, R(1, 2)]]
PL = "PrairieLearn matrix input docs"
MV = "Math-Verify tests"

CASES: list[GeneralCase] = [
    *matrices("matrix", "[[1,2],[3,4]]", M, [
        ("Matrix([[1,2],[3,4]])", M, True, "SymPy spelling"),
        (r"\begin{pmatrix}1&2\\3&4\end{pmatrix}", M, True, "pmatrix"),
        (r"\begin{bmatrix}1 & 2 \\ 3 & 4\end{bmatrix}", M, True, "bmatrix with spaces"),
        (r"\left[\begin{array}{cc}1&2\\3&4\end{array}\right]", M, True, "array environment"),
        (r"\begin{pmatrix}\frac{2}{2} & 2 \\ 3 & 2^2\end{pmatrix}", M, True, "entries as expressions"),
        ("[[1,3],[2,4]]^T", M, True, "transpose of the transpose"),
        (r"\begin{pmatrix}1&3\\2&4\end{pmatrix}", MT, False, "transposed"),
        (r"\begin{pmatrix}1&2\\3&4\end{pmatrix}^T", MT, False, "transposed with ^T"),
        ("[[1,2,3,4]]", [[1, 2, 3, 4]], False, "one row"),
        ("[[1,2],[3,4.0000001]]", [[1, 2], [3, R(40000001, 10**7)]], False, "1e-7 off"),
    ], source=PL),
    *matrices("matrix", "Matrix([[1,2],[3,4]])", M, [
        ("[[1,2],[3,4]]", M, True, "nested list against a SymPy-spelled reference"),
        (r"\begin{bmatrix}1&2\\3&4\end{bmatrix}", M, True, "bmatrix"),
        ("[[2,1],[4,3]]", [[2, 1], [4, 3]], False, "columns swapped"),
    ], source="issue 10"),
    *matrices("matrix", "[[-2, 1], [3/2, -1/2]]", INV, [
        (r"\frac{1}{-2}\begin{pmatrix}4&-2\\-3&1\end{pmatrix}", INV, True, "scalar times adjugate"),
        (r"\begin{pmatrix}-2&1\\1.5&-0.5\end{pmatrix}", INV, True, "decimals"),
        (r"\begin{pmatrix}-2&1\\ \frac32&-\frac12\end{pmatrix}", INV, True, "brace-less fractions"),
        (r"\begin{pmatrix}2&-1\\-1.5&0.5\end{pmatrix}", [[-v for v in row] for row in INV], False, "sign"),
        (r"\begin{pmatrix}-2&1\\1.5&-0.49999\end{pmatrix}", [[-2, 1], [R(3, 2), R(-49999, 100000)]], False, "1e-5 off"),
        (r"\begin{pmatrix}4&-2\\-3&1\end{pmatrix}", [[4, -2], [-3, 1]], False, "adjugate without the factor"),
    ]),
    *matrices("matrix", "[[1,0,0],[0,1,0],[0,0,1]]", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [
        (r"\begin{pmatrix}1&0&0\\0&1&0\\0&0&1\end{pmatrix}", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], True, "pmatrix"),
        (r"\operatorname{diag}(1,1,1)", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], True, "diag"),
        (r"\begin{pmatrix}1&0\\0&1\end{pmatrix}", [[1, 0], [0, 1]], False, "2x2 identity"),
    ], source="issue 10"),
    *matrices("matrix", "[[1],[2],[3]]", [[1], [2], [3]], [
        (r"\begin{pmatrix}1\\2\\3\end{pmatrix}", [[1], [2], [3]], True, "column pmatrix"),
        ("[1,2,3]^T", [[1], [2], [3]], True, "transposed row"),
        (r"\begin{pmatrix}1&2&3\end{pmatrix}", [[1, 2, 3]], False, "row, not column"),
        (r"\begin{pmatrix}1\\2\\-3\end{pmatrix}", [[1], [2], [-3]], False, "sign"),
    ]),
    *matrices("matrix", "[[1/2, -sqrt(3)/2], [sqrt(3)/2, 1/2]]", ROT, [
        (r"\begin{pmatrix}\cos\frac{\pi}{3} & -\sin\frac{\pi}{3}\\ \sin\frac{\pi}{3} & \cos\frac{\pi}{3}\end{pmatrix}",
         ROT, True, "trig entries"),
        (r"\frac12\begin{pmatrix}1 & -\sqrt3\\ \sqrt3 & 1\end{pmatrix}", ROT, True, "factored scalar"),
        (r"\begin{pmatrix}0.5 & -0.866\\ 0.866 & 0.5\end{pmatrix}", [[R(1, 2), R(-866, 1000)], [R(866, 1000), R(1, 2)]],
         False, "3-digit decimals for exact entries"),
        (r"\begin{pmatrix}\frac12 & \frac{\sqrt3}{2}\\ -\frac{\sqrt3}{2} & \frac12\end{pmatrix}",
         [[R(1, 2), s3 / 2], [-s3 / 2, R(1, 2)]], False, "rotation the other way"),
    ]),
    *matrices("tuple", "(1, 2)", [[1, 2]], [
        ("(1,2)", [[1, 2]], True, "no space"),
        (r"\left(1, 2\right)", [[1, 2]], True, "\\left( \\right)"),
        (r"\langle 1, 2\rangle", [[1, 2]], True, "angle brackets"),
        ("(1.0, 2.0)", [[1, 2]], True, "decimals"),
        (r"(\frac{2}{2}, \sqrt{4})", [[1, 2]], True, "expressions"),
        ("(2,1)", [[2, 1]], False, "order"),
        ("(1, 2, 0)", [[1, 2, 0]], False, "extra element"),
        ("(1, 2.000001)", [[1, R(2000001, 10**6)]], False, "1e-6 off"),
    ], source=MV),
    *matrices("tuple", "(9, 13)", [[9, 13]], [
        (r"9 \times 13", [[9, 13]], True, "times between elements"),
        ("9 by 13", [[9, 13]], True, "words"),
        (r"\mathbb{R}^{9 \times 13}", [[9, 13]], True, "shape of a space"),
        ("9x13", [[9, 13]], True, "x between numbers"),
        ("(9,13).", [[9, 13]], True, "trailing full stop"),
        (r"13 \times 9", [[13, 9]], False, "transposed shape"),
        ("(9, 14)", [[9, 14]], False, "off by one"),
    ], source="issue 10"),
    *matrices("tuple", "(-1, 1/2, 0)", [[-1, R(1, 2), 0]], [
        ("(-1, 0.5, 0)", [[-1, R(1, 2), 0]], True, "decimal"),
        (r"\left(-1, \frac12, 0\right)", [[-1, R(1, 2), 0]], True, "LaTeX"),
        (r"\boxed{(-1, \tfrac{1}{2}, 0)}", [[-1, R(1, 2), 0]], True, "boxed with tfrac"),
        ("(1, 1/2, 0)", [[1, R(1, 2), 0]], False, "sign of the first element"),
        ("(-1, 1/2)", [[-1, R(1, 2)]], False, "missing element"),
        ("(-1, 0.50001, 0)", [[-1, R(50001, 100000), 0]], False, "1e-5 off"),
    ]),
    *expressions("n*(n+1)/2", "n*(n+1)/2", [
        (r"\sum_{k=1}^{n} k", "Sum(lambda k: k, 1, n)", True, "sum with a symbolic bound"),
        (r"\sum_{k=0}^{n} k", "Sum(lambda k: k, 0, n)", True, "zero term included"),
        (r"\sum_{i=1}^n i", "Sum(lambda i: i, 1, n)", True, "brace-less upper bound"),
        ("sum(k, k, 1, n)", "Sum(lambda k: k, 1, n)", True, "plain-text sum"),
        (r"\frac{n^2+n}{2}", "(n**2+n)/2", True, "expanded"),
        (r"\sum_{k=1}^{n-1} k", "Sum(lambda k: k, 1, n-1)", False, "one term short"),
        (r"\sum_{k=1}^{n} k^2", "Sum(lambda k: k**2, 1, n)", False, "squares"),
        (r"\frac{n(n-1)}{2}", "n*(n-1)/2", False, "n-1"),
    ], {"n": "int"}, source="issue 10"),
    *expressions("n*(n+1)*(2*n+1)/6", "n*(n+1)*(2*n+1)/6", [
        (r"\sum_{k=1}^{n} k^2", "Sum(lambda k: k**2, 1, n)", True, "sum of squares"),
        (r"\sum_{j=1}^{n} j^{2}", "Sum(lambda j: j**2, 1, n)", True, "other index"),
        (r"\frac{n^3}{3}", "n**3/3", False, "leading term only"),
    ], {"n": "int"}),
    *expressions("2^n - 1", "2**n - 1", [
        (r"\sum_{k=0}^{n-1} 2^k", "Sum(lambda k: 2**k, 0, n-1)", True, "geometric sum"),
        (r"\sum_{k=0}^{n} 2^k", "Sum(lambda k: 2**k, 0, n)", False, "one term too many"),
    ], {"n": "int"}),
    *expressions("factorial(n)", "factorial(n)", [
        (r"\prod_{j=1}^{n} j", "Prod(lambda j: j, 1, n)", True, "product with a symbolic bound"),
        ("n!", "factorial(n)", True, "factorial sign"),
        (r"\frac{(n+1)!}{n+1}", "factorial(n+1)/(n+1)", True, "shifted factorial"),
        (r"\prod_{j=0}^{n} j", "Prod(lambda j: j, 0, n)", False, "starts at 0: always 0"),
        ("n^n", "n**n", False, "power"),
    ], {"n": "int"}),
    *expressions("factorial(n+1)", "factorial(n+1)", [
        ("(n+1)!", "factorial(n+1)", True, "factorial of a sum"),
        ("(n+1)\\,n!", "(n+1)*factorial(n)", True, "recursive form"),
        ("n! + 1", "factorial(n) + 1", False, "precedence"),
    ], {"n": "int"}, source="issue 10"),
    *expressions("exp(I*x)", "exp(I*x)", [
        (r"\cos x + i\sin x", "cos(x) + I*sin(x)", True, "Euler's formula"),
        ("e^{ix}", "exp(I*x)", True, "implicit i x"),
        (r"e^{i x}", "exp(I*x)", True, "spaced"),
        (r"\cos x - i\sin x", "cos(x) - I*sin(x)", False, "conjugate"),
        (r"e^{-ix}", "exp(-I*x)", False, "conjugate as a power"),
    ], real=False, source="issue 10"),
]
