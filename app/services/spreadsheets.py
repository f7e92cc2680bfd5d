"""CSV exports that a spreadsheet opens as data: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
return would be run as a formula (`=HYPERLINK(...)` as a student id), so it is written after a `'`, which
spreadsheets show as text (OWASP's advice on CSV injection). Numbers are written as numbers."""

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in (header, *rows):
        writer.writerow([_as_text(cell) for cell in row])
    return out.getvalue()


def _as_text(cell: object) -> object:
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell
