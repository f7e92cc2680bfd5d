"""Precision attacks on the grader: wrong answers below float precision, right answers in equal forms."""
