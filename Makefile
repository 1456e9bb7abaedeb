# Lianfang 廉防 — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
UV ?= python3 -m uv
PYTEST_ARGS ?=

.PHONY: setup run test lint format contract openapi console console-deps bench chaos fuzz clean

setup: ## Install the locked Python environment into .venv (bytecode compiled once, here)
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode

CONSOLE := console
CONSOLE_SOURCES := $(shell find $(CONSOLE)/src $(CONSOLE)/index.html $(CONSOLE)/vite.config.ts $(CONSOLE)/package-lock.json -type f 2>/dev/null)

# npm ci when node_modules is missing or older than the lock (the marker npm writes on install).
$(CONSOLE)/node_modules/.package-lock.json: $(CONSOLE)/package-lock.json
	cd $(CONSOLE) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

console-deps: $(CONSOLE)/node_modules/.package-lock.json

# The built web console (served by the console service); rebuilt only when a source is newer.
$(CONSOLE)/dist/index.html: $(CONSOLE)/node_modules/.package-lock.json $(CONSOLE_SOURCES)
	cd $(CONSOLE) && npm run build
	@touch $@

console: $(CONSOLE)/dist/index.html ## Build the web console (npm ci + vite build, skipped when up to date)

run: setup console ## Kafka + the node's services + the web console + the demo district on localhost (dev mode: development keys)
	LIANFANG_ENV=dev $(UV) run lianfang run

test: setup lint console ## The whole suite against real Kafka, SQLite and PostgreSQL, and the browser tests
	# The small chaos run (minutes) is `make chaos`'s, kept out of the suite for CI's 30-minute budget.
	# Two workers (tests/conftest.py schedules them): the browser tests beside the rest.
	$(UV) run pytest -n 2 -m "not chaos" $(PYTEST_ARGS)

lint: console-deps
	$(UV) run ruff check .
	$(UV) run mypy
	cd $(CONSOLE) && npm run lint
	cd $(CONSOLE) && npm run typecheck

format:
	$(UV) run ruff format .
	$(UV) run ruff check --fix .

openapi: console-deps ## Regenerate console/openapi and the console's API types from the services
	$(UV) run lianfang export-openapi console/openapi
	cd $(CONSOLE) && npm run gen:api

contract: ## Regenerate docs/contract from the event models
	$(UV) run lianfang export-contract docs/contract

bench: setup ## Every figure of issue #18 in one table within 10 minutes: a real local stack, the overdue scan, replay and verify (bench/e2e.py); JSON in bench/results/
	$(UV) run python -m bench.e2e

chaos: setup ## The small chaos run as a test, then 10,000 filings under SIGKILLs, a broker restart, a rewind and doubled records; a verdict (bench/chaos.py)
	$(UV) run pytest -q -m chaos tests/e2e/test_chaos.py
	$(UV) run python -m bench.chaos

fuzz: setup ## Property-based fuzzing of every service's API from its OpenAPI document, at length
	LIANFANG_FUZZ_EXAMPLES=$${LIANFANG_FUZZ_EXAMPLES:-150} $(UV) run pytest -q -s --timeout=3600 tests/fuzz

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache $(CONSOLE)/dist tests/browser/screenshots
