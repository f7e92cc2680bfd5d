# The two commands of the README: `make demo` serves the demo on SQLite (runtime dependencies only, pinned by
# requirements.lock); `make test` adds the test extras and runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python

$(VENV)/.runtime: pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e .
	touch $@

$(VENV)/.installed: $(VENV)/.runtime
	$(PY) -m pip install -q -c requirements.lock -e '.[test]'
	touch $@

.PHONY: install runtime demo test bench bench-load lock
runtime: $(VENV)/.runtime
install: $(VENV)/.installed

# Re-running reuses the demo token kept beside grader.db; `make demo NEW_TOKEN=1` mints another.
demo: runtime
	$(VENV)/bin/grader serve --demo$(if $(NEW_TOKEN), --new-token)

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

# requirements.lock: the runtime dependencies of pyproject.toml pinned exactly, as a fresh venv with nothing else
# resolves them today (the Dockerfile and `make demo` install with it). Run after changing the dependencies;
# tests/test_lock.py checks that every dependency is in it at a version its lower bound allows.
lock:
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	python3 -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/python" -m pip install -q --upgrade pip && \
	python3 -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
	    > "$$tmp/requirements.in" && \
	"$$tmp/venv/bin/python" -m pip install -q -r "$$tmp/requirements.in" && \
	{ echo "# Runtime dependencies pinned exactly: \`make lock\` writes this file; do not edit by hand."; \
	  "$$tmp/venv/bin/python" -m pip freeze --all --exclude pip --exclude setuptools --exclude wheel | LC_ALL=C sort -f; \
	} > requirements.lock
