# One place for every command; README.md shows the two that matter.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
WRK ?= /usr/bin/wrk
HOST ?= 127.0.0.1
PORT ?= 8050
WORKERS ?= 2

.PHONY: run serve compile validate test lint typecheck unit browser bench soak fuzz setup clean

# (Re)install when pyproject.toml changes; a fresh clone gets a fresh virtual environment.
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# The dashboard, for one person on this machine.
run: $(STAMP)
	$(PY) -m dashboard --host $(HOST) --port $(PORT)

# Byte-compile the project's own modules, as pip does for installed packages: an editable
# install leaves them as source, and where Python may not write its cache (a read-only tree, or
# PYTHONDONTWRITEBYTECODE set, as on our CI machines) every fresh process compiles them again,
# about 0.1 s of each start.
compile: $(STAMP)
	$(PY) -m compileall -q dashboard indicators bench

# The dashboard in production: gunicorn, data loaded once before the workers fork.
serve: compile
	$(VENV)/bin/gunicorn --workers $(WORKERS) --preload --bind $(HOST):$(PORT) dashboard.app:server

validate: $(STAMP)
	$(PY) -m indicators validate

# Browser tests use Debian's Chromium; install it if the machine lacks it.
$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium

browser: $(CHROMIUM)

# The load generator the benchmark uses (Debian's wrk).
$(WRK):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends wrk

# Dashboard against a bare-Dash floor app, and data scaling; prints a table, writes JSON.
bench: compile browser $(WRK)
	$(PY) -m bench

# The production command under a mixed load for 60 s after a warm-up: errors, p99, worker memory.
soak: compile browser $(WRK)
	$(PY) -m bench.soak

# The property tests with fresh random examples, ROUNDS times; the suite itself draws fixed ones.
ROUNDS ?= 5
FUZZ_TESTS := tests/test_data_fuzz.py tests/test_columns.py tests/test_derive.py \
  tests/dashboard/test_state.py tests/dashboard/test_request_fuzz.py tests/dashboard/test_http_fuzz.py
fuzz: $(STAMP)
	for round in $$(seq $(ROUNDS)); do \
	  HYPOTHESIS_PROFILE=explore $(PY) -m pytest -q -p no:cacheprovider $(FUZZ_TESTS) || exit 1; \
	done

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

unit: $(STAMP) browser $(WRK)
	$(PY) -m pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
