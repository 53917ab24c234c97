# Shouhu (守护). `make run` starts the platform in embedded mode; `make test` runs every check.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PACKAGES := -p shouhu.platform -p shouhu.registry -p shouhu.benefits -p shouhu.education \
            -p shouhu.volunteers -p shouhu.notifications -p shouhu.gateway -p shouhu.localstack

.PHONY: setup run test lint typecheck contracts contracts-check pytest stack fetch authz-matrix

setup: ## Install uv if missing and the locked workspace.
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --all-packages --locked

run: setup ## All services and the gateway on http://127.0.0.1:8000 (SQLite, in-process events).
	$(UV) run python -m shouhu.gateway.embedded

test: setup lint typecheck contracts-check fetch pytest ## Everything CI checks.

lint:
	$(UV) run ruff check .
	$(UV) run ruff format --check .

typecheck:
	$(UV) run mypy --strict $(PACKAGES)

contracts: ## Rewrite the committed contracts after a deliberate change.
	$(UV) run python scripts/contracts.py

contracts-check:
	$(UV) run python scripts/contracts.py --check

fetch: ## Download Kafka and Keycloak once (cached under ~/.cache/shouhu).
	$(UV) run python -m shouhu.localstack fetch

pytest:
	$(UV) run pytest

stack: setup ## Real PostgreSQL, Kafka and Keycloak as local processes, until Ctrl-C.
	$(UV) run python -m shouhu.localstack up

authz-matrix: ## Rewrite docs/authz-matrix.md after a deliberate change of who may do what.
	SHOUHU_UPDATE_MATRIX=1 $(UV) run pytest tests/test_authz_matrix.py -k embedded
