"""CSV exports: text a spreadsheet would run as a formula is written as text; numbers stay numbers."""

import csv
import io

import pytest

from app.services.spreadsheets import csv_text


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example","x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
def test_a_text_cell_that_starts_a_formula_is_written_after_a_quote(text: str) -> None:
    (row,) = list(csv.reader(io.StringIO(csv_text(["student"], [[text]]))))[1:]
    assert row == [f"'{text}"]


def test_numbers_and_plain_text_are_written_as_they_are() -> None:
    rows = list(csv.reader(io.StringIO(csv_text(["student", "score"], [["alice", -0.5], ["bob", 3]]))))
    assert rows == [["student", "score"], ["alice", "-0.5"], ["bob", "3"]]
