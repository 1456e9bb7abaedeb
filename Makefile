# Lianfang 廉防 — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
UV ?= python3 -m uv
PYTEST_ARGS ?=

.PHONY: setup run test lint format contract bench clean

setup: ## Install the locked Python environment into .venv
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen

run: setup ## Kafka + the four services + the demo district on localhost (dev mode: development keys)
	LIANFANG_ENV=dev $(UV) run lianfang run

test: setup lint ## The whole suite against real Kafka, SQLite and PostgreSQL
	$(UV) run pytest $(PYTEST_ARGS)

lint:
	$(UV) run ruff check .
	$(UV) run mypy

format:
	$(UV) run ruff format .
	$(UV) run ruff check --fix .

contract: ## Regenerate docs/contract from the event models
	$(UV) run lianfang export-contract docs/contract

bench: setup ## Figures on a real local stack (bench/e2e.py), then replay and verify (bench/replay.py)
	$(UV) run python -m bench.e2e
	$(UV) run python -m bench.replay

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
