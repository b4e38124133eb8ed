# One place for every command; README.md shows the two that matter.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
WRK ?= /usr/bin/wrk
NGINX ?= /usr/sbin/nginx
HOST ?= 127.0.0.1
PORT ?= 8050
WORKERS ?= 2

.PHONY: run serve compile validate test lint typecheck unit browser bench soak fuzz setup lock test-loaded clean

LOCK := requirements.lock

LOCKED := $(VENV)/.locked-stamp

# A fresh virtual environment with exactly the locked versions, each checked against its hash,
# whenever the lock changes (nothing of an earlier install is left behind)...
$(LOCKED): $(LOCK)
	python3 -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	touch $(LOCKED)

# ...and the project itself in it, built with the locked setuptools (no download of a build
# backend at whatever version is newest that day), whenever pyproject.toml changes too.
$(STAMP): $(LOCKED) pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

# Re-resolve the lock from pyproject.toml's ranges and its build requirements, for every Python
# from 3.11 on and every platform. Versions already locked stay unless a range now excludes them;
# UPGRADE=1 takes the newest release of everything, UPGRADE=name the newest of one package.
# The lock is replaced only when it changed, so an unchanged one does not rebuild the venv.
UPGRADE ?=
lock: $(STAMP)
	cp $(LOCK) $(LOCK).new
	$(PY) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
	  | $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	    --extra test --custom-compile-command 'make lock' \
	    $(if $(filter 1,$(UPGRADE)),--upgrade,$(if $(UPGRADE),--upgrade-package $(UPGRADE))) \
	    --output-file $(LOCK).new pyproject.toml -
	if cmp -s $(LOCK) $(LOCK).new; then rm $(LOCK).new; else mv $(LOCK).new $(LOCK); fi

# The dashboard, for one person on this machine.
run: $(STAMP)
	$(PY) -m dashboard --host $(HOST) --port $(PORT)

# Byte-compile the project's own modules, as pip does for installed packages: an editable
# install leaves them as source, and where Python may not write its cache (a read-only tree, or
# PYTHONDONTWRITEBYTECODE set, as on our CI machines) every fresh process compiles them again,
# about 0.1 s of each start.
compile: $(STAMP)
	$(PY) -m compileall -q dashboard indicators bench deploy

# The front server of the production command (Debian's nginx).
$(NGINX):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends nginx

# The dashboard in production: nginx on HOST:PORT in front of gunicorn's WORKERS sync workers
# (data loaded once before they fork), started together and stopped together (deploy/serve.py).
serve: compile $(NGINX)
	$(PY) -m deploy.serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

validate: $(STAMP)
	$(PY) -m indicators validate

# Browser tests use Debian's Chromium; install it if the machine lacks it.
$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium

# axe-core, the accessibility checker the browser tests inject, Lighthouse, which the benchmark
# drives, and regenerator-runtime, which the dashboard vendors, at the versions package-lock.json
# pins (npm ci installs exactly them).
AXE := node_modules/axe-core/axe.min.js
$(AXE): package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(AXE)

browser: $(CHROMIUM) $(AXE)

# The load generator the benchmark uses (Debian's wrk).
$(WRK):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends wrk

# Dashboard against a bare-Dash floor app, and data scaling; prints a table, writes JSON. Then
# what a chart image costs, first rendered and kept.
bench: compile browser $(WRK) $(NGINX)
	$(PY) -m bench
	$(PY) -m bench.images

# The production command under a mixed load for 60 s after a warm-up: errors, p99, worker memory;
# then 30 s more beside 100 slow clients.
soak: compile browser $(WRK) $(NGINX)
	$(PY) -m bench.soak

# The property tests with fresh random examples, ROUNDS times; the suite itself draws fixed ones.
ROUNDS ?= 5
FUZZ_TESTS := tests/test_data_fuzz.py tests/test_columns.py tests/test_derive.py \
  tests/dashboard/test_state.py tests/dashboard/test_request_fuzz.py tests/dashboard/test_http_fuzz.py
fuzz: $(STAMP)
	for round in $$(seq $(ROUNDS)); do \
	  HYPOTHESIS_PROFILE=explore $(PY) -m pytest -q -p no:cacheprovider $(FUZZ_TESTS) || exit 1; \
	done

# The whole of make test with every core kept busy by other processes (python -m bench.loaded),
# RUNS times: a test that waits on a fixed sleep instead of a condition fails here.
RUNS ?= 1
test-loaded: $(STAMP) browser $(WRK) $(NGINX)
	$(PY) -m bench.loaded --runs $(RUNS) -- $(MAKE) --no-print-directory test

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

unit: $(STAMP) browser $(WRK) $(NGINX)
	$(PY) -m pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) node_modules screenshots .pytest_cache .mypy_cache .ruff_cache .hypothesis
