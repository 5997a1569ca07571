# kohtaanto: the two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: demo demo-reset voikko test test-postgres test-db check install messages browser lint lock clean audit-deps

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

## install: the virtual environment, the project and its compiled translations
install: $(STAMP) messages

messages: $(STAMP)
	$(BIN)/kohtaanto messages compile > /dev/null

DEMO_DIR := $(CURDIR)/.data/demo

## demo: a SQLite database with fictional demo data in .data/demo, served on http://$(HOST):$(PORT)
demo: install voikko
	KOHTAANTO_DATA_DIR="$(DEMO_DIR)" $(BIN)/kohtaanto demo --host $(HOST) --port $(PORT)

## demo-reset: forget the demo's database and files; the next `make demo` starts afresh
demo-reset:
	rm -rf "$(DEMO_DIR)"

## voikko: Finnish morphology (Debian libvoikko1, voikko-fi; installed when run as root, else simplemma)
voikko:
	@scripts/ensure-voikko

## browser: Debian chromium for the end-to-end and accessibility tests (installed when run as root)
browser:
	@scripts/ensure-browser

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# every core; one worker per core (a browser test waits on Chromium and the server as much as it computes)
PYTEST := KOHTAANTO_DATA_DIR="$(CURDIR)/.data/test" $(BIN)/pytest -n $(or $(WORKERS),auto) --dist worksteal

## check: the fast loop: lint, types, unit tests and doctests (no database, no browser)
check: lint
	$(PYTEST) -m "unit and not process" -q

## test: lint, type-check, then the whole suite (SQLite, or DATABASE_URL if set), slowest 25 printed
test: lint browser voikko
	$(PYTEST)

## test-db: the tests that touch the database (CI runs them again on PostgreSQL)
test-db: install
	$(PYTEST) -m db

## test-postgres: the same suite against a throwaway PostgreSQL cluster
test-postgres: install
	scripts/with-postgres $(MAKE) test

## audit-deps: known vulnerabilities in the pinned dependencies (pip-audit; needs PyPI's advisory data)
audit-deps: install
	scripts/audit-deps

## lock: pin what is installed; a wheel installed from a local file is pinned by its version, and
## tools installed by hand for profiling (py-spy) are left out
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -e '^-e' -e '^py-spy==' \
		| sed -E 's/^([A-Za-z0-9_.-]+) @ file:.*-([0-9][^-]*)-py3.*$$/\1==\2/' > requirements.lock

clean:
	rm -rf $(VENV) .data build src/*.egg-info
	find src -name '*.mo' -delete
