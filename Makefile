# Shouhu (守护). `make run` starts the platform in embedded mode; `make test` runs every check.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
CONSOLE := python3 scripts/console.py
PACKAGES := -p shouhu.platform -p shouhu.registry -p shouhu.benefits -p shouhu.education \
            -p shouhu.volunteers -p shouhu.notifications -p shouhu.gateway -p shouhu.localstack

.PHONY: setup run test lint typecheck contracts contracts-check pytest stack fetch authz-matrix \
        console console-deps console-test browser

setup: ## Install uv if missing and the locked workspace.
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --all-packages --locked

run: setup console ## All services, the gateway and the console on http://127.0.0.1:8000 (SQLite).
	$(UV) run python -m shouhu.gateway.embedded

test: setup lint typecheck contracts-check fetch console-test pytest ## Everything CI checks.

console: ## Build the console (gateway/console/dist) when missing or stale; docs/console.md.
	$(CONSOLE) build

console-deps: ## npm ci into gateway/console/node_modules, when its lockfile changed.
	$(CONSOLE) deps

console-test: console-deps ## The console's unit tests (vitest).
	cd gateway/console && npm run --silent test

browser: ## Debian's Chromium and a Chinese font for the browser tests, when missing.
	$(CONSOLE) browser

lint:
	$(UV) run ruff check .
	$(UV) run ruff format --check .

typecheck: console-deps
	$(UV) run mypy --strict $(PACKAGES)
	cd gateway/console && npm run --silent typecheck

contracts: console-deps ## Rewrite the committed contracts after a deliberate change.
	$(UV) run python scripts/contracts.py

contracts-check: console-deps
	$(UV) run python scripts/contracts.py --check

fetch: ## Download Kafka and Keycloak, build Helm, once (cached under ~/.cache/shouhu).
	$(UV) run python -m shouhu.localstack fetch

pytest: console browser
	$(UV) run pytest

stack: setup ## Real PostgreSQL, Kafka and Keycloak as local processes, until Ctrl-C.
	$(UV) run python -m shouhu.localstack up

authz-matrix: ## Rewrite docs/authz-matrix.md after a deliberate change of who may do what.
	SHOUHU_UPDATE_MATRIX=1 $(UV) run pytest tests/test_authz_matrix.py -k embedded
