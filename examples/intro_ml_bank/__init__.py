"""Introduction to Machine Learning: an example question package, for a course that is not in the seed bank.

Load it with `GRADER_BANK_PATHS=examples/intro_ml_bank`; check it with `grader bank check examples/intro_ml_bank`.
Each homework is a subpackage that defines `HOMEWORK` (here `hw3`); `models` holds the NumPy implementations the
references are computed from, and `tests/` checks them (pytest; it has no `__init__.py`, so it is not a homework).
"""
