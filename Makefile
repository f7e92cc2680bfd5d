# The two commands of the README: `make demo` serves the demo on SQLite; `make test` runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

.PHONY: install demo test bench bench-load
install: $(VENV)/.installed

demo: install
	$(VENV)/bin/grader serve --demo

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) benchmarks/bench_grading.py
	$(PY) -m benchmarks.bench_dashboard

# Grading under load, cold start, throughput and queue regrades (several minutes; needs the local PostgreSQL).
bench-load: install
	$(PY) -m benchmarks.bench_busy
	$(PY) -m benchmarks.bench_start
	$(PY) -m benchmarks.bench_throughput
	$(PY) -m benchmarks.bench_regrade
	$(PY) -m benchmarks.bench_regrade --unchanged
