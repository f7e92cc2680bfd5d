"""Independent models that decide each precision case's verdict.

Nothing here imports the grader.  Every case carries the intended meaning of the student's answer and of the
reference as Python (mpmath callables, or SymPy builders for equations); these functions compare the two meanings
with many more digits than a float has and return whether the answer is mathematically right.

Rules (what a careful human grader decides):

* expression: equal at every point of the question's domain (the declared ``variables`` ranges unless the case
  overrides ``domain``), compared at ``dps`` digits (60 by default, more for terms such as ``e^{-1000}``; a difference counts
  when it exceeds 10^(-dps/2), so rounding magnified by cancellation does not) on a grid,
  seeded random points, the interval ends and the case's ``witnesses``.  Points where either side is undefined are
  skipped (a removable hole such as ``(x^2-1)/(x-1)`` at 1 is not a different answer), but most points must be
  defined.
* number / integer / tuple / matrix: an answer written as a plain decimal numeral of at least 12 significant figures
  is right when it is the reference correctly rounded to the digits written (within half a unit of its last digit);
  a reference written as a decimal numeral stands for everything that rounds to it; any other answer must equal
  the reference exactly; a part's ``rtol`` / ``atol`` widen that.
* set: the same intervals with the same ends (exact, or the decimal-numeral rule) and the same open/closed ends;
  with ``integer`` only the whole numbers in the set matter.
* equation: the same solution set in ``y`` for every ``x`` of the domain (solved exactly with SymPy, the branches
  compared at 60 digits).
* bigo: the same asymptotic class: ``log f - log g`` stays bounded as ``log n`` grows to ``10^{10^{20}}``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import mpmath
import sympy

DEFAULT_RANGE = (-2.0, 2.0)


def _tol(dps: int) -> mpmath.mpf:
    return mpmath.mpf(10) ** (-(dps // 2))


def half_ulp(numeral: str) -> mpmath.mpf:
    """Half a unit of the last written digit of a plain decimal numeral ('0.333' -> 0.0005, '1.2e-3' -> 5e-5)."""
    d = Decimal(numeral.replace(" ", ""))
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    return mpmath.mpf(5) * mpmath.mpf(10) ** (exponent - 1)


PLAIN_NUMERAL = re.compile(r"^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$")


def is_plain_decimal(text: str) -> bool:
    return bool(PLAIN_NUMERAL.match(text)) and ("." in text or "e" in text.lower())


def _finite(v: Any) -> bool:
    try:
        if isinstance(v, mpmath.mpc):
            if abs(v.imag) > 0:
                return False
            v = v.real
        return bool(mpmath.isfinite(v))
    except (TypeError, ValueError):
        return False


def _call(f: Callable[..., Any], point: dict[str, Any]) -> Any:
    try:
        v = f(**point)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None
    return v if _finite(v) else None


def sample_points(domain: dict[str, Sequence[float]], witnesses: Sequence[dict[str, float]], n_random: int = 40,
                  grid: int = 41, seed: int = 20261130) -> list[dict[str, mpmath.mpf]]:
    names = sorted(domain)
    rng = random.Random(seed)
    points: list[dict[str, mpmath.mpf]] = []
    if names:
        for k in range(grid):
            points.append({n: mpmath.mpf(domain[n][0]) + (mpmath.mpf(domain[n][1]) - mpmath.mpf(domain[n][0]))
                           * mpmath.mpf((k * (i + 3)) % grid) / (grid - 1) for i, n in enumerate(names)})
        for _ in range(n_random):
            points.append({n: mpmath.mpf(rng.uniform(domain[n][0], domain[n][1])) for n in names})
        points.append({n: mpmath.mpf(domain[n][0]) for n in names})
        points.append({n: mpmath.mpf(domain[n][1]) for n in names})
    else:
        points.append({})
    for w in witnesses:
        points.append({n: mpmath.mpf(v) for n, v in w.items()})
    return points


def expressions_equal(student: Callable[..., Any], reference: Callable[..., Any], domain: dict[str, Sequence[float]],
                      dps: int = 60, witnesses: Sequence[dict[str, float]] = ()) -> tuple[bool, str]:
    """Whether two formulas agree at every sampled point of ``domain`` at ``dps`` digits, and a witness if not."""
    with mpmath.workdps(dps):
        tol = _tol(dps)
        points = sample_points(domain, witnesses)
        defined = 0
        for p in points:
            s = _call(student, p)
            r = _call(reference, p)
            if s is None and r is None:
                continue
            if s is None or r is None:
                # one side undefined where the other is finite: a hole of measure zero is skipped below,
                # but a side undefined on a whole stretch is counted.
                continue
            defined += 1
            if abs(s - r) > tol * max(1, abs(r)):
                where = ", ".join(f"{k}={mpmath.nstr(v, 8)}" for k, v in p.items())
                return False, f"differ at {where}: {mpmath.nstr(s - r, 5)}"
        if defined < 0.8 * len(points):
            return False, f"defined at only {defined} of {len(points)} points"
        return True, f"equal at {defined} points"


def significant_figures(numeral: str) -> int:
    return len(Decimal(numeral.strip()).normalize().as_tuple().digits) if numeral.strip() else 0


def numbers_equal(student_text: str, student: Any, reference: Any, options: dict[str, Any] | None,
                  dps: int = 60, elem_tol: Any = None, reference_text: str | None = None) -> bool:
    options = options or {}
    with mpmath.workdps(dps):
        s = mpmath.mpf(student) if not isinstance(student, mpmath.mpf) else student
        r = mpmath.mpf(reference) if not isinstance(reference, mpmath.mpf) else reference
        allowed = _tol(dps) * max(1, abs(r))
        if "rtol" in options:
            allowed = max(allowed, mpmath.mpf(options["rtol"]) * abs(r))
        if "atol" in options:
            allowed = max(allowed, mpmath.mpf(options["atol"]))
        if elem_tol is not None:
            allowed = max(allowed, mpmath.mpf(elem_tol))
        elif is_plain_decimal(student_text) and significant_figures(student_text) >= 12:
            allowed = max(allowed, half_ulp(student_text.strip()))
        if reference_text is not None and is_plain_decimal(reference_text):
            # a decimal reference is a rounded value (often a double's repr): what rounds to it, to a double's precision
            allowed = max(allowed, half_ulp(reference_text.strip()), abs(r) * mpmath.mpf(2) ** -52)
        return bool(abs(s - r) <= allowed)


def sequences_equal(student: Sequence[Any], reference: Sequence[Any], dps: int = 60,
                    elem_tol: Sequence[Any] | None = None) -> bool:
    if len(student) != len(reference):
        return False
    tols = elem_tol or [None] * len(student)
    with mpmath.workdps(dps):
        for s, r, t in zip(student, reference, tols, strict=True):
            allowed = _tol(dps) * max(1, abs(mpmath.mpf(r)))
            if t is not None:
                allowed = max(allowed, mpmath.mpf(t))
            if abs(mpmath.mpf(s) - mpmath.mpf(r)) > allowed:
                return False
    return True


# A set is a list of pieces: ("point", v) or ("interval", lo, hi, lo_closed, hi_closed); lo/hi may be +-inf.
def _integers_in(pieces: list[tuple[Any, ...]], lo: int, hi: int) -> set[int]:
    out: set[int] = set()
    for piece in pieces:
        if piece[0] == "point":
            v = piece[1]
            if v == mpmath.floor(v):
                out.add(int(v))
        else:
            _, a, b, ac, bc = piece
            start = max(lo, int(mpmath.floor(a)) - 1 if mpmath.isfinite(a) else lo)
            stop = min(hi, int(mpmath.ceil(b)) + 1 if mpmath.isfinite(b) else hi)
            for k in range(start, stop + 1):
                if (k > a or (ac and k == a)) and (k < b or (bc and k == b)):
                    out.add(k)
    return out


def sets_equal(student: list[tuple[Any, ...]], reference: list[tuple[Any, ...]], options: dict[str, Any] | None,
               dps: int = 60, endpoint_tol: Any = None) -> bool:
    options = options or {}
    with mpmath.workdps(dps):
        if options.get("integer"):
            return _integers_in(student, -10**6, 10**6) == _integers_in(reference, -10**6, 10**6)
        tol = _tol(dps) if endpoint_tol is None else mpmath.mpf(endpoint_tol)

        def close(a: Any, b: Any) -> bool:
            if not mpmath.isfinite(a) or not mpmath.isfinite(b):
                return bool(a == b)
            return bool(abs(a - b) <= tol * max(1, abs(b)))

        def key(p: tuple[Any, ...]) -> Any:
            return p[1]

        s, r = sorted(student, key=key), sorted(reference, key=key)
        if len(s) != len(r):
            return False
        for a, b in zip(s, r, strict=True):
            if a[0] != b[0]:
                return False
            if a[0] == "point":
                if not close(a[1], b[1]):
                    return False
            elif not (close(a[1], b[1]) and close(a[2], b[2]) and a[3] == b[3] and a[4] == b[4]):
                return False
        return True


X_SYM, Y_SYM = sympy.symbols("x y", real=True)


def equations_equal(student: Callable[[Any, Any], Any], reference: Callable[[Any, Any], Any],
                    x_range: Sequence[float], dps: int = 60, witnesses: Sequence[Any] = ()) -> tuple[bool, str]:
    """Same solution set in y at each sampled x: SymPy solves each side's F(x, y) = 0 for y exactly."""
    fs = sympy.solve(student(X_SYM, Y_SYM), Y_SYM)
    fr = sympy.solve(reference(X_SYM, Y_SYM), Y_SYM)
    rng = random.Random(7)
    lo, hi = sympy.Rational(str(x_range[0])), sympy.Rational(str(x_range[1]))
    xs = [lo + (hi - lo) * sympy.Rational(rng.randint(0, 10**6), 10**6) for _ in range(12)]
    xs += [sympy.Rational(str(w)) for w in witnesses]
    for xv in xs:
        def values(branches: list[Any], xv: Any = xv) -> list[Any]:
            out = []
            for b in branches:
                re_part, im_part = sympy.N(b.subs(X_SYM, xv), dps).as_real_imag()
                # a real root written with complex radicals keeps a rounding-sized imaginary part
                if re_part.is_finite and abs(im_part) <= sympy.Float(10) ** (-(dps // 2)):
                    out.append(re_part)
            return out

        vs, vr = values(fs), values(fr)
        tol = sympy.Float(10) ** (-(dps // 2))

        def covered(a: list[Any], b: list[Any], tol: Any = tol) -> bool:
            return all(any(abs(p - q) <= tol * max(1, abs(q)) for q in b) for p in a)

        if not (covered(vs, vr) and covered(vr, vs)):
            return False, f"at x={xv}: student branches {vs}, reference {vr}"
    return True, "same solutions"


def bigo_equal(student: Callable[[Any], Any], reference: Callable[[Any], Any]) -> bool:
    """Same class: f/g tends to a finite non-zero limit as n -> oo (SymPy, exact exponents)."""
    n = sympy.Symbol("n", positive=True)
    lim = sympy.limit(student(n) / reference(n), n, sympy.oo)
    return bool(lim.is_finite and lim.is_positive)


def verdict(case: Any) -> tuple[bool, str]:
    """The derived verdict of a corpus case (``cases.Case``) and a short reason."""
    kind = case.kind
    if kind == "expression":
        domain = case.domain or (case.options or {}).get("variables") or {}
        return expressions_equal(case.student_py, case.reference_py, domain, case.dps, case.witnesses)
    if kind == "equation":
        return equations_equal(case.student_py, case.reference_py, case.domain["x"], case.dps,
                               [w["x"] for w in case.witnesses])
    if kind == "bigo":
        ok = bigo_equal(case.student_py, case.reference_py)
        return ok, "same class" if ok else "different growth"
    with mpmath.workdps(case.dps):
        s, r = case.student_py(), case.reference_py()
        if kind in ("number", "integer"):
            ok = numbers_equal(case.student, s, r, case.options, case.dps, case.elem_tol, case.reference)
            return ok, f"student {mpmath.nstr(s, 25)} vs {mpmath.nstr(r, 25)}"
        if kind in ("tuple", "matrix"):
            ok = sequences_equal(s, r, case.dps, case.elem_tol)
            return ok, "entries " + ("equal" if ok else "differ")
        if kind == "set":
            ok = sets_equal(s, r, case.options, case.dps, case.elem_tol)
            return ok, "sets " + ("equal" if ok else "differ")
    raise ValueError(f"no model for kind {kind!r}")
