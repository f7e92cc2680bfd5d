"""Matrices: nested lists or LaTeX pmatrix/bmatrix, shape checked, then element-wise with tolerance."""

from collections.abc import Iterable

from graders.kinds.base import Reading, Verdict, partial_verdict, wrong
from graders.kinds.elements import element_formulas, elements_equal, reference_elements
from graders.kinds.tuples import key as tuple_key
from graders.options import MatrixOptions
from graders.parsing import parse

Options = MatrixOptions


def read_student(text: str, syntax: str, options: MatrixOptions) -> Reading:
    node = parse(text, syntax=syntax, target="matrix")
    return Reading((node.shape, element_formulas(node)), node.to_latex(), node.to_text())


def read_reference(reference: object, syntax: str, options: MatrixOptions) -> Reading:
    if isinstance(reference, str):
        return read_student(reference, syntax, options)
    listed = reference.tolist() if hasattr(reference, "tolist") else reference  # a NumPy array as nested lists
    if not isinstance(listed, Iterable):
        raise TypeError(f"matrix reference {reference!r} is not a sequence of rows")
    rows = [list(row) for row in listed]
    if len({len(row) for row in rows}) != 1:
        raise ValueError(f"matrix reference {reference!r} has rows of different lengths")
    latex = r"\begin{pmatrix} " + r" \\ ".join(" & ".join(map(str, row)) for row in rows) + r" \end{pmatrix}"
    text = "[" + ", ".join("[" + ", ".join(map(str, row)) + "]" for row in rows) + "]"
    values = [value for row in rows for value in row]
    return Reading(((len(rows), len(rows[0])), reference_elements(values, syntax)), latex, text)


def compare(answer: Reading, expected: Reading, options: MatrixOptions) -> Verdict:
    (shape, ours), (expected_shape, theirs) = answer.value, expected.value
    if shape != expected_shape:
        return wrong(f"Expected a {expected_shape[0]}×{expected_shape[1]} matrix; yours is {shape[0]}×{shape[1]}.")
    flags = elements_equal(ours, theirs, options)
    columns = shape[1]
    where = ", ".join(f"({i // columns + 1}, {i % columns + 1})" for i, ok in enumerate(flags) if not ok)
    return partial_verdict(sum(flags), len(flags), "entries", options, f"Check the entries at (row, column) {where}.")


def key(answer: Reading, options: MatrixOptions) -> str:
    shape, elements = answer.value
    return f"{shape}: " + tuple_key(Reading(elements, None, None), options)
